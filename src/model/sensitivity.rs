//! Which assumption moves the verdict most (a tornado chart). Each numeric input of the
//! projection is moved down and up by a tenth of its slider's range (clamped to the range and
//! rounded to the slider's step), all others fixed, and the headline outcome — the final ratio
//! `ROI_sprint / ROI_marathon` — is recomputed. Bars are sorted by swing, largest first.
//!
//! The Monte Carlo inputs (`agi_median_year`, `agi_spread_years`) do not enter the projection
//! and are left out; the sprint's base-capex choice is not numeric and is left out too (it
//! scales the sprint without changing its return per unit of capex).

use serde::Serialize;

use super::error::InputError;
use super::inputs::{input_specs, InputGroup, InputKind};
use super::project::{simulate, Params};
use super::scenario::Scenario;

/// Share of an input's range moved each way.
pub const NUDGE_SHARE_OF_RANGE: f64 = 0.1;

/// One bar of the tornado.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TornadoBar {
    /// The input's field name.
    pub field: &'static str,
    /// The input's current value.
    pub base_input: f64,
    /// The input nudged down (clamped to its range).
    pub low_input: f64,
    /// The input nudged up (clamped to its range).
    pub high_input: f64,
    /// The outcome with `low_input`.
    pub outcome_low: f64,
    /// The outcome with `high_input`.
    pub outcome_high: f64,
    /// `max(outcome_low, outcome_high, base) − min(…)`: how far the outcome moves.
    pub swing: f64,
}

/// The tornado with its base value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// The name of the outcome (`"final_roi_ratio"`: `ROI_sprint / ROI_marathon` at the
    /// horizon; above 1 the sprint is ahead).
    pub outcome: &'static str,
    /// The outcome with every input as given.
    pub base_outcome: f64,
    /// One bar per numeric projection input, largest swing first (ties keep table order).
    pub bars: Vec<TornadoBar>,
}

/// Nudges every numeric projection input both ways. Validates first.
///
/// ```
/// use ai_capex_explainer::model::{sensitivity, Scenario};
/// let t = sensitivity(&Scenario::default()).map_err(|e| format!("{e:?}"))?;
/// assert!(t.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
/// # Ok::<(), String>(())
/// ```
pub fn sensitivity(s: &Scenario) -> Result<Sensitivity, Vec<InputError>> {
    s.validate()?;
    let outcome =
        |scenario: &Scenario| simulate(&Params::from_scenario(scenario), |_, _| {}).roi_ratio();
    let base_outcome = outcome(s);
    let mut bars = Vec::new();
    for spec in input_specs() {
        let InputKind::Range { min, max, step } = spec.kind else {
            continue;
        };
        if spec.group == InputGroup::Uncertainty {
            continue;
        }
        let Some(base_input) = s.number(spec.field) else {
            continue;
        };
        let nudge = NUDGE_SHARE_OF_RANGE * (max - min);
        let snap = |x: f64| {
            let stepped = if step > 0.0 {
                min + ((x - min) / step).round() * step
            } else {
                x
            };
            stepped.clamp(min, max)
        };
        let low_input = snap(base_input - nudge);
        let high_input = snap(base_input + nudge);
        let mut probe = s.clone();
        probe.set_number_unchecked(spec.field, low_input);
        let outcome_low = outcome(&probe);
        probe.set_number_unchecked(spec.field, high_input);
        let outcome_high = outcome(&probe);
        let top = outcome_low.max(outcome_high).max(base_outcome);
        let bottom = outcome_low.min(outcome_high).min(base_outcome);
        bars.push(TornadoBar {
            field: spec.field,
            base_input,
            low_input,
            high_input,
            outcome_low,
            outcome_high,
            swing: top - bottom,
        });
    }
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    Ok(Sensitivity {
        outcome: "final_roi_ratio",
        base_outcome,
        bars,
    })
}
