//! The Monte Carlo run and the tornado: deterministic, counted correctly, drawn from the
//! documented ranges, honest about zero bars.

mod model_support;

use ai_capex_explainer::model::{
    input_specs, monte_carlo, sensitivity, AgiDistribution, InputGroup, Scenario, NO_AGI_YEAR,
};
use model_support::with;

fn dist(median: f64, spread: f64) -> AgiDistribution {
    AgiDistribution {
        median_year: median,
        spread_years: spread,
    }
}

#[test]
fn the_same_seed_gives_the_same_run_and_counts_add_up() {
    let s = Scenario::default();
    let a = monte_carlo(&s, &dist(2030.0, 5.0), 2_000, 7).unwrap();
    let b = monte_carlo(&s, &dist(2030.0, 5.0), 2_000, 7).unwrap();
    assert_eq!(a, b);
    let counted: u32 = a
        .agi_years
        .iter()
        .map(|y| y.sprint_ahead + y.marathon_ahead + y.tied)
        .sum();
    assert_eq!(counted, 2_000);
    let ahead: u32 = a
        .agi_years
        .iter()
        .map(|y| y.sprint_ahead + y.marathon_ahead)
        .sum();
    let shares = a.share_sprint_ahead + a.share_marathon_ahead;
    assert!((f64::from(ahead) / 2_000.0 - shares).abs() < 1e-12);
    assert!(a.margin_p10 <= a.margin_median && a.margin_median <= a.margin_p90);
}

#[test]
fn it_varies_the_prize_elasticity_capex_ratios_and_discount_rate_not_just_the_agi_year() {
    let mc = monte_carlo(&Scenario::default(), &dist(2030.0, 0.0), 2_000, 1).unwrap();
    let names: Vec<_> = mc.varied.iter().map(|v| v.name).collect();
    for name in [
        "agi_prize",
        "price_elasticity",
        "discount_rate",
        "us_capex_ratio",
        "cn_capex_ratio",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    // One AGI year for every run, yet the outcomes spread: the other draws matter.
    let years_drawn = mc
        .agi_years
        .iter()
        .filter(|y| y.sprint_ahead + y.marathon_ahead > 0)
        .count();
    assert_eq!(years_drawn, 1);
    assert!(mc.margin_p90 - mc.margin_p10 > 1e-3, "{mc:?}");
}

#[test]
fn a_late_distribution_puts_runs_in_the_no_agi_bar() {
    let mc = monte_carlo(&Scenario::default(), &dist(2060.0, 30.0), 5_000, 3).unwrap();
    let none = mc.agi_years.last().unwrap();
    assert_eq!(f64::from(none.year), NO_AGI_YEAR);
    assert!(none.sprint_ahead + none.marathon_ahead > 0);
    assert!(mc.share_agi_by_2060 < 1.0);
}

#[test]
fn bad_runs_and_distributions_are_refused_with_their_names() {
    let s = Scenario::default();
    let errors = monte_carlo(&s, &dist(2100.0, -1.0), 0, 1).unwrap_err();
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["agi_median_year", "agi_spread_years", "runs"]);
}

#[test]
fn the_tornado_uses_each_inputs_plausible_ends_and_sorts_by_swing() {
    let t = sensitivity(&Scenario::default()).unwrap();
    assert!(t.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    for spec in input_specs()
        .iter()
        .filter(|s| s.group != InputGroup::Uncertainty)
    {
        let bar = t.bars.iter().find(|b| b.field == spec.field).unwrap();
        assert_eq!(
            (bar.low_input, bar.high_input),
            (spec.low, spec.high),
            "{}",
            spec.field
        );
    }
    for constant in [
        "price_elasticity",
        "us_patience",
        "us_capex_ratio",
        "cn_capex_ratio",
    ] {
        assert!(t.bars.iter().any(|b| b.field == constant), "{constant}");
    }
}

#[test]
fn a_bar_that_flips_the_verdict_is_marked_and_one_that_cannot_move_says_why() {
    let t = sensitivity(&Scenario::default()).unwrap();
    for bar in &t.bars {
        let crosses = (bar.outcome_low > 0.0) != (bar.outcome_high > 0.0)
            || (bar.outcome_low > 0.0) != (t.base_outcome > 0.0);
        assert_eq!(bar.flips, crosses, "{}", bar.field);
        assert_eq!(bar.zero_reason.is_some(), bar.swing == 0.0, "{}", bar.field);
    }
    let no_agi = sensitivity(&with(&Scenario::default(), "agi_year", NO_AGI_YEAR)).unwrap();
    let prize = no_agi.bars.iter().find(|b| b.field == "agi_prize").unwrap();
    assert_eq!(prize.swing, 0.0);
    assert_eq!(
        serde_json::to_value(prize.zero_reason).unwrap(),
        serde_json::json!("no_agi")
    );
}
