//! The reader's scenario, projected: both sides year by year, the US on its sprint and on a
//! paced path, the AGI prize, the discounted verdict, the economist's incremental measure,
//! the break-even AGI year, the check of the articles' claim and the payback panel.

use serde::Serialize;

use super::calibration::{CNY_PER_USD, FIRST_YEAR, YEARS};
use super::engine::{measure, operating_cash, world, Fixed, Limits, Path, Prize, Side};
use super::error::InputError;
use super::params::Params;
use super::payback::{big4_payback, Payback};
use super::scenario::Scenario;
use super::verdict::{break_even, claim_check, BreakEven, ClaimCheck, Incremental, Verdict};

/// One side in one year, in the side's currency (US$ bn for the US, ¥ bn for China).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SideYear {
    pub capex: f64,
    /// What the energised capacity (not equipment waiting for power) could earn at 2025
    /// prices.
    pub capacity: f64,
    /// What market demand would pay at 2025 prices; above `capacity` the side turns demand
    /// away.
    pub demand: f64,
    /// Market revenue: price × what capacity can serve of demand.
    pub revenue: f64,
    pub running_costs: f64,
    /// The side's share of the AGI prize (revenue).
    pub prize_revenue: f64,
    /// Revenue − running costs + cash margin × prize revenue.
    pub operating_cash: f64,
    /// `operating_cash − capex`.
    pub free_cash: f64,
    /// Sum of `free_cash` from 2025 (undiscounted).
    pub cumulative_free_cash: f64,
    /// The side's price index, 2025 = 1.
    pub price_index: f64,
    /// The limits that held capex below what the policy wanted.
    pub limits: Limits,
}

/// One year of the projection.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    /// The US on its sprint (US$ bn).
    pub sprint: SideYear,
    /// China (¥ bn).
    pub marathon: SideYear,
    /// The same US firms on the paced path (US$ bn), for the incremental measure.
    pub paced: SideYear,
    /// The sprint's share of the AGI prize (0 before AGI).
    pub sprint_prize_share: f64,
    /// Effective compute in the race, 2025 US$ of compute: US sprint and China.
    pub sprint_race_compute: f64,
    pub marathon_race_compute: f64,
}

/// The full result of [`project`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// One row per year, 2025–2060.
    pub years: Vec<YearRow>,
    /// The AGI year used (`None`: no AGI by 2060).
    pub agi_year: Option<i32>,
    /// Who creates more value per unit invested at the reader's AGI year.
    pub verdict: Verdict,
    pub incremental: Incremental,
    /// The headline: the latest AGI year at which the sprint still comes out ahead.
    pub break_even: BreakEven,
    /// Whether the articles' "3 vs 10 years" holds under the reader's other assumptions.
    pub claim: ClaimCheck,
    /// The payback panel at the reader's discount rate.
    pub payback: Payback,
    /// Yuan per US dollar used inside the model (to show both sides in one currency).
    pub cny_per_usd: f64,
}

/// Projects both strategies. Validates first: any bad input gives the list of every bad
/// field, and nothing is computed.
///
/// ```
/// use ai_capex_explainer::model::{project, Scenario};
/// let p = project(&Scenario::default()).map_err(|e| format!("{e:?}"))?;
/// assert_eq!(p.years.first().map(|y| y.year), Some(2025));
/// assert_eq!(p.years.last().map(|y| y.year), Some(2060));
/// let bad = Scenario { discount_rate: 40.0, ..Scenario::default() };
/// let errors = project(&bad).err().unwrap_or_default();
/// assert_eq!(errors.first().map(|e| e.field.as_str()), Some("discount_rate"));
/// # Ok::<(), String>(())
/// ```
pub fn project(s: &Scenario) -> Result<Projection, Vec<InputError>> {
    s.validate()?;
    Ok(project_params(&Params::from_scenario(s)))
}

/// The projection of validated parameters.
pub(crate) fn project_params(p: &Params) -> Projection {
    let fixed = Fixed::new(p);
    let market = &fixed.market;
    let w = world(p, &fixed);
    let sprint = measure(market, &w.sprint, &w.sprint_prize);
    let verdict = Verdict::new(sprint, measure(market, &fixed.marathon, &w.sprint_prize));
    let incremental = Incremental::new(sprint, measure(market, &fixed.paced, &w.paced_prize));
    let break_even = break_even(p, &fixed);
    let claim = claim_check(&break_even);

    let mut totals = [0.0; 3];
    let years = (0..YEARS)
        .map(|k| {
            let side_year = |path: &Path, prize: &Prize, total: &mut f64| {
                let operating_cash = operating_cash(path, prize, k);
                let free_cash = operating_cash - path.capex[k];
                *total += free_cash;
                SideYear {
                    capex: path.capex[k],
                    capacity: path.capacity[k],
                    demand: path.demand[k],
                    revenue: path.revenue[k],
                    prize_revenue: prize.revenue(path.side, k),
                    running_costs: path.running_costs[k],
                    operating_cash,
                    free_cash,
                    cumulative_free_cash: *total,
                    price_index: match path.side {
                        Side::Us => market.price_us[k],
                        Side::Cn => market.price_cn[k],
                    },
                    limits: path.limits[k],
                }
            };
            let [sprint_total, marathon_total, paced_total] = &mut totals;
            YearRow {
                year: FIRST_YEAR + k as i32,
                sprint: side_year(&w.sprint, &w.sprint_prize, sprint_total),
                marathon: side_year(&fixed.marathon, &w.sprint_prize, marathon_total),
                paced: side_year(&fixed.paced, &w.paced_prize, paced_total),
                sprint_prize_share: w.sprint_prize.us_share[k],
                sprint_race_compute: w.sprint.race_compute[k],
                marathon_race_compute: fixed.marathon.race_compute[k],
            }
        })
        .collect();

    Projection {
        years,
        agi_year: p.agi_year,
        verdict,
        incremental,
        break_even,
        claim,
        payback: big4_payback(p.discount_rate, w.sprint.cash_margin),
        cny_per_usd: CNY_PER_USD.value,
    }
}
