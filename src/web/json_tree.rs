//! The dataset as the browser parsed it (`JSON.parse`), turned into the core's [`JsonTree`]:
//! the wasm carries no JSON parser of its own.

use crate::data::{DataError, DataErrorKind, DataErrors, JsonTree, MAX_DEPTH};
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

/// `value` as a tree, or the one error that stops reading: lists and objects nested deeper
/// than [`MAX_DEPTH`] (serde_json's limit, so the command line says the same). The tree is
/// what `JSON.stringify` would write of the value (a member that is `undefined` is left out,
/// a number that is not finite is `null`), so a value built in JS reads as its JSON text would.
pub(super) fn json_tree(value: &JsValue) -> Result<JsonTree, DataErrors> {
    tree_at(value, 0).ok_or_else(|| {
        DataErrors(vec![DataError::new(
            "file",
            DataErrorKind::WrongShape {
                message: format!("lists and objects nest more than {MAX_DEPTH} deep"),
            },
        )])
    })
}

fn tree_at(value: &JsValue, depth: usize) -> Option<JsonTree> {
    if let Some(text) = value.as_string() {
        return Some(JsonTree::String(text));
    }
    if let Some(number) = value.as_f64() {
        return Some(if number.is_finite() {
            JsonTree::Number(number)
        } else {
            JsonTree::Null
        });
    }
    if let Some(flag) = value.as_bool() {
        return Some(JsonTree::Bool(flag));
    }
    if !value.is_object() {
        return Some(JsonTree::Null); // null, undefined in a list
    }
    if depth == MAX_DEPTH {
        return None;
    }
    if Array::is_array(value) {
        return Array::from(value)
            .iter()
            .map(|item| tree_at(&item, depth + 1))
            .collect::<Option<_>>()
            .map(JsonTree::Array);
    }
    Object::entries(value.unchecked_ref())
        .iter()
        .map(|entry| entry.unchecked_into::<Array>())
        .filter(|pair| !pair.get(1).is_undefined())
        .map(|pair| Some((pair.get(0).as_string()?, tree_at(&pair.get(1), depth + 1)?)))
        .collect::<Option<_>>()
        .map(JsonTree::Object)
}
