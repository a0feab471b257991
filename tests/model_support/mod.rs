//! Shared helpers for the model tests: proptest strategies over the input space, built from
//! the input table so a new input is covered without touching the tests.
#![allow(dead_code)]

use ai_capex_explainer::model::{
    input_spec, input_specs, project, Cell, Game, Projection, Scenario, Strategy,
};
use proptest::prelude::*;
// The trait, under no name: `Strategy` here is the game's.
use proptest::strategy::Strategy as _;

/// Any step of one input's slider, with its two ends drawn more often.
pub fn value_of(field: &'static str) -> BoxedStrategy<f64> {
    let spec = match input_spec(field) {
        Some(spec) => *spec,
        None => panic!("{field} is not an input"),
    };
    let steps = ((spec.max - spec.min) / spec.step).round() as u32;
    prop_oneof![
        6 => (0..=steps).prop_map(move |k| on_step(spec.min, spec.step, k)),
        1 => Just(spec.min),
        1 => Just(spec.max),
    ]
    .boxed()
}

/// `min + k × step`, rounded so that decimal steps land on the value a slider shows.
pub fn on_step(min: f64, step: f64, k: u32) -> f64 {
    let x = min + f64::from(k) * step;
    (x * 1e9).round() / 1e9
}

/// Any valid scenario: every input anywhere in its range, on its steps.
pub fn any_scenario() -> impl proptest::strategy::Strategy<Value = Scenario> {
    let values: Vec<BoxedStrategy<f64>> = input_specs().iter().map(|s| value_of(s.field)).collect();
    values.prop_map(|values| {
        let mut s = Scenario::default();
        for (spec, value) in input_specs().iter().zip(values) {
            set(&mut s, spec.field, value);
        }
        s
    })
}

/// Sets a field through the public parser (the same path as a slider or a link).
pub fn set(s: &mut Scenario, field: &str, value: f64) {
    if let Err(e) = s.set(field, &value.to_string()) {
        panic!("{field} = {value} refused: {e}");
    }
}

/// The scenario with one field changed.
pub fn with(s: &Scenario, field: &str, value: f64) -> Scenario {
    let mut changed = s.clone();
    set(&mut changed, field, value);
    changed
}

/// The projection of a valid scenario.
pub fn run(s: &Scenario) -> Projection {
    match project(s) {
        Ok(p) => p,
        Err(errors) => panic!("valid scenario refused: {errors:?}"),
    }
}

/// The cell of the 2×2 table where the US plays `us` and China `cn`.
pub fn cell(game: &Game, us: Strategy, cn: Strategy) -> Cell {
    match game
        .cells
        .iter()
        .find(|c| c.us_strategy == us && c.cn_strategy == cn)
    {
        Some(c) => *c,
        None => panic!("no cell for {us:?}, {cn:?}"),
    }
}

/// The US sprint minus pace NPV (US$ bn), China's strategy held at `cn`.
pub fn us_sprint_minus_pace(game: &Game, cn: Strategy) -> f64 {
    cell(game, Strategy::Sprint, cn).us_npv - cell(game, Strategy::Pace, cn).us_npv
}

/// China's sprint minus pace NPV (¥ bn), the US strategy held at `us`.
pub fn cn_sprint_minus_pace(game: &Game, us: Strategy) -> f64 {
    cell(game, us, Strategy::Sprint).cn_npv - cell(game, us, Strategy::Pace).cn_npv
}
