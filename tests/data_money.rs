//! Currency conversion and money helpers on facts and units.

use ai_capex_explainer::data::{checked_convert_money, convert_money, Currency, Dataset, Unit};

#[test]
fn dollars_convert_to_yuan_by_multiplying_by_the_rate() {
    assert!((convert_money(12.0, Currency::Usd, Currency::Cny, 7.17) - 86.04).abs() < 1e-9);
}

#[test]
fn yuan_convert_to_dollars_by_dividing_by_the_rate() {
    assert!((convert_money(1100.0, Currency::Cny, Currency::Usd, 7.097) - 155.0).abs() < 0.01);
}

#[test]
fn the_same_currency_is_returned_unchanged_whatever_the_rate() {
    assert_eq!(
        convert_money(380.0, Currency::Cny, Currency::Cny, 0.0),
        380.0
    );
    assert_eq!(
        convert_money(1.5, Currency::Usd, Currency::Usd, f64::NAN),
        1.5
    );
}

#[test]
fn checked_conversion_refuses_unusable_rates() {
    for rate in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(
            checked_convert_money(1.0, Currency::Usd, Currency::Cny, rate),
            None,
            "{rate}"
        );
    }
    assert_eq!(
        checked_convert_money(f64::MAX, Currency::Usd, Currency::Cny, 7.0),
        None
    );
    assert_eq!(
        checked_convert_money(2.0, Currency::Usd, Currency::Cny, 7.0),
        Some(14.0)
    );
}

#[test]
fn units_know_their_currency_and_scale() {
    assert_eq!(Unit::UsdBn.currency(), Some(Currency::Usd));
    assert_eq!(Unit::CnyM.currency(), Some(Currency::Cny));
    assert_eq!(Unit::Percent.currency(), None);
    assert_eq!(Unit::UsdM.to_billions_factor(), Some(0.001));
    assert_eq!(Unit::Gw.to_billions_factor(), None);
    assert_eq!(Unit::CountM.code(), "count_m");
}

#[test]
fn a_fact_converts_at_the_reference_rate_of_its_year_never_its_seeds_own() {
    let d = Dataset::embedded().expect("valid");
    // Seed 000 implies 7.17 (120亿美元 ≈ 860亿元), but 2025 figures convert at 2025's rate.
    let bytedance = d.fact("s000-bytedance-ai-capex-2025").expect("known");
    let rate_2025 = d.rate_for(2025).expect("a 2025 rate").cny_per_usd;
    let yuan = d.money_bn(bytedance, Currency::Cny).expect("money");
    assert!((yuan - 12.0 * rate_2025).abs() < 1e-9, "{yuan}");
    assert_ne!(Some(rate_2025), bytedance.cny_per_usd);
    let tencent_2024 = d.fact("s002-tencent-capex-2024").expect("known");
    let rate_2024 = d.rate_for(2024).expect("a 2024 rate").cny_per_usd;
    let dollars = d.money_bn(tencent_2024, Currency::Usd).expect("money");
    assert!((dollars - 76.7 / rate_2024).abs() < 1e-9);
    let share = d.fact("s001-us-capex-split-datacenter").expect("known");
    assert_eq!(d.money_bn(share, Currency::Usd), None);
}

#[test]
fn a_year_without_its_own_rate_takes_the_nearest_years() {
    let d = Dataset::embedded().expect("valid");
    let first = d
        .reference_rates
        .iter()
        .map(|r| r.year)
        .min()
        .expect("rates");
    let last = d
        .reference_rates
        .iter()
        .map(|r| r.year)
        .max()
        .expect("rates");
    assert_eq!(d.rate_for(first - 5).map(|r| r.year), Some(first));
    assert_eq!(d.rate_for(last + 3).map(|r| r.year), Some(last));
    assert_eq!(d.rate_for(last).map(|r| r.year), Some(last));
}

#[test]
fn millions_are_turned_into_billions() {
    let d = Dataset::embedded().expect("valid");
    let loss_per_day = d.fact("s000-openai-loss-per-day-2025q3").expect("known");
    assert_eq!(loss_per_day.unit, Unit::UsdM);
    let bn = d.money_bn(loss_per_day, Currency::Usd).expect("money");
    assert!((bn - 0.13).abs() < 1e-12);
}

#[test]
fn a_range_has_its_midpoint_as_central_value() {
    let d = Dataset::embedded().expect("valid");
    assert_eq!(
        d.fact("s004-meta-capex-2025-plan")
            .expect("known")
            .central_value(),
        62.5
    );
    assert_eq!(
        d.fact("s004-alphabet-capex-2024")
            .expect("known")
            .central_value(),
        52.5
    );
}
