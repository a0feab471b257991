//! Shared by the chart tests: views with the page's real chart words, SVG drawing, and
//! reviewed snapshots (set UPDATE_SNAPSHOTS=1 to rewrite them, then review with `git diff`).
// Each test file uses a different part of this module.
#![allow(dead_code)]

use ai_capex_explainer::charts::{Chart, ChartStyle, HitMap, View, ViewOptions};
use plotters::prelude::*;
use serde_json::Value;

pub const LANGUAGES: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

/// A view in `lang` and `currency` with the `chart` words of www/i18n/<lang>.json.
pub fn view(lang: &str, currency: &str) -> View {
    let path = format!("{}/www/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let words: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json =
        serde_json::json!({"lang": lang, "currency": currency, "dpr": 1, "text": words["chart"]});
    let options: ViewOptions = serde_json::from_value(json).expect("view options");
    View::new(options).expect("a valid view")
}

/// The credit line the snapshots are drawn with (the page passes its language's words).
pub const CREDIT: &str = "Source: the articles and public records in the table · The AI capex race";

/// Draws `chart` to an SVG string of 640×400, with a credit line.
pub fn svg(chart: &Chart, style: &ChartStyle) -> (String, HitMap) {
    let mut out = String::new();
    let hits = {
        let area = SVGBackend::with_string(&mut out, (640, 400)).into_drawing_area();
        chart
            .draw(&area, style, CREDIT)
            .expect("drawing to a string cannot fail")
    };
    (out, hits)
}

/// Every text a chart spec would draw (captions, legends, group and row labels).
pub fn labels(chart: &Chart) -> Vec<String> {
    let mut out = Vec::new();
    match chart {
        Chart::Bars(c) => {
            out.push(c.y_caption.clone());
            out.extend(c.series.iter().map(|s| s.label.clone()));
            out.extend(c.groups.iter().map(|g| g.label.clone()));
        }
        Chart::Lines(c) => {
            out.push(c.y_caption.clone());
            out.extend(c.series.iter().map(|s| s.label.clone()));
            out.extend(c.rules.iter().map(|r| r.label.clone()));
        }
        Chart::Tornado(c) => {
            out.push(c.x_caption.clone());
            out.extend(c.series.iter().map(|s| s.label.clone()));
            out.extend(c.swings.iter().map(|s| s.label.clone()));
        }
        Chart::Grid(c) => {
            out.push(c.y_caption.clone());
            out.push(c.x_caption.clone());
            out.extend(c.series.iter().map(|s| s.label.clone()));
            out.extend(c.rows.iter().cloned());
            out.extend(c.columns.iter().cloned());
        }
    }
    out
}

/// `text` as it appears inside an SVG `<text>` element.
pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;")
}

/// A text key that reached the chart unlooked-up ("unit.usd_bn"): the language file lacks it.
pub fn is_untranslated(label: &str) -> bool {
    ["unit.", "series.", "model.", "input."]
        .iter()
        .any(|p| label.starts_with(p))
        || label.contains('{')
}

/// Compares `svg` with tests/snapshots/<name>.svg, or writes it when UPDATE_SNAPSHOTS is set.
pub fn assert_snapshot(name: &str, svg: &str) {
    let path = format!("{}/tests/snapshots/{name}.svg", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, svg).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run with UPDATE_SNAPSHOTS=1 to create it)"));
    assert!(
        expected == svg,
        "{name}.svg changed: rerun with UPDATE_SNAPSHOTS=1 and review `git diff tests/snapshots`"
    );
}
