//! The dataset reader and validator, with files an editor's slip or a hostile host can produce:
//! the shipped file mutated field by field as JSON (values replaced by awkward ones of any type,
//! fields dropped or added, records duplicated, removed or swapped, nesting piled up), and the
//! file's raw text cut, spliced and flipped. Checks: the reader never panics and every refusal
//! names a place; what it accepts holds together by a check of its own (every id a record,
//! a chart, a conflict or a derived figure names is in the file; ids unique; numbers finite,
//! a range's high end not below its low end), and is written back and read again unchanged.

use ai_capex_explainer::data::{Dataset, DEFAULT_DATASET_JSON};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::rng::Rng;

/// The shipped file as a JSON tree, read once.
pub fn shipped() -> &'static Value {
    static SHIPPED: OnceLock<Value> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        serde_json::from_str(DEFAULT_DATASET_JSON).expect("the shipped file is JSON")
    })
}

/// True when the reader accepted the file.
pub fn case(rng: &mut Rng) -> bool {
    let text = if rng.chance(0.7) {
        let mut tree = shipped().clone();
        for _ in 0..1 + rng.below(4) {
            mutate_tree(rng, &mut tree);
        }
        serde_json::to_string(&tree).expect("a JSON tree serializes")
    } else {
        mutate_bytes(rng, DEFAULT_DATASET_JSON.as_bytes())
    };
    match Dataset::from_json(&text) {
        Ok(dataset) => {
            holds_together(&dataset);
            let written = serde_json::to_string(&dataset).expect("an accepted dataset serializes");
            match Dataset::from_json(&written) {
                Ok(again) => assert!(
                    again == dataset,
                    "accepted, written back, read back different"
                ),
                Err(errors) => panic!("accepted, written back, then refused: {errors}"),
            }
            true
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "refused without a problem");
            for error in &errors.0 {
                assert!(
                    !error.location.is_empty(),
                    "a problem without a place: {error}"
                );
            }
            false
        }
    }
}

/// What an accepted file must satisfy, checked here from the records themselves rather than by
/// the validator that accepted it.
fn holds_together(dataset: &Dataset) {
    let records: Vec<_> = dataset.facts.iter().chain(&dataset.reference).collect();
    let mut ids = HashSet::new();
    for record in &records {
        assert!(
            ids.insert(record.id.as_str()),
            "id {} used twice",
            record.id
        );
    }
    let named = |what: &str, id: &String| {
        assert!(
            ids.contains(id.as_str()),
            "{what} names {id}, which no record has"
        );
    };
    let sources: HashSet<_> = dataset.sources.iter().map(|s| s.id.as_str()).collect();
    let entities: HashSet<_> = dataset.entities.iter().map(|e| e.id.as_str()).collect();
    let metrics: HashSet<_> = dataset.metrics.iter().map(|m| m.id.as_str()).collect();
    for record in &records {
        assert!(
            sources.contains(record.source.as_str()),
            "{}: unknown source",
            record.id
        );
        assert!(
            entities.contains(record.entity.as_str()),
            "{}: unknown entity",
            record.id
        );
        assert!(
            metrics.contains(record.metric.as_str()),
            "{}: unknown metric",
            record.id
        );
        assert!(
            record.value.is_finite(),
            "{}: value {}",
            record.id,
            record.value
        );
        if let Some(high) = record.value_high {
            assert!(
                high.is_finite() && high >= record.value,
                "{}: range {} to {high}",
                record.id,
                record.value
            );
        }
        for id in &record.derived_from {
            named(&format!("{} derived_from", record.id), id);
        }
    }
    for chart in &dataset.charts {
        for id in chart.facts.iter().chain(&chart.context) {
            named(&format!("chart {}", chart.id), id);
        }
    }
    for conflict in &dataset.conflicts {
        for id in &conflict.facts {
            named(&format!("conflict {}", conflict.id), id);
        }
    }
}

/// One structural change at a random place in the tree.
fn mutate_tree(rng: &mut Rng, tree: &mut Value) {
    let node = random_node(rng, tree);
    match rng.below(8) {
        0..=2 => *node = awkward_value(rng),
        3 => {
            if let Value::Object(map) = node {
                if let Some(key) = map.keys().nth(rng.below(map.len().max(1))).cloned() {
                    map.remove(&key);
                }
            }
        }
        4 => {
            if let Value::Object(map) = node {
                map.insert(rng.awkward_text(), awkward_value(rng));
            }
        }
        5 => {
            if let Value::Array(items) = node {
                if !items.is_empty() {
                    let copy = items[rng.below(items.len())].clone();
                    items.insert(rng.below(items.len() + 1), copy);
                }
            }
        }
        6 => {
            if let Value::Array(items) = node {
                if !items.is_empty() {
                    let (a, b) = (rng.below(items.len()), rng.below(items.len()));
                    if rng.chance(0.5) {
                        items.swap(a, b);
                    } else {
                        items.remove(a);
                    }
                }
            }
        }
        _ => {
            // A number as text, text as a number, anything wrapped in a list.
            *node = match node.take() {
                Value::Number(n) => Value::String(n.to_string()),
                Value::String(s) => s.parse::<f64>().map_or(Value::String(s), |x| json!(x)),
                other => json!([other]),
            }
        }
    }
}

/// A node reached by walking down from the root, stopping at random or at a leaf.
fn random_node<'a>(rng: &mut Rng, node: &'a mut Value) -> &'a mut Value {
    let children = match node {
        Value::Object(map) => map.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if children == 0 || rng.chance(0.25) {
        return node;
    }
    let index = rng.below(children);
    match node {
        Value::Object(map) => {
            random_node(rng, map.values_mut().nth(index).expect("index below len"))
        }
        Value::Array(items) => random_node(rng, &mut items[index]),
        leaf => leaf,
    }
}

fn awkward_value(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 | 1 => json!(rng.awkward_number()),
        2 => json!(1990 + rng.below(120) as i64 - 5),
        3 => Value::String(rng.awkward_text()),
        4 => Value::Null,
        5 => json!(rng.chance(0.5)),
        6 => json!([]),
        7 => json!({}),
        _ => {
            let mut deep = json!(1);
            for _ in 0..rng.below(300) {
                deep = json!([deep]);
            }
            deep
        }
    }
}

/// The raw text with one to four byte-level changes, read back as text the way a browser
/// decodes a file (invalid UTF-8 becomes U+FFFD).
fn mutate_bytes(rng: &mut Rng, original: &[u8]) -> String {
    const TOKENS: [&[u8]; 8] = [
        b"1e999",
        b"[[[[[[[[",
        b"\"\\ud800\"",
        b"-",
        b"\"",
        b"}",
        b",",
        b"\xef\xbb\xbf",
    ];
    let mut bytes = original.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 => {
                if at < bytes.len() {
                    bytes[at] ^= 1 << rng.below(8);
                }
            }
            1 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(256)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, chunk);
            }
            3 => {
                let token = rng.pick(&TOKENS);
                bytes.splice(at..at, token.iter().copied());
            }
            _ => bytes.truncate(at),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
