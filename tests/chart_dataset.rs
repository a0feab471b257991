//! Every chart of the article, built from the shipped dataset and drawn to SVG: one bar per
//! listed fact, every word from the language files, no NaN, and reviewed snapshots.

mod chart_support;

use ai_capex_explainer::charts::{dataset_chart, Chart, ChartStyle};
use ai_capex_explainer::data::{Currency, Dataset};
use chart_support::*;

fn dataset() -> Dataset {
    Dataset::embedded().expect("the shipped dataset is valid")
}

#[test]
fn every_dataset_chart_draws_one_bar_per_fact_in_every_language_and_currency() {
    let ds = dataset();
    for lang in LANGUAGES {
        for currency in ["USD", "CNY"] {
            let view = view(lang, currency);
            for def in &ds.charts {
                let chart = Chart::Bars(dataset_chart(&ds, def, &view));
                let (out, hits) = svg(&chart, &ChartStyle::default());
                assert!(
                    !out.contains("NaN"),
                    "{} {lang} {currency}: NaN in SVG",
                    def.id
                );
                let marks: Vec<&str> = hits.boxes.iter().map(|b| b.mark.as_str()).collect();
                let mut expected: Vec<&str> = def.facts.iter().map(String::as_str).collect();
                let mut drawn = marks.clone();
                expected.sort_unstable();
                drawn.sort_unstable();
                assert_eq!(
                    drawn, expected,
                    "{} {lang} {currency}: every fact is one bar",
                    def.id
                );
                for label in labels(&chart) {
                    assert!(
                        !is_untranslated(&label),
                        "{} {lang}: {label:?} is not in the language file",
                        def.id
                    );
                    for line in label.split('\n') {
                        assert!(
                            out.contains(&xml_escape(line)),
                            "{} {lang}: {line:?} is not drawn",
                            def.id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn money_follows_the_readers_currency_at_the_sources_own_rate() {
    let ds = dataset();
    let def = ds
        .charts
        .iter()
        .find(|c| c.id == "china-capex")
        .expect("china-capex chart");
    let bar = |currency| {
        let chart = dataset_chart(&ds, def, &view("en", currency));
        let bars: Vec<_> = chart.groups.into_iter().flat_map(|g| g.bars).collect();
        bars.into_iter()
            .find(|b| b.mark == "s000-bytedance-ai-capex-2025")
            .expect("ByteDance bar")
    };
    // 120亿美元 ≈ 860亿元: the seed's own rate (7.17), so US$12 bn shows as ¥86.04 bn.
    assert_eq!(bar("USD").value, 12.0);
    assert!((bar("CNY").value - 86.04).abs() < 1e-9);
    // Chinese axes count in 亿 (0.1 bn).
    let zh = dataset_chart(&ds, def, &view("zh-Hans", "USD"));
    let bytedance = zh
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .find(|b| b.mark == "s000-bytedance-ai-capex-2025");
    assert_eq!(bytedance.map(|b| b.value), Some(120.0));
    assert_eq!(Currency::Usd, view("en", "USD").currency);
}

#[test]
fn disputed_claims_and_public_records_are_marked() {
    use ai_capex_explainer::charts::BarKind;
    let ds = dataset();
    let def = ds
        .charts
        .iter()
        .find(|c| c.id == "openai-economics")
        .expect("openai chart");
    let chart = dataset_chart(&ds, def, &view("en", "USD"));
    let kind = |id: &str| {
        chart
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .find(|b| b.mark == id)
            .map(|b| b.kind)
    };
    assert_eq!(
        kind("s001-openai-burn-2025"),
        Some(BarKind::Flagged),
        "graded D"
    );
    assert_eq!(kind("ref-openai-net-loss-2025h1"), Some(BarKind::Reference));
    assert_eq!(kind("s000-openai-revenue-2025h1"), Some(BarKind::Seed));
}

#[test]
fn the_article_charts_match_their_reviewed_snapshots() {
    let ds = dataset();
    for def in &ds.charts {
        for (lang, currency) in [("en", "USD"), ("zh-Hans", "CNY")] {
            let chart = Chart::Bars(dataset_chart(&ds, def, &view(lang, currency)));
            let (out, _) = svg(&chart, &ChartStyle::default());
            assert_snapshot(&format!("{}.{lang}", def.id), &out);
        }
    }
}
