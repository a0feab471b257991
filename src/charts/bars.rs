//! Grouped vertical bars: one group per category, one bar per fact. A range is drawn as a
//! solid bar to its low end and a pale extension to its high end; plans are outlined with
//! their month above; claims graded D are pale with a "!" above; markers (the other set of
//! figures) are dashed level lines across their span.

use super::axis::{draw_centered_lines, draw_header, nice_ceiling, tick, tick_area, TICK_PX};
use super::hit::{HitBox, HitMap};
use super::spec::{BarChart, BarKind};
use super::style::ChartStyle;
use super::text_fit::fit_lines;
use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Share of a group's width that its bars fill.
const GROUP_FILL: f64 = 0.8;

/// Draws `chart` on `area` and returns where each bar landed.
pub fn draw_bar_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    style: &ChartStyle,
) -> Result<HitMap, ChartError> {
    style.paint_background(area)?;
    let header = draw_header(
        area,
        &chart.y_caption,
        &chart.series,
        chart.marker_label.as_deref(),
        style,
    )?;
    let (_, plot) = area.split_vertically(header);

    let (lo, hi) = value_span(chart);
    let groups = chart.groups.len().max(1) as f64;
    let y_area = tick_area(&plot, &[lo, hi], chart.ticks, style, 40.0)?;
    let margin_right = style.px(8.0);
    // Each label fits its group's width, so neighbours never run into each other on a phone.
    let group_px = (plot.dim_in_pixel().0 as i32 - y_area - margin_right) as f64 / groups;
    let every = chart.label_every.max(1);
    let label_width = ((group_px * every as f64) as i32 - style.px(4.0)).max(style.px(10.0));
    let label_font = style.text(TICK_PX);
    let labels = chart
        .groups
        .iter()
        .map(|g| fit_lines(area, &g.label, &label_font, label_width).map(|l| l.join("\n")))
        .collect::<Result<Vec<_>, _>>()?;
    let label_rows = labels
        .iter()
        .map(|l| l.split('\n').count())
        .max()
        .unwrap_or(1);
    let mut cc = ChartBuilder::on(&plot)
        .margin_right(margin_right)
        .margin_top(style.px(6.0))
        .x_label_area_size(style.px(8.0 + label_rows as f64 * (TICK_PX + 3.0)))
        .y_label_area_size(y_area)
        .build_cartesian_2d(0f64..groups, lo..hi)?;
    cc.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| tick(*v, chart.ticks))
        .y_label_style(style.muted_text(TICK_PX))
        .axis_style(style.stroke(style.muted(), 1.0))
        .bold_line_style(style.grid())
        .light_line_style(TRANSPARENT)
        .draw()?;

    let mut hits = HitMap::default();
    // Texts above bars go on after every bar, so a taller neighbour never covers one.
    let mut above_bars: Vec<(&str, bool, (i32, i32))> = Vec::new();
    // Every bar's box, (left, top, right, bottom): a text above a narrow bar may not cover a
    // neighbour.
    let mut bar_boxes: Vec<(i32, i32, i32, i32)> = Vec::new();
    let base = 0f64.clamp(lo, hi);
    for (gi, group) in chart.groups.iter().enumerate() {
        let g = gi as f64;
        if gi % every == 0 {
            let (cx, bottom) = cc.backend_coord(&(g + 0.5, lo));
            draw_centered_lines(area, &labels[gi], (cx, bottom + style.px(4.0)), style)?;
        }
        let width = GROUP_FILL / group.slots.max(1) as f64;
        let left_of = |slot: usize| g + (1.0 - GROUP_FILL) / 2.0 + slot as f64 * width;
        for bar in &group.bars {
            let x0 = left_of(bar.slot);
            let x1 = x0 + width * 0.92;
            let color = style.series(chart.series.get(bar.series).map_or(bar.series, |s| s.color));
            // Drawn within the axis (a value beyond it would overflow the pixel mapping).
            let value = bar.value.clamp(lo, hi);
            let body = [(x0, base), (x1, value)];
            match bar.kind {
                BarKind::Solid => {
                    cc.draw_series(std::iter::once(Rectangle::new(body, color.filled())))?
                }
                BarKind::Plan => {
                    cc.draw_series(std::iter::once(Rectangle::new(
                        body,
                        color.mix(0.12).filled(),
                    )))?;
                    cc.draw_series(std::iter::once(Rectangle::new(
                        body,
                        style.stroke(color, 1.5),
                    )))?
                }
                BarKind::Flagged => cc.draw_series(std::iter::once(Rectangle::new(
                    body,
                    color.mix(0.35).filled(),
                )))?,
            };
            let top_value = match bar.high {
                Some(high) if high > bar.value => {
                    let high = high.clamp(lo, hi);
                    cc.draw_series(std::iter::once(Rectangle::new(
                        [(x0, value), (x1, high)],
                        color.mix(0.3).filled(),
                    )))?;
                    high
                }
                _ => value,
            };
            let (left, top) = cc.backend_coord(&(x0, top_value.max(base)));
            let (right, bottom) = cc.backend_coord(&(x1, top_value.min(base)));
            // Huge values on a plot squeezed to a few pixels can map the ends the other way
            // round (found by the fuzzer); a hover box is never inside out.
            let (top, bottom) = (top.min(bottom), top.max(bottom));
            let above = ((left + right) / 2, top - style.px(2.0));
            if bar.kind == BarKind::Flagged {
                above_bars.push(("!", true, above));
            } else if let Some(label) = &bar.label {
                above_bars.push((label, false, above));
            }
            bar_boxes.push((left, top, right, bottom));
            hits.boxes.push(HitBox {
                left,
                top,
                right,
                bottom,
                mark: bar.mark.clone(),
                value: bar.value,
                x: g,
                series: bar.series,
            });
        }
        for marker in &group.markers {
            let x0 = left_of(marker.from);
            let x1 = left_of(marker.from + marker.span.max(1)) - width * 0.08;
            let color = style.series(
                chart
                    .series
                    .get(marker.series)
                    .map_or(marker.series, |s| s.color),
            );
            let value = marker.value.clamp(lo, hi);
            let (left, y) = cc.backend_coord(&(x0, value));
            let (right, _) = cc.backend_coord(&(x1, value));
            // A dashed level line: faint beside the bars, but readable where a bar is absent.
            let dash = style.px(4.0).max(2);
            let thick = style.px(1.0).max(1);
            let mut x = left;
            // On a strip of the background, so the line shows across a bar of its own colour
            // (a record a little below the article's bar); one strip, not one per dash.
            let halo = style.px(1.0).max(1);
            area.draw(&Rectangle::new(
                [
                    (left - halo, y - thick - halo),
                    (right + halo, y + thick + halo),
                ],
                style.background().filled(),
            ))?;
            while x < right {
                area.draw(&Rectangle::new(
                    [(x, y - thick), ((x + dash).min(right), y + thick)],
                    color.mix(0.75).filled(),
                ))?;
                x += dash * 2;
            }
            hits.boxes.push(HitBox {
                left,
                top: y - thick,
                right,
                bottom: y + thick,
                mark: marker.mark.clone(),
                value: marker.value,
                x: g,
                series: marker.series,
            });
        }
    }
    let note = style
        .muted_text(TICK_PX - 1.0)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    let warn = style
        .colored_text(TICK_PX, style.series(1))
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    // Left to right; a text that would overprint a bar or a text already placed climbs above
    // it, so two plan months over neighbouring bars stay readable on a phone.
    let mut placed = bar_boxes;
    for (text, flagged, (x, mut y)) in above_bars {
        let font = if flagged { &warn } else { &note };
        let (w, h) = area.estimate_text_size(text, font)?;
        let (half, h) = (w as i32 / 2 + style.px(1.0), h as i32 + style.px(1.0));
        while let Some(&(_, top, _, _)) = placed
            .iter()
            .find(|&&(l, t, r, b)| x - half < r && x + half > l && y - h < b && y > t)
        {
            y = top;
        }
        placed.push((x - half, y - h, x + half, y));
        area.draw_text(text, font, (x, y))?;
    }
    Ok(hits)
}

/// The y range: from zero (or the lowest negative value) to a rounded-up maximum.
fn value_span(chart: &BarChart) -> (f64, f64) {
    let values = chart
        .groups
        .iter()
        .flat_map(|g| {
            g.bars
                .iter()
                .flat_map(|b| std::iter::once(b.value).chain(b.high))
                .chain(g.markers.iter().map(|m| m.value))
        })
        .filter(|v| v.is_finite());
    let (min, max) = values.fold((0f64, 0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let lo = if min < 0.0 { -nice_ceiling(-min) } else { 0.0 };
    (lo, nice_ceiling(max.max(lo.abs() * 0.1)))
}
