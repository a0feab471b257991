//! The Monte Carlo run and the tornado: reproducible from a seed, counted correctly, drawn
//! from the documented ranges, refusing bad input, honest about zero bars.

mod model_support;

use ai_capex_explainer::model::{
    input_specs, monte_carlo, sensitivity, AgiDistribution, InputGroup, MonteCarlo, RiskFigures,
    Scenario, SideRisk, Steadier, FRAMING_INPUTS, NO_AGI_YEAR,
};
use model_support::with;

fn dist(median: f64, spread: f64) -> AgiDistribution {
    AgiDistribution {
        median_year: median,
        spread_years: spread,
    }
}

fn mc(s: &Scenario, d: &AgiDistribution, runs: u32, seed: u64) -> MonteCarlo {
    monte_carlo(s, d, runs, seed).unwrap_or_else(|e| panic!("{e:?}"))
}

fn ordered(r: &RiskFigures) -> bool {
    (0.0..=1.0).contains(&r.share_loss)
        && r.npv_p10 <= r.npv_median
        && 0.0 <= r.peak_funding_need
        && r.peak_funding_need <= r.peak_funding_need_p90
}

/// `a` is better than `b` on a measure by more than 5% of the larger figure in size.
fn materially(a: f64, b: f64, lower_is_better: bool) -> bool {
    let beyond = (a - b).abs() > 0.05 * a.abs().max(b.abs());
    beyond && ((a < b) == lower_is_better)
}

/// The measures on which `a` is materially better than `b`.
fn wins(a: &RiskFigures, b: &RiskFigures) -> usize {
    [
        materially(a.share_loss, b.share_loss, true),
        materially(a.npv_p10, b.npv_p10, false),
        materially(a.peak_funding_need, b.peak_funding_need, true),
    ]
    .into_iter()
    .filter(|w| *w)
    .count()
}

fn consistent(r: &SideRisk) -> bool {
    let (pace, sprint) = (wins(&r.pace, &r.sprint), wins(&r.sprint, &r.pace));
    let steadier = match r.steadier {
        Steadier::Pace => pace > 0 && sprint == 0,
        Steadier::Sprint => sprint > 0 && pace == 0,
        Steadier::AboutAsSteady => pace == 0 && sprint == 0,
        Steadier::Mixed => pace > 0 && sprint > 0,
    };
    steadier
        && ordered(&r.sprint)
        && ordered(&r.pace)
        && r.share_loss_gap == r.sprint.share_loss - r.pace.share_loss
        && r.npv_p10_gap == r.pace.npv_p10 - r.sprint.npv_p10
}

#[test]
fn the_same_seed_gives_the_same_shares_and_risk_and_another_seed_does_not() {
    let s = Scenario::default();
    let d = AgiDistribution::from_scenario(&s);
    let a = mc(&s, &d, 400, 7);
    assert_eq!(a, mc(&s, &d, 400, 7));
    let b = mc(&s, &d, 400, 8);
    assert_ne!(
        (a.us_margin_median, a.us_risk.sprint.npv_median),
        (b.us_margin_median, b.us_risk.sprint.npv_median)
    );
}

#[test]
fn shares_add_up_counts_add_up_and_risk_figures_are_ordered() {
    let runs = 400;
    let m = mc(&Scenario::default(), &dist(2035.0, 20.0), runs, 3);
    for total in [
        m.us_share_sprint_pays + m.us_share_pace_pays + m.us_share_too_close,
        m.cn_share_sprint_pays + m.cn_share_pace_pays + m.cn_share_too_close,
    ] {
        assert!((total - 1.0).abs() < 1e-12, "{total}");
    }
    let counted: u32 = m
        .agi_years
        .iter()
        .map(|y| y.sprint_pays + y.pace_pays + y.too_close_to_call)
        .sum();
    assert_eq!(counted, runs);
    let sprint: u32 = m.agi_years.iter().map(|y| y.sprint_pays).sum();
    assert!((f64::from(sprint) / f64::from(runs) - m.us_share_sprint_pays).abs() < 1e-12);
    assert!(m.us_margin_p10 <= m.us_margin_median && m.us_margin_median <= m.us_margin_p90);
    assert!(consistent(&m.us_risk), "{:?}", m.us_risk);
    assert!(consistent(&m.cn_risk), "{:?}", m.cn_risk);
}

#[test]
fn it_draws_every_input_and_constant_that_can_flip_the_choice_not_just_the_agi_year() {
    let m = mc(&Scenario::default(), &dist(2030.0, 0.0), 300, 1);
    let names: Vec<_> = m.varied.iter().map(|v| v.name).collect();
    for name in [
        "agi_prize",
        "us_access",
        "cn_compute_per_dollar",
        "discount_rate",
        "us_capex_ratio",
        "cn_capex_ratio",
        "algorithmic_gain",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    for v in &m.varied {
        let correlated = [
            "agi_prize",
            "agi_gdp_share",
            "provider_capture",
            "demand_growth",
        ]
        .contains(&v.name);
        assert_eq!(v.correlated_with_agi, correlated, "{}", v.name);
        assert!(v.low <= v.high, "{}", v.name);
    }
    // One AGI year for every run, yet the outcomes spread: the other draws matter.
    let years_drawn = m
        .agi_years
        .iter()
        .filter(|y| y.sprint_pays + y.pace_pays + y.too_close_to_call > 0)
        .count();
    assert_eq!(years_drawn, 1);
    assert!(m.us_margin_p90 - m.us_margin_p10 > 1e-3, "{m:?}");
}

#[test]
fn a_late_distribution_puts_runs_in_the_no_agi_bar() {
    let m = mc(&Scenario::default(), &dist(2060.0, 30.0), 400, 3);
    let none = m.agi_years.last().map_or(0, |y| {
        assert_eq!(f64::from(y.year), NO_AGI_YEAR);
        y.sprint_pays + y.pace_pays + y.too_close_to_call
    });
    assert!(none > 0);
    assert!(m.share_agi_by_2060 < 1.0);
}

#[test]
fn zero_or_too_many_runs_nan_and_out_of_range_inputs_are_refused_by_name() {
    let s = Scenario::default();
    let fields = |s: &Scenario, d: &AgiDistribution, runs: u32| -> Vec<String> {
        match monte_carlo(s, d, runs, 1) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| e.field).collect(),
        }
    };
    let good = AgiDistribution::from_scenario(&s);
    assert_eq!(fields(&s, &good, 0), ["runs"]);
    assert_eq!(
        fields(&s, &good, ai_capex_explainer::model::MAX_RUNS + 1),
        ["runs"]
    );
    assert_eq!(
        fields(&s, &dist(f64::NAN, f64::INFINITY), 10),
        ["agi_median_year", "agi_spread_years"]
    );
    assert_eq!(
        fields(&s, &dist(2100.0, -1.0), 0),
        ["agi_median_year", "agi_spread_years", "runs"]
    );
    let nan = Scenario {
        agi_prize: f64::NAN,
        discount_rate: 40.0,
        ..Scenario::default()
    };
    assert_eq!(fields(&nan, &good, 10), ["agi_prize", "discount_rate"]);
    assert!(sensitivity(&nan).is_err());
}

#[test]
fn the_tornado_uses_each_plausible_end_sorts_by_swing_and_bars_every_movable_constant() {
    let t = sensitivity(&Scenario::default()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(t.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    // Framing inputs (how AGI comes, the prize's anchor) frame the question; they are no bar.
    for spec in input_specs()
        .iter()
        .filter(|s| s.group != InputGroup::Uncertainty && !FRAMING_INPUTS.contains(&s.field))
    {
        let bar = t.bars.iter().find(|b| b.field == spec.field);
        let ends = bar.map(|b| (b.is_input, b.low.input, b.high.input));
        assert_eq!(ends, Some((true, spec.low, spec.high)), "{}", spec.field);
    }
    for constant in [
        "prize_erosion",
        "algorithmic_gain",
        "us_capex_ratio",
        "cny_per_usd",
    ] {
        assert!(
            t.bars.iter().any(|b| b.field == constant && !b.is_input),
            "{constant}"
        );
    }
    assert!(t.fixed_figures.contains(&"us_revenue_2025"));
}

#[test]
fn a_bar_flips_when_an_end_changes_the_call_and_a_zero_bar_says_why() {
    for s in [
        Scenario::default(),
        with(&Scenario::default(), "agi_year", 2028.0),
    ] {
        let t = sensitivity(&s).unwrap_or_else(|e| panic!("{e:?}"));
        for bar in &t.bars {
            let flips = bar.low.call != t.base_call || bar.high.call != t.base_call;
            assert_eq!(bar.flips, flips, "{}", bar.field);
            assert_eq!(
                bar.zero_reason.is_some(),
                bar.swing <= 1e-9 * t.base_outcome.abs().max(1.0),
                "{}",
                bar.field
            );
        }
    }
    let no_agi = sensitivity(&with(&Scenario::default(), "agi_year", NO_AGI_YEAR))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let prize = no_agi.bars.iter().find(|b| b.field == "agi_prize");
    assert_eq!(prize.map(|b| b.swing), Some(0.0));
    assert_eq!(
        serde_json::to_value(prize.and_then(|b| b.zero_reason)).ok(),
        Some(serde_json::json!("no_agi"))
    );
}
