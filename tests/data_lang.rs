//! Language tags and localized text.

use ai_capex_explainer::data::{Lang, LocalizedText};

#[test]
fn simplified_chinese_tags_read_as_zh_hans() {
    for tag in [
        "zh-Hans",
        "zh-CN",
        "zh",
        "ZH-cn",
        "zh_CN",
        "zh-SG",
        "zh-Hans-CN",
    ] {
        assert_eq!(Lang::parse(tag), Some(Lang::ZhHans), "{tag}");
    }
}

#[test]
fn traditional_chinese_tags_read_as_zh_hant() {
    for tag in ["zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh-hant-tw", "zh_TW"] {
        assert_eq!(Lang::parse(tag), Some(Lang::ZhHant), "{tag}");
    }
}

#[test]
fn english_tags_read_as_en_and_others_are_refused() {
    assert_eq!(Lang::parse("en"), Some(Lang::En));
    assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    for tag in ["", "fr", "english", "z", "-", "zhx"] {
        assert_eq!(Lang::parse(tag), None, "{tag}");
    }
}

#[test]
fn codes_round_trip_through_parse() {
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.code()), Some(lang));
    }
    assert_eq!(Lang::ZhHans.code(), "zh-Hans");
}

#[test]
fn traditional_text_falls_back_to_simplified_when_absent_or_empty() {
    let mut text = LocalizedText {
        en: "Capex".into(),
        zh_hans: "资本开支".into(),
        zh_hant: None,
    };
    assert_eq!(text.get(Lang::En), "Capex");
    assert_eq!(text.get(Lang::ZhHans), "资本开支");
    assert_eq!(text.get(Lang::ZhHant), "资本开支");
    text.zh_hant = Some(" ".into());
    assert_eq!(text.get(Lang::ZhHant), "资本开支");
    text.zh_hant = Some("資本開支".into());
    assert_eq!(text.get(Lang::ZhHant), "資本開支");
}

#[test]
fn localized_text_uses_the_dataset_key_names() {
    let text: LocalizedText = serde_json::from_str(r#"{"en":"a","zh-Hans":"b"}"#).expect("reads");
    assert_eq!(text.zh_hant, None);
    assert_eq!(
        serde_json::to_string(&text).expect("writes"),
        r#"{"en":"a","zh-Hans":"b"}"#
    );
    assert!(serde_json::from_str::<LocalizedText>(r#"{"en":"a","zh_hans":"b"}"#).is_err());
}
