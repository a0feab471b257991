//! Builds the map chart from the engine's strategy map: the US firms' call over AGI year
//! (columns) × the map's input (rows, the largest on top), the reader's scenario outlined.

use super::axis::tick;
use super::grid::{GridCell, GridChart};
use super::spec::{Fill, Series};
use super::view::View;
use crate::model::{input_spec, Call, InputUnit, StrategyMap};

/// Palette slots of the calls, as the other model charts colour them (blue, sky, grey).
const SPRINT_COLOR: usize = 0;
const PACE_COLOR: usize = 5;
const TOO_CLOSE_COLOR: usize = 6;

/// Every n-th AGI year is labelled under its column (2030, 2035, … 2060).
const YEAR_LABEL_EVERY: i32 = 5;

/// The legend index of a call.
fn state(call: Call) -> usize {
    match call {
        Call::Sprint => 0,
        Call::Pace => 1,
        Call::TooCloseToCall => 2,
    }
}

/// The map as a grid chart; a cell reports `"<AGI year or none>:<value index>"` and the US
/// sprint minus pace (US$ bn).
pub fn map_chart(m: &StrategyMap, view: &View) -> GridChart {
    let columns = m.columns();
    let series = |key: &str, color: usize, fill: Fill| Series {
        label: view.word(key).to_string(),
        color,
        fill,
    };
    let unit = input_spec(m.field).map(|s| s.unit);
    let value_label = |v: f64| {
        let number = tick(v, view.number_ticks());
        match unit {
            Some(InputUnit::Multiple) => format!("{number}{}", view.word("unit.multiple")),
            Some(InputUnit::Percent) => format!("{number}{}", view.word("unit.percent")),
            _ => number,
        }
    };
    let year_text = |year: Option<i32>| year.map_or_else(|| "none".to_string(), |y| y.to_string());
    let column_labels = m.cells[..columns.min(m.cells.len())]
        .iter()
        .map(|c| match c.agi_year {
            Some(year) if year % YEAR_LABEL_EVERY == 0 => year.to_string(),
            Some(_) => String::new(),
            None => view.word("model.no_agi").to_string(),
        })
        .collect();
    // Rows top to bottom: the largest value first.
    let order: Vec<usize> = (0..m.values.len()).rev().collect();
    let cells = order
        .iter()
        .flat_map(|&vi| {
            m.cells[vi * columns..(vi + 1) * columns]
                .iter()
                .map(move |c| (vi, c))
        })
        .map(|(vi, c)| GridCell {
            series: state(c.call),
            mark: format!("{}:{vi}", year_text(c.agi_year)),
            value: c.sprint_minus_pace,
        })
        .collect();
    GridChart {
        y_caption: view.word(&format!("input.{}", m.field)).to_string(),
        x_caption: view.word("input.agi_year").to_string(),
        series: vec![
            series("model.sprint_pays", SPRINT_COLOR, Fill::Solid),
            series("model.pace_pays", PACE_COLOR, Fill::Solid),
            series("model.too_close", TOO_CLOSE_COLOR, Fill::Hatched),
        ],
        rows: order.iter().map(|&vi| value_label(m.values[vi])).collect(),
        columns: column_labels,
        cells,
        apart: columns.checked_sub(1),
        marked: m
            .reader_row()
            .zip(m.reader_column())
            .map(|(vi, c)| (m.values.len() - 1 - vi, c)),
    }
}
