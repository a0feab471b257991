//! Builds a dataset chart (grouped bars) from its definition in the data file: one bar per
//! fact, grouped and coloured by entity, period or metric, money converted to the reader's
//! currency at the official reference rate of the figure's year.
//!
//! A chart that holds both the articles' figures and public records draws one set as bars
//! and the other as faint markers over the same positions ([`Figures`]); the layout is the
//! same either way, so switching moves no bar. Plans are outlined and carry their "as of"
//! month; an article's figure on another definition than the chart's carries "≠" and that
//! definition's short name. Totals
//! over several years are left to the chart's pledge strip.

use std::collections::HashMap;

use super::spec::{Bar, BarChart, BarGroup, BarKind, Fill, Marker, Series};
use super::view::View;
use crate::data::{
    is_pledge, Basis, ChartAxis, ChartDef, Dataset, Fact, Grade, LocalizedText, Period, PeriodKey,
    PeriodKind, Unit,
};

/// Which set of figures a comparison chart draws as bars; the other set shows as markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Figures {
    /// The companies' reported figures (public records), on the chart's one definition.
    #[default]
    Reported,
    /// What the articles said.
    Articles,
}

impl Figures {
    /// `"reported"` or `"articles"`.
    pub fn parse(text: &str) -> Option<Figures> {
        match text {
            "reported" => Some(Figures::Reported),
            "articles" => Some(Figures::Articles),
            _ => None,
        }
    }
}

/// Marks an article's figure on another definition than the chart's.
const OTHER_DEFINITION: &str = "≠";

/// One drawn fact and where it goes.
struct Placed<'a> {
    fact: &'a Fact,
    group: usize,
    series: usize,
    /// Whether it is a public record (else an article's figure).
    record: bool,
}

/// The bar chart for `def`, drawing `figures` as bars when the chart holds both sets. Facts
/// missing from the dataset are skipped (validation reports them); an empty definition gives
/// an empty chart.
pub fn dataset_chart(ds: &Dataset, def: &ChartDef, view: &View, figures: Figures) -> BarChart {
    let facts: Vec<&Fact> = def
        .facts
        .iter()
        .filter_map(|id| ds.fact(id))
        .filter(|f| !is_pledge(f))
        .collect();
    let money = facts.first().is_some_and(|f| f.unit.currency().is_some());
    let is_record = |f: &Fact| ds.is_public_record(f);
    let both = facts.iter().any(|f| is_record(f)) && facts.iter().any(|f| !is_record(f));
    let drawn_as_bar = |record: bool| !both || record == (figures == Figures::Reported);

    let mut groups: Vec<(String, String)> = Vec::new();
    let mut series: Vec<(String, Series)> = Vec::new();
    let mut placed: Vec<Placed<'_>> = Vec::new();
    for fact in facts {
        let series_index = index_of(&mut series, axis_key(fact, def.series_by), || Series {
            label: axis_label(ds, fact, def.series_by, view),
            color: 0,
            fill: if fact.period.basis == Basis::Plan {
                Fill::Outline
            } else {
                Fill::Solid
            },
        });
        let group_index = index_of(&mut groups, axis_key(fact, def.group_by), || {
            axis_label(ds, fact, def.group_by, view)
        });
        placed.push(Placed {
            fact,
            group: group_index,
            series: series_index,
            record: is_record(fact),
        });
    }

    if def.series_by == ChartAxis::Period {
        sort_chronologically(&mut series, &mut placed);
    }

    // Each (group, series) cell is as wide as the larger of its two sets, in either mode.
    let mut width: HashMap<(usize, usize), usize> = HashMap::new();
    for set in [true, false] {
        let mut counts: HashMap<(usize, usize), usize> = HashMap::new();
        for p in placed.iter().filter(|p| p.record == set || !both) {
            *counts.entry((p.group, p.series)).or_default() += 1;
        }
        for (cell, n) in counts {
            let w = width.entry(cell).or_default();
            *w = (*w).max(n);
        }
    }
    let chart_measure = chart_measures(&placed, def);
    // Companies on one axis, each on its own definition: the definition goes under the name.
    let per_group = matches!(def.group_by, ChartAxis::Entity | ChartAxis::EntityMetric)
        && distinct(chart_measure.values().copied()) > 1;
    let group_measure = |gi: usize| {
        placed
            .iter()
            .filter(|p| p.group == gi)
            .find_map(|p| chart_measure.get(&def.comparison_key(p.fact)))
            .and_then(|id| ds.measures.iter().find(|m| m.id == *id))
            .map(|m| m.short.get(view.lang).to_string())
    };
    let mut bar_groups: Vec<BarGroup> = groups
        .into_iter()
        .enumerate()
        .map(|(gi, (_, label))| BarGroup {
            label: match group_measure(gi) {
                Some(short) if per_group => format!("{label}\n{short}"),
                _ => label,
            },
            slots: 0,
            bars: Vec::new(),
            markers: Vec::new(),
        })
        .collect();
    let mut cell_start: HashMap<(usize, usize), usize> = HashMap::new();
    for (gi, group) in bar_groups.iter_mut().enumerate() {
        for si in 0..series.len() {
            if let Some(w) = width.get(&(gi, si)) {
                cell_start.insert((gi, si), group.slots);
                group.slots += w;
            }
        }
    }
    let mut used: HashMap<(usize, usize), usize> = HashMap::new();
    for p in &placed {
        let Some((value, high)) = plotted(ds, p.fact, money, view) else {
            continue;
        };
        let cell = (p.group, p.series);
        let start = cell_start.get(&cell).copied().unwrap_or(0);
        let group = &mut bar_groups[p.group];
        if drawn_as_bar(p.record) {
            let n = used.entry(cell).or_default();
            let other_definition = (!p.record
                && chart_measure
                    .get(&def.comparison_key(p.fact))
                    .is_some_and(|m| p.fact.measure.as_deref() != Some(*m)))
            .then(|| measure_short(ds, p.fact, view).unwrap_or_default());
            group.bars.push(Bar {
                series: p.series,
                value,
                high,
                kind: bar_kind(ds, p.fact),
                mark: p.fact.id.clone(),
                slot: start + *n,
                label: bar_label(p.fact, other_definition.as_deref(), view),
            });
            *n += 1;
        } else {
            group.markers.push(Marker {
                series: p.series,
                value: high.map_or(value, |h| (value + h) / 2.0),
                from: start,
                span: width.get(&cell).copied().unwrap_or(1),
                mark: p.fact.id.clone(),
            });
        }
    }
    let series = series
        .into_iter()
        .enumerate()
        .map(|(i, (_, s))| Series { color: i, ..s })
        .collect();
    BarChart {
        y_caption: caption(
            ds,
            def,
            &placed,
            money,
            view,
            both.then_some(figures),
            per_group,
        ),
        series,
        groups: bar_groups,
        marker_label: both.then(|| {
            view.word(match figures {
                Figures::Reported => "figures.marker_articles",
                Figures::Articles => "figures.marker_reported",
            })
            .to_string()
        }),
        label_every: 1,
        ticks: if money {
            view.money_ticks()
        } else {
            view.number_ticks()
        },
    }
}

/// Orders period series by time: by year, actuals before estimates, claims and plans, and a
/// calendar year before a fiscal one; `placed` follows the new order.
fn sort_chronologically(series: &mut Vec<(String, Series)>, placed: &mut [Placed<'_>]) {
    let rank = |p: &Period| {
        let basis = match p.basis {
            Basis::Actual => 0,
            Basis::Estimate => 1,
            Basis::Claim => 2,
            Basis::Plan => 3,
        };
        let fiscal = match (p.kind, &p.fiscal_year_end) {
            (PeriodKind::FiscalYear, None) => 2,
            (_, Some(_)) => 1,
            _ => 0,
        };
        (p.end, p.start, p.part.clone(), basis, fiscal)
    };
    let mut order: Vec<usize> = (0..series.len()).collect();
    let key = |si: usize| {
        placed
            .iter()
            .find(|p| p.series == si)
            .map(|p| rank(&p.fact.period))
    };
    crate::sort::insertion_sort_by(&mut order, |&a, &b| key(a) < key(b));
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for p in placed.iter_mut() {
        p.series = new_index[p.series];
    }
    let mut old: Vec<Option<(String, Series)>> = series.drain(..).map(Some).collect();
    series.extend(order.iter().filter_map(|&si| old[si].take()));
}

/// The public records' measure in each comparison (the validator makes it one each).
fn chart_measures<'a>(placed: &[Placed<'a>], def: &ChartDef) -> HashMap<String, &'a str> {
    let mut measures = HashMap::new();
    for p in placed.iter().filter(|p| p.record) {
        if let Some(m) = p.fact.measure.as_deref() {
            measures.entry(def.comparison_key(p.fact)).or_insert(m);
        }
    }
    measures
}

fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.len()
}

/// The unit, and the definition when every bar shares one: "US$ bn · purchases of property
/// and equipment"; when each company has its own, that it is named under the company;
/// articles' figures on mixed definitions say so instead.
fn caption(
    ds: &Dataset,
    def: &ChartDef,
    placed: &[Placed<'_>],
    money: bool,
    view: &View,
    figures: Option<Figures>,
    per_group: bool,
) -> String {
    let unit = view.word(caption_key(money, view, ds, def)).to_string();
    let shown: Vec<&Placed<'_>> = placed
        .iter()
        .filter(|p| match figures {
            Some(Figures::Reported) => p.record,
            Some(Figures::Articles) => !p.record,
            None => true,
        })
        .collect();
    let first = shown.first().and_then(|p| p.fact.measure.as_deref());
    let one_measure = shown.iter().all(|p| p.fact.measure.as_deref() == first);
    let definition = match (first, one_measure) {
        (Some(id), true) => ds
            .measures
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.get(view.lang).to_string()),
        _ if per_group && figures != Some(Figures::Articles) => {
            Some(view.word("figures.per_company").to_string())
        }
        // Each bar names its own metric; the page may still say what they all measure.
        _ if def.names_metric() => view
            .word_if_any(&format!("axis.{}", def.id))
            .map(str::to_string),
        _ => Some(view.word("figures.mixed_definitions").to_string()),
    };
    match definition {
        Some(d) if unit.is_empty() => d,
        Some(d) => format!("{unit} · {d}"),
        None => unit,
    }
}

/// The short name of `fact`'s measure ("Intelligent Cloud"), when the data names one.
fn measure_short(ds: &Dataset, fact: &Fact, view: &View) -> Option<String> {
    let id = fact.measure.as_deref()?;
    ds.measures
        .iter()
        .find(|m| m.id == id)
        .map(|m| m.short.get(view.lang).to_string())
}

/// A plan's "as of" month, and for an article's figure on another definition "≠" with that
/// definition's short name, so the reader sees without hovering that the bar measures
/// something else ("≠ Intelligent Cloud" beside Azure).
fn bar_label(fact: &Fact, other_definition: Option<&str>, view: &View) -> Option<String> {
    let as_of = (fact.period.basis == Basis::Plan)
        .then(|| fact.as_of.as_deref().map(|m| as_of_label(m, view)))
        .flatten();
    let other =
        other_definition.map(|short| format!("{OTHER_DEFINITION} {short}").trim_end().to_string());
    match (other, as_of) {
        (Some(other), Some(month)) => Some(format!("{other} {month}")),
        (Some(other), None) => Some(other),
        (None, month) => month,
    }
}

/// `2025-02` as the page writes a month: "Feb '25", "25年2月".
fn as_of_label(month: &str, view: &View) -> String {
    let (year, number) = month.split_once('-').unwrap_or((month, ""));
    let number = number.trim_start_matches('0');
    let short_year = year.get(2..).unwrap_or(year);
    view.fill(
        "figures.as_of",
        &[
            ("month", view.word(&format!("month.{number}"))),
            ("yy", short_year),
        ],
    )
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
    let convert = |v: f64| {
        ds.money_bn_of(fact, v, view.currency)
            .map(|x| x * view.money_factor())
    };
    Some((convert(fact.value)?, fact.value_high.and_then(convert)))
}

fn bar_kind(ds: &Dataset, fact: &Fact) -> BarKind {
    if ds.effective_grade(fact) == Grade::D {
        BarKind::Flagged
    } else if fact.period.basis == Basis::Plan {
        BarKind::Plan
    } else {
        BarKind::Solid
    }
}

/// Facts share a group or colour when they share this key: periods by their whole key, so
/// "2025 plan" from two articles is one colour and "FY2025 plan" another.
fn axis_key(fact: &Fact, axis: ChartAxis) -> String {
    match axis {
        ChartAxis::Entity => fact.entity.clone(),
        ChartAxis::Metric => fact.metric.clone(),
        ChartAxis::EntityMetric => format!("{} {}", fact.entity, fact.metric),
        ChartAxis::Period => format!("{:?}", PeriodKey::of(&fact.period)),
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
        ChartAxis::EntityMetric => format!(
            "{}\n{}",
            axis_label(ds, fact, ChartAxis::Entity, view),
            axis_label(ds, fact, ChartAxis::Metric, view)
        ),
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

/// "2025 plan", "FY2025 plan", "Q1 2025", "2025–2027", "12 months to Sep 2025", in the page's
/// words. Fiscal years
/// have their own templates ("{year}财年计划"), so no language has to glue "FY" onto a
/// template that already says "year".
pub fn period_label(p: &Period, view: &View) -> String {
    let year = p.end.to_string();
    let start = p.start.to_string();
    let part = p.part.as_deref().unwrap_or("");
    match p.kind {
        PeriodKind::CalendarYear | PeriodKind::FiscalYear | PeriodKind::Point => {
            // A total over several companies' own fiscal years has no one year end.
            let fiscal = match (p.kind, &p.fiscal_year_end) {
                (_, Some(_)) => "fiscal_",
                (PeriodKind::FiscalYear, None) => "fiscal_mixed_",
                _ => "",
            };
            // A company's own fiscal year names the month it ends: a chart travels without
            // its table ("FY2025 (to Jun)").
            let month = p.fiscal_year_end.as_deref().map_or(String::new(), |m| {
                view.word(&format!("month.{}", m.trim_start_matches('0')))
                    .to_string()
            });
            view.fill(
                &format!("series.{fiscal}{}", basis_key(p.basis)),
                &[("year", &year), ("month", &month)],
            )
        }
        PeriodKind::Quarter => view.fill("series.quarter", &[("year", &year), ("part", part)]),
        PeriodKind::Half => view.fill("series.half", &[("year", &year), ("part", part)]),
        PeriodKind::YearToDate if !part.is_empty() => {
            view.fill("series.ytd_quarters", &[("year", &year), ("part", part)])
        }
        PeriodKind::YearToDate => view.fill("series.ytd", &[("year", &year)]),
        PeriodKind::MultiYear => {
            view.fill("series.multi_year", &[("start", &start), ("end", &year)])
        }
        PeriodKind::Cumulative => view.fill("series.cumulative", &[("year", &year)]),
        PeriodKind::TrailingTwelveMonths => {
            let month = p.end_month.as_deref().unwrap_or("").trim_start_matches('0');
            view.fill(
                "series.trailing_12_months",
                &[
                    ("month", view.word(&format!("month.{month}"))),
                    ("year", &year),
                ],
            )
        }
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
