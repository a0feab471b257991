//! The AGI prize (`docs/MODEL.md` §3.3): one pool in each market, split by effective compute
//! only where both sides can sell.

use super::market::{Market, Series, Side};
use super::path::Path;
use crate::model::calibration::{WORLD_GDP_2025, YEARS};
use crate::model::params::Params;

/// The US share of a contest for a compute ratio: `1 / (1 + (E_CN / E_US)^w)`, written to stay
/// finite for any compute, zero included (each side's logarithm is taken on its own, floored,
/// so the ratio's never is infinite).
fn compute_share(us: f64, cn: f64, w: f64) -> f64 {
    let log = |x: f64| x.max(f64::MIN_POSITIVE).ln();
    1.0 / (1.0 + (w * (log(cn) - log(us))).clamp(-700.0, 700.0).exp())
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

/// The two markets' AI spending in year `k`, US$: what demand would pay each side at its
/// price, split by where the demand comes from. It does not depend on who builds what, so no
/// strategy changes the size of the prize.
fn market_value(p: &Params, market: &Market, k: usize) -> (f64, f64) {
    let us_rev = market.price[0][k] * market.demand[0][k];
    let cn_rev = market.price[1][k] * market.demand[1][k] / p.cny_per_usd;
    let (us_home, cn_home) = (market.home_share[0][k], market.home_share[1][k]);
    (
        us_rev * us_home + cn_rev * (1.0 - cn_home),
        cn_rev * cn_home + us_rev * (1.0 - us_home),
    )
}

/// Each market's full yearly prize in year `k`, US$ bn: `M` times its AI spending, or with
/// the world-output anchor, world output × the providers' share of AGI's addition, divided
/// between the markets as their AI spending is (`docs/MODEL.md` §3.3).
fn pools(p: &Params, market: &Market, k: usize) -> (f64, f64) {
    let (outside_china, china) = market_value(p, market, k);
    match p.prize_share_of_world_output {
        None => (p.prize * outside_china, p.prize * china),
        Some(share) => {
            let growth = (1.0 + p.assumed.world_gdp_growth).powi(k as i32);
            let pool = WORLD_GDP_2025.value * growth * share;
            let total = outside_china + china;
            if total > 0.0 {
                (pool * outside_china / total, pool * china / total)
            } else {
                (0.0, 0.0)
            }
        }
    }
}

/// The prize when AGI comes at `agi_time` (`docs/MODEL.md` §3.3), in years since the start of
/// 2025 (5.0: the start of 2030; compute mode can bring it within a year, 4.6): from then on a
/// yearly pool in each market ([`pools`]), the year of arrival in part, less the
/// share `η` competed away once the follower catches up `λ` years later. Until then the
/// contest goes by the compute in service when AGI arrives (2029's fleet for 5.0 and for 4.6)
/// with the winner-takes-all exponent `w`; afterwards in proportion to each year's compute.
pub(crate) fn prize(
    p: &Params,
    market: &Market,
    us: &Path,
    cn: &Path,
    agi_time: Option<f64>,
) -> Prize {
    let last = YEARS - 1;
    let mut out = Prize {
        revenue: [[0.0; YEARS]; 2],
        terminal_revenue: [0.0; 2],
        us_share: [0.0; YEARS],
    };
    let Some(agi) = agi_time else {
        return out;
    };
    // The compute in service when AGI arrives (AGI ≥ 2026) was bought at the start of the
    // year it arrives in, or of the year before when it arrives at a year's start: within a
    // year it is what brought AGI and what a sprint bought for the race (it buys until `⌈t⌉`),
    // so the contest must not go by the year before. A year is split by the parts of it before
    // AGI, in the leader's phase and after the catch-up (whole years in fixed mode; compute
    // mode can bring AGI within a year).
    let a = (agi.floor() as usize).max(1);
    let in_place = (agi.ceil() as usize).max(1) - 1;
    let caught_up_at = agi + f64::from(p.catch_up_lag);
    let after = |t: f64, k: usize| (k as f64 + 1.0 - t).clamp(0.0, 1.0);
    let leader_share = compute_share(
        us.race_compute[in_place],
        cn.race_compute[in_place],
        p.winner_take_all,
    );
    let erosion = 1.0 - p.assumed.prize_erosion;
    for k in a..YEARS {
        let caught_up = after(caught_up_at, k);
        let leading = after(agi, k) - caught_up;
        let proportional = compute_share(us.race_compute[k], cn.race_compute[k], 1.0);
        let (outside_china, china) = pools(p, market, k);
        let phase =
            |weight: f64, share: f64| split(p, weight * outside_china, weight * china, share);
        let [lead_us, lead_cn] = phase(leading, leader_share);
        let [late_us, late_cn] = phase(erosion * caught_up, proportional);
        out.revenue[0][k] = lead_us + late_us;
        out.revenue[1][k] = lead_cn + late_cn;
        out.us_share[k] = if caught_up > 0.0 {
            proportional
        } else {
            leader_share
        };
    }
    // After the last year: a steady state, caught up (the engine runs twenty years past the
    // last AGI year, so the follower has caught up by then).
    let (outside_china, china) = pools(p, market, last);
    let share = compute_share(us.race_compute[last], cn.race_compute[last], 1.0);
    out.terminal_revenue = split(p, erosion * outside_china, erosion * china, share);
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
