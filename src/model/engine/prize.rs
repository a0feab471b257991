//! The AGI prize (`docs/MODEL.md` §3.3): one pool in each market, split by effective compute
//! only where both sides can sell.

use super::market::{Market, Series, Side};
use super::path::Path;
use crate::model::calibration::{FIRST_YEAR, YEARS};
use crate::model::params::Params;

/// The US share of a contest for a compute ratio: `1 / (1 + (E_CN / E_US)^w)`, written to stay
/// finite for any ratio.
fn compute_share(us: f64, cn: f64, w: f64) -> f64 {
    let log_ratio = (cn.max(f64::MIN_POSITIVE) / us.max(f64::MIN_POSITIVE)).ln();
    1.0 / (1.0 + (w * log_ratio).clamp(-700.0, 700.0).exp())
}

/// Each side's prize revenue, in its own currency, year by year and in the years after the
/// last (as the terminal value carries them on). All zero without AGI.
#[derive(Debug, Clone)]
pub(crate) struct Prize {
    /// Indexed by [`Side::index`].
    pub revenue: [Series; 2],
    pub terminal_revenue: [f64; 2],
    /// The US share of the contested part of each market (0 before AGI).
    pub us_share: Series,
}

/// Each side's prize in one year from the two markets' pools (US$) and the US share of what
/// is contested: in each market the foreign side can win at most its access share, in
/// proportion to the compute share; the home side keeps the rest.
fn split(p: &Params, outside_china_pool: f64, china_pool: f64, us_share: f64) -> [f64; 2] {
    let cn_wins_outside = p.cn.access * (1.0 - us_share);
    let us_wins_china = p.us.access * us_share;
    let us = outside_china_pool * (1.0 - cn_wins_outside) + china_pool * us_wins_china;
    let cn = outside_china_pool * cn_wins_outside + china_pool * (1.0 - us_wins_china);
    [us, cn * p.cny_per_usd]
}

/// The two markets' AI revenue in year `k`, US$: each side's revenue split by where its demand
/// comes from.
fn market_revenue(p: &Params, market: &Market, us: &Path, cn: &Path, k: usize) -> (f64, f64) {
    let us_rev = us.revenue[k];
    let cn_rev = cn.revenue[k] / p.cny_per_usd;
    let (us_home, cn_home) = (market.home_share[0][k], market.home_share[1][k]);
    (
        us_rev * us_home + cn_rev * (1.0 - cn_home),
        cn_rev * cn_home + us_rev * (1.0 - us_home),
    )
}

/// The prize when AGI comes in `agi_year` (`docs/MODEL.md` §3.3): from then on a yearly pool
/// of `M` times each market's AI revenue, less the share `η` competed away once the follower
/// catches up `λ` years later. Until then the contest goes by the compute in place when AGI
/// arrives with the winner-takes-all exponent `w`; afterwards in proportion to each year's
/// compute.
pub(crate) fn prize(
    p: &Params,
    market: &Market,
    us: &Path,
    cn: &Path,
    agi_year: Option<i32>,
) -> Prize {
    let last = YEARS - 1;
    let mut out = Prize {
        revenue: [[0.0; YEARS]; 2],
        terminal_revenue: [0.0; 2],
        us_share: [0.0; YEARS],
    };
    let Some(agi) = agi_year else {
        return out;
    };
    // The compute in place when AGI arrives: the end of the year before (AGI ≥ 2026).
    let a = (agi - FIRST_YEAR) as usize;
    let leader_share = compute_share(
        us.race_compute[a - 1],
        cn.race_compute[a - 1],
        p.winner_take_all,
    );
    let erosion = 1.0 - p.assumed.prize_erosion;
    for k in a..YEARS {
        let caught_up = k >= a + p.catch_up_lag as usize;
        let us_share = if caught_up {
            compute_share(us.race_compute[k], cn.race_compute[k], 1.0)
        } else {
            leader_share
        };
        let scale = p.prize * if caught_up { erosion } else { 1.0 };
        let (outside_china, china) = market_revenue(p, market, us, cn, k);
        let [us_prize, cn_prize] = split(p, scale * outside_china, scale * china, us_share);
        out.revenue[0][k] = us_prize;
        out.revenue[1][k] = cn_prize;
        out.us_share[k] = us_share;
    }
    // After the last year: a steady state, caught up (the engine runs twenty years past the
    // last AGI year, so the follower has caught up by then).
    let (outside_china, china) = market_revenue(p, market, us, cn, last);
    let share = compute_share(us.race_compute[last], cn.race_compute[last], 1.0);
    out.terminal_revenue = split(
        p,
        p.prize * erosion * outside_china,
        p.prize * erosion * china,
        share,
    );
    out
}

impl Prize {
    /// A side's prize revenue in year `k`, in its own currency.
    pub(crate) fn revenue(&self, side: Side, k: usize) -> f64 {
        self.revenue[side.index()][k]
    }

    /// A side's prize revenue in the years after the last, as the terminal value carries it.
    pub(super) fn terminal_revenue(&self, side: Side) -> f64 {
        self.terminal_revenue[side.index()]
    }
}
