//! The records of the dataset file, as serde types.
//!
//! Field names and spellings follow `www/data/capex-dataset.json` exactly; the JSON names are
//! given in each doc comment where they differ from the Rust names.

use serde::{Deserialize, Serialize};

use super::lang::{Lang, LocalizedText};

/// The unit a fact's `value` is expressed in.
///
/// Money is stored in the currency the source used, in billions (`usd_bn`, `cny_bn`) or
/// millions (`usd_m`, `cny_m`): 3640亿美元 is `364` `usd_bn` (亿 = 0.1 billion), 3800亿元 is
/// `380` `cny_bn`. Percentages are numbers on a 0–100 scale (`27` means 27 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Billions of US dollars.
    UsdBn,
    /// Billions of Chinese yuan (renminbi).
    CnyBn,
    /// Millions of US dollars.
    UsdM,
    /// Millions of Chinese yuan.
    CnyM,
    /// Percent, 0–100 scale (growth rates may exceed 100).
    Percent,
    /// A plain multiple or ratio (17 for "17 times").
    Multiple,
    /// Millions of things (users, downloads, GPUs).
    CountM,
    /// A plain count.
    Count,
    /// Gigawatts of electric power.
    Gw,
}

/// A currency used by money facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Currency {
    /// US dollar.
    Usd,
    /// Chinese yuan (renminbi).
    Cny,
}

impl Unit {
    /// The largest magnitude a real figure in this unit can have, well above any the articles
    /// or the filings give: money up to about the world's GDP (US$100 trillion, ¥1,000
    /// trillion), growth up to 10,000 %, up to a million times, a trillion things, 100,000 GW.
    /// Anything larger is a typo, and a value near f64's limit would make the charts' axes
    /// overflow.
    pub fn max_magnitude(&self) -> f64 {
        match self {
            Unit::UsdBn => 1e5,
            Unit::CnyBn => 1e6,
            Unit::UsdM => 1e8,
            Unit::CnyM => 1e9,
            Unit::Percent => 1e4,
            Unit::Multiple => 1e6,
            Unit::CountM => 1e6,
            Unit::Count => 1e12,
            Unit::Gw => 1e5,
        }
    }

    /// The currency of a money unit, `None` for everything else.
    pub fn currency(&self) -> Option<Currency> {
        match self {
            Unit::UsdBn | Unit::UsdM => Some(Currency::Usd),
            Unit::CnyBn | Unit::CnyM => Some(Currency::Cny),
            _ => None,
        }
    }

    /// The factor that turns a value in this unit into billions of its currency:
    /// `1.0` for `usd_bn`/`cny_bn`, `0.001` for `usd_m`/`cny_m`, `None` for non-money units.
    pub fn to_billions_factor(&self) -> Option<f64> {
        match self {
            Unit::UsdBn | Unit::CnyBn => Some(1.0),
            Unit::UsdM | Unit::CnyM => Some(0.001),
            _ => None,
        }
    }

    /// The JSON spelling, e.g. `"usd_bn"`.
    pub fn code(&self) -> &'static str {
        match self {
            Unit::UsdBn => "usd_bn",
            Unit::CnyBn => "cny_bn",
            Unit::UsdM => "usd_m",
            Unit::CnyM => "cny_m",
            Unit::Percent => "percent",
            Unit::Multiple => "multiple",
            Unit::CountM => "count_m",
            Unit::Count => "count",
            Unit::Gw => "gw",
        }
    }
}

/// How exact the source's number is. Kept from the wording: 约 = `about`, 超过 = `over`,
/// 至少/…级 = `at_least`, 近/接近 = `about`, 最高 = `up_to`, "600亿至650亿" = `range`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The number as stated.
    Exact,
    /// Approximately (约, 近, 左右, 大约).
    About,
    /// More than (超过, 以上, 上…).
    Over,
    /// At least (至少, …级 as an order of magnitude).
    AtLeast,
    /// At most (最高, 不超过).
    UpTo,
    /// A range from `value` to `value_high`.
    Range,
}

/// What span of time a fact covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// A calendar year (`start == end`).
    CalendarYear,
    /// A company's fiscal year, named by the calendar year in which it ends (`start == end`).
    FiscalYear,
    /// A quarter (`part` is `Q1`–`Q4`); a fiscal quarter when `fiscal_year_end` is set.
    Quarter,
    /// A half year (`part` is `H1`/`H2`).
    Half,
    /// From the start of the year to a date within it; `part` (`Q1`–`Q3`), when given, is
    /// the last quarter covered ("Q1–Q3 2025").
    YearToDate,
    /// Several years, `start..=end` (a multi-year plan).
    MultiYear,
    /// A running total up to `end`; `start == end` when the source gives no starting year.
    Cumulative,
    /// The twelve months to the end of month `end_month` of year `end` ("the past four
    /// quarters"): one year of spending that is not a calendar or fiscal year. `start` is the
    /// year of the first month (`end - 1`, or `end` when the span ends in December). Schema 2.
    #[serde(rename = "trailing_12_months")]
    TrailingTwelveMonths,
    /// A run rate (monthly or quarterly figure scaled to a year).
    Annualized,
    /// A snapshot at a point in time within year `start`, or an undated claim dated to the
    /// year of its article.
    Point,
}

impl PeriodKind {
    /// The JSON spelling, e.g. `"calendar_year"`.
    pub fn code(&self) -> &'static str {
        match self {
            PeriodKind::CalendarYear => "calendar_year",
            PeriodKind::FiscalYear => "fiscal_year",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Half => "half",
            PeriodKind::YearToDate => "year_to_date",
            PeriodKind::MultiYear => "multi_year",
            PeriodKind::Cumulative => "cumulative",
            PeriodKind::TrailingTwelveMonths => "trailing_12_months",
            PeriodKind::Annualized => "annualized",
            PeriodKind::Point => "point",
        }
    }
}

/// Whether a number is a plan, a reported result, an estimate or a bare claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Guidance or an announced plan.
    Plan,
    /// A reported result.
    Actual,
    /// An estimate or inference by the source or by analysts.
    Estimate,
    /// Asserted with no date or definition.
    Claim,
}

/// The time span of a fact.
///
/// Years lie in 1990..=2100 and `start <= end`; `start == end` except for `multi_year` and
/// `cumulative`, and `trailing_12_months` not ending in December. `part` is `"Q1"`–`"Q4"` for
/// quarters, `"H1"`/`"H2"` for halves, else `None`. `fiscal_year_end` is the two-digit month
/// (`"01"`–`"12"`) in which the company's fiscal year ends (Microsoft `"06"`, Alibaba `"03"`,
/// Nvidia `"01"`), when the period is fiscal. `end_month` is the two-digit month a
/// `trailing_12_months` period ends in (`"09"` for "the twelve months to September"), and
/// only there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The kind of span.
    pub kind: PeriodKind,
    /// First year covered.
    pub start: i32,
    /// Last year covered.
    pub end: i32,
    /// `Q1`–`Q4`, `H1`/`H2`, or `None`.
    #[serde(default)]
    pub part: Option<String>,
    /// Plan, actual, estimate or claim.
    pub basis: Basis,
    /// Month (`"01"`–`"12"`) in which the fiscal year ends, for fiscal periods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year_end: Option<String>,
    /// Month (`"01"`–`"12"`) in which a `trailing_12_months` period ends (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_month: Option<String>,
}

/// Reliability grade (the fact-check's scale): A = company filing or earnings call; B = reputable
/// press; C = unsourced, aggregator-only or partly right; D = likely wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    /// Company filing or earnings call.
    A,
    /// Reputable press.
    B,
    /// Unsourced, aggregator-only or partly right.
    C,
    /// Likely wrong.
    D,
}

impl Grade {
    /// `"A"` … `"D"`.
    pub fn code(&self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
        }
    }
}

/// Whether a source is one of the five seed articles or a public record used for comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// One of the five seed articles; its facts carry verbatim quotes.
    Seed,
    /// A public record (filing, press report) named in the fact-check; needs an https url.
    PublicRecord,
}

/// Where figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id, e.g. `"s004"` or `"pr-meta-q4-2024-release"`.
    pub id: String,
    /// Seed article or public record.
    pub kind: SourceKind,
    /// For editors: the seed article's file name; `None` for public records. Never shown to readers.
    #[serde(default)]
    pub seed_file: Option<String>,
    /// Outlet and author as credited.
    pub outlet: LocalizedText,
    /// Headline or document title (required; absent only in a figures part, see [`Split`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalizedText>,
    /// Publication date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// Whether the date is stated or inferred, and from what.
    #[serde(default)]
    pub date_note: Option<LocalizedText>,
    /// Address of the source's own page (the filing, release or article); required (https) for
    /// public records.
    #[serde(default)]
    pub url: Option<String>,
    /// Reliability of the source as a whole.
    pub grade: Grade,
    /// One line on why it has that grade (required; absent only in a figures part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_reason: Option<LocalizedText>,
}

/// Whose number it is: a company, a group of companies, a government, a market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    /// United States.
    #[serde(rename = "US")]
    Us,
    /// China.
    #[serde(rename = "CN")]
    Cn,
    /// Neither or both.
    #[serde(rename = "global")]
    Global,
}

/// A company, group or other actor that facts are about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Id used by facts, e.g. `"amazon"`, `"big4"`.
    pub id: String,
    /// Display name.
    pub name: LocalizedText,
    /// A short label for chart axes and legends, where the full name is long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<LocalizedText>,
    /// Which side of the race it is on.
    pub country: Country,
    /// For a group (`big4`): the entity ids whose figures add up to the group's. A chart that
    /// shows the group and every member in one period checks the sum.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// Exactly what a figure measures, where companies or articles define one metric differently:
/// capex with or without finance leases, gross or net of asset sales; Azure or Microsoft's
/// broader Intelligent Cloud segment. A chart's reported figures share one measure, and the
/// chart names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Id used by facts, e.g. `"capex_ppe_gross"`.
    pub id: String,
    /// The definition in a few words, as a chart caption names it.
    pub name: LocalizedText,
    /// Two or three words, for under a company's name on a chart's axis ("incl. leases").
    pub short: LocalizedText,
}

/// Which part of a company a ratio's two figures cover: capex over revenue means something
/// else for the whole group, for one reported segment and for a cloud unit. A chart's ratios
/// share one level (schema 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The whole group: group capex over group revenue.
    Group,
    /// One reported segment (Microsoft's Intelligent Cloud, Alphabet's Google Cloud).
    Segment,
    /// A cloud unit as the company or the article names it (Alibaba's Cloud Intelligence
    /// Group, "the cloud arms").
    CloudUnit,
}

impl Level {
    /// The JSON spelling, e.g. `"cloud_unit"`.
    pub fn code(&self) -> &'static str {
        match self {
            Level::Group => "group",
            Level::Segment => "segment",
            Level::CloudUnit => "cloud_unit",
        }
    }
}

/// Whether facts of `metric` are a ratio of a money figure to revenue (`capex_share_of_revenue`):
/// such a fact names its [`Level`].
pub fn is_revenue_ratio(metric: &str) -> bool {
    metric.contains("share_of_revenue")
}

/// What a fact measures, e.g. `"capex"` or `"cloud_revenue_growth"`.
///
/// A `percent` fact whose metric id contains `share`, `margin` or `reduction` is a share and
/// must lie in 0–100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Id used by facts.
    pub id: String,
    /// Display name.
    pub name: LocalizedText,
    /// A short label for chart axes and legends, where the full name is long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<LocalizedText>,
}

/// One number from one source.
///
/// Seed facts (`Dataset::facts`) quote the seed verbatim; reference facts
/// (`Dataset::reference`) cite a public record and say what the number measures in
/// `definition`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Unique across facts and reference: `s00N-entity-metric-period` or `ref-…`.
    pub id: String,
    /// Entity id.
    pub entity: String,
    /// Metric id.
    pub metric: String,
    /// The number (the low end for ranges), in `unit`.
    pub value: f64,
    /// The high end; present exactly when `qualifier` is `range`, and `>= value`.
    #[serde(default)]
    pub value_high: Option<f64>,
    /// How exact the number is.
    pub qualifier: Qualifier,
    /// Unit of `value` and `value_high`.
    pub unit: Unit,
    /// Time span covered.
    pub period: Period,
    /// Source id.
    pub source: String,
    /// Verbatim words of the seed (required for seed facts).
    #[serde(default)]
    pub quote: Option<String>,
    /// CNY per USD implied by the source when it states both currencies; else `None`.
    #[serde(default)]
    pub cny_per_usd: Option<f64>,
    /// Grade of this claim when it differs from its source's grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// Caveat, or what public records say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalizedText>,
    /// What the number measures (required for reference facts).
    #[serde(default)]
    pub definition: Option<LocalizedText>,
    /// The [`Measure`] id: exactly what the number measures (required for charted facts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// For a ratio to revenue ([`is_revenue_ratio`]): the part of the company both figures
    /// cover (required there, schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// For a plan: the month it was stated or last confirmed, `YYYY-MM` (required for charted
    /// plans, which are labelled with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// For a group's figure: why it differs from the sum of its members' figures in the same
    /// period (required when a chart shows both and they differ by more than 2 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum_note: Option<LocalizedText>,
    /// For a figure computed from other records (a ratio of two filings' figures): their ids,
    /// so it is credited to their sources, not to a page that only repeats it. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived_from: Vec<String>,
}

/// Two or more figures that disagree, and why (`C1`, `C2`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// `"C1"` … `"C16"`.
    pub id: String,
    /// Short title (required; absent only in a figures part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalizedText>,
    /// Ids of the facts (seed or reference) involved.
    pub facts: Vec<String>,
    /// The likely reason for the disagreement (required; absent only in a figures part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<LocalizedText>,
}

/// The official exchange rate every figure of one year is converted at, with where it comes
/// from. A seed's own implied rate is never used to convert: it only appears in the table
/// ("the article says ≈ …").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRate {
    /// The year whose figures it converts.
    pub year: i32,
    /// Yuan per US dollar; finite and positive.
    pub cny_per_usd: f64,
    /// Id of the public record that publishes it.
    pub source: String,
    /// What the rate is ("annual average", "central parity on 31 Dec 2024").
    pub basis: LocalizedText,
}

/// One published change to the figures, newest first in the file: readers of an article that
/// already ran see corrections, not silent changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// When it was published, `YYYY-MM-DD`.
    pub date: String,
    /// What changed and why, for readers.
    pub text: LocalizedText,
}

/// Which part of a dataset file a file is, when the build has cut the file in two
/// (`www/js/core/dataset-parts.js`): the page loads the figures with the core, and the words
/// of the figures no chart draws (quotes, notes, definitions), the sources' titles, grade
/// reasons and addresses, the conflicts' titles and explanations and the changes only when a
/// reader asks for them.
///
/// A figures part may leave out exactly those words; every other rule holds as in the whole
/// file, the chart rules included (the figures a chart draws keep their words). The rules that
/// require the words themselves are checked on the whole file, which the build checks with
/// this core before it cuts it.
///
/// The build cuts one pair of parts per reader language (`lang`): each text of those parts
/// carries that language only, so a page loads no other language's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    /// The only part the core reads.
    pub part: SplitPart,
    /// A digest of the figures part, carried by both parts, so a page joins words only to the
    /// figures they were cut with.
    pub of: String,
    /// The one language of the parts' texts (`en`, `zh-Hans` or `zh-Hant`), when the build cut
    /// them for one language; absent, every text carries every language as in the whole file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

/// See [`Split`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SplitPart {
    /// Everything but the words.
    Figures,
}
