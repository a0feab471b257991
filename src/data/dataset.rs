//! The whole dataset file: the records of [`super::types`] and the charts of
//! [`super::chart_def`], which reads those records (so this container lives apart from both).

use serde::{Deserialize, Serialize};

use super::chart_def::ChartDef;
use super::types::{Change, Conflict, Entity, Fact, Measure, Metric, ReferenceRate, Source, Split};

/// The whole dataset file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version; this code reads versions 1 and 2 ([`SUPPORTED_SCHEMA_VERSIONS`](super::SUPPORTED_SCHEMA_VERSIONS)).
    pub schema_version: u32,
    /// Date of the last content update, `YYYY-MM-DD`.
    pub dataset_version: String,
    /// One official rate per year, used for every conversion on screen (the nearest year's
    /// for a year without one).
    pub reference_rates: Vec<ReferenceRate>,
    /// Seed articles and public records.
    pub sources: Vec<Source>,
    /// Companies and groups.
    pub entities: Vec<Entity>,
    /// What facts measure.
    pub metrics: Vec<Metric>,
    /// Exact definitions within metrics (optional in the file; empty if absent).
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Figures from the seed articles.
    pub facts: Vec<Fact>,
    /// Figures from public records, for comparison.
    pub reference: Vec<Fact>,
    /// Disagreements between figures.
    pub conflicts: Vec<Conflict>,
    /// The article's dataset charts, in article order (optional in the file; empty if absent).
    #[serde(default)]
    pub charts: Vec<ChartDef>,
    /// What changed, newest first (optional in the file; empty if absent).
    #[serde(default)]
    pub changelog: Vec<Change>,
    /// Set when this is one part of a file the build cut in two; `None` for a whole file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<Split>,
}

impl Dataset {
    /// Whether this is a whole file, with the words, not a figures part ([`Split`]).
    pub fn is_whole(&self) -> bool {
        self.split.is_none()
    }
}
