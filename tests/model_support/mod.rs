//! Shared helpers for the model tests: a proptest strategy over the whole input space.
#![allow(dead_code)]

use ai_capex_explainer::model::{input_specs, InputKind, Scenario, SprintBase};
use proptest::prelude::*;

/// One value per input: any step of its slider, with its two ends drawn more often.
fn field_values() -> Vec<BoxedStrategy<String>> {
    input_specs()
        .iter()
        .map(|spec| match spec.kind {
            InputKind::Range { min, max, step } => {
                let steps = ((max - min) / step).round() as u32;
                prop_oneof![
                    6 => (0..=steps).prop_map(move |k| (min + f64::from(k) * step).to_string()),
                    1 => Just(min.to_string()),
                    1 => Just(max.to_string()),
                ]
                .boxed()
            }
            InputKind::Choice { options } => prop::sample::select(options.to_vec())
                .prop_map(|s| s.to_string())
                .boxed(),
        })
        .collect()
}

/// Any valid scenario: every field anywhere in its range.
pub fn any_scenario() -> impl Strategy<Value = Scenario> {
    field_values().prop_map(|values| {
        let mut s = Scenario::default();
        for (spec, raw) in input_specs().iter().zip(values) {
            if let Err(e) = s.set(spec.field, &raw) {
                panic!("generated value refused: {e}");
            }
        }
        s
    })
}

/// `(min, max)` of a numeric field.
pub fn range_of(field: &str) -> (f64, f64) {
    match ai_capex_explainer::model::input_spec(field).and_then(|s| s.range()) {
        Some(r) => r,
        None => panic!("{field} is not a numeric input"),
    }
}

/// The slider step of a numeric field.
pub fn step_of(field: &str) -> f64 {
    match ai_capex_explainer::model::input_spec(field).map(|s| s.kind) {
        Some(InputKind::Range { step, .. }) => step,
        _ => panic!("{field} is not a numeric input"),
    }
}

pub fn all_sprint_bases() -> [SprintBase; 3] {
    SprintBase::ALL
}

/// Relative closeness for sums of floating-point numbers.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}
