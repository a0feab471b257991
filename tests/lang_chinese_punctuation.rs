//! Chinese reader text (zh-Hans and zh-Hant: the language files and every text of the
//! dataset in them) uses full-width punctuation: no half-width , ; : ( ) ? ! next to a Chinese
//! character, and no bracket pair that opens in one width and closes in the other. Half-width
//! marks stay right between Latin letters and digits ("10:00", "OpenAI, Anthropic",
//! "{fact:id}"). `node tools/zh-punctuation.mjs` rewrites them. Verbatim quotes are not checked.
//! Nor does a space stand between a Chinese character and a Latin letter, digit or placeholder
//! ("AGI在2030年", "{year}年"); articles' titles keep their headlines' own spacing.

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
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”')
}

/// A Chinese character, not a mark: what a Latin word or a number sits flush against.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
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

/// Latin letters, digits and what a number or placeholder starts or ends with.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '%' | '{' | '}' | '+' | '$')
}

/// Spaces in `text` between a Chinese character and a Latin letter, digit or placeholder.
fn spaces_beside_latin(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .filter(|w| {
            w[1] == ' ' && ((is_han(w[0]) && is_latin(w[2])) || (is_latin(w[0]) && is_han(w[2])))
        })
        .map(|w| {
            format!(
                "'{}' (write '{}{}') in \"{text}\"",
                String::from_iter(w),
                w[0],
                w[2]
            )
        })
        .collect()
}

#[test]
fn chinese_reader_text_puts_no_space_between_chinese_and_latin() {
    for lang in ["zh-Hans", "zh-Hant"] {
        let texts: Vec<(String, String)> = reader_texts(lang)
            .into_iter()
            .filter(|(path, _)| !path.contains(".title."))
            .collect();
        let what = format!("spaces between Chinese and Latin in {lang} text");
        assert_none_found(&texts, &what, spaces_beside_latin);
    }
}

#[test]
fn the_space_check_catches_spaces_beside_latin_only() {
    for text in [
        "AGI 如何到来",
        "约 2.2%",
        "临界点 {year}年",
        "2025 年全球产出",
    ] {
        assert_eq!(spaces_beside_latin(text).len(), 1, "missed: {text}");
    }
    for text in [
        "AGI在2030年",
        "Meta 2025年资本开支",
        "网易号 金卡读城",
        "见下，另见",
    ] {
        assert!(
            spaces_beside_latin(text).is_empty(),
            "false alarm on {text}: {:?}",
            spaces_beside_latin(text)
        );
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
