//! A second, plain implementation of the what-if model, written from `docs/MODEL.md` §3 and
//! checked against the engine, plus a check of every figure of the worked example (§4) and of
//! the slider scans §5 quotes.
//!
//! Nothing here reuses the engine's code: the equations are written again as simple loops
//! over years and vintages. The crate is used only for the reference result
//! ([`project`]), the scenarios ([`Scenario`], [`Preset`]), the published input table
//! ([`input_spec`]: a slider's range and step) and the published constants
//! ([`calibration`](ai_capex_explainer::model::calibration)). Notation follows §3: `k` is
//! the year index (2025 = 0), `j` a vintage's age, `t` the year a vintage was bought (negative
//! before 2025).

use std::collections::BTreeMap;

use ai_capex_explainer::model::calibration::*;
use ai_capex_explainer::model::{input_spec, project, Preset, Projection, Scenario};

// ---- §2: the inputs as the equations use them ------------------------------------------

/// The page inputs as fractions and whole years.
#[derive(Debug, Clone, Copy)]
struct Inputs {
    /// `A − 2025`, or `None` for "no AGI by 2060".
    agi: Option<usize>,
    /// `M`, `w`, `λ`.
    prize: f64,
    winner_take_all: f64,
    catch_up_lag: usize,
    /// `g_s`, `p`, `θ`, `h`, `e`.
    us_capex_growth: f64,
    us_power_growth: f64,
    us_patience: f64,
    cn_chip_growth: f64,
    cn_efficiency: f64,
    /// `g_d`, `x`, `r`.
    demand_growth: f64,
    price_cut: f64,
    r: f64,
}

impl Inputs {
    fn of(s: &Scenario) -> Inputs {
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

    fn with_agi(self, agi_year: Option<i32>) -> Inputs {
        Inputs {
            agi: agi_year.map(|a| (a - FIRST_YEAR) as usize),
            ..self
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Us,
    Cn,
}

// ---- §3.1 and §3.2: vintages, the 2025 calibration, the market ---------------------------

/// `L`, the useful life.
fn life() -> f64 {
    USEFUL_LIFE_YEARS.value
}

/// `w_j`: 1 while in service, the fraction of a year in the last year.
fn weight(j: usize) -> f64 {
    (life() - j as f64).clamp(0.0, 1.0)
}

/// Vintages that can be in service (those with `w_j > 0`).
fn vintages() -> usize {
    life().ceil() as usize
}

/// Compute per unit of money of equipment bought in year `t` (2025 = 0): `(1 − c)^−t`.
fn compute_per_money(t: i64) -> f64 {
    (1.0 - COMPUTE_COST_DECLINE.value).powi(-t as i32)
}

/// `CRF(r, L) = r / (1 − (1 + r)^−L)`.
fn capital_recovery(r: f64) -> f64 {
    r / (1.0 - (1.0 + r).powf(-life()))
}

/// A side in 2025.
#[derive(Debug, Clone, Copy)]
struct Start {
    /// `R₀`, `I₀`.
    revenue: f64,
    capex: f64,
    /// `B₂₀₂₅`: vintages in service at cost.
    base: f64,
    /// `κ = R₀ / C₂₀₂₅`: capacity per unit of compute.
    kappa: f64,
    /// `m = m_op + B₂₀₂₅ / (L R₀)`.
    cash_margin: f64,
    /// `O₀ = (1 − m) R₀`.
    running: f64,
}

fn start(who: Who) -> Start {
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
fn price_floor(st: &Start) -> f64 {
    1.0 - st.cash_margin
}

/// Prices, demand and discount factors (§3.1).
struct Market {
    price: [Vec<f64>; 2],
    demand: [Vec<f64>; 2],
    discount: Vec<f64>,
}

fn side_index(who: Who) -> usize {
    match who {
        Who::Us => 0,
        Who::Cn => 1,
    }
}

fn market(inp: &Inputs) -> Market {
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
struct Held {
    /// The grid held a paced purchase back, or installed equipment waits for power.
    power: bool,
    /// Investors would fund no more.
    funding: bool,
    /// China could buy no more chips.
    chips: bool,
}

/// One side's years (money in its own currency).
#[derive(Debug, Clone)]
struct Path {
    who: Who,
    capex: Vec<f64>,
    capacity: Vec<f64>,
    demand: Vec<f64>,
    revenue: Vec<f64>,
    running: Vec<f64>,
    /// Effective compute in the race, 2025 US$ of compute.
    race: Vec<f64>,
    held: Vec<Held>,
    /// Installed base at cost, energised or waiting.
    installed: Vec<f64>,
    cash_margin: f64,
}

/// What is in service in year `k` (2025 = 0) with `capex[k]` bought that year: installed
/// base at cost, its energised part and the energised part's compute, energising the
/// newest vintages first up to `cap`.
fn in_service(st: &Start, capex: &[f64], k: usize, cap: f64) -> (f64, f64, f64) {
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

fn path(who: Who, sprint: bool, inp: &Inputs, m: &Market) -> Path {
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
struct Prize {
    pool: Vec<f64>,
    us_share: Vec<f64>,
    /// After 2060 the follower has caught up whatever the AGI year: 2060's market × `M`,
    /// less the share `η` competed away, split in proportion to 2060's compute.
    pool_after_2060: f64,
    us_share_after_2060: f64,
}

/// A side's part of a US$ pool with the US share `s`, in the side's own currency.
fn part(who: Who, pool: f64, s: f64) -> f64 {
    match who {
        Who::Us => pool * s,
        Who::Cn => pool * (1.0 - s) * CNY_PER_USD.value,
    }
}

impl Prize {
    /// A side's prize revenue in year `k`, in its own currency.
    fn revenue(&self, who: Who, k: usize) -> f64 {
        part(who, self.pool[k], self.us_share[k])
    }

    /// A side's prize revenue in each year after 2060 (before growth), in its own currency.
    fn revenue_after_2060(&self, who: Who) -> f64 {
        part(who, self.pool_after_2060, self.us_share_after_2060)
    }
}

/// The US share for effective compute `e_us`, `e_cn` and exponent `w`.
fn share(e_us: f64, e_cn: f64, w: f64) -> f64 {
    1.0 / (1.0 + (e_cn / e_us).powf(w))
}

fn prize(inp: &Inputs, us: &Path, cn: &Path) -> Prize {
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
struct Measure {
    pv_operating_cash: f64,
    pv_capex: f64,
    value_per_capex: f64,
    npv: f64,
}

fn operating_cash(p: &Path, z: &Prize, k: usize) -> f64 {
    p.revenue[k] - p.running[k] + p.cash_margin * z.revenue(p.who, k)
}

/// Discounted 2025–2060, plus a Gordon terminal value: the flow `after` (each year after 2060
/// before growth) growing at `g` for ever, discounted from 2060.
fn present_value(m: &Market, r: f64, x: impl Fn(usize) -> f64, after: f64) -> f64 {
    let g = TERMINAL_GROWTH.value;
    let mut total = 0.0;
    for k in 0..YEARS {
        total += m.discount[k] * x(k);
    }
    total + m.discount[YEARS - 1] * after * (1.0 + g) / (r - g)
}

fn measure(m: &Market, r: f64, p: &Path, z: &Prize) -> Measure {
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
struct World {
    market: Market,
    sprint: Path,
    marathon: Path,
    paced: Path,
    sprint_prize: Prize,
    paced_prize: Prize,
    m_sprint: Measure,
    m_marathon: Measure,
    m_paced: Measure,
}

fn world(inp: &Inputs) -> World {
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
fn leader(sprint: f64, marathon: f64) -> &'static str {
    let tolerance = 1e-9 * sprint.abs().max(marathon.abs());
    if sprint > marathon + tolerance {
        "sprint"
    } else if marathon > sprint + tolerance {
        "marathon"
    } else {
        "tie"
    }
}

/// The threshold kind and year from "ahead?" for each AGI year 2026–2060.
fn threshold(scan: &[(i32, bool)]) -> (&'static str, Option<i32>) {
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

struct ScanPoint {
    year: i32,
    leader: &'static str,
    sprint_value_per_capex: f64,
    marathon_value_per_capex: f64,
    extra_npv: f64,
}

/// The plain model's whole result for one scenario.
struct Plain {
    inputs: Inputs,
    world: World,
    scan: Vec<ScanPoint>,
    against_marathon: (&'static str, Option<i32>),
    against_paced: (&'static str, Option<i32>),
    without_agi_leader: &'static str,
    without_agi_extra_npv: f64,
    payback_capital_charge: f64,
    payback_required_revenue: f64,
}

/// The big four's 2025 capex, US$ bn: Amazon + Microsoft (FY to June, with finance leases)
/// + Alphabet + Meta (dataset records `ref-*-capex-2025`, `ref-msft-capex-fy2025-incl-leases`).
const BIG4_CAPEX_2025: f64 = 131.8 + 88.7 + 91.4 + 72.22;

fn plain(s: &Scenario) -> Plain {
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

// ---- Comparison with the engine ----------------------------------------------------------

/// Equal within a relative 1e-9 (of the larger, and at least of 1, i.e. US$/¥ 1 when the
/// figure is in bn: a capex of zero in one and 1e-13 in the other is equal).
fn assert_close(what: &str, plain: f64, engine: f64) {
    let tolerance = 1e-9 * plain.abs().max(engine.abs()).max(1.0);
    assert!(
        (plain - engine).abs() <= tolerance,
        "{what}: plain {plain} vs engine {engine}"
    );
}

fn word<T: std::fmt::Debug>(x: T) -> String {
    format!("{x:?}").to_lowercase()
}

fn assert_measure(what: &str, plain: &Measure, engine: &ai_capex_explainer::model::Measure) {
    assert_close(
        &format!("{what} PV operating cash"),
        plain.pv_operating_cash,
        engine.pv_operating_cash,
    );
    assert_close(&format!("{what} PV capex"), plain.pv_capex, engine.pv_capex);
    assert_close(
        &format!("{what} value per unit invested"),
        plain.value_per_capex,
        engine.value_per_capex,
    );
    assert_close(&format!("{what} NPV"), plain.npv, engine.npv);
}

fn assert_same_as_engine(s: &Scenario) {
    let engine: Projection = project(s).expect("a valid scenario");
    let plain = plain(s);
    let w = &plain.world;
    assert_eq!(engine.years.len(), YEARS);
    for (k, row) in engine.years.iter().enumerate() {
        assert_eq!(row.year, FIRST_YEAR + k as i32);
        let sides = [
            ("sprint", &w.sprint, &w.sprint_prize, &row.sprint),
            ("marathon", &w.marathon, &w.sprint_prize, &row.marathon),
            ("paced", &w.paced, &w.paced_prize, &row.paced),
        ];
        for (name, p, z, e) in sides {
            let at = |q: &str| format!("{name} {q} {}", row.year);
            let side = side_index(p.who);
            assert_close(&at("capex"), p.capex[k], e.capex);
            assert_close(&at("capacity"), p.capacity[k], e.capacity);
            assert_close(&at("demand"), p.demand[k], e.demand);
            assert_close(&at("revenue"), p.revenue[k], e.revenue);
            assert_close(&at("running costs"), p.running[k], e.running_costs);
            assert_close(&at("prize revenue"), z.revenue(p.who, k), e.prize_revenue);
            assert_close(
                &at("operating cash"),
                operating_cash(p, z, k),
                e.operating_cash,
            );
            assert_close(&at("price index"), w.market.price[side][k], e.price_index);
            let held = p.held[k];
            assert_eq!(
                (held.power, held.funding, held.chips),
                (e.limits.power, e.limits.funding, e.limits.chips),
                "{}: limits (power, funding, chips)",
                at("")
            );
        }
        assert_close(
            &format!("sprint prize share {}", row.year),
            w.sprint_prize.us_share[k],
            row.sprint_prize_share,
        );
        assert_close(
            &format!("sprint race compute {}", row.year),
            w.sprint.race[k],
            row.sprint_race_compute,
        );
        assert_close(
            &format!("marathon race compute {}", row.year),
            w.marathon.race[k],
            row.marathon_race_compute,
        );
    }

    assert_measure("sprint", &w.m_sprint, &engine.verdict.sprint);
    assert_measure("marathon", &w.m_marathon, &engine.verdict.marathon);
    assert_measure("paced", &w.m_paced, &engine.incremental.paced);
    assert_eq!(
        word(engine.verdict.leader),
        leader(w.m_sprint.value_per_capex, w.m_marathon.value_per_capex)
    );
    let ratio = engine.verdict.ratio.expect("a positive marathon measure");
    assert_close(
        "ratio",
        w.m_sprint.value_per_capex / w.m_marathon.value_per_capex,
        ratio,
    );
    let inc = &engine.incremental;
    assert_close("extra NPV", w.m_sprint.npv - w.m_paced.npv, inc.extra_npv);
    assert_close(
        "extra PV capex",
        w.m_sprint.pv_capex - w.m_paced.pv_capex,
        inc.extra_pv_capex,
    );
    assert_close(
        "extra PV operating cash",
        w.m_sprint.pv_operating_cash - w.m_paced.pv_operating_cash,
        inc.extra_pv_operating_cash,
    );

    let be = &engine.break_even;
    assert_eq!(be.by_agi_year.len(), plain.scan.len());
    for (pt, ours) in be.by_agi_year.iter().zip(&plain.scan) {
        assert_eq!(pt.agi_year, ours.year);
        assert_eq!(word(pt.leader), ours.leader, "leader, AGI {}", ours.year);
        let at = |q: &str| format!("{q}, AGI {}", ours.year);
        assert_close(
            &at("sprint value per unit invested"),
            ours.sprint_value_per_capex,
            pt.sprint_value_per_capex,
        );
        assert_close(
            &at("marathon value per unit invested"),
            ours.marathon_value_per_capex,
            pt.marathon_value_per_capex,
        );
        assert_close(&at("extra NPV"), ours.extra_npv, pt.extra_npv);
    }
    let kind_year = |t: &ai_capex_explainer::model::Threshold| (word(t.kind), t.year);
    let ours = |t: (&str, Option<i32>)| (t.0.to_string(), t.1);
    assert_eq!(
        kind_year(&be.against_marathon),
        ours(plain.against_marathon)
    );
    assert_eq!(kind_year(&be.against_paced), ours(plain.against_paced));
    assert_eq!(word(be.without_agi), plain.without_agi_leader);
    assert_close(
        "extra NPV without AGI",
        plain.without_agi_extra_npv,
        be.without_agi_extra_npv,
    );

    let leader_at = |year: i32| plain.scan.iter().find(|p| p.year == year).map(|p| p.leader);
    assert_eq!(
        Some(word(engine.claim.early_leader).as_str()),
        leader_at(2028)
    );
    assert_eq!(
        Some(word(engine.claim.late_leader).as_str()),
        leader_at(2035)
    );
    assert_eq!(
        engine.claim.holds,
        leader_at(2028) == Some("sprint") && leader_at(2035) == Some("marathon")
    );

    assert_close(
        "payback capital charge",
        plain.payback_capital_charge,
        engine.payback.yearly_capital_charge,
    );
    assert_close(
        "payback required revenue",
        plain.payback_required_revenue,
        engine.payback.required_revenue,
    );
}

#[test]
fn the_plain_implementation_matches_the_engine_at_the_defaults() {
    assert_same_as_engine(&Scenario::default());
}

#[test]
fn the_plain_implementation_matches_the_engine_with_agi_in_2028() {
    let mut s = Scenario::default();
    s.set("agi_year", "2028").expect("2028 is a valid AGI year");
    assert_same_as_engine(&s);
}

#[test]
fn the_plain_implementation_matches_the_engine_without_agi() {
    assert_same_as_engine(&Scenario::preset(Preset::NoAgi));
}

/// AGI in the last year: the sprint's over-built fleet leaves it nothing to buy in 2060, so
/// the terminal value carries on its installed base's depreciation instead of 2060's capex.
#[test]
fn the_plain_implementation_matches_the_engine_with_agi_in_2060() {
    let mut s = Scenario::default();
    s.set("agi_year", "2060").expect("2060 is a valid AGI year");
    let last = project(&s).expect("a valid scenario").years.last().copied();
    assert_eq!(
        last.map(|y| y.sprint.capex),
        Some(0.0),
        "the sprint should buy nothing in 2060"
    );
    assert_same_as_engine(&s);
}

/// The price war: both floors and the US following China in logarithms.
#[test]
fn the_plain_implementation_matches_the_engine_in_a_price_war() {
    assert_same_as_engine(&Scenario::preset(Preset::PriceWar));
    let mut s = Scenario::default();
    for (field, value) in [("price_cut", "40"), ("demand_growth", "60")] {
        s.set(field, value).expect("a valid value");
    }
    assert_same_as_engine(&s);
}

/// Every limit binding: a tight grid, little patience, few chips, late AGI (also the last
/// AGI year, where the catch-up falls after 2060); then a grid wide enough for funding to hold
/// the paced path back.
#[test]
fn the_plain_implementation_matches_the_engine_where_every_limit_binds() {
    let set = |pairs: &[(&str, &str)]| {
        let mut s = Scenario::default();
        for (field, value) in pairs {
            s.set(field, value).expect("a valid value");
        }
        s
    };
    let binds = |s: &Scenario, limit: fn(&ai_capex_explainer::model::YearRow) -> bool| {
        project(s)
            .expect("a valid scenario")
            .years
            .iter()
            .any(limit)
    };
    let mut tight = set(&[
        ("us_power_growth", "5"),
        ("us_patience", "0.3"),
        ("cn_chip_growth", "5"),
        ("agi_year", "2045"),
        ("winner_take_all", "6.5"),
        ("catch_up_lag", "7"),
    ]);
    assert!(binds(&tight, |y| y.sprint.limits.power && y.paced.limits.power));
    assert!(binds(&tight, |y| y.sprint.limits.funding));
    assert!(binds(&tight, |y| y.marathon.limits.chips));
    assert_same_as_engine(&tight);
    tight.set("agi_year", "2060").expect("a valid AGI year");
    assert_same_as_engine(&tight);

    let ample_grid = set(&[
        ("us_power_growth", "50"),
        ("us_patience", "0"),
        ("demand_growth", "60"),
    ]);
    assert!(binds(&ample_grid, |y| y.paced.limits.funding));
    assert_same_as_engine(&ample_grid);
}

// ---- The worked example of docs/MODEL.md §4 ----------------------------------------------

/// A figure of the worked example: a number or a word.
#[derive(Debug, Clone, PartialEq)]
enum Figure {
    Number(f64),
    Word(String),
}

/// Every figure the worked example may quote, by its name in the ```worked-example block.
fn named_figures(p: &Plain) -> BTreeMap<String, Figure> {
    let w = &p.world;
    let mut out = BTreeMap::new();
    let mut number = |name: String, x: f64| {
        out.insert(name, Figure::Number(x));
    };
    for (side, who) in [("us", Who::Us), ("cn", Who::Cn)] {
        let st = start(who);
        number(format!("{side}_revenue_2025"), st.revenue);
        number(format!("{side}_capex_2025"), st.capex);
        number(format!("{side}_installed_base_2025"), st.base);
        number(format!("{side}_capex_per_capacity"), 1.0 / st.kappa);
        number(format!("{side}_cash_margin"), st.cash_margin);
        number(format!("{side}_running_costs_2025"), st.running);
        number(format!("{side}_price_floor"), price_floor(&st));
    }
    number(
        "capital_recovery_factor".into(),
        capital_recovery(p.inputs.r),
    );
    let paths = [
        ("sprint", &w.sprint, &w.sprint_prize),
        ("marathon", &w.marathon, &w.sprint_prize),
        ("paced", &w.paced, &w.paced_prize),
    ];
    for k in 0..YEARS {
        let year = FIRST_YEAR + k as i32;
        for (name, path, z) in paths {
            let side = side_index(path.who);
            number(format!("{name}_capex_{year}"), path.capex[k]);
            number(format!("{name}_capacity_{year}"), path.capacity[k]);
            number(format!("{name}_demand_{year}"), path.demand[k]);
            number(format!("{name}_revenue_{year}"), path.revenue[k]);
            number(format!("{name}_running_costs_{year}"), path.running[k]);
            number(
                format!("{name}_prize_revenue_{year}"),
                z.revenue(path.who, k),
            );
            number(
                format!("{name}_operating_cash_{year}"),
                operating_cash(path, z, k),
            );
            number(
                format!("{name}_price_index_{year}"),
                w.market.price[side][k],
            );
        }
        number(
            format!("sprint_prize_share_{year}"),
            w.sprint_prize.us_share[k],
        );
        number(
            format!("paced_prize_share_{year}"),
            w.paced_prize.us_share[k],
        );
        number(format!("prize_pool_{year}"), w.sprint_prize.pool[k]);
        number(format!("sprint_race_compute_{year}"), w.sprint.race[k]);
        number(format!("marathon_race_compute_{year}"), w.marathon.race[k]);
    }
    for (name, m) in [
        ("sprint", &w.m_sprint),
        ("marathon", &w.m_marathon),
        ("paced", &w.m_paced),
    ] {
        number(format!("{name}_pv_operating_cash"), m.pv_operating_cash);
        number(format!("{name}_pv_capex"), m.pv_capex);
        number(format!("{name}_value_per_capex"), m.value_per_capex);
        number(format!("{name}_npv"), m.npv);
    }
    number(
        "ratio".into(),
        w.m_sprint.value_per_capex / w.m_marathon.value_per_capex,
    );
    number("extra_npv".into(), w.m_sprint.npv - w.m_paced.npv);
    number(
        "extra_pv_capex".into(),
        w.m_sprint.pv_capex - w.m_paced.pv_capex,
    );
    number(
        "extra_pv_operating_cash".into(),
        w.m_sprint.pv_operating_cash - w.m_paced.pv_operating_cash,
    );
    number("without_agi_extra_npv".into(), p.without_agi_extra_npv);
    number("payback_capex".into(), BIG4_CAPEX_2025);
    number(
        "payback_yearly_capital_charge".into(),
        p.payback_capital_charge,
    );
    number(
        "payback_required_revenue".into(),
        p.payback_required_revenue,
    );
    for pt in &p.scan {
        number(
            format!("sprint_value_per_capex_agi_{}", pt.year),
            pt.sprint_value_per_capex,
        );
        number(
            format!("marathon_value_per_capex_agi_{}", pt.year),
            pt.marathon_value_per_capex,
        );
        number(format!("extra_npv_agi_{}", pt.year), pt.extra_npv);
    }

    let mut word = |name: &str, x: String| {
        out.insert(name.to_string(), Figure::Word(x));
    };
    word(
        "leader",
        leader(w.m_sprint.value_per_capex, w.m_marathon.value_per_capex).into(),
    );
    let year = |y: Option<i32>| y.map_or("none".to_string(), |y| y.to_string());
    word(
        "break_even_against_marathon_kind",
        p.against_marathon.0.into(),
    );
    word(
        "break_even_against_marathon_year",
        year(p.against_marathon.1),
    );
    word("break_even_against_paced_kind", p.against_paced.0.into());
    word("break_even_against_paced_year", year(p.against_paced.1));
    word("without_agi_leader", p.without_agi_leader.into());
    let leader_at = |y: i32| {
        p.scan
            .iter()
            .find(|pt| pt.year == y)
            .map_or("tie", |pt| pt.leader)
    };
    word("claim_early_leader", leader_at(2028).into());
    word("claim_late_leader", leader_at(2035).into());
    let holds = leader_at(2028) == "sprint" && leader_at(2035) == "marathon";
    word("claim_holds", holds.to_string());
    out
}

/// The leader against the marathon at each AGI year 2026–2060, then without AGI by 2060.
fn leaders(s: &Scenario) -> Vec<&'static str> {
    let inp = Inputs::of(s);
    (FIRST_YEAR + 1..=LAST_YEAR)
        .map(Some)
        .chain([None])
        .map(|year| {
            let w = world(&inp.with_agi(year));
            leader(w.m_sprint.value_per_capex, w.m_marathon.value_per_capex)
        })
        .collect()
}

/// `2042–2059` for a run of consecutive numbers, else the numbers with spaces; `none` when
/// empty.
fn spans(xs: &[i32]) -> String {
    match xs {
        [] => "none".to_string(),
        [first, .., last] if (last - first) as usize + 1 == xs.len() => format!("{first}–{last}"),
        _ => xs.iter().map(i32::to_string).collect::<Vec<_>>().join(" "),
    }
}

/// §5's slider scans: every step of one input's slider, all else at the defaults. Which steps
/// flip the leader against the marathon at some AGI year 2026–2060 or without AGI, at which
/// AGI years (2061: without AGI), and which of the values `tests/model_properties.rs` probes
/// (eleven evenly spaced steps and the plausible ends) are among those steps.
fn slider_scan(field: &str) -> (String, String, String) {
    let spec = input_spec(field).unwrap_or_else(|| panic!("{field} is not an input"));
    let default = leaders(&Scenario::default());
    let steps = ((spec.max - spec.min) / spec.step).round() as i32;
    let (mut flipping_steps, mut agi_years) = (Vec::new(), Vec::new());
    for i in 0..=steps {
        let x = spec.min + f64::from(i) * spec.step;
        let mut s = Scenario::default();
        s.set(field, &format!("{x}"))
            .unwrap_or_else(|e| panic!("{field} = {x}: {e}"));
        let flipped: Vec<i32> = leaders(&s)
            .iter()
            .zip(&default)
            .zip(FIRST_YEAR + 1..)
            .filter(|((a, b), _)| a != b)
            .map(|(_, year)| year)
            .collect();
        if !flipped.is_empty() {
            flipping_steps.push(x.round() as i32);
            agi_years.extend(flipped);
        }
    }
    agi_years.sort_unstable();
    agi_years.dedup();
    let mut probes: Vec<i32> = (0..=10)
        .map(|i| spec.min + (f64::from(steps) * f64::from(i) / 10.0).round() * spec.step)
        .chain([spec.low, spec.high])
        .map(|x| x.round() as i32)
        .filter(|x| flipping_steps.contains(x))
        .collect();
    probes.sort_unstable();
    probes.dedup();
    (spans(&flipping_steps), spans(&agi_years), spans(&probes))
}

/// The figures of the block: the worked example's, the narrowest margin of the default scan
/// and §5's slider scans.
fn block_figures() -> BTreeMap<String, Figure> {
    let p = plain(&Scenario::default());
    let mut out = named_figures(&p);
    let narrowest = p
        .scan
        .iter()
        .min_by(|a, b| {
            let margin = |x: &ScanPoint| x.sprint_value_per_capex - x.marathon_value_per_capex;
            margin(a).total_cmp(&margin(b))
        })
        .expect("a scan of 35 AGI years");
    out.insert(
        "narrowest_margin_agi_year".into(),
        Figure::Word(narrowest.year.to_string()),
    );
    out.insert(
        "narrowest_margin".into(),
        Figure::Number(narrowest.sprint_value_per_capex - narrowest.marathon_value_per_capex),
    );
    for field in ["price_cut", "cn_chip_growth"] {
        let (steps, years, probes) = slider_scan(field);
        out.insert(
            format!("{field}_steps_that_flip_a_leader"),
            Figure::Word(steps),
        );
        out.insert(format!("{field}_agi_years_flipped"), Figure::Word(years));
        out.insert(
            format!("{field}_probes_that_flip_a_leader"),
            Figure::Word(probes),
        );
    }
    out
}

fn model_md() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/MODEL.md");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The `name = value` lines of the ```worked-example block.
fn worked_example_block(md: &str) -> Vec<(String, String)> {
    let mut lines = md.lines().skip_while(|l| l.trim() != "```worked-example");
    assert!(
        lines.next().is_some(),
        "docs/MODEL.md has no ```worked-example block"
    );
    lines
        .take_while(|l| l.trim() != "```")
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, value) = l
                .split_once('=')
                .unwrap_or_else(|| panic!("not `name = value`: {l}"));
            (name.trim().to_string(), value.trim().to_string())
        })
        .collect()
}

/// Whether `text` (a number written to some decimals) is `x` rounded to those decimals.
fn rounds_to(x: f64, text: &str) -> bool {
    let clean = text.replace([',', ' '], "").replace('−', "-");
    let Ok(written) = clean.parse::<f64>() else {
        return false;
    };
    let decimals = clean.split_once('.').map_or(0, |(_, d)| d.len());
    let half_unit = 0.5 * 10f64.powi(-(decimals as i32));
    (x - written).abs() <= half_unit * (1.0 + 1e-9) + 1e-12 * x.abs()
}

fn check_figure(figures: &BTreeMap<String, Figure>, name: &str, text: &str) -> Result<(), String> {
    match figures.get(name) {
        None => Err(format!(
            "{name}: not a figure the plain implementation knows"
        )),
        Some(Figure::Word(w)) if w == text => Ok(()),
        Some(Figure::Word(w)) => Err(format!("{name} = {text}, but the model says {w}")),
        Some(Figure::Number(x)) if rounds_to(*x, text) => Ok(()),
        Some(Figure::Number(x)) => Err(format!("{name} = {text}, but the model gives {x}")),
    }
}

#[test]
fn every_value_in_the_worked_example_block_matches_the_plain_implementation() {
    let figures = block_figures();
    let block = worked_example_block(&model_md());
    assert!(
        block.len() >= 20,
        "the worked-example block looks truncated"
    );
    let errors: Vec<String> = block
        .iter()
        .filter_map(|(name, text)| check_figure(&figures, name, text).err())
        .collect();
    assert!(errors.is_empty(), "worked example:\n{}", errors.join("\n"));
}

#[test]
fn the_worked_example_block_states_the_headline_results() {
    let block = worked_example_block(&model_md());
    let names: Vec<&str> = block.iter().map(|(n, _)| n.as_str()).collect();
    for needed in [
        "sprint_value_per_capex",
        "marathon_value_per_capex",
        "paced_value_per_capex",
        "ratio",
        "extra_npv",
        "break_even_against_marathon_kind",
        "break_even_against_marathon_year",
        "break_even_against_paced_kind",
        "claim_holds",
        "payback_required_revenue",
        "price_cut_steps_that_flip_a_leader",
        "cn_chip_growth_steps_that_flip_a_leader",
        "cn_chip_growth_probes_that_flip_a_leader",
    ] {
        assert!(names.contains(&needed), "the block does not state {needed}");
    }
}

/// The yearly tables of §4, each after a `<!-- worked-example-table: PATH -->` line, with the
/// columns year, capex, capacity, demand, revenue, running costs, prize revenue, operating
/// cash.
#[test]
fn every_number_in_the_worked_example_tables_matches_the_plain_implementation() {
    const COLUMNS: [&str; 7] = [
        "capex",
        "capacity",
        "demand",
        "revenue",
        "running_costs",
        "prize_revenue",
        "operating_cash",
    ];
    let figures = named_figures(&plain(&Scenario::default()));
    let md = model_md();
    let mut errors = Vec::new();
    let mut tables = 0;
    let mut lines = md.lines();
    while let Some(line) = lines.next() {
        let Some(path) = line
            .trim()
            .strip_prefix("<!-- worked-example-table:")
            .and_then(|rest| rest.strip_suffix("-->"))
            .map(str::trim)
        else {
            continue;
        };
        tables += 1;
        let rows: Vec<Vec<String>> = lines
            .by_ref()
            .skip_while(|l| !l.trim_start().starts_with('|'))
            .take_while(|l| l.trim_start().starts_with('|'))
            .skip(2) // header and rule
            .map(|l| {
                l.trim()
                    .trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            })
            .collect();
        assert_eq!(rows.len(), 6, "the {path} table should show 2025–2030");
        for row in rows {
            assert_eq!(row.len(), 1 + COLUMNS.len(), "{path} row {row:?}");
            for (column, text) in COLUMNS.iter().zip(&row[1..]) {
                let name = format!("{path}_{column}_{}", row[0]);
                if let Err(e) = check_figure(&figures, &name, text) {
                    errors.push(e);
                }
            }
        }
    }
    assert_eq!(
        tables, 3,
        "§4 should have the sprint, marathon and paced tables"
    );
    assert!(
        errors.is_empty(),
        "worked example tables:\n{}",
        errors.join("\n")
    );
}
