//! "Steadier?": for each side, the share of Monte Carlo scenarios in which sprinting and in
//! which pacing loses money (NPV below zero), one bar per path, in the paths' colours.

use super::model_charts::paths;
use super::spec::{Bar, BarChart, BarGroup, BarKind};
use super::view::View;
use crate::model::{MonteCarlo, RiskFigures};

/// The four paths' marks, in the order of [`paths`]: the page's tooltip and table read them.
const PATH_MARKS: [&str; 4] = ["us_sprint", "us_pace", "cn_sprint", "cn_pace"];

/// One group per path (US sprint, US pace, China sprint, China pace), its bar the percentage
/// of scenarios that lose money, labelled with that percentage.
pub fn risk_chart(mc: &MonteCarlo, view: &View) -> BarChart {
    let figures: [&RiskFigures; 4] = [
        &mc.us_risk.sprint,
        &mc.us_risk.pace,
        &mc.cn_risk.sprint,
        &mc.cn_risk.pace,
    ];
    let series = paths(view);
    let groups = figures
        .iter()
        .zip(PATH_MARKS)
        .enumerate()
        .map(|(i, (risk, mark))| {
            let percent = 100.0 * risk.share_loss;
            BarGroup {
                label: series[i].label.clone(),
                slots: 1,
                bars: vec![Bar {
                    series: i,
                    value: percent,
                    high: None,
                    kind: BarKind::Solid,
                    mark: mark.to_string(),
                    slot: 0,
                    label: Some(format!("{percent:.1}%")),
                }],
                markers: Vec::new(),
            }
        })
        .collect();
    BarChart {
        y_caption: view.word("model.share_caption").to_string(),
        series,
        groups,
        marker_label: None,
        label_every: 1,
        ticks: view.number_ticks(),
    }
}
