//! The AGI prize and its split by effective compute (`docs/MODEL.md` §3.3).

use super::market::{Series, Side};
use super::path::Path;
use crate::model::calibration::{CNY_PER_USD, FIRST_YEAR, PRIZE_EROSION, YEARS};
use crate::model::params::Params;

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
    pub(super) fn terminal_revenue(&self, side: Side) -> f64 {
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
