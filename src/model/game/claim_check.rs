//! The articles' claim checked against the US firms' choice.

use serde::Serialize;

use super::call::Call;
use super::choice::Choice;

/// The articles' claim, "if AGI arrives within three years the US wins; if it is still in the
/// lab after ten, China's path is steadier" (seed 001), read as the US firms' choice: sprinting
/// pays with AGI in 2028, pacing with AGI in 2035 and without AGI by 2060.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClaimCheck {
    pub early_agi_year: i32,
    pub early: Call,
    pub late_agi_year: i32,
    pub late: Call,
    pub without_agi: Call,
    pub holds: bool,
}

/// Three years after 2025, the model's first year (the article making the claim is dated
/// January 2026; the page says which year it counts from).
pub const CLAIM_EARLY_AGI_YEAR: i32 = 2028;
/// Ten years after 2025.
pub const CLAIM_LATE_AGI_YEAR: i32 = 2035;

impl ClaimCheck {
    pub(crate) fn of(us: &Choice) -> ClaimCheck {
        let at = |year: i32| {
            us.by_agi_year
                .iter()
                .find(|pt| pt.agi_year == Some(year))
                .map_or(Call::TooCloseToCall, |pt| pt.call)
        };
        let (early, late) = (at(CLAIM_EARLY_AGI_YEAR), at(CLAIM_LATE_AGI_YEAR));
        let without_agi = us.without_agi.call;
        ClaimCheck {
            early_agi_year: CLAIM_EARLY_AGI_YEAR,
            early,
            late_agi_year: CLAIM_LATE_AGI_YEAR,
            late,
            without_agi,
            holds: early == Call::Sprint && late == Call::Pace && without_agi == Call::Pace,
        }
    }
}
