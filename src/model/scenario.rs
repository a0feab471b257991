//! The scenario: every input of the calculator, its defaults, and reading/writing one field
//! from text (a slider, a URL parameter, the command line) with the same checks everywhere.

use serde::{Deserialize, Serialize};

use super::error::{check_value, InputError, InputErrorKind};
use super::inputs::{input_specs, resolve_field, FieldName};

/// Every input of the calculator. Field names are snake_case and are also the URL parameter
/// names; ranges, steps, units and sources are in [`input_specs`]. Percent fields hold
/// percent numbers (`63.0` = 63%).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    // The race
    /// The year AGI arrives, 2026–2060; 2061 means "no AGI by 2060".
    pub agi_year: f64,
    /// How the AGI year is set: 0, the reader's year whatever anyone spends; 1, when effective
    /// compute crosses a threshold (calibrated so that both sides pacing reach it in
    /// `agi_year`).
    pub agi_mode: f64,
    /// The AGI prize each year, as a multiple of that year's AI market, 0–5.
    pub agi_prize: f64,
    /// What the prize is measured against: 0, a multiple of the AI market (`agi_prize`); 1, a
    /// share of world output (`agi_gdp_share` × `provider_capture`).
    pub prize_anchor: f64,
    /// With the world-output anchor: AGI's yearly addition to world output, % of it, 0–100.
    pub agi_gdp_share: f64,
    /// With the world-output anchor: the share of that addition AI providers capture, %, 0–50.
    pub provider_capture: f64,
    /// How strongly the compute leader takes the prize: 0 splits it equally, 1 in proportion
    /// to effective compute, higher values give the leader more, 0–8.
    pub winner_take_all: f64,
    /// Years after AGI until the follower catches up, 0–10.
    pub catch_up_lag: f64,
    // The US sprint
    /// Yearly growth of US capex until AGI, %, 0–100.
    pub us_capex_growth: f64,
    /// Yearly growth of the data-centre equipment the US grid can power, %, 0–50.
    pub us_power_growth: f64,
    /// Investors' patience: the funding they provide beyond the parents' own cash, as a
    /// multiple of the parents' 2025 operating cash flow, 0–3.
    pub us_patience: f64,
    // The Chinese marathon
    /// Yearly growth of the AI chips China can buy, %, 0–60.
    pub cn_chip_growth: f64,
    /// Yearly growth of Chinese capex until AGI when China sprints, %, 0–100.
    pub cn_capex_growth: f64,
    /// Investors' patience with a Chinese sprint, as a multiple of the Chinese parents' 2025
    /// operating cash flow, 0–3.
    pub cn_patience: f64,
    /// Compute a Chinese provider gets per dollar of AI equipment, relative to a US one (chips
    /// under export controls cost more per unit of compute), 0.1–2.
    pub cn_compute_per_dollar: f64,
    /// Years by which Chinese algorithms trail the frontier (open models spread the frontier's
    /// gains after a lag), 0–3.
    pub cn_algorithm_lag: f64,
    // Market and money
    /// Share of China's cloud and AI market that US providers serve, %, 0–100.
    pub us_access: f64,
    /// Share of the market outside China that Chinese providers serve, %, 0–100.
    pub cn_access: f64,
    /// Years of borrowing investors fund a sprint that has not reached AGI, 1–10.
    pub patience_years: f64,
    /// Growth of AI and cloud demand at constant prices in 2026, %, 0–60 (then fading).
    pub demand_growth: f64,
    /// China's yearly price cut beyond the fall in compute costs, %, 0–40 (a rate, not a
    /// one-off step).
    pub price_cut: f64,
    /// Discount rate (cost of capital), % a year, 5–15.
    pub discount_rate: f64,
    // Uncertainty (Monte Carlo only)
    /// Median AGI year of the Monte Carlo distribution, 2026–2060.
    pub agi_median_year: f64,
    /// Spread: median + spread is the 84th percentile (one σ), years, 0–30.
    pub agi_spread_years: f64,
}

impl Default for Scenario {
    /// The shipped defaults (each is a dataset fact, a published figure or a labelled
    /// assumption; see [`input_specs`]).
    fn default() -> Self {
        let mut scenario = Scenario {
            agi_year: 0.0,
            agi_mode: 0.0,
            agi_prize: 0.0,
            prize_anchor: 0.0,
            agi_gdp_share: 0.0,
            provider_capture: 0.0,
            winner_take_all: 0.0,
            catch_up_lag: 0.0,
            us_capex_growth: 0.0,
            us_power_growth: 0.0,
            cn_chip_growth: 0.0,
            cn_capex_growth: 0.0,
            cn_patience: 0.0,
            cn_compute_per_dollar: 0.0,
            cn_algorithm_lag: 0.0,
            us_access: 0.0,
            cn_access: 0.0,
            patience_years: 0.0,
            demand_growth: 0.0,
            price_cut: 0.0,
            us_patience: 0.0,
            discount_rate: 0.0,
            agi_median_year: 0.0,
            agi_spread_years: 0.0,
        };
        for spec in input_specs() {
            scenario.set_number_unchecked(spec.field, spec.default);
        }
        scenario
    }
}

impl Scenario {
    /// The value of one field (aliases resolve), `None` for an unknown or retired name.
    pub fn get(&self, field: &str) -> Option<f64> {
        match resolve_field(field) {
            FieldName::Input(spec) => self.number(spec.field),
            FieldName::Retired | FieldName::Unknown => None,
        }
    }

    /// Parses `raw` (slider, URL or command-line text; surrounding spaces ignored) and sets
    /// one field after the range and step checks. Earlier names of an input (aliases) set it
    /// too; retired names are accepted and ignored, so old links still open. On error `self`
    /// is unchanged and the error names field, value and range.
    ///
    /// ```
    /// use ai_capex_explainer::model::Scenario;
    /// let mut s = Scenario::default();
    /// assert!(s.set("agi_year", "2028").is_ok());
    /// assert_eq!(s.agi_year, 2028.0);
    /// let err = s.set("agi_year", "2100").unwrap_err();
    /// assert_eq!(err.to_string(), "agi_year = 2100 is out of range 2026–2061");
    /// assert_eq!(s.agi_year, 2028.0);
    /// assert!(s.set("price_decline_pct", "40").is_ok()); // an alias of price_cut
    /// assert_eq!(s.price_cut, 40.0);
    /// ```
    pub fn set(&mut self, field: &str, raw: &str) -> Result<(), InputError> {
        self.set_read(field, raw, |number| number.parse().ok())
    }

    /// [`Scenario::set`] with the decimal conversion given: `read` turns text already checked
    /// to be a JSON number ("40", "-1.5", "2e3") into its value. The page has the browser do
    /// it (std's `f64::from_str` would add ~16 KB of wasm); natively it is std's.
    pub fn set_read(
        &mut self,
        field: &str,
        raw: &str,
        read: impl FnOnce(&str) -> Option<f64>,
    ) -> Result<(), InputError> {
        let text = raw.trim();
        let spec = match resolve_field(field) {
            FieldName::Input(spec) => spec,
            FieldName::Retired => return Ok(()),
            FieldName::Unknown => {
                return Err(InputError::new(field, text, InputErrorKind::UnknownField))
            }
        };
        let value = match Some(text).filter(|t| is_json_number(t)).and_then(read) {
            Some(v) if v.is_finite() => v,
            _ => return Err(InputError::new(field, text, InputErrorKind::NotANumber)),
        };
        if let Some(mut error) = check_value(spec, value) {
            // Name the parameter as the reader wrote it, and the value as typed.
            error.field = field.to_string();
            error.value = text.to_string();
            return Err(error);
        }
        self.set_number_unchecked(spec.field, value);
        Ok(())
    }

    /// Every field that is not finite, out of its range or between steps (empty: valid).
    ///
    /// ```
    /// use ai_capex_explainer::model::Scenario;
    /// assert!(Scenario::default().validate().is_ok());
    /// let bad = Scenario { agi_year: 2028.4, discount_rate: f64::NAN, ..Scenario::default() };
    /// let errors = bad.validate().unwrap_err();
    /// assert_eq!(errors.len(), 2);
    /// assert_eq!(errors[0].field, "agi_year");
    /// ```
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let errors: Vec<InputError> = input_specs()
            .iter()
            .filter_map(|spec| check_value(spec, self.number(spec.field)?))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Sets a field without checks (presets, nudges and draws inside the model; a value off
    /// the table would still be caught by [`Scenario::validate`]).
    pub(crate) fn set_number_unchecked(&mut self, field: &str, value: f64) -> bool {
        match self.number_mut(field) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }

    /// The value of a field by its current name.
    pub(crate) fn number(&self, field: &str) -> Option<f64> {
        let mut copy = self.clone();
        copy.number_mut(field).map(|slot| *slot)
    }

    fn number_mut(&mut self, field: &str) -> Option<&mut f64> {
        let s = self;
        Some(match field {
            "agi_year" => &mut s.agi_year,
            "agi_mode" => &mut s.agi_mode,
            "agi_prize" => &mut s.agi_prize,
            "prize_anchor" => &mut s.prize_anchor,
            "agi_gdp_share" => &mut s.agi_gdp_share,
            "provider_capture" => &mut s.provider_capture,
            "winner_take_all" => &mut s.winner_take_all,
            "catch_up_lag" => &mut s.catch_up_lag,
            "us_capex_growth" => &mut s.us_capex_growth,
            "us_power_growth" => &mut s.us_power_growth,
            "cn_chip_growth" => &mut s.cn_chip_growth,
            "cn_capex_growth" => &mut s.cn_capex_growth,
            "cn_patience" => &mut s.cn_patience,
            "cn_compute_per_dollar" => &mut s.cn_compute_per_dollar,
            "cn_algorithm_lag" => &mut s.cn_algorithm_lag,
            "us_access" => &mut s.us_access,
            "cn_access" => &mut s.cn_access,
            "patience_years" => &mut s.patience_years,
            "demand_growth" => &mut s.demand_growth,
            "price_cut" => &mut s.price_cut,
            "us_patience" => &mut s.us_patience,
            "discount_rate" => &mut s.discount_rate,
            "agi_median_year" => &mut s.agi_median_year,
            "agi_spread_years" => &mut s.agi_spread_years,
            _ => return None,
        })
    }
}

/// Whether `text` is one number as JSON writes it (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`):
/// the only form the setter takes, wherever the decimal conversion happens.
fn is_json_number(text: &str) -> bool {
    fn skip_digits(rest: &mut &[u8]) -> usize {
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        *rest = &rest[n..];
        n
    }
    let mut rest = text.as_bytes();
    if let [b'-', tail @ ..] = rest {
        rest = tail;
    }
    match rest {
        [b'0', tail @ ..] => rest = tail,
        [b'1'..=b'9', ..] => {
            skip_digits(&mut rest);
        }
        _ => return false,
    }
    if let [b'.', tail @ ..] = rest {
        rest = tail;
        if skip_digits(&mut rest) == 0 {
            return false;
        }
    }
    if let [b'e' | b'E', tail @ ..] = rest {
        rest = tail;
        if let [b'+' | b'-', tail @ ..] = rest {
            rest = tail;
        }
        if skip_digits(&mut rest) == 0 {
            return false;
        }
    }
    rest.is_empty()
}
