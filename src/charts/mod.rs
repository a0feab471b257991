//! Charts, drawn with plotters and generic over its `DrawingBackend`: the browser hands in
//! a canvas backend, native tests an SVG string. Builders turn the dataset or a model run
//! into a plain [`Chart`] spec; renderers draw a spec and return a [`HitMap`] so the page
//! can map a pointer back to the fact or year under it. Words on the charts come from the
//! page's language file through [`View`]; nothing here knows the browser.

mod axis;
mod bars;
mod business_chart;
mod dataset_chart;
mod error;
mod grid;
mod hit;
mod lines;
mod map_chart;
mod model_charts;
mod risk_chart;
mod spec;
mod style;
mod text_fit;
mod tornado;
mod view;

pub use axis::{grouped, tick};
pub use bars::draw_bar_chart;
pub use business_chart::business_chart;
pub use dataset_chart::{dataset_chart, period_label, Figures};
pub use error::ChartError;
pub use grid::{draw_grid, GridCell, GridChart};
pub use hit::{HitBox, HitMap};
pub use lines::draw_line_chart;
pub use map_chart::map_chart;
pub use model_charts::{
    break_even_chart, capacity_chart, position_chart, prices_chart, sensitivity_chart,
    uncertainty_chart,
};
pub use risk_chart::risk_chart;
pub use spec::{
    Bar, BarChart, BarGroup, BarKind, Fill, Line, LineChart, Marker, Rule, Series, Swing,
    TickStyle, Tornado,
};
pub use style::ChartStyle;
pub use tornado::draw_tornado;
pub use view::{View, ViewError, ViewOptions};

use text_fit::fit_lines;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// Any chart the explainer draws.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Chart {
    Bars(BarChart),
    Lines(LineChart),
    Tornado(Tornado),
    Grid(GridChart),
}

impl Chart {
    /// Draws the chart on `area` (filling it) and returns its hover map. A non-empty `credit`
    /// (source and credit, in the reader's language) is written along the bottom, inside the
    /// chart, so a screenshot of it still says where the figures come from.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
        credit: &str,
    ) -> Result<HitMap, ChartError> {
        let plot = if credit.is_empty() {
            area.clone()
        } else {
            let (width, height) = area.dim_in_pixel();
            // Wrapped to the chart's width: a phone shows the whole source line.
            let font = style.muted_text(CREDIT_PX);
            let lines = fit_lines(area, credit, &font, width as i32 - style.px(8.0))?;
            let line_h = style.px(CREDIT_PX + 3.0);
            let rows = line_h * lines.len() as i32 + style.px(3.0);
            let (plot, strip) = area.split_vertically((height as i32 - rows).max(0));
            style.paint_background(&strip)?;
            for (i, line) in lines.iter().enumerate() {
                strip.draw_text(
                    line,
                    &font,
                    (style.px(4.0), style.px(2.0) + i as i32 * line_h),
                )?;
            }
            plot
        };
        let hits = match self {
            Chart::Bars(c) => draw_bar_chart(&plot, c, style)?,
            Chart::Lines(c) => draw_line_chart(&plot, c, style)?,
            Chart::Tornado(c) => draw_tornado(&plot, c, style)?,
            Chart::Grid(c) => draw_grid(&plot, c, style)?,
        };
        area.present()?;
        Ok(hits)
    }
}

/// CSS pixel size of the credit line.
const CREDIT_PX: f64 = 9.0;
