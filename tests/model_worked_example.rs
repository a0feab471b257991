//! A second, plain implementation of the what-if model (tests/plain_model/, written from
//! `docs/MODEL.md` §3) checked against the engine, plus a check of every figure of the worked
//! example (§4) and of the slider scans §5 quotes.
//!
//! Nothing in the plain model reuses the engine's code. The crate is used only for the
//! reference result ([`project`]), the scenarios ([`Scenario`], [`Preset`]), the published
//! input table ([`input_spec`]: a slider's range and step) and the published constants
//! ([`calibration`](ai_capex_explainer::model::calibration)).

mod plain_model;

use std::collections::BTreeMap;

use ai_capex_explainer::model::calibration::*;
use ai_capex_explainer::model::{input_spec, project, Preset, Projection, Scenario};
use plain_model::*;

// ---- Comparison with the engine ----------------------------------------------------------

/// Equal within a relative 1e-9 (of the larger, and at least of 1, i.e. US$/¥ 1 when the
/// figure is in bn: a capex of zero in one and 1e-13 in the other is equal).
fn assert_close(what: &str, plain: f64, engine: f64) {
    let tolerance = 1e-9 * plain.abs().max(engine.abs()).max(1.0);
    assert!(
        (plain - engine).abs() <= tolerance,
        "{what}: plain {plain} vs engine {engine}"
    );
}

fn word<T: std::fmt::Debug>(x: T) -> String {
    format!("{x:?}").to_lowercase()
}

fn assert_measure(what: &str, plain: &Measure, engine: &ai_capex_explainer::model::Measure) {
    assert_close(
        &format!("{what} PV operating cash"),
        plain.pv_operating_cash,
        engine.pv_operating_cash,
    );
    assert_close(&format!("{what} PV capex"), plain.pv_capex, engine.pv_capex);
    assert_close(
        &format!("{what} value per unit invested"),
        plain.value_per_capex,
        engine.value_per_capex,
    );
    assert_close(&format!("{what} NPV"), plain.npv, engine.npv);
}

fn assert_same_as_engine(s: &Scenario) {
    let engine: Projection = project(s).expect("a valid scenario");
    let plain = plain(s);
    let w = &plain.world;
    assert_eq!(engine.years.len(), YEARS);
    for (k, row) in engine.years.iter().enumerate() {
        assert_eq!(row.year, FIRST_YEAR + k as i32);
        let sides = [
            ("sprint", &w.sprint, &w.sprint_prize, &row.sprint),
            ("marathon", &w.marathon, &w.sprint_prize, &row.marathon),
            ("paced", &w.paced, &w.paced_prize, &row.paced),
        ];
        for (name, p, z, e) in sides {
            let at = |q: &str| format!("{name} {q} {}", row.year);
            let side = side_index(p.who);
            assert_close(&at("capex"), p.capex[k], e.capex);
            assert_close(&at("capacity"), p.capacity[k], e.capacity);
            assert_close(&at("demand"), p.demand[k], e.demand);
            assert_close(&at("revenue"), p.revenue[k], e.revenue);
            assert_close(&at("running costs"), p.running[k], e.running_costs);
            assert_close(&at("prize revenue"), z.revenue(p.who, k), e.prize_revenue);
            assert_close(
                &at("operating cash"),
                operating_cash(p, z, k),
                e.operating_cash,
            );
            assert_close(&at("price index"), w.market.price[side][k], e.price_index);
            let held = p.held[k];
            assert_eq!(
                (held.power, held.funding, held.chips),
                (e.limits.power, e.limits.funding, e.limits.chips),
                "{}: limits (power, funding, chips)",
                at("")
            );
        }
        assert_close(
            &format!("sprint prize share {}", row.year),
            w.sprint_prize.us_share[k],
            row.sprint_prize_share,
        );
        assert_close(
            &format!("sprint race compute {}", row.year),
            w.sprint.race[k],
            row.sprint_race_compute,
        );
        assert_close(
            &format!("marathon race compute {}", row.year),
            w.marathon.race[k],
            row.marathon_race_compute,
        );
    }

    assert_measure("sprint", &w.m_sprint, &engine.verdict.sprint);
    assert_measure("marathon", &w.m_marathon, &engine.verdict.marathon);
    assert_measure("paced", &w.m_paced, &engine.incremental.paced);
    assert_eq!(
        word(engine.verdict.leader),
        leader(w.m_sprint.value_per_capex, w.m_marathon.value_per_capex)
    );
    let ratio = engine.verdict.ratio.expect("a positive marathon measure");
    assert_close(
        "ratio",
        w.m_sprint.value_per_capex / w.m_marathon.value_per_capex,
        ratio,
    );
    let inc = &engine.incremental;
    assert_close("extra NPV", w.m_sprint.npv - w.m_paced.npv, inc.extra_npv);
    assert_close(
        "extra PV capex",
        w.m_sprint.pv_capex - w.m_paced.pv_capex,
        inc.extra_pv_capex,
    );
    assert_close(
        "extra PV operating cash",
        w.m_sprint.pv_operating_cash - w.m_paced.pv_operating_cash,
        inc.extra_pv_operating_cash,
    );

    let be = &engine.break_even;
    assert_eq!(be.by_agi_year.len(), plain.scan.len());
    for (pt, ours) in be.by_agi_year.iter().zip(&plain.scan) {
        assert_eq!(pt.agi_year, ours.year);
        assert_eq!(word(pt.leader), ours.leader, "leader, AGI {}", ours.year);
        let at = |q: &str| format!("{q}, AGI {}", ours.year);
        assert_close(
            &at("sprint value per unit invested"),
            ours.sprint_value_per_capex,
            pt.sprint_value_per_capex,
        );
        assert_close(
            &at("marathon value per unit invested"),
            ours.marathon_value_per_capex,
            pt.marathon_value_per_capex,
        );
        assert_close(&at("extra NPV"), ours.extra_npv, pt.extra_npv);
    }
    let kind_year = |t: &ai_capex_explainer::model::Threshold| (word(t.kind), t.year);
    let ours = |t: (&str, Option<i32>)| (t.0.to_string(), t.1);
    assert_eq!(
        kind_year(&be.against_marathon),
        ours(plain.against_marathon)
    );
    assert_eq!(kind_year(&be.against_paced), ours(plain.against_paced));
    assert_eq!(word(be.without_agi), plain.without_agi_leader);
    assert_close(
        "extra NPV without AGI",
        plain.without_agi_extra_npv,
        be.without_agi_extra_npv,
    );

    let leader_at = |year: i32| {
        plain
            .scan
            .iter()
            .find(|p| p.year == year)
            .map(plain_model::claim_leader)
    };
    assert_eq!(
        Some(word(engine.claim.early_leader).as_str()),
        leader_at(2028)
    );
    assert_eq!(
        Some(word(engine.claim.late_leader).as_str()),
        leader_at(2035)
    );
    assert_eq!(
        engine.claim.holds,
        leader_at(2028) == Some("sprint") && leader_at(2035) == Some("marathon")
    );

    assert_close(
        "payback capital charge",
        plain.payback_capital_charge,
        engine.payback.yearly_capital_charge,
    );
    assert_close(
        "payback required revenue",
        plain.payback_required_revenue,
        engine.payback.required_revenue,
    );
}

#[test]
fn the_plain_implementation_matches_the_engine_at_the_defaults() {
    assert_same_as_engine(&Scenario::default());
}

#[test]
fn the_plain_implementation_matches_the_engine_with_agi_in_2028() {
    let mut s = Scenario::default();
    s.set("agi_year", "2028").expect("2028 is a valid AGI year");
    assert_same_as_engine(&s);
}

#[test]
fn the_plain_implementation_matches_the_engine_without_agi() {
    assert_same_as_engine(&Scenario::preset(Preset::NoAgi));
}

/// AGI in the last year: the sprint's over-built fleet leaves it nothing to buy in 2060, so
/// the terminal value carries on its installed base's depreciation instead of 2060's capex.
#[test]
fn the_plain_implementation_matches_the_engine_with_agi_in_2060() {
    let mut s = Scenario::default();
    s.set("agi_year", "2060").expect("2060 is a valid AGI year");
    let last = project(&s).expect("a valid scenario").years.last().copied();
    assert_eq!(
        last.map(|y| y.sprint.capex),
        Some(0.0),
        "the sprint should buy nothing in 2060"
    );
    assert_same_as_engine(&s);
}

/// The price war: both floors and the US following China in logarithms.
#[test]
fn the_plain_implementation_matches_the_engine_in_a_price_war() {
    assert_same_as_engine(&Scenario::preset(Preset::PriceWar));
    let mut s = Scenario::default();
    for (field, value) in [("price_cut", "40"), ("demand_growth", "60")] {
        s.set(field, value).expect("a valid value");
    }
    assert_same_as_engine(&s);
}

/// Every limit binding: a tight grid, little patience, few chips, late AGI (also the last
/// AGI year, where the catch-up falls after 2060); then a grid wide enough for funding to hold
/// the paced path back.
#[test]
fn the_plain_implementation_matches_the_engine_where_every_limit_binds() {
    let set = |pairs: &[(&str, &str)]| {
        let mut s = Scenario::default();
        for (field, value) in pairs {
            s.set(field, value).expect("a valid value");
        }
        s
    };
    let binds = |s: &Scenario, limit: fn(&ai_capex_explainer::model::YearRow) -> bool| {
        project(s)
            .expect("a valid scenario")
            .years
            .iter()
            .any(limit)
    };
    let mut tight = set(&[
        ("us_power_growth", "5"),
        ("us_patience", "0.3"),
        ("cn_chip_growth", "5"),
        ("agi_year", "2045"),
        ("winner_take_all", "6.5"),
        ("catch_up_lag", "7"),
    ]);
    assert!(binds(&tight, |y| y.sprint.limits.power && y.paced.limits.power));
    assert!(binds(&tight, |y| y.sprint.limits.funding));
    assert!(binds(&tight, |y| y.marathon.limits.chips));
    assert_same_as_engine(&tight);
    tight.set("agi_year", "2060").expect("a valid AGI year");
    assert_same_as_engine(&tight);

    let ample_grid = set(&[
        ("us_power_growth", "50"),
        ("us_patience", "0"),
        ("demand_growth", "60"),
    ]);
    assert!(binds(&ample_grid, |y| y.paced.limits.funding));
    assert_same_as_engine(&ample_grid);
}

// ---- The worked example of docs/MODEL.md §4 ----------------------------------------------

/// A figure of the worked example: a number or a word.
#[derive(Debug, Clone, PartialEq)]
enum Figure {
    Number(f64),
    Word(String),
}

/// Every figure the worked example may quote, by its name in the ```worked-example block.
fn named_figures(p: &Plain) -> BTreeMap<String, Figure> {
    let w = &p.world;
    let mut out = BTreeMap::new();
    let mut number = |name: String, x: f64| {
        out.insert(name, Figure::Number(x));
    };
    for (side, who) in [("us", Who::Us), ("cn", Who::Cn)] {
        let st = start(who);
        number(format!("{side}_revenue_2025"), st.revenue);
        number(format!("{side}_capex_2025"), st.capex);
        number(format!("{side}_installed_base_2025"), st.base);
        number(format!("{side}_capex_per_capacity"), 1.0 / st.kappa);
        number(format!("{side}_cash_margin"), st.cash_margin);
        number(format!("{side}_running_costs_2025"), st.running);
        number(format!("{side}_price_floor"), price_floor(&st));
    }
    number(
        "capital_recovery_factor".into(),
        capital_recovery(p.inputs.r),
    );
    let paths = [
        ("sprint", &w.sprint, &w.sprint_prize),
        ("marathon", &w.marathon, &w.sprint_prize),
        ("paced", &w.paced, &w.paced_prize),
    ];
    for k in 0..YEARS {
        let year = FIRST_YEAR + k as i32;
        for (name, path, z) in paths {
            let side = side_index(path.who);
            number(format!("{name}_capex_{year}"), path.capex[k]);
            number(format!("{name}_capacity_{year}"), path.capacity[k]);
            number(format!("{name}_demand_{year}"), path.demand[k]);
            number(format!("{name}_revenue_{year}"), path.revenue[k]);
            number(format!("{name}_running_costs_{year}"), path.running[k]);
            number(
                format!("{name}_prize_revenue_{year}"),
                z.revenue(path.who, k),
            );
            number(
                format!("{name}_operating_cash_{year}"),
                operating_cash(path, z, k),
            );
            number(
                format!("{name}_price_index_{year}"),
                w.market.price[side][k],
            );
        }
        number(
            format!("sprint_prize_share_{year}"),
            w.sprint_prize.us_share[k],
        );
        number(
            format!("paced_prize_share_{year}"),
            w.paced_prize.us_share[k],
        );
        number(format!("prize_pool_{year}"), w.sprint_prize.pool[k]);
        number(format!("sprint_race_compute_{year}"), w.sprint.race[k]);
        number(format!("marathon_race_compute_{year}"), w.marathon.race[k]);
    }
    for (name, m) in [
        ("sprint", &w.m_sprint),
        ("marathon", &w.m_marathon),
        ("paced", &w.m_paced),
    ] {
        number(format!("{name}_pv_operating_cash"), m.pv_operating_cash);
        number(format!("{name}_pv_capex"), m.pv_capex);
        number(format!("{name}_value_per_capex"), m.value_per_capex);
        number(format!("{name}_npv"), m.npv);
    }
    number(
        "ratio".into(),
        w.m_sprint.value_per_capex / w.m_marathon.value_per_capex,
    );
    number("extra_npv".into(), w.m_sprint.npv - w.m_paced.npv);
    number(
        "extra_pv_capex".into(),
        w.m_sprint.pv_capex - w.m_paced.pv_capex,
    );
    number(
        "extra_pv_operating_cash".into(),
        w.m_sprint.pv_operating_cash - w.m_paced.pv_operating_cash,
    );
    number("without_agi_extra_npv".into(), p.without_agi_extra_npv);
    number("payback_capex".into(), BIG4_CAPEX_2025);
    number(
        "payback_yearly_capital_charge".into(),
        p.payback_capital_charge,
    );
    number(
        "payback_required_revenue".into(),
        p.payback_required_revenue,
    );
    for pt in &p.scan {
        number(
            format!("sprint_value_per_capex_agi_{}", pt.year),
            pt.sprint_value_per_capex,
        );
        number(
            format!("marathon_value_per_capex_agi_{}", pt.year),
            pt.marathon_value_per_capex,
        );
        number(format!("extra_npv_agi_{}", pt.year), pt.extra_npv);
    }

    let mut word = |name: &str, x: String| {
        out.insert(name.to_string(), Figure::Word(x));
    };
    word(
        "leader",
        leader(w.m_sprint.value_per_capex, w.m_marathon.value_per_capex).into(),
    );
    let year = |y: Option<i32>| y.map_or("none".to_string(), |y| y.to_string());
    word(
        "break_even_against_marathon_kind",
        p.against_marathon.0.into(),
    );
    word(
        "break_even_against_marathon_year",
        year(p.against_marathon.1),
    );
    word("break_even_against_paced_kind", p.against_paced.0.into());
    word("break_even_against_paced_year", year(p.against_paced.1));
    word("without_agi_leader", p.without_agi_leader.into());
    let leader_at = |y: i32| {
        p.scan
            .iter()
            .find(|pt| pt.year == y)
            .map_or("tie", plain_model::claim_leader)
    };
    word("claim_early_leader", leader_at(2028).into());
    word("claim_late_leader", leader_at(2035).into());
    let holds = leader_at(2028) == "sprint" && leader_at(2035) == "marathon";
    word("claim_holds", holds.to_string());
    out
}

/// The leader against the marathon at each AGI year 2026–2060, then without AGI by 2060.
fn leaders(s: &Scenario) -> Vec<&'static str> {
    let inp = Inputs::of(s);
    (FIRST_YEAR + 1..=LAST_YEAR)
        .map(Some)
        .chain([None])
        .map(|year| {
            let w = world(&inp.with_agi(year));
            leader(w.m_sprint.value_per_capex, w.m_marathon.value_per_capex)
        })
        .collect()
}

/// `2042–2059` for a run of consecutive numbers, else the numbers with spaces; `none` when
/// empty.
fn spans(xs: &[i32]) -> String {
    match xs {
        [] => "none".to_string(),
        [first, .., last] if (last - first) as usize + 1 == xs.len() => format!("{first}–{last}"),
        _ => xs.iter().map(i32::to_string).collect::<Vec<_>>().join(" "),
    }
}

/// §5's slider scans: every step of one input's slider, all else at the defaults. Which steps
/// flip the leader against the marathon at some AGI year 2026–2060 or without AGI, at which
/// AGI years (2061: without AGI), and which of the values `tests/model_properties.rs` probes
/// (eleven evenly spaced steps and the plausible ends) are among those steps.
fn slider_scan(field: &str) -> (String, String, String) {
    let spec = input_spec(field).unwrap_or_else(|| panic!("{field} is not an input"));
    let default = leaders(&Scenario::default());
    let steps = ((spec.max - spec.min) / spec.step).round() as i32;
    let (mut flipping_steps, mut agi_years) = (Vec::new(), Vec::new());
    for i in 0..=steps {
        let x = spec.min + f64::from(i) * spec.step;
        let mut s = Scenario::default();
        s.set(field, &format!("{x}"))
            .unwrap_or_else(|e| panic!("{field} = {x}: {e}"));
        let flipped: Vec<i32> = leaders(&s)
            .iter()
            .zip(&default)
            .zip(FIRST_YEAR + 1..)
            .filter(|((a, b), _)| a != b)
            .map(|(_, year)| year)
            .collect();
        if !flipped.is_empty() {
            flipping_steps.push(x.round() as i32);
            agi_years.extend(flipped);
        }
    }
    agi_years.sort_unstable();
    agi_years.dedup();
    let mut probes: Vec<i32> = (0..=10)
        .map(|i| spec.min + (f64::from(steps) * f64::from(i) / 10.0).round() * spec.step)
        .chain([spec.low, spec.high])
        .map(|x| x.round() as i32)
        .filter(|x| flipping_steps.contains(x))
        .collect();
    probes.sort_unstable();
    probes.dedup();
    (spans(&flipping_steps), spans(&agi_years), spans(&probes))
}

/// The figures of the block: the worked example's, the narrowest margin of the default scan
/// and §5's slider scans.
fn block_figures() -> BTreeMap<String, Figure> {
    let p = plain(&Scenario::default());
    let mut out = named_figures(&p);
    let narrowest = p
        .scan
        .iter()
        .min_by(|a, b| {
            let margin = |x: &ScanPoint| x.sprint_value_per_capex - x.marathon_value_per_capex;
            margin(a).total_cmp(&margin(b))
        })
        .expect("a scan of 35 AGI years");
    out.insert(
        "narrowest_margin_agi_year".into(),
        Figure::Word(narrowest.year.to_string()),
    );
    out.insert(
        "narrowest_margin".into(),
        Figure::Number(narrowest.sprint_value_per_capex - narrowest.marathon_value_per_capex),
    );
    for field in ["price_cut", "cn_chip_growth"] {
        let (steps, years, probes) = slider_scan(field);
        out.insert(
            format!("{field}_steps_that_flip_a_leader"),
            Figure::Word(steps),
        );
        out.insert(format!("{field}_agi_years_flipped"), Figure::Word(years));
        out.insert(
            format!("{field}_probes_that_flip_a_leader"),
            Figure::Word(probes),
        );
    }
    out
}

fn model_md() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/MODEL.md");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The `name = value` lines of the ```worked-example block.
fn worked_example_block(md: &str) -> Vec<(String, String)> {
    let mut lines = md.lines().skip_while(|l| l.trim() != "```worked-example");
    assert!(
        lines.next().is_some(),
        "docs/MODEL.md has no ```worked-example block"
    );
    lines
        .take_while(|l| l.trim() != "```")
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, value) = l
                .split_once('=')
                .unwrap_or_else(|| panic!("not `name = value`: {l}"));
            (name.trim().to_string(), value.trim().to_string())
        })
        .collect()
}

/// Whether `text` (a number written to some decimals) is `x` rounded to those decimals.
fn rounds_to(x: f64, text: &str) -> bool {
    let clean = text.replace([',', ' '], "").replace('−', "-");
    let Ok(written) = clean.parse::<f64>() else {
        return false;
    };
    let decimals = clean.split_once('.').map_or(0, |(_, d)| d.len());
    let half_unit = 0.5 * 10f64.powi(-(decimals as i32));
    (x - written).abs() <= half_unit * (1.0 + 1e-9) + 1e-12 * x.abs()
}

fn check_figure(figures: &BTreeMap<String, Figure>, name: &str, text: &str) -> Result<(), String> {
    match figures.get(name) {
        None => Err(format!(
            "{name}: not a figure the plain implementation knows"
        )),
        Some(Figure::Word(w)) if w == text => Ok(()),
        Some(Figure::Word(w)) => Err(format!("{name} = {text}, but the model says {w}")),
        Some(Figure::Number(x)) if rounds_to(*x, text) => Ok(()),
        Some(Figure::Number(x)) => Err(format!("{name} = {text}, but the model gives {x}")),
    }
}

#[test]
fn every_value_in_the_worked_example_block_matches_the_plain_implementation() {
    let figures = block_figures();
    let block = worked_example_block(&model_md());
    assert!(
        block.len() >= 20,
        "the worked-example block looks truncated"
    );
    let errors: Vec<String> = block
        .iter()
        .filter_map(|(name, text)| check_figure(&figures, name, text).err())
        .collect();
    assert!(errors.is_empty(), "worked example:\n{}", errors.join("\n"));
}

#[test]
fn the_worked_example_block_states_the_headline_results() {
    let block = worked_example_block(&model_md());
    let names: Vec<&str> = block.iter().map(|(n, _)| n.as_str()).collect();
    for needed in [
        "sprint_value_per_capex",
        "marathon_value_per_capex",
        "paced_value_per_capex",
        "ratio",
        "extra_npv",
        "break_even_against_marathon_kind",
        "break_even_against_marathon_year",
        "break_even_against_paced_kind",
        "claim_holds",
        "payback_required_revenue",
        "price_cut_steps_that_flip_a_leader",
        "cn_chip_growth_steps_that_flip_a_leader",
        "cn_chip_growth_probes_that_flip_a_leader",
    ] {
        assert!(names.contains(&needed), "the block does not state {needed}");
    }
}

/// The yearly tables of §4, each after a `<!-- worked-example-table: PATH -->` line, with the
/// columns year, capex, capacity, demand, revenue, running costs, prize revenue, operating
/// cash.
#[test]
fn every_number_in_the_worked_example_tables_matches_the_plain_implementation() {
    const COLUMNS: [&str; 7] = [
        "capex",
        "capacity",
        "demand",
        "revenue",
        "running_costs",
        "prize_revenue",
        "operating_cash",
    ];
    let figures = named_figures(&plain(&Scenario::default()));
    let md = model_md();
    let mut errors = Vec::new();
    let mut tables = 0;
    let mut lines = md.lines();
    while let Some(line) = lines.next() {
        let Some(path) = line
            .trim()
            .strip_prefix("<!-- worked-example-table:")
            .and_then(|rest| rest.strip_suffix("-->"))
            .map(str::trim)
        else {
            continue;
        };
        tables += 1;
        let rows: Vec<Vec<String>> = lines
            .by_ref()
            .skip_while(|l| !l.trim_start().starts_with('|'))
            .take_while(|l| l.trim_start().starts_with('|'))
            .skip(2) // header and rule
            .map(|l| {
                l.trim()
                    .trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            })
            .collect();
        assert_eq!(rows.len(), 6, "the {path} table should show 2025–2030");
        for row in rows {
            assert_eq!(row.len(), 1 + COLUMNS.len(), "{path} row {row:?}");
            for (column, text) in COLUMNS.iter().zip(&row[1..]) {
                let name = format!("{path}_{column}_{}", row[0]);
                if let Err(e) = check_figure(&figures, &name, text) {
                    errors.push(e);
                }
            }
        }
    }
    assert_eq!(
        tables, 3,
        "§4 should have the sprint, marathon and paced tables"
    );
    assert!(
        errors.is_empty(),
        "worked example tables:\n{}",
        errors.join("\n")
    );
}
