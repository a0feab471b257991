//! The renderers draw any spec to SVG: marks land where the hit map says, text is present,
//! and no coordinate is NaN.

use ai_capex_explainer::charts::*;
use plotters::prelude::*;

fn svg(chart: &Chart, style: ChartStyle, size: (u32, u32)) -> (String, HitMap) {
    let mut out = String::new();
    let hits = {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        chart
            .draw(&area, &style, "")
            .expect("drawing to a string cannot fail")
    };
    (out, hits)
}

fn bars() -> Chart {
    let bar = |series, value, high, kind, mark: &str, slot, label: Option<&str>| Bar {
        series,
        value,
        high,
        kind,
        mark: mark.into(),
        slot,
        label: label.map(Into::into),
    };
    Chart::Bars(BarChart {
        y_caption: "US$ bn".into(),
        series: vec![
            Series {
                label: "2024".into(),
                color: 0,
                fill: Fill::Solid,
            },
            Series {
                label: "2025 计划".into(),
                color: 1,
                fill: Fill::Outline,
            },
        ],
        groups: vec![
            BarGroup {
                label: "Meta".into(),
                slots: 2,
                bars: vec![
                    bar(0, 39.2, None, BarKind::Solid, "ref", 0, None),
                    bar(1, 60.0, Some(65.0), BarKind::Plan, "range", 1, Some("1月")),
                ],
                markers: vec![Marker {
                    series: 0,
                    value: 37.3,
                    from: 0,
                    span: 1,
                    mark: "marker".into(),
                }],
            },
            BarGroup {
                label: "美国\n四巨头".into(),
                slots: 1,
                bars: vec![bar(1, 155.0, None, BarKind::Flagged, "flagged", 0, None)],
                markers: Vec::new(),
            },
        ],
        marker_label: Some("文章所说".into()),
        label_every: 1,
        ticks: TickStyle::Plain,
    })
}

#[test]
fn a_bar_chart_draws_every_bar_label_and_legend_without_nan() {
    let (out, hits) = svg(&bars(), ChartStyle::default(), (640, 360));
    assert!(!out.contains("NaN"), "NaN coordinate in SVG");
    for text in [
        "US$ bn",
        "2024",
        "2025 计划",
        "Meta",
        "美国",
        "四巨头",
        "!",
        "1月",
        "文章所说",
    ] {
        assert!(out.contains(text), "missing text {text:?}");
    }
    assert_eq!(
        hits.boxes
            .iter()
            .map(|b| b.mark.as_str())
            .collect::<Vec<_>>(),
        ["ref", "range", "marker", "flagged"]
    );
}

#[test]
fn a_range_bar_reaches_its_high_end_and_is_hit_there() {
    let (_, hits) = svg(&bars(), ChartStyle::default(), (640, 360));
    let range = hits
        .boxes
        .iter()
        .find(|b| b.mark == "range")
        .expect("range bar recorded");
    let reference = hits
        .boxes
        .iter()
        .find(|b| b.mark == "ref")
        .expect("reference bar recorded");
    assert!(range.top < reference.top, "65 must reach higher than 39.2");
    let centre = (
        (range.left + range.right) / 2,
        (range.top + range.bottom) / 2,
    );
    assert_eq!(
        hits.hit(centre.0, centre.1, 0).map(|b| b.mark.as_str()),
        Some("range")
    );
    assert_eq!(hits.hit(-100, -100, 8), None, "far away hits nothing");
}

#[test]
fn doubling_the_scale_doubles_the_geometry() {
    let (_, one) = svg(&bars(), ChartStyle::new(1.0, false), (640, 360));
    let (_, two) = svg(&bars(), ChartStyle::new(2.0, false), (1280, 720));
    let (a, b) = (&one.boxes[1], &two.boxes[1]);
    assert!(((b.right - b.left) - 2 * (a.right - a.left)).abs() <= 2);
}

#[test]
fn a_line_chart_marks_rules_and_every_point() {
    let chart = Chart::Lines(LineChart {
        y_caption: "×".into(),
        series: vec![
            Series {
                label: "Sprint".into(),
                color: 0,
                fill: Fill::Solid,
            },
            Series {
                label: "Marathon".into(),
                color: 1,
                fill: Fill::Solid,
            },
        ],
        lines: vec![
            Line {
                series: 0,
                points: vec![(2025.0, -1.0), (2026.0, -2.5), (2027.0, 3.0)],
                mark_prefix: "sprint:".into(),
            },
            Line {
                series: 1,
                points: vec![(2025.0, 0.1), (2026.0, f64::NAN), (2027.0, 0.4)],
                mark_prefix: "marathon:".into(),
            },
        ],
        rules: vec![Rule {
            x: 2026.0,
            label: "AGI 2026".into(),
            color: 2,
        }],
        band: None,
        y_log10: false,
        ticks: TickStyle::Plain,
    });
    let (out, hits) = svg(&chart, ChartStyle::new(2.0, true), (800, 400));
    assert!(!out.contains("NaN"));
    assert!(out.contains("AGI 2026") && out.contains("Sprint") && out.contains("Marathon"));
    assert_eq!(
        hits.boxes.len(),
        5,
        "the NaN point is skipped, the other five are targets"
    );
    assert!(hits.boxes.iter().any(|b| b.mark == "sprint:2027"));
}

#[test]
fn a_tornado_keeps_row_order_and_centres_on_the_base() {
    let chart = Chart::Tornado(Tornado {
        x_caption: "ROI".into(),
        base: 1.0,
        band: None,
        series: vec![
            Series {
                label: "−".into(),
                color: 0,
                fill: Fill::Solid,
            },
            Series {
                label: "+".into(),
                color: 1,
                fill: Fill::Solid,
            },
        ],
        swings: vec![
            Swing {
                label: "AGI year".into(),
                low: 0.2,
                high: 1.9,
                mark: "agi_year".into(),
            },
            Swing {
                label: "Margin".into(),
                low: 0.9,
                high: 1.1,
                mark: "margin".into(),
            },
        ],
        ticks: TickStyle::Plain,
    });
    let (out, hits) = svg(&chart, ChartStyle::default(), (600, 300));
    assert!(!out.contains("NaN") && out.contains("AGI year") && out.contains("Margin"));
    assert_eq!(hits.boxes.len(), 4);
    assert!(
        hits.boxes[0].top < hits.boxes[2].top,
        "largest swing is drawn on top"
    );
}

#[test]
fn an_empty_chart_still_draws() {
    let chart = Chart::Bars(BarChart {
        y_caption: String::new(),
        series: vec![],
        groups: vec![],
        marker_label: None,
        label_every: 1,
        ticks: TickStyle::Plain,
    });
    let (out, hits) = svg(&chart, ChartStyle::default(), (320, 200));
    assert!(out.starts_with("<svg") && hits.boxes.is_empty());
}

/// Values near f64's limit must not make an axis span infinite: plotters' tick search would
/// never end (the tab froze for good). The validator refuses them; the chart code must still
/// draw whatever reaches it.
#[test]
fn a_chart_squeezed_by_its_labels_keeps_its_hover_boxes_the_right_way_up() {
    // Found by the fuzzer (examples/fuzz): values near 1e17 or more on a plot squeezed to a few
    // pixels (a large pixel ratio on a short canvas) mapped a bar's ends the other way round.
    let Chart::Bars(mut huge) = bars() else {
        unreachable!()
    };
    for bar in huge.groups.iter_mut().flat_map(|g| &mut g.bars) {
        bar.value *= 1e16;
        bar.high = bar.high.map(|h| h * 1e16);
    }
    let huge = Chart::Bars(huge);
    for height in 1..400 {
        let (_, hits) = svg(&huge, ChartStyle::new(3.9, false), (1019, height));
        for hit in &hits.boxes {
            assert!(
                hit.top <= hit.bottom && hit.left <= hit.right,
                "{height} px: {hit:?}"
            );
        }
    }
}

#[test]
fn values_near_the_limit_of_f64_still_draw_on_a_finite_axis() {
    for extreme in [1.7e308, 1e308, -1e308, f64::MAX, f64::MIN] {
        let bar = |value| Bar {
            series: 0,
            value,
            high: None,
            kind: BarKind::Solid,
            mark: "x".into(),
            slot: 0,
            label: None,
        };
        let chart = Chart::Bars(BarChart {
            y_caption: "US$ bn".into(),
            series: vec![Series {
                label: "A".into(),
                color: 0,
                fill: Fill::Solid,
            }],
            groups: vec![BarGroup {
                label: "2025".into(),
                slots: 2,
                bars: vec![
                    bar(extreme),
                    Bar {
                        slot: 1,
                        ..bar(1.0)
                    },
                ],
                markers: vec![Marker {
                    series: 0,
                    value: extreme,
                    from: 0,
                    span: 2,
                    mark: "m".into(),
                }],
            }],
            marker_label: None,
            label_every: 1,
            ticks: TickStyle::Plain,
        });
        let (out, _) = svg(&chart, ChartStyle::default(), (400, 300));
        assert!(!out.contains("NaN") && !out.contains("inf"), "{extreme}");
        let lines = Chart::Lines(LineChart {
            y_caption: "×".into(),
            series: vec![],
            lines: vec![Line {
                series: 0,
                points: vec![(2025.0, extreme), (2026.0, 1.0)],
                mark_prefix: "a:".into(),
            }],
            rules: vec![],
            band: None,
            y_log10: false,
            ticks: TickStyle::Plain,
        });
        let (out, _) = svg(&lines, ChartStyle::default(), (400, 300));
        assert!(!out.contains("NaN") && !out.contains("inf"), "{extreme}");
        let tornado = Chart::Tornado(Tornado {
            x_caption: "×".into(),
            base: 0.0,
            band: Some(extreme),
            series: vec![],
            swings: vec![Swing {
                label: "a".into(),
                low: -extreme,
                high: extreme,
                mark: "a".into(),
            }],
            ticks: TickStyle::Plain,
        });
        let (out, _) = svg(&tornado, ChartStyle::default(), (400, 300));
        assert!(!out.contains("NaN") && !out.contains("inf"), "{extreme}");
    }
}

#[test]
fn ticks_follow_the_readers_conventions() {
    use ai_capex_explainer::charts::tick;
    assert_eq!(tick(30_000.0, TickStyle::Grouped), "30,000");
    assert_eq!(tick(-1_234_567.0, TickStyle::Grouped), "-1,234,567");
    assert_eq!(tick(2.5, TickStyle::Grouped), "2.5");
    assert_eq!(tick(30_000.0, TickStyle::ChineseYi), "3万亿");
    assert_eq!(tick(15_000.0, TickStyle::ChineseYi), "1.5万亿");
    assert_eq!(tick(5_000.0, TickStyle::ChineseYi), "5000亿");
    assert_eq!(tick(0.0, TickStyle::ChineseYi), "0");
    // Traditional Chinese readers see 萬 and 億.
    assert_eq!(tick(30_000.0, TickStyle::ChineseYiTraditional), "3兆");
    assert_eq!(tick(5_000.0, TickStyle::ChineseYiTraditional), "5000億");
    assert_eq!(tick(30_000.0, TickStyle::Plain), "30000");
}

/// The zone too close to call is one shaded rectangle behind the bars, spanning ±band where
/// the axis shows it, and nothing when the axis does not reach it.
#[test]
fn a_tornado_shades_the_band_too_close_to_call_where_its_axis_reaches_it() {
    let tornado = |band: Option<f64>, base: f64| {
        Chart::Tornado(Tornado {
            x_caption: "US$ bn".into(),
            base,
            band,
            series: vec![],
            swings: vec![Swing {
                label: "a".into(),
                low: base - 10.0,
                high: base + 10.0,
                mark: "a".into(),
            }],
            ticks: TickStyle::Plain,
        })
    };
    let rects = |chart: &Chart| {
        svg(chart, ChartStyle::default(), (400, 300))
            .0
            .matches("<rect")
            .count()
    };
    assert_eq!(
        rects(&tornado(Some(5.0), -3.0)),
        rects(&tornado(None, -3.0)) + 1
    );
    // The axis runs from −1,010 to −990: the band around zero is off it.
    assert_eq!(
        rects(&tornado(Some(5.0), -1000.0)),
        rects(&tornado(None, -1000.0))
    );
}
