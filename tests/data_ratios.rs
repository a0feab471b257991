//! Every capex-to-revenue ratio the dataset states is re-derived from its own records: the
//! capex records over the revenue records of the same company, level and period, to the
//! precision the ratio is written with. A ratio that a record's correction leaves behind (or
//! that sets one level's capex over another level's revenue) fails here.

use ai_capex_explainer::data::{Dataset, Fact, Level};

/// Each ratio record, its level, and the records whose sums it divides.
const RATIOS: [(&str, Level, &[&str], &[&str]); 5] = [
    (
        "ref-msft-capex-intensity-fy2025-leases",
        Level::Group,
        &["ref-msft-capex-fy2025-incl-leases"],
        &["ref-msft-revenue-fy2025"],
    ),
    (
        "ref-tencent-capex-intensity-2024",
        Level::Group,
        &["ref-tencent-capex-2024"],
        &["ref-tencent-revenue-2024"],
    ),
    (
        "ref-alibaba-capex-intensity-4q-to-sep2025",
        Level::Group,
        &["ref-alibaba-ai-cloud-capex-4q-to-sep2025"],
        &[
            "ref-alibaba-revenue-2024q4",
            "ref-alibaba-revenue-2025q1",
            "ref-alibaba-revenue-2025q2",
            "ref-alibaba-revenue-2025q3",
        ],
    ),
    (
        "ref-alibaba-cloud-capex-intensity-4q-to-sep2025",
        Level::CloudUnit,
        &["ref-alibaba-ai-cloud-capex-4q-to-sep2025"],
        &[
            "ref-alibaba-cloud-revenue-2024q4",
            "ref-alibaba-cloud-revenue-2025q1",
            "ref-alibaba-cloud-revenue-2025q2",
            "ref-alibaba-cloud-revenue-2025q3",
        ],
    ),
    (
        "ref-msft-capex-intensity-fy2025-cash",
        Level::Group,
        &["ref-msft-capex-fy2025"],
        &["ref-msft-revenue-fy2025"],
    ),
];

fn shipped() -> Dataset {
    Dataset::embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn sum(dataset: &Dataset, ids: &[&str]) -> f64 {
    ids.iter()
        .map(|id| {
            dataset
                .fact(id)
                .map(Fact::central_value)
                .unwrap_or_else(|| panic!("{id}: no such record"))
        })
        .sum()
}

/// Half a unit of the last decimal `value` is written with: 31 → 0.5, 11.6 → 0.05.
fn half_last_digit(value: f64) -> f64 {
    let text = value.to_string();
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
    0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(0))
}

/// Each ratio of [`RATIOS`] that is not at its level or not its records' quotient.
fn ratio_problems(dataset: &Dataset) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, level, capex, revenue) in RATIOS {
        let ratio = dataset
            .fact(id)
            .unwrap_or_else(|| panic!("{id}: no such record"));
        if ratio.level != Some(level) {
            problems.push(format!("{id}: level {:?}, not {level:?}", ratio.level));
        }
        let derived = 100.0 * sum(dataset, capex) / sum(dataset, revenue);
        if (ratio.value - derived).abs() > half_last_digit(ratio.value) {
            problems.push(format!(
                "{id}: states {} but its records give {derived:.2}",
                ratio.value
            ));
        }
    }
    problems
}

#[test]
fn every_capex_to_revenue_ratio_is_its_records_capex_over_their_revenue() {
    let problems = ratio_problems(&shipped());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_ratio_left_behind_by_a_corrected_record_is_found() {
    let mut dataset = shipped();
    let capex = dataset
        .reference
        .iter_mut()
        .find(|f| f.id == "ref-tencent-capex-2024")
        .expect("Tencent's 2024 capex");
    capex.value += 10.0;
    assert_eq!(
        ratio_problems(&dataset),
        ["ref-tencent-capex-intensity-2024: states 11.6 but its records give 13.15"]
    );
}
