//! When a pair brings AGI in compute mode (`docs/MODEL.md` §3.5): the race's effective compute,
//! accumulated, against a threshold.

use crate::model::calibration::{FIRST_YEAR, LAST_YEAR, YEARS};
use crate::model::engine::Series;
use crate::model::params::Params;

/// Effective compute in the race, accumulated: each year's race compute times the algorithmic
/// frontier's gain since 2025 (`docs/MODEL.md` §3.5).
pub(super) fn cumulative_effective_compute(p: &Params, race_compute: &Series) -> Series {
    let mut out = [0.0; YEARS];
    let (mut total, mut algorithms) = (0.0, 1.0);
    for (k, slot) in out.iter_mut().enumerate() {
        if k > 0 {
            algorithms *= p.assumed.algorithmic_gain;
        }
        total += race_compute[k] * algorithms;
        *slot = total;
    }
    out
}

/// When a pair brings AGI in compute mode, in years since the start of 2025: when either
/// side's cumulative effective compute first reaches `threshold` (AGI for the world: the first
/// to get there brings it, open models spread it), accumulating evenly through each year.
/// `None` when neither does before 2060 ends.
pub(super) fn crossing(threshold: f64, us: &Series, cn: &Series) -> Option<f64> {
    let leader = |k: usize| us[k].max(cn[k]);
    let last = (LAST_YEAR - FIRST_YEAR) as usize;
    let k = (0..last).find(|&k| leader(k) >= threshold * (1.0 - 1e-12))?;
    let before = if k == 0 { 0.0 } else { leader(k - 1) };
    let within = ((threshold - before) / (leader(k) - before)).clamp(0.0, 1.0);
    Some(k as f64 + within)
}

#[cfg(test)]
mod tests {
    use super::{crossing, Series, YEARS};

    /// A rising cumulative series from yearly increments.
    fn cumulative(step: impl Fn(usize) -> f64) -> Series {
        let mut out = [0.0; YEARS];
        let mut total = 0.0;
        for (k, slot) in out.iter_mut().enumerate() {
            total += step(k);
            *slot = total;
        }
        out
    }

    #[test]
    fn more_compute_never_delays_agi() {
        let base = cumulative(|k| 1.5_f64.powi(k as i32));
        for factor in [1.0, 1.01, 1.3, 2.0, 10.0] {
            let more = cumulative(|k| factor * 1.5_f64.powi(k as i32));
            for threshold in [0.5, 1.0, 7.0, 1e3, 1e6] {
                let (a, b) = (
                    crossing(threshold, &base, &base),
                    crossing(threshold, &more, &base),
                );
                match (a, b) {
                    (Some(a), Some(b)) => {
                        assert!(b <= a + 1e-12, "{factor} {threshold}: {b} > {a}")
                    }
                    (None, _) => {}
                    (Some(_), None) => panic!("more compute lost AGI ({factor}, {threshold})"),
                }
            }
        }
    }

    #[test]
    fn the_paced_threshold_is_reached_at_the_start_of_its_year() {
        let us = cumulative(|k| 2.0_f64.powi(k as i32));
        let cn = cumulative(|k| 0.5 * 2.0_f64.powi(k as i32));
        for a in 1..30 {
            let threshold = us[a - 1].max(cn[a - 1]);
            assert_eq!(crossing(threshold, &us, &cn), Some(a as f64));
        }
    }
}
