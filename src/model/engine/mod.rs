//! The yearly engine: the markets both sides face ([`market`]), each side's capex strategy
//! turned into capacity and revenue ([`path`]), the AGI prize split by effective compute where
//! both can sell ([`prize`]), and the discounted measures ([`measure`]). The equations are in
//! `docs/MODEL.md` §3; comments name them. Everything is on fixed-size arrays (2025–2080), so
//! the scans and the Monte Carlo allocate nothing.

mod market;
mod measure;
mod path;
mod prize;

pub use market::Side;
pub(crate) use market::{Market, Series};
pub use measure::Measure;
pub(crate) use measure::{measure, operating_cash};
pub(crate) use path::{path, Path};
pub use path::{Limits, Strategy};
pub(crate) use prize::{prize, Prize};
