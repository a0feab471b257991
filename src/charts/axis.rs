//! Pieces every renderer shares: the legend row, the unit caption and tick formatting.

use super::spec::{Fill, Series, TickStyle};
use super::style::ChartStyle;
use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// CSS pixel sizes.
pub const LABEL_PX: f64 = 12.0;
pub const TICK_PX: f64 = 11.0;

/// Draws the unit caption and the legend (wrapping onto more rows when narrow) along the
/// top of `area`, and returns the height they took in device pixels. Plans have outlined
/// swatches; `marker_label` adds a faint line for the other set of figures.
pub fn draw_header<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    caption: &str,
    series: &[Series],
    marker_label: Option<&str>,
    style: &ChartStyle,
) -> Result<i32, ChartError> {
    let (width, _) = area.dim_in_pixel();
    let width = width as i32;
    let row_h = style.px(18.0);
    let gap = style.px(12.0);
    let swatch = style.px(10.0);
    let font = style.text(LABEL_PX);
    let mut x = style.px(4.0);
    let mut y = style.px(4.0);
    if !caption.is_empty() {
        area.draw_text(caption, &style.muted_text(LABEL_PX), (x, y))?;
        let (w, _) = area.estimate_text_size(caption, &font)?;
        x += w as i32 + gap * 2;
    }
    let entries = series
        .iter()
        .map(|s| (s.label.as_str(), Some(s)))
        .chain(marker_label.map(|label| (label, None)));
    for (label, s) in entries {
        let (w, _) = area.estimate_text_size(label, &font)?;
        let item = swatch + style.px(4.0) + w as i32;
        if x + item > width && x > style.px(4.0) {
            x = style.px(4.0);
            y += row_h;
        }
        let top = y + style.px(2.0);
        let square = [(x, top), (x + swatch, top + swatch)];
        match s {
            Some(s) if s.fill == Fill::Outline => area.draw(&Rectangle::new(
                square,
                style.stroke(style.series(s.color), 1.5),
            ))?,
            // As the grid draws such a state: pale, hatched.
            Some(s) if s.fill == Fill::Hatched => hatched_box(
                area,
                (x, top, x + swatch, top + swatch),
                style.series(s.color),
                style,
            )?,
            Some(s) => area.draw(&Rectangle::new(square, style.series(s.color).filled()))?,
            None => area.draw(&Rectangle::new(
                [
                    (x, top + swatch / 2 - style.px(1.0)),
                    (x + swatch, top + swatch / 2 + style.px(1.0)),
                ],
                style.muted().filled(),
            ))?,
        }
        area.draw_text(label, &font, (x + swatch + style.px(4.0), y))?;
        x += item + gap;
    }
    Ok(y + row_h + style.px(4.0))
}

/// Draws `lines` centred on `x` starting at `top`, one under the other.
pub fn draw_centered_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    (x, top): (i32, i32),
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let font = style.text(TICK_PX).pos(Pos::new(HPos::Center, VPos::Top));
    for (i, line) in text.split('\n').enumerate() {
        area.draw_text(line, &font, (x, top + i as i32 * style.px(TICK_PX + 3.0)))?;
    }
    Ok(())
}

/// The largest axis end drawn: far above any real figure (the validator refuses values beyond
/// `Unit::max_magnitude`) and far below f64's limit, so an axis span stays finite whatever
/// reaches the chart code (plotters' tick search never ends on an infinite span).
pub const AXIS_LIMIT: f64 = 1e15;

/// A rounded-up axis end at or above `v` (at most about [`AXIS_LIMIT`]): a power of ten times
/// 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 (fine steps, so the tallest bar fills most of the
/// height).
pub fn nice_ceiling(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let v = v.min(AXIS_LIMIT);
    let magnitude = 10f64.powf(v.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|c| *c >= v * 1.0001)
        .unwrap_or(10.0 * magnitude)
}

/// Width of a y-axis label area that fits the tick texts of `ends` (the axis ends, whose
/// ticks are the longest), at least `min_css` CSS pixels.
pub fn tick_area<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ends: &[f64],
    ticks: TickStyle,
    style: &ChartStyle,
    min_css: f64,
) -> Result<i32, ChartError> {
    let font = style.text(TICK_PX);
    let mut widest = 0;
    for &v in ends {
        widest = widest.max(area.estimate_text_size(&tick(v, ticks), &font)?.0 as i32);
    }
    Ok((widest + style.px(10.0)).max(style.px(min_css)))
}

/// Tick text in the reader's conventions ([`TickStyle`]).
pub fn tick(v: f64, style: TickStyle) -> String {
    match style {
        TickStyle::Plain => plain_tick(v),
        TickStyle::Grouped => grouped(&plain_tick(v)),
        TickStyle::ChineseYi | TickStyle::ChineseYiTraditional if v == 0.0 => "0".to_string(),
        TickStyle::ChineseYi if v.abs() >= 10_000.0 => format!("{}万亿", plain_tick(v / 10_000.0)),
        TickStyle::ChineseYi => format!("{}亿", plain_tick(v)),
        TickStyle::ChineseYiTraditional if v.abs() >= 10_000.0 => {
            format!("{}兆", plain_tick(v / 10_000.0))
        }
        TickStyle::ChineseYiTraditional => format!("{}億", plain_tick(v)),
    }
}

/// Thousands separators in the whole part of a number's text (`-30000.5` → `-30,000.5`).
pub fn grouped(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Tick text: whole numbers from 10 up, one decimal from 1, up to three significant
/// decimals below 1 (log axes reach 0.001), no trailing zeros.
fn plain_tick(v: f64) -> String {
    let a = v.abs();
    let text = if a >= 10.0 || (v - v.round()).abs() < 1e-9 {
        format!("{:.0}", v)
    } else if a >= 1.0 {
        format!("{:.1}", v)
    } else {
        format!("{:.*}", (-a.log10().floor()) as usize + 2, v)
    };
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A box (left, top, right, bottom) filled as a state of its own: pale, with diagonal lines.
pub(super) fn hatched_box<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (l, t, r, b): (i32, i32, i32, i32),
    color: RGBColor,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    area.draw(&Rectangle::new([(l, t), (r, b)], color.mix(0.22).filled()))?;
    hatch(area, (l, t, r, b), style.stroke(color, 1.0), style.px(4.0))
}

/// Diagonal lines `spacing` apart across the box (left, top, right, bottom), inside it.
fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (l, t, r, b): (i32, i32, i32, i32),
    line: ShapeStyle,
    spacing: i32,
) -> Result<(), ChartError> {
    // Lines x + y = k, anchored to the page so neighbouring cells' lines continue each other.
    let spacing = spacing.max(2);
    let mut k = (l + t).div_euclid(spacing) * spacing + spacing;
    while k < r + b {
        let (x0, x1) = ((k - b).max(l), (k - t).min(r));
        if x0 < x1 {
            area.draw(&PathElement::new(vec![(x0, k - x0), (x1, k - x1)], line))?;
        }
        k += spacing;
    }
    Ok(())
}
