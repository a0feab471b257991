//! The articles' question as a game (`docs/MODEL.md` §1, §3.5): each side may sprint or pace;
//! all four pairs are run; each side's payoff is the NPV of its own cash flows in its own
//! currency. From the 2×2 table: each side's best response to each of the other's strategies,
//! every pure-strategy equilibrium, and each side's choice — sprint minus pace for its own
//! firms, the other side answering each with its best response — over every AGI year, with a
//! materiality band inside which the answer is "too close to call".

use serde::Serialize;

use super::calibration::{FIRST_YEAR, LAST_YEAR, YEARS};
use super::engine::{measure, path, prize, Market, Measure, Path, Prize, Series, Side, Strategy};
use super::params::Params;

/// The materiality band: a difference in NPV smaller than this share of the side's present
/// value of capex on its paced path is "too close to call" (`docs/MODEL.md` §1). 5% is the
/// rule of thumb auditors start from (US SEC Staff Accounting Bulletin No. 99, 1999); the
/// model's inputs carry plausible ranges of ±30% and more, so a smaller difference is not a
/// finding. Fixed before looking at any result; never tuned to a preset.
pub const MATERIALITY: f64 = 0.05;

/// What a side should do, or that the model cannot say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Call {
    Sprint,
    Pace,
    /// The difference is inside the materiality band.
    TooCloseToCall,
}

/// The one rule for "too close to call", used by the page, the command line and the headline:
/// `sprint_minus_pace` (NPV) against [`MATERIALITY`] × `scale` (PV of capex on the paced path).
/// A difference exactly on the band's edge is too close.
pub fn call(sprint_minus_pace: f64, scale: f64) -> Call {
    let band = MATERIALITY * scale.abs();
    if sprint_minus_pace.is_nan() || sprint_minus_pace.abs() <= band {
        Call::TooCloseToCall
    } else if sprint_minus_pace > 0.0 {
        Call::Sprint
    } else {
        Call::Pace
    }
}

/// What does not depend on the AGI year: the markets and both sides' paced paths.
#[derive(Debug, Clone)]
pub(crate) struct Fixed {
    pub market: Market,
    pub pace: [Path; 2],
}

impl Fixed {
    pub(crate) fn new(p: &Params) -> Fixed {
        let market = Market::new(p);
        let pace = Side::BOTH.map(|side| path(side, Strategy::Pace, p, &market, None));
        Fixed { market, pace }
    }
}

/// One pair of strategies played out: both sides' paths, the AGI year they bring, the prize
/// and each side's measures.
#[derive(Debug, Clone)]
pub(crate) struct PairRun {
    /// When AGI comes for this pair: the reader's year in fixed mode; when effective compute
    /// crosses the threshold in compute mode (`None`: not by 2060).
    pub effective_agi_year: Option<i32>,
    /// The same as a date (2031.6: six tenths into 2031); whole years in fixed mode.
    pub effective_agi_date: Option<f64>,
    /// `[us, cn]`.
    pub paths: [Path; 2],
    pub prize: Prize,
    /// `[us, cn]`.
    pub measures: [Measure; 2],
}

/// All four pairs at one AGI year (`pairs[us strategy][cn strategy]`).
#[derive(Debug, Clone)]
pub(crate) struct Round {
    /// The AGI year of the scan (the reader's year, or the year the paced world reaches AGI
    /// in compute mode).
    pub agi_year: Option<i32>,
    pub pairs: [[PairRun; 2]; 2],
}

impl Round {
    pub(crate) fn pair(&self, us: Strategy, cn: Strategy) -> &PairRun {
        &self.pairs[us.index()][cn.index()]
    }

    /// One side's measures in a pair.
    pub(crate) fn measure(&self, side: Side, us: Strategy, cn: Strategy) -> &Measure {
        &self.pair(us, cn).measures[side.index()]
    }

    /// One side's payoff when it plays `own` and the other `other`.
    fn payoff(&self, side: Side, own: Strategy, other: Strategy) -> &Measure {
        match side {
            Side::Us => self.measure(side, own, other),
            Side::Cn => self.measure(side, other, own),
        }
    }

    /// `side`'s best responses to the other side's `other` (both on an exact tie).
    fn best_responses(&self, side: Side, other: Strategy) -> (bool, bool) {
        let sprint = self.payoff(side, Strategy::Sprint, other).npv;
        let pace = self.payoff(side, Strategy::Pace, other).npv;
        (sprint >= pace, pace >= sprint)
    }

    /// The other side's best response to `side` playing `own` (pace on an exact tie: it is
    /// the strategy that does not bet).
    fn reply(&self, side: Side, own: Strategy) -> Strategy {
        let other = side.other();
        let sprint = self.payoff(other, Strategy::Sprint, own).npv;
        let pace = self.payoff(other, Strategy::Pace, own).npv;
        if sprint > pace {
            Strategy::Sprint
        } else {
            Strategy::Pace
        }
    }

    /// Sprint minus pace for `side`, the other side answering each with its best response;
    /// and the band's scale (PV of capex when pacing).
    fn sprint_minus_pace(&self, side: Side) -> (f64, f64, [Strategy; 2]) {
        let replies = Strategy::BOTH.map(|own| self.reply(side, own));
        let sprint = self.payoff(side, Strategy::Sprint, replies[0]);
        let pace = self.payoff(side, Strategy::Pace, replies[1]);
        (sprint.npv - pace.npv, pace.pv_capex, replies)
    }
}

/// Effective compute in the race, accumulated: each year's race compute times the algorithmic
/// frontier's gain since 2025 (`docs/MODEL.md` §3.5).
fn cumulative_effective_compute(p: &Params, race_compute: &Series) -> Series {
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
fn crossing(threshold: f64, us: &Series, cn: &Series) -> Option<f64> {
    let leader = |k: usize| us[k].max(cn[k]);
    let last = (LAST_YEAR - FIRST_YEAR) as usize;
    let k = (0..last).find(|&k| leader(k) >= threshold * (1.0 - 1e-12))?;
    let before = if k == 0 { 0.0 } else { leader(k - 1) };
    let within = ((threshold - before) / (leader(k) - before)).clamp(0.0, 1.0);
    Some(k as f64 + within)
}

/// AGI time (years since the start of 2025) as the year it arrives in (5.0 and 5.6 → 2030).
fn agi_year_of(time: f64) -> i32 {
    FIRST_YEAR + time.floor() as i32
}

/// The first year a sprint no longer buys for the race: the year AGI arrives in when it
/// arrives at that year's start, else the next (purchases are made at a year's start).
fn sprint_end_of(time: f64) -> i32 {
    FIRST_YEAR + time.ceil() as i32
}

/// Runs the four pairs at `agi_year`. In compute mode the threshold is the leader's cumulative
/// effective compute at the end of the year before `agi_year` with both sides pacing, held for
/// every pair, so a sprint can bring AGI sooner (never later: more compute only crosses
/// earlier).
pub(crate) fn round(p: &Params, fixed: &Fixed, agi_year: Option<i32>) -> Round {
    let market = &fixed.market;
    // Compute mode: both sides' cumulative effective compute pacing (`[0]`) and sprinting
    // (`[1]`). A sprint's years before AGI do not depend on when AGI comes, so its crossing is
    // read from the path run without AGI.
    let cumulative = p.agi_by_compute.then(|| {
        let pace = Side::BOTH
            .map(|side| cumulative_effective_compute(p, &fixed.pace[side.index()].race_compute));
        let sprint = Side::BOTH.map(|side| {
            let free = path(side, Strategy::Sprint, p, market, None);
            cumulative_effective_compute(p, &free.race_compute)
        });
        (pace, sprint)
    });
    let fixed_time = agi_year.map(|a| f64::from(a - FIRST_YEAR));
    let effective = |us: Strategy, cn: Strategy| -> Option<f64> {
        let (Some((pace, sprint)), Some(a)) = (&cumulative, agi_year) else {
            return fixed_time;
        };
        let k = (a - FIRST_YEAR - 1) as usize;
        let threshold = pace[0][k].max(pace[1][k]);
        let pick = |side: Side, s: Strategy| match s {
            Strategy::Sprint => &sprint[side.index()],
            Strategy::Pace => &pace[side.index()],
        };
        crossing(threshold, pick(Side::Us, us), pick(Side::Cn, cn))
    };
    // Sprint paths by (side, AGI year): at most two per side, shared between pairs.
    let mut sprints: Vec<(Side, Option<i32>, Path)> = Vec::new();
    let mut sprint_path = |side: Side, year: Option<i32>| -> Path {
        if let Some((_, _, found)) = sprints.iter().find(|(s, y, _)| *s == side && *y == year) {
            return found.clone();
        }
        let run = path(side, Strategy::Sprint, p, market, year);
        sprints.push((side, year, run.clone()));
        run
    };
    let g = p.assumed.terminal_growth;
    let pairs = Strategy::BOTH.map(|us| {
        Strategy::BOTH.map(|cn| {
            let time = effective(us, cn);
            let year = time.map(agi_year_of);
            let paths = [(Side::Us, us), (Side::Cn, cn)].map(|(side, s)| match s {
                Strategy::Sprint => sprint_path(side, time.map(sprint_end_of)),
                Strategy::Pace => fixed.pace[side.index()].clone(),
            });
            let prize = prize(p, market, &paths[0], &paths[1], time);
            let measures = [
                measure(market, g, &paths[0], &prize),
                measure(market, g, &paths[1], &prize),
            ];
            PairRun {
                effective_agi_year: year,
                effective_agi_date: time.map(|t| f64::from(FIRST_YEAR) + t),
                paths,
                prize,
                measures,
            }
        })
    });
    Round { agi_year, pairs }
}

/// One cell of the 2×2 table: each side's payoff in its own currency (bn).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cell {
    pub us_strategy: Strategy,
    pub cn_strategy: Strategy,
    /// US$ bn.
    pub us_npv: f64,
    /// ¥ bn.
    pub cn_npv: f64,
    pub us_value_per_unit: f64,
    pub cn_value_per_unit: f64,
    /// The AGI year this pair plays out with (`None`: no AGI by 2060).
    pub effective_agi_year: Option<i32>,
    /// The same as a date (2031.6: six tenths into 2031); compute mode can bring AGI within a
    /// year.
    pub effective_agi_date: Option<f64>,
    pub us: Measure,
    pub cn: Measure,
}

/// A side's best response to one strategy of the other side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BestResponse {
    pub side: Side,
    /// The other side's strategy.
    pub against: Strategy,
    /// The strategy with the higher NPV (pace on an exact tie).
    pub best: Strategy,
    /// NPV when sprinting minus NPV when pacing, own currency.
    pub sprint_minus_pace: f64,
    /// [`call`] on that difference: `too_close_to_call` inside the band.
    pub call: Call,
}

/// A pair in which each side's strategy is a best response to the other's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Equilibrium {
    pub us: Strategy,
    pub cn: Strategy,
}

/// The 2×2 table at one AGI year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Game {
    pub agi_year: Option<i32>,
    /// Sprint–sprint, sprint–pace, pace–sprint, pace–pace (US first).
    pub cells: Vec<Cell>,
    /// The US best response to China sprinting, then to China pacing.
    pub us_best_responses: [BestResponse; 2],
    /// China's best response to the US sprinting, then to the US pacing.
    pub cn_best_responses: [BestResponse; 2],
    /// Every pure-strategy equilibrium (none, one or more: never one picked silently).
    pub equilibria: Vec<Equilibrium>,
    /// The US best response when it is the same whatever China does ("whatever China does").
    pub us_dominant: Option<Strategy>,
    pub cn_dominant: Option<Strategy>,
}

impl Game {
    pub(crate) fn of(round: &Round) -> Game {
        let cells = Strategy::BOTH
            .iter()
            .flat_map(|&us| Strategy::BOTH.map(|cn| (us, cn)))
            .map(|(us, cn)| {
                let (u, c) = (
                    round.measure(Side::Us, us, cn),
                    round.measure(Side::Cn, us, cn),
                );
                Cell {
                    us_strategy: us,
                    cn_strategy: cn,
                    us_npv: u.npv,
                    cn_npv: c.npv,
                    us_value_per_unit: u.value_per_capex,
                    cn_value_per_unit: c.value_per_capex,
                    effective_agi_year: round.pair(us, cn).effective_agi_year,
                    effective_agi_date: round.pair(us, cn).effective_agi_date,
                    us: *u,
                    cn: *c,
                }
            })
            .collect();
        let responses = |side: Side| {
            Strategy::BOTH.map(|against| {
                let sprint = round.payoff(side, Strategy::Sprint, against);
                let pace = round.payoff(side, Strategy::Pace, against);
                let difference = sprint.npv - pace.npv;
                BestResponse {
                    side,
                    against,
                    best: if difference > 0.0 {
                        Strategy::Sprint
                    } else {
                        Strategy::Pace
                    },
                    sprint_minus_pace: difference,
                    call: call(difference, pace.pv_capex),
                }
            })
        };
        let is_best = |side: Side, own: Strategy, other: Strategy| {
            let (sprint, pace) = round.best_responses(side, other);
            match own {
                Strategy::Sprint => sprint,
                Strategy::Pace => pace,
            }
        };
        let equilibria = Strategy::BOTH
            .iter()
            .flat_map(|&us| Strategy::BOTH.map(|cn| (us, cn)))
            .filter(|&(us, cn)| is_best(Side::Us, us, cn) && is_best(Side::Cn, cn, us))
            .map(|(us, cn)| Equilibrium { us, cn })
            .collect();
        let (us_best_responses, cn_best_responses) = (responses(Side::Us), responses(Side::Cn));
        let dominant = |r: &[BestResponse; 2]| (r[0].best == r[1].best).then_some(r[0].best);
        Game {
            agi_year: round.agi_year,
            cells,
            us_dominant: dominant(&us_best_responses),
            cn_dominant: dominant(&cn_best_responses),
            us_best_responses,
            cn_best_responses,
            equilibria,
        }
    }
}

/// One AGI year of a side's choice.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChoicePoint {
    /// The AGI year; `None`: no AGI by 2060.
    pub agi_year: Option<i32>,
    /// NPV when sprinting minus NPV when pacing (own currency), the other side answering each
    /// with its best response.
    pub sprint_minus_pace: f64,
    /// The band's scale: PV of capex when pacing.
    pub pv_capex_pacing: f64,
    pub call: Call,
    /// The other side's best response to this side sprinting, and to it pacing.
    pub replies: [Strategy; 2],
}

/// The shape of "does sprinting pay?" over the AGI years 2026–2060, years too close to call
/// left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakEvenKind {
    /// Sprinting pays if AGI comes by the break-even year, pacing if it comes later (the
    /// articles' shape).
    Until,
    /// Pacing pays if AGI comes early, sprinting from the break-even year on.
    From,
    /// The answer changes more than once; the year is the latest for which sprinting pays.
    Mixed,
    /// Sprinting pays for every AGI year that is not too close to call.
    Always,
    /// Pacing pays for every AGI year that is not too close to call.
    Never,
    /// Every AGI year is too close to call.
    TooCloseToCall,
}

/// A run of consecutive AGI years with the same call ("sprint for AGI 2027–2031").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChoiceRun {
    pub from: i32,
    pub to: i32,
    pub call: Call,
}

/// A side's choice between sprinting and pacing over every AGI year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub side: Side,
    /// The latest AGI year for which sprinting pays (`until`, `mixed`, and `always` when some
    /// year is decisive), or the first (`from`); `None` for `never` and `too_close_to_call`.
    pub break_even_agi_year: Option<i32>,
    pub kind: BreakEvenKind,
    /// 2026–2060 as runs of the same call.
    pub runs: Vec<ChoiceRun>,
    /// The call without AGI by 2060.
    pub without_agi: ChoicePoint,
    /// The call at the reader's AGI year.
    pub at_agi_year: ChoicePoint,
    /// Whether the reader's AGI year is too close to call.
    pub too_close_to_call: bool,
    /// One point per AGI year, 2026–2060.
    pub by_agi_year: Vec<ChoicePoint>,
}

/// The first AGI year of the scan.
pub const FIRST_AGI_YEAR: i32 = FIRST_YEAR + 1;

pub(crate) fn choice_point(round: &Round, side: Side) -> ChoicePoint {
    let (difference, scale, replies) = round.sprint_minus_pace(side);
    ChoicePoint {
        agi_year: round.agi_year,
        sprint_minus_pace: difference,
        pv_capex_pacing: scale,
        call: call(difference, scale),
        replies,
    }
}

fn kind_of(points: &[ChoicePoint]) -> (BreakEvenKind, Option<i32>) {
    let decisive: Vec<(i32, bool)> = points
        .iter()
        .filter(|pt| pt.call != Call::TooCloseToCall)
        .filter_map(|pt| Some((pt.agi_year?, pt.call == Call::Sprint)))
        .collect();
    let changes = decisive.windows(2).filter(|w| w[0].1 != w[1].1).count();
    let mut sprint_years = decisive.iter().filter(|(_, s)| *s).map(|(y, _)| *y);
    let first_sprint = sprint_years.clone().next();
    let last_sprint = sprint_years.next_back();
    match (decisive.first(), changes) {
        (None, _) => (BreakEvenKind::TooCloseToCall, None),
        (Some(&(_, true)), 0) => (BreakEvenKind::Always, last_sprint),
        (Some(&(_, false)), 0) => (BreakEvenKind::Never, None),
        (Some(&(_, true)), 1) => (BreakEvenKind::Until, last_sprint),
        (Some(&(_, false)), 1) => (BreakEvenKind::From, first_sprint),
        _ => (BreakEvenKind::Mixed, last_sprint),
    }
}

fn runs_of(points: &[ChoicePoint]) -> Vec<ChoiceRun> {
    let mut runs: Vec<ChoiceRun> = Vec::new();
    for pt in points {
        let Some(year) = pt.agi_year else { continue };
        match runs.last_mut() {
            Some(run) if run.call == pt.call && run.to + 1 == year => run.to = year,
            _ => runs.push(ChoiceRun {
                from: year,
                to: year,
                call: pt.call,
            }),
        }
    }
    runs
}

/// Every AGI year 2026–2060 and "none by 2060", all four pairs each.
pub(crate) struct Scan {
    pub rounds: Vec<Round>,
    pub without_agi: Round,
}

pub(crate) fn scan(p: &Params, fixed: &Fixed) -> Scan {
    Scan {
        rounds: (FIRST_AGI_YEAR..=LAST_YEAR)
            .map(|year| round(p, fixed, Some(year)))
            .collect(),
        without_agi: round(p, fixed, None),
    }
}

impl Scan {
    /// A side's choice, with the reader's AGI year marked.
    pub(crate) fn choice(&self, side: Side, agi_year: Option<i32>) -> Choice {
        let by_agi_year: Vec<ChoicePoint> =
            self.rounds.iter().map(|r| choice_point(r, side)).collect();
        let without_agi = choice_point(&self.without_agi, side);
        let at_agi_year = agi_year
            .and_then(|y| {
                by_agi_year
                    .iter()
                    .find(|pt| pt.agi_year == Some(y))
                    .copied()
            })
            .unwrap_or(without_agi);
        let (kind, break_even_agi_year) = kind_of(&by_agi_year);
        Choice {
            side,
            break_even_agi_year,
            kind,
            runs: runs_of(&by_agi_year),
            without_agi,
            too_close_to_call: at_agi_year.call == Call::TooCloseToCall,
            at_agi_year,
            by_agi_year,
        }
    }

    /// The round at the reader's AGI year.
    pub(crate) fn at(&self, agi_year: Option<i32>) -> &Round {
        agi_year
            .and_then(|y| self.rounds.iter().find(|r| r.agi_year == Some(y)))
            .unwrap_or(&self.without_agi)
    }
}

/// The business-quality gap: the same strategy, different firms. US firms earn more per unit
/// invested whatever either side does (higher margins, a bigger market); this is not a result
/// of strategy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BusinessGap {
    /// US value per unit invested minus China's, both pacing.
    pub both_pace: f64,
    /// The same, both sprinting.
    pub both_sprint: f64,
    /// Each side's cash margin before capex, 2025 (the main reason).
    pub us_cash_margin: f64,
    pub cn_cash_margin: f64,
}

impl BusinessGap {
    pub(crate) fn of(round: &Round) -> BusinessGap {
        let gap = |s: Strategy| {
            round.measure(Side::Us, s, s).value_per_capex
                - round.measure(Side::Cn, s, s).value_per_capex
        };
        BusinessGap {
            both_pace: gap(Strategy::Pace),
            both_sprint: gap(Strategy::Sprint),
            us_cash_margin: round.pair(Strategy::Pace, Strategy::Pace).paths[0].cash_margin,
            cn_cash_margin: round.pair(Strategy::Pace, Strategy::Pace).paths[1].cash_margin,
        }
    }
}

/// The articles' claim, "if AGI arrives within three years the US wins; if it is still in the
/// lab after ten, China's path is steadier" (seed 001), read as the US firms' choice: sprinting
/// pays with AGI in 2028, pacing with AGI in 2035 and without AGI by 2060.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClaimCheck {
    pub early_agi_year: i32,
    pub early: Call,
    pub late_agi_year: i32,
    pub late: Call,
    pub without_agi: Call,
    pub holds: bool,
}

/// Three years after 2025, the model's first year (the article making the claim is dated
/// January 2026; the page says which year it counts from).
pub const CLAIM_EARLY_AGI_YEAR: i32 = 2028;
/// Ten years after 2025.
pub const CLAIM_LATE_AGI_YEAR: i32 = 2035;

impl ClaimCheck {
    pub(crate) fn of(us: &Choice) -> ClaimCheck {
        let at = |year: i32| {
            us.by_agi_year
                .iter()
                .find(|pt| pt.agi_year == Some(year))
                .map_or(Call::TooCloseToCall, |pt| pt.call)
        };
        let (early, late) = (at(CLAIM_EARLY_AGI_YEAR), at(CLAIM_LATE_AGI_YEAR));
        let without_agi = us.without_agi.call;
        ClaimCheck {
            early_agi_year: CLAIM_EARLY_AGI_YEAR,
            early,
            late_agi_year: CLAIM_LATE_AGI_YEAR,
            late,
            without_agi,
            holds: early == Call::Sprint && late == Call::Pace && without_agi == Call::Pace,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{call, crossing, Call, Series, MATERIALITY, YEARS};

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

    #[test]
    fn the_band_edge_is_too_close_to_call() {
        let scale = 1000.0;
        let edge = MATERIALITY * scale;
        assert_eq!(call(edge, scale), Call::TooCloseToCall);
        assert_eq!(call(-edge, scale), Call::TooCloseToCall);
        assert_eq!(call(edge * (1.0 + 1e-12), scale), Call::Sprint);
        assert_eq!(call(-edge * (1.0 + 1e-12), scale), Call::Pace);
        assert_eq!(call(f64::NAN, scale), Call::TooCloseToCall);
    }
}
