//! The yearly engine: the market both sides face, each side's capex turned into capacity and
//! revenue, the AGI prize split by effective compute, and the discounted measures. The
//! equations are in `docs/MODEL.md` §3; comments here name them. Everything is on fixed-size
//! arrays (2025–2060), so the break-even scan and the Monte Carlo allocate nothing.

use serde::Serialize;

use super::calibration::{
    CNY_PER_USD, CN_CAPEX_2025, CN_OPERATING_MARGIN, COMPUTE_COST_DECLINE, CROSS_PRICE_ELASTICITY,
    DEMAND_GROWTH_HALF_LIFE_YEARS, FIRST_YEAR, FIXED_COST_SHARE, PAST_CAPEX_GROWTH, PRIZE_EROSION,
    TERMINAL_GROWTH, USEFUL_LIFE_YEARS, US_OPERATING_MARGIN, US_PARENT_CAPEX_2025,
    US_PARENT_OCF_2025, US_REVENUE_2025, YEARS,
};
use super::params::Params;

/// Vintages that can be in service at once: a useful life of up to six years.
const VINTAGES: usize = 6;

/// A yearly series, 2025–2060.
pub(crate) type Series = [f64; YEARS];

/// Which side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The US clouds (US$ bn).
    Us,
    /// The Chinese giants (¥ bn).
    Cn,
}

/// How a side decides its capex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Policy {
    /// Build what demand needs: each year, the capex that brings capacity up to the year's
    /// demand (none when capacity already covers it). The marathon, and the US "paced" path.
    Paced,
    /// Grow capex by `g_s` a year from 2025 until AGI, then paced (the race is over).
    Sprint,
}

/// What the world does regardless of capex: prices, demand, compute per unit of money and
/// discounting (`docs/MODEL.md` §3.1).
#[derive(Debug, Clone)]
pub(crate) struct Market {
    /// Price per unit of compute served, per side, 2025 = 1: `P = (1 − c)^k P̃` with the
    /// price relative to the cost trend `P̃_CN = max((1 − x)^k, 1 − m_CN)` and
    /// `P̃_US = max(P̃_CN^φ, 1 − m_US)`, `m` a side's 2025 cash margin (§3.1).
    pub price_us: Series,
    pub price_cn: Series,
    /// Demand in units of compute (2025 revenue units: what it would earn at 2025 prices).
    /// At trend prices spending grows with adoption, `R₀ a_k`, so volume is `R₀ a_k q_k`;
    /// the price war moves it with the elasticity: `× P̃^−ε`, with `P̃` the price relative to
    /// the cost trend, and US demand also `× (P̃_US / P̃_CN)^−s`.
    pub demand_us: Series,
    pub demand_cn: Series,
    /// Compute per unit of money, 2025 = 1: `q_k = (1 − c)^−k`.
    pub compute_per_money: Series,
    /// `(1 + r)^−k`.
    pub discount: Series,
    /// `r`, for the terminal value.
    pub rate: f64,
}

impl Market {
    pub(crate) fn new(p: &Params) -> Market {
        let s = CROSS_PRICE_ELASTICITY.value;
        let fade = 0.5_f64.powf(1.0 / DEMAND_GROWTH_HALF_LIFE_YEARS.value);
        let r0_us = US_REVENUE_2025.value;
        let r0_cn = cn_revenue_2025(p);
        let mut m = Market {
            price_us: [0.0; YEARS],
            price_cn: [0.0; YEARS],
            demand_us: [0.0; YEARS],
            demand_cn: [0.0; YEARS],
            compute_per_money: [0.0; YEARS],
            discount: [0.0; YEARS],
            rate: p.discount_rate,
        };
        // Prices per unit of compute fall with compute costs (competition passes them on).
        // China cuts a further x a year until its price only covers its running costs (a
        // cash margin of zero at full use: nobody sells below cash cost for long, §3.1); the
        // US follows a share φ of China's cut (in logarithms), down to its own running costs.
        let floor_us = 1.0 - start(Side::Us, p).cash_margin;
        let floor_cn = 1.0 - start(Side::Cn, p).cash_margin;
        let (mut adoption, mut growth) = (1.0, p.demand_growth);
        let (mut cost, mut cut_cn, mut df) = (1.0, 1.0, 1.0);
        for k in 0..YEARS {
            if k > 0 {
                adoption *= 1.0 + growth;
                growth *= fade;
                cost *= 1.0 - COMPUTE_COST_DECLINE.value;
                cut_cn *= 1.0 - p.price_cut;
                df /= 1.0 + p.discount_rate;
            }
            let rel_cn = cut_cn.max(floor_cn);
            let rel_us = rel_cn.powf(p.us_price_follow).max(floor_us);
            // Relative to the cost trend, where demand answers with the elasticity.
            m.price_us[k] = cost * rel_us;
            m.price_cn[k] = cost * rel_cn;
            let volume = adoption / cost;
            m.demand_us[k] =
                r0_us * volume * rel_us.powf(-p.elasticity) * (rel_us / rel_cn).powf(-s);
            m.demand_cn[k] = r0_cn * volume * rel_cn.powf(-p.elasticity);
            m.compute_per_money[k] = cost.recip();
            m.discount[k] = df;
        }
        m
    }

    fn price(&self, side: Side) -> &Series {
        match side {
            Side::Us => &self.price_us,
            Side::Cn => &self.price_cn,
        }
    }

    fn demand(&self, side: Side) -> &Series {
        match side {
            Side::Us => &self.demand_us,
            Side::Cn => &self.demand_cn,
        }
    }
}

/// China's 2025 AI and cloud revenue, ¥ bn: its capex ÷ its capex ratio.
fn cn_revenue_2025(p: &Params) -> f64 {
    CN_CAPEX_2025.value / p.cn_capex_ratio
}

/// The 2025 starting point of a side, in its own currency.
#[derive(Debug, Clone, Copy)]
struct Start {
    revenue: f64,
    capex: f64,
    /// Cash margin before capex: the reported operating margin (after depreciation) plus
    /// straight-line depreciation, `B₂₀₂₅ / (L R₀)`.
    cash_margin: f64,
}

fn start(side: Side, p: &Params) -> Start {
    let (revenue, capex, operating_margin) = match side {
        Side::Us => (
            US_REVENUE_2025.value,
            p.us_capex_ratio * US_REVENUE_2025.value,
            US_OPERATING_MARGIN.value,
        ),
        Side::Cn => (
            cn_revenue_2025(p),
            CN_CAPEX_2025.value,
            CN_OPERATING_MARGIN.value,
        ),
    };
    // Installed base at cost, B₂₀₂₅: the vintages in service, earlier ones grown at the past
    // rate, I₀ Σ wⱼ (1 + g_past)^−j.
    let base: f64 = (0..VINTAGES)
        .map(|j| vintage_weight(j) * capex * (1.0 + PAST_CAPEX_GROWTH.value).powi(-(j as i32)))
        .sum();
    Start {
        revenue,
        capex,
        cash_margin: operating_margin + base / (USEFUL_LIFE_YEARS.value * revenue),
    }
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

/// The weight of a vintage `j` years old: 1 while in service, the fraction of a year in
/// its last year (a life of 5.5 years gives 1, 1, 1, 1, 1, 0.5).
fn vintage_weight(j: usize) -> f64 {
    (USEFUL_LIFE_YEARS.value - j as f64).clamp(0.0, 1.0)
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

/// The US share of the prize for a compute ratio: `1 / (1 + (E_CN / E_US)^w)`, written to
/// stay finite for any ratio.
fn compute_share(us: f64, cn: f64, w: f64) -> f64 {
    let log_ratio = (cn.max(f64::MIN_POSITIVE) / us.max(f64::MIN_POSITIVE)).ln();
    1.0 / (1.0 + (w * log_ratio).clamp(-700.0, 700.0).exp())
}

/// The AGI prize (`docs/MODEL.md` §3.3): from the AGI year on, a yearly prize of `M` times the
/// AI market that year (both sides' revenue, in US$), split by effective compute — with the
/// winner-takes-all exponent `w` on the compute in place when AGI arrives until the follower
/// catches up `λ` years later, then in proportion to each year's compute, with part of the
/// prize competed away. All zero without AGI.
#[derive(Debug, Clone)]
pub(crate) struct Prize {
    /// The yearly prize, US$ bn.
    pub pool_usd: Series,
    /// The US share of it.
    pub us_share: Series,
    /// The prize and US share the terminal value carries on after 2060, as caught up
    /// (eroded, split in proportion to 2060 compute) even when AGI comes so late that the
    /// follower has not caught up by 2060: the years after are a steady state.
    pub terminal_pool_usd: f64,
    pub terminal_us_share: f64,
}

pub(crate) fn prize(p: &Params, us: &Path, cn: &Path) -> Prize {
    let last = YEARS - 1;
    let mut out = Prize {
        pool_usd: [0.0; YEARS],
        us_share: [0.0; YEARS],
        terminal_pool_usd: 0.0,
        terminal_us_share: compute_share(us.race_compute[last], cn.race_compute[last], 1.0),
    };
    let Some(agi) = p.agi_year else {
        return out;
    };
    // The compute in place when AGI arrives: the end of the year before (AGI ≥ 2026).
    let a = (agi - FIRST_YEAR) as usize;
    let leader_share = compute_share(
        us.race_compute[a - 1],
        cn.race_compute[a - 1],
        p.winner_take_all,
    );
    let fx = CNY_PER_USD.value;
    for k in a..YEARS {
        let market = us.revenue[k] + cn.revenue[k] / fx;
        let caught_up = k >= a + p.catch_up_lag as usize;
        out.pool_usd[k] = p.prize
            * market
            * if caught_up {
                1.0 - PRIZE_EROSION.value
            } else {
                1.0
            };
        out.us_share[k] = if caught_up {
            compute_share(us.race_compute[k], cn.race_compute[k], 1.0)
        } else {
            leader_share
        };
    }
    let last_market = us.revenue[last] + cn.revenue[last] / fx;
    out.terminal_pool_usd = p.prize * last_market * (1.0 - PRIZE_EROSION.value);
    out
}

impl Prize {
    /// A side's prize revenue in year `k`, in its own currency.
    pub(crate) fn revenue(&self, side: Side, k: usize) -> f64 {
        side_share(side, self.pool_usd[k], self.us_share[k])
    }

    /// A side's prize revenue in the years after 2060, as the terminal value carries it on.
    fn terminal_revenue(&self, side: Side) -> f64 {
        side_share(side, self.terminal_pool_usd, self.terminal_us_share)
    }
}

/// A side's part of a US$ pool, in its own currency.
fn side_share(side: Side, pool_usd: f64, us_share: f64) -> f64 {
    match side {
        Side::Us => pool_usd * us_share,
        Side::Cn => pool_usd * (1.0 - us_share) * CNY_PER_USD.value,
    }
}

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
