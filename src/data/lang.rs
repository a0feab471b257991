//! Reader languages and the localized text records of the dataset.

use serde::{Deserialize, Serialize};

/// A language the explainer speaks.
///
/// The dataset always carries English and Simplified Chinese; Traditional Chinese is optional
/// per text and falls back to Simplified Chinese when missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (`en`).
    En,
    /// Simplified Chinese (`zh-Hans`).
    ZhHans,
    /// Traditional Chinese (`zh-Hant`).
    ZhHant,
}

impl Lang {
    /// Every language, in the order the page lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHans, Lang::ZhHant];

    /// Reads a BCP 47-ish language tag, case-insensitively, with `-` or `_` as separator.
    ///
    /// Accepts `en` (and any `en-…`), `zh`, `zh-Hans`, `zh-CN`, `zh-SG` (Simplified) and
    /// `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` (Traditional). Anything else is `None`.
    ///
    /// ```
    /// use ai_capex_explainer::data::Lang;
    /// assert_eq!(Lang::parse("zh-TW"), Some(Lang::ZhHant));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or("");
        match primary {
            "en" => Some(Lang::En),
            "zh" => {
                // The first subtag after `zh` that says anything decides; `zh` alone is Simplified.
                for sub in parts {
                    match sub {
                        "hant" | "tw" | "hk" | "mo" => return Some(Lang::ZhHant),
                        "hans" | "cn" | "sg" => return Some(Lang::ZhHans),
                        _ => {}
                    }
                }
                Some(Lang::ZhHans)
            }
            _ => None,
        }
    }

    /// The tag used as a key in the dataset and in URLs: `en`, `zh-Hans` or `zh-Hant`.
    pub fn code(&self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
        }
    }
}

/// One piece of reader-facing text in every language.
///
/// JSON shape: `{"en": "...", "zh-Hans": "...", "zh-Hant": "..."}`; `zh-Hant` may be absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    /// English text (required, non-empty).
    pub en: String,
    /// Simplified Chinese text (required, non-empty).
    #[serde(rename = "zh-Hans")]
    pub zh_hans: String,
    /// Traditional Chinese text; when `None` readers of `zh-Hant` see the Simplified text.
    #[serde(rename = "zh-Hant", default, skip_serializing_if = "Option::is_none")]
    pub zh_hant: Option<String>,
}

impl LocalizedText {
    /// The text in `lang`; Traditional Chinese falls back to Simplified Chinese when absent
    /// or empty.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::ZhHans => &self.zh_hans,
            Lang::ZhHant => match &self.zh_hant {
                Some(text) if !text.trim().is_empty() => text,
                _ => &self.zh_hans,
            },
        }
    }
}
