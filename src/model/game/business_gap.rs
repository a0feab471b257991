//! The business-quality gap between the two sides' firms, whatever the strategy.

use serde::Serialize;

use super::round::Round;
use crate::model::engine::{Side, Strategy};

/// The business-quality gap: the same strategy, different firms. US firms earn more per unit
/// invested whatever either side does (higher margins, a bigger market); this is not a result
/// of strategy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BusinessGap {
    /// US value per unit invested minus China's, both pacing.
    pub both_pace: f64,
    /// The same, both sprinting.
    pub both_sprint: f64,
    /// Each side's cash margin before capex, 2025 (the main reason).
    pub us_cash_margin: f64,
    pub cn_cash_margin: f64,
}

impl BusinessGap {
    pub(crate) fn of(round: &Round) -> BusinessGap {
        let gap = |s: Strategy| {
            round.measure(Side::Us, s, s).value_per_capex
                - round.measure(Side::Cn, s, s).value_per_capex
        };
        BusinessGap {
            both_pace: gap(Strategy::Pace),
            both_sprint: gap(Strategy::Sprint),
            us_cash_margin: round.pair(Strategy::Pace, Strategy::Pace).paths[0].cash_margin,
            cn_cash_margin: round.pair(Strategy::Pace, Strategy::Pace).paths[1].cash_margin,
        }
    }
}
