//! Takeaway sentences that compare figures say what the records say: OpenAI's accounting
//! loss in the first half of 2025 is about 3× its revenue, and its cash burn is below its
//! revenue, so no language may call its revenue "a fraction of its losses".

use ai_capex_explainer::data::Dataset;
use serde_json::Value;

fn plain_takeaway(lang: &str, chart: &str) -> String {
    let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    json["charts"][chart]["takeaway_plain"]
        .as_str()
        .unwrap_or_else(|| panic!("{lang}: no takeaway_plain for {chart}"))
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
    assert!(burn_below_revenue, "the records no longer say cash burn < revenue");
    let multiple = format!("{multiple}");
    let expected = [
        ("en", format!("about {multiple}×"), "below its revenue"),
        ("zh-Hans", format!("约为收入的{multiple}倍"), "低于收入"),
        ("zh-Hant", format!("約為收入的{multiple}倍"), "低於收入"),
    ];
    for (lang, loss, burn) in expected {
        let text = plain_takeaway(lang, "openai-economics");
        assert!(text.contains(&loss), "{lang}: {text:?} lacks {loss:?}");
        assert!(text.contains(burn), "{lang}: {text:?} lacks {burn:?}");
    }
}
