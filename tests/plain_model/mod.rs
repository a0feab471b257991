//! The what-if model written again, plainly, from `docs/MODEL.md` §3 (see
//! tests/model_worked_example.rs, which checks it against the engine and the worked example).
//! Nothing here reuses the engine's code: the equations are simple loops over years and
//! vintages. Notation follows §3: `k` is the year index (2025 = 0), `j` a vintage's age, `t`
//! the year a vintage was bought (negative before 2025). Both sides run through the same
//! functions; `Who` picks a side's figures.

use ai_capex_explainer::model::calibration::*;
use ai_capex_explainer::model::{input_spec, Scenario};

/// Computed years, 2025–2080 (§3: the engine runs twenty years past the last AGI year).
pub const N: usize = (ENGINE_LAST_YEAR - FIRST_YEAR + 1) as usize;
/// Years shown, 2025–2060.
pub const SHOWN: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Who {
    Us,
    Cn,
}

impl Who {
    pub fn i(self) -> usize {
        match self {
            Who::Us => 0,
            Who::Cn => 1,
        }
    }
}

// ---- §2: the inputs as the equations use them ------------------------------------------

/// One side's figures, own currency (§2).
#[derive(Debug, Clone, Copy)]
pub struct SideInputs {
    /// `R₀`, `I₀`, `m_op`.
    pub revenue: f64,
    pub capex: f64,
    pub operating_margin: f64,
    /// `OCF` and the parents' other capex.
    pub ocf: f64,
    pub other_capex: f64,
    /// `g_s`, `θ`, `a` (access to the other's market), `x` (price cut).
    pub sprint_growth: f64,
    pub patience: f64,
    pub access: f64,
    pub price_cut: f64,
    /// `p` (US) and `h` (China): `None` where the limit does not apply.
    pub power_growth: Option<f64>,
    pub chip_growth: Option<f64>,
    /// `q_chip` and `λ_alg`; `σ_race`, the race's scope over the market business's.
    pub compute_per_dollar: f64,
    pub race_scope: f64,
    pub algorithm_lag: f64,
}

/// The page inputs as fractions and whole years.
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    /// `A − 2025`, or `None` for "no AGI by 2060".
    pub agi: Option<usize>,
    /// AGI when effective compute crosses the paced world's threshold (§3.9).
    pub by_compute: bool,
    /// `M`, or with the world-output anchor `Some(share × capture)`; `w`, `λ`, `T`.
    pub prize: f64,
    pub world_share: Option<f64>,
    pub winner_take_all: f64,
    pub catch_up_lag: usize,
    pub patience_years: i32,
    /// `g_d`, `r`.
    pub demand_growth: f64,
    pub r: f64,
    pub sides: [SideInputs; 2],
}

impl Inputs {
    pub fn of(s: &Scenario) -> Inputs {
        let agi_year = s.agi_year.round() as i32;
        let us_capex = US_CAPEX_RATIO.value * US_REVENUE_2025.value;
        Inputs {
            agi: (agi_year <= LAST_YEAR).then(|| (agi_year - FIRST_YEAR) as usize),
            by_compute: s.agi_mode >= 0.5,
            prize: s.agi_prize,
            world_share: (s.prize_anchor >= 0.5)
                .then(|| s.agi_gdp_share / 100.0 * s.provider_capture / 100.0),
            winner_take_all: s.winner_take_all,
            catch_up_lag: s.catch_up_lag.round() as usize,
            patience_years: s.patience_years.round() as i32,
            demand_growth: s.demand_growth / 100.0,
            r: s.discount_rate / 100.0,
            sides: [
                SideInputs {
                    revenue: US_REVENUE_2025.value,
                    capex: us_capex,
                    operating_margin: US_OPERATING_MARGIN.value,
                    ocf: US_PARENT_OCF_2025.value,
                    other_capex: (US_PARENT_CAPEX_2025.value - us_capex).max(0.0),
                    sprint_growth: s.us_capex_growth / 100.0,
                    patience: s.us_patience,
                    access: s.us_access / 100.0,
                    price_cut: 0.0,
                    power_growth: Some(s.us_power_growth / 100.0),
                    chip_growth: None,
                    compute_per_dollar: 1.0,
                    race_scope: 1.0 + META_CAPEX_2025.value / us_capex,
                    algorithm_lag: 0.0,
                },
                SideInputs {
                    revenue: CN_CAPEX_2025.value / CN_CAPEX_RATIO.value,
                    capex: CN_CAPEX_2025.value,
                    operating_margin: CN_OPERATING_MARGIN.value,
                    ocf: CN_PARENT_OCF_2025.value,
                    other_capex: 0.0,
                    sprint_growth: s.cn_capex_growth / 100.0,
                    patience: s.cn_patience,
                    access: s.cn_access / 100.0,
                    price_cut: s.price_cut / 100.0,
                    power_growth: None,
                    chip_growth: Some(s.cn_chip_growth / 100.0),
                    compute_per_dollar: s.cn_compute_per_dollar,
                    race_scope: 1.0,
                    algorithm_lag: s.cn_algorithm_lag,
                },
            ],
        }
    }

    pub fn with_agi(self, agi_year: Option<i32>) -> Inputs {
        Inputs {
            agi: agi_year.map(|a| (a - FIRST_YEAR) as usize),
            ..self
        }
    }

    pub fn side(&self, who: Who) -> &SideInputs {
        &self.sides[who.i()]
    }
}

/// `X` for China, 1 for the US.
pub fn fx(who: Who) -> f64 {
    match who {
        Who::Us => 1.0,
        Who::Cn => CNY_PER_USD.value,
    }
}

// ---- §3.1: vintages, the 2025 calibration, the two markets --------------------------------

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
pub fn q(t: i64) -> f64 {
    (1.0 - COMPUTE_COST_DECLINE.value).powi(-t as i32)
}

/// `CRF(r, L) = r / (1 − (1 + r)^−L)`.
pub fn capital_recovery(r: f64) -> f64 {
    r / (1.0 - (1.0 + r).powf(-life()))
}

/// A side in 2025.
#[derive(Debug, Clone, Copy)]
pub struct Start {
    pub revenue: f64,
    pub capex: f64,
    /// `B₂₀₂₅`: vintages in service at cost.
    pub base: f64,
    /// `κ = R₀ / C₂₀₂₅`: revenue at 2025 prices per unit of compute.
    pub kappa: f64,
    /// `m = m_op + B₂₀₂₅ / (L R₀)`.
    pub cash_margin: f64,
    /// `O₀ = (1 − m) R₀`.
    pub running: f64,
}

/// Capex bought in year `t`: the path's own for `t ≥ 0`, `I₀ (1 + g_past)^t` before 2025.
fn bought(st: &Start, capex: &[f64], t: i64) -> f64 {
    if t < 0 {
        st.capex * (1.0 + PAST_CAPEX_GROWTH.value).powi(t as i32)
    } else {
        capex[t as usize]
    }
}

pub fn start(inp: &Inputs, who: Who) -> Start {
    let sd = inp.side(who);
    let mut st = Start {
        revenue: sd.revenue,
        capex: sd.capex,
        base: 0.0,
        kappa: 0.0,
        cash_margin: 0.0,
        running: 0.0,
    };
    let mut compute = 0.0;
    for j in 0..vintages() {
        let t = -(j as i64);
        let b = weight(j) * bought(&st, &[sd.capex], t);
        st.base += b;
        compute += b * q(t);
    }
    st.kappa = sd.revenue / compute;
    st.cash_margin = sd.operating_margin + st.base / (life() * sd.revenue);
    st.running = (1.0 - st.cash_margin) * sd.revenue;
    st
}

/// Today's access, `a⁰`: the input table's defaults (§3.1).
pub fn access_today() -> [f64; 2] {
    ["us_access", "cn_access"].map(|f| input_spec(f).expect("an input").default / 100.0)
}

/// The two markets in 2025, US$ bn: outside China `S_o` and China `S_c`, solved from
/// `R_US = (1 − a⁰_CN) S_o + a⁰_US S_c`, `R_CN / X = a⁰_CN S_o + (1 − a⁰_US) S_c`.
pub fn market_sizes(inp: &Inputs) -> (f64, f64) {
    let [a_us, a_cn] = access_today();
    let r_us = inp.sides[0].revenue;
    let r_cn = inp.sides[1].revenue / CNY_PER_USD.value;
    // Cramer's rule on [[1 − a_cn, a_us], [a_cn, 1 − a_us]].
    let det = (1.0 - a_cn) * (1.0 - a_us) - a_us * a_cn;
    let outside = (r_us * (1.0 - a_us) - a_us * r_cn) / det;
    let china = ((1.0 - a_cn) * r_cn - a_cn * r_us) / det;
    (outside.max(0.0), china.max(0.0))
}

/// A cutter's price relative to the cost trend: `× (1 − x)` a year until it would reach its
/// floor `1 − m` (it stops there), then `÷ (1 − x)` a year back up to 1.
pub fn war(x: f64, floor: f64) -> Vec<f64> {
    let mut out = vec![1.0; N];
    if x <= 0.0 {
        return out;
    }
    let mut falling = true;
    for k in 1..N {
        let prev = out[k - 1];
        out[k] = if falling {
            let next = prev * (1.0 - x);
            if next <= floor {
                falling = false;
                floor
            } else {
                next
            }
        } else {
            (prev / (1.0 - x)).min(1.0)
        };
    }
    out
}

/// Prices, demand, home shares and discount factors (§3.1).
pub struct Market {
    /// Relative prices `P̃` and prices `P = (1 − c)^k P̃`.
    pub relative: [Vec<f64>; 2],
    pub price: [Vec<f64>; 2],
    /// Demand in own currency at 2025 prices, both markets.
    pub demand: [Vec<f64>; 2],
    /// The share of a side's demand from its home market.
    pub home: [Vec<f64>; 2],
    pub discount: Vec<f64>,
}

pub fn market(inp: &Inputs) -> Market {
    let st = [start(inp, Who::Us), start(inp, Who::Cn)];
    let floor = [1.0 - st[0].cash_margin, 1.0 - st[1].cash_margin];
    let wars = [0, 1].map(|i| war(inp.sides[i].price_cut, floor[i]));
    let (s_o, s_c) = market_sizes(inp);
    let (eps, cross, phi) = (
        PRICE_ELASTICITY.value,
        CROSS_PRICE_ELASTICITY.value,
        US_PRICE_FOLLOW.value,
    );
    let empty = || vec![0.0; N];
    let mut m = Market {
        relative: [empty(), empty()],
        price: [empty(), empty()],
        demand: [empty(), empty()],
        home: [empty(), empty()],
        discount: empty(),
    };
    let mut adoption = 1.0;
    for k in 0..N {
        if k > 0 {
            // g_d in 2026, halving every H years.
            adoption *= 1.0
                + inp.demand_growth
                    * 0.5_f64.powf((k - 1) as f64 / DEMAND_GROWTH_HALF_LIFE_YEARS.value);
        }
        // Each side: its own war price, or a share φ (in logs) of the other's, whichever is
        // lower, never below its floor.
        for i in 0..2 {
            let own = wars[i][k];
            let followed = wars[1 - i][k].powf(phi);
            m.relative[i][k] = own.min(followed).max(floor[i]);
        }
        let (p_us, p_cn) = (m.relative[0][k], m.relative[1][k]);
        // Access shares, more to the cheaper side (cross-price elasticity s), at most 1;
        // today's access in 2025, the reader's from 2026.
        let [a_us, a_cn] = if k == 0 {
            access_today()
        } else {
            [inp.sides[0].access, inp.sides[1].access]
        };
        let cn_abroad_share = (a_cn * (p_cn / p_us).powf(-cross)).min(1.0);
        let us_abroad_share = (a_us * (p_us / p_cn).powf(-cross)).min(1.0);
        let us_home = (1.0 - cn_abroad_share) * s_o;
        let us_abroad = us_abroad_share * s_c;
        let cn_home = (1.0 - us_abroad_share) * s_c;
        let cn_abroad = cn_abroad_share * s_o;
        let trend = (1.0 - COMPUTE_COST_DECLINE.value).powi(k as i32);
        let volume = adoption * q(k as i64);
        m.price[0][k] = trend * p_us;
        m.price[1][k] = trend * p_cn;
        m.demand[0][k] = volume * (us_home + us_abroad) * p_us.powf(-eps);
        m.demand[1][k] = volume * (cn_home + cn_abroad) * CNY_PER_USD.value * p_cn.powf(-eps);
        let share = |home: f64, abroad: f64| {
            if home + abroad > 0.0 {
                home / (home + abroad)
            } else {
                1.0
            }
        };
        m.home[0][k] = share(us_home, us_abroad);
        m.home[1][k] = share(cn_home, cn_abroad);
        m.discount[k] = (1.0 + inp.r).powi(-(k as i32));
    }
    m
}

// ---- §3.2: one side's path ---------------------------------------------------------------

/// Which limits held a year's capex below what the strategy wanted (§3.2).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Held {
    pub power: bool,
    pub funding: bool,
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
    /// Effective compute in the race, 2025 US$ of US compute.
    pub race: Vec<f64>,
    pub held: Vec<Held>,
    /// Installed base at cost, energised or waiting.
    pub installed: Vec<f64>,
    pub cash_margin: f64,
    /// The year investors stopped the sprint.
    pub stopped: Option<i32>,
}

/// What is in service in year `k` when `new` is bought that year: (base at cost, its energised
/// part, the energised part's compute), energising the newest vintages first up to `cap`.
pub fn in_service(st: &Start, capex: &[f64], k: usize, new: f64, cap: f64) -> (f64, f64, f64) {
    let (mut base, mut energised, mut compute, mut room) = (0.0, 0.0, 0.0, cap);
    for j in 0..vintages() {
        let t = k as i64 - j as i64;
        let b = weight(j) * if j == 0 { new } else { bought(st, capex, t) };
        let on = b.min(room).max(0.0);
        room -= on;
        base += b;
        energised += on;
        compute += on * q(t);
    }
    (base, energised, compute)
}

/// The paced purchase in year `k` (§3.2): the least capex that brings energised compute up
/// to `needed`, each new unit taking free room under the cap first, then displacing the oldest
/// energised equipment (gaining `q_new − q_old` per unit). Also whether the cap held it short.
pub fn paced(st: &Start, capex: &[f64], k: usize, needed: f64, cap: f64) -> (f64, bool) {
    let q_new = q(k as i64);
    // Old vintages, newest first, energised up to the cap.
    let mut old = Vec::new();
    let (mut room, mut have) = (cap, 0.0);
    for j in 1..vintages() {
        let t = k as i64 - j as i64;
        let on = (weight(j) * bought(st, capex, t)).min(room).max(0.0);
        room -= on;
        have += on * q(t);
        old.push((on, q(t)));
    }
    let mut gap = needed - have;
    if gap <= 0.0 {
        return (0.0, false);
    }
    if q_new * room >= gap {
        return (gap / q_new, false);
    }
    let mut buy = room;
    gap -= q_new * room;
    for &(on, q_old) in old.iter().rev() {
        let gain = q_new - q_old;
        if gain > 0.0 && gain * on >= gap {
            return (buy + gap / gain, false);
        }
        buy += on;
        gap -= gain * on;
    }
    (buy, true)
}

pub fn path(inp: &Inputs, m: &Market, who: Who, sprint: bool) -> Path {
    let st = start(inp, who);
    let sd = inp.side(who);
    let i = who.i();
    // Funding (§3.2): the parents' cash outside the AI business after their other capex,
    // growing at g; last year's operating cash of the AI business; a credit line of θ × OCF,
    // growing at g, whose debt carries interest at r and is repaid from cash left over.
    let first_cash = st.revenue - st.running;
    let mut outside = sd.ocf - first_cash - sd.other_capex;
    let mut last_cash = first_cash;
    let mut limit = sd.patience * sd.ocf;
    let mut debt = 0.0;
    let mut years_betting_on_loans = 0;
    // The bet's last year: the year before AGI, or 2060 without AGI by 2060.
    let bet_until = inp.agi.unwrap_or(SHOWN);
    let mut sprinting = sprint;
    let race_scale =
        sd.race_scope * sd.compute_per_dollar * ALGORITHMIC_GAIN.value.powf(-sd.algorithm_lag)
            / fx(who);
    let empty = || vec![0.0; N];
    let mut out = Path {
        who,
        capex: empty(),
        capacity: empty(),
        demand: empty(),
        revenue: empty(),
        running: empty(),
        race: empty(),
        held: vec![Held::default(); N],
        installed: empty(),
        cash_margin: st.cash_margin,
        stopped: None,
    };
    for k in 0..N {
        let demand = m.demand[i][k];
        let cap = sd
            .power_growth
            .map_or(f64::INFINITY, |p| st.base * (1.0 + p).powi(k as i32));
        let mut held = Held::default();
        if k == 0 {
            out.capex[0] = st.capex;
        } else {
            let (pace, short) = paced(&st, &out.capex, k, demand / st.kappa, cap);
            let betting = sprinting && k < bet_until;
            let mut capex = if betting {
                (st.capex * (1.0 + sd.sprint_growth).powi(k as i32)).max(pace)
            } else {
                held.power = short;
                pace
            };
            if let Some(h) = sd.chip_growth {
                let chips = st.capex * (1.0 + h).powi(k as i32);
                if capex > chips {
                    capex = chips;
                    held.chips = true;
                }
            }
            outside *= 1.0 + TERMINAL_GROWTH.value;
            limit *= 1.0 + TERMINAL_GROWTH.value;
            debt *= 1.0 + inp.r;
            let own = (outside + last_cash).max(0.0);
            let room = own + (limit - debt).max(0.0);
            if capex > room {
                capex = room;
                held.funding = true;
            }
            debt = (debt + capex - own).max(0.0);
            if betting && capex > pace && capex > own {
                years_betting_on_loans += 1;
            }
            if betting && (held.funding || years_betting_on_loans >= inp.patience_years) {
                sprinting = false;
                out.stopped = Some(FIRST_YEAR + k as i32);
            }
            out.capex[k] = capex;
        }
        let (base, energised, compute) = in_service(&st, &out.capex, k, out.capex[k], cap);
        held.power |= energised < base * (1.0 - 1e-12);
        let capacity = st.kappa * compute;
        let served = demand.min(capacity);
        let revenue = m.price[i][k] * served;
        let f = FIXED_COST_SHARE.value;
        let running =
            st.running * (f * base / st.base + (1.0 - f) * served / (st.revenue * q(k as i64)));
        last_cash = revenue - running;
        out.capacity[k] = capacity;
        out.demand[k] = demand;
        out.revenue[k] = revenue;
        out.running[k] = running;
        out.held[k] = held;
        out.installed[k] = base;
        out.race[k] = compute * race_scale;
    }
    out
}

// ---- §3.3: the prize ---------------------------------------------------------------------

/// Each side's prize revenue (own currency) and the US share of the contested part.
#[derive(Debug, Clone)]
pub struct Prize {
    pub revenue: [Vec<f64>; 2],
    pub us_share: Vec<f64>,
    /// What the terminal value carries on after 2080.
    pub after: [f64; 2],
}

/// The US share for effective compute `e_us`, `e_cn` and exponent `w` (half each when
/// neither has any).
pub fn share(e_us: f64, e_cn: f64, w: f64) -> f64 {
    if e_us <= 0.0 && e_cn <= 0.0 {
        return 0.5;
    }
    1.0 / (1.0 + (e_cn / e_us).powf(w))
}

/// A year's prize from the two pools (US$) and the US share `s` of what is contested: the
/// foreign side wins at most its access × its share; the home side keeps the rest.
fn split(inp: &Inputs, outside: f64, china: f64, s: f64) -> [f64; 2] {
    let (a_us, a_cn) = (inp.sides[0].access, inp.sides[1].access);
    let us = outside * (1.0 - a_cn * (1.0 - s)) + china * a_us * s;
    let cn = outside * a_cn * (1.0 - s) + china * (1.0 - a_us * s);
    [us, cn * CNY_PER_USD.value]
}

/// What demand in each market would pay in year `k`, US$: each side's demand at its price,
/// split by where it comes from (whatever either side builds).
fn market_spending(m: &Market, k: usize) -> (f64, f64) {
    let r_us = m.price[0][k] * m.demand[0][k];
    let r_cn = m.price[1][k] * m.demand[1][k] / CNY_PER_USD.value;
    let (h_us, h_cn) = (m.home[0][k], m.home[1][k]);
    (
        r_us * h_us + r_cn * (1.0 - h_cn),
        r_cn * h_cn + r_us * (1.0 - h_us),
    )
}

/// Each market's full yearly prize, US$: `M` × its AI spending, or with the world-output
/// anchor world output in year `k` × the providers' share, divided as the AI spending is.
fn pools(inp: &Inputs, m: &Market, k: usize) -> (f64, f64) {
    let (o, c) = market_spending(m, k);
    match inp.world_share {
        None => (inp.prize * o, inp.prize * c),
        Some(share) => {
            let world =
                WORLD_GDP_2025.value * (1.0 + WORLD_GDP_GROWTH.value).powi(k as i32) * share;
            if o + c > 0.0 {
                (world * o / (o + c), world * c / (o + c))
            } else {
                (0.0, 0.0)
            }
        }
    }
}

/// The prize when AGI comes at time `t` (years since the start of 2025; whole years in the
/// fixed mode): each year `k` is split into the part after AGI and before the catch-up (the
/// leader's share `u*`) and the part after the catch-up (eroded, proportional share).
pub fn prize(inp: &Inputs, m: &Market, us: &Path, cn: &Path, t: Option<f64>) -> Prize {
    let mut out = Prize {
        revenue: [vec![0.0; N], vec![0.0; N]],
        us_share: vec![0.0; N],
        after: [0.0; 2],
    };
    let Some(t) = t else {
        return out;
    };
    let kept = 1.0 - PRIZE_EROSION.value;
    let a = (t.floor() as usize).max(1);
    // The compute in service at `t` (§3.3): year `⌈t⌉ − 1`'s.
    let b = (t.ceil() as usize).max(1) - 1;
    let leader = share(us.race[b], cn.race[b], inp.winner_take_all);
    let part_after = |start: f64, k: usize| (k as f64 + 1.0 - start).clamp(0.0, 1.0);
    for k in a..N {
        let late = part_after(t + inp.catch_up_lag as f64, k);
        let early = part_after(t, k) - late;
        let proportional = share(us.race[k], cn.race[k], 1.0);
        let (o, c) = pools(inp, m, k);
        let lead = split(inp, early * o, early * c, leader);
        let caught = split(inp, kept * late * o, kept * late * c, proportional);
        for i in 0..2 {
            out.revenue[i][k] = lead[i] + caught[i];
        }
        out.us_share[k] = if late > 0.0 { proportional } else { leader };
    }
    let last = N - 1;
    let (o, c) = pools(inp, m, last);
    out.after = split(
        inp,
        kept * o,
        kept * c,
        share(us.race[last], cn.race[last], 1.0),
    );
    out
}

// ---- §3.4: the measures ------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub pv_operating_cash: f64,
    pub pv_capex: f64,
    pub value_per_capex: f64,
    pub npv: f64,
    pub peak_funding_need: f64,
}

pub fn operating_cash(p: &Path, z: &Prize, k: usize) -> f64 {
    p.revenue[k] - p.running[k] + p.cash_margin * z.revenue[p.who.i()][k]
}

/// Discounted 2025–2080 plus a Gordon terminal value of `after` growing at `g` from 2080.
pub fn present_value(m: &Market, r: f64, x: impl Fn(usize) -> f64, after: f64) -> f64 {
    let g = TERMINAL_GROWTH.value;
    let years: f64 = (0..N).map(|k| m.discount[k] * x(k)).sum();
    years + m.discount[N - 1] * after * (1.0 + g) / (r - g)
}

pub fn measure(inp: &Inputs, m: &Market, p: &Path, z: &Prize) -> Measure {
    let last = N - 1;
    let cash_after = p.revenue[last] - p.running[last] + p.cash_margin * z.after[p.who.i()];
    let pv_operating_cash = present_value(m, inp.r, |k| operating_cash(p, z, k), cash_after);
    let capex_after = p.capex[last].max(p.installed[last] / life());
    let pv_capex = present_value(m, inp.r, |k| p.capex[k], capex_after);
    let (mut total, mut deepest) = (0.0, 0.0_f64);
    for k in 0..N {
        total += operating_cash(p, z, k) - p.capex[k];
        deepest = deepest.min(total);
    }
    Measure {
        pv_operating_cash,
        pv_capex,
        value_per_capex: pv_operating_cash / pv_capex,
        npv: pv_operating_cash - pv_capex,
        peak_funding_need: -deepest,
    }
}

// ---- §3.5: the game ----------------------------------------------------------------------

pub const SPRINT: usize = 0;
pub const PACE: usize = 1;

/// All four pairs at one AGI year. Indices: `[us strategy][cn strategy]`, 0 sprint, 1 pace.
pub struct Round {
    /// The scan's AGI year (index), and when each pair brings AGI (years since the start of
    /// 2025; the same whole number for every pair in the fixed mode).
    pub agi: Option<usize>,
    pub times: [[Option<f64>; 2]; 2],
    /// `paths[us][cn][side]`.
    pub paths: [[[Path; 2]; 2]; 2],
    pub prizes: [[Prize; 2]; 2],
    /// `measures[us][cn][side]`.
    pub measures: [[[Measure; 2]; 2]; 2],
}

/// Cumulative effective compute: each year's race compute × the algorithmic gain since 2025,
/// summed from 2025 (§3.9).
pub fn cumulative(race: &[f64]) -> Vec<f64> {
    let mut total = 0.0;
    (0..N)
        .map(|k| {
            total += race[k] * ALGORITHMIC_GAIN.value.powi(k as i32);
            total
        })
        .collect()
}

/// When the leader's cumulative effective compute first reaches `threshold` (within 1e-12),
/// accumulating evenly through the year, by the end of 2059 at the latest; years since the
/// start of 2025.
pub fn crossing(threshold: f64, us: &[f64], cn: &[f64]) -> Option<f64> {
    let leader = |k: usize| us[k].max(cn[k]);
    let k =
        (0..(LAST_YEAR - FIRST_YEAR) as usize).find(|&k| leader(k) >= threshold * (1.0 - 1e-12))?;
    let before = if k == 0 { 0.0 } else { leader(k - 1) };
    Some(k as f64 + ((threshold - before) / (leader(k) - before)).clamp(0.0, 1.0))
}

pub fn round(inp: &Inputs, m: &Market) -> Round {
    let sides = [Who::Us, Who::Cn];
    let paced = sides.map(|w| path(inp, m, w, false));
    let times = match (inp.by_compute, inp.agi) {
        (true, Some(a)) => {
            let free = Inputs { agi: None, ..*inp };
            let cum = sides.map(|w| {
                [
                    cumulative(&path(&free, m, w, true).race),
                    cumulative(&paced[w.i()].race),
                ]
            });
            let threshold = cum[0][PACE][a - 1].max(cum[1][PACE][a - 1]);
            [0, 1].map(|u| [0, 1].map(|c| crossing(threshold, &cum[0][u], &cum[1][c])))
        }
        _ => [[inp.agi.map(|a| a as f64); 2]; 2],
    };
    // A sprint buys for the race until the start of the year AGI arrives in (or the next).
    let sprint = |w: Who, t: Option<f64>| {
        path(
            &Inputs {
                agi: t.map(|t| t.ceil() as usize),
                ..*inp
            },
            m,
            w,
            true,
        )
    };
    let paths = [0, 1].map(|u| {
        [0, 1].map(|c| {
            let t = times[u][c];
            [
                if u == SPRINT {
                    sprint(Who::Us, t)
                } else {
                    paced[0].clone()
                },
                if c == SPRINT {
                    sprint(Who::Cn, t)
                } else {
                    paced[1].clone()
                },
            ]
        })
    });
    let prizes = [0, 1]
        .map(|u| [0, 1].map(|c| prize(inp, m, &paths[u][c][0], &paths[u][c][1], times[u][c])));
    let measures = [0, 1].map(|u| {
        [0, 1].map(|c| {
            let z = &prizes[u][c];
            [
                measure(inp, m, &paths[u][c][0], z),
                measure(inp, m, &paths[u][c][1], z),
            ]
        })
    });
    Round {
        agi: inp.agi,
        times,
        paths,
        prizes,
        measures,
    }
}

impl Round {
    /// `who`'s measure when it plays `own` and the other side `other`.
    pub fn payoff(&self, who: Who, own: usize, other: usize) -> &Measure {
        match who {
            Who::Us => &self.measures[own][other][0],
            Who::Cn => &self.measures[other][own][1],
        }
    }

    /// `who`'s sprint minus pace against the other's `other`, and the band's scale.
    pub fn response(&self, who: Who, other: usize) -> (f64, f64) {
        let pace = self.payoff(who, PACE, other);
        (
            self.payoff(who, SPRINT, other).npv - pace.npv,
            pace.pv_capex,
        )
    }

    /// The other side's best reply to `who` playing `own`: sprint only if strictly better.
    pub fn reply(&self, who: Who, own: usize) -> usize {
        let other = match who {
            Who::Us => Who::Cn,
            Who::Cn => Who::Us,
        };
        if self.response(other, own).0 > 0.0 {
            SPRINT
        } else {
            PACE
        }
    }

    /// `who`'s path and its pair's prize when it plays `own` and the other side its best reply.
    pub fn against_reply(&self, who: Who, own: usize) -> (&Path, &Prize) {
        let other = self.reply(who, own);
        let (u, c) = match who {
            Who::Us => (own, other),
            Who::Cn => (other, own),
        };
        (&self.paths[u][c][who.i()], &self.prizes[u][c])
    }

    /// Pure-strategy equilibria `(us, cn)`: each a best response (ties count for both).
    pub fn equilibria(&self) -> Vec<(usize, usize)> {
        let best = |who: Who, own: usize, other: usize| {
            let d = self.response(who, other).0;
            if own == SPRINT {
                d >= 0.0
            } else {
                d <= 0.0
            }
        };
        [(0, 0), (0, 1), (1, 0), (1, 1)]
            .into_iter()
            .filter(|&(u, c)| best(Who::Us, u, c) && best(Who::Cn, c, u))
            .collect()
    }

    /// §3.5's choice: sprint minus pace for `who`, the other side answering each with its
    /// best reply; the scale; the replies.
    pub fn choice(&self, who: Who) -> (f64, f64, [usize; 2]) {
        let replies = [self.reply(who, SPRINT), self.reply(who, PACE)];
        let pace = self.payoff(who, PACE, replies[1]);
        (
            self.payoff(who, SPRINT, replies[0]).npv - pace.npv,
            pace.pv_capex,
            replies,
        )
    }
}

/// The band (§1): 5% of PV capex when pacing; on or inside the edge, too close to call.
pub fn call(d: f64, scale: f64) -> &'static str {
    if d.abs() <= 0.05 * scale.abs() {
        "too_close_to_call"
    } else if d > 0.0 {
        "sprint"
    } else {
        "pace"
    }
}

/// The choice's kind and break-even year from the calls for AGI 2026–2060, ties left out.
pub fn kind(calls: &[(i32, &str)]) -> (&'static str, Option<i32>) {
    let decisive: Vec<(i32, bool)> = calls
        .iter()
        .filter(|(_, c)| *c != "too_close_to_call")
        .map(|&(y, c)| (y, c == "sprint"))
        .collect();
    let Some(&(_, first)) = decisive.first() else {
        return ("too_close_to_call", None);
    };
    let changes = decisive.windows(2).filter(|w| w[0].1 != w[1].1).count();
    let first_sprint = decisive.iter().find(|d| d.1).map(|d| d.0);
    let last_sprint = decisive.iter().rev().find(|d| d.1).map(|d| d.0);
    match (changes, first) {
        (0, true) => ("always", last_sprint),
        (0, false) => ("never", None),
        (1, true) => ("until", last_sprint),
        (1, false) => ("from", first_sprint),
        _ => ("mixed", last_sprint),
    }
}

/// Runs of consecutive years with the same call, as `from–to call`.
pub fn runs(calls: &[(i32, &str)]) -> Vec<(i32, i32, String)> {
    let mut out: Vec<(i32, i32, String)> = Vec::new();
    for &(y, c) in calls {
        match out.last_mut() {
            Some(run) if run.2 == c && run.1 + 1 == y => run.1 = y,
            _ => out.push((y, y, c.to_string())),
        }
    }
    out
}

/// One AGI year of a side's choice.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub agi_year: Option<i32>,
    pub sprint_minus_pace: f64,
    pub scale: f64,
    pub call: &'static str,
    pub replies: [usize; 2],
}

pub fn point(r: &Round, who: Who) -> Point {
    let (d, scale, replies) = r.choice(who);
    Point {
        agi_year: r.agi.map(|a| FIRST_YEAR + a as i32),
        sprint_minus_pace: d,
        scale,
        call: call(d, scale),
        replies,
    }
}

/// The plain model's whole result for one scenario.
pub struct Plain {
    pub inputs: Inputs,
    pub market: Market,
    /// The four pairs at the reader's AGI year.
    pub round: Round,
    /// Each side's choice for AGI 2026–2060, and without AGI.
    pub scan: [Vec<Point>; 2],
    pub without_agi: [Point; 2],
    pub kinds: [(&'static str, Option<i32>); 2],
    pub payback_capital_charge: f64,
    pub payback_required_revenue: f64,
}

/// The big four's capex in calendar 2025, US$ bn: Amazon + Microsoft (its four calendar
/// quarters, with finance leases) + Alphabet + Meta (dataset records `ref-*-capex-2025`,
/// `ref-msft-capex-2025-incl-leases`).
pub const BIG4_CAPEX_2025: f64 = 131.8 + 118.0 + 91.4 + 72.22;

pub fn plain(s: &Scenario) -> Plain {
    let inp = Inputs::of(s);
    let market = market(&inp);
    let rounds: Vec<Round> = (FIRST_YEAR + 1..=LAST_YEAR)
        .map(|y| round(&inp.with_agi(Some(y)), &market))
        .collect();
    let none = round(&inp.with_agi(None), &market);
    let scan = [Who::Us, Who::Cn].map(|w| rounds.iter().map(|r| point(r, w)).collect::<Vec<_>>());
    let kinds = [0, 1].map(|i| {
        let calls: Vec<(i32, &str)> = scan[i]
            .iter()
            .map(|p| (p.agi_year.unwrap_or(0), p.call))
            .collect();
        kind(&calls)
    });
    let charge = BIG4_CAPEX_2025 * capital_recovery(inp.r);
    Plain {
        round: round(&inp, &market),
        without_agi: [point(&none, Who::Us), point(&none, Who::Cn)],
        scan,
        kinds,
        payback_capital_charge: charge,
        payback_required_revenue: charge / start(&inp, Who::Us).cash_margin,
        inputs: inp,
        market,
    }
}

impl Plain {
    /// A side's call at one AGI year (`None`: without AGI).
    pub fn call_at(&self, who: Who, year: Option<i32>) -> &'static str {
        match year {
            None => self.without_agi[who.i()].call,
            Some(y) => self.scan[who.i()]
                .iter()
                .find(|p| p.agi_year == Some(y))
                .map_or("too_close_to_call", |p| p.call),
        }
    }
}
