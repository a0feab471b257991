//! Readers never see our working notes. No reader text — the three language files, every
//! language-keyed text of the dataset, and the baked pages in `dist/` — shows
//!
//! - an internal id: a seed by its number ("seed 001", "001篇", "第001篇"), a fact-check item
//!   ("(C9)", "(D21)", "(C3, D14)") or a fact or source id ("s000-big4-capex-2025",
//!   "ref-meta-capex-2025"); sources are named by outlet and date instead;
//! - a file name ("000_25a597396ffb36f4.txt", "capex-dataset.json", "docs/MODEL.md");
//! - research wording: how we found or stored a page ("stored copy", "mirror", "pages read",
//!   "存档", "镜像", "所查阅", …). That belongs in `www/data/README.md`.
//!
//! Verbatim quotes stay as published and are not checked in the dataset; placeholders such as
//! `{fact:s000-big4-capex-2025}` are replaced by figures before readers see them, so they are
//! skipped too. The baked pages are read when `dist/` exists (`./dev build` makes it; `./dev
//! test` builds before it runs this).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

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

/// Text for editors that the page never shows: how a source's date was found.
const EDITORS_ONLY: [&str; 1] = ["date_note"];

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
                if key == "quote"
                    || EDITORS_ONLY.contains(&key.as_str())
                    || (ID_OR_LINK.contains(&key.as_str()) && is_id_like(v))
                {
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
    let in_token = |c: &&char| c.is_ascii_alphanumeric() || **c == '_' || **c == '-';
    for i in (0..chars.len()).filter(|&i| token_start(i) && chars[i].is_ascii_alphanumeric()) {
        let token: String = chars[i..].iter().take_while(in_token).collect();
        let id_prefix = ["ref-", "pr-"].iter().any(|p| token.starts_with(p))
            || (token.len() >= 5
                && token.starts_with("s00")
                && token[3..].starts_with(|c: char| c.is_ascii_digit())
                && token[4..].starts_with('-'));
        if id_prefix || ids.contains(&token) {
            return Some(token);
        }
    }
    None
}

/// Extensions of the files a working note might name.
const FILE_EXTENSIONS: [&str; 9] = [
    "txt", "json", "rs", "md", "mjs", "js", "csv", "toml", "html",
];

/// A file name as a token of its own: letters, digits, `_`, `-`, `/` or `.` ending in `.ext`
/// ("000_25a597396ffb36f4.txt", "docs/MODEL.md"), the extension not followed by a letter or digit.
fn file_name(chars: &[char]) -> Option<String> {
    let in_name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/' | '.');
    for dot in (1..chars.len()).filter(|&i| chars[i] == '.') {
        if !chars[dot - 1].is_ascii_alphanumeric() {
            continue;
        }
        let ext_len = chars[dot + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let ext: String = chars[dot + 1..dot + 1 + ext_len].iter().collect();
        if FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            let start = (0..dot)
                .rev()
                .take_while(|&i| in_name(chars[i]))
                .last()
                .unwrap_or(dot);
            return Some(chars[start..dot + 1 + ext_len].iter().collect());
        }
    }
    None
}

/// How we found, read or stored a page: words for editors, never for readers (matched in lower
/// case).
const RESEARCH_WORDING: [&str; 42] = [
    "stored cop",
    "month inferred",
    "year inferred",
    "(inferred",
    "year of access",
    "accession number",
    "filing viewer",
    "据内容推断",
    "據內容推斷",
    "访问年份",
    "訪問年份",
    "文件编号推断",
    "文件編號推斷",
    "文件查看器",
    "文件檢視器",
    "was not read",
    "were not read",
    "mirror",
    "pages read",
    "page read",
    "article file",
    "not recorded",
    "from the address",
    "searched",
    "read through",
    "feed copy",
    "reader copy",
    "copy of the page",
    "存档",
    "存檔",
    "镜像",
    "鏡像",
    "所查阅",
    "所查閱",
    "未查阅",
    "未查閱",
    "检索到",
    "檢索到",
    "取自网址",
    "取自網址",
    "副本",
    "渲染",
];

fn research_wording(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    RESEARCH_WORDING
        .iter()
        .find(|word| lower.contains(*word))
        .copied()
}

/// Everything in `text` a reader should not see, described for the failure message.
fn reader_text_problems(text: &str, ids: &BTreeSet<String>) -> Vec<String> {
    let mut found = internal_ids(text, ids);
    let chars: Vec<char> = without_placeholders(text).chars().collect();
    if let Some(hit) = file_name(&chars) {
        found.push(format!("file name \"{hit}\""));
    }
    if let Some(hit) = research_wording(text) {
        found.push(format!("research wording \"{hit}\""));
    }
    found
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
fn no_reader_text_shows_an_internal_id_a_file_name_or_research_wording() {
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
            reader_text_problems(text, &ids)
                .into_iter()
                .map(move |what| format!("{path}: {what} in \"{text}\""))
        })
        .collect();
    assert!(
        found.is_empty(),
        "working notes in reader text (name the source by outlet, title and date; drop fact-check \
         ids, file names and how a page was found — that goes in www/data/README.md):\n{}",
        found.join("\n")
    );
}

/// The text a reader sees on a baked page: text between tags, and the `title`, `alt` and
/// `aria-label` attributes; scripts and styles are left out. Entities are decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let close = rest[open..]
            .find('>')
            .map_or(rest.len(), |end| open + end + 1);
        let tag = &rest[open..close];
        for attribute in [" title=\"", " alt=\"", " aria-label=\""] {
            if let Some(at) = tag.find(attribute) {
                let value = &tag[at + attribute.len()..];
                out.push_str(&value[..value.find('"').unwrap_or(value.len())]);
                out.push(' ');
            }
        }
        rest = &rest[close..];
        let name = tag.trim_start_matches('<').to_ascii_lowercase();
        for hidden in ["script", "style"] {
            if name.starts_with(hidden) {
                let end = rest.find(&format!("</{hidden}")).unwrap_or(rest.len());
                rest = &rest[end..];
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&nbsp;` and numeric entities (`&#39;`, `&#x27;`).
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity = after
            .find(';')
            .filter(|&end| end <= 8)
            .map(|end| &after[..end]);
        let decoded = entity.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| name.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        });
        match (entity, decoded) {
            (Some(name), Some(c)) => {
                out.push(c);
                rest = &after[name.len() + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every page in `dir` and below, but the editors' embed builder.
fn baked_pages(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            baked_pages(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "html")
            && path
                .file_name()
                .is_some_and(|name| name != "embed-builder.html")
        {
            out.push(path);
        }
    }
}

#[test]
fn no_baked_page_shows_an_internal_id_a_file_name_or_research_wording() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    if !dist.is_dir() {
        eprintln!(
            "SKIPPED: {} is absent; ./dev build makes it",
            dist.display()
        );
        return;
    }
    let ids = dataset_ids(&read("www/data/capex-dataset.json"));
    let mut pages = Vec::new();
    baked_pages(&dist, &mut pages);
    for page in [
        "index.html",
        "en/index.html",
        "zh-Hant/index.html",
        "static.html",
    ] {
        assert!(
            pages.contains(&dist.join(page)),
            "dist/{page} is missing: run ./dev build"
        );
    }
    let found: Vec<String> = pages
        .iter()
        .flat_map(|page| {
            let html = std::fs::read_to_string(page).expect("readable page");
            let text = visible_text(&html);
            let name = page
                .strip_prefix(&dist)
                .unwrap_or(page)
                .display()
                .to_string();
            text.split(['\n', '。', '.'])
                .flat_map(|sentence| {
                    reader_text_problems(sentence, &ids)
                        .into_iter()
                        .map(|what| format!("dist/{name}: {what} in \"{}\"", sentence.trim()))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        found.is_empty(),
        "working notes on the baked pages ({} found; fix the text, then ./dev build):\n{}",
        found.len(),
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
    !reader_text_problems(text, &sample_ids()).is_empty()
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
            reader_text_problems(text, &sample_ids())
        );
    }
}

#[test]
fn the_check_catches_file_names() {
    for text in [
        "Article file: 000_25a597396ffb36f4.txt",
        "文章文件：001_f13cd08479e5a366.txt",
        "All figures live in capex-dataset.json.",
        "See src/data/types.rs for the fields.",
        "Assumption (docs/MODEL.md)",
        "假设（docs/MODEL.md）",
    ] {
        assert!(catches(text), "missed: {text}");
    }
}

#[test]
fn the_check_catches_research_wording() {
    for text in [
        "Open the stored copy",
        "Links open stored copies, many of them mirrors of the original outlet.",
        "no 2025 annual average was found in the pages read",
        "Report on Tencent's 2024 results (headline not recorded)",
        "Alibaba rallies (headline from the address)",
        "Reputable press; text read through a feed copy.",
        "Microsoft's own filing was not read.",
        "打开存档副本",
        "連結指向存檔副本，其中不少是原媒體的鏡像。",
        "(所查阅页面中未找到2025年全年平均值)",
        "美國證交會文件渲染(亞馬遜)",
    ] {
        assert!(catches(text), "missed: {text}");
    }
}

#[test]
fn the_check_leaves_ordinary_words_about_sources_alone() {
    for text in [
        "Open the source",
        "Copy link",
        "The New York Times, republished by Business Standard; Q4-2024 results 2.5x.",
        "Figures from public records are kept apart; U.S. capex rose 1.5 times in 2025.",
        "下载数据（CSV）",
        "定焦One(作者王璐,编辑魏佳),钛媒体经ZAKER转载",
    ] {
        assert!(
            !catches(text),
            "false alarm on: {text}: {:?}",
            reader_text_problems(text, &sample_ids())
        );
    }
}

#[test]
fn a_baked_page_is_read_as_a_reader_sees_it() {
    let html = r#"<html><head><title>AI capex</title><style>.mirror{}</style>
        <script type="application/json">{"seed_file":"000_25a597396ffb36f4.txt"}</script></head>
        <body><p class="muted">Links open stored&nbsp;copies &amp; more</p>
        <img alt="Chart of ref-meta-capex-2025" src="a.png"><a data-title="x" title="Open">go</a></body></html>"#;
    let text = visible_text(html);
    assert!(text.contains("Links open stored copies & more"), "{text}");
    assert!(text.contains("Chart of ref-meta-capex-2025"), "{text}");
    assert!(text.contains("Open"), "{text}");
    assert!(
        !text.contains(".mirror") && !text.contains("seed_file"),
        "{text}"
    );
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
