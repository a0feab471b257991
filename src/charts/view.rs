//! How the reader is looking at the charts: language, currency, pixel ratio, colour scheme
//! and the chart words of the page's language file.

use super::spec::TickStyle;
use super::style::ChartStyle;
use crate::data::{Currency, Lang};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

/// The view as the page sends it: `{lang, currency: "USD"|"CNY", dpr?, dark?, backdrop?, text?}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewOptions {
    pub lang: String,
    pub currency: String,
    #[serde(default = "one")]
    pub dpr: f64,
    #[serde(default)]
    pub dark: bool,
    /// The page paints the charts' background behind its canvases ([`ChartStyle::backdrop`]).
    #[serde(default)]
    pub backdrop: bool,
    #[serde(default)]
    pub text: HashMap<String, String>,
}

fn one() -> f64 {
    1.0
}

/// Why a view was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewError(pub String);

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "view options: {}", self.0)
    }
}

impl std::error::Error for ViewError {}

/// Validated view options.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub lang: Lang,
    pub currency: Currency,
    pub style: ChartStyle,
    text: HashMap<String, String>,
}

impl Default for View {
    fn default() -> Self {
        View {
            lang: Lang::ZhHans,
            currency: Currency::Usd,
            style: ChartStyle::default(),
            text: HashMap::new(),
        }
    }
}

impl View {
    /// Checks the page's options: a known language and currency.
    pub fn new(raw: ViewOptions) -> Result<View, ViewError> {
        let lang = Lang::parse(&raw.lang).ok_or_else(|| {
            ViewError(format!(
                "lang = {:?} is not en, zh-Hans or zh-Hant",
                raw.lang
            ))
        })?;
        let currency = match raw.currency.to_ascii_uppercase().as_str() {
            "USD" => Currency::Usd,
            "CNY" => Currency::Cny,
            other => return Err(ViewError(format!("currency = {other:?} is not USD or CNY"))),
        };
        Ok(View {
            lang,
            currency,
            style: ChartStyle::new(raw.dpr, raw.dark).on_backdrop(raw.backdrop),
            text: raw.text,
        })
    }

    /// The page's word for `key`, else the key itself (visible, never blank).
    pub fn word<'a>(&'a self, key: &'a str) -> &'a str {
        self.text.get(key).map_or(key, String::as_str)
    }

    /// The page's word for `key`, if it has one.
    pub fn word_if_any(&self, key: &str) -> Option<&str> {
        self.text.get(key).map(String::as_str)
    }

    /// `key`'s template with each `{name}` replaced.
    pub fn fill(&self, key: &str, vars: &[(&str, &str)]) -> String {
        vars.iter()
            .fold(self.word(key).to_string(), |s, (name, value)| {
                s.replace(&format!("{{{name}}}"), value)
            })
    }

    /// Ticks of a money axis: `30,000` (US$ bn) in English, `3万亿` in Simplified and `3兆` in
    /// Traditional Chinese.
    pub fn money_ticks(&self) -> TickStyle {
        match self.lang {
            Lang::En => TickStyle::Grouped,
            Lang::ZhHans => TickStyle::ChineseYi,
            Lang::ZhHant => TickStyle::ChineseYiTraditional,
        }
    }

    /// Ticks of any other axis: thousands separators in English, plain in Chinese.
    pub fn number_ticks(&self) -> TickStyle {
        match self.lang {
            Lang::En => TickStyle::Grouped,
            Lang::ZhHans | Lang::ZhHant => TickStyle::Plain,
        }
    }

    /// The caption key of a money axis in `currency`: the unit in English (`US$ bn`), only
    /// the currency in Chinese, whose ticks carry 亿 and 万亿.
    pub fn money_caption(&self, currency: Currency) -> &'static str {
        match (self.lang, currency) {
            (Lang::En, Currency::Usd) => "unit.usd_bn",
            (Lang::En, Currency::Cny) => "unit.cny_bn",
            (_, Currency::Usd) => "unit.usd",
            (_, Currency::Cny) => "unit.cny",
        }
    }

    /// Money on chart axes: billions in English, 亿 (0.1 billion) in Chinese.
    pub fn money_factor(&self) -> f64 {
        match self.lang {
            Lang::En => 1.0,
            Lang::ZhHans | Lang::ZhHant => 10.0,
        }
    }
}
