//! The page makes the heavy results a slice at a time (src/web/slices.rs): made in steps of any
//! size, for every preset, the Monte Carlo run, the tornado and the map are the results the
//! one-call functions give, bit for bit.

use ai_capex_explainer::model::{
    default_map_field, monte_carlo, sensitivity, strategy_map, AgiDistribution, MonteCarloSteps,
    Preset, Scenario, SensitivitySteps, StrategyMapSteps,
};

fn scenarios() -> Vec<Scenario> {
    std::iter::once(Scenario::default())
        .chain(Preset::ALL.iter().map(|&p| Scenario::preset(p)))
        .collect()
}

#[test]
fn monte_carlo_in_steps_of_any_size_is_the_one_call_run() {
    for s in scenarios() {
        let dist = AgiDistribution::from_scenario(&s);
        let whole = monte_carlo(&s, &dist, 97, 11).unwrap();
        for size in [1, 7, 96, 97, 1000] {
            let mut steps = MonteCarloSteps::start(&s, &dist, 97, 11).unwrap();
            let mut calls = 1;
            while !steps.step(size) {
                calls += 1;
            }
            assert_eq!(calls, 97_u32.div_ceil(size), "steps of {size}");
            assert_eq!(steps.finish(), whole, "steps of {size}");
        }
        // Finished early, it makes the runs still to make.
        let mut part = MonteCarloSteps::start(&s, &dist, 97, 11).unwrap();
        part.step(30);
        assert_eq!(part.finish(), whole);
    }
}

#[test]
fn the_tornado_and_the_map_in_steps_are_the_one_call_results() {
    for s in scenarios() {
        let mut tornado = SensitivitySteps::start(&s).unwrap();
        let mut scans = 1;
        while !tornado.step() {
            scans += 1;
        }
        let whole = sensitivity(&s).unwrap();
        // The reader's own outcome, which limits bind, and two ends a bar.
        assert_eq!(scans, 2 + 2 * whole.bars.len());
        assert_eq!(tornado.finish(), whole);

        let field = default_map_field(&s);
        let mut map = StrategyMapSteps::start(&s, field).unwrap();
        let mut rows = 1;
        while !map.step() {
            rows += 1;
        }
        let whole = strategy_map(&s, field).unwrap();
        assert_eq!(rows, whole.values.len());
        assert_eq!(map.finish(), whole);
    }
}

#[test]
fn steps_refuse_what_the_one_call_functions_refuse() {
    let mut s = Scenario::default();
    s.demand_growth = f64::NAN;
    assert!(SensitivitySteps::start(&s).is_err());
    assert!(StrategyMapSteps::start(&s, "demand_growth").is_err());
    let dist = AgiDistribution::from_scenario(&Scenario::default());
    assert!(MonteCarloSteps::start(&Scenario::default(), &dist, 0, 1).is_err());
    assert!(StrategyMapSteps::start(&Scenario::default(), "agi_year").is_err());
}
