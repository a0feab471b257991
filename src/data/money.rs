//! Currency conversion.
//!
//! The dataset stores money in the currency the source used and never re-converts it. When a
//! chart puts dollars and yuan side by side it converts every figure of a year at that year's
//! official reference rate ([`Dataset::rate_for`]), so the bars of one chart never stand on
//! several rates. A seed's own implied rate (`Fact::cny_per_usd`) is rounding, not a reference:
//! it is only shown beside the figure ("the article says ≈ …").

use super::dataset::Dataset;
use super::types::{Currency, Fact, ReferenceRate};

/// Converts `value` from one currency to another at `cny_per_usd` yuan per US dollar.
///
/// Same currency: `value` unchanged. USD → CNY: `value × cny_per_usd`. CNY → USD:
/// `value ÷ cny_per_usd`. The scale (billions, millions) is kept: convert units first.
///
/// `cny_per_usd` must be finite and above 0 (validated datasets guarantee this for their
/// rates); with any other rate a cross-currency result is not a finite number. Use
/// [`checked_convert_money`] for rates that come from reader input.
///
/// ```
/// use ai_capex_explainer::data::{convert_money, Currency};
/// // 120亿美元 at 7.17 yuan per dollar is about 860亿元.
/// let yuan_bn = convert_money(12.0, Currency::Usd, Currency::Cny, 7.17);
/// assert!((yuan_bn - 86.04).abs() < 1e-9);
/// ```
pub fn convert_money(value: f64, from: Currency, to: Currency, cny_per_usd: f64) -> f64 {
    match (from, to) {
        (Currency::Usd, Currency::Cny) => value * cny_per_usd,
        (Currency::Cny, Currency::Usd) => value / cny_per_usd,
        _ => value,
    }
}

/// Like [`convert_money`], but `None` when the rate is not finite and above 0 or the result
/// is not finite.
///
/// ```
/// use ai_capex_explainer::data::{checked_convert_money, Currency};
/// assert_eq!(checked_convert_money(380.0, Currency::Cny, Currency::Usd, 0.0), None);
/// assert_eq!(checked_convert_money(1.0, Currency::Usd, Currency::Usd, 7.17), Some(1.0));
/// ```
pub fn checked_convert_money(
    value: f64,
    from: Currency,
    to: Currency,
    cny_per_usd: f64,
) -> Option<f64> {
    if !(cny_per_usd.is_finite() && cny_per_usd > 0.0) {
        return None;
    }
    let converted = convert_money(value, from, to, cny_per_usd);
    converted.is_finite().then_some(converted)
}

impl Dataset {
    /// The reference rate for figures of `year`: that year's, else the nearest year's (the
    /// later one on a tie). `None` only when the dataset has no rates (validation refuses it).
    pub fn rate_for(&self, year: i32) -> Option<&ReferenceRate> {
        self.reference_rates
            .iter()
            .min_by_key(|r| ((r.year - year).abs(), -r.year))
    }

    /// `fact`'s value in billions of `to`, converted at the reference rate of the year its
    /// period ends in. `None` for non-money units or without a usable rate. For ranges this
    /// converts the low end (`value`).
    pub fn money_bn(&self, fact: &Fact, to: Currency) -> Option<f64> {
        self.money_bn_of(fact, fact.value, to)
    }

    /// `value`, a number in `fact`'s unit (its `value` or `value_high`), in billions of `to`
    /// at the reference rate of the fact's year.
    pub fn money_bn_of(&self, fact: &Fact, value: f64, to: Currency) -> Option<f64> {
        let from = fact.unit.currency()?;
        let factor = fact.unit.to_billions_factor()?;
        let rate = self.rate_for(fact.period.end)?.cny_per_usd;
        checked_convert_money(value * factor, from, to, rate)
    }
}

impl Fact {
    /// The midpoint of a range, or `value` for every other qualifier.
    pub fn central_value(&self) -> f64 {
        match self.value_high {
            Some(high) => (self.value + high) / 2.0,
            None => self.value,
        }
    }
}
