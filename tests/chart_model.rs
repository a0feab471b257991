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
        ("model-position", Chart::Lines(position_chart(&p, &view))),
        ("model-roi", Chart::Lines(roi_chart(&p, &view))),
        ("model-prices", Chart::Lines(prices_chart(&p, &view))),
        (
            "model-uncertainty",
            Chart::Bars(uncertainty_chart(&mc, &view)),
        ),
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
fn the_position_chart_marks_agi_and_the_bubble_and_follows_the_currency() {
    let s = Scenario::preset(Preset::Agi10y);
    let p = project(&s).expect("valid scenario");
    let usd = position_chart(&p, &view("en", "USD"));
    let rules: Vec<&str> = usd.rules.iter().map(|r| r.label.as_str()).collect();
    assert!(
        rules.iter().any(|r| r.contains("2035")),
        "AGI year marked: {rules:?}"
    );
    if let Some(bubble) = p.summary.bubble_year {
        assert!(
            rules.iter().any(|r| r.contains(&bubble.to_string())),
            "bubble year marked: {rules:?}"
        );
    }
    // The marathon (¥ bn) is shown in US$ at the scenario's rate; the sprint as is.
    let last = p.years.last().expect("years");
    let marathon_usd = usd.lines[1].points.last().expect("points").1;
    assert!((marathon_usd - last.marathon.cumulative / p.cny_per_usd).abs() < 1e-6);
    let cny = position_chart(&p, &view("en", "CNY"));
    assert!(
        (cny.lines[0].points.last().expect("points").1 - last.sprint.cumulative * p.cny_per_usd)
            .abs()
            < 1e-6
    );
}

#[test]
fn the_price_chart_hovers_report_the_index_not_its_logarithm() {
    let s = Scenario::preset(Preset::PriceWar);
    let p = project(&s).expect("valid scenario");
    let (_, hits) = svg(
        &Chart::Lines(prices_chart(&p, &view("en", "USD"))),
        &ChartStyle::default(),
    );
    let price_2030 = hits
        .boxes
        .iter()
        .find(|b| b.mark == "price:2030")
        .expect("price point 2030");
    let expected = p
        .prices
        .iter()
        .find(|x| x.year == 2030)
        .expect("2030")
        .price_index;
    assert!((price_2030.value - expected).abs() < 1e-9 * expected.max(1.0));
}

#[test]
fn the_default_calculator_charts_match_their_reviewed_snapshots() {
    for (id, chart) in charts(&Scenario::default(), "en") {
        let (out, _) = svg(&chart, &ChartStyle::default());
        assert_snapshot(&format!("{id}.en"), &out);
    }
}
