//! The shipped dataset file: it validates, every seed quote is verbatim, every id other
//! modules depend on exists.

use std::collections::HashSet;
use std::path::PathBuf;

use ai_capex_explainer::data::{
    Basis, Dataset, Grade, Lang, PeriodKind, Qualifier, SourceKind, Unit, DEFAULT_DATASET_JSON,
    SUPPORTED_SCHEMA_VERSION,
};

fn shipped() -> Dataset {
    match Dataset::embedded() {
        Ok(dataset) => dataset,
        Err(errors) => panic!("the shipped dataset has errors:\n{errors}"),
    }
}

/// Ids that src/model, src/charts and src/web code against.
const REQUIRED_FACT_IDS: &[&str] = &[
    "s000-big4-capex-2025",
    "s004-big4-capex-2025-plan",
    "s004-big4-capex-2024",
    "s004-big4-capex-2023",
    "s004-big4-capex-growth-2024",
    "s001-us-ai-capex-2025",
    "s001-cn7-ai-capex-2025",
    "s001-msft-capex-intensity",
    "s001-cn-cloud-capex-intensity",
    "s001-us-capex-split-datacenter",
    "s001-us-capex-split-models",
    "s001-cn-capex-split-datacenter",
    "s001-cn-capex-split-chips",
    "s001-cn-capex-split-models",
    "s001-open-source-cost-cut",
    "s002-deepseek-api-price-ratio",
    "s000-bytedance-ai-capex-2025",
    "s000-alibaba-ai-invest-3y",
    "s002-alibaba-ai-cloud-invest-3y",
    "s000-baidu-ai-invest-cumulative",
    "s002-tencent-capex-2024",
    "s000-tencent-capex-2025",
    "s001-openai-revenue-2025",
    "s001-openai-burn-2025",
    "s000-openai-revenue-2025h1",
    "s003-openai-revenue-2025h1",
    "s000-openai-net-loss-2025q3",
    "s003-openai-net-loss-2025h1",
    "s003-openai-rd-2025h1",
    "s002-chatgpt-subscription-arr",
    "s004-azure-growth-2024q4",
    "s004-gcp-growth-2024q4",
    "s004-aws-growth-2024q4",
    "s002-baidu-cloud-growth-2025q1",
    "s002-gcp-growth-2025q1",
    "s002-msft-cloud-growth-2025q1",
    "s002-aws-growth-2025q1",
    "s002-alibaba-cloud-growth-2025q1",
    "s004-amazon-capex-2024",
    "s004-amazon-capex-2025-plan",
    "s004-msft-capex-fy2025-plan",
    "s004-alphabet-capex-2024",
    "s004-alphabet-capex-2025-plan",
    "s000-alphabet-capex-2025",
    "s004-meta-capex-2025-plan",
];

const REQUIRED_ENTITY_IDS: &[&str] = &[
    "amazon",
    "microsoft",
    "alphabet",
    "meta",
    "big4",
    "us_big_tech",
    "openai",
    "nvidia",
    "alibaba",
    "tencent",
    "baidu",
    "bytedance",
    "huawei",
    "kuaishou",
    "meitu",
    "iflytek",
    "kunlun_tech",
    "midjourney",
    "deepseek",
    "cn_big7",
    "cn_cloud",
    "open_source",
    "softbank",
    "us_government",
];

const REQUIRED_METRIC_IDS: &[&str] = &[
    "capex",
    "ai_capex",
    "capex_growth",
    "capex_share_of_revenue",
    "capex_share_datacenter",
    "capex_share_chips",
    "capex_share_models",
    "revenue",
    "revenue_growth",
    "cloud_revenue",
    "cloud_revenue_growth",
    "net_loss",
    "cash_burn",
    "rd_spend",
    "valuation",
    "cost_reduction",
    "api_price_vs_gpt4_turbo",
];

#[test]
fn the_shipped_file_parses_and_validates_with_zero_errors() {
    let dataset = shipped();
    assert_eq!(dataset.schema_version, SUPPORTED_SCHEMA_VERSION);
    println!(
        "dataset {}: {} facts, {} reference figures, {} sources ({} seeds), {} entities, {} metrics, {} conflicts",
        dataset.dataset_version,
        dataset.facts.len(),
        dataset.reference.len(),
        dataset.sources.len(),
        dataset.sources.iter().filter(|s| s.kind == SourceKind::Seed).count(),
        dataset.entities.len(),
        dataset.metrics.len(),
        dataset.conflicts.len()
    );
    assert!(
        dataset.facts.len() >= 90,
        "expected every seed claim, got {}",
        dataset.facts.len()
    );
    assert!(!dataset.reference.is_empty());
}

#[test]
fn the_embedded_constant_is_the_file_in_www_data() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/data/capex-dataset.json");
    let on_disk = std::fs::read_to_string(path).expect("www/data/capex-dataset.json is readable");
    assert_eq!(on_disk, DEFAULT_DATASET_JSON);
}

#[test]
fn the_shipped_file_survives_a_serde_round_trip() {
    let dataset = shipped();
    let text = serde_json::to_string(&dataset).expect("serialises");
    let again = Dataset::from_json(&text).expect("re-reads");
    assert_eq!(dataset, again);
}

#[test]
fn every_id_other_modules_depend_on_exists() {
    let dataset = shipped();
    let missing: Vec<_> = REQUIRED_FACT_IDS
        .iter()
        .filter(|id| dataset.fact(id).is_none())
        .collect();
    assert!(missing.is_empty(), "missing fact ids: {missing:?}");
    for id in REQUIRED_ENTITY_IDS {
        assert!(dataset.entity(id).is_some(), "missing entity {id}");
    }
    for id in REQUIRED_METRIC_IDS {
        assert!(dataset.metric(id).is_some(), "missing metric {id}");
    }
    for n in 1..=16 {
        let id = format!("C{n}");
        assert!(
            dataset.conflicts.iter().any(|c| c.id == id),
            "missing conflict {id}"
        );
    }
}

#[test]
fn the_named_facts_carry_the_values_and_shapes_the_brief_gives() {
    let d = shipped();
    let f = |id: &str| d.fact(id).unwrap_or_else(|| panic!("missing {id}"));
    let big4 = f("s000-big4-capex-2025");
    assert_eq!(
        (
            big4.entity.as_str(),
            big4.metric.as_str(),
            big4.value,
            big4.unit
        ),
        ("big4", "capex", 364.0, Unit::UsdBn)
    );
    assert_eq!(big4.period.basis, Basis::Plan);
    assert!(big4.note.is_some());
    let meta = f("s004-meta-capex-2025-plan");
    assert_eq!(
        (meta.value, meta.value_high, meta.qualifier),
        (60.0, Some(65.0), Qualifier::Range)
    );
    let us = f("s001-us-ai-capex-2025");
    assert_eq!(
        (us.entity.as_str(), us.value, us.qualifier),
        ("us_big_tech", 155.0, Qualifier::Over)
    );
    assert_eq!(d.effective_grade(us), Grade::D);
    assert_eq!(
        d.effective_grade(f("s003-openai-net-loss-2025h1")),
        Grade::D
    );
    assert_eq!(d.effective_grade(f("s001-openai-burn-2025")), Grade::D);
    assert_eq!(
        d.effective_grade(f("s002-chatgpt-subscription-arr")),
        Grade::C
    );
    assert_eq!(
        f("s002-chatgpt-subscription-arr").period.kind,
        PeriodKind::Annualized
    );
    let bd = f("s000-bytedance-ai-capex-2025");
    // "约860亿元" has two significant digits: too rounded to imply a rate (data_article_rates.rs).
    assert_eq!((bd.value, bd.cny_per_usd), (12.0, None));
    // One annual average per year: the Fed's for 2023, the IRS's for 2024 (also used for 2025).
    let rates: Vec<(i32, f64)> = d
        .reference_rates
        .iter()
        .map(|r| (r.year, r.cny_per_usd))
        .collect();
    assert_eq!(rates, [(2023, 7.0809), (2024, 7.189), (2025, 7.189)]);
    let ali = f("s000-alibaba-ai-invest-3y");
    assert_eq!(
        (
            ali.value,
            ali.unit,
            ali.period.kind,
            ali.period.start,
            ali.period.end
        ),
        (380.0, Unit::CnyBn, PeriodKind::MultiYear, 2025, 2027)
    );
    assert_eq!(
        f("s002-alibaba-ai-cloud-invest-3y").qualifier,
        Qualifier::AtLeast
    );
    assert_eq!(
        f("s000-baidu-ai-invest-cumulative").period.kind,
        PeriodKind::Cumulative
    );
    // ≥ ¥100 B against ¥59.6 B over Q1–Q3 2025 and a full year expected below guidance.
    let tc = f("s000-tencent-capex-2025");
    assert_eq!(
        (tc.value, tc.qualifier, tc.grade),
        (100.0, Qualifier::AtLeast, Some(Grade::D))
    );
    assert_eq!(f("s002-tencent-capex-2024").period.basis, Basis::Actual);
    assert_eq!(
        f("s004-msft-capex-fy2025-plan")
            .period
            .fiscal_year_end
            .as_deref(),
        Some("06")
    );
    assert_eq!(f("s004-amazon-capex-2025-plan").qualifier, Qualifier::About);
    assert_eq!(
        f("s002-deepseek-api-price-ratio").qualifier,
        Qualifier::About
    );
    assert_eq!(f("s001-open-source-cost-cut").qualifier, Qualifier::Over);
    assert_eq!(f("s000-alphabet-capex-2025").metric, "ai_capex");
    for (id, entity, value) in [
        ("s004-azure-growth-2024q4", "microsoft", 31.0),
        ("s004-gcp-growth-2024q4", "alphabet", 30.0),
        ("s004-aws-growth-2024q4", "amazon", 19.0),
        ("s002-baidu-cloud-growth-2025q1", "baidu", 42.0),
        ("s002-gcp-growth-2025q1", "alphabet", 30.0),
        ("s002-msft-cloud-growth-2025q1", "microsoft", 21.0),
        ("s002-aws-growth-2025q1", "amazon", 17.0),
        ("s002-alibaba-cloud-growth-2025q1", "alibaba", 18.0),
    ] {
        let fact = f(id);
        assert_eq!(
            (
                fact.entity.as_str(),
                fact.metric.as_str(),
                fact.value,
                fact.unit
            ),
            (entity, "cloud_revenue_growth", value, Unit::Percent),
            "{id}"
        );
        assert_eq!(fact.period.kind, PeriodKind::Quarter, "{id}");
    }
    // The US chips share is not stated in seed 001 and must not be invented.
    assert!(d
        .facts
        .iter()
        .all(|fact| !(fact.entity == "us_big_tech" && fact.metric == "capex_share_chips")));
}

#[test]
fn every_fact_cites_a_known_source_of_the_right_kind() {
    let d = shipped();
    for fact in &d.facts {
        let source = d
            .source(&fact.source)
            .unwrap_or_else(|| panic!("{}: unknown source", fact.id));
        assert_eq!(source.kind, SourceKind::Seed, "{}", fact.id);
    }
    for fact in &d.reference {
        let source = d
            .source(&fact.source)
            .unwrap_or_else(|| panic!("{}: unknown source", fact.id));
        assert_eq!(source.kind, SourceKind::PublicRecord, "{}", fact.id);
    }
}

#[test]
fn every_public_record_figure_has_an_https_url_and_a_definition() {
    let d = shipped();
    for fact in &d.reference {
        let source = d.source(&fact.source).expect("known source");
        let url = source.url.as_deref().unwrap_or("");
        assert!(url.starts_with("https://"), "{}: url {url:?}", fact.id);
        let definition = fact
            .definition
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no definition", fact.id));
        assert!(
            !definition.en.trim().is_empty() && !definition.zh_hans.trim().is_empty(),
            "{}",
            fact.id
        );
    }
}

#[test]
fn every_seed_fact_quotes_its_seed_word_for_word() {
    let d = shipped();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!(
            "SKIPPED: {} is absent, so quotes cannot be checked against the seed articles",
            seeds.display()
        );
        return;
    }
    let mut problems = Vec::new();
    for fact in &d.facts {
        let quote = fact.quote.as_deref().unwrap_or("");
        if quote.trim().is_empty() {
            problems.push(format!("{}: empty quote", fact.id));
            continue;
        }
        let source = d.source(&fact.source).expect("known source");
        let file = source.seed_file.as_deref().expect("seeds name their file");
        let text = std::fs::read_to_string(seeds.join(file)).expect("seed file readable");
        if !text.contains(quote) {
            problems.push(format!("{}: quote not found in {file}: {quote}", fact.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_seed_source_names_a_seed_file_that_exists() {
    let d = shipped();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let seed_sources: Vec<_> = d
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Seed)
        .collect();
    assert_eq!(seed_sources.len(), 5);
    if !seeds.is_dir() {
        eprintln!("SKIPPED: {} is absent", seeds.display());
        return;
    }
    for source in seed_sources {
        let file = source.seed_file.as_deref().expect("seed file");
        assert!(seeds.join(file).is_file(), "{}: {file} missing", source.id);
    }
}

#[test]
fn seed_grades_follow_the_fact_check() {
    let d = shipped();
    let grade = |id: &str| d.source(id).map(|s| s.grade);
    assert_eq!(grade("s000"), Some(Grade::C));
    assert_eq!(grade("s001"), Some(Grade::C));
    assert_eq!(grade("s002"), Some(Grade::B));
    assert_eq!(grade("s003"), Some(Grade::D));
    assert_eq!(grade("s004"), Some(Grade::B));
}

#[test]
fn every_reader_facing_text_is_written_in_three_scripts() {
    // Walk the file itself: any object with "en" and "zh-Hans" is a localized text.
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                if map.contains_key("en")
                    && map.contains_key("zh-Hans")
                    && !map.contains_key("zh-Hant")
                {
                    missing.push(path.to_string());
                }
                map.iter()
                    .for_each(|(k, x)| walk(x, &format!("{path}.{k}"), missing));
            }
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, x)| walk(x, &format!("{path}[{i}]"), missing)),
            _ => {}
        }
    }
    let json: serde_json::Value = serde_json::from_str(DEFAULT_DATASET_JSON).expect("valid JSON");
    let mut missing = Vec::new();
    walk(&json, "", &mut missing);
    assert!(missing.is_empty(), "no zh-Hant at: {missing:?}");
}

#[test]
fn every_entity_and_metric_is_used_by_some_figure() {
    let d = shipped();
    let entities: HashSet<_> = d.all_facts().map(|f| f.entity.as_str()).collect();
    let metrics: HashSet<_> = d.all_facts().map(|f| f.metric.as_str()).collect();
    for entity in &d.entities {
        assert!(
            entities.contains(entity.id.as_str()),
            "entity {} unused",
            entity.id
        );
    }
    for metric in &d.metrics {
        assert!(
            metrics.contains(metric.id.as_str()),
            "metric {} unused",
            metric.id
        );
    }
}

#[test]
fn every_conflict_lists_at_least_one_seed_fact() {
    let d = shipped();
    for conflict in &d.conflicts {
        assert!(
            conflict.facts.iter().any(|id| id.starts_with('s')),
            "{} lists no seed fact",
            conflict.id
        );
    }
}

#[test]
fn seed_rates_are_those_the_fact_check_lists() {
    let d = shipped();
    let rates: Vec<f64> = d.facts.iter().filter_map(|f| f.cny_per_usd).collect();
    // The six conversions precise enough to imply a rate (data_article_rates.rs): s002's
    // 747.5万 and s004's 7295亿, 1919亿, 5690亿, 4319亿, 2101亿.
    assert!(rates.len() >= 6);
    for rate in rates {
        assert!((7.0..7.5).contains(&rate), "implausible seed rate {rate}");
    }
}

#[test]
fn the_article_charts_are_defined_in_article_order_with_known_facts() {
    let d = shipped();
    let ids: Vec<&str> = d.charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "us-capex",
            "china-capex",
            "capex-intensity",
            "openai-economics",
            "china-ai-growth",
            "cloud-growth"
        ]
    );
    for chart in &d.charts {
        for id in &chart.facts {
            assert!(
                d.fact(id).is_some(),
                "chart {} names unknown fact {id}",
                chart.id
            );
        }
    }
}

#[test]
fn every_fact_the_page_texts_name_exists() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/i18n");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIPPED: {} is absent", dir.display());
        return;
    };
    let d = shipped();
    let mut missing = Vec::new();
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for piece in text.split('{').skip(1) {
            let Some(body) = piece.split('}').next() else {
                continue;
            };
            let id = body
                .strip_prefix("fact:")
                .or_else(|| body.strip_prefix("fact_cur:"));
            if let Some(id) = id {
                if d.fact(id).is_none() {
                    missing.push(format!("{}: {id}", entry.file_name().to_string_lossy()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "page texts name unknown facts:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_note_calls_its_source_an_aggregator_only_when_the_source_is_graded_as_one() {
    // Grade C is "aggregator or blog"; a company's wire release (A) or reputable press (B)
    // is not one, and a note saying so contradicts the source line beside it.
    let d = shipped();
    let mut wrong = Vec::new();
    for fact in d.all_facts() {
        let Some(note) = &fact.note else { continue };
        let source = d.source(&fact.source).expect("known source");
        if note.en.contains("aggregator") && source.grade != Grade::C {
            wrong.push(format!(
                "{} (source {}, grade {:?})",
                fact.id, source.id, source.grade
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "notes call these sources aggregators: {wrong:?}"
    );
}

#[test]
fn a_plan_record_says_it_is_a_plan_not_a_reported_line() {
    // A plan is guidance, a target or an intention; a definition naming a cash-flow line
    // reads as if the figure had been reported.
    const PLAN_WORDS: [&str; 6] = ["guidance", "plan", "outlook", "target", "intent", "would"];
    let d = shipped();
    let mut wrong = Vec::new();
    for fact in d.reference.iter().filter(|f| f.period.basis == Basis::Plan) {
        let definition = fact
            .definition
            .as_ref()
            .map(|t| t.en.to_lowercase())
            .unwrap_or_default();
        let says_plan = PLAN_WORDS.iter().any(|w| definition.contains(w));
        if !says_plan || definition.contains("cash-flow statement") {
            wrong.push(format!("{}: {definition:?}", fact.id));
        }
    }
    assert!(
        wrong.is_empty(),
        "plan records defined as reported lines: {wrong:?}"
    );
}

#[test]
fn a_group_total_that_differs_from_its_members_is_not_called_their_own_figures_sum() {
    // A `sum_note` says the total is not the sum of the members' figures in the chart (the
    // press's sums, definitions unstated); its measure must not claim the opposite.
    let d = shipped();
    let mut wrong = Vec::new();
    for fact in d.all_facts().filter(|f| f.sum_note.is_some()) {
        let Some(measure) = fact.measure.as_deref() else {
            continue;
        };
        let name = &d
            .measures
            .iter()
            .find(|m| m.id == measure)
            .expect("known measure")
            .name
            .en;
        if name.contains("own") {
            wrong.push(format!("{} on {measure:?} ({name})", fact.id));
        }
    }
    assert!(
        wrong.is_empty(),
        "press totals labelled as the companies' own sum: {wrong:?}"
    );
}

#[test]
fn the_page_dates_the_articles_by_the_years_they_were_published() {
    // The five articles run from the earliest to the latest seed source's year; the credit
    // on every chart and the sources intro must not shorten that to one year.
    let d = shipped();
    let years: Vec<i32> = d
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Seed)
        .map(|s| s.date[..4].parse().expect("a year"))
        .collect();
    let (first, last) = (*years.iter().min().unwrap(), *years.iter().max().unwrap());
    assert!(first < last, "the seeds span more than one year");
    let span = format!("{first}–{}", last % 100);
    for lang in ["en", "zh-Hans", "zh-Hant"] {
        let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
        let words: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        let credit = words["chart"]["credit.dataset"].as_str().expect("credit");
        assert!(
            credit.contains(&span),
            "{lang}: credit {credit:?} lacks {span}"
        );
        let intro = words["sources"]["intro"].as_str().expect("sources intro");
        assert!(
            intro.contains(&first.to_string()) && intro.contains(&last.to_string()),
            "{lang}: intro {intro:?} does not name {first} and {last}"
        );
    }
}

#[test]
fn a_conflict_gives_a_year_to_date_figure_as_part_of_the_year() {
    // "Rose 23 % in 2025" from an October article states a part of the year as the year,
    // the error the page grades D elsewhere; the explanation must say how far it runs.
    let d = shipped();
    let mut wrong = Vec::new();
    for conflict in &d.conflicts {
        let partial = conflict
            .facts
            .iter()
            .filter_map(|id| d.fact(id))
            .any(|f| f.period.kind == PeriodKind::YearToDate);
        if !partial {
            continue;
        }
        let text = conflict
            .explanation
            .as_ref()
            .expect("a whole file's conflicts are explained");
        let says_part = ["up to", "to date"].iter().any(|w| text.en.contains(w))
            && text.zh_hans.contains('至')
            && text.get(Lang::ZhHant).contains('至');
        if !says_part {
            wrong.push(conflict.id.clone());
        }
    }
    assert!(
        wrong.is_empty(),
        "year-to-date figures given as whole years in {wrong:?}"
    );
}
