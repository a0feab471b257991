//! Reading and writing the scenario: the same checks and messages for a slider, a link and
//! the command line; earlier parameter names; presets.

mod model_support;

use ai_capex_explainer::model::{
    input_specs, InputErrorKind, Preset, Scenario, ALIASES, NO_AGI_YEAR, RETIRED,
};
use model_support::{any_scenario, run};
use proptest::prelude::*;

#[test]
fn the_defaults_are_the_input_tables_defaults_and_valid() {
    let s = Scenario::default();
    assert!(s.validate().is_ok());
    for spec in input_specs() {
        assert_eq!(s.get(spec.field), Some(spec.default), "{}", spec.field);
    }
}

#[test]
fn a_value_out_of_range_is_refused_with_field_value_and_range() {
    let mut s = Scenario::default();
    let err = s.set("discount_rate", "40").unwrap_err();
    assert_eq!(err.to_string(), "discount_rate = 40 is out of range 5–15");
    assert_eq!(s, Scenario::default(), "the scenario is unchanged");
}

#[test]
fn text_that_is_not_a_finite_number_is_refused() {
    let mut s = Scenario::default();
    for raw in ["", "abc", "NaN", "inf", "-inf", "1e309", "2028,5"] {
        let err = s.set("agi_year", raw).unwrap_err();
        assert_eq!(err.kind, InputErrorKind::NotANumber, "{raw:?}");
    }
}

#[test]
fn numbers_are_read_as_json_numbers_as_the_page_writes_them() {
    // Read by the dataset's JSON number parser (std's float parser would add ~14 KB of wasm):
    // what a slider or a shared link holds is accepted, the rarer spellings are refused.
    let mut s = Scenario::default();
    for (raw, value) in [("2030", 2030.0), ("2.03e3", 2030.0), (" 2031 ", 2031.0)] {
        s.set("agi_year", raw)
            .unwrap_or_else(|e| panic!("{raw:?}: {e}"));
        assert_eq!(s.agi_year, value, "{raw:?}");
    }
    s.set("price_cut", "-0").expect("-0 is 0");
    for raw in ["+2030", "02030", ".5", "5.", "0x10"] {
        let err = s.set("price_cut", raw).unwrap_err();
        assert_eq!(err.kind, InputErrorKind::NotANumber, "{raw:?}");
    }
}

#[test]
fn a_value_between_slider_steps_is_refused_by_set_and_by_validate() {
    let mut s = Scenario::default();
    let err = s.set("agi_year", "2028.4").unwrap_err();
    assert!(matches!(err.kind, InputErrorKind::OffStep { .. }), "{err}");
    let typed = Scenario {
        agi_year: 2028.4,
        ..Scenario::default()
    };
    let errors = typed.validate().unwrap_err();
    assert_eq!(errors[0].field, "agi_year");
    assert!(matches!(errors[0].kind, InputErrorKind::OffStep { .. }));
}

#[test]
fn an_unknown_parameter_is_refused_by_name() {
    let mut s = Scenario::default();
    let err = s.set("agi_yaer", "2028").unwrap_err();
    assert_eq!(err.to_string(), "agi_yaer is not a known input");
}

#[test]
fn earlier_names_of_an_input_still_set_it() {
    for (old, new) in ALIASES {
        let spec = input_specs().iter().find(|s| s.field == new).unwrap();
        let mut s = Scenario::default();
        let value = spec.low;
        s.set(old, &value.to_string()).unwrap();
        assert_eq!(s.get(new), Some(value), "{old} → {new}");
        assert_eq!(s.get(old), Some(value), "reading by the old name works too");
    }
}

#[test]
fn an_alias_reports_errors_under_the_name_the_reader_wrote() {
    let mut s = Scenario::default();
    let err = s.set("price_decline_pct", "90").unwrap_err();
    assert_eq!(err.field, "price_decline_pct");
    assert_eq!(
        err.to_string(),
        "price_decline_pct = 90 is out of range 0–40"
    );
}

#[test]
fn retired_parameters_are_accepted_and_ignored_so_old_links_open() {
    let mut s = Scenario::default();
    for name in RETIRED {
        assert!(s.set(name, "3").is_ok(), "{name}");
        assert!(s.set(name, "not a number").is_ok(), "{name}");
    }
    assert_eq!(s, Scenario::default());
}

#[test]
fn no_agi_is_the_value_after_2060() {
    let mut s = Scenario::default();
    s.set("agi_year", &NO_AGI_YEAR.to_string()).unwrap();
    let p = run(&s);
    assert_eq!(p.agi_year, None);
    assert!(p.years.iter().all(|y| {
        [y.us_sprint, y.us_pace, y.cn_sprint, y.cn_pace]
            .iter()
            .all(|side| side.prize_revenue == 0.0)
    }));
}

#[test]
fn every_preset_is_valid_and_changes_only_what_its_name_says() {
    let defaults = Scenario::default();
    for preset in Preset::ALL {
        let s = Scenario::preset(preset);
        assert!(s.validate().is_ok(), "{preset:?}");
        for spec in input_specs() {
            let changed = s.get(spec.field) != defaults.get(spec.field);
            let named = preset.overrides().iter().any(|(f, _)| *f == spec.field);
            assert_eq!(changed, named, "{preset:?} {}", spec.field);
        }
        assert_eq!(Preset::parse(preset.id()), Some(preset));
    }
    assert_eq!(Preset::parse("agi_5y"), None);
}

#[test]
fn the_agi_presets_are_the_articles_two_cases_and_none() {
    assert_eq!(Scenario::preset(Preset::Agi3y).agi_year, 2028.0);
    assert_eq!(Scenario::preset(Preset::Agi10y).agi_year, 2035.0);
    assert_eq!(Scenario::preset(Preset::NoAgi).agi_year, NO_AGI_YEAR);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_scenario_written_as_text_and_read_back_is_the_same(s in any_scenario()) {
        let mut copy = Scenario::default();
        for spec in input_specs() {
            let value = s.get(spec.field).unwrap_or(f64::NAN);
            prop_assert!(copy.set(spec.field, &value.to_string()).is_ok());
        }
        prop_assert_eq!(copy, s);
    }
}
