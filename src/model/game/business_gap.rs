//! The business-quality gap between the two sides' firms, whatever the strategy.

use serde::Serialize;

use super::call::band;
use super::round::Round;
use crate::model::engine::{Side, Strategy};

/// The business-quality gap: the same strategy, different firms. At the defaults the US firms
/// get back more per unit invested whatever either side does (higher margins, a bigger market
/// open to them); this is not a result of strategy. Open markets can turn it round.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BusinessGap {
    /// US value per unit invested minus China's, both pacing.
    pub both_pace: f64,
    /// The same, both sprinting.
    pub both_sprint: f64,
    /// Each side's cash margin before capex, 2025 (the main reason at the defaults).
    pub us_cash_margin: f64,
    pub cn_cash_margin: f64,
    /// The side whose firms get back more per unit invested in all four pairs of strategies,
    /// each time by more than the band (5% of the larger value); `None` when that depends on
    /// the strategies or the two are that close.
    pub ahead_in_every_pair: Option<Side>,
}

impl BusinessGap {
    pub(crate) fn of(round: &Round) -> BusinessGap {
        // Each side's value per unit invested, the US firms playing `us` and China `cn`.
        let values = |us: Strategy, cn: Strategy| {
            (
                round.measure(Side::Us, us, cn).value_per_capex,
                round.measure(Side::Cn, us, cn).value_per_capex,
            )
        };
        let gap = |us: Strategy, cn: Strategy| {
            let (u, c) = values(us, cn);
            u - c
        };
        // A side is ahead in a pair only by more than the band: 5% of the larger value.
        let lead = |us: Strategy, cn: Strategy| {
            let (u, c) = values(us, cn);
            let band = band(u.max(c));
            if u - c > band {
                Some(Side::Us)
            } else if c - u > band {
                Some(Side::Cn)
            } else {
                None
            }
        };
        let leads: Vec<Option<Side>> = [Strategy::Sprint, Strategy::Pace]
            .into_iter()
            .flat_map(|us| [Strategy::Sprint, Strategy::Pace].map(|cn| lead(us, cn)))
            .collect();
        let ahead_in_every_pair = leads[0].filter(|_| leads.iter().all(|l| *l == leads[0]));
        BusinessGap {
            both_pace: gap(Strategy::Pace, Strategy::Pace),
            both_sprint: gap(Strategy::Sprint, Strategy::Sprint),
            us_cash_margin: round.pair(Strategy::Pace, Strategy::Pace).paths[0].cash_margin,
            cn_cash_margin: round.pair(Strategy::Pace, Strategy::Pace).paths[1].cash_margin,
            ahead_in_every_pair,
        }
    }
}
