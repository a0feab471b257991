//! Chinese word order around approximate figures: "约为887亿美元", never "为约887亿美元".
//! A takeaway's `{fact:id}` placeholder becomes the figure with its qualifier ("约887亿美元"),
//! so a template that writes "为{fact:id}" before an "about" figure reads "为约" on the page:
//! the check fills every placeholder with its qualifier word first. Applies to zh-Hans and to
//! zh-Hant (為約). Verbatim quotes are not checked.

mod reader_text_support;

use std::collections::BTreeMap;

use reader_text_support::{assert_none_found, read, reader_texts};
use serde_json::Value;

/// Each figure's qualifier ("about", "over", …) by id, from the dataset's facts and records.
fn qualifiers() -> BTreeMap<String, String> {
    let dataset = read("www/data/capex-dataset.json");
    ["facts", "reference"]
        .iter()
        .filter_map(|list| dataset[list].as_array())
        .flatten()
        .filter_map(|f| {
            Some((
                f["id"].as_str()?.to_string(),
                f["qualifier"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// `text` with each `{fact:id}` / `{fact_cur:id}` replaced by "1" worded with the figure's
/// qualifier in `lang` ("约1"), as the page shows it.
fn with_figures(text: &str, lang_file: &Value, qualifiers: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find("{fact") {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let placeholder = &rest[open + 1..open + close];
        let id = placeholder.split_once(':').map_or("", |(_, id)| id);
        let worded = qualifiers
            .get(id)
            .and_then(|q| lang_file["format"]["qualifier"][q].as_str())
            .unwrap_or("{x}");
        out.push_str(&worded.replace("{x}", "1"));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// "为约" / "為約" in `text`, except in "约合" (about the same as), which is one word.
fn copula_before_about(text: &str) -> Vec<String> {
    let found = ["为约", "為約"].iter().any(|wrong| {
        text.match_indices(wrong)
            .any(|(i, _)| !text[i + wrong.len()..].starts_with(['合']))
    });
    if found {
        vec![format!("\"为约\" (write 约为) in \"{text}\"")]
    } else {
        Vec::new()
    }
}

#[test]
fn chinese_reader_text_writes_about_before_the_copula() {
    let qualifiers = qualifiers();
    assert!(
        qualifiers.len() > 200,
        "read {} qualifiers",
        qualifiers.len()
    );
    for lang in ["zh-Hans", "zh-Hant"] {
        let lang_file = read(&format!("www/i18n/{lang}.json"));
        let texts: Vec<(String, String)> = reader_texts(lang)
            .into_iter()
            .map(|(path, text)| (path, with_figures(&text, &lang_file, &qualifiers)))
            .collect();
        assert_none_found(
            &texts,
            &format!("\"为约\" in {lang} text"),
            copula_before_about,
        );
    }
}

#[test]
fn the_check_sees_the_qualifier_a_placeholder_brings() {
    let lang_file = read("www/i18n/zh-Hans.json");
    let qualifiers = BTreeMap::from([("x".to_string(), "about".to_string())]);
    let page = with_figures("财年为{fact:x}。", &lang_file, &qualifiers);
    assert_eq!(page, "财年为约1。");
    assert_eq!(copula_before_about(&page).len(), 1);
    assert_eq!(copula_before_about("資本開支為約1").len(), 1);
    assert!(copula_before_about("财年约为887亿美元，为约合数").is_empty());
}
