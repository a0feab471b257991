//! The model's sourced constants: the 2025 starting point of each side and the facts of the
//! trade that no reader slider changes. Each constant names its dataset record (checked
//! against the dataset by `tests/model_calibration.rs`) or is a labelled assumption; the
//! sources and reasons are in `docs/MODEL.md` §2.
//!
//! Scopes match: the US side is the three US clouds (AWS, Microsoft Intelligent Cloud,
//! Google Cloud) and the share of their parents' capex that serves them; Meta is left out
//! because it sells no cloud, so none of its capex earns AI or cloud revenue we can see. The
//! Chinese side is the capex of Alibaba, ByteDance and Tencent with the AI and cloud revenue
//! it serves, at the capex-to-revenue ratio of the one Chinese cloud that reports both
//! (Alibaba Cloud).

use serde::Serialize;

/// A constant with its origin.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Constant {
    /// The name used in `docs/MODEL.md` and the `whatif --inputs` listing.
    pub name: &'static str,
    pub value: f64,
    /// A plausible low and high (documented in `docs/MODEL.md`); the Monte Carlo draws the
    /// capex ratios from them.
    pub plausible: (f64, f64),
    /// The dataset records the value is built from (empty: a labelled assumption).
    pub fact_ids: &'static [&'static str],
}

const fn constant(
    name: &'static str,
    value: f64,
    plausible: (f64, f64),
    fact_ids: &'static [&'static str],
) -> Constant {
    Constant {
        name,
        value,
        plausible,
        fact_ids,
    }
}

/// The first projected year: the starting figures are 2025 figures.
pub const FIRST_YEAR: i32 = 2025;
/// The last AGI year the reader can choose and the last year the page shows; "no AGI by 2060"
/// is the scan's last case.
pub const LAST_YEAR: i32 = 2060;
/// The last year the engine computes; a terminal value covers the years after it. Twenty years
/// past the last AGI year, so that an AGI as late as 2060 has played out (the follower caught
/// up, the fleet bought before it retired) before the terminal value carries the years on as a
/// steady state (`docs/MODEL.md` §3.4).
pub const ENGINE_LAST_YEAR: i32 = LAST_YEAR + 20;
/// Computed years, 2025–2080.
pub const YEARS: usize = (ENGINE_LAST_YEAR - FIRST_YEAR + 1) as usize;
/// Years shown, 2025–2060.
pub const SHOWN_YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// US cloud revenue 2025, US$ bn: AWS 128.7 + Microsoft Intelligent Cloud (fiscal year to
/// June 2025) 106.3 + Google Cloud 58.7.
pub const US_REVENUE_2025: Constant = constant(
    "us_revenue_2025",
    128.7 + 106.3 + 58.7,
    (128.7 + 106.3 + 58.7, 128.7 + 106.3 + 58.7),
    &[
        "ref-aws-revenue-2025",
        "ref-msft-intelligent-cloud-revenue-fy2025",
        "ref-google-cloud-revenue-2025",
    ],
);

/// All 2025 capex of the three parents, US$ bn: Amazon 131.8 (gross) + Microsoft 88.2 (fiscal
/// year to June 2025, with finance leases: the same year as its revenue, margin and cash flow
/// here) + Alphabet 91.4.
pub const US_PARENT_CAPEX_2025: Constant = constant(
    "us_parent_capex_2025",
    131.8 + 88.2 + 91.4,
    (131.8 + 88.2 + 91.4, 131.8 + 88.2 + 91.4),
    &[
        "ref-amazon-capex-2025",
        "ref-msft-capex-fy2025-incl-leases",
        "ref-alphabet-capex-2025",
    ],
);

/// Share of the parents' capex that serves cloud and AI (assumption: Amazon's includes
/// warehouses and logistics; Alphabet's and Microsoft's also serve search, ads and Office).
pub const US_CLOUD_SHARE_OF_CAPEX: Constant =
    constant("us_cloud_share_of_capex", 0.75, (0.6, 0.9), &[]);

/// Chinese AI and cloud capex in each firm's latest year, ¥ bn: Alibaba's AI and cloud capex in
/// the twelve months to September 2025 (120; one year, not a multi-year total) + ByteDance 2025
/// (150, FT) + Tencent 2024 (76.76; its 2025 figure is not public and was said to be higher, so
/// this is a floor).
pub const CN_CAPEX_2025: Constant = constant(
    "cn_capex_2025",
    120.0 + 150.0 + 76.76,
    (120.0 + 150.0 + 76.76, 120.0 + 150.0 + 76.76),
    &[
        "ref-alibaba-ai-cloud-capex-4q-to-sep2025",
        "ref-bytedance-capex-2025",
        "ref-tencent-capex-2024",
    ],
);

/// China's capex ÷ AI and cloud revenue over the same twelve months: Alibaba's AI and cloud
/// capex in the four quarters to September 2025 (¥120 bn) ÷ Alibaba Cloud's revenue in those
/// four quarters (31.7 + 30.1 + 33.4 + 39.8 = ¥135.0 bn) ≈ 0.889.
pub const CN_CAPEX_RATIO: Constant = constant(
    "cn_capex_ratio",
    120.0 / (31.7 + 30.1 + 33.4 + 39.8),
    (0.7, 1.1),
    &[
        "ref-alibaba-ai-cloud-capex-4q-to-sep2025",
        "ref-alibaba-cloud-revenue-2024q4",
        "ref-alibaba-cloud-revenue-2025q1",
        "ref-alibaba-cloud-revenue-2025q2",
        "ref-alibaba-cloud-revenue-2025q3",
    ],
);

/// US operating margin (after depreciation) of the three clouds: AWS 35.4 %, Microsoft
/// Intelligent Cloud 42.0 % (fiscal year to June 2025), Google Cloud 23.7 % (2025), weighted by
/// revenue: 35.5 %. The engine adds depreciation back to get the cash margin before capex.
pub const US_OPERATING_MARGIN: Constant = constant(
    "us_operating_margin",
    (0.354 * 128.7 + 0.420 * 106.3 + 0.237 * 58.7) / (128.7 + 106.3 + 58.7),
    (0.25, 0.45),
    &[
        "ref-aws-operating-margin-2025",
        "ref-msft-intelligent-cloud-operating-margin-fy2025",
        "ref-google-cloud-operating-margin-2025",
    ],
);

/// Chinese operating margin: Alibaba Cloud's adjusted EBITA margin, 9 % (quarter to Sep
/// 2025).
pub const CN_OPERATING_MARGIN: Constant = constant(
    "cn_operating_margin",
    0.09,
    (0.05, 0.15),
    &["ref-alibaba-cloud-ebita-margin-2025q3"],
);

/// Useful life of servers and network gear, years: Amazon 5, Microsoft 6, Alphabet 6, Meta
/// 5.5 (10-K disclosures; Alibaba and Tencent do not disclose, assumed the same).
pub const USEFUL_LIFE_YEARS: Constant = constant("useful_life_years", 5.5, (4.0, 6.0), &[]);

/// Yearly fall in the price of a unit of AI compute (Epoch AI: ML hardware price per FLOP/s,
/// −30 % a year, range −20…−35 %).
pub const COMPUTE_COST_DECLINE: Constant =
    constant("compute_cost_decline", 0.30, (0.20, 0.35), &[]);

/// Capex growth before 2025, to build the 2025 installed base from earlier vintages: the big
/// four's 2024 capex growth, 63 % (seed 004).
pub const PAST_CAPEX_GROWTH: Constant = constant(
    "past_capex_growth",
    0.63,
    (0.3, 1.0),
    &["s004-big4-capex-growth-2024"],
);

/// Share of 2025 running costs that come with capacity whether it is used or not (power
/// contracts, cooling, space, staff); the rest follows what is served and falls as compute
/// gets cheaper (assumption).
pub const FIXED_COST_SHARE: Constant = constant("fixed_cost_share", 0.5, (0.3, 0.7), &[]);

/// Demand growth halves every this many years (assumption: cloud growth rates have roughly
/// halved every five years over the past decade).
pub const DEMAND_GROWTH_HALF_LIFE_YEARS: Constant =
    constant("demand_growth_half_life_years", 5.0, (3.0, 10.0), &[]);

/// How strongly US demand moves to Chinese models when US prices stay higher: demand ×
/// (US price ÷ Chinese price)^−s (assumption: Chinese open-weight models reach US customers;
/// most buyers stay with their cloud).
pub const CROSS_PRICE_ELASTICITY: Constant =
    constant("cross_price_elasticity", 0.3, (0.1, 0.6), &[]);

/// The three US parents' operating cash flow 2025, US$ bn: Amazon 139.5 + Microsoft (fiscal
/// year to June 2025) 136.2 + Alphabet 164.7. Investors' patience is measured against it.
pub const US_PARENT_OCF_2025: Constant = constant(
    "us_parent_ocf_2025",
    139.5 + 136.2 + 164.7,
    (139.5 + 136.2 + 164.7, 139.5 + 136.2 + 164.7),
    &[
        "ref-amazon-ocf-2025",
        "ref-msft-ocf-fy2025",
        "ref-alphabet-ocf-2025",
    ],
);

/// How much of China's price cut the US follows, in logarithms (assumption: US providers cut
/// too, but less than Chinese ones). Not on the page: it matters only once China cuts beyond
/// costs, which it does not at the defaults.
pub const US_PRICE_FOLLOW: Constant = constant("us_price_follow", 0.5, (0.25, 0.75), &[]);

/// Demand elasticity ε: volume ∝ (price relative to the cost trend)^−ε (assumption: Volcano
/// Engine's "price ÷10, volume ×10" for Doubao, 2024–25, is about 1). Not on the page: it
/// acts only through a price war beyond the cost trend, which there is none of at the
/// defaults; the Monte Carlo varies it.
pub const PRICE_ELASTICITY: Constant = constant("price_elasticity", 1.0, (0.5, 1.5), &[]);

/// Nominal growth after 2060 and of the parents' other cash flow (assumption: at most
/// nominal GDP growth, about 3.8 %; below every allowed discount rate).
pub const TERMINAL_GROWTH: Constant = constant("terminal_growth", 0.03, (0.02, 0.04), &[]);

/// Share of the AGI prize competed away once the follower catches up (assumption).
pub const PRIZE_EROSION: Constant = constant("prize_erosion", 0.5, (0.25, 0.75), &[]);

/// Yuan per US dollar, to compare compute and market size across sides: the dataset's 2025
/// reference rate, the one the charts convert 2025 figures at (an annual average; checked by
/// `tests/model_calibration.rs`). Plausible: the day-to-day rates of 2024–2025, from 7.06 (the
/// central parity of 16 December 2025) to 7.30 (the onshore close of 31 December 2024).
pub const CNY_PER_USD: Constant = constant("cny_per_usd", 7.189, (7.05, 7.30), &[]);

/// The Chinese parents' operating cash flow, ¥ bn: Alibaba 163.5 (fiscal year to March 2025) +
/// Tencent 258.5 (2024; its 2025 figure was not found). ByteDance publishes no cash-flow statement, so its cash is left out and
/// China's funding limit is a floor. A Chinese sprint is funded and stopped by the same rule
/// as the US one (`docs/MODEL.md` §3.2).
pub const CN_PARENT_OCF_2025: Constant = constant(
    "cn_parent_ocf_2025",
    163.5 + 258.5,
    (163.5 + 258.5, 163.5 + 258.5),
    &["ref-alibaba-ocf-fy2025", "ref-tencent-ocf-2024"],
);

/// How fast algorithms cut the compute a given capability needs: ×2.8 a year (Ho et al.,
/// Epoch AI/MIT, 2024: halving every ~8 months, 95% CI 5–14 months, i.e. 1.8–5.3× a year).
/// A side that trails the algorithmic frontier by `λ_alg` years has `2.8^−λ_alg` of its
/// effective compute.
pub const ALGORITHMIC_GAIN: Constant = constant("algorithmic_gain", 2.8, (1.8, 5.3), &[]);

/// Meta's 2025 capex, US$ bn. Meta sells no cloud, so it is not in the US market business; but
/// it trains frontier models, as ByteDance and Tencent (whose capex the Chinese side counts)
/// do: the race counts its compute on the same scope as China's (`docs/MODEL.md` §2.2).
pub const META_CAPEX_2025: Constant = constant(
    "meta_capex_2025",
    72.22,
    (72.22, 72.22),
    &["ref-meta-capex-2025"],
);

/// World output in 2025, US$ bn: US$ 117.2 tn (IMF World Economic Outlook, October 2025, read
/// from a secondary table: unconfirmed). The prize's world-output anchor starts from it.
pub const WORLD_GDP_2025: Constant =
    constant("world_gdp_2025", 117_200.0, (117_200.0, 117_200.0), &[]);

/// Nominal growth of world output: real growth of 3.1–3.3% a year (IMF, October 2025) plus
/// about 2% inflation (the Federal Reserve's goal, as a stand-in for world prices); an
/// assumption.
pub const WORLD_GDP_GROWTH: Constant = constant("world_gdp_growth", 0.05, (0.04, 0.06), &[]);

/// Every constant, in `docs/MODEL.md` order (the derived [`US_CAPEX_RATIO`] last).
pub const CONSTANTS: [Constant; 25] = [
    US_REVENUE_2025,
    US_PARENT_CAPEX_2025,
    US_CLOUD_SHARE_OF_CAPEX,
    CN_CAPEX_2025,
    CN_CAPEX_RATIO,
    US_OPERATING_MARGIN,
    CN_OPERATING_MARGIN,
    USEFUL_LIFE_YEARS,
    COMPUTE_COST_DECLINE,
    FIXED_COST_SHARE,
    PAST_CAPEX_GROWTH,
    DEMAND_GROWTH_HALF_LIFE_YEARS,
    CROSS_PRICE_ELASTICITY,
    US_PARENT_OCF_2025,
    US_PRICE_FOLLOW,
    PRICE_ELASTICITY,
    TERMINAL_GROWTH,
    PRIZE_EROSION,
    CNY_PER_USD,
    CN_PARENT_OCF_2025,
    ALGORITHMIC_GAIN,
    WORLD_GDP_2025,
    WORLD_GDP_GROWTH,
    META_CAPEX_2025,
    US_CAPEX_RATIO,
];

/// The US capex ratio that follows: in-scope capex ÷ cloud revenue,
/// 311.4 × 0.75 ÷ 293.7 ≈ 0.80 (plausible range from the share's range).
pub const US_CAPEX_RATIO: Constant = constant(
    "us_capex_ratio",
    US_PARENT_CAPEX_2025.value * US_CLOUD_SHARE_OF_CAPEX.value / US_REVENUE_2025.value,
    (
        US_PARENT_CAPEX_2025.value * US_CLOUD_SHARE_OF_CAPEX.plausible.0 / US_REVENUE_2025.value,
        US_PARENT_CAPEX_2025.value * US_CLOUD_SHARE_OF_CAPEX.plausible.1 / US_REVENUE_2025.value,
    ),
    &[],
);
