//! The Monte Carlo run over the AGI year: deterministic per seed, consistent counts, fast.

mod model_support;

use ai_capex_explainer::model::{
    monte_carlo, project, AgiDistribution, InputErrorKind, Leader, Preset, Scenario, DEFAULT_RUNS,
    HISTOGRAM_BINS, MAX_RUNS,
};
use model_support::any_scenario;
use proptest::prelude::*;

fn dist(s: &Scenario) -> AgiDistribution {
    AgiDistribution::from_scenario(s)
}

#[test]
fn the_same_seed_gives_the_same_result() {
    let s = Scenario::default();
    let a = monte_carlo(&s, &dist(&s), DEFAULT_RUNS, 2025).unwrap();
    let b = monte_carlo(&s, &dist(&s), DEFAULT_RUNS, 2025).unwrap();
    assert_eq!(a, b);
}

#[test]
fn with_no_spread_every_run_matches_the_projection_for_the_median_year() {
    for preset in [Preset::Agi3y, Preset::Agi10y, Preset::NoAgi] {
        let s = Scenario {
            agi_spread_years: 0.0,
            ..Scenario::preset(preset)
        };
        let mc = monte_carlo(&s, &dist(&s), 1000, 1).unwrap();
        let p = project(&s).unwrap().summary;
        let expected = if p.leader_at_end == Leader::Sprint {
            1.0
        } else {
            0.0
        };
        assert_eq!(mc.p_sprint_ahead, expected, "{}", preset.id());
        assert_eq!(mc.ratio_median, p.final_roi_ratio);
        assert_eq!(
            mc.p_agi_in_horizon,
            if p.agi_in_horizon { 1.0 } else { 0.0 }
        );
    }
}

#[test]
fn half_the_runs_see_agi_by_the_median_year() {
    let s = Scenario {
        agi_median_year: 2032.0,
        agi_spread_years: 6.0,
        ..Scenario::default()
    };
    let mc = monte_carlo(&s, &dist(&s), 200_000, 9).unwrap();
    let by_median: u32 = mc
        .agi_years
        .iter()
        .filter(|b| b.year <= 2032)
        .map(|b| b.count)
        .sum();
    let share = by_median as f64 / mc.runs as f64;
    // Rounding to whole years puts the median year's own draws (X in [6.5, 7.5)) on this side.
    assert!((0.5..0.62).contains(&share), "{share}");
}

#[test]
fn histogram_bins_are_ordered_and_ratio_one_is_an_edge() {
    let s = Scenario::default();
    let mc = monte_carlo(&s, &dist(&s), DEFAULT_RUNS, 3).unwrap();
    assert_eq!(mc.histogram.len(), HISTOGRAM_BINS);
    for w in mc.histogram.windows(2) {
        assert!(w[0].hi == w[1].lo && w[0].lo < w[0].hi);
    }
    assert_eq!(mc.histogram[HISTOGRAM_BINS / 2].lo, 1.0);
    for (i, bin) in mc.histogram.iter().enumerate() {
        if i < HISTOGRAM_BINS / 2 {
            assert_eq!(bin.sprint_ahead_count, 0);
        } else {
            assert_eq!(bin.marathon_ahead_count, 0);
        }
    }
}

#[test]
fn a_bad_distribution_or_run_count_is_refused_with_its_range() {
    let s = Scenario::default();
    let bad = AgiDistribution {
        median_year: 2020.0,
        spread_years: f64::NAN,
    };
    let errors = monte_carlo(&s, &bad, 0, 1).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["agi_median_year", "agi_spread_years", "runs"]);
    assert_eq!(
        errors[0].to_string(),
        "agi_median_year = 2020 is out of range 2026–2060"
    );
    assert_eq!(errors[1].kind, InputErrorKind::NotANumber);
    assert_eq!(errors[2].to_string(), "runs = 0 is out of range 1–1000000");
    assert!(monte_carlo(&s, &dist(&s), MAX_RUNS + 1, 1).is_err());
    let bad_scenario = Scenario {
        agi_year: 1999.0,
        ..Scenario::default()
    };
    assert_eq!(
        monte_carlo(&bad_scenario, &dist(&s), 10, 1).unwrap_err()[0].field,
        "agi_year"
    );
}

#[test]
fn ten_thousand_runs_take_well_under_a_frame_natively() {
    let s = Scenario::default();
    let d = dist(&s);
    let _ = monte_carlo(&s, &d, DEFAULT_RUNS, 0);
    let rounds = 20u32;
    let start = std::time::Instant::now();
    for seed in 0..rounds {
        let mc = monte_carlo(&s, &d, DEFAULT_RUNS, seed as u64).unwrap();
        assert_eq!(mc.runs, DEFAULT_RUNS);
    }
    let each = start.elapsed() / rounds;
    // Printed, not asserted: timings depend on the machine and the build profile.
    println!(
        "monte_carlo: {DEFAULT_RUNS} runs in {each:?} (mean of {rounds}; debug builds are slower)"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn probabilities_sum_to_at_most_one_and_every_run_is_counted_once(
        s in any_scenario(),
        runs in 1u32..5_000,
        seed in any::<u64>(),
    ) {
        let mc = monte_carlo(&s, &dist(&s), runs, seed).unwrap();
        prop_assert_eq!(mc.runs, runs);
        prop_assert!(mc.p_sprint_ahead + mc.p_marathon_ahead <= 1.0 + 1e-12);
        for p in [mc.p_sprint_ahead, mc.p_marathon_ahead, mc.p_bubble, mc.p_agi_in_horizon] {
            prop_assert!((0.0..=1.0).contains(&p));
        }
        let binned: u32 = mc.histogram.iter()
            .map(|b| b.sprint_ahead_count + b.marathon_ahead_count + b.tie_count).sum();
        prop_assert_eq!(binned, runs);
        let by_year: u32 = mc.agi_years.iter().map(|b| b.count).sum();
        prop_assert_eq!(by_year, runs);
        let sprint: u32 = mc.histogram.iter().map(|b| b.sprint_ahead_count).sum();
        prop_assert!((sprint as f64 / runs as f64 - mc.p_sprint_ahead).abs() < 1e-12);
        prop_assert!(mc.ratio_p10 <= mc.ratio_median && mc.ratio_median <= mc.ratio_p90);
        for bin in &mc.histogram {
            prop_assert!(bin.lo.is_finite() && bin.hi.is_finite() && bin.lo > 0.0);
        }
        let last = mc.agi_years.last().unwrap();
        prop_assert!(!last.within_horizon);
        prop_assert_eq!(last.year, s.horizon_end.round() as i32 + 1);
        prop_assert!(serde_json::to_string(&mc).is_ok());
    }
}
