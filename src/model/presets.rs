//! Named scenarios: the shipped defaults plus a few changed inputs. Each preset changes only
//! what its name says; every other input keeps its sourced or reasoned default.

use serde::Serialize;

use super::inputs::NO_AGI_YEAR;
use super::scenario::Scenario;

/// A named scenario for the page's preset buttons and the embed's opening scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// "AGI in 3 years": AGI in 2028 (seed 001's first case).
    Agi3y,
    /// "AGI in 10 years": AGI in 2035 (seed 001's second case).
    Agi10y,
    /// "No AGI by 2060".
    NoAgi,
    /// "Price war": China cuts prices 20% a year beyond the fall in its costs until they only
    /// cover its running costs (at the defaults it gets there in 2028), then they recover at
    /// the same pace.
    PriceWar,
}

impl Preset {
    /// Every preset, in button order.
    pub const ALL: [Preset; 4] = [
        Preset::Agi3y,
        Preset::Agi10y,
        Preset::NoAgi,
        Preset::PriceWar,
    ];

    /// Every preset's id, in button order (listed when an unknown id is refused).
    pub const IDS: [&'static str; 4] = [
        Preset::Agi3y.id(),
        Preset::Agi10y.id(),
        Preset::NoAgi.id(),
        Preset::PriceWar.id(),
    ];

    /// The id used in URLs, embed options and i18n keys (`calculator.presets.<id>`).
    pub const fn id(self) -> &'static str {
        match self {
            Preset::Agi3y => "agi_3y",
            Preset::Agi10y => "agi_10y",
            Preset::NoAgi => "no_agi",
            Preset::PriceWar => "price_war",
        }
    }

    /// The preset with this id.
    pub fn parse(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == id.trim())
    }

    /// The inputs this preset changes, as `(field, value)`; all others keep their defaults.
    /// The AGI presets move the Monte Carlo median with the AGI year, so both panels agree.
    pub fn overrides(self) -> &'static [(&'static str, f64)] {
        match self {
            Preset::Agi3y => &[("agi_year", 2028.0), ("agi_median_year", 2028.0)],
            Preset::Agi10y => &[("agi_year", 2035.0), ("agi_median_year", 2035.0)],
            Preset::NoAgi => &[("agi_year", NO_AGI_YEAR), ("agi_median_year", 2060.0)],
            Preset::PriceWar => &[("price_cut", 20.0)],
        }
    }
}

impl Scenario {
    /// The shipped defaults with the preset's changes applied.
    ///
    /// ```
    /// use ai_capex_explainer::model::{Preset, Scenario};
    /// let s = Scenario::preset(Preset::Agi3y);
    /// assert_eq!(s.agi_year, 2028.0);
    /// assert!(s.validate().is_ok());
    /// ```
    pub fn preset(preset: Preset) -> Scenario {
        let mut scenario = Scenario::default();
        for (field, value) in preset.overrides() {
            scenario.set_number_unchecked(field, *value);
        }
        scenario
    }
}
