//! The calculator on the command line, for data desks:
//!
//! ```text
//! cargo run --release --bin whatif -- agi_year=2028 price_cut=60 --json
//! cargo run --release --bin whatif -- preset=agi_10y
//! cargo run --release --bin whatif -- --inputs
//! ```
//!
//! Takes the page's `name=value` pairs (`preset=ID` first, as on the page; earlier names of an
//! input still work) through the same parser with the same messages; exits 2 on a bad value.
//! `--json` prints the whole result (leader, ratio, break-even AGI year, both sides'
//! measures, the incremental measure, the claim check, the payback panel and the yearly
//! series); `--sensitivity` and `--monte-carlo[=RUNS]` add the tornado and the uncertainty
//! run; `--inputs` prints every input and constant with its range, default and origin.

use std::process::ExitCode;

use ai_capex_explainer::model::{
    calibration::CONSTANTS, input_specs, monte_carlo, project, resolve_field, sensitivity,
    AgiDistribution, BreakEvenKind, FieldName, Leader, Preset, Projection, Scenario, Threshold,
    Wording, DEFAULT_RUNS,
};
use serde_json::{json, Value};

const USAGE: &str = "usage: whatif [name=value ...] [preset=ID] [--json] [--sensitivity] \
[--monte-carlo[=RUNS]] | whatif --inputs";

/// What the command line asked for.
struct Request {
    scenario: Scenario,
    json: bool,
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
        sensitivity: false,
        monte_carlo_runs: None,
        inputs: false,
        ignored: Vec::new(),
    };
    let mut pairs = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => request.json = true,
            "--sensitivity" => request.sensitivity = true,
            "--inputs" => request.inputs = true,
            "--monte-carlo" => request.monte_carlo_runs = Some(DEFAULT_RUNS),
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => {
                if let Some(runs) = arg.strip_prefix("--monte-carlo=") {
                    let runs = runs
                        .parse()
                        .map_err(|_| format!("--monte-carlo={runs} is not a whole number"))?;
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
    })
}

fn result_json(p: &Projection, s: &Scenario) -> Value {
    json!({
        "scenario": s,
        "leader": p.verdict.leader,
        "ratio": p.verdict.ratio,
        "break_even_agi_year": p.break_even.against_marathon.year,
        "break_even": p.break_even,
        "claim": p.claim,
        "sprint": p.verdict.sprint,
        "marathon": p.verdict.marathon,
        "incremental": p.incremental,
        "payback": p.payback,
        "agi_year": p.agi_year,
        "cny_per_usd": p.cny_per_usd,
        "years": p.years,
    })
}

fn leader_word(leader: Leader) -> &'static str {
    match leader {
        Leader::Sprint => "the sprint (US)",
        Leader::Marathon => "the marathon (China)",
        Leader::Tie => "neither (a tie)",
    }
}

/// The verdict's first line, worded as the page words it: no side is called ahead inside the
/// about-even band, and when both get back less than they spend the leader only loses less.
fn verdict_line(p: &Projection) -> String {
    let v = &p.verdict;
    let agi = p
        .agi_year
        .map_or("no AGI by 2060".to_string(), |y| format!("AGI in {y}"));
    match v.wording {
        Wording::AboutEven => format!("With {agi}, the two sides come out about even."),
        Wording::LosesLess => format!(
            "With {agi}, both sides get back less than they spend; {} loses less.",
            leader_word(v.leader)
        ),
        Wording::Ahead => format!(
            "With {agi}, {} creates more value per unit invested.",
            leader_word(v.leader)
        ),
    }
}

fn text_report(p: &Projection) -> String {
    let v = &p.verdict;
    let threshold = |t: Threshold| match (t.kind, t.year) {
        (BreakEvenKind::Always, _) => "for every AGI year 2026–2060".to_string(),
        (BreakEvenKind::Never, _) => "for no AGI year 2026–2060".to_string(),
        (BreakEvenKind::Until, Some(y)) => format!("if AGI comes by {y}"),
        (BreakEvenKind::From, Some(y)) => format!("if AGI comes in {y} or later"),
        (_, Some(y)) => format!("at some AGI years, the latest {y}"),
        (_, None) => String::new(),
    };
    let ratio = v.ratio.map_or("n/a".to_string(), |r| format!("{r:.3}"));
    format!(
        "{verdict}\n\
         Value per unit invested (PV operating cash ÷ PV capex): sprint {s:.3}, marathon {m:.3}, ratio {ratio}.\n\
         Break-even: the sprint is ahead of the marathon {vs_marathon}; without AGI, {without} is ahead.\n\
         It beats the same firms on a paced path {vs_paced}.\n\
         Articles' claim (sprint ahead with AGI in {e}, marathon with AGI in {l}: three and ten years from 2025, the model's first year): {holds}.\n\
         The sprint against the same US firms on a paced path: extra NPV US${npv:.0} bn.\n\
         Payback: if all US${capex:.0} bn of the big four's 2025 capex (buildings and non-AI uses included) \
         were written off like servers, it would need US${rev:.0} bn of revenue a year.\n",
        verdict = verdict_line(p),
        s = v.sprint.value_per_capex,
        m = v.marathon.value_per_capex,
        vs_marathon = threshold(p.break_even.against_marathon),
        vs_paced = threshold(p.break_even.against_paced),
        without = leader_word(p.break_even.without_agi),
        e = p.claim.early_agi_year,
        l = p.claim.late_agi_year,
        holds = if p.claim.holds { "holds" } else { "does not hold" },
        npv = p.incremental.extra_npv,
        capex = p.payback.capex,
        rev = p.payback.required_revenue,
    )
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
    let words = |errors: Vec<ai_capex_explainer::model::InputError>| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let p = project(s).map_err(words)?;
    let mut out = result_json(&p, s);
    if request.sensitivity {
        out["sensitivity"] = json!(sensitivity(s).map_err(words)?);
    }
    if let Some(runs) = request.monte_carlo_runs {
        let mc =
            monte_carlo(s, &AgiDistribution::from_scenario(s), runs, 20250101).map_err(words)?;
        out["monte_carlo"] = json!(mc);
    }
    if request.json {
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())
    } else {
        let mut text = text_report(&p);
        if let Some(mc) = out.get("monte_carlo") {
            text.push_str(&format!(
                "Share of scenarios in our ranges with the sprint ahead: {:.0} %.\n",
                100.0 * mc["share_sprint_ahead"].as_f64().unwrap_or(0.0)
            ));
        }
        Ok(text)
    }
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
