//! The calculator half of the boundary: the reader's scenario lives here; the page sets
//! inputs as text (slider or URL) and reads back the projection, Monte Carlo and tornado.

use super::{to_js, Explainer};
use crate::charts::{
    break_even_chart, business_chart, capacity_chart, map_chart, position_chart, prices_chart,
    risk_chart, sensitivity_chart, uncertainty_chart, Chart,
};
use crate::model::{
    calibration::CONSTANTS, default_map_field, input_specs, project, sensitivity, strategy_map,
    InputError, InputErrorKind, Preset, Scenario, ALIASES, PAYBACK_COMPARISONS, RETIRED,
};
use crate::model::{Projection, Sensitivity, SensitivitySteps, StrategyMap, StrategyMapSteps};
use serde::Serialize;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

/// The reader's scenario and what is computed from it, once per scenario however many charts
/// and calls read it: a slider move draws the headline chart from one projection and the
/// page reads the same projection and tornado again for its sentences, tooltips and tables.
pub(super) struct Run {
    scenario: Scenario,
    projection: OnceCell<Result<Projection, Vec<InputError>>>,
    sensitivity: OnceCell<Result<Sensitivity, Vec<InputError>>>,
    /// The map (the game over every AGI year for each of its values): only when let go.
    strategy_map: OnceCell<Result<StrategyMap, Vec<InputError>>>,
    /// The tornado and the map under way a slice at a time (`Explainer::advance`).
    sensitivity_steps: Option<SensitivitySteps>,
    map_steps: Option<StrategyMapSteps>,
}

/// What one slice of work did.
pub(super) enum Step {
    /// Nothing left to make.
    Idle,
    Working,
    /// This slice finished the result of this name (as `Explainer::advance` reports it).
    Finished(&'static str),
}

impl Run {
    pub(super) fn new(scenario: Scenario) -> Run {
        Run {
            scenario,
            projection: OnceCell::new(),
            sensitivity: OnceCell::new(),
            strategy_map: OnceCell::new(),
            sensitivity_steps: None,
            map_steps: None,
        }
    }

    pub(super) fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// One game scan towards the tornado, or once it is made towards the map.
    pub(super) fn step(&mut self) -> Step {
        let scenario = &self.scenario;
        if self.sensitivity.get().is_none() {
            return step_towards(
                &self.sensitivity,
                &mut self.sensitivity_steps,
                || SensitivitySteps::start(scenario),
                (SensitivitySteps::step, SensitivitySteps::finish),
                "sensitivity",
            );
        }
        if self.strategy_map.get().is_none() {
            return step_towards(
                &self.strategy_map,
                &mut self.map_steps,
                || StrategyMapSteps::start(scenario, default_map_field(scenario)),
                (StrategyMapSteps::step, StrategyMapSteps::finish),
                "map",
            );
        }
        Step::Idle
    }

    /// Whether the tornado or the map is still to make.
    pub(super) fn heavy_pending(&self) -> bool {
        self.sensitivity.get().is_none() || self.strategy_map.get().is_none()
    }

    /// The tornado, if it has been made (and not refused).
    pub(super) fn made_sensitivity(&self) -> Option<&Sensitivity> {
        self.sensitivity.get()?.as_ref().ok()
    }

    /// The map, if it has been made (and not refused).
    pub(super) fn made_strategy_map(&self) -> Option<&StrategyMap> {
        self.strategy_map.get()?.as_ref().ok()
    }

    /// The tornado of this scenario, made elsewhere (handed.rs): any under way here stops.
    pub(super) fn take_sensitivity(&mut self, made: Sensitivity) {
        self.sensitivity = OnceCell::from(Ok(made));
        self.sensitivity_steps = None;
    }

    /// The map of this scenario, made elsewhere (handed.rs): any under way here stops.
    pub(super) fn take_strategy_map(&mut self, made: StrategyMap) {
        self.strategy_map = OnceCell::from(Ok(made));
        self.map_steps = None;
    }

    fn projection(&self) -> &Result<Projection, Vec<InputError>> {
        self.projection.get_or_init(|| project(&self.scenario))
    }

    fn sensitivity(&self) -> &Result<Sensitivity, Vec<InputError>> {
        self.sensitivity.get_or_init(|| sensitivity(&self.scenario))
    }

    fn strategy_map(&self) -> &Result<StrategyMap, Vec<InputError>> {
        self.strategy_map
            .get_or_init(|| strategy_map(&self.scenario, default_map_field(&self.scenario)))
    }

    /// Sets one input from text, the number read by the browser's `parseFloat` (the wasm
    /// carries no decimal parser); the cached results go only when the scenario changed.
    fn set(&mut self, field: &str, raw: &str) -> Result<(), InputError> {
        self.scenario
            .set_read(field, raw, |number| Some(js_sys::parse_float(number)))?;
        *self = Run::new(self.scenario.clone());
        Ok(())
    }
}

/// One more step towards the result in `cell`: of the steps kept in `kept`, or of new ones
/// (`start`); then either the result in `cell` (a refusal is a result too) or the steps kept
/// for the next slice.
fn step_towards<S, T>(
    cell: &OnceCell<Result<T, Vec<InputError>>>,
    kept: &mut Option<S>,
    start: impl FnOnce() -> Result<S, Vec<InputError>>,
    (step, finish): (fn(&mut S) -> bool, fn(S) -> T),
    name: &'static str,
) -> Step {
    let made = match kept.take().map_or_else(start, Ok) {
        Ok(mut steps) => {
            if !step(&mut steps) {
                *kept = Some(steps);
                return Step::Working;
            }
            Ok(finish(steps))
        }
        Err(errors) => Err(errors),
    };
    let _ = cell.set(made);
    Step::Finished(name)
}

/// `{ok: true}` or `{ok: false, error}` / `{ok: false, errors}` for the page to word.
#[derive(Serialize)]
struct Outcome<'a> {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a InputError>,
    #[serde(skip_serializing_if = "<[InputError]>::is_empty")]
    errors: &'a [InputError],
}

pub(super) fn ok() -> JsValue {
    to_js(&Outcome {
        ok: true,
        error: None,
        errors: &[],
    })
}

fn refused(error: &InputError) -> JsValue {
    to_js(&Outcome {
        ok: false,
        error: Some(error),
        errors: &[],
    })
}

pub(super) fn refused_all(errors: &[InputError]) -> JsValue {
    to_js(&Outcome {
        ok: false,
        error: errors.first(),
        errors,
    })
}

/// Either the value or the refusal.
fn result_js<T: Serialize>(result: &Result<T, Vec<InputError>>) -> JsValue {
    match result {
        Ok(value) => to_js(value),
        Err(errors) => refused_all(errors),
    }
}

#[wasm_bindgen]
impl Explainer {
    /// The input table the page builds its controls from.
    pub fn input_specs(&self) -> JsValue {
        to_js(input_specs())
    }

    /// The model's sourced constants, for "How this is calculated".
    pub fn constants(&self) -> JsValue {
        to_js(&CONSTANTS)
    }

    /// Earlier parameter names: `{aliases: [[old, new]], retired: [name]}`, so the page reads
    /// old links and drops the names from the address it writes.
    pub fn parameter_names(&self) -> JsValue {
        #[derive(serde::Serialize)]
        struct ParameterNames {
            aliases: &'static [(&'static str, &'static str)],
            retired: &'static [&'static str],
        }
        to_js(&ParameterNames {
            aliases: &ALIASES,
            retired: &RETIRED,
        })
    }

    /// The dataset records the payback panel sets beside its requirement.
    pub fn payback_comparisons(&self) -> JsValue {
        to_js(&PAYBACK_COMPARISONS)
    }

    /// Preset ids, in button order.
    pub fn presets(&self) -> JsValue {
        to_js(&Preset::ALL.iter().map(|p| p.id()).collect::<Vec<_>>())
    }

    /// The current scenario, `{field: value}`.
    pub fn scenario(&self) -> JsValue {
        to_js(&self.run.scenario)
    }

    /// Sets one input from text; on error the scenario is unchanged.
    pub fn set_input(&mut self, field: &str, raw: &str) -> JsValue {
        match self.run.set(field, raw) {
            Ok(()) => {
                // A run under way is for the scenario before.
                self.monte_carlo_steps = None;
                ok()
            }
            Err(e) => refused(&e),
        }
    }

    /// Replaces the scenario with a preset (the defaults plus the preset's changes).
    pub fn apply_preset(&mut self, id: &str) -> JsValue {
        match Preset::parse(id) {
            Some(preset) => {
                self.run = Run::new(Scenario::preset(preset));
                self.monte_carlo_steps = None;
                ok()
            }
            None => refused(&InputError::new(
                "preset",
                id,
                InputErrorKind::UnknownOption {
                    options: &Preset::IDS,
                },
            )),
        }
    }

    /// Back to the shipped defaults.
    pub fn reset(&mut self) {
        self.run = Run::new(Scenario::default());
        self.monte_carlo_steps = None;
    }

    /// The projection of the current scenario: yearly rows of the four paths, the game, each
    /// side's choice over every AGI year, the business-quality gap, claim check and payback.
    pub fn projection(&self) -> JsValue {
        result_js(self.run.projection())
    }

    /// Runs the Monte Carlo with the AGI year drawn around `median_year` with `spread_years`
    /// and the uncertain inputs from their ranges (`runs` 1–1,000,000); keeps the result for
    /// the uncertainty chart.
    pub fn monte_carlo(
        &mut self,
        median_year: f64,
        spread_years: f64,
        runs: u32,
        seed: u32,
    ) -> JsValue {
        match self.monte_carlo_steps(median_year, spread_years, runs, seed) {
            Ok(steps) => {
                let mc = steps.finish();
                let value = to_js(&mc);
                self.monte_carlo = Some(mc);
                // Newer than any run under way.
                self.monte_carlo_steps = None;
                value
            }
            Err(errors) => refused_all(&errors),
        }
    }

    /// The tornado: each input at its plausible low and high, largest effect first.
    pub fn sensitivity(&self) -> JsValue {
        result_js(self.run.sensitivity())
    }

    /// The map: the US firms' call over every AGI year × the prize, and the reader's row and
    /// column in it: `{map: {field, values, cells, …}, reader_row, reader_column}`.
    pub fn strategy_map(&self) -> JsValue {
        #[derive(Serialize)]
        struct MapWithReader<'a> {
            map: &'a StrategyMap,
            reader_row: Option<usize>,
            reader_column: Option<usize>,
        }
        match self.run.strategy_map() {
            Ok(map) => to_js(&MapWithReader {
                map,
                reader_row: map.reader_row(),
                reader_column: map.reader_column(),
            }),
            Err(errors) => refused_all(errors),
        }
    }
}

impl Explainer {
    /// The calculator chart `chart_id` for the current scenario, `None` for other ids.
    pub(super) fn model_chart(&self, chart_id: &str) -> Result<Option<Chart>, JsError> {
        let refused = |errors: &Vec<InputError>| {
            let words: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            JsError::new(&words.join("; "))
        };
        let projection = || self.run.projection().as_ref().map_err(refused);
        let monte_carlo = || {
            self.monte_carlo
                .as_ref()
                .ok_or_else(|| JsError::new(&format!("run monte_carlo before drawing {chart_id}")))
        };
        let chart = match chart_id {
            "model-breakeven" => Chart::Lines(break_even_chart(projection()?, &self.view)),
            "model-position" => Chart::Lines(position_chart(projection()?, &self.view)),
            "model-capacity" => Chart::Lines(capacity_chart(projection()?, &self.view)),
            "model-prices" => Chart::Lines(prices_chart(projection()?, &self.view)),
            "model-business" => Chart::Bars(business_chart(&projection()?.game, &self.view)),
            "model-sensitivity" => Chart::Tornado(sensitivity_chart(
                self.run.sensitivity().as_ref().map_err(refused)?,
                &self.view,
            )),
            "model-map" => Chart::Grid(map_chart(
                self.run.strategy_map().as_ref().map_err(refused)?,
                &self.view,
            )),
            "model-uncertainty" => Chart::Bars(uncertainty_chart(monte_carlo()?, &self.view)),
            "model-risk" => Chart::Bars(risk_chart(monte_carlo()?, &self.view)),
            _ => return Ok(None),
        };
        Ok(Some(chart))
    }
}
