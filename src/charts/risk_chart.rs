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
                    label: Some(percent_label(percent)),
                }],
                markers: Vec::new(),
            }
        })
        .collect();
    BarChart {
        y_caption: view.word("model.loss_caption").to_string(),
        series,
        groups,
        marker_label: None,
        label_every: 1,
        ticks: view.number_ticks(),
    }
}

/// A percentage to a tenth, as the page's sentences write it: rounded half away from zero, no
/// ".0" ("20.95" → "21%", "55.15" → "55.2%").
fn percent_label(percent: f64) -> String {
    let tenths = (percent * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}%")
    } else {
        format!("{tenths:.1}%")
    }
}

#[cfg(test)]
mod tests {
    use super::percent_label;

    #[test]
    fn a_percentage_is_written_to_a_tenth_without_a_trailing_zero() {
        assert_eq!(percent_label(20.95), "21%");
        assert_eq!(percent_label(55.149), "55.1%");
        assert_eq!(percent_label(14.5), "14.5%");
        assert_eq!(percent_label(0.0), "0%");
    }
}
