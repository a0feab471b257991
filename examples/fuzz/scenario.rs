//! The scenario setter: every field name the page, a link or the command line can send (current,
//! earlier and retired names, and others), with the text a slider, a hand-edited link or a
//! hostile one can hold. Checks: a refused value leaves the scenario as it was; an accepted one
//! is exactly the number written and keeps the scenario valid; a valid scenario projects.

use ai_capex_explainer::model::{
    input_specs, project, resolve_field, FieldName, Preset, Scenario, ALIASES, RETIRED,
};

use crate::rng::Rng;

/// True when the case projected its scenario.
pub fn case(rng: &mut Rng) -> bool {
    let mut scenario = if rng.chance(0.5) {
        Scenario::default()
    } else {
        Scenario::preset(*rng.pick(&Preset::ALL))
    };
    for _ in 0..1 + rng.below(4) {
        let field = field_name(rng);
        let raw = value_text(rng, &field);
        let before = scenario.clone();
        match scenario.set(&field, &raw) {
            Err(error) => {
                assert_eq!(
                    scenario, before,
                    "refused {field}={raw:?} changed the scenario"
                );
                assert!(!error.to_string().is_empty());
            }
            Ok(()) => {
                assert!(
                    scenario.validate().is_ok(),
                    "{field}={raw:?} left an invalid scenario"
                );
                if let FieldName::Input(spec) = resolve_field(&field) {
                    let written: f64 = raw.trim().parse().expect("accepted text is a number");
                    let stored = scenario.get(spec.field).expect("a current field");
                    // serde_json's default float reading (kept for its size) may land a few units
                    // in the last place off for 17-digit text such as "3.9000000000000004".
                    let off = (stored - written).abs() / written.abs().max(f64::MIN_POSITIVE);
                    assert!(off <= 1e-15, "{field}={raw:?} stored {stored}");
                } else {
                    assert_eq!(scenario, before, "retired {field} changed the scenario");
                }
            }
        }
    }
    // Projecting is the slow part; every eighth case keeps the run above 1,000,000 cases.
    let projects = rng.chance(0.125);
    if projects {
        assert!(
            project(&scenario).is_ok(),
            "a valid scenario did not project: {scenario:?}"
        );
    }
    projects
}

fn field_name(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => rng.pick(&ALIASES).0.to_string(),
        1 => rng.pick(&RETIRED).to_string(),
        2 => rng.awkward_text(),
        3 => format!("{} ", rng.pick(input_specs()).field),
        _ => rng.pick(input_specs()).field.to_string(),
    }
}

/// Text for `field`: often a number near its range and steps, written the many ways people and
/// programs write numbers, sometimes anything at all.
fn value_text(rng: &mut Rng, field: &str) -> String {
    const ODD: [&str; 20] = [
        "",
        " ",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e309",
        "-0",
        "0x10",
        "+5",
        ".5",
        "05",
        "5.",
        "1_000",
        "１２",
        "2028\u{0}",
        "[2030]",
        "\"2030\"",
        "null",
        "true",
        "{}",
    ];
    let (min, max, step) = match resolve_field(field) {
        FieldName::Input(spec) => (spec.min, spec.max, spec.step),
        _ => (0.0, 100.0, 1.0),
    };
    let near = min + step * (rng.below(((max - min) / step) as usize + 3) as f64 - 1.0);
    match rng.below(12) {
        0 => rng.pick(&ODD).to_string(),
        1 => rng.awkward_text(),
        2 => rng.awkward_number().to_string(),
        3 => format!("{near:e}"),
        4 => format!("{}", near + step * 0.5),
        5 => format!("  {near}\t"),
        6 => format!("{near:.3}"),
        7 => "9".repeat(1 + rng.below(400)),
        _ => format!("{near}"),
    }
}
