//! An article's implied exchange rate (`Fact::cny_per_usd`) is kept only where the article's
//! own converted figure is precise enough to imply one: at least three significant digits
//! ("约合人民币7295亿元" gives 7.295; "约合人民币1.8万亿元" for US$246 bn fits any rate from 7.1 to
//! 7.5 and gives none). The converted figure is read from the fact's verbatim quote, and the
//! rate must reproduce it.

use ai_capex_explainer::data::{Currency, Dataset, Fact};

/// Fewest significant digits an article's converted figure needs for its rate to be kept.
const MIN_SIGNIFICANT_DIGITS: usize = 3;

/// How far (relative) the rate may miss the article's figure: the article rounded it.
const REPRODUCED_WITHIN: f64 = 0.01;

/// Chinese scale words after a number, largest first so "万亿" is not read as "万".
const SCALES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("萬億", 1e12),
    ("亿", 1e8),
    ("億", 1e8),
    ("万", 1e4),
    ("萬", 1e4),
];

/// Significant digits as written: "7295" → 4, "5690" → 3, "860" → 2 (a whole number's
/// trailing zeros are rounding), "1.8" → 2, "747.5" → 4.
fn significant_digits(written: &str) -> usize {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    if written.contains('.') {
        digits.len()
    } else {
        digits.trim_end_matches('0').len()
    }
}

/// The yuan amounts `quote` writes, as (yuan, the number as written): every number with a scale
/// word that is not followed by "美元" (a dollar figure).
fn yuan_amounts(quote: &str) -> Vec<(f64, String)> {
    let mut found = Vec::new();
    let mut rest = quote;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(tail.len());
        let written = tail[..len].replace(',', "");
        let after = tail[len..].trim_start();
        let scale = SCALES.iter().find(|(word, _)| after.starts_with(word));
        if let (Some((word, factor)), Ok(number)) = (scale, written.parse::<f64>()) {
            if !after[word.len()..].starts_with("美元") {
                found.push((number * factor, written.clone()));
            }
        }
        rest = &tail[len..];
    }
    found
}

/// The fact's value in yuan at its own implied rate.
fn yuan_at_article_rate(fact: &Fact, rate: f64) -> Option<f64> {
    let billions = fact.value * fact.unit.to_billions_factor()?;
    match fact.unit.currency()? {
        Currency::Usd => Some(billions * rate * 1e9),
        Currency::Cny => Some(billions * 1e9),
    }
}

#[test]
fn an_article_rate_comes_from_a_converted_figure_with_three_significant_digits() {
    let dataset = Dataset::embedded().expect("the shipped dataset validates");
    let mut checked = 0;
    let mut problems = Vec::new();
    for fact in dataset.facts.iter().chain(&dataset.reference) {
        let Some(rate) = fact.cny_per_usd else {
            continue;
        };
        checked += 1;
        let quote = fact.quote.as_deref().unwrap_or("");
        let Some(expected) = yuan_at_article_rate(fact, rate) else {
            problems.push(format!(
                "{}: an article rate on a figure that is not money",
                fact.id
            ));
            continue;
        };
        let nearest = yuan_amounts(quote)
            .into_iter()
            .min_by(|a, b| (a.0 - expected).abs().total_cmp(&(b.0 - expected).abs()));
        match nearest {
            None => problems.push(format!(
                "{}: rate {rate} but the quote gives no yuan figure",
                fact.id
            )),
            Some((yuan, written)) => {
                if (yuan - expected).abs() > REPRODUCED_WITHIN * yuan {
                    problems.push(format!(
                        "{}: rate {rate} does not give the quote's {written}",
                        fact.id
                    ));
                }
                if significant_digits(&written) < MIN_SIGNIFICANT_DIGITS {
                    problems.push(format!(
                        "{}: rate {rate} read from “{written}”, which has fewer than {MIN_SIGNIFICANT_DIGITS} significant digits; set cny_per_usd to null",
                        fact.id
                    ));
                }
            }
        }
    }
    assert!(checked > 0, "the dataset keeps some article rates");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn significant_digits_count_as_a_data_editor_does() {
    assert_eq!(significant_digits("7295"), 4);
    assert_eq!(significant_digits("5690"), 3);
    assert_eq!(significant_digits("860"), 2);
    assert_eq!(significant_digits("1.8"), 2);
    assert_eq!(significant_digits("747.5"), 4);
    assert_eq!(
        yuan_amounts("去年全年的总资本支出拟达到2460亿美元（约合人民币1.8万亿元）"),
        vec![(1.8e12, "1.8".to_string())]
    );
}
