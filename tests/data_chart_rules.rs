//! The rules that keep a chart a fair comparison: each test breaks one rule in a small valid
//! dataset with a chart, and the shipped dataset passes them all.

mod data_fixture;

use ai_capex_explainer::data::{DataErrorKind, Dataset, DEFAULT_DATASET_JSON};
use data_fixture::{kinds, valid};
use serde_json::{json, Value};

/// The fixture plus measures, a second company, a group of both, and a chart of Acme's
/// plan (article) beside its reported actual.
fn charted() -> Value {
    let mut v = valid();
    v["measures"] = json!([
        {"id": "gross", "name": {"en": "Purchases of P&E", "zh-Hans": "购置物业设备"},
         "short": {"en": "gross", "zh-Hans": "总额"}},
        {"id": "net", "name": {"en": "Net of asset sales", "zh-Hans": "净额"},
         "short": {"en": "net", "zh-Hans": "净额"}}
    ]);
    v["entities"].as_array_mut().unwrap().extend([
        json!({"id": "zeta", "name": {"en": "Zeta", "zh-Hans": "泽塔"}, "country": "US"}),
        json!({"id": "both", "name": {"en": "Both", "zh-Hans": "两家"}, "country": "US",
               "members": ["acme", "zeta"]}),
    ]);
    let f = &mut v["facts"][0];
    f["measure"] = json!("gross");
    f["as_of"] = json!("2025-02");
    v["reference"][0]["measure"] = json!("gross");
    v["charts"] = json!([{
        "id": "capex", "group_by": "entity", "series_by": "period",
        "facts": ["s000-acme-capex-2025", "ref-acme-capex-2025"]
    }]);
    v
}

/// A reference figure like Acme's actual, for `entity`, with `value` and `measure`.
fn record(id: &str, entity: &str, value: f64, measure: &str) -> Value {
    let mut f = valid()["reference"][0].clone();
    f["id"] = json!(id);
    f["entity"] = json!(entity);
    f["value"] = json!(value);
    f["measure"] = json!(measure);
    f
}

fn add_record(v: &mut Value, fact: Value) {
    let id = fact["id"].clone();
    v["reference"].as_array_mut().unwrap().push(fact);
    v["charts"][0]["facts"].as_array_mut().unwrap().push(id);
}

#[test]
fn a_chart_following_every_rule_is_valid() {
    assert_eq!(kinds(&charted()), []);
}

#[test]
fn the_shipped_dataset_follows_every_chart_rule() {
    let errors = Dataset::from_json(DEFAULT_DATASET_JSON).err();
    assert!(errors.is_none(), "{}", errors.unwrap());
}

#[test]
fn a_charted_figure_must_name_its_measure_and_the_measure_must_exist() {
    let mut v = charted();
    v["reference"][0].as_object_mut().unwrap().remove("measure");
    assert_eq!(
        kinds(&v),
        [DataErrorKind::MeasureRequired {
            fact: "ref-acme-capex-2025".into()
        }]
    );
    let mut v = charted();
    v["reference"][0]["measure"] = json!("grosss");
    assert!(kinds(&v).contains(&DataErrorKind::UnknownMeasure {
        id: "grosss".into()
    }));
}

#[test]
fn a_charted_plan_must_say_when_it_was_made_in_year_and_month() {
    let mut v = charted();
    v["facts"][0].as_object_mut().unwrap().remove("as_of");
    assert_eq!(
        kinds(&v),
        [DataErrorKind::AsOfRequired {
            fact: "s000-acme-capex-2025".into()
        }]
    );
    let mut v = charted();
    v["facts"][0]["as_of"] = json!("2025");
    assert_eq!(
        kinds(&v),
        [DataErrorKind::BadDate {
            value: "2025".into()
        }]
    );
}

#[test]
fn records_of_one_company_on_two_definitions_are_refused() {
    let mut v = charted();
    let mut net = record("ref-acme-capex-2024-net", "acme", 10.0, "net");
    net["period"] = json!({"kind": "calendar_year", "start": 2024, "end": 2024, "part": null, "basis": "actual"});
    add_record(&mut v, net);
    assert_eq!(
        kinds(&v),
        [DataErrorKind::MixedDefinitions {
            fact: "ref-acme-capex-2024-net".into(),
            measure: "net".into(),
            expected: "gross".into(),
        }]
    );
    // Listed as context (table only), the other definition is fine.
    let mut v = charted();
    let mut net = record("ref-acme-capex-2024-net", "acme", 10.0, "net");
    net["period"]["start"] = json!(2024);
    net["period"]["end"] = json!(2024);
    v["reference"].as_array_mut().unwrap().push(net);
    v["charts"][0]["context"] = json!(["ref-acme-capex-2024-net"]);
    assert_eq!(kinds(&v), []);
}

#[test]
fn when_companies_are_not_the_groups_all_records_share_one_definition() {
    let mut v = charted();
    v["charts"][0]["group_by"] = json!("period");
    v["charts"][0]["series_by"] = json!("entity");
    add_record(&mut v, record("ref-zeta-capex-2025", "zeta", 5.0, "net"));
    assert!(kinds(&v).contains(&DataErrorKind::MixedDefinitions {
        fact: "ref-zeta-capex-2025".into(),
        measure: "net".into(),
        expected: "gross".into(),
    }));
}

#[test]
fn an_articles_figure_on_another_definition_needs_its_correction() {
    let mut v = charted();
    v["facts"][0]["measure"] = json!("net");
    assert_eq!(
        kinds(&v),
        [DataErrorKind::CorrectionRequired {
            fact: "s000-acme-capex-2025".into(),
            measure: "net".into(),
            expected: "gross".into(),
        }]
    );
    v["facts"][0]["note"] = json!({"en": "Net of asset sales.", "zh-Hans": "净额。"});
    assert_eq!(kinds(&v), []);
}

#[test]
fn a_chart_that_names_no_period_shows_one_period() {
    let mut v = charted();
    v["charts"][0]["series_by"] = json!("entity");
    let found = kinds(&v);
    assert_eq!(
        found,
        [DataErrorKind::MixedPeriods {
            fact: "ref-acme-capex-2025".into(),
            found: "calendar_year 2025 actual".into(),
            expected: "calendar_year 2025 plan".into(),
        }]
    );
}

#[test]
fn a_group_total_must_match_its_members_or_say_why() {
    let mut v = charted();
    add_record(&mut v, record("ref-zeta-capex-2025", "zeta", 5.0, "gross"));
    add_record(&mut v, record("ref-both-capex-2025", "both", 20.0, "gross"));
    // 11.5 + 5 = 16.5, not 20.
    assert_eq!(
        kinds(&v),
        [DataErrorKind::TotalDisagrees {
            fact: "ref-both-capex-2025".into(),
            total: 20.0,
            sum: 16.5,
        }]
    );
    let last = v["reference"].as_array().unwrap().len() - 1;
    v["reference"][last]["sum_note"] =
        json!({"en": "Includes a third firm.", "zh-Hans": "含第三家公司。"});
    assert_eq!(kinds(&v), []);
    // Within 2 % needs no note.
    v["reference"][last]["value"] = json!(16.7);
    v["reference"][last]
        .as_object_mut()
        .unwrap()
        .remove("sum_note");
    assert_eq!(kinds(&v), []);
}

#[test]
fn a_groups_members_must_be_known_entities() {
    let mut v = charted();
    v["entities"][2]["members"] = json!(["acme", "omega"]);
    assert_eq!(
        kinds(&v),
        [DataErrorKind::UnknownEntity { id: "omega".into() }]
    );
}

#[test]
fn a_chart_of_claims_alone_is_refused() {
    let mut v = charted();
    v["facts"][0]["period"]["basis"] = json!("claim");
    v["reference"][0]["period"]["basis"] = json!("claim");
    assert_eq!(
        kinds(&v),
        [DataErrorKind::OnlyClaims {
            chart: "capex".into()
        }]
    );
    // One reported figure beside the claim is a comparison again.
    v["reference"][0]["period"]["basis"] = json!("actual");
    assert_eq!(kinds(&v), []);
}
