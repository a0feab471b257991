//! The band rule: when a difference in NPV says "sprint", "pace" or "too close to call".

use serde::Serialize;

/// The materiality band: a difference in NPV smaller than this share of the side's present
/// value of capex on its paced path is "too close to call" (`docs/MODEL.md` §1). 5% is the
/// rule of thumb auditors start from (US SEC Staff Accounting Bulletin No. 99, 1999); the
/// model's inputs carry plausible ranges of ±30% and more, so a smaller difference is not a
/// finding. Fixed before looking at any result; never tuned to a preset.
pub const MATERIALITY: f64 = 0.05;

/// What a side should do, or that the model cannot say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Call {
    Sprint,
    Pace,
    /// The difference is inside the materiality band.
    TooCloseToCall,
}

/// Half the width of the band around zero for a side whose PV of capex when pacing is `scale`.
pub fn band(scale: f64) -> f64 {
    MATERIALITY * scale.abs()
}

/// The one rule for "too close to call", used by the page, the command line and the headline:
/// `sprint_minus_pace` (NPV) against [`MATERIALITY`] × `scale` (PV of capex on the paced path).
/// A difference exactly on the band's edge is too close.
pub fn call(sprint_minus_pace: f64, scale: f64) -> Call {
    if sprint_minus_pace.is_nan() || sprint_minus_pace.abs() <= band(scale) {
        Call::TooCloseToCall
    } else if sprint_minus_pace > 0.0 {
        Call::Sprint
    } else {
        Call::Pace
    }
}

#[cfg(test)]
mod tests {
    use super::{call, Call, MATERIALITY};

    #[test]
    fn the_band_edge_is_too_close_to_call() {
        let scale = 1000.0;
        let edge = MATERIALITY * scale;
        assert_eq!(call(edge, scale), Call::TooCloseToCall);
        assert_eq!(call(-edge, scale), Call::TooCloseToCall);
        assert_eq!(call(edge * (1.0 + 1e-12), scale), Call::Sprint);
        assert_eq!(call(-edge * (1.0 + 1e-12), scale), Call::Pace);
        assert_eq!(call(f64::NAN, scale), Call::TooCloseToCall);
    }
}
