//! The discounted measures of one side's path (`docs/MODEL.md` §3.4) and its deepest cash
//! shortfall (§3.6).

use serde::Serialize;

use super::market::Market;
use super::path::Path;
use super::prize::Prize;
use crate::model::calibration::YEARS;

/// A side's measures (`docs/MODEL.md` §3.4), in its own currency, bn.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Measure {
    /// Present value of operating cash flow (market revenue less running costs, plus the
    /// prize at the side's cash margin), 2025–2080 plus terminal value.
    pub pv_operating_cash: f64,
    /// Present value of capex, 2025–2080 plus terminal value.
    pub pv_capex: f64,
    /// Value created per unit invested, `pv_operating_cash / pv_capex`.
    pub value_per_capex: f64,
    /// The payoff: `pv_operating_cash − pv_capex`.
    pub npv: f64,
    /// The deepest cumulative shortfall of operating cash against capex, undiscounted, from
    /// 2025 (0 when the path never spends more than it earns): what the parents and investors
    /// must fund at the worst point.
    pub peak_funding_need: f64,
}

/// A side's operating cash flow in year `k`: market revenue less running costs, plus its
/// prize revenue at its cash margin.
pub(crate) fn operating_cash(path: &Path, prize: &Prize, k: usize) -> f64 {
    path.revenue[k] - path.running_costs[k] + path.cash_margin * prize.revenue(path.side, k)
}

/// Discounts 2025–2080 and adds a Gordon terminal value for the years after: the flow that
/// carries on, `x (1 + g) / (r − g)`, discounted from the last year (g < r for every allowed
/// r).
fn present_value(market: &Market, g: f64, value: impl Fn(usize) -> f64, carried_on: f64) -> f64 {
    let years: f64 = (0..YEARS).map(|k| market.discount[k] * value(k)).sum();
    years + market.discount[YEARS - 1] * carried_on * (1.0 + g) / (market.rate - g)
}

pub(crate) fn measure(market: &Market, g: f64, path: &Path, prize: &Prize) -> Measure {
    let last = YEARS - 1;
    let terminal_cash = path.revenue[last] - path.running_costs[last]
        + path.cash_margin * prize.terminal_revenue(path.side);
    let pv_operating_cash =
        present_value(market, g, |k| operating_cash(path, prize, k), terminal_cash);
    let pv_capex = present_value(market, g, |k| path.capex[k], path.terminal_capex);
    let (mut cumulative, mut deepest) = (0.0_f64, 0.0_f64);
    for k in 0..YEARS {
        cumulative += operating_cash(path, prize, k) - path.capex[k];
        deepest = deepest.min(cumulative);
    }
    Measure {
        pv_operating_cash,
        pv_capex,
        value_per_capex: pv_operating_cash / pv_capex,
        npv: pv_operating_cash - pv_capex,
        peak_funding_need: -deepest,
    }
}
