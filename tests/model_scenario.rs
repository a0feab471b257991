//! The scenario: defaults, reading and writing fields from text, range checks, JSON.

mod model_support;

use ai_capex_explainer::model::{
    input_spec, input_specs, InputErrorKind, InputKind, InputValue, Scenario, SprintBase,
    SPRINT_BASE_OPTIONS,
};
use model_support::{any_scenario, range_of, step_of};
use proptest::prelude::*;

#[test]
fn the_shipped_defaults_are_valid() {
    assert_eq!(Scenario::default().validate(), Ok(()));
}

#[test]
fn the_table_defaults_equal_the_scenario_defaults() {
    let s = Scenario::default();
    for spec in input_specs() {
        assert_eq!(s.get(spec.field), Some(spec.default), "{}", spec.field);
    }
}

#[test]
fn every_table_default_lies_in_its_range() {
    for spec in input_specs() {
        match (spec.kind, spec.default) {
            (InputKind::Range { min, max, step }, InputValue::Number(v)) => {
                assert!(v >= min && v <= max, "{}", spec.field);
                assert!(step > 0.0 && min < max, "{}", spec.field);
            }
            (InputKind::Choice { options }, InputValue::Choice(v)) => {
                assert!(options.contains(&v), "{}", spec.field)
            }
            _ => panic!("{}: default does not match its kind", spec.field),
        }
    }
}

#[test]
fn every_field_is_in_the_table_once_and_every_table_row_is_a_field() {
    let json = serde_json::to_value(Scenario::default()).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), input_specs().len());
    for spec in input_specs() {
        assert!(
            json.get(spec.field).is_some(),
            "{} is not a Scenario field",
            spec.field
        );
        let count = input_specs()
            .iter()
            .filter(|s| s.field == spec.field)
            .count();
        assert_eq!(count, 1, "{} appears {count} times", spec.field);
    }
}

#[test]
fn every_field_can_be_read_and_written_back_as_text() {
    let mut s = Scenario::default();
    for spec in input_specs() {
        let text = match s.get(spec.field).unwrap() {
            InputValue::Number(v) => v.to_string(),
            InputValue::Choice(c) => c.to_string(),
        };
        let before = s.clone();
        s.set(spec.field, &text).unwrap();
        assert_eq!(s, before, "{}", spec.field);
    }
}

#[test]
fn surrounding_spaces_in_url_text_are_ignored() {
    let mut s = Scenario::default();
    s.set("agi_year", " 2028 ").unwrap();
    assert_eq!(s.agi_year, 2028.0);
}

#[test]
fn the_error_message_names_field_value_and_range() {
    let mut s = Scenario::default();
    let err = s.set("agi_year", "2100").unwrap_err();
    assert_eq!(err.to_string(), "agi_year = 2100 is out of range 2026–2060");
    assert_eq!(err.field, "agi_year");
    assert_eq!(err.value, "2100");
    assert_eq!(
        err.kind,
        InputErrorKind::OutOfRange {
            min: 2026.0,
            max: 2060.0
        }
    );
    let err = s.set("price_elasticity", "3.5").unwrap_err();
    assert_eq!(
        err.to_string(),
        "price_elasticity = 3.5 is out of range 0–3"
    );
    let err = s.set("cny_per_usd", "4.2").unwrap_err();
    assert_eq!(err.to_string(), "cny_per_usd = 4.2 is out of range 5–10");
}

#[test]
fn text_that_is_not_a_finite_number_is_refused() {
    let mut s = Scenario::default();
    for raw in ["", "abc", "NaN", "inf", "-inf", "20 30", "63%"] {
        let err = s.set("cash_margin_pct", raw).unwrap_err();
        assert_eq!(err.kind, InputErrorKind::NotANumber, "{raw:?}");
        assert_eq!(err.field, "cash_margin_pct");
    }
    assert_eq!(s, Scenario::default());
    assert_eq!(
        s.set("cash_margin_pct", "abc").unwrap_err().to_string(),
        "cash_margin_pct = abc is not a number"
    );
}

#[test]
fn an_unknown_field_is_refused() {
    let mut s = Scenario::default();
    let err = s.set("agi", "2028").unwrap_err();
    assert_eq!(err.kind, InputErrorKind::UnknownField);
    assert_eq!(err.to_string(), "agi is not a known input");
    assert_eq!(s.get("agi"), None);
    assert_eq!(s, Scenario::default());
}

#[test]
fn an_unknown_option_is_refused_with_the_list_of_options() {
    let mut s = Scenario::default();
    let err = s.set("sprint_base", "s999-made-up").unwrap_err();
    assert_eq!(
        err.kind,
        InputErrorKind::UnknownOption {
            options: SPRINT_BASE_OPTIONS
        }
    );
    assert_eq!(
        err.to_string(),
        "sprint_base = s999-made-up is not one of: s000-big4-capex-2025, \
         s004-big4-capex-2025-plan, s001-us-ai-capex-2025"
    );
    assert_eq!(s, Scenario::default());
}

#[test]
fn the_reader_can_switch_between_the_seeds_sprint_base_figures() {
    let mut s = Scenario::default();
    let mut seen = Vec::new();
    for id in SPRINT_BASE_OPTIONS {
        s.set("sprint_base", id).unwrap();
        assert_eq!(s.get("sprint_base"), Some(InputValue::Choice(id)));
        seen.push(s.sprint_base_capex_usd_bn());
    }
    assert_eq!(seen, vec![364.0, 320.0, 155.0]);
    for base in SprintBase::ALL {
        assert_eq!(SprintBase::parse(base.id()), Some(base));
    }
    assert_eq!(SPRINT_BASE_OPTIONS.len(), SprintBase::ALL.len());
}

#[test]
fn validate_reports_every_bad_field_in_table_order() {
    let bad = Scenario {
        agi_year: 2100.0,
        cash_margin_pct: f64::NAN,
        price_elasticity: f64::INFINITY,
        agi_spread_years: -1.0,
        ..Scenario::default()
    };
    let errors = bad.validate().unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "agi_year",
            "cash_margin_pct",
            "price_elasticity",
            "agi_spread_years"
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "agi_year = 2100 is out of range 2026–2060"
    );
    assert_eq!(errors[1].kind, InputErrorKind::NotANumber);
}

#[test]
fn a_scenario_survives_a_json_round_trip_and_missing_fields_take_defaults() {
    let s = Scenario {
        agi_year: 2031.0,
        sprint_base: SprintBase::Big4Plan2025,
        ..Scenario::default()
    };
    let text = serde_json::to_string(&s).unwrap();
    assert!(text.contains("\"sprint_base\":\"s004-big4-capex-2025-plan\""));
    let back: Scenario = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
    let partial: Scenario = serde_json::from_str(r#"{"agi_year": 2028}"#).unwrap();
    assert_eq!(
        partial,
        Scenario {
            agi_year: 2028.0,
            ..Scenario::default()
        }
    );
}

#[test]
fn the_input_table_serializes_for_the_page() {
    let json = serde_json::to_value(input_specs()).unwrap();
    let first = &json[0];
    assert_eq!(first["field"], "agi_year");
    assert_eq!(first["kind"]["type"], "range");
    assert_eq!(first["kind"]["min"], 2026.0);
    assert_eq!(first["unit"], "year");
    assert_eq!(first["origin"]["type"], "assumption");
    assert_eq!(first["group"], "shared");
    let base = serde_json::to_value(input_spec("sprint_base").unwrap()).unwrap();
    assert_eq!(base["kind"]["type"], "choice");
    assert_eq!(base["origin"]["fact_id"], "s000-big4-capex-2025");
    assert_eq!(base["default"], "s000-big4-capex-2025");
}

fn numeric_fields() -> Vec<&'static str> {
    input_specs()
        .iter()
        .filter(|s| s.range().is_some())
        .map(|s| s.field)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_out_of_range_value_is_refused_and_leaves_the_scenario_unchanged(
        s in any_scenario(),
        field in prop::sample::select(numeric_fields()),
        beyond in 1e-6f64..1e6,
        above in any::<bool>(),
    ) {
        let (min, max) = range_of(field);
        let value = if above { max + beyond } else { min - beyond };
        let raw = value.to_string();
        let mut changed = s.clone();
        let err = changed.set(field, &raw).unwrap_err();
        prop_assert_eq!(&changed, &s);
        prop_assert_eq!(err.field.as_str(), field);
        prop_assert_eq!(err.value.as_str(), raw.as_str());
        prop_assert_eq!(err.kind.clone(), InputErrorKind::OutOfRange { min, max });
        let message = err.to_string();
        prop_assert!(message.starts_with(&format!("{field} = {raw} is out of range ")), "{}", message);
        // The same value put in directly is caught by validate.
        let mut direct = s.clone();
        let json = serde_json::json!({ field: value });
        let patch: serde_json::Value = serde_json::to_value(&direct).unwrap();
        let mut merged = patch.as_object().unwrap().clone();
        merged.extend(json.as_object().unwrap().clone());
        direct = serde_json::from_value(serde_json::Value::Object(merged)).unwrap();
        let errors = direct.validate().unwrap_err();
        prop_assert_eq!(errors.len(), 1);
        prop_assert_eq!(errors[0].field.as_str(), field);
    }

    #[test]
    fn any_step_inside_the_range_is_accepted_and_values_between_steps_are_refused(
        s in any_scenario(),
        field in prop::sample::select(numeric_fields()),
        t in 0.0f64..=1.0,
    ) {
        let (min, max) = range_of(field);
        let step = step_of(field);
        let on_step = (min + ((t * (max - min)) / step).round() * step).clamp(min, max);
        let mut changed = s.clone();
        changed.set(field, &on_step.to_string()).unwrap();
        prop_assert_eq!(changed.get(field), Some(InputValue::Number(on_step)));
        prop_assert!(changed.validate().is_ok());

        let between = on_step + step / 2.0;
        if between < max {
            let before = changed.clone();
            let err = changed.set(field, &between.to_string()).unwrap_err();
            prop_assert_eq!(err.kind, InputErrorKind::OffStep { min, max, step });
            prop_assert_eq!(changed, before, "a refused value changes nothing");
        }
    }
}
