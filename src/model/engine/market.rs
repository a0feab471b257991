//! What the world does regardless of capex (`docs/MODEL.md` §3.1): two markets (China's, and
//! the rest of the world the US clouds serve), the prices of a price war, demand, compute per
//! unit of money and discounting; and each side's 2025 starting point.

use serde::Serialize;

use crate::model::calibration::YEARS;
use crate::model::params::{Params, SideParams};

/// Vintages that can be in service at once: a useful life of up to six years.
pub(super) const VINTAGES: usize = 6;

/// A yearly series, 2025–2080.
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

impl Side {
    pub const BOTH: [Side; 2] = [Side::Us, Side::Cn];

    pub(crate) fn index(self) -> usize {
        match self {
            Side::Us => 0,
            Side::Cn => 1,
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Us => Side::Cn,
            Side::Cn => Side::Us,
        }
    }
}

impl Params {
    /// One side's figures.
    pub(crate) fn side(&self, side: Side) -> &SideParams {
        match side {
            Side::Us => &self.us,
            Side::Cn => &self.cn,
        }
    }

    /// Units of a side's currency per US dollar (1 for the US).
    pub(crate) fn fx(&self, side: Side) -> f64 {
        match side {
            Side::Us => 1.0,
            Side::Cn => self.cny_per_usd,
        }
    }
}

/// What the world does regardless of capex (`docs/MODEL.md` §3.1). Indexed by
/// [`Side::index`].
#[derive(Debug, Clone)]
pub(crate) struct Market {
    /// Price per unit of compute served, 2025 = 1: `P = (1 − c)^k P̃`, with `P̃` the price
    /// relative to the cost trend (1 without a price war).
    pub price: [Series; 2],
    /// Demand in units of compute (2025 revenue units: what it would earn at 2025 prices),
    /// from both markets.
    pub demand: [Series; 2],
    /// The share of a side's demand that comes from its home market.
    pub home_share: [Series; 2],
    /// Compute per unit of money, 2025 = 1: `q_k = (1 − c)^−k`.
    pub compute_per_money: Series,
    /// `(1 + r)^−k`.
    pub discount: Series,
    /// `r`, for the terminal value.
    pub rate: f64,
}

/// The two markets' 2025 sizes in US$ bn, calibrated so that each side's 2025 demand is its
/// 2025 revenue with today's access (`docs/MODEL.md` §3.1): the US clouds serve all of the
/// market outside China but China's share, and their share of China's market.
fn market_sizes(p: &Params) -> (f64, f64) {
    let (us_today, cn_today) = (p.us.access_today, p.cn.access_today);
    let r_us = p.us.revenue_2025;
    let r_cn = p.cn.revenue_2025 / p.cny_per_usd;
    let det = 1.0 - us_today - cn_today;
    let outside_china = (r_us * (1.0 - us_today) - us_today * r_cn) / det;
    let china = (r_cn * (1.0 - cn_today) - cn_today * r_us) / det;
    (outside_china.max(0.0), china.max(0.0))
}

/// One side's relative price in a price war it starts: cut by `x` a year until the next cut
/// would take it below its cash cost; there the war ends and the price recovers at the same
/// pace to the cost trend (`docs/MODEL.md` §3.1).
fn war_path(cut: f64, floor: f64) -> Series {
    let mut out = [1.0; YEARS];
    let (mut rel, mut cutting) = (1.0_f64, cut > 0.0);
    for slot in out.iter_mut().skip(1) {
        if cutting {
            rel *= 1.0 - cut;
            if rel <= floor {
                rel = floor;
                cutting = false;
            }
        } else if cut > 0.0 {
            rel = (rel / (1.0 - cut)).min(1.0);
        }
        *slot = rel;
    }
    out
}

impl Market {
    pub(crate) fn new(p: &Params) -> Market {
        let a = &p.assumed;
        let (s, eps, follow) = (
            a.cross_price_elasticity,
            a.price_elasticity,
            a.us_price_follow,
        );
        let fade = 0.5_f64.powf(1.0 / a.demand_growth_half_life_years);
        let (outside_china, china) = market_sizes(p);
        let floor = Side::BOTH.map(|side| 1.0 - start(side, p).cash_margin);
        let war = Side::BOTH.map(|side| war_path(p.side(side).price_cut, floor[side.index()]));
        let mut m = Market {
            price: [[0.0; YEARS]; 2],
            demand: [[0.0; YEARS]; 2],
            home_share: [[0.0; YEARS]; 2],
            compute_per_money: [0.0; YEARS],
            discount: [0.0; YEARS],
            rate: p.discount_rate,
        };
        let (mut adoption, mut growth) = (1.0, p.demand_growth);
        let (mut cost, mut df) = (1.0, 1.0);
        // Every series of the year is written from the same index.
        #[allow(clippy::needless_range_loop)]
        for k in 0..YEARS {
            if k > 0 {
                adoption *= 1.0 + growth;
                growth *= fade;
                cost *= 1.0 - a.compute_cost_decline;
                df /= 1.0 + p.discount_rate;
            }
            // A side follows a share φ of the other's cut (in logarithms), never below its own
            // cash cost.
            let rel = Side::BOTH.map(|side| {
                let (own, other) = (war[side.index()][k], war[side.other().index()][k]);
                own.min(power(other, follow)).max(floor[side.index()])
            });
            let (rel_us, rel_cn) = (rel[0], rel[1]);
            // Each side serves its access share of the other's market, more when it is
            // cheaper (cross-price elasticity s): demand a price war diverts goes to the cutter.
            // 2025 is what was reported, at today's access; the reader's access from 2026.
            let access = |sp: &SideParams| if k == 0 { sp.access_today } else { sp.access };
            let cn_share_outside = (access(&p.cn) * power(rel_cn / rel_us, -s)).min(1.0);
            let us_share_china = (access(&p.us) * power(rel_us / rel_cn, -s)).min(1.0);
            let volume = adoption / cost;
            let us_home = (1.0 - cn_share_outside) * outside_china;
            let us_abroad = us_share_china * china;
            let cn_home = (1.0 - us_share_china) * china;
            let cn_abroad = cn_share_outside * outside_china;
            m.price[0][k] = cost * rel_us;
            m.price[1][k] = cost * rel_cn;
            m.demand[0][k] = volume * (us_home + us_abroad) * power(rel_us, -eps);
            m.demand[1][k] = volume * (cn_home + cn_abroad) * p.cny_per_usd * power(rel_cn, -eps);
            m.home_share[0][k] = share(us_home, us_abroad);
            m.home_share[1][k] = share(cn_home, cn_abroad);
            m.compute_per_money[k] = cost.recip();
            m.discount[k] = df;
        }
        m
    }

    pub(super) fn price(&self, side: Side) -> &Series {
        &self.price[side.index()]
    }

    pub(super) fn demand(&self, side: Side) -> &Series {
        &self.demand[side.index()]
    }
}

/// `x^e`, skipping the power where there is no price war (`x` = 1), as in most years.
fn power(x: f64, e: f64) -> f64 {
    if x == 1.0 {
        1.0
    } else {
        x.powf(e)
    }
}

/// `home / (home + abroad)`, 1 when both are zero.
fn share(home: f64, abroad: f64) -> f64 {
    let total = home + abroad;
    if total > 0.0 {
        home / total
    } else {
        1.0
    }
}

/// The 2025 starting point of a side, in its own currency.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Start {
    pub revenue: f64,
    pub capex: f64,
    /// Installed base at cost, `B₂₀₂₅`.
    pub base: f64,
    /// Cash margin before capex: the reported operating margin (after depreciation) plus
    /// straight-line depreciation, `B₂₀₂₅ / (L R₀)`.
    pub cash_margin: f64,
}

pub(crate) fn start(side: Side, p: &Params) -> Start {
    let sp = p.side(side);
    let (revenue, capex) = (sp.revenue_2025, sp.capex_ratio * sp.revenue_2025);
    let a = &p.assumed;
    // Installed base at cost, B₂₀₂₅: the vintages in service, earlier ones grown at the past
    // rate, I₀ Σ wⱼ (1 + g_past)^−j.
    let base: f64 = (0..VINTAGES)
        .map(|j| {
            vintage_weight(j, a.useful_life_years)
                * capex
                * (1.0 + a.past_capex_growth).powi(-(j as i32))
        })
        .sum();
    Start {
        revenue,
        capex,
        base,
        cash_margin: sp.operating_margin + base / (a.useful_life_years * revenue),
    }
}

/// The weight of a vintage `j` years old: 1 while in service, the fraction of a year in
/// its last year (a life of 5.5 years gives 1, 1, 1, 1, 1, 0.5).
pub(super) fn vintage_weight(j: usize, life: f64) -> f64 {
    (life - j as f64).clamp(0.0, 1.0)
}
