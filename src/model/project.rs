//! The reader's scenario, projected: the 2×2 game at the reader's AGI year, each side's choice
//! over every AGI year, the business-quality gap, the check of the articles' claim, both sides'
//! years on each strategy and the payback panel.

use serde::Serialize;

use super::calibration::{FIRST_YEAR, SHOWN_YEARS};
use super::engine::{operating_cash, Limits, Path, Prize, Side, Strategy};
use super::error::InputError;
use super::game::{scan, BusinessGap, Choice, ClaimCheck, Fixed, Game, Round};
use super::params::Params;
use super::payback::{big4_payback, Payback};
use super::scenario::Scenario;

/// One side in one year on one strategy, in the side's currency (US$ bn for the US, ¥ bn for
/// China), the other side answering with its best response.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SideYear {
    pub capex: f64,
    /// What the energised capacity (not equipment waiting for power) could earn at 2025
    /// prices.
    pub capacity: f64,
    /// What demand would pay at 2025 prices; above `capacity` the side turns demand away.
    pub demand: f64,
    /// Market revenue: price × what capacity can serve of demand.
    pub revenue: f64,
    pub running_costs: f64,
    /// The side's part of the AGI prize (revenue).
    pub prize_revenue: f64,
    /// Revenue − running costs + cash margin × prize revenue.
    pub operating_cash: f64,
    /// `operating_cash − capex`.
    pub free_cash: f64,
    /// Sum of `free_cash` from 2025 (undiscounted).
    pub cumulative_free_cash: f64,
    /// The side's price index, 2025 = 1.
    pub price_index: f64,
    /// Effective compute in the race, 2025 US$ of US compute.
    pub race_compute: f64,
    /// The limits that held capex below what the strategy wanted.
    pub limits: Limits,
}

/// One year of the projection: each side on each strategy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub us_sprint: SideYear,
    pub us_pace: SideYear,
    pub cn_sprint: SideYear,
    pub cn_pace: SideYear,
}

/// How the AGI year is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgiMode {
    /// The reader's year, for the whole world, whatever either side spends (the articles'
    /// framing).
    Fixed,
    /// When either side's cumulative effective compute crosses a threshold, calibrated so that
    /// both sides pacing reach it in the reader's year; for the whole world (the first to get
    /// there brings it). A sprint can buy time.
    Compute,
}

/// When investors stopped each side's sprint at the reader's AGI year (`None`: they did not).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SprintStops {
    pub us: Option<i32>,
    pub cn: Option<i32>,
}

/// The full result of [`project`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// One row per year shown, 2025–2060 (the engine runs to 2080; `docs/MODEL.md` §3.4).
    pub years: Vec<YearRow>,
    /// The AGI year used (`None`: no AGI by 2060).
    pub agi_year: Option<i32>,
    pub agi_mode: AgiMode,
    /// The 2×2 table at the reader's AGI year.
    pub game: Game,
    /// The headline: the US firms' choice over every AGI year.
    pub us_choice: Choice,
    /// China's choice over every AGI year.
    pub cn_choice: Choice,
    /// Same strategy, different firms: not a result of strategy.
    pub business_gap: BusinessGap,
    /// Whether the articles' "3 vs 10 years" holds under the reader's other assumptions.
    pub claim: ClaimCheck,
    pub sprints_stopped_by_investors: SprintStops,
    /// The payback panel at the reader's discount rate.
    pub payback: Payback,
    /// Yuan per US dollar used inside the model.
    pub cny_per_usd: f64,
}

/// Projects all four strategy pairs. Validates first: any bad input gives the list of every
/// bad field, and nothing is computed.
///
/// ```
/// use ai_capex_explainer::model::{project, Scenario};
/// let p = project(&Scenario::default()).map_err(|e| format!("{e:?}"))?;
/// assert_eq!(p.years.first().map(|y| y.year), Some(2025));
/// assert_eq!(p.years.last().map(|y| y.year), Some(2060));
/// assert_eq!(p.game.cells.len(), 4);
/// let bad = Scenario { discount_rate: 40.0, ..Scenario::default() };
/// let errors = project(&bad).err().unwrap_or_default();
/// assert_eq!(errors.first().map(|e| e.field.as_str()), Some("discount_rate"));
/// # Ok::<(), String>(())
/// ```
pub fn project(s: &Scenario) -> Result<Projection, Vec<InputError>> {
    s.validate()?;
    Ok(project_params(&Params::from_scenario(s)))
}

/// One side's years on one strategy, with the prize of the pair it plays in.
fn side_years(round: &Round, fixed: &Fixed, side: Side, own: Strategy) -> Vec<SideYear> {
    let other = reply(round, side, own);
    let (us, cn) = match side {
        Side::Us => (own, other),
        Side::Cn => (other, own),
    };
    let pair = round.pair(us, cn);
    let (path, prize): (&Path, &Prize) = (&pair.paths[side.index()], &pair.prize);
    let mut total = 0.0;
    (0..SHOWN_YEARS)
        .map(|k| {
            let operating_cash = operating_cash(path, prize, k);
            let free_cash = operating_cash - path.capex[k];
            total += free_cash;
            SideYear {
                capex: path.capex[k],
                capacity: path.capacity[k],
                demand: path.demand[k],
                revenue: path.revenue[k],
                running_costs: path.running_costs[k],
                prize_revenue: prize.revenue(side, k),
                operating_cash,
                free_cash,
                cumulative_free_cash: total,
                price_index: fixed.market.price[side.index()][k],
                race_compute: path.race_compute[k],
                limits: path.limits[k],
            }
        })
        .collect()
}

/// The other side's best response to `side` playing `own`, as the choice uses it.
fn reply(round: &Round, side: Side, own: Strategy) -> Strategy {
    let game = Game::of(round);
    let responses = match side {
        Side::Us => &game.cn_best_responses,
        Side::Cn => &game.us_best_responses,
    };
    responses[own.index()].best
}

/// The projection of validated parameters.
pub(crate) fn project_params(p: &Params) -> Projection {
    let fixed = Fixed::new(p);
    let scan = scan(p, &fixed);
    let round = scan.at(p.agi_year);
    let us_choice = scan.choice(Side::Us, p.agi_year);
    let cn_choice = scan.choice(Side::Cn, p.agi_year);
    let rows = [
        side_years(round, &fixed, Side::Us, Strategy::Sprint),
        side_years(round, &fixed, Side::Us, Strategy::Pace),
        side_years(round, &fixed, Side::Cn, Strategy::Sprint),
        side_years(round, &fixed, Side::Cn, Strategy::Pace),
    ];
    let years = (0..SHOWN_YEARS)
        .map(|k| YearRow {
            year: FIRST_YEAR + k as i32,
            us_sprint: rows[0][k],
            us_pace: rows[1][k],
            cn_sprint: rows[2][k],
            cn_pace: rows[3][k],
        })
        .collect();
    Projection {
        years,
        agi_year: p.agi_year,
        agi_mode: if p.agi_by_compute {
            AgiMode::Compute
        } else {
            AgiMode::Fixed
        },
        game: Game::of(round),
        claim: ClaimCheck::of(&us_choice),
        us_choice,
        cn_choice,
        business_gap: BusinessGap::of(round),
        sprints_stopped_by_investors: SprintStops {
            us: round.pair(Strategy::Sprint, Strategy::Sprint).paths[0].stopped_by_investors,
            cn: round.pair(Strategy::Sprint, Strategy::Sprint).paths[1].stopped_by_investors,
        },
        payback: big4_payback(
            p.discount_rate,
            round.pair(Strategy::Pace, Strategy::Pace).paths[0].cash_margin,
        ),
        cny_per_usd: p.cny_per_usd,
    }
}
