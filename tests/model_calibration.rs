//! The model's constants and fact-sourced defaults against the dataset they cite: a record
//! updated in the dataset without the model (or the reverse) fails here.

use ai_capex_explainer::data::Dataset;
use ai_capex_explainer::model::{
    calibration::{Constant, CONSTANTS},
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
        "us_revenue_2025" | "us_parent_capex_2025" | "cn_capex_2025" | "us_parent_ocf_2025" => {
            (v.iter().sum(), 1e-9)
        }
        "cn_capex_ratio" => (v[0] / ((v[1] + v[2] + v[3]) / 3.0 * 4.0), 1e-9),
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
