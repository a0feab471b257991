//! Uncertainty: many runs with every uncertain input and constant drawn jointly — the AGI year
//! from a distribution the reader shapes, the prize and demand growth correlated with it, every
//! other page input and movable constant uniformly from its documented plausible range
//! (`docs/MODEL.md` §5.1). From the same draws: the share of scenarios in which sprinting pays
//! for each side, and the risk of each side's two strategies — the share of scenarios that
//! lose money, the 10th-percentile NPV and the peak funding need — so "steadier" can be tested.
//! Shares of scenarios within our ranges, not probabilities: the ranges are judgements.
//!
//! The generator is seeded (SplitMix64), so a seed gives the same result on every platform up
//! to the last bit of `ln`/`exp`/`cos`.

use serde::Serialize;

use super::calibration::{FIRST_YEAR, LAST_YEAR};
use super::engine::{Side, Strategy};
use super::error::{check_value, InputError, InputErrorKind};
use super::game::{band, call, round, Call, Fixed, FIRST_AGI_YEAR};
use super::inputs::{input_spec, input_specs, InputGroup, FRAMING_INPUTS, NO_AGI_YEAR};
use super::params::{Params, MOVABLE_CONSTANTS};
use super::scenario::Scenario;

/// The AGI year as a log-normal distribution of the years after 2025:
/// `X = (median − 2025) × exp(σZ)`, `Z ~ N(0, 1)`, with `σ = ln(1 + spread / (median − 2025))`,
/// so half the runs see AGI before `median_year` and about one in six (one σ) after
/// `median_year + spread_years`. The year is `2025 + round(X)`, at least 2026; years after
/// 2060 mean no AGI by 2060. The defaults (median 2040, spread 37.5) put a quarter of the runs
/// after 2060 and a tenth by 2028.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AgiDistribution {
    pub median_year: f64,
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

/// How strongly an earlier AGI year goes with a bigger prize and faster demand growth: the
/// correlation of their normal scores (a Gaussian copula). Assumption: the forecasts that put
/// AGI early are the ones that expect it to be worth most and demand to grow fastest; 0.5
/// keeps each draw's own range.
pub const AGI_CORRELATION: f64 = 0.5;

/// The inputs drawn correlated with the AGI year: the prize's size under either anchor, and
/// demand.
const CORRELATED_WITH_AGI: [&str; 4] = [
    "agi_prize",
    "agi_gdp_share",
    "provider_capture",
    "demand_growth",
];

/// One input or constant the Monte Carlo draws, with the range it draws from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Varied {
    /// An input field or a constant's `docs/MODEL.md` name.
    pub name: &'static str,
    pub low: f64,
    pub high: f64,
    /// A page input's slider step: drawn on the steps from `low` to `high`, each as likely
    /// (`None`: a constant, drawn on the continuum).
    pub step: Option<f64>,
    /// Drawn correlated with the AGI year (earlier AGI, higher value).
    pub correlated_with_agi: bool,
}

impl Varied {
    /// The value at `u` ∈ [0, 1): uniform over the range, or over its steps.
    fn at(&self, u: f64) -> f64 {
        match self.step {
            Some(step) => {
                let steps = ((self.high - self.low) / step).round();
                self.low + step * (u * (steps + 1.0)).floor().min(steps)
            }
            None => self.low + (self.high - self.low) * u,
        }
    }
}

/// Runs by drawn AGI year: the US firms' call in them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AgiYearBar {
    /// The AGI year; 2061 collects every draw after 2060 (no AGI by 2060).
    pub year: i32,
    pub sprint_pays: u32,
    pub pace_pays: u32,
    pub too_close_to_call: u32,
}

/// The risk of one strategy of one side, the other side answering with its best response.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RiskFigures {
    /// Share of scenarios with NPV below zero.
    pub share_loss: f64,
    /// 10th-percentile NPV, own currency bn.
    pub npv_p10: f64,
    pub npv_median: f64,
    /// Median of the peak funding need (deepest cumulative shortfall of operating cash
    /// against capex), own currency bn.
    pub peak_funding_need: f64,
    /// The same, as a multiple of the parents' 2025 operating cash flow.
    pub peak_funding_need_to_ocf: f64,
    /// 90th percentile of the peak funding need, own currency bn.
    pub peak_funding_need_p90: f64,
}

/// Which of a side's strategies is steadier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Steadier {
    /// Materially better on at least one of the three measures (fewer losing scenarios, a
    /// higher 10th percentile, a smaller funding need) and materially worse on none.
    Sprint,
    Pace,
    /// Neither path is materially better on any measure.
    AboutAsSteady,
    /// Each path is materially better on some measure.
    Mixed,
}

impl Steadier {
    /// The verdict from each measure's comparison, `Some(strategy)` where that strategy is
    /// materially better, `None` within the band.
    fn from_measures(measures: [Option<Strategy>; 3]) -> Steadier {
        let wins = |s: Strategy| measures.contains(&Some(s));
        match (wins(Strategy::Sprint), wins(Strategy::Pace)) {
            (false, false) => Steadier::AboutAsSteady,
            (true, false) => Steadier::Sprint,
            (false, true) => Steadier::Pace,
            (true, true) => Steadier::Mixed,
        }
    }
}

/// Which strategy is materially better on one measure (`lower_is_better` for losses and the
/// funding need): a gap counts beyond the [`band`] (5%) of the larger figure in size — the
/// choice's band rule applied to each measure — and within it neither is.
fn better_on(sprint: f64, pace: f64, lower_is_better: bool) -> Option<Strategy> {
    if (sprint - pace).abs() <= band(sprint.abs().max(pace.abs())) {
        None
    } else if (sprint < pace) == lower_is_better {
        Some(Strategy::Sprint)
    } else {
        Some(Strategy::Pace)
    }
}

/// Sprint against pace for the same firms.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SideRisk {
    pub side: Side,
    pub sprint: RiskFigures,
    pub pace: RiskFigures,
    pub steadier: Steadier,
    /// The sprint's share of losing scenarios minus the pace's (percentage points ÷ 100).
    pub share_loss_gap: f64,
    /// The pace's 10th-percentile NPV minus the sprint's, own currency bn.
    pub npv_p10_gap: f64,
}

/// The result of [`monte_carlo`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarlo {
    pub runs: u32,
    pub seed: u64,
    /// Share of scenarios in which sprinting pays for the US firms (beyond the band), pacing
    /// pays, and too close to call; the three sum to 1.
    pub us_share_sprint_pays: f64,
    pub us_share_pace_pays: f64,
    pub us_share_too_close: f64,
    /// The same for China.
    pub cn_share_sprint_pays: f64,
    pub cn_share_pace_pays: f64,
    pub cn_share_too_close: f64,
    /// Share of runs with AGI by 2060.
    pub share_agi_by_2060: f64,
    /// 10th, 50th and 90th percentile of the US sprint minus pace, as a share of its PV of
    /// capex when pacing (above 0: sprinting pays).
    pub us_margin_p10: f64,
    pub us_margin_median: f64,
    pub us_margin_p90: f64,
    /// One bar per AGI year 2026–2060, then 2061 for "none by 2060"; counts sum to `runs`.
    pub agi_years: Vec<AgiYearBar>,
    pub us_risk: SideRisk,
    pub cn_risk: SideRisk,
    /// What was drawn besides the AGI year, and from which range.
    pub varied: Vec<Varied>,
}

/// Every page input (but the AGI year and the uncertainty panel) and every movable constant.
fn varied() -> Vec<Varied> {
    let inputs = input_specs()
        .iter()
        .filter(|s| {
            s.group != InputGroup::Uncertainty
                && s.field != "agi_year"
                && !FRAMING_INPUTS.contains(&s.field)
        })
        .map(|s| Varied {
            name: s.field,
            low: s.low,
            high: s.high,
            step: Some(s.step),
            correlated_with_agi: CORRELATED_WITH_AGI.contains(&s.field),
        });
    let constants = MOVABLE_CONSTANTS.iter().map(|(c, _)| Varied {
        name: c.name,
        low: c.plausible.0,
        high: c.plausible.1,
        step: None,
        correlated_with_agi: false,
    });
    inputs.chain(constants).collect()
}

/// One run's NPVs and funding needs for both sides' strategies, and each side's call.
struct Run {
    agi_year: i32,
    /// `[side][strategy]`.
    npv: [[f64; 2]; 2],
    peak_need: [[f64; 2]; 2],
    /// Each side's sprint minus pace ÷ its PV of capex when pacing.
    margin: [f64; 2],
    calls: [Call; 2],
}

fn one_run(s: &Scenario, ranges: &[Varied], dist: &AgiDistribution, rng: &mut SplitMix64) -> Run {
    let z_agi = rng.normal();
    let years_after =
        ((dist.median_year - FIRST_YEAR as f64) * (dist.sigma() * z_agi).exp()).round();
    let none = NO_AGI_YEAR as i32;
    let year = (FIRST_YEAR as f64 + years_after).clamp(FIRST_AGI_YEAR as f64, none as f64) as i32;
    let mut scenario = s.clone();
    let mut constants: Vec<(&str, f64)> = Vec::new();
    for v in ranges {
        let u = if v.correlated_with_agi {
            let rho = AGI_CORRELATION;
            normal_cdf(-rho * z_agi + (1.0 - rho * rho).sqrt() * rng.normal())
        } else {
            rng.next_f64()
        };
        let x = v.at(u);
        if !scenario.set_number_unchecked(v.name, x) {
            constants.push((v.name, x));
        }
    }
    scenario.agi_year = f64::from(year);
    let mut p = Params::from_scenario(&scenario);
    for (name, x) in constants {
        p.set_constant(name, x);
    }
    let agi = (year <= LAST_YEAR).then_some(year);
    let fixed = Fixed::new(&p);
    let r = round(&p, &fixed, agi);
    let mut out = Run {
        agi_year: year,
        npv: [[0.0; 2]; 2],
        peak_need: [[0.0; 2]; 2],
        margin: [0.0; 2],
        calls: [Call::TooCloseToCall; 2],
    };
    for side in Side::BOTH {
        let point = super::game::choice_point(&r, side);
        out.margin[side.index()] = point.sprint_minus_pace / point.pv_capex_pacing;
        out.calls[side.index()] = call(point.sprint_minus_pace, point.pv_capex_pacing);
        for own in Strategy::BOTH {
            let other = point.replies[own.index()];
            let (us, cn) = match side {
                Side::Us => (own, other),
                Side::Cn => (other, own),
            };
            let m = r.measure(side, us, cn);
            out.npv[side.index()][own.index()] = m.npv;
            out.peak_need[side.index()][own.index()] = m.peak_funding_need;
        }
    }
    out
}

/// The value at quantile `q` of sorted values (nearest rank).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let index = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index]
}

fn risk_figures(mut npv: Vec<f64>, mut need: Vec<f64>, ocf: f64) -> RiskFigures {
    npv.sort_unstable_by(f64::total_cmp);
    need.sort_unstable_by(f64::total_cmp);
    let n = npv.len() as f64;
    let median_need = quantile(&need, 0.5);
    RiskFigures {
        share_loss: npv.iter().filter(|x| **x < 0.0).count() as f64 / n,
        npv_p10: quantile(&npv, 0.1),
        npv_median: quantile(&npv, 0.5),
        peak_funding_need: median_need,
        peak_funding_need_to_ocf: median_need / ocf,
        peak_funding_need_p90: quantile(&need, 0.9),
    }
}

fn side_risk(side: Side, runs: &[Run], ocf: f64) -> SideRisk {
    let figures = |own: Strategy| {
        let (i, j) = (side.index(), own.index());
        risk_figures(
            runs.iter().map(|r| r.npv[i][j]).collect(),
            runs.iter().map(|r| r.peak_need[i][j]).collect(),
            ocf,
        )
    };
    let (sprint, pace) = (figures(Strategy::Sprint), figures(Strategy::Pace));
    let steadier = Steadier::from_measures([
        better_on(sprint.share_loss, pace.share_loss, true),
        better_on(sprint.npv_p10, pace.npv_p10, false),
        better_on(sprint.peak_funding_need, pace.peak_funding_need, true),
    ]);
    SideRisk {
        side,
        sprint,
        pace,
        steadier,
        share_loss_gap: sprint.share_loss - pace.share_loss,
        npv_p10_gap: pace.npv_p10 - sprint.npv_p10,
    }
}

/// Runs the model `runs` times (1 … [`MAX_RUNS`]) with the AGI year drawn from `dist` and
/// every input and constant of [`MonteCarlo::varied`] drawn from its range; the scenario's own
/// values of those are not used. The same inputs and `seed` give the same result.
///
/// ```
/// use ai_capex_explainer::model::{monte_carlo, AgiDistribution, Scenario};
/// let s = Scenario::default();
/// let dist = AgiDistribution::from_scenario(&s);
/// let mc = monte_carlo(&s, &dist, 200, 42).map_err(|e| format!("{e:?}"))?;
/// let shares = mc.us_share_sprint_pays + mc.us_share_pace_pays + mc.us_share_too_close;
/// assert!((shares - 1.0).abs() < 1e-9);
/// assert!(monte_carlo(&s, &dist, 0, 42).is_err());
/// # Ok::<(), String>(())
/// ```
pub fn monte_carlo(
    s: &Scenario,
    dist: &AgiDistribution,
    runs: u32,
    seed: u64,
) -> Result<MonteCarlo, Vec<InputError>> {
    let mut steps = MonteCarloSteps::start(s, dist, runs, seed)?;
    steps.step(runs);
    Ok(steps.finish())
}

/// A Monte Carlo run made a few runs at a time, so a page can do it between the reader's
/// inputs (no task longer than it chooses): the same draws in the same order as
/// [`monte_carlo`], so the same result.
///
/// ```
/// use ai_capex_explainer::model::{monte_carlo, AgiDistribution, MonteCarloSteps, Scenario};
/// let s = Scenario::default();
/// let dist = AgiDistribution::from_scenario(&s);
/// let mut steps = MonteCarloSteps::start(&s, &dist, 50, 7).map_err(|e| format!("{e:?}"))?;
/// while !steps.step(8) {}
/// assert_eq!(steps.finish(), monte_carlo(&s, &dist, 50, 7).map_err(|e| format!("{e:?}"))?);
/// # Ok::<(), String>(())
/// ```
pub struct MonteCarloSteps {
    scenario: Scenario,
    dist: AgiDistribution,
    runs: u32,
    seed: u64,
    ranges: Vec<Varied>,
    rng: SplitMix64,
    done: Vec<Run>,
}

impl MonteCarloSteps {
    /// Checks the inputs (as [`monte_carlo`] does) and draws nothing yet.
    pub fn start(
        s: &Scenario,
        dist: &AgiDistribution,
        runs: u32,
        seed: u64,
    ) -> Result<MonteCarloSteps, Vec<InputError>> {
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
        Ok(MonteCarloSteps {
            scenario: s.clone(),
            dist: *dist,
            runs,
            seed,
            ranges: varied(),
            rng: SplitMix64(seed),
            done: Vec::with_capacity(runs as usize),
        })
    }

    /// Makes up to `max_runs` more runs; true once all are made.
    pub fn step(&mut self, max_runs: u32) -> bool {
        let left = self.runs as usize - self.done.len();
        for _ in 0..left.min(max_runs as usize) {
            let run = one_run(&self.scenario, &self.ranges, &self.dist, &mut self.rng);
            self.done.push(run);
        }
        self.is_done()
    }

    pub fn is_done(&self) -> bool {
        self.done.len() == self.runs as usize
    }

    /// The result, making first any runs still to make.
    pub fn finish(mut self) -> MonteCarlo {
        self.step(self.runs);
        summarize(
            &self.scenario,
            self.runs,
            self.seed,
            &self.done,
            self.ranges,
        )
    }
}

/// The shares, quantiles and risk of `all`, the runs of one Monte Carlo.
fn summarize(s: &Scenario, runs: u32, seed: u64, all: &[Run], ranges: Vec<Varied>) -> MonteCarlo {
    let none = NO_AGI_YEAR as i32;
    let mut bars: Vec<AgiYearBar> = (FIRST_AGI_YEAR..=none)
        .map(|year| AgiYearBar {
            year,
            sprint_pays: 0,
            pace_pays: 0,
            too_close_to_call: 0,
        })
        .collect();
    for r in all {
        let bar = &mut bars[(r.agi_year - FIRST_AGI_YEAR) as usize];
        match r.calls[0] {
            Call::Sprint => bar.sprint_pays += 1,
            Call::Pace => bar.pace_pays += 1,
            Call::TooCloseToCall => bar.too_close_to_call += 1,
        }
    }
    let n = all.len().max(1) as f64;
    let share =
        |side: Side, c: Call| all.iter().filter(|r| r.calls[side.index()] == c).count() as f64 / n;
    let mut margins: Vec<f64> = all.iter().map(|r| r.margin[0]).collect();
    margins.sort_unstable_by(f64::total_cmp);
    let base = Params::from_scenario(s);
    MonteCarlo {
        runs,
        seed,
        us_share_sprint_pays: share(Side::Us, Call::Sprint),
        us_share_pace_pays: share(Side::Us, Call::Pace),
        us_share_too_close: share(Side::Us, Call::TooCloseToCall),
        cn_share_sprint_pays: share(Side::Cn, Call::Sprint),
        cn_share_pace_pays: share(Side::Cn, Call::Pace),
        cn_share_too_close: share(Side::Cn, Call::TooCloseToCall),
        share_agi_by_2060: all.iter().filter(|r| r.agi_year <= LAST_YEAR).count() as f64 / n,
        us_margin_p10: quantile(&margins, 0.1),
        us_margin_median: quantile(&margins, 0.5),
        us_margin_p90: quantile(&margins, 0.9),
        agi_years: bars,
        us_risk: side_risk(Side::Us, all, base.us.parent_ocf),
        cn_risk: side_risk(Side::Cn, all, base.cn.parent_ocf),
        varied: ranges,
    }
}

/// The standard normal distribution function, Φ (Abramowitz & Stegun 7.1.26 for erf, absolute
/// error below 1.5e-7: far finer than the ranges it maps onto).
fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    0.5 * (1.0 + if x >= 0.0 { erf } else { -erf })
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
