//! Tornado chart: for each input, a horizontal bar from the outcome with the input nudged
//! down to the outcome with it nudged up, around a vertical line at the base outcome.

use super::axis::{draw_header, nice_ceiling, tick, TICK_PX};
use super::hit::{HitBox, HitMap};
use super::spec::Tornado;
use super::style::ChartStyle;
use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws `chart` on `area`; rows keep the given order (the model sorts by swing).
pub fn draw_tornado<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Tornado,
    style: &ChartStyle,
) -> Result<HitMap, ChartError> {
    style.paint_background(area)?;
    let header = draw_header(area, &chart.x_caption, &chart.series, None, style)?;
    let (_, plot) = area.split_vertically(header);

    let reach = chart
        .swings
        .iter()
        .flat_map(|s| [s.low - chart.base, s.high - chart.base])
        .filter(|d| d.is_finite())
        .fold(0f64, |m, d| m.max(d.abs()));
    let half = nice_ceiling(reach);
    // The outcome is a ratio: no axis below zero unless a value is.
    let lowest = chart
        .swings
        .iter()
        .flat_map(|s| [s.low, s.high])
        .fold(chart.base, f64::min);
    let x_lo = if lowest >= 0.0 {
        (chart.base - half).max(0.0)
    } else {
        chart.base - half
    };
    let label_font = style.text(TICK_PX);
    let mut label_w = 0u32;
    for s in &chart.swings {
        label_w = label_w.max(plot.estimate_text_size(&s.label, &label_font)?.0);
    }
    let (plot_w, _) = plot.dim_in_pixel();
    let label_area = (label_w as i32 + style.px(8.0)).min(plot_w as i32 / 2);
    let rows = chart.swings.len().max(1) as f64;
    let mut cc = ChartBuilder::on(&plot)
        .margin_right(style.px(12.0))
        .margin_top(style.px(4.0))
        .x_label_area_size(style.px(22.0))
        .y_label_area_size(label_area)
        .build_cartesian_2d(x_lo..(chart.base + half), 0f64..rows)?;
    cc.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(5)
        .x_label_formatter(&|v| tick(*v, chart.ticks))
        .label_style(style.muted_text(TICK_PX))
        .axis_style(style.stroke(style.muted(), 1.0))
        .bold_line_style(style.grid())
        .light_line_style(TRANSPARENT)
        .draw()?;

    // The zone too close to call, behind the bars: a bar that reaches it changes the call.
    if let Some(band) = chart.band.filter(|b| b.is_finite() && *b > 0.0) {
        let (x_hi, lo, hi) = (chart.base + half, -band, band);
        if hi > x_lo && lo < x_hi {
            cc.draw_series(std::iter::once(Rectangle::new(
                [(lo.max(x_lo), 0.0), (hi.min(x_hi), rows)],
                style.grid().filled(),
            )))?;
        }
    }

    let mut hits = HitMap::default();
    let label_style = label_font.pos(Pos::new(HPos::Right, VPos::Center));
    for (i, swing) in chart.swings.iter().enumerate() {
        let top = rows - i as f64 - 0.15;
        let bottom = rows - i as f64 - 0.85;
        let (x_left, y_mid) = cc.backend_coord(&(x_lo, rows - i as f64 - 0.5));
        area.draw_text(&swing.label, &label_style, (x_left - style.px(6.0), y_mid))?;
        for (value, series) in [(swing.low, 0usize), (swing.high, 1usize)] {
            if !value.is_finite() {
                continue;
            }
            // Drawn within the axis (a value beyond it would overflow the pixel mapping).
            let end = value.clamp(x_lo, chart.base + half);
            let color = style.series(chart.series.get(series).map_or(series, |s| s.color));
            cc.draw_series(std::iter::once(Rectangle::new(
                [(chart.base, bottom), (end, top)],
                color.filled(),
            )))?;
            let (a, t) = cc.backend_coord(&(chart.base.min(end), top));
            let (b, btm) = cc.backend_coord(&(chart.base.max(end), bottom));
            hits.boxes.push(HitBox {
                left: a,
                top: t,
                right: b,
                bottom: btm,
                mark: swing.mark.clone(),
                value,
                x: i as f64,
                series,
            });
        }
    }
    cc.draw_series(LineSeries::new(
        [(chart.base, 0.0), (chart.base, rows)],
        style.stroke(style.ink(), 1.0),
    ))?;
    Ok(hits)
}
