//! The input table and the constants: ranges that make sense, defaults inside them, about
//! twelve inputs on the page, one prefix scheme, every input labelled in three languages.

use ai_capex_explainer::model::{
    calibration::CONSTANTS, input_specs, InputGroup, Origin, ALIASES, RETIRED,
};
use std::collections::HashSet;

#[test]
fn every_input_has_a_sane_range_step_default_and_plausible_ends() {
    for s in input_specs() {
        assert!(s.min < s.max && s.step > 0.0, "{}", s.field);
        assert!((s.min..=s.max).contains(&s.default), "{}", s.field);
        assert!(
            s.min <= s.low && s.low < s.high && s.high <= s.max,
            "{}",
            s.field
        );
        for x in [s.default, s.low, s.high, s.max] {
            let steps = (x - s.min) / s.step;
            assert!(
                (steps - steps.round()).abs() < 1e-6,
                "{} = {x} is on a step",
                s.field
            );
        }
    }
}

#[test]
fn the_page_inputs_stay_few_with_one_prefix_scheme() {
    let page: Vec<_> = input_specs()
        .iter()
        .filter(|s| s.group != InputGroup::Uncertainty)
        .collect();
    // The game's inputs for both sides, access and the two framings (issue 19 puts most of
    // them under "More assumptions"): a ceiling, so the page does not grow by accident.
    assert!((10..=24).contains(&page.len()), "{} inputs", page.len());
    for s in &page {
        match s.group {
            InputGroup::Us => assert!(s.field.starts_with("us_"), "{}", s.field),
            InputGroup::Cn => assert!(s.field.starts_with("cn_"), "{}", s.field),
            // Market access names whose access it is.
            _ => assert!(
                !s.field.starts_with("cn_") || s.field == "cn_access",
                "{}",
                s.field
            ),
        }
    }
    for named in ["agi_year", "price_cut", "discount_rate", "us_capex_growth"] {
        assert!(
            page.iter().any(|s| s.field == named),
            "{named} is on the page"
        );
    }
}

#[test]
fn names_are_unique_across_inputs_aliases_retired_names_and_constants() {
    let mut seen = HashSet::new();
    for name in input_specs().iter().map(|s| s.field).chain(RETIRED) {
        assert!(seen.insert(name), "{name} twice");
    }
    for (old, new) in ALIASES {
        assert!(seen.insert(old), "{old} twice");
        assert!(input_specs().iter().any(|s| s.field == new), "{new}");
    }
}

#[test]
fn every_constant_has_a_plausible_range_around_its_value() {
    for c in CONSTANTS {
        assert!(c.value.is_finite(), "{}", c.name);
        assert!(
            c.plausible.0 <= c.value && c.value <= c.plausible.1,
            "{} = {} outside {:?}",
            c.name,
            c.value,
            c.plausible
        );
    }
}

#[test]
fn every_input_and_constant_is_labelled_in_three_languages() {
    for lang in ["en", "zh-Hans", "zh-Hant"] {
        let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let i18n: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let inputs = &i18n["calculator"]["inputs"];
        for s in input_specs() {
            let entry = &inputs[s.field];
            assert!(entry["label"].is_string(), "{lang}: {} label", s.field);
            assert!(entry["help"].is_string(), "{lang}: {} help", s.field);
            let needs_reason = !matches!(s.origin, Origin::Fact(_));
            assert!(
                !needs_reason || entry["reason"].is_string(),
                "{lang}: {} needs the reason for its default",
                s.field
            );
            assert!(
                i18n["chart"][format!("input.{}", s.field)].is_string(),
                "{lang}: {} chart label",
                s.field
            );
        }
        for c in CONSTANTS {
            assert!(
                i18n["calculator"]["constants"][c.name].is_string(),
                "{lang}: constant {}",
                c.name
            );
        }
    }
}
