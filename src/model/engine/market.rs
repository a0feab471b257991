//! What the world does regardless of capex (`docs/MODEL.md` §3.1), and each side's 2025
//! starting point.

use serde::Serialize;

use crate::model::calibration::{
    CN_CAPEX_2025, CN_OPERATING_MARGIN, COMPUTE_COST_DECLINE, CROSS_PRICE_ELASTICITY,
    DEMAND_GROWTH_HALF_LIFE_YEARS, PAST_CAPEX_GROWTH, USEFUL_LIFE_YEARS, US_OPERATING_MARGIN,
    US_REVENUE_2025, YEARS,
};
use crate::model::params::Params;

/// Vintages that can be in service at once: a useful life of up to six years.
pub(super) const VINTAGES: usize = 6;

/// A yearly series, 2025–2060.
pub(crate) type Series = [f64; YEARS];

/// Which side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The US clouds (US$ bn).
    Us,
    /// The Chinese giants (¥ bn).
    Cn,
}

/// What the world does regardless of capex: prices, demand, compute per unit of money and
/// discounting (`docs/MODEL.md` §3.1).
#[derive(Debug, Clone)]
pub(crate) struct Market {
    /// Price per unit of compute served, per side, 2025 = 1: `P = (1 − c)^k P̃` with the
    /// price relative to the cost trend `P̃_CN = max((1 − x)^k, 1 − m_CN)` and
    /// `P̃_US = max(P̃_CN^φ, 1 − m_US)`, `m` a side's 2025 cash margin (§3.1).
    pub price_us: Series,
    pub price_cn: Series,
    /// Demand in units of compute (2025 revenue units: what it would earn at 2025 prices).
    /// At trend prices spending grows with adoption, `R₀ a_k`, so volume is `R₀ a_k q_k`;
    /// the price war moves it with the elasticity: `× P̃^−ε`, with `P̃` the price relative to
    /// the cost trend, and US demand also `× (P̃_US / P̃_CN)^−s`.
    pub demand_us: Series,
    pub demand_cn: Series,
    /// Compute per unit of money, 2025 = 1: `q_k = (1 − c)^−k`.
    pub compute_per_money: Series,
    /// `(1 + r)^−k`.
    pub discount: Series,
    /// `r`, for the terminal value.
    pub rate: f64,
}

impl Market {
    pub(crate) fn new(p: &Params) -> Market {
        let s = CROSS_PRICE_ELASTICITY.value;
        let fade = 0.5_f64.powf(1.0 / DEMAND_GROWTH_HALF_LIFE_YEARS.value);
        let r0_us = US_REVENUE_2025.value;
        let r0_cn = cn_revenue_2025(p);
        let mut m = Market {
            price_us: [0.0; YEARS],
            price_cn: [0.0; YEARS],
            demand_us: [0.0; YEARS],
            demand_cn: [0.0; YEARS],
            compute_per_money: [0.0; YEARS],
            discount: [0.0; YEARS],
            rate: p.discount_rate,
        };
        // Prices per unit of compute fall with compute costs (competition passes them on).
        // China cuts a further x a year until its price only covers its running costs (a
        // cash margin of zero at full use: nobody sells below cash cost for long, §3.1); the
        // US follows a share φ of China's cut (in logarithms), down to its own running costs.
        let floor_us = 1.0 - start(Side::Us, p).cash_margin;
        let floor_cn = 1.0 - start(Side::Cn, p).cash_margin;
        let (mut adoption, mut growth) = (1.0, p.demand_growth);
        let (mut cost, mut cut_cn, mut df) = (1.0, 1.0, 1.0);
        for k in 0..YEARS {
            if k > 0 {
                adoption *= 1.0 + growth;
                growth *= fade;
                cost *= 1.0 - COMPUTE_COST_DECLINE.value;
                cut_cn *= 1.0 - p.price_cut;
                df /= 1.0 + p.discount_rate;
            }
            let rel_cn = cut_cn.max(floor_cn);
            let rel_us = rel_cn.powf(p.us_price_follow).max(floor_us);
            // Relative to the cost trend, where demand answers with the elasticity.
            m.price_us[k] = cost * rel_us;
            m.price_cn[k] = cost * rel_cn;
            let volume = adoption / cost;
            m.demand_us[k] =
                r0_us * volume * rel_us.powf(-p.elasticity) * (rel_us / rel_cn).powf(-s);
            m.demand_cn[k] = r0_cn * volume * rel_cn.powf(-p.elasticity);
            m.compute_per_money[k] = cost.recip();
            m.discount[k] = df;
        }
        m
    }

    pub(super) fn price(&self, side: Side) -> &Series {
        match side {
            Side::Us => &self.price_us,
            Side::Cn => &self.price_cn,
        }
    }

    pub(super) fn demand(&self, side: Side) -> &Series {
        match side {
            Side::Us => &self.demand_us,
            Side::Cn => &self.demand_cn,
        }
    }
}

/// China's 2025 AI and cloud revenue, ¥ bn: its capex ÷ its capex ratio.
fn cn_revenue_2025(p: &Params) -> f64 {
    CN_CAPEX_2025.value / p.cn_capex_ratio
}

/// The 2025 starting point of a side, in its own currency.
#[derive(Debug, Clone, Copy)]
pub(super) struct Start {
    pub revenue: f64,
    pub capex: f64,
    /// Cash margin before capex: the reported operating margin (after depreciation) plus
    /// straight-line depreciation, `B₂₀₂₅ / (L R₀)`.
    pub cash_margin: f64,
}

pub(super) fn start(side: Side, p: &Params) -> Start {
    let (revenue, capex, operating_margin) = match side {
        Side::Us => (
            US_REVENUE_2025.value,
            p.us_capex_ratio * US_REVENUE_2025.value,
            US_OPERATING_MARGIN.value,
        ),
        Side::Cn => (
            cn_revenue_2025(p),
            CN_CAPEX_2025.value,
            CN_OPERATING_MARGIN.value,
        ),
    };
    // Installed base at cost, B₂₀₂₅: the vintages in service, earlier ones grown at the past
    // rate, I₀ Σ wⱼ (1 + g_past)^−j.
    let base: f64 = (0..VINTAGES)
        .map(|j| vintage_weight(j) * capex * (1.0 + PAST_CAPEX_GROWTH.value).powi(-(j as i32)))
        .sum();
    Start {
        revenue,
        capex,
        cash_margin: operating_margin + base / (USEFUL_LIFE_YEARS.value * revenue),
    }
}

/// The weight of a vintage `j` years old: 1 while in service, the fraction of a year in
/// its last year (a life of 5.5 years gives 1, 1, 1, 1, 1, 0.5).
pub(super) fn vintage_weight(j: usize) -> f64 {
    (USEFUL_LIFE_YEARS.value - j as f64).clamp(0.0, 1.0)
}
