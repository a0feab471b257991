//! The rules a dataset must follow beyond its JSON shape, checked all at once.
//!
//! Every rule adds errors to one list instead of stopping, so an editor sees every problem in
//! one pass. The rules:
//!
//! * ids are non-empty and unique within sources, entities, metrics, conflicts, and across
//!   facts + reference together;
//! * every `source`, `entity`, `metric` and conflict fact id names an existing record;
//! * `reference_rates` has one finite, positive rate per year, each citing a public record;
//! * `facts` cite `seed` sources and carry a non-empty verbatim `quote`; `reference` cites
//!   `public_record` sources and carries a `definition`; public records have an `https://` url
//!   and seeds a `seed_file`;
//! * numbers are finite; exchange rates are finite and above 0; counts, multiples and
//!   gigawatts are not negative; a percentage whose metric is a share (metric id containing
//!   `share`, `margin` or `reduction`) lies in 0–100, any other percentage is at least −100;
//! * `value_high` is present exactly when `qualifier` is `range`, and is at least `value`;
//! * periods are possible: years in 1990–2100, `start <= end`, one year except for
//!   `multi_year`/`cumulative`, `part` fits the kind, `fiscal_year_end` is a month; a
//!   `trailing_12_months` period names its `end_month` (and nothing else does) and starts in
//!   the year of its first month;
//! * a ratio to revenue names its `level`; a schema-1 file uses neither `level` nor
//!   `trailing_12_months`, which schema 2 introduced;
//! * dates read `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; localized texts have `en` and `zh-Hans`;
//! * measures have unique ids; a fact's `measure` names one; `as_of` reads `YYYY-MM`; a
//!   group's `members` are known entities;
//! * changelog entries are dated `YYYY-MM-DD`, worded, and listed newest first;
//! * charts have unique ids and name known facts, all money or all one other unit, and
//!   follow the comparison rules of [`chart_rules`](super::chart_rules).

use std::collections::HashMap;

use super::chart_rules::check_chart;
use super::dataset::Dataset;
use super::error::{
    DataError, DataErrorKind, PeriodProblem, MAX_YEAR, MIN_YEAR, OLDEST_SCHEMA_VERSION,
    SUPPORTED_SCHEMA_VERSION,
};
use super::lang::{Lang, LocalizedText};
use super::parse::{entry_location, Broken};
use super::types::{is_revenue_ratio, Fact, Period, PeriodKind, Qualifier, SourceKind, Unit};

/// The schema version that introduced `trailing_12_months`, `end_month` and `level`.
const TRAILING_AND_LEVEL_SINCE: u32 = 2;

/// Whether a percent metric is a share of a whole (0–100) rather than a change.
pub(crate) fn metric_is_share(metric: &str) -> bool {
    metric.contains("share") || metric.contains("margin") || metric.contains("reduction")
}

fn is_digits(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit())
}

/// `"01"`–`"12"`.
fn is_month(text: &str) -> bool {
    is_digits(text, 2)
        && text
            .parse::<u32>()
            .map(|m| (1..=12).contains(&m))
            .unwrap_or(false)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month 01–12 and a day 01–31.
pub(crate) fn is_valid_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let in_range = |part: &str, low: u32, high: u32| {
        part.parse::<u32>()
            .map(|n| (low..=high).contains(&n))
            .unwrap_or(false)
    };
    match parts.as_slice() {
        [year] => is_digits(year, 4),
        [year, month] => is_digits(year, 4) && is_digits(month, 2) && in_range(month, 1, 12),
        [year, month, day] => {
            is_digits(year, 4)
                && is_digits(month, 2)
                && in_range(month, 1, 12)
                && is_digits(day, 2)
                && in_range(day, 1, 31)
        }
        _ => false,
    }
}

struct Checker<'a> {
    errors: Vec<DataError>,
    broken: &'a Broken,
    schema_version: u32,
    /// A whole file, not a figures part: its words are required and checked here.
    whole: bool,
    /// The one language of a language part's texts; `None`: every text needs English and
    /// Simplified Chinese.
    lang: Option<Lang>,
}

impl Checker<'_> {
    fn push(&mut self, location: String, kind: DataErrorKind) {
        self.errors.push(DataError::new(location, kind));
    }

    /// `{at}.source` names a known source of kind `expected`.
    fn source_of_kind(
        &mut self,
        at: &str,
        source: &str,
        expected: SourceKind,
        kinds: &HashMap<&str, SourceKind>,
    ) {
        match kinds.get(source) {
            Some(kind) if *kind != expected => self.push(
                format!("{at}.source"),
                DataErrorKind::WrongSourceKind {
                    source: source.to_string(),
                    expected,
                },
            ),
            Some(_) => {}
            None if self.broken.sources.contains(source) => {}
            None => self.push(
                format!("{at}.source"),
                DataErrorKind::UnknownSource {
                    id: source.to_string(),
                },
            ),
        }
    }

    /// Required words `{at}.{field}`: checked as text when present; missing only in a figures
    /// part ([`crate::data::Split`]), which leaves the words to the whole file.
    fn words(&mut self, at: &str, field: &str, text: Option<&LocalizedText>) {
        match text {
            Some(text) => self.text(at, field, text),
            None if self.whole => self.push(
                at.to_string(),
                DataErrorKind::MissingField {
                    field: field.to_string(),
                },
            ),
            None => {}
        }
    }

    fn text(&mut self, at: &str, field: &str, text: &LocalizedText) {
        self.spreadsheet_safe(&format!("{at}.{field}.en"), &text.en);
        self.spreadsheet_safe(&format!("{at}.{field}.zh-Hans"), &text.zh_hans);
        if let Some(zh_hant) = &text.zh_hant {
            self.spreadsheet_safe(&format!("{at}.{field}.zh-Hant"), zh_hant);
        }
        if let Some(lang) = self.lang {
            if !text.has(lang) {
                self.push(
                    format!("{at}.{field}"),
                    DataErrorKind::MissingField {
                        field: format!("{field}.{}", lang.code()),
                    },
                );
            }
            return;
        }
        if text.en.trim().is_empty() {
            self.push(
                format!("{at}.{field}"),
                DataErrorKind::MissingField {
                    field: format!("{field}.en"),
                },
            );
        }
        if text.zh_hans.trim().is_empty() {
            self.push(
                format!("{at}.{field}"),
                DataErrorKind::MissingField {
                    field: format!("{field}.zh-Hans"),
                },
            );
        }
    }

    /// Text that lands in a CSV cell (the readers' figures, the editors' sheet) must not read
    /// as a formula there; the CSV writer neutralises it too, but the file should not need it.
    fn spreadsheet_safe(&mut self, at: &str, text: &str) {
        if reads_as_formula(text) {
            let start: String = text.chars().take(24).collect();
            self.push(at.to_string(), DataErrorKind::FormulaText { text: start });
        }
    }

    /// Records `id` as seen at `at`; reports empty and duplicate ids.
    fn id(&mut self, seen: &mut HashMap<String, String>, at: &str, id: &str) {
        if id.trim().is_empty() {
            self.push(
                format!("{at}.id"),
                DataErrorKind::MissingField {
                    field: "id".to_string(),
                },
            );
            return;
        }
        match seen.get(id) {
            Some(first) => {
                let first = first.clone();
                self.push(
                    format!("{at}.id"),
                    DataErrorKind::DuplicateId {
                        id: id.to_string(),
                        first,
                    },
                );
            }
            None => {
                seen.insert(id.to_string(), at.to_string());
            }
        }
    }

    fn period(&mut self, at: &str, period: &Period) {
        let at = format!("{at}.period");
        let mut problems = Vec::new();
        for year in [period.start, period.end] {
            if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
                problems.push(PeriodProblem::YearOutOfRange { year });
            }
        }
        if period.start == period.end && problems.len() == 2 {
            problems.pop();
        }
        let multi = matches!(period.kind, PeriodKind::MultiYear | PeriodKind::Cumulative);
        let trailing = period.kind == PeriodKind::TrailingTwelveMonths;
        if period.start > period.end {
            problems.push(PeriodProblem::StartAfterEnd {
                start: period.start,
                end: period.end,
            });
        } else if trailing {
            // Twelve months ending in December lie in one year; any other end month reaches
            // back into the year before.
            if let Some(month) = period.end_month.as_deref().filter(|m| is_month(m)) {
                let expected = if month == "12" {
                    period.end
                } else {
                    period.end - 1
                };
                if period.start != expected {
                    problems.push(PeriodProblem::TrailingStartWrong {
                        start: period.start,
                        expected,
                    });
                }
            }
        } else if !multi && period.start != period.end {
            problems.push(PeriodProblem::SpanNotAllowed {
                kind: period.kind,
                start: period.start,
                end: period.end,
            });
        }
        let allowed: &[&str] = match period.kind {
            PeriodKind::Quarter => &["Q1", "Q2", "Q3", "Q4"],
            PeriodKind::Half => &["H1", "H2"],
            // The last quarter a year-to-date figure covers ("Q3": January to September).
            PeriodKind::YearToDate => &["Q1", "Q2", "Q3"],
            _ => &[],
        };
        let part_optional = period.kind == PeriodKind::YearToDate;
        match (&period.part, allowed.is_empty()) {
            (None, false) if !part_optional => {
                problems.push(PeriodProblem::PartRequired { kind: period.kind })
            }
            (Some(part), false) if !allowed.contains(&part.as_str()) => {
                problems.push(PeriodProblem::BadPart {
                    kind: period.kind,
                    part: part.clone(),
                })
            }
            (Some(part), true) => problems.push(PeriodProblem::PartNotAllowed {
                kind: period.kind,
                part: part.clone(),
            }),
            _ => {}
        }
        match (&period.end_month, trailing) {
            (None, true) => problems.push(PeriodProblem::EndMonthRequired),
            (Some(month), true) if !is_month(month) => problems.push(PeriodProblem::BadEndMonth {
                value: month.clone(),
            }),
            (Some(_), false) => {
                problems.push(PeriodProblem::EndMonthNotAllowed { kind: period.kind })
            }
            _ => {}
        }
        if self.schema_version < TRAILING_AND_LEVEL_SINCE {
            let newer = [
                (trailing, "period.kind \"trailing_12_months\""),
                (period.end_month.is_some(), "period.end_month"),
            ];
            for (_, feature) in newer.iter().filter(|(used, _)| *used) {
                self.push(
                    at.clone(),
                    DataErrorKind::NeedsNewerSchema {
                        feature: feature.to_string(),
                        since: TRAILING_AND_LEVEL_SINCE,
                    },
                );
            }
        }
        if let Some(month) = &period.fiscal_year_end {
            if !is_month(month) {
                problems.push(PeriodProblem::BadFiscalYearEnd {
                    value: month.clone(),
                });
            } else if period.kind == PeriodKind::CalendarYear {
                problems.push(PeriodProblem::FiscalYearEndOnCalendarYear);
            }
        }
        for problem in problems {
            self.push(at.clone(), DataErrorKind::ImpossiblePeriod { problem });
        }
    }

    fn value(&mut self, at: &str, fact: &Fact) {
        for (field, number) in [("value", Some(fact.value)), ("value_high", fact.value_high)] {
            let Some(number) = number else { continue };
            let here = format!("{at}.{field}");
            if !number.is_finite() {
                self.push(here, DataErrorKind::NotFinite { value: number });
                continue;
            }
            let max = fact.unit.max_magnitude();
            if number.abs() > max {
                self.push(
                    here,
                    DataErrorKind::TooLarge {
                        value: number,
                        unit: fact.unit,
                        max,
                    },
                );
                continue;
            }
            match fact.unit {
                Unit::Count | Unit::CountM | Unit::Multiple | Unit::Gw if number < 0.0 => {
                    self.push(
                        here,
                        DataErrorKind::Negative {
                            value: number,
                            unit: fact.unit,
                        },
                    );
                }
                Unit::Percent => {
                    let share = metric_is_share(&fact.metric);
                    let out = if share {
                        !(0.0..=100.0).contains(&number)
                    } else {
                        number < -100.0
                    };
                    if out {
                        self.push(
                            here,
                            DataErrorKind::PercentOutOfRange {
                                value: number,
                                metric: fact.metric.clone(),
                                min: if share { 0.0 } else { -100.0 },
                                max: if share { Some(100.0) } else { None },
                            },
                        );
                    }
                }
                _ => {}
            }
        }
        match (fact.qualifier, fact.value_high) {
            (Qualifier::Range, None) => {
                self.push(format!("{at}.value_high"), DataErrorKind::RangeWithoutHigh)
            }
            (Qualifier::Range, Some(high)) => {
                if high.is_finite() && fact.value.is_finite() && high < fact.value {
                    self.push(
                        format!("{at}.value_high"),
                        DataErrorKind::HighBelowLow {
                            low: fact.value,
                            high,
                        },
                    );
                }
            }
            (qualifier, Some(high)) => self.push(
                format!("{at}.value_high"),
                DataErrorKind::HighWithoutRange { qualifier, high },
            ),
            (_, None) => {}
        }
        if let Some(rate) = fact.cny_per_usd {
            if !(rate.is_finite() && rate > 0.0) {
                self.push(
                    format!("{at}.cny_per_usd"),
                    DataErrorKind::InvalidRate { value: rate },
                );
            }
        }
    }
}

/// Which list a fact sits in; decides the source kind and the required fields.
#[derive(Clone, Copy)]
enum FactList {
    Seed,
    Reference,
}

/// Checks every rule on `dataset`. `broken` names records that could not be read, so that
/// references to them are not reported a second time.
pub(crate) fn check(dataset: &Dataset, broken: &Broken) -> Vec<DataError> {
    let mut c = Checker {
        errors: Vec::new(),
        broken,
        schema_version: dataset.schema_version,
        whole: dataset.is_whole(),
        lang: dataset.split.as_ref().and_then(|split| split.lang),
    };

    if !(OLDEST_SCHEMA_VERSION..=SUPPORTED_SCHEMA_VERSION).contains(&dataset.schema_version) {
        c.push(
            "schema_version".to_string(),
            DataErrorKind::UnsupportedSchemaVersion {
                found: dataset.schema_version,
                supported: SUPPORTED_SCHEMA_VERSION,
            },
        );
    }
    if !c.broken.dataset_version {
        let version = &dataset.dataset_version;
        if !(version.len() == 10 && is_valid_date(version)) {
            c.push(
                "dataset_version".to_string(),
                DataErrorKind::BadDate {
                    value: version.clone(),
                },
            );
        }
    }

    // Sources.
    let mut source_ids = HashMap::new();
    for (i, source) in dataset.sources.iter().enumerate() {
        let at = entry_location("sources", i, Some(&source.id));
        c.id(&mut source_ids, &at, &source.id);
        c.text(&at, "outlet", &source.outlet);
        c.words(&at, "title", source.title.as_ref());
        c.words(&at, "grade_reason", source.grade_reason.as_ref());
        if let Some(note) = &source.date_note {
            c.text(&at, "date_note", note);
        }
        if !is_valid_date(&source.date) {
            c.push(
                format!("{at}.date"),
                DataErrorKind::BadDate {
                    value: source.date.clone(),
                },
            );
        }
        match source.kind {
            // A figures part leaves out the seed's file and the record's address with the words.
            _ if !c.whole => {}
            SourceKind::Seed => {
                if source
                    .seed_file
                    .as_deref()
                    .is_none_or(|f| f.trim().is_empty())
                {
                    c.push(
                        format!("{at}.seed_file"),
                        DataErrorKind::MissingField {
                            field: "seed_file".to_string(),
                        },
                    );
                }
            }
            SourceKind::PublicRecord => match source.url.as_deref() {
                None | Some("") => c.push(format!("{at}.url"), DataErrorKind::MissingUrl),
                Some(_) => {}
            },
        }
        if let Some(url) = source.url.as_deref() {
            let https = url.starts_with("https://") && url.len() > "https://".len();
            if !url.is_empty() && !https {
                c.push(
                    format!("{at}.url"),
                    DataErrorKind::BadUrl {
                        url: url.to_string(),
                    },
                );
            }
        }
    }
    let source_kind: HashMap<&str, SourceKind> = dataset
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.kind))
        .collect();

    // Entities and metrics.
    let mut entity_ids = HashMap::new();
    for (i, entity) in dataset.entities.iter().enumerate() {
        let at = entry_location("entities", i, Some(&entity.id));
        c.id(&mut entity_ids, &at, &entity.id);
        c.text(&at, "name", &entity.name);
        if let Some(short) = &entity.short {
            c.text(&at, "short", short);
        }
    }
    for (i, entity) in dataset.entities.iter().enumerate() {
        let at = entry_location("entities", i, Some(&entity.id));
        for (j, member) in entity.members.iter().enumerate() {
            if !entity_ids.contains_key(member) && !c.broken.entities.contains(member) {
                c.push(
                    format!("{at}.members[{j}]"),
                    DataErrorKind::UnknownEntity { id: member.clone() },
                );
            }
        }
    }
    let mut measure_ids = HashMap::new();
    for (i, measure) in dataset.measures.iter().enumerate() {
        let at = entry_location("measures", i, Some(&measure.id));
        c.id(&mut measure_ids, &at, &measure.id);
        c.text(&at, "name", &measure.name);
        c.text(&at, "short", &measure.short);
    }
    let mut metric_ids = HashMap::new();
    for (i, metric) in dataset.metrics.iter().enumerate() {
        let at = entry_location("metrics", i, Some(&metric.id));
        c.id(&mut metric_ids, &at, &metric.id);
        c.text(&at, "name", &metric.name);
        if let Some(short) = &metric.short {
            c.text(&at, "short", short);
        }
    }

    // Facts and reference share one id space.
    let mut fact_ids = HashMap::new();
    let lists = [
        ("facts", FactList::Seed, &dataset.facts),
        ("reference", FactList::Reference, &dataset.reference),
    ];
    for (list, which, facts) in lists {
        for (i, fact) in facts.iter().enumerate() {
            let at = entry_location(list, i, Some(&fact.id));
            c.id(&mut fact_ids, &at, &fact.id);
            if !entity_ids.contains_key(&fact.entity) && !c.broken.entities.contains(&fact.entity) {
                c.push(
                    format!("{at}.entity"),
                    DataErrorKind::UnknownEntity {
                        id: fact.entity.clone(),
                    },
                );
            }
            if !metric_ids.contains_key(&fact.metric) && !c.broken.metrics.contains(&fact.metric) {
                c.push(
                    format!("{at}.metric"),
                    DataErrorKind::UnknownMetric {
                        id: fact.metric.clone(),
                    },
                );
            }
            let expected = match which {
                FactList::Seed => SourceKind::Seed,
                FactList::Reference => SourceKind::PublicRecord,
            };
            c.source_of_kind(&at, &fact.source, expected, &source_kind);
            match which {
                _ if !c.whole => {}
                FactList::Seed => {
                    if fact.quote.as_deref().is_none_or(|q| q.trim().is_empty()) {
                        c.push(format!("{at}.quote"), DataErrorKind::MissingQuote);
                    }
                }
                FactList::Reference => {
                    let empty = fact
                        .definition
                        .as_ref()
                        .is_none_or(|d| d.en.trim().is_empty() || d.zh_hans.trim().is_empty());
                    if empty {
                        c.push(format!("{at}.definition"), DataErrorKind::MissingDefinition);
                    } else if let Some(definition) = &fact.definition {
                        c.text(&at, "definition", definition);
                    }
                }
            }
            if let Some(quote) = &fact.quote {
                c.spreadsheet_safe(&format!("{at}.quote"), quote);
            }
            if let (FactList::Seed, Some(definition)) = (which, &fact.definition) {
                c.text(&at, "definition", definition);
            }
            if let Some(note) = &fact.note {
                c.text(&at, "note", note);
            }
            if let Some(note) = &fact.sum_note {
                c.text(&at, "sum_note", note);
            }
            if let Some(measure) = &fact.measure {
                if !measure_ids.contains_key(measure) && !c.broken.measures.contains(measure) {
                    c.push(
                        format!("{at}.measure"),
                        DataErrorKind::UnknownMeasure {
                            id: measure.clone(),
                        },
                    );
                }
            }
            if let Some(month) = &fact.as_of {
                if month.len() != "YYYY-MM".len() || !is_valid_date(month) {
                    c.push(
                        format!("{at}.as_of"),
                        DataErrorKind::BadDate {
                            value: month.clone(),
                        },
                    );
                }
            }
            match (fact.level, c.schema_version < TRAILING_AND_LEVEL_SINCE) {
                (Some(_), true) => c.push(
                    format!("{at}.level"),
                    DataErrorKind::NeedsNewerSchema {
                        feature: "level".to_string(),
                        since: TRAILING_AND_LEVEL_SINCE,
                    },
                ),
                (None, false) if is_revenue_ratio(&fact.metric) => c.push(
                    format!("{at}.level"),
                    DataErrorKind::LevelRequired {
                        fact: fact.id.clone(),
                    },
                ),
                _ => {}
            }
            c.value(&at, fact);
            c.period(&at, &fact.period);
        }
    }
    let fact_known =
        |id: &str, c: &Checker<'_>| fact_ids.contains_key(id) || c.broken.facts.contains(id);

    // A derived figure names records that exist.
    for (list, facts) in [("facts", &dataset.facts), ("reference", &dataset.reference)] {
        for (i, fact) in facts.iter().enumerate() {
            for (j, id) in fact.derived_from.iter().enumerate() {
                if !fact_known(id, &c) {
                    let at = entry_location(list, i, Some(&fact.id));
                    c.push(
                        format!("{at}.derived_from[{j}]"),
                        DataErrorKind::UnknownFact { id: id.clone() },
                    );
                }
            }
        }
    }

    // The reference rates: at least one, one per year, each published by a public record.
    if dataset.reference_rates.is_empty() {
        c.push(
            "reference_rates".to_string(),
            DataErrorKind::EmptyList {
                field: "reference_rates".to_string(),
            },
        );
    }
    let mut rate_years = HashMap::new();
    for (i, rate) in dataset.reference_rates.iter().enumerate() {
        let at = format!("reference_rates[{i}] (year {})", rate.year);
        if let Some(first) = rate_years.insert(rate.year, at.clone()) {
            c.push(
                format!("{at}.year"),
                DataErrorKind::DuplicateId {
                    id: rate.year.to_string(),
                    first,
                },
            );
        }
        if !(rate.cny_per_usd.is_finite() && rate.cny_per_usd > 0.0) {
            c.push(
                format!("{at}.cny_per_usd"),
                DataErrorKind::InvalidRate {
                    value: rate.cny_per_usd,
                },
            );
        }
        c.source_of_kind(&at, &rate.source, SourceKind::PublicRecord, &source_kind);
        c.text(&at, "basis", &rate.basis);
    }

    // Conflicts.
    let mut conflict_ids = HashMap::new();
    for (i, conflict) in dataset.conflicts.iter().enumerate() {
        let at = entry_location("conflicts", i, Some(&conflict.id));
        c.id(&mut conflict_ids, &at, &conflict.id);
        c.words(&at, "title", conflict.title.as_ref());
        c.words(&at, "explanation", conflict.explanation.as_ref());
        if conflict.facts.is_empty() {
            c.push(
                format!("{at}.facts"),
                DataErrorKind::EmptyList {
                    field: "facts".to_string(),
                },
            );
        }
        for (j, id) in conflict.facts.iter().enumerate() {
            if !fact_known(id, &c) {
                c.push(
                    format!("{at}.facts[{j}]"),
                    DataErrorKind::UnknownFact { id: id.clone() },
                );
            }
        }
    }

    // The changelog: dated, worded, newest first.
    for (i, change) in dataset.changelog.iter().enumerate() {
        let at = format!("changelog[{i}]");
        if !is_valid_date(&change.date) || change.date.len() != "YYYY-MM-DD".len() {
            c.push(
                format!("{at}.date"),
                DataErrorKind::BadChangeDate {
                    value: change.date.clone(),
                },
            );
        }
        c.text(&at, "text", &change.text);
        if let Some(above) = i.checked_sub(1).and_then(|j| dataset.changelog.get(j)) {
            if above.date < change.date {
                c.push(
                    format!("{at}.date"),
                    DataErrorKind::ChangesOutOfOrder {
                        date: change.date.clone(),
                        above: above.date.clone(),
                    },
                );
            }
        }
    }

    // Charts.
    let mut chart_ids = HashMap::new();
    for (i, chart) in dataset.charts.iter().enumerate() {
        let at = entry_location("charts", i, Some(&chart.id));
        c.id(&mut chart_ids, &at, &chart.id);
        if !chart.id.trim().is_empty() && !super::is_chart_id(&chart.id) {
            c.push(
                format!("{at}.id"),
                DataErrorKind::BadChartId {
                    id: chart.id.clone(),
                },
            );
        } else if let Some(reserved_for) = super::reserved_chart_id(&chart.id) {
            c.push(
                format!("{at}.id"),
                DataErrorKind::ReservedChartId {
                    id: chart.id.clone(),
                    reserved_for,
                },
            );
        }
        if chart.facts.is_empty() {
            c.push(
                format!("{at}.facts"),
                DataErrorKind::EmptyList {
                    field: "facts".to_string(),
                },
            );
        }
        let mut first_unit: Option<Unit> = None;
        for (j, id) in chart.facts.iter().enumerate() {
            if !fact_known(id, &c) {
                c.push(
                    format!("{at}.facts[{j}]"),
                    DataErrorKind::UnknownFact { id: id.clone() },
                );
                continue;
            }
            let Some(fact) = dataset.fact(id) else {
                continue;
            };
            match first_unit {
                None => first_unit = Some(fact.unit),
                Some(expected) => {
                    let fits = match (expected.currency(), fact.unit.currency()) {
                        (Some(_), Some(_)) => true,
                        (None, None) => expected == fact.unit,
                        _ => false,
                    };
                    if !fits {
                        c.push(
                            format!("{at}.facts[{j}]"),
                            DataErrorKind::MixedChartUnits {
                                fact: id.clone(),
                                unit: fact.unit,
                                expected,
                            },
                        );
                    }
                }
            }
        }
        for (j, id) in chart.context.iter().enumerate() {
            if !fact_known(id, &c) {
                c.push(
                    format!("{at}.context[{j}]"),
                    DataErrorKind::UnknownFact { id: id.clone() },
                );
            }
        }
        c.errors.extend(check_chart(dataset, chart, &at));
    }

    c.errors
}

/// Whether a spreadsheet could run `text` as a formula. The rule, the same as the CSV writer's
/// (`www/js/data-file/delimited.js`, `readsAsFormula`), is documented in www/data/README.md §10:
/// text starting with a tab or a line break, or whose first character after white space,
/// zero-width characters (U+200B–U+200F, U+2060) and BOMs (U+FEFF) is `=` `+` `-` `@` or their
/// full-width forms `＝` `＋` `－` `＠` — unless the text is a plain signed number, such as
/// `-20%` or `+1,234.5`, which a spreadsheet reads as a number.
fn reads_as_formula(text: &str) -> bool {
    const STARTERS: [char; 8] = [
        '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ];
    let ignorable = |c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
    };
    if text.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    text.trim_start_matches(ignorable).starts_with(STARTERS) && !is_plain_signed_number(text)
}

/// `-20%`, `+5`, `-1,234.5`: a sign, digits (in groups of three after commas, or not grouped),
/// an optional decimal part and an optional `%`.
fn is_plain_signed_number(text: &str) -> bool {
    let Some(unsigned) = text.strip_prefix(['-', '+']) else {
        return false;
    };
    let number = unsigned.strip_suffix('%').unwrap_or(unsigned);
    let (integer, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut groups = integer.split(',');
    let first = groups.next().unwrap_or("");
    let grouped = integer.contains(',');
    digits(fraction)
        && digits(first)
        && (!grouped || first.len() <= 3)
        && groups.all(|g| g.len() == 3 && digits(g))
}
