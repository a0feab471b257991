//! The what-if calculator: "sprint" (the US giants) versus "marathon" (the Chinese giants).
//!
//! The seed articles argue that the US bets on AGI with huge capex now and negative returns,
//! while China paces capex to revenue and "lays eggs along the way", and that "if AGI arrives
//! within three years the US wins big; if it is still in the lab after ten, the Chinese path is
//! steadier" (seed 001). This module lets the reader test that claim. It is pure: numbers in,
//! numbers out — no I/O, no globals, no web types, deterministic. Dataset facts appear here
//! only as `&'static str` ids next to the defaults they supply ([`input_specs`]).
//!
//! # Units and currencies
//! Each side is computed in its own currency: the sprint in **US$ bn**, the marathon in
//! **¥ bn**. The verdict uses the **return per unit of capex** (ROI below), which has no unit,
//! so a US$364 bn side and a ¥300 bn side compare fairly; `cny_per_usd` only converts amounts
//! for display ([`StrategyYear::scaled`]). Percent inputs hold percent numbers (63 = 63%); the
//! formulas use fractions.
//!
//! # The formulas
//! Years run from 2025 to the horizon `Y` (default 2040); `k = year − 2025`. `A` is the AGI
//! year (whole year; after `Y` means "no AGI within the horizon").
//!
//! **API prices** (both sides). The price of AI services falls by `d` a year down to a floor:
//! `P_k = max((1 − d)^k, floor)`. Demand has a constant elasticity `ε`: volume
//! `V_k = P_k^−ε`, so API revenue scales with `P_k × V_k = P_k^(1−ε)` — above `ε = 1` cheaper AI
//! raises total spending (the Jevons argument of seed 004), below 1 it lowers it. A share `σ`
//! of each side's revenue is API / model-as-a-service, so revenue is multiplied by
//! `Π_k = (1 − σ) + σ × P_k^(1−ε)`.
//!
//! **Revenue growth** (both sides). Base revenue grows by the latest observed rate `g` in 2026,
//! and the rate halves every `H` years: `R_k = R_(k−1) × (1 + g × 2^(−(k−1)/H))`.
//!
//! **Sprint (US, US$ bn).** 2025 capex `c₀` is a seed figure (364, 320 or 155; the reader picks).
//! 2025 revenue follows from the capex intensity `i_s` (capex ÷ revenue, Microsoft's 27%):
//! `R_0 = c₀ / i_s`. Each year is in one of three phases:
//! - *race* (before AGI): capex grows by `g_c` a year up to the power ceiling,
//!   `G_k = c₀ × min((1 + g_c)^k, ceiling)`; revenue is `R_k × Π_k`.
//! - *won* (from `A` on, if the bubble has not burst): the winner-take-all payoff multiplies
//!   revenue, `M × R_k × Π_k`, and the race is over, so capex falls back to the pre-race pace,
//!   `min(G_k, i_s × R_k × Π_k)` — the prize is earned on the capacity already built.
//! - *burst*: investors' patience is a cumulative loss of `patience × c₀`. If, in a race year,
//!   the cumulative position falls below `−patience × c₀`, that is the bubble year; from the next
//!   year capex falls back to `min(G_k, i_s × R_k × Π_k)` and the payoff is lost for good.
//!
//! **Marathon (China, ¥ bn).** 2025 capex `k₀` (¥300 bn for seven firms) sets 2025 revenue
//! through the intensity `i_c` (10% for Alibaba/Tencent cloud): `R_0 = k₀ / i_c`. Capex is
//! always paced to revenue, `capex_k = i_c × (1 − o)^k × revenue_k`, where `o` is a yearly
//! saving from open-source efficiency (default 0: the >90% cut of seed 001 already shows in
//! today's 10%). As a follower it gets a share `f` of the winner's extra revenue `L` years
//! after AGI: `revenue_k = R_k × Π_k × (1 + (M − 1) × f)` from year `A + L`, else `R_k × Π_k`.
//! AGI is treated as arriving in year `A` whatever happens to the sprint's finances.
//!
//! **Both sides, every year.** With cash margin `m` (before capex, the same for both so that
//! only the strategy differs):
//! - cash flow `= m × revenue − capex`;
//! - cumulative position `= Σ cash flow` from 2025;
//! - return per unit of capex (ROI) `= Σ (m × revenue) / Σ capex` from 2025.
//!
//! **Verdict.** The side with the higher ROI at the horizon is ahead ([`Summary`]). The sprint
//! "overtakes" in the first year from which its ROI stays above the marathon's; a side "breaks
//! even" in the first year from which its cumulative position stays at or above zero.
//! [`Summary::payoff_needed`] is the payoff `M` at which the two would tie.
//!
//! Three consequences worth telling the reader: (1) the marathon's ROI is `m / i_c` every year
//! (3.0 with the defaults) unless open-source savings lower its intensity, because its capex
//! follows its revenue; the sprint must beat that number. (2) Everything scales with each
//! side's base capex, so the seeds' disputed figures (364 / 320 / 155), the ¥300 bn and the
//! exchange rate change amounts, never the verdict. (3) The margin `m` cancels out of the
//! ratio `ROI_sprint / ROI_marathon`; it matters only through the cash flows, i.e. whether
//! the sprint's losses exhaust investors' patience before AGI.
//!
//! # Uncertainty and sensitivity
//! [`monte_carlo`] draws the AGI year from a log-normal the reader shapes
//! ([`AgiDistribution`]) and counts who ends ahead; [`sensitivity`] nudges each input by a
//! tenth of its range both ways and sorts the effects (a tornado).
//!
//! # Properties (tested)
//! No output is NaN or infinite for any valid input; out-of-range input is refused with the
//! field, value and range; an earlier AGI never lowers the sprint's final position; more
//! patience never makes the bubble burst earlier; cumulative values are sums of yearly ones.

mod error;
mod inputs;
mod monte_carlo;
mod presets;
mod project;
mod scenario;
mod sensitivity;
mod summary;

pub use error::{InputError, InputErrorKind};
pub use inputs::{
    input_spec, input_specs, InputGroup, InputKind, InputSpec, InputUnit, InputValue, Origin,
    SPRINT_BASE_OPTIONS,
};
pub use monte_carlo::{
    monte_carlo, AgiDistribution, AgiYearBar, HistogramBin, MonteCarlo, DEFAULT_RUNS,
    HISTOGRAM_BINS, MAX_RUNS,
};
pub use presets::Preset;
pub use project::{
    project, PricePoint, Projection, SprintPhase, StrategyYear, YearRow, FIRST_YEAR,
};
pub use scenario::{Scenario, SprintBase};
pub use sensitivity::{sensitivity, Sensitivity, TornadoBar, NUDGE_SHARE_OF_RANGE};
pub use summary::{Leader, Summary, SummaryKind};
