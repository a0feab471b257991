//! The map: the US firms' call (sprint, pace, too close to call) over every AGI year and a
//! second input across its plausible range — by default the prize's size, the articles' other
//! unknown — with the reader's scenario marked (`docs/MODEL.md` §5.4).

use serde::Serialize;

use super::engine::Side;
use super::error::{InputError, InputErrorKind};
use super::game::{scan, Call, Fixed};
use super::inputs::{input_spec, InputGroup, FRAMING_INPUTS};
use super::params::Params;
use super::scenario::Scenario;

/// Values of the second input the map takes, from its plausible low to its high.
pub const MAP_STEPS: usize = 11;

/// One cell of the map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MapCell {
    /// `None`: no AGI by 2060.
    pub agi_year: Option<i32>,
    pub value: f64,
    pub call: Call,
    /// US sprint minus pace, US$ bn, and the band's scale.
    pub sprint_minus_pace: f64,
    pub pv_capex_pacing: f64,
}

/// The map's rows (one per value of `field`), each over the AGI years 2026–2060 then "no AGI
/// by 2060".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyMap {
    pub field: &'static str,
    pub values: Vec<f64>,
    pub cells: Vec<MapCell>,
    /// The reader's scenario: its AGI year (`None`: none by 2060) and its value of `field`.
    pub reader_agi_year: Option<i32>,
    pub reader_value: f64,
}

/// The field the map uses by default. With the AI-market anchor, the page input that moves
/// the US firms' answer most in the tornado at the defaults, demand growth (the prize's size
/// does not move it there: `docs/MODEL.md` §0; `tests/model_game.rs` holds this to the
/// tornado); with the world-output anchor, the bull case, AGI's addition to world output.
pub fn default_map_field(s: &Scenario) -> &'static str {
    if s.prize_anchor >= 0.5 {
        "agi_gdp_share"
    } else {
        "demand_growth"
    }
}

/// The US firms' call over AGI year × `field` (an input on the page, not the AGI year itself,
/// a framing input or an uncertainty setting), `field` taking [`MAP_STEPS`] values from its
/// plausible low to its high on its slider's steps. Validates first.
///
/// ```
/// use ai_capex_explainer::model::{strategy_map, Scenario, MAP_STEPS};
/// let m = strategy_map(&Scenario::default(), "agi_prize").map_err(|e| format!("{e:?}"))?;
/// assert_eq!(m.values.len(), MAP_STEPS);
/// assert_eq!(m.cells.len(), MAP_STEPS * 36);
/// assert!(strategy_map(&Scenario::default(), "agi_year").is_err());
/// # Ok::<(), String>(())
/// ```
pub fn strategy_map(s: &Scenario, field: &str) -> Result<StrategyMap, Vec<InputError>> {
    Ok(StrategyMapSteps::start(s, field)?.finish())
}

/// The map made one row (one game scan) at a time, so a page can make it between the reader's
/// inputs: the same result as [`strategy_map`].
///
/// ```
/// use ai_capex_explainer::model::{strategy_map, Scenario, StrategyMapSteps};
/// let s = Scenario::default();
/// let mut steps = StrategyMapSteps::start(&s, "agi_prize").map_err(|e| format!("{e:?}"))?;
/// while !steps.step() {}
/// assert_eq!(steps.finish(), strategy_map(&s, "agi_prize").map_err(|e| format!("{e:?}"))?);
/// # Ok::<(), String>(())
/// ```
pub struct StrategyMapSteps {
    scenario: Scenario,
    field: &'static str,
    /// The field's default, the reader's value if the scenario has none.
    field_default: f64,
    values: Vec<f64>,
    cells: Vec<MapCell>,
    rows_done: usize,
}

impl StrategyMapSteps {
    /// Validates the scenario and `field`; scans nothing yet.
    pub fn start(s: &Scenario, field: &str) -> Result<StrategyMapSteps, Vec<InputError>> {
        s.validate()?;
        let spec = input_spec(field)
            .filter(|spec| {
                spec.field != "agi_year"
                    && spec.group != InputGroup::Uncertainty
                    && !FRAMING_INPUTS.contains(&spec.field)
            })
            .ok_or_else(|| vec![InputError::new("map", field, InputErrorKind::UnknownField)])?;
        let on_step = |x: f64| spec.min + ((x - spec.min) / spec.step).round() * spec.step;
        let values: Vec<f64> = (0..MAP_STEPS)
            .map(|i| on_step(spec.low + (spec.high - spec.low) * i as f64 / (MAP_STEPS - 1) as f64))
            .collect();
        Ok(StrategyMapSteps {
            scenario: s.clone(),
            field: spec.field,
            field_default: spec.default,
            cells: Vec::with_capacity(values.len() * 36),
            values,
            rows_done: 0,
        })
    }

    /// The next row. True once every row is made.
    pub fn step(&mut self) -> bool {
        let Some(&value) = self.values.get(self.rows_done) else {
            return true;
        };
        let mut changed = self.scenario.clone();
        changed.set_number_unchecked(self.field, value);
        let p = Params::from_scenario(&changed);
        let choice = scan(&p, &Fixed::new(&p)).choice(Side::Us, p.agi_year);
        let points = choice.by_agi_year.iter().chain([&choice.without_agi]);
        self.cells.extend(points.map(|pt| MapCell {
            agi_year: pt.agi_year,
            value,
            call: pt.call,
            sprint_minus_pace: pt.sprint_minus_pace,
            pv_capex_pacing: pt.pv_capex_pacing,
        }));
        self.rows_done += 1;
        self.rows_done == self.values.len()
    }

    /// The map, making first any rows still to make.
    pub fn finish(mut self) -> StrategyMap {
        while !self.step() {}
        let reader_value = self
            .scenario
            .number(self.field)
            .unwrap_or(self.field_default);
        StrategyMap {
            field: self.field,
            reader_agi_year: Params::from_scenario(&self.scenario).agi_year,
            reader_value,
            values: self.values,
            cells: self.cells,
        }
    }
}

impl StrategyMap {
    /// The cells of each row, left to right: the AGI years, then "no AGI by 2060".
    pub fn columns(&self) -> usize {
        self.cells.len() / self.values.len().max(1)
    }

    /// The row nearest the reader's value of `field` (the first of two as near): the map's
    /// values are a sample of the input's range, so the reader's own value may lie between.
    pub fn reader_row(&self) -> Option<usize> {
        self.values
            .iter()
            .enumerate()
            .min_by(|a, b| {
                (a.1 - self.reader_value)
                    .abs()
                    .total_cmp(&(b.1 - self.reader_value).abs())
            })
            .map(|(i, _)| i)
    }

    /// The column of the reader's AGI year (the last one without AGI by 2060).
    pub fn reader_column(&self) -> Option<usize> {
        self.cells[..self.columns().min(self.cells.len())]
            .iter()
            .position(|c| c.agi_year == self.reader_agi_year)
    }
}
