//! Each side's choice over every AGI year: sprint minus pace, the other side answering each
//! with its best response, as runs of the same call and the shape of the break-even.

use serde::Serialize;

use super::call::{band, call, Call};
use super::round::{round, Fixed, Round};
use crate::model::calibration::{FIRST_YEAR, LAST_YEAR};
use crate::model::engine::{Side, Strategy};
use crate::model::params::Params;

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
    /// Half the band's width ([`band`] of the scale): within it, too close to call.
    pub band: f64,
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
        band: band(scale),
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
