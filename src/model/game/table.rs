//! The 2×2 table at one AGI year: each pair's payoffs, each side's best responses and every
//! pure-strategy equilibrium.

use serde::Serialize;

use super::call::{call, Call};
use super::round::Round;
use crate::model::engine::{Measure, Side, Strategy};

/// One cell of the 2×2 table: each side's payoff in its own currency (bn).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cell {
    pub us_strategy: Strategy,
    pub cn_strategy: Strategy,
    /// US$ bn.
    pub us_npv: f64,
    /// ¥ bn.
    pub cn_npv: f64,
    pub us_value_per_unit: f64,
    pub cn_value_per_unit: f64,
    /// The AGI year this pair plays out with (`None`: no AGI by 2060).
    pub effective_agi_year: Option<i32>,
    /// The same as a date (2031.6: six tenths into 2031); compute mode can bring AGI within a
    /// year.
    pub effective_agi_date: Option<f64>,
    pub us: Measure,
    pub cn: Measure,
}

/// A side's best response to one strategy of the other side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BestResponse {
    pub side: Side,
    /// The other side's strategy.
    pub against: Strategy,
    /// The strategy with the higher NPV (pace on an exact tie).
    pub best: Strategy,
    /// NPV when sprinting minus NPV when pacing, own currency.
    pub sprint_minus_pace: f64,
    /// [`call`] on that difference: `too_close_to_call` inside the band.
    pub call: Call,
}

/// A pair in which each side's strategy is a best response to the other's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Equilibrium {
    pub us: Strategy,
    pub cn: Strategy,
}

/// The 2×2 table at one AGI year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Game {
    pub agi_year: Option<i32>,
    /// Sprint–sprint, sprint–pace, pace–sprint, pace–pace (US first).
    pub cells: Vec<Cell>,
    /// The US best response to China sprinting, then to China pacing.
    pub us_best_responses: [BestResponse; 2],
    /// China's best response to the US sprinting, then to the US pacing.
    pub cn_best_responses: [BestResponse; 2],
    /// Every pure-strategy equilibrium (none, one or more: never one picked silently).
    pub equilibria: Vec<Equilibrium>,
    /// The US best response when it is the same whatever China does ("whatever China does").
    pub us_dominant: Option<Strategy>,
    pub cn_dominant: Option<Strategy>,
}

impl Game {
    pub(crate) fn of(round: &Round) -> Game {
        let cells = Strategy::BOTH
            .iter()
            .flat_map(|&us| Strategy::BOTH.map(|cn| (us, cn)))
            .map(|(us, cn)| {
                let (u, c) = (
                    round.measure(Side::Us, us, cn),
                    round.measure(Side::Cn, us, cn),
                );
                Cell {
                    us_strategy: us,
                    cn_strategy: cn,
                    us_npv: u.npv,
                    cn_npv: c.npv,
                    us_value_per_unit: u.value_per_capex,
                    cn_value_per_unit: c.value_per_capex,
                    effective_agi_year: round.pair(us, cn).effective_agi_year,
                    effective_agi_date: round.pair(us, cn).effective_agi_date,
                    us: *u,
                    cn: *c,
                }
            })
            .collect();
        let responses = |side: Side| {
            Strategy::BOTH.map(|against| {
                let sprint = round.payoff(side, Strategy::Sprint, against);
                let pace = round.payoff(side, Strategy::Pace, against);
                let difference = sprint.npv - pace.npv;
                BestResponse {
                    side,
                    against,
                    best: if difference > 0.0 {
                        Strategy::Sprint
                    } else {
                        Strategy::Pace
                    },
                    sprint_minus_pace: difference,
                    call: call(difference, pace.pv_capex),
                }
            })
        };
        let is_best = |side: Side, own: Strategy, other: Strategy| {
            let (sprint, pace) = round.best_responses(side, other);
            match own {
                Strategy::Sprint => sprint,
                Strategy::Pace => pace,
            }
        };
        let equilibria = Strategy::BOTH
            .iter()
            .flat_map(|&us| Strategy::BOTH.map(|cn| (us, cn)))
            .filter(|&(us, cn)| is_best(Side::Us, us, cn) && is_best(Side::Cn, cn, us))
            .map(|(us, cn)| Equilibrium { us, cn })
            .collect();
        let (us_best_responses, cn_best_responses) = (responses(Side::Us), responses(Side::Cn));
        let dominant = |r: &[BestResponse; 2]| (r[0].best == r[1].best).then_some(r[0].best);
        Game {
            agi_year: round.agi_year,
            cells,
            us_dominant: dominant(&us_best_responses),
            cn_dominant: dominant(&cn_best_responses),
            us_best_responses,
            cn_best_responses,
            equilibria,
        }
    }
}
