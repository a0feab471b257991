//! The inputs as the formulas use them: fractions instead of percents, whole years, and the
//! two capex ratios the Monte Carlo varies. Built only from a validated scenario.

use super::calibration::{CN_CAPEX_RATIO, PRICE_ELASTICITY, US_CAPEX_RATIO, US_PRICE_FOLLOW};
use super::inputs::NO_AGI_YEAR;
use super::scenario::Scenario;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Params {
    /// `A`, or `None` for "no AGI by 2060".
    pub agi_year: Option<i32>,
    /// `M`: the yearly prize as a multiple of each year's AI market.
    pub prize: f64,
    /// `w`: the winner-takes-all exponent.
    pub winner_take_all: f64,
    /// `λ`: whole years until the follower catches up.
    pub catch_up_lag: i32,
    /// `g_s`.
    pub us_capex_growth: f64,
    /// `p`.
    pub us_power_growth: f64,
    /// `θ`: external funding as a multiple of the parents' 2025 operating cash flow.
    pub us_patience: f64,
    /// `h`.
    pub cn_chip_growth: f64,
    /// `e`.
    pub cn_efficiency: f64,
    /// `g_d`.
    pub demand_growth: f64,
    /// `d`.
    pub price_cut: f64,
    /// `φ`.
    pub us_price_follow: f64,
    /// `ε`.
    pub elasticity: f64,
    /// `r`.
    pub discount_rate: f64,
    /// `ρ_US`: US in-scope capex ÷ cloud revenue, 2025.
    pub us_capex_ratio: f64,
    /// `ρ_CN`: Chinese capex ÷ AI and cloud revenue, 2025.
    pub cn_capex_ratio: f64,
}

/// A year input as a whole year (inputs are validated, so the cast cannot saturate).
pub(crate) fn whole_year(x: f64) -> i32 {
    x.round() as i32
}

impl Params {
    pub(crate) fn from_scenario(s: &Scenario) -> Params {
        let agi = whole_year(s.agi_year);
        Params {
            agi_year: (agi < whole_year(NO_AGI_YEAR)).then_some(agi),
            prize: s.agi_prize,
            winner_take_all: s.winner_take_all,
            catch_up_lag: whole_year(s.catch_up_lag),
            us_capex_growth: s.us_capex_growth / 100.0,
            us_power_growth: s.us_power_growth / 100.0,
            us_patience: s.us_patience,
            cn_chip_growth: s.cn_chip_growth / 100.0,
            cn_efficiency: s.cn_efficiency,
            demand_growth: s.demand_growth / 100.0,
            price_cut: s.price_cut / 100.0,
            us_price_follow: US_PRICE_FOLLOW.value,
            elasticity: PRICE_ELASTICITY.value,
            discount_rate: s.discount_rate / 100.0,
            us_capex_ratio: US_CAPEX_RATIO.value,
            cn_capex_ratio: CN_CAPEX_RATIO.value,
        }
    }

    /// The same parameters with another AGI year (`None`: no AGI by 2060).
    pub(crate) fn with_agi(self, agi_year: Option<i32>) -> Params {
        Params { agi_year, ..self }
    }
}
