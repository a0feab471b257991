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
