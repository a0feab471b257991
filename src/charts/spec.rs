//! What a chart shows, independent of how it is drawn: plain data the chart builders fill
//! from the dataset or the model, and the renderers draw.

use serde::Serialize;

/// How axis ticks are written, in the reader's conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TickStyle {
    /// Plain numbers (`30000`).
    #[default]
    Plain,
    /// English: thousands separators (`30,000`).
    Grouped,
    /// Chinese money in 亿: `5000亿`, `3万亿` (the caption names only the currency).
    ChineseYi,
    /// The same in traditional characters: `5000億`, `3兆` (Taiwan: 1兆 = 10¹²).
    ChineseYiTraditional,
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub label: String,
    /// Index into the palette.
    pub color: usize,
    /// How its swatch (and its marks) are filled.
    pub fill: Fill,
}

/// How a series' swatch and marks are filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fill {
    Solid,
    /// Plans: outlines.
    Outline,
    /// A state of its own, such as too close to call: pale and hatched.
    Hatched,
}

/// How a bar is drawn beyond its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BarKind {
    /// A reported or estimated figure: solid.
    Solid,
    /// A plan or guidance: an outline, labelled with the month it dates from.
    Plan,
    /// A claim graded D (likely wrong): drawn pale with a warning mark.
    Flagged,
}

/// One bar: a fact's value, with the upper end of a range when the source gives one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub series: usize,
    pub value: f64,
    pub high: Option<f64>,
    pub kind: BarKind,
    /// What a hover on this bar reports (a fact id for dataset charts).
    pub mark: String,
    /// Position within its group, from the left (a group has `BarGroup::slots` positions).
    pub slot: usize,
    /// A short label above the bar: a plan's "as of" month, "≠ net" for another definition.
    pub label: Option<String>,
}

/// A faint level line across a span of a group's positions: the other set of figures (the
/// articles' beside public records, or the reverse) for the same company and period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    pub series: usize,
    pub value: f64,
    /// First position covered.
    pub from: usize,
    /// Positions covered.
    pub span: usize,
    /// What a hover on it reports.
    pub mark: String,
}

/// A category on the x axis and its bars, left to right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarGroup {
    pub label: String,
    /// Bar positions in the group (bars and markers index into them).
    pub slots: usize,
    pub bars: Vec<Bar>,
    pub markers: Vec<Marker>,
}

/// Grouped vertical bars.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarChart {
    /// Unit caption above the y axis, e.g. "US$ bn", with the figures' definition when they
    /// share one.
    pub y_caption: String,
    pub series: Vec<Series>,
    pub groups: Vec<BarGroup>,
    /// Legend entry for the markers ("┄ public records"), when there are any.
    pub marker_label: Option<String>,
    /// Draw the group label under every n-th group only (histograms); 1 = all.
    pub label_every: usize,
    pub ticks: TickStyle,
}

/// One line of a line chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub series: usize,
    pub points: Vec<(f64, f64)>,
    pub mark_prefix: String,
}

/// A labelled vertical rule (the AGI year, the year a bubble bursts).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    pub x: f64,
    pub label: String,
    pub color: usize,
}

/// Lines over years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineChart {
    pub y_caption: String,
    pub series: Vec<Series>,
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
    /// Half-height of a zone around zero shaded as "too close to call" (none: no zone).
    pub band: Option<f64>,
    /// Points hold log10 of the value; ticks and hover values show the value itself.
    pub y_log10: bool,
    pub ticks: TickStyle,
}

/// One input's swing in a tornado chart: the outcome with the input nudged down and up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Swing {
    pub label: String,
    pub low: f64,
    pub high: f64,
    pub mark: String,
}

/// Horizontal bars around a base outcome, largest swing on top.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tornado {
    pub x_caption: String,
    pub base: f64,
    /// Half-width of a zone around zero shaded as "too close to call" (none: no zone).
    pub band: Option<f64>,
    /// Legend: [nudged down, nudged up].
    pub series: Vec<Series>,
    pub swings: Vec<Swing>,
    pub ticks: TickStyle,
}
