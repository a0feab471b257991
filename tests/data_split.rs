//! A figures part (`split: {part: "figures"}`, cut by `www/js/core/dataset-parts.js`) may leave
//! out the words of the records no chart draws — and only those: every rule on the figures
//! still holds, the chart rules included, and a whole file without its words is still refused.

mod data_fixture;

use ai_capex_explainer::data::{Dataset, SplitPart, DEFAULT_DATASET_JSON};
use data_fixture::{fact0, messages, valid, with};
use serde_json::{json, Value};

/// The words the build moves out of the figures part, per list (as www/js/core/dataset-parts.js).
const WORDS: [(&str, &[&str]); 4] = [
    ("facts", &["quote", "note", "definition", "sum_note"]),
    ("reference", &["quote", "note", "definition", "sum_note"]),
    (
        "sources",
        &["title", "grade_reason", "date_note", "url", "seed_file"],
    ),
    ("conflicts", &["title", "explanation"]),
];

/// `whole` without the words of the records no chart draws (marked as a figures part when
/// `marked`).
fn without_words(whole: &Value, marked: bool) -> Value {
    let mut v = whole.clone();
    let drawn: Vec<Value> = v["charts"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|chart| chart["facts"].as_array().cloned().unwrap_or_default())
        .collect();
    for (list, fields) in WORDS {
        for record in v[list].as_array_mut().into_iter().flatten() {
            if drawn.contains(&record["id"]) {
                continue;
            }
            let record = record.as_object_mut().expect("records are objects");
            for field in fields {
                record.remove(*field);
            }
        }
    }
    let top = v.as_object_mut().expect("the file is an object");
    top.remove("changelog");
    if marked {
        top.insert(
            "split".to_string(),
            json!({"part": "figures", "of": "sha256:0123456789abcdef"}),
        );
    }
    v
}

#[test]
fn the_shipped_file_without_its_words_reads_as_a_figures_part() {
    let whole: Value =
        serde_json::from_str(DEFAULT_DATASET_JSON).expect("the shipped file is JSON");
    let part = Dataset::from_json(&without_words(&whole, true).to_string())
        .unwrap_or_else(|e| panic!("the figures part is refused:\n{e}"));
    let full = Dataset::embedded().expect("the shipped file is valid");
    assert_eq!(
        part.split.as_ref().map(|s| s.part),
        Some(SplitPart::Figures)
    );
    assert!(!part.is_whole() && full.is_whole());
    // Every figure is there, the same.
    assert_eq!(part.facts.len(), full.facts.len());
    for (a, b) in part
        .facts
        .iter()
        .chain(&part.reference)
        .zip(full.facts.iter().chain(&full.reference))
    {
        assert_eq!(
            (&a.id, a.value, a.value_high, &a.unit),
            (&b.id, b.value, b.value_high, &b.unit)
        );
    }
    assert_eq!(part.charts, full.charts);
}

#[test]
fn a_whole_file_without_its_words_is_refused_for_each_of_them() {
    let all = messages(&without_words(&valid(), false));
    for wanted in [
        "facts[0] (id s000-acme-capex-2025).quote: quote is missing",
        "reference[0] (id ref-acme-capex-2025).definition: definition is missing",
        "sources[1] (id pr-acme).url: url is missing",
        "sources[0] (id s000).seed_file",
        "sources[0] (id s000): required field \"title\" is missing",
        "sources[0] (id s000): required field \"grade_reason\" is missing",
        "conflicts[0] (id C1): required field \"explanation\" is missing",
    ] {
        assert!(
            all.iter().any(|m| m.starts_with(wanted)),
            "no {wanted:?} in {all:#?}"
        );
    }
}

#[test]
fn a_figures_part_still_answers_to_every_rule_on_the_figures() {
    let part = without_words(&valid(), true);
    assert_eq!(messages(&part), Vec::<String>::new());
    let broken = with(|v| {
        *v = without_words(v, true);
        fact0(v)["value_high"] = json!(1.0);
    });
    let all = messages(&broken);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with("facts[0] (id s000-acme-capex-2025)"),
        "{all:#?}"
    );
}

#[test]
fn words_a_figures_part_keeps_are_still_checked() {
    let v = with(|v| {
        *v = without_words(v, true);
        v["sources"][0]["title"] = json!({"en": "=HYPERLINK(\"x\")", "zh-Hans": "标题"});
    });
    let all = messages(&v);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with("sources[0] (id s000).title.en"),
        "{all:#?}"
    );
}

#[test]
fn only_the_figures_part_is_read() {
    let v = with(|v| {
        *v = without_words(v, false);
        v["split"] = json!({"part": "details", "of": "sha256:0123456789abcdef"});
    });
    let all = messages(&v);
    assert!(all.iter().any(|m| m.starts_with("split")), "{all:#?}");
    // Not taken for a part, so its words are missing.
    assert!(
        all.iter().any(|m| m.contains("quote is missing")),
        "{all:#?}"
    );
}

#[test]
fn a_figures_part_answers_to_the_chart_rules_on_what_the_charts_draw() {
    // The reviewer's case: a drawn article figure on another measure than its chart's, its
    // correction note taken out. The whole file is refused for it; so is a figures part.
    let whole: Value =
        serde_json::from_str(DEFAULT_DATASET_JSON).expect("the shipped file is JSON");
    let mut part = without_words(&whole, true);
    let fact = part["facts"]
        .as_array_mut()
        .and_then(|facts| {
            facts
                .iter_mut()
                .find(|f| f["id"] == "s004-amazon-capex-2024")
        })
        .expect("the shipped file draws Amazon's 2024 capex as the article gave it");
    fact.as_object_mut().map(|f| f.remove("note"));
    let errors = Dataset::from_json(&part.to_string())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        errors.contains("s004-amazon-capex-2024") && errors.contains("give it a note"),
        "{errors}"
    );
}

/// Every localized text of `v` (an object whose keys are languages) cut to `lang`'s, as
/// tools/dataset-parts.mjs cuts a language part (Traditional Chinese resolved to its fallback).
fn in_language(v: &Value, lang: &str) -> Value {
    match v {
        Value::Object(map)
            if map.contains_key("en")
                && map
                    .keys()
                    .all(|k| ["en", "zh-Hans", "zh-Hant"].contains(&k.as_str())) =>
        {
            let text = map
                .get(lang)
                .or_else(|| map.get("zh-Hans"))
                .cloned()
                .unwrap_or(Value::Null);
            json!({ lang: text })
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), in_language(v, lang)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|x| in_language(x, lang)).collect()),
        other => other.clone(),
    }
}

#[test]
fn a_language_part_carries_one_language_and_reads_as_the_whole_file_does_in_it() {
    use ai_capex_explainer::data::Lang;
    let whole: Value =
        serde_json::from_str(DEFAULT_DATASET_JSON).expect("the shipped file is JSON");
    let full = Dataset::embedded().expect("the shipped file is valid");
    for lang in Lang::ALL {
        let mut part = in_language(&without_words(&whole, true), lang.code());
        part["split"]["lang"] = json!(lang.code());
        let read = Dataset::from_json(&part.to_string())
            .unwrap_or_else(|e| panic!("the {} part is refused:\n{e}", lang.code()));
        assert_eq!(read.split.as_ref().and_then(|s| s.lang), Some(lang));
        for (a, b) in read.entities.iter().zip(&full.entities) {
            assert_eq!(
                a.name.get(lang),
                b.name.get(lang),
                "{}: {}",
                lang.code(),
                b.id
            );
        }
        // A text without the part's language is refused, named with the language it lacks.
        let mut broken = part.clone();
        let other = if lang == Lang::En { "zh-Hans" } else { "en" };
        broken["entities"][0]["name"] = json!({ other: "Acme" });
        let errors = Dataset::from_json(&broken.to_string())
            .expect_err("a text without the part's language");
        assert!(
            errors
                .to_string()
                .contains(&format!("name.{}", lang.code())),
            "{}: {errors}",
            lang.code()
        );
    }
    // Without `lang`, a one-language text is refused as in the whole file.
    let mut unmarked = in_language(&without_words(&whole, true), "en");
    unmarked["split"].as_object_mut().unwrap().remove("lang");
    assert!(Dataset::from_json(&unmarked.to_string()).is_err());
    // A language the explainer does not speak is refused.
    let mut odd = without_words(&whole, true);
    odd["split"]["lang"] = json!("fr");
    assert!(Dataset::from_json(&odd.to_string()).is_err());
}
