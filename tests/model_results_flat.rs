//! The heavy results written flat and read back, as a result the core made in a Web Worker
//! reaches the page's core (src/model/flat.rs, src/web/handed.rs): the same result, every
//! field, and a list of numbers that is not one refused.

use ai_capex_explainer::model::{
    default_map_field, from_flat, input_specs, monte_carlo, sensitivity, strategy_map, to_flat,
    AgiDistribution, BreakEvenKind, Call, FromFlat, MonteCarlo, Preset, Scenario, Sensitivity,
    Side, Steadier, StrategyMap, ZeroReason,
};
use serde::Serialize;
use std::fmt::Debug;

fn read_back<T: Serialize + FromFlat + PartialEq + Debug>(made: &T) {
    let flat = to_flat(made).expect("a result is written flat");
    assert_eq!(&from_flat::<T>(&flat).expect("a result reads back"), made);
    // Every number counts: one fewer, or one more, is not the result.
    assert!(from_flat::<T>(&flat[..flat.len() - 1]).is_err());
    let mut longer = flat.clone();
    longer.push(0.0);
    assert!(from_flat::<T>(&longer).is_err());
}

fn scenarios() -> Vec<Scenario> {
    let mut all = vec![Scenario::default()];
    all.extend(Preset::ALL.iter().map(|&preset| Scenario::preset(preset)));
    let mut no_agi = Scenario::default();
    no_agi
        .set_read("agi_year", "2061", |text| text.parse().ok())
        .expect("no AGI by 2060 is a valid year");
    all.push(no_agi);
    all
}

const DIST: AgiDistribution = AgiDistribution {
    median_year: 2032.0,
    spread_years: 5.0,
};

#[test]
fn every_heavy_result_reads_back_as_made() {
    for s in scenarios() {
        read_back(&monte_carlo(&s, &DIST, 40, 7).expect("a valid scenario runs"));
        read_back(&sensitivity(&s).expect("a valid scenario has a tornado"));
        read_back(&strategy_map(&s, default_map_field(&s)).expect("a valid scenario has a map"));
    }
}

/// Each variant of `variants` (listed as the enum declares them) written as its index, and read
/// back: the reader lists each enum's variants itself, and a result may not hold every one.
fn variants_read_back<T: Serialize + FromFlat + PartialEq + Debug + Copy>(variants: &[T]) {
    for (index, variant) in variants.iter().enumerate() {
        assert_eq!(to_flat(variant).unwrap(), vec![index as f64], "{variant:?}");
        assert_eq!(&from_flat::<T>(&[index as f64]).unwrap(), variant);
    }
    assert!(from_flat::<T>(&[variants.len() as f64]).is_err());
}

#[test]
fn every_variant_reads_back_as_itself() {
    use BreakEvenKind as K;
    use ZeroReason as Z;
    variants_read_back(&[Side::Us, Side::Cn]);
    variants_read_back(&[Call::Sprint, Call::Pace, Call::TooCloseToCall]);
    variants_read_back(&[
        K::Until,
        K::From,
        K::Mixed,
        K::Always,
        K::Never,
        K::TooCloseToCall,
    ]);
    variants_read_back(&[
        Steadier::Sprint,
        Steadier::Pace,
        Steadier::AboutAsSteady,
        Steadier::Mixed,
    ]);
    variants_read_back(&[
        Z::NoAgi,
        Z::NoPrize,
        Z::LimitSlack,
        Z::NoPriceWar,
        Z::RaceDecided,
        Z::ChinaSideOnly,
        Z::OtherPrizeAnchor,
        Z::Other,
    ]);
}

#[test]
fn numbers_that_are_not_a_result_are_refused() {
    let s = Scenario::default();
    let map = to_flat(&strategy_map(&s, default_map_field(&s)).unwrap()).unwrap();
    // The map starts with its field's place among the model's names.
    for place in [-1.0, 0.5, 1e6, f64::NAN] {
        let mut bad = map.clone();
        bad[0] = place;
        assert!(from_flat::<StrategyMap>(&bad).is_err(), "place {place}");
    }
    // Its list of values: a length longer than the numbers left.
    let mut bad = map.clone();
    bad[1] = 1e9;
    assert!(from_flat::<StrategyMap>(&bad).is_err());

    let tornado = to_flat(&sensitivity(&s).unwrap()).unwrap();
    // The third number is the base call, a variant's index (three calls).
    let mut bad = tornado.clone();
    bad[2] = 3.0;
    assert!(from_flat::<Sensitivity>(&bad).is_err());

    // The Monte Carlo's run count must be a whole number.
    let mut bad = to_flat(&monte_carlo(&s, &DIST, 10, 1).unwrap()).unwrap();
    bad[0] = 10.5;
    assert!(from_flat::<MonteCarlo>(&bad).is_err());
    assert!(from_flat::<MonteCarlo>(&[]).is_err());
}

#[test]
fn an_integer_a_double_cannot_hold_is_not_written() {
    let exact = 1_u64 << 53;
    assert_eq!(to_flat(&exact).unwrap(), vec![exact as f64]);
    assert!(to_flat(&(exact + 1)).is_err());
    assert!(to_flat(&-(exact as i64 + 1)).is_err());
}

#[test]
fn a_name_the_model_does_not_know_is_not_written() {
    #[derive(Serialize)]
    struct Named {
        name: &'static str,
    }
    assert!(to_flat(&Named { name: "agi_year" }).is_ok());
    assert!(to_flat(&Named {
        name: "not_an_input"
    })
    .unwrap_err()
    .to_string()
    .contains("not one of the model's"));
}

#[test]
fn each_kind_of_number_is_read_within_its_range() {
    let exact = (1_u64 << 53) as f64;
    // Integers: their type's ends (a double's exact integers for u64) read, one past refused.
    assert_eq!(from_flat::<u32>(&[0.0]), Ok(0));
    assert_eq!(from_flat::<u32>(&[u32::MAX as f64]), Ok(u32::MAX));
    assert_eq!(from_flat::<i32>(&[i32::MIN as f64]), Ok(i32::MIN));
    assert_eq!(from_flat::<i32>(&[i32::MAX as f64]), Ok(i32::MAX));
    assert_eq!(from_flat::<u64>(&[exact]), Ok(1 << 53));
    for refused in [-1.0, u32::MAX as f64 + 1.0, 0.5, f64::NAN, f64::INFINITY] {
        assert!(from_flat::<u32>(&[refused]).is_err(), "u32 from {refused}");
    }
    for refused in [i32::MIN as f64 - 1.0, i32::MAX as f64 + 1.0] {
        assert!(from_flat::<i32>(&[refused]).is_err(), "i32 from {refused}");
    }
    for refused in [-1.0, exact + 2.0] {
        assert!(from_flat::<u64>(&[refused]).is_err(), "u64 from {refused}");
    }
    // A yes or no, and an option's mark, are 0 or 1.
    assert_eq!(from_flat::<bool>(&[1.0]), Ok(true));
    assert!(from_flat::<bool>(&[0.5]).is_err());
    assert!(from_flat::<bool>(&[2.0]).is_err());
    assert_eq!(from_flat::<Option<f64>>(&[0.0]), Ok(None));
    assert_eq!(from_flat::<Option<f64>>(&[1.0, 2.5]), Ok(Some(2.5)));
    assert!(from_flat::<Option<f64>>(&[2.0, 2.5]).is_err());
    // A list: its length, at most the numbers left after it.
    assert_eq!(from_flat::<Vec<f64>>(&[2.0, 1.0, 2.0]), Ok(vec![1.0, 2.0]));
    assert!(from_flat::<Vec<f64>>(&[3.0, 1.0, 2.0]).is_err());
    assert!(from_flat::<Vec<f64>>(&[-1.0]).is_err());
    // A name: its place among the model's names.
    assert_eq!(from_flat::<&str>(&[0.0]), Ok(input_specs()[0].field));
    assert!(from_flat::<&str>(&[1e6]).is_err());
}
