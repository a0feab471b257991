//! Mapping a pointer back to the mark under it. Renderers record each mark's box in
//! device pixels while they draw; the page asks with the pointer position.

use serde::Serialize;

/// A mark's box in device pixels (inclusive corners) and what it reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HitBox {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    pub mark: String,
    /// The plotted value, for marks that are not facts (model lines).
    pub value: f64,
    /// The x value (year) for line points; the group index for bars.
    pub x: f64,
    pub series: usize,
}

impl HitBox {
    fn distance(&self, x: i32, y: i32) -> i32 {
        let dx = (self.left - x).max(x - self.right).max(0);
        let dy = (self.top - y).max(y - self.bottom).max(0);
        dx.max(dy)
    }
}

/// All the marks of one drawn chart.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HitMap {
    pub boxes: Vec<HitBox>,
}

impl HitMap {
    /// The mark under (x, y), else the nearest one within `slack` pixels (fingers are
    /// wider than bars). Ties go to the mark drawn last (on top).
    pub fn hit(&self, x: i32, y: i32, slack: i32) -> Option<&HitBox> {
        self.boxes
            .iter()
            .rev()
            .map(|b| (b.distance(x, y), b))
            .filter(|(d, _)| *d <= slack)
            .min_by_key(|(d, _)| *d)
            .map(|(_, b)| b)
    }
}
