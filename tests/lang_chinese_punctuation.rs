//! Chinese reader text (zh-Hans and zh-Hant: the language files and every text of the
//! dataset in them) uses full-width punctuation: no half-width , ; : ( ) ? ! next to a Chinese
//! character, and no bracket pair that opens in one width and closes in the other. Half-width
//! marks stay right between Latin letters and digits ("10:00", "OpenAI, Anthropic",
//! "{fact:id}"). `node tools/zh-punctuation.mjs` rewrites them. Verbatim quotes are not checked.

mod reader_text_support;

use reader_text_support::{assert_none_found, reader_texts};

/// Half-width marks and the full-width mark Chinese text writes instead.
const HALF_TO_FULL: [(char, char); 7] = [
    (',', '，'),
    (';', '；'),
    (':', '：'),
    ('(', '（'),
    (')', '）'),
    ('?', '？'),
    ('!', '！'),
];

/// A Chinese character or a mark that only Chinese text uses around it: Han, CJK marks
/// (、。「」), full-width forms (，（）) and the curly double quotes zh-Hans quotes with.
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FFEF}' | '“' | '”')
}

/// Half-width marks next to a Chinese character in `text`, and brackets of mixed width.
fn half_width_marks(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let Some(&(_, full)) = HALF_TO_FULL.iter().find(|(half, _)| *half == c) else {
            continue;
        };
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        if before.is_some_and(is_chinese) || after.is_some_and(is_chinese) {
            let around: String = chars[i.saturating_sub(6)..(i + 7).min(chars.len())]
                .iter()
                .collect();
            found.push(format!("'{c}' (write '{full}') in \"…{around}…\""));
        }
    }
    let mut open = Vec::new();
    for &c in &chars {
        match c {
            '(' | '（' => open.push(c),
            ')' | '）' => {
                if let Some(opened) = open.pop() {
                    if (opened == '(') != (c == ')') {
                        found.push(format!("'{opened}' closed by '{c}' in \"{text}\""));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn chinese_reader_text_uses_full_width_punctuation() {
    for lang in ["zh-Hans", "zh-Hant"] {
        let what =
            format!("half-width punctuation in {lang} text (run node tools/zh-punctuation.mjs)");
        assert_none_found(&reader_texts(lang), &what, half_width_marks);
    }
}

#[test]
fn the_check_catches_half_width_marks_in_chinese_only() {
    for text in [
        "中间价,2024年",
        "原文标注(20:51)",
        "见下;另见",
        "稿件:网易号",
        "“千亿级”(2025年)",
        "原文标注（20:51)",
    ] {
        assert!(!half_width_marks(text).is_empty(), "missed: {text}");
    }
    for text in [
        "原文标注（20:51）",
        "OpenAI, Anthropic和xAI",
        "{fact:s004-big4-capex-2025-plan}的",
        "按 Microsoft (FY2025) 的口径",
        "中间价，2024年12月31日（所查阅页面）",
    ] {
        assert!(
            half_width_marks(text).is_empty(),
            "false alarm on {text}: {:?}",
            half_width_marks(text)
        );
    }
}
