//! Uncertainty: many runs with the most uncertain inputs drawn jointly — the AGI year from a
//! distribution the reader shapes, and the prize, the price elasticity, the two capex ratios
//! and the discount rate uniformly from their documented plausible ranges (the input table's
//! `low`–`high`, the constants' `plausible`). Every other input stays as the reader set it.
//! The result is a share of scenarios within our ranges, not a probability: the ranges are
//! judgements (`docs/MODEL.md` §5).
//!
//! The inner loop allocates nothing and uses its own seeded generator (SplitMix64), so a seed
//! gives the same result on every platform up to the last bit of `ln`/`exp`/`cos`.

use serde::Serialize;

use super::calibration::{
    Constant, CN_CAPEX_RATIO, FIRST_YEAR, LAST_YEAR, PRICE_ELASTICITY, US_CAPEX_RATIO,
};
use super::error::{check_value, InputError, InputErrorKind};
use super::inputs::{input_spec, NO_AGI_YEAR};
use super::params::Params;
use super::scenario::Scenario;
use super::verdict::{verdict_alone, Leader};

/// The AGI year as a log-normal distribution of the years after 2025:
/// `X = (median − 2025) × exp(σZ)`, `Z ~ N(0, 1)`, with `σ = ln(1 + spread / (median − 2025))`,
/// so half the runs see AGI before `median_year` and about one in six (one σ) after
/// `median_year + spread_years`. The year is `2025 + round(X)`, at least 2026; years after
/// 2060 mean no AGI by 2060.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AgiDistribution {
    /// 2026–2060 (the range of `agi_median_year`).
    pub median_year: f64,
    /// 0–30 years (the range of `agi_spread_years`); 0: every run has AGI in the median year.
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

    /// Range, step and finiteness checks, reported under the scenario's field names.
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let errors: Vec<InputError> = [
            ("agi_median_year", self.median_year),
            ("agi_spread_years", self.spread_years),
        ]
        .into_iter()
        .filter_map(|(field, value)| check_value(input_spec(field)?, value))
        .collect();
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

/// One input the Monte Carlo varies, with the range it draws from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Varied {
    /// An input field or a constant's name (`us_capex_ratio`, `cn_capex_ratio`).
    pub name: &'static str,
    pub low: f64,
    pub high: f64,
}

/// Runs by AGI year: how many drew it and who ended ahead in them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AgiYearBar {
    /// The AGI year; 2061 collects every draw after 2060 (no AGI by 2060).
    pub year: i32,
    pub sprint_ahead: u32,
    pub marathon_ahead: u32,
    /// Runs with equal value per unit invested (rare).
    pub tied: u32,
}

/// The result of [`monte_carlo`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarlo {
    pub runs: u32,
    /// Share of scenarios within our ranges in which the sprint creates more value per unit
    /// invested.
    pub share_sprint_ahead: f64,
    /// The same for the marathon (the two sum to ≤ 1; ties make up the rest).
    pub share_marathon_ahead: f64,
    /// Share of runs with AGI by 2060.
    pub share_agi_by_2060: f64,
    /// 10th, 50th and 90th percentile of the verdict margin (the sprint's value per unit
    /// invested minus the marathon's; above 0 the sprint is ahead).
    pub margin_p10: f64,
    pub margin_median: f64,
    pub margin_p90: f64,
    /// One bar per AGI year 2026–2060, then 2061 for "none by 2060"; counts sum to `runs`.
    pub agi_years: Vec<AgiYearBar>,
    /// What was drawn, besides the AGI year, and from which range.
    pub varied: Vec<Varied>,
}

fn varied_input(field: &'static str) -> Varied {
    let (low, high) = input_spec(field).map_or((0.0, 0.0), |s| (s.low, s.high));
    Varied {
        name: field,
        low,
        high,
    }
}

fn varied_constant(c: Constant) -> Varied {
    Varied {
        name: c.name,
        low: c.plausible.0,
        high: c.plausible.1,
    }
}

/// The inputs drawn besides the AGI year, in [`MonteCarlo::varied`] order.
fn varied() -> [Varied; 5] {
    [
        varied_input("agi_prize"),
        varied_constant(PRICE_ELASTICITY),
        varied_input("discount_rate"),
        varied_constant(US_CAPEX_RATIO),
        varied_constant(CN_CAPEX_RATIO),
    ]
}

/// Runs the model `runs` times (1 … [`MAX_RUNS`]) with the AGI year drawn from `dist` and the
/// inputs of [`MonteCarlo::varied`] drawn from their ranges; the scenario's own values of
/// those inputs are not used. The same inputs and `seed` give the same result.
///
/// ```
/// use ai_capex_explainer::model::{monte_carlo, AgiDistribution, Scenario};
/// let s = Scenario::default();
/// let dist = AgiDistribution::from_scenario(&s);
/// let mc = monte_carlo(&s, &dist, 1_000, 42).map_err(|e| format!("{e:?}"))?;
/// assert!(mc.share_sprint_ahead + mc.share_marathon_ahead <= 1.0);
/// assert!(monte_carlo(&s, &dist, 0, 42).is_err());
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

    let base = Params::from_scenario(s);
    let ranges = varied();
    let first_agi = FIRST_YEAR + 1;
    let none = NO_AGI_YEAR as i32;
    let mut bars: Vec<AgiYearBar> = (first_agi..=none)
        .map(|year| AgiYearBar {
            year,
            sprint_ahead: 0,
            marathon_ahead: 0,
            tied: 0,
        })
        .collect();
    let mut margins = Vec::with_capacity(runs as usize);
    let (mut sprint_ahead, mut marathon_ahead) = (0u32, 0u32);

    let scale = dist.median_year - FIRST_YEAR as f64;
    let sigma = dist.sigma();
    let mut rng = SplitMix64(seed);
    for _ in 0..runs {
        let z = rng.normal();
        let years_after = (scale * (sigma * z).exp()).round();
        let year = (FIRST_YEAR as f64 + years_after).clamp(first_agi as f64, none as f64) as i32;
        let [prize, elasticity, discount, us_ratio, cn_ratio] =
            ranges.map(|v| v.low + (v.high - v.low) * rng.next_f64());
        let p = Params {
            agi_year: (year <= LAST_YEAR).then_some(year),
            prize,
            elasticity,
            discount_rate: discount / 100.0,
            us_capex_ratio: us_ratio,
            cn_capex_ratio: cn_ratio,
            ..base
        };
        let v = verdict_alone(&p);
        margins.push(v.margin());
        let bar = &mut bars[(year - first_agi) as usize];
        match v.leader {
            Leader::Sprint => {
                sprint_ahead += 1;
                bar.sprint_ahead += 1;
            }
            Leader::Marathon => {
                marathon_ahead += 1;
                bar.marathon_ahead += 1;
            }
            Leader::Tie => bar.tied += 1,
        }
    }

    margins.sort_by(f64::total_cmp);
    let quantile = |q: f64| {
        let index = ((q * runs as f64).ceil() as usize).clamp(1, margins.len()) - 1;
        margins[index]
    };
    let n = f64::from(runs);
    let without_agi = bars
        .last()
        .map_or(0, |b| b.sprint_ahead + b.marathon_ahead + b.tied);
    Ok(MonteCarlo {
        runs,
        share_sprint_ahead: f64::from(sprint_ahead) / n,
        share_marathon_ahead: f64::from(marathon_ahead) / n,
        share_agi_by_2060: 1.0 - f64::from(without_agi) / n,
        margin_p10: quantile(0.1),
        margin_median: quantile(0.5),
        margin_p90: quantile(0.9),
        agi_years: bars,
        varied: ranges.to_vec(),
    })
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

    /// A standard normal (Box–Muller; the second value is dropped to keep the draws of one
    /// run together).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.next_f64(); // (0, 1]: ln is finite
        let u2 = self.next_f64();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}
