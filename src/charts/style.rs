//! Colours, sizes and fonts shared by every chart, scaled for the device pixel ratio.
//!
//! plotters draws at the canvas's backing-store size, so the boundary sizes the canvas to
//! CSS size × devicePixelRatio and every length here is multiplied by the same `scale`.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::style::text_anchor::Pos;
use plotters::style::{
    Color, FontDesc, FontFamily, FontStyle, RGBAColor, RGBColor, ShapeStyle, TextStyle,
};
use plotters_backend::{BackendColor, DrawingBackend};

/// Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(0, 158, 115),   // green
    RGBColor(230, 159, 0),   // orange
    RGBColor(204, 121, 167), // purple
    RGBColor(86, 180, 233),  // sky
    RGBColor(120, 120, 120), // grey
    RGBColor(240, 228, 66),  // yellow
];

/// How a chart is drawn: pixel scale, colour scheme, and whether it paints its background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel (1.0–4.0); lengths and font sizes are multiplied by it.
    pub scale: f64,
    /// Dark colour scheme.
    pub dark: bool,
    /// The page paints [`ChartStyle::background`] behind the chart (the live canvas's CSS
    /// background, css/chart.css), on a canvas cleared for the drawing: the chart leaves it
    /// unpainted. Filling a 3× phone's canvas took about 5 ms of the first chart's 60 under the
    /// bench's CPU ×4.
    pub backdrop: bool,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle::new(1.0, false)
    }
}

impl ChartStyle {
    /// A style with `scale` clamped to 1–4 (a non-finite scale falls back to 1).
    pub fn new(scale: f64, dark: bool) -> Self {
        let scale = if scale.is_finite() {
            scale.clamp(1.0, 4.0)
        } else {
            1.0
        };
        ChartStyle {
            scale,
            dark,
            backdrop: false,
        }
    }

    /// This style on a backdrop the page paints (see [`ChartStyle::backdrop`]), or not.
    pub fn on_backdrop(self, backdrop: bool) -> Self {
        ChartStyle { backdrop, ..self }
    }

    /// Paints the background on `area`, unless the page paints it ([`ChartStyle::backdrop`]).
    pub fn paint_background<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        if self.backdrop {
            return Ok(());
        }
        area.fill(&self.background())
    }

    /// A length in CSS pixels, in device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// The page font at `css_size` CSS pixels. The family is generic so the browser picks
    /// a CJK face (Noto Sans CJK on Linux, PingFang on iOS) for Chinese labels.
    pub fn font(&self, css_size: f64) -> FontDesc<'static> {
        FontDesc::new(
            FontFamily::SansSerif,
            css_size * self.scale,
            FontStyle::Normal,
        )
    }

    /// Label text style.
    pub fn text(&self, css_size: f64) -> TextStyle<'static> {
        self.colored_text(css_size, self.ink())
    }

    /// Secondary text (axis ticks, captions).
    pub fn muted_text(&self, css_size: f64) -> TextStyle<'static> {
        self.colored_text(css_size, self.muted())
    }

    /// Text in `color`. (Built directly: `TextStyle::color` borrows the colour for the
    /// style's lifetime.)
    pub fn colored_text(&self, css_size: f64, color: RGBColor) -> TextStyle<'static> {
        let color: BackendColor = color.to_backend_color();
        TextStyle {
            font: self.font(css_size),
            color,
            pos: Pos::default(),
        }
    }

    pub fn background(&self) -> RGBColor {
        if self.dark {
            RGBColor(24, 26, 30)
        } else {
            RGBColor(255, 255, 255)
        }
    }

    pub fn ink(&self) -> RGBColor {
        if self.dark {
            RGBColor(232, 232, 232)
        } else {
            RGBColor(28, 28, 28)
        }
    }

    pub fn muted(&self) -> RGBColor {
        if self.dark {
            RGBColor(170, 170, 170)
        } else {
            RGBColor(96, 96, 96)
        }
    }

    pub fn grid(&self) -> RGBAColor {
        let c = if self.dark {
            RGBColor(255, 255, 255)
        } else {
            RGBColor(0, 0, 0)
        };
        RGBAColor(c.0, c.1, c.2, 0.12)
    }

    /// The colour of series `index` (wraps around the palette).
    pub fn series(&self, index: usize) -> RGBColor {
        PALETTE[index % PALETTE.len()]
    }

    /// A line or outline `css_width` CSS pixels wide.
    pub fn stroke(&self, color: RGBColor, css_width: f64) -> ShapeStyle {
        ShapeStyle::from(color).stroke_width(self.px(css_width).max(1) as u32)
    }
}
