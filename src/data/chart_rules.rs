//! The rules that keep a chart honest, beyond its figures being valid one by one: one
//! definition per comparison, one period per bar position, plans dated, totals that add up.
//!
//! * every drawn figure names its [`Measure`](super::types::Measure), and every drawn plan
//!   the month it dates from (`as_of`);
//! * the public records a chart draws share one measure per comparison (per metric when the
//!   chart names the metric on an axis, per company when companies are its groups), so the
//!   chart can name it;
//! * an article's figure on another measure carries a `note` (the correction the reader sees);
//! * a chart draws more than unsourced claims (basis `claim`);
//! * a chart that names no period on an axis draws figures of one period only;
//! * a group's figure (`big4`) agrees within 2 % with the sum of its members' figures for the
//!   same period in the same chart, or says why not in `sum_note`;
//! * a twelve-month figure ("the past four quarters") is never among the totals over several
//!   years (pledges): its definition or quote saying so while its kind is `multi_year` or
//!   `cumulative` is refused, so that it gets kind `trailing_12_months` and a bar;
//! * the ratios a chart draws share one level (group, segment or cloud unit): the records'
//!   level, and an article's ratio at another level carries a `note`;
//! * no figure shows twice in one view: no id listed twice, no figure in both `facts` and
//!   `context`, and no two figures of one set (the articles' or the records', the set a view
//!   draws as bars) with the same company, metric, period and value.

use std::collections::HashMap;

use super::chart_def::{is_pledge, ChartDef, PeriodKey};
use super::dataset::Dataset;
use super::error::{DataError, DataErrorKind};
use super::lang::Lang;
use super::types::{Basis, Fact};

/// How far a group's figure may stray from the sum of its members' before it needs a note.
const SUM_TOLERANCE: f64 = 0.02;

/// Words that say a figure covers one year of trailing months, in the languages of the
/// dataset's definitions and quotes.
const TWELVE_MONTH_WORDS: [&str; 10] = [
    "four quarters",
    "12 months",
    "twelve months",
    "trailing",
    "四个季度",
    "四個季度",
    "12个月",
    "12個月",
    "十二个月",
    "十二個月",
];

/// The first of [`TWELVE_MONTH_WORDS`] in what `fact` says it measures (its definition and
/// quote; a `note` may well mention another period beside a pledge).
fn twelve_month_words(fact: &Fact) -> Option<&'static str> {
    let definition = fact
        .definition
        .iter()
        .flat_map(|d| Lang::ALL.map(|lang| d.get(lang)));
    let texts: Vec<String> = definition
        .chain(fact.quote.as_deref())
        .map(str::to_ascii_lowercase)
        .collect();
    TWELVE_MONTH_WORDS
        .into_iter()
        .find(|words| texts.iter().any(|t| t.contains(words)))
}

/// Whether two facts are the same figure: company, metric, unit, period and value.
fn same_figure(a: &Fact, b: &Fact) -> bool {
    a.entity == b.entity
        && a.metric == b.metric
        && a.unit == b.unit
        && PeriodKey::of(&a.period) == PeriodKey::of(&b.period)
        && a.value == b.value
        && a.value_high == b.value_high
}

/// The problems of chart `chart`, located under `at` (`charts[0] (id us-capex)`).
pub(crate) fn check_chart(dataset: &Dataset, chart: &ChartDef, at: &str) -> Vec<DataError> {
    let mut errors = Vec::new();
    let drawn: Vec<(usize, &Fact)> = chart
        .facts
        .iter()
        .enumerate()
        .filter_map(|(j, id)| dataset.fact(id).map(|f| (j, f)))
        .collect();
    let located = |j: usize| format!("{at}.facts[{j}]");

    for &(j, fact) in &drawn {
        if fact.measure.is_none() {
            errors.push(DataError::new(
                located(j),
                DataErrorKind::MeasureRequired {
                    fact: fact.id.clone(),
                },
            ));
        }
        if fact.period.basis == Basis::Plan && fact.as_of.is_none() {
            errors.push(DataError::new(
                located(j),
                DataErrorKind::AsOfRequired {
                    fact: fact.id.clone(),
                },
            ));
        }
    }

    // Claims alone are not a chart: a bar needs something reported, planned or estimated.
    if !drawn.is_empty() && drawn.iter().all(|(_, f)| f.period.basis == Basis::Claim) {
        errors.push(DataError::new(
            at.to_string(),
            DataErrorKind::OnlyClaims {
                chart: chart.id.clone(),
            },
        ));
    }

    let bars: Vec<(usize, &Fact)> = drawn
        .iter()
        .copied()
        .filter(|(_, f)| !is_pledge(f))
        .collect();
    let reported = |f: &Fact| dataset.is_public_record(f);

    // One measure per comparison: the records' measure for each metric the chart tells apart.
    let mut expected: HashMap<String, &str> = HashMap::new();
    for &(j, fact) in bars.iter().filter(|(_, f)| reported(f)) {
        let Some(measure) = fact.measure.as_deref() else {
            continue;
        };
        match expected.get(&chart.comparison_key(fact)) {
            None => {
                expected.insert(chart.comparison_key(fact), measure);
            }
            Some(first) if *first != measure => errors.push(DataError::new(
                located(j),
                DataErrorKind::MixedDefinitions {
                    fact: fact.id.clone(),
                    measure: measure.to_string(),
                    expected: first.to_string(),
                },
            )),
            Some(_) => {}
        }
    }
    for &(j, fact) in bars.iter().filter(|(_, f)| !reported(f)) {
        let (Some(measure), Some(first)) = (
            fact.measure.as_deref(),
            expected.get(&chart.comparison_key(fact)),
        ) else {
            continue;
        };
        if measure != *first && fact.note.is_none() {
            errors.push(DataError::new(
                located(j),
                DataErrorKind::CorrectionRequired {
                    fact: fact.id.clone(),
                    measure: measure.to_string(),
                    expected: first.to_string(),
                },
            ));
        }
    }

    // One period per chart when no axis says which period a bar is.
    if !chart.names_period() {
        if let Some((_, first)) = bars.first() {
            let first_key = PeriodKey::of(&first.period);
            for &(j, fact) in &bars[1..] {
                let key = PeriodKey::of(&fact.period);
                if key != first_key {
                    errors.push(DataError::new(
                        located(j),
                        DataErrorKind::MixedPeriods {
                            fact: fact.id.clone(),
                            found: key.describe(),
                            expected: first_key.describe(),
                        },
                    ));
                }
            }
        }
    }

    // A twelve-month figure is no pledge.
    for &(j, fact) in drawn.iter().filter(|(_, f)| is_pledge(f)) {
        if let Some(words) = twelve_month_words(fact) {
            errors.push(DataError::new(
                located(j),
                DataErrorKind::TwelveMonthsAmongPledges {
                    fact: fact.id.clone(),
                    kind: fact.period.kind,
                    words: words.to_string(),
                },
            ));
        }
    }

    // One level per chart's ratios: the records', and an article's other level is noted.
    let expected_level = bars
        .iter()
        .filter(|(_, f)| reported(f))
        .chain(bars.iter())
        .find_map(|(_, f)| f.level);
    if let Some(expected) = expected_level {
        for &(j, fact) in &bars {
            let Some(level) = fact.level else { continue };
            let noted = !reported(fact) && fact.note.is_some();
            if level != expected && !noted {
                errors.push(DataError::new(
                    located(j),
                    DataErrorKind::MixedLevels {
                        fact: fact.id.clone(),
                        level,
                        expected,
                    },
                ));
            }
        }
    }

    // No figure twice in one view.
    for (k, &(j, fact)) in drawn.iter().enumerate() {
        let repeated = drawn[..k].iter().find(|(_, earlier)| {
            earlier.id == fact.id
                || (reported(earlier) == reported(fact) && same_figure(earlier, fact))
        });
        if let Some((_, first)) = repeated {
            errors.push(DataError::new(
                located(j),
                DataErrorKind::ShownTwice {
                    fact: fact.id.clone(),
                    first: first.id.clone(),
                },
            ));
        }
    }
    for (j, id) in chart.context.iter().enumerate() {
        let Some(fact) = dataset.fact(id) else {
            continue;
        };
        if let Some((_, first)) = drawn
            .iter()
            .find(|(_, f)| f.id == fact.id || same_figure(f, fact))
        {
            errors.push(DataError::new(
                format!("{at}.context[{j}]"),
                DataErrorKind::ShownTwice {
                    fact: fact.id.clone(),
                    first: first.id.clone(),
                },
            ));
        }
    }

    // Totals against their parts.
    for &(j, total) in &bars {
        let Some(group) = dataset.entity(&total.entity) else {
            continue;
        };
        if group.members.is_empty() || total.sum_note.is_some() {
            continue;
        }
        let key = PeriodKey::of(&total.period);
        let parts_from = |from_records: bool| -> Option<f64> {
            group
                .members
                .iter()
                .map(|member| {
                    bars.iter()
                        .map(|(_, f)| *f)
                        .find(|f| {
                            f.entity == *member
                                && reported(f) == from_records
                                && PeriodKey::of(&f.period) == key
                                && f.unit == total.unit
                        })
                        .map(Fact::central_value)
                })
                .sum()
        };
        let sum = parts_from(reported(total)).or_else(|| parts_from(!reported(total)));
        if let Some(sum) = sum {
            let value = total.central_value();
            if (sum - value).abs() > SUM_TOLERANCE * value.abs() {
                errors.push(DataError::new(
                    located(j),
                    DataErrorKind::TotalDisagrees {
                        fact: total.id.clone(),
                        total: value,
                        sum,
                    },
                ));
            }
        }
    }
    errors
}
