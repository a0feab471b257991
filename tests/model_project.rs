//! The yearly projection: finiteness, sums, monotonicity and the price path, over the whole
//! input space.

mod model_support;

use ai_capex_explainer::model::{
    project, Preset, Projection, Scenario, SprintBase, SprintPhase, StrategyYear,
};
use model_support::{any_scenario, close};
use proptest::prelude::*;

fn finite(y: &StrategyYear) -> bool {
    [y.capex, y.revenue, y.cash_flow, y.cumulative, y.roi]
        .iter()
        .all(|v| v.is_finite())
}

fn run(s: &Scenario) -> Projection {
    match project(s) {
        Ok(p) => p,
        Err(e) => panic!("valid scenario refused: {e:?}"),
    }
}

#[test]
fn the_projection_runs_from_2025_to_the_horizon() {
    for horizon in [2030, 2040, 2060] {
        let s = Scenario {
            horizon_end: horizon as f64,
            ..Scenario::default()
        };
        let p = run(&s);
        let years: Vec<i32> = p.years.iter().map(|r| r.year).collect();
        assert_eq!(years, (2025..=horizon).collect::<Vec<_>>());
        assert_eq!(p.prices.len(), p.years.len());
        assert_eq!(p.summary.horizon_end, horizon);
    }
}

#[test]
fn the_first_year_starts_from_the_seed_figures() {
    let p = run(&Scenario::default());
    let first = p.years[0];
    assert_eq!(first.sprint.capex, 364.0);
    assert!(close(first.sprint.revenue, 364.0 / 0.27));
    assert_eq!(first.marathon.capex, 300.0);
    assert!(close(first.marathon.revenue, 3000.0));
    assert_eq!(p.prices[0].price_index, 1.0);
}

#[test]
fn an_invalid_scenario_is_refused_with_every_bad_field() {
    let s = Scenario {
        horizon_end: 2020.0,
        payoff_multiple: 0.5,
        ..Scenario::default()
    };
    let errors = project(&s).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["horizon_end", "payoff_multiple"]);
}

#[test]
fn without_open_source_savings_the_marathon_earns_margin_over_intensity_every_year() {
    for preset in Preset::ALL {
        let p = run(&Scenario::preset(preset));
        for row in &p.years {
            assert!(
                close(row.marathon.roi, 0.30 / 0.10),
                "{} {}",
                preset.id(),
                row.year
            );
        }
    }
}

#[test]
fn the_seeds_disputed_base_figures_change_amounts_but_not_the_verdict() {
    let ratios: Vec<f64> = SprintBase::ALL
        .iter()
        .map(|&base| {
            run(&Scenario {
                sprint_base: base,
                ..Scenario::preset(Preset::Agi3y)
            })
        })
        .map(|p| p.summary.final_roi_ratio)
        .collect();
    assert!(
        close(ratios[0], ratios[1]) && close(ratios[0], ratios[2]),
        "{ratios:?}"
    );
}

#[test]
fn the_exchange_rate_and_the_marathons_size_do_not_change_the_verdict() {
    let base = run(&Scenario::default()).summary;
    let other = run(&Scenario {
        cny_per_usd: 6.0,
        marathon_base_capex_cny_bn: 1000.0,
        ..Scenario::default()
    })
    .summary;
    assert!(close(base.final_roi_ratio, other.final_roi_ratio));
    assert_eq!(base.kind, other.kind);
}

#[test]
fn a_year_row_can_be_shown_in_another_currency_without_changing_its_return() {
    let row = run(&Scenario::default()).years[3].marathon;
    let usd = row.scaled(1.0 / 7.17);
    assert!(close(usd.capex * 7.17, row.capex));
    assert_eq!(usd.roi, row.roi);
}

#[test]
fn unit_elasticity_keeps_api_revenue_flat_while_prices_fall() {
    let s = Scenario {
        price_elasticity: 1.0,
        price_decline_pct: 50.0,
        ..Scenario::default()
    };
    for point in run(&s).prices {
        assert!(close(point.revenue_index, 1.0));
        assert!(close(point.total_revenue_factor, 1.0));
    }
}

#[test]
fn cheaper_ai_grows_total_spend_only_when_elasticity_is_above_one() {
    let last = |e: f64| {
        let s = Scenario {
            price_elasticity: e,
            ..Scenario::default()
        };
        run(&s).prices.last().map(|p| p.revenue_index).unwrap()
    };
    assert!(last(1.5) > 1.0);
    assert!(last(0.5) < 1.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn no_output_is_nan_or_infinite_for_any_valid_scenario(s in any_scenario()) {
        let p = run(&s);
        for row in &p.years {
            prop_assert!(finite(&row.sprint) && finite(&row.marathon), "{:?}", row);
            prop_assert!(row.sprint.capex > 0.0 && row.marathon.capex > 0.0);
            prop_assert!(row.sprint.revenue > 0.0 && row.marathon.revenue > 0.0);
        }
        for point in &p.prices {
            prop_assert!(point.price_index.is_finite() && point.volume_index.is_finite());
            prop_assert!(point.revenue_index.is_finite() && point.total_revenue_factor.is_finite());
        }
        let m = &p.summary;
        for v in [m.final_roi_ratio, m.leader_multiple, m.sprint_final_roi, m.marathon_final_roi,
                  m.sprint_final_position, m.marathon_final_position] {
            prop_assert!(v.is_finite());
        }
        prop_assert!(m.leader_multiple >= 1.0);
        if let Some(x) = m.payoff_needed {
            prop_assert!((1.0..=10.0).contains(&x));
        }
        // Everything serializes (the boundary sends it as JSON).
        prop_assert!(serde_json::to_string(&p).is_ok());
    }

    #[test]
    fn cumulative_values_equal_the_sums_of_yearly_ones(s in any_scenario()) {
        let p = run(&s);
        let margin = s.cash_margin_pct / 100.0;
        for pick in [|r: &ai_capex_explainer::model::YearRow| r.sprint, |r: &ai_capex_explainer::model::YearRow| r.marathon] {
            let (mut cash, mut earned, mut spent) = (0.0, 0.0, 0.0);
            for row in &p.years {
                let y = pick(row);
                prop_assert!(close(y.cash_flow, margin * y.revenue - y.capex));
                cash += y.cash_flow;
                earned += margin * y.revenue;
                spent += y.capex;
                prop_assert!(close(y.cumulative, cash), "{} {} vs {}", row.year, y.cumulative, cash);
                prop_assert!(close(y.roi, earned / spent));
            }
        }
        let last = p.years.last().unwrap();
        prop_assert_eq!(p.summary.sprint_final_position, last.sprint.cumulative);
        prop_assert_eq!(p.summary.final_roi_ratio, last.sprint.roi / last.marathon.roi);
    }

    #[test]
    fn an_earlier_agi_never_lowers_the_sprints_final_position(
        s in any_scenario(),
        a in 2026i32..=2060,
        b in 2026i32..=2060,
    ) {
        let (early, late) = (a.min(b), a.max(b));
        let at = |year: i32| run(&Scenario { agi_year: year as f64, ..s.clone() }).summary;
        let (e, l) = (at(early), at(late));
        prop_assert!(e.sprint_final_position >= l.sprint_final_position - 1e-9 * l.sprint_final_position.abs(),
            "AGI {} → {}, AGI {} → {}", early, e.sprint_final_position, late, l.sprint_final_position);
    }

    #[test]
    fn more_patience_never_makes_the_bubble_burst_earlier(
        s in any_scenario(),
        a in 0.0f64..=10.0,
        b in 0.0f64..=10.0,
    ) {
        let (less, more) = (a.min(b), a.max(b));
        let burst = |p: f64| run(&Scenario { patience_multiple: p, ..s.clone() }).summary.bubble_year;
        match (burst(less), burst(more)) {
            (_, None) => {}
            (None, Some(y)) => prop_assert!(false, "bursts in {} only with more patience", y),
            (Some(x), Some(y)) => prop_assert!(y >= x, "{} then {}", x, y),
        }
    }

    #[test]
    fn the_bubble_can_only_burst_before_agi_and_capex_never_passes_the_power_ceiling(s in any_scenario()) {
        let p = run(&s);
        let agi = s.agi_year.round() as i32;
        if let Some(year) = p.summary.bubble_year {
            prop_assert!(year < agi);
            for row in &p.years {
                prop_assert_eq!(row.sprint_phase == SprintPhase::Burst, row.year > year);
            }
        }
        let ceiling = s.sprint_base_capex_usd_bn() * s.power_ceiling_multiple;
        for row in &p.years {
            prop_assert!(row.sprint.capex <= ceiling * (1.0 + 1e-12));
            if row.sprint_phase == SprintPhase::Won {
                prop_assert!(row.year >= agi && p.summary.bubble_year.is_none());
            }
        }
    }

    #[test]
    fn the_price_path_follows_constant_elasticity_demand_down_to_the_floor(s in any_scenario()) {
        let p = run(&s);
        let floor = s.price_floor_pct / 100.0;
        for point in &p.prices {
            prop_assert!(point.price_index >= floor * (1.0 - 1e-12) && point.price_index <= 1.0);
            prop_assert!(close(point.revenue_index, point.price_index * point.volume_index));
        }
        for w in p.prices.windows(2) {
            prop_assert!(w[1].price_index <= w[0].price_index);
        }
    }

    #[test]
    fn the_margin_cancels_out_of_the_verdict_unless_it_changes_the_bubble(
        s in any_scenario(),
        other in 5.0f64..=60.0,
    ) {
        let a = run(&s).summary;
        let b = run(&Scenario { cash_margin_pct: other, ..s.clone() }).summary;
        if a.bubble_year == b.bubble_year {
            prop_assert!(close(a.final_roi_ratio, b.final_roi_ratio), "{} vs {}", a.final_roi_ratio, b.final_roi_ratio);
        }
    }

    #[test]
    fn the_sprint_draws_level_at_the_payoff_it_needs(s in any_scenario()) {
        let p = run(&s);
        if let Some(needed) = p.summary.payoff_needed {
            if needed > 1.0 {
                let level = run(&Scenario { payoff_multiple: needed, ..s.clone() }).summary;
                prop_assert!((level.final_roi_ratio - 1.0).abs() < 1e-6, "{}", level.final_roi_ratio);
            }
        }
    }
}
