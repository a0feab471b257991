//! The what-if model written again, plainly, from `docs/MODEL.md` §3 (see
//! tests/model_worked_example.rs, which checks it against the engine and the worked example).
//! Nothing here reuses the engine's code: the equations are simple loops over years and
//! vintages. Notation follows §3: `k` is the year index (2025 = 0), `j` a vintage's age, `t`
//! the year a vintage was bought (negative before 2025).

use ai_capex_explainer::model::calibration::*;
use ai_capex_explainer::model::Scenario;

// ---- §2: the inputs as the equations use them ------------------------------------------

/// The page inputs as fractions and whole years.
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    /// `A − 2025`, or `None` for "no AGI by 2060".
    pub agi: Option<usize>,
    /// `M`, `w`, `λ`.
    pub prize: f64,
    pub winner_take_all: f64,
    pub catch_up_lag: usize,
    /// `g_s`, `p`, `θ`, `h`, `e`.
    pub us_capex_growth: f64,
    pub us_power_growth: f64,
    pub us_patience: f64,
    pub cn_chip_growth: f64,
    pub cn_efficiency: f64,
    /// `g_d`, `x`, `r`.
    pub demand_growth: f64,
    pub price_cut: f64,
    pub r: f64,
}

impl Inputs {
    pub fn of(s: &Scenario) -> Inputs {
        let agi_year = s.agi_year.round() as i32;
        Inputs {
            agi: (agi_year <= LAST_YEAR).then(|| (agi_year - FIRST_YEAR) as usize),
            prize: s.agi_prize,
            winner_take_all: s.winner_take_all,
            catch_up_lag: s.catch_up_lag.round() as usize,
            us_capex_growth: s.us_capex_growth / 100.0,
            us_power_growth: s.us_power_growth / 100.0,
            us_patience: s.us_patience,
            cn_chip_growth: s.cn_chip_growth / 100.0,
            cn_efficiency: s.cn_efficiency,
            demand_growth: s.demand_growth / 100.0,
            price_cut: s.price_cut / 100.0,
            r: s.discount_rate / 100.0,
        }
    }

    pub fn with_agi(self, agi_year: Option<i32>) -> Inputs {
        Inputs {
            agi: agi_year.map(|a| (a - FIRST_YEAR) as usize),
            ..self
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Who {
    Us,
    Cn,
}

// ---- §3.1 and §3.2: vintages, the 2025 calibration, the market ---------------------------

/// `L`, the useful life.
pub fn life() -> f64 {
    USEFUL_LIFE_YEARS.value
}

/// `w_j`: 1 while in service, the fraction of a year in the last year.
pub fn weight(j: usize) -> f64 {
    (life() - j as f64).clamp(0.0, 1.0)
}

/// Vintages that can be in service (those with `w_j > 0`).
pub fn vintages() -> usize {
    life().ceil() as usize
}

/// Compute per unit of money of equipment bought in year `t` (2025 = 0): `(1 − c)^−t`.
pub fn compute_per_money(t: i64) -> f64 {
    (1.0 - COMPUTE_COST_DECLINE.value).powi(-t as i32)
}

/// `CRF(r, L) = r / (1 − (1 + r)^−L)`.
pub fn capital_recovery(r: f64) -> f64 {
    r / (1.0 - (1.0 + r).powf(-life()))
}

/// A side in 2025.
#[derive(Debug, Clone, Copy)]
pub struct Start {
    /// `R₀`, `I₀`.
    pub revenue: f64,
    pub capex: f64,
    /// `B₂₀₂₅`: vintages in service at cost.
    pub base: f64,
    /// `κ = R₀ / C₂₀₂₅`: capacity per unit of compute.
    pub kappa: f64,
    /// `m = m_op + B₂₀₂₅ / (L R₀)`.
    pub cash_margin: f64,
    /// `O₀ = (1 − m) R₀`.
    pub running: f64,
}

pub fn start(who: Who) -> Start {
    let (revenue, capex, operating_margin) = match who {
        Who::Us => (
            US_REVENUE_2025.value,
            US_CAPEX_RATIO.value * US_REVENUE_2025.value,
            US_OPERATING_MARGIN.value,
        ),
        Who::Cn => (
            CN_CAPEX_2025.value / CN_CAPEX_RATIO.value,
            CN_CAPEX_2025.value,
            CN_OPERATING_MARGIN.value,
        ),
    };
    let (mut base, mut compute) = (0.0, 0.0);
    for j in 0..vintages() {
        let bought = capex / (1.0 + PAST_CAPEX_GROWTH.value).powi(j as i32);
        base += weight(j) * bought;
        compute += weight(j) * bought * compute_per_money(-(j as i64));
    }
    let cash_margin = operating_margin + base / (life() * revenue);
    Start {
        revenue,
        capex,
        base,
        kappa: revenue / compute,
        cash_margin,
        running: (1.0 - cash_margin) * revenue,
    }
}

/// `1 − m`: the floor of a side's price relative to the cost trend, its running cost per unit
/// of revenue at full use (cash break-even, not full cost).
pub fn price_floor(st: &Start) -> f64 {
    1.0 - st.cash_margin
}

/// Prices, demand and discount factors (§3.1).
pub struct Market {
    pub price: [Vec<f64>; 2],
    pub demand: [Vec<f64>; 2],
    pub discount: Vec<f64>,
}

pub fn side_index(who: Who) -> usize {
    match who {
        Who::Us => 0,
        Who::Cn => 1,
    }
}

pub fn market(inp: &Inputs) -> Market {
    let (us, cn) = (start(Who::Us), start(Who::Cn));
    let (floor_us, floor_cn) = (price_floor(&us), price_floor(&cn));
    let elasticity = PRICE_ELASTICITY.value;
    let follow = US_PRICE_FOLLOW.value;
    let cross = CROSS_PRICE_ELASTICITY.value;
    let mut m = Market {
        price: [vec![0.0; YEARS], vec![0.0; YEARS]],
        demand: [vec![0.0; YEARS], vec![0.0; YEARS]],
        discount: vec![0.0; YEARS],
    };
    let mut adoption = 1.0;
    for k in 0..YEARS {
        if k > 0 {
            // g_d in 2026, halving every H years.
            let growth = inp.demand_growth
                * 0.5_f64.powf((k - 1) as f64 / DEMAND_GROWTH_HALF_LIFE_YEARS.value);
            adoption *= 1.0 + growth;
        }
        let trend = (1.0 - COMPUTE_COST_DECLINE.value).powi(k as i32);
        // China cuts x a year beyond the cost trend down to its floor; the US follows a
        // share φ of China's relative price in logarithms, down to its own floor.
        let rel_cn = (1.0 - inp.price_cut).powi(k as i32).max(floor_cn);
        let rel_us = rel_cn.powf(follow).max(floor_us);
        m.price[0][k] = trend * rel_us;
        m.price[1][k] = trend * rel_cn;
        let volume = adoption * compute_per_money(k as i64);
        m.demand[0][k] =
            us.revenue * volume * rel_us.powf(-elasticity) * (rel_us / rel_cn).powf(-cross);
        m.demand[1][k] = cn.revenue * volume * rel_cn.powf(-elasticity);
        m.discount[k] = (1.0 + inp.r).powi(-(k as i32));
    }
    m
}

// ---- §3.2: one side's path ---------------------------------------------------------------

/// Which limits held a year's capex below what the policy wanted (§3.2).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Held {
    /// The grid held a paced purchase back, or installed equipment waits for power.
    pub power: bool,
    /// Investors would fund no more.
    pub funding: bool,
    /// China could buy no more chips.
    pub chips: bool,
}

/// One side's years (money in its own currency).
#[derive(Debug, Clone)]
pub struct Path {
    pub who: Who,
    pub capex: Vec<f64>,
    pub capacity: Vec<f64>,
    pub demand: Vec<f64>,
    pub revenue: Vec<f64>,
    pub running: Vec<f64>,
    /// Effective compute in the race, 2025 US$ of compute.
    pub race: Vec<f64>,
    pub held: Vec<Held>,
    /// Installed base at cost, energised or waiting.
    pub installed: Vec<f64>,
    pub cash_margin: f64,
}

/// What is in service in year `k` (2025 = 0) with `capex[k]` bought that year: installed
/// base at cost, its energised part and the energised part's compute, energising the
/// newest vintages first up to `cap`.
pub fn in_service(st: &Start, capex: &[f64], k: usize, cap: f64) -> (f64, f64, f64) {
    let (mut base, mut energised, mut compute) = (0.0, 0.0, 0.0);
    let mut room = cap;
    for j in 0..vintages() {
        let t = k as i64 - j as i64;
        let bought = if t < 0 {
            st.capex / (1.0 + PAST_CAPEX_GROWTH.value).powi(-t as i32)
        } else {
            capex[t as usize]
        };
        let at_cost = weight(j) * bought;
        let on = at_cost.min(room).max(0.0);
        room -= on;
        base += at_cost;
        energised += on;
        compute += on * compute_per_money(t);
    }
    (base, energised, compute)
}

pub fn path(who: Who, sprint: bool, inp: &Inputs, m: &Market) -> Path {
    let st = start(who);
    let side = side_index(who);
    let ocf = US_PARENT_OCF_2025.value;
    // US funding: the parents' other cash after their other capex, growing at g.
    let mut outside =
        ocf - (st.revenue - st.running) - (US_PARENT_CAPEX_2025.value - st.capex).max(0.0);
    let mut borrowed = 0.0;
    let mut last_cash = st.revenue - st.running;
    let mut out = Path {
        who,
        capex: vec![0.0; YEARS],
        capacity: vec![0.0; YEARS],
        demand: vec![0.0; YEARS],
        revenue: vec![0.0; YEARS],
        running: vec![0.0; YEARS],
        race: vec![0.0; YEARS],
        held: vec![Held::default(); YEARS],
        installed: vec![0.0; YEARS],
        cash_margin: st.cash_margin,
    };
    for k in 0..YEARS {
        let demand = m.demand[side][k];
        let cap = match who {
            Who::Us => st.base * (1.0 + inp.us_power_growth).powi(k as i32),
            Who::Cn => f64::INFINITY,
        };
        let mut held = Held::default();
        let capex = if k == 0 {
            st.capex
        } else {
            // Paced: the capex that brings energised compute up to demand, within the grid.
            let (old_base, _, old_compute) = in_service(&st, &out.capex, k, cap);
            let w0 = weight(0);
            let needed = (demand / st.kappa - old_compute) / (w0 * compute_per_money(k as i64));
            let power_room = (cap - old_base) / w0;
            let paced = needed.min(power_room).max(0.0);
            let before_agi = inp.agi.is_none_or(|a| k < a);
            let wanted = if sprint && before_agi {
                st.capex * (1.0 + inp.us_capex_growth).powi(k as i32)
            } else {
                held.power = needed > power_room.max(0.0);
                paced
            };
            match who {
                Who::Us => {
                    outside *= 1.0 + TERMINAL_GROWTH.value;
                    let own = (outside + last_cash).max(0.0);
                    let room = own + (inp.us_patience * ocf - borrowed).max(0.0);
                    held.funding = wanted > room;
                    let capex = wanted.min(room);
                    borrowed += (capex - own).max(0.0);
                    capex
                }
                Who::Cn => {
                    let chips = st.capex * (1.0 + inp.cn_chip_growth).powi(k as i32);
                    held.chips = wanted > chips;
                    wanted.min(chips)
                }
            }
        };
        out.capex[k] = capex;
        let (installed, energised, compute) = in_service(&st, &out.capex, k, cap);
        // Equipment the grid cannot energise waits: that too is the power limit.
        held.power |= energised < installed * (1.0 - 1e-12);
        let capacity = st.kappa * compute;
        let served = demand.min(capacity);
        let revenue = m.price[side][k] * served;
        // Running costs: a fixed part for all installed equipment (energised or waiting), a
        // part for what is served that falls with the cost of compute.
        let f = FIXED_COST_SHARE.value;
        let running = st.running
            * (f * installed / st.base
                + (1.0 - f) * served / (st.revenue * compute_per_money(k as i64)));
        last_cash = revenue - running;
        out.capacity[k] = capacity;
        out.demand[k] = demand;
        out.revenue[k] = revenue;
        out.running[k] = running;
        out.held[k] = held;
        out.installed[k] = installed;
        out.race[k] = match who {
            Who::Us => compute,
            Who::Cn => compute * inp.cn_efficiency / CNY_PER_USD.value,
        };
    }
    out
}

// ---- §3.3: the prize ---------------------------------------------------------------------

/// The yearly prize (US$ bn) and the US share of it, and the prize the terminal value
/// carries on after 2060.
#[derive(Debug, Clone)]
pub struct Prize {
    pub pool: Vec<f64>,
    pub us_share: Vec<f64>,
    /// After 2060 the follower has caught up whatever the AGI year: 2060's market × `M`,
    /// less the share `η` competed away, split in proportion to 2060's compute.
    pub pool_after_2060: f64,
    pub us_share_after_2060: f64,
}

/// A side's part of a US$ pool with the US share `s`, in the side's own currency.
pub fn part(who: Who, pool: f64, s: f64) -> f64 {
    match who {
        Who::Us => pool * s,
        Who::Cn => pool * (1.0 - s) * CNY_PER_USD.value,
    }
}

impl Prize {
    /// A side's prize revenue in year `k`, in its own currency.
    pub fn revenue(&self, who: Who, k: usize) -> f64 {
        part(who, self.pool[k], self.us_share[k])
    }

    /// A side's prize revenue in each year after 2060 (before growth), in its own currency.
    pub fn revenue_after_2060(&self, who: Who) -> f64 {
        part(who, self.pool_after_2060, self.us_share_after_2060)
    }
}

/// The US share for effective compute `e_us`, `e_cn` and exponent `w`.
pub fn share(e_us: f64, e_cn: f64, w: f64) -> f64 {
    1.0 / (1.0 + (e_cn / e_us).powf(w))
}

pub fn prize(inp: &Inputs, us: &Path, cn: &Path) -> Prize {
    let last = YEARS - 1;
    let mut out = Prize {
        pool: vec![0.0; YEARS],
        us_share: vec![0.0; YEARS],
        pool_after_2060: 0.0,
        us_share_after_2060: share(us.race[last], cn.race[last], 1.0),
    };
    let Some(a) = inp.agi else {
        return out;
    };
    let market = |k: usize| us.revenue[k] + cn.revenue[k] / CNY_PER_USD.value;
    let leader = share(us.race[a - 1], cn.race[a - 1], inp.winner_take_all);
    for k in a..YEARS {
        let caught_up = k >= a + inp.catch_up_lag;
        let kept = if caught_up {
            1.0 - PRIZE_EROSION.value
        } else {
            1.0
        };
        out.pool[k] = inp.prize * market(k) * kept;
        out.us_share[k] = if caught_up {
            share(us.race[k], cn.race[k], 1.0)
        } else {
            leader
        };
    }
    out.pool_after_2060 = inp.prize * market(last) * (1.0 - PRIZE_EROSION.value);
    out
}

// ---- §3.4: the measures ------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub pv_operating_cash: f64,
    pub pv_capex: f64,
    pub value_per_capex: f64,
    pub npv: f64,
}

pub fn operating_cash(p: &Path, z: &Prize, k: usize) -> f64 {
    p.revenue[k] - p.running[k] + p.cash_margin * z.revenue(p.who, k)
}

/// Discounted 2025–2060, plus a Gordon terminal value: the flow `after` (each year after 2060
/// before growth) growing at `g` for ever, discounted from 2060.
pub fn present_value(m: &Market, r: f64, x: impl Fn(usize) -> f64, after: f64) -> f64 {
    let g = TERMINAL_GROWTH.value;
    let mut total = 0.0;
    for k in 0..YEARS {
        total += m.discount[k] * x(k);
    }
    total + m.discount[YEARS - 1] * after * (1.0 + g) / (r - g)
}

pub fn measure(m: &Market, r: f64, p: &Path, z: &Prize) -> Measure {
    let last = YEARS - 1;
    // After 2060: 2060's market business, the prize as caught up, and 2060's capex but at
    // least the 2060 installed base's straight-line depreciation (what keeps it in service).
    let cash_after =
        p.revenue[last] - p.running[last] + p.cash_margin * z.revenue_after_2060(p.who);
    let pv_operating_cash = present_value(m, r, |k| operating_cash(p, z, k), cash_after);
    let capex_after = p.capex[last].max(p.installed[last] / life());
    let pv_capex = present_value(m, r, |k| p.capex[k], capex_after);
    Measure {
        pv_operating_cash,
        pv_capex,
        value_per_capex: pv_operating_cash / pv_capex,
        npv: pv_operating_cash - pv_capex,
    }
}

/// Everything at one AGI year.
pub struct World {
    pub market: Market,
    pub sprint: Path,
    pub marathon: Path,
    pub paced: Path,
    pub sprint_prize: Prize,
    pub paced_prize: Prize,
    pub m_sprint: Measure,
    pub m_marathon: Measure,
    pub m_paced: Measure,
}

pub fn world(inp: &Inputs) -> World {
    let market = market(inp);
    let sprint = path(Who::Us, true, inp, &market);
    let marathon = path(Who::Cn, false, inp, &market);
    let paced = path(Who::Us, false, inp, &market);
    let sprint_prize = prize(inp, &sprint, &marathon);
    let paced_prize = prize(inp, &paced, &marathon);
    let m_sprint = measure(&market, inp.r, &sprint, &sprint_prize);
    let m_marathon = measure(&market, inp.r, &marathon, &sprint_prize);
    let m_paced = measure(&market, inp.r, &paced, &paced_prize);
    World {
        market,
        sprint,
        marathon,
        paced,
        sprint_prize,
        paced_prize,
        m_sprint,
        m_marathon,
        m_paced,
    }
}

// ---- §1 and §3.5: verdict, break-even scan, claim ----------------------------------------

/// "sprint", "marathon" or "tie" (equal within a relative 1e-9).
pub fn leader(sprint: f64, marathon: f64) -> &'static str {
    let tolerance = 1e-9 * sprint.abs().max(marathon.abs());
    if sprint > marathon + tolerance {
        "sprint"
    } else if marathon > sprint + tolerance {
        "marathon"
    } else {
        "tie"
    }
}

/// The claim's leader at one AGI year: a gap within 3% of the larger value (the about-even
/// band of docs/MODEL.md §1) names no leader.
pub fn claim_leader(point: &ScanPoint) -> &'static str {
    let (s, m) = (point.sprint_value_per_capex, point.marathon_value_per_capex);
    if (s - m).abs() <= 0.03 * s.abs().max(m.abs()) {
        "tie"
    } else {
        point.leader
    }
}

/// The threshold kind and year from "ahead?" for each AGI year 2026–2060.
pub fn threshold(scan: &[(i32, bool)]) -> (&'static str, Option<i32>) {
    let changes = scan.windows(2).filter(|w| w[0].1 != w[1].1).count();
    let first_ahead = scan[0].1;
    let first = scan.iter().find(|(_, a)| *a).map(|(y, _)| *y);
    let last = scan.iter().rev().find(|(_, a)| *a).map(|(y, _)| *y);
    match (changes, first_ahead) {
        (0, true) => ("always", None),
        (0, false) => ("never", None),
        (1, true) => ("until", last),
        (1, false) => ("from", first),
        _ => ("mixed", last),
    }
}

pub struct ScanPoint {
    pub year: i32,
    pub leader: &'static str,
    pub sprint_value_per_capex: f64,
    pub marathon_value_per_capex: f64,
    pub extra_npv: f64,
}

/// The plain model's whole result for one scenario.
pub struct Plain {
    pub inputs: Inputs,
    pub world: World,
    pub scan: Vec<ScanPoint>,
    pub against_marathon: (&'static str, Option<i32>),
    pub against_paced: (&'static str, Option<i32>),
    pub without_agi_leader: &'static str,
    pub without_agi_extra_npv: f64,
    pub payback_capital_charge: f64,
    pub payback_required_revenue: f64,
}

/// The big four's capex in calendar 2025, US$ bn: Amazon + Microsoft (its four calendar
/// quarters, with finance leases) + Alphabet + Meta (dataset records `ref-*-capex-2025`,
/// `ref-msft-capex-2025-incl-leases`).
pub const BIG4_CAPEX_2025: f64 = 131.8 + 118.0 + 91.4 + 72.22;

pub fn plain(s: &Scenario) -> Plain {
    let inp = Inputs::of(s);
    let scan: Vec<ScanPoint> = (FIRST_YEAR + 1..=LAST_YEAR)
        .map(|year| {
            let w = world(&inp.with_agi(Some(year)));
            ScanPoint {
                year,
                leader: leader(w.m_sprint.value_per_capex, w.m_marathon.value_per_capex),
                sprint_value_per_capex: w.m_sprint.value_per_capex,
                marathon_value_per_capex: w.m_marathon.value_per_capex,
                extra_npv: w.m_sprint.npv - w.m_paced.npv,
            }
        })
        .collect();
    let against_marathon: Vec<(i32, bool)> = scan
        .iter()
        .map(|p| (p.year, p.leader == "sprint"))
        .collect();
    let against_paced: Vec<(i32, bool)> =
        scan.iter().map(|p| (p.year, p.extra_npv > 0.0)).collect();
    let none = world(&inp.with_agi(None));
    let charge = BIG4_CAPEX_2025 * capital_recovery(inp.r);
    Plain {
        inputs: inp,
        world: world(&inp),
        against_marathon: threshold(&against_marathon),
        against_paced: threshold(&against_paced),
        without_agi_leader: leader(
            none.m_sprint.value_per_capex,
            none.m_marathon.value_per_capex,
        ),
        without_agi_extra_npv: none.m_sprint.npv - none.m_paced.npv,
        scan,
        payback_capital_charge: charge,
        // The capital charge already recovers the capex: the margin that grosses it up is the
        // cash margin before depreciation (§3.6).
        payback_required_revenue: charge / start(Who::Us).cash_margin,
    }
}
