//! The tornado: every numeric projection input nudged both ways, sorted by swing.

mod model_support;

use ai_capex_explainer::model::{
    input_specs, project, sensitivity, InputGroup, Scenario, NUDGE_SHARE_OF_RANGE,
};
use model_support::{any_scenario, range_of};
use proptest::prelude::*;

#[test]
fn every_numeric_input_of_the_projection_has_a_bar() {
    let t = sensitivity(&Scenario::default()).unwrap();
    let mut bars: Vec<&str> = t.bars.iter().map(|b| b.field).collect();
    let mut expected: Vec<&str> = input_specs()
        .iter()
        .filter(|s| s.range().is_some() && s.group != InputGroup::Uncertainty)
        .map(|s| s.field)
        .collect();
    bars.sort();
    expected.sort();
    assert_eq!(bars, expected);
}

#[test]
fn the_base_outcome_is_the_projections_final_ratio() {
    let s = Scenario::default();
    let t = sensitivity(&s).unwrap();
    assert_eq!(t.outcome, "final_roi_ratio");
    assert_eq!(t.base_outcome, project(&s).unwrap().summary.final_roi_ratio);
}

#[test]
fn inputs_that_only_scale_amounts_do_not_move_the_verdict() {
    let t = sensitivity(&Scenario::default()).unwrap();
    for field in ["cny_per_usd", "marathon_base_capex_cny_bn"] {
        let bar = t.bars.iter().find(|b| b.field == field).unwrap();
        assert!(bar.swing < 1e-12, "{field}: {}", bar.swing);
    }
}

#[test]
fn an_invalid_scenario_gets_no_tornado() {
    assert!(sensitivity(&Scenario {
        price_floor_pct: 0.0,
        ..Scenario::default()
    })
    .is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn bars_are_sorted_by_swing_and_nudges_stay_in_range(s in any_scenario()) {
        let t = sensitivity(&s).unwrap();
        for w in t.bars.windows(2) {
            prop_assert!(w[0].swing >= w[1].swing);
        }
        for bar in &t.bars {
            let (min, max) = range_of(bar.field);
            let nudge = NUDGE_SHARE_OF_RANGE * (max - min);
            prop_assert!(bar.low_input >= min && bar.high_input <= max);
            prop_assert!(bar.low_input <= bar.high_input);
            prop_assert!(bar.low_input >= bar.base_input - nudge * 1.6 - 1e-9);
            prop_assert!(bar.high_input <= bar.base_input + nudge * 1.6 + 1e-9);
            for v in [bar.outcome_low, bar.outcome_high, bar.swing] {
                prop_assert!(v.is_finite() && v >= 0.0);
            }
        }
    }
}
