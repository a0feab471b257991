//! The boundary to JavaScript: the only module that touches wasm-bindgen and web-sys.
//!
//! A few coarse calls — take the page's input (the dataset file and the view as JSON text, which
//! src/data reads in one pass), validate it, call the layers, hand back a small plain value
//! (objects and arrays through serde-wasm-bindgen). Big,
//! long-lived state (the dataset, the scenario, the last hover maps) stays here in Rust.
//! Nothing here panics on input: bad input comes back as a `JsError` with a message, or as
//! `{ok: false, error}` the page words in its language.

mod calculator;
mod canvas;
mod handed;
mod slices;

use crate::charts::{dataset_chart, Chart, Figures, HitMap, View, ViewOptions};
use crate::data::{parse_json_text, DataErrors, Dataset};
use crate::model::{MonteCarlo, MonteCarloSteps, Scenario};
use calculator::Run;
use canvas::MeasuringCanvas;
use plotters::prelude::IntoDrawingArea;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Once;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Hover slack around marks, in CSS pixels (a fingertip is wider than a thin bar).
const HIT_SLACK_CSS_PX: f64 = 6.0;

/// One explainer on one page: the dataset in use, the reader's view and scenario.
#[wasm_bindgen]
pub struct Explainer {
    /// The last dataset file that passed every check; `None` until one has.
    dataset: Option<Dataset>,
    view: View,
    run: Run,
    monte_carlo: Option<MonteCarlo>,
    /// A Monte Carlo run under way a slice at a time (slices.rs).
    monte_carlo_steps: Option<MonteCarloSteps>,
    hits: HashMap<String, HitMap>,
    /// Which set of figures each comparison chart draws as bars (public records by default).
    figures: HashMap<String, Figures>,
}

#[derive(Serialize)]
struct ErrorEntry {
    location: String,
    message: String,
}

thread_local! {
    /// The message of the last panic, kept by the panic hook for `last_panic`.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps each panic's message. The release build then aborts: the browser throws a
/// `RuntimeError` out of the call, and the page (js/core/core.js) makes a new `Explainer` and asks
/// `last_panic` what happened.
fn keep_panic_messages() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            LAST_PANIC.with(|last| *last.borrow_mut() = Some(info.to_string()));
        }));
    });
}

/// The longest side of an SVG chart, CSS px: far beyond any screen or page. The drawing's time
/// and text grow with its size (a side of 2^31 px would take hours and gigabytes).
const MAX_SVG_SIDE: u32 = 10_000;

/// The message of the last panic since this was last asked, if any.
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow_mut().take())
}

/// The page's own sections, which `?section=` names beside the dataset's chart ids (the bake
/// writes both into each page for js/head.js; the page checks the address against them).
#[wasm_bindgen]
pub fn page_sections() -> JsValue {
    to_js(&crate::data::PAGE_SECTIONS)
}

/// `value` as a plain JS value: structs and maps become objects, `None` becomes `null`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|e| internal_failure(&e.to_string()))
}

/// `{ok: false, error: {kind: "internal", message}}`, built by hand: serialising it through
/// serde would bring a `Value` serialiser into the wasm for this one object.
fn internal_failure(message: &str) -> JsValue {
    let set = |object: &js_sys::Object, key: &str, value: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
    };
    let error = js_sys::Object::new();
    set(&error, "kind", JsValue::from_str("internal"));
    set(&error, "message", JsValue::from_str(message));
    let failure = js_sys::Object::new();
    set(&failure, "ok", JsValue::FALSE);
    set(&failure, "error", error.into());
    failure.into()
}

#[wasm_bindgen]
impl Explainer {
    /// An explainer with no dataset yet: the calculator works at once, the dataset charts
    /// once `set_dataset` has accepted a file.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // a JS constructor, not a Rust default
    pub fn new() -> Explainer {
        keep_panic_messages();
        Explainer {
            dataset: None,
            view: View::default(),
            run: Run::new(Scenario::default()),
            monte_carlo: None,
            monte_carlo_steps: None,
            hits: HashMap::new(),
            figures: HashMap::new(),
        }
    }

    /// Reads and checks a dataset file's JSON text (the page has already reported a syntax error
    /// in the reader's words, with its line and column: js/data-file/json-syntax.js). Returns
    /// `[]` when it was accepted (it replaces the one in use), or every problem
    /// `[{location, message}]`; then the dataset in use, if any, stays.
    pub fn set_dataset(&mut self, text: &str) -> JsValue {
        self.accept_dataset(Dataset::from_json_with(text, js_sys::parse_float))
    }

    /// [`Explainer::set_dataset`] for a file whose very bytes the build checked (the page
    /// compares their digest with the one in the file's name): read, without the rules run again.
    pub fn set_checked_dataset(&mut self, text: &str) -> JsValue {
        self.accept_dataset(Dataset::from_checked_json_with(text, js_sys::parse_float))
    }

    fn accept_dataset(&mut self, read: Result<Dataset, DataErrors>) -> JsValue {
        match read {
            Ok(dataset) => {
                self.dataset = Some(dataset);
                self.hits.clear();
                to_js(&[] as &[ErrorEntry])
            }
            Err(errors) => to_js(
                &errors
                    .iter()
                    .map(|e| ErrorEntry {
                        location: e.location.clone(),
                        message: e.to_string(),
                    })
                    .collect::<Vec<_>>(),
            ),
        }
    }

    /// Sets language, currency, pixel ratio, colour scheme, whether the page paints the charts'
    /// background behind their canvases, and chart words, as JSON text:
    /// `{lang, currency: "USD"|"CNY", dpr, dark, backdrop, text: {key: word}}`.
    pub fn set_view(&mut self, options: &str) -> Result<(), JsError> {
        // Read as the dataset is (one reader and one deserializer in the wasm, not two).
        let options: ViewOptions = parse_json_text(options, js_sys::parse_float)
            .map_err(|e| e.message.to_string())
            .and_then(|tree| tree.read().map_err(|e| e.to_string()))
            .map_err(|e| JsError::new(&format!("view options: {e}")))?;
        self.view = View::new(options).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// Draws chart `chart_id` on `canvas` at its backing-store size (the page sizes it to
    /// CSS size × devicePixelRatio) and remembers where the marks landed.
    pub fn draw(&mut self, chart_id: &str, canvas: HtmlCanvasElement) -> Result<(), JsError> {
        if canvas.width() == 0 || canvas.height() == 0 {
            return Err(JsError::new("the canvas has no size yet"));
        }
        let chart = self.chart(chart_id)?;
        let context: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok())
            .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        if self.view.style.backdrop {
            // The page paints the background behind the canvas: the last drawing goes.
            context.clear_rect(0.0, 0.0, canvas.width().into(), canvas.height().into());
        }
        let backend = MeasuringCanvas::new(canvas, context);
        let hits = chart
            .draw(
                &backend.into_drawing_area(),
                &self.view.style,
                self.credit(chart_id),
            )
            .map_err(|e| JsError::new(&e.to_string()))?;
        self.hits.insert(chart_id.to_string(), hits);
        Ok(())
    }

    /// Chart `chart_id` as SVG text of `width` × `height` CSS pixels, for the baked page: drawn
    /// by the same code as the canvas, measured the same way, in the light colours (the page's
    /// CSS maps them to the reader's scheme). Only a core built with the Cargo feature "svg"
    /// writes one (the bake's): the readers' core without the rules is built without it.
    pub fn svg(&self, chart_id: &str, width: u32, height: u32) -> Result<String, JsError> {
        if width == 0 || height == 0 {
            return Err(JsError::new("an SVG chart needs a size"));
        }
        if width > MAX_SVG_SIDE || height > MAX_SVG_SIDE {
            return Err(JsError::new(&format!(
                "an SVG chart is at most {MAX_SVG_SIDE} px on a side"
            )));
        }
        self.svg_text(chart_id, width, height)
    }

    /// The mark at device pixel (x, y) of the last drawing of `chart_id`:
    /// `null` or `{mark, value, x, series, left, top, right, bottom}`.
    pub fn hit(&self, chart_id: &str, x: f64, y: f64) -> JsValue {
        let slack = (HIT_SLACK_CSS_PX * self.view.style.scale).round() as i32;
        let found = self
            .hits
            .get(chart_id)
            .and_then(|h| h.hit(x.round() as i32, y.round() as i32, slack));
        to_js(&found)
    }

    /// Every mark of the last drawing of `chart_id`, in drawing order (for keyboard stepping).
    pub fn marks(&self, chart_id: &str) -> JsValue {
        to_js(self.hits.get(chart_id).map_or(&[][..], |h| &h.boxes[..]))
    }

    /// Makes chart `chart_id` draw `which` as bars: `"reported"` (public records) or
    /// `"articles"`; the other set shows as markers. Takes effect at the next `draw`.
    pub fn set_figures(&mut self, chart_id: &str, which: &str) -> Result<(), JsError> {
        let figures = Figures::parse(which).ok_or_else(|| {
            JsError::new(&format!("figures = {which:?} is not reported or articles"))
        })?;
        self.figures.insert(chart_id.to_string(), figures);
        Ok(())
    }

    /// The ids of the dataset's charts, in article order (none before a dataset is set).
    pub fn chart_ids(&self) -> JsValue {
        to_js(
            &self
                .dataset
                .iter()
                .flat_map(|d| &d.charts)
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
        )
    }

    /// A panic on purpose, for the tests only: tests/e2e/trap-hook.mjs routes a call here so a
    /// trap happens inside the core with this object borrowed, as a real panic would leave it.
    /// The page never calls it.
    #[wasm_bindgen(js_name = testHookPanic)]
    pub fn test_hook_panic(&mut self) {
        panic!("testHookPanic: a panic on purpose, asked for by a test");
    }
}

impl Explainer {
    #[cfg(feature = "svg")]
    fn svg_text(&self, chart_id: &str, width: u32, height: u32) -> Result<String, JsError> {
        use crate::charts::ChartStyle;
        use canvas::Measured;
        let chart = self.chart(chart_id)?;
        let context: CanvasRenderingContext2d = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into().ok())
            .ok_or_else(|| JsError::new("no canvas to measure text with"))?;
        let mut out = String::new();
        {
            let backend = Measured::svg(&mut out, (width, height), context);
            chart
                .draw(
                    &backend.into_drawing_area(),
                    &ChartStyle::default(),
                    self.credit(chart_id),
                )
                .map_err(|e| JsError::new(&e.to_string()))?;
        }
        Ok(out)
    }

    #[cfg(not(feature = "svg"))]
    fn svg_text(&self, _chart_id: &str, _width: u32, _height: u32) -> Result<String, JsError> {
        Err(JsError::new(
            "this core writes no SVG: it was built without the Cargo feature \"svg\"",
        ))
    }

    /// The source-and-credit line written inside chart `chart_id`.
    fn credit(&self, chart_id: &str) -> &str {
        self.view.word(if chart_id.starts_with("model-") {
            "credit.model"
        } else {
            "credit.dataset"
        })
    }

    /// The chart spec for `chart_id`: a dataset chart, or a calculator chart (`model-…`).
    fn chart(&self, chart_id: &str) -> Result<Chart, JsError> {
        if let Some(chart) = self.model_chart(chart_id)? {
            return Ok(chart);
        }
        let dataset = self
            .dataset
            .as_ref()
            .ok_or_else(|| JsError::new("no dataset has been accepted yet"))?;
        let def = dataset
            .charts
            .iter()
            .find(|c| c.id == chart_id)
            .ok_or_else(|| JsError::new(&format!("unknown chart id {chart_id:?}")))?;
        let figures = self.figures.get(chart_id).copied().unwrap_or_default();
        Ok(Chart::Bars(dataset_chart(
            dataset, def, &self.view, figures,
        )))
    }
}
