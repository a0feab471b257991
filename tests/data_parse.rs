//! Reading the file: syntax errors with line and column, badly shaped records located by
//! list, index and id, and no panic whatever the input.

mod data_fixture;

use ai_capex_explainer::data::{DataErrorKind, Dataset};
use data_fixture::{fact0, kinds, messages, messages_of_text, valid, with};
use proptest::prelude::*;
use serde_json::json;

#[test]
fn a_truncated_file_gives_one_syntax_error_with_line_and_column() {
    let text = "{\n  \"schema_version\": 1,\n  \"sources\": [\n";
    assert_eq!(
        messages_of_text(text),
        ["file: JSON syntax error at line 4, column 0: EOF while parsing a list"]
    );
}

#[test]
fn a_missing_comma_is_located_by_line_and_column() {
    let text = "{\n  \"schema_version\": 1\n  \"dataset_version\": \"2026-01-01\"\n}";
    let errors = match Dataset::from_json(text) {
        Err(errors) => errors,
        Ok(_) => panic!("must fail"),
    };
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(
            &errors.0[0].kind,
            DataErrorKind::Syntax {
                line: 3,
                column: 3,
                ..
            }
        ),
        "{errors}"
    );
    assert_eq!(
        errors.to_string(),
        "file: JSON syntax error at line 3, column 3: expected `,` or `}`"
    );
}

#[test]
fn an_empty_file_and_plain_text_are_syntax_errors() {
    assert_eq!(
        messages_of_text(""),
        ["file: JSON syntax error at line 1, column 0: EOF while parsing a value"]
    );
    assert_eq!(
        messages_of_text("hello"),
        ["file: JSON syntax error at line 1, column 1: expected value"]
    );
}

#[test]
fn a_number_too_large_to_store_is_refused() {
    let text = valid()
        .to_string()
        .replace("\"value\":12", "\"value\":1e400");
    let all = messages_of_text(&text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with("file: JSON syntax error at line 1, column "),
        "{}",
        all[0]
    );
    assert!(all[0].ends_with("number out of range"), "{}", all[0]);
}

#[test]
fn nan_and_infinity_literals_are_not_json() {
    for literal in ["NaN", "Infinity", "-Infinity"] {
        let text = valid()
            .to_string()
            .replace("\"value\":12", &format!("\"value\":{literal}"));
        let all = messages_of_text(&text);
        assert_eq!(all.len(), 1, "{literal}: {all:#?}");
        assert!(all[0].starts_with("file: JSON syntax error"), "{}", all[0]);
    }
}

#[test]
fn a_top_level_list_is_refused() {
    assert_eq!(
        messages_of_text("[1, 2]"),
        ["file: wrong value: the file must be one JSON object { … }, found a list"]
    );
}

#[test]
fn a_byte_order_mark_at_the_start_is_ignored() {
    let text = format!("\u{feff}{}", valid());
    assert!(Dataset::from_json(&text).is_ok());
}

#[test]
fn a_number_written_as_text_is_located_by_list_index_and_id() {
    let v = with(|v| fact0(v)["value"] = json!("12"));
    assert_eq!(
        messages(&v),
        ["facts[0] (id s000-acme-capex-2025): wrong value: invalid type: string \"12\", expected f64"]
    );
}

#[test]
fn an_unknown_unit_lists_the_allowed_units() {
    let v = with(|v| fact0(v)["unit"] = json!("usd_bnn"));
    assert_eq!(
        messages(&v),
        ["facts[0] (id s000-acme-capex-2025): wrong value: unknown variant `usd_bnn`, expected one of `usd_bn`, `cny_bn`, `usd_m`, `cny_m`, `percent`, `multiple`, `count_m`, `count`, `gw`"]
    );
}

#[test]
fn a_misspelt_field_is_an_unknown_field() {
    let v = with(|v| fact0(v)["valeu"] = json!(12));
    assert_eq!(
        messages(&v),
        ["facts[0] (id s000-acme-capex-2025): unknown field \"valeu\"; check the spelling against www/data/README.md"]
    );
    assert!(matches!(&kinds(&v)[0], DataErrorKind::UnknownField { field } if field == "valeu"));
}

#[test]
fn a_missing_required_field_is_named() {
    let v = with(|v| {
        fact0(v).as_object_mut().map(|o| o.remove("unit"));
    });
    assert_eq!(
        messages(&v),
        ["facts[0] (id s000-acme-capex-2025): required field \"unit\" is missing or empty"]
    );
}

#[test]
fn an_unknown_top_level_field_and_a_missing_list_are_both_reported() {
    let v = with(|v| {
        let o = v.as_object_mut().expect("object");
        o.remove("metrics");
        o.insert("comment".into(), json!("hi"));
    });
    let all = messages(&v);
    assert!(
        all.contains(
            &"file: unknown field \"comment\"; check the spelling against www/data/README.md"
                .to_string()
        ),
        "{all:#?}"
    );
    assert!(
        all.contains(&"file: required field \"metrics\" is missing or empty".to_string()),
        "{all:#?}"
    );
}

#[test]
fn a_record_written_as_a_list_is_refused() {
    // Records are read from the tree as objects only (src/data/tree.rs): a list is refused.
    let v = with(|v| v["facts"][0] = json!(["s000-acme-capex-2025", "acme"]));
    assert_eq!(
        messages(&v)[0],
        "facts[0]: wrong value: invalid type: sequence, expected struct Fact"
    );
}

#[test]
fn a_whole_number_with_a_decimal_point_reads_as_the_whole_number() {
    // JavaScript cannot tell 2025.0 from 2025, so neither does the reader, natively or on the page.
    let v = with(|v| fact0(v)["period"]["start"] = json!(2025.0));
    assert_eq!(messages(&v), Vec::<String>::new());
    let v = with(|v| fact0(v)["period"]["start"] = json!(2025.5));
    assert_eq!(
        messages(&v),
        ["facts[0] (id s000-acme-capex-2025): wrong value: invalid type: floating point `2025.5`, expected i32"]
    );
}

#[test]
fn a_list_given_as_an_object_is_refused() {
    let v = with(|v| v["conflicts"] = json!({}));
    assert_eq!(
        messages(&v),
        ["conflicts: wrong value: expected a list [ … ], found an object"]
    );
}

#[test]
fn an_unsupported_schema_version_stops_reading_with_one_error() {
    let v = with(|v| {
        v["schema_version"] = json!(3);
        fact0(v)["unit"] = json!("nonsense");
    });
    assert_eq!(
        messages(&v),
        ["schema_version: schema_version is 3; this version of the explainer reads schema_version 1 to 2"]
    );
    let v = with(|v| v["schema_version"] = json!(0));
    assert_eq!(
        messages(&v),
        ["schema_version: schema_version is 0; this version of the explainer reads schema_version 1 to 2"]
    );
    let v = with(|v| v["schema_version"] = json!("1"));
    assert_eq!(
        messages(&v),
        ["schema_version: wrong value: expected a whole number from 1 to 2, found text"]
    );
}

#[test]
fn a_schema_1_file_still_loads_as_it_did() {
    // The fixture is a version-1 file: no trailing twelve months, no levels.
    let v = valid();
    assert_eq!(v["schema_version"], json!(1));
    let dataset = Dataset::from_json(&v.to_string()).expect("a version-1 file loads");
    assert_eq!(dataset.schema_version, 1);
    // A ratio to revenue needs no level in version 1 …
    let ratio = with(|v| {
        v["metrics"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "capex_share_of_revenue", "name": {"en": "Capex ÷ revenue", "zh-Hans": "资本开支÷收入"}}));
        fact0(v)["metric"] = json!("capex_share_of_revenue");
        fact0(v)["unit"] = json!("percent");
    });
    assert_eq!(kinds(&ratio), []);
    // … and the same file as version 2 must name it.
    let mut ratio = ratio;
    ratio["schema_version"] = json!(2);
    assert_eq!(
        kinds(&ratio),
        [DataErrorKind::LevelRequired {
            fact: "s000-acme-capex-2025".into()
        }]
    );
}

#[test]
fn a_schema_1_file_cannot_use_what_schema_2_added() {
    let v = with(|v| {
        fact0(v)["period"] = json!({"kind": "trailing_12_months", "start": 2024, "end": 2025,
            "part": null, "basis": "actual", "end_month": "09"});
        fact0(v)["level"] = json!("group");
    });
    assert_eq!(
        messages(&v),
        [
            "facts[0] (id s000-acme-capex-2025).level: level exists from schema_version 2 on; set \"schema_version\": 2 at the top of the file",
            "facts[0] (id s000-acme-capex-2025).period: period.kind \"trailing_12_months\" exists from schema_version 2 on; set \"schema_version\": 2 at the top of the file",
            "facts[0] (id s000-acme-capex-2025).period: period.end_month exists from schema_version 2 on; set \"schema_version\": 2 at the top of the file",
        ]
    );
    let mut v = v;
    v["schema_version"] = json!(2);
    assert_eq!(kinds(&v), []);
}

#[test]
fn a_record_that_cannot_be_read_does_not_cause_a_cascade_of_unknown_ids() {
    // The entity is broken (bad country), the fact that uses it must not also be reported.
    let v = with(|v| v["entities"][0]["country"] = json!("Mars"));
    let all = messages(&v);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with("entities[0] (id acme): wrong value: unknown variant `Mars`"),
        "{}",
        all[0]
    );
}

#[test]
fn several_bad_records_are_all_reported() {
    let v = with(|v| {
        fact0(v)["unit"] = json!(1);
        v["reference"][0]["period"]["kind"] = json!("decade");
        v["sources"][0]["grade"] = json!("E");
    });
    let locations: Vec<String> = match Dataset::from_json(&v.to_string()) {
        Err(errors) => errors.iter().map(|e| e.location.clone()).collect(),
        Ok(_) => panic!("must fail"),
    };
    assert_eq!(
        locations,
        [
            "sources[0] (id s000)",
            "facts[0] (id s000-acme-capex-2025)",
            "reference[0] (id ref-acme-capex-2025)"
        ]
    );
}

#[test]
fn very_deep_nesting_is_an_error_not_a_crash() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let all = messages_of_text(&text);
    assert_eq!(all.len(), 1);
    assert!(all[0].contains("recursion limit exceeded"), "{}", all[0]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = Dataset::from_json(&text);
    }

    #[test]
    fn a_valid_file_cut_anywhere_never_panics(cut in 0usize..4000) {
        let text = valid().to_string();
        let mut end = cut.min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let result = Dataset::from_json(&text[..end]);
        if end < text.len() {
            prop_assert!(result.is_err());
        }
    }

    #[test]
    fn a_valid_file_with_one_byte_replaced_never_panics(at in 0usize..4000, with_char in proptest::char::any()) {
        let text = valid().to_string();
        let mut chars: Vec<char> = text.chars().collect();
        let at = at % chars.len();
        chars[at] = with_char;
        let mutated: String = chars.into_iter().collect();
        let _ = Dataset::from_json(&mutated);
    }

    #[test]
    fn the_shipped_file_with_a_field_blanked_never_panics(index in 0usize..20_000, replacement in prop_oneof![
        Just("null"), Just("\"\""), Just("-1"), Just("1e308"), Just("[]"), Just("{}"), Just("true"), Just("\"Q9\"")
    ]) {
        // Replace the value after the index-th colon of the shipped file.
        let text = ai_capex_explainer::data::DEFAULT_DATASET_JSON;
        let colons: Vec<usize> = text.match_indices("\": ").map(|(i, _)| i + 3).collect();
        let start = colons[index % colons.len()];
        let rest = &text[start..];
        let len = rest.find([',', '\n']).unwrap_or(rest.len());
        let mutated = format!("{}{}{}", &text[..start], replacement, &rest[len..]);
        let _ = Dataset::from_json(&mutated);
    }
}
