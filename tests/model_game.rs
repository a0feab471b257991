//! The game: one band rule for every "too close to call", best responses and equilibria read
//! off the table, each side's payoff depending on the other's strategy only through markets
//! both can sell in, and market access 0 keeping a side out of the other's market; and the
//! figures `docs/MODEL.md` §0 quotes for the page's blocks at the defaults, from the engine.

mod model_support;

use ai_capex_explainer::model::{
    call, monte_carlo, AgiDistribution, Call, Projection, Scenario, Strategy, MATERIALITY,
};
use model_support::{any_scenario, cell, run, with};
use proptest::prelude::*;

fn defaults_with(changes: &[(&str, f64)]) -> Scenario {
    changes
        .iter()
        .fold(Scenario::default(), |s, &(field, x)| with(&s, field, x))
}

#[test]
fn call_is_too_close_on_and_inside_each_edge_of_the_band_and_decides_just_outside() {
    for scale in [1000.0, -1000.0, 3.7] {
        let edge = MATERIALITY * f64::abs(scale);
        let nudge = edge * 1e-9;
        assert_eq!(call(0.0, scale), Call::TooCloseToCall);
        assert_eq!(call(edge, scale), Call::TooCloseToCall);
        assert_eq!(call(-edge, scale), Call::TooCloseToCall);
        assert_eq!(call(edge - nudge, scale), Call::TooCloseToCall);
        assert_eq!(call(-edge + nudge, scale), Call::TooCloseToCall);
        assert_eq!(call(edge + nudge, scale), Call::Sprint);
        assert_eq!(call(-edge - nudge, scale), Call::Pace);
    }
    assert_eq!(call(f64::NAN, 1.0), Call::TooCloseToCall);
}

/// Every call the projection makes is `call` of its own difference and scale.
fn calls_follow_the_one_rule(p: &Projection) -> Result<(), TestCaseError> {
    for choice in [&p.us_choice, &p.cn_choice] {
        for pt in choice.by_agi_year.iter().chain([&choice.without_agi]) {
            prop_assert_eq!(pt.call, call(pt.sprint_minus_pace, pt.pv_capex_pacing));
            // Just inside and just outside each edge, the same rule answers.
            let edge = MATERIALITY * pt.pv_capex_pacing.abs();
            prop_assert_eq!(
                call(edge * (1.0 - 1e-9), pt.pv_capex_pacing),
                Call::TooCloseToCall
            );
            prop_assert_eq!(call(edge * (1.0 + 1e-9), pt.pv_capex_pacing), Call::Sprint);
            prop_assert_eq!(call(-edge * (1.0 + 1e-9), pt.pv_capex_pacing), Call::Pace);
        }
        let at = choice
            .by_agi_year
            .iter()
            .find(|pt| pt.agi_year == p.agi_year)
            .unwrap_or(&choice.without_agi);
        prop_assert_eq!(*at, choice.at_agi_year);
        prop_assert_eq!(choice.too_close_to_call, at.call == Call::TooCloseToCall);
    }
    for r in p.game.us_best_responses {
        let pace = cell(&p.game, Strategy::Pace, r.against).us;
        prop_assert_eq!(r.call, call(r.sprint_minus_pace, pace.pv_capex));
    }
    for r in p.game.cn_best_responses {
        let pace = cell(&p.game, r.against, Strategy::Pace).cn;
        prop_assert_eq!(r.call, call(r.sprint_minus_pace, pace.pv_capex));
    }
    Ok(())
}

/// Each side's payoff when it plays `own` and the other side `other`.
fn payoff(p: &Projection, us_side: bool, own: Strategy, other: Strategy) -> f64 {
    if us_side {
        cell(&p.game, own, other).us_npv
    } else {
        cell(&p.game, other, own).cn_npv
    }
}

fn is_best(p: &Projection, us_side: bool, own: Strategy, other: Strategy) -> bool {
    payoff(p, us_side, own, other) >= payoff(p, us_side, own.other(), other)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_call_in_the_projection_is_the_one_band_rule(s in any_scenario()) {
        prop_assume!(s.winner_take_all > 0.0); // NaN otherwise (tests/model_properties.rs)
        calls_follow_the_one_rule(&run(&s))?;
    }

    #[test]
    fn the_equilibria_are_exactly_the_pairs_of_mutual_best_responses(s in any_scenario()) {
        prop_assume!(s.winner_take_all > 0.0);
        let p = run(&s);
        for us in Strategy::BOTH {
            for cn in Strategy::BOTH {
                let mutual = is_best(&p, true, us, cn) && is_best(&p, false, cn, us);
                let listed = p.game.equilibria.iter().any(|e| e.us == us && e.cn == cn);
                prop_assert_eq!(listed, mutual, "{:?}, {:?}", us, cn);
            }
        }
    }

    // With both markets closed each side's prize is its own market's, whatever the other does
    // (in the reader's-year mode: when compute brings AGI, the other side's sprint brings it
    // sooner for everyone).
    #[test]
    fn with_both_markets_closed_a_sides_payoff_ignores_the_others_strategy(s in any_scenario()) {
        prop_assume!(s.winner_take_all > 0.0);
        let fixed_year = with(&s, "agi_mode", 0.0);
        let p = run(&with(&with(&fixed_year, "us_access", 0.0), "cn_access", 0.0));
        for own in Strategy::BOTH {
            let (a, b) = (payoff(&p, true, own, Strategy::Sprint), payoff(&p, true, own, Strategy::Pace));
            prop_assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "US {:?}: {} ≠ {}", own, a, b);
            let (a, b) = (payoff(&p, false, own, Strategy::Sprint), payoff(&p, false, own, Strategy::Pace));
            prop_assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "China {:?}: {} ≠ {}", own, a, b);
        }
    }
}

/// A tornado end is the projection of its scenario: same outcome, same call.
#[test]
fn the_tornados_ends_and_base_are_the_projections_calls() {
    let s = Scenario::default();
    let t = ai_capex_explainer::model::sensitivity(&s).unwrap_or_else(|e| panic!("{e:?}"));
    let base = run(&s).us_choice.at_agi_year;
    assert_eq!(t.base_outcome, base.sprint_minus_pace);
    assert_eq!(t.base_call, base.call);
    for bar in t.bars.iter().filter(|b| b.is_input) {
        for end in [bar.low, bar.high] {
            let at = run(&with(&s, bar.field, end.input)).us_choice.at_agi_year;
            assert_eq!(end.outcome, at.sprint_minus_pace, "{}", bar.field);
            assert_eq!(end.call, at.call, "{}", bar.field);
            assert_eq!(
                end.call,
                call(at.sprint_minus_pace, at.pv_capex_pacing),
                "{}",
                bar.field
            );
        }
    }
}

/// A race in open markets: both sides' chips and grid let a sprint buy more than pacing, and
/// each can win part of the other's market.
fn open_race() -> Scenario {
    defaults_with(&[
        ("us_power_growth", 50.0),
        ("cn_chip_growth", 60.0),
        ("cn_capex_growth", 100.0),
        ("cn_patience", 3.0),
        ("cn_compute_per_dollar", 1.5),
        ("agi_prize", 5.0),
        ("us_access", 30.0),
        ("cn_access", 20.0),
    ])
}

#[test]
fn each_sides_payoff_depends_on_the_others_strategy_somewhere() {
    let p = run(&open_race());
    for own in Strategy::BOTH {
        let (a, b) = (
            payoff(&p, true, own, Strategy::Sprint),
            payoff(&p, true, own, Strategy::Pace),
        );
        assert!((a - b).abs() > 1e-6, "US {own:?}: {a} = {b}");
        let (a, b) = (
            payoff(&p, false, own, Strategy::Sprint),
            payoff(&p, false, own, Strategy::Pace),
        );
        assert!((a - b).abs() > 1e-6, "China {own:?}: {a} = {b}");
    }
}

/// Demand at access (US, China), each side's row per year (pace: demand does not depend on the
/// strategy).
fn demand(s: &Scenario, us_access: f64, cn_access: f64) -> (Vec<f64>, Vec<f64>, f64) {
    let p = run(&with(
        &with(s, "us_access", us_access),
        "cn_access",
        cn_access,
    ));
    (
        p.years.iter().map(|y| y.us_pace.demand).collect(),
        p.years.iter().map(|y| y.cn_pace.demand).collect(),
        p.cny_per_usd,
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    // Without a price war, a side with access 0 to the other's market serves only what the
    // other leaves of its home market: US demand at (0, c) is (1 − c) × its home-only demand
    // at (0, 0), and China gains exactly that share of the US home market — from 2026, the
    // first year the reader's access applies (2025 is what was reported, whatever the access).
    #[test]
    fn access_zero_gives_no_demand_from_the_other_sides_market(
        s in any_scenario(),
        c in 0u32..=200,
    ) {
        let s = with(&s, "price_cut", 0.0);
        let c = f64::from(c) / 2.0;
        let (us_home, cn_home, fx) = demand(&s, 0.0, 0.0);
        let (us, cn, _) = demand(&s, 0.0, c);
        prop_assert!(close(us[0], us_home[0]) && close(cn[0], cn_home[0]), "2025 moved with access");
        for k in 1..us.len() {
            prop_assert!(close(us[k], (1.0 - c / 100.0) * us_home[k]), "{}: {} vs {}", k, us[k], us_home[k]);
            prop_assert!(close(cn[k] / fx, cn_home[k] / fx + c / 100.0 * us_home[k]), "{}", k);
        }
        let (us, cn, _) = demand(&s, c, 0.0);
        for k in 1..us.len() {
            prop_assert!(close(cn[k], (1.0 - c / 100.0) * cn_home[k]), "{}: {} vs {}", k, cn[k], cn_home[k]);
            prop_assert!(close(us[k], us_home[k] + c / 100.0 * cn_home[k] / fx), "{}", k);
        }
    }

    // With both markets closed each side's prize comes from its own market only: the prize
    // multiple of what its demand would pay until the follower catches up, whatever the race
    // (the AI-market anchor, AGI in the reader's year).
    #[test]
    fn access_zero_gives_no_prize_from_the_other_sides_market(
        s in any_scenario(),
        agi in 2027..=2055i32,
    ) {
        prop_assume!(s.winner_take_all > 0.0);
        let framed = with(&with(&s, "agi_mode", 0.0), "prize_anchor", 0.0);
        let s = with(&with(&with(&framed, "us_access", 0.0), "cn_access", 0.0), "agi_year", f64::from(agi));
        let p = run(&s);
        let lead_end = agi + s.catch_up_lag as i32;
        for y in p.years.iter().filter(|y| y.year >= agi && y.year < lead_end) {
            for side in [y.us_sprint, y.us_pace, y.cn_sprint, y.cn_pace] {
                let spending = side.price_index * side.demand;
                prop_assert!(close(side.prize_revenue, s.agi_prize * spending),
                    "{}: prize {} vs {} × {}", y.year, side.prize_revenue, s.agi_prize, spending);
            }
        }
    }
}

/// The map's default second input is the page input with the widest tornado bar at the
/// defaults (the AGI year is the map's other axis; framing inputs have no bar).
#[test]
fn the_maps_default_input_is_the_one_that_moves_the_us_answer_most_at_the_defaults() {
    use ai_capex_explainer::model::{default_map_field, sensitivity};
    let s = Scenario::default();
    let tornado = sensitivity(&s).expect("a valid scenario");
    let widest = tornado
        .bars
        .iter()
        .find(|b| b.is_input && b.field != "agi_year")
        .expect("an input bar");
    assert_eq!(default_map_field(&s), widest.field);
}

/// A percentage as the page writes it: to a tenth, without a trailing ".0".
fn page_percent(fraction: f64) -> String {
    let tenths = (fraction * 1000.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}%")
    } else {
        format!("{tenths:.1}%")
    }
}

#[test]
fn the_journalists_section_quotes_the_pages_blocks_as_the_engine_computes_them_at_the_defaults() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/MODEL.md"))
        .expect("docs/MODEL.md");
    let section = &doc[doc.find("## 0.").expect("§0")..doc.find("## 1.").expect("§1")];
    let section = section.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = Scenario::default();
    let p = run(&s);
    let like = |strategy| cell(&p.game, strategy, strategy);
    let (pace, sprint) = (like(Strategy::Pace), like(Strategy::Sprint));
    // The page's 2,000 runs and seed (www/js/calculator/calculator.js MC_RUNS, MC_SEED).
    let mc = monte_carlo(&s, &AgiDistribution::from_scenario(&s), 2_000, 20250101)
        .expect("valid distribution");
    let shares = [
        mc.us_share_sprint_pays,
        mc.us_share_pace_pays,
        mc.us_share_too_close,
    ]
    .map(|x| format!("{:.0}%", 100.0 * x));
    let quoted = [
        format!(
            "{:.2} against {:.2} when both pace, {:.2} against {:.2} when both sprint",
            pace.us_value_per_unit,
            pace.cn_value_per_unit,
            sprint.us_value_per_unit,
            sprint.cn_value_per_unit
        ),
        format!("{} / {} / {}", shares[0], shares[1], shares[2]),
        format!(
            "{} of scenarios losing money against {}",
            page_percent(mc.us_risk.pace.share_loss),
            page_percent(mc.us_risk.sprint.share_loss)
        ),
        format!(
            "about as steady, {} against {}",
            page_percent(mc.cn_risk.pace.share_loss),
            page_percent(mc.cn_risk.sprint.share_loss)
        ),
    ];
    for words in &quoted {
        assert!(
            section.contains(words.as_str()),
            "§0 does not say “{words}”"
        );
    }
}
