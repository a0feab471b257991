//! What would change the answer (a tornado). Every input on the page and every movable
//! constant is set in turn to its documented plausible low and high (the input table's
//! `low`–`high`, the constants' `plausible`), all others as the reader set them. The outcome is
//! the US firms' sprint minus pace (NPV, US$ bn, China answering with its best response) at
//! the reader's AGI year, with the call and the break-even AGI year at each end. Bars are
//! sorted by swing, largest first; a bar flips when the call at one end differs from the
//! reader's; a bar of zero width says why. Reported figures with no range are listed, not
//! barred.

use serde::Serialize;

use super::calibration::CONSTANTS;
use super::engine::{Limits, Side};
use super::error::InputError;
use super::game::{scan, BreakEvenKind, Call, Fixed};
use super::inputs::{input_specs, InputGroup, FRAMING_INPUTS};
use super::params::{Params, MOVABLE_CONSTANTS};
use super::scenario::Scenario;

/// Why a bar has no width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroReason {
    /// An input of the AGI race, and AGI does not come by 2060.
    NoAgi,
    /// An input of the prize's split, and the prize is set to zero.
    NoPrize,
    /// A limit (power, funding or chips) that never binds in this scenario.
    LimitSlack,
    /// Acts through a price war, and nobody cuts prices beyond costs.
    NoPriceWar,
    /// Acts on the contested part of the prize, and the US firms take the same share of it
    /// whether they sprint or pace (the race is decided either way).
    RaceDecided,
    /// Acts on the Chinese side only, which reaches the US firms' choice only through the
    /// contested prize, decided either way here.
    ChinaSideOnly,
    /// Sets the prize's scale under the other anchor (`agi_prize` with the world-output anchor;
    /// `agi_gdp_share`, `provider_capture` and `world_gdp_growth` with the AI-market one).
    OtherPrizeAnchor,
    /// Anything else: the input reaches the outcome only through paths this scenario does not
    /// take.
    Other,
}

/// One end of a bar.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TornadoEnd {
    pub input: f64,
    /// US sprint minus pace, US$ bn.
    pub outcome: f64,
    /// Half the width of the band around zero inside which `outcome` is too close to call,
    /// US$ bn ([`MATERIALITY`] of the PV of capex when pacing, with this end's value).
    pub band: f64,
    pub call: Call,
    pub break_even_kind: BreakEvenKind,
    pub break_even_agi_year: Option<i32>,
}

/// One bar of the tornado.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TornadoBar {
    /// The input's field name, or a constant's `docs/MODEL.md` name.
    pub field: &'static str,
    /// An input on the page (false: a constant).
    pub is_input: bool,
    pub base_input: f64,
    pub low: TornadoEnd,
    pub high: TornadoEnd,
    /// `max(low, high, base) − min(…)`.
    pub swing: f64,
    /// The call at one end differs from the reader's.
    pub flips: bool,
    /// Set when `swing` is zero.
    pub zero_reason: Option<ZeroReason>,
}

/// The tornado with its base value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// US sprint minus pace with every input as given, US$ bn.
    pub base_outcome: f64,
    /// The band's half-width with every input as given, US$ bn (see [`TornadoEnd::band`]).
    pub base_band: f64,
    pub base_call: Call,
    /// Largest swing first (ties keep table order).
    pub bars: Vec<TornadoBar>,
    /// Reported figures the model uses without a range (revenue, capex, cash flow): listed,
    /// not barred.
    pub fixed_figures: Vec<&'static str>,
}

/// One end: the outcome, call and break-even with one value changed.
fn probe(p: &Params) -> TornadoEnd {
    let fixed = Fixed::new(p);
    let choice = scan(p, &fixed).choice(Side::Us, p.agi_year);
    TornadoEnd {
        input: 0.0,
        outcome: choice.at_agi_year.sprint_minus_pace,
        band: choice.at_agi_year.band,
        call: choice.at_agi_year.call,
        break_even_kind: choice.kind,
        break_even_agi_year: choice.break_even_agi_year,
    }
}

/// The reader's scenario with one input or constant set to `x`.
fn params_with(s: &Scenario, field: &str, x: f64) -> Params {
    let mut changed = s.clone();
    let is_input = changed.set_number_unchecked(field, x);
    let mut p = Params::from_scenario(&changed);
    if !is_input {
        p.set_constant(field, x);
    }
    p
}

/// Which limits ever bind on any path of the reader's scenario.
fn binding_limits(p: &Params) -> Limits {
    let fixed = Fixed::new(p);
    let s = scan(p, &fixed);
    let round = s.at(p.agi_year);
    let mut any = Limits::default();
    let paths = round
        .pairs
        .iter()
        .flatten()
        .flat_map(|pair| pair.paths.iter());
    for l in paths.flat_map(|path| path.limits.iter()) {
        any.power |= l.power;
        any.funding |= l.funding;
        any.chips |= l.chips;
    }
    any
}

fn zero_reason(field: &str, p: &Params, limits: Limits) -> ZeroReason {
    let race = matches!(
        field,
        "agi_prize"
            | "winner_take_all"
            | "catch_up_lag"
            | "prize_erosion"
            | "cn_compute_per_dollar"
            | "cn_algorithm_lag"
            | "algorithmic_gain"
    );
    let price_war = matches!(
        field,
        "price_elasticity" | "us_price_follow" | "cross_price_elasticity"
    );
    let anchored = p.prize_share_of_world_output.is_some();
    let world_output = matches!(
        field,
        "agi_gdp_share" | "provider_capture" | "world_gdp_growth"
    );
    match field {
        "agi_prize" if anchored => ZeroReason::OtherPrizeAnchor,
        _ if world_output && !anchored => ZeroReason::OtherPrizeAnchor,
        _ if (race || world_output) && p.agi_year.is_none() => ZeroReason::NoAgi,
        _ if race && !anchored && p.prize == 0.0 => ZeroReason::NoPrize,
        "us_power_growth" if !limits.power => ZeroReason::LimitSlack,
        "us_patience" | "cn_patience" | "patience_years" if !limits.funding => {
            ZeroReason::LimitSlack
        }
        "cn_chip_growth" if !limits.chips => ZeroReason::LimitSlack,
        _ if price_war && p.cn.price_cut == 0.0 && p.us.price_cut == 0.0 => ZeroReason::NoPriceWar,
        _ if race || world_output => ZeroReason::RaceDecided,
        _ if field.starts_with("cn_") || field == "cny_per_usd" => ZeroReason::ChinaSideOnly,
        _ => ZeroReason::Other,
    }
}

/// Sets every page input and movable constant to its plausible low and high in turn.
/// Validates first.
///
/// ```
/// use ai_capex_explainer::model::{sensitivity, Scenario};
/// let t = sensitivity(&Scenario::default()).map_err(|e| format!("{e:?}"))?;
/// assert!(t.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
/// # Ok::<(), String>(())
/// ```
pub fn sensitivity(s: &Scenario) -> Result<Sensitivity, Vec<InputError>> {
    Ok(SensitivitySteps::start(s)?.finish())
}

/// One bar to compute: the field, whether it is a page input (else a constant), its value in
/// the reader's scenario and its plausible low and high.
type Probe = (&'static str, bool, f64, f64, f64);

/// The tornado made one game scan at a time (each end of each bar is one), so a page can make
/// it between the reader's inputs: the same result as [`sensitivity`].
///
/// ```
/// use ai_capex_explainer::model::{sensitivity, Scenario, SensitivitySteps};
/// let s = Scenario::default();
/// let mut steps = SensitivitySteps::start(&s).map_err(|e| format!("{e:?}"))?;
/// while !steps.step() {}
/// assert_eq!(steps.finish(), sensitivity(&s).map_err(|e| format!("{e:?}"))?);
/// # Ok::<(), String>(())
/// ```
pub struct SensitivitySteps {
    scenario: Scenario,
    base: Params,
    base_end: Option<TornadoEnd>,
    limits: Option<Limits>,
    probes: Vec<Probe>,
    /// The low end of the bar under way.
    low: Option<TornadoEnd>,
    bars: Vec<TornadoBar>,
}

impl SensitivitySteps {
    /// Validates the scenario; scans nothing yet.
    pub fn start(s: &Scenario) -> Result<SensitivitySteps, Vec<InputError>> {
        s.validate()?;
        let mut probes: Vec<Probe> = input_specs()
            .iter()
            .filter(|spec| {
                spec.group != InputGroup::Uncertainty && !FRAMING_INPUTS.contains(&spec.field)
            })
            .filter_map(|spec| Some((spec.field, true, s.number(spec.field)?, spec.low, spec.high)))
            .collect();
        for (c, _) in MOVABLE_CONSTANTS {
            probes.push((c.name, false, c.value, c.plausible.0, c.plausible.1));
        }
        Ok(SensitivitySteps {
            scenario: s.clone(),
            base: Params::from_scenario(s),
            base_end: None,
            limits: None,
            bars: Vec::with_capacity(probes.len()),
            probes,
            low: None,
        })
    }

    /// One game scan: the reader's own outcome, then which limits bind, then each bar's low
    /// and high end. True once every bar is made.
    pub fn step(&mut self) -> bool {
        let Some(base_end) = self.base_end else {
            self.base_end = Some(probe(&self.base));
            return false;
        };
        let Some(limits) = self.limits else {
            self.limits = Some(binding_limits(&self.base));
            return false;
        };
        let Some(&(field, is_input, base_input, low_input, high_input)) =
            self.probes.get(self.bars.len())
        else {
            return true;
        };
        let at = |x: f64| TornadoEnd {
            input: x,
            ..probe(&params_with(&self.scenario, field, x))
        };
        let Some(low) = self.low.take() else {
            self.low = Some(at(low_input));
            return false;
        };
        let high = at(high_input);
        let top = low.outcome.max(high.outcome).max(base_end.outcome);
        let bottom = low.outcome.min(high.outcome).min(base_end.outcome);
        let swing = top - bottom;
        self.bars.push(TornadoBar {
            field,
            is_input,
            base_input,
            low,
            high,
            swing,
            flips: low.call != base_end.call || high.call != base_end.call,
            // Below a millionth of the base (US$ 0.7 m at the defaults): rounding, not an
            // effect a reader could see.
            zero_reason: (swing <= 1e-6 * base_end.outcome.abs().max(1.0))
                .then(|| zero_reason(field, &self.base, limits)),
        });
        self.bars.len() == self.probes.len()
    }

    /// The tornado, making first any scans still to make.
    pub fn finish(mut self) -> Sensitivity {
        while !self.step() {}
        let base_end = self.base_end.unwrap_or_else(|| probe(&self.base));
        let mut bars = self.bars;
        crate::sort::insertion_sort_by(&mut bars, |a, b| b.swing.total_cmp(&a.swing).is_lt());
        Sensitivity {
            base_outcome: base_end.outcome,
            base_band: base_end.band,
            base_call: base_end.call,
            bars,
            fixed_figures: CONSTANTS
                .iter()
                .filter(|c| c.plausible.0 == c.plausible.1)
                .map(|c| c.name)
                .collect(),
        }
    }
}
