//! Grid chart: rows × columns of cells, each coloured by its state (a legend entry), one cell
//! outlined as the reader's. A hatched state is drawn pale and hatched, so it reads as a state
//! of its own rather than a shade of another.

use super::axis::{draw_header, hatched_box, LABEL_PX, TICK_PX};
use super::hit::{HitBox, HitMap};
use super::spec::{Fill, Series};
use super::style::ChartStyle;
use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

/// One cell: its state (an index into the legend) and what a hover on it reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridCell {
    pub series: usize,
    pub mark: String,
    pub value: f64,
}

/// Cells in rows (top to bottom) and columns (left to right).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridChart {
    /// What the rows are, above them (with the legend).
    pub y_caption: String,
    /// What the columns are, under their labels.
    pub x_caption: String,
    /// One legend entry per state; a [`Fill::Hatched`] one is drawn pale and hatched.
    pub series: Vec<Series>,
    /// Row labels, top to bottom.
    pub rows: Vec<String>,
    /// Column labels, left to right; an empty label is not drawn (years between ticks).
    pub columns: Vec<String>,
    /// Row-major: `rows.len() × columns.len()` cells.
    pub cells: Vec<GridCell>,
    /// A column set apart by a gap (the map's "no AGI by 2060").
    pub apart: Option<usize>,
    /// The cell outlined, `(row, column)`: the reader's scenario.
    pub marked: Option<(usize, usize)>,
}

/// Draws `chart` on `area`; every cell is a hover target.
pub fn draw_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &GridChart,
    style: &ChartStyle,
) -> Result<HitMap, ChartError> {
    style.paint_background(area)?;
    let header = draw_header(area, &chart.y_caption, &chart.series, None, style)?;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let tick_font = style.text(TICK_PX);
    let mut label_w = 0;
    for label in &chart.rows {
        label_w = label_w.max(area.estimate_text_size(label, &tick_font)?.0 as i32);
    }
    let left = label_w + style.px(10.0);
    // Room for half the last column's label, centred under it.
    let last_label = chart.columns.last().map_or(Ok((0, 0)), |l| {
        area.estimate_text_size(l, &style.muted_text(TICK_PX))
    })?;
    let right = width - (last_label.0 as i32 / 2 + style.px(2.0)).max(style.px(10.0));
    let top = header + style.px(4.0);
    let bottom = height - style.px(TICK_PX + LABEL_PX + 14.0);
    let columns = chart.columns.len().max(1);
    let rows = chart.rows.len().max(1);
    let gap = if chart.apart.is_some() {
        style.px(6.0)
    } else {
        0
    };
    let cell_w = f64::from((right - left - gap).max(1)) / columns as f64;
    let cell_h = f64::from((bottom - top).max(1)) / rows as f64;
    let x_of = |c: usize| {
        let shift = match chart.apart {
            Some(apart) if c >= apart => gap,
            _ => 0,
        };
        left + shift + (c as f64 * cell_w).round() as i32
    };
    let y_of = |r: usize| top + (r as f64 * cell_h).round() as i32;
    // A hairline of background between rows, when they are tall enough to spare it.
    let seam = i32::from(cell_h >= 4.0 * style.scale);
    let cell_box = |r: usize, c: usize| {
        let (x0, y0) = (x_of(c), y_of(r));
        (
            x0,
            y0,
            x0 + cell_w.round() as i32 - seam,
            y_of(r + 1) - seam,
        )
    };

    // Neighbouring cells of one state are drawn as one rectangle: runs along a row, and a run
    // repeated in the rows below it as one block (a baked map stays small); the rows' seams go
    // on top. Each cell is still its own hover target.
    let state_at = |r: usize, c: usize| chart.cells.get(r * columns + c).map(|cell| cell.series);
    let runs: Vec<Vec<(usize, usize, usize)>> = (0..rows)
        .map(|r| {
            let mut row = Vec::new();
            let mut start = 0;
            for c in 1..=columns {
                let ends =
                    c == columns || Some(c) == chart.apart || state_at(r, c) != state_at(r, start);
                if ends {
                    if let Some(series) = state_at(r, start) {
                        row.push((start, c - 1, series));
                    }
                    start = c;
                }
            }
            row
        })
        .collect();
    for (r, row) in runs.iter().enumerate() {
        for run in row {
            if r > 0 && runs[r - 1].contains(run) {
                continue; // drawn with the block above
            }
            let last_row = r + runs[r..].iter().take_while(|row| row.contains(run)).count() - 1;
            let (first, last, series) = *run;
            let (x0, y0, _, _) = cell_box(r, first);
            let (_, _, x1, y1) = cell_box(last_row, last);
            let state = chart.series.get(series);
            let color = style.series(state.map_or(series, |s| s.color));
            if state.is_some_and(|s| s.fill == Fill::Hatched) {
                hatched_box(area, (x0, y0, x1, y1), color, style)?;
            } else {
                area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))?;
            }
        }
    }
    if seam > 0 {
        let (_, _, grid_right, _) = cell_box(0, columns - 1);
        for r in 1..rows {
            let y = y_of(r) - seam;
            area.draw(&Rectangle::new(
                [(left, y), (grid_right, y + seam)],
                style.background().filled(),
            ))?;
        }
    }
    let mut hits = HitMap::default();
    for (i, cell) in chart.cells.iter().enumerate().take(rows * columns) {
        let (r, c) = (i / columns, i % columns);
        let (left, top, right, bottom) = cell_box(r, c);
        hits.boxes.push(HitBox {
            left,
            top,
            right,
            bottom,
            mark: cell.mark.clone(),
            value: cell.value,
            x: c as f64,
            series: cell.series,
        });
    }

    let row_font = tick_font.pos(Pos::new(HPos::Right, VPos::Center));
    for (r, label) in chart.rows.iter().enumerate() {
        let mid = (y_of(r) + y_of(r + 1)) / 2;
        area.draw_text(label, &row_font, (left - style.px(6.0), mid))?;
    }
    let column_font = style
        .muted_text(TICK_PX)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let grid_bottom = y_of(rows);
    // From the right, so the column set apart keeps its label; a label that would run into the
    // one drawn after it (to its right) is left out.
    let mut free_until = i32::MAX;
    for (c, label) in chart.columns.iter().enumerate().rev() {
        if label.is_empty() {
            continue;
        }
        let mid = x_of(c) + (cell_w / 2.0).round() as i32;
        let half = area.estimate_text_size(label, &column_font)?.0 as i32 / 2;
        if mid + half + style.px(4.0) <= free_until {
            area.draw_text(label, &column_font, (mid, grid_bottom + style.px(4.0)))?;
            free_until = mid - half;
        }
    }
    let caption_font = style
        .muted_text(LABEL_PX)
        .pos(Pos::new(HPos::Center, VPos::Top));
    area.draw_text(
        &chart.x_caption,
        &caption_font,
        ((left + right) / 2, grid_bottom + style.px(TICK_PX + 8.0)),
    )?;

    if let Some((r, c)) = chart.marked.filter(|&(r, c)| r < rows && c < columns) {
        // Two rings, ink outside and background inside, so the mark shows on every colour.
        let (x0, y0, x1, y1) = cell_box(r, c);
        let ring = style.px(2.0);
        area.draw(&Rectangle::new(
            [(x0 - ring, y0 - ring), (x1 + ring, y1 + ring)],
            style.stroke(style.ink(), 2.0),
        ))?;
        area.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            style.stroke(style.background(), 1.0),
        ))?;
    }
    Ok(hits)
}
