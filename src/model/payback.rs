//! The payback arithmetic readers have seen in the press (Sequoia's "AI's $600B question"),
//! with the two things that rule of thumb leaves out: the equipment's useful life and the
//! cost of capital. The revenue a year's capex must earn each year of its life is
//! `capex × r / (1 − (1 + r)^−L) / m` — the yearly capital charge of an annuity over `L`
//! years at rate `r`, grossed up by the cash margin `m`.

use serde::Serialize;

use super::calibration::USEFUL_LIFE_YEARS;

/// The big four's capex in calendar 2025 as reported, US$ bn: Amazon 131.8 + Microsoft 118.0
/// (its four quarters of calendar 2025, with finance leases) + Alphabet 91.4 + Meta 72.22.
pub const BIG4_CAPEX_2025_USD_BN: f64 = 131.8 + 118.0 + 91.4 + 72.22;

/// The dataset records [`BIG4_CAPEX_2025_USD_BN`] adds up, each for calendar 2025.
pub const BIG4_CAPEX_2025_FACTS: [&str; 4] = [
    "ref-amazon-capex-2025",
    "ref-msft-capex-2025-incl-leases",
    "ref-alphabet-capex-2025",
    "ref-meta-capex-2025",
];

/// Reported revenue the page sets beside the requirement: the three US clouds' 2025
/// revenue (all cloud, of which AI is a part; Microsoft's Intelligent Cloud for its fiscal year
/// to June 2025) and OpenAI's annualised revenue at the end of 2025.
pub const PAYBACK_COMPARISONS: [&str; 4] = [
    "ref-aws-revenue-2025",
    "ref-msft-intelligent-cloud-revenue-fy2025",
    "ref-google-cloud-revenue-2025",
    "ref-openai-arr-2025",
];

/// The payback panel's figures, US$ bn.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Payback {
    /// One year's capex.
    pub capex: f64,
    /// `L`, years.
    pub life_years: f64,
    /// `m`: cash margin before depreciation (the US clouds' operating margin plus
    /// depreciation, `docs/MODEL.md` §3.2).
    pub cash_margin: f64,
    /// `r`.
    pub cost_of_capital: f64,
    /// What the capex costs each year of its life: `capex × r / (1 − (1 + r)^−L)`.
    pub yearly_capital_charge: f64,
    /// The revenue that leaves that much cash: `yearly_capital_charge / m`.
    pub required_revenue: f64,
}

/// The payback of `capex` (US$ bn) over `life_years` at `cost_of_capital` (a fraction, > 0)
/// and `cash_margin` (a fraction, > 0).
///
/// ```
/// use ai_capex_explainer::model::payback;
/// let p = payback(100.0, 5.0, 0.5, 0.10);
/// assert!((p.yearly_capital_charge - 26.38).abs() < 0.01);
/// assert!((p.required_revenue - 52.76).abs() < 0.01);
/// ```
pub fn payback(capex: f64, life_years: f64, cash_margin: f64, cost_of_capital: f64) -> Payback {
    let annuity = cost_of_capital / (1.0 - (1.0 + cost_of_capital).powf(-life_years));
    let yearly_capital_charge = capex * annuity;
    Payback {
        capex,
        life_years,
        cash_margin,
        cost_of_capital,
        yearly_capital_charge,
        required_revenue: yearly_capital_charge / cash_margin,
    }
}

/// The panel at a discount rate (a fraction): the big four's 2025 capex over the servers'
/// useful life at the US clouds' cash margin before depreciation (the capital charge already
/// recovers the capex, so the margin must not deduct depreciation a second time).
pub(crate) fn big4_payback(discount_rate: f64, cash_margin: f64) -> Payback {
    payback(
        BIG4_CAPEX_2025_USD_BN,
        USEFUL_LIFE_YEARS.value,
        cash_margin,
        discount_rate,
    )
}
