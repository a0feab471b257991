//! Reader languages and the localized text records of the dataset.

use serde::{Deserialize, Serialize};

/// A language the explainer speaks.
///
/// The dataset file always carries English and Simplified Chinese; Traditional Chinese is
/// optional per text and falls back to Simplified Chinese when missing. (The build's language
/// parts carry one language each: [`LocalizedText`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English (`en`).
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese (`zh-Hans`).
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// Traditional Chinese (`zh-Hant`).
    #[serde(rename = "zh-Hant")]
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
/// A language part of the figures (the baked site's, [`crate::data::Split`]) carries only its
/// own language: there the others read as empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    /// English text (required, non-empty, except in another language's part).
    #[serde(default)]
    pub en: String,
    /// Simplified Chinese text (required, non-empty, except in another language's part).
    #[serde(rename = "zh-Hans", default)]
    pub zh_hans: String,
    /// Traditional Chinese text; when `None` readers of `zh-Hant` see the Simplified text.
    #[serde(rename = "zh-Hant", default, skip_serializing_if = "Option::is_none")]
    pub zh_hant: Option<String>,
}

impl LocalizedText {
    /// The text in `lang`; Traditional Chinese falls back to Simplified Chinese when absent
    /// or empty, and any language to another where its own is empty (a language part read in
    /// another language; www/js/core/data.js `localized` falls back between English and
    /// Simplified Chinese alike).
    pub fn get(&self, lang: Lang) -> &str {
        let zh_hant = self.zh_hant.as_deref().unwrap_or("");
        let order: [&str; 3] = match lang {
            Lang::En => [&self.en, &self.zh_hans, zh_hant],
            Lang::ZhHans => [&self.zh_hans, &self.en, zh_hant],
            Lang::ZhHant => [zh_hant, &self.zh_hans, &self.en],
        };
        order
            .into_iter()
            .find(|text| !text.trim().is_empty())
            .unwrap_or(order[0])
    }

    /// Whether the text has words of its own in `lang` (no fallback).
    pub fn has(&self, lang: Lang) -> bool {
        let own = match lang {
            Lang::En => Some(self.en.as_str()),
            Lang::ZhHans => Some(self.zh_hans.as_str()),
            Lang::ZhHant => self.zh_hant.as_deref(),
        };
        own.is_some_and(|text| !text.trim().is_empty())
    }
}
