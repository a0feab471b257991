//! One side's years under one strategy (`docs/MODEL.md` §3.2): a fleet of vintages, the limits
//! that hold capex back (power, chips, funding), investors who stop a sprint, capacity,
//! revenue and running costs. Both sides run through the same code; only their figures differ.

use serde::Serialize;

use super::market::{start, vintage_weight, Market, Series, Side, VINTAGES};
use crate::model::calibration::{FIRST_YEAR, SHOWN_YEARS, YEARS};
use crate::model::params::Params;

/// A side's capex strategy: the articles' question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Capex ahead of demand, betting on AGI: grow capex by `g_s` a year until AGI (never
    /// buying less than pacing would), unless investors stop it; then pace.
    Sprint,
    /// Capex follows what the side can sell: each year the capex that brings capacity up to
    /// demand.
    Pace,
}

impl Strategy {
    pub const BOTH: [Strategy; 2] = [Strategy::Sprint, Strategy::Pace];

    pub(crate) fn index(self) -> usize {
        match self {
            Strategy::Sprint => 0,
            Strategy::Pace => 1,
        }
    }

    pub fn other(self) -> Strategy {
        match self {
            Strategy::Sprint => Strategy::Pace,
            Strategy::Pace => Strategy::Sprint,
        }
    }
}

/// Which limit held a year's capex below what the strategy wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Limits {
    /// The grid could not energise more (power).
    pub power: bool,
    /// Investors would fund no more (the parents' cash and patience).
    pub funding: bool,
    /// The side could not buy more AI chips.
    pub chips: bool,
}

/// One side's years under one strategy (`docs/MODEL.md` §3.2). Money in the side's currency.
#[derive(Debug, Clone)]
pub(crate) struct Path {
    pub side: Side,
    pub capex: Series,
    /// What the energised capacity (not equipment waiting for power) could earn at 2025
    /// prices (the unit of demand).
    pub capacity: Series,
    /// Demand, same unit.
    pub demand: Series,
    /// Market revenue: price × what capacity can serve of demand.
    pub revenue: Series,
    /// Running costs: a fixed part for the installed base, a part for what is served (§3.2).
    pub running_costs: Series,
    /// Effective compute for the AGI race, in 2025 US$ of US compute: energised compute × the
    /// race's scope × compute per dollar × the algorithmic lag's discount, converted at the
    /// exchange rate.
    pub race_compute: Series,
    pub limits: [Limits; YEARS],
    /// The year investors stopped a sprint that had not reached AGI (`None`: never).
    pub stopped_by_investors: Option<i32>,
    /// The capex the terminal value carries on after the last year: at least what keeps the
    /// last fleet in service (its installed base over its useful life).
    pub terminal_capex: f64,
    /// Cash margin before capex in 2025, at which the side turns prize revenue into cash.
    pub cash_margin: f64,
}

/// A side's equipment by vintage: six years before 2025, then 2025–2080.
struct Fleet {
    capex: [f64; VINTAGES + YEARS],
    /// Compute per unit of money of each vintage.
    q: [f64; VINTAGES + YEARS],
    /// The weight in service of a vintage `j` years old.
    weight: [f64; VINTAGES],
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
    fn new(capex_2025: f64, q: &Series, p: &Params) -> Fleet {
        let a = &p.assumed;
        let mut fleet = Fleet {
            capex: [0.0; VINTAGES + YEARS],
            q: [0.0; VINTAGES + YEARS],
            weight: std::array::from_fn(|j| vintage_weight(j, a.useful_life_years)),
        };
        for j in 1..=VINTAGES {
            fleet.capex[VINTAGES - j] = capex_2025 * (1.0 + a.past_capex_growth).powi(-(j as i32));
            fleet.q[VINTAGES - j] = (1.0 - a.compute_cost_decline).powi(j as i32);
        }
        fleet.q[VINTAGES..].copy_from_slice(q);
        fleet.capex[VINTAGES] = capex_2025;
        fleet
    }

    /// The base at cost and compute per unit of money of the vintage `j` years old in year
    /// `k`, with `capex` bought in year `k` itself.
    fn vintage(&self, k: usize, j: usize, capex: f64) -> (f64, f64) {
        let i = VINTAGES + k - j;
        let bought = if j == 0 { capex } else { self.capex[i] };
        (self.weight[j] * bought, self.q[i])
    }

    /// In service in year `k` with `capex` bought that year, energising the newest vintages
    /// first up to `power_cap` (installed base at cost).
    fn in_service(&self, k: usize, capex: f64, power_cap: f64) -> InService {
        let mut room = power_cap;
        let mut out = InService {
            base: 0.0,
            energised_base: 0.0,
            energised_compute: 0.0,
        };
        for j in 0..VINTAGES {
            let (base, q) = self.vintage(k, j, capex);
            let energised = base.min(room).max(0.0);
            room -= energised;
            out.base += base;
            out.energised_base += energised;
            out.energised_compute += energised * q;
        }
        out
    }

    /// The paced purchase in year `k` (`docs/MODEL.md` §3.2): the capex that brings energised
    /// compute up to `needed`, new equipment displacing the oldest energised equipment when the
    /// grid is full (so equipment waiting for power never blocks a purchase). Returns the
    /// purchase and whether the grid held it short of `needed` (it then buys the grid full of
    /// new equipment).
    fn paced_purchase(&self, k: usize, needed: f64, power_cap: f64) -> (f64, bool) {
        let q_new = self.q[VINTAGES + k];
        // The old vintages energised before any purchase, newest first.
        let mut energised = [(0.0, 0.0); VINTAGES];
        let (mut room, mut compute) = (power_cap, 0.0);
        for (j, slot) in energised.iter_mut().enumerate().skip(1) {
            let (base, q) = self.vintage(k, j, 0.0);
            let e = base.min(room).max(0.0);
            room -= e;
            compute += e * q;
            *slot = (e, q);
        }
        let mut gap = needed - compute;
        if gap <= 0.0 {
            return (0.0, false);
        }
        // Free room first (each unit adds q_new), then each unit displaces the oldest
        // energised unit (adds q_new − q_old, never negative: newer is cheaper compute).
        if q_new * room >= gap {
            return (gap / q_new, false);
        }
        let mut purchase = room;
        gap -= q_new * room;
        for &(base, q_old) in energised.iter().skip(1).rev() {
            let gain = q_new - q_old;
            if gain > 0.0 && gain * base >= gap {
                return (purchase + gap / gain, false);
            }
            purchase += base;
            gap -= gain * base;
        }
        (purchase, true)
    }
}

/// The parents' money for capex (`docs/MODEL.md` §3.2): their cash outside the AI business
/// after their other capex, and last year's market operating cash; beyond it, a credit line
/// of `θ × OCF`, both growing at `g`. Debt carries interest at `r` and is repaid from any
/// cash left after capex.
struct Funding {
    outside_cash: f64,
    last_cash: f64,
    limit: f64,
    debt: f64,
    growth: f64,
    rate: f64,
}

impl Funding {
    /// The most the side can spend this year, and its own cash.
    fn room(&mut self) -> (f64, f64) {
        self.outside_cash *= 1.0 + self.growth;
        self.limit *= 1.0 + self.growth;
        self.debt *= 1.0 + self.rate;
        let own = (self.outside_cash + self.last_cash).max(0.0);
        (own + (self.limit - self.debt).max(0.0), own)
    }

    /// Spends `capex`: borrows what own cash does not cover, repays debt with what is left.
    fn spend(&mut self, capex: f64, own_cash: f64) {
        self.debt = (self.debt + capex - own_cash).max(0.0);
    }
}

/// Runs one side's strategy through 2025–2080 (`agi_year`: when the race is over for this
/// side; `None`: never).
pub(crate) fn path(
    side: Side,
    strategy: Strategy,
    p: &Params,
    market: &Market,
    agi_year: Option<i32>,
) -> Path {
    let sp = p.side(side);
    let st = start(side, p);
    let price = market.price(side);
    let q = &market.compute_per_money;
    let mut fleet = Fleet::new(st.capex, q, p);
    let life = p.assumed.useful_life_years;

    // Calibration (§3.2): 2025 capacity meets 2025 demand (κ); the installed base B₂₀₂₅ sets
    // the scale of running costs.
    let at_start = fleet.in_service(0, st.capex, f64::INFINITY);
    let kappa = st.revenue / at_start.energised_compute;
    let running_2025 = (1.0 - st.cash_margin) * st.revenue;
    let fixed_share = p.assumed.fixed_cost_share;
    let race_scale =
        sp.race_scope * sp.compute_per_dollar * p.assumed.algorithmic_gain.powf(-sp.algorithm_lag)
            / p.fx(side);

    // Without AGI by 2060 the bet ends with 2060, the last AGI year the model asks about.
    let agi = agi_year.map_or(SHOWN_YEARS, |a| (a - FIRST_YEAR) as usize);
    let mut funding = Funding {
        outside_cash: sp.parent_ocf - (st.revenue - running_2025) - sp.parent_other_capex,
        last_cash: st.revenue - running_2025,
        limit: sp.patience * sp.parent_ocf,
        debt: 0.0,
        growth: p.assumed.terminal_growth,
        rate: p.discount_rate,
    };
    // Years in which the sprint borrowed for capex beyond what pacing would buy.
    let mut years_sprint_borrowed = 0;
    let mut sprinting = strategy == Strategy::Sprint;

    let mut out = Path {
        side,
        capex: [0.0; YEARS],
        capacity: [0.0; YEARS],
        demand: [0.0; YEARS],
        revenue: [0.0; YEARS],
        running_costs: [0.0; YEARS],
        race_compute: [0.0; YEARS],
        limits: [Limits::default(); YEARS],
        stopped_by_investors: None,
        terminal_capex: 0.0,
        cash_margin: st.cash_margin,
    };
    // Each year's limits and the sprint's plan grow by a factor a year from 2025.
    let (mut power_cap, mut chips, mut plan) = (
        sp.power_growth.map_or(f64::INFINITY, |_| st.base),
        st.capex,
        st.capex,
    );
    for k in 0..YEARS {
        let demand = market.demand(side)[k];
        if k > 0 {
            power_cap *= 1.0 + sp.power_growth.unwrap_or(0.0);
            chips *= 1.0 + sp.chip_growth.unwrap_or(0.0);
            plan *= 1.0 + sp.sprint_growth;
        }
        let mut limits = Limits::default();
        let capex = if k == 0 {
            st.capex
        } else {
            let (paced, held_by_power) = fleet.paced_purchase(k, demand / kappa, power_cap);
            let sprint_on = sprinting && k < agi;
            let mut capex = if sprint_on {
                // The sprint's bet: its plan whatever demand or the grid say, and never less
                // than pacing would buy.
                plan.max(paced)
            } else {
                limits.power = held_by_power;
                paced
            };
            if sp.chip_growth.is_some() {
                if capex > chips {
                    capex = chips;
                    limits.chips = true;
                }
            }
            let (room, own_cash) = funding.room();
            if capex > room {
                capex = room;
                limits.funding = true;
            }
            funding.spend(capex, own_cash);
            // Investors stop a sprint that has not reached AGI once they have funded its bet
            // (borrowing for capex beyond the paced amount) for their patience in years, or
            // once it needs more than they will lend (§3.2).
            if sprint_on && capex > paced && capex > own_cash {
                years_sprint_borrowed += 1;
            }
            if sprint_on && (limits.funding || years_sprint_borrowed >= p.patience_years) {
                sprinting = false;
                out.stopped_by_investors = Some(FIRST_YEAR + k as i32);
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
            * (fixed_share * now.base / st.base + (1.0 - fixed_share) * served / st.revenue / q[k]);
        funding.last_cash = revenue - running;
        out.capex[k] = capex;
        out.capacity[k] = capacity;
        out.demand[k] = demand;
        out.revenue[k] = revenue;
        out.running_costs[k] = running;
        out.race_compute[k] = now.energised_compute * race_scale;
        out.limits[k] = limits;
        if k == YEARS - 1 {
            out.terminal_capex = capex.max(now.base / life);
        }
    }
    out
}
