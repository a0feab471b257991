//! Figures that must agree with one another: a year with the quarters it is made of, a plan
//! with the actual it is set against, and every converted figure with one kind of exchange
//! rate.

use ai_capex_explainer::data::{Basis, Dataset, Fact, PeriodKind};

fn shipped() -> Dataset {
    match Dataset::embedded() {
        Ok(dataset) => dataset,
        Err(errors) => panic!("the shipped dataset has errors:\n{errors}"),
    }
}

/// The calendar quarters `(year, "Qn")` a reported year is made of: January–December for a
/// calendar year, the twelve months to June for a fiscal year ending in June.
fn quarters_of(fact: &Fact) -> Option<[(i32, &'static str); 4]> {
    let year = fact.period.start;
    match (fact.period.kind, fact.period.fiscal_year_end.as_deref()) {
        (PeriodKind::CalendarYear, _) => {
            Some([(year, "Q1"), (year, "Q2"), (year, "Q3"), (year, "Q4")])
        }
        (PeriodKind::FiscalYear, Some("06")) => Some([
            (year - 1, "Q3"),
            (year - 1, "Q4"),
            (year, "Q1"),
            (year, "Q2"),
        ]),
        _ => None,
    }
}

/// Same company, metric, measure and unit: figures that may be added up.
fn same_series(a: &Fact, b: &Fact) -> bool {
    a.entity == b.entity && a.metric == b.metric && a.measure == b.measure && a.unit == b.unit
}

/// The ids of `facts`, for a failure message.
fn ids(facts: &[&Fact]) -> String {
    facts
        .iter()
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn a_reported_year_equals_the_sum_of_its_four_reported_quarters() {
    let d = shipped();
    let actual = |f: &&Fact| f.period.basis == Basis::Actual;
    let mut checked = 0;
    for year in d.all_facts().filter(actual) {
        let Some(parts) = quarters_of(year) else {
            continue;
        };
        let quarters: Vec<&Fact> = parts
            .iter()
            .filter_map(|(y, q)| {
                d.all_facts().filter(actual).find(|f| {
                    same_series(f, year)
                        && f.period.kind == PeriodKind::Quarter
                        && f.period.fiscal_year_end.is_none()
                        && f.period.start == *y
                        && f.period.part.as_deref() == Some(*q)
                })
            })
            .collect();
        if quarters.len() < 4 {
            continue;
        }
        let sum: f64 = quarters.iter().map(|f| f.value).sum();
        // Each quarter is rounded to its last decimal: four half-units at most.
        assert!(
            (year.value - sum).abs() <= 0.2 + 1e-9,
            "{} = {} but its quarters ({}) add up to {sum:.2}",
            year.id,
            year.value,
            ids(&quarters)
        );
        checked += 1;
    }
    // Microsoft's fiscal 2025 and calendar 2025, at least, are made of reported quarters.
    assert!(checked >= 2, "only {checked} years have all four quarters");
}

#[test]
fn a_plan_set_against_an_actual_has_an_actual_on_its_own_measure() {
    let d = shipped();
    for conflict in &d.conflicts {
        let facts: Vec<&Fact> = conflict.facts.iter().filter_map(|id| d.fact(id)).collect();
        for plan in facts.iter().filter(|f| f.period.basis == Basis::Plan) {
            let Some(measure) = &plan.measure else {
                continue;
            };
            // A plan whose source stated no definition (Microsoft's "$80 bn for AI-enabled
            // datacenters") has no like actual; its conflict text says so instead.
            if measure.ends_with("_unstated") {
                continue;
            }
            let actuals: Vec<&Fact> = facts
                .iter()
                .copied()
                .filter(|f| {
                    f.period.basis == Basis::Actual
                        && f.entity == plan.entity
                        && f.metric == plan.metric
                        && f.period.kind == plan.period.kind
                        && f.period.start == plan.period.start
                        && f.period.part == plan.period.part
                })
                .collect();
            assert!(
                actuals.is_empty() || actuals.iter().any(|f| f.measure.as_ref() == Some(measure)),
                "{}: {} ({measure}) is set against {} only",
                conflict.id,
                plan.id,
                ids(&actuals)
            );
        }
    }
}

#[test]
fn every_reference_rate_is_an_annual_average_never_one_days_rate() {
    let d = shipped();
    for rate in &d.reference_rates {
        let basis = &rate.basis;
        let zh_hant = basis.zh_hant.as_deref().unwrap_or(&basis.zh_hans);
        let averaged = basis.en.contains("average")
            && basis.zh_hans.contains("平均")
            && zh_hant.contains("平均");
        let one_day = ["parity", "中间价", "中間價"].iter().any(|word| {
            [basis.en.as_str(), &basis.zh_hans, zh_hant]
                .iter()
                .any(|t| t.contains(word))
        });
        assert!(
            averaged && !one_day,
            "{}: {:?} is not an annual average",
            rate.year,
            basis.en
        );
    }
}

#[test]
fn a_reported_quarter_is_on_the_measure_of_its_reported_year() {
    let d = shipped();
    let reported = |f: &&Fact| f.period.basis == Basis::Actual && f.quote.is_none();
    for quarter in d.reference.iter().filter(reported) {
        if quarter.period.kind != PeriodKind::Quarter || quarter.period.fiscal_year_end.is_some() {
            continue;
        }
        for year in d.reference.iter().filter(reported).filter(|y| {
            y.period.kind == PeriodKind::CalendarYear
                && y.period.start == quarter.period.start
                && y.entity == quarter.entity
                && y.metric == quarter.metric
        }) {
            assert!(
                year.measure.is_none() || year.measure == quarter.measure,
                "{} ({:?}) is not on the measure of {} ({:?})",
                quarter.id,
                quarter.measure,
                year.id,
                year.measure
            );
        }
    }
}

#[test]
fn microsofts_intelligent_cloud_segment_is_never_labelled_plain_cloud_revenue() {
    // "Microsoft Cloud" is Microsoft's own, broader metric (≈ US$168 bn in fiscal 2025): a
    // reader who sees "Microsoft" beside "Cloud revenue" reads that.
    let d = shipped();
    let segment = d
        .all_facts()
        .filter(|f| f.entity == "microsoft")
        .filter(|f| {
            f.definition
                .as_ref()
                .is_some_and(|t| t.en.starts_with("Intelligent Cloud segment revenue"))
        });
    let mut seen = 0;
    for f in segment {
        assert_eq!(f.metric, "intelligent_cloud_revenue", "{}", f.id);
        seen += 1;
    }
    assert!(seen >= 2, "the Intelligent Cloud records are gone");
}
