//! Which assumption moves the verdict most (a tornado). Each input on the page, and the
//! uncertain constants (elasticity, how far the US follows the price war, the two capex
//! ratios), is set to its documented plausible low and high (the input table's
//! `low`–`high`, the constants' `plausible`), all others as the reader set them; the outcome
//! is the verdict margin (the sprint's value per unit invested minus the marathon's) at the
//! reader's AGI year, plus the break-even AGI year at each end. Bars are sorted by swing,
//! largest first; a bar whose ends fall on both sides of zero flips the verdict; a bar of
//! zero width says why it cannot move the verdict here.

use serde::Serialize;

use super::calibration::{CN_CAPEX_RATIO, PRICE_ELASTICITY, US_CAPEX_RATIO, US_PRICE_FOLLOW};
use super::engine::{measure, world, Fixed, Limits, World};
use super::error::InputError;
use super::inputs::{input_specs, InputGroup};
use super::params::Params;
use super::scenario::Scenario;
use super::verdict::{break_even, verdict, Leader, Threshold, Verdict};

/// Why a bar has no width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroReason {
    /// An input of the AGI race, and AGI does not come by 2060.
    NoAgi,
    /// An input of the prize's split, and the prize is set to zero.
    NoPrize,
    /// US capex growth, and the grid or investors already hold US capex below every growth
    /// rate in the range.
    SprintHeldBack,
    /// A limit (power, funding or chips) that never binds in this scenario.
    LimitSlack,
    /// Acts through the price war (the elasticity, how far the US follows), and China cuts
    /// no further than its costs fall.
    NoPriceWar,
    /// Anything else: the input reaches the verdict only through paths this scenario does
    /// not take.
    Other,
}

/// One bar of the tornado.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TornadoBar {
    /// The input's field name, or a constant's name (`us_capex_ratio`, `cn_capex_ratio`).
    pub field: &'static str,
    pub base_input: f64,
    pub low_input: f64,
    pub high_input: f64,
    /// The verdict margin with `low_input` and with `high_input`.
    pub outcome_low: f64,
    pub outcome_high: f64,
    /// `max(low, high, base) − min(…)`.
    pub swing: f64,
    /// The leader differs between the two ends (or from the reader's scenario).
    pub flips: bool,
    pub break_even_low: Threshold,
    pub break_even_high: Threshold,
    /// Set when `swing` is zero.
    pub zero_reason: Option<ZeroReason>,
}

/// The tornado with its base value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// The verdict margin with every input as given.
    pub base_outcome: f64,
    pub base_leader: Leader,
    /// Largest swing first (ties keep table order).
    pub bars: Vec<TornadoBar>,
}

/// One end of a bar: the verdict margin and the break-even year with one value changed.
fn probe(p: &Params) -> (f64, Leader, Threshold) {
    let fixed = Fixed::new(p);
    let v = verdict(p, &fixed);
    (v.margin(), v.leader, break_even(p, &fixed).against_marathon)
}

/// The reader's scenario with one input or capex ratio set to `x`.
fn params_with(s: &Scenario, field: &str, x: f64) -> Params {
    let mut changed = s.clone();
    let is_input = changed.set_number_unchecked(field, x);
    let mut p = Params::from_scenario(&changed);
    if !is_input {
        match field {
            "us_capex_ratio" => p.us_capex_ratio = x,
            "cn_capex_ratio" => p.cn_capex_ratio = x,
            "price_elasticity" => p.elasticity = x,
            "us_price_follow" => p.us_price_follow = x,
            _ => {}
        }
    }
    p
}

/// Which limits ever bind on the sprint and the marathon in a scenario's world.
fn binding_limits(w: &World, fixed: &Fixed) -> Limits {
    let mut any = Limits::default();
    for l in w.sprint.limits.iter().chain(fixed.marathon.limits.iter()) {
        any.power |= l.power;
        any.funding |= l.funding;
        any.chips |= l.chips;
    }
    any
}

fn zero_reason(field: &str, p: &Params, limits: Limits) -> ZeroReason {
    let race_input = matches!(
        field,
        "agi_prize" | "winner_take_all" | "catch_up_lag" | "cn_efficiency"
    );
    match field {
        _ if race_input && p.agi_year.is_none() => ZeroReason::NoAgi,
        "winner_take_all" | "catch_up_lag" | "cn_efficiency" if p.prize == 0.0 => {
            ZeroReason::NoPrize
        }
        "us_capex_growth" if limits.power || limits.funding => ZeroReason::SprintHeldBack,
        "us_power_growth" if !limits.power => ZeroReason::LimitSlack,
        "us_patience" if !limits.funding => ZeroReason::LimitSlack,
        "cn_chip_growth" if !limits.chips => ZeroReason::LimitSlack,
        "price_elasticity" | "us_price_follow" if p.price_cut == 0.0 => ZeroReason::NoPriceWar,
        _ => ZeroReason::Other,
    }
}

/// Sets every page input and the uncertain constants to their plausible low and high in turn.
/// Validates first.
///
/// ```
/// use ai_capex_explainer::model::{sensitivity, Scenario};
/// let t = sensitivity(&Scenario::default()).map_err(|e| format!("{e:?}"))?;
/// assert!(t.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
/// # Ok::<(), String>(())
/// ```
pub fn sensitivity(s: &Scenario) -> Result<Sensitivity, Vec<InputError>> {
    s.validate()?;
    let base = Params::from_scenario(s);
    // The reader's scenario: its verdict and its binding limits from one world (no scan).
    let fixed = Fixed::new(&base);
    let w = world(&base, &fixed);
    let base_verdict = Verdict::new(
        measure(&fixed.market, &w.sprint, &w.sprint_prize),
        measure(&fixed.market, &fixed.marathon, &w.sprint_prize),
    );
    let (base_outcome, base_leader) = (base_verdict.margin(), base_verdict.leader);
    let limits = binding_limits(&w, &fixed);

    let mut probes: Vec<(&'static str, f64, f64, f64)> = input_specs()
        .iter()
        .filter(|spec| spec.group != InputGroup::Uncertainty)
        .filter_map(|spec| Some((spec.field, s.number(spec.field)?, spec.low, spec.high)))
        .collect();
    for c in [
        PRICE_ELASTICITY,
        US_PRICE_FOLLOW,
        US_CAPEX_RATIO,
        CN_CAPEX_RATIO,
    ] {
        probes.push((c.name, c.value, c.plausible.0, c.plausible.1));
    }

    let mut bars: Vec<TornadoBar> = probes
        .into_iter()
        .map(|(field, base_input, low_input, high_input)| {
            let at = |x: f64| probe(&params_with(s, field, x));
            let (outcome_low, leader_low, break_even_low) = at(low_input);
            let (outcome_high, leader_high, break_even_high) = at(high_input);
            let top = outcome_low.max(outcome_high).max(base_outcome);
            let bottom = outcome_low.min(outcome_high).min(base_outcome);
            let swing = top - bottom;
            TornadoBar {
                field,
                base_input,
                low_input,
                high_input,
                outcome_low,
                outcome_high,
                swing,
                flips: leader_low != leader_high
                    || leader_low != base_leader
                    || leader_high != base_leader,
                break_even_low,
                break_even_high,
                zero_reason: (swing <= 1e-12 * base_outcome.abs().max(1.0))
                    .then(|| zero_reason(field, &base, limits)),
            }
        })
        .collect();
    crate::sort::insertion_sort_by(&mut bars, |a, b| b.swing.total_cmp(&a.swing).is_lt());
    Ok(Sensitivity {
        base_outcome,
        base_leader,
        bars,
    })
}
