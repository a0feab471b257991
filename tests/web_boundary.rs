//! The JavaScript boundary, exercised in headless Chromium by wasm-bindgen-test: loading
//! (and refusing) datasets, drawing every chart on a real canvas, hover, and the calculator.
#![cfg(target_arch = "wasm32")]

use ai_capex_explainer::web::Explainer;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

wasm_bindgen_test_configure!(run_in_browser);

/// The shipped dataset file (the wasm build carries no copy of it: the page hands it over).
const SHIPPED_DATASET: &str = include_str!("../www/data/capex-dataset.json");

/// What the boundary returned, as JSON for asserting on.
fn json(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).expect("the boundary returns plain values")
}

/// An explainer holding the shipped dataset.
fn loaded() -> Explainer {
    let mut ex = Explainer::new();
    assert_eq!(json(ex.set_dataset(SHIPPED_DATASET)), serde_json::json!([]));
    ex
}

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("a canvas element");
    canvas.set_width(width);
    canvas.set_height(height);
    canvas
}

/// View options as the page hands them over: JSON text.
fn view(lang: &str, currency: &str) -> String {
    serde_json::json!({"lang": lang, "currency": currency, "dpr": 2, "dark": false, "text": {"unit.usd_bn": "US$ bn"}})
        .to_string()
}

#[wasm_bindgen_test]
fn the_shipped_dataset_is_accepted_and_lists_its_charts() {
    let ex = Explainer::new();
    assert_eq!(
        json(ex.chart_ids()),
        serde_json::json!([]),
        "no dataset yet"
    );
    let ex = loaded();
    let ids = json(ex.chart_ids());
    assert!(ids.as_array().is_some_and(|a| a.len() >= 6), "{ids}");
}

#[wasm_bindgen_test]
fn a_broken_dataset_is_refused_with_reasons_and_the_accepted_one_stays() {
    let mut ex = loaded();
    ex.set_view(&view("en", "USD")).expect("valid view");
    let errors = json(ex.set_dataset(r#"{"schema_version": 1, "facts": [1]}"#));
    assert!(
        errors
            .as_array()
            .is_some_and(|all| all.iter().any(|e| e["location"] == "facts[0]"
                && e["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("expected struct Fact")))),
        "{errors}"
    );
    assert!(
        ex.draw("us-capex", canvas(400, 300)).is_ok(),
        "the accepted dataset still draws"
    );
    let mut fresh = Explainer::new();
    fresh.set_view(&view("en", "USD")).expect("valid view");
    assert!(!json(fresh.set_dataset("[]"))
        .as_array()
        .is_some_and(Vec::is_empty));
    assert!(
        fresh.draw("us-capex", canvas(400, 300)).is_err(),
        "no dataset, no dataset chart"
    );
}

#[wasm_bindgen_test]
fn a_file_that_is_not_json_is_refused_with_its_line_and_column() {
    let mut ex = loaded();
    let errors = json(ex.set_dataset("{\n  \"schema_version\": 1,\n  \"facts\": [\n"));
    assert_eq!(
        errors[0]["message"],
        "file: JSON syntax error at line 4, column 0: EOF while parsing a list",
        "{errors}"
    );
    assert!(
        ex.draw("us-capex", canvas(400, 300)).is_ok(),
        "the accepted dataset still draws"
    );
}

#[wasm_bindgen_test]
fn every_chart_draws_on_a_canvas_and_a_hover_finds_a_fact() {
    let mut ex = loaded();
    ex.set_view(&view("zh-Hans", "CNY")).expect("valid view");
    ex.monte_carlo(2032.0, 5.0, 10_000, 7);
    let ids: Vec<String> = serde_json::from_value(json(ex.chart_ids())).expect("ids");
    let model = [
        "model-breakeven",
        "model-position",
        "model-capacity",
        "model-prices",
        "model-business",
        "model-uncertainty",
        "model-risk",
        "model-sensitivity",
        "model-map",
    ];
    for id in ids.iter().map(String::as_str).chain(model) {
        let c = canvas(780, 480);
        ex.draw(id, c.clone())
            .unwrap_or_else(|_| panic!("{id} draws"));
        let marks = json(ex.marks(id));
        // The last mark is drawn on top, so a hover on it finds it even where marks overlap.
        let last = marks
            .as_array()
            .and_then(|m| m.last())
            .unwrap_or_else(|| panic!("{id} has marks"));
        let (x, y) = (
            last["left"].as_f64().expect("left"),
            last["top"].as_f64().expect("top"),
        );
        let hit = json(ex.hit(id, x + 1.0, y + 1.0));
        assert_eq!(
            hit["mark"], last["mark"],
            "{id}: hover on the top mark finds it"
        );
    }
}

#[wasm_bindgen_test]
fn a_bad_view_or_unsized_canvas_is_refused_not_panicked() {
    let mut ex = loaded();
    assert!(ex.set_view(&view("fr", "USD")).is_err());
    assert!(ex.set_view("{not json").is_err());
    assert!(ex.draw("us-capex", canvas(0, 0)).is_err());
    assert!(ex.draw("no-such-chart", canvas(100, 100)).is_err());
    assert_eq!(
        json(ex.hit("us-capex", 5.0, 5.0)),
        Value::Null,
        "nothing drawn, nothing hit"
    );
}

#[wasm_bindgen_test]
fn the_calculator_refuses_bad_input_and_keeps_the_scenario() {
    let mut ex = loaded();
    let before = json(ex.scenario());
    let refused = json(ex.set_input("agi_year", "2100"));
    assert_eq!(refused["ok"], false);
    assert_eq!(refused["error"]["field"], "agi_year");
    assert_eq!(json(ex.scenario()), before);
    assert_eq!(json(ex.set_input("agi_year", "2030"))["ok"], true);
    assert_eq!(json(ex.scenario())["agi_year"], 2030.0);
    // Results are cached per scenario: every change must show in the next projection.
    assert_eq!(json(ex.projection())["agi_year"], 2030);
    assert_eq!(json(ex.set_input("agi_year", "2033"))["ok"], true);
    assert_eq!(json(ex.projection())["agi_year"], 2033);
    let tornado_before = ex.sensitivity();
    assert_eq!(json(ex.set_input("agi_prize", "3"))["ok"], true);
    assert_ne!(
        ex.sensitivity(),
        tornado_before,
        "the tornado follows the scenario"
    );
    // Earlier names: an alias sets its input; a retired name is accepted and ignored.
    assert_eq!(json(ex.set_input("price_decline_pct", "12"))["ok"], true);
    assert_eq!(json(ex.scenario())["price_cut"], 12.0);
    let scenario = json(ex.scenario());
    assert_eq!(json(ex.set_input("payoff_multiple", "6"))["ok"], true);
    assert_eq!(json(ex.set_input("cn_efficiency", "3"))["ok"], true);
    assert_eq!(json(ex.scenario()), scenario);
    let names = json(ex.parameter_names());
    assert!(names["retired"]
        .as_array()
        .is_some_and(|r| r.contains(&Value::from("payoff_multiple"))));
    assert_eq!(json(ex.apply_preset("nonsense"))["ok"], false);
    assert_eq!(json(ex.apply_preset("agi_3y"))["ok"], true);
    let projection = json(ex.projection());
    assert_eq!(
        projection["agi_year"], 2028,
        "a preset replaces the cached run"
    );
    assert!(
        projection["us_choice"]["kind"].is_string()
            && projection["us_choice"]["at_agi_year"]["call"].is_string(),
        "{projection}"
    );
    assert!(
        projection["payback"]["required_revenue"].is_number(),
        "{projection}"
    );
    let mc = json(ex.monte_carlo(2032.0, 5.0, 10_000, 1));
    assert_eq!(mc["runs"], 10_000);
    assert!(mc["us_risk"]["steadier"].is_string(), "{mc}");
    assert_eq!(json(ex.monte_carlo(2032.0, 5.0, 0, 1))["ok"], false);
}

#[wasm_bindgen_test]
fn an_svg_of_absurd_size_is_refused_at_once() {
    // Issue 17: the src/web fuzz target found svg(…, 2^31, 95) running for hours.
    let ex = loaded();
    for (width, height) in [(1u32 << 31, 95), (95, u32::MAX), (10_001, 400)] {
        assert!(
            ex.svg("us-capex", width, height).is_err(),
            "{width} × {height}"
        );
    }
    let largest = ex
        .svg("us-capex", 10_000, 400)
        .expect("the largest allowed size draws");
    assert!(largest.starts_with("<svg"));
}

#[wasm_bindgen_test]
fn heavy_results_made_by_one_core_are_taken_by_another_as_made() {
    // The worker's core: no dataset (the model needs none), the page's scenario.
    let mut worker = Explainer::new();
    worker.set_input("demand_growth", "30");
    assert_eq!(
        json(worker.start_monte_carlo(2032.0, 5.0, 300, 9))["ok"],
        true
    );
    assert_eq!(worker.flat_result("monte_carlo"), None, "not made yet");
    assert!(worker.heavy_pending());
    json(worker.advance(1e9));
    assert!(!worker.heavy_pending());
    let written = |name: &str| {
        worker
            .flat_result(name)
            .unwrap_or_else(|| panic!("no {name}"))
    };

    // The page's core, at the same scenario, takes each and draws from it as from its own.
    let mut page = loaded();
    page.set_input("demand_growth", "30");
    assert!(page.heavy_pending());
    for name in ["monte_carlo", "sensitivity", "map"] {
        assert_eq!(
            json(page.take_result(name, &written(name)))["ok"],
            true,
            "{name}"
        );
    }
    assert!(!page.heavy_pending(), "taken results are made");
    assert_eq!(
        json(page.monte_carlo_result()),
        json(worker.monte_carlo_result())
    );
    assert_eq!(json(page.sensitivity()), json(worker.sensitivity()));
    assert_eq!(json(page.strategy_map()), json(worker.strategy_map()));
    let drawn = canvas(600, 400);
    for id in [
        "model-uncertainty",
        "model-risk",
        "model-sensitivity",
        "model-map",
    ] {
        page.draw(id, drawn.clone())
            .unwrap_or_else(|e| panic!("{id}: {:?}", JsValue::from(e)));
    }

    // Numbers that are not a result, or a result under another name, are refused and nothing
    // is taken; an unknown name too.
    let mut other = loaded();
    let refused = json(other.take_result("map", &written("sensitivity")));
    assert_eq!(refused["ok"], false);
    assert_eq!(refused["error"]["kind"], "internal");
    assert_eq!(
        json(other.take_result("sensitivity", &[1.0, 2.0, 3.0]))["ok"],
        false
    );
    assert_eq!(
        json(other.take_result("tornado", &written("sensitivity")))["ok"],
        false
    );
    assert!(other.heavy_pending(), "a refused result is not taken");
    assert_eq!(json(other.monte_carlo_result()), Value::Null);
}

#[wasm_bindgen_test]
fn the_heavy_results_made_in_slices_are_the_one_call_results() {
    let mut ex = loaded();
    assert_eq!(json(ex.set_input("demand_growth", "30"))["ok"], true);
    assert_eq!(
        json(ex.monte_carlo_result()),
        Value::Null,
        "no run has finished yet"
    );
    assert_eq!(json(ex.start_monte_carlo(2032.0, 5.0, 500, 3))["ok"], true);
    let mut finished = Vec::new();
    let mut slices = 0;
    loop {
        let advanced = json(ex.advance(1.0));
        slices += 1;
        finished.extend(advanced["finished"].as_array().cloned().unwrap_or_default());
        if advanced["pending"] == false {
            break;
        }
        assert!(slices < 100_000, "advance never ends");
    }
    assert!(
        slices > 3,
        "a 1 ms budget made everything in {slices} slices"
    );
    assert_eq!(
        finished,
        vec!["monte_carlo", "sensitivity", "map"],
        "each result once, in the page's order"
    );
    let sliced = json(ex.monte_carlo_result());
    let tornado = json(ex.sensitivity());
    let map = json(ex.strategy_map());
    // The one-call functions, on a fresh explainer at the same scenario.
    let mut fresh = loaded();
    fresh.set_input("demand_growth", "30");
    assert_eq!(sliced, json(fresh.monte_carlo(2032.0, 5.0, 500, 3)));
    assert_eq!(tornado, json(fresh.sensitivity()));
    assert_eq!(map, json(fresh.strategy_map()));
    // A changed input drops a run under way (it was for the scenario before) and starts the
    // tornado and the map afresh; a refused run starts nothing.
    assert_eq!(json(ex.start_monte_carlo(2032.0, 5.0, 0, 3))["ok"], false);
    assert_eq!(json(ex.start_monte_carlo(2032.0, 5.0, 500, 4))["ok"], true);
    json(ex.advance(0.0));
    ex.set_input("demand_growth", "20");
    let advanced = json(ex.advance(10_000.0));
    assert_eq!(
        advanced["finished"],
        serde_json::json!(["sensitivity", "map"])
    );
    assert_eq!(advanced["pending"], false);
    assert_eq!(
        json(ex.monte_carlo_result()),
        sliced,
        "the dropped run is not the result"
    );
}

/// The pixel at (x, y) of `canvas`, RGBA.
fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> Vec<u8> {
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .expect("a 2D context");
    context
        .get_image_data(x, y, 1.0, 1.0)
        .expect("its pixels")
        .data()
        .to_vec()
}

#[wasm_bindgen_test]
fn on_the_pages_backdrop_a_redrawn_chart_leaves_no_trace_of_the_last_drawing() {
    let mut ex = loaded();
    let on = |backdrop: bool| {
        serde_json::json!({"lang": "en", "currency": "USD", "dpr": 1, "backdrop": backdrop})
            .to_string()
    };
    // Painted: the chart's background fills the canvas.
    ex.set_view(&on(false)).expect("valid view");
    let c = canvas(640, 400);
    ex.draw("us-capex", c.clone()).expect("draws");
    assert_eq!(pixel(&c, 1.0, 1.0), [255, 255, 255, 255]);
    // On the page's backdrop, drawn again on the same canvas: the corner is clear, as on a
    // fresh canvas, and so is a bar's place in another chart drawn there.
    ex.set_view(&on(true)).expect("valid view");
    ex.draw("us-capex", c.clone()).expect("draws");
    assert_eq!(pixel(&c, 1.0, 1.0), [0, 0, 0, 0]);
    let marks = json(ex.marks("us-capex"));
    let bar = &marks.as_array().expect("marks")[0];
    let (x, y) = (
        bar["left"].as_f64().unwrap() + 1.0,
        bar["top"].as_f64().unwrap() + 1.0,
    );
    assert_eq!(pixel(&c, x, y)[3], 255, "the bar is drawn");
    ex.draw("cloud-growth", c.clone()).expect("draws");
    let fresh = canvas(640, 400);
    ex.draw("cloud-growth", fresh.clone()).expect("draws");
    assert_eq!(
        pixel(&c, x, y),
        pixel(&fresh, x, y),
        "nothing of the bar is left"
    );
}
