//! Builds the calculator's charts from a model run: both strategies' cumulative position and
//! return per unit of capex over the years (AGI and bubble years marked), the API price path,
//! the Monte Carlo AGI-year distribution and the sensitivity tornado.

use super::spec::{
    Bar, BarChart, BarGroup, BarKind, Line, LineChart, Rule, Series, Swing, Tornado,
};
use super::view::View;
use crate::data::Currency;
use crate::model::{Leader, MonteCarlo, Projection, Sensitivity, StrategyYear};

/// Palette slots, so a strategy keeps its colour across charts.
const SPRINT_COLOR: usize = 0;
const MARATHON_COLOR: usize = 1;
const AGI_COLOR: usize = 2;
const BUBBLE_COLOR: usize = 1;

/// A legend entry named by the page's word for `key`.
fn legend(view: &View, key: &str, color: usize) -> Series {
    Series {
        label: view.word(key).to_string(),
        color,
    }
}

fn strategies(view: &View) -> Vec<Series> {
    vec![
        legend(view, "model.sprint", SPRINT_COLOR),
        legend(view, "model.marathon", MARATHON_COLOR),
    ]
}

/// The AGI year (when within the horizon) and the bubble year, as labelled rules.
fn milestones(p: &Projection, view: &View) -> Vec<Rule> {
    let s = &p.summary;
    let mut rules = Vec::new();
    if s.agi_in_horizon {
        let year = s.agi_year.to_string();
        rules.push(Rule {
            x: s.agi_year as f64,
            label: view.fill("model.agi", &[("year", &year)]),
            color: AGI_COLOR,
        });
    }
    if let Some(bubble) = s.bubble_year {
        let year = bubble.to_string();
        rules.push(Rule {
            x: bubble as f64,
            label: view.fill("model.bubble", &[("year", &year)]),
            color: BUBBLE_COLOR,
        });
    }
    rules
}

/// Two lines over the years, one value per strategy-year.
fn strategy_lines(p: &Projection, value: impl Fn(&StrategyYear, bool) -> f64) -> Vec<Line> {
    let line = |series: usize, prefix: &str, is_marathon: bool| Line {
        series,
        mark_prefix: prefix.to_string(),
        points: p
            .years
            .iter()
            .map(|row| {
                let side = if is_marathon {
                    &row.marathon
                } else {
                    &row.sprint
                };
                (row.year as f64, value(side, is_marathon))
            })
            .collect(),
    };
    vec![line(0, "sprint:", false), line(1, "marathon:", true)]
}

/// Cumulative position of both sides in the reader's currency (billions, or 亿 in Chinese),
/// converted at the scenario's exchange rate.
pub fn position_chart(p: &Projection, view: &View) -> LineChart {
    let rate = p.cny_per_usd;
    let (to_usd, caption) = match view.currency {
        Currency::Usd => ((1.0, 1.0 / rate), "unit.usd_bn"),
        Currency::Cny => ((rate, 1.0), "unit.cny_bn"),
    };
    let scale = view.money_factor();
    LineChart {
        y_caption: view.word(caption).to_string(),
        series: strategies(view),
        lines: strategy_lines(p, |y, marathon| {
            y.cumulative * scale * if marathon { to_usd.1 } else { to_usd.0 }
        }),
        rules: milestones(p, view),
        y_log10: false,
    }
}

/// Return per unit of capex of both sides (scale-free: the verdict).
pub fn roi_chart(p: &Projection, view: &View) -> LineChart {
    LineChart {
        y_caption: view.word("model.roi_caption").to_string(),
        series: strategies(view),
        lines: strategy_lines(p, |y, _| y.roi),
        rules: milestones(p, view),
        y_log10: false,
    }
}

/// API price, volume and revenue indices (2025 = 1) on a log scale: a 30% yearly cut over 15
/// years moves them by orders of magnitude.
pub fn prices_chart(p: &Projection, view: &View) -> LineChart {
    let line = |series: usize, prefix: &str, pick: fn(&crate::model::PricePoint) -> f64| Line {
        series,
        mark_prefix: prefix.to_string(),
        points: p
            .prices
            .iter()
            .map(|pt| (pt.year as f64, pick(pt).max(f64::MIN_POSITIVE).log10()))
            .collect(),
    };
    LineChart {
        y_caption: view.word("model.index_caption").to_string(),
        series: vec![
            legend(view, "model.price", 3),
            legend(view, "model.volume", 5),
            legend(view, "model.revenue", 2),
        ],
        lines: vec![
            line(0, "price:", |pt| pt.price_index),
            line(1, "volume:", |pt| pt.volume_index),
            line(2, "revenue:", |pt| pt.revenue_index),
        ],
        rules: Vec::new(),
        y_log10: true,
    }
}

/// Share of Monte Carlo runs per AGI year, coloured by who ends ahead with AGI in that year;
/// the last bar collects every draw after the horizon.
pub fn uncertainty_chart(mc: &MonteCarlo, view: &View) -> BarChart {
    let runs = f64::from(mc.runs.max(1));
    let groups = mc
        .agi_years
        .iter()
        .map(|bar| {
            let series = match bar.leader {
                Leader::Sprint => 0,
                Leader::Marathon | Leader::Tie => 1,
            };
            let label = if bar.within_horizon {
                bar.year.to_string()
            } else {
                view.word("model.after_horizon").to_string()
            };
            BarGroup {
                label,
                bars: vec![Bar {
                    series,
                    value: 100.0 * f64::from(bar.count) / runs,
                    high: None,
                    kind: if bar.bubble {
                        BarKind::Flagged
                    } else {
                        BarKind::Seed
                    },
                    mark: format!("agi:{}", bar.year),
                }],
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
        label_every: 5,
    }
}

/// Each input nudged down and up, largest effect on top.
pub fn sensitivity_chart(t: &Sensitivity, view: &View) -> Tornado {
    Tornado {
        x_caption: view.word("model.outcome_caption").to_string(),
        base: t.base_outcome,
        series: vec![
            legend(view, "model.nudge_down", 5),
            legend(view, "model.nudge_up", 3),
        ],
        swings: t
            .bars
            .iter()
            .map(|b| Swing {
                label: view.word(&format!("input.{}", b.field)).to_string(),
                low: b.outcome_low,
                high: b.outcome_high,
                mark: b.field.to_string(),
            })
            .collect(),
    }
}
