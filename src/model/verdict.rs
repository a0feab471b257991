//! Who comes out ahead, and the headline: the break-even AGI year — the latest AGI year at
//! which the sprint still creates more value per unit invested than the marathon.

use serde::Serialize;

use super::calibration::{FIRST_YEAR, LAST_YEAR};
use super::engine::{measure, path, prize, race, Fixed, Market, Measure, Policy, Race, Side};
use super::params::Params;

/// Who creates more value per unit invested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Leader {
    Sprint,
    Marathon,
    /// Equal within a relative 1e-9.
    Tie,
}

/// Compares the two sides' value per unit invested.
pub(crate) fn lead(sprint: f64, marathon: f64) -> Leader {
    let tolerance = 1e-9 * sprint.abs().max(marathon.abs());
    if sprint > marathon + tolerance {
        Leader::Sprint
    } else if marathon > sprint + tolerance {
        Leader::Marathon
    } else {
        Leader::Tie
    }
}

/// A gap between the two sides' value per unit invested smaller than this share of the larger
/// value is worded "about even" (the leader is still computed and shown). The inputs behind
/// both values carry plausible ranges of ±30 % and more, so a gap of a few per cent is not a
/// finding the model can support; 3 % keeps AGI in 2028 (a gap of about 6 %) and no AGI
/// (about 7 %) as calls, and words the defaults (under 1 %) as about even.
pub const ABOUT_EVEN_BAND: f64 = 0.03;

/// How a verdict may honestly be worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Wording {
    /// The leader earns back more per unit invested, by more than [`ABOUT_EVEN_BAND`].
    Ahead,
    /// Both sides get back less than they spend (below 1); the leader loses less.
    LosesLess,
    /// The gap is inside [`ABOUT_EVEN_BAND`]: no side is called ahead in words.
    AboutEven,
}

impl Wording {
    /// The wording for value per unit invested `sprint` and `marathon`.
    pub fn of(sprint: f64, marathon: f64) -> Wording {
        let larger = sprint.abs().max(marathon.abs());
        if (sprint - marathon).abs() <= ABOUT_EVEN_BAND * larger {
            Wording::AboutEven
        } else if sprint < 1.0 && marathon < 1.0 {
            Wording::LosesLess
        } else {
            Wording::Ahead
        }
    }
}

/// The verdict at one AGI year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Verdict {
    pub leader: Leader,
    /// How the sentences word it: the model's numbers decide the leader, this decides whether
    /// the words may call it.
    pub wording: Wording,
    /// The sprint's value per unit invested ÷ the marathon's. `None` when the marathon's is
    /// zero or negative, where a ratio would mislead (the leader still says who is ahead).
    pub ratio: Option<f64>,
    pub sprint: Measure,
    pub marathon: Measure,
}

impl Verdict {
    pub(crate) fn new(sprint: Measure, marathon: Measure) -> Verdict {
        let (s, m) = (sprint.value_per_capex, marathon.value_per_capex);
        Verdict {
            leader: lead(s, m),
            wording: Wording::of(s, m),
            ratio: (m > 0.0).then(|| s / m),
            sprint,
            marathon,
        }
    }

    /// How far the sprint is ahead: its value per unit invested minus the marathon's
    /// (negative: behind). The tornado's outcome.
    pub fn margin(&self) -> f64 {
        self.sprint.value_per_capex - self.marathon.value_per_capex
    }
}

/// The verdict at the parameters' AGI year.
pub(crate) fn verdict(p: &Params, fixed: &Fixed) -> Verdict {
    let r = race(p, fixed);
    Verdict::new(r.sprint, r.marathon)
}

/// The verdict alone, from scratch: the market, the marathon and the sprint, without the
/// paced path (the Monte Carlo's inner loop, a third cheaper than a whole race).
pub(crate) fn verdict_alone(p: &Params) -> Verdict {
    let market = Market::new(p);
    let marathon = path(Side::Cn, Policy::Paced, p, &market);
    let sprint = path(Side::Us, Policy::Sprint, p, &market);
    let prize = prize(p, &sprint, &marathon);
    Verdict::new(
        measure(&market, &sprint, &prize),
        measure(&market, &marathon, &prize),
    )
}

/// The economist's first question: what does the sprint add over the same US firms on the
/// paced path (building only what demand needs)? Present values at the discount rate, US$ bn.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Incremental {
    /// The paced path's own measures.
    pub paced: Measure,
    /// Sprint NPV − paced NPV.
    pub extra_npv: f64,
    /// Extra present value of capex (positive when the sprint invests more).
    pub extra_pv_capex: f64,
    /// Extra present value of operating cash.
    pub extra_pv_operating_cash: f64,
    /// `extra_pv_operating_cash / extra_pv_capex`: what each extra dollar returns (`None`
    /// when the sprint invests no more than the paced path).
    pub return_on_extra_capex: Option<f64>,
}

impl Incremental {
    pub(crate) fn new(sprint: Measure, paced: Measure) -> Incremental {
        let extra_pv_capex = sprint.pv_capex - paced.pv_capex;
        let extra_pv_operating_cash = sprint.pv_operating_cash - paced.pv_operating_cash;
        Incremental {
            paced,
            extra_npv: sprint.npv - paced.npv,
            extra_pv_capex,
            extra_pv_operating_cash,
            return_on_extra_capex: (extra_pv_capex > 1e-9 * paced.pv_capex)
                .then(|| extra_pv_operating_cash / extra_pv_capex),
        }
    }
}

/// One AGI year of the break-even scan.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AgiYearPoint {
    pub agi_year: i32,
    /// The sprint against the marathon.
    pub leader: Leader,
    pub sprint_value_per_capex: f64,
    pub marathon_value_per_capex: f64,
    /// The sprint's NPV minus the paced path's (US$ bn): above zero the sprint pays off.
    pub extra_npv: f64,
}

/// The shape of "is the sprint ahead?" over the AGI years 2026–2060.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakEvenKind {
    /// Ahead if AGI comes by `year`, behind if it comes later (the articles' shape).
    Until,
    /// Behind if AGI comes early, ahead if it comes in `year` or later.
    From,
    /// Ahead and behind in turn more than once; `year` is the latest AGI year at which the
    /// sprint is ahead.
    Mixed,
    /// Ahead for every AGI year 2026–2060.
    Always,
    /// Ahead for none.
    Never,
}

/// Where the sprint is ahead on one comparison, over the AGI years 2026–2060.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Threshold {
    pub kind: BreakEvenKind,
    /// The break-even AGI year: the last year ahead (`until`, `mixed`) or the first
    /// (`from`); `None` for `always` and `never`.
    pub year: Option<i32>,
}

impl Threshold {
    /// From "ahead?" for each AGI year 2026–2060, in order.
    fn from_scan(scan: &[(i32, bool)]) -> Threshold {
        let changes = scan.windows(2).filter(|w| w[0].1 != w[1].1).count();
        let first_ahead = scan.first().is_some_and(|(_, ahead)| *ahead);
        let mut ahead_years = scan.iter().filter(|(_, ahead)| *ahead).map(|(y, _)| *y);
        let first_year_ahead = ahead_years.clone().next();
        let last_year_ahead = ahead_years.next_back();
        let (kind, year) = match (changes, first_ahead) {
            (0, true) => (BreakEvenKind::Always, None),
            (0, false) => (BreakEvenKind::Never, None),
            (1, true) => (BreakEvenKind::Until, last_year_ahead),
            (1, false) => (BreakEvenKind::From, first_year_ahead),
            _ => (BreakEvenKind::Mixed, last_year_ahead),
        };
        Threshold { kind, year }
    }
}

/// The break-even AGI years and the scan they come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakEven {
    /// The headline: the latest AGI year at which the sprint still creates more value per
    /// unit invested than the marathon.
    pub against_marathon: Threshold,
    /// The latest AGI year at which the sprint still beats the same firms on the paced path
    /// (extra NPV above zero).
    pub against_paced: Threshold,
    /// Who is ahead when AGI does not come by 2060.
    pub without_agi: Leader,
    /// The sprint's extra NPV over the paced path without AGI by 2060 (US$ bn).
    pub without_agi_extra_npv: f64,
    /// One point per AGI year, 2026–2060.
    pub by_agi_year: Vec<AgiYearPoint>,
}

/// The first AGI year of the scan.
pub const FIRST_AGI_YEAR: i32 = FIRST_YEAR + 1;

/// The race at one AGI year (`None`: no AGI by 2060).
fn race_at(p: &Params, fixed: &Fixed, agi_year: Option<i32>) -> Race {
    race(&p.with_agi(agi_year), fixed)
}

/// Scans every AGI year 2026–2060 with the other inputs fixed.
pub(crate) fn break_even(p: &Params, fixed: &Fixed) -> BreakEven {
    let by_agi_year: Vec<AgiYearPoint> = (FIRST_AGI_YEAR..=LAST_YEAR)
        .map(|year| {
            let r = race_at(p, fixed, Some(year));
            AgiYearPoint {
                agi_year: year,
                leader: lead(r.sprint.value_per_capex, r.marathon.value_per_capex),
                sprint_value_per_capex: r.sprint.value_per_capex,
                marathon_value_per_capex: r.marathon.value_per_capex,
                extra_npv: r.sprint.npv - r.paced.npv,
            }
        })
        .collect();
    let none = race_at(p, fixed, None);
    let scan = |ahead: fn(&AgiYearPoint) -> bool| -> Vec<(i32, bool)> {
        by_agi_year
            .iter()
            .map(|pt| (pt.agi_year, ahead(pt)))
            .collect()
    };
    BreakEven {
        against_marathon: Threshold::from_scan(&scan(|pt| pt.leader == Leader::Sprint)),
        against_paced: Threshold::from_scan(&scan(|pt| pt.extra_npv > 0.0)),
        without_agi: lead(none.sprint.value_per_capex, none.marathon.value_per_capex),
        without_agi_extra_npv: none.sprint.npv - none.paced.npv,
        by_agi_year,
    }
}

/// The articles' claim, "if AGI arrives within three years the US wins; if it is still in
/// the lab after ten, China's path is steadier" (seed 001), read as AGI in 2028 against AGI in
/// 2035, under the reader's other assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClaimCheck {
    pub early_agi_year: i32,
    pub early_leader: Leader,
    pub late_agi_year: i32,
    pub late_leader: Leader,
    /// The sprint ahead with early AGI and the marathon ahead with late AGI.
    pub holds: bool,
}

/// Three years after 2025, the model's first year (the article making the claim is dated
/// January 2026; the page says which year it counts from).
pub const CLAIM_EARLY_AGI_YEAR: i32 = 2028;
/// Ten years after 2025, the model's first year.
pub const CLAIM_LATE_AGI_YEAR: i32 = 2035;

pub(crate) fn claim_check(scan: &BreakEven) -> ClaimCheck {
    // A gap inside the about-even band calls no side ahead, as the verdict's words do.
    let leader_at = |year: i32| {
        scan.by_agi_year
            .iter()
            .find(|pt| pt.agi_year == year)
            .map_or(Leader::Tie, |pt| {
                match Wording::of(pt.sprint_value_per_capex, pt.marathon_value_per_capex) {
                    Wording::AboutEven => Leader::Tie,
                    _ => pt.leader,
                }
            })
    };
    let (early, late) = (
        leader_at(CLAIM_EARLY_AGI_YEAR),
        leader_at(CLAIM_LATE_AGI_YEAR),
    );
    ClaimCheck {
        early_agi_year: CLAIM_EARLY_AGI_YEAR,
        early_leader: early,
        late_agi_year: CLAIM_LATE_AGI_YEAR,
        late_leader: late,
        holds: early == Leader::Sprint && late == Leader::Marathon,
    }
}

#[cfg(test)]
mod tests {
    use super::{Wording, ABOUT_EVEN_BAND};

    #[test]
    fn a_gap_inside_the_band_is_about_even() {
        // The defaults' 1.50 against 1.49: under 1 % apart.
        assert_eq!(Wording::of(1.50, 1.49), Wording::AboutEven);
        assert_eq!(
            Wording::of(1.0, 1.0 + 0.9 * ABOUT_EVEN_BAND),
            Wording::AboutEven
        );
        assert_eq!(Wording::of(0.70, 0.69), Wording::AboutEven);
    }

    #[test]
    fn both_below_one_is_losing_less() {
        // No AGI: 0.72 against 0.67, both lose money.
        assert_eq!(Wording::of(0.72, 0.67), Wording::LosesLess);
        assert_eq!(Wording::of(0.50, 0.90), Wording::LosesLess);
    }

    #[test]
    fn a_clear_gap_above_one_is_ahead() {
        assert_eq!(Wording::of(1.65, 1.55), Wording::Ahead);
        assert_eq!(Wording::of(1.10, 0.80), Wording::Ahead);
    }
}
