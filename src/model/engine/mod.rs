//! The yearly engine: the market both sides face ([`market`]), each side's capex turned into
//! capacity and revenue ([`path`]), the AGI prize split by effective compute ([`prize`]), and
//! the discounted measures of one AGI year ([`measure`]). The equations are in
//! `docs/MODEL.md` §3; comments name them. Everything is on fixed-size arrays (2025–2060), so
//! the break-even scan and the Monte Carlo allocate nothing.

mod market;
mod measure;
mod path;
mod prize;

pub(crate) use market::Market;
pub use market::Side;
pub use measure::Measure;
pub(crate) use measure::{measure, operating_cash, race, world, Fixed, Race, World};
pub use path::Limits;
pub(crate) use path::{path, Path, Policy};
pub(crate) use prize::{prize, Prize};
