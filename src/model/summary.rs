//! The outcome the page turns into one sentence: who ends ahead on return per unit of capex,
//! since when, and the years that matter (AGI, bubble, break-even). The sentence templates are
//! in the i18n files under `calculator.summary.<kind>`.

use serde::Serialize;

use super::project::{Outcome, Params};

/// Who earns more per unit of capex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Leader {
    Sprint,
    Marathon,
    /// Equal within a relative 1e-9.
    Tie,
}

/// Compares two returns per unit of capex.
pub(crate) fn lead(sprint_roi: f64, marathon_roi: f64) -> Leader {
    let tolerance = 1e-9 * sprint_roi.abs().max(marathon_roi.abs());
    if sprint_roi > marathon_roi + tolerance {
        Leader::Sprint
    } else if marathon_roi > sprint_roi + tolerance {
        Leader::Marathon
    } else {
        Leader::Tie
    }
}

/// Which sentence the page shows; serialized as the template key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryKind {
    /// AGI in the horizon, no bubble: the sprint overtakes in `crossover_year` and ends ahead.
    SprintOvertakes,
    /// AGI in the horizon, no bubble: the sprint is ahead from 2025 to the end.
    SprintLeadsThroughout,
    /// AGI in the horizon, no bubble, yet the marathon ends ahead.
    MarathonAheadDespiteAgi,
    /// The bubble burst before AGI, which arrives later within the horizon; the marathon ends
    /// ahead.
    BubbleBurst,
    /// The bubble burst and AGI does not arrive within the horizon; the marathon ends ahead.
    BubbleBurstNoAgi,
    /// The bubble burst before AGI, yet the sprint ends ahead.
    BubbleBurstSprintAhead,
    /// No AGI within the horizon and no bubble; the marathon ends ahead.
    NoAgiMarathonAhead,
    /// No AGI within the horizon and no bubble; the sprint ends ahead.
    NoAgiSprintAhead,
    /// Both end with the same return per unit of capex.
    Tie,
}

impl SummaryKind {
    /// Every kind (each has a sentence template in the i18n files).
    pub const ALL: [SummaryKind; 9] = [
        SummaryKind::SprintOvertakes,
        SummaryKind::SprintLeadsThroughout,
        SummaryKind::MarathonAheadDespiteAgi,
        SummaryKind::BubbleBurst,
        SummaryKind::BubbleBurstNoAgi,
        SummaryKind::BubbleBurstSprintAhead,
        SummaryKind::NoAgiMarathonAhead,
        SummaryKind::NoAgiSprintAhead,
        SummaryKind::Tie,
    ];

    /// The template key (`calculator.summary.<id>`), as serialized.
    pub fn id(self) -> &'static str {
        match self {
            SummaryKind::SprintOvertakes => "sprint_overtakes",
            SummaryKind::SprintLeadsThroughout => "sprint_leads_throughout",
            SummaryKind::MarathonAheadDespiteAgi => "marathon_ahead_despite_agi",
            SummaryKind::BubbleBurst => "bubble_burst",
            SummaryKind::BubbleBurstNoAgi => "bubble_burst_no_agi",
            SummaryKind::BubbleBurstSprintAhead => "bubble_burst_sprint_ahead",
            SummaryKind::NoAgiMarathonAhead => "no_agi_marathon_ahead",
            SummaryKind::NoAgiSprintAhead => "no_agi_sprint_ahead",
            SummaryKind::Tie => "tie",
        }
    }
}

/// The structured result. Ratios and returns are scale-free (per unit of capex), so the
/// US$ side and the ¥ side compare without an exchange rate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The sentence template key.
    pub kind: SummaryKind,
    /// Higher return per unit of capex in the last year.
    pub leader_at_end: Leader,
    /// The year the sprint took the lead for good (`None` unless the sprint ends ahead after
    /// trailing at some point).
    pub crossover_year: Option<i32>,
    /// The first year from which `leader_at_end` led without interruption.
    pub leader_since: i32,
    /// `ROI_sprint / ROI_marathon` in the last year.
    pub final_roi_ratio: f64,
    /// The leader's multiple of the other's return (≥ 1): `max(ratio, 1 / ratio)`.
    pub leader_multiple: f64,
    /// The sprint's return per unit of capex, 2025 to the horizon.
    pub sprint_final_roi: f64,
    /// The marathon's return per unit of capex, 2025 to the horizon.
    pub marathon_final_roi: f64,
    /// The sprint's cumulative position at the horizon, US$ bn.
    pub sprint_final_position: f64,
    /// The marathon's cumulative position at the horizon, ¥ bn.
    pub marathon_final_position: f64,
    /// The year investors' patience ran out (before AGI), if it did.
    pub bubble_year: Option<i32>,
    /// The first year from which the sprint's cumulative position stays ≥ 0 (`None`: below
    /// zero at the horizon).
    pub sprint_breakeven_year: Option<i32>,
    /// The same for the marathon.
    pub marathon_breakeven_year: Option<i32>,
    /// The AGI year input (whole year), even when it lies after the horizon.
    pub agi_year: i32,
    /// Whether AGI arrives by `horizon_end`.
    pub agi_in_horizon: bool,
    pub horizon_end: i32,
    /// The payoff multiple at which the sprint would draw level (1–10); `None` when AGI is not
    /// within the horizon, the bubble burst first, or more than 10× would be needed.
    pub payoff_needed: Option<f64>,
}

impl Summary {
    pub(crate) fn new(p: &Params, o: &Outcome, payoff_needed: Option<f64>) -> Summary {
        let ratio = o.roi_ratio();
        let agi_in_horizon = p.agi_in_horizon();
        let crossover_year = match o.leader {
            Leader::Sprint if o.leader_since > super::project::FIRST_YEAR => Some(o.leader_since),
            _ => None,
        };
        let kind = match (o.leader, o.bubble_year.is_some(), agi_in_horizon) {
            (Leader::Tie, _, _) => SummaryKind::Tie,
            (Leader::Sprint, true, _) => SummaryKind::BubbleBurstSprintAhead,
            (Leader::Marathon, true, true) => SummaryKind::BubbleBurst,
            (Leader::Marathon, true, false) => SummaryKind::BubbleBurstNoAgi,
            (Leader::Sprint, false, false) => SummaryKind::NoAgiSprintAhead,
            (Leader::Marathon, false, false) => SummaryKind::NoAgiMarathonAhead,
            (Leader::Marathon, false, true) => SummaryKind::MarathonAheadDespiteAgi,
            (Leader::Sprint, false, true) => {
                if crossover_year.is_some() {
                    SummaryKind::SprintOvertakes
                } else {
                    SummaryKind::SprintLeadsThroughout
                }
            }
        };
        Summary {
            kind,
            leader_at_end: o.leader,
            crossover_year,
            leader_since: o.leader_since,
            final_roi_ratio: ratio,
            leader_multiple: ratio.max(1.0 / ratio),
            sprint_final_roi: o.sprint_roi,
            marathon_final_roi: o.marathon_roi,
            sprint_final_position: o.sprint_position,
            marathon_final_position: o.marathon_position,
            bubble_year: o.bubble_year,
            sprint_breakeven_year: o.sprint_breakeven_year,
            marathon_breakeven_year: o.marathon_breakeven_year,
            agi_year: p.agi_year,
            agi_in_horizon,
            horizon_end: p.horizon_end,
            payoff_needed,
        }
    }
}
