//! The dataset reader and validator, with files an editor's slip or a hostile host can produce:
//! the shipped file mutated field by field as JSON (values replaced by awkward ones of any type,
//! fields dropped or added, records duplicated, removed or swapped, nesting piled up), and the
//! file's raw text cut, spliced and flipped. Checks: the reader never panics and every refusal
//! names a place; what it accepts passes the rules again on its own.

use ai_capex_explainer::data::{Dataset, DEFAULT_DATASET_JSON};
use serde_json::{json, Value};
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
            assert!(
                dataset.validate().is_ok(),
                "accepted, then refused on its own"
            );
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
