//! Presets: ids, parsing, and that each changes only what its name says.

use ai_capex_explainer::model::{input_spec, Preset, Scenario};

#[test]
fn every_preset_id_parses_back_to_the_same_preset() {
    let ids: Vec<&str> = Preset::ALL.iter().map(|p| p.id()).collect();
    assert_eq!(ids, ["agi_3y", "agi_10y", "no_agi", "price_war"]);
    for p in Preset::ALL {
        assert_eq!(Preset::parse(p.id()), Some(p));
    }
    assert_eq!(Preset::parse("agi_5y"), None);
}

#[test]
fn every_preset_is_a_valid_scenario() {
    for p in Preset::ALL {
        assert_eq!(Scenario::preset(p).validate(), Ok(()), "{}", p.id());
    }
}

#[test]
fn a_preset_changes_only_the_inputs_it_lists() {
    for p in Preset::ALL {
        let s = Scenario::preset(p);
        let default = Scenario::default();
        for spec in ai_capex_explainer::model::input_specs() {
            let listed = p.overrides().iter().find(|(f, _)| *f == spec.field);
            match listed {
                Some((_, v)) => assert_eq!(
                    s.get(spec.field),
                    Some(ai_capex_explainer::model::InputValue::Number(*v))
                ),
                None => assert_eq!(
                    s.get(spec.field),
                    default.get(spec.field),
                    "{} {}",
                    p.id(),
                    spec.field
                ),
            }
        }
        for (field, _) in p.overrides() {
            assert!(input_spec(field).is_some(), "{field}");
        }
    }
}

#[test]
fn the_agi_presets_match_the_articles_three_and_ten_years() {
    assert_eq!(Scenario::preset(Preset::Agi3y).agi_year, 2028.0);
    assert_eq!(Scenario::preset(Preset::Agi10y).agi_year, 2035.0);
    let no_agi = Scenario::preset(Preset::NoAgi);
    assert!(no_agi.agi_year > no_agi.horizon_end);
}

#[test]
fn the_price_war_cuts_prices_about_ninety_percent_in_three_years() {
    let s = Scenario::preset(Preset::PriceWar);
    let left = (1.0 - s.price_decline_pct / 100.0).powi(3);
    assert!((0.08..=0.10).contains(&left), "{left}");
}
