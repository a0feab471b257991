//! The calculator on the command line, for data desks:
//!
//! ```text
//! cargo run --release --bin whatif -- agi_year=2028 price_cut=10 --json
//! cargo run --release --bin whatif -- preset=agi_10y --game
//! cargo run --release --bin whatif -- --inputs
//! ```
//!
//! Takes the page's `name=value` pairs (`preset=ID` first, as on the page; earlier names of an
//! input still work, retired ones are ignored with a warning) through the same parser with the
//! same messages; exits 2 on a bad value. Without a flag it prints each side's choice in words;
//! `--game` adds the 2×2 table, the best responses and the equilibria; `--monte-carlo[=RUNS]`
//! the shares of scenarios and the risk of each strategy; `--sensitivity` the tornado.
//! `--json` prints everything the model serialises (see [`result_json`]); `--inputs` every
//! input and constant with its range, default and origin.
//!
//! Every figure and every call ("too close to call" included) is the model's: this file only
//! words and arranges them.

use std::process::ExitCode;

use ai_capex_explainer::model::{
    calibration::CONSTANTS, input_specs, monte_carlo, project, resolve_field, sensitivity,
    AgiDistribution, BestResponse, BreakEvenKind, Call, Choice, ChoicePoint, FieldName,
    InputError, MonteCarlo, Preset, Projection, RiskFigures, Scenario, Sensitivity, Side,
    SideRisk, Steadier, Strategy, TornadoBar, TornadoEnd, ZeroReason, ALIASES, DEFAULT_RUNS, MATERIALITY, MAX_RUNS,
    RETIRED,
};
use serde_json::{json, Value};

const USAGE: &str = "usage: whatif [name=value ...] [preset=ID] [--game] [--json] \
[--sensitivity] [--monte-carlo[=RUNS]] | whatif --inputs";

/// The Monte Carlo's seed, fixed so that the same inputs always give the same shares and risk.
const SEED: u64 = 20250101;

/// Runs behind `--json`'s `risk` when `--monte-carlo` is not given: enough for the risk
/// figures to settle to about a percentage point, few enough to answer in about a second.
const RISK_RUNS: u32 = 2_000;

/// What the command line asked for.
struct Request {
    scenario: Scenario,
    json: bool,
    game: bool,
    sensitivity: bool,
    monte_carlo_runs: Option<u32>,
    inputs: bool,
    /// Retired names given (accepted and ignored, as on the page).
    ignored: Vec<String>,
}

fn parse(args: &[String]) -> Result<Request, String> {
    let mut request = Request {
        scenario: Scenario::default(),
        json: false,
        game: false,
        sensitivity: false,
        monte_carlo_runs: None,
        inputs: false,
        ignored: Vec::new(),
    };
    let mut pairs = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => request.json = true,
            "--game" => request.game = true,
            "--sensitivity" => request.sensitivity = true,
            "--inputs" => request.inputs = true,
            "--monte-carlo" => request.monte_carlo_runs = Some(DEFAULT_RUNS),
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => {
                if let Some(runs) = arg.strip_prefix("--monte-carlo=") {
                    // Zero and too many runs are refused by the model, in its own words.
                    let runs = runs.trim().parse().map_err(|_| {
                        format!("--monte-carlo={runs} is not a whole number of runs 1–{MAX_RUNS}")
                    })?;
                    request.monte_carlo_runs = Some(runs);
                } else if let Some((name, value)) = arg.split_once('=') {
                    pairs.push((name, value));
                } else {
                    return Err(format!("{arg}: expected name=value or a flag\n{USAGE}"));
                }
            }
        }
    }
    if let Some((_, id)) = pairs.iter().find(|(name, _)| *name == "preset") {
        let preset = Preset::parse(id)
            .ok_or_else(|| format!("preset = {id} is not one of: {}", Preset::IDS.join(", ")))?;
        request.scenario = Scenario::preset(preset);
    }
    for (name, value) in pairs.into_iter().filter(|(name, _)| *name != "preset") {
        if resolve_field(name) == FieldName::Retired {
            request.ignored.push(name.to_string());
        }
        request
            .scenario
            .set(name, value)
            .map_err(|e| e.to_string())?;
    }
    Ok(request)
}

fn inputs_json() -> Value {
    json!({
        "inputs": input_specs(),
        "constants": CONSTANTS,
        "aliases": ALIASES.iter().map(|(old, new)| json!({"old": old, "new": new})).collect::<Vec<_>>(),
        "retired": RETIRED,
        "materiality": MATERIALITY,
    })
}

/// The projection as the model serialises it, with the 2×2 table as `game` (the four pairs),
/// its equilibria as `equilibrium`, its best responses beside them, and `risk` from the Monte
/// Carlo run `mc` (the other side at its best response).
fn result_json(p: &Projection, s: &Scenario, mc: &MonteCarlo) -> Result<Value, String> {
    let mut out = serde_json::to_value(p).map_err(|e| e.to_string())?;
    let g = &p.game;
    out["game"] = json!(g.cells);
    out["equilibrium"] = json!(g.equilibria);
    out["best_responses"] = json!({"us": g.us_best_responses, "cn": g.cn_best_responses});
    out["dominant"] = json!({"us": g.us_dominant, "cn": g.cn_dominant});
    out["risk"] = json!({
        "runs": mc.runs,
        "seed": mc.seed,
        "agi_median_year": s.agi_median_year,
        "agi_spread_years": s.agi_spread_years,
        "us": mc.us_risk,
        "cn": mc.cn_risk,
    });
    out["scenario"] = json!(s);
    Ok(out)
}

// ---- Words --------------------------------------------------------------------------------

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
    format!("{sign}{currency}{:.0} bn", bn.abs())
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
    let year = c.break_even_agi_year.map_or(String::new(), |y| y.to_string());
    match c.kind {
        BreakEvenKind::Until => format!(
            "break-even AGI year {year} (until: sprinting pays if AGI comes by then, pacing if later)"
        ),
        BreakEvenKind::From => format!(
            "break-even AGI year {year} (from: pacing pays if AGI comes earlier, sprinting from then on)"
        ),
        BreakEvenKind::Mixed => format!(
            "mixed: the answer changes more than once; the latest AGI year for which sprinting pays is {year}"
        ),
        BreakEvenKind::Always => format!(
            "always: sprinting pays for every AGI year that is not too close to call (the latest {year})"
        ),
        BreakEvenKind::Never => {
            "never: pacing pays for every AGI year that is not too close to call".to_string()
        }
        BreakEvenKind::TooCloseToCall => "too close to call for every AGI year".to_string(),
    }
}

/// One AGI year of a choice: the call, the difference and the band's scale.
fn point_words(side: Side, pt: &ChoicePoint) -> String {
    format!(
        "{} (sprint minus pace {}; the band is ±{:.0}% of the PV of capex when pacing, {})",
        call_words(pt.call),
        signed_money(side, pt.sprint_minus_pace),
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

fn best_responses_text(side: Side, responses: &[BestResponse; 2], dominant: Option<Strategy>) -> String {
    let other = country(side.other());
    let against = |r: &BestResponse| {
        format!(
            "to {other} {}, {}",
            gerund(r.against),
            response_words(r)
        )
    };
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

fn game_text(p: &Projection) -> String {
    let g = &p.game;
    let mut text = format!(
        "The game with {} (payoff: the NPV of each side's own cash flows; value per unit invested in brackets):\n",
        agi_words(g.agi_year)
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
    text.push_str(&best_responses_text(Side::Us, &g.us_best_responses, g.us_dominant));
    text.push_str(&best_responses_text(Side::Cn, &g.cn_best_responses, g.cn_dominant));
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

fn summary_text(p: &Projection) -> String {
    let gap = &p.business_gap;
    let claim = &p.claim;
    let stopped = |side: Side, year: Option<i32>| {
        year.map_or(format!("investors do not stop the sprint of the {}", firms(side)), |y| {
            format!("investors stop the sprint of the {} in {y}", firms(side))
        })
    };
    format!(
        "{us}{cn}\
         Business-quality gap (same strategy, different firms: why US firms look better whatever they do, not a result of strategy): \
         the US firms' value per unit invested minus the Chinese firms' is {pace} when both pace and {sprint} when both sprint, \
         with cash margins before capex of {um:.0}% and {cm:.0}%.\n\
         The articles' claim (sprinting pays for the US firms with AGI in {e}, pacing with AGI in {l} and without AGI by 2060): {holds} \
         ({e}: {ec}; {l}: {lc}; no AGI: {nc}).\n\
         With {agi}: {us_stop}; {cn_stop}.\n\
         Payback: if all US${capex:.0} bn of the big four's 2025 capex (buildings and non-AI uses included) \
         were written off like servers, it would need US${rev:.0} bn of revenue a year.\n",
        us = choice_text(&p.us_choice, p.agi_year),
        cn = choice_text(&p.cn_choice, p.agi_year),
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
        Steadier::Sprint => "sprinting (no worse on all three measures)",
        Steadier::Pace => "pacing (no worse on all three measures)",
        Steadier::Mixed => "neither: the three measures disagree (mixed)",
    };
    format!(
        "  Steadier for the {}: {which}. Share of scenarios that lose money, sprint minus pace: {} points; \
         10th-percentile NPV, pace minus sprint: {}.\n",
        firms(r.side),
        signed(100.0 * r.share_loss_gap, 0),
        signed_money(r.side, r.npv_p10_gap),
    )
}

fn monte_carlo_text(mc: &MonteCarlo, s: &Scenario) -> String {
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
         and {varied} inputs and constants drawn from their ranges. Shares of scenarios within our ranges, not probabilities.\n",
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
        ZeroReason::Other => "not on this scenario's paths",
    }
}

/// Bar length for the widest swing.
const BAR_WIDTH: f64 = 24.0;

fn sensitivity_text(t: &Sensitivity, agi_year: Option<i32>) -> String {
    let widest = t.bars.first().map_or(0.0, |b| b.swing);
    let name = |b: &TornadoBar| format!("{}{}", b.field, if b.is_input { "" } else { " (constant)" });
    let name_width = t.bars.iter().map(|b| name(b).chars().count()).max().unwrap_or(0);
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

// ---- Running ------------------------------------------------------------------------------

fn words(errors: Vec<InputError>) -> String {
    errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn run(args: &[String]) -> Result<String, String> {
    let request = parse(args)?;
    if request.inputs {
        return serde_json::to_string_pretty(&inputs_json()).map_err(|e| e.to_string());
    }
    for name in &request.ignored {
        eprintln!("whatif: {name} is no longer an input of the calculator; ignored");
    }
    let s = &request.scenario;
    let p = project(s).map_err(words)?;
    let tornado = match request.sensitivity {
        true => Some(sensitivity(s).map_err(words)?),
        false => None,
    };
    let monte_carlo_of =
        |runs| monte_carlo(s, &AgiDistribution::from_scenario(s), runs, SEED).map_err(words);
    if request.json {
        // One run serves both the shares and the risk, so both come from the same draws.
        let mc = monte_carlo_of(request.monte_carlo_runs.unwrap_or(RISK_RUNS))?;
        let mut out = result_json(&p, s, &mc)?;
        if request.monte_carlo_runs.is_some() {
            out["monte_carlo"] = json!(mc);
        }
        if let Some(t) = &tornado {
            out["sensitivity"] = json!(t);
        }
        return serde_json::to_string_pretty(&out).map_err(|e| e.to_string());
    }
    let mut text = String::new();
    if request.game {
        text.push_str(&game_text(&p));
    }
    text.push_str(&summary_text(&p));
    if let Some(runs) = request.monte_carlo_runs {
        text.push_str(&monte_carlo_text(&monte_carlo_of(runs)?, s));
    }
    if let Some(t) = &tornado {
        text.push_str(&sensitivity_text(t, p.agi_year));
    }
    Ok(text)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("whatif: {message}");
            ExitCode::from(2)
        }
    }
}
