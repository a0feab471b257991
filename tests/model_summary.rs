//! The summary: the sentence kind agrees with the numbers it words.

mod model_support;

use ai_capex_explainer::model::{project, Leader, Scenario, SummaryKind};
use model_support::any_scenario;
use proptest::prelude::*;

#[test]
fn every_summary_kind_serializes_as_its_template_key() {
    for kind in SummaryKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.id());
    }
}

#[test]
fn the_default_summary_serializes_with_snake_case_names() {
    let p = project(&Scenario::default()).unwrap();
    let json = serde_json::to_value(&p.summary).unwrap();
    for key in [
        "kind",
        "leader_at_end",
        "crossover_year",
        "final_roi_ratio",
        "bubble_year",
        "sprint_breakeven_year",
        "marathon_breakeven_year",
        "agi_in_horizon",
        "payoff_needed",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn the_summary_kind_agrees_with_leader_bubble_and_agi(s in any_scenario()) {
        let p = project(&s).unwrap();
        let m = &p.summary;
        let last = p.years.last().unwrap();
        let expected = if m.final_roi_ratio > 1.0 + 1e-9 { Leader::Sprint }
            else if m.final_roi_ratio < 1.0 - 1e-9 { Leader::Marathon } else { Leader::Tie };
        prop_assert_eq!(m.leader_at_end, expected);
        prop_assert_eq!(m.agi_in_horizon, m.agi_year <= m.horizon_end);
        prop_assert_eq!(m.final_roi_ratio, last.sprint.roi / last.marathon.roi);
        match m.kind {
            SummaryKind::SprintOvertakes => {
                prop_assert!(m.leader_at_end == Leader::Sprint && m.agi_in_horizon && m.bubble_year.is_none());
                prop_assert!(m.crossover_year.is_some());
            }
            SummaryKind::SprintLeadsThroughout => {
                prop_assert!(m.leader_at_end == Leader::Sprint && m.crossover_year.is_none());
                prop_assert!(p.years.iter().all(|r| r.sprint.roi > r.marathon.roi));
            }
            SummaryKind::MarathonAheadDespiteAgi => prop_assert!(m.leader_at_end == Leader::Marathon && m.agi_in_horizon && m.bubble_year.is_none()),
            SummaryKind::BubbleBurst => prop_assert!(m.leader_at_end == Leader::Marathon && m.bubble_year.is_some() && m.agi_in_horizon),
            SummaryKind::BubbleBurstNoAgi => prop_assert!(m.leader_at_end == Leader::Marathon && m.bubble_year.is_some() && !m.agi_in_horizon),
            SummaryKind::BubbleBurstSprintAhead => prop_assert!(m.leader_at_end == Leader::Sprint && m.bubble_year.is_some()),
            SummaryKind::NoAgiMarathonAhead => prop_assert!(m.leader_at_end == Leader::Marathon && !m.agi_in_horizon),
            SummaryKind::NoAgiSprintAhead => prop_assert!(m.leader_at_end == Leader::Sprint && !m.agi_in_horizon),
            SummaryKind::Tie => prop_assert_eq!(m.leader_at_end, Leader::Tie),
        }
    }

    #[test]
    fn the_crossover_year_is_when_the_sprint_took_the_lead_for_good(s in any_scenario()) {
        let p = project(&s).unwrap();
        if let Some(year) = p.summary.crossover_year {
            for row in &p.years {
                if row.year >= year {
                    prop_assert!(row.sprint.roi > row.marathon.roi, "{}", row.year);
                }
                if row.year == year - 1 {
                    prop_assert!(row.sprint.roi <= row.marathon.roi * (1.0 + 1e-9));
                }
            }
        }
    }

    #[test]
    fn a_breakeven_year_is_when_the_cumulative_position_turned_non_negative_for_good(s in any_scenario()) {
        let p = project(&s).unwrap();
        for (breakeven, side) in [(p.summary.sprint_breakeven_year, 0), (p.summary.marathon_breakeven_year, 1)] {
            let position = |r: &ai_capex_explainer::model::YearRow| if side == 0 { r.sprint.cumulative } else { r.marathon.cumulative };
            match breakeven {
                Some(year) => {
                    for row in p.years.iter().filter(|r| r.year >= year) {
                        prop_assert!(position(row) >= 0.0);
                    }
                    if let Some(before) = p.years.iter().find(|r| r.year == year - 1) {
                        prop_assert!(position(before) < 0.0);
                    }
                }
                None => prop_assert!(position(p.years.last().unwrap()) < 0.0),
            }
        }
    }
}
