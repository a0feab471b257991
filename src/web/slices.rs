//! The calculator's heavy results made a slice at a time: the page asks for at most a few
//! tens of milliseconds of work per task, so a reader's tap or slider is never kept waiting
//! behind the Monte Carlo, the tornado or the map (each a few hundred milliseconds on a phone).
//! Each is the same result the one-call functions give.

use super::calculator::Step;
use super::{to_js, Explainer};
use crate::model::{AgiDistribution, InputError, MonteCarloSteps};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Monte Carlo runs per step: well under a millisecond each on a desktop, a few on a phone.
const RUNS_PER_STEP: u32 = 10;

/// What `advance` did: the results it finished (`monte_carlo`, `sensitivity`, `map`), and
/// whether any work is left.
#[derive(Serialize)]
struct Advanced {
    finished: Vec<&'static str>,
    pending: bool,
}

#[wasm_bindgen]
impl Explainer {
    /// Starts a Monte Carlo run (as `monte_carlo` takes it) to be made by `advance`; the last
    /// finished run stays drawn until then. `{ok}` or the refusal.
    pub fn start_monte_carlo(
        &mut self,
        median_year: f64,
        spread_years: f64,
        runs: u32,
        seed: u32,
    ) -> JsValue {
        match self.monte_carlo_steps(median_year, spread_years, runs, seed) {
            Ok(steps) => {
                self.monte_carlo_steps = Some(steps);
                super::calculator::ok()
            }
            Err(errors) => super::calculator::refused_all(&errors),
        }
    }

    /// Works for about `budget_ms` at most: first the Monte Carlo run started, then the
    /// tornado, then the map of the current scenario. A step that would likely end past the
    /// budget (judged by the longest so far) waits for the next call.
    pub fn advance(&mut self, budget_ms: f64) -> JsValue {
        let started = js_sys::Date::now();
        let mut longest = 0.0_f64;
        let mut finished = Vec::new();
        let pending = loop {
            let before = js_sys::Date::now();
            match self.step_work() {
                Step::Idle => break false,
                Step::Working => {}
                Step::Finished(name) => finished.push(name),
            }
            let now = js_sys::Date::now();
            longest = longest.max(now - before);
            if now - started + longest >= budget_ms {
                break true;
            }
        };
        to_js(&Advanced { finished, pending })
    }

    /// Whether a Monte Carlo run has been started and not finished, or the tornado or the map
    /// of the current scenario is still to make (a refusal counts as made).
    pub fn heavy_pending(&self) -> bool {
        self.monte_carlo_steps.is_some() || self.run.heavy_pending()
    }

    /// The last finished Monte Carlo run (null before one has finished), as `monte_carlo`
    /// returns it.
    pub fn monte_carlo_result(&self) -> JsValue {
        to_js(&self.monte_carlo)
    }
}

impl Explainer {
    /// A Monte Carlo run of the current scenario, the AGI year drawn around `median_year`
    /// with `spread_years`, not made yet (or why not).
    pub(super) fn monte_carlo_steps(
        &self,
        median_year: f64,
        spread_years: f64,
        runs: u32,
        seed: u32,
    ) -> Result<MonteCarloSteps, Vec<InputError>> {
        let dist = AgiDistribution {
            median_year,
            spread_years,
        };
        MonteCarloSteps::start(self.run.scenario(), &dist, runs, u64::from(seed))
    }

    fn step_work(&mut self) -> Step {
        let Some(steps) = &mut self.monte_carlo_steps else {
            return self.run.step();
        };
        if !steps.step(RUNS_PER_STEP) {
            return Step::Working;
        }
        if let Some(steps) = self.monte_carlo_steps.take() {
            self.monte_carlo = Some(steps.finish());
        }
        Step::Finished("monte_carlo")
    }
}
