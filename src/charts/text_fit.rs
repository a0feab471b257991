//! Breaking chart text into lines that fit a width, in English and Chinese alike: a group
//! label under its bars, the credit line along the bottom. Lines break at spaces, or between
//! two Chinese characters; never inside a run of Latin letters or digits ("2025", "H1",
//! "US$"), and never before a character that closes what precedes it ("年", "）", "，"), so
//! a phone never shows "202" over "5年H1".

use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Characters that belong to the token before them: a line never starts with one.
const NO_LINE_START: &str = "年月日季度号）)」』”’，,。.、：:；;！!？?%％";

/// One unbreakable piece of text and whether a space came before it in the source.
struct Token {
    text: String,
    space_before: bool,
}

/// Wide characters (Chinese, full-width punctuation) can be broken between.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let joins_last = !space
            && out
                .last()
                .and_then(|t| t.text.chars().last())
                .is_some_and(|last| NO_LINE_START.contains(c) || (!is_wide(c) && !is_wide(last)));
        match out.last_mut() {
            Some(last) if joins_last => last.text.push(c),
            _ => out.push(Token {
                text: c.to_string(),
                space_before: space && !out.is_empty(),
            }),
        }
        space = false;
    }
    out
}

/// `text` broken into lines no wider than `max_width` device pixels in `font`; hard line
/// breaks (`\n`) are kept. A single token wider than the limit stays whole on its own line.
pub fn fit_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle<'_>,
    max_width: i32,
) -> Result<Vec<String>, ChartError> {
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let first = lines.len();
        let mut line = String::new();
        for token in tokens(hard) {
            let joined = if line.is_empty() {
                token.text.clone()
            } else if token.space_before {
                format!("{line} {}", token.text)
            } else {
                format!("{line}{}", token.text)
            };
            let (w, _) = area.estimate_text_size(&joined, font)?;
            if w as i32 > max_width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, token.text));
            } else {
                line = joined;
            }
        }
        lines.push(line);
        if lines.len() - first >= 2 {
            keep_a_word_whole(&mut lines);
        }
    }
    Ok(lines)
}

/// A lone Chinese character on the last line is most often the end of a name cut in two
/// ("阿里巴" / "巴"): it takes the character before it along ("阿里" / "巴巴"), which fits
/// wherever the one did on the line above.
fn keep_a_word_whole(lines: &mut [String]) {
    let n = lines.len();
    let last: Vec<char> = lines[n - 1].chars().collect();
    let above: Vec<char> = lines[n - 2].chars().collect();
    if last.len() == 1 && is_wide(last[0]) && above.len() >= 3 && is_wide(above[above.len() - 1]) {
        let moved = above[above.len() - 1];
        lines[n - 2] = above[..above.len() - 1].iter().collect();
        lines[n - 1] = format!("{moved}{}", last[0]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn digits_and_latin_letters_stay_together() {
        assert_eq!(pieces("2025年H1"), ["2025年", "H1"]);
        assert_eq!(pieces("2024年估计"), ["2024年", "估", "计"]);
        assert_eq!(pieces("US$ bn"), ["US$", "bn"]);
    }

    #[test]
    fn closing_characters_never_start_a_line() {
        assert_eq!(pieces("（美元）"), ["（", "美", "元）"]);
        assert_eq!(pieces("25年2月"), ["25年", "2月"]);
        assert_eq!(pieces("Q1 2025, AWS"), ["Q1", "2025,", "AWS"]);
    }

    #[test]
    fn spaces_are_remembered_between_tokens() {
        let t = tokens("gross P&E");
        assert!(!t[0].space_before && t[1].space_before);
    }

    #[test]
    fn a_lone_chinese_character_takes_the_one_before_it_along() {
        let mut lines = vec!["阿里巴".to_string(), "巴".to_string()];
        keep_a_word_whole(&mut lines);
        assert_eq!(lines, ["阿里", "巴巴"]);
        let mut short = vec!["腾讯".to_string(), "云".to_string()];
        keep_a_word_whole(&mut short);
        assert_eq!(short, ["腾讯", "云"]);
    }
}
