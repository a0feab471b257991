//! Builds the calculator's charts from a model run: the headline chart (each side's value
//! per unit invested for every AGI year, crossing at the break-even year), both sides'
//! cumulative free cash over the years, demand against capacity, the price war, the Monte
//! Carlo runs by AGI year and the tornado.

use super::spec::{
    Bar, BarChart, BarGroup, BarKind, Line, LineChart, Rule, Series, Swing, Tornado,
};
use super::view::View;
use crate::data::Currency;
use crate::model::{
    AgiYearPoint, MonteCarlo, Projection, Sensitivity, SideYear, YearRow, NO_AGI_YEAR,
};

/// Palette slots, so a side keeps its colour across charts.
const SPRINT_COLOR: usize = 0;
const MARATHON_COLOR: usize = 1;
const AGI_COLOR: usize = 2;
const BREAK_EVEN_COLOR: usize = 3;
/// The US paced path: a third colour, so it is not mistaken for either strategy.
const PACED_COLOR: usize = 5;

/// A legend entry named by the page's word for `key`.
fn legend(view: &View, key: &str, color: usize) -> Series {
    Series {
        label: view.word(key).to_string(),
        color,
        hollow: false,
    }
}

fn sides(view: &View) -> Vec<Series> {
    vec![
        legend(view, "model.sprint", SPRINT_COLOR),
        legend(view, "model.marathon", MARATHON_COLOR),
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

/// The headline: value per unit invested of each side (present value of operating cash ÷
/// present value of capex) for every AGI year 2026–2060. Where the sprint's line is above,
/// it comes out ahead; the break-even year and the reader's AGI year are marked.
pub fn break_even_chart(p: &Projection, view: &View) -> LineChart {
    let points = |pick: fn(&AgiYearPoint) -> f64| {
        p.break_even
            .by_agi_year
            .iter()
            .map(|pt| (f64::from(pt.agi_year), pick(pt)))
            .collect()
    };
    let mut rules: Vec<Rule> = agi_rule(p, view).into_iter().collect();
    if let Some(year) = p.break_even.against_marathon.year {
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
                mark_prefix: "sprint:".to_string(),
                points: points(|pt| pt.sprint_value_per_capex),
            },
            Line {
                series: 1,
                mark_prefix: "marathon:".to_string(),
                points: points(|pt| pt.marathon_value_per_capex),
            },
        ],
        rules,
        y_log10: false,
        ticks: view.number_ticks(),
    }
}

/// One line per side over the calendar years.
fn yearly_lines(p: &Projection, value: impl Fn(&SideYear, bool) -> f64) -> Vec<Line> {
    let line = |series: usize, prefix: &str, pick: fn(&YearRow) -> &SideYear| {
        let is_marathon = series == 1;
        Line {
            series,
            mark_prefix: prefix.to_string(),
            points: p
                .years
                .iter()
                .map(|row| (f64::from(row.year), value(pick(row), is_marathon)))
                .collect(),
        }
    };
    vec![
        line(0, "sprint:", |row| &row.sprint),
        line(1, "marathon:", |row| &row.marathon),
        line(2, "paced:", |row| &row.paced),
    ]
}

/// Cumulative free cash (operating cash − capex) of the sprint, the marathon and the US on
/// the paced path, in the reader's currency (billions, or 亿 in Chinese).
pub fn position_chart(p: &Projection, view: &View) -> LineChart {
    let rate = p.cny_per_usd;
    // (US side factor, Chinese side factor) into the reader's currency.
    let (us, cn) = match view.currency {
        Currency::Usd => (1.0, 1.0 / rate),
        Currency::Cny => (rate, 1.0),
    };
    let caption = view.money_caption(view.currency);
    let scale = view.money_factor();
    let mut series = sides(view);
    series.push(legend(view, "model.paced", PACED_COLOR));
    LineChart {
        y_caption: view.word(caption).to_string(),
        series,
        lines: yearly_lines(p, |y, marathon| {
            y.cumulative_free_cash * scale * if marathon { cn } else { us }
        }),
        rules: agi_rule(p, view).into_iter().collect(),
        y_log10: false,
        ticks: view.money_ticks(),
    }
}

/// Demand as a percentage of capacity for each side: above 100 the side turns demand away
/// (capacity binds), below 100 part of what it built sits idle.
pub fn capacity_chart(p: &Projection, view: &View) -> LineChart {
    let mut lines = yearly_lines(p, |y, _| {
        100.0 * y.demand / y.capacity.max(f64::MIN_POSITIVE)
    });
    lines.truncate(2);
    LineChart {
        y_caption: view.word("model.demand_caption").to_string(),
        series: sides(view),
        lines,
        rules: agi_rule(p, view).into_iter().collect(),
        y_log10: false,
        ticks: view.number_ticks(),
    }
}

/// Each side's price index (2025 = 1) on a log scale: China leads the cuts, the US follows
/// part of the way.
pub fn prices_chart(p: &Projection, view: &View) -> LineChart {
    let mut lines = yearly_lines(p, |y, _| y.price_index.max(f64::MIN_POSITIVE).log10());
    lines.truncate(2);
    LineChart {
        y_caption: view.word("model.index_caption").to_string(),
        series: sides(view),
        lines,
        rules: Vec::new(),
        y_log10: true,
        ticks: view.number_ticks(),
    }
}

/// Share of Monte Carlo runs per AGI year, split by who ends ahead in them; the last group
/// collects every run without AGI by 2060.
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
                    share(bar.sprint_ahead, 0, "sprint"),
                    share(bar.marathon_ahead, 1, "marathon"),
                ],
                markers: Vec::new(),
            }
        })
        .collect();
    BarChart {
        y_caption: view.word("model.share_caption").to_string(),
        series: vec![
            legend(view, "model.sprint_ahead", SPRINT_COLOR),
            legend(view, "model.marathon_ahead", MARATHON_COLOR),
        ],
        groups,
        marker_label: None,
        label_every: 5,
        ticks: view.number_ticks(),
    }
}

/// Marks a tornado bar whose ends put different sides ahead.
const FLIPS_MARK: &str = " ⇄";

/// The verdict margin with each input at its plausible low and high, largest effect on top;
/// a bar that flips the verdict carries a mark after its label.
pub fn sensitivity_chart(t: &Sensitivity, view: &View) -> Tornado {
    Tornado {
        x_caption: view.word("model.outcome_caption").to_string(),
        base: t.base_outcome,
        series: vec![
            legend(view, "model.input_low", 5),
            legend(view, "model.input_high", 3),
        ],
        swings: t
            .bars
            .iter()
            .map(|b| Swing {
                label: format!(
                    "{}{}",
                    view.word(&format!("input.{}", b.field)),
                    if b.flips { FLIPS_MARK } else { "" }
                ),
                low: b.outcome_low,
                high: b.outcome_high,
                mark: b.field.to_string(),
            })
            .collect(),
        ticks: view.number_ticks(),
    }
}
