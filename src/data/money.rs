//! Currency conversion.
//!
//! The dataset stores money in the currency the source used and never re-converts it. When a
//! chart puts dollars and yuan side by side it converts with a rate it names: the rate the seed
//! itself implies (`Fact::cny_per_usd`) when there is one, else the dataset's
//! `default_cny_per_usd` (7.17, the rate implied by seed 000), or a rate the reader chose.

use super::types::{Currency, Fact};

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
/// // 120亿美元 at seed 000's rate of 7.17 is about 860亿元.
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

impl Fact {
    /// The fact's value in billions of `to`, converting at the seed's own rate when it gave
    /// one, else at `fallback_cny_per_usd`. `None` for non-money units or an unusable rate.
    ///
    /// For ranges this converts the low end (`value`); see [`Fact::value_high`].
    pub fn money_bn(&self, to: Currency, fallback_cny_per_usd: f64) -> Option<f64> {
        let from = self.unit.currency()?;
        let factor = self.unit.to_billions_factor()?;
        let rate = self.cny_per_usd.unwrap_or(fallback_cny_per_usd);
        checked_convert_money(self.value * factor, from, to, rate)
    }

    /// The midpoint of a range, or `value` for every other qualifier.
    pub fn central_value(&self) -> f64 {
        match self.value_high {
            Some(high) => (self.value + high) / 2.0,
            None => self.value,
        }
    }
}
