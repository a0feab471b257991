//! English reader text writes money and shares as the page's own figures do: "US$91–93 bn",
//! "CN¥22 bn", "US$5 m", "28%"; never "$91–93 B", "¥22 B", "5 M" or "28 %", so a note never
//! reads differently from the figure beside it. Source titles (headlines as published),
//! words quoted in “…” and the dataset's quotes are not checked.

mod reader_text_support;

use reader_text_support::{assert_none_found, reader_texts};

/// Each currency sign with the country letters the page writes before it.
const CURRENCY_PREFIXES: [(char, &str); 2] = [('$', "US"), ('¥', "CN")];

/// Scale letters after a number and what the page writes instead.
const SCALE_LETTERS: [(char, &str); 3] = [('B', "bn"), ('M', "m or million"), ('T', "trillion")];

/// `text` without the words it quotes in “…”, which keep their own style.
fn unquoted(text: &str) -> Vec<char> {
    let mut depth = 0;
    text.chars()
        .filter(|&c| {
            depth += i32::from(c == '“') - i32::from(c == '”');
            depth == 0 && c != '”'
        })
        .collect()
}

/// Money and shares in `text` not written as the page writes them.
fn money_style(text: &str) -> Vec<String> {
    let chars = unquoted(text);
    let mut found = Vec::new();
    let around = |i: usize| -> String {
        chars[i.saturating_sub(8)..(i + 8).min(chars.len())]
            .iter()
            .collect()
    };
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let digit_next = next.is_some_and(|n| n.is_ascii_digit());
        if let Some((_, prefix)) = CURRENCY_PREFIXES.iter().find(|(sign, _)| *sign == c) {
            let before: String = chars[i.saturating_sub(2)..i].iter().collect();
            if digit_next && before != *prefix {
                found.push(format!("{c} without {prefix} in \"…{}…\"", around(i)));
            }
        }
        if !c.is_ascii_digit() {
            continue;
        }
        let after_space = if next == Some(' ') { i + 2 } else { i + 1 };
        if let Some(&letter) = chars.get(after_space) {
            let word_ends = !chars
                .get(after_space + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric());
            if let Some((_, instead)) = SCALE_LETTERS
                .iter()
                .find(|(l, _)| *l == letter)
                .filter(|_| word_ends)
            {
                found.push(format!(
                    "\"{letter}\" after a number (write {instead}) in \"…{}…\"",
                    around(i)
                ));
            }
        }
        if next == Some(' ') && chars.get(i + 2) == Some(&'%') {
            found.push(format!("\"{c} %\" (write {c}%) in \"…{}…\"", around(i)));
        }
    }
    found
}

#[test]
fn english_reader_text_writes_money_and_shares_as_the_page_does() {
    let texts: Vec<(String, String)> = reader_texts("en")
        .into_iter()
        .filter(|(path, _)| !(path.starts_with("dataset.sources[") && path.contains("].title.")))
        .collect();
    assert_none_found(
        &texts,
        "money or shares in another style in en text",
        money_style,
    );
}

#[test]
fn the_check_catches_other_money_styles_only() {
    for text in [
        "guidance was $91–93 B",
        "about ¥22 B a year",
        "650 M users",
        "up 28 % on",
        "CN¥2.6 T",
        "(2 B+ users)",
    ] {
        assert!(!money_style(text).is_empty(), "missed: {text}");
    }
    for text in [
        "guidance was US$91–93 bn",
        "CN¥22 bn",
        "650 million users",
        "up 28%",
        "H100 GPUs, 10 GW, Q4 2025, 10-K",
        "GPT-4 Turbo",
    ] {
        assert!(
            money_style(text).is_empty(),
            "false alarm on {text}: {:?}",
            money_style(text)
        );
    }
}
