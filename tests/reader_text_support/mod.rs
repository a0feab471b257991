//! Shared by the language tests: every reader text of one language, with where it lives, so
//! each rule is one list and one loop over the same texts.
// Each test file uses a different part of this module.
#![allow(dead_code)]

use serde_json::Value;

pub fn read(path: &str) -> Value {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// Every string under `value` with its path; `all` takes every string (a language file),
/// else only the values of `lang` keys (the dataset). "quote" fields are skipped: quotes
/// stay as the articles published them.
pub fn texts(value: &Value, path: String, lang: &str, all: bool, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) if all => out.push((path, s.clone())),
        Value::Object(map) => {
            for (key, v) in map {
                if key == "quote" {
                    continue;
                }
                match v {
                    Value::String(s) if key == lang => {
                        out.push((format!("{path}.{key}"), s.clone()))
                    }
                    _ => texts(v, format!("{path}.{key}"), lang, all, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                texts(v, format!("{path}[{i}]"), lang, all, out);
            }
        }
        _ => {}
    }
}

/// The reader text of `lang`: its language file and every `lang` text of the dataset.
pub fn reader_texts(lang: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let file = format!("www/i18n/{lang}.json");
    texts(&read(&file), format!("{lang}.json"), lang, true, &mut out);
    texts(
        &read("www/data/capex-dataset.json"),
        "dataset".into(),
        lang,
        false,
        &mut out,
    );
    assert!(out.len() > 1000, "read {} {lang} texts", out.len());
    out
}

/// Runs `check` over every text and fails with one line per finding.
pub fn assert_none_found(
    texts: &[(String, String)],
    what: &str,
    check: impl Fn(&str) -> Vec<String>,
) {
    let found: Vec<String> = texts
        .iter()
        .flat_map(|(path, text)| {
            check(text)
                .into_iter()
                .map(move |hit| format!("{path}: {hit}"))
        })
        .collect();
    assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
}
