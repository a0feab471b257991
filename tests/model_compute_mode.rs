//! "Compute brings AGI" (`docs/MODEL.md` §3.5): AGI arrives when cumulative effective compute
//! crosses a threshold calibrated on both sides pacing, so both sides pacing reach it in the
//! reader's year and a sprint, which never buys less than pacing while it is funded, never
//! brings it later. (That more compute never delays the crossing is a unit test of `crossing`
//! in `src/model/game/agi_crossing.rs`.)

mod model_support;

use ai_capex_explainer::model::{Cell, Projection, Scenario, Strategy};
use model_support::{run, with};
use proptest::prelude::*;

fn compute_mode(agi_year: f64) -> Scenario {
    with(
        &with(&Scenario::default(), "agi_mode", 1.0),
        "agi_year",
        agi_year,
    )
}

fn cell(p: &Projection, us: Strategy, cn: Strategy) -> &Cell {
    match p
        .game
        .cells
        .iter()
        .find(|c| c.us_strategy == us && c.cn_strategy == cn)
    {
        Some(c) => c,
        None => panic!("no {us:?}/{cn:?} cell"),
    }
}

/// AGI date of a pair (a date past 2061 when it does not come by 2060).
fn date(c: &Cell) -> f64 {
    c.effective_agi_date.unwrap_or(f64::INFINITY)
}

#[test]
fn both_sides_pacing_reach_agi_in_the_readers_year() {
    for year in [2026.0, 2029.0, 2035.0, 2050.0, 2060.0] {
        let p = run(&compute_mode(year));
        let pace = cell(&p, Strategy::Pace, Strategy::Pace);
        assert_eq!(pace.effective_agi_year, Some(year as i32), "AGI {year}");
        assert!(
            (date(pace) - year).abs() < 1e-9,
            "AGI {year}: {}",
            date(pace)
        );
    }
    let none = run(&compute_mode(2061.0));
    assert!(none
        .game
        .cells
        .iter()
        .all(|c| c.effective_agi_year.is_none()));
}

#[test]
fn fixed_mode_keeps_the_readers_year_for_every_pair() {
    let p = run(&with(&Scenario::default(), "agi_year", 2033.0));
    for c in &p.game.cells {
        assert_eq!(c.effective_agi_year, Some(2033));
        assert_eq!(c.effective_agi_date, Some(2033.0));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A sprint never buys less than pacing before AGI unless it ran short of funding, so it
    /// never brings AGI later; and neither does the other side sprinting.
    #[test]
    fn sprinting_never_delays_agi(
        year in 2027.0..=2060.0_f64,
        growth in 0.0..=100.0_f64,
        power in 0.0..=50.0_f64,
        chips in 0.0..=60.0_f64,
    ) {
        // Patient investors, so that most cases stay funded (the property's premise).
        let patient = with(&with(&compute_mode(year.round()), "us_patience", 3.0), "cn_patience", 3.0);
        let s = with(&with(&with(&patient, "us_capex_growth", growth.round()),
            "us_power_growth", power.round()), "cn_chip_growth", chips.round());
        let p = run(&s);
        let pace = date(cell(&p, Strategy::Pace, Strategy::Pace));
        // A sprint that ran out of funding may have to buy less than pacing afterwards (it has
        // borrowed what pacing still has): the exception `docs/MODEL.md` §3.5 names.
        let short_of_funding = p.years.iter().any(|y| {
            f64::from(y.year) < pace && (y.us_sprint.limits.funding || y.cn_sprint.limits.funding)
        });
        prop_assume!(!short_of_funding);
        for c in &p.game.cells {
            prop_assert!(date(c) <= pace + 1e-9, "{:?}/{:?} {} after {}", c.us_strategy, c.cn_strategy, date(c), pace);
        }
        let both = date(cell(&p, Strategy::Sprint, Strategy::Sprint));
        prop_assert!(both <= date(cell(&p, Strategy::Sprint, Strategy::Pace)) + 1e-9);
        prop_assert!(both <= date(cell(&p, Strategy::Pace, Strategy::Sprint)) + 1e-9);
    }
}
