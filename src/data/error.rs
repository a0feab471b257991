//! The one error type of the data layer: where the problem is and what is wrong, in words an
//! editor can act on.

use std::fmt;

use super::types::{Level, PeriodKind, Qualifier, SourceKind, Unit};

/// The newest schema version this code reads, and the one the shipped file is written in.
/// Version 2 added the `trailing_12_months` period kind (with `end_month`) and the `level` of
/// ratios.
pub const SUPPORTED_SCHEMA_VERSION: u32 = 2;
/// The oldest schema version this code still reads: a version-1 file has neither and reads as
/// it always did.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;
/// Earliest year a period may name.
pub const MIN_YEAR: i32 = 1990;
/// Latest year a period may name.
pub const MAX_YEAR: i32 = 2100;

/// One problem in a dataset file.
///
/// `location` says where, in the file's own terms: `"file"` for syntax errors,
/// `"facts[12] (id s004-meta-capex-2025-plan).value_high"` for a field of a record (the index
/// counts from 0 within its list). `Display` prints `location: what is wrong`, naming the value
/// found and what is allowed.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// Where the problem is.
    pub location: String,
    /// What is wrong.
    pub kind: DataErrorKind,
}

impl DataError {
    /// Builds an error at `location`.
    pub fn new(location: impl Into<String>, kind: DataErrorKind) -> DataError {
        DataError {
            location: location.into(),
            kind,
        }
    }
}

/// What is wrong. New kinds may be added; match with a wildcard arm.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// The text is not valid JSON (or a number is too large to store).
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON reader expected.
        message: String,
    },
    /// A record has a value of the wrong type or an unknown choice (e.g. unit `"usd_bnn"`).
    WrongShape {
        /// The reader's description, naming the value and the allowed choices.
        message: String,
    },
    /// A field name the format does not have (often a typo).
    UnknownField {
        /// The unexpected name.
        field: String,
    },
    /// A required field is absent or empty.
    MissingField {
        /// The field's name.
        field: String,
    },
    /// A list that must have entries is empty.
    EmptyList {
        /// The list's name.
        field: String,
    },
    /// This core was built without the rules (its `rules` feature): it reads only a file whose
    /// bytes the build has checked.
    RulesNotBuilt,
    /// `schema_version` is not one this code reads.
    UnsupportedSchemaVersion {
        /// The version in the file.
        found: u32,
        /// The newest version this code reads ([`OLDEST_SCHEMA_VERSION`] is the oldest).
        supported: u32,
    },
    /// A field or value that the file's `schema_version` does not have yet.
    NeedsNewerSchema {
        /// What is used (`period.kind "trailing_12_months"`, `level`).
        feature: String,
        /// The version that introduced it.
        since: u32,
    },
    /// A `source` id that no entry in `sources` has.
    UnknownSource {
        /// The id.
        id: String,
    },
    /// An `entity` id that no entry in `entities` has.
    UnknownEntity {
        /// The id.
        id: String,
    },
    /// A `metric` id that no entry in `metrics` has.
    UnknownMetric {
        /// The id.
        id: String,
    },
    /// A fact id (in `conflicts`, a chart or a `derived_from` list) that no fact or reference has.
    UnknownFact {
        /// The id.
        id: String,
    },
    /// An id used twice (facts and reference share one id space).
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// A chart id outside [`is_chart_id`](super::is_chart_id)'s pattern: it names the chart in
    /// addresses (`?section=`) and in the page's element ids.
    BadChartId {
        /// The id.
        id: String,
    },
    /// A chart id the page or the calculator already uses
    /// ([`reserved_chart_id`](super::reserved_chart_id)).
    ReservedChartId {
        /// The id.
        id: String,
        /// What it is reserved for.
        reserved_for: &'static str,
    },
    /// A number that is infinite or not a number.
    NotFinite {
        /// The value found.
        value: f64,
    },
    /// An exchange rate that is not a finite number above 0.
    InvalidRate {
        /// The value found.
        value: f64,
    },
    /// A negative count, multiple or power figure.
    Negative {
        /// The value found.
        value: f64,
        /// Its unit.
        unit: Unit,
    },
    /// A number too large for its unit to be a real figure ([`Unit::max_magnitude`]): a typo
    /// such as 1.7e308 that would otherwise reach the charts.
    TooLarge {
        /// The value found.
        value: f64,
        /// Its unit.
        unit: Unit,
        /// The largest magnitude allowed in that unit.
        max: f64,
    },
    /// A percentage outside what its metric allows.
    PercentOutOfRange {
        /// The value found.
        value: f64,
        /// The metric id.
        metric: String,
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value (`None`: no upper limit).
        max: Option<f64>,
    },
    /// A period that cannot exist.
    ImpossiblePeriod {
        /// What is wrong with it.
        problem: PeriodProblem,
    },
    /// `qualifier` is `range` but `value_high` is missing.
    RangeWithoutHigh,
    /// `value_high` is given but `qualifier` is not `range`.
    HighWithoutRange {
        /// The qualifier found.
        qualifier: Qualifier,
        /// The `value_high` found.
        high: f64,
    },
    /// `value_high` is below `value`.
    HighBelowLow {
        /// `value`.
        low: f64,
        /// `value_high`.
        high: f64,
    },
    /// Text that starts with a character a spreadsheet reads as the start of a formula (`=`,
    /// `+`, `-`, `@` or their full-width forms, after any spaces; a tab or a line break):
    /// opened from a CSV of the figures it could run. The rule: www/data/README.md §10.
    FormulaText {
        /// The start of the text.
        text: String,
    },
    /// A seed fact without a (non-empty) quote.
    MissingQuote,
    /// A reference fact without a definition.
    MissingDefinition,
    /// A public-record source without a url.
    MissingUrl,
    /// A url that does not start with `https://`.
    BadUrl {
        /// The url found.
        url: String,
    },
    /// A date not written as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    BadDate {
        /// The text found.
        value: String,
    },
    /// A chart whose figures cannot share one axis: money mixed with another unit, or two
    /// different non-money units.
    MixedChartUnits {
        /// The fact that does not fit.
        fact: String,
        /// Its unit.
        unit: Unit,
        /// The unit of the chart's first figure.
        expected: Unit,
    },
    /// A fact in `facts` citing a public record, or one in `reference` citing a seed.
    WrongSourceKind {
        /// The source id.
        source: String,
        /// The kind this list requires.
        expected: SourceKind,
    },
    /// A changelog entry not dated `YYYY-MM-DD`.
    BadChangeDate {
        /// The value found.
        value: String,
    },
    /// A changelog entry dated after the one listed above it.
    ChangesOutOfOrder {
        /// Its date.
        date: String,
        /// The date of the entry above it.
        above: String,
    },
    /// A `measure` id that no entry in `measures` has.
    UnknownMeasure {
        /// The id.
        id: String,
    },
    /// A charted fact without a `measure`: the chart could not say what it compares.
    MeasureRequired {
        /// The fact id.
        fact: String,
    },
    /// A charted plan without `as_of`: the reader could not tell which plan it is.
    AsOfRequired {
        /// The fact id.
        fact: String,
    },
    /// A public record charted on another measure than the chart's other records.
    MixedDefinitions {
        /// The fact id.
        fact: String,
        /// Its measure.
        measure: String,
        /// The measure of the chart's first record.
        expected: String,
    },
    /// An article's figure on another measure than the chart's records, with no `note` to
    /// say so.
    CorrectionRequired {
        /// The fact id.
        fact: String,
        /// Its measure.
        measure: String,
        /// The chart's measure.
        expected: String,
    },
    /// A chart whose every figure is an unsourced claim (basis `claim`), with no reported,
    /// planned or estimated figure to stand beside: bars would give assertions the look of data.
    OnlyClaims {
        /// The chart id.
        chart: String,
    },
    /// A figure of another period in a chart whose axes name no period.
    MixedPeriods {
        /// The fact id.
        fact: String,
        /// Its period.
        found: String,
        /// The period of the chart's first figure.
        expected: String,
    },
    /// A group's figure that differs from the sum of its members' figures beside it, with
    /// no `sum_note` to say why.
    TotalDisagrees {
        /// The group's fact id.
        fact: String,
        /// The group's figure.
        total: f64,
        /// The sum of the members' figures.
        sum: f64,
    },
    /// A ratio to revenue without `level` (schema 2).
    LevelRequired {
        /// The fact id.
        fact: String,
    },
    /// A ratio at another level (group, segment, cloud unit) than the chart's records, or an
    /// article's ratio at another level with no `note` to say so.
    MixedLevels {
        /// The fact id.
        fact: String,
        /// Its level.
        level: Level,
        /// The level of the chart's records.
        expected: Level,
    },
    /// A figure whose words say it covers twelve months ("four quarters") filed as a total
    /// over several years, so that a chart lists it among the pledges.
    TwelveMonthsAmongPledges {
        /// The fact id.
        fact: String,
        /// Its period kind.
        kind: PeriodKind,
        /// The words that say twelve months.
        words: String,
    },
    /// The same figure twice in one view of a chart: one id listed twice, a figure in both
    /// `facts` and `context`, or two figures of one set (articles or records) with the same
    /// company, metric, period and value, which would be two bars.
    ShownTwice {
        /// The fact id listed second.
        fact: String,
        /// The fact id it repeats.
        first: String,
    },
}

/// Why a period is impossible.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PeriodProblem {
    /// `start` is after `end`.
    StartAfterEnd {
        /// First year.
        start: i32,
        /// Last year.
        end: i32,
    },
    /// A year outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    YearOutOfRange {
        /// The year found.
        year: i32,
    },
    /// A single-year kind spanning several years.
    SpanNotAllowed {
        /// The kind.
        kind: PeriodKind,
        /// First year.
        start: i32,
        /// Last year.
        end: i32,
    },
    /// A quarter or half without `part`.
    PartRequired {
        /// The kind.
        kind: PeriodKind,
    },
    /// A `part` that does not fit the kind (`Q5`, `H3`, `H1` on a quarter…).
    BadPart {
        /// The kind.
        kind: PeriodKind,
        /// The part found.
        part: String,
    },
    /// A `part` on a kind that has none.
    PartNotAllowed {
        /// The kind.
        kind: PeriodKind,
        /// The part found.
        part: String,
    },
    /// `fiscal_year_end` is not a month `"01"`–`"12"`.
    BadFiscalYearEnd {
        /// The text found.
        value: String,
    },
    /// `fiscal_year_end` on a `calendar_year` period.
    FiscalYearEndOnCalendarYear,
    /// A `trailing_12_months` period without `end_month`.
    EndMonthRequired,
    /// `end_month` on a kind other than `trailing_12_months`.
    EndMonthNotAllowed {
        /// The kind.
        kind: PeriodKind,
    },
    /// `end_month` is not a month `"01"`–`"12"`.
    BadEndMonth {
        /// The text found.
        value: String,
    },
    /// A `trailing_12_months` period whose `start` is not the year of its first month.
    TrailingStartWrong {
        /// The `start` found.
        start: i32,
        /// The year the twelve months begin in.
        expected: i32,
    },
}

fn allowed_parts(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Quarter => "\"Q1\", \"Q2\", \"Q3\" or \"Q4\"",
        PeriodKind::Half => "\"H1\" or \"H2\"",
        PeriodKind::YearToDate => "null, or the last quarter covered: \"Q1\", \"Q2\" or \"Q3\"",
        _ => "null",
    }
}

fn source_kind_code(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Seed => "seed",
        SourceKind::PublicRecord => "public_record",
    }
}

fn qualifier_code(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::About => "about",
        Qualifier::Over => "over",
        Qualifier::AtLeast => "at_least",
        Qualifier::UpTo => "up_to",
        Qualifier::Range => "range",
    }
}

impl fmt::Display for PeriodProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodProblem::StartAfterEnd { start, end } => write!(
                f,
                "start {start} is after end {end}; start must be the same year as end or earlier"
            ),
            PeriodProblem::YearOutOfRange { year } => write!(
                f,
                "year {year} is outside the allowed years {MIN_YEAR} to {MAX_YEAR}"
            ),
            PeriodProblem::SpanNotAllowed { kind, start, end } => write!(
                f,
                "a \"{}\" period covers one year, but start is {start} and end is {end}; \
                 use the same year for both, or kind \"multi_year\"",
                kind.code()
            ),
            PeriodProblem::PartRequired { kind } => write!(
                f,
                "part is missing; a \"{}\" period needs part {}",
                kind.code(),
                allowed_parts(*kind)
            ),
            PeriodProblem::BadPart { kind, part } => write!(
                f,
                "part \"{part}\" does not fit a \"{}\" period; allowed: {}",
                kind.code(),
                allowed_parts(*kind)
            ),
            PeriodProblem::PartNotAllowed { kind, part } => write!(
                f,
                "part \"{part}\" is not allowed on a \"{}\" period; use null",
                kind.code()
            ),
            PeriodProblem::BadFiscalYearEnd { value } => write!(
                f,
                "fiscal_year_end \"{value}\" is not a month; use two digits from \"01\" to \"12\" \
                 (Microsoft \"06\", Alibaba \"03\")"
            ),
            PeriodProblem::FiscalYearEndOnCalendarYear => write!(
                f,
                "fiscal_year_end is set on a \"calendar_year\" period; use kind \"fiscal_year\" \
                 or remove fiscal_year_end"
            ),
            PeriodProblem::EndMonthRequired => write!(
                f,
                "end_month is missing; a \"trailing_12_months\" period names the month it ends \
                 in, two digits from \"01\" to \"12\""
            ),
            PeriodProblem::EndMonthNotAllowed { kind } => write!(
                f,
                "end_month is only for \"trailing_12_months\" periods, not \"{}\"; remove it",
                kind.code()
            ),
            PeriodProblem::BadEndMonth { value } => write!(
                f,
                "end_month \"{value}\" is not a month; use two digits from \"01\" to \"12\""
            ),
            PeriodProblem::TrailingStartWrong { start, expected } => write!(
                f,
                "start is {start}, but twelve months ending in that month begin in {expected}; \
                 start is the year of the first month"
            ),
        }
    }
}

impl fmt::Display for DataErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataErrorKind::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "JSON syntax error at line {line}, column {column}: {message}"
            ),
            DataErrorKind::WrongShape { message } => write!(f, "wrong value: {message}"),
            DataErrorKind::RulesNotBuilt => f.write_str(
                "this core was built without the dataset's rules: it reads only a file the build has checked",
            ),
            DataErrorKind::UnknownField { field } => write!(
                f,
                "unknown field \"{field}\"; check the spelling against www/data/README.md"
            ),
            DataErrorKind::MissingField { field } => {
                write!(f, "required field \"{field}\" is missing or empty")
            }
            DataErrorKind::EmptyList { field } => {
                write!(
                    f,
                    "\"{field}\" is an empty list; it needs at least one entry"
                )
            }
            DataErrorKind::UnsupportedSchemaVersion { found, supported } => write!(
                f,
                "schema_version is {found}; this version of the explainer reads \
                 schema_version {OLDEST_SCHEMA_VERSION} to {supported}"
            ),
            DataErrorKind::NeedsNewerSchema { feature, since } => write!(
                f,
                "{feature} exists from schema_version {since} on; set \"schema_version\": \
                 {since} at the top of the file"
            ),
            DataErrorKind::UnknownSource { id } => write!(
                f,
                "source \"{id}\" is not the id of any entry in \"sources\""
            ),
            DataErrorKind::UnknownEntity { id } => write!(
                f,
                "entity \"{id}\" is not the id of any entry in \"entities\""
            ),
            DataErrorKind::UnknownMetric { id } => write!(
                f,
                "metric \"{id}\" is not the id of any entry in \"metrics\""
            ),
            DataErrorKind::UnknownFact { id } => write!(
                f,
                "fact \"{id}\" is not the id of any entry in \"facts\" or \"reference\""
            ),
            DataErrorKind::DuplicateId { id, first } => write!(
                f,
                "id \"{id}\" is already used by {first}; ids must be unique"
            ),
            DataErrorKind::BadChartId { id } => write!(
                f,
                "chart id {id:?} is not allowed; it must be lowercase letters a-z and digits in \
                 parts joined by single hyphens, starting with a letter, at most {} characters \
                 (e.g. us-capex)",
                super::MAX_CHART_ID_LEN
            ),
            DataErrorKind::ReservedChartId { id, reserved_for } => write!(
                f,
                "chart id {id:?} is reserved for {reserved_for}; give the chart another id \
                 (e.g. us-capex)"
            ),
            DataErrorKind::NotFinite { value } => {
                write!(f, "value {value} is not a finite number")
            }
            DataErrorKind::InvalidRate { value } => write!(
                f,
                "exchange rate {value} is not allowed; it must be a finite number of yuan per \
                 US dollar above 0 (e.g. 7.17)"
            ),
            DataErrorKind::Negative { value, unit } => write!(
                f,
                "value {value} is negative; a figure in \"{}\" must be 0 or more",
                unit.code()
            ),
            // A huge value is written in scientific notation, not as 300 digits.
            DataErrorKind::TooLarge { value, unit, max } => write!(
                f,
                "value {value:e} is too large for a figure in \"{}\"; the most allowed is {max} \
                 (either way from 0)",
                unit.code()
            ),
            DataErrorKind::PercentOutOfRange {
                value,
                metric,
                min,
                max,
            } => match max {
                Some(max) => write!(
                    f,
                    "value {value} % is outside {min} to {max} %, the range allowed for the \
                     share \"{metric}\""
                ),
                None => write!(
                    f,
                    "value {value} % is below {min} %, the lowest allowed for \"{metric}\" \
                     (nothing falls by more than 100 %)"
                ),
            },
            DataErrorKind::ImpossiblePeriod { problem } => {
                write!(f, "impossible period: {problem}")
            }
            DataErrorKind::RangeWithoutHigh => write!(
                f,
                "qualifier is \"range\" but value_high is missing; add value_high (the top of \
                 the range) or change the qualifier"
            ),
            DataErrorKind::HighWithoutRange { qualifier, high } => write!(
                f,
                "value_high is {high} but qualifier is \"{}\"; value_high is only allowed with \
                 qualifier \"range\"",
                qualifier_code(*qualifier)
            ),
            DataErrorKind::HighBelowLow { low, high } => write!(
                f,
                "value_high {high} is below value {low}; the top of a range must be at least \
                 its bottom"
            ),
            DataErrorKind::FormulaText { text } => write!(
                f,
                "text {text:?} starts with a character a spreadsheet reads as a formula \
                 (= + - @ or \u{FF1D} \u{FF0B} \u{FF0D} \u{FF20}, also after spaces, or a tab or a \
                 line break); start it with a word or a digit, and write a minus sign as \u{2212}"
            ),
            DataErrorKind::MissingQuote => write!(
                f,
                "quote is missing or empty; a seed fact must quote the article word for word"
            ),
            DataErrorKind::MissingDefinition => write!(
                f,
                "definition is missing or empty; a public-record figure must say what it \
                 measures (e.g. \"Purchases of property & equipment, gross\")"
            ),
            DataErrorKind::MissingUrl => write!(
                f,
                "url is missing; a public record needs an address starting with https://"
            ),
            DataErrorKind::BadUrl { url } => {
                write!(
                    f,
                    "url \"{url}\" is not allowed; it must start with https://"
                )
            }
            DataErrorKind::BadDate { value } => write!(
                f,
                "date \"{value}\" is not valid; write YYYY-MM-DD, YYYY-MM or YYYY \
                 (e.g. 2025-11-11)"
            ),
            DataErrorKind::MixedChartUnits {
                fact,
                unit,
                expected,
            } => write!(
                f,
                "fact \"{fact}\" is in \"{}\" but the chart's first figure is in \"{}\"; a \
                 chart shows only money (any currency) or only one other unit",
                unit.code(),
                expected.code()
            ),
            DataErrorKind::BadChangeDate { value } => write!(
                f,
                "date \"{value}\" is not valid; a change is dated YYYY-MM-DD (e.g. 2026-11-29)"
            ),
            DataErrorKind::ChangesOutOfOrder { date, above } => write!(
                f,
                "{date} is after the entry above it ({above}); list changes newest first"
            ),
            DataErrorKind::UnknownMeasure { id } => {
                write!(
                    f,
                    "measure \"{id}\" is not the id of any entry in \"measures\""
                )
            }
            DataErrorKind::MeasureRequired { fact } => write!(
                f,
                "fact \"{fact}\" has no measure; a charted figure must say exactly what it \
                 measures (an id from \"measures\")"
            ),
            DataErrorKind::AsOfRequired { fact } => write!(
                f,
                "fact \"{fact}\" is a plan without as_of; a charted plan needs the month it \
                 dates from (YYYY-MM)"
            ),
            DataErrorKind::MixedDefinitions {
                fact,
                measure,
                expected,
            } => write!(
                f,
                "fact \"{fact}\" measures \"{measure}\" but the chart's records measure \
                 \"{expected}\"; one chart compares one definition (list it under \
                 \"context\" to keep it in the table)"
            ),
            DataErrorKind::CorrectionRequired {
                fact,
                measure,
                expected,
            } => write!(
                f,
                "fact \"{fact}\" measures \"{measure}\", not the chart's \"{expected}\"; \
                 give it a note saying so"
            ),
            DataErrorKind::OnlyClaims { chart } => write!(
                f,
                "chart \"{chart}\" draws only claims (basis \"claim\"), none reported, planned \
                 or estimated; unsourced shares are not charted: drop the chart or add a figure \
                 with a source"
            ),
            DataErrorKind::MixedPeriods {
                fact,
                found,
                expected,
            } => write!(
                f,
                "fact \"{fact}\" covers {found} but the chart's first figure covers \
                 {expected}; a chart whose axes name no period shows one period"
            ),
            DataErrorKind::TotalDisagrees { fact, total, sum } => write!(
                f,
                "fact \"{fact}\" is {total} but its members' figures beside it add up to \
                 {sum:.1}; add a sum_note saying why"
            ),
            DataErrorKind::LevelRequired { fact } => write!(
                f,
                "fact \"{fact}\" is a ratio to revenue without level; say which part of the \
                 company both figures cover: \"group\", \"segment\" or \"cloud_unit\""
            ),
            DataErrorKind::MixedLevels {
                fact,
                level,
                expected,
            } => write!(
                f,
                "fact \"{fact}\" is a ratio at level \"{}\" but the chart's records are at \
                 \"{}\"; one chart compares one level (list it under \"context\", or give \
                 an article's figure a note saying so)",
                level.code(),
                expected.code()
            ),
            DataErrorKind::TwelveMonthsAmongPledges { fact, kind, words } => write!(
                f,
                "fact \"{fact}\" says it covers twelve months (\"{words}\") but is filed as \
                 \"{}\", so the chart lists it among the totals over several years; use kind \
                 \"trailing_12_months\" with end_month",
                kind.code()
            ),
            DataErrorKind::ShownTwice { fact, first } => write!(
                f,
                "fact \"{fact}\" shows the same figure as \"{first}\" in the same view of \
                 the chart; keep one of them"
            ),
            DataErrorKind::WrongSourceKind { source, expected } => write!(
                f,
                "source \"{source}\" is not a {} source; this list only takes figures from \
                 {} sources",
                source_kind_code(*expected),
                source_kind_code(*expected)
            ),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)
    }
}

impl std::error::Error for DataError {}

/// Every problem found in a dataset file, in file order. Never empty when returned as an
/// error.
#[derive(Debug, Clone, PartialEq)]
pub struct DataErrors(pub Vec<DataError>);

impl DataErrors {
    /// How many problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems.
    pub fn iter(&self) -> std::slice::Iter<'_, DataError> {
        self.0.iter()
    }
}

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

impl<'a> IntoIterator for &'a DataErrors {
    type Item = &'a DataError;
    type IntoIter = std::slice::Iter<'a, DataError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
