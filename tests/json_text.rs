//! The core's JSON reader against serde_json, the reference: the same trees for every text
//! serde_json accepts, a refusal wherever serde_json refuses, with its words and position.

use ai_capex_explainer::data::{self, JsonSyntaxError, JsonTree, DEFAULT_DATASET_JSON};
use proptest::prelude::*;
use serde_json::Value;

fn parse_json_text(text: &str) -> Result<JsonTree, JsonSyntaxError> {
    data::parse_json_text(text, data::std_read_number)
}

/// serde_json's tree in the core's form, members sorted (serde_json keeps them sorted).
fn reference(value: &Value) -> JsonTree {
    match value {
        Value::Null => JsonTree::Null,
        Value::Bool(b) => JsonTree::Bool(*b),
        Value::Number(n) => JsonTree::Number(n.as_f64().expect("finite")),
        Value::String(s) => JsonTree::String(s.clone()),
        Value::Array(items) => JsonTree::Array(items.iter().map(reference).collect()),
        Value::Object(members) => JsonTree::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), reference(v)))
                .collect(),
        ),
    }
}

/// The core's tree with members sorted, to compare with [`reference`].
fn sorted(tree: JsonTree) -> JsonTree {
    match tree {
        JsonTree::Array(items) => JsonTree::Array(items.into_iter().map(sorted).collect()),
        JsonTree::Object(members) => {
            let mut members: Vec<_> = members.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            members.sort_by(|a, b| a.0.cmp(&b.0));
            JsonTree::Object(members)
        }
        other => other,
    }
}

/// Equal trees, numbers within a few units in the last place: serde_json (without its
/// float_roundtrip feature) may misround a long decimal; the core rounds to nearest, as
/// `JSON.parse` does (any_number_reads_back_exactly… holds it to that).
fn same(a: &JsonTree, b: &JsonTree) -> bool {
    match (a, b) {
        (JsonTree::Number(x), JsonTree::Number(y)) => {
            x == y || (x - y).abs() <= x.abs() * 16.0 * f64::EPSILON
        }
        (JsonTree::Array(xs), JsonTree::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        (JsonTree::Object(xs), JsonTree::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .zip(ys)
                    .all(|(x, y)| x.0 == y.0 && same(&x.1, &y.1))
        }
        _ => a == b,
    }
}

/// Both readers on `text`: the same tree, or both refuse at the same place with the same words.
fn agree(text: &str) {
    match (serde_json::from_str::<Value>(text), parse_json_text(text)) {
        (Ok(expected), Ok(tree)) => {
            let (tree, expected) = (sorted(tree), reference(&expected));
            assert!(same(&tree, &expected), "{text:?}\n{tree:?}\n{expected:?}");
        }
        (Err(expected), Err(error)) => {
            let words = expected.to_string();
            let words = words.split(" at line ").next().unwrap_or_default();
            assert_eq!(
                (error.line, error.column, error.message),
                (expected.line(), expected.column(), words),
                "{text:?}"
            );
        }
        (expected, got) => panic!("{text:?}: serde_json {expected:?}, the core {got:?}"),
    }
}

#[test]
fn the_shipped_dataset_reads_as_serde_json_reads_it_in_file_order() {
    agree(DEFAULT_DATASET_JSON);
    let tree = parse_json_text(DEFAULT_DATASET_JSON).expect("valid");
    let JsonTree::Object(members) = tree else {
        panic!("an object")
    };
    assert_eq!(
        members[0].0, "schema_version",
        "members keep the file's order"
    );
}

#[test]
fn each_kind_of_broken_text_is_refused_where_and_as_serde_json_refuses_it() {
    for text in [
        "",
        "   ",
        "hello",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "[",
        "[1",
        "[1,",
        "[1,]",
        "[1 2]",
        "[01]",
        "[-]",
        "[1.]",
        "[1e]",
        "[1e+]",
        "[.5]",
        "[+1]",
        "[1e400]",
        "[-1e400]",
        "[NaN]",
        "[Infinity]",
        "[tru]",
        "[trux]",
        "[nul]",
        "\"abc",
        "\"a\\x\"",
        "\"a\\u12\"",
        "\"a\\u12g4\"",
        "\"tab\there\"",
        "\"line\nbreak\"",
        "{} x",
        "{}\n\n  ]",
        "{\n  \"schema_version\": 1,\n  \"sources\": [\n",
        "{\n  \"schema_version\": 1\n  \"dataset_version\": \"2026-01-01\"\n}",
        "{\"名字\": \"值\" x}",
        "\u{feff}{}",
    ] {
        agree(text);
    }
}

#[test]
fn escapes_numbers_and_nesting_read_as_serde_json_reads_them() {
    for text in [
        r#""\"\\\/\b\f\n\r\t""#,
        r#""\u00e9\u4e2d\ud83d\ude00""#,
        r#"[0, -0, 1.5, -2.25e3, 1E-7, 123456789012345678901234567890, 9007199254740993]"#,
        r#"{"a": {"b": [true, false, null, {}, []]}, "c": ""}"#,
        "  \t\r\n{ \"x\" : [ 1 , 2 ] }\n",
        r#"{"a": 1, "a": 2}"#,
    ] {
        agree(text);
    }
    // As serde_json: 127 levels are read, the 128th is refused where it opens.
    agree(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
    assert!(parse_json_text(&format!("{}{}", "[".repeat(127), "]".repeat(127))).is_ok());
    let deeper = format!("{}{}", "[".repeat(128), "]".repeat(128));
    agree(&deeper);
    assert_eq!(
        parse_json_text(&deeper).map_err(|e| (e.column, e.message)),
        Err((128, "recursion limit exceeded"))
    );
}

#[test]
fn a_repeated_key_keeps_its_first_place_and_its_last_value_as_json_parse_does() {
    let tree = parse_json_text(r#"{"a": 1, "b": 2, "a": 3}"#).expect("valid");
    assert_eq!(
        tree,
        JsonTree::Object(vec![
            ("a".into(), JsonTree::Number(3.0)),
            ("b".into(), JsonTree::Number(2.0)),
        ])
    );
}

#[test]
fn an_object_of_many_keys_is_read_in_one_pass_repeats_included() {
    let keys = 200_000;
    let mut text = String::from("{");
    for key in 0..keys {
        text.push_str(&format!("\"k{key}\":{key},"));
    }
    text.push_str("\"k7\":-1}");
    let Ok(JsonTree::Object(members)) = parse_json_text(&text) else {
        panic!("an object")
    };
    assert_eq!(members.len(), keys);
    assert_eq!(members[7], ("k7".into(), JsonTree::Number(-1.0)));
    assert_eq!(members[keys - 1].0, format!("k{}", keys - 1));
}

#[test]
fn a_lone_surrogate_reads_as_the_replacement_character_as_the_browser_hands_it_over() {
    for (text, expected) in [
        (r#""\ud800""#, "\u{fffd}"),
        (r#""\udc00x""#, "\u{fffd}x"),
        (r#""\ud800\u0041""#, "\u{fffd}A"),
    ] {
        assert_eq!(
            parse_json_text(text),
            Ok(JsonTree::String(expected.into())),
            "{text}"
        );
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e300f64..1e300).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A [`data::ReadNumber`] that must not be needed.
fn unused(text: &str) -> f64 {
    panic!("{text} needed the slow path")
}

proptest! {
    #[test]
    fn short_numbers_are_converted_exactly_without_the_slow_path(
        digits in 0u64..=(1 << 53),
        exponent in -22i32..=22,
        point in 0usize..20,
        negative in any::<bool>(),
    ) {
        let sign = if negative { "-" } else { "" };
        let plain = digits.to_string();
        let point = point.min(plain.len() - 1);
        let with_point = if point == 0 { plain.clone() } else {
            format!("{}.{}", &plain[..plain.len() - point], &plain[plain.len() - point..])
        };
        for text in [format!("{sign}{plain}"), format!("{sign}{plain}e{exponent}"), format!("{sign}{with_point}")] {
            let expected: f64 = text.parse().expect("a number");
            prop_assert_eq!(data::parse_json_text(&text, unused), Ok(JsonTree::Number(expected)), "{}", text);
        }
    }

    #[test]
    fn any_number_reads_back_exactly_as_json_parse_reads_it(n in any::<f64>().prop_filter("finite", |n| n.is_finite())) {
        for text in [format!("{n}"), format!("{n:e}"), format!("{n:?}")] {
            prop_assert_eq!(parse_json_text(&text), Ok(JsonTree::Number(n)), "{}", text);
        }
    }

    #[test]
    fn any_value_serde_json_writes_reads_back_the_same(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
        agree(&text.expect("writable"));
    }

    #[test]
    fn any_cut_or_changed_text_is_refused_or_read_as_serde_json_does(
        value in json_value(),
        cut in any::<prop::sample::Index>(),
        byte in prop::sample::select(b"{}[],:\"\\ 0-e.tfnx\n".to_vec()),
        replace in any::<bool>(),
    ) {
        let mut text = serde_json::to_string_pretty(&value).expect("writable").into_bytes();
        let at = cut.index(text.len() + 1);
        if replace && at < text.len() {
            text[at] = byte;
        } else {
            text.truncate(at);
        }
        if let Ok(text) = String::from_utf8(text) {
            agree(&text);
        }
    }
}
