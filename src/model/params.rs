//! The inputs as the formulas use them: fractions instead of percents, whole years, each side's
//! figures in one struct so both sides run through the same equations, and every assumed
//! constant as a value the tornado and the Monte Carlo can move. Built only from a validated
//! scenario.

use super::calibration::{
    Constant, ALGORITHMIC_GAIN, CNY_PER_USD, CN_CAPEX_2025, CN_CAPEX_RATIO, CN_OPERATING_MARGIN,
    CN_PARENT_OCF_2025, COMPUTE_COST_DECLINE, CROSS_PRICE_ELASTICITY,
    DEMAND_GROWTH_HALF_LIFE_YEARS, FIXED_COST_SHARE, META_CAPEX_2025, PAST_CAPEX_GROWTH,
    PRICE_ELASTICITY, PRIZE_EROSION, TERMINAL_GROWTH, USEFUL_LIFE_YEARS, US_CAPEX_RATIO,
    US_OPERATING_MARGIN, US_PARENT_CAPEX_2025, US_PARENT_OCF_2025, US_PRICE_FOLLOW,
    US_REVENUE_2025, WORLD_GDP_GROWTH,
};
use super::inputs::{input_spec, NO_AGI_YEAR};
use super::scenario::Scenario;

/// One side's figures, in its own currency (US$ bn for the US, ¥ bn for China).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SideParams {
    /// `R₀`: 2025 AI and cloud revenue.
    pub revenue_2025: f64,
    /// `ρ`: 2025 capex ÷ revenue, so `I₀ = ρ R₀`.
    pub capex_ratio: f64,
    /// `m_op`: operating margin after depreciation, 2025.
    pub operating_margin: f64,
    /// `OCF`: the parents' 2025 operating cash flow, which funds a sprint.
    pub parent_ocf: f64,
    /// The parents' 2025 capex outside the AI business (it comes out of their cash first).
    pub parent_other_capex: f64,
    /// `g_s`: yearly capex growth while sprinting.
    pub sprint_growth: f64,
    /// `p`: yearly growth of the installed base the grid can energise (`None`: no power limit).
    pub power_growth: Option<f64>,
    /// `h`: yearly growth of the AI chips the side may buy (`None`: no chip limit).
    pub chip_growth: Option<f64>,
    /// `θ`: what investors lend a sprint in all, × `OCF`.
    pub patience: f64,
    /// Compute per unit of money relative to the US (export controls make China's dearer).
    pub compute_per_dollar: f64,
    /// The race's scope over the market business's: its AI compute for the race per unit of
    /// the side's own (the US adds Meta's, which trains frontier models but sells no cloud:
    /// `1 + K_Meta / I₀`, Meta's fleet taken to grow as the clouds'; China's capex already
    /// counts ByteDance and Tencent, so 1).
    pub race_scope: f64,
    /// `λ_alg`: years behind the algorithmic frontier.
    pub algorithm_lag: f64,
    /// The share of the other side's home market this side serves (its access).
    pub access: f64,
    /// The same today (the input table's default): the two markets' 2025 sizes are calibrated
    /// with it (`docs/MODEL.md` §3.1), so the reader's access moves demand between the sides
    /// rather than rescaling 2025.
    pub access_today: f64,
    /// `x`: yearly price cut beyond the cost trend (only China's is on the page).
    pub price_cut: f64,
}

/// The constants a reader cannot set but the tornado and the Monte Carlo move
/// (`docs/MODEL.md` §2.2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Assumed {
    pub useful_life_years: f64,
    pub compute_cost_decline: f64,
    pub fixed_cost_share: f64,
    pub past_capex_growth: f64,
    pub demand_growth_half_life_years: f64,
    pub cross_price_elasticity: f64,
    pub us_price_follow: f64,
    pub price_elasticity: f64,
    pub terminal_growth: f64,
    pub prize_erosion: f64,
    pub algorithmic_gain: f64,
    pub world_gdp_growth: f64,
}

impl Assumed {
    fn shipped() -> Assumed {
        Assumed {
            useful_life_years: USEFUL_LIFE_YEARS.value,
            compute_cost_decline: COMPUTE_COST_DECLINE.value,
            fixed_cost_share: FIXED_COST_SHARE.value,
            past_capex_growth: PAST_CAPEX_GROWTH.value,
            demand_growth_half_life_years: DEMAND_GROWTH_HALF_LIFE_YEARS.value,
            cross_price_elasticity: CROSS_PRICE_ELASTICITY.value,
            us_price_follow: US_PRICE_FOLLOW.value,
            price_elasticity: PRICE_ELASTICITY.value,
            terminal_growth: TERMINAL_GROWTH.value,
            prize_erosion: PRIZE_EROSION.value,
            algorithmic_gain: ALGORITHMIC_GAIN.value,
            world_gdp_growth: WORLD_GDP_GROWTH.value,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Params {
    /// `A`, or `None` for "no AGI by 2060".
    pub agi_year: Option<i32>,
    /// AGI when effective compute crosses a threshold (`docs/MODEL.md` §3.5), rather than in
    /// `A` whatever anyone spends.
    pub agi_by_compute: bool,
    /// `M`: the yearly prize as a multiple of each year's AI market.
    pub prize: f64,
    /// With the world-output anchor, the yearly prize as a share of world output
    /// (`agi_gdp_share × provider_capture`); `None`: the AI-market multiple `M`.
    pub prize_share_of_world_output: Option<f64>,
    /// `w`: the winner-takes-all exponent.
    pub winner_take_all: f64,
    /// `λ`: whole years until the follower catches up after AGI.
    pub catch_up_lag: i32,
    /// `T`: years of borrowing investors fund a sprint that has not reached AGI.
    pub patience_years: i32,
    /// `g_d`.
    pub demand_growth: f64,
    /// `r`.
    pub discount_rate: f64,
    /// `X`: yuan per US dollar.
    pub cny_per_usd: f64,
    pub us: SideParams,
    pub cn: SideParams,
    pub assumed: Assumed,
}

/// The share of the other side's market a side serves today: the input table's default.
fn access_today(field: &str) -> f64 {
    input_spec(field).map_or(0.0, |s| s.default / 100.0)
}

/// A year input as a whole year (inputs are validated, so the cast cannot saturate).
pub(crate) fn whole_year(x: f64) -> i32 {
    x.round() as i32
}

impl Params {
    pub(crate) fn from_scenario(s: &Scenario) -> Params {
        let agi = whole_year(s.agi_year);
        let us_capex = US_CAPEX_RATIO.value * US_REVENUE_2025.value;
        Params {
            agi_year: (agi < whole_year(NO_AGI_YEAR)).then_some(agi),
            agi_by_compute: s.agi_mode >= 0.5,
            prize: s.agi_prize,
            prize_share_of_world_output: (s.prize_anchor >= 0.5)
                .then_some(s.agi_gdp_share / 100.0 * s.provider_capture / 100.0),
            winner_take_all: s.winner_take_all,
            catch_up_lag: whole_year(s.catch_up_lag),
            patience_years: whole_year(s.patience_years),
            demand_growth: s.demand_growth / 100.0,
            discount_rate: s.discount_rate / 100.0,
            cny_per_usd: CNY_PER_USD.value,
            us: SideParams {
                revenue_2025: US_REVENUE_2025.value,
                capex_ratio: US_CAPEX_RATIO.value,
                operating_margin: US_OPERATING_MARGIN.value,
                parent_ocf: US_PARENT_OCF_2025.value,
                parent_other_capex: (US_PARENT_CAPEX_2025.value - us_capex).max(0.0),
                sprint_growth: s.us_capex_growth / 100.0,
                power_growth: Some(s.us_power_growth / 100.0),
                chip_growth: None,
                patience: s.us_patience,
                compute_per_dollar: 1.0,
                race_scope: 1.0 + META_CAPEX_2025.value / us_capex,
                algorithm_lag: 0.0,
                access: s.us_access / 100.0,
                access_today: access_today("us_access"),
                price_cut: 0.0,
            },
            cn: SideParams {
                revenue_2025: CN_CAPEX_2025.value / CN_CAPEX_RATIO.value,
                capex_ratio: CN_CAPEX_RATIO.value,
                operating_margin: CN_OPERATING_MARGIN.value,
                parent_ocf: CN_PARENT_OCF_2025.value,
                // All of China's capex counted here is AI and cloud capex.
                parent_other_capex: 0.0,
                sprint_growth: s.cn_capex_growth / 100.0,
                power_growth: None,
                chip_growth: Some(s.cn_chip_growth / 100.0),
                patience: s.cn_patience,
                compute_per_dollar: s.cn_compute_per_dollar,
                race_scope: 1.0,
                algorithm_lag: s.cn_algorithm_lag,
                access: s.cn_access / 100.0,
                access_today: access_today("cn_access"),
                price_cut: s.price_cut / 100.0,
            },
            assumed: Assumed::shipped(),
        }
    }

    /// Sets one constant by its `docs/MODEL.md` name (the tornado's and the Monte Carlo's
    /// hook); `false` for a name that is not a movable constant.
    pub(crate) fn set_constant(&mut self, name: &str, x: f64) -> bool {
        let Some((_, set)) = MOVABLE_CONSTANTS.iter().find(|(c, _)| c.name == name) else {
            return false;
        };
        set(self, x);
        true
    }

    /// The US capex ratio, and what follows from it: the race's scope (Meta's capex beside the
    /// clouds') and the parents' capex outside the clouds.
    fn set_us_capex_ratio(&mut self, x: f64) {
        self.us.capex_ratio = x;
        self.us.race_scope = 1.0 + META_CAPEX_2025.value / (x * self.us.revenue_2025);
        self.us.parent_other_capex =
            (US_PARENT_CAPEX_2025.value - x * self.us.revenue_2025).max(0.0);
    }

    /// China's capex ratio, and the revenue that follows from its reported capex.
    fn set_cn_capex_ratio(&mut self, x: f64) {
        self.cn.capex_ratio = x;
        self.cn.revenue_2025 = CN_CAPEX_2025.value / x;
    }
}

/// Where a movable constant sits in the parameters.
type SetConstant = fn(&mut Params, f64);

/// The constants [`Params::set_constant`] can move, with their plausible ranges and where each
/// sits: the tornado bars and the Monte Carlo draws beyond the page's inputs (in this order).
pub(crate) const MOVABLE_CONSTANTS: [(Constant, SetConstant); 17] = [
    (USEFUL_LIFE_YEARS, |p, x| p.assumed.useful_life_years = x),
    (COMPUTE_COST_DECLINE, |p, x| {
        p.assumed.compute_cost_decline = x
    }),
    (FIXED_COST_SHARE, |p, x| p.assumed.fixed_cost_share = x),
    (PAST_CAPEX_GROWTH, |p, x| p.assumed.past_capex_growth = x),
    (DEMAND_GROWTH_HALF_LIFE_YEARS, |p, x| {
        p.assumed.demand_growth_half_life_years = x
    }),
    (CROSS_PRICE_ELASTICITY, |p, x| {
        p.assumed.cross_price_elasticity = x
    }),
    (US_PRICE_FOLLOW, |p, x| p.assumed.us_price_follow = x),
    (PRICE_ELASTICITY, |p, x| p.assumed.price_elasticity = x),
    (TERMINAL_GROWTH, |p, x| p.assumed.terminal_growth = x),
    (PRIZE_EROSION, |p, x| p.assumed.prize_erosion = x),
    (ALGORITHMIC_GAIN, |p, x| p.assumed.algorithmic_gain = x),
    (WORLD_GDP_GROWTH, |p, x| p.assumed.world_gdp_growth = x),
    (US_OPERATING_MARGIN, |p, x| p.us.operating_margin = x),
    (CN_OPERATING_MARGIN, |p, x| p.cn.operating_margin = x),
    (US_CAPEX_RATIO, Params::set_us_capex_ratio),
    (CN_CAPEX_RATIO, Params::set_cn_capex_ratio),
    (CNY_PER_USD, |p, x| p.cny_per_usd = x),
];
