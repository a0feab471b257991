//! The input table: one row per field of [`Scenario`](crate::model::Scenario) with its range,
//! step, unit, group, default, plausible low and high, and where the default comes from. The
//! page builds its sliders from this table, the command line lists it (`whatif --inputs`),
//! the tornado and the Monte Carlo take their ranges from it. The i18n files hold each
//! field's label, help and (for assumptions) the one-line reason, under the same field name.

use serde::Serialize;

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
    /// A plain number without unit (an elasticity or an exponent).
    Plain,
}

/// Where a default comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "ref", rename_all = "snake_case")]
pub enum Origin {
    /// A fact of the dataset, by its id (shown with its source on the page).
    Fact(&'static str),
    /// A published figure outside the dataset, by the short citation `docs/MODEL.md` lists it
    /// under (the i18n files say what it measured).
    Published(&'static str),
    /// A labelled assumption; its one-line reason is in the i18n files under the field name
    /// (`calculator.inputs.<field>.assumption`).
    Assumption,
}

/// Which panel of the calculator an input belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputGroup {
    /// AGI and the race for it.
    Race,
    /// The US sprint.
    Us,
    /// The Chinese marathon.
    Cn,
    /// Demand, prices and money: both sides.
    Market,
    /// Only used by the Monte Carlo run ([`crate::model::monte_carlo`]).
    Uncertainty,
}

/// One row of the input table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct InputSpec {
    /// The field name in [`Scenario`](crate::model::Scenario), the URL and the i18n files.
    pub field: &'static str,
    /// Smallest and largest allowed value (both allowed); `step` is the slider's step, and
    /// only values on a step are accepted.
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub unit: InputUnit,
    pub origin: Origin,
    pub group: InputGroup,
    /// The shipped default (equal to `Scenario::default()`).
    pub default: f64,
    /// A plausible low and high (documented in `docs/MODEL.md`): the tornado's two ends and,
    /// for the inputs the Monte Carlo varies, its sampling range.
    pub low: f64,
    pub high: f64,
}

/// Inputs that frame the question rather than measure something uncertain: the tornado and
/// the Monte Carlo do not vary them (the AGI year has its own distribution).
pub const FRAMING_INPUTS: [&str; 2] = ["agi_mode", "prize_anchor"];

/// The value of `agi_year` that means "no AGI by 2060".
pub const NO_AGI_YEAR: f64 = 2061.0;

#[allow(clippy::too_many_arguments)]
const fn spec(
    field: &'static str,
    (min, max, step): (f64, f64, f64),
    unit: InputUnit,
    origin: Origin,
    group: InputGroup,
    default: f64,
    (low, high): (f64, f64),
) -> InputSpec {
    InputSpec {
        field,
        min,
        max,
        step,
        unit,
        origin,
        group,
        default,
        low,
        high,
    }
}

use InputGroup as G;
use InputUnit as U;
use Origin::{Assumption, Published};

/// A race input that switches between two framings: 0 (the default) or 1.
const fn race_switch(field: &'static str) -> InputSpec {
    spec(
        field,
        (0.0, 1.0, 1.0),
        U::Plain,
        Assumption,
        G::Race,
        0.0,
        (0.0, 1.0),
    )
}

static INPUT_SPECS: [InputSpec; 24] = [
    // ---- The race -----------------------------------------------------------------------
    spec(
        "agi_year",
        (2026.0, NO_AGI_YEAR, 1.0),
        U::Year,
        Assumption,
        G::Race,
        2030.0,
        // The articles' two cases: AGI in three years (2028) or ten (2035).
        (2028.0, 2035.0),
    ),
    // 0: the reader's year, whatever anyone spends (the articles' framing); 1: AGI comes when
    // effective compute crosses a threshold, so a sprint can buy time.
    race_switch("agi_mode"),
    spec(
        "agi_prize",
        (0.0, 5.0, 0.1),
        U::Multiple,
        Assumption,
        G::Race,
        1.0,
        (0.5, 2.0),
    ),
    // 0: a multiple of the AI market; 1: a share of world output that AI providers capture
    // (the bull case's scale).
    race_switch("prize_anchor"),
    spec(
        "agi_gdp_share",
        (0.0, 100.0, 1.0),
        U::Percent,
        // Goldman Sachs' +7% of world output (pre-AGI) to the top of the US CEA's survey (45%).
        Published("AI output studies 2023–26"),
        G::Race,
        20.0,
        (7.0, 45.0),
    ),
    spec(
        "provider_capture",
        (0.0, 50.0, 0.5),
        U::Percent,
        // Nordhaus (2004): innovators captured ~2.2% of the social returns; more only with
        // winner-take-most pricing.
        Published("Nordhaus 2004"),
        G::Race,
        5.0,
        (2.0, 20.0),
    ),
    spec(
        "winner_take_all",
        (0.0, 8.0, 0.5),
        U::Plain,
        Assumption,
        G::Race,
        2.0,
        (1.0, 4.0),
    ),
    spec(
        "catch_up_lag",
        (0.0, 10.0, 1.0),
        U::Years,
        Assumption,
        G::Race,
        2.0,
        (1.0, 4.0),
    ),
    // ---- The US sprint ------------------------------------------------------------------
    spec(
        "us_capex_growth",
        (0.0, 100.0, 1.0),
        U::Percent,
        // The big four's 2024 growth (s004-big4-capex-growth-2024) kept up every year until
        // AGI: a history used as a forecast, so an assumption.
        Assumption,
        G::Us,
        63.0,
        (30.0, 90.0),
    ),
    spec(
        "us_power_growth",
        (0.0, 50.0, 1.0),
        U::Percent,
        Published("LBNL 2024"),
        G::Us,
        20.0,
        (13.0, 27.0),
    ),
    spec(
        "us_patience",
        (0.0, 3.0, 0.1),
        U::Multiple,
        Assumption,
        G::Us,
        1.0,
        (0.5, 2.0),
    ),
    // ---- The Chinese marathon -----------------------------------------------------------
    spec(
        "cn_chip_growth",
        (0.0, 60.0, 1.0),
        U::Percent,
        Assumption,
        G::Cn,
        20.0,
        (10.0, 30.0),
    ),
    spec(
        "cn_capex_growth",
        (0.0, 100.0, 1.0),
        U::Percent,
        // A Chinese sprint runs the same plan as the US one unless the reader says otherwise.
        Assumption,
        G::Cn,
        63.0,
        (30.0, 90.0),
    ),
    spec(
        "cn_patience",
        (0.0, 3.0, 0.1),
        U::Multiple,
        Assumption,
        G::Cn,
        1.0,
        (0.5, 2.0),
    ),
    spec(
        "cn_compute_per_dollar",
        (0.1, 2.0, 0.05),
        U::Multiple,
        // Derived from chip prices and performance under export controls (H20, Ascend 910C
        // against H100/B200): docs/MODEL.md §2.1.
        Published("Chip prices 2024–25"),
        G::Cn,
        0.5,
        (0.3, 0.8),
    ),
    spec(
        "cn_algorithm_lag",
        (0.0, 3.0, 0.25),
        U::Years,
        // Between Epoch AI's 3–4-month open-weight gap and its 2024 estimate of a year.
        Published("Epoch AI open-model gap"),
        G::Cn,
        0.5,
        (0.25, 1.0),
    ),
    // ---- Market and money (both sides) --------------------------------------------------
    spec(
        "us_access",
        (0.0, 100.0, 0.5),
        U::Percent,
        // Presence in China only through licensed local partners: ~Microsoft's China revenue
        // share (2%) to AWS's 2019 share of China's cloud infrastructure (8.6%).
        Published("Canalys, Synergy 2019–24"),
        G::Market,
        2.0,
        (0.0, 9.0),
    ),
    spec(
        "cn_access",
        (0.0, 100.0, 0.5),
        U::Percent,
        // No Chinese provider reports its revenue abroad; 1.5% of the market outside China is
        // about 8% of their own revenue (3–20%: 0.5–4%).
        Assumption,
        G::Market,
        1.5,
        (0.5, 4.0),
    ),
    spec(
        "patience_years",
        (1.0, 10.0, 1.0),
        U::Years,
        // Railway (1836–47) and telecom (1996–2001) build-outs broke after 3–5 years.
        Published("Past build-outs"),
        G::Market,
        4.0,
        (2.0, 7.0),
    ),
    spec(
        "demand_growth",
        (0.0, 60.0, 1.0),
        U::Percent,
        Assumption,
        G::Market,
        25.0,
        (10.0, 40.0),
    ),
    spec(
        "price_cut",
        (0.0, 40.0, 1.0),
        U::Percent,
        Assumption,
        G::Market,
        0.0,
        (0.0, 15.0),
    ),
    spec(
        "discount_rate",
        (5.0, 15.0, 0.5),
        U::Percent,
        Published("WACC estimates 2025"),
        G::Market,
        9.0,
        (7.0, 11.0),
    ),
    // ---- Uncertainty (Monte Carlo only) -------------------------------------------------
    spec(
        "agi_median_year",
        (2026.0, 2060.0, 1.0),
        U::Year,
        // Between Metaculus/Cotra (2030s–2040) and the 2023 expert survey's 2047.
        Published("AGI forecasts 2022–25"),
        G::Uncertainty,
        2040.0,
        (2030.0, 2050.0),
    ),
    spec(
        "agi_spread_years",
        (0.0, 60.0, 0.5),
        U::Years,
        // 37.5 years puts a quarter of the draws after 2060 (10–55% in the forecasts) and a
        // tenth by 2028 (the 2023 survey's 10%: 2027).
        Assumption,
        G::Uncertainty,
        37.5,
        (10.0, 60.0),
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

/// Earlier parameter names that still work in links and embeds, with the field each now
/// sets (the meaning and unit are the same).
pub const ALIASES: [(&str, &str); 3] = [
    ("sprint_capex_growth_pct", "us_capex_growth"),
    ("price_decline_pct", "price_cut"),
    ("catch_up_lag_years", "catch_up_lag"),
];

/// Earlier parameter names whose input no longer exists (the model that used them was
/// replaced); links that carry them still open, and the value is ignored.
pub const RETIRED: [&str; 20] = [
    "horizon_end",
    "cash_margin_pct",
    "growth_half_life_years",
    "payoff_multiple",
    "cny_per_usd",
    "sprint_base",
    "sprint_capex_intensity_pct",
    "sprint_revenue_growth_pct",
    "power_ceiling_multiple",
    "patience_multiple",
    "marathon_base_capex_cny_bn",
    "marathon_capex_intensity_pct",
    "marathon_revenue_growth_pct",
    "open_source_saving_pct",
    "follower_share_pct",
    "api_share_pct",
    "price_floor_pct",
    "price_elasticity",
    "us_price_follow",
    // One multiple stood for chips and algorithms together; now two inputs, each sourced
    // (`cn_compute_per_dollar`, `cn_algorithm_lag`).
    "cn_efficiency",
];

/// How a parameter name is understood.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldName {
    /// A current input (an alias resolves to its new name).
    Input(&'static InputSpec),
    /// A retired name: accepted and ignored.
    Retired,
    /// Not a parameter of the calculator.
    Unknown,
}

/// Resolves a parameter name: current names, aliases, retired names.
pub fn resolve_field(name: &str) -> FieldName {
    let current = ALIASES
        .iter()
        .find(|(old, _)| *old == name)
        .map_or(name, |(_, new)| new);
    if let Some(spec) = input_spec(current) {
        FieldName::Input(spec)
    } else if RETIRED.contains(&name) {
        FieldName::Retired
    } else {
        FieldName::Unknown
    }
}
