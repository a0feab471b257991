//! The game is fair when the sides are the same (issue 18): with every side-specific input
//! and constant equal — one currency at rate 1, power and chip limits on both sides, equal
//! market access, no price war — the 2×2 table is its own transpose. Inside the crate because
//! a symmetric world cannot be set through the page's inputs (the two sides' reported figures
//! are constants).

use super::engine::Strategy;
use super::params::Params;
use super::project::project_params;
use super::scenario::Scenario;

/// The default US side on both sides, with both limits and the given access.
fn symmetric(agi_year: Option<i32>, access: f64) -> Params {
    let mut p = Params::from_scenario(&Scenario::default());
    p.agi_year = agi_year;
    p.cny_per_usd = 1.0;
    p.us.power_growth = Some(0.2);
    p.us.chip_growth = Some(0.3);
    p.us.access = access;
    p.us.price_cut = 0.0;
    p.cn = p.us;
    p
}

/// The largest gap, relative to the figure's size, between a cell and its transpose.
fn asymmetry(p: &Params) -> f64 {
    let game = project_params(p).game;
    let cell = |us: Strategy, cn: Strategy| {
        game.cells
            .iter()
            .find(|c| c.us_strategy == us && c.cn_strategy == cn)
            .copied()
            .expect("every pair is in the table")
    };
    let gap = |a: f64, b: f64| (a - b).abs() / a.abs().max(b.abs()).max(1.0);
    let mut worst = 0.0_f64;
    for us in Strategy::BOTH {
        for cn in Strategy::BOTH {
            let (c, t) = (cell(us, cn), cell(cn, us));
            for (a, b) in [
                (c.us_npv, t.cn_npv),
                (c.us_value_per_unit, t.cn_value_per_unit),
                (c.us.pv_capex, t.cn.pv_capex),
                (c.us.peak_funding_need, t.cn.peak_funding_need),
            ] {
                worst = worst.max(gap(a, b));
            }
        }
    }
    worst
}

#[test]
fn with_equal_sides_the_game_table_is_its_own_transpose() {
    for agi_year in [Some(2027), Some(2030), Some(2042), None] {
        for access in [0.0, 0.02, 0.3] {
            let worst = asymmetry(&symmetric(agi_year, access));
            assert!(
                worst <= 1e-9,
                "AGI {agi_year:?}, access {access}: a cell and its transpose differ by {worst:e}"
            );
        }
    }
}
