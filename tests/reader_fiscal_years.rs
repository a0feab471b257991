//! A sentence's "2025" is a calendar year unless it says fiscal: every takeaway sentence
//! (`charts.*.takeaway` and `takeaway_plain`, in each language) that shows a fiscal-year record
//! through `{fact:…}` or `{fact_cur:…}` names the fiscal year in that same sentence
//! ("fiscal", "财年", "財年"). Microsoft's year ends in June: its "2025" set beside calendar
//! totals without the word reads as the calendar year.

use ai_capex_explainer::data::{Dataset, Fact, PeriodKind};
use serde_json::Value;

/// Each language file and the word that names a fiscal year in it.
const FISCAL_WORDS: [(&str, &str); 3] =
    [("en", "fiscal"), ("zh-Hans", "财年"), ("zh-Hant", "財年")];

/// The takeaway keys of a chart.
const TAKEAWAYS: [&str; 2] = ["takeaway", "takeaway_plain"];

fn language_file(lang: &str) -> Value {
    let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Whether `fact` covers a company's fiscal year rather than a calendar one.
fn is_fiscal(fact: &Fact) -> bool {
    fact.period.kind == PeriodKind::FiscalYear || fact.period.fiscal_year_end.is_some()
}

/// The sentences of `text`: up to a full stop, question or exclamation mark, in English
/// followed by a space or the end (so "31.3" stays whole).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        let ends =
            matches!(c, '。' | '！' | '？') || (matches!(c, '.' | '!' | '?') && next_is_space);
        if ends {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

/// The fact ids a sentence shows: `{fact:ID}` and `{fact_cur:ID}`.
fn shown_facts(sentence: &str) -> Vec<&str> {
    sentence
        .split('{')
        .skip(1)
        .filter_map(|part| {
            let inner = part.split('}').next()?;
            let (kind, id) = inner.split_once(':')?;
            matches!(kind, "fact" | "fact_cur").then_some(id)
        })
        .collect()
}

/// Every takeaway sentence of `texts` (one language file) that shows a fiscal-year record
/// without `fiscal_word`, located as `lang charts.ID.KEY sentence N: …`.
fn unnamed_fiscal_years(
    dataset: &Dataset,
    lang: &str,
    fiscal_word: &str,
    texts: &Value,
) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(charts) = texts["charts"].as_object() else {
        return problems;
    };
    for (chart, keys) in charts {
        for key in TAKEAWAYS {
            let Some(text) = keys[key].as_str() else {
                continue;
            };
            for (n, sentence) in sentences(text).into_iter().enumerate() {
                let says_fiscal = sentence.to_lowercase().contains(fiscal_word);
                for id in shown_facts(sentence) {
                    let fiscal = dataset.fact(id).is_some_and(is_fiscal);
                    if fiscal && !says_fiscal {
                        problems.push(format!(
                            "{lang} charts.{chart}.{key} sentence {}: shows the fiscal-year record {id} but does not say \"{fiscal_word}\"",
                            n + 1
                        ));
                    }
                }
            }
        }
    }
    problems
}

fn shipped() -> Dataset {
    Dataset::embedded().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_takeaway_sentence_showing_a_fiscal_year_says_so() {
    let dataset = shipped();
    let problems: Vec<String> = FISCAL_WORDS
        .iter()
        .flat_map(|(lang, word)| unnamed_fiscal_years(&dataset, lang, word, &language_file(lang)))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_fiscal_year_shown_as_a_plain_year_is_found_and_located() {
    let dataset = shipped();
    let fiscal = "ref-msft-capex-intensity-fy2025-leases";
    assert!(dataset.fact(fiscal).is_some_and(is_fiscal));
    let mut texts = language_file("en");
    texts["charts"]["capex-intensity"]["takeaway"] = Value::String(format!(
        "Capex came to 31.3% of revenue. Microsoft's share was {{fact:{fiscal}}} in 2025."
    ));
    assert_eq!(
        unnamed_fiscal_years(&dataset, "en", "fiscal", &texts),
        [format!("en charts.capex-intensity.takeaway sentence 2: shows the fiscal-year record {fiscal} but does not say \"fiscal\"")]
    );
    // Naming the fiscal year in that sentence is enough.
    texts["charts"]["capex-intensity"]["takeaway"] = Value::String(format!(
        "Microsoft's share was {{fact:{fiscal}}} in fiscal 2025."
    ));
    assert_eq!(
        unnamed_fiscal_years(&dataset, "en", "fiscal", &texts),
        Vec::<String>::new()
    );
    // The same in Chinese: the word must be in the same sentence, not the one before.
    let mut texts = language_file("zh-Hans");
    texts["charts"]["capex-intensity"]["takeaway"] =
        Value::String(format!("微软2025财年如此。微软的比例为{{fact:{fiscal}}}。"));
    assert_eq!(
        unnamed_fiscal_years(&dataset, "zh-Hans", "财年", &texts),
        [format!("zh-Hans charts.capex-intensity.takeaway sentence 2: shows the fiscal-year record {fiscal} but does not say \"财年\"")]
    );
}
