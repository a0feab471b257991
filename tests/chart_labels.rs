//! Chart text on a phone: every dataset chart drawn 288 px wide (a 320 px phone less the
//! page's margins) keeps its group labels apart, never breaks a year or a "Q1" across two
//! lines, and keeps the whole credit line inside the chart.

mod chart_support;

use ai_capex_explainer::charts::{dataset_chart, Chart, ChartStyle, Figures};
use ai_capex_explainer::data::Dataset;
use chart_support::*;
use plotters::prelude::*;

const PHONE: (u32, u32) = (288, 360);

/// One `<text>` the SVG draws: where, how it is anchored, its size and its words.
struct Text {
    x: f64,
    y: f64,
    centred_below: bool,
    /// Centred on its x: group labels and the texts above bars.
    centred: bool,
    size: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..].split('"').next()?.to_string())
}

fn texts(svg: &str) -> Vec<Text> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (tag, rest) = t.split_once('>')?;
            let (text, _) = rest.split_once("</text>")?;
            Some(Text {
                x: attr(tag, "x")?.parse().ok()?,
                y: attr(tag, "y")?.parse().ok()?,
                // Group labels hang below the axis, centred on their group.
                centred_below: attr(tag, "text-anchor").as_deref() == Some("middle")
                    && attr(tag, "dy").as_deref() == Some("0.76em"),
                centred: attr(tag, "text-anchor").as_deref() == Some("middle"),
                size: attr(tag, "font-size")?.parse().ok()?,
                text: text.trim().replace("&amp;", "&"),
            })
        })
        .collect()
}

fn width_of(text: &Text) -> f64 {
    let mut scratch = String::new();
    let area = SVGBackend::with_string(&mut scratch, (10, 10)).into_drawing_area();
    let font = TextStyle::from(FontDesc::new(
        FontFamily::SansSerif,
        text.size,
        FontStyle::Normal,
    ));
    area.estimate_text_size(&text.text, &font)
        .map_or(0.0, |(w, _)| w as f64)
}

/// The credit line the page writes into a dataset chart in `lang`.
fn credit(lang: &str) -> String {
    let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let words: serde_json::Value = serde_json::from_str(&text).expect("a language file");
    words["chart"]["credit.dataset"]
        .as_str()
        .expect("credit.dataset")
        .to_string()
}

/// Every dataset chart in every language and figure set, drawn phone-wide: (name, credit, svg).
fn phone_charts() -> Vec<(String, String, String)> {
    phone_charts_with_bars()
        .into_iter()
        .map(|(name, credit, svg, _)| (name, credit, svg))
        .collect()
}

/// A bar's box on the canvas: (left, top, right, bottom).
type BarBox = (f64, f64, f64, f64);

/// As [`phone_charts`], with each bar's box from the hover map.
fn phone_charts_with_bars() -> Vec<(String, String, String, Vec<BarBox>)> {
    let ds = Dataset::embedded().expect("the shipped dataset is valid");
    let mut out = Vec::new();
    for lang in LANGUAGES {
        let view = view(lang, if lang == "en" { "USD" } else { "CNY" });
        let credit = credit(lang);
        for def in &ds.charts {
            for figures in [Figures::Reported, Figures::Articles] {
                let chart = Chart::Bars(dataset_chart(&ds, def, &view, figures));
                let mut svg = String::new();
                let hits = {
                    let area = SVGBackend::with_string(&mut svg, PHONE).into_drawing_area();
                    chart
                        .draw(&area, &ChartStyle::default(), &credit)
                        .expect("drawn")
                };
                // Markers are 2 px level lines; bars are taller.
                let bars = hits
                    .boxes
                    .iter()
                    .filter(|b| b.bottom - b.top > 3)
                    .map(|b| (b.left as f64, b.top as f64, b.right as f64, b.bottom as f64))
                    .collect();
                out.push((
                    format!("{} {lang} {figures:?}", def.id),
                    credit.clone(),
                    svg,
                    bars,
                ));
            }
        }
    }
    out
}

#[test]
fn group_labels_side_by_side_never_overlap_on_a_phone() {
    for (name, _, svg) in phone_charts() {
        let labels: Vec<Text> = texts(&svg)
            .into_iter()
            .filter(|t| t.centred_below)
            .collect();
        let mut rows: Vec<f64> = labels.iter().map(|t| t.y).collect();
        rows.dedup();
        for y in rows {
            let mut row: Vec<&Text> = labels.iter().filter(|t| t.y == y).collect();
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            for pair in row.windows(2) {
                let right_end = pair[0].x + width_of(pair[0]) / 2.0;
                let left_end = pair[1].x - width_of(pair[1]) / 2.0;
                assert!(
                    right_end <= left_end + 1.0,
                    "{name}: {:?} runs into {:?}",
                    pair[0].text,
                    pair[1].text
                );
            }
        }
    }
}

#[test]
fn a_label_never_breaks_inside_a_year_or_a_quarter() {
    for (name, _, svg) in phone_charts() {
        let labels: Vec<Text> = texts(&svg)
            .into_iter()
            .filter(|t| t.centred_below)
            .collect();
        for pair in labels.windows(2) {
            let (upper, lower) = (&pair[0], &pair[1]);
            if upper.x != lower.x || lower.y <= upper.y {
                continue; // not two lines of one label
            }
            // A year cut in two: the digits either side of the break make four.
            let tail = upper
                .text
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .count();
            let head = lower.text.chars().take_while(char::is_ascii_digit).count();
            let splits_year = tail > 0 && head > 0 && tail + head == 4;
            let starts_closed = lower.text.starts_with(['年', '月', '）', ')', '，', ',']);
            assert!(
                !splits_year && !starts_closed,
                "{name}: {:?} / {:?} breaks a word",
                upper.text,
                lower.text
            );
        }
    }
}

#[test]
fn the_credit_line_fits_inside_a_phone_width_chart() {
    for (name, credit, svg) in phone_charts() {
        let credit = texts(&svg)
            .into_iter()
            .filter(|t| t.text.chars().count() > 6 && credit.contains(&t.text));
        for t in credit {
            assert!(
                t.x + width_of(&t) <= PHONE.0 as f64,
                "{name}: the credit line {:?} runs off the chart",
                t.text
            );
        }
    }
}

#[test]
fn texts_above_bars_are_drawn_after_every_bar_so_none_is_covered() {
    for (name, _, svg) in phone_charts() {
        let last_bar = svg.rfind("<rect").unwrap_or(0);
        let above_bars = svg
            .match_indices("<text")
            .filter(|(i, _)| {
                let tag = &svg[*i..svg[*i..].find('>').map_or(svg.len(), |e| i + e)];
                tag.contains("text-anchor=\"middle\"") && !tag.contains("dy=\"0.76em\"")
            })
            .map(|(i, _)| i);
        for at in above_bars {
            assert!(
                at > last_bar,
                "{name}: a text above a bar is drawn before a bar"
            );
        }
    }
}

/// The US capex chart's legend in `lang`, records view.
fn us_capex_legend(lang: &str) -> Vec<String> {
    let ds = Dataset::embedded().expect("the shipped dataset is valid");
    let def = ds
        .charts
        .iter()
        .find(|c| c.id == "us-capex")
        .expect("us-capex");
    let chart = dataset_chart(&ds, def, &view(lang, "USD"), Figures::Reported);
    chart.series.into_iter().map(|s| s.label).collect()
}

#[test]
fn a_companys_fiscal_year_in_a_legend_names_the_month_it_ends() {
    for (lang, ends_june) in [
        ("en", "Jun"),
        ("zh-Hans", "截至6月"),
        ("zh-Hant", "截至6月"),
    ] {
        let legend = us_capex_legend(lang);
        let fiscal: Vec<&String> = legend
            .iter()
            .filter(|l| l.starts_with("FY") || l.contains("财年") || l.contains("財年"))
            .filter(|l| !l.contains("各自") && !l.contains("own fiscal"))
            .collect();
        assert!(
            !fiscal.is_empty(),
            "{lang}: Microsoft's fiscal year is in the legend"
        );
        for label in fiscal {
            assert!(
                label.contains(ends_june),
                "{lang}: {label:?} does not say when it ends"
            );
        }
    }
}

#[test]
fn a_legend_for_several_companies_fiscal_years_says_fiscal_year_once() {
    for lang in ["zh-Hans", "zh-Hant"] {
        for label in us_capex_legend(lang) {
            let said = label.matches("财年").count() + label.matches("財年").count();
            assert!(said <= 1, "{lang}: {label:?} says 财年 twice");
        }
    }
}

#[test]
fn texts_above_neighbouring_bars_never_overprint_each_other() {
    for (name, _, svg) in phone_charts() {
        let above: Vec<Text> = texts(&svg)
            .into_iter()
            .filter(|t| t.centred && !t.centred_below && t.text.chars().count() > 1)
            .collect();
        for (i, a) in above.iter().enumerate() {
            for b in &above[i + 1..] {
                let (wa, wb) = (width_of(a), width_of(b));
                let apart_x = a.x + wa / 2.0 <= b.x - wb / 2.0 + 1.0
                    || b.x + wb / 2.0 <= a.x - wa / 2.0 + 1.0;
                let apart_y = (a.y - b.y).abs() >= a.size.min(b.size) - 1.0;
                assert!(
                    apart_x || apart_y,
                    "{name}: {:?} overprints {:?}",
                    a.text,
                    b.text
                );
            }
        }
    }
}

#[test]
fn a_text_above_a_bar_never_covers_a_neighbouring_bar() {
    for (name, _, svg, bars) in phone_charts_with_bars() {
        let above = texts(&svg)
            .into_iter()
            .filter(|t| t.centred && !t.centred_below && t.text.chars().count() > 1);
        for t in above {
            let half = width_of(&t) / 2.0;
            // Anchored at its bottom: the text spans (y - size, y).
            let covered = bars.iter().find(|&&(l, top, r, b)| {
                t.x - half < r - 1.0 && t.x + half > l + 1.0 && t.y - t.size < b && t.y > top + 1.0
            });
            assert!(
                covered.is_none(),
                "{name}: {:?} covers a bar at {covered:?}",
                t.text
            );
        }
    }
}
