//! The input table: one row per field of [`Scenario`](crate::model::Scenario), with its kind
//! (range or choice), unit, group, default and where the default comes from. The page builds
//! its sliders and switches from this table; the i18n files hold each field's label, help and
//! (for assumptions) the one-line reason, under the same field name.

use serde::Serialize;

/// How an input is entered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InputKind {
    /// A number from `min` to `max` (both allowed); `step` is the slider's step.
    Range { min: f64, max: f64, step: f64 },
    /// One of a fixed list of options (here: dataset fact ids).
    Choice { options: &'static [&'static str] },
}

/// The unit a value is shown in. Percent inputs hold percent numbers (`63` means 63%).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputUnit {
    /// A calendar year.
    Year,
    /// A number of years.
    Years,
    /// Percent (the value 63 means 63%).
    Percent,
    /// A multiple ("3×").
    Multiple,
    /// A plain number without unit (the price elasticity).
    Plain,
    /// Billions of US dollars.
    UsdBn,
    /// Billions of yuan.
    CnyBn,
    /// Yuan per US dollar.
    CnyPerUsd,
}

/// Where a default comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "fact_id", rename_all = "snake_case")]
pub enum Origin {
    /// A fact of the dataset, by its id (shown with its source on the page).
    Fact(&'static str),
    /// A labelled assumption; its one-line reason is in the i18n files under the field name
    /// (`calculator.inputs.<field>.assumption`).
    Assumption,
}

/// Which panel of the calculator an input belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputGroup {
    Shared,
    Sprint,
    Marathon,
    Prices,
    /// Only used by the Monte Carlo run ([`crate::model::monte_carlo`]).
    Uncertainty,
}

/// The value of one input.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum InputValue {
    Number(f64),
    Choice(&'static str),
}

/// One row of the input table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct InputSpec {
    /// The field name in [`Scenario`](crate::model::Scenario), the URL and the i18n files.
    pub field: &'static str,
    pub kind: InputKind,
    pub unit: InputUnit,
    pub origin: Origin,
    pub group: InputGroup,
    /// The shipped default (equal to `Scenario::default()`).
    pub default: InputValue,
}

impl InputSpec {
    /// `(min, max)` of a range input; `None` for a choice.
    pub fn range(&self) -> Option<(f64, f64)> {
        match self.kind {
            InputKind::Range { min, max, .. } => Some((min, max)),
            InputKind::Choice { .. } => None,
        }
    }
}

/// The fact ids a reader can pick as the sprint's 2025 capex (the seeds disagree; see
/// [`SprintBase`](crate::model::SprintBase)).
pub const SPRINT_BASE_OPTIONS: &[&str] = &[
    "s000-big4-capex-2025",
    "s004-big4-capex-2025-plan",
    "s001-us-ai-capex-2025",
];

const fn range(min: f64, max: f64, step: f64) -> InputKind {
    InputKind::Range { min, max, step }
}

const fn num(
    field: &'static str,
    kind: InputKind,
    unit: InputUnit,
    origin: Origin,
    group: InputGroup,
    default: f64,
) -> InputSpec {
    InputSpec {
        field,
        kind,
        unit,
        origin,
        group,
        default: InputValue::Number(default),
    }
}

use InputGroup as G;
use InputUnit as U;
use Origin::{Assumption, Fact};

static INPUT_SPECS: [InputSpec; 24] = [
    // ---- Shared -------------------------------------------------------------------------
    num(
        "agi_year",
        range(2026.0, 2060.0, 1.0),
        U::Year,
        Assumption,
        G::Shared,
        2030.0,
    ),
    num(
        "horizon_end",
        range(2030.0, 2060.0, 1.0),
        U::Year,
        Assumption,
        G::Shared,
        2040.0,
    ),
    num(
        "cash_margin_pct",
        range(5.0, 60.0, 1.0),
        U::Percent,
        Assumption,
        G::Shared,
        30.0,
    ),
    num(
        "growth_half_life_years",
        range(1.0, 50.0, 1.0),
        U::Years,
        Assumption,
        G::Shared,
        5.0,
    ),
    num(
        "payoff_multiple",
        range(1.0, 10.0, 0.1),
        U::Multiple,
        Assumption,
        G::Shared,
        3.0,
    ),
    num(
        "cny_per_usd",
        range(5.0, 10.0, 0.01),
        U::CnyPerUsd,
        Fact("s000-bytedance-ai-capex-2025"),
        G::Shared,
        7.17,
    ),
    // ---- Sprint (US) --------------------------------------------------------------------
    InputSpec {
        field: "sprint_base",
        kind: InputKind::Choice {
            options: SPRINT_BASE_OPTIONS,
        },
        unit: U::UsdBn,
        origin: Fact("s000-big4-capex-2025"),
        group: G::Sprint,
        default: InputValue::Choice("s000-big4-capex-2025"),
    },
    num(
        "sprint_capex_growth_pct",
        range(0.0, 100.0, 1.0),
        U::Percent,
        Fact("s004-big4-capex-growth-2024"),
        G::Sprint,
        63.0,
    ),
    num(
        "sprint_capex_intensity_pct",
        range(5.0, 60.0, 1.0),
        U::Percent,
        Fact("s001-msft-capex-intensity"),
        G::Sprint,
        27.0,
    ),
    num(
        "sprint_revenue_growth_pct",
        range(0.0, 60.0, 1.0),
        U::Percent,
        Fact("s004-aws-growth-2024q4"),
        G::Sprint,
        19.0,
    ),
    num(
        "power_ceiling_multiple",
        range(1.0, 10.0, 0.1),
        U::Multiple,
        Assumption,
        G::Sprint,
        3.0,
    ),
    num(
        "patience_multiple",
        range(0.0, 10.0, 0.1),
        U::Multiple,
        Assumption,
        G::Sprint,
        2.0,
    ),
    // ---- Marathon (China) ---------------------------------------------------------------
    num(
        "marathon_base_capex_cny_bn",
        range(50.0, 1500.0, 10.0),
        U::CnyBn,
        Fact("s001-cn7-ai-capex-2025"),
        G::Marathon,
        300.0,
    ),
    num(
        "marathon_capex_intensity_pct",
        range(2.0, 60.0, 1.0),
        U::Percent,
        Fact("s001-cn-cloud-capex-intensity"),
        G::Marathon,
        10.0,
    ),
    num(
        "marathon_revenue_growth_pct",
        range(0.0, 60.0, 1.0),
        U::Percent,
        Fact("s002-alibaba-cloud-growth-2025q1"),
        G::Marathon,
        18.0,
    ),
    num(
        "open_source_saving_pct",
        range(0.0, 20.0, 1.0),
        U::Percent,
        Assumption,
        G::Marathon,
        0.0,
    ),
    num(
        "follower_share_pct",
        range(0.0, 100.0, 5.0),
        U::Percent,
        Assumption,
        G::Marathon,
        50.0,
    ),
    num(
        "catch_up_lag_years",
        range(0.0, 10.0, 1.0),
        U::Years,
        Assumption,
        G::Marathon,
        2.0,
    ),
    // ---- API prices ---------------------------------------------------------------------
    num(
        "api_share_pct",
        range(0.0, 100.0, 5.0),
        U::Percent,
        Assumption,
        G::Prices,
        25.0,
    ),
    num(
        "price_decline_pct",
        range(0.0, 90.0, 1.0),
        U::Percent,
        Assumption,
        G::Prices,
        20.0,
    ),
    num(
        "price_elasticity",
        range(0.0, 3.0, 0.05),
        U::Plain,
        Assumption,
        G::Prices,
        1.2,
    ),
    num(
        "price_floor_pct",
        range(1.0, 100.0, 1.0),
        U::Percent,
        Fact("s002-deepseek-api-price-ratio"),
        G::Prices,
        1.0,
    ),
    // ---- Uncertainty (Monte Carlo only) -------------------------------------------------
    num(
        "agi_median_year",
        range(2026.0, 2060.0, 1.0),
        U::Year,
        Assumption,
        G::Uncertainty,
        2030.0,
    ),
    num(
        "agi_spread_years",
        range(0.0, 30.0, 0.5),
        U::Years,
        Assumption,
        G::Uncertainty,
        5.0,
    ),
];

/// The input table, in page order (grouped). Every field of
/// [`Scenario`](crate::model::Scenario) has exactly one row.
pub fn input_specs() -> &'static [InputSpec] {
    &INPUT_SPECS
}

/// The row of one field, if the field exists.
pub fn input_spec(field: &str) -> Option<&'static InputSpec> {
    INPUT_SPECS.iter().find(|spec| spec.field == field)
}
