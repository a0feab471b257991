//! Chart drawing from validated data: the shipped file with its figures and rates replaced by
//! numbers of any magnitude (kept only when the validator accepts them, as the page does), and
//! calculator charts from random valid scenarios, each drawn at a random size, pixel ratio,
//! language, currency and scheme to a counting backend. Checks: every chart draws, draws
//! something, keeps its marks near the canvas, and its hover boxes are well formed.

use ai_capex_explainer::charts::{
    break_even_chart, capacity_chart, dataset_chart, position_chart, prices_chart,
    sensitivity_chart, uncertainty_chart, Chart, Figures, View, ViewOptions,
};
use ai_capex_explainer::data::Dataset;
use ai_capex_explainer::model::{
    input_specs, monte_carlo, project, sensitivity, AgiDistribution, Scenario,
};
use plotters::prelude::IntoDrawingArea;
use serde_json::{json, Value};
use std::sync::OnceLock;

use crate::counting::CountingBackend;
use crate::dataset::shipped;
use crate::rng::Rng;

/// The page's chart words per language (the labels' lengths and scripts matter to layout).
const WORDS: [(&str, &str); 3] = [
    ("en", include_str!("../../www/i18n/en.json")),
    ("zh-Hans", include_str!("../../www/i18n/zh-Hans.json")),
    ("zh-Hant", include_str!("../../www/i18n/zh-Hant.json")),
];

/// True when a chart was drawn (false: the validator refused the changed file).
pub fn case(rng: &mut Rng) -> bool {
    let view = random_view(rng);
    let chart = if rng.chance(0.6) {
        match dataset_with_new_figures(rng) {
            Some(dataset) => {
                let def = rng.pick(&dataset.charts);
                let figures = if rng.chance(0.5) {
                    Figures::Reported
                } else {
                    Figures::Articles
                };
                Chart::Bars(dataset_chart(&dataset, def, &view, figures))
            }
            None => return false, // the page would not draw a refused file either
        }
    } else {
        model_chart(rng, &view)
    };
    // Mostly page-like sizes, sometimes a few pixels.
    let widest = if rng.chance(0.1) { 8 } else { 3000 };
    let size = ((1 + rng.below(widest)) as u32, (1 + rng.below(2000)) as u32);
    let (backend, counts) = CountingBackend::new(size);
    let credit = if rng.chance(0.8) {
        rng.awkward_text()
    } else {
        String::new()
    };
    let hits = chart
        .draw(&backend.into_drawing_area(), &view.style, &credit)
        .unwrap_or_else(|e| panic!("a {size:?} chart did not draw: {e}"));
    assert!(counts.marks.get() > 0, "a {size:?} chart drew nothing");
    assert_eq!(
        counts.astray.get(),
        0,
        "a {size:?} chart drew marks far off the canvas"
    );
    for hit in &hits.boxes {
        assert!(
            hit.left <= hit.right && hit.top <= hit.bottom,
            "an inside-out hover box: {hit:?}"
        );
    }
    true
}

/// The shipped file with 1–6 figures or rates set to awkward numbers, if the validator takes it.
fn dataset_with_new_figures(rng: &mut Rng) -> Option<Dataset> {
    let mut tree = shipped().clone();
    for _ in 0..1 + rng.below(6) {
        let list = *rng.pick(&["facts", "reference", "reference_rates"]);
        let records = tree[list]
            .as_array_mut()
            .expect("a list in the shipped file");
        let at = rng.below(records.len());
        let record = &mut records[at];
        let field = match list {
            "reference_rates" => "cny_per_usd",
            _ if record["value_high"].is_number() && rng.chance(0.5) => "value_high",
            _ => "value",
        };
        record[field] = json!(rng.awkward_number().abs());
        // Keep a range a range, so that more of the files pass the rules.
        if let (Some(low), Some(high)) = (record["value"].as_f64(), record["value_high"].as_f64()) {
            if high < low {
                record["value_high"] = Value::from(low);
            }
        }
    }
    Dataset::from_json(&serde_json::to_string(&tree).ok()?).ok()
}

/// A calculator chart for a valid scenario with every input drawn from its steps.
fn model_chart(rng: &mut Rng, view: &View) -> Chart {
    let mut scenario = Scenario::default();
    for spec in input_specs() {
        if rng.chance(0.5) {
            let steps = ((spec.max - spec.min) / spec.step).round() as usize;
            let value = spec.min + spec.step * rng.below(steps + 1) as f64;
            scenario
                .set(spec.field, &value.to_string())
                .expect("a value on the input's steps");
        }
    }
    let projection = || project(&scenario).expect("a valid scenario projects");
    match rng.below(6) {
        0 => Chart::Lines(break_even_chart(&projection(), view)),
        1 => Chart::Lines(position_chart(&projection(), view)),
        2 => Chart::Lines(capacity_chart(&projection(), view)),
        3 => Chart::Lines(prices_chart(&projection(), view)),
        4 => {
            let tornado = sensitivity(&scenario).expect("a valid scenario has a tornado");
            Chart::Tornado(sensitivity_chart(&tornado, view))
        }
        _ => {
            let distribution = AgiDistribution::from_scenario(&scenario);
            let runs = 1 + rng.below(200) as u32;
            let mc = monte_carlo(&scenario, &distribution, runs, rng.next_u64())
                .expect("a valid scenario runs");
            Chart::Bars(uncertainty_chart(&mc, view))
        }
    }
}

fn random_view(rng: &mut Rng) -> View {
    static CHART_WORDS: OnceLock<Vec<(&str, Value)>> = OnceLock::new();
    let all = CHART_WORDS.get_or_init(|| {
        WORDS
            .iter()
            .map(|(lang, file)| {
                let words: Value = serde_json::from_str(file).expect("a language file is JSON");
                (*lang, words["chart"].clone())
            })
            .collect()
    });
    let (lang, words) = rng.pick(all);
    let dpr = if rng.chance(0.2) {
        rng.awkward_number()
    } else {
        0.5 + rng.unit() * 3.5
    };
    let options = json!({
        "lang": lang,
        "currency": if rng.chance(0.5) { "USD" } else { "CNY" },
        "dpr": if dpr.is_finite() { dpr } else { 1.0 },
        "dark": rng.chance(0.3),
        "text": words,
    });
    let options: ViewOptions = serde_json::from_value(options).expect("view options");
    View::new(options).expect("a known language and currency")
}
