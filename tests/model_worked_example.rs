//! A second, plain implementation of the what-if model (tests/plain_model/, written from
//! `docs/MODEL.md` §3) checked against the engine on every yearly series, the measures, the
//! game table and both sides' choice scans; plus a check of every figure of the worked example
//! (§4) against the plain implementation.
//!
//! Nothing in the plain model reuses the engine's code. The crate is used only for the
//! reference result ([`project`]), the scenarios ([`Scenario`], [`Preset`]), the published
//! input table ([`input_spec`]: today's access) and the published constants
//! ([`calibration`](ai_capex_explainer::model::calibration)).

mod plain_model;

use std::collections::BTreeMap;

use ai_capex_explainer::model::calibration::{FIRST_YEAR, LAST_YEAR};
use ai_capex_explainer::model::{
    project, strategy_map, ChoicePoint, Measure as EngineMeasure, Preset, Projection, Scenario,
    SideYear, Strategy,
};
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

fn word<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn strategy(i: usize) -> &'static str {
    ["sprint", "pace"][i]
}

fn assert_measure(what: &str, plain: &Measure, engine: &EngineMeasure) {
    for (name, p, e) in [
        (
            "PV operating cash",
            plain.pv_operating_cash,
            engine.pv_operating_cash,
        ),
        ("PV capex", plain.pv_capex, engine.pv_capex),
        (
            "value per unit",
            plain.value_per_capex,
            engine.value_per_capex,
        ),
        ("NPV", plain.npv, engine.npv),
        (
            "peak funding need",
            plain.peak_funding_need,
            engine.peak_funding_need,
        ),
    ] {
        assert_close(&format!("{what} {name}"), p, e);
    }
}

/// One side's row on one strategy: its own path, with the prize of the pair it plays in (the
/// other side at its best reply).
fn assert_rows(p: &Plain, who: Who, own: usize, rows: &[&SideYear]) {
    let (path, z) = p.round.against_reply(who, own);
    let mut total = 0.0;
    let name = format!("{who:?} {}", strategy(own));
    for (k, e) in rows.iter().enumerate() {
        let at = |q: &str| format!("{name} {q} {}", FIRST_YEAR + k as i32);
        let cash = operating_cash(path, z, k);
        total += cash - path.capex[k];
        assert_close(&at("capex"), path.capex[k], e.capex);
        assert_close(&at("capacity"), path.capacity[k], e.capacity);
        assert_close(&at("demand"), path.demand[k], e.demand);
        assert_close(&at("revenue"), path.revenue[k], e.revenue);
        assert_close(&at("running costs"), path.running[k], e.running_costs);
        assert_close(&at("prize revenue"), z.revenue[who.i()][k], e.prize_revenue);
        assert_close(&at("operating cash"), cash, e.operating_cash);
        assert_close(&at("free cash"), cash - path.capex[k], e.free_cash);
        assert_close(&at("cumulative free cash"), total, e.cumulative_free_cash);
        assert_close(
            &at("price index"),
            p.market.price[who.i()][k],
            e.price_index,
        );
        assert_close(&at("race compute"), path.race[k], e.race_compute);
        let h = path.held[k];
        assert_eq!(
            (h.power, h.funding, h.chips),
            (e.limits.power, e.limits.funding, e.limits.chips),
            "{}: limits (power, funding, chips)",
            at("")
        );
    }
}

fn assert_point(what: &str, plain: &Point, engine: &ChoicePoint) {
    assert_eq!(plain.agi_year, engine.agi_year, "{what}");
    assert_close(
        &format!("{what} sprint minus pace"),
        plain.sprint_minus_pace,
        engine.sprint_minus_pace,
    );
    assert_close(
        &format!("{what} PV capex pacing"),
        plain.scale,
        engine.pv_capex_pacing,
    );
    assert_eq!(plain.call, word(engine.call), "{what} call");
    assert_eq!(
        plain.replies.map(strategy).to_vec(),
        engine.replies.iter().map(word).collect::<Vec<_>>(),
        "{what} replies"
    );
}

fn assert_same_as_engine(s: &Scenario) {
    let e: Projection = project(s).expect("a valid scenario");
    let p = plain(s);
    let r = &p.round;

    assert_eq!(e.years.len(), SHOWN);
    for (k, row) in e.years.iter().enumerate() {
        assert_eq!(row.year, FIRST_YEAR + k as i32);
    }
    let column = |f: fn(&ai_capex_explainer::model::YearRow) -> &SideYear| {
        e.years.iter().map(f).collect::<Vec<_>>()
    };
    assert_rows(&p, Who::Us, SPRINT, &column(|y| &y.us_sprint));
    assert_rows(&p, Who::Us, PACE, &column(|y| &y.us_pace));
    assert_rows(&p, Who::Cn, SPRINT, &column(|y| &y.cn_sprint));
    assert_rows(&p, Who::Cn, PACE, &column(|y| &y.cn_pace));

    // The game table, cell by cell.
    assert_eq!(e.game.cells.len(), 4);
    for cell in &e.game.cells {
        let (u, c) = (
            (cell.us_strategy == Strategy::Pace) as usize,
            (cell.cn_strategy == Strategy::Pace) as usize,
        );
        let what = format!("{}–{}", strategy(u), strategy(c));
        let sides = [
            ("US", &cell.us, cell.us_npv, cell.us_value_per_unit),
            ("CN", &cell.cn, cell.cn_npv, cell.cn_value_per_unit),
        ];
        for (k, (name, measure, npv, value_per_unit)) in sides.into_iter().enumerate() {
            let plain = &r.measures[u][c][k];
            assert_measure(&format!("{what} {name}"), plain, measure);
            assert_close(&format!("{what} {name} NPV"), plain.npv, npv);
            assert_close(
                &format!("{what} {name} value per unit"),
                plain.value_per_capex,
                value_per_unit,
            );
        }
        let t = r.times[u][c];
        assert_eq!(
            cell.effective_agi_year,
            t.map(|t| FIRST_YEAR + t.floor() as i32),
            "{what} AGI year"
        );
        match (t, cell.effective_agi_date) {
            (Some(t), Some(date)) => {
                assert_close(&format!("{what} AGI date"), FIRST_YEAR as f64 + t, date)
            }
            (t, date) => assert_eq!(t.is_none(), date.is_none(), "{what} AGI date"),
        }
    }
    for (who, responses) in [
        (Who::Us, &e.game.us_best_responses),
        (Who::Cn, &e.game.cn_best_responses),
    ] {
        for (other, br) in responses.iter().enumerate() {
            let (d, scale) = r.response(who, other);
            let what = format!("{who:?} best response to {}", strategy(other));
            assert_eq!(word(br.against), strategy(other), "{what}");
            assert_close(&what, d, br.sprint_minus_pace);
            assert_eq!(
                word(br.best),
                strategy(if d > 0.0 { SPRINT } else { PACE }),
                "{what}"
            );
            assert_eq!(word(br.call), call(d, scale), "{what} call");
        }
    }
    let equilibria: Vec<(String, String)> = e
        .game
        .equilibria
        .iter()
        .map(|q| (word(q.us), word(q.cn)))
        .collect();
    let ours: Vec<(String, String)> = r
        .equilibria()
        .iter()
        .map(|&(u, c)| (strategy(u).to_string(), strategy(c).to_string()))
        .collect();
    assert_eq!(equilibria, ours, "equilibria");
    for (who, dominant) in [(Who::Us, e.game.us_dominant), (Who::Cn, e.game.cn_dominant)] {
        let best = [SPRINT, PACE].map(|o| {
            if r.response(who, o).0 > 0.0 {
                SPRINT
            } else {
                PACE
            }
        });
        let ours = (best[0] == best[1]).then(|| strategy(best[0]).to_string());
        assert_eq!(dominant.map(word), ours, "{who:?} dominant");
    }

    // Each side's choice over every AGI year.
    for (who, choice) in [(Who::Us, &e.us_choice), (Who::Cn, &e.cn_choice)] {
        let scan = &p.scan[who.i()];
        assert_eq!(choice.by_agi_year.len(), scan.len());
        for (ours, theirs) in scan.iter().zip(&choice.by_agi_year) {
            assert_point(&format!("{who:?} AGI {:?}", ours.agi_year), ours, theirs);
        }
        assert_point(
            &format!("{who:?} without AGI"),
            &p.without_agi[who.i()],
            &choice.without_agi,
        );
        let (kind, year) = p.kinds[who.i()];
        assert_eq!(word(choice.kind), kind, "{who:?} kind");
        assert_eq!(choice.break_even_agi_year, year, "{who:?} break-even year");
        let calls: Vec<(i32, &str)> = scan
            .iter()
            .map(|q| (q.agi_year.unwrap_or(0), q.call))
            .collect();
        let theirs: Vec<(i32, i32, String)> = choice
            .runs
            .iter()
            .map(|x| (x.from, x.to, word(x.call)))
            .collect();
        assert_eq!(theirs, runs(&calls), "{who:?} runs");
        let reader = r.agi.map(|a| FIRST_YEAR + a as i32);
        assert_eq!(word(choice.at_agi_year.call), p.call_at(who, reader));
        assert_eq!(
            choice.too_close_to_call,
            p.call_at(who, reader) == "too_close_to_call"
        );
    }

    // The business gap, the claim, the investors' stops, the payback panel.
    let vpu = |u: usize, side: usize| r.measures[u][u][side].value_per_capex;
    assert_close(
        "business gap, both pace",
        vpu(PACE, 0) - vpu(PACE, 1),
        e.business_gap.both_pace,
    );
    assert_close(
        "business gap, both sprint",
        vpu(SPRINT, 0) - vpu(SPRINT, 1),
        e.business_gap.both_sprint,
    );
    assert_close(
        "US cash margin",
        r.paths[PACE][PACE][0].cash_margin,
        e.business_gap.us_cash_margin,
    );
    assert_close(
        "CN cash margin",
        r.paths[PACE][PACE][1].cash_margin,
        e.business_gap.cn_cash_margin,
    );
    let (early, late, none) = (
        p.call_at(Who::Us, Some(2028)),
        p.call_at(Who::Us, Some(2035)),
        p.call_at(Who::Us, None),
    );
    assert_eq!(
        (
            word(e.claim.early),
            word(e.claim.late),
            word(e.claim.without_agi)
        ),
        (early.to_string(), late.to_string(), none.to_string())
    );
    assert_eq!(
        e.claim.holds,
        early == "sprint" && late == "pace" && none == "pace"
    );
    assert_eq!(
        e.sprints_stopped_by_investors.us,
        r.paths[SPRINT][SPRINT][0].stopped
    );
    assert_eq!(
        e.sprints_stopped_by_investors.cn,
        r.paths[SPRINT][SPRINT][1].stopped
    );
    assert_close(
        "payback charge",
        p.payback_capital_charge,
        e.payback.yearly_capital_charge,
    );
    assert_close(
        "payback revenue",
        p.payback_required_revenue,
        e.payback.required_revenue,
    );
}

fn with(pairs: &[(&str, &str)]) -> Scenario {
    let mut s = Scenario::default();
    for (field, value) in pairs {
        s.set(field, value)
            .unwrap_or_else(|e| panic!("{field} = {value}: {e}"));
    }
    s
}

#[test]
fn the_plain_implementation_matches_the_engine_at_the_defaults() {
    assert_same_as_engine(&Scenario::default());
}

#[test]
fn the_plain_implementation_matches_the_engine_in_every_preset() {
    for preset in [
        Preset::Agi3y,
        Preset::Agi10y,
        Preset::NoAgi,
        Preset::PriceWar,
    ] {
        assert_same_as_engine(&Scenario::preset(preset));
    }
}

/// AGI in the last year: the catch-up and the terminal value after it.
#[test]
fn the_plain_implementation_matches_the_engine_with_agi_in_2060() {
    assert_same_as_engine(&with(&[("agi_year", "2060")]));
}

/// The price war to the floor and back, deep enough that the access shares move.
#[test]
fn the_plain_implementation_matches_the_engine_in_a_deep_price_war() {
    assert_same_as_engine(&with(&[
        ("price_cut", "40"),
        ("demand_growth", "60"),
        ("cn_access", "20"),
    ]));
}

/// Every limit binding: a tight grid, little patience, few chips; then open markets, a big
/// prize and both sides sprinting hard with patient investors.
#[test]
fn the_plain_implementation_matches_the_engine_where_every_limit_binds() {
    let tight = with(&[
        ("us_power_growth", "5"),
        ("us_patience", "0.3"),
        ("cn_patience", "0.3"),
        ("cn_chip_growth", "5"),
        ("agi_year", "2045"),
        ("winner_take_all", "6.5"),
        ("catch_up_lag", "7"),
        ("patience_years", "2"),
    ]);
    let rows = project(&tight).expect("valid").years;
    assert!(rows.iter().any(|y| y.us_sprint.limits.power));
    assert!(rows
        .iter()
        .any(|y| y.us_sprint.limits.funding || y.cn_sprint.limits.funding));
    assert!(rows.iter().any(|y| y.cn_sprint.limits.chips));
    assert_same_as_engine(&tight);
    assert_same_as_engine(&with(&[
        ("us_access", "60"),
        ("cn_access", "40"),
        ("agi_prize", "5"),
        ("us_patience", "3"),
        ("cn_patience", "3"),
        ("patience_years", "10"),
        ("cn_compute_per_dollar", "2"),
        ("cn_algorithm_lag", "0"),
        ("agi_year", "2031"),
        ("us_power_growth", "50"),
        ("demand_growth", "60"),
    ]));
}

#[test]
fn the_plain_implementation_matches_the_engine_with_markets_shut() {
    assert_same_as_engine(&with(&[
        ("us_access", "0"),
        ("cn_access", "0"),
        ("agi_year", "2029"),
    ]));
}

/// The prize anchored to world output instead of the AI market.
#[test]
fn the_plain_implementation_matches_the_engine_with_the_world_output_prize() {
    assert_same_as_engine(&with(&[("prize_anchor", "1")]));
    assert_same_as_engine(&with(&[
        ("prize_anchor", "1"),
        ("agi_year", "2028"),
        ("us_access", "30"),
    ]));
}

/// "Compute brings AGI": each pair crosses the paced world's threshold at its own date, within
/// a year; the sprints buy until the start of the year after.
#[test]
fn the_plain_implementation_matches_the_engine_when_compute_brings_agi() {
    for pairs in [
        &[("agi_mode", "1")][..],
        &[("agi_mode", "1"), ("agi_year", "2028")],
        &[
            ("agi_mode", "1"),
            ("agi_year", "2045"),
            ("us_patience", "3"),
            ("patience_years", "10"),
        ],
        &[
            ("agi_mode", "1"),
            ("prize_anchor", "1"),
            ("cn_compute_per_dollar", "2"),
            ("cn_algorithm_lag", "0"),
        ],
        &[("agi_mode", "1"), ("price_cut", "20"), ("agi_year", "2061")],
    ] {
        assert_same_as_engine(&with(pairs));
    }
}

/// The map (§5.4): the US call over AGI year × the prize, each row a plain scan.
#[test]
fn the_plain_implementation_matches_the_engines_map() {
    let s = Scenario::default();
    let map = strategy_map(&s, "agi_prize").expect("a valid map");
    for (row, &value) in map.values.iter().enumerate() {
        let p = plain(&with(&[("agi_prize", &format!("{value}"))]));
        let ours = p.scan[0].iter().chain([&p.without_agi[0]]);
        let cells = &map.cells[row * 36..(row + 1) * 36];
        for (pt, cell) in ours.zip(cells) {
            let what = format!("map, prize {value}, AGI {:?}", pt.agi_year);
            assert_eq!(cell.agi_year, pt.agi_year, "{what}");
            assert_close(&what, pt.sprint_minus_pace, cell.sprint_minus_pace);
            assert_close(&what, pt.scale, cell.pv_capex_pacing);
            assert_eq!(word(cell.call), pt.call, "{what}");
        }
    }
}

// ---- The worked example of docs/MODEL.md §4 ----------------------------------------------

/// A figure of the worked example: a number or a word.
#[derive(Debug, Clone, PartialEq)]
enum Figure {
    Number(f64),
    Word(String),
}

fn side_name(who: Who) -> &'static str {
    match who {
        Who::Us => "us",
        Who::Cn => "cn",
    }
}

fn year_word(y: Option<i32>) -> String {
    y.map_or("none".to_string(), |y| y.to_string())
}

/// Every figure the worked example may quote, by its name in the ```worked-example block.
fn named_figures(p: &Plain) -> BTreeMap<String, Figure> {
    let r = &p.round;
    let mut out = BTreeMap::new();
    let mut number = |name: String, x: f64| {
        out.insert(name, Figure::Number(x));
    };
    let (outside, china) = market_sizes(&p.inputs);
    number("market_outside_china_2025".into(), outside);
    number("market_china_2025".into(), china);
    for who in [Who::Us, Who::Cn] {
        let side = side_name(who);
        let st = start(&p.inputs, who);
        number(format!("{side}_revenue_2025"), st.revenue);
        number(format!("{side}_capex_2025"), st.capex);
        number(format!("{side}_installed_base_2025"), st.base);
        number(format!("{side}_capex_per_capacity"), 1.0 / st.kappa);
        number(format!("{side}_cash_margin"), st.cash_margin);
        number(format!("{side}_running_costs_2025"), st.running);
        number(format!("{side}_price_floor"), 1.0 - st.cash_margin);
        let sd = p.inputs.side(who);
        number(
            format!("{side}_race_scale"),
            sd.race_scope
                * sd.compute_per_dollar
                * ai_capex_explainer::model::calibration::ALGORITHMIC_GAIN
                    .value
                    .powf(-sd.algorithm_lag)
                / fx(who),
        );
        for own in [SPRINT, PACE] {
            let (path, z) = r.against_reply(who, own);
            let name = format!("{side}_{}", strategy(own));
            for k in 0..SHOWN {
                let year = FIRST_YEAR + k as i32;
                number(format!("{name}_capex_{year}"), path.capex[k]);
                number(format!("{name}_capacity_{year}"), path.capacity[k]);
                number(format!("{name}_demand_{year}"), path.demand[k]);
                number(format!("{name}_revenue_{year}"), path.revenue[k]);
                number(format!("{name}_running_costs_{year}"), path.running[k]);
                number(
                    format!("{name}_prize_revenue_{year}"),
                    z.revenue[who.i()][k],
                );
                number(
                    format!("{name}_operating_cash_{year}"),
                    operating_cash(path, z, k),
                );
                number(format!("{name}_race_compute_{year}"), path.race[k]);
            }
        }
    }
    number(
        "capital_recovery_factor".into(),
        capital_recovery(p.inputs.r),
    );
    for u in [SPRINT, PACE] {
        for c in [SPRINT, PACE] {
            let pair = format!("{}_{}", strategy(u), strategy(c));
            for (side, m) in [("us", &r.measures[u][c][0]), ("cn", &r.measures[u][c][1])] {
                number(format!("{pair}_{side}_npv"), m.npv);
                number(format!("{pair}_{side}_pv_capex"), m.pv_capex);
                number(
                    format!("{pair}_{side}_pv_operating_cash"),
                    m.pv_operating_cash,
                );
                number(format!("{pair}_{side}_value_per_unit"), m.value_per_capex);
                number(
                    format!("{pair}_{side}_peak_funding_need"),
                    m.peak_funding_need,
                );
            }
            number(
                format!("{pair}_us_prize_share_2031"),
                r.prizes[u][c].us_share[6],
            );
        }
    }
    let vpu = |u: usize, side: usize| r.measures[u][u][side].value_per_capex;
    number("business_gap_both_pace".into(), vpu(PACE, 0) - vpu(PACE, 1));
    number(
        "business_gap_both_sprint".into(),
        vpu(SPRINT, 0) - vpu(SPRINT, 1),
    );
    for who in [Who::Us, Who::Cn] {
        let side = side_name(who);
        for (other, against) in [(SPRINT, "sprint"), (PACE, "pace")] {
            let (d, scale) = r.response(who, other);
            number(format!("{side}_sprint_minus_pace_against_{against}"), d);
            number(format!("{side}_band_against_{against}"), 0.05 * scale);
        }
        let (d, scale, _) = r.choice(who);
        number(format!("{side}_choice_sprint_minus_pace"), d);
        number(format!("{side}_choice_band"), 0.05 * scale);
        number(format!("{side}_choice_margin"), d / scale);
        for pt in &p.scan[who.i()] {
            let y = pt.agi_year.unwrap_or(0);
            number(
                format!("{side}_sprint_minus_pace_agi_{y}"),
                pt.sprint_minus_pace,
            );
            number(
                format!("{side}_margin_agi_{y}"),
                pt.sprint_minus_pace / pt.scale,
            );
        }
        let none = &p.without_agi[who.i()];
        number(
            format!("{side}_sprint_minus_pace_without_agi"),
            none.sprint_minus_pace,
        );
        number(
            format!("{side}_margin_without_agi"),
            none.sprint_minus_pace / none.scale,
        );
    }
    number("payback_capex".into(), BIG4_CAPEX_2025);
    number(
        "payback_yearly_capital_charge".into(),
        p.payback_capital_charge,
    );
    number(
        "payback_required_revenue".into(),
        p.payback_required_revenue,
    );

    let mut word = |name: String, x: String| {
        out.insert(name, Figure::Word(x));
    };
    let eq: Vec<String> = r
        .equilibria()
        .iter()
        .map(|&(u, c)| format!("{}-{}", strategy(u), strategy(c)))
        .collect();
    word(
        "equilibria".into(),
        if eq.is_empty() {
            "none".into()
        } else {
            eq.join(" ")
        },
    );
    for who in [Who::Us, Who::Cn] {
        let side = side_name(who);
        for (other, against) in [(SPRINT, "sprint"), (PACE, "pace")] {
            let (d, scale) = r.response(who, other);
            word(
                format!("{side}_best_response_to_{against}"),
                strategy(if d > 0.0 { SPRINT } else { PACE }).into(),
            );
            word(
                format!("{side}_call_against_{against}"),
                call(d, scale).into(),
            );
        }
        let (d, scale, replies) = r.choice(who);
        word(format!("{side}_choice_call"), call(d, scale).into());
        word(
            format!("{side}_reply_to_sprint"),
            strategy(replies[0]).into(),
        );
        word(format!("{side}_reply_to_pace"), strategy(replies[1]).into());
        let (kind, year) = p.kinds[who.i()];
        word(format!("{side}_choice_kind"), kind.into());
        word(format!("{side}_break_even_agi_year"), year_word(year));
        let calls: Vec<(i32, &str)> = p.scan[who.i()]
            .iter()
            .map(|q| (q.agi_year.unwrap_or(0), q.call))
            .collect();
        let text: Vec<String> = runs(&calls)
            .iter()
            .map(|(a, b, c)| {
                if a == b {
                    format!("{a} {c}")
                } else {
                    format!("{a}–{b} {c}")
                }
            })
            .collect();
        word(format!("{side}_runs"), text.join(", "));
        word(
            format!("{side}_call_without_agi"),
            p.without_agi[who.i()].call.into(),
        );
        word(
            format!("{side}_sprint_stopped"),
            year_word(r.paths[SPRINT][SPRINT][who.i()].stopped),
        );
    }
    let (early, late, none) = (
        p.call_at(Who::Us, Some(2028)),
        p.call_at(Who::Us, Some(2035)),
        p.call_at(Who::Us, None),
    );
    word("claim_early".into(), early.into());
    word("claim_late".into(), late.into());
    word("claim_without_agi".into(), none.into());
    word(
        "claim_holds".into(),
        (early == "sprint" && late == "pace" && none == "pace").to_string(),
    );
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
    let figures = named_figures(&plain(&Scenario::default()));
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
        "equilibria",
        "us_choice_kind",
        "us_break_even_agi_year",
        "us_runs",
        "cn_choice_kind",
        "cn_break_even_agi_year",
        "us_choice_sprint_minus_pace",
        "us_choice_band",
        "business_gap_both_pace",
        "claim_holds",
        "payback_required_revenue",
    ] {
        assert!(names.contains(&needed), "the block does not state {needed}");
    }
}

/// The yearly tables of §4, each after a `<!-- worked-example-table: PATH -->` line (PATH one
/// of us_sprint, us_pace, cn_sprint, cn_pace), with the columns year, capex, capacity, demand,
/// revenue, running costs, prize revenue, operating cash.
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
    let (mut errors, mut tables) = (Vec::new(), 0);
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
        assert!(
            rows.len() >= 6,
            "the {path} table should show at least six years"
        );
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
        tables, 4,
        "§4 should have a table for each side on each strategy"
    );
    assert!(
        errors.is_empty(),
        "worked example tables:\n{}",
        errors.join("\n")
    );
}

/// Prints every figure at the defaults (`cargo test --test model_worked_example -- --ignored
/// --nocapture print_figures`), to write §4 from.
#[test]
#[ignore]
fn print_figures() {
    for (name, f) in named_figures(&plain(&Scenario::default())) {
        match f {
            Figure::Number(x) => println!("{name} = {x}"),
            Figure::Word(w) => println!("{name} = {w}"),
        }
    }
    let _ = LAST_YEAR;
}
