//! The calculator's charts, built from real model runs and drawn to SVG.

mod chart_support;

use ai_capex_explainer::charts::*;
use ai_capex_explainer::model::{
    default_map_field, monte_carlo, project, sensitivity, strategy_map, AgiDistribution, Call,
    Preset, Scenario, StrategyMap,
};
use chart_support::*;

fn charts(s: &Scenario, lang: &str) -> Vec<(&'static str, Chart)> {
    let view = view(lang, "USD");
    let p = project(s).expect("valid scenario");
    let mc =
        monte_carlo(s, &AgiDistribution::from_scenario(s), 2_000, 1).expect("valid distribution");
    let t = sensitivity(s).expect("valid scenario");
    let m = the_map(s);
    vec![
        ("model-breakeven", Chart::Lines(break_even_chart(&p, &view))),
        ("model-position", Chart::Lines(position_chart(&p, &view))),
        ("model-capacity", Chart::Lines(capacity_chart(&p, &view))),
        ("model-prices", Chart::Lines(prices_chart(&p, &view))),
        (
            "model-business",
            Chart::Bars(business_chart(&p.game, &view)),
        ),
        (
            "model-uncertainty",
            Chart::Bars(uncertainty_chart(&mc, &view)),
        ),
        ("model-risk", Chart::Bars(risk_chart(&mc, &view))),
        (
            "model-sensitivity",
            Chart::Tornado(sensitivity_chart(&t, &view)),
        ),
        ("model-map", Chart::Grid(map_chart(&m, &view))),
    ]
}

/// The map the page draws: over the prize under the scenario's anchor.
fn the_map(s: &Scenario) -> StrategyMap {
    strategy_map(s, default_map_field(s)).expect("valid scenario")
}

/// The map over the prize's size (the articles' other unknown), whose values read "2×".
fn prize_map(s: &Scenario) -> StrategyMap {
    strategy_map(s, "agi_prize").expect("valid scenario")
}

#[test]
fn every_model_chart_draws_every_preset_without_nan_in_every_language() {
    for preset in Preset::ALL {
        for lang in LANGUAGES {
            for (id, chart) in charts(&Scenario::preset(preset), lang) {
                let (out, hits) = svg(&chart, &ChartStyle::new(2.0, true));
                assert!(!out.contains("NaN"), "{id} {lang} {preset:?}: NaN in SVG");
                assert!(!hits.boxes.is_empty(), "{id} has hover targets");
                assert!(
                    hits.boxes.iter().all(|b| b.value.is_finite()),
                    "{id} {lang} {preset:?}: hover values are finite"
                );
                for label in labels(&chart) {
                    assert!(
                        !is_untranslated(&label),
                        "{id} {lang}: {label:?} is not in the language file"
                    );
                }
            }
        }
    }
}

#[test]
fn the_headline_chart_plots_each_sides_sprint_minus_pace_and_marks_the_readers_year() {
    let p = project(&Scenario::preset(Preset::Agi10y)).expect("valid scenario");
    let chart = break_even_chart(&p, &view("en", "USD"));
    assert_eq!(chart.lines.len(), 2, "the US and the Chinese firms");
    assert!(
        chart.lines.iter().all(|l| l.points.len() == 35),
        "2026–2060"
    );
    let rules: Vec<&str> = chart.rules.iter().map(|r| r.label.as_str()).collect();
    assert!(
        rules.iter().any(|r| r.contains("2035")),
        "AGI year: {rules:?}"
    );
    if let Some(year) = p.us_choice.break_even_agi_year {
        assert!(
            rules.iter().any(|r| r.contains(&year.to_string())),
            "break-even: {rules:?}"
        );
    }
    // Each point is the engine's difference as a percentage of the band's scale, so the
    // chart's ±5 lines up with the engine's "too close to call".
    for (line, choice) in chart.lines.iter().zip([&p.us_choice, &p.cn_choice]) {
        let at_2035 = choice
            .by_agi_year
            .iter()
            .find(|pt| pt.agi_year == Some(2035))
            .expect("2035");
        let (_, y) = line
            .points
            .iter()
            .find(|(x, _)| *x == 2035.0)
            .expect("2035");
        assert!((y - 100.0 * at_2035.sprint_minus_pace / at_2035.pv_capex_pacing).abs() < 1e-9);
        // A point inside the shaded zone is exactly what the engine calls too close.
        let band = chart.band.expect("the headline chart shades the band");
        assert_eq!(y.abs() <= band, at_2035.call == Call::TooCloseToCall);
    }
}

#[test]
fn the_position_chart_follows_the_currency() {
    let p = project(&Scenario::default()).expect("valid scenario");
    let usd = position_chart(&p, &view("en", "USD"));
    let last = p.years.last().expect("years");
    // China's paths (¥ bn) are shown in US$ at the model's rate; the US paths as they are.
    let cn_pace_usd = usd.lines[3].points.last().expect("points").1;
    assert!((cn_pace_usd - last.cn_pace.cumulative_free_cash / p.cny_per_usd).abs() < 1e-6);
    let cny = position_chart(&p, &view("en", "CNY"));
    let us_sprint_cny = cny.lines[0].points.last().expect("points").1;
    assert!((us_sprint_cny - last.us_sprint.cumulative_free_cash * p.cny_per_usd).abs() < 1e-6);
}

#[test]
fn the_price_chart_hovers_report_the_index_not_its_logarithm() {
    let p = project(&Scenario::preset(Preset::PriceWar)).expect("valid scenario");
    let (_, hits) = svg(
        &Chart::Lines(prices_chart(&p, &view("en", "USD"))),
        &ChartStyle::default(),
    );
    let cn_2030 = hits
        .boxes
        .iter()
        .find(|b| b.mark == "cn_pace:2030")
        .expect("China's point 2030");
    let expected = p
        .years
        .iter()
        .find(|y| y.year == 2030)
        .expect("2030")
        .cn_pace
        .price_index;
    assert!((cn_2030.value - expected).abs() < 1e-9 * expected.max(1.0));
}

#[test]
fn the_risk_chart_shows_each_paths_share_of_losing_scenarios_in_the_paths_order() {
    let s = Scenario::default();
    let mc = monte_carlo(&s, &AgiDistribution::from_scenario(&s), 2_000, 20_250_101)
        .expect("valid distribution");
    let chart = risk_chart(&mc, &view("en", "USD"));
    let shares = [
        ("us_sprint", mc.us_risk.sprint.share_loss),
        ("us_pace", mc.us_risk.pace.share_loss),
        ("cn_sprint", mc.cn_risk.sprint.share_loss),
        ("cn_pace", mc.cn_risk.pace.share_loss),
    ];
    assert_eq!(chart.groups.len(), 4, "one bar per path");
    for (group, (mark, share)) in chart.groups.iter().zip(shares) {
        let bar = &group.bars[0];
        assert_eq!(bar.mark, mark);
        assert!(
            (bar.value - 100.0 * share).abs() < 1e-9,
            "{mark}: a percentage"
        );
        // Labelled with the percentage to a tenth (as the page's sentences write it).
        let label = bar.label.as_deref().unwrap_or_default();
        let shown: f64 = label.trim_end_matches('%').parse().expect("a number and %");
        assert!(
            label.ends_with('%') && (shown - 100.0 * share).abs() <= 0.05 + 1e-9,
            "{mark}: {label}"
        );
        assert_eq!(
            group.label, chart.series[bar.series].label,
            "{mark}: named as its legend"
        );
    }
}

#[test]
fn the_default_calculator_charts_match_their_reviewed_snapshots() {
    for (id, chart) in charts(&Scenario::default(), "en") {
        let (out, _) = svg(&chart, &ChartStyle::default());
        assert_snapshot(&format!("{id}.en"), &out);
    }
}

#[test]
fn the_map_colours_every_cell_by_the_us_firms_call_with_the_largest_prize_on_top() {
    let mut m = prize_map(&Scenario::preset(Preset::Agi3y));
    // The presets' maps hold no cell where sprinting pays: some are made so, to test all three.
    for (i, cell) in m.cells.iter_mut().enumerate() {
        if i % 7 < 2 && cell.call == Call::Pace {
            cell.call = Call::Sprint;
        }
    }
    let chart = map_chart(&m, &view("en", "USD"));
    let columns = m.columns();
    assert_eq!(columns, 36, "2026–2060 and no AGI by 2060");
    assert_eq!(chart.columns.len(), columns);
    assert_eq!(chart.rows.len(), m.values.len());
    assert_eq!(chart.cells.len(), m.cells.len());
    assert_eq!(
        chart.rows.first().map(String::as_str),
        Some("2×"),
        "the largest prize on top"
    );
    assert_eq!(chart.columns.last().map(String::as_str), Some("none"));
    let legend: Vec<&str> = chart.series.iter().map(|s| s.label.as_str()).collect();
    for (i, cell) in chart.cells.iter().enumerate() {
        let (row, column) = (i / columns, i % columns);
        let engine = &m.cells[(m.values.len() - 1 - row) * columns + column];
        let expected = match engine.call {
            Call::Sprint => "Sprinting pays (US)",
            Call::Pace => "Pacing pays (US)",
            Call::TooCloseToCall => "Too close to call",
        };
        assert_eq!(legend[cell.series], expected, "cell {row},{column}");
        assert_eq!(cell.value, engine.sprint_minus_pace);
    }
    // Too close to call is a state of its own: hatched, never a shade of an answer.
    let fills: Vec<Fill> = chart.series.iter().map(|s| s.fill).collect();
    assert_eq!(fills, [Fill::Solid, Fill::Solid, Fill::Hatched]);
    assert_ne!(chart.series[0].color, chart.series[1].color);

    // Drawn: each cell's centre lies in a filled rectangle of its call's colour (a row's
    // neighbouring cells of one call share a rectangle).
    let (out, hits) = svg(&Chart::Grid(chart.clone()), &ChartStyle::default());
    assert_eq!(
        hits.boxes.len(),
        m.cells.len(),
        "every cell is a hover target"
    );
    let fills = filled_rects(&out);
    let colour = ["#0072B2", "#56B4E9", "#787878"];
    for (cell, hit) in chart.cells.iter().zip(&hits.boxes) {
        let (x, y) = ((hit.left + hit.right) / 2, (hit.top + hit.bottom) / 2);
        let under = fills
            .iter()
            .rev()
            .find(|(l, t, r, b, _)| *l <= x && x <= *r && *t <= y && y <= *b)
            .map(|(.., fill)| fill.as_str());
        assert_eq!(under, Some(colour[cell.series]), "cell {}", hit.mark);
    }
}

/// The filled rectangles of an SVG: (left, top, right, bottom, fill), in drawing order.
fn filled_rects(svg: &str) -> Vec<(i32, i32, i32, i32, String)> {
    let attr = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let len = tag[start..].find('"')?;
        Some(tag[start..start + len].to_string())
    };
    svg.split("<rect")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>')?];
            let n = |name| attr(tag, name)?.parse::<i32>().ok();
            let (x, y) = (n("x")?, n("y")?);
            let fill = attr(tag, "fill").filter(|f| f != "none")?;
            Some((x, y, x + n("width")?, y + n("height")?, fill))
        })
        .collect()
}

#[test]
fn the_map_outlines_the_readers_cell_and_the_outline_follows_the_agi_year() {
    for (agi_year, column) in [("2030", 4), ("2041", 15), ("2061", 35)] {
        let mut s = Scenario::default();
        s.set("agi_year", agi_year).expect("a valid AGI year");
        s.set("agi_prize", "1.6").expect("a valid prize");
        let m = prize_map(&s);
        let chart = map_chart(&m, &view("en", "USD"));
        let (row, marked_column) = chart.marked.expect("the reader's cell is marked");
        assert_eq!(marked_column, column, "AGI year {agi_year}");
        assert_eq!(chart.rows[row], "1.6×", "the reader's prize");
        let (out, hits) = svg(&Chart::Grid(chart.clone()), &ChartStyle::default());
        let cell = &hits.boxes[row * m.columns() + column];
        // The outline's outer ring: ink, around the reader's cell.
        let ring = format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" opacity=\"1\" fill=\"none\" stroke=\"#1C1C1C\"",
            cell.left - 2,
            cell.top - 2,
            cell.right - cell.left + 4,
            cell.bottom - cell.top + 4
        );
        assert!(
            out.contains(&ring),
            "AGI year {agi_year}: no outline {ring}"
        );
    }
}

#[test]
fn on_the_pages_backdrop_every_kind_of_chart_leaves_its_background_unpainted() {
    let white = |svg: &str| svg.matches(r##"fill="#FFFFFF""##).count();
    for (id, chart) in charts(&Scenario::default(), "en") {
        let style = ChartStyle::new(1.0, false);
        let (painted, painted_hits) = svg(&chart, &style);
        let (bare, bare_hits) = svg(&chart, &style.on_backdrop(true));
        // The plot's background and the credit strip's, and nothing else.
        assert_eq!(white(&painted) - white(&bare), 2, "{id}");
        assert_eq!(
            painted_hits, bare_hits,
            "{id}: the same marks, where they were"
        );
    }
}
