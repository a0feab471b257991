//! "Business quality, apart": each side's value per unit invested when both sides play the
//! same strategy. Like against like, so the gap between the bars is the firms', not the
//! strategies' (the US firms' higher cash margin and bigger market).

use super::model_charts::sides;
use super::spec::{Bar, BarChart, BarGroup, BarKind};
use super::view::View;
use crate::model::{Game, Strategy};

/// The two like-for-like pairs, their group label's word and their bars' marks (the page's
/// tooltip and table read them).
const PAIRS: [(Strategy, &str, [&str; 2]); 2] = [
    (Strategy::Pace, "model.both_pace", ["us_pace", "cn_pace"]),
    (
        Strategy::Sprint,
        "model.both_sprint",
        ["us_sprint", "cn_sprint"],
    ),
];

/// One group per like-for-like pair (both pace, both sprint), a bar per side: its present value
/// of operating cash per unit of present value of capex, labelled to two decimals.
pub fn business_chart(game: &Game, view: &View) -> BarChart {
    let groups = PAIRS
        .iter()
        .filter_map(|&(strategy, word, marks)| {
            let cell = game
                .cells
                .iter()
                .find(|c| c.us_strategy == strategy && c.cn_strategy == strategy)?;
            let bars = [cell.us_value_per_unit, cell.cn_value_per_unit]
                .into_iter()
                .zip(marks)
                .enumerate()
                .map(|(side, (value, mark))| Bar {
                    series: side,
                    value,
                    high: None,
                    kind: BarKind::Solid,
                    mark: mark.to_string(),
                    slot: side,
                    label: Some(format!("{value:.2}")),
                })
                .collect();
            Some(BarGroup {
                label: view.word(word).to_string(),
                slots: 2,
                bars,
                markers: Vec::new(),
            })
        })
        .collect();
    BarChart {
        y_caption: view.word("model.per_unit_caption").to_string(),
        series: sides(view),
        groups,
        marker_label: None,
        label_every: 1,
        ticks: view.number_ticks(),
    }
}
