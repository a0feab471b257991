//! Sentences that compare or date figures say what the records say: OpenAI's accounting loss
//! in the first half of 2025 is about 3× its revenue and its cash burn below its revenue, so no
//! language may call its revenue "a fraction of its losses"; the payback panel's title names
//! the year of the capex its sentence sums, never "this year".

use ai_capex_explainer::data::Dataset;
use serde_json::Value;

const LANGS: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

/// The text at `keys` in the language file of `lang`.
fn words(lang: &str, keys: &[&str]) -> String {
    let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    keys.iter()
        .fold(&json, |node, key| &node[key])
        .as_str()
        .unwrap_or_else(|| panic!("{lang}: no text at {keys:?}"))
        .to_string()
}

fn value(ds: &Dataset, id: &str) -> f64 {
    ds.fact(id).unwrap_or_else(|| panic!("{id} missing")).value
}

#[test]
fn openai_takeaway_states_the_loss_multiple_and_the_cash_burn_as_the_records_give_them() {
    let ds = Dataset::embedded().expect("the shipped dataset is valid");
    let revenue = value(&ds, "ref-openai-revenue-2025h1");
    let multiple = (value(&ds, "ref-openai-net-loss-2025h1") / revenue).round();
    let burn_below_revenue = value(&ds, "ref-openai-cash-burn-2025h1") < revenue;
    assert!(
        burn_below_revenue,
        "the records no longer say cash burn < revenue"
    );
    let multiple = format!("{multiple}");
    let expected = [
        ("en", format!("about {multiple}×"), "below its revenue"),
        ("zh-Hans", format!("约为收入的{multiple}倍"), "低于收入"),
        ("zh-Hant", format!("約為收入的{multiple}倍"), "低於收入"),
    ];
    for (lang, loss, burn) in expected {
        let plain = words(lang, &["charts", "openai-economics", "takeaway_plain"]);
        assert!(plain.contains(&loss), "{lang}: {plain:?} lacks {loss:?}");
        // The linked takeaway spells the multiple out (a bare digit there would be a number
        // without a source), but compares burn and revenue the same way.
        let linked = words(lang, &["charts", "openai-economics", "takeaway"]);
        for text in [plain, linked] {
            assert!(text.contains(burn), "{lang}: {text:?} lacks {burn:?}");
        }
    }
}

/// The four-digit years a text names.
fn years(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(4)
        .enumerate()
        .filter(|(i, w)| {
            w.iter().all(char::is_ascii_digit)
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
                && !(*i > 0 && chars[i - 1].is_ascii_digit())
        })
        .map(|(_, w)| w.iter().collect())
        .collect()
}

#[test]
fn the_payback_title_names_the_year_its_sentence_sums() {
    for lang in LANGS {
        let sentence = years(&words(lang, &["calculator", "payback", "sentence"]));
        let title = years(&words(lang, &["calculator", "payback", "title"]));
        assert!(
            !sentence.is_empty(),
            "{lang}: the payback sentence names no year"
        );
        assert_eq!(
            title,
            sentence[..1],
            "{lang}: the title names another year than the sentence"
        );
    }
}
