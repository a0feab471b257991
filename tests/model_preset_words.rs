//! Each preset says in its own words what it assumes: every language's description names each
//! value the preset sets (the year, the percentage), and the price war's names the default AGI
//! year it keeps, so a preset's name and words stay true when the engine's defaults move.

use ai_capex_explainer::model::{Preset, Scenario, NO_AGI_YEAR};
use serde_json::Value;

const LANGS: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

fn description(lang: &str, preset: Preset) -> String {
    let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let words: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    words["calculator"]["presets"][preset.id()]["description"]
        .as_str()
        .unwrap_or_else(|| panic!("{lang}: no description for {}", preset.id()))
        .to_string()
}

/// How a value the preset sets is written in its description: a year as the year ("no AGI"
/// as the model's last year, 2060), a share as "20%".
fn written(field: &str, value: f64) -> String {
    match field {
        "agi_year" if value == NO_AGI_YEAR => "2060".to_string(),
        "agi_year" | "agi_median_year" => format!("{value}"),
        "price_cut" => format!("{value}%"),
        other => panic!("a preset sets {other}: say how its description writes it"),
    }
}

#[test]
fn every_preset_description_names_each_value_it_sets_in_every_language() {
    for preset in Preset::ALL {
        for lang in LANGS {
            let text = description(lang, preset);
            for &(field, value) in preset.overrides() {
                let want = written(field, value);
                assert!(
                    text.contains(&want),
                    "{lang} {}: “{text}” does not say {field} = {want}",
                    preset.id()
                );
            }
        }
    }
}

#[test]
fn a_preset_that_keeps_the_agi_year_names_the_default_one() {
    let default_year = format!("{}", Scenario::default().agi_year);
    for preset in Preset::ALL
        .into_iter()
        .filter(|p| p.overrides().iter().all(|(field, _)| *field != "agi_year"))
    {
        for lang in LANGS {
            let text = description(lang, preset);
            assert!(
                text.contains(&default_year),
                "{lang} {}: “{text}” does not name AGI in {default_year}",
                preset.id()
            );
        }
    }
}
