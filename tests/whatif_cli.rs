//! The command-line what-if, run as a data desk would: the page's name=value pairs, JSON out,
//! a non-zero exit and the page's message on a bad value. Every figure and call it prints is
//! the model's: the tests compare it with the library, never with the articles' answer.

use std::process::{Command, Output};

use ai_capex_explainer::model::{
    call, input_specs, monte_carlo, project, AgiDistribution, Call, Scenario, Side, MATERIALITY,
};
use serde::Serialize;
use serde_json::Value;

fn whatif(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_whatif"))
        .args(args)
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("whatif did not run: {e}"),
    }
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)),
    }
}

fn text(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// A library value as the command line's JSON holds it (printed and read back by the same
/// code, so equal figures compare equal to the last bit).
fn as_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// The scenario the command line builds from the same pairs.
fn scenario(pairs: &[(&str, &str)]) -> Scenario {
    let mut s = Scenario::default();
    for (name, value) in pairs {
        if let Err(e) = s.set(name, value) {
            panic!("{e}");
        }
    }
    s
}

fn args_of(pairs: &[(&str, &str)]) -> Vec<String> {
    pairs.iter().map(|(n, v)| format!("{n}={v}")).collect()
}

fn call_name(c: Call) -> &'static str {
    match c {
        Call::Sprint => "sprint",
        Call::Pace => "pace",
        Call::TooCloseToCall => "too_close_to_call",
    }
}

/// How the text report words a call.
fn call_words(c: Call) -> &'static str {
    match c {
        Call::Sprint => "sprint pays",
        Call::Pace => "pace pays",
        Call::TooCloseToCall => "too close to call",
    }
}

/// How the text report words a call the JSON names.
fn named_call_words(name: &Value) -> &'static str {
    [Call::Sprint, Call::Pace, Call::TooCloseToCall]
        .into_iter()
        .find(|c| *name == call_name(*c))
        .map_or("(no call)", call_words)
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

#[test]
fn the_json_has_the_game_the_choices_the_risk_and_the_projection() {
    let v = json(&whatif(&["agi_year=2028", "price_cut=10", "--json"]));
    assert_eq!(v["agi_mode"], "fixed");
    assert_eq!(v["agi_year"], 2028);
    let cells = v["game"].as_array().cloned().unwrap_or_default();
    let mut pairs: Vec<(String, String)> = cells
        .iter()
        .map(|c| {
            for key in ["us_npv", "cn_npv", "us_value_per_unit", "cn_value_per_unit"] {
                assert!(c[key].is_number(), "{key} of {c}");
            }
            assert_eq!(c["effective_agi_year"], 2028, "fixed mode: {c}");
            (c["us_strategy"].to_string(), c["cn_strategy"].to_string())
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    assert_eq!(pairs.len(), 4, "the four pairs: {pairs:?}");
    let equilibria = v["equilibrium"].as_array().cloned().unwrap_or_default();
    assert!(v["equilibrium"].is_array() && equilibria.len() <= 4);
    for e in &equilibria {
        for side in ["us", "cn"] {
            assert!(
                ["sprint", "pace"].contains(&e[side].as_str().unwrap_or("")),
                "{e}"
            );
        }
    }
    for key in ["us_choice", "cn_choice"] {
        let c = &v[key];
        assert!(c["break_even_agi_year"].is_number() || c["break_even_agi_year"].is_null());
        let kinds = [
            "until",
            "from",
            "mixed",
            "always",
            "never",
            "too_close_to_call",
        ];
        assert!(kinds.contains(&c["kind"].as_str().unwrap_or("")), "{key}");
        assert_eq!(
            c["too_close_to_call"],
            c["at_agi_year"]["call"] == "too_close_to_call",
            "{key}"
        );
        // The runs cover 2026–2060 without a gap.
        let runs = c["runs"].as_array().cloned().unwrap_or_default();
        let mut next = 2026;
        for run in &runs {
            assert_eq!(run["from"], next, "{key}: {run}");
            next = run["to"].as_i64().unwrap_or(0) + 1;
        }
        assert_eq!(next, 2061, "{key}");
        assert_eq!(c["by_agi_year"].as_array().map(Vec::len), Some(35));
    }
    assert!(v["risk"]["runs"].as_u64().is_some_and(|n| n > 0));
    assert!(v["risk"]["seed"].is_number());
    for side in ["us", "cn"] {
        for strategy in ["sprint", "pace"] {
            let r = &v["risk"][side][strategy];
            assert!((0.0..=1.0).contains(&number(&r["share_loss"])), "{r}");
            assert!(r["npv_p10"].is_number(), "{r}");
            assert!(number(&r["peak_funding_need"]) >= 0.0, "{r}");
        }
        assert!(v["risk"][side]["steadier"].is_string());
    }
    for key in [
        "both_pace",
        "both_sprint",
        "us_cash_margin",
        "cn_cash_margin",
    ] {
        assert!(v["business_gap"][key].is_number(), "{key}");
    }
    assert!(v["claim"]["holds"].is_boolean());
    assert!(v["payback"]["required_revenue"].is_number());
    assert_eq!(v["scenario"]["agi_year"], 2028.0);
    assert_eq!(v["scenario"]["price_cut"], 10.0);
    assert_eq!(v["years"].as_array().map(Vec::len), Some(36));
    assert!(v["years"][0]["us_sprint"]["capex"].is_number());
}

#[test]
fn the_json_is_the_librarys_projection_and_risk() {
    let pairs = [("agi_year", "2035"), ("us_access", "5"), ("agi_prize", "2")];
    let mut args = args_of(&pairs);
    args.push("--json".into());
    let v = json(&whatif(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    ));
    let s = scenario(&pairs);
    let p = match project(&s) {
        Ok(p) => p,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(v["us_choice"], as_json(&p.us_choice));
    assert_eq!(v["cn_choice"], as_json(&p.cn_choice));
    assert_eq!(v["game"], as_json(&p.game.cells));
    assert_eq!(v["equilibrium"], as_json(&p.game.equilibria));
    assert_eq!(
        v["best_responses"]["us"],
        as_json(&p.game.us_best_responses)
    );
    assert_eq!(v["business_gap"], as_json(&p.business_gap));
    assert_eq!(v["claim"], as_json(&p.claim));
    assert_eq!(v["years"], as_json(&p.years));
    assert_eq!(v["scenario"], as_json(&s));
    // The risk is the library's Monte Carlo at the runs and seed the JSON states, with the
    // scenario's own AGI prior.
    let runs = v["risk"]["runs"].as_u64().unwrap_or(0) as u32;
    let seed = v["risk"]["seed"].as_u64().unwrap_or(0);
    let mc = match monte_carlo(&s, &AgiDistribution::from_scenario(&s), runs, seed) {
        Ok(mc) => mc,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(v["risk"]["us"], as_json(&mc.us_risk));
    assert_eq!(v["risk"]["cn"], as_json(&mc.cn_risk));
}

#[test]
fn a_bad_value_exits_non_zero_with_field_value_and_range() {
    let refused = |args: &[&str], words: &str| {
        let out = whatif(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    };
    refused(
        &["discount_rate=40"],
        "discount_rate = 40 is out of range 5–15",
    );
    refused(
        &["agi_year=2028.5", "--json"],
        "agi_year = 2028.5 is not a step",
    );
    refused(
        &["agi_year=NaN", "--game"],
        "agi_year = NaN is not a number",
    );
    refused(&["preset=agi_5y"], "preset = agi_5y is not one of");
    refused(&["us_acess=5"], "us_acess is not a known input");
    refused(&["--monte-carlo=0"], "runs = 0 is out of range 1–1000000");
    refused(&["--monte-carlo=0", "--json"], "runs = 0 is out of range");
    refused(
        &["--monte-carlo=NaN", "--json"],
        "--monte-carlo=NaN is not a whole number",
    );
    refused(
        &["--monte-carlo=-5"],
        "--monte-carlo=-5 is not a whole number",
    );
}

#[test]
fn presets_apply_first_and_old_names_work_as_on_the_page() {
    let v = json(&whatif(&[
        "price_decline_pct=12",
        "preset=agi_10y",
        "--json",
    ]));
    assert_eq!(v["scenario"]["agi_year"], 2035.0);
    assert_eq!(v["scenario"]["price_cut"], 12.0);
    // A link made with the retired efficiency multiple still opens, with the default scenario.
    let out = whatif(&["cn_efficiency=2", "--json"]);
    assert_eq!(json(&out)["scenario"], as_json(&Scenario::default()));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cn_efficiency is no longer"));
}

#[test]
fn inputs_lists_the_librarys_inputs_constants_and_old_names() {
    let v = json(&whatif(&["--inputs"]));
    assert_eq!(v["inputs"], as_json(&input_specs()));
    let names: Vec<&str> = v["inputs"]
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["field"].as_str()).collect())
        .unwrap_or_default();
    for field in [
        "us_access",
        "cn_access",
        "patience_years",
        "cn_capex_growth",
        "cn_patience",
        "cn_compute_per_dollar",
        "cn_algorithm_lag",
        "agi_median_year",
        "agi_spread_years",
    ] {
        assert!(names.contains(&field), "{field}");
    }
    assert!(!names.contains(&"cn_efficiency"));
    let constants: Vec<&str> = v["constants"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["name"].as_str()).collect())
        .unwrap_or_default();
    for name in ["cn_parent_ocf_2025", "algorithmic_gain"] {
        assert!(constants.contains(&name), "{name}");
    }
    assert!(v["retired"]
        .as_array()
        .is_some_and(|r| r.iter().any(|x| x == "cn_efficiency")));
    assert_eq!(v["materiality"], MATERIALITY);
}

fn firms(side: Side) -> &'static str {
    match side {
        Side::Us => "US firms",
        Side::Cn => "Chinese firms",
    }
}

/// The part of the text report about one side's choice: its first line and the indented
/// lines under it.
fn choice_paragraph(report: &str, side: Side) -> String {
    let head = format!("The choice of the {}", firms(side));
    let mut lines = report.lines().skip_while(|l| !l.starts_with(&head));
    let first = lines.next().unwrap_or("");
    let rest: Vec<&str> = lines.take_while(|l| l.starts_with("  ")).collect();
    [first]
        .into_iter()
        .chain(rest)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_game_in_words_matches_the_json() {
    for args in [
        vec![],
        vec!["preset=no_agi"],
        vec!["preset=price_war"],
        vec![
            "agi_prize=5",
            "winner_take_all=8",
            "us_access=50",
            "cn_access=50",
        ],
    ] {
        let report = text(&whatif(&[args.as_slice(), &["--game"]].concat()));
        let v = json(&whatif(&[args.as_slice(), &["--json"]].concat()));
        for us in ["sprint", "pace"] {
            for cn in ["sprint", "pace"] {
                assert!(
                    report.contains(&format!("US {us}s, China {cn}s: ")),
                    "{args:?}"
                );
            }
        }
        for (side, key, other) in [(Side::Us, "us", "China"), (Side::Cn, "cn", "the US")] {
            let line = report
                .lines()
                .find(|l| l.starts_with(&format!("Best response of the {}", firms(side))))
                .unwrap_or("");
            let whatever = line.contains(&format!("whatever {other} does"));
            assert_eq!(whatever, !v["dominant"][key].is_null(), "{args:?}: {line}");
            let responses = v["best_responses"][key]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let close = responses.iter().any(|r| r["call"] == "too_close_to_call");
            assert_eq!(
                line.contains("too close to call"),
                close,
                "{args:?}: {line}"
            );
        }
        let equilibria = v["equilibrium"].as_array().cloned().unwrap_or_default();
        if equilibria.is_empty() {
            assert!(report.contains("Equilibrium: none"), "{args:?}");
        }
        for e in &equilibria {
            let pair = format!(
                "US {}, China {}",
                e["us"].as_str().unwrap_or(""),
                e["cn"].as_str().unwrap_or("")
            );
            assert!(report.contains(&pair), "{args:?}: {pair}");
        }
        for side in Side::BOTH {
            let key = match side {
                Side::Us => "us_choice",
                Side::Cn => "cn_choice",
            };
            let choice = &v[key];
            let paragraph = choice_paragraph(&report, side);
            for run in choice["runs"].as_array().cloned().unwrap_or_default() {
                let (from, to) = (run["from"].to_string(), run["to"].to_string());
                let years = if from == to {
                    from
                } else {
                    format!("{from}–{to}")
                };
                let words = named_call_words(&run["call"]);
                let run_words = format!("{words} {years}");
                let first = format!("{words} for AGI {years}");
                assert!(
                    paragraph.contains(&run_words) || paragraph.contains(&first),
                    "{args:?}: {run_words} in {paragraph}"
                );
            }
            assert!(paragraph.contains(&format!(
                "without AGI by 2060: {}",
                named_call_words(&choice["without_agi"]["call"])
            )));
            assert!(paragraph.contains(&format!(
                "(your year): {}",
                named_call_words(&choice["at_agi_year"]["call"])
            )));
        }
        assert!(report.contains("Business quality (same strategy, different firms)"));
        let business = match v["business_gap"]["ahead_in_every_pair"].as_str() {
            Some("us") => "the US firms get back more per unit invested in all four pairs",
            Some("cn") => "the Chinese firms get back more per unit invested in all four pairs",
            _ => "neither side's firms get back clearly more",
        };
        assert!(report.contains(business), "{args:?}: {business}");
    }
}

#[test]
fn the_monte_carlo_and_the_tornado_come_from_the_same_runs_in_json_and_words() {
    let v = json(&whatif(&["--sensitivity", "--monte-carlo=300", "--json"]));
    assert_eq!(v["monte_carlo"]["runs"], 300);
    assert_eq!(v["risk"]["runs"], 300);
    assert_eq!(v["risk"]["us"], v["monte_carlo"]["us_risk"]);
    assert_eq!(v["risk"]["cn"], v["monte_carlo"]["cn_risk"]);
    let mc = &v["monte_carlo"];
    for side in ["us", "cn"] {
        let shares: f64 = ["share_sprint_pays", "share_pace_pays", "share_too_close"]
            .iter()
            .map(|k| number(&mc[format!("{side}_{k}")]))
            .sum();
        assert!((shares - 1.0).abs() < 1e-9, "{side}: {shares}");
    }
    let bars = v["sensitivity"]["bars"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!bars.is_empty());
    assert!(v["sensitivity"]["fixed_figures"].is_array());

    let report = text(&whatif(&["--sensitivity", "--monte-carlo=300"]));
    assert!(report.contains("not probabilities"));
    assert!(report.contains("Steadier for the US firms"));
    assert!(report.contains("Steadier for the Chinese firms"));
    assert!(report.contains("Fixed figures"));
    for bar in &bars {
        let field = bar["field"].as_str().unwrap_or("");
        let line = report
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{field} ")))
            .unwrap_or("");
        assert_eq!(
            line.contains("flips the call"),
            bar["flips"] == true && bar["zero_reason"].is_null(),
            "{field}: {line}"
        );
        assert_eq!(
            line.contains("no effect:"),
            !bar["zero_reason"].is_null(),
            "{field}"
        );
    }
    // The same seed, the same figures.
    let again = json(&whatif(&["--sensitivity", "--monte-carlo=300", "--json"]));
    assert_eq!(again["monte_carlo"], v["monte_carlo"]);
}

/// One AGI year of one side's choice near an edge of the band, and the scenario it is in.
#[derive(Debug)]
struct NearEdge {
    base: &'static [(&'static str, &'static str)],
    field: &'static str,
    value: String,
    side: Side,
    agi_year: Option<i32>,
    /// Sprint minus pace ÷ the band (±1 on its edges).
    in_bands: f64,
}

/// Scans every step of `fields` from `base` (the defaults plus those pairs), inputs whose
/// ranges carry a side's sprint minus pace across the band, and keeps, for each side, the AGI
/// year just inside and just outside the edge on `sign`'s side of zero.
fn near_edges(
    sign: f64,
    base: &'static [(&'static str, &'static str)],
    fields: &[&'static str],
) -> Vec<NearEdge> {
    let mut best: Vec<NearEdge> = Vec::new();
    for &field in fields {
        let Some(spec) = input_specs().iter().find(|s| s.field == field) else {
            panic!("{field} is not an input");
        };
        let steps = ((spec.max - spec.min) / spec.step).round() as u32;
        for k in 0..=steps {
            // Rounded as a slider shows it (0.3, not 0.30000000000000004).
            let value = format!(
                "{}",
                ((spec.min + f64::from(k) * spec.step) * 1e9).round() / 1e9
            );
            let mut pairs: Vec<(&str, &str)> = base.to_vec();
            pairs.push((field, &value));
            let p = match project(&scenario(&pairs)) {
                Ok(p) => p,
                Err(e) => panic!("{field} = {value}: {e:?}"),
            };
            for (side, c) in [(Side::Us, &p.us_choice), (Side::Cn, &p.cn_choice)] {
                for pt in c.by_agi_year.iter().chain([&c.without_agi]) {
                    let in_bands = pt.sprint_minus_pace / (MATERIALITY * pt.pv_capex_pacing);
                    if in_bands * sign <= 0.0 {
                        continue;
                    }
                    let inside = in_bands.abs() <= 1.0;
                    let slot = best
                        .iter_mut()
                        .find(|b| b.side == side && (b.in_bands.abs() <= 1.0) == inside);
                    let candidate = NearEdge {
                        base,
                        field,
                        value: value.clone(),
                        side,
                        agi_year: pt.agi_year,
                        in_bands,
                    };
                    match slot {
                        Some(b)
                            if (in_bands.abs() - 1.0).abs() < (b.in_bands.abs() - 1.0).abs() =>
                        {
                            *b = candidate
                        }
                        Some(_) => {}
                        None => best.push(candidate),
                    }
                }
            }
        }
    }
    best
}

/// The command line's call at a point near the band's edge, in JSON and in words, is the
/// library's `call` on the same figures.
fn check_edge(e: &NearEdge) {
    let year = e.agi_year.map_or("2061".to_string(), |y| y.to_string());
    let mut pairs: Vec<(&str, &str)> = e.base.to_vec();
    pairs.extend([(e.field, e.value.as_str()), ("agi_year", year.as_str())]);
    let args = args_of(&pairs);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let v = json(&whatif(&[args.as_slice(), &["--json"]].concat()));
    let key = match e.side {
        Side::Us => "us_choice",
        Side::Cn => "cn_choice",
    };
    let at = &v[key]["at_agi_year"];
    let library = call(
        number(&at["sprint_minus_pace"]),
        number(&at["pv_capex_pacing"]),
    );
    let expected = if e.in_bands.abs() <= 1.0 {
        Call::TooCloseToCall
    } else if e.in_bands > 0.0 {
        Call::Sprint
    } else {
        Call::Pace
    };
    assert_eq!(library, expected, "{e:?}");
    assert_eq!(at["call"], call_name(library), "{e:?}");
    assert_eq!(
        v[key]["too_close_to_call"],
        library == Call::TooCloseToCall,
        "{e:?}"
    );
    let report = text(&whatif(&args));
    assert!(
        choice_paragraph(&report, e.side)
            .contains(&format!("(your year): {}", call_words(library))),
        "{e:?}: {report}"
    );
}

/// How close to an edge the scan must come: within 5% of the band's width.
const NEAR: f64 = 0.05;

fn check_edges(
    sign: f64,
    sides: &[Side],
    base: &'static [(&'static str, &'static str)],
    fields: &[&'static str],
) {
    let edges = near_edges(sign, base, fields);
    for &side in sides {
        for inside in [true, false] {
            let found = edges
                .iter()
                .find(|e| e.side == side && (e.in_bands.abs() <= 1.0) == inside);
            match found {
                Some(e) if (e.in_bands.abs() - 1.0).abs() <= NEAR => check_edge(e),
                other => panic!("{side:?}, inside {inside}: nothing near the edge: {other:?}"),
            }
        }
    }
}

#[test]
fn just_inside_and_just_outside_the_lower_edge_of_the_band_the_cli_calls_as_the_library() {
    let fields = [
        "demand_growth",
        "agi_prize",
        "us_capex_growth",
        "discount_rate",
    ];
    check_edges(-1.0, &Side::BOTH, &[], &fields);
}

/// Sprinting pays the US firms only where AGI can be won: compute brings it, the prize is
/// priced against world output and both markets are open (`docs/MODEL.md` §1).
const BULL_CASE: &[(&str, &str)] = &[
    ("agi_mode", "1"),
    ("prize_anchor", "1"),
    ("us_access", "50"),
    ("cn_access", "50"),
    ("agi_gdp_share", "45"),
];

#[test]
fn just_inside_and_just_outside_the_upper_edge_of_the_band_the_cli_calls_as_the_library() {
    check_edges(
        1.0,
        &[Side::Us],
        BULL_CASE,
        &[
            "provider_capture",
            "demand_growth",
            "us_capex_growth",
            "discount_rate",
        ],
    );
}

#[test]
fn the_map_is_the_librarys_and_its_grid_says_each_call() {
    let pairs = [
        ("agi_mode", "1"),
        ("prize_anchor", "1"),
        ("cn_access", "50"),
    ];
    let s = scenario(&pairs);
    let mut args = args_of(&pairs);
    args.push("--map=provider_capture".to_string());
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let expected = match ai_capex_explainer::model::strategy_map(&s, "provider_capture") {
        Ok(m) => m,
        Err(e) => panic!("map refused: {e:?}"),
    };
    let mut with_json = arg_refs.clone();
    with_json.push("--json");
    assert_eq!(json(&whatif(&with_json))["map"], as_json(&expected));
    // One grid line per value, ending in one character per cell, in order: the legend in the
    // heading names the characters; here each stands for one call and each call for one
    // character (the test does not spell the legend out again).
    let words = text(&whatif(&arg_refs));
    let grid: Vec<&str> = words
        .lines()
        .skip_while(|l| !l.starts_with("The US firms' call by AGI year"))
        .skip(1)
        .take(expected.values.len())
        .collect();
    assert_eq!(grid.len(), expected.values.len(), "{words}");
    let per_row = expected.cells.len() / expected.values.len();
    let mut legend: Vec<(char, Call)> = Vec::new();
    for (line, row) in grid.iter().zip(expected.cells.chunks(per_row)) {
        let marks: Vec<char> = line.chars().collect();
        assert!(marks.len() >= per_row, "{line}");
        for (&mark, cell) in marks[marks.len() - per_row..].iter().zip(row) {
            if !legend.contains(&(mark, cell.call)) {
                legend.push((mark, cell.call));
            }
        }
    }
    for (i, a) in legend.iter().enumerate() {
        for b in &legend[i + 1..] {
            assert!(a.0 != b.0 && a.1 != b.1, "{legend:?}");
        }
    }
    // The AGI year itself and unknown names are not a map's second axis.
    for bad in ["--map=agi_year", "--map=nonsense"] {
        let out = whatif(&[bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}
