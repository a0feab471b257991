//! One side's years under one capex policy (`docs/MODEL.md` §3.2): a fleet of vintages,
//! the limits that hold capex back, capacity, revenue and running costs.

use serde::Serialize;

use super::market::{start, vintage_weight, Market, Series, Side, VINTAGES};
use crate::model::calibration::{
    CNY_PER_USD, COMPUTE_COST_DECLINE, FIRST_YEAR, FIXED_COST_SHARE, PAST_CAPEX_GROWTH,
    TERMINAL_GROWTH, USEFUL_LIFE_YEARS, US_PARENT_CAPEX_2025, US_PARENT_OCF_2025, YEARS,
};
use crate::model::params::Params;

/// How a side decides its capex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Policy {
    /// Build what demand needs: each year, the capex that brings capacity up to the year's
    /// demand (none when capacity already covers it). The marathon, and the US "paced" path.
    Paced,
    /// Grow capex by `g_s` a year from 2025 until AGI, then paced (the race is over).
    Sprint,
}

/// Which limit held a year's capex below what the policy wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Limits {
    /// The US grid could not energise more (power).
    pub power: bool,
    /// Investors would fund no more (the parents' cash and patience).
    pub funding: bool,
    /// China could not buy more AI chips.
    pub chips: bool,
}

/// One side's years under one policy (`docs/MODEL.md` §3.2). Money in the side's currency.
#[derive(Debug, Clone)]
pub(crate) struct Path {
    pub side: Side,
    pub capex: Series,
    /// What the energised capacity could earn at 2025 prices (the unit of demand).
    pub capacity: Series,
    /// Market demand, same unit.
    pub demand: Series,
    /// Market revenue: price × what capacity can serve of demand.
    pub revenue: Series,
    /// Running costs: a fixed part for the installed base, a part for what is served (§3.2).
    pub running_costs: Series,
    /// Effective compute for the AGI race, in 2025 US$ of compute: energised US compute, or
    /// Chinese compute converted at the exchange rate and multiplied by `e`.
    pub race_compute: Series,
    pub limits: [Limits; YEARS],
    /// The capex the terminal value carries on after 2060: at least what keeps the 2060 fleet
    /// in service (its installed base over its useful life), so a fleet over-built before
    /// 2060 is not counted as free for ever.
    pub terminal_capex: f64,
    /// Cash margin before capex in 2025, at which the side turns prize revenue into cash.
    pub cash_margin: f64,
}

/// A side's equipment by vintage: six years before 2025, then 2025–2060.
struct Fleet {
    capex: [f64; VINTAGES + YEARS],
    /// Compute per unit of money of each vintage.
    q: [f64; VINTAGES + YEARS],
}

/// What is in service in one year: installed base at cost, and the energised part of it
/// with its compute.
#[derive(Debug, Clone, Copy)]
struct InService {
    base: f64,
    energised_base: f64,
    energised_compute: f64,
}

impl Fleet {
    /// Earlier vintages grew at the past rate: `I₋ⱼ = I₀ (1 + g_past)^−j`, `q₋ⱼ = (1 − c)^j`.
    fn new(capex_2025: f64, q: &Series) -> Fleet {
        let mut fleet = Fleet {
            capex: [0.0; VINTAGES + YEARS],
            q: [0.0; VINTAGES + YEARS],
        };
        for j in 1..=VINTAGES {
            fleet.capex[VINTAGES - j] =
                capex_2025 * (1.0 + PAST_CAPEX_GROWTH.value).powi(-(j as i32));
            fleet.q[VINTAGES - j] = (1.0 - COMPUTE_COST_DECLINE.value).powi(j as i32);
        }
        fleet.q[VINTAGES..].copy_from_slice(q);
        fleet.capex[VINTAGES] = capex_2025;
        fleet
    }

    /// In service in year `k` with `capex` bought that year, energising the newest vintages
    /// first up to `power_cap` (installed base at cost).
    fn in_service(&self, k: usize, capex: f64, power_cap: f64) -> InService {
        let i = VINTAGES + k;
        let mut room = power_cap;
        let mut out = InService {
            base: 0.0,
            energised_base: 0.0,
            energised_compute: 0.0,
        };
        for j in 0..VINTAGES {
            let bought = if j == 0 { capex } else { self.capex[i - j] };
            let base = vintage_weight(j) * bought;
            let energised = base.min(room).max(0.0);
            room -= energised;
            out.base += base;
            out.energised_base += energised;
            out.energised_compute += energised * self.q[i - j];
        }
        out
    }
}

/// Runs one side's capex policy through 2025–2060.
pub(crate) fn path(side: Side, policy: Policy, p: &Params, market: &Market) -> Path {
    let st = start(side, p);
    let price = market.price(side);
    let q = &market.compute_per_money;
    let mut fleet = Fleet::new(st.capex, q);

    // Calibration (§3.2): 2025 capacity meets 2025 demand (κ); the installed base B₂₀₂₅ sets
    // the scale of running costs.
    let at_start = fleet.in_service(0, st.capex, f64::INFINITY);
    let kappa = st.revenue / at_start.energised_compute;
    let base_2025 = at_start.base;
    let running_2025 = (1.0 - st.cash_margin) * st.revenue;
    let fixed_share = FIXED_COST_SHARE.value;

    let agi = p.agi_year.map_or(usize::MAX, |a| (a - FIRST_YEAR) as usize);
    // US funding (§3.2): the parents' cash flow outside the AI business, after their other
    // capex, growing at g; plus last year's market operating cash (the prize is left out: a
    // path is set before the race is decided); plus up to θ × OCF₂₀₂₅ from investors.
    let mut outside_cash = US_PARENT_OCF_2025.value
        - (st.revenue - running_2025)
        - (US_PARENT_CAPEX_2025.value - st.capex).max(0.0);
    let funding_limit = p.us_patience * US_PARENT_OCF_2025.value;
    let mut borrowed = 0.0;
    let mut last_cash = st.revenue - running_2025;
    let race_scale = match side {
        Side::Us => 1.0,
        Side::Cn => p.cn_efficiency / CNY_PER_USD.value,
    };

    let mut out = Path {
        side,
        capex: [0.0; YEARS],
        capacity: [0.0; YEARS],
        demand: [0.0; YEARS],
        revenue: [0.0; YEARS],
        running_costs: [0.0; YEARS],
        race_compute: [0.0; YEARS],
        limits: [Limits::default(); YEARS],
        terminal_capex: 0.0,
        cash_margin: st.cash_margin,
    };
    for k in 0..YEARS {
        let demand = market.demand(side)[k];
        // Power (US): the installed base the grid can energise grows by p a year.
        let power_cap = match side {
            Side::Us => base_2025 * (1.0 + p.us_power_growth).powi(k as i32),
            Side::Cn => f64::INFINITY,
        };
        let mut limits = Limits::default();
        let capex = if k == 0 {
            st.capex
        } else {
            // Paced: what demand needs beyond what is energised, never more than the grid
            // can energise on top.
            let old = fleet.in_service(k, 0.0, power_cap);
            let needed = (demand / kappa - old.energised_compute) / (vintage_weight(0) * q[k]);
            let power_room = (power_cap - old.base) / vintage_weight(0);
            let paced = needed.min(power_room).max(0.0);
            let paced_held_by_power = needed > power_room.max(0.0);
            let mut capex = match policy {
                // The sprint's bet: its plan, whatever demand or the grid say.
                Policy::Sprint if k < agi => st.capex * (1.0 + p.us_capex_growth).powi(k as i32),
                _ => {
                    limits.power = paced_held_by_power;
                    paced
                }
            };
            match side {
                Side::Us => {
                    outside_cash *= 1.0 + TERMINAL_GROWTH.value;
                    let own_cash = (outside_cash + last_cash).max(0.0);
                    let funding_room = own_cash + (funding_limit - borrowed).max(0.0);
                    if capex > funding_room {
                        capex = funding_room;
                        limits.funding = true;
                    }
                    borrowed += (capex - own_cash).max(0.0);
                }
                Side::Cn => {
                    let chips = st.capex * (1.0 + p.cn_chip_growth).powi(k as i32);
                    if capex > chips {
                        capex = chips;
                        limits.chips = true;
                    }
                }
            }
            capex
        };
        fleet.capex[VINTAGES + k] = capex;
        // Equipment the grid cannot energise waits (the oldest first): it adds no capacity
        // until it can.
        let now = fleet.in_service(k, capex, power_cap);
        limits.power |= now.energised_base < now.base * (1.0 - 1e-12);
        let capacity = kappa * now.energised_compute;
        let served = demand.min(capacity);
        let revenue = price[k] * served;
        // Running costs (§3.2): a fixed part for all installed equipment (a data centre that
        // waits for its grid connection still costs rent, staff and power contracts), a part
        // for what is served that falls as compute gets cheaper; together (1 − m) R₀ in 2025.
        let running = running_2025
            * (fixed_share * now.base / base_2025
                + (1.0 - fixed_share) * served / st.revenue / q[k]);
        last_cash = revenue - running;
        out.capex[k] = capex;
        out.capacity[k] = capacity;
        out.demand[k] = demand;
        out.revenue[k] = revenue;
        out.running_costs[k] = running;
        out.race_compute[k] = now.energised_compute * race_scale;
        out.limits[k] = limits;
        if k == YEARS - 1 {
            out.terminal_capex = capex.max(now.base / USEFUL_LIFE_YEARS.value);
        }
    }
    out
}
