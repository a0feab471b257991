//! The calculator's charts, built from real model runs and drawn to SVG.

mod chart_support;

use ai_capex_explainer::charts::*;
use ai_capex_explainer::model::{
    monte_carlo, project, sensitivity, AgiDistribution, Preset, Scenario,
};
use chart_support::*;

fn charts(s: &Scenario, lang: &str) -> Vec<(&'static str, Chart)> {
    let view = view(lang, "USD");
    let p = project(s).expect("valid scenario");
    let mc =
        monte_carlo(s, &AgiDistribution::from_scenario(s), 2_000, 1).expect("valid distribution");
    let t = sensitivity(s).expect("valid scenario");
    vec![
        ("model-breakeven", Chart::Lines(break_even_chart(&p, &view))),
        ("model-position", Chart::Lines(position_chart(&p, &view))),
        ("model-capacity", Chart::Lines(capacity_chart(&p, &view))),
        ("model-prices", Chart::Lines(prices_chart(&p, &view))),
        (
            "model-uncertainty",
            Chart::Bars(uncertainty_chart(&mc, &view)),
        ),
        ("model-risk", Chart::Bars(risk_chart(&mc, &view))),
        (
            "model-sensitivity",
            Chart::Tornado(sensitivity_chart(&t, &view)),
        ),
    ]
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
