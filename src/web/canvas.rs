//! The backends the charts draw on in the browser — the live canvas, drawn here, and plotters'
//! SVG backend for the baked page — both with text measured by the canvas. plotters' own wasm
//! measuring inserts a `<span>` with an inline `style` attribute per label, which a strict
//! Content-Security-Policy blocks and which costs a layout per label; and measuring both the
//! same way gives the baked SVG and the live canvas the same geometry.
//!
//! The canvas drawing is plotters-canvas's, less its repeated state: it set the colour, line
//! width, font, alignment and baseline before every line and label (a string built here and
//! parsed by the browser each time: 459 calls into the browser for the first chart, half of
//! them setting what was set already). Here each is set only when it changes.

#[cfg(feature = "svg")]
use plotters::prelude::SVGBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use std::cell::RefCell;
use std::fmt;
use wasm_bindgen::JsValue;
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

/// A colour as compared for "already set": its channels and its alpha's bits.
type ColorKey = ((u8, u8, u8), u64);

fn color_key(color: BackendColor) -> ColorKey {
    (color.rgb, color.alpha.to_bits())
}

/// What was last set on the context; `None` / "" until set by this backend.
#[derive(Clone, Default)]
struct ContextState {
    fill: Option<ColorKey>,
    stroke: Option<ColorKey>,
    line_width: Option<u32>,
    font: String,
    align: &'static str,
    baseline: &'static str,
}

/// The live canvas or the baked page's SVG. One concrete type, so that the chart code (generic
/// over the backend) is compiled once for both, not once per backend.
enum Inner<'a> {
    Canvas(HtmlCanvasElement),
    #[cfg_attr(not(feature = "svg"), allow(dead_code))] // made only by Measured::svg
    Svg(SvgWriter<'a>),
}

/// plotters' SVG backend, in a core built with the Cargo feature "svg" (the bake's).
#[cfg(feature = "svg")]
type SvgWriter<'a> = SVGBackend<'a>;

/// Without the feature (the readers' core) no SVG is written: a type with no values stands in,
/// so that every `Inner::Svg` arm is known unreachable and plotters' SVG code is left out
/// (with the scratch canvas `Explainer::svg` measured with, 5.6 KB gzip).
#[cfg(not(feature = "svg"))]
type SvgWriter<'a> = NoSvg<'a>;

#[cfg(not(feature = "svg"))]
enum NoSvg<'a> {
    #[allow(dead_code)] // never made: the type has no values
    Never(
        std::convert::Infallible,
        std::marker::PhantomData<&'a mut String>,
    ),
}

#[cfg(not(feature = "svg"))]
impl NoSvg<'_> {
    fn never(&self) -> ! {
        match self {
            NoSvg::Never(never, _) => match *never {},
        }
    }
}

#[cfg(not(feature = "svg"))]
impl DrawingBackend for NoSvg<'_> {
    type ErrorType = std::convert::Infallible;
    fn get_size(&self) -> (u32, u32) {
        self.never()
    }
    fn ensure_prepared(&mut self) -> std::result::Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.never()
    }
    fn present(&mut self) -> std::result::Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.never()
    }
    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> std::result::Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.never()
    }
}

/// A plotters backend whose text is measured with a canvas's `measureText`: drawing on that
/// canvas, or writing SVG.
pub struct Measured<'a> {
    inner: Inner<'a>,
    /// The live canvas's context, or a scratch canvas's for measuring the SVG's text.
    context: CanvasRenderingContext2d,
    state: RefCell<ContextState>,
}

/// The live canvas.
pub type MeasuringCanvas = Measured<'static>;

impl Measured<'static> {
    /// Draws on `canvas` through its 2D `context`.
    pub fn new(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Self {
        Measured {
            inner: Inner::Canvas(canvas),
            context,
            state: RefCell::default(),
        }
    }
}

impl<'a> Measured<'a> {
    /// An SVG of `size` CSS pixels written into `out`, measured with `context`.
    #[cfg(feature = "svg")]
    pub fn svg(out: &'a mut String, size: (u32, u32), context: CanvasRenderingContext2d) -> Self {
        Measured {
            inner: Inner::Svg(SVGBackend::with_string(out, size)),
            context,
            state: RefCell::default(),
        }
    }

    fn set_fill(&self, color: BackendColor) {
        let key = Some(color_key(color));
        if self.state.borrow().fill != key {
            self.context.set_fill_style_str(&css_color(color));
            self.state.borrow_mut().fill = key;
        }
    }

    fn set_line(&self, style: &impl BackendStyle) {
        let key = Some(color_key(style.color()));
        if self.state.borrow().stroke != key {
            self.context.set_stroke_style_str(&css_color(style.color()));
            self.state.borrow_mut().stroke = key;
        }
        let width = Some(style.stroke_width());
        if self.state.borrow().line_width != width {
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.state.borrow_mut().line_width = width;
        }
    }

    fn set_font(&self, style: &impl BackendTextStyle) {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if self.state.borrow().font != font {
            self.context.set_font(&font);
            self.state.borrow_mut().font = font;
        }
    }

    fn set_anchor(&self, align: &'static str, baseline: &'static str) {
        let mut state = self.state.borrow_mut();
        if state.align != align {
            self.context.set_text_align(align);
            state.align = align;
        }
        if state.baseline != baseline {
            self.context.set_text_baseline(baseline);
            state.baseline = baseline;
        }
    }

    /// A path of `points` from the first, stroked or (closed) filled.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) {
        self.context.begin_path();
        let mut points = points.into_iter();
        if let Some((x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
    }

    fn canvas_text(
        &self,
        text: &str,
        style: &impl BackendTextStyle,
        (x, y): BackendCoord,
    ) -> Result<()> {
        let turn: f64 = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        // A turned label is drawn between save() and restore(), which puts back the state
        // saved: so is the record of it, whatever happened between.
        if turn == 0.0 {
            return self.fill_text(text, style, (f64::from(x), f64::from(y)));
        }
        self.context.save();
        let saved = self.state.borrow().clone();
        let drawn = self
            .context
            .translate(f64::from(x), f64::from(y))
            .and_then(|()| self.context.rotate(turn / 180.0 * std::f64::consts::PI))
            .map_err(js_error)
            .and_then(|()| self.fill_text(text, style, (0.0, 0.0)));
        self.context.restore();
        *self.state.borrow_mut() = saved;
        drawn
    }

    /// `text` in `style` anchored at `at`, unturned.
    fn fill_text(&self, text: &str, style: &impl BackendTextStyle, at: (f64, f64)) -> Result<()> {
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        self.set_anchor(align, baseline);
        self.set_fill(style.color());
        self.set_font(style);
        self.context.fill_text(text, at.0, at.1).map_err(js_error)
    }
}

/// A CSS colour for the canvas.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

fn js_error(e: JsValue) -> DrawingErrorKind<CanvasDrawError> {
    DrawingErrorKind::DrawingError(CanvasDrawError(
        e.as_string().unwrap_or_else(|| format!("{e:?}")),
    ))
}

/// A vertical or horizontal line moved by half a pixel onto the pixel grid, so it is drawn
/// sharp (as plotters-canvas does).
fn sharp_line(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

impl DrawingBackend for Measured<'_> {
    type ErrorType = CanvasDrawError;

    fn get_size(&self) -> (u32, u32) {
        match &self.inner {
            Inner::Canvas(canvas) => (canvas.width(), canvas.height()),
            Inner::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Result<()> {
        match &mut self.inner {
            Inner::Canvas(_) => Ok(()),
            Inner::Svg(b) => b.ensure_prepared().map_err(lift),
        }
    }
    fn present(&mut self) -> Result<()> {
        match &mut self.inner {
            Inner::Canvas(_) => Ok(()),
            Inner::Svg(b) => b.present().map_err(lift),
        }
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<()> {
        match &mut self.inner {
            Inner::Svg(b) => b.draw_pixel(point, color).map_err(lift),
            Inner::Canvas(_) if color.alpha == 0.0 => Ok(()),
            Inner::Canvas(_) => {
                self.set_fill(color);
                self.context
                    .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
                Ok(())
            }
        }
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<()> {
        match &mut self.inner {
            Inner::Svg(b) => b.draw_line(from, to, style).map_err(lift),
            Inner::Canvas(_) if style.color().alpha == 0.0 => Ok(()),
            Inner::Canvas(_) => {
                let (from, to) = sharp_line(from, to);
                self.set_line(style);
                self.context.begin_path();
                self.context.move_to(from.0, from.1);
                self.context.line_to(to.0, to.1);
                self.context.stroke();
                Ok(())
            }
        }
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        match &mut self.inner {
            Inner::Svg(svg) => svg.draw_rect(a, b, style, fill).map_err(lift),
            Inner::Canvas(_) if style.color().alpha == 0.0 => Ok(()),
            Inner::Canvas(_) => {
                let (x, y) = (f64::from(a.0), f64::from(a.1));
                let (w, h) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
                if fill {
                    self.set_fill(style.color());
                    self.context.fill_rect(x, y, w, h);
                } else {
                    self.set_line(style);
                    self.context.stroke_rect(x, y, w, h);
                }
                Ok(())
            }
        }
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<()> {
        match &mut self.inner {
            Inner::Svg(b) => b.draw_path(path, style).map_err(lift),
            Inner::Canvas(_) if style.color().alpha == 0.0 => Ok(()),
            Inner::Canvas(_) => {
                self.set_line(style);
                self.trace(path);
                self.context.stroke();
                Ok(())
            }
        }
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        match &mut self.inner {
            Inner::Svg(b) => b.draw_circle(center, radius, style, fill).map_err(lift),
            Inner::Canvas(_) if style.color().alpha == 0.0 => Ok(()),
            Inner::Canvas(_) => {
                if fill {
                    self.set_fill(style.color());
                } else {
                    self.set_line(style);
                }
                self.context.begin_path();
                self.context
                    .arc(
                        f64::from(center.0),
                        f64::from(center.1),
                        f64::from(radius),
                        0.0,
                        std::f64::consts::TAU,
                    )
                    .map_err(js_error)?;
                if fill {
                    self.context.fill();
                } else {
                    self.context.stroke();
                }
                Ok(())
            }
        }
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<()> {
        match &mut self.inner {
            Inner::Svg(b) => b.fill_polygon(vert, style).map_err(lift),
            Inner::Canvas(_) if style.color().alpha == 0.0 => Ok(()),
            Inner::Canvas(_) => {
                self.set_fill(style.color());
                self.trace(vert);
                self.context.close_path();
                self.context.fill();
                Ok(())
            }
        }
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<()> {
        match &mut self.inner {
            Inner::Svg(b) => b.draw_text(text, style, pos).map_err(lift),
            Inner::Canvas(_) if style.color().alpha == 0.0 => Ok(()),
            Inner::Canvas(_) => self.canvas_text(text, style, pos),
        }
    }
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        self.set_font(style);
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
