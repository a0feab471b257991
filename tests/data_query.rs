//! Looking up facts, sources and conflicts.

use ai_capex_explainer::data::{Dataset, Grade};

fn d() -> Dataset {
    Dataset::embedded().expect("the shipped dataset is valid")
}

#[test]
fn fact_finds_seed_facts_and_reference_figures() {
    let d = d();
    assert_eq!(
        d.fact("s004-meta-capex-2025-plan")
            .map(|f| f.source.as_str()),
        Some("s004")
    );
    assert_eq!(d.fact("ref-meta-capex-2025").map(|f| f.value), Some(72.22));
    assert!(d.fact("no-such-fact").is_none());
}

#[test]
fn all_facts_lists_seed_facts_then_reference() {
    let d = d();
    let all: Vec<_> = d.all_facts().collect();
    assert_eq!(all.len(), d.facts.len() + d.reference.len());
    assert_eq!(all[0].id, d.facts[0].id);
    assert_eq!(all[d.facts.len()].id, d.reference[0].id);
}

#[test]
fn sources_entities_and_metrics_are_found_by_id() {
    let d = d();
    assert_eq!(d.source("s003").map(|s| s.grade), Some(Grade::D));
    assert_eq!(
        d.entity("bytedance").map(|e| e.name.en.as_str()),
        Some("ByteDance")
    );
    assert_eq!(
        d.metric("capex").map(|m| m.name.zh_hans.as_str()),
        Some("资本开支")
    );
    assert!(d.source("s999").is_none());
}

#[test]
fn a_fact_without_its_own_grade_takes_its_sources() {
    let d = d();
    let fact = d.fact("s004-meta-capex-2025-plan").expect("known");
    assert_eq!(fact.grade, None);
    assert_eq!(d.effective_grade(fact), Grade::B);
}

#[test]
fn a_fact_with_its_own_grade_overrides_its_sources() {
    let d = d();
    let good_claim_in_bad_source = d.fact("s003-openai-valuation-2025").expect("known");
    assert_eq!(d.effective_grade(good_claim_in_bad_source), Grade::B);
    let bad_claim_in_good_source = d.fact("s004-meta-capex-vs-consensus-2025").expect("known");
    assert_eq!(d.effective_grade(bad_claim_in_good_source), Grade::D);
}

#[test]
fn conflicts_of_lists_every_conflict_naming_a_fact() {
    let d = d();
    let ids: Vec<_> = d
        .conflicts_of("s000-big4-capex-2025")
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["C3", "C12"]);
    assert_eq!(d.conflicts_of("s002-midjourney-headcount").count(), 0);
}

#[test]
fn facts_about_filters_by_entity_and_metric() {
    let d = d();
    let meta_capex: Vec<_> = d
        .facts_about("meta", "capex")
        .map(|f| f.id.as_str())
        .collect();
    assert!(meta_capex.contains(&"s004-meta-capex-2025-plan"));
    assert!(meta_capex.contains(&"ref-meta-capex-2024"));
    assert!(d.facts_about("meta", "revenue").next().is_none());
}
