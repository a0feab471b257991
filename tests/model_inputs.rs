//! The input table and the calculator's reader-facing text (`calculator` in www/i18n/*.json):
//! every input, option, preset, sentence and formula is worded in every language, and every
//! default names a dataset fact or carries a reason.

use ai_capex_explainer::model::{input_specs, InputKind, Origin, Preset, SummaryKind};
use serde_json::Value;

const LANGUAGES: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

/// The dataset fact ids the model may cite (they exist in www/data/capex-dataset.json).
const KNOWN_FACTS: [&str; 19] = [
    "s000-big4-capex-2025",
    "s004-big4-capex-2025-plan",
    "s001-us-ai-capex-2025",
    "s004-big4-capex-2024",
    "s004-big4-capex-2023",
    "s004-big4-capex-growth-2024",
    "s001-cn7-ai-capex-2025",
    "s001-msft-capex-intensity",
    "s001-cn-cloud-capex-intensity",
    "s001-open-source-cost-cut",
    "s002-deepseek-api-price-ratio",
    "s000-bytedance-ai-capex-2025",
    "s001-openai-revenue-2025",
    "s001-openai-burn-2025",
    "s000-openai-revenue-2025h1",
    "s002-alibaba-cloud-growth-2025q1",
    "s002-baidu-cloud-growth-2025q1",
    "s004-aws-growth-2024q4",
    "s004-azure-growth-2024q4",
];

fn calculator(language: &str) -> Value {
    let path = format!("{}/www/i18n/{language}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    json["calculator"].clone()
}

fn text<'a>(v: &'a Value, path: &[&str], language: &str) -> &'a str {
    let mut at = v;
    for key in path {
        at = &at[*key];
    }
    match at.as_str() {
        Some(s) if !s.trim().is_empty() => s,
        _ => panic!(
            "{language}: calculator.{} is missing or empty",
            path.join(".")
        ),
    }
}

fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split('}').next())
        .collect()
}

fn all_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| all_strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| all_strings(i, out)),
        _ => {}
    }
}

#[test]
fn every_default_names_a_known_dataset_fact_or_is_an_assumption() {
    for spec in input_specs() {
        if let Origin::Fact(id) = spec.origin {
            assert!(
                KNOWN_FACTS.contains(&id),
                "{}: unknown fact {id}",
                spec.field
            );
        }
        if let InputKind::Choice { options } = spec.kind {
            for id in options {
                assert!(
                    KNOWN_FACTS.contains(id),
                    "{}: unknown fact option {id}",
                    spec.field
                );
            }
        }
    }
}

#[test]
fn every_input_has_a_label_help_and_unit_word_in_every_language() {
    for language in LANGUAGES {
        let c = calculator(language);
        for spec in input_specs() {
            text(&c, &["inputs", spec.field, "label"], language);
            text(&c, &["inputs", spec.field, "help"], language);
            let unit = serde_json::to_value(spec.unit).unwrap();
            let unit = unit.as_str().unwrap();
            assert!(c["units"][unit].is_string(), "{language}: unit {unit}");
            let group = serde_json::to_value(spec.group).unwrap();
            text(&c, &["groups", group.as_str().unwrap()], language);
        }
    }
}

#[test]
fn every_assumption_gives_its_reason_in_every_language_and_facts_do_not() {
    for language in LANGUAGES {
        let c = calculator(language);
        for spec in input_specs() {
            match spec.origin {
                Origin::Assumption => {
                    text(&c, &["inputs", spec.field, "assumption"], language);
                }
                Origin::Fact(_) => assert!(
                    c["inputs"][spec.field]["assumption"].is_null(),
                    "{language}: {} is sourced, not an assumption",
                    spec.field
                ),
            }
        }
    }
}

#[test]
fn every_choice_option_has_a_label_in_every_language() {
    for language in LANGUAGES {
        let c = calculator(language);
        for spec in input_specs() {
            if let InputKind::Choice { options } = spec.kind {
                for id in options {
                    text(&c, &["options", spec.field, id], language);
                }
            }
        }
    }
}

#[test]
fn every_preset_has_a_name_and_description_in_every_language() {
    for language in LANGUAGES {
        let c = calculator(language);
        for preset in Preset::ALL {
            text(&c, &["presets", preset.id(), "name"], language);
            text(&c, &["presets", preset.id(), "description"], language);
        }
    }
}

#[test]
fn every_summary_kind_has_a_sentence_in_every_language_with_the_same_placeholders() {
    let en = calculator("en");
    for language in LANGUAGES {
        let c = calculator(language);
        for kind in SummaryKind::ALL {
            let sentence = text(&c, &["summary", kind.id()], language);
            let mut mine = placeholders(sentence);
            let mut english = placeholders(text(&en, &["summary", kind.id()], "en"));
            mine.sort();
            english.sort();
            assert_eq!(mine, english, "{language}: summary.{}", kind.id());
        }
        text(&c, &["how", "title"], language);
        assert!(c["how"]["paragraphs"]
            .as_array()
            .is_some_and(|p| p.len() >= 5));
    }
}

#[test]
fn every_translation_uses_the_same_placeholders_as_english() {
    fn strings(v: &Value, key: String, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) => out.push((key, s.clone())),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, x)| strings(x, format!("{key}[{i}]"), out)),
            Value::Object(map) => map
                .iter()
                .for_each(|(k, x)| strings(x, format!("{key}.{k}"), out)),
            _ => {}
        }
    }
    let mut english = Vec::new();
    strings(&calculator("en"), String::new(), &mut english);
    for language in &LANGUAGES[1..] {
        let mut other = Vec::new();
        strings(&calculator(language), String::new(), &mut other);
        for ((key, en), (_, translated)) in english.iter().zip(&other) {
            let (mut a, mut b) = (placeholders(en), placeholders(translated));
            a.sort();
            b.sort();
            assert_eq!(
                a, b,
                "{language}: calculator{key} has other placeholders than English"
            );
            assert_eq!(
                translated.matches('{').count(),
                translated.matches('}').count(),
                "{language}: {translated:?}"
            );
        }
    }
}

#[test]
fn every_language_has_the_same_keys() {
    fn keys(v: &Value, prefix: String, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    keys(v, format!("{prefix}.{k}"), out);
                }
            }
            Value::Array(items) => out.push(format!("{prefix}[{}]", items.len())),
            _ => out.push(prefix),
        }
    }
    let mut en = Vec::new();
    keys(&calculator("en"), String::new(), &mut en);
    en.sort();
    for language in &LANGUAGES[1..] {
        let mut other = Vec::new();
        keys(&calculator(language), String::new(), &mut other);
        other.sort();
        assert_eq!(en, other, "{language} has other keys than en");
    }
}

#[test]
fn the_chinese_text_uses_chinese_punctuation() {
    let mut strings = Vec::new();
    all_strings(&calculator("zh-Hans"), &mut strings);
    all_strings(&calculator("zh-Hant"), &mut strings);
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for s in &strings {
        let chars: Vec<char> = s.chars().collect();
        for w in chars.windows(2) {
            let ascii_punct = |c: char| ",;:()!?".contains(c);
            assert!(
                !((cjk(w[0]) && ascii_punct(w[1])) || (ascii_punct(w[0]) && cjk(w[1]))),
                "ASCII punctuation next to Chinese in {s:?}"
            );
        }
    }
}

/// The dataset file the page ships; the model never reads it, this test only checks that the
/// defaults the model labels with a fact id still equal that fact's value.
fn dataset_fact(id: &str) -> Value {
    let path = format!("{}/www/data/capex-dataset.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let facts = json["facts"]
        .as_array()
        .unwrap_or_else(|| panic!("{path}: no facts"));
    match facts.iter().find(|f| f["id"] == id) {
        Some(fact) => fact.clone(),
        None => panic!("{path}: no fact {id}"),
    }
}

#[test]
fn every_sourced_default_equals_its_fact_in_the_dataset() {
    use ai_capex_explainer::model::{InputUnit, InputValue, SprintBase};
    for spec in input_specs() {
        let (Origin::Fact(id), InputValue::Number(default)) = (spec.origin, spec.default) else {
            continue;
        };
        let fact = dataset_fact(id);
        // The exchange rate is the rate implied by the fact's own US$/¥ pair.
        let key = if spec.unit == InputUnit::CnyPerUsd {
            "cny_per_usd"
        } else {
            "value"
        };
        let value = fact[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{id}: no {key}"));
        assert_eq!(
            value, default,
            "{}: default {default} but {id} says {value}",
            spec.field
        );
    }
    for base in SprintBase::ALL {
        let fact = dataset_fact(base.id());
        assert_eq!(
            fact["value"].as_f64(),
            Some(base.capex_usd_bn()),
            "{}",
            base.id()
        );
        assert_eq!(fact["unit"], "usd_bn", "{}", base.id());
    }
}
