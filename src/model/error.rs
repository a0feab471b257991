//! The one error type of the calculator: a bad input, named by field, value and allowed range.

use serde::Serialize;
use std::fmt;

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
    /// A field name that is not in [`crate::model::input_specs`].
    UnknownField,
    /// A choice input given a value that is not one of its options.
    UnknownOption { options: &'static [&'static str] },
}

/// One rejected input. `Display` gives a sentence such as
/// `agi_year = 2100 is out of range 2026–2060`; the page words the same facts in the reader's
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

/// Formats a number for messages: whole numbers without decimals, others with up to six
/// significant decimals and no trailing zeros (`2060`, `0.5`, `7.17`).
/// Checks one number against its range `[min, max]`: `None` when it fits, else the error
/// (not a number, or out of range) named by `field`.
pub(crate) fn check_range(field: &str, value: f64, min: f64, max: f64) -> Option<InputError> {
    if !value.is_finite() {
        Some(InputError::new(
            field,
            value.to_string(),
            InputErrorKind::NotANumber,
        ))
    } else if value < min || value > max {
        Some(InputError::new(
            field,
            format_number(value),
            InputErrorKind::OutOfRange { min, max },
        ))
    } else {
        None
    }
}

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
