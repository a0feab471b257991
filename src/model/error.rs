//! The one error type of the calculator: a bad input, named by field, value and allowed range.

use serde::Serialize;
use std::fmt;

use super::inputs::InputSpec;

/// What is wrong with one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputErrorKind {
    /// A number outside the input's range (both ends allowed).
    OutOfRange { min: f64, max: f64 },
    /// A number inside the range but between the slider's steps (a year of 2027.5).
    OffStep { min: f64, max: f64, step: f64 },
    /// Text that is not a finite number (also NaN and infinity).
    NotANumber,
    /// A parameter name that is neither an input of [`crate::model::input_specs`] nor one of
    /// its earlier names.
    UnknownField,
    /// A value that is not one of a fixed list of options (a preset id).
    UnknownOption { options: &'static [&'static str] },
}

/// One rejected input. `Display` gives a sentence such as
/// `agi_year = 2100 is out of range 2026–2061`; the page words the same facts in the reader's
/// language from `field`, `value` and `kind` (templates under `calculator.errors` in the i18n
/// files).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputError {
    /// The field name, as in [`crate::model::Scenario`] and the URL.
    pub field: String,
    /// The rejected value as text (as typed, or the number formatted).
    pub value: String,
    pub kind: InputErrorKind,
}

impl InputError {
    pub(crate) fn new(field: &str, value: impl Into<String>, kind: InputErrorKind) -> Self {
        InputError {
            field: field.to_string(),
            value: value.into(),
            kind,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            InputErrorKind::OutOfRange { min, max } => write!(
                f,
                "{} = {} is out of range {}–{}",
                self.field,
                self.value,
                format_number(*min),
                format_number(*max)
            ),
            InputErrorKind::OffStep { min, max, step } => write!(
                f,
                "{} = {} is not a step of {} from {} to {}",
                self.field,
                self.value,
                format_number(*step),
                format_number(*min),
                format_number(*max)
            ),
            InputErrorKind::NotANumber => {
                write!(f, "{} = {} is not a number", self.field, self.value)
            }
            InputErrorKind::UnknownField => write!(f, "{} is not a known input", self.field),
            InputErrorKind::UnknownOption { options } => write!(
                f,
                "{} = {} is not one of: {}",
                self.field,
                self.value,
                options.join(", ")
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Checks one value against its row of the input table: `None` when it is finite, in range
/// and on a step of the slider; else the error, named by the field. Used by every way in
/// (slider, URL, command line, whole scenarios), so none can let 2028.4 through.
pub(crate) fn check_value(spec: &InputSpec, value: f64) -> Option<InputError> {
    let kind = if !value.is_finite() {
        InputErrorKind::NotANumber
    } else if value < spec.min || value > spec.max {
        InputErrorKind::OutOfRange {
            min: spec.min,
            max: spec.max,
        }
    } else if !on_step(value, spec.min, spec.step) {
        // A link that says 2027.5 would otherwise show 2028 on the slider while the model
        // ran with 2027.5.
        InputErrorKind::OffStep {
            min: spec.min,
            max: spec.max,
            step: spec.step,
        }
    } else {
        return None;
    };
    Some(InputError::new(spec.field, format_number(value), kind))
}

fn on_step(value: f64, min: f64, step: f64) -> bool {
    let steps = (value - min) / step;
    (steps - steps.round()).abs() <= 1e-6
}

/// Formats a number for messages: whole numbers without decimals, others with up to six
/// significant decimals and no trailing zeros (`2060`, `0.5`, `7.17`).
pub(crate) fn format_number(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x == x.trunc() && x.abs() < 1e15 {
        return format!("{}", x as i64);
    }
    let text = format!("{x:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
