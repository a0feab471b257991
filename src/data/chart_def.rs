//! Which facts each dataset chart shows, and how it groups them. Kept in the data file so an
//! editor can add a new figure to a chart (and its table) without a Rust toolchain.

use serde::{Deserialize, Serialize};

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
    /// Fact ids (seed or reference), in table order. All money, or all the same non-money
    /// unit, so that one axis fits them.
    pub facts: Vec<String>,
}
