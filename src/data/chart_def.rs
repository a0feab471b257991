//! Which facts each dataset chart shows, and how it groups them. Kept in the data file so an
//! editor can add a new figure to a chart (and its table) without a Rust toolchain.
//!
//! A chart compares like with like: the articles' figures and the public records' figures
//! are two sets (told apart by their source's kind) that the reader switches between, one
//! drawn as bars and the other as faint markers; plans are their own series; totals over
//! several years (pledges) never stand among single years but go to a strip of their own; a
//! twelve-month figure that is no calendar or fiscal year ("the four quarters to September")
//! is its own series, never mixed into a yearly one.

use serde::{Deserialize, Serialize};

use super::types::{Basis, Fact, Period, PeriodKind};

/// What a chart's x-axis groups or its colours distinguish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartAxis {
    /// By company or group (`Fact::entity`).
    Entity,
    /// By period (year, quarter, plan vs actual).
    Period,
    /// By what is measured (`Fact::metric`).
    Metric,
    /// By company and what is measured together ("Baidu · cloud revenue"), for charts of
    /// different business lines.
    EntityMetric,
}

/// One chart of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartDef {
    /// Stable id, also the page's section id (`us-capex`).
    pub id: String,
    /// What the x-axis groups.
    pub group_by: ChartAxis,
    /// What the colours (legend) distinguish.
    pub series_by: ChartAxis,
    /// Fact ids (seed or reference) drawn, in table order. All money, or all the same
    /// non-money unit, so that one axis fits them.
    pub facts: Vec<String>,
    /// Fact ids listed in the chart's table only: the same numbers on another definition,
    /// kept for context but never drawn beside the chart's own definition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
}

impl ChartDef {
    /// Whether an axis of this chart names the metric, so that figures of different metrics
    /// are told apart on the chart itself.
    pub fn names_metric(&self) -> bool {
        [self.group_by, self.series_by]
            .iter()
            .any(|a| matches!(a, ChartAxis::Metric | ChartAxis::EntityMetric))
    }

    /// The key of the facts whose definitions are compared with each other: per metric when an
    /// axis names the metric, and per company when companies are the groups (each company's
    /// figures on its one definition, named under its name).
    pub fn comparison_key(&self, fact: &Fact) -> String {
        let metric = if self.names_metric() {
            fact.metric.as_str()
        } else {
            ""
        };
        let entity = match self.group_by {
            ChartAxis::Entity | ChartAxis::EntityMetric => fact.entity.as_str(),
            _ => "",
        };
        format!("{entity}/{metric}")
    }

    /// Whether an axis of this chart names the period, so that figures of different periods
    /// are told apart on the chart itself.
    pub fn names_period(&self) -> bool {
        self.group_by == ChartAxis::Period || self.series_by == ChartAxis::Period
    }
}

/// A total over several years (a multi-year pledge, a running total): shown in the chart's
/// pledge strip, annualised where the span is known, never as a bar among single years.
pub fn is_pledge(fact: &Fact) -> bool {
    matches!(
        fact.period.kind,
        PeriodKind::MultiYear | PeriodKind::Cumulative
    )
}

/// Everything that makes two periods the same bar position: kind, years, part, fiscal year
/// end, the end month of twelve trailing months and whether it is a plan, an actual, an
/// estimate or a claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PeriodKey {
    pub kind: PeriodKind,
    pub start: i32,
    pub end: i32,
    pub part: Option<String>,
    pub fiscal_year_end: Option<String>,
    pub end_month: Option<String>,
    pub basis: Basis,
}

impl PeriodKey {
    /// The key of `period`.
    pub fn of(period: &Period) -> PeriodKey {
        PeriodKey {
            kind: period.kind,
            start: period.start,
            end: period.end,
            part: period.part.clone(),
            fiscal_year_end: period.fiscal_year_end.clone(),
            end_month: period.end_month.clone(),
            basis: period.basis,
        }
    }

    /// `calendar_year 2025 plan`, `fiscal_year 2025 (ends 06) actual`,
    /// `trailing_12_months to 2025-09 actual`, for error messages.
    pub fn describe(&self) -> String {
        let years = match &self.end_month {
            Some(month) => format!("to {}-{month}", self.end),
            None if self.start == self.end => self.end.to_string(),
            None => format!("{}–{}", self.start, self.end),
        };
        let part = self
            .part
            .as_deref()
            .map_or(String::new(), |p| format!(" {p}"));
        let fiscal = self
            .fiscal_year_end
            .as_deref()
            .map_or(String::new(), |m| format!(" (ends {m})"));
        let basis = match self.basis {
            Basis::Plan => "plan",
            Basis::Actual => "actual",
            Basis::Estimate => "estimate",
            Basis::Claim => "claim",
        };
        format!("{} {years}{part}{fiscal} {basis}", self.kind.code())
    }
}

/// The longest chart id [`is_chart_id`] allows.
pub const MAX_CHART_ID_LEN: usize = 40;

/// The page's own sections, which `?section=` names beside the charts. With the dataset's
/// chart ids they make the one list of section ids, which the bake writes into each page for
/// `js/head.js` and the page's own check of the address.
pub const PAGE_SECTIONS: [&str; 2] = ["calculator", "sources"];

/// Whether `id` can name a chart: lowercase letters and digits in parts joined by single
/// hyphens, starting with a letter (`us-capex`). It appears in addresses (`?section=`) and,
/// with the page's `chart-` prefix, in element ids, so it must be plain and safe in both.
/// [`reserved_chart_id`] says which plain ids already mean something else.
pub fn is_chart_id(id: &str) -> bool {
    id.len() <= MAX_CHART_ID_LEN
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The endings of the element ids the page makes from each chart's (`chart-<id>-heading`, …;
/// js/page/article.js). A chart id ending so would repeat another chart's element id;
/// tests/e2e/chart-element-ids.test.mjs checks this list against the live page's ids.
pub const CHART_ELEMENT_SUFFIXES: [&str; 3] = ["-heading", "-tooltip", "-figures-label"];

/// What a chart id is reserved for, when the page or the calculator already uses it: one of
/// the page's sections, the calculator's charts (`model-…`), or an element id the page makes
/// (`chart-key-hint`, and `chart-<id>` plus each of [`CHART_ELEMENT_SUFFIXES`]).
pub fn reserved_chart_id(id: &str) -> Option<&'static str> {
    if PAGE_SECTIONS.contains(&id) {
        Some("one of the page's own sections (calculator, sources)")
    } else if id == "model" || id.starts_with("model-") {
        Some("the calculator's charts (model-…)")
    } else if id == "key-hint" || CHART_ELEMENT_SUFFIXES.iter().any(|end| id.ends_with(end)) {
        Some("the page's element ids (key-hint, …-heading, …-tooltip, …-figures-label)")
    } else {
        None
    }
}
