//! The what-if calculator: the US "sprint" against the Chinese "marathon".
//!
//! The seed articles argue that the US bets on AGI with capex far ahead of revenue, while
//! China paces capex to what it can sell, and that "if AGI arrives within three years the US
//! wins; if it is still in the lab after ten, China's path is steadier" (seed 001). This
//! module lets the reader test that claim without building the answer in: spending buys
//! capacity that serves demand and a share of the race, both sides face the price war, and
//! the verdict is discounted. It is pure (numbers in, numbers out; no I/O, no globals, no web
//! types) and deterministic. `docs/MODEL.md` states every equation, every constant with its
//! source and a worked example at the defaults.
//!
//! # In one paragraph
//! Each side (the three US clouds in US$, the Chinese giants in ¥) starts from its reported
//! 2025 revenue and capex ([`calibration`]). Capex buys compute that lasts its useful life and
//! gets cheaper every year; capacity serves demand, which grows with adoption and answers the
//! price war with an elasticity; what capacity cannot serve is lost, what demand does not use
//! sits idle and still costs to run. The marathon builds what demand needs, within the chips
//! it can buy; the sprint grows capex by a set rate until AGI, within the power the US grid
//! can energise and the funding investors give. When AGI comes its prize, a multiple of the
//! AI market then, is split by effective compute (compute × efficiency) with a
//! winner-takes-all strength, until the follower catches up and the prize erodes. The
//! verdict: each side's present value of operating cash flow per unit of present value of
//! capex, with a terminal value; the headline is the break-even AGI year, the latest at
//! which the sprint still comes out ahead.
//!
//! # Units
//! Each side is computed in its own currency; the verdict measures are scale-free, and the
//! exchange rate enters only where the two sides meet (the race for compute and the size of
//! the AI market). Percent inputs hold percent numbers (63 = 63%); the formulas use fractions.
//!
//! # Properties (tested in `tests/model_properties.rs`)
//! Every output finite for every valid input; bad values refused with field, value and
//! range; with early AGI more US capex raises the sprint's result, with no AGI it lowers it;
//! the price cut moves the marathon's own measure; the discount rate moves the verdict;
//! capacity binds in some default year; every input on the page can move the break-even year
//! or flip the leader (or, for the price war, the verdict); a higher power or chip cap never
//! lowers the prize share or the revenue of the side that gets it.

pub mod calibration;
mod engine;
mod error;
mod game;
mod inputs;
mod monte_carlo;
mod params;
mod payback;
mod presets;
mod project;
mod scenario;
mod sensitivity;
#[cfg(test)]
mod symmetry_tests;

pub use engine::{Limits, Measure, Side, Strategy};
pub use error::{InputError, InputErrorKind};
pub use game::{
    call, BestResponse, BreakEvenKind, BusinessGap, Call, Cell, Choice, ChoicePoint, ChoiceRun,
    ClaimCheck, Equilibrium, Game, CLAIM_EARLY_AGI_YEAR, CLAIM_LATE_AGI_YEAR, FIRST_AGI_YEAR,
    MATERIALITY,
};
pub use inputs::{
    input_spec, input_specs, resolve_field, FieldName, InputGroup, InputSpec, InputUnit, Origin,
    ALIASES, NO_AGI_YEAR, RETIRED,
};
pub use monte_carlo::{
    monte_carlo, AgiDistribution, AgiYearBar, MonteCarlo, RiskFigures, SideRisk, Steadier, Varied,
    AGI_CORRELATION, DEFAULT_RUNS, MAX_RUNS,
};
pub use payback::{
    payback, Payback, BIG4_CAPEX_2025_FACTS, BIG4_CAPEX_2025_USD_BN, PAYBACK_COMPARISONS,
};
pub use presets::Preset;
pub use project::{project, AgiMode, Projection, SideYear, SprintStops, YearRow};
pub use scenario::Scenario;
pub use sensitivity::{sensitivity, Sensitivity, TornadoBar, TornadoEnd, ZeroReason};
