//! Builds a dataset chart (grouped bars) from its definition in the data file: one bar per
//! fact, grouped and coloured by entity, period or metric, money converted to the reader's
//! currency at the rate the source implies (else the dataset's default rate).

use super::spec::{Bar, BarChart, BarGroup, BarKind, Series};
use super::view::View;
use crate::data::{
    checked_convert_money, Basis, ChartAxis, ChartDef, Dataset, Fact, Grade, Lang, LocalizedText,
    Period, PeriodKind, SourceKind, Unit,
};

/// The bar chart for `def`. Facts missing from the dataset are skipped (validation reports
/// them); an empty definition gives an empty chart.
pub fn dataset_chart(ds: &Dataset, def: &ChartDef, view: &View) -> BarChart {
    let facts: Vec<&Fact> = def.facts.iter().filter_map(|id| ds.fact(id)).collect();
    let money = facts.first().is_some_and(|f| f.unit.currency().is_some());
    let mut groups: Vec<(String, BarGroup)> = Vec::new();
    let mut series: Vec<(String, Series)> = Vec::new();
    for fact in facts {
        let Some((value, high)) = plotted(ds, fact, money, view) else {
            continue;
        };
        let series_index = index_of(&mut series, axis_key(ds, fact, def.series_by, view), || {
            Series {
                label: axis_label(ds, fact, def.series_by, view),
                color: 0,
            }
        });
        let group_index = index_of(&mut groups, axis_key(ds, fact, def.group_by, view), || {
            BarGroup {
                label: wrap(&axis_label(ds, fact, def.group_by, view), view.lang),
                bars: Vec::new(),
            }
        });
        groups[group_index].1.bars.push(Bar {
            series: series_index,
            value,
            high,
            kind: bar_kind(ds, fact),
            mark: fact.id.clone(),
        });
    }
    let series = series
        .into_iter()
        .enumerate()
        .map(|(i, (_, s))| Series { color: i, ..s })
        .collect();
    BarChart {
        y_caption: view.word(caption_key(money, view, ds, def)).to_string(),
        series,
        groups: groups.into_iter().map(|(_, g)| g).collect(),
        label_every: 1,
        ticks: if money {
            view.money_ticks()
        } else {
            view.number_ticks()
        },
    }
}

/// Position of `key` in `list`, appending `make()` the first time it is seen.
fn index_of<T>(list: &mut Vec<(String, T)>, key: String, make: impl FnOnce() -> T) -> usize {
    match list.iter().position(|(k, _)| *k == key) {
        Some(i) => i,
        None => {
            list.push((key, make()));
            list.len() - 1
        }
    }
}

/// The value (and range top) in display units: money in the reader's currency, in billions
/// (English) or 亿 (Chinese); anything else as stored.
fn plotted(ds: &Dataset, fact: &Fact, money: bool, view: &View) -> Option<(f64, Option<f64>)> {
    if !money {
        return Some((fact.value, fact.value_high));
    }
    let from = fact.unit.currency()?;
    let factor = fact.unit.to_billions_factor()?;
    let rate = fact.cny_per_usd.unwrap_or(ds.default_cny_per_usd.value);
    let convert = |v: f64| {
        checked_convert_money(v * factor, from, view.currency, rate)
            .map(|x| x * view.money_factor())
    };
    Some((convert(fact.value)?, fact.value_high.and_then(convert)))
}

fn bar_kind(ds: &Dataset, fact: &Fact) -> BarKind {
    match ds.source(&fact.source).map(|s| s.kind) {
        Some(SourceKind::PublicRecord) => BarKind::Reference,
        _ if ds.effective_grade(fact) == Grade::D => BarKind::Flagged,
        _ => BarKind::Seed,
    }
}

/// Facts share a group or colour when they share this key. Periods go by their label, so
/// "2025 plan" from two articles is one colour and "FY2025 plan" another.
fn axis_key(ds: &Dataset, fact: &Fact, axis: ChartAxis, view: &View) -> String {
    match axis {
        ChartAxis::Entity => fact.entity.clone(),
        ChartAxis::Metric => fact.metric.clone(),
        ChartAxis::Period => axis_label(ds, fact, axis, view),
    }
}

/// Axes and legends use the short name where the data gives one.
fn short_or_full(short: Option<&LocalizedText>, name: &LocalizedText, view: &View) -> String {
    short.unwrap_or(name).get(view.lang).to_string()
}

fn axis_label(ds: &Dataset, fact: &Fact, axis: ChartAxis, view: &View) -> String {
    match axis {
        ChartAxis::Entity => ds.entity(&fact.entity).map_or_else(
            || fact.entity.clone(),
            |e| short_or_full(e.short.as_ref(), &e.name, view),
        ),
        ChartAxis::Metric => ds.metric(&fact.metric).map_or_else(
            || fact.metric.clone(),
            |m| short_or_full(m.short.as_ref(), &m.name, view),
        ),
        ChartAxis::Period => period_label(&fact.period, view),
    }
}

fn basis_key(basis: Basis) -> &'static str {
    match basis {
        Basis::Plan => "plan",
        Basis::Actual => "actual",
        Basis::Estimate => "estimate",
        Basis::Claim => "claim",
    }
}

/// "2025 plan", "FY2025 plan", "Q1 2025", "2025–2027", in the page's words. Fiscal years
/// have their own templates ("{year}财年计划"), so no language has to glue "FY" onto a
/// template that already says "year".
pub fn period_label(p: &Period, view: &View) -> String {
    let year = p.end.to_string();
    let start = p.start.to_string();
    let part = p.part.as_deref().unwrap_or("");
    match p.kind {
        PeriodKind::CalendarYear | PeriodKind::FiscalYear | PeriodKind::Point => {
            let fiscal = if p.fiscal_year_end.is_some() {
                "fiscal_"
            } else {
                ""
            };
            view.fill(
                &format!("series.{fiscal}{}", basis_key(p.basis)),
                &[("year", &year)],
            )
        }
        PeriodKind::Quarter => view.fill("series.quarter", &[("year", &year), ("part", part)]),
        PeriodKind::Half => view.fill("series.half", &[("year", &year), ("part", part)]),
        PeriodKind::YearToDate => view.fill("series.ytd", &[("year", &year)]),
        PeriodKind::MultiYear => {
            view.fill("series.multi_year", &[("start", &start), ("end", &year)])
        }
        PeriodKind::Cumulative => view.fill("series.cumulative", &[("year", &year)]),
        PeriodKind::Annualized => view.fill("series.annualized", &[("year", &year)]),
    }
}

/// The unit caption's text key: money in the reader's currency, else the facts' own unit.
fn caption_key(money: bool, view: &View, ds: &Dataset, def: &ChartDef) -> &'static str {
    if money {
        return view.money_caption(view.currency);
    }
    match def.facts.iter().find_map(|id| ds.fact(id)).map(|f| f.unit) {
        Some(Unit::Percent) => "unit.percent",
        Some(Unit::Multiple) => "unit.multiple",
        Some(Unit::Gw) => "unit.gw",
        _ => "unit.count",
    }
}

/// Breaks a long group label onto two lines so phone-width charts stay legible: at the
/// space nearest the middle, or (Chinese, no spaces) in the middle of a label over 6 characters.
fn wrap(label: &str, lang: Lang) -> String {
    let chars: Vec<char> = label.chars().collect();
    let middle = chars.len() / 2;
    match lang {
        Lang::En if chars.len() > 12 => chars
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == ' ')
            .min_by_key(|(i, _)| i.abs_diff(middle))
            .map_or_else(
                || label.to_string(),
                |(i, _)| {
                    format!(
                        "{}\n{}",
                        chars[..i].iter().collect::<String>(),
                        chars[i + 1..].iter().collect::<String>()
                    )
                },
            ),
        Lang::ZhHans | Lang::ZhHant if chars.len() > 6 && !label.contains(' ') => {
            format!(
                "{}\n{}",
                chars[..middle].iter().collect::<String>(),
                chars[middle..].iter().collect::<String>()
            )
        }
        _ => label.to_string(),
    }
}
