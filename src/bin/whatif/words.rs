//! The report in words (English), for `whatif` without `--json`: the game, each side's choice
//! as runs of AGI years, the business-quality gap, the Monte Carlo's shares and risk, the
//! tornado. It words the model's figures and calls; it computes none.

use ai_capex_explainer::charts::grouped;
use ai_capex_explainer::model::{
    AgiMode, BestResponse, BreakEvenKind, Call, Choice, ChoicePoint, MonteCarlo, Projection,
    RiskFigures, Scenario, Sensitivity, Side, SideRisk, Steadier, Strategy, StrategyMap,
    TornadoBar, TornadoEnd, ZeroReason, MATERIALITY,
};

fn firms(side: Side) -> &'static str {
    match side {
        Side::Us => "US firms",
        Side::Cn => "Chinese firms",
    }
}

fn country(side: Side) -> &'static str {
    match side {
        Side::Us => "the US",
        Side::Cn => "China",
    }
}

/// An amount in the side's own currency, bn ("−CN¥222 bn").
fn money(side: Side, bn: f64) -> String {
    let currency = match side {
        Side::Us => "US$",
        Side::Cn => "CN¥",
    };
    let sign = if bn < 0.0 { "−" } else { "" };
    format!(
        "{sign}{currency}{} bn",
        grouped(&format!("{:.0}", bn.abs()))
    )
}

/// A plain number with a sign either way ("+12", "−393").
fn signed(x: f64, decimals: usize) -> String {
    let sign = if x < 0.0 { "−" } else { "+" };
    format!("{sign}{:.decimals$}", x.abs())
}

/// An input's value as typed on the page: up to three decimals, no trailing zeros.
fn figure(x: f64) -> String {
    let text = format!("{x:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A difference, with its sign either way ("+US$12 bn").
fn signed_money(side: Side, bn: f64) -> String {
    let sign = if bn >= 0.0 { "+" } else { "" };
    format!("{sign}{}", money(side, bn))
}

fn strategy(s: Strategy) -> &'static str {
    match s {
        Strategy::Sprint => "sprint",
        Strategy::Pace => "pace",
    }
}

fn gerund(s: Strategy) -> &'static str {
    match s {
        Strategy::Sprint => "sprinting",
        Strategy::Pace => "pacing",
    }
}

fn call_words(c: Call) -> &'static str {
    match c {
        Call::Sprint => "sprint pays",
        Call::Pace => "pace pays",
        Call::TooCloseToCall => "too close to call",
    }
}

fn agi_words(year: Option<i32>) -> String {
    year.map_or("no AGI by 2060".to_string(), |y| format!("AGI in {y}"))
}

fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// "sprint pays for AGI 2027–2031, too close to call 2032–2034, pace pays 2035–2060".
fn runs_words(c: &Choice) -> String {
    let runs: Vec<String> = c
        .runs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let lead = if i == 0 { "for AGI " } else { "" };
            format!("{} {lead}{}", call_words(r.call), years(r.from, r.to))
        })
        .collect();
    runs.join(", ")
}

fn kind_words(c: &Choice) -> String {
    let year = c
        .break_even_agi_year
        .map_or(String::new(), |y| y.to_string());
    match c.kind {
        BreakEvenKind::Until => format!(
            "Break-even AGI year {year}: sprinting pays if AGI comes by then, pacing if later"
        ),
        BreakEvenKind::From => format!(
            "Break-even AGI year {year}: pacing pays if AGI comes earlier, sprinting from then on"
        ),
        BreakEvenKind::Mixed => format!(
            "Mixed: the answer changes more than once; the latest AGI year for which sprinting pays is {year}"
        ),
        BreakEvenKind::Always => format!(
            "Sprinting always pays: for every AGI year that is not too close to call (the latest {year})"
        ),
        BreakEvenKind::Never => {
            "Sprinting never pays: pacing pays for every AGI year that is not too close to call"
                .to_string()
        }
        BreakEvenKind::TooCloseToCall => "Too close to call for every AGI year".to_string(),
    }
}

/// One AGI year of a choice: the call, the difference and the band's scale.
fn point_words(side: Side, pt: &ChoicePoint) -> String {
    format!(
        "{} (sprint minus pace {}; too close to call within ±{}: {:.0}% of the PV of capex when pacing, {})",
        call_words(pt.call),
        signed_money(side, pt.sprint_minus_pace),
        money(side, pt.band),
        100.0 * MATERIALITY,
        money(side, pt.pv_capex_pacing),
    )
}

fn choice_text(c: &Choice, agi_year: Option<i32>) -> String {
    let other = country(c.side.other());
    format!(
        "The choice of the {firms} ({other} answering with its best response): {runs}; without AGI by 2060: {without}.\n  \
         {kind}.\n  With {agi} (your year): {at}.\n",
        firms = firms(c.side),
        runs = runs_words(c),
        without = call_words(c.without_agi.call),
        kind = kind_words(c),
        agi = agi_words(agi_year),
        at = point_words(c.side, &c.at_agi_year),
    )
}

fn response_words(r: &BestResponse) -> String {
    let close = if r.call == Call::TooCloseToCall {
        ", too close to call"
    } else {
        ""
    };
    format!(
        "{} (sprint minus pace {}{close})",
        strategy(r.best),
        signed_money(r.side, r.sprint_minus_pace)
    )
}

fn best_responses_text(
    side: Side,
    responses: &[BestResponse; 2],
    dominant: Option<Strategy>,
) -> String {
    let other = country(side.other());
    let against =
        |r: &BestResponse| format!("to {other} {}, {}", gerund(r.against), response_words(r));
    let detail = format!("{}; {}", against(&responses[0]), against(&responses[1]));
    match dominant {
        Some(best) => format!(
            "Best response of the {}: {}, whatever {other} does ({detail}).\n",
            firms(side),
            strategy(best)
        ),
        None => format!("Best response of the {}: {detail}.\n", firms(side)),
    }
}

pub(crate) fn game_text(p: &Projection) -> String {
    let g = &p.game;
    let framing = match p.agi_mode {
        AgiMode::Fixed => agi_words(g.agi_year),
        AgiMode::Compute => format!(
            "AGI when compute brings it ({} with both sides pacing; each pair's own year below)",
            agi_words(g.agi_year).replacen("AGI in ", "", 1)
        ),
    };
    let mut text = format!(
        "The game with {framing} (payoff: the NPV of each side's own cash flows; value per unit invested in brackets):\n"
    );
    for c in &g.cells {
        text.push_str(&format!(
            "  US {}s, China {}s: US firms {} ({:.2}), Chinese firms {} ({:.2}); {}.\n",
            strategy(c.us_strategy),
            strategy(c.cn_strategy),
            money(Side::Us, c.us_npv),
            c.us_value_per_unit,
            money(Side::Cn, c.cn_npv),
            c.cn_value_per_unit,
            agi_words(c.effective_agi_year),
        ));
    }
    text.push_str(&best_responses_text(
        Side::Us,
        &g.us_best_responses,
        g.us_dominant,
    ));
    text.push_str(&best_responses_text(
        Side::Cn,
        &g.cn_best_responses,
        g.cn_dominant,
    ));
    let pairs: Vec<String> = g
        .equilibria
        .iter()
        .map(|e| format!("US {}, China {}", strategy(e.us), strategy(e.cn)))
        .collect();
    text.push_str(&match pairs.len() {
        0 => "Equilibrium: none (in no pair is each side's strategy its best response to the other's).\n".to_string(),
        1 => format!("Equilibrium: {}.\n", pairs[0]),
        n => format!("Equilibria ({n}; the model picks none): {}.\n", pairs.join("; ")),
    });
    text
}

pub(crate) fn summary_text(p: &Projection) -> String {
    let gap = &p.business_gap;
    let claim = &p.claim;
    let stopped = |side: Side, year: Option<i32>| {
        year.map_or(
            format!("investors do not stop the sprint of the {}", firms(side)),
            |y| format!("investors stop the sprint of the {} in {y}", firms(side)),
        )
    };
    format!(
        "{us}{cn}\
         Business quality (same strategy, different firms): {ahead}; \
         the US firms' value per unit invested minus the Chinese firms' is {pace} when both pace and {sprint} when both sprint, \
         with cash margins before capex of {um:.0}% and {cm:.0}%.\n\
         The articles' claim (sprinting pays for the US firms with AGI in {e}, pacing with AGI in {l} and without AGI by 2060): {holds} \
         ({e}: {ec}; {l}: {lc}; no AGI: {nc}).\n\
         With {agi}: {us_stop}; {cn_stop}.\n\
         Payback: if all US${capex:.0} bn of the big four's 2025 capex (buildings and non-AI uses included) \
         were written off like servers, it would need US${rev:.0} bn of revenue a year.\n",
        us = choice_text(&p.us_choice, p.agi_year),
        cn = choice_text(&p.cn_choice, p.agi_year),
        ahead = gap.ahead_in_every_pair.map_or(
            "neither side's firms get back clearly more per unit invested (by more than 5%) in every pair of strategies".to_string(),
            |side| format!(
                "the {} get back more per unit invested in all four pairs of strategies — who is ahead does not depend on strategy, how far ahead does",
                firms(side)
            ),
        ),
        pace = signed(gap.both_pace, 2),
        sprint = signed(gap.both_sprint, 2),
        um = 100.0 * gap.us_cash_margin,
        cm = 100.0 * gap.cn_cash_margin,
        e = claim.early_agi_year,
        l = claim.late_agi_year,
        holds = if claim.holds { "holds" } else { "does not hold" },
        ec = call_words(claim.early),
        lc = call_words(claim.late),
        nc = call_words(claim.without_agi),
        agi = agi_words(p.agi_year),
        us_stop = stopped(Side::Us, p.sprints_stopped_by_investors.us),
        cn_stop = stopped(Side::Cn, p.sprints_stopped_by_investors.cn),
        capex = p.payback.capex,
        rev = p.payback.required_revenue,
    )
}

fn risk_line(side: Side, own: Strategy, r: &RiskFigures) -> String {
    format!(
        "  The {} {}: loses money in {:.0}% of scenarios; 10th-percentile NPV {}; peak funding need {} \
         (median; {:.2}× the parents' 2025 operating cash flow; 90th percentile {}).\n",
        firms(side),
        gerund(own),
        100.0 * r.share_loss,
        signed_money(side, r.npv_p10),
        money(side, r.peak_funding_need),
        r.peak_funding_need_to_ocf,
        money(side, r.peak_funding_need_p90),
    )
}

fn steadier_line(r: &SideRisk) -> String {
    let which = match r.steadier {
        Steadier::Sprint => "sprinting (better by more than 5% on at least one of the three measures, worse on none)",
        Steadier::Pace => "pacing (better by more than 5% on at least one of the three measures, worse on none)",
        Steadier::AboutAsSteady => "neither: they are about as steady (no measure differs by more than 5%)",
        Steadier::Mixed => "neither: each is better by more than 5% on some measure (mixed)",
    };
    format!(
        "  Steadier for the {}: {which}. Share of scenarios that lose money, sprint minus pace: {} points; \
         10th-percentile NPV, pace minus sprint: {}.\n",
        firms(r.side),
        signed(100.0 * r.share_loss_gap, 0),
        signed_money(r.side, r.npv_p10_gap),
    )
}

pub(crate) fn monte_carlo_text(mc: &MonteCarlo, s: &Scenario) -> String {
    let shares = |side: Side, sprint: f64, pace: f64, close: f64| {
        format!(
            "  The {}: sprint pays in {:.0}%, pace pays in {:.0}%, too close to call in {:.0}%.\n",
            firms(side),
            100.0 * sprint,
            100.0 * pace,
            100.0 * close
        )
    };
    let mut text = format!(
        "Monte Carlo: {runs} scenarios (seed {seed}) with the AGI year drawn around {median} (spread {spread} years) \
         and {varied} inputs and constants drawn from their ranges (your own values of these are not used, so only the AGI timing you set moves these figures). Shares of scenarios within our ranges, not probabilities.\n",
        runs = mc.runs,
        seed = mc.seed,
        median = s.agi_median_year,
        spread = s.agi_spread_years,
        varied = mc.varied.len(),
    );
    text.push_str(&shares(
        Side::Us,
        mc.us_share_sprint_pays,
        mc.us_share_pace_pays,
        mc.us_share_too_close,
    ));
    text.push_str(&shares(
        Side::Cn,
        mc.cn_share_sprint_pays,
        mc.cn_share_pace_pays,
        mc.cn_share_too_close,
    ));
    text.push_str(&format!(
        "  AGI by 2060 in {:.0}% of scenarios. The US firms' sprint minus pace ÷ PV of capex when pacing: \
         10th percentile {}, median {}, 90th percentile {}.\n",
        100.0 * mc.share_agi_by_2060,
        signed(mc.us_margin_p10, 2),
        signed(mc.us_margin_median, 2),
        signed(mc.us_margin_p90, 2),
    ));
    text.push_str("Risk of each strategy (the other side answering with its best response):\n");
    for r in [&mc.us_risk, &mc.cn_risk] {
        text.push_str(&risk_line(r.side, Strategy::Sprint, &r.sprint));
        text.push_str(&risk_line(r.side, Strategy::Pace, &r.pace));
        text.push_str(&steadier_line(r));
    }
    text
}

fn zero_reason_words(z: ZeroReason) -> &'static str {
    match z {
        ZeroReason::NoAgi => "no AGI by 2060",
        ZeroReason::NoPrize => "the prize is zero",
        ZeroReason::LimitSlack => "the limit never binds",
        ZeroReason::NoPriceWar => "no price war",
        ZeroReason::OtherPrizeAnchor => "the prize is set by the other anchor",
        ZeroReason::RaceDecided => "the US firms take the same share of the contested prize whether they sprint or pace",
        ZeroReason::ChinaSideOnly => "acts on the Chinese side only, which reaches the US firms only through the contested prize",
        ZeroReason::Other => "not on this scenario's paths",
    }
}

/// Bar length for the widest swing.
const BAR_WIDTH: f64 = 24.0;

pub(crate) fn sensitivity_text(t: &Sensitivity, agi_year: Option<i32>) -> String {
    let widest = t.bars.first().map_or(0.0, |b| b.swing);
    let name =
        |b: &TornadoBar| format!("{}{}", b.field, if b.is_input { "" } else { " (constant)" });
    let name_width = t
        .bars
        .iter()
        .map(|b| name(b).chars().count())
        .max()
        .unwrap_or(0);
    let mut text = format!(
        "What would change the US firms' answer with {} (sprint minus pace, US$ bn, at each end of the plausible range; base {}, {}):\n",
        agi_words(agi_year),
        signed_money(Side::Us, t.base_outcome),
        call_words(t.base_call),
    );
    for b in &t.bars {
        let length = if widest > 0.0 {
            (BAR_WIDTH * b.swing / widest).round() as usize
        } else {
            0
        };
        let end = |e: &TornadoEnd| {
            format!(
                "{} → {} ({})",
                figure(e.input),
                signed(e.outcome, 0),
                call_words(e.call)
            )
        };
        let note = match (b.flips, b.zero_reason) {
            (_, Some(z)) => format!("  no effect: {}", zero_reason_words(z)),
            (true, None) => "  flips the call".to_string(),
            (false, None) => String::new(),
        };
        text.push_str(&format!(
            "  {:<name_width$} {:<bar_width$} swing {:>6.0}  {}; {}{note}\n",
            name(b),
            "█".repeat(length),
            b.swing,
            end(&b.low),
            end(&b.high),
            bar_width = BAR_WIDTH as usize,
        ));
    }
    text.push_str(&format!(
        "Fixed figures (reported, no range; listed, not barred): {}.\n",
        t.fixed_figures.join(", ")
    ));
    text
}

/// The map as a grid: one line per value of its input, one character per AGI year 2026–2060
/// and a last one for no AGI by 2060 — `S` sprinting pays, `P` pacing pays, `·` too close to
/// call; `*` marks the reader's scenario's line.
pub(crate) fn map_text(m: &StrategyMap) -> String {
    let per_row = m.columns();
    let mut text = format!(
        "\nThe US firms' call by AGI year (2026 → 2060, then no AGI) and {} (S: sprinting pays, P: pacing pays, ·: too close to call):\n",
        m.field
    );
    let closest = m.reader_row();
    for (i, (value, row)) in m.values.iter().zip(m.cells.chunks(per_row)).enumerate() {
        let calls: String = row
            .iter()
            .map(|c| match c.call {
                Call::Sprint => 'S',
                Call::Pace => 'P',
                Call::TooCloseToCall => '·',
            })
            .collect();
        let mark = if Some(i) == closest { '*' } else { ' ' };
        text.push_str(&format!("{mark} {value:>8.2}  {calls}\n"));
    }
    text
}
