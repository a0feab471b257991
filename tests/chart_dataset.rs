//! Every chart of the article, built from the shipped dataset and drawn to SVG: one bar or
//! marker per listed fact (pledges go to their strip), every word from the language files,
//! no NaN, the switch between the articles' figures and public records, and reviewed
//! snapshots.

mod chart_support;

use ai_capex_explainer::charts::{
    dataset_chart, BarChart, BarKind, Chart, ChartStyle, Figures, Fill,
};
use ai_capex_explainer::data::{
    is_pledge, Basis, ChartAxis, Currency, Dataset, Lang, PeriodKind, SourceKind,
};
use chart_support::*;

fn dataset() -> Dataset {
    Dataset::embedded().expect("the shipped dataset is valid")
}

const BOTH: [Figures; 2] = [Figures::Reported, Figures::Articles];

fn chart_of(ds: &Dataset, id: &str, lang: &str, figures: Figures) -> BarChart {
    let def = ds.charts.iter().find(|c| c.id == id).expect("chart");
    dataset_chart(ds, def, &view(lang, "USD"), figures)
}

fn bar_marks(chart: &BarChart) -> Vec<&str> {
    chart
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .map(|b| b.mark.as_str())
        .collect()
}

/// Every text the SVG draws, in order, run together without spaces.
fn drawn_text(svg: &str) -> String {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .flat_map(|(text, _)| text.split_whitespace())
        .collect()
}

fn marker_marks(chart: &BarChart) -> Vec<&str> {
    chart
        .groups
        .iter()
        .flat_map(|g| &g.markers)
        .map(|m| m.mark.as_str())
        .collect()
}

#[test]
fn every_dataset_chart_draws_one_mark_per_fact_in_every_language_currency_and_set() {
    let ds = dataset();
    for (lang, currency, figures) in LANGUAGES
        .into_iter()
        .flat_map(|l| ["USD", "CNY"].map(|c| (l, c)))
        .flat_map(|(l, c)| BOTH.map(|f| (l, c, f)))
    {
        {
            let view = view(lang, currency);
            for def in &ds.charts {
                let chart = Chart::Bars(dataset_chart(&ds, def, &view, figures));
                let (out, hits) = svg(&chart, &ChartStyle::default());
                assert!(
                    !out.contains("NaN"),
                    "{} {lang} {currency}: NaN in SVG",
                    def.id
                );
                let marks: Vec<&str> = hits.boxes.iter().map(|b| b.mark.as_str()).collect();
                let mut expected: Vec<&str> = def
                    .facts
                    .iter()
                    .filter(|id| ds.fact(id).is_some_and(|f| !is_pledge(f)))
                    .map(String::as_str)
                    .collect();
                let mut drawn = marks.clone();
                expected.sort_unstable();
                drawn.sort_unstable();
                assert_eq!(
                    drawn, expected,
                    "{} {lang} {currency}: every fact but the pledges is one bar or marker",
                    def.id
                );
                for label in labels(&chart) {
                    assert!(
                        !is_untranslated(&label),
                        "{} {lang}: {label:?} is not in the language file",
                        def.id
                    );
                    // Lines may be broken again to fit the width: the words count, not
                    // where the lines break.
                    let unbroken: String = label.split_whitespace().collect();
                    assert!(
                        drawn_text(&out).contains(&xml_escape(&unbroken)),
                        "{} {lang}: {label:?} is not drawn",
                        def.id
                    );
                }
            }
        }
    }
}

#[test]
fn money_follows_the_readers_currency_at_the_reference_rate_of_its_year() {
    let ds = dataset();
    let def = ds
        .charts
        .iter()
        .find(|c| c.id == "china-capex")
        .expect("china-capex chart");
    let bar = |currency| {
        let chart = dataset_chart(&ds, def, &view("en", currency), Figures::Articles);
        let bars: Vec<_> = chart.groups.into_iter().flat_map(|g| g.bars).collect();
        bars.into_iter()
            .find(|b| b.mark == "s000-bytedance-ai-capex-2025")
            .expect("ByteDance bar")
    };
    // The 2025 reference rate, not the seed's own 7.17 (120亿美元 ≈ 860亿元).
    let rate = ds.rate_for(2025).expect("rate").cny_per_usd;
    assert_eq!(bar("USD").value, 12.0);
    assert!((bar("CNY").value - 12.0 * rate).abs() < 1e-9);
    // Chinese axes count in 亿 (0.1 bn).
    let zh = dataset_chart(&ds, def, &view("zh-Hans", "USD"), Figures::Articles);
    let bytedance = zh
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .find(|b| b.mark == "s000-bytedance-ai-capex-2025");
    assert_eq!(bytedance.map(|b| b.value), Some(120.0));
    assert_eq!(Currency::Usd, view("en", "USD").currency);
}

#[test]
fn disputed_claims_are_flagged_and_plans_are_outlined_with_their_month() {
    let ds = dataset();
    let kind = |chart: &BarChart, id: &str| {
        chart
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .find(|b| b.mark == id)
            .map(|b| (b.kind, b.label.clone()))
    };
    let openai = chart_of(&ds, "openai-economics", "en", Figures::Articles);
    assert_eq!(
        kind(&openai, "s001-openai-burn-2025").map(|k| k.0),
        Some(BarKind::Flagged)
    );
    assert_eq!(
        kind(&openai, "s000-openai-revenue-2025h1").map(|k| k.0),
        Some(BarKind::Solid)
    );
    let us = chart_of(&ds, "us-capex", "en", Figures::Reported);
    assert_eq!(
        kind(&us, "ref-big4-capex-2025-plan-oct"),
        Some((BarKind::Plan, Some("Oct '25".to_string())))
    );
    assert_eq!(
        kind(&us, "ref-alphabet-capex-2025").map(|k| k.0),
        Some(BarKind::Solid)
    );
    let zh = chart_of(&ds, "us-capex", "zh-Hans", Figures::Articles);
    assert_eq!(
        kind(&zh, "s004-big4-capex-2025-plan"),
        Some((BarKind::Plan, Some("25年2月".to_string())))
    );
    assert!(
        us.series.iter().any(|s| s.fill == Fill::Outline),
        "plans have an outlined legend swatch"
    );
}

#[test]
fn the_switch_draws_one_set_as_bars_and_the_other_as_markers_in_the_same_places() {
    let ds = dataset();
    for def in &ds.charts {
        let record = |id: &str| {
            ds.fact(id)
                .and_then(|f| ds.source(&f.source))
                .is_some_and(|s| s.kind == SourceKind::PublicRecord)
        };
        let reported = chart_of(&ds, &def.id, "en", Figures::Reported);
        let articles = chart_of(&ds, &def.id, "en", Figures::Articles);
        let slots = |c: &BarChart| {
            c.groups
                .iter()
                .map(|g| (g.label.clone(), g.slots))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            slots(&reported),
            slots(&articles),
            "{}: switching moves no group",
            def.id
        );
        assert_eq!(
            reported.series, articles.series,
            "{}: the legend stays",
            def.id
        );
        let both = bar_marks(&reported).iter().any(|m| record(m))
            && (bar_marks(&reported).iter().chain(&marker_marks(&reported))).any(|m| !record(m));
        if both {
            assert!(bar_marks(&reported).iter().all(|m| record(m)), "{}", def.id);
            assert!(
                marker_marks(&reported).iter().all(|m| !record(m)),
                "{}",
                def.id
            );
            assert!(
                bar_marks(&articles).iter().all(|m| !record(m)),
                "{}",
                def.id
            );
            assert!(
                marker_marks(&articles).iter().all(|m| record(m)),
                "{}",
                def.id
            );
            assert!(reported.marker_label.is_some() && articles.marker_label.is_some());
        } else {
            assert!(
                marker_marks(&reported).is_empty() && reported.marker_label.is_none(),
                "{}",
                def.id
            );
        }
    }
}

#[test]
fn an_articles_figure_on_another_definition_is_marked_and_each_company_names_its_definition() {
    let ds = dataset();
    let cloud = chart_of(&ds, "cloud-growth", "en", Figures::Articles);
    let intelligent_cloud = cloud
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .find(|b| b.mark == "s002-msft-cloud-growth-2025q1")
        .expect("the article's Intelligent Cloud figure");
    // Named above the bar, not only in its tooltip: Azure and the wider segment are told
    // apart without hovering.
    let segment = ds
        .measures
        .iter()
        .find(|m| m.id == "intelligent_cloud_growth")
        .expect("measure");
    assert_eq!(
        intelligent_cloud.label,
        Some(format!("≠ {}", segment.short.get(Lang::En)))
    );
    let microsoft = cloud
        .groups
        .iter()
        .find(|g| g.label.starts_with("Microsoft"))
        .expect("group");
    assert_eq!(microsoft.label, "Microsoft\nAzure");
    // Reported: Azure's own growth stands where the article's segment figure was.
    let reported = chart_of(&ds, "cloud-growth", "en", Figures::Reported);
    assert!(bar_marks(&reported).contains(&"ref-azure-growth-2025q1"));
    let us = chart_of(&ds, "us-capex", "en", Figures::Reported);
    let labels: Vec<&str> = us.groups.iter().map(|g| g.label.as_str()).collect();
    assert!(labels.contains(&"Microsoft\nincl. leases"), "{labels:?}");
    assert!(labels.contains(&"Amazon\ngross P&E"), "{labels:?}");
    assert!(us.y_caption.contains("each company"), "{}", us.y_caption);
}

#[test]
fn multi_year_pledges_never_stand_among_single_years() {
    let ds = dataset();
    let china = chart_of(&ds, "china-capex", "en", Figures::Articles);
    let drawn: Vec<&str> = bar_marks(&china)
        .into_iter()
        .chain(marker_marks(&china))
        .collect();
    for pledge in [
        "s000-alibaba-ai-invest-3y",
        "s002-alibaba-ai-cloud-invest-3y",
        "s000-baidu-ai-invest-cumulative",
    ] {
        assert!(!drawn.contains(&pledge), "{pledge} is drawn among years");
    }
}

#[test]
fn the_article_charts_match_their_reviewed_snapshots() {
    let ds = dataset();
    for def in &ds.charts {
        for (lang, currency, figures) in [
            ("en", "USD", Figures::Reported),
            ("zh-Hans", "CNY", Figures::Articles),
        ] {
            let chart = Chart::Bars(dataset_chart(&ds, def, &view(lang, currency), figures));
            let (out, _) = svg(&chart, &ChartStyle::default());
            assert_snapshot(&format!("{}.{lang}", def.id), &out);
        }
    }
}

#[test]
fn traditional_chinese_axes_count_in_traditional_characters() {
    let ds = dataset();
    let mut traditional = 0;
    for def in &ds.charts {
        let chart = Chart::Bars(dataset_chart(
            &ds,
            def,
            &view("zh-Hant", "CNY"),
            Figures::Reported,
        ));
        let (out, _) = svg(&chart, &ChartStyle::default());
        for simplified in ['亿', '万'] {
            assert!(
                !out.contains(simplified),
                "{}: {simplified} on a zh-Hant chart",
                def.id
            );
        }
        traditional += usize::from(out.contains('億'));
    }
    assert!(traditional >= 2, "the money charts' axes count in 億");
}

#[test]
fn a_twelve_month_figure_is_a_bar_of_its_own_labelled_series() {
    let ds = dataset();
    let id = "ref-alibaba-ai-cloud-capex-4q-to-sep2025";
    for (lang, label) in [
        ("en", "12 months to Sep 2025"),
        ("zh-Hans", "截至2025年9月的12个月"),
        ("zh-Hant", "截至2025年9月的12個月"),
    ] {
        let chart = chart_of(&ds, "china-capex", lang, Figures::Reported);
        let bar = chart
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .find(|b| b.mark == id)
            .expect("Alibaba's twelve months are a bar");
        assert_eq!(chart.series[bar.series].label, label, "{lang}");
        // No other figure shares its series: no yearly series mixes period kinds.
        let shared: Vec<&str> = chart
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .filter(|b| b.series == bar.series && b.mark != id)
            .map(|b| b.mark.as_str())
            .collect();
        assert_eq!(shared, Vec::<&str>::new(), "{lang}");
    }
}

#[test]
fn the_records_view_never_draws_a_loss_without_the_revenue_of_its_period() {
    let ds = dataset();
    let openai = chart_of(&ds, "openai-economics", "en", Figures::Reported);
    let metric = |mark: &str| ds.fact(mark).map(|f| f.metric.as_str());
    for group in &openai.groups {
        let metrics: Vec<_> = group.bars.iter().filter_map(|b| metric(&b.mark)).collect();
        if metrics
            .iter()
            .any(|m| ["net_loss", "cash_burn"].contains(m))
        {
            assert!(
                metrics.contains(&"revenue"),
                "{:?}: a loss is drawn without the period's revenue ({metrics:?})",
                group.label
            );
        }
    }
}

#[test]
fn the_us_chart_shows_every_later_years_plan_the_records_hold_outlined_and_dated() {
    let ds = dataset();
    let def = ds
        .charts
        .iter()
        .find(|c| c.id == "us-capex")
        .expect("chart");
    let charted = |id: &str| def.facts.iter().any(|f| f == id);
    let companies: Vec<&str> = def
        .facts
        .iter()
        .filter_map(|id| ds.fact(id))
        .map(|f| f.entity.as_str())
        .collect();
    let last_actual = def
        .facts
        .iter()
        .filter_map(|id| ds.fact(id))
        .filter(|f| f.period.basis == Basis::Actual)
        .map(|f| f.period.end)
        .max()
        .expect("actuals");
    let later_plans: Vec<_> = ds
        .reference
        .iter()
        .filter(|f| {
            f.metric == "capex"
                && companies.contains(&f.entity.as_str())
                && f.period.basis == Basis::Plan
                && f.period.end > last_actual
                // A plan whose source gave no definition has no bar to stand beside (the
                // dataset's "…_unstated" measures, as in data_figures.rs).
                && !f.measure.as_deref().is_some_and(|m| m.ends_with("_unstated"))
        })
        .collect();
    assert!(
        !later_plans.is_empty(),
        "the records hold plans after {last_actual}"
    );
    let reported = chart_of(&ds, "us-capex", "en", Figures::Reported);
    for plan in later_plans {
        assert!(charted(&plan.id), "{} is not in the chart", plan.id);
        let bar = reported
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .find(|b| b.mark == plan.id)
            .unwrap_or_else(|| panic!("{} is not drawn", plan.id));
        assert_eq!(bar.kind, BarKind::Plan, "{} is not outlined", plan.id);
        assert!(bar.label.is_some(), "{} carries no month", plan.id);
    }
}

#[test]
fn the_cloud_records_cover_every_company_and_quarter_the_articles_cover() {
    let ds = dataset();
    let def = ds
        .charts
        .iter()
        .find(|c| c.id == "cloud-growth")
        .expect("chart");
    let cells = |record: bool| -> Vec<(String, i32, Option<String>)> {
        def.facts
            .iter()
            .filter_map(|id| ds.fact(id))
            .filter(|f| ds.is_public_record(f) == record)
            .map(|f| (f.entity.clone(), f.period.end, f.period.part.clone()))
            .collect()
    };
    let records = cells(true);
    for cell in cells(false) {
        assert!(
            records.contains(&cell),
            "{cell:?}: the articles' figure has no record beside it"
        );
    }
}

#[test]
fn a_chart_of_several_metrics_says_what_its_axis_measures() {
    // Bars that each name their own metric ("Tencent / Games", "iFlytek / Revenue") still
    // share one axis; a bare "%" leaves the reader guessing what the percentages are.
    let ds = dataset();
    for def in ds.charts.iter().filter(|d| d.names_metric()) {
        let money = def
            .facts
            .iter()
            .filter_map(|id| ds.fact(id))
            .any(|f| f.unit.currency().is_some());
        for lang in LANGUAGES {
            for figures in BOTH {
                let chart = dataset_chart(&ds, def, &view(lang, "USD"), figures);
                assert!(
                    money || chart.y_caption.contains(" · "),
                    "{} {lang}: the axis says only {:?}",
                    def.id,
                    chart.y_caption
                );
            }
        }
    }
}

#[test]
fn a_chart_of_business_lines_names_each_business() {
    // The generic segment metric's label ("Segment") says nothing about the business; a
    // chart grouped by company and metric gives each business its own metric.
    const UNNAMED_BUSINESS: &str = "segment_revenue_growth";
    let ds = dataset();
    for def in ds
        .charts
        .iter()
        .filter(|d| d.group_by == ChartAxis::EntityMetric)
    {
        let unnamed: Vec<&str> = def
            .facts
            .iter()
            .filter_map(|id| ds.fact(id))
            .filter(|f| f.metric == UNNAMED_BUSINESS)
            .map(|f| f.id.as_str())
            .collect();
        assert!(
            unnamed.is_empty(),
            "{}: unnamed businesses {unnamed:?}",
            def.id
        );
    }
}

#[test]
fn a_year_to_date_figure_is_labelled_with_the_quarters_it_covers() {
    // "2025 to date" read in 2026 says nothing; "Q1–Q3 2025" says what the bar holds.
    let ds = dataset();
    let mut seen = 0;
    for def in &ds.charts {
        for fact in def.facts.iter().filter_map(|id| ds.fact(id)) {
            let (PeriodKind::YearToDate, Some(part)) = (fact.period.kind, &fact.period.part) else {
                continue;
            };
            seen += 1;
            let expected = format!("Q1–{part} {}", fact.period.end);
            for figures in BOTH {
                let chart = chart_of(&ds, &def.id, "en", figures);
                let series: Vec<&str> = chart.series.iter().map(|s| s.label.as_str()).collect();
                assert!(
                    series.contains(&expected.as_str()),
                    "{}: {series:?}",
                    def.id
                );
            }
        }
    }
    assert!(
        seen > 0,
        "the dataset charts a year-to-date figure (Tencent, Q1–Q3 2025)"
    );
}
