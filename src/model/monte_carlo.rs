//! Uncertainty about the AGI year: many runs with the AGI year drawn from a distribution the
//! reader shapes (median and spread), every other input fixed.
//!
//! Because only the (whole) AGI year varies, each possible year 2026 … `horizon_end + 1` is
//! projected once up front (at most 36 projections; `horizon_end + 1` stands for "not within
//! the horizon"); the runs then only draw a year and count. The inner loop allocates nothing
//! and uses its own seeded generator (SplitMix64), so a seed gives the same result on every
//! platform up to the last bit of `ln`/`exp`/`cos`.

use serde::Serialize;

use super::error::{check_range, InputError, InputErrorKind};
use super::inputs::input_spec;
use super::project::{outcome_with, Params, FIRST_YEAR};
use super::scenario::Scenario;
use super::summary::{lead, Leader};

/// The AGI year as a log-normal distribution of the years after 2025:
/// `X = (median − 2025) × exp(σZ)`, `Z ~ N(0, 1)`, with `σ = ln(1 + spread / (median − 2025))`,
/// so half the runs see AGI before `median_year` and about one in six (one σ) after
/// `median_year + spread_years`. The year is `2025 + round(X)`, at least 2026; years after the
/// horizon count as "no AGI within the horizon". The log-normal is skewed late: AGI cannot come
/// before 2026 but can come very late.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AgiDistribution {
    /// 2026–2060 (the range of `agi_median_year`).
    pub median_year: f64,
    /// 0–30 years (the range of `agi_spread_years`); 0 means every run has AGI in the median year.
    pub spread_years: f64,
}

impl AgiDistribution {
    /// The distribution set on the page (`agi_median_year`, `agi_spread_years`).
    pub fn from_scenario(s: &Scenario) -> AgiDistribution {
        AgiDistribution {
            median_year: s.agi_median_year,
            spread_years: s.agi_spread_years,
        }
    }

    /// Range and finiteness checks, reported under the scenario's field names.
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let mut errors = Vec::new();
        for (field, value) in [
            ("agi_median_year", self.median_year),
            ("agi_spread_years", self.spread_years),
        ] {
            let Some((min, max)) = input_spec(field).and_then(|spec| spec.range()) else {
                continue;
            };
            errors.extend(check_range(field, value, min, max));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// `σ` of the log-normal.
    pub fn sigma(&self) -> f64 {
        let years = self.median_year - FIRST_YEAR as f64;
        (1.0 + self.spread_years / years).ln()
    }
}

/// The most runs one call accepts.
pub const MAX_RUNS: u32 = 1_000_000;
/// The default number of runs.
pub const DEFAULT_RUNS: u32 = 10_000;
/// Bins of [`MonteCarlo::histogram`] (even, so that ratio 1 is a bin edge).
pub const HISTOGRAM_BINS: usize = 20;

/// One bin of the outcome histogram: runs whose final ratio `ROI_sprint / ROI_marathon` lies in
/// `[lo, hi)`. Bins are equally wide in log₂ of the ratio and symmetric around 1, so the left
/// half holds marathon wins and the right half sprint wins.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HistogramBin {
    pub lo: f64,
    pub hi: f64,
    pub sprint_ahead_count: u32,
    pub marathon_ahead_count: u32,
    /// Runs with equal returns (rare; they sit in the bin that starts at 1).
    pub tie_count: u32,
}

/// How often each AGI year was drawn and what it leads to (for a bar chart of the distribution).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AgiYearBar {
    /// The AGI year; `horizon_end + 1` collects every draw after the horizon.
    pub year: i32,
    pub within_horizon: bool,
    pub count: u32,
    /// Who ends ahead with AGI in this year.
    pub leader: Leader,
    /// Whether the sprint's bubble bursts with AGI in this year.
    pub bubble: bool,
    /// `ROI_sprint / ROI_marathon` at the horizon with AGI in this year.
    pub roi_ratio: f64,
}

/// The result of [`monte_carlo`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarlo {
    pub runs: u32,
    /// Share of runs in which the sprint ends with the higher return per unit of capex.
    pub p_sprint_ahead: f64,
    /// Share of runs in which the marathon does (the two sum to ≤ 1; ties make up the rest).
    pub p_marathon_ahead: f64,
    /// Share of runs in which the sprint's bubble bursts before AGI.
    pub p_bubble: f64,
    /// Share of runs with AGI by the horizon.
    pub p_agi_in_horizon: f64,
    /// 10th, 50th and 90th percentile of the final ratio `ROI_sprint / ROI_marathon`.
    pub ratio_p10: f64,
    pub ratio_median: f64,
    pub ratio_p90: f64,
    /// [`HISTOGRAM_BINS`] bins of the final ratio; counts sum to `runs`.
    pub histogram: Vec<HistogramBin>,
    /// One bar per possible AGI year (2026 … `horizon_end + 1`); counts sum to `runs`.
    pub agi_years: Vec<AgiYearBar>,
}

/// Runs the projection `runs` times (1 … [`MAX_RUNS`]) with the AGI year drawn from `dist`;
/// the scenario's own `agi_year` is not used. The same inputs and `seed` give the same result.
///
/// ```
/// use ai_capex_explainer::model::{monte_carlo, AgiDistribution, Scenario};
/// let s = Scenario::default();
/// let mc = monte_carlo(&s, &AgiDistribution::from_scenario(&s), 10_000, 42).map_err(|e| format!("{e:?}"))?;
/// assert!(mc.p_sprint_ahead + mc.p_marathon_ahead <= 1.0);
/// assert!(monte_carlo(&s, &AgiDistribution::from_scenario(&s), 0, 42).is_err());
/// # Ok::<(), String>(())
/// ```
pub fn monte_carlo(
    s: &Scenario,
    dist: &AgiDistribution,
    runs: u32,
    seed: u64,
) -> Result<MonteCarlo, Vec<InputError>> {
    let mut errors = s.validate().err().unwrap_or_default();
    errors.extend(dist.validate().err().unwrap_or_default());
    if runs == 0 || runs > MAX_RUNS {
        errors.push(InputError::new(
            "runs",
            runs.to_string(),
            InputErrorKind::OutOfRange {
                min: 1.0,
                max: MAX_RUNS as f64,
            },
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // 1. One projection per possible AGI year.
    let params = Params::from_scenario(s);
    let first_agi = FIRST_YEAR + 1;
    let never = params.horizon_end + 1;
    let mut table = [Entry::EMPTY; MAX_YEARS];
    let years = ((never - first_agi + 1).max(1) as usize).min(MAX_YEARS);
    for (offset, entry) in table.iter_mut().take(years).enumerate() {
        let outcome = outcome_with(&params, first_agi + offset as i32, params.payoff);
        *entry = Entry {
            ratio: outcome.roi_ratio(),
            leader: lead(outcome.sprint_roi, outcome.marathon_roi),
            bubble: outcome.bubble_year.is_some(),
            count: 0,
        };
    }

    // 2. Draw the AGI years (allocation-free).
    let scale = dist.median_year - FIRST_YEAR as f64;
    let sigma = dist.sigma();
    let mut rng = SplitMix64(seed);
    let mut spare: Option<f64> = None;
    for _ in 0..runs {
        let z = match spare.take() {
            Some(z) => z,
            None => {
                let (z0, z1) = rng.normal_pair();
                spare = Some(z1);
                z0
            }
        };
        let years_after = (scale * (sigma * z).exp()).round();
        let year = if years_after.is_finite() {
            (FIRST_YEAR as f64 + years_after).clamp(first_agi as f64, never as f64) as i32
        } else {
            never
        };
        let index = ((year - first_agi).max(0) as usize).min(years - 1);
        if let Some(entry) = table.get_mut(index) {
            entry.count += 1;
        }
    }

    // 3. Summaries, histogram and bars from the counts.
    let used = table.get(..years).unwrap_or(&[]);
    let share = |pick: &dyn Fn(&Entry) -> bool| {
        used.iter()
            .filter(|e| pick(e))
            .map(|e| e.count as f64)
            .sum::<f64>()
            / runs as f64
    };
    let p_sprint_ahead = share(&|e| e.leader == Leader::Sprint);
    let p_marathon_ahead = share(&|e| e.leader == Leader::Marathon);
    let p_bubble = share(&|e| e.bubble);
    let never_index = years - 1;
    let p_agi_in_horizon = used
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != never_index)
        .map(|(_, e)| e.count as f64)
        .sum::<f64>()
        / runs as f64;

    let mut sorted = table;
    let sorted = sorted.get_mut(..years).unwrap_or(&mut []);
    sorted.sort_by(|a, b| a.ratio.total_cmp(&b.ratio));
    let quantile = |q: f64| {
        let target = (q * runs as f64).ceil().max(1.0);
        let mut seen = 0.0;
        for e in sorted.iter() {
            seen += e.count as f64;
            if seen >= target {
                return e.ratio;
            }
        }
        sorted.last().map_or(1.0, |e| e.ratio)
    };
    let (ratio_p10, ratio_median, ratio_p90) = (quantile(0.1), quantile(0.5), quantile(0.9));

    let histogram = histogram(used);
    let agi_years = used
        .iter()
        .enumerate()
        .map(|(offset, e)| {
            let year = first_agi + offset as i32;
            AgiYearBar {
                year,
                within_horizon: year <= params.horizon_end,
                count: e.count,
                leader: e.leader,
                bubble: e.bubble,
                roi_ratio: e.ratio,
            }
        })
        .collect();

    Ok(MonteCarlo {
        runs,
        p_sprint_ahead,
        p_marathon_ahead,
        p_bubble,
        p_agi_in_horizon,
        ratio_p10,
        ratio_median,
        ratio_p90,
        histogram,
        agi_years,
    })
}

/// 2026 … 2061: the most distinct AGI years for the largest horizon (2060).
const MAX_YEARS: usize = 36;

#[derive(Debug, Clone, Copy)]
struct Entry {
    ratio: f64,
    leader: Leader,
    bubble: bool,
    count: u32,
}

impl Entry {
    const EMPTY: Entry = Entry {
        ratio: 1.0,
        leader: Leader::Tie,
        bubble: false,
        count: 0,
    };
}

/// Bins symmetric in log₂(ratio) around 0, wide enough for the most extreme drawn ratio.
fn histogram(entries: &[Entry]) -> Vec<HistogramBin> {
    let reach = entries
        .iter()
        .filter(|e| e.count > 0)
        .map(|e| e.ratio.log2().abs())
        .fold(0.0_f64, f64::max);
    let reach = if reach > 1e-9 {
        reach * (1.0 + 1e-9)
    } else {
        1.0
    };
    let half = (HISTOGRAM_BINS / 2) as f64;
    let width = reach / half;
    let mut bins: Vec<HistogramBin> = (0..HISTOGRAM_BINS)
        .map(|i| HistogramBin {
            lo: ((i as f64 - half) * width).exp2(),
            hi: ((i as f64 + 1.0 - half) * width).exp2(),
            sprint_ahead_count: 0,
            marathon_ahead_count: 0,
            tie_count: 0,
        })
        .collect();
    for e in entries.iter().filter(|e| e.count > 0) {
        let position = (e.ratio.log2() / width).floor() + half;
        let index = position.clamp(0.0, (HISTOGRAM_BINS - 1) as f64) as usize;
        if let Some(bin) = bins.get_mut(index) {
            match e.leader {
                Leader::Sprint => bin.sprint_ahead_count += e.count,
                Leader::Marathon => bin.marathon_ahead_count += e.count,
                Leader::Tie => bin.tie_count += e.count,
            }
        }
    }
    bins
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast generator that passes BigCrush.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Two independent standard normals (Box–Muller).
    fn normal_pair(&mut self) -> (f64, f64) {
        let u1 = 1.0 - self.next_f64(); // (0, 1]: ln is finite
        let u2 = self.next_f64();
        let r = (-2.0 * u1.ln()).sqrt();
        let theta = std::f64::consts::TAU * u2;
        (r * theta.cos(), r * theta.sin())
    }
}
