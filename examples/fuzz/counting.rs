//! A plotters backend that draws nothing and counts what it is asked to draw, so the fuzzer
//! can draw thousands of charts a second and check where the marks land.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use std::cell::Cell;
use std::convert::Infallible;
use std::rc::Rc;

/// How far outside the canvas a mark may start before it counts as astray: strokes and labels
/// overhang the edge a little; an axis gone wild lands millions of pixels away.
const ASTRAY_MARGIN: i32 = 10_000;

/// What was drawn; shared, since plotters keeps the backend inside the drawing area.
#[derive(Default)]
pub struct Counts {
    /// Shapes and texts drawn.
    pub marks: Cell<usize>,
    /// Points more than ASTRAY_MARGIN pixels outside the canvas.
    pub astray: Cell<usize>,
}

pub struct CountingBackend {
    size: (u32, u32),
    counts: Rc<Counts>,
}

impl CountingBackend {
    /// A canvas of `size` device pixels, and what will have been drawn on it.
    pub fn new(size: (u32, u32)) -> (Self, Rc<Counts>) {
        let counts = Rc::new(Counts::default());
        (
            CountingBackend {
                size,
                counts: counts.clone(),
            },
            counts,
        )
    }

    fn mark(
        &mut self,
        points: impl IntoIterator<Item = BackendCoord>,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let counts = &self.counts;
        counts.marks.set(counts.marks.get() + 1);
        let (w, h) = (self.size.0 as i32, self.size.1 as i32);
        for (x, y) in points {
            if x < -ASTRAY_MARGIN
                || y < -ASTRAY_MARGIN
                || x > w + ASTRAY_MARGIN
                || y > h + ASTRAY_MARGIN
            {
                counts.astray.set(counts.astray.get() + 1);
            }
        }
        Ok(())
    }
}

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for CountingBackend {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }
    fn present(&mut self) -> Drawn {
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, _: BackendColor) -> Drawn {
        self.mark([point])
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, _: &S) -> Drawn {
        self.mark([from, to])
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        _: &S,
        _: bool,
    ) -> Drawn {
        self.mark([a, b])
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Drawn {
        self.mark(path)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        _: u32,
        _: &S,
        _: bool,
    ) -> Drawn {
        self.mark([center])
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        _: &S,
    ) -> Drawn {
        self.mark(vertices)
    }
    fn draw_text<S: BackendTextStyle>(&mut self, _: &str, _: &S, pos: BackendCoord) -> Drawn {
        self.mark([pos])
    }
    /// About what a canvas's measureText gives for a sans-serif font.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let size = style.size().max(0.0);
        Ok((
            (text.chars().count() as f64 * size * 0.6) as u32,
            size as u32,
        ))
    }
}
