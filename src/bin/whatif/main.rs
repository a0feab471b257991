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
//! the shares of scenarios and the risk of each strategy; `--sensitivity` the tornado;
//! `--map[=FIELD]` the US firms' call over AGI year × an input (the prize by default).
//! `--json` prints everything the model serialises (see [`result_json`]), `risk` always: from
//! the Monte Carlo with the scenario's AGI prior, seed [`SEED`], and [`RISK_RUNS`] runs unless
//! `--monte-carlo` sets them (then the shares and the risk come from the same draws);
//! `--inputs` every input and constant with its range, default and origin, and the old names.
//!
//! Every figure and every call ("too close to call" included) is the model's: the command line
//! only arranges them ([`words`] words them).

use std::io::Write;
use std::process::ExitCode;

mod words;

use ai_capex_explainer::model::{
    calibration::CONSTANTS, default_map_field, input_specs, monte_carlo, project, resolve_field,
    sensitivity, strategy_map, AgiDistribution, FieldName, InputError, MonteCarlo, Preset,
    Projection, Scenario, ALIASES, DEFAULT_RUNS, MATERIALITY, MAX_RUNS, RETIRED,
};
use serde_json::{json, Value};

use words::{game_text, map_text, monte_carlo_text, sensitivity_text, summary_text};

const USAGE: &str = "usage: whatif [name=value ...] [preset=ID] [--game] [--json] \
[--sensitivity] [--monte-carlo[=RUNS]] [--map[=FIELD]] | whatif --inputs";

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
    /// `--map`: the input on the map's second axis (`None`: the default).
    map: Option<Option<String>>,
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
        map: None,
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
            "--map" => request.map = Some(None),
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => {
                if let Some(field) = arg.strip_prefix("--map=") {
                    request.map = Some(Some(field.to_string()));
                } else if let Some(runs) = arg.strip_prefix("--monte-carlo=") {
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

fn messages(errors: Vec<InputError>) -> String {
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
    let p = project(s).map_err(messages)?;
    let tornado = request
        .sensitivity
        .then(|| sensitivity(s))
        .transpose()
        .map_err(messages)?;
    let map = request
        .map
        .as_ref()
        .map(|field| {
            let field = field.as_deref().unwrap_or_else(|| default_map_field(s));
            strategy_map(s, field)
        })
        .transpose()
        .map_err(messages)?;
    let monte_carlo_of =
        |runs| monte_carlo(s, &AgiDistribution::from_scenario(s), runs, SEED).map_err(messages);
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
        if let Some(m) = &map {
            out["map"] = json!(m);
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
    if let Some(m) = &map {
        text.push_str(&map_text(m));
    }
    Ok(text)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(text) => match writeln!(std::io::stdout(), "{text}") {
            // A reader who pipes into `head` has what they wanted.
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("whatif: {e}");
                ExitCode::FAILURE
            }
            _ => ExitCode::SUCCESS,
        },
        Err(message) => {
            eprintln!("whatif: {message}");
            ExitCode::from(2)
        }
    }
}
