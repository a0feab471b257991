//! The yearly projection: both strategies and the API price path, year by year from 2025 to
//! the horizon. The formulas are stated in the module essay (`model/mod.rs`); comments here
//! point to them by name.
//!
//! [`simulate`] is the allocation-free core shared by [`project`], the Monte Carlo run and the
//! sensitivity bars: it steps through the years, hands each row to a callback and returns a
//! small [`Outcome`].

use serde::Serialize;

use super::error::InputError;
use super::scenario::Scenario;
use super::summary::{lead, Leader, Summary};

/// The first projected year; the seeds' figures are 2025 figures.
pub const FIRST_YEAR: i32 = 2025;

/// One strategy in one year. Money is in the side's own currency: US$ bn for the sprint,
/// ¥ bn for the marathon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StrategyYear {
    /// Capital expenditure in the year.
    pub capex: f64,
    /// AI and cloud revenue in the year.
    pub revenue: f64,
    /// `margin × revenue − capex`.
    pub cash_flow: f64,
    /// Sum of `cash_flow` from 2025 to this year (the cumulative position).
    pub cumulative: f64,
    /// Return per unit of capex so far: `Σ margin × revenue / Σ capex` (scale-free).
    pub roi: f64,
}

impl StrategyYear {
    /// The same year with money multiplied by `factor` (e.g. `1 / cny_per_usd` to show the
    /// marathon in US$); `roi` is unchanged.
    pub fn scaled(self, factor: f64) -> StrategyYear {
        StrategyYear {
            capex: self.capex * factor,
            revenue: self.revenue * factor,
            cash_flow: self.cash_flow * factor,
            cumulative: self.cumulative * factor,
            roi: self.roi,
        }
    }
}

/// Where the sprint is in its story in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SprintPhase {
    /// Before AGI: capex grows toward the power ceiling; patience is checked.
    Race,
    /// From the AGI year on (no burst before it): the payoff is earned, capex falls back.
    Won,
    /// After the bubble year: capex falls back and the payoff is lost.
    Burst,
}

/// One year of the projection.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    /// US$ bn.
    pub sprint: StrategyYear,
    /// ¥ bn.
    pub marathon: StrategyYear,
    pub sprint_phase: SprintPhase,
    /// True from the year the follower's share of the AGI payoff arrives.
    pub marathon_has_payoff: bool,
}

/// One year of the API price path (2025 = 1 for every index).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PricePoint {
    pub year: i32,
    /// `P = max((1 − d)^k, floor)`.
    pub price_index: f64,
    /// `V = P^−ε` (constant-elasticity demand).
    pub volume_index: f64,
    /// API revenue `P × V = P^(1−ε)`.
    pub revenue_index: f64,
    /// The multiplier on each side's whole revenue: `(1 − σ) + σ × P^(1−ε)`.
    pub total_revenue_factor: f64,
}

/// The full result of [`project`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// One row per year, 2025 to `horizon_end`.
    pub years: Vec<YearRow>,
    /// The API price path, same years.
    pub prices: Vec<PricePoint>,
    /// The outcome the page words into one sentence.
    pub summary: Summary,
    /// The sprint's 2025 capex used (US$ bn).
    pub sprint_base_capex_usd_bn: f64,
    /// Yuan per US dollar, to show both sides in one currency.
    pub cny_per_usd: f64,
}

/// Projects both strategies year by year. Validates first: any bad input gives the list of
/// every bad field, and nothing is computed.
///
/// ```
/// use ai_capex_explainer::model::{project, Scenario};
/// let p = project(&Scenario::default()).map_err(|e| format!("{e:?}"))?;
/// assert_eq!(p.years.first().map(|y| y.year), Some(2025));
/// assert_eq!(p.years.last().map(|y| y.year), Some(2040));
/// let bad = Scenario { horizon_end: 2100.0, ..Scenario::default() };
/// let errors = project(&bad).err().unwrap_or_default();
/// assert_eq!(errors.first().map(|e| e.field.as_str()), Some("horizon_end"));
/// # Ok::<(), String>(())
/// ```
pub fn project(s: &Scenario) -> Result<Projection, Vec<InputError>> {
    s.validate()?;
    let params = Params::from_scenario(s);
    let rows = (params.horizon_end - FIRST_YEAR + 1).max(0) as usize;
    let mut years = Vec::with_capacity(rows);
    let mut prices = Vec::with_capacity(rows);
    let outcome = simulate(&params, |row, price| {
        years.push(*row);
        prices.push(*price);
    });
    let summary = Summary::new(&params, &outcome, payoff_needed(&params, &outcome));
    Ok(Projection {
        years,
        prices,
        summary,
        sprint_base_capex_usd_bn: s.sprint_base_capex_usd_bn(),
        cny_per_usd: s.cny_per_usd,
    })
}

/// The inputs as the formulas use them: fractions instead of percents, whole years, and the
/// patience as a money threshold. Built only from a validated scenario.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    pub horizon_end: i32,
    /// `A`: the AGI year (may be after the horizon).
    pub agi_year: i32,
    /// `m`.
    pub margin: f64,
    /// `h = 2^(−1/H)`: yearly factor on the growth rates.
    pub growth_fade: f64,
    /// `M`.
    pub payoff: f64,
    /// `c₀` (US$ bn).
    pub sprint_c0: f64,
    /// `g_c`.
    pub sprint_capex_growth: f64,
    /// `i_s`.
    pub sprint_intensity: f64,
    /// `g_s`.
    pub sprint_revenue_growth: f64,
    /// `ceiling` (multiple of `c₀`).
    pub power_ceiling: f64,
    /// `T = patience × c₀` (US$ bn).
    pub patience_threshold: f64,
    /// `k₀` (¥ bn).
    pub marathon_k0: f64,
    /// `i_c`.
    pub marathon_intensity: f64,
    /// `g_m`.
    pub marathon_revenue_growth: f64,
    /// `o`: yearly cut in the marathon's intensity.
    pub open_source_saving: f64,
    /// `f`.
    pub follower_share: f64,
    /// `L` (whole years).
    pub catch_up_lag: i32,
    /// `σ`.
    pub api_share: f64,
    /// `d`.
    pub price_decline: f64,
    /// `ε`.
    pub elasticity: f64,
    /// `floor` (fraction of the 2025 price).
    pub price_floor: f64,
}

/// A year input as a whole year (inputs are validated, so the cast cannot saturate).
pub(crate) fn whole_year(x: f64) -> i32 {
    x.round() as i32
}

impl Params {
    pub(crate) fn from_scenario(s: &Scenario) -> Params {
        let c0 = s.sprint_base_capex_usd_bn();
        Params {
            horizon_end: whole_year(s.horizon_end),
            agi_year: whole_year(s.agi_year),
            margin: s.cash_margin_pct / 100.0,
            growth_fade: 0.5_f64.powf(1.0 / s.growth_half_life_years),
            payoff: s.payoff_multiple,
            sprint_c0: c0,
            sprint_capex_growth: s.sprint_capex_growth_pct / 100.0,
            sprint_intensity: s.sprint_capex_intensity_pct / 100.0,
            sprint_revenue_growth: s.sprint_revenue_growth_pct / 100.0,
            power_ceiling: s.power_ceiling_multiple,
            patience_threshold: s.patience_multiple * c0,
            marathon_k0: s.marathon_base_capex_cny_bn,
            marathon_intensity: s.marathon_capex_intensity_pct / 100.0,
            marathon_revenue_growth: s.marathon_revenue_growth_pct / 100.0,
            open_source_saving: s.open_source_saving_pct / 100.0,
            follower_share: s.follower_share_pct / 100.0,
            catch_up_lag: whole_year(s.catch_up_lag_years),
            api_share: s.api_share_pct / 100.0,
            price_decline: s.price_decline_pct / 100.0,
            elasticity: s.price_elasticity,
            price_floor: s.price_floor_pct / 100.0,
        }
    }

    pub(crate) fn agi_in_horizon(&self) -> bool {
        self.agi_year <= self.horizon_end
    }
}

/// What a run ends with: enough for the summary, the Monte Carlo table and the tornado.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Outcome {
    pub sprint_roi: f64,
    pub marathon_roi: f64,
    pub sprint_position: f64,
    pub marathon_position: f64,
    pub bubble_year: Option<i32>,
    pub sprint_breakeven_year: Option<i32>,
    pub marathon_breakeven_year: Option<i32>,
    pub leader: Leader,
    /// The first year from which `leader` led (or tied, for a tie) without interruption.
    pub leader_since: i32,
}

impl Outcome {
    /// `ROI_sprint / ROI_marathon` at the horizon (both are positive for valid inputs).
    pub fn roi_ratio(&self) -> f64 {
        self.sprint_roi / self.marathon_roi
    }
}

/// Running totals of one strategy.
#[derive(Debug, Clone, Copy, Default)]
struct Account {
    cumulative: f64,
    earned: f64,
    spent: f64,
    /// The last year whose cumulative position was below zero.
    last_negative: Option<i32>,
}

impl Account {
    fn book(&mut self, year: i32, margin: f64, capex: f64, revenue: f64) -> StrategyYear {
        let earned = margin * revenue;
        let cash_flow = earned - capex;
        self.cumulative += cash_flow;
        self.earned += earned;
        self.spent += capex;
        if self.cumulative < 0.0 {
            self.last_negative = Some(year);
        }
        StrategyYear {
            capex,
            revenue,
            cash_flow,
            cumulative: self.cumulative,
            roi: self.earned / self.spent,
        }
    }

    /// The first year from which the position stays at or above zero to the horizon.
    fn breakeven_year(&self) -> Option<i32> {
        if self.cumulative < 0.0 {
            None
        } else {
            Some(self.last_negative.map_or(FIRST_YEAR, |year| year + 1))
        }
    }
}

/// Steps from 2025 to the horizon, calling `each` with every year's row and price point, and
/// returns the outcome. Allocates nothing.
pub(crate) fn simulate<F: FnMut(&YearRow, &PricePoint)>(p: &Params, mut each: F) -> Outcome {
    let mut discount = 1.0; // (1 − d)^k
    let mut race_growth = 1.0; // (1 + g_c)^k
    let mut growth_scale = 1.0; // h^(k−1) from k = 1 on
    let mut sprint_base = p.sprint_c0 / p.sprint_intensity; // R^s_k
    let mut marathon_base = p.marathon_k0 / p.marathon_intensity; // R^m_k
    let mut marathon_intensity = p.marathon_intensity; // i_c (1 − o)^k
    let mut sprint = Account::default();
    let mut marathon = Account::default();
    let mut bubble_year = None;
    let mut last_not = LastNot::default();
    let mut leader = Leader::Tie;
    let follower_payoff = 1.0 + (p.payoff - 1.0) * p.follower_share;
    let payoff_from = p.agi_year.saturating_add(p.catch_up_lag);

    for year in FIRST_YEAR..=p.horizon_end {
        if year > FIRST_YEAR {
            discount *= 1.0 - p.price_decline;
            race_growth *= 1.0 + p.sprint_capex_growth;
            sprint_base *= 1.0 + p.sprint_revenue_growth * growth_scale;
            marathon_base *= 1.0 + p.marathon_revenue_growth * growth_scale;
            growth_scale *= p.growth_fade;
            marathon_intensity *= 1.0 - p.open_source_saving;
        }
        // Prices.
        let price = discount.max(p.price_floor);
        let api_revenue = price.powf(1.0 - p.elasticity);
        let price_factor = (1.0 - p.api_share) + p.api_share * api_revenue;
        let price_point = PricePoint {
            year,
            price_index: price,
            volume_index: price.powf(-p.elasticity),
            revenue_index: api_revenue,
            total_revenue_factor: price_factor,
        };

        // Sprint.
        let race_capex = p.sprint_c0 * race_growth.min(p.power_ceiling);
        let base_revenue = sprint_base * price_factor;
        let paced_capex = (p.sprint_intensity * base_revenue).min(race_capex);
        let phase = if bubble_year.is_some() {
            SprintPhase::Burst
        } else if year >= p.agi_year {
            SprintPhase::Won
        } else {
            SprintPhase::Race
        };
        let (capex, revenue) = match phase {
            SprintPhase::Race => (race_capex, base_revenue),
            SprintPhase::Won => (paced_capex, p.payoff * base_revenue),
            SprintPhase::Burst => (paced_capex, base_revenue),
        };
        let sprint_year = sprint.book(year, p.margin, capex, revenue);
        if phase == SprintPhase::Race && sprint.cumulative < -p.patience_threshold {
            bubble_year = Some(year);
        }

        // Marathon.
        let has_payoff = year >= payoff_from;
        let payoff = if has_payoff { follower_payoff } else { 1.0 };
        let revenue = marathon_base * price_factor * payoff;
        let marathon_year = marathon.book(year, p.margin, marathon_intensity * revenue, revenue);

        // Who is ahead.
        leader = lead(sprint_year.roi, marathon_year.roi);
        last_not.record(year, leader);

        each(
            &YearRow {
                year,
                sprint: sprint_year,
                marathon: marathon_year,
                sprint_phase: phase,
                marathon_has_payoff: has_payoff,
            },
            &price_point,
        );
    }

    Outcome {
        sprint_roi: sprint.earned / sprint.spent,
        marathon_roi: marathon.earned / marathon.spent,
        sprint_position: sprint.cumulative,
        marathon_position: marathon.cumulative,
        bubble_year,
        sprint_breakeven_year: sprint.breakeven_year(),
        marathon_breakeven_year: marathon.breakeven_year(),
        leader,
        leader_since: last_not.of(leader).map_or(FIRST_YEAR, |year| year + 1),
    }
}

/// The last year in which each possible leader was not leading.
#[derive(Debug, Clone, Copy, Default)]
struct LastNot {
    sprint: Option<i32>,
    marathon: Option<i32>,
    tie: Option<i32>,
}

impl LastNot {
    fn record(&mut self, year: i32, leader: Leader) {
        if leader != Leader::Sprint {
            self.sprint = Some(year);
        }
        if leader != Leader::Marathon {
            self.marathon = Some(year);
        }
        if leader != Leader::Tie {
            self.tie = Some(year);
        }
    }

    fn of(&self, leader: Leader) -> Option<i32> {
        match leader {
            Leader::Sprint => self.sprint,
            Leader::Marathon => self.marathon,
            Leader::Tie => self.tie,
        }
    }
}

/// The outcome of a run with everything else fixed and another AGI year or payoff.
pub(crate) fn outcome_with(p: &Params, agi_year: i32, payoff: f64) -> Outcome {
    let params = Params {
        agi_year,
        payoff,
        ..*p
    };
    simulate(&params, |_, _| {})
}

/// The payoff multiple `M` at which the sprint's final return per unit of capex equals the
/// marathon's, searched over the input's range 1–10 by bisection. `Some(1.0)` means the sprint
/// is ahead even without a payoff; `None` means AGI is not within the horizon, the bubble
/// burst before AGI (the payoff is lost whatever its size), or even 10× is not enough.
///
/// The difference `ROI_sprint(M) − ROI_marathon(M)` is linear minus a monotone Möbius function
/// of `M`, so it is convex or monotone and has at most one root where it turns positive.
pub(crate) fn payoff_needed(p: &Params, outcome: &Outcome) -> Option<f64> {
    const LOW: f64 = 1.0;
    const HIGH: f64 = 10.0;
    if !p.agi_in_horizon() || outcome.bubble_year.is_some() {
        return None;
    }
    let gap = |payoff: f64| {
        let o = outcome_with(p, p.agi_year, payoff);
        o.sprint_roi - o.marathon_roi
    };
    if gap(LOW) >= 0.0 {
        return Some(LOW);
    }
    if gap(HIGH) < 0.0 {
        return None;
    }
    let (mut below, mut above) = (LOW, HIGH);
    for _ in 0..40 {
        let mid = 0.5 * (below + above);
        if gap(mid) < 0.0 {
            below = mid;
        } else {
            above = mid;
        }
    }
    Some(above)
}
