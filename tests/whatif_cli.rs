//! The command-line what-if, run as a data desk would: the page's name=value pairs, JSON out,
//! a non-zero exit and the page's message on a bad value.

use std::process::{Command, Output};

fn whatif(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_whatif"))
        .args(args)
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("whatif did not run: {e}"),
    }
}

fn json(out: &Output) -> serde_json::Value {
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

#[test]
fn the_json_result_has_the_verdict_the_break_even_year_both_sides_and_the_years() {
    let v = json(&whatif(&["agi_year=2028", "price_cut=10", "--json"]));
    assert!(["sprint", "marathon", "tie"].contains(&v["leader"].as_str().unwrap_or("")));
    assert!(v["ratio"].is_number() || v["ratio"].is_null());
    assert!(v["break_even_agi_year"].is_number() || v["break_even_agi_year"].is_null());
    for side in ["sprint", "marathon"] {
        assert!(v[side]["value_per_capex"].is_number(), "{side}");
        assert!(v[side]["npv"].is_number(), "{side}");
    }
    assert!(v["incremental"]["extra_npv"].is_number());
    assert_eq!(v["scenario"]["agi_year"], 2028.0);
    assert_eq!(v["scenario"]["price_cut"], 10.0);
    assert_eq!(v["years"].as_array().map(Vec::len), Some(36));
    assert_eq!(
        v["break_even"]["by_agi_year"].as_array().map(Vec::len),
        Some(35)
    );
}

#[test]
fn a_bad_value_exits_non_zero_with_the_pages_message() {
    let out = whatif(&["discount_rate=40"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("discount_rate = 40 is out of range 5–15"),
        "{err}"
    );
    let out = whatif(&["agi_year=2028.5"]);
    assert_eq!(out.status.code(), Some(2));
    let out = whatif(&["preset=agi_5y"]);
    assert_eq!(out.status.code(), Some(2));
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
    let out = whatif(&["payoff_multiple=5", "--json"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("payoff_multiple is no longer"));
}

#[test]
fn inputs_lists_every_input_with_its_range_default_and_origin() {
    let v = json(&whatif(&["--inputs"]));
    let inputs = v["inputs"].as_array().cloned().unwrap_or_default();
    assert!(inputs.len() >= 10);
    for i in &inputs {
        for key in [
            "field", "unit", "min", "max", "step", "default", "origin", "low", "high",
        ] {
            assert!(!i[key].is_null(), "{key} of {i}");
        }
    }
    assert!(v["constants"].as_array().is_some_and(|c| !c.is_empty()));
}

#[test]
fn the_text_report_and_the_extra_runs_work() {
    let out = whatif(&["preset=no_agi"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("no AGI by 2060"));
    let v = json(&whatif(&["--sensitivity", "--monte-carlo=500", "--json"]));
    assert_eq!(v["monte_carlo"]["runs"], 500);
    assert!(v["sensitivity"]["bars"]
        .as_array()
        .is_some_and(|b| !b.is_empty()));
}

/// The text report's first line and the JSON's sprint and marathon value per unit invested.
fn verdict_line_and_values(args: &[&str]) -> (String, f64, f64) {
    let out = whatif(args);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let v = json(&whatif(&json_args));
    let value = |side: &str| v[side]["value_per_capex"].as_f64().unwrap_or(f64::NAN);
    (
        text.lines().next().unwrap_or("").to_string(),
        value("sprint"),
        value("marathon"),
    )
}

#[test]
fn the_verdict_line_calls_a_side_ahead_only_outside_the_band_and_above_one() {
    use ai_capex_explainer::model::ABOUT_EVEN_BAND;
    let mut seen = (false, false);
    for preset in [
        "preset=agi_3y",
        "preset=agi_10y",
        "preset=no_agi",
        "agi_year=2030",
    ] {
        let (line, s, m) = verdict_line_and_values(&[preset]);
        if (s - m).abs() <= ABOUT_EVEN_BAND * s.abs().max(m.abs()) {
            seen.0 = true;
            assert!(
                line.contains("about even"),
                "{preset}: {s:.3} vs {m:.3}: {line}"
            );
        } else if s < 1.0 && m < 1.0 {
            seen.1 = true;
            assert!(
                line.contains("loses less"),
                "{preset}: {s:.3} vs {m:.3}: {line}"
            );
        } else {
            assert!(line.contains("creates more value"), "{preset}: {line}");
        }
    }
    // The defaults' near-tie and the no-AGI case where both lose money are among these.
    assert_eq!(
        seen,
        (true, true),
        "no scenario inside the band or below one"
    );
}
