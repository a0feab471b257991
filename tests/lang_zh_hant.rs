//! Traditional Chinese reads as Taiwan readers write it, not as Simplified Chinese in
//! traditional characters: reader text (the zh-Hant language file and every zh-Hant text of
//! the dataset) holds no mainland-only term and quotes with 「」 as the interface does.
//! Verbatim quotes stay as published and are not checked.

mod reader_text_support;

use reader_text_support::{assert_none_found, reader_texts, texts};

/// A mainland-only term, what zh-Hant writes instead, and the phrases in which the term is
/// right (項目 is "item" in 非現金項目, only a project is 專案 or 計畫).
struct Term {
    mainland: &'static str,
    instead: &'static str,
    fine_in: &'static [&'static str],
}

const fn term(mainland: &'static str, instead: &'static str) -> Term {
    Term {
        mainland,
        instead,
        fine_in: &[],
    }
}

/// Brand names keep their own words (百度智能雲 is Baidu's name for its cloud, 阿里雲智能集團
/// Alibaba's), so only terms that are never part of one are listed.
const MAINLAND_ONLY: &[Term] = &[
    term("芯片", "晶片"),
    term("網絡", "網路"),
    term("視頻", "影片"),
    term("服務器", "伺服器"),
    term("默認", "預設"),
    term("數據", "資料"),
    term("博客", "部落格"),
    term("雲計算", "雲端運算"),
    term("信息", "資訊"),
    term("設置", "設定"),
    term("人工智能", "人工智慧"),
    term("軟件", "軟體"),
    term("硬件", "硬體"),
    term("同比", "年增、較去年同期"),
    term("環比", "季增、較上季"),
    Term {
        mainland: "項目",
        instead: "專案、計畫",
        fine_in: &["現金項目"],
    },
    term("在線", "線上"),
    term("營銷", "行銷"),
    term("質量", "品質"),
    term("鏈接", "連結"),
    term("屏幕", "螢幕"),
    term("打印", "列印"),
    term("互聯網", "網際網路"),
    term("搜索", "搜尋"),
    term("百度智慧雲端", "百度智能雲, Baidu's brand"),
    term("谷歌", "Google"),
    term("報道", "報導"),
    term("初創", "新創"),
    term("計算機", "電腦"),
    term("調用", "呼叫"),
    term("周活", "週活"),
    term("得州", "德州"),
    term("硅谷", "矽谷"),
    term("英偉達", "輝達"),
    term("市盈率", "本益比"),
    term("幣種", "幣別"),
    term("經營現金流", "營運現金流"),
    term("柱狀圖", "長條圖"),
    term("柱形圖", "長條圖"),
    term("拖動", "拖曳"),
    term("自然年", "曆年"),
    term("自然季度", "曆年季度"),
    term("賬", "帳"),
    term("水平", "水準"),
    term("一季度", "第一季"),
    term("二季度", "第二季"),
    term("三季度", "第三季"),
    term("四季度", "第四季"),
    term("一季報", "第一季財報"),
    term("二季報", "第二季財報"),
    term("三季報", "第三季財報"),
    term("四季報", "第四季財報"),
    Term {
        mainland: "電話會",
        instead: "電話會議",
        fine_in: &["電話會議"],
    },
    Term {
        mainland: "雲業務",
        instead: "雲端業務",
        fine_in: &["阿里雲業務", "騰訊雲業務", "智能雲業務", "Google雲業務"],
    },
    Term {
        mainland: "雲服務",
        instead: "雲端服務",
        fine_in: &["阿里雲服務", "騰訊雲服務", "智能雲服務", "Google雲服務"],
    },
    term("計劃", "計畫"),
    term("納斯達克", "那斯達克"),
    term("福布斯", "富比士"),
    term("斯坦福", "史丹佛"),
    term("雅虎", "Yahoo"),
    term("信號", "訊號"),
    term("萬億", "兆"),
    term("資本開支", "資本支出"),
    term("情景", "情境"),
    term("增速", "成長率"),
    term("增長", "成長"),
    term("占", "佔"),
];

/// The mainland-only terms in `text`, each with what to write instead.
fn mainland_terms(text: &str) -> Vec<String> {
    MAINLAND_ONLY
        .iter()
        .filter(|t| {
            let rest = t
                .fine_in
                .iter()
                .fold(text.to_string(), |s, fine| s.replace(fine, ""));
            rest.contains(t.mainland)
        })
        .map(|t| format!("{} (write {}) in \"{text}\"", t.mainland, t.instead))
        .collect()
}

/// Curly quotes in `text`: zh-Hant quotes with 「」 (『』 inside), as the interface does.
fn curly_quotes(text: &str) -> Vec<String> {
    if text.contains(['“', '”']) {
        vec![format!("“” (write 「」) in \"{text}\"")]
    } else {
        Vec::new()
    }
}

/// Yuan amounts that do not say so: to a Taiwan reader a bare "767億元" is NT$, so zh-Hant writes
/// 人民幣767億元 (a range or sum, 人民幣317億+301億元, once before it). A share price (元/股)
/// and a unit word (億元人民幣) are left alone.
fn bare_yuan(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let in_amount = |c: char| c.is_ascii_digit() || ".,萬億兆至+=、".contains(c);
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let ends_amount =
            i > 0 && (chars[i - 1].is_ascii_digit() || "萬億兆".contains(chars[i - 1]));
        if c != '元' || !ends_amount || chars.get(i + 1) == Some(&'/') {
            continue;
        }
        let start = (0..i)
            .rev()
            .take_while(|&j| in_amount(chars[j]))
            .last()
            .unwrap_or(i);
        let named = start >= 3 && chars[start - 3..start] == ['人', '民', '幣'];
        if chars[start].is_ascii_digit() && !named {
            let amount: String = chars[start..=i].iter().collect();
            found.push(format!("{amount} (write 人民幣{amount}) in \"{text}\""));
        }
    }
    found
}

#[test]
fn traditional_chinese_reader_text_names_the_yuan() {
    assert_none_found(
        &reader_texts("zh-Hant"),
        "yuan amounts without 人民幣 in zh-Hant text",
        bare_yuan,
    );
}

#[test]
fn the_yuan_check_catches_bare_yuan_only() {
    for text in ["資本支出為767.6億元", "約220億至250億元", "1美元兌7.189元"] {
        assert_eq!(bare_yuan(text).len(), 1, "missed: {text}");
    }
    for text in [
        "資本支出為人民幣767.6億元",
        "（人民幣317億+301億+398億元）",
        "3640億美元",
        "最高股價70.55元/股",
        "推廣元寶App",
        "億元人民幣",
    ] {
        assert!(
            bare_yuan(text).is_empty(),
            "false alarm on {text}: {:?}",
            bare_yuan(text)
        );
    }
}

#[test]
fn traditional_chinese_reader_text_uses_no_mainland_only_terms() {
    assert_none_found(
        &reader_texts("zh-Hant"),
        "mainland-only terms in zh-Hant text",
        mainland_terms,
    );
}

#[test]
fn traditional_chinese_reader_text_quotes_with_corner_brackets() {
    assert_none_found(
        &reader_texts("zh-Hant"),
        "curly quotes in zh-Hant text",
        curly_quotes,
    );
}

#[test]
fn the_checks_catch_mainland_terms_and_curly_quotes_but_not_quotes_or_fine_uses() {
    let mut out = Vec::new();
    let sample = serde_json::json!({"a": {"zh-Hant": "美國芯片出口", "quote": "芯片"}});
    texts(&sample, String::new(), "zh-Hant", false, &mut out);
    assert_eq!(out.len(), 1, "quotes are skipped");
    for text in [
        "美國芯片出口",
        "收入同比上升28%",
        "「星際之門」項目",
        "2024年四季度",
        "百度智慧雲端",
        "再砸2.3萬億",
        "2024年資本開支",
        "AGI 占全球產出",
    ] {
        assert_eq!(mainland_terms(text).len(), 1, "missed: {text}");
    }
    for text in [
        "含非現金項目的會計淨虧損",
        "第四季收入年增28%",
        "微軟「智慧雲端」分部",
        "資本支出成長率",
        "AGI佔全球產出",
    ] {
        assert!(
            mainland_terms(text).is_empty(),
            "false alarm on {text}: {:?}",
            mainland_terms(text)
        );
    }
    assert_eq!(curly_quotes("頁面只顯示“12小時前”").len(), 1);
    assert!(curly_quotes("頁面只顯示「12小時前」").is_empty());
}
