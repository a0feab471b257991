//! Where the figures link to. Every public record's address is on a host with a named reason:
//! an outlet, a regulator or central bank, a company's investor relations, the wire service a
//! company publishes its own release through, or — for sources graded C or D only — a
//! financial-data or news aggregator. A copy of someone else's document (a filing viewer, a
//! site that republishes releases, a scraping proxy) is no source: the test fails on any, except
//! the few listed by source id in `AWAITING_PRIMARY_COPY`, for which no SEC or company copy has
//! been found yet. Every source is cited, and no title is cut short.

use std::collections::HashSet;

use ai_capex_explainer::data::{Dataset, Grade, SourceKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Outlet,
    Official,
    CompanyIr,
    CompanyWire,
    Aggregator,
}

/// Each host a source may link to, and why.
const ALLOWED: [(&str, Kind, &str); 50] = [
    ("www.theguardian.com", Kind::Outlet, "The Guardian"),
    ("finance.yahoo.com", Kind::Outlet, "Yahoo Finance"),
    (
        "www.theregister.com",
        Kind::Outlet,
        "The Register, tech press",
    ),
    (
        "www.business-standard.com",
        Kind::Outlet,
        "Business Standard; carries the NYT text",
    ),
    ("fortune.com", Kind::Outlet, "Fortune"),
    (
        "forbesafrica.com",
        Kind::Outlet,
        "Forbes licensee, carries Forbes text",
    ),
    ("www.hindustantimes.com", Kind::Outlet, "Hindustan Times"),
    (
        "www.ndtvprofit.com",
        Kind::Outlet,
        "NDTV Profit; carries Bloomberg text",
    ),
    ("news.az", Kind::Outlet, "News.Az; carries Bloomberg text"),
    (
        "newsable.asianetnews.com",
        Kind::Outlet,
        "Asianet News; reports the FT",
    ),
    (
        "www.marketscreener.com",
        Kind::Outlet,
        "MarketScreener, financial news",
    ),
    ("www.ciol.com", Kind::Outlet, "CIOL, Indian tech press"),
    (
        "www.telecomtv.com",
        Kind::Outlet,
        "TelecomTV, telecoms trade press",
    ),
    (
        "www.afaqs.com",
        Kind::Outlet,
        "afaqs!, Indian business press",
    ),
    (
        "silicon.co.uk",
        Kind::Outlet,
        "Silicon UK, tech trade press",
    ),
    (
        "techmonitor.ai",
        Kind::Outlet,
        "Tech Monitor, tech trade press",
    ),
    (
        "datacenterdynamics.com",
        Kind::Outlet,
        "DatacenterDynamics, trade press",
    ),
    (
        "www.datacenterdynamics.com",
        Kind::Outlet,
        "DatacenterDynamics, trade press",
    ),
    (
        "www.yicaiglobal.com",
        Kind::Outlet,
        "Yicai Global, Chinese financial press",
    ),
    (
        "www2.yicaiglobal.com",
        Kind::Outlet,
        "Yicai Global, Chinese financial press",
    ),
    (
        "www.stheadline.com",
        Kind::Outlet,
        "Sing Tao Headline, Hong Kong",
    ),
    ("news.mingpao.com", Kind::Outlet, "Ming Pao, Hong Kong"),
    ("www.hk01.com", Kind::Outlet, "HK01, Hong Kong"),
    ("www.am730.com.hk", Kind::Outlet, "am730, Hong Kong"),
    ("news.qq.com", Kind::Outlet, "Tencent News, bylined reports"),
    ("new.qq.com", Kind::Outlet, "Tencent News, bylined reports"),
    (
        "www.sec.gov",
        Kind::Official,
        "SEC EDGAR: the filings themselves",
    ),
    (
        "federalreserve.gov",
        Kind::Official,
        "Federal Reserve Board statistical releases",
    ),
    (
        "www.microsoft.com",
        Kind::CompanyIr,
        "Microsoft investor relations",
    ),
    (
        "markets.ft.com",
        Kind::CompanyWire,
        "FT Markets' Business Wire feed: Alibaba's own releases as it issued them",
    ),
    (
        "www.prnewswire.com",
        Kind::CompanyWire,
        "PR Newswire, the wire Meta publishes its own releases through",
    ),
    (
        "www.opencapital.sh",
        Kind::Aggregator,
        "financial-data pages built from filings",
    ),
    ("monexa.ai", Kind::Aggregator, "financial analysis site"),
    (
        "www.globaldatacenterhub.com",
        Kind::Aggregator,
        "analyst newsletter",
    ),
    ("www.filmogaz.com", Kind::Aggregator, "news summary site"),
    (
        "www.alpha-sense.com",
        Kind::Aggregator,
        "earnings summaries",
    ),
    ("particle.news", Kind::Aggregator, "news aggregator"),
    ("www.c114pro.com", Kind::Aggregator, "tech news aggregator"),
    (
        "www.ainvest.com",
        Kind::Aggregator,
        "AI-written market news",
    ),
    (
        "www.adhocnews.de",
        Kind::Aggregator,
        "market news summaries",
    ),
    ("thebiggish.com", Kind::Aggregator, "news summary site"),
    ("fintool.com", Kind::Aggregator, "earnings-call summaries"),
    (
        "biggo.com",
        Kind::Aggregator,
        "news aggregator summarising The Information",
    ),
    (
        "www.asianfin.com",
        Kind::Outlet,
        "AsianFin, TMTPost's English financial news",
    ),
    (
        "convergedigest.com",
        Kind::Outlet,
        "Converge Digest, tech trade press",
    ),
    (
        "www.irs.gov",
        Kind::Official,
        "US Internal Revenue Service: its yearly average exchange rates",
    ),
    (
        "stockburger.news",
        Kind::Aggregator,
        "market news summaries",
    ),
    ("userz.net", Kind::Aggregator, "earnings summaries"),
    (
        "reportify.ai",
        Kind::Aggregator,
        "summaries of brokers' research notes",
    ),
    (
        "stockanalysis.com",
        Kind::Aggregator,
        "financial-data pages built from filings",
    ),
];

/// Sources that still link to a copy of a company's own document (a filing viewer, a site that
/// republishes releases) because no SEC or company copy of it has been found: each is a known
/// gap, named by source id with the document it stands for. The list only shrinks.
const AWAITING_PRIMARY_COPY: [(&str, &str); 3] = [
    (
        "pr-alibaba-dj-2025-08",
        "Alibaba's June-quarter 2025 release (a Dow Jones copy on a broker's site)",
    ),
    ("pr-amazon-xbrl-2024", "Amazon's 10-K for 2024"),
    (
        "pr-amazon-q4-2024-release",
        "Amazon's Q4-2024 results release",
    ),
];

/// Proxies, mirrors, filing viewers and blogs that copied someone else's page: never a source.
const REFUSED: [&str; 11] = [
    "arrahmah.netlify.app",
    "hn.jakechampion.name",
    "red.azn.boats",
    "pipedot.org",
    "newsinstock.com",
    "news.43u.com.cn",
    "figure-asia.com",
    "coincentral.com",
    "tmeoo.com",
    "samay58.github.io",
    "beatandraise.com",
];

fn dataset() -> Dataset {
    Dataset::embedded().expect("the shipped dataset is valid")
}

fn host(url: &str) -> &str {
    let rest = url.strip_prefix("https://").unwrap_or(url);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

fn kind_of(host: &str) -> Option<Kind> {
    ALLOWED
        .iter()
        .find(|(h, _, _)| *h == host)
        .map(|(_, k, _)| *k)
}

fn awaiting_primary_copy(id: &str) -> bool {
    AWAITING_PRIMARY_COPY
        .iter()
        .any(|(listed, _)| *listed == id)
}

#[test]
fn every_public_record_links_to_a_host_with_a_reason() {
    let ds = dataset();
    let unknown: Vec<String> = ds
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::PublicRecord && !awaiting_primary_copy(&s.id))
        .filter_map(|s| {
            let url = s.url.as_deref().unwrap_or("");
            kind_of(host(url))
                .is_none()
                .then(|| format!("{}: {url}", s.id))
        })
        .collect();
    assert!(
        unknown.is_empty(),
        "hosts without a reason (a copy of a filing or release is no source: link the SEC's or the company's own page):\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_sources_awaiting_a_primary_copy_still_need_one() {
    let ds = dataset();
    for (id, document) in AWAITING_PRIMARY_COPY {
        let source = ds.sources.iter().find(|s| s.id == id);
        let source =
            source.unwrap_or_else(|| panic!("{id} ({document}) is gone: drop it from the list"));
        let url = source.url.as_deref().unwrap_or("");
        assert!(
            kind_of(host(url)).is_none(),
            "{id} ({document}) now links to {url}: drop it from the list"
        );
    }
}

#[test]
fn aggregators_only_back_sources_graded_c_or_d() {
    let ds = dataset();
    for s in &ds.sources {
        let Some(url) = s.url.as_deref() else {
            continue;
        };
        if kind_of(host(url)) == Some(Kind::Aggregator) {
            assert!(
                matches!(s.grade, Grade::C | Grade::D),
                "{} is on an aggregator but graded {:?}",
                s.id,
                s.grade
            );
        }
    }
}

#[test]
fn no_proxy_or_mirror_address_appears_anywhere_in_the_data() {
    let text = ai_capex_explainer::data::DEFAULT_DATASET_JSON;
    for refused in REFUSED {
        assert!(!text.contains(refused), "{refused} is still in the dataset");
    }
}

#[test]
fn every_source_is_cited_by_a_figure_or_a_rate() {
    let ds = dataset();
    let cited: HashSet<&str> = ds
        .all_facts()
        .map(|f| f.source.as_str())
        .chain(ds.reference_rates.iter().map(|r| r.source.as_str()))
        .collect();
    let unused: Vec<&str> = ds
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| !cited.contains(id))
        .collect();
    assert!(unused.is_empty(), "sources nothing cites: {unused:?}");
}

#[test]
fn no_title_is_cut_short() {
    let ds = dataset();
    for s in &ds.sources {
        let title = s
            .title
            .as_ref()
            .expect("a whole file's sources have titles");
        for text in [&title.en, &title.zh_hans] {
            assert!(!text.trim_end().ends_with('…'), "{}: {text}", s.id);
        }
    }
}

#[test]
fn the_allowlist_names_each_host_once_and_a_reason_for_each() {
    let mut seen = HashSet::new();
    for (host, _, reason) in ALLOWED {
        assert!(seen.insert(host), "{host} listed twice");
        assert!(!reason.trim().is_empty(), "{host} has no reason");
    }
    for refused in REFUSED {
        assert!(
            !seen.contains(refused),
            "{refused} is both allowed and refused"
        );
    }
}
