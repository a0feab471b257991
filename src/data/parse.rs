//! Reading a parsed JSON document into typed records, one record at a time, so that one bad
//! record does not hide the problems of the others.
//!
//! Step 1 reads the text as generic JSON (json_text.rs, natively and in the page's core alike:
//! a syntax error stops here, one error with line and column). Step 2 turns each entry of each
//! list into its record type separately; an entry that does not fit (wrong type, unknown unit,
//! misspelt field) becomes an error located by list, index and id, and is left out. The ids of entries left out are remembered so that
//! the semantic checks do not report every later reference to them as unknown.

use std::collections::HashSet;

use serde::de::DeserializeOwned;

use super::dataset::Dataset;
use super::error::{
    DataError, DataErrorKind, DataErrors, OLDEST_SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSION,
};
use super::json_text::{parse_json_text, ReadNumber};
use super::tree::{JsonTree, TreeError};

/// Ids of list entries that could not be read, per list.
#[derive(Debug, Default)]
pub(crate) struct Broken {
    pub sources: HashSet<String>,
    pub entities: HashSet<String>,
    pub metrics: HashSet<String>,
    pub measures: HashSet<String>,
    /// Facts and reference share one id space.
    pub facts: HashSet<String>,
    /// `dataset_version` could not be read.
    pub dataset_version: bool,
}

const TOP_LEVEL_FIELDS: [&str; 13] = [
    "schema_version",
    "dataset_version",
    "reference_rates",
    "sources",
    "entities",
    "metrics",
    "measures",
    "facts",
    "reference",
    "conflicts",
    "charts",
    "changelog",
    "split",
];

/// Text between the first pair of backticks, if any.
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

/// Classifies a serde error about one record.
fn shape_error(error: &TreeError) -> DataErrorKind {
    let message = error.to_string();
    if message.starts_with("missing field") {
        if let Some(field) = backticked(&message) {
            return DataErrorKind::MissingField { field };
        }
    }
    if message.starts_with("unknown field") {
        if let Some(field) = backticked(&message) {
            return DataErrorKind::UnknownField { field };
        }
    }
    DataErrorKind::WrongShape { message }
}

/// Describes a JSON value's type in words, for "expected a list, found …" messages.
fn type_name(value: &JsonTree) -> &'static str {
    match value {
        JsonTree::Null => "null",
        JsonTree::Bool(_) => "true/false",
        JsonTree::Number(_) => "a number",
        JsonTree::String(_) => "text",
        JsonTree::Array(_) => "a list",
        JsonTree::Object(_) => "an object",
    }
}

/// `facts[3] (id x)` or `facts[3]` when the entry has no readable id.
pub(crate) fn entry_location(list: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if !id.is_empty() => format!("{list}[{index}] (id {id})"),
        _ => format!("{list}[{index}]"),
    }
}

fn read_list<T: DeserializeOwned>(
    map: &JsonTree,
    list: &str,
    errors: &mut Vec<DataError>,
    broken: &mut HashSet<String>,
) -> Vec<T> {
    let Some(value) = map.get(list) else {
        errors.push(DataError::new(
            "file",
            DataErrorKind::MissingField {
                field: list.to_string(),
            },
        ));
        return Vec::new();
    };
    let JsonTree::Array(entries) = value else {
        errors.push(DataError::new(
            list,
            DataErrorKind::WrongShape {
                message: format!("expected a list [ … ], found {}", type_name(value)),
            },
        ));
        return Vec::new();
    };
    let mut records = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        match entry.read::<T>() {
            Ok(record) => records.push(record),
            Err(error) => {
                let id = entry.get("id").and_then(JsonTree::as_str);
                if let Some(id) = id {
                    broken.insert(id.to_string());
                }
                errors.push(DataError::new(
                    entry_location(list, index, id),
                    shape_error(&error),
                ));
            }
        }
    }
    records
}

fn read_field<T: DeserializeOwned>(
    map: &JsonTree,
    field: &str,
    errors: &mut Vec<DataError>,
) -> Option<T> {
    let Some(value) = map.get(field) else {
        errors.push(DataError::new(
            "file",
            DataErrorKind::MissingField {
                field: field.to_string(),
            },
        ));
        return None;
    };
    match value.read::<T>() {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            errors.push(DataError::new(field, shape_error(&error)));
            None
        }
    }
}

/// Reads JSON text as generic JSON. A syntax error, or a number too large to store, is one
/// error with its line and column.
pub(crate) fn parse_text(json: &str, read_number: ReadNumber) -> Result<JsonTree, DataErrors> {
    parse_json_text(json, read_number).map_err(|error| {
        DataErrors(vec![DataError::new(
            "file",
            DataErrorKind::Syntax {
                line: error.line,
                column: error.column,
                message: error.message.to_string(),
            },
        )])
    })
}

/// Reads a parsed dataset file, returning the records that could be read, the ids of those
/// that could not, and one error per problem found so far. Returns `Err` only when nothing
/// further can be checked (not an object, unsupported schema version).
pub(crate) fn read(map: &JsonTree) -> Result<(Dataset, Broken, Vec<DataError>), DataErrors> {
    let JsonTree::Object(members) = map else {
        return Err(DataErrors(vec![DataError::new(
            "file",
            DataErrorKind::WrongShape {
                message: format!(
                    "the file must be one JSON object {{ … }}, found {}",
                    type_name(map)
                ),
            },
        )]));
    };

    let mut errors = Vec::new();

    // The version decides how to read everything else: check it first and stop if unknown.
    let schema_version = match map.get("schema_version") {
        None => {
            errors.push(DataError::new(
                "file",
                DataErrorKind::MissingField {
                    field: "schema_version".to_string(),
                },
            ));
            SUPPORTED_SCHEMA_VERSION
        }
        Some(found) => match found.as_u64() {
            Some(version)
                if (u64::from(OLDEST_SCHEMA_VERSION)..=u64::from(SUPPORTED_SCHEMA_VERSION))
                    .contains(&version) =>
            {
                u32::try_from(version).unwrap_or(SUPPORTED_SCHEMA_VERSION)
            }
            Some(version) => {
                return Err(DataErrors(vec![DataError::new(
                    "schema_version",
                    DataErrorKind::UnsupportedSchemaVersion {
                        found: u32::try_from(version).unwrap_or(u32::MAX),
                        supported: SUPPORTED_SCHEMA_VERSION,
                    },
                )]));
            }
            None => {
                return Err(DataErrors(vec![DataError::new(
                    "schema_version",
                    DataErrorKind::WrongShape {
                        message: format!(
                            "expected a whole number from {OLDEST_SCHEMA_VERSION} to \
                             {SUPPORTED_SCHEMA_VERSION}, found {}",
                            type_name(found)
                        ),
                    },
                )]));
            }
        },
    };

    for (key, _) in members {
        if !TOP_LEVEL_FIELDS.contains(&key.as_str()) {
            errors.push(DataError::new(
                "file",
                DataErrorKind::UnknownField { field: key.clone() },
            ));
        }
    }

    let mut broken = Broken::default();
    let dataset_version: Option<String> = read_field(map, "dataset_version", &mut errors);
    broken.dataset_version = dataset_version.is_none();
    let mut unnamed = HashSet::new();
    let reference_rates = read_list(map, "reference_rates", &mut errors, &mut unnamed);

    let sources = read_list(map, "sources", &mut errors, &mut broken.sources);
    let entities = read_list(map, "entities", &mut errors, &mut broken.entities);
    let metrics = read_list(map, "metrics", &mut errors, &mut broken.metrics);
    // `measures` is optional: a file without it charts figures without named definitions
    // only if it has no charts (the chart rules require a measure for every charted figure).
    let measures = if map.get("measures").is_some() {
        read_list(map, "measures", &mut errors, &mut broken.measures)
    } else {
        Vec::new()
    };
    let facts = read_list(map, "facts", &mut errors, &mut broken.facts);
    let reference = read_list(map, "reference", &mut errors, &mut broken.facts);
    let mut unused = HashSet::new();
    let conflicts = read_list(map, "conflicts", &mut errors, &mut unused);
    // `charts` is optional: a file without it simply has no dataset charts.
    let charts = if map.get("charts").is_some() {
        read_list(map, "charts", &mut errors, &mut unused)
    } else {
        Vec::new()
    };

    let changelog = if map.get("changelog").is_some() {
        read_list(map, "changelog", &mut errors, &mut unused)
    } else {
        Vec::new()
    };

    let split = if map.get("split").is_some() {
        read_field(map, "split", &mut errors)
    } else {
        None
    };

    let dataset = Dataset {
        schema_version,
        dataset_version: dataset_version.unwrap_or_default(),
        reference_rates,
        sources,
        entities,
        metrics,
        measures,
        facts,
        reference,
        conflicts,
        charts,
        changelog,
        split,
    };
    Ok((dataset, broken, errors))
}
