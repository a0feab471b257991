//! Every semantic rule, each broken by a small synthetic fixture; the message must name the
//! location and the value, and say what is allowed.

mod data_fixture;

use ai_capex_explainer::data::{std_read_number, DataErrorKind, Dataset, PeriodProblem};
use data_fixture::{fact0, kinds, messages, valid, with};
use serde_json::{json, Value};

const FACT: &str = "facts[0] (id s000-acme-capex-2025)";

fn one(value: &Value) -> String {
    let all = messages(value);
    assert_eq!(all.len(), 1, "expected exactly one error, got {all:#?}");
    all[0].clone()
}

#[test]
fn the_fixture_itself_is_valid() {
    assert_eq!(messages(&valid()), Vec::<String>::new());
}

#[test]
fn an_unknown_source_id_names_the_fact_and_the_id() {
    let v = with(|v| fact0(v)["source"] = json!("s009"));
    assert_eq!(
        one(&v),
        format!("{FACT}.source: source \"s009\" is not the id of any entry in \"sources\"")
    );
    assert!(matches!(&kinds(&v)[0], DataErrorKind::UnknownSource { id } if id == "s009"));
}

#[test]
fn an_unknown_entity_id_names_the_fact_and_the_id() {
    let v = with(|v| fact0(v)["entity"] = json!("acne"));
    assert_eq!(
        one(&v),
        format!("{FACT}.entity: entity \"acne\" is not the id of any entry in \"entities\"")
    );
}

#[test]
fn an_unknown_metric_id_names_the_fact_and_the_id() {
    let v = with(|v| fact0(v)["metric"] = json!("capx"));
    assert_eq!(
        one(&v),
        format!("{FACT}.metric: metric \"capx\" is not the id of any entry in \"metrics\"")
    );
}

#[test]
fn a_conflict_naming_an_unknown_fact_is_reported_with_its_position() {
    let v = with(|v| v["conflicts"][0]["facts"][1] = json!("ref-nope"));
    assert_eq!(
        one(&v),
        "conflicts[0] (id C1).facts[1]: fact \"ref-nope\" is not the id of any entry in \"facts\" or \"reference\""
    );
}

#[test]
fn a_derived_figure_must_name_records_that_exist() {
    let v = with(|v| fact0(v)["derived_from"] = json!(["ref-nope"]));
    assert_eq!(
        one(&v),
        format!("{FACT}.derived_from[0]: fact \"ref-nope\" is not the id of any entry in \"facts\" or \"reference\"")
    );
    let fine = with(|v| {
        let id = fact0(v)["id"].clone();
        fact0(v)["derived_from"] = json!([id]);
    });
    assert_eq!(
        messages(&fine),
        Vec::<String>::new(),
        "a known id is accepted"
    );
}

#[test]
fn a_reference_rate_must_cite_a_known_public_record_once_per_year() {
    let v = with(|v| v["reference_rates"][0]["source"] = json!("pr-gone"));
    assert_eq!(
        one(&v),
        "reference_rates[0] (year 2025).source: source \"pr-gone\" is not the id of any entry in \"sources\""
    );
    let v = with(|v| v["reference_rates"][0]["source"] = json!("s000"));
    assert_eq!(
        one(&v),
        "reference_rates[0] (year 2025).source: source \"s000\" is not a public_record source; this list only takes figures from public_record sources"
    );
    let v = with(|v| {
        let again = v["reference_rates"][0].clone();
        v["reference_rates"].as_array_mut().unwrap().push(again);
    });
    assert_eq!(
        one(&v),
        "reference_rates[1] (year 2025).year: id \"2025\" is already used by reference_rates[0] (year 2025); ids must be unique"
    );
    let v = with(|v| v["reference_rates"] = json!([]));
    assert_eq!(
        one(&v),
        "reference_rates: \"reference_rates\" is an empty list; it needs at least one entry"
    );
}

#[test]
fn a_duplicate_fact_id_across_facts_and_reference_points_at_the_first_use() {
    let v = with(|v| v["reference"][0]["id"] = json!("s000-acme-capex-2025"));
    let all = messages(&v);
    assert!(
        all.contains(&format!(
            "reference[0] (id s000-acme-capex-2025).id: id \"s000-acme-capex-2025\" is already used by {FACT}; ids must be unique"
        )),
        "{all:#?}"
    );
}

#[test]
fn duplicate_source_entity_and_metric_ids_are_each_reported() {
    let v = with(|v| {
        v["sources"][1]["id"] = json!("s000");
        let entity = v["entities"][0].clone();
        if let Some(list) = v["entities"].as_array_mut() {
            list.push(entity);
        }
        v["metrics"][1]["id"] = json!("capex");
    });
    let found: Vec<_> = kinds(&v)
        .into_iter()
        .filter_map(|k| match k {
            DataErrorKind::DuplicateId { id, .. } => Some(id),
            _ => None,
        })
        .collect();
    assert_eq!(found, ["s000", "acme", "capex"]);
}

#[test]
fn an_empty_id_is_a_missing_field() {
    let v = with(|v| v["entities"][0]["id"] = json!(""));
    let all = messages(&v);
    assert!(
        all.contains(&"entities[0].id: required field \"id\" is missing or empty".to_string()),
        "{all:#?}"
    );
}

#[test]
fn a_seed_fact_without_a_quote_is_reported() {
    for quote in [json!(null), json!(""), json!("   ")] {
        let v = with(|v| fact0(v)["quote"] = quote.clone());
        assert_eq!(
            one(&v),
            format!("{FACT}.quote: quote is missing or empty; a seed fact must quote the article word for word")
        );
    }
}

#[test]
fn a_reference_fact_without_a_definition_is_reported() {
    let v = with(|v| v["reference"][0]["definition"] = json!(null));
    assert_eq!(
        one(&v),
        "reference[0] (id ref-acme-capex-2025).definition: definition is missing or empty; a public-record figure must say what it measures (e.g. \"Purchases of property & equipment, gross\")"
    );
}

#[test]
fn a_public_record_without_a_url_is_reported() {
    let v = with(|v| v["sources"][1]["url"] = json!(null));
    assert_eq!(
        one(&v),
        "sources[1] (id pr-acme).url: url is missing; a public record needs an address starting with https://"
    );
}

#[test]
fn a_plain_http_url_is_refused_and_quoted() {
    let v = with(|v| v["sources"][1]["url"] = json!("http://example.org/10-k"));
    assert_eq!(
        one(&v),
        "sources[1] (id pr-acme).url: url \"http://example.org/10-k\" is not allowed; it must start with https://"
    );
}

#[test]
fn a_seed_without_its_file_name_is_reported() {
    let v = with(|v| v["sources"][0]["seed_file"] = json!(null));
    assert_eq!(
        one(&v),
        "sources[0] (id s000).seed_file: required field \"seed_file\" is missing or empty"
    );
}

#[test]
fn a_seed_fact_citing_a_public_record_is_in_the_wrong_list() {
    let v = with(|v| fact0(v)["source"] = json!("pr-acme"));
    assert_eq!(
        one(&v),
        format!("{FACT}.source: source \"pr-acme\" is not a seed source; this list only takes figures from seed sources")
    );
}

#[test]
fn a_reference_figure_citing_a_seed_is_in_the_wrong_list() {
    let v = with(|v| v["reference"][0]["source"] = json!("s000"));
    assert_eq!(
        one(&v),
        "reference[0] (id ref-acme-capex-2025).source: source \"s000\" is not a public_record source; this list only takes figures from public_record sources"
    );
}

#[test]
fn a_range_without_its_top_is_reported() {
    let v = with(|v| fact0(v)["qualifier"] = json!("range"));
    assert_eq!(
        one(&v),
        format!("{FACT}.value_high: qualifier is \"range\" but value_high is missing; add value_high (the top of the range) or change the qualifier")
    );
}

#[test]
fn a_top_without_a_range_is_reported_with_both_values() {
    let v = with(|v| {
        fact0(v)["qualifier"] = json!("about");
        fact0(v)["value_high"] = json!(65);
    });
    assert_eq!(
        one(&v),
        format!("{FACT}.value_high: value_high is 65 but qualifier is \"about\"; value_high is only allowed with qualifier \"range\"")
    );
}

#[test]
fn a_range_upside_down_is_reported_with_both_values() {
    let v = with(|v| {
        fact0(v)["value"] = json!(65);
        fact0(v)["qualifier"] = json!("range");
        fact0(v)["value_high"] = json!(60);
    });
    assert_eq!(
        one(&v),
        format!("{FACT}.value_high: value_high 60 is below value 65; the top of a range must be at least its bottom")
    );
}

#[test]
fn a_share_above_100_percent_is_reported_with_the_allowed_range() {
    let v = with(|v| {
        fact0(v)["metric"] = json!("capex_share_chips");
        fact0(v)["unit"] = json!("percent");
        fact0(v)["value"] = json!(120);
        fact0(v)["cny_per_usd"] = json!(null);
    });
    assert_eq!(
        one(&v),
        format!("{FACT}.value: value 120 % is outside 0 to 100 %, the range allowed for the share \"capex_share_chips\"")
    );
}

#[test]
fn a_growth_rate_may_exceed_100_percent_but_not_fall_below_minus_100() {
    let grow = |x: f64| {
        with(|v| {
            fact0(v)["metric"] = json!("capex_growth");
            fact0(v)["unit"] = json!("percent");
            fact0(v)["value"] = json!(x);
        })
    };
    assert!(messages(&grow(221.0)).is_empty());
    assert!(messages(&grow(-100.0)).is_empty());
    assert_eq!(
        one(&grow(-150.0)),
        format!("{FACT}.value: value -150 % is below -100 %, the lowest allowed for \"capex_growth\" (nothing falls by more than 100 %)")
    );
}

#[test]
fn a_negative_count_is_reported_with_its_unit() {
    let v = with(|v| {
        fact0(v)["unit"] = json!("count_m");
        fact0(v)["value"] = json!(-3);
    });
    assert_eq!(
        one(&v),
        format!("{FACT}.value: value -3 is negative; a figure in \"count_m\" must be 0 or more")
    );
}

#[test]
fn a_zero_or_negative_exchange_rate_is_reported() {
    for rate in [0.0, -7.1] {
        let v = with(|v| fact0(v)["cny_per_usd"] = json!(rate));
        assert_eq!(
            one(&v),
            format!("{FACT}.cny_per_usd: exchange rate {rate} is not allowed; it must be a finite number of yuan per US dollar above 0 (e.g. 7.17)")
        );
    }
    let v = with(|v| v["reference_rates"][0]["cny_per_usd"] = json!(0));
    assert_eq!(
        one(&v),
        "reference_rates[0] (year 2025).cny_per_usd: exchange rate 0 is not allowed; it must be a finite number of yuan per US dollar above 0 (e.g. 7.17)"
    );
}

#[test]
fn non_finite_numbers_built_in_code_are_reported() {
    let Ok(mut dataset) = Dataset::from_json(&valid().to_string()) else {
        panic!("fixture is valid")
    };
    dataset.facts[0].value = f64::INFINITY;
    dataset.reference[0].value = f64::NAN;
    dataset.reference_rates[0].cny_per_usd = f64::NEG_INFINITY;
    dataset.facts[0].cny_per_usd = Some(f64::NAN);
    let errors = match dataset.validate() {
        Ok(()) => panic!("must fail"),
        Err(errors) => errors,
    };
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        text,
        [
            format!("{FACT}.value: value inf is not a finite number"),
            format!("{FACT}.cny_per_usd: exchange rate NaN is not allowed; it must be a finite number of yuan per US dollar above 0 (e.g. 7.17)"),
            "reference[0] (id ref-acme-capex-2025).value: value NaN is not a finite number".to_string(),
            "reference_rates[0] (year 2025).cny_per_usd: exchange rate -inf is not allowed; it must be a finite number of yuan per US dollar above 0 (e.g. 7.17)".to_string(),
        ]
    );
    assert!(matches!(errors.0[0].kind, DataErrorKind::NotFinite { .. }));
}

fn period(p: Value) -> Value {
    with(|v| fact0(v)["period"] = p)
}

#[test]
fn a_period_starting_after_it_ends_is_impossible() {
    let v = period(
        json!({"kind": "multi_year", "start": 2027, "end": 2025, "part": null, "basis": "plan"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: start 2027 is after end 2025; start must be the same year as end or earlier")
    );
    assert!(matches!(
        &kinds(&v)[0],
        DataErrorKind::ImpossiblePeriod {
            problem: PeriodProblem::StartAfterEnd {
                start: 2027,
                end: 2025
            }
        }
    ));
}

#[test]
fn a_year_outside_1990_to_2100_is_impossible() {
    let v = period(
        json!({"kind": "calendar_year", "start": 20250, "end": 20250, "part": null, "basis": "plan"}),
    );
    assert_eq!(one(&v), format!("{FACT}.period: impossible period: year 20250 is outside the allowed years 1990 to 2100"));
}

#[test]
fn a_single_year_kind_spanning_years_is_impossible() {
    let v = period(
        json!({"kind": "calendar_year", "start": 2024, "end": 2025, "part": null, "basis": "plan"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: a \"calendar_year\" period covers one year, but start is 2024 and end is 2025; use the same year for both, or kind \"multi_year\"")
    );
}

#[test]
fn a_fifth_quarter_and_a_third_half_are_impossible() {
    let v = period(
        json!({"kind": "quarter", "start": 2025, "end": 2025, "part": "Q5", "basis": "actual"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: part \"Q5\" does not fit a \"quarter\" period; allowed: \"Q1\", \"Q2\", \"Q3\" or \"Q4\"")
    );
    let v = period(
        json!({"kind": "half", "start": 2025, "end": 2025, "part": "H3", "basis": "actual"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: part \"H3\" does not fit a \"half\" period; allowed: \"H1\" or \"H2\"")
    );
}

#[test]
fn a_quarter_without_a_part_is_impossible() {
    let v = period(
        json!({"kind": "quarter", "start": 2025, "end": 2025, "part": null, "basis": "actual"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: part is missing; a \"quarter\" period needs part \"Q1\", \"Q2\", \"Q3\" or \"Q4\"")
    );
}

#[test]
fn a_year_to_date_figure_may_name_its_last_quarter_but_not_the_fourth() {
    // "Q1–Q3 2025": January to September. Through Q4 is the whole year.
    for part in [json!(null), json!("Q3")] {
        let v = period(
            json!({"kind": "year_to_date", "start": 2025, "end": 2025, "part": part, "basis": "actual"}),
        );
        assert!(messages(&v).is_empty(), "{part}: {:?}", messages(&v));
    }
    let v = period(
        json!({"kind": "year_to_date", "start": 2025, "end": 2025, "part": "Q4", "basis": "actual"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: part \"Q4\" does not fit a \"year_to_date\" period; allowed: null, or the last quarter covered: \"Q1\", \"Q2\" or \"Q3\"")
    );
}

#[test]
fn a_part_on_a_whole_year_is_impossible() {
    let v = period(
        json!({"kind": "calendar_year", "start": 2025, "end": 2025, "part": "Q1", "basis": "actual"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: part \"Q1\" is not allowed on a \"calendar_year\" period; use null")
    );
}

#[test]
fn a_fiscal_year_end_that_is_not_a_month_is_impossible() {
    for month in ["13", "6", "00", "June"] {
        let v = period(
            json!({"kind": "fiscal_year", "start": 2025, "end": 2025, "part": null, "basis": "plan", "fiscal_year_end": month}),
        );
        assert_eq!(
            one(&v),
            format!("{FACT}.period: impossible period: fiscal_year_end \"{month}\" is not a month; use two digits from \"01\" to \"12\" (Microsoft \"06\", Alibaba \"03\")")
        );
    }
    let v = period(
        json!({"kind": "fiscal_year", "start": 2025, "end": 2025, "part": null, "basis": "plan", "fiscal_year_end": "06"}),
    );
    assert!(messages(&v).is_empty());
}

/// A schema-2 fixture whose first fact has period `p` (twelve trailing months are schema 2).
fn period_v2(p: Value) -> Value {
    with(|v| {
        v["schema_version"] = json!(2);
        fact0(v)["period"] = p;
    })
}

#[test]
fn twelve_trailing_months_name_their_end_month_and_start_in_the_year_of_their_first_month() {
    let trailing = |start: i32, end_month: Value| {
        period_v2(
            json!({"kind": "trailing_12_months", "start": start, "end": 2025,
            "part": null, "basis": "actual", "end_month": end_month}),
        )
    };
    // The twelve months to September 2025 run from October 2024.
    assert_eq!(kinds(&trailing(2024, json!("09"))), []);
    // To December they lie in one year.
    assert_eq!(kinds(&trailing(2025, json!("12"))), []);
    assert_eq!(
        one(&trailing(2025, json!("09"))),
        format!("{FACT}.period: impossible period: start is 2025, but twelve months ending in that month begin in 2024; start is the year of the first month")
    );
    assert_eq!(
        one(&trailing(2024, json!("9"))),
        format!("{FACT}.period: impossible period: end_month \"9\" is not a month; use two digits from \"01\" to \"12\"")
    );
    let mut missing = trailing(2024, json!("09"));
    fact0(&mut missing)["period"]
        .as_object_mut()
        .unwrap()
        .remove("end_month");
    assert_eq!(
        one(&missing),
        format!("{FACT}.period: impossible period: end_month is missing; a \"trailing_12_months\" period names the month it ends in, two digits from \"01\" to \"12\"")
    );
    assert!(matches!(
        &kinds(&missing)[0],
        DataErrorKind::ImpossiblePeriod {
            problem: PeriodProblem::EndMonthRequired
        }
    ));
}

#[test]
fn only_twelve_trailing_months_have_an_end_month() {
    let v = period_v2(
        json!({"kind": "calendar_year", "start": 2025, "end": 2025, "part": null, "basis": "plan", "end_month": "09"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: end_month is only for \"trailing_12_months\" periods, not \"calendar_year\"; remove it")
    );
}

#[test]
fn a_fiscal_year_end_on_a_calendar_year_is_contradictory() {
    let v = period(
        json!({"kind": "calendar_year", "start": 2025, "end": 2025, "part": null, "basis": "plan", "fiscal_year_end": "06"}),
    );
    assert_eq!(
        one(&v),
        format!("{FACT}.period: impossible period: fiscal_year_end is set on a \"calendar_year\" period; use kind \"fiscal_year\" or remove fiscal_year_end")
    );
}

#[test]
fn a_badly_written_date_is_reported_with_the_formats_allowed() {
    let v = with(|v| v["sources"][0]["date"] = json!("2025/11/11"));
    assert_eq!(
        one(&v),
        "sources[0] (id s000).date: date \"2025/11/11\" is not valid; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2025-11-11)"
    );
    for good in ["2025", "2025-06", "2025-02-08"] {
        assert!(
            messages(&with(|v| v["sources"][0]["date"] = json!(good))).is_empty(),
            "{good}"
        );
    }
    let v = with(|v| v["dataset_version"] = json!("2026-13-01"));
    assert_eq!(
        one(&v),
        "dataset_version: date \"2026-13-01\" is not valid; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2025-11-11)"
    );
}

#[test]
fn a_text_missing_its_chinese_is_a_missing_field() {
    let v = with(|v| v["metrics"][0]["name"]["zh-Hans"] = json!(" "));
    assert_eq!(
        one(&v),
        "metrics[0] (id capex).name: required field \"name.zh-Hans\" is missing or empty"
    );
}

#[test]
fn a_conflict_without_facts_is_an_empty_list() {
    let v = with(|v| v["conflicts"][0]["facts"] = json!([]));
    assert_eq!(
        one(&v),
        "conflicts[0] (id C1).facts: \"facts\" is an empty list; it needs at least one entry"
    );
}

#[test]
fn a_chart_mixing_money_and_percent_is_reported() {
    let v = with(|v| {
        if let Some(list) = v["facts"].as_array_mut() {
            list.push(json!({
                "id": "s000-acme-capex-growth-2025", "entity": "acme", "metric": "capex_growth",
                "value": 30, "qualifier": "exact", "unit": "percent",
                "period": {"kind": "calendar_year", "start": 2025, "end": 2025, "part": null, "basis": "plan"},
                "source": "s000", "quote": "增长30%", "cny_per_usd": null, "definition": null
            }))
        }
        v["charts"] = json!([
            {"id": "acme", "group_by": "entity", "series_by": "period",
             "facts": ["s000-acme-capex-2025", "ref-acme-capex-2025", "s000-acme-capex-growth-2025", "s000-nope"]}
        ]);
    });
    // (The figures also lack measures; tests/data_chart_rules.rs covers those rules.)
    let found = messages(&v);
    for expected in [
        "charts[0] (id acme).facts[2]: fact \"s000-acme-capex-growth-2025\" is in \"percent\" but the chart's first figure is in \"usd_bn\"; a chart shows only money (any currency) or only one other unit",
        "charts[0] (id acme).facts[3]: fact \"s000-nope\" is not the id of any entry in \"facts\" or \"reference\"",
    ] {
        assert!(found.iter().any(|m| m == expected), "{expected} not in {found:#?}");
    }
}

#[test]
fn a_file_without_charts_is_still_valid() {
    let v = with(|v| {
        v.as_object_mut().map(|o| o.remove("charts"));
    });
    let Ok(dataset) = Dataset::from_json(&v.to_string()) else {
        panic!("valid")
    };
    assert!(dataset.charts.is_empty());
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let v = with(|v| {
        fact0(v)["entity"] = json!("acne");
        fact0(v)["quote"] = json!("");
        v["reference"][0]["definition"] = json!(null);
        v["sources"][1]["url"] = json!("ftp://x");
    });
    assert_eq!(
        messages(&v),
        [
            "sources[1] (id pr-acme).url: url \"ftp://x\" is not allowed; it must start with https://",
            "facts[0] (id s000-acme-capex-2025).entity: entity \"acne\" is not the id of any entry in \"entities\"",
            "facts[0] (id s000-acme-capex-2025).quote: quote is missing or empty; a seed fact must quote the article word for word",
            "reference[0] (id ref-acme-capex-2025).definition: definition is missing or empty; a public-record figure must say what it measures (e.g. \"Purchases of property & equipment, gross\")",
        ]
    );
}

#[test]
fn a_value_too_large_for_its_unit_is_refused_before_it_reaches_a_chart() {
    for value in [1.7e308, 1e308, -1e308, 2e5] {
        let v = with(|v| fact0(v)["value"] = json!(value));
        assert!(
            matches!(kinds(&v)[..], [DataErrorKind::TooLarge { max, .. }] if max == 1e5),
            "{value}: {:?}",
            kinds(&v)
        );
        assert!(
            one(&v).contains("too large for a figure in \"usd_bn\""),
            "{}",
            one(&v)
        );
    }
    // The largest real figure is far below the bound.
    let v = with(|v| fact0(v)["value"] = json!(99_999.0));
    assert_eq!(messages(&v), Vec::<String>::new());
}

#[test]
fn a_changelog_is_dated_worded_and_newest_first() {
    let entry = |date: &str| json!({"date": date, "text": {"en": "Corrected a figure.", "zh-Hans": "更正了一个数字。"}});
    assert_eq!(
        messages(&with(
            |v| v["changelog"] = json!([entry("2026-02-01"), entry("2026-01-15")])
        )),
        Vec::<String>::new()
    );
    assert_eq!(
        messages(&with(|v| v["changelog"] = json!([entry("2026-01-15"), entry("2026-02-01")]))),
        ["changelog[1].date: 2026-02-01 is after the entry above it (2026-01-15); list changes newest first"]
    );
    assert_eq!(
        messages(&with(|v| v["changelog"] = json!([entry("2026-02")]))),
        ["changelog[0].date: date \"2026-02\" is not valid; a change is dated YYYY-MM-DD (e.g. 2026-11-29)"]
    );
}

/// One chart of the fixture's public record, named `id`.
fn chart_named(id: &str) -> Value {
    json!([{"id": id, "group_by": "entity", "series_by": "period", "facts": ["ref-acme-capex-2025"]}])
}

#[test]
fn a_chart_id_must_be_plain() {
    // Issue 9, finding 4: chart ids name elements on the page and sections in the address.
    for bad in [
        "Us-Capex",
        "us--capex",
        "-us",
        "us-",
        "2024-capex",
        "us capex",
        "us_capex",
        "<img>",
        "a-very-long-chart-id-that-goes-on-and-on-and-on",
    ] {
        let v = with(|v| v["charts"] = chart_named(bad));
        let kinds = kinds(&v);
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, DataErrorKind::BadChartId { id } if id == bad)),
            "{bad:?} was accepted: {kinds:?}"
        );
        assert!(
            messages(&v)
                .iter()
                .any(|m| m.starts_with("charts[0]") && m.contains("e.g. us-capex")),
            "{bad:?}: {:?}",
            messages(&v)
        );
    }
    for good in [
        "us-capex",
        "models",
        "cn2025",
        "a",
        "heading",
        "tooltip-count",
    ] {
        let v = with(|v| v["charts"] = chart_named(good));
        assert!(
            !kinds(&v).iter().any(|k| matches!(
                k,
                DataErrorKind::BadChartId { .. } | DataErrorKind::ReservedChartId { .. }
            )),
            "{good:?} was refused"
        );
    }
}

#[test]
fn a_chart_id_the_page_or_the_calculator_uses_is_reserved() {
    // Issue 17, finding 7: a dataset chart named model-position drew the calculator's chart.
    for (reserved, said) in [
        ("model-position", "calculator's charts"),
        ("calculator", "page's own sections"),
        ("sources", "page's own sections"),
        ("model", "calculator's charts"),
        ("model-breakeven", "calculator's charts"),
        ("key-hint", "element ids"),
        ("us-capex-heading", "element ids"),
        ("us-capex-tooltip", "element ids"),
        ("us-capex-figures-label", "element ids"),
    ] {
        let v = with(|v| v["charts"] = chart_named(reserved));
        assert!(
            kinds(&v)
                .iter()
                .any(|k| matches!(k, DataErrorKind::ReservedChartId { id, .. } if id == reserved)),
            "{reserved:?} was accepted: {:?}",
            kinds(&v)
        );
        assert!(
            messages(&v).iter().any(|m| m.starts_with("charts[0]")
                && m.contains(&format!("chart id {reserved:?} is reserved for"))
                && m.contains(said)),
            "{reserved:?}: {:?}",
            messages(&v)
        );
    }
}

#[test]
fn text_a_spreadsheet_would_run_as_a_formula_is_refused_where_it_is() {
    for start in ["=", "+", "-", "@", "\t", "\r"] {
        let text = format!("{start}HYPERLINK(\"https://example.com\")");
        let v = with(|v| fact0(v)["quote"] = json!(text));
        let message = one(&v);
        assert!(
            message.starts_with(&format!(
                "{FACT}.quote: text {:?} starts with a character a spreadsheet reads as a formula",
                &text[..24.min(text.len())]
            )),
            "{start:?}: {message}"
        );
        assert!(
            matches!(&kinds(&v)[0], DataErrorKind::FormulaText { text: found } if found.starts_with(start))
        );
    }
    let v = with(|v| {
        fact0(v)["note"] = json!({"en": "fine", "zh-Hans": "@某人", "zh-Hant": "+5% y/y"})
    });
    let locations: Vec<String> = messages(&v)
        .iter()
        .map(|m| m.split(": ").next().unwrap().to_string())
        .collect();
    assert_eq!(
        locations,
        [
            format!("{FACT}.note.zh-Hans"),
            format!("{FACT}.note.zh-Hant")
        ]
    );
    // Inside the text, or a minus sign written as U+2212, is fine.
    let v = with(|v| fact0(v)["quote"] = json!("\u{2212}5% = a fall"));
    assert_eq!(messages(&v), Vec::<String>::new());
}

#[test]
fn formula_text_behind_spaces_zero_width_characters_or_in_full_width_is_refused_too() {
    let formulas = [
        " =1+1",
        "\u{a0}=1+1",
        "\u{3000}=1+1",
        "\u{200b}=1+1",
        "\u{feff}=1+1",
        "\u{2060}@x",
        "\n=1+1",
        "\u{ff1d}HYPERLINK(\"https://example.com\")",
        "\u{ff0b}1+1",
        "\u{ff0d}1+1",
        "\u{ff20}x",
        "-1+1",
        "-A1",
    ];
    for text in formulas {
        let v = with(|v| fact0(v)["quote"] = json!(text));
        assert!(
            matches!(&kinds(&v)[..], [DataErrorKind::FormulaText { .. }]),
            "{text:?}: {:?}",
            messages(&v)
        );
    }
    // Chinese text may start with full-width brackets; a plain signed number reads as a number.
    for text in [
        "（注）资本开支",
        "「約」",
        "-20%",
        "+1,234.5",
        "\u{2212}20%",
    ] {
        let v = with(|v| fact0(v)["quote"] = json!(text));
        assert_eq!(messages(&v), Vec::<String>::new(), "{text:?}");
    }
}

/// The page skips the rules only for the very bytes the build checked (it compares their
/// digest with the file's name); the reading itself still refuses what does not read.
#[test]
fn a_file_the_build_checked_is_read_without_the_rules_and_still_refused_when_it_does_not_read() {
    let read = |value: &Value| Dataset::from_checked_json_with(&value.to_string(), std_read_number);
    let checked = read(&valid()).expect("the valid fixture reads");
    assert_eq!(checked, Dataset::from_json(&valid().to_string()).unwrap());
    // A rule broken: the checked path does not look (its caller vouches for the bytes)...
    let broken_rule = with(|v| fact0(v)["source"] = json!("s009"));
    assert!(read(&broken_rule).is_ok());
    assert_eq!(messages(&broken_rule).len(), 1);
    // ...but a file that does not read, or a wrong shape, is refused as from_json refuses it.
    let errors =
        Dataset::from_checked_json_with("{\"schema_version\": 1", std_read_number).unwrap_err();
    assert!(!errors.0.is_empty());
    let wrong_shape = with(|v| fact0(v)["value"] = json!("twelve"));
    let errors = read(&wrong_shape).unwrap_err();
    assert!(errors.to_string().contains("facts[0]"), "{errors}");
}
