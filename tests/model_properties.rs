//! The economics' properties, over the whole input space (proptest): every output finite,
//! a bigger prize never hurting a sprint that enters AGI with at least the paced compute,
//! capex beyond demand wasted without AGI, limits that only ever help the side they bind,
//! every input and assumed constant able to move the US choice. None of these tests looks at
//! who wins at the defaults.

mod model_support;

use ai_capex_explainer::model::{
    input_spec, input_specs, monte_carlo, sensitivity, AgiDistribution, InputGroup, InputSpec,
    Projection, Scenario, Side, SideYear, Strategy, YearRow, MATERIALITY, NO_AGI_YEAR,
};
use model_support::{
    any_scenario, cell, cn_sprint_minus_pace, run, us_sprint_minus_pace, value_of, with,
};
use proptest::prelude::*;

fn finite_year(y: &SideYear) -> bool {
    [
        y.capex,
        y.capacity,
        y.demand,
        y.revenue,
        y.running_costs,
        y.prize_revenue,
        y.operating_cash,
        y.free_cash,
        y.cumulative_free_cash,
        y.price_index,
        y.race_compute,
    ]
    .iter()
    .all(|x| x.is_finite())
}

fn all_finite(p: &Projection) -> bool {
    let rows = p.years.iter().all(|y| {
        [y.us_sprint, y.us_pace, y.cn_sprint, y.cn_pace]
            .iter()
            .all(finite_year)
    });
    let cells = p.game.cells.iter().all(|c| {
        [c.us, c.cn].iter().all(|m| {
            [
                m.pv_operating_cash,
                m.pv_capex,
                m.value_per_capex,
                m.npv,
                m.peak_funding_need,
            ]
            .iter()
            .all(|x| x.is_finite())
        })
    });
    let choices = [&p.us_choice, &p.cn_choice].iter().all(|c| {
        c.by_agi_year
            .iter()
            .chain([&c.without_agi])
            .all(|pt| pt.sprint_minus_pace.is_finite() && pt.pv_capex_pacing.is_finite())
    });
    let gap = &p.business_gap;
    rows && cells
        && choices
        && [
            gap.both_pace,
            gap.both_sprint,
            gap.us_cash_margin,
            gap.cn_cash_margin,
        ]
        .iter()
        .all(|x| x.is_finite())
        && p.payback.required_revenue.is_finite()
}

/// Whether each side's sprint holds at least the compute of its paced path from the end of
/// the year before AGI (what enters the race) through 2060, to rounding (where both paths buy
/// the same they can differ in the last digit).
fn sprint_ahead_from_agi_on(p: &Projection, agi: i32) -> (bool, bool) {
    let from = p.years.iter().filter(|y| y.year >= agi - 1);
    let ahead = |sprint: &SideYear, pace: &SideYear| {
        sprint.race_compute >= pace.race_compute * (1.0 - 1e-12)
    };
    from.fold((true, true), |(us, cn), y| {
        (
            us && ahead(&y.us_sprint, &y.us_pace),
            cn && ahead(&y.cn_sprint, &y.cn_pace),
        )
    })
}

/// A side's sprinting and paced years.
fn sprint_and_pace(y: &YearRow, side: Side) -> (&SideYear, &SideYear) {
    match side {
        Side::Us => (&y.us_sprint, &y.us_pace),
        Side::Cn => (&y.cn_sprint, &y.cn_pace),
    }
}

/// Asserts that `side`'s sprint holds at least the race compute of its paced path in every
/// year `in_years` picks.
fn assert_sprint_holds_at_least_pacing(p: &Projection, side: Side, in_years: impl Fn(i32) -> bool) {
    for y in p.years.iter().filter(|y| in_years(y.year)) {
        let (sprint, pace) = sprint_and_pace(y, side);
        assert!(
            sprint.race_compute >= pace.race_compute,
            "{}: sprint {} < pace {}",
            y.year,
            sprint.race_compute,
            pace.race_compute
        );
    }
}

/// The first year in which `side`'s paced path holds less capacity with `field` at `high`
/// than at `low` ("year: more < less"), looking no further than the first year in which
/// `last` holds for the paced path at `low`.
fn paced_capacity_drop(
    s: &Scenario,
    field: &str,
    (low, high): (f64, f64),
    side: Side,
    last: impl Fn(&SideYear) -> bool,
) -> Option<String> {
    let less = run(&with(s, field, low));
    let more = run(&with(s, field, high));
    for (m, l) in more.years.iter().zip(&less.years) {
        let (m, l, year) = (
            sprint_and_pace(m, side).1,
            sprint_and_pace(l, side).1,
            m.year,
        );
        if m.capacity < l.capacity * (1.0 - 1e-9) {
            return Some(format!("{year}: {} < {}", m.capacity, l.capacity));
        }
        if last(l) {
            break;
        }
    }
    None
}

/// A tolerance for sums of a few hundred discounted figures of up to a few thousand bn.
fn tolerance(scale: f64) -> f64 {
    1e-9 * scale.abs().max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    // Without the winner-takes-all exponent: at 0 a side with no compute gets NaN (see the
    // ignored test below).
    #[test]
    fn every_output_is_finite_for_any_valid_scenario(s in any_scenario()) {
        prop_assume!(s.winner_take_all > 0.0);
        prop_assert!(all_finite(&run(&s)));
    }

    #[test]
    fn cumulative_free_cash_is_the_sum_of_the_years(s in any_scenario()) {
        prop_assume!(s.winner_take_all > 0.0); // NaN otherwise: see the ignored test below
        let p = run(&s);
        let mut totals = [0.0; 4];
        for y in &p.years {
            for (total, side) in totals.iter_mut().zip([y.us_sprint, y.us_pace, y.cn_sprint, y.cn_pace]) {
                *total += side.free_cash;
                prop_assert!((side.cumulative_free_cash - *total).abs() <= tolerance(*total));
            }
        }
    }

    #[test]
    fn no_side_serves_more_than_its_capacity_or_its_demand(s in any_scenario()) {
        for y in run(&s).years {
            for side in [y.us_sprint, y.us_pace, y.cn_sprint, y.cn_pace] {
                let served = side.revenue / side.price_index;
                prop_assert!(served <= side.capacity * (1.0 + 1e-9) + 1e-9);
                prop_assert!(served <= side.demand * (1.0 + 1e-9) + 1e-9);
            }
        }
    }

    // A sprint buys at least what pacing would until AGI (issue 18): it never holds less
    // effective compute than the paced path in a year before AGI — unless investors stopped
    // it (it then paces on its own fleet and can fall behind: short of funding, or when its
    // early vintages retire), or, for China, its plan grows slower than its chips (in a year
    // the plan is below what its own fleet needs it buys less than the paced path, and falls
    // behind when that fleet's older vintages retire). Exceptions docs/MODEL.md must name; see
    // the ignored tests below.
    #[test]
    fn before_agi_a_sprint_never_holds_less_compute_than_pacing_while_it_runs_ahead_of_its_limits(
        s in any_scenario(),
        agi in 2026..=2060i32,
    ) {
        let p = run(&with(&s, "agi_year", f64::from(agi)));
        let stops = p.sprints_stopped_by_investors;
        let running = |stop: Option<i32>, year: i32| stop.is_none_or(|stop| year < stop);
        let cn_plan_above_chips = s.cn_capex_growth >= s.cn_chip_growth;
        for y in p.years.iter().filter(|y| y.year < agi) {
            prop_assert!(!running(stops.us, y.year) || y.us_sprint.race_compute >= y.us_pace.race_compute * (1.0 - 1e-12),
                "US {}: sprint {} < pace {}", y.year, y.us_sprint.race_compute, y.us_pace.race_compute);
            prop_assert!(!cn_plan_above_chips || !running(stops.cn, y.year) || y.cn_sprint.race_compute >= y.cn_pace.race_compute * (1.0 - 1e-12),
                "China {}: sprint {} < pace {}", y.year, y.cn_sprint.race_compute, y.cn_pace.race_compute);
        }
    }

    // After AGI new equipment displaces the oldest under the power cap, so a sprint never holds
    // less effective compute than pacing would (issue 18): the US, whose limit is power, when
    // investors did not stop its sprint, until funding binds. (China's limit is chips, under
    // which a sprint's vintages can retire ahead of the paced path's: see the ignored test
    // below.)
    #[test]
    fn after_agi_a_us_sprint_never_holds_less_compute_than_pacing_while_funded(
        s in any_scenario(),
        agi in 2026..=2060i32,
    ) {
        let p = run(&with(&s, "agi_year", f64::from(agi)));
        let stopped = p.sprints_stopped_by_investors.us.is_some();
        let funded = p.years.iter().take_while(|y| !y.us_sprint.limits.funding && !y.us_pace.limits.funding);
        for y in funded.filter(|y| !stopped && y.year >= agi) {
            prop_assert!(y.us_sprint.race_compute >= y.us_pace.race_compute * (1.0 - 1e-12),
                "US {}: sprint {} < pace {}", y.year, y.us_sprint.race_compute, y.us_pace.race_compute);
        }
    }

    // The prize goes to the compute in service at AGI and each year's compute after: holding
    // the AGI year and the other side's strategy fixed, a bigger prize can only widen the lead
    // of a sprint that enters AGI with at least the paced path's compute and keeps it. So the
    // fixed year (when compute brings AGI, a sprint that brings it sooner brings the catch-up
    // sooner too), and no sprint investors stopped (it carries its bet's debt, and when
    // funding binds after AGI it falls behind the paced path, in 2061–2080 too, which the rows
    // do not show). See the ignored tests below.
    #[test]
    fn a_bigger_prize_never_lowers_sprint_minus_pace_for_a_sprint_ahead_at_agi(
        s in any_scenario(),
        agi in 2026..=2060i32,
        a in value_of("agi_prize"),
        b in value_of("agi_prize"),
    ) {
        prop_assume!(s.winner_take_all > 0.0);
        let s = with(&with(&s, "agi_mode", 0.0), "agi_year", f64::from(agi));
        let less = run(&with(&s, "agi_prize", a.min(b)));
        let more = run(&with(&s, "agi_prize", a.max(b)));
        let (us_ahead, cn_ahead) = sprint_ahead_from_agi_on(&less, agi);
        let stops = less.sprints_stopped_by_investors;
        let (us_ahead, cn_ahead) = (us_ahead && stops.us.is_none(), cn_ahead && stops.cn.is_none());
        for other in Strategy::BOTH {
            let scale = cell(&less.game, Strategy::Pace, other).us.pv_capex;
            let (l, m) = (us_sprint_minus_pace(&less.game, other), us_sprint_minus_pace(&more.game, other));
            prop_assert!(!us_ahead || m >= l - tolerance(scale),
                "US, China {other:?}: prize {} → {}: {l} → {m}", a.min(b), a.max(b));
            let scale = cell(&less.game, other, Strategy::Pace).cn.pv_capex;
            let (l, m) = (cn_sprint_minus_pace(&less.game, other), cn_sprint_minus_pace(&more.game, other));
            prop_assert!(!cn_ahead || m >= l - tolerance(scale),
                "China, US {other:?}: prize {} → {}: {l} → {m}", a.min(b), a.max(b));
        }
    }

    // Without AGI the race pays nothing, so capex beyond what demand needs is waste: sprinting
    // never beats pacing by more than the band, whatever China does.
    #[test]
    fn without_agi_sprinting_never_beats_pacing_beyond_the_band(s in any_scenario()) {
        let p = run(&with(&s, "agi_year", NO_AGI_YEAR));
        for other in Strategy::BOTH {
            let band = MATERIALITY * cell(&p.game, Strategy::Pace, other).us.pv_capex;
            let d = us_sprint_minus_pace(&p.game, other);
            prop_assert!(d <= band, "US, China {other:?}: sprint − pace {d} > band {band}");
            let band = MATERIALITY * cell(&p.game, other, Strategy::Pace).cn.pv_capex;
            let d = cn_sprint_minus_pace(&p.game, other);
            prop_assert!(d <= band, "China, US {other:?}: sprint − pace {d} > band {band}");
        }
    }

    // A higher cap never lowers capacity up to the first year the lower cap binds (until then
    // both runs are the same). Later it can: what the higher cap let a path buy early retires
    // early, and the paced path buys only what demand needs now (see the ignored tests below).
    #[test]
    fn more_power_never_lowers_the_us_paced_capacity_when_power_first_binds(
        s in any_scenario(),
        a in value_of("us_power_growth"),
        b in value_of("us_power_growth"),
    ) {
        let drop = paced_capacity_drop(&s, "us_power_growth", (a.min(b), a.max(b)), Side::Us, |y| y.limits.power);
        prop_assert_eq!(drop, None);
    }

    #[test]
    fn more_chips_never_lower_chinas_paced_capacity_when_chips_first_bind(
        s in any_scenario(),
        a in value_of("cn_chip_growth"),
        b in value_of("cn_chip_growth"),
    ) {
        let drop = paced_capacity_drop(&s, "cn_chip_growth", (a.min(b), a.max(b)), Side::Cn, |y| y.limits.chips);
        prop_assert_eq!(drop, None);
    }

    #[test]
    fn the_discount_rate_moves_the_us_choice(s in any_scenario()) {
        let d = |r: f64| run(&with(&s, "discount_rate", r)).us_choice.at_agi_year.sprint_minus_pace;
        // A sprint that never starts (AGI in 2026, or no growth and no funding) is the paced path.
        let (low, high) = (d(5.0), d(15.0));
        prop_assert!(low != high || (low == 0.0 && high == 0.0), "{low} at 5 % and at 15 %");
    }
}

/// Scenarios in which to look for an input's effect: the defaults, early and late AGI, none,
/// an open world with a price war (access and the price war's inputs act only there), and
/// two races. At the defaults the grid binds both US paths alike and the chips both Chinese
/// ones, so a sprint buys no more race compute than pacing; China's sprint growth then acts
/// only where China's best reply is to sprint (a strong, open, chip-rich China against a big
/// prize), and prize erosion only where the US sprint still holds more compute than pacing
/// once the follower has caught up (no lag, a fast and patient sprint).
fn probe_scenarios() -> Vec<Scenario> {
    let d = Scenario::default();
    vec![
        d.clone(),
        with(&d, "agi_year", 2028.0),
        with(&d, "agi_year", 2045.0),
        with(&d, "agi_year", NO_AGI_YEAR),
        // The bull case: compute brings AGI, the prize priced against world output, open
        // markets; where the world-output anchor's inputs act.
        defaults_with(&[
            ("agi_mode", 1.0),
            ("prize_anchor", 1.0),
            ("us_access", 50.0),
            ("cn_access", 50.0),
            ("agi_year", 2028.0),
        ]),
        defaults_with(&[
            ("us_access", 30.0),
            ("cn_access", 20.0),
            ("price_cut", 20.0),
            ("agi_year", 2028.0),
        ]),
        defaults_with(&[
            ("agi_year", 2029.0),
            ("agi_prize", 5.0),
            ("winner_take_all", 8.0),
            ("cn_access", 20.0),
            ("cn_compute_per_dollar", 2.0),
            ("cn_algorithm_lag", 0.0),
            ("cn_chip_growth", 60.0),
            ("cn_patience", 3.0),
        ]),
        defaults_with(&[
            ("agi_prize", 5.0),
            ("catch_up_lag", 0.0),
            ("us_capex_growth", 100.0),
            ("us_patience", 3.0),
            ("patience_years", 10.0),
        ]),
    ]
}

/// Eleven evenly spaced steps of an input's slider, and its plausible ends.
fn probe_values(spec: &InputSpec) -> Vec<f64> {
    let steps = ((spec.max - spec.min) / spec.step).round();
    (0..=10)
        .map(|i| spec.min + (steps * f64::from(i) / 10.0).round() * spec.step)
        .map(|x| (x * 1e9).round() / 1e9)
        .chain([spec.low, spec.high])
        .collect()
}

fn moved(base: f64, x: f64) -> bool {
    (x - base).abs() > 1e-9 * base.abs().max(1.0)
}

/// Whether an input moves the US sprint minus pace in some probe scenario.
fn input_moves_somewhere(field: &str) -> bool {
    let spec = match input_spec(field) {
        Some(spec) => spec,
        None => panic!("{field} is not an input"),
    };
    probe_scenarios().iter().any(|base| {
        let at = |s: &Scenario| run(s).us_choice.at_agi_year.sprint_minus_pace;
        let here = at(base);
        probe_values(spec)
            .iter()
            .any(|&x| moved(here, at(&with(base, field, x))))
    })
}

/// Whether a constant moves the US sprint minus pace at either end of its tornado bar in
/// some probe scenario.
fn constant_moves_somewhere(name: &str) -> bool {
    probe_scenarios().iter().any(|s| {
        let t = sensitivity(s).unwrap_or_else(|e| panic!("{e:?}"));
        t.bars
            .iter()
            .filter(|b| b.field == name)
            .any(|b| moved(t.base_outcome, b.low.outcome) || moved(t.base_outcome, b.high.outcome))
    })
}

#[test]
fn every_input_on_the_page_moves_the_us_sprint_minus_pace_somewhere() {
    for spec in input_specs()
        .iter()
        .filter(|s| s.group != InputGroup::Uncertainty)
    {
        assert!(
            input_moves_somewhere(spec.field),
            "{} never moves the US sprint − pace: dead",
            spec.field
        );
    }
}

#[test]
fn every_assumed_constant_moves_the_us_sprint_minus_pace_somewhere() {
    let t = sensitivity(&Scenario::default()).unwrap_or_else(|e| panic!("{e:?}"));
    for bar in t.bars.iter().filter(|b| !b.is_input) {
        assert!(
            constant_moves_somewhere(bar.field),
            "{} never moves the US sprint − pace: dead",
            bar.field
        );
    }
}

/// The uncertainty panel acts only on the Monte Carlo: each of its inputs moves the share of
/// scenarios in which sprinting pays, or the margin's median.
#[test]
fn every_uncertainty_input_moves_the_monte_carlo() {
    let base = Scenario::default();
    for spec in input_specs()
        .iter()
        .filter(|s| s.group == InputGroup::Uncertainty)
    {
        let result = |x: f64| {
            let s = with(&base, spec.field, x);
            let mc = monte_carlo(&s, &AgiDistribution::from_scenario(&s), 300, 11)
                .unwrap_or_else(|e| panic!("{e:?}"));
            (mc.us_share_sprint_pays, mc.us_margin_median)
        };
        assert_ne!(
            result(spec.low),
            result(spec.high),
            "{} moves nothing",
            spec.field
        );
    }
    assert!(input_spec("agi_median_year").is_some());
}

/// The scenario with these inputs changed from the defaults.
fn defaults_with(changes: &[(&str, f64)]) -> Scenario {
    changes
        .iter()
        .fold(Scenario::default(), |s, &(field, x)| with(&s, field, x))
}

// Engine finding (issue 18: "a sprint never buys less than pacing before AGI"): at the
// defaults with a 15 % price war the US sprint is stopped by investors in 2028 and, short of
// funding, buys $650 bn against the paced path's $783 bn: it holds 3,339 of compute against
// 3,491 in 2028 and 5,019 against 5,161 in 2029, before AGI in 2030.
#[test]
#[ignore = "engine finding: a sprint that spent its funding holds less compute than pacing"]
fn a_sprint_never_holds_less_compute_than_pacing_before_agi_even_when_funding_binds() {
    let p = run(&defaults_with(&[("price_cut", 15.0)]));
    assert_sprint_holds_at_least_pacing(&p, Side::Us, |year| year < 2030);
}

// Engine finding: with no power growth, China's access at 40 % and investors' patience of one
// year, the US sprint (stopped in 2026) enters AGI in 2030 with the paced path's compute but
// falls behind it once funding binds (2032: 8,340 against 8,674), so a bigger prize lowers
// sprint minus pace against a sprinting China: −260.6 at prize 0, −260.8 at 0.5, −261.8 at 5.
#[test]
#[ignore = "engine finding: after AGI a funding-bound sprint falls behind pacing"]
fn a_bigger_prize_never_lowers_sprint_minus_pace_for_a_sprint_ahead_at_agi_even_when_funding_binds()
{
    let s = defaults_with(&[
        ("us_power_growth", 0.0),
        ("cn_access", 40.0),
        ("patience_years", 1.0),
    ]);
    let at = |m: f64| us_sprint_minus_pace(&run(&with(&s, "agi_prize", m)).game, Strategy::Sprint);
    assert!(
        !sprint_ahead_from_agi_on(&run(&s), 2030).0,
        "it falls behind"
    );
    assert!(at(5.0) >= at(0.0), "{} < {}", at(5.0), at(0.0));
}

// Engine finding: the same after 2060, where the rows end. At the defaults with AGI in 2046,
// the US sprint growing 15 %, no power growth, US investors' patience 3 for five years, access
// 50 % and 88.5 %, demand growth 27 %, a 13 % price war and a discount rate of 8 %, the
// sprint (stopped in 2031) holds the paced path's compute from 2045 through 2060; in 2061
// funding holds it alone (0.13 % less compute), so a bigger prize lowers sprint minus pace
// against a sprinting China: −2,018.077 at prize 0, −2,018.128 at 5.
#[test]
#[ignore = "engine finding: a stopped sprint can fall behind pacing after 2060"]
fn a_bigger_prize_never_lowers_sprint_minus_pace_for_a_stopped_sprint_ahead_through_2060() {
    let s = defaults_with(&[
        ("agi_year", 2046.0),
        ("us_capex_growth", 15.0),
        ("us_power_growth", 0.0),
        ("us_patience", 3.0),
        ("us_access", 50.0),
        ("cn_access", 88.5),
        ("patience_years", 5.0),
        ("demand_growth", 27.0),
        ("price_cut", 13.0),
        ("discount_rate", 8.0),
    ]);
    let at = |m: f64| us_sprint_minus_pace(&run(&with(&s, "agi_prize", m)).game, Strategy::Sprint);
    assert!(
        sprint_ahead_from_agi_on(&run(&s), 2046).0,
        "ahead through 2060"
    );
    assert!(at(5.0) >= at(0.0), "{} < {}", at(5.0), at(0.0));
}

// Engine finding: when compute brings AGI, a sprint that brings it sooner brings the catch-up
// sooner, moving the leader's years to smaller pools. At the defaults with AGI by compute in
// 2027, catch-up in 10 years, demand growth 40 % and access 50 % both ways, the US sprint
// (ahead of pacing every year, never stopped) brings AGI to 2026.59 and the catch-up to
// 2036.59: a bigger prize lowers sprint minus pace, −198.6 at prize 0, −329.6 at 5 (with the
// fixed year it raises it, to −132.7).
#[test]
#[ignore = "engine finding: when compute brings AGI, a sprint that brings it sooner can lose prize"]
fn a_bigger_prize_never_lowers_sprint_minus_pace_when_compute_brings_agi() {
    let s = defaults_with(&[
        ("agi_mode", 1.0),
        ("agi_year", 2027.0),
        ("catch_up_lag", 10.0),
        ("demand_growth", 40.0),
        ("us_access", 50.0),
        ("cn_access", 50.0),
    ]);
    let at = |m: f64| us_sprint_minus_pace(&run(&with(&s, "agi_prize", m)).game, Strategy::Sprint);
    assert!(at(5.0) >= at(0.0), "{} < {}", at(5.0), at(0.0));
}

// Regression (an engine bug, fixed): when compute brings AGI within a year, the contest went by
// the compute of the year before, not the compute in service. Here the US sprint (stopped in
// 2033, on the paced path's compute from 2036) crosses the threshold 1.4e-9 years before
// 2050 and was judged on 2048's compute, the pacing US on 2049's, when the US lead over China
// was larger: a bigger prize lowered sprint minus pace against a sprinting China (−1,098.215
// at prize 0, −1,098.429 at 5).
#[test]
fn a_sprint_that_brings_agi_a_moment_sooner_is_judged_on_the_compute_in_service() {
    let s = Scenario {
        agi_year: 2026.0,
        agi_mode: 1.0,
        agi_prize: 0.0,
        prize_anchor: 0.0,
        agi_gdp_share: 0.0,
        provider_capture: 0.0,
        winner_take_all: 0.5,
        catch_up_lag: 1.0,
        us_capex_growth: 0.0,
        us_power_growth: 50.0,
        us_patience: 1.1,
        cn_chip_growth: 0.0,
        cn_capex_growth: 0.0,
        cn_patience: 0.0,
        cn_compute_per_dollar: 0.1,
        cn_algorithm_lag: 0.0,
        us_access: 19.0,
        cn_access: 84.0,
        patience_years: 7.0,
        demand_growth: 21.0,
        price_cut: 4.0,
        discount_rate: 15.0,
        agi_median_year: 2026.0,
        agi_spread_years: 0.0,
    };
    let s = with(&s, "agi_year", 2050.0);
    let (less, more) = (run(&s), run(&with(&s, "agi_prize", 5.0)));
    assert!(sprint_ahead_from_agi_on(&less, 2050).0, "ahead from 2049");
    let scale = cell(&less.game, Strategy::Pace, Strategy::Sprint)
        .us
        .pv_capex;
    let (l, m) = (
        us_sprint_minus_pace(&less.game, Strategy::Sprint),
        us_sprint_minus_pace(&more.game, Strategy::Sprint),
    );
    assert!(m >= l - tolerance(scale), "prize 0 → 5: {l} → {m}");
}

// Engine finding: at the defaults with China's patience at 0 and a 4 % price war, chips
// growing 1 % a year instead of 0 leave China's paced path with less capacity in 2040
// (130,155 against 130,992; both short of demand, both held by funding): what it bought
// earlier left it less cash.
#[test]
#[ignore = "engine finding: more chips early can lower China's paced capacity later"]
fn more_chips_never_lower_chinas_paced_capacity_even_when_funding_binds() {
    let s = defaults_with(&[("cn_patience", 0.0), ("price_cut", 4.0)]);
    let drop = paced_capacity_drop(&s, "cn_chip_growth", (0.0, 1.0), Side::Cn, |_| false);
    assert_eq!(drop, None);
}

// A side with no compute at all (China serves the whole market outside China and the US none of
// China's, so the US paced path has no demand) and no winner-takes-all strength: the prize's
// split stays finite (each logarithm floored on its own), so no payoff is NaN.
#[test]
fn a_side_with_no_compute_and_no_winner_takes_all_still_gets_finite_payoffs() {
    let p = run(&defaults_with(&[
        ("cn_access", 100.0),
        ("us_access", 0.0),
        ("winner_take_all", 0.0),
        ("agi_year", 2032.0),
    ]));
    assert!(all_finite(&p), "{:?}", p.game.cells);
}

// Engine finding, the same for power: at the defaults with the US investors' patience at 0,
// demand growing 32 % and a 5 % price war, the US paced path is held by funding from 2033, and
// power growing 40 % a year instead of 37 % leaves it less capacity every year 2033–2044
// (2035: 67,807 against 67,836; 2044: 2,357,655 against 2,357,977).
#[test]
#[ignore = "engine finding: more power growth can lower the US paced capacity once funding binds"]
fn more_power_never_lowers_the_us_paced_capacity_even_when_funding_binds() {
    let s = defaults_with(&[
        ("us_patience", 0.0),
        ("demand_growth", 32.0),
        ("price_cut", 5.0),
    ]);
    let drop = paced_capacity_drop(&s, "us_power_growth", (37.0, 40.0), Side::Us, |_| false);
    assert_eq!(drop, None);
}

// Engine finding: a Chinese sprint whose plan grows slower than its chips (0 % against 1 %),
// not stopped by investors and never short of funding, falls behind the paced path before AGI
// in 2033: in years its plan is below what its own, larger fleet needs it buys less than the
// paced path, and when that fleet's older vintages retire it holds less (2032: 526.1 against
// 528.2). Defaults with AGI 2033, chips 1 %, China's sprint growth 0 %, US access 54 %, China's
// access 0, demand growth 46 %, a 28 % price war.
#[test]
#[ignore = "engine finding: a running Chinese sprint can hold less compute than pacing"]
fn a_running_sprint_never_holds_less_compute_than_pacing_before_agi() {
    let p = run(&defaults_with(&[
        ("agi_year", 2033.0),
        ("cn_chip_growth", 1.0),
        ("cn_capex_growth", 0.0),
        ("us_access", 54.0),
        ("cn_access", 0.0),
        ("demand_growth", 46.0),
        ("price_cut", 28.0),
    ]));
    assert_eq!(p.sprints_stopped_by_investors.cn, None);
    assert_sprint_holds_at_least_pacing(&p, Side::Cn, |year| year < 2033);
}

// Engine finding: after AGI (2030) China's sprint, never stopped and never short of funding,
// holds less compute than its paced path in 2032 (460.4 against 464.4): it bought its chip cap
// every year before AGI, then paces on its larger fleet and buys less, and falls behind when
// those vintages retire. Defaults with China's chips not growing, demand growth 6 %, a 2 %
// price war.
#[test]
#[ignore = "engine finding: after AGI a Chinese sprint can hold less compute than pacing"]
fn after_agi_a_chinese_sprint_never_holds_less_compute_than_pacing() {
    let p = run(&defaults_with(&[
        ("cn_chip_growth", 0.0),
        ("demand_growth", 6.0),
        ("price_cut", 2.0),
    ]));
    assert_sprint_holds_at_least_pacing(&p, Side::Cn, |year| year >= 2030);
}

// Engine finding: more chips can lower China's paced capacity without funding binding: at the
// defaults with US access 100 %, China's access 0, demand growth 60 % and a 13 % price war,
// chips growing 1 % instead of 0 leave 2,341 of capacity in 2035 against 2,375. The paced path
// buys only what demand needs each year; what the higher cap let it buy earlier retires
// earlier.
#[test]
#[ignore = "engine finding: more chips can lower China's paced capacity later"]
fn more_chips_never_lower_chinas_paced_capacity_in_any_year() {
    let s = defaults_with(&[
        ("us_access", 100.0),
        ("cn_access", 0.0),
        ("demand_growth", 60.0),
        ("price_cut", 13.0),
    ]);
    let drop = paced_capacity_drop(&s, "cn_chip_growth", (0.0, 1.0), Side::Cn, |_| false);
    assert_eq!(drop, None);
}

/// Business quality names a side only when that side's firms get back more per unit invested
/// in all four pairs of strategies, each by more than the band, and opening China's market to no one while the world opens
/// to China's firms moves the business gap China's way (both pacing).
#[test]
fn business_quality_names_a_side_only_when_it_is_ahead_in_every_pair_and_access_moves_it() {
    let open_to_china = defaults_with(&[("cn_access", 100.0), ("us_access", 0.0)]);
    // Fast demand growth brings the two sides within the band.
    let close = defaults_with(&[("demand_growth", 55.0)]);
    for s in probe_scenarios().iter().chain([&open_to_china, &close]) {
        let p = run(s);
        // Ahead in a pair by more than the band: 5% of the larger value.
        let ahead = |side: Side| {
            p.game.cells.iter().all(|c| {
                let (own, other) = match side {
                    Side::Us => (c.us_value_per_unit, c.cn_value_per_unit),
                    Side::Cn => (c.cn_value_per_unit, c.us_value_per_unit),
                };
                own - other > MATERIALITY * own.max(other)
            })
        };
        let expected = [Side::Us, Side::Cn].into_iter().find(|&side| ahead(side));
        assert_eq!(p.business_gap.ahead_in_every_pair, expected, "{s:?}");
    }
    let base = run(&Scenario::default()).business_gap.both_pace;
    assert!(
        run(&open_to_china).business_gap.both_pace < base,
        "the world open to China's firms and China shut to the US firms did not narrow the US lead"
    );
}
