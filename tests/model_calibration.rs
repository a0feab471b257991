//! The model's constants and fact-sourced defaults against the dataset they cite: a record
//! updated in the dataset without the model (or the reverse) fails here.

use ai_capex_explainer::data::{Dataset, PeriodKind};
use ai_capex_explainer::model::{
    calibration::{Constant, CNY_PER_USD, CN_CAPEX_RATIO, CONSTANTS, FIRST_YEAR},
    input_specs, Origin, BIG4_CAPEX_2025_FACTS, BIG4_CAPEX_2025_USD_BN, PAYBACK_COMPARISONS,
};

fn dataset() -> Dataset {
    match Dataset::embedded() {
        Ok(d) => d,
        Err(e) => panic!("built-in dataset invalid: {e}"),
    }
}

fn values(d: &Dataset, ids: &[&str]) -> Vec<f64> {
    ids.iter()
        .map(|id| match d.fact(id) {
            Some(f) => f.value,
            None => panic!("{id} is not in the dataset"),
        })
        .collect()
}

/// The constant recomputed from the records it cites, and how close it must be.
fn from_dataset(c: &Constant, v: &[f64]) -> (f64, f64) {
    match c.name {
        "us_revenue_2025"
        | "us_parent_capex_2025"
        | "cn_capex_2025"
        | "us_parent_ocf_2025"
        | "cn_parent_ocf_2025"
        | "meta_capex_2025" => (v.iter().sum(), 1e-9),
        // The capex over the revenue of the same four quarters.
        "cn_capex_ratio" => (v[0] / (v[1] + v[2] + v[3] + v[4]), 1e-9),
        // Revenue-weighted: AWS, Microsoft Intelligent Cloud, Google Cloud.
        "us_operating_margin" => (
            (v[0] * 128.7 + v[1] * 106.3 + v[2] * 58.7) / (128.7 + 106.3 + 58.7) / 100.0,
            1e-9,
        ),
        "cn_operating_margin" => (v[0] / 100.0, 1e-9),
        "past_capex_growth" => (v[0] / 100.0, 1e-9),
        other => panic!("{other} cites records but has no rule here"),
    }
}

#[test]
fn every_sourced_constant_matches_the_dataset_records_it_cites() {
    let d = dataset();
    for c in CONSTANTS.iter().filter(|c| !c.fact_ids.is_empty()) {
        let (expected, tolerance) = from_dataset(c, &values(&d, c.fact_ids));
        assert!(
            (c.value - expected).abs() <= tolerance * expected.abs().max(1.0),
            "{} = {} but the dataset gives {expected}",
            c.name,
            c.value
        );
    }
}

#[test]
fn every_fact_sourced_default_matches_its_record() {
    let d = dataset();
    for spec in input_specs() {
        if let Origin::Fact(id) = spec.origin {
            assert_eq!(values(&d, &[id])[0], spec.default, "{} ← {id}", spec.field);
        }
    }
}

#[test]
fn the_payback_panels_capex_and_comparisons_are_in_the_dataset() {
    let d = dataset();
    let sum: f64 = values(&d, &BIG4_CAPEX_2025_FACTS).iter().sum();
    assert!((sum - BIG4_CAPEX_2025_USD_BN).abs() < 1e-9);
    values(&d, &PAYBACK_COMPARISONS);
}

#[test]
fn the_payback_panels_2025_capex_is_calendar_2025_for_each_company() {
    let d = dataset();
    for id in BIG4_CAPEX_2025_FACTS {
        let period = match d.fact(id) {
            Some(f) => &f.period,
            None => panic!("{id} is not in the dataset"),
        };
        assert_eq!(
            (period.kind, period.start),
            (PeriodKind::CalendarYear, 2025),
            "{id}: the panel says 2025, so every company's figure is calendar 2025"
        );
    }
}

#[test]
fn chinas_capex_ratio_divides_by_the_revenue_of_the_capex_s_own_four_quarters() {
    let d = dataset();
    let quarters: Vec<(i32, Option<String>)> = CN_CAPEX_RATIO.fact_ids[1..]
        .iter()
        .map(|id| match d.fact(id) {
            Some(f) => (f.period.start, f.period.part.clone()),
            None => panic!("{id} is not in the dataset"),
        })
        .collect();
    // ¥120 bn was spent in the four quarters to September 2025: October 2024 – September 2025.
    let to_sep_2025: Vec<(i32, Option<String>)> =
        [(2024, "Q4"), (2025, "Q1"), (2025, "Q2"), (2025, "Q3")]
            .iter()
            .map(|(y, q)| (*y, Some(q.to_string())))
            .collect();
    assert_eq!(quarters, to_sep_2025);
}

#[test]
fn the_calculator_converts_at_the_datasets_2025_reference_rate() {
    let d = dataset();
    let rate = match d.rate_for(FIRST_YEAR) {
        Some(r) => r.cny_per_usd,
        None => panic!("no reference rate for {FIRST_YEAR}"),
    };
    assert_eq!(CNY_PER_USD.value, rate);
    let (low, high) = CNY_PER_USD.plausible;
    assert!(low <= rate && rate <= high);
}

const LANGS: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

fn i18n(lang: &str) -> serde_json::Value {
    let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text(value: &serde_json::Value, lang: &str, key: &str) -> String {
    match value.as_str() {
        Some(t) => t.to_string(),
        None => panic!("{lang}: {key} is not a text"),
    }
}

#[test]
fn a_constant_built_on_a_fiscal_year_names_it_in_every_language() {
    let d = dataset();
    let fiscal = |id: &&str| d.fact(id).map(|f| f.period.kind) == Some(PeriodKind::FiscalYear);
    for c in CONSTANTS.iter().filter(|c| c.fact_ids.iter().any(fiscal)) {
        for (lang, word) in LANGS.iter().zip(["fiscal year", "财年", "財年"]) {
            let label = text(&i18n(lang)["calculator"]["constants"][c.name], lang, c.name);
            assert!(
                label.contains(word),
                "{lang}: {} is labelled {label:?}",
                c.name
            );
        }
    }
}

#[test]
fn the_currency_note_states_the_rate_the_calculator_converts_at() {
    let rate = format!("{}", CNY_PER_USD.value);
    for lang in LANGS {
        let note = text(
            &i18n(lang)["calculator"]["outputs"]["currency_note"],
            lang,
            "currency_note",
        );
        assert!(note.contains(&rate), "{lang}: {note:?} does not say {rate}");
    }
}

#[test]
fn the_demand_growth_reason_quotes_full_year_cloud_growth_from_the_records() {
    let d = dataset();
    let growth = |now: &str, before: &str| {
        let v = values(&d, &[now, before]);
        format!("{:.1}%", (v[0] / v[1] - 1.0) * 100.0)
    };
    let aws = growth("ref-aws-revenue-2025", "ref-aws-revenue-2024");
    let google = growth(
        "ref-google-cloud-revenue-2025",
        "ref-google-cloud-revenue-2024",
    );
    for lang in LANGS {
        let reason = text(
            &i18n(lang)["calculator"]["inputs"]["demand_growth"]["reason"],
            lang,
            "demand_growth.reason",
        );
        assert!(
            reason.contains(&aws) && reason.contains(&google),
            "{lang}: {reason:?} should give AWS {aws} and Google Cloud {google}"
        );
    }
}
