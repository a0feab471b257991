//! The rules that keep a chart a fair comparison: each test breaks one rule in a small valid
//! dataset with a chart, and the shipped dataset passes them all.

mod data_fixture;

use ai_capex_explainer::data::{
    DataErrorKind, DataErrors, Dataset, Level, PeriodKind, DEFAULT_DATASET_JSON,
};
use data_fixture::{kinds, valid};
use serde_json::{json, Value};

/// The fixture (as schema 2) plus measures, a second company, a group of both, and a chart of
/// Acme's plan (article) beside its reported actual.
fn charted() -> Value {
    let mut v = valid();
    v["schema_version"] = json!(2);
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

/// The located errors of `v`, as `location: message` lines.
fn located(v: &Value) -> Vec<String> {
    Dataset::from_json(&v.to_string())
        .err()
        .map_or_else(Vec::new, |e: DataErrors| {
            e.iter().map(ToString::to_string).collect()
        })
}

/// Twelve trailing months to September 2025.
fn trailing_to_september() -> Value {
    json!({"kind": "trailing_12_months", "start": 2024, "end": 2025, "part": null,
           "basis": "actual", "end_month": "09"})
}

#[test]
fn a_twelve_month_figure_is_never_among_the_multi_year_totals() {
    // "The past four quarters" filed as a running total 2024–2025: the chart would list one
    // year of spending among the pledges.
    let mut v = charted();
    let mut spent = record("ref-acme-capex-4q", "acme", 11.0, "gross");
    spent["period"] =
        json!({"kind": "cumulative", "start": 2024, "end": 2025, "part": null, "basis": "actual"});
    spent["definition"] = json!({"en": "Capex in the four quarters to September 2025",
                                 "zh-Hans": "截至2025年9月的四个季度资本开支"});
    add_record(&mut v, spent);
    assert_eq!(
        located(&v),
        ["charts[0] (id capex).facts[2]: fact \"ref-acme-capex-4q\" says it covers twelve months (\"four quarters\") but is filed as \"cumulative\", so the chart lists it among the totals over several years; use kind \"trailing_12_months\" with end_month"]
    );
    assert_eq!(
        kinds(&v),
        [DataErrorKind::TwelveMonthsAmongPledges {
            fact: "ref-acme-capex-4q".into(),
            kind: PeriodKind::Cumulative,
            words: "four quarters".into(),
        }]
    );
    // Filed as twelve trailing months, it is a bar of its own series.
    let last = v["reference"].as_array().unwrap().len() - 1;
    v["reference"][last]["period"] = trailing_to_september();
    assert_eq!(kinds(&v), []);
}

/// `charted()` with a ratio chart: Acme's group ratio (record), Zeta's at `zeta_level`, and an
/// article's ratio for Acme at `article_level`.
fn ratios(zeta_level: &str, article_level: &str) -> Value {
    let mut v = charted();
    v["metrics"].as_array_mut().unwrap().push(json!(
        {"id": "capex_share_of_revenue", "name": {"en": "Capex ÷ revenue", "zh-Hans": "资本开支÷收入"}}
    ));
    let ratio = |id: &str, entity: &str, value: f64, level: &str| {
        let mut f = record(id, entity, value, "gross");
        f["metric"] = json!("capex_share_of_revenue");
        f["unit"] = json!("percent");
        f["level"] = json!(level);
        f
    };
    let mut article = v["facts"][0].clone();
    article["id"] = json!("s000-acme-ratio-2025");
    article["metric"] = json!("capex_share_of_revenue");
    article["unit"] = json!("percent");
    article["value"] = json!(10);
    article["level"] = json!(article_level);
    v["facts"].as_array_mut().unwrap().push(article);
    v["reference"].as_array_mut().unwrap().extend([
        ratio("ref-acme-ratio-2025", "acme", 12.0, "group"),
        ratio("ref-zeta-ratio-2025", "zeta", 31.0, zeta_level),
    ]);
    v["charts"] = json!([{
        "id": "intensity", "group_by": "entity", "series_by": "period",
        "facts": ["s000-acme-ratio-2025", "ref-acme-ratio-2025", "ref-zeta-ratio-2025"]
    }]);
    v
}

#[test]
fn the_ratios_of_one_chart_share_a_level() {
    assert_eq!(kinds(&ratios("group", "group")), []);
    // A cloud unit's capex over its revenue beside a whole group's.
    assert_eq!(
        located(&ratios("cloud_unit", "group")),
        ["charts[0] (id intensity).facts[2]: fact \"ref-zeta-ratio-2025\" is a ratio at level \"cloud_unit\" but the chart's records are at \"group\"; one chart compares one level (list it under \"context\", or give an article's figure a note saying so)"]
    );
    // An article's ratio at another level is drawn only with a note saying what it is.
    let mut v = ratios("group", "cloud_unit");
    assert_eq!(
        kinds(&v),
        [DataErrorKind::MixedLevels {
            fact: "s000-acme-ratio-2025".into(),
            level: Level::CloudUnit,
            expected: Level::Group,
        }]
    );
    v["facts"][1]["note"] =
        json!({"en": "The article's figure for the cloud arm.", "zh-Hans": "文章对云业务的说法。"});
    assert_eq!(kinds(&v), []);
}

#[test]
fn a_ratio_names_its_level() {
    let mut v = ratios("group", "group");
    v["reference"][2].as_object_mut().unwrap().remove("level");
    assert_eq!(
        located(&v),
        ["reference[2] (id ref-zeta-ratio-2025).level: fact \"ref-zeta-ratio-2025\" is a ratio to revenue without level; say which part of the company both figures cover: \"group\", \"segment\" or \"cloud_unit\""]
    );
}

#[test]
fn no_figure_shows_twice_in_one_view() {
    // One id listed twice.
    let mut v = charted();
    v["charts"][0]["facts"]
        .as_array_mut()
        .unwrap()
        .push(json!("ref-acme-capex-2025"));
    assert_eq!(
        located(&v),
        ["charts[0] (id capex).facts[2]: fact \"ref-acme-capex-2025\" shows the same figure as \"ref-acme-capex-2025\" in the same view of the chart; keep one of them"]
    );
    // A drawn figure also in the table-only context.
    let mut v = charted();
    v["charts"][0]["context"] = json!(["ref-acme-capex-2025"]);
    assert_eq!(
        kinds(&v),
        [DataErrorKind::ShownTwice {
            fact: "ref-acme-capex-2025".into(),
            first: "ref-acme-capex-2025".into(),
        }]
    );
    // The same figure under another id in context: the same number twice in the table.
    let mut v = charted();
    let copy = record("ref-acme-capex-2025-copy", "acme", 11.5, "gross");
    v["reference"].as_array_mut().unwrap().push(copy);
    v["charts"][0]["context"] = json!(["ref-acme-capex-2025-copy"]);
    assert_eq!(
        located(&v),
        ["charts[0] (id capex).context[0]: fact \"ref-acme-capex-2025-copy\" shows the same figure as \"ref-acme-capex-2025\" in the same view of the chart; keep one of them"]
    );
    // Two articles' identical figures: two identical bars in the articles' view.
    let mut v = charted();
    let mut again = v["facts"][0].clone();
    again["id"] = json!("s000-acme-capex-2025-again");
    v["facts"].as_array_mut().unwrap().push(again);
    v["charts"][0]["facts"]
        .as_array_mut()
        .unwrap()
        .push(json!("s000-acme-capex-2025-again"));
    assert_eq!(
        kinds(&v),
        [DataErrorKind::ShownTwice {
            fact: "s000-acme-capex-2025-again".into(),
            first: "s000-acme-capex-2025".into(),
        }]
    );
    // An article's figure and the record of the same number are one bar and one marker in
    // each view: that is the comparison, not a repeat.
    let mut v = charted();
    v["facts"][0]["value"] = json!(11.5);
    v["facts"][0]["period"]["basis"] = json!("actual");
    v["facts"][0].as_object_mut().unwrap().remove("as_of");
    assert_eq!(kinds(&v), []);
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
