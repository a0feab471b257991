//! The backends the charts draw on in the browser — plotters-canvas for the live chart, the
//! SVG backend for the baked page — both with text measured by a canvas. plotters' own wasm
//! measuring inserts a `<span>` with an inline `style` attribute per label, which a strict
//! Content-Security-Policy blocks and which costs a layout per label; and measuring both the
//! same way gives the baked SVG and the live canvas the same geometry.

use plotters::prelude::SVGBackend;
use plotters_backend::{
    BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::fmt;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A drawing failure, as text.
#[derive(Debug)]
pub struct CanvasDrawError(String);

impl fmt::Display for CanvasDrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasDrawError {}

type Result<T> = std::result::Result<T, DrawingErrorKind<CanvasDrawError>>;

fn lift<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<CanvasDrawError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasDrawError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// A plotters backend whose text is measured with a canvas's `measureText`.
pub struct Measured<B> {
    inner: B,
    context: CanvasRenderingContext2d,
}

/// plotters-canvas plus `measureText`.
pub type MeasuringCanvas = Measured<CanvasBackend>;

impl MeasuringCanvas {
    /// `None` when the canvas has no 2D context (context lost, or not a canvas).
    pub fn new(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Option<Self> {
        Some(Measured {
            inner: CanvasBackend::with_canvas_object(canvas)?,
            context,
        })
    }
}

impl<'a> Measured<SVGBackend<'a>> {
    /// An SVG of `size` CSS pixels written into `out`, measured with `context`.
    pub fn svg(out: &'a mut String, size: (u32, u32), context: CanvasRenderingContext2d) -> Self {
        Measured {
            inner: SVGBackend::with_string(out, size),
            context,
        }
    }
}

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = CanvasDrawError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<()> {
        self.inner.ensure_prepared().map_err(lift)
    }
    fn present(&mut self) -> Result<()> {
        self.inner.present().map_err(lift)
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: plotters_backend::BackendColor,
    ) -> Result<()> {
        self.inner.draw_pixel(point, color).map_err(lift)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<()> {
        self.inner.draw_line(from, to, style).map_err(lift)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        self.inner.draw_rect(a, b, style, fill).map_err(lift)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<()> {
        self.inner.draw_path(path, style).map_err(lift)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        self.inner
            .draw_circle(center, radius, style, fill)
            .map_err(lift)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<()> {
        self.inner.fill_polygon(vert, style).map_err(lift)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<()> {
        self.inner.draw_text(text, style, pos).map_err(lift)
    }
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        let width = self
            .context
            .measure_text(text)
            .map_err(|_| {
                DrawingErrorKind::DrawingError(CanvasDrawError("measureText failed".into()))
            })?
            .width();
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}
