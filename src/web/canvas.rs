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
use std::cell::RefCell;
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

/// The live canvas or the baked page's SVG. One concrete type, so that the chart code (generic
/// over the backend) is compiled once for both, not once per backend.
enum Inner<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

/// Runs `$body` with `$b` bound to whichever backend `$inner` holds.
macro_rules! each {
    ($inner:expr, $b:ident => $body:expr) => {
        match $inner {
            Inner::Canvas($b) => $body.map_err(lift),
            Inner::Svg($b) => $body.map_err(lift),
        }
    };
}

/// A plotters backend whose text is measured with a canvas's `measureText`.
pub struct Measured<'a> {
    inner: Inner<'a>,
    context: CanvasRenderingContext2d,
    /// The font last set on `context` for measuring ("" once plotters-canvas may have set
    /// another to draw): setting a font makes the browser parse it, which cost about a
    /// millisecond a frame when every measurement set it again.
    measuring_font: RefCell<String>,
}

/// plotters-canvas plus `measureText`.
pub type MeasuringCanvas = Measured<'static>;

impl Measured<'static> {
    /// `None` when the canvas has no 2D context (context lost, or not a canvas).
    pub fn new(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Option<Self> {
        Some(Measured {
            inner: Inner::Canvas(CanvasBackend::with_canvas_object(canvas)?),
            context,
            measuring_font: RefCell::default(),
        })
    }
}

impl<'a> Measured<'a> {
    /// An SVG of `size` CSS pixels written into `out`, measured with `context`.
    pub fn svg(out: &'a mut String, size: (u32, u32), context: CanvasRenderingContext2d) -> Self {
        Measured {
            inner: Inner::Svg(SVGBackend::with_string(out, size)),
            context,
            measuring_font: RefCell::default(),
        }
    }
}

impl DrawingBackend for Measured<'_> {
    type ErrorType = CanvasDrawError;

    fn get_size(&self) -> (u32, u32) {
        match &self.inner {
            Inner::Canvas(b) => b.get_size(),
            Inner::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Result<()> {
        each!(&mut self.inner, be => be.ensure_prepared())
    }
    fn present(&mut self) -> Result<()> {
        each!(&mut self.inner, be => be.present())
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: plotters_backend::BackendColor,
    ) -> Result<()> {
        each!(&mut self.inner, be => be.draw_pixel(point, color))
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<()> {
        each!(&mut self.inner, be => be.draw_line(from, to, style))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        each!(&mut self.inner, be => be.draw_rect(a, b, style, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<()> {
        each!(&mut self.inner, be => be.draw_path(path, style))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        each!(&mut self.inner, be => be.draw_circle(center, radius, style, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<()> {
        each!(&mut self.inner, be => be.fill_polygon(vert, style))
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<()> {
        // plotters-canvas sets its own font on the shared context to draw.
        self.measuring_font.borrow_mut().clear();
        each!(&mut self.inner, be => be.draw_text(text, style, pos))
    }
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if *self.measuring_font.borrow() != font {
            self.context.set_font(&font);
            *self.measuring_font.borrow_mut() = font;
        }
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
