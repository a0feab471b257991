//! How errors print: one per line, location first.

use ai_capex_explainer::data::{DataError, DataErrorKind, DataErrors, Qualifier};

#[test]
fn an_error_prints_its_location_then_what_is_wrong() {
    let error = DataError::new(
        "facts[12] (id s004-meta-capex-2025-plan).value_high",
        DataErrorKind::HighWithoutRange {
            qualifier: Qualifier::Over,
            high: 65.0,
        },
    );
    assert_eq!(
        error.to_string(),
        "facts[12] (id s004-meta-capex-2025-plan).value_high: value_high is 65 but qualifier is \"over\"; value_high is only allowed with qualifier \"range\""
    );
}

#[test]
fn a_list_of_errors_prints_one_per_line() {
    let errors = DataErrors(vec![
        DataError::new("facts[0] (id a).quote", DataErrorKind::MissingQuote),
        DataError::new("sources[3] (id pr-x).url", DataErrorKind::MissingUrl),
    ]);
    assert_eq!(
        errors.to_string(),
        "facts[0] (id a).quote: quote is missing or empty; a seed fact must quote the article word for word\n\
         sources[3] (id pr-x).url: url is missing; a public record needs an address starting with https://"
    );
    assert_eq!(errors.len(), 2);
    assert!(!errors.is_empty());
    assert_eq!((&errors).into_iter().count(), 2);
}

#[test]
fn errors_work_as_standard_errors() {
    fn boxed() -> Result<(), Box<dyn std::error::Error>> {
        Err(DataErrors(vec![DataError::new(
            "file",
            DataErrorKind::RangeWithoutHigh,
        )]))?;
        Ok(())
    }
    let message = boxed().map_err(|e| e.to_string()).unwrap_err();
    assert!(message.starts_with("file: qualifier is \"range\""));
}

#[test]
fn a_syntax_error_prints_line_and_column() {
    let error = DataError::new(
        "file",
        DataErrorKind::Syntax {
            line: 3,
            column: 7,
            message: "expected `,` or `}`".into(),
        },
    );
    assert_eq!(
        error.to_string(),
        "file: JSON syntax error at line 3, column 7: expected `,` or `}`"
    );
}
