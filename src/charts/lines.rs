//! Lines over years, with labelled vertical rules (AGI arrives, a bubble bursts), a zero line
//! when values change sign and, where a chart has one, a shaded zone around zero too close to
//! call. Every point is a hover target.

use super::axis::{draw_header, nice_ceiling, tick, tick_area, TICK_PX};
use super::hit::{HitBox, HitMap};
use super::spec::LineChart;
use super::style::ChartStyle;
use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws `chart` on `area` and returns a hover box around every point.
pub fn draw_line_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    style: &ChartStyle,
) -> Result<HitMap, ChartError> {
    style.paint_background(area)?;
    let header = draw_header(area, &chart.y_caption, &chart.series, None, style)?;
    let (_, plot) = area.split_vertically(header);

    let points = || {
        chart
            .lines
            .iter()
            .flat_map(|l| l.points.iter())
            .filter(|(x, y)| x.is_finite() && y.is_finite())
    };
    let (x_lo, x_hi) = points().fold((f64::MAX, f64::MIN), |(lo, hi), (x, _)| {
        (lo.min(*x), hi.max(*x))
    });
    let (x_lo, x_hi) = if x_lo < x_hi {
        (x_lo, x_hi)
    } else {
        (0.0, 1.0)
    };
    // The zone too close to call, when there is one, stays in view.
    let band = chart
        .band
        .filter(|b| b.is_finite() && *b > 0.0 && !chart.y_log10);
    let reach = band.unwrap_or(0.0);
    let (y_min, y_max) =
        points().fold((-reach, reach), |(lo, hi), (_, y)| (lo.min(*y), hi.max(*y)));
    let (y_lo, y_hi) = if chart.y_log10 {
        // Whole decades around the data.
        (y_min.floor().min(-1.0), y_max.ceil().max(1.0))
    } else {
        let lo = if y_min < 0.0 {
            -nice_ceiling(-y_min)
        } else {
            0.0
        };
        (
            lo,
            if y_max > 0.0 {
                nice_ceiling(y_max)
            } else {
                nice_ceiling(-lo) * 0.1
            },
        )
    };
    let shown = |v: f64| if chart.y_log10 { 10f64.powf(v) } else { v };

    let mut cc = ChartBuilder::on(&plot)
        // Room for half of the last year's label, which is centred on the axis end.
        .margin_right(style.px(18.0))
        .margin_top(style.px(6.0))
        .x_label_area_size(style.px(22.0))
        .y_label_area_size(tick_area(
            &plot,
            &[shown(y_lo), shown(y_hi)],
            chart.ticks,
            style,
            44.0,
        )?)
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)?;
    cc.configure_mesh()
        .disable_x_mesh()
        .x_labels(((x_hi - x_lo) as usize / 5 + 2).min(8))
        .x_label_formatter(&|x| format!("{:.0}", x))
        // On a log axis one tick per decade.
        .y_labels(if chart.y_log10 {
            (y_hi - y_lo) as usize + 1
        } else {
            6
        })
        .y_label_formatter(&|v| tick(shown(*v), chart.ticks))
        .label_style(style.muted_text(TICK_PX))
        .axis_style(style.stroke(style.muted(), 1.0))
        .bold_line_style(style.grid())
        .light_line_style(TRANSPARENT)
        .draw()?;

    // Behind the lines: a point inside the zone is too close to call.
    if let Some(band) = band {
        cc.draw_series(std::iter::once(Rectangle::new(
            [(x_lo, -band), (x_hi, band)],
            style.grid().filled(),
        )))?;
    }
    if y_lo < 0.0 && !chart.y_log10 {
        cc.draw_series(LineSeries::new(
            [(x_lo, 0.0), (x_hi, 0.0)],
            style.stroke(style.muted(), 1.0),
        ))?;
    }
    // Labels stack one line apart: an AGI year and a bubble year are often neighbours.
    for (row, rule) in chart
        .rules
        .iter()
        .filter(|r| r.x >= x_lo && r.x <= x_hi)
        .enumerate()
    {
        let color = style.series(rule.color);
        cc.draw_series(LineSeries::new(
            [(rule.x, y_lo), (rule.x, y_hi)],
            style.stroke(color, 1.0),
        ))?;
        let (x, top) = cc.backend_coord(&(rule.x, y_hi));
        let anchor = if rule.x > (x_lo + x_hi) / 2.0 {
            HPos::Right
        } else {
            HPos::Left
        };
        let text = style
            .colored_text(TICK_PX, color)
            .pos(Pos::new(anchor, VPos::Top));
        let nudge = if matches!(anchor, HPos::Left) {
            style.px(3.0)
        } else {
            -style.px(3.0)
        };
        let y = top + row as i32 * style.px(TICK_PX + 4.0);
        area.draw_text(&rule.label, &text, (x + nudge, y))?;
    }

    let mut hits = HitMap::default();
    let radius = style.px(2.5);
    for line in &chart.lines {
        let color = style.series(
            chart
                .series
                .get(line.series)
                .map_or(line.series, |s| s.color),
        );
        // Finite points, drawn within the axis (a value beyond it would overflow the pixel
        // mapping); hovers still report the value itself.
        let finite: Vec<(f64, f64)> = line
            .points
            .iter()
            .copied()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .collect();
        let on_axis = |&(x, y): &(f64, f64)| (x, y.clamp(y_lo, y_hi));
        cc.draw_series(LineSeries::new(
            finite.iter().map(on_axis),
            style.stroke(color, 2.0),
        ))?;
        cc.draw_series(
            finite
                .iter()
                .map(|p| Circle::new(on_axis(p), radius, color.filled())),
        )?;
        for &(x, y) in &finite {
            let (px, py) = cc.backend_coord(&on_axis(&(x, y)));
            hits.boxes.push(HitBox {
                left: px - radius,
                top: py - radius,
                right: px + radius,
                bottom: py + radius,
                mark: format!("{}{}", line.mark_prefix, x),
                value: shown(y),
                x,
                series: line.series,
            });
        }
    }
    Ok(hits)
}
