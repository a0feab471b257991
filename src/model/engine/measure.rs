//! The discounted measures (`docs/MODEL.md` §3.4) and one AGI year's race: the sprint, the
//! marathon and the US paced path.

use serde::Serialize;

use super::market::{Market, Side};
use super::path::{path, Path, Policy};
use super::prize::{prize, Prize};
use crate::model::calibration::{TERMINAL_GROWTH, YEARS};
use crate::model::params::Params;

/// A side's discounted measures (`docs/MODEL.md` §3.4), in its own currency.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Measure {
    /// Present value of operating cash flow (market revenue less running costs, plus the
    /// prize at the side's cash margin), 2025–2060 plus terminal value.
    pub pv_operating_cash: f64,
    /// Present value of capex, 2025–2060 plus terminal value.
    pub pv_capex: f64,
    /// The verdict measure: value created per unit invested, `pv_operating_cash / pv_capex`.
    pub value_per_capex: f64,
    /// Net present value: `pv_operating_cash − pv_capex`.
    pub npv: f64,
}

/// A side's operating cash flow in year `k`: market revenue less running costs, plus its
/// prize revenue at its cash margin.
pub(crate) fn operating_cash(path: &Path, prize: &Prize, k: usize) -> f64 {
    path.revenue[k] - path.running_costs[k] + path.cash_margin * prize.revenue(path.side, k)
}

/// Discounts 2025–2060 and adds a Gordon terminal value for the years after: the flow that
/// carries on, `x (1 + g) / (r − g)`, discounted from 2060 (g < r for every allowed r).
fn present_value(market: &Market, value: impl Fn(usize) -> f64, carried_on: f64) -> f64 {
    let g = TERMINAL_GROWTH.value;
    let years: f64 = (0..YEARS).map(|k| market.discount[k] * value(k)).sum();
    years + market.discount[YEARS - 1] * carried_on * (1.0 + g) / (market.rate - g)
}

pub(crate) fn measure(market: &Market, path: &Path, prize: &Prize) -> Measure {
    let last = YEARS - 1;
    let terminal_cash = path.revenue[last] - path.running_costs[last]
        + path.cash_margin * prize.terminal_revenue(path.side);
    let pv_operating_cash =
        present_value(market, |k| operating_cash(path, prize, k), terminal_cash);
    let pv_capex = present_value(market, |k| path.capex[k], path.terminal_capex);
    Measure {
        pv_operating_cash,
        pv_capex,
        value_per_capex: pv_operating_cash / pv_capex,
        npv: pv_operating_cash - pv_capex,
    }
}

/// What does not depend on the AGI year: the market, the marathon (it builds to demand
/// whatever happens) and the US on the paced path.
#[derive(Debug, Clone)]
pub(crate) struct Fixed {
    pub market: Market,
    pub marathon: Path,
    pub paced: Path,
}

impl Fixed {
    pub(crate) fn new(p: &Params) -> Fixed {
        let market = Market::new(p);
        let marathon = path(Side::Cn, Policy::Paced, p, &market);
        let paced = path(Side::Us, Policy::Paced, p, &market);
        Fixed {
            market,
            marathon,
            paced,
        }
    }
}

/// One AGI year: the sprint's path, the prize it races the marathon for, and the prize the
/// same US firms would win on the paced path.
#[derive(Debug, Clone)]
pub(crate) struct World {
    pub sprint: Path,
    pub sprint_prize: Prize,
    pub paced_prize: Prize,
}

pub(crate) fn world(p: &Params, fixed: &Fixed) -> World {
    let sprint = path(Side::Us, Policy::Sprint, p, &fixed.market);
    World {
        sprint_prize: prize(p, &sprint, &fixed.marathon),
        paced_prize: prize(p, &fixed.paced, &fixed.marathon),
        sprint,
    }
}

/// The measures of one AGI year: the sprint, the marathon (racing the sprint), and the paced
/// path (racing the marathon).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Race {
    pub sprint: Measure,
    pub marathon: Measure,
    pub paced: Measure,
}

pub(crate) fn race(p: &Params, fixed: &Fixed) -> Race {
    let w = world(p, fixed);
    let m = &fixed.market;
    Race {
        sprint: measure(m, &w.sprint, &w.sprint_prize),
        marathon: measure(m, &fixed.marathon, &w.sprint_prize),
        paced: measure(m, &fixed.paced, &w.paced_prize),
    }
}
