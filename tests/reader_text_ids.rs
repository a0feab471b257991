//! Readers never see internal ids: no reader text (the three language files, and every
//! language-keyed text of the dataset) names a seed by its number ("seed 001", "001篇",
//! "第001篇"), cites a fact-check item ("(C9)", "(D21)", "(C3, D14)") or shows a fact id
//! ("s000-big4-capex-2025", "ref-meta-capex-2025"). Sources are named by outlet and date instead.
//! Verbatim quotes stay as published and are not checked; placeholders such as
//! `{fact:s000-big4-capex-2025}` are replaced by figures before readers see them, so they are
//! skipped too.

use std::collections::BTreeSet;

use serde_json::Value;

const LANGS: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

/// Keys whose values are ids or links (a string or a list of strings), never reader text.
/// `quote` fields are always skipped: quotes stay as published.
const ID_OR_LINK: [&str; 8] = [
    "id",
    "source",
    "fact",
    "facts",
    "url",
    "seed_file",
    "entity",
    "metric",
];

fn read(path: &str) -> Value {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// True for a string, or a list of strings: the shape of an id or a list of ids.
fn is_id_like(value: &Value) -> bool {
    match value {
        Value::String(_) | Value::Null => true,
        Value::Array(items) => items.iter().all(Value::is_string),
        _ => false,
    }
}

/// Every string under `value` with its path; `all` takes every string (a language file),
/// else only the values of language keys (the dataset). Id, link and quote fields are skipped
/// (the dataset's list of `facts` is read; a conflict's `facts`, a list of ids, is not).
fn texts(value: &Value, path: String, all: bool, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) if all => out.push((path, s.clone())),
        Value::Object(map) => {
            for (key, v) in map {
                if key == "quote" || (ID_OR_LINK.contains(&key.as_str()) && is_id_like(v)) {
                    continue;
                }
                match v {
                    Value::String(s) if LANGS.contains(&key.as_str()) => {
                        out.push((format!("{path}.{key}"), s.clone()));
                    }
                    _ => texts(v, format!("{path}.{key}"), all, out),
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

/// The text without `{…}` placeholders (no spaces inside), which the page fills in.
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        match after.find('}') {
            Some(close) if !after[..close].contains(char::is_whitespace) => {
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// "seed 001", "Seeds 000 and 003", "seed002".
fn seed_number_in_english(chars: &[char]) -> Option<String> {
    let lower: Vec<char> = chars.iter().map(|c| c.to_ascii_lowercase()).collect();
    for start in 0..lower.len() {
        if !lower[start..].starts_with(&['s', 'e', 'e', 'd']) {
            continue;
        }
        let mut i = start + 4;
        if lower.get(i) == Some(&'s') {
            i += 1;
        }
        while lower.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if lower.get(i).is_some_and(char::is_ascii_digit) {
            return Some(chars[start..=i].iter().collect());
        }
    }
    None
}

/// "000篇", "第001篇", "第001", "种子文章002", "種子002".
fn seed_number_in_chinese(chars: &[char]) -> Option<String> {
    for i in 0..chars.len() {
        let three_digits = chars.len() >= i + 3 && chars[i..i + 3].iter().all(char::is_ascii_digit);
        let standalone = three_digits
            && !(i > 0 && chars[i - 1].is_ascii_digit())
            && !chars.get(i + 3).is_some_and(char::is_ascii_digit);
        if !standalone {
            continue;
        }
        let number: String = chars[i..i + 3].iter().collect();
        let before: String = chars[i.saturating_sub(4)..i].iter().collect();
        let seed_like = number.starts_with("00");
        if seed_like
            && (chars.get(i + 3) == Some(&'篇')
                || before.ends_with('第')
                || before.ends_with("种子")
                || before.ends_with("種子")
                || before.ends_with("种子文章")
                || before.ends_with("種子文章"))
        {
            return Some(format!("{before}{number}"));
        }
    }
    None
}

/// "C9", "D21" as a token of their own, as in "(C9)", "(C3, D14)", "见C9".
fn fact_check_id(chars: &[char]) -> Option<String> {
    for i in 0..chars.len() {
        if !matches!(chars[i], 'C' | 'D') || (i > 0 && is_word_char(Some(chars[i - 1]))) {
            continue;
        }
        let digits = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if (1..=2).contains(&digits) && !is_word_char(chars.get(i + 1 + digits).copied()) {
            return Some(chars[i..=i + digits].iter().collect());
        }
    }
    None
}

/// A dataset id ("s000-big4-capex-2025", "ref-meta-capex-2025", "s004", "pr-meta-release-2024")
/// as a token of its own, or any token that starts like a fact or reference id.
fn dataset_id(chars: &[char], ids: &BTreeSet<String>) -> Option<String> {
    let token_start =
        |i: usize| i == 0 || !(is_word_char(Some(chars[i - 1])) || chars[i - 1] == '-');
    for i in (0..chars.len()).filter(|&i| token_start(i)) {
        let rest: String = chars[i..].iter().take(80).collect();
        let id_prefix = ["ref-", "pr-"].iter().any(|p| rest.starts_with(p))
            || (rest.len() >= 5
                && rest.starts_with("s00")
                && rest[3..].starts_with(|c: char| c.is_ascii_digit())
                && rest[4..].starts_with('-'));
        if id_prefix {
            return Some(rest.chars().take_while(|c| !c.is_whitespace()).collect());
        }
        for id in ids {
            if rest.starts_with(id.as_str()) {
                let next = rest[id.len()..].chars().next();
                if !(is_word_char(next) || next == Some('-')) {
                    return Some(id.clone());
                }
            }
        }
    }
    None
}

/// Every internal id in `text`, described for the failure message.
fn internal_ids(text: &str, ids: &BTreeSet<String>) -> Vec<String> {
    let text = without_placeholders(text);
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    if let Some(hit) = seed_number_in_english(&chars) {
        found.push(format!("seed number \"{hit}\""));
    }
    if let Some(hit) = seed_number_in_chinese(&chars) {
        found.push(format!("seed number \"{hit}\""));
    }
    if let Some(hit) = fact_check_id(&chars) {
        found.push(format!("fact-check id \"{hit}\""));
    }
    if let Some(hit) = dataset_id(&chars, ids) {
        found.push(format!("dataset id \"{hit}\""));
    }
    found
}

/// The ids of the dataset's facts, reference figures and sources.
fn dataset_ids(dataset: &Value) -> BTreeSet<String> {
    ["facts", "reference", "sources"]
        .iter()
        .filter_map(|list| dataset[list].as_array())
        .flatten()
        .filter_map(|item| item["id"].as_str())
        .map(str::to_string)
        .collect()
}

#[test]
fn no_reader_text_shows_a_seed_number_a_fact_check_id_or_a_fact_id() {
    let dataset = read("www/data/capex-dataset.json");
    let ids = dataset_ids(&dataset);
    assert!(ids.len() > 100, "read {} ids", ids.len());
    let mut all = Vec::new();
    texts(&dataset, "dataset".into(), false, &mut all);
    let dataset_texts = all.len();
    for lang in LANGS {
        texts(
            &read(&format!("www/i18n/{lang}.json")),
            format!("{lang}.json"),
            true,
            &mut all,
        );
    }
    assert!(dataset_texts > 1000, "read {dataset_texts} dataset texts");
    assert!(all.len() > dataset_texts + 500, "read {} texts", all.len());
    let found: Vec<String> = all
        .iter()
        .flat_map(|(path, text)| {
            internal_ids(text, &ids)
                .into_iter()
                .map(move |what| format!("{path}: {what} in \"{text}\""))
        })
        .collect();
    assert!(
        found.is_empty(),
        "internal ids in reader text (name the source by outlet and date; drop fact-check ids):\n{}",
        found.join("\n")
    );
}

fn sample_ids() -> BTreeSet<String> {
    [
        "s000-big4-capex-2025",
        "ref-meta-capex-2025",
        "s004",
        "pr-meta-release-2024",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn catches(text: &str) -> bool {
    !internal_ids(text, &sample_ids()).is_empty()
}

#[test]
fn the_check_catches_seed_numbers_in_english() {
    for text in [
        "As seed 001 says, latecomers get nothing.",
        "Seed 000's figure is a GAAP loss.",
        "Seeds 000 and 003 agree on $4.3 B.",
        "(seed 004; seed 003 repeats it)",
    ] {
        assert!(catches(text), "missed: {text}");
    }
}

#[test]
fn the_check_catches_seed_numbers_in_chinese() {
    for text in [
        "000篇自相矛盾",
        "文章说后到的“连汤都没得喝”（第001篇文章）",
        "口径比002篇的“智能云”分部窄",
        "同比增长18%;种子文章002对这一季度的数字正确",
        "種子文章002對這一季度的數字正確",
    ] {
        assert!(catches(text), "missed: {text}");
    }
}

#[test]
fn the_check_catches_fact_check_ids() {
    for text in [
        "Broader than Azure alone (C13).",
        "No source (D21).",
        "Wrong as a full year (C3, D14).",
        "云智能集团;数字正确(C13、D26)。",
        "口径比Azure更宽（C13）。",
        "另见C9的说明。",
    ] {
        assert!(catches(text), "missed: {text}");
    }
}

#[test]
fn the_check_catches_dataset_ids() {
    for text in [
        "See s000-big4-capex-2025 for the figure.",
        "Compare ref-meta-capex-2025.",
        "Reported in s004.",
        "Source: pr-meta-release-2024",
        "An unknown id s002-made-up-2025 still starts like one.",
        "见ref-alibaba-capex-2025。",
    ] {
        assert!(catches(text), "missed: {text}");
    }
}

#[test]
fn the_check_leaves_ordinary_text_and_placeholders_alone() {
    for text in [
        "The NetEase Hao article (Nov 2025) says {fact:s000-big4-capex-2025}, up from {fact_cur:ref-meta-capex-2025}.",
        "GPT-4 Turbo, H100 chips, the C919 jet and Q4-2024 results (Apr-2023 peak).",
        "No source found (fact-check grade C/D); 100,000 users paid $0.001 each.",
        "网易号文章(2025年11月)与今日头条文章:Huawei can make at most 200,000 chips; 2005年。",
        "Press releases, pre-market trading and a 10-K filing.",
    ] {
        assert!(
            !catches(text),
            "false alarm on: {text}: {:?}",
            internal_ids(text, &sample_ids())
        );
    }
}

#[test]
fn dataset_quotes_ids_and_links_are_not_read_as_reader_text() {
    let sample = serde_json::json!({
        "id": "s000-x",
        "source": "s000",
        "quote": "000篇",
        "url": "https://example.com/ref-x",
        "conflicts": [{"facts": ["s000-x"], "explanation": {"en": "Why."}}],
        "facts": [{"id": "s000-y", "quote": "第001篇", "note": {"en": "Fine.", "zh-Hans": "好。"}}],
        "unit": "usd_bn"
    });
    let mut out = Vec::new();
    texts(&sample, String::new(), false, &mut out);
    let read: Vec<&str> = out.iter().map(|(_, text)| text.as_str()).collect();
    assert_eq!(read, ["Why.", "Fine.", "好。"]);
}
