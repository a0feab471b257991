//! A small valid dataset to mutate in tests, and helpers to read the errors it produces.

#![allow(dead_code)]

use ai_capex_explainer::data::{DataErrorKind, Dataset};
use serde_json::{json, Value};

/// The smallest dataset that passes every rule: one seed and one public record, one entity,
/// three metrics, one seed fact, one reference figure and one conflict.
pub fn valid() -> Value {
    json!({
        "schema_version": 1,
        "dataset_version": "2026-01-01",
        "reference_rates": [
            {"year": 2025, "cny_per_usd": 7.06, "source": "pr-acme",
             "basis": {"en": "Central parity, 31 Dec", "zh-Hans": "中间价,12月31日"}}
        ],
        "sources": [
            {
                "id": "s000", "kind": "seed", "seed_file": "000_test.txt",
                "outlet": {"en": "Outlet", "zh-Hans": "媒体"},
                "title": {"en": "Title", "zh-Hans": "标题"},
                "date": "2025-11-11",
                "date_note": {"en": "stated", "zh-Hans": "原文标注"},
                "url": null, "grade": "C",
                "grade_reason": {"en": "Opinion piece.", "zh-Hans": "观点文章。"}
            },
            {
                "id": "pr-acme", "kind": "public_record", "seed_file": null,
                "outlet": {"en": "Filing", "zh-Hans": "财报"},
                "title": {"en": "Annual report", "zh-Hans": "年报"},
                "date": "2026", "url": "https://example.org/10-k", "grade": "A",
                "grade_reason": {"en": "Company filing.", "zh-Hans": "公司财报。"}
            }
        ],
        "entities": [
            {"id": "acme", "name": {"en": "Acme", "zh-Hans": "阿克米", "zh-Hant": "阿克米"}, "country": "US"}
        ],
        "metrics": [
            {"id": "capex", "name": {"en": "Capital expenditure", "zh-Hans": "资本开支"}},
            {"id": "capex_share_chips", "name": {"en": "Share of capex on chips", "zh-Hans": "芯片占比"}},
            {"id": "capex_growth", "name": {"en": "Capex growth", "zh-Hans": "资本开支增速"}}
        ],
        "facts": [
            {
                "id": "s000-acme-capex-2025", "entity": "acme", "metric": "capex",
                "value": 12, "qualifier": "exact", "unit": "usd_bn",
                "period": {"kind": "calendar_year", "start": 2025, "end": 2025, "part": null, "basis": "plan"},
                "source": "s000", "quote": "阿克米投入120亿美元(约860亿元)", "cny_per_usd": 7.17,
                "definition": null
            }
        ],
        "reference": [
            {
                "id": "ref-acme-capex-2025", "entity": "acme", "metric": "capex",
                "value": 11.5, "qualifier": "exact", "unit": "usd_bn",
                "period": {"kind": "calendar_year", "start": 2025, "end": 2025, "part": null, "basis": "actual"},
                "source": "pr-acme", "quote": null, "cny_per_usd": null,
                "definition": {"en": "Purchases of property & equipment, gross", "zh-Hans": "购置物业和设备,总额"}
            }
        ],
        "conflicts": [
            {
                "id": "C1", "title": {"en": "Acme capex", "zh-Hans": "阿克米资本开支"},
                "facts": ["s000-acme-capex-2025", "ref-acme-capex-2025"],
                "explanation": {"en": "Plan versus actual.", "zh-Hans": "计划与实际。"}
            }
        ]
    })
}

/// The fixture with `change` applied.
pub fn with(change: impl FnOnce(&mut Value)) -> Value {
    let mut value = valid();
    change(&mut value);
    value
}

/// The first seed fact of a fixture, for mutation.
pub fn fact0(value: &mut Value) -> &mut Value {
    &mut value["facts"][0]
}

/// Every error message `from_json` gives for `value`, one string each (empty when valid).
pub fn messages(value: &Value) -> Vec<String> {
    messages_of_text(&value.to_string())
}

/// Every error message `from_json` gives for `text`.
pub fn messages_of_text(text: &str) -> Vec<String> {
    match Dataset::from_json(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|error| error.to_string()).collect(),
    }
}

/// Every error kind `from_json` gives for `value`.
pub fn kinds(value: &Value) -> Vec<DataErrorKind> {
    match Dataset::from_json(&value.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|error| error.kind.clone()).collect(),
    }
}
