//! Traditional Chinese reads as Taiwan and Hong Kong readers write it, not as Simplified
//! Chinese in traditional characters: reader text (the zh-Hant language file and every zh-Hant
//! text of the dataset) holds no mainland-only term. Verbatim quotes stay as published and are
//! not checked.

use serde_json::Value;

/// Mainland-only terms and what zh-Hant writes instead. Brand names keep their own words
/// (百度智能雲 is Baidu's name for its cloud), so only terms that are never part of one are
/// listed.
const MAINLAND_ONLY: [(&str, &str); 14] = [
    ("芯片", "晶片"),
    ("網絡", "網路"),
    ("視頻", "影片"),
    ("服務器", "伺服器"),
    ("默認", "預設"),
    ("數據中心", "資料中心"),
    ("博客", "部落格"),
    ("雲計算", "雲端運算"),
    ("信息", "資訊"),
    ("設置", "設定"),
    ("人工智能", "人工智慧"),
    ("軟件", "軟體"),
    ("數據集", "資料集"),
    ("數據檔案", "資料檔案"),
];

fn read(path: &str) -> Value {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// Every string under `value` with its path; `all` takes every string, else only the values
/// of "zh-Hant" keys. "quote" fields are skipped.
fn texts(value: &Value, path: String, all: bool, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) if all => out.push((path, s.clone())),
        Value::Object(map) => {
            for (key, v) in map {
                if key == "quote" {
                    continue;
                }
                if key == "zh-Hant" {
                    if let Value::String(s) = v {
                        out.push((format!("{path}.{key}"), s.clone()));
                    }
                } else {
                    texts(v, format!("{path}.{key}"), all, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                texts(v, format!("{path}[{i}]"), all, out);
            }
        }
        _ => {}
    }
}

#[test]
fn traditional_chinese_reader_text_uses_no_mainland_only_terms() {
    let mut all = Vec::new();
    texts(
        &read("www/i18n/zh-Hant.json"),
        "zh-Hant.json".into(),
        true,
        &mut all,
    );
    texts(
        &read("www/data/capex-dataset.json"),
        "dataset".into(),
        false,
        &mut all,
    );
    assert!(all.len() > 500, "read {} texts", all.len());
    let found: Vec<String> = all
        .iter()
        .flat_map(|(path, text)| {
            MAINLAND_ONLY
                .iter()
                .filter(|(term, _)| text.contains(term))
                .map(move |(term, instead)| format!("{path}: {term} (write {instead})"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "mainland-only terms in zh-Hant text:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_catches_a_mainland_term() {
    let mut out = Vec::new();
    let sample: Value = serde_json::json!({"a": {"zh-Hant": "美國芯片出口", "quote": "芯片"}});
    texts(&sample, String::new(), false, &mut out);
    assert_eq!(out.len(), 1, "quotes are skipped");
    assert!(MAINLAND_ONLY
        .iter()
        .any(|(term, _)| out[0].1.contains(term)));
}
