//! The scenario: every input of the calculator, its defaults, and reading/writing one field
//! from text (a slider or a URL parameter) with a range check.

use serde::{Deserialize, Serialize};

use super::error::{check_range, InputError, InputErrorKind};
use super::inputs::{input_spec, input_specs, InputKind, InputValue};

/// The sprint's 2025 capex, one of three figures the seeds give for US big tech (they disagree
/// on date and definition; see FACTCHECK C3). Serialized as the dataset fact id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SprintBase {
    /// US$364 bn: the big four's 2025 capex (guidance after Q2; seed 000).
    #[serde(rename = "s000-big4-capex-2025")]
    Big4Capex2025,
    /// US$320 bn: the big four's February 2025 plan ("more than", seed 004).
    #[serde(rename = "s004-big4-capex-2025-plan")]
    Big4Plan2025,
    /// US$155 bn: "US giants' 2025 AI capex" (seed 001; really year-to-date at end of July).
    #[serde(rename = "s001-us-ai-capex-2025")]
    UsAiCapex2025,
}

impl SprintBase {
    /// Every option, in the order of [`SPRINT_BASE_OPTIONS`](crate::model::SPRINT_BASE_OPTIONS).
    pub const ALL: [SprintBase; 3] = [
        SprintBase::Big4Capex2025,
        SprintBase::Big4Plan2025,
        SprintBase::UsAiCapex2025,
    ];

    /// The dataset fact id of this option.
    pub fn id(self) -> &'static str {
        match self {
            SprintBase::Big4Capex2025 => "s000-big4-capex-2025",
            SprintBase::Big4Plan2025 => "s004-big4-capex-2025-plan",
            SprintBase::UsAiCapex2025 => "s001-us-ai-capex-2025",
        }
    }

    /// The option with this fact id.
    pub fn parse(id: &str) -> Option<SprintBase> {
        SprintBase::ALL.into_iter().find(|base| base.id() == id)
    }

    /// The figure in US$ bn, as the seed states it.
    pub fn capex_usd_bn(self) -> f64 {
        match self {
            SprintBase::Big4Capex2025 => 364.0,
            SprintBase::Big4Plan2025 => 320.0,
            SprintBase::UsAiCapex2025 => 155.0,
        }
    }
}

/// Every input of the calculator. Field names are snake_case and are also the URL parameter
/// names; ranges, units and sources are in [`input_specs`]. Percent fields hold percent
/// numbers (`63.0` = 63%). The model rounds `agi_year`, `horizon_end` and
/// `catch_up_lag_years` to whole years.
///
/// Money: the sprint is in US$ bn, the marathon in ¥ bn; `cny_per_usd` only converts for
/// display, never inside the comparison (which uses the scale-free return per unit of capex).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    // Shared
    /// The year AGI arrives, 2026–2060; after `horizon_end` means "not within the horizon".
    pub agi_year: f64,
    /// The last year shown, 2030–2060 (the projection starts in 2025).
    pub horizon_end: f64,
    /// Cash margin on revenue before capex, % (both sides), 5–60.
    pub cash_margin_pct: f64,
    /// Years for revenue growth rates to halve (both sides), 1–50.
    pub growth_half_life_years: f64,
    /// The AGI winner's revenue multiple, 1–10.
    pub payoff_multiple: f64,
    /// Yuan per US dollar, 5–10 (display only).
    pub cny_per_usd: f64,
    // Sprint (US)
    /// Which seed figure starts the sprint's capex.
    pub sprint_base: SprintBase,
    /// Yearly capex growth until AGI, %, 0–100.
    pub sprint_capex_growth_pct: f64,
    /// 2025 capex as % of revenue, 5–60 (sets the sprint's 2025 revenue).
    pub sprint_capex_intensity_pct: f64,
    /// Revenue growth in 2026, %, 0–60 (then fading).
    pub sprint_revenue_growth_pct: f64,
    /// Power ceiling: the most capex the grid lets the sprint deploy in a year, as a multiple of
    /// its 2025 capex, 1–10.
    pub power_ceiling_multiple: f64,
    /// Investors' patience: the cumulative loss tolerated before AGI, as a multiple of 2025
    /// capex, 0–10.
    pub patience_multiple: f64,
    // Marathon (China)
    /// 2025 capex of the seven Chinese firms, ¥ bn, 50–1500.
    pub marathon_base_capex_cny_bn: f64,
    /// Capex as % of revenue, 2–60.
    pub marathon_capex_intensity_pct: f64,
    /// Revenue growth in 2026, %, 0–60 (then fading).
    pub marathon_revenue_growth_pct: f64,
    /// Yearly cut in the marathon's capex per unit of revenue from open-source efficiency, %, 0–20.
    pub open_source_saving_pct: f64,
    /// The follower's share of the AGI winner's extra revenue, %, 0–100.
    pub follower_share_pct: f64,
    /// Years between AGI and the follower's payoff, 0–10.
    pub catch_up_lag_years: f64,
    // API prices
    /// Share of each side's revenue that comes from API / model-as-a-service, %, 0–100.
    pub api_share_pct: f64,
    /// Yearly fall of API prices, %, 0–90.
    pub price_decline_pct: f64,
    /// Demand elasticity ε (volume ∝ price^−ε), 0–3.
    pub price_elasticity: f64,
    /// The lowest price, as % of the 2025 price, 1–100.
    pub price_floor_pct: f64,
    // Uncertainty (Monte Carlo only)
    /// Median AGI year of the Monte Carlo distribution, 2026–2060.
    pub agi_median_year: f64,
    /// Spread: median + spread is the 84th percentile (one σ), years, 0–30.
    pub agi_spread_years: f64,
}

impl Default for Scenario {
    /// The shipped defaults; each is a dataset fact or a labelled assumption (see
    /// [`input_specs`]).
    fn default() -> Self {
        Scenario {
            agi_year: 2030.0,
            horizon_end: 2040.0,
            cash_margin_pct: 30.0,
            growth_half_life_years: 5.0,
            payoff_multiple: 3.0,
            cny_per_usd: 7.17,
            sprint_base: SprintBase::Big4Capex2025,
            sprint_capex_growth_pct: 63.0,
            sprint_capex_intensity_pct: 27.0,
            sprint_revenue_growth_pct: 19.0,
            power_ceiling_multiple: 3.0,
            patience_multiple: 2.0,
            marathon_base_capex_cny_bn: 300.0,
            marathon_capex_intensity_pct: 10.0,
            marathon_revenue_growth_pct: 18.0,
            open_source_saving_pct: 0.0,
            follower_share_pct: 50.0,
            catch_up_lag_years: 2.0,
            api_share_pct: 25.0,
            price_decline_pct: 20.0,
            price_elasticity: 1.2,
            price_floor_pct: 1.0,
            agi_median_year: 2030.0,
            agi_spread_years: 5.0,
        }
    }
}

/// The name of the one choice field.
const SPRINT_BASE: &str = "sprint_base";

impl Scenario {
    /// The value of one field, `None` for an unknown field name.
    pub fn get(&self, field: &str) -> Option<InputValue> {
        if field == SPRINT_BASE {
            return Some(InputValue::Choice(self.sprint_base.id()));
        }
        self.number(field).map(InputValue::Number)
    }

    /// Parses `raw` (slider or URL text, surrounding spaces ignored) and sets one field after a
    /// range check. On error `self` is unchanged and the error names field, value and range.
    ///
    /// ```
    /// use ai_capex_explainer::model::Scenario;
    /// let mut s = Scenario::default();
    /// assert!(s.set("agi_year", "2028").is_ok());
    /// assert_eq!(s.agi_year, 2028.0);
    /// let err = s.set("agi_year", "2100").unwrap_err();
    /// assert_eq!(err.to_string(), "agi_year = 2100 is out of range 2026–2060");
    /// assert_eq!(s.agi_year, 2028.0);
    /// ```
    pub fn set(&mut self, field: &str, raw: &str) -> Result<(), InputError> {
        let text = raw.trim();
        let Some(spec) = input_spec(field) else {
            return Err(InputError::new(field, text, InputErrorKind::UnknownField));
        };
        match spec.kind {
            InputKind::Choice { options } => {
                let base = SprintBase::parse(text).filter(|_| field == SPRINT_BASE);
                match base {
                    Some(base) => {
                        self.sprint_base = base;
                        Ok(())
                    }
                    None => Err(InputError::new(
                        field,
                        text,
                        InputErrorKind::UnknownOption { options },
                    )),
                }
            }
            InputKind::Range { min, max, step } => {
                let value = match text.parse::<f64>() {
                    Ok(v) if v.is_finite() => v,
                    _ => return Err(InputError::new(field, text, InputErrorKind::NotANumber)),
                };
                if value < min || value > max {
                    return Err(InputError::new(
                        field,
                        text,
                        InputErrorKind::OutOfRange { min, max },
                    ));
                }
                // Only values the slider can take: a link that says 2027.5 would otherwise
                // show 2028 on the slider while the model ran with 2027.5.
                let steps = (value - min) / step;
                if (steps - steps.round()).abs() > 1e-6 {
                    return Err(InputError::new(
                        field,
                        text,
                        InputErrorKind::OffStep { min, max, step },
                    ));
                }
                match self.number_mut(field) {
                    Some(slot) => {
                        *slot = value;
                        Ok(())
                    }
                    None => Err(InputError::new(field, text, InputErrorKind::UnknownField)),
                }
            }
        }
    }

    /// Every field that is not finite or out of its range (empty: the scenario is valid).
    ///
    /// ```
    /// use ai_capex_explainer::model::Scenario;
    /// assert!(Scenario::default().validate().is_ok());
    /// let bad = Scenario { agi_year: 2100.0, cash_margin_pct: f64::NAN, ..Scenario::default() };
    /// let errors = bad.validate().unwrap_err();
    /// assert_eq!(errors.len(), 2);
    /// assert_eq!(errors[0].field, "agi_year");
    /// ```
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let mut errors = Vec::new();
        for spec in input_specs() {
            let (InputKind::Range { min, max, .. }, Some(value)) =
                (spec.kind, self.number(spec.field))
            else {
                continue;
            };
            errors.extend(check_range(spec.field, value, min, max));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The sprint's 2025 capex in US$ bn (from the chosen fact).
    pub fn sprint_base_capex_usd_bn(&self) -> f64 {
        self.sprint_base.capex_usd_bn()
    }

    /// Sets a numeric field without a range check (for presets and nudges inside the model).
    pub(crate) fn set_number_unchecked(&mut self, field: &str, value: f64) -> bool {
        match self.number_mut(field) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }

    /// The value of a numeric field.
    pub(crate) fn number(&self, field: &str) -> Option<f64> {
        let s = self;
        Some(match field {
            "agi_year" => s.agi_year,
            "horizon_end" => s.horizon_end,
            "cash_margin_pct" => s.cash_margin_pct,
            "growth_half_life_years" => s.growth_half_life_years,
            "payoff_multiple" => s.payoff_multiple,
            "cny_per_usd" => s.cny_per_usd,
            "sprint_capex_growth_pct" => s.sprint_capex_growth_pct,
            "sprint_capex_intensity_pct" => s.sprint_capex_intensity_pct,
            "sprint_revenue_growth_pct" => s.sprint_revenue_growth_pct,
            "power_ceiling_multiple" => s.power_ceiling_multiple,
            "patience_multiple" => s.patience_multiple,
            "marathon_base_capex_cny_bn" => s.marathon_base_capex_cny_bn,
            "marathon_capex_intensity_pct" => s.marathon_capex_intensity_pct,
            "marathon_revenue_growth_pct" => s.marathon_revenue_growth_pct,
            "open_source_saving_pct" => s.open_source_saving_pct,
            "follower_share_pct" => s.follower_share_pct,
            "catch_up_lag_years" => s.catch_up_lag_years,
            "api_share_pct" => s.api_share_pct,
            "price_decline_pct" => s.price_decline_pct,
            "price_elasticity" => s.price_elasticity,
            "price_floor_pct" => s.price_floor_pct,
            "agi_median_year" => s.agi_median_year,
            "agi_spread_years" => s.agi_spread_years,
            _ => return None,
        })
    }

    fn number_mut(&mut self, field: &str) -> Option<&mut f64> {
        let s = self;
        Some(match field {
            "agi_year" => &mut s.agi_year,
            "horizon_end" => &mut s.horizon_end,
            "cash_margin_pct" => &mut s.cash_margin_pct,
            "growth_half_life_years" => &mut s.growth_half_life_years,
            "payoff_multiple" => &mut s.payoff_multiple,
            "cny_per_usd" => &mut s.cny_per_usd,
            "sprint_capex_growth_pct" => &mut s.sprint_capex_growth_pct,
            "sprint_capex_intensity_pct" => &mut s.sprint_capex_intensity_pct,
            "sprint_revenue_growth_pct" => &mut s.sprint_revenue_growth_pct,
            "power_ceiling_multiple" => &mut s.power_ceiling_multiple,
            "patience_multiple" => &mut s.patience_multiple,
            "marathon_base_capex_cny_bn" => &mut s.marathon_base_capex_cny_bn,
            "marathon_capex_intensity_pct" => &mut s.marathon_capex_intensity_pct,
            "marathon_revenue_growth_pct" => &mut s.marathon_revenue_growth_pct,
            "open_source_saving_pct" => &mut s.open_source_saving_pct,
            "follower_share_pct" => &mut s.follower_share_pct,
            "catch_up_lag_years" => &mut s.catch_up_lag_years,
            "api_share_pct" => &mut s.api_share_pct,
            "price_decline_pct" => &mut s.price_decline_pct,
            "price_elasticity" => &mut s.price_elasticity,
            "price_floor_pct" => &mut s.price_floor_pct,
            "agi_median_year" => &mut s.agi_median_year,
            "agi_spread_years" => &mut s.agi_spread_years,
            _ => return None,
        })
    }
}
