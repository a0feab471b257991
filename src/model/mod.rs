//! The what-if calculator: the articles' question as a game between the US clouds and the
//! Chinese giants.
//!
//! The seed articles argue that the US bets on AGI with capex far ahead of revenue, while
//! China paces capex to what it can sell, and that "if AGI arrives within three years the US
//! wins; if it is still in the lab after ten, China's path is steadier" (seed 001). This module
//! lets the reader test that as a choice of strategy, without building the answer in: each side
//! may sprint or pace, all four pairs are run, and each side's payoff is the NPV of its own
//! cash flows. It is pure (numbers in, numbers out; no I/O, no globals, no web types) and
//! deterministic. `docs/MODEL.md` states every equation, every constant with its source and a
//! worked example at the defaults.
//!
//! # In one paragraph
//! Each side (the three US clouds in US$, the Chinese giants in ¥) starts from its reported
//! 2025 revenue and capex ([`calibration`]). Capex buys compute that lasts its useful life and
//! gets cheaper every year; capacity serves demand from the markets a side can sell in (its
//! own, and its access share of the other's); what capacity cannot serve is lost, what demand
//! does not use sits idle. Pacing buys what demand needs (new equipment displacing the oldest
//! where the grid is full); sprinting grows capex by a set rate until AGI, within power, chips
//! and what investors will fund, and investors stop it after their patience. When AGI comes,
//! each market's prize goes to the home side except the part the other side can reach, which
//! is split by effective compute (compute per dollar, algorithms) with a winner-takes-all
//! strength until the follower catches up. From the 2×2 table (`game/`): best responses,
//! every equilibrium, and the headline — the US firms' choice, the latest AGI year for which
//! sprinting pays given China's best response — with a materiality band inside which it is
//! too close to call; risk (`monte_carlo.rs`) says which path is steadier.
//!
//! # Units
//! Each side is computed in its own currency; the exchange rate enters only where the two
//! sides meet (the race for compute, the markets and the prize). Percent inputs hold percent
//! numbers (63 = 63%); the formulas use fractions.
//!
//! # Properties (tested in `tests/model_properties.rs` and the crate's unit tests)
//! Every output finite for every valid input; bad values refused with field, value and range;
//! the game table is its own transpose when both sides are alike; no access, no demand or
//! prize from the other side's market; every input and constant can move the US choice; one
//! band rule everywhere; a seed reproduces the Monte Carlo.

pub mod calibration;
mod engine;
mod error;
mod flat;
mod game;
mod inputs;
mod monte_carlo;
mod params;
mod payback;
mod presets;
mod project;
mod scenario;
mod sensitivity;
mod strategy_map;
#[cfg(test)]
mod symmetry_tests;

pub use engine::{Limits, Measure, Side, Strategy};
pub use error::{InputError, InputErrorKind};
pub use flat::{from_flat, to_flat, FlatError, FromFlat};
pub use game::{
    call, BestResponse, BreakEvenKind, BusinessGap, Call, Cell, Choice, ChoicePoint, ChoiceRun,
    ClaimCheck, Equilibrium, Game, CLAIM_EARLY_AGI_YEAR, CLAIM_LATE_AGI_YEAR, FIRST_AGI_YEAR,
    MATERIALITY,
};
pub use inputs::{
    input_spec, input_specs, resolve_field, FieldName, InputGroup, InputSpec, InputUnit, Origin,
    ALIASES, FRAMING_INPUTS, NO_AGI_YEAR, RETIRED,
};
pub use monte_carlo::{
    monte_carlo, AgiDistribution, AgiYearBar, MonteCarlo, MonteCarloSteps, RiskFigures, SideRisk,
    Steadier, Varied, AGI_CORRELATION, DEFAULT_RUNS, MAX_RUNS,
};
pub use payback::{
    payback, Payback, BIG4_CAPEX_2025_FACTS, BIG4_CAPEX_2025_USD_BN, PAYBACK_COMPARISONS,
};
pub use presets::Preset;
pub use project::{project, AgiMode, Projection, SideYear, SprintStops, YearRow};
pub use scenario::Scenario;
pub use sensitivity::{
    sensitivity, Sensitivity, SensitivitySteps, TornadoBar, TornadoEnd, ZeroReason,
};
pub use strategy_map::{
    default_map_field, strategy_map, MapCell, StrategyMap, StrategyMapSteps, MAP_STEPS,
};
