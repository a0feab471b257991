//! Builds the calculator's charts from a model run: the headline chart (each side's sprint
//! minus pace for every AGI year, crossing zero at the break-even year), both sides'
//! cumulative free cash on each strategy over the years, demand against capacity, the price
//! war, the Monte Carlo runs by AGI year and the tornado.

use super::spec::{
    Bar, BarChart, BarGroup, BarKind, Fill, Line, LineChart, Rule, Series, Swing, Tornado,
};
use super::view::View;
use crate::data::Currency;
use crate::model::{
    Choice, MonteCarlo, Projection, Sensitivity, SideYear, YearRow, MATERIALITY, NO_AGI_YEAR,
};

/// Palette slots, so a side keeps its colour across charts.
pub(super) const US_COLOR: usize = 0;
pub(super) const CN_COLOR: usize = 1;
const AGI_COLOR: usize = 2;
const BREAK_EVEN_COLOR: usize = 3;
/// Each side's paced path: a colour of its own, so the two strategies are told apart.
pub(super) const US_PACE_COLOR: usize = 5;
pub(super) const CN_PACE_COLOR: usize = 4;

/// A legend entry named by the page's word for `key`.
fn legend(view: &View, key: &str, color: usize) -> Series {
    Series {
        label: view.word(key).to_string(),
        color,
        fill: Fill::Solid,
    }
}

pub(super) fn sides(view: &View) -> Vec<Series> {
    vec![
        legend(view, "model.us_firms", US_COLOR),
        legend(view, "model.cn_firms", CN_COLOR),
    ]
}

/// The four paths: each side sprinting and pacing.
pub(super) fn paths(view: &View) -> Vec<Series> {
    vec![
        legend(view, "model.us_sprint", US_COLOR),
        legend(view, "model.us_pace", US_PACE_COLOR),
        legend(view, "model.cn_sprint", CN_COLOR),
        legend(view, "model.cn_pace", CN_PACE_COLOR),
    ]
}

/// The reader's AGI year as a labelled rule (none without AGI by 2060).
fn agi_rule(p: &Projection, view: &View) -> Option<Rule> {
    p.agi_year.map(|year| Rule {
        x: f64::from(year),
        label: view.fill("model.agi", &[("year", &year.to_string())]),
        color: AGI_COLOR,
    })
}

/// The headline: for every AGI year 2026–2060, each side's NPV when sprinting minus its NPV
/// when pacing (the other side answering with its best response), as a percentage of its
/// present value of capex when pacing. Above zero sprinting pays; within ±5 it is too close to
/// call. The US break-even year and the reader's AGI year are marked.
pub fn break_even_chart(p: &Projection, view: &View) -> LineChart {
    let points = |choice: &Choice| {
        choice
            .by_agi_year
            .iter()
            .filter_map(|pt| {
                let year = pt.agi_year?;
                let scale = pt.pv_capex_pacing.abs().max(f64::MIN_POSITIVE);
                Some((f64::from(year), 100.0 * pt.sprint_minus_pace / scale))
            })
            .collect()
    };
    let mut rules: Vec<Rule> = agi_rule(p, view).into_iter().collect();
    if let Some(year) = p.us_choice.break_even_agi_year {
        rules.push(Rule {
            x: f64::from(year),
            label: view.fill("model.break_even", &[("year", &year.to_string())]),
            color: BREAK_EVEN_COLOR,
        });
    }
    LineChart {
        y_caption: view.word("model.value_caption").to_string(),
        series: sides(view),
        lines: vec![
            Line {
                series: 0,
                mark_prefix: "us:".to_string(),
                points: points(&p.us_choice),
            },
            Line {
                series: 1,
                mark_prefix: "cn:".to_string(),
                points: points(&p.cn_choice),
            },
        ],
        rules,
        // The band in the chart's own unit: a share of the capex when pacing, in percent.
        band: Some(100.0 * MATERIALITY),
        y_log10: false,
        ticks: view.number_ticks(),
    }
}

/// One line per path over the calendar years; `value` gets the side's row and whether it is
/// China's.
fn yearly_lines(p: &Projection, value: impl Fn(&SideYear, bool) -> f64) -> Vec<Line> {
    let picks: [(&str, bool, fn(&YearRow) -> &SideYear); 4] = [
        ("us_sprint:", false, |row| &row.us_sprint),
        ("us_pace:", false, |row| &row.us_pace),
        ("cn_sprint:", true, |row| &row.cn_sprint),
        ("cn_pace:", true, |row| &row.cn_pace),
    ];
    picks
        .iter()
        .enumerate()
        .map(|(series, (prefix, is_cn, pick))| Line {
            series,
            mark_prefix: prefix.to_string(),
            points: p
                .years
                .iter()
                .map(|row| (f64::from(row.year), value(pick(row), *is_cn)))
                .collect(),
        })
        .collect()
}

/// Cumulative free cash (operating cash − capex) of each side on each strategy, in the
/// reader's currency (billions, or 亿 in Chinese).
pub fn position_chart(p: &Projection, view: &View) -> LineChart {
    let rate = p.cny_per_usd;
    // (US side factor, Chinese side factor) into the reader's currency.
    let (us, cn) = match view.currency {
        Currency::Usd => (1.0, 1.0 / rate),
        Currency::Cny => (rate, 1.0),
    };
    let caption = view.money_caption(view.currency);
    let scale = view.money_factor();
    LineChart {
        y_caption: view.word(caption).to_string(),
        series: paths(view),
        lines: yearly_lines(p, |y, is_cn| {
            y.cumulative_free_cash * scale * if is_cn { cn } else { us }
        }),
        rules: agi_rule(p, view).into_iter().collect(),
        band: None,
        y_log10: false,
        ticks: view.money_ticks(),
    }
}

/// Demand as a percentage of capacity for each side: above 100 the side turns demand away
/// (capacity binds), below 100 part of what it built sits idle.
pub fn capacity_chart(p: &Projection, view: &View) -> LineChart {
    LineChart {
        y_caption: view.word("model.demand_caption").to_string(),
        series: paths(view),
        lines: yearly_lines(p, |y, _| {
            100.0 * y.demand / y.capacity.max(f64::MIN_POSITIVE)
        }),
        rules: agi_rule(p, view).into_iter().collect(),
        band: None,
        y_log10: false,
        ticks: view.number_ticks(),
    }
}

/// Each side's price index (2025 = 1) on a log scale: China leads the cuts, the US follows
/// part of the way.
pub fn prices_chart(p: &Projection, view: &View) -> LineChart {
    // Prices do not depend on strategy: one line per side (its paced path's).
    let mut lines = yearly_lines(p, |y, _| y.price_index.max(f64::MIN_POSITIVE).log10());
    lines.retain(|line| line.series % 2 == 1);
    for (series, line) in lines.iter_mut().enumerate() {
        line.series = series;
    }
    LineChart {
        y_caption: view.word("model.index_caption").to_string(),
        series: sides(view),
        lines,
        rules: Vec::new(),
        band: None,
        y_log10: true,
        ticks: view.number_ticks(),
    }
}

/// Share of Monte Carlo runs per AGI year, split by the US firms' call in them (sprinting
/// pays, pacing pays); the last group collects every run without AGI by 2060.
pub fn uncertainty_chart(mc: &MonteCarlo, view: &View) -> BarChart {
    let runs = f64::from(mc.runs.max(1));
    let groups = mc
        .agi_years
        .iter()
        .map(|bar| {
            let label = if f64::from(bar.year) < NO_AGI_YEAR {
                bar.year.to_string()
            } else {
                view.word("model.no_agi").to_string()
            };
            let share = |count: u32, series: usize, side: &str| Bar {
                series,
                value: 100.0 * f64::from(count) / runs,
                high: None,
                kind: BarKind::Solid,
                mark: format!("{side}:{}", bar.year),
                slot: series,
                label: None,
            };
            BarGroup {
                label,
                slots: 2,
                bars: vec![
                    share(bar.sprint_pays, 0, "sprint"),
                    share(bar.pace_pays, 1, "pace"),
                ],
                markers: Vec::new(),
            }
        })
        .collect();
    BarChart {
        y_caption: view.word("model.share_caption").to_string(),
        series: vec![
            legend(view, "model.sprint_pays", US_COLOR),
            legend(view, "model.pace_pays", US_PACE_COLOR),
        ],
        groups,
        marker_label: None,
        label_every: 5,
        ticks: view.number_ticks(),
    }
}

/// Marks a tornado bar whose ends change the US firms' call.
const FLIPS_MARK: &str = " ⇄";

/// The US sprint minus pace with each input and constant at its plausible low and high,
/// largest effect on top; a bar that flips the call carries a mark after its label; the band
/// around zero that is too close to call (with every input as set) is shaded. Inputs with no
/// effect at the reader's settings (the engine gives the reason) are left out: the page lists
/// them under the chart and in its table, so a phone's rows go to the bars that move.
pub fn sensitivity_chart(t: &Sensitivity, view: &View) -> Tornado {
    Tornado {
        x_caption: view.word("model.outcome_caption").to_string(),
        base: t.base_outcome,
        band: Some(t.base_band),
        series: vec![
            legend(view, "model.input_low", 5),
            legend(view, "model.input_high", 3),
        ],
        swings: t
            .bars
            .iter()
            .filter(|b| b.zero_reason.is_none())
            .map(|b| Swing {
                label: format!(
                    "{}{}",
                    view.word(&format!("input.{}", b.field)),
                    if b.flips { FLIPS_MARK } else { "" }
                ),
                low: b.low.outcome,
                high: b.high.outcome,
                mark: b.field.to_string(),
            })
            .collect(),
        ticks: view.number_ticks(),
    }
}
