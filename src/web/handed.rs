//! Heavy results made by one core and handed to another: the page may make the Monte Carlo,
//! the tornado and the map in a Web Worker (js/core/heavy-worker.js) with a core of its own,
//! which writes each flat (src/model/flat.rs) for the page's core to take and draw.

use super::{calculator::ok, internal_failure, Explainer};
use crate::model::{from_flat, to_flat, MonteCarlo};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Explainer {
    /// Result `name` (`monte_carlo`, `sensitivity` or `map`, as `advance` names them) of the
    /// current scenario written flat; none when it has not been made, or was refused.
    pub fn flat_result(&self, name: &str) -> Option<Vec<f64>> {
        let written = match name {
            "monte_carlo" => to_flat(self.monte_carlo.as_ref()?),
            "sensitivity" => to_flat(self.run.made_sensitivity()?),
            "map" => to_flat(self.run.made_strategy_map()?),
            _ => return None,
        };
        written.ok()
    }

    /// Takes result `name`, as another core's `flat_result` wrote it, for the current scenario
    /// (the page hands over only its current scenario's). `{ok}`, or `{ok: false, error}` with
    /// nothing taken for numbers that are not one.
    pub fn take_result(&mut self, name: &str, numbers: &[f64]) -> JsValue {
        let taken = match name {
            "monte_carlo" => from_flat::<MonteCarlo>(numbers).map(|mc| {
                self.monte_carlo = Some(mc);
                // A run under way a slice at a time is for this scenario or an earlier one.
                self.monte_carlo_steps = None;
            }),
            "sensitivity" => from_flat(numbers).map(|made| self.run.take_sensitivity(made)),
            "map" => from_flat(numbers).map(|made| self.run.take_strategy_map(made)),
            _ => return internal_failure(&format!("no result is called {name:?}")),
        };
        taken.map_or_else(
            |error| internal_failure(&format!("{name}: {error}")),
            |()| ok(),
        )
    }
}
