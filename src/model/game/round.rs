//! All four pairs of strategies played out at one AGI year: both sides' paths, the AGI year
//! each pair brings, the prize and each side's measures.

use std::rc::Rc;

use super::agi_crossing::{crossing, cumulative_effective_compute};
use crate::model::calibration::FIRST_YEAR;
use crate::model::engine::{
    measure, path, prize, Market, Measure, Path, Prize, Series, Side, Strategy,
};
use crate::model::params::Params;

/// What does not depend on the AGI year: the markets, both sides' paced paths and, in compute
/// mode, the race's cumulative effective compute.
#[derive(Debug, Clone)]
pub(crate) struct Fixed {
    pub market: Market,
    pub pace: [Rc<Path>; 2],
    /// Compute mode: both sides' cumulative effective compute pacing (`.0`) and sprinting
    /// (`.1`). A sprint's years before AGI do not depend on when AGI comes, so its crossing is
    /// read from the path run without AGI (once, not every AGI year of the scan).
    cumulative: Option<([Series; 2], [Series; 2])>,
}

impl Fixed {
    pub(crate) fn new(p: &Params) -> Fixed {
        let market = Market::new(p);
        let pace = Side::BOTH.map(|side| Rc::new(path(side, Strategy::Pace, p, &market, None)));
        let cumulative = p.agi_by_compute.then(|| {
            let paced = Side::BOTH
                .map(|side| cumulative_effective_compute(p, &pace[side.index()].race_compute));
            let sprint = Side::BOTH.map(|side| {
                let free = path(side, Strategy::Sprint, p, &market, None);
                cumulative_effective_compute(p, &free.race_compute)
            });
            (paced, sprint)
        });
        Fixed {
            market,
            pace,
            cumulative,
        }
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
    /// `[us, cn]`, shared with the other pairs that play the same path (a path is large: the
    /// scan and the Monte Carlo build thousands of pairs).
    pub paths: [Rc<Path>; 2],
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
    pub(super) fn payoff(&self, side: Side, own: Strategy, other: Strategy) -> &Measure {
        match side {
            Side::Us => self.measure(side, own, other),
            Side::Cn => self.measure(side, other, own),
        }
    }

    /// `side`'s best responses to the other side's `other` (both on an exact tie).
    pub(super) fn best_responses(&self, side: Side, other: Strategy) -> (bool, bool) {
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
    pub(super) fn sprint_minus_pace(&self, side: Side) -> (f64, f64, [Strategy; 2]) {
        let replies = Strategy::BOTH.map(|own| self.reply(side, own));
        let sprint = self.payoff(side, Strategy::Sprint, replies[0]);
        let pace = self.payoff(side, Strategy::Pace, replies[1]);
        (sprint.npv - pace.npv, pace.pv_capex, replies)
    }
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
    let fixed_time = agi_year.map(|a| f64::from(a - FIRST_YEAR));
    let effective = |us: Strategy, cn: Strategy| -> Option<f64> {
        let (Some((pace, sprint)), Some(a)) = (&fixed.cumulative, agi_year) else {
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
    let mut sprints: Vec<(Side, Option<i32>, Rc<Path>)> = Vec::new();
    let mut sprint_path = |side: Side, year: Option<i32>| -> Rc<Path> {
        if let Some((_, _, found)) = sprints.iter().find(|(s, y, _)| *s == side && *y == year) {
            return Rc::clone(found);
        }
        let run = Rc::new(path(side, Strategy::Sprint, p, market, year));
        sprints.push((side, year, Rc::clone(&run)));
        run
    };
    let g = p.assumed.terminal_growth;
    let pairs = Strategy::BOTH.map(|us| {
        Strategy::BOTH.map(|cn| {
            let time = effective(us, cn);
            let year = time.map(agi_year_of);
            let paths = [(Side::Us, us), (Side::Cn, cn)].map(|(side, s)| match s {
                Strategy::Sprint => sprint_path(side, time.map(sprint_end_of)),
                Strategy::Pace => Rc::clone(&fixed.pace[side.index()]),
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
