//! The fuzzer: random and hostile inputs against the parts of the core that read what readers,
//! links and editors send, on the stable toolchain with nothing to install.
//!
//! ```text
//! ./dev fuzz [SECONDS]                      # what CI runs with SECONDS=25
//! cargo run --profile fuzz --example fuzz -- [--seconds N] [--seed S] [--only TARGET]
//! cargo run --profile fuzz --example fuzz -- --replay TARGET:CASE --seed S
//! ```
//!
//! Targets: `scenario` (the calculator's input setter, at least 1,000,000 cases a run),
//! `dataset` (the file reader and validator) and `charts` (drawing from validated data), the
//! last two for SECONDS each (default 60). A case that panics or breaks a check stops the run
//! with its target, number and seed; a watchdog stops a case that runs past its limit the same
//! way. Each case draws from its own seed, so `--replay` runs exactly that case again.
//! The URL-state parser is JavaScript and has its own fuzzer (tools/fuzz-url-state.mjs).

mod charts;
mod counting;
mod dataset;
mod rng;
mod scenario;
mod watchdog;

use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rng::Rng;
use watchdog::{watch, Heartbeat};

struct Target {
    name: &'static str,
    /// One case; true when it went all the way (see `went_through`).
    case: fn(&mut Rng) -> bool,
    /// What the cases that went all the way did, for the report.
    went_through: &'static str,
    /// How long one case may take before the watchdog stops the run (debug assertions on).
    limit: Duration,
    /// Run at least this many cases, however long it takes; otherwise run for the time box.
    min_cases: Option<u64>,
}

const TARGETS: [Target; 3] = [
    Target {
        name: "scenario",
        case: scenario::case,
        went_through: "projected",
        limit: Duration::from_secs(2),
        min_cases: Some(1_000_000),
    },
    Target {
        name: "dataset",
        case: dataset::case,
        went_through: "accepted",
        limit: Duration::from_secs(10),
        min_cases: None,
    },
    Target {
        name: "charts",
        case: charts::case,
        went_through: "drawn",
        limit: Duration::from_secs(10),
        min_cases: None,
    },
];

/// The target running now (an index into TARGETS), for the panic and hang reports.
static RUNNING: AtomicUsize = AtomicUsize::new(0);

struct Options {
    seconds: u64,
    seed: u64,
    only: Option<String>,
    replay: Option<(String, u64)>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        seconds: 60,
        seed: 0x5EED,
        only: None,
        replay: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--seconds" => options.seconds = number(value()?)?,
            "--seed" => options.seed = number(value()?)?,
            "--only" => options.only = Some(value()?.clone()),
            "--replay" => {
                let text = value()?;
                let (target, case) = text.split_once(':').ok_or(format!(
                    "--replay {text}: write TARGET:CASE, e.g. dataset:1234"
                ))?;
                options.replay = Some((target.to_string(), number(case)?));
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    for name in options
        .only
        .iter()
        .chain(options.replay.iter().map(|(t, _)| t))
    {
        if !TARGETS.iter().any(|t| t.name == name) {
            let names: Vec<_> = TARGETS.iter().map(|t| t.name).collect();
            return Err(format!(
                "no target {name:?}; the targets are {}",
                names.join(", ")
            ));
        }
    }
    Ok(options)
}

fn number(text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a whole number"))
}

/// Runs `target` from case 0 until its count or time box is reached; returns the cases run
/// and how many of them went all the way.
fn run(target: &Target, seed: u64, time_box: Duration, heartbeat: &Heartbeat) -> (u64, u64) {
    let start = Instant::now();
    let (mut index, mut through) = (0, 0);
    loop {
        let done = match target.min_cases {
            Some(min) => index >= min,
            None => start.elapsed() >= time_box,
        };
        if done {
            return (index, through);
        }
        heartbeat.beat(index);
        through += u64::from((target.case)(&mut Rng::for_case(seed, index)));
        index += 1;
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse_options(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("fuzz: {message}");
            return ExitCode::from(2);
        }
    };
    let seed = options.seed;
    let heartbeat = Heartbeat::default();
    let running = || &TARGETS[RUNNING.load(Ordering::Relaxed)];

    let hook_heartbeat = heartbeat.clone();
    std::panic::set_hook(Box::new(move |info| {
        let (target, case) = (running().name, hook_heartbeat.case());
        eprintln!("\nFAILED: {target} case {case} (seed {seed}): {info}");
        eprintln!("{}", replay_command(target, case, seed));
    }));

    if let Some((name, case)) = options.replay {
        let index = TARGETS
            .iter()
            .position(|t| t.name == name)
            .expect("checked");
        RUNNING.store(index, Ordering::Relaxed);
        heartbeat.beat(case);
        (TARGETS[index].case)(&mut Rng::for_case(seed, case));
        println!("{name} case {case} (seed {seed}): passed");
        return ExitCode::SUCCESS;
    }

    watch(
        heartbeat.clone(),
        move || running().limit,
        move |case| {
            let target = running();
            eprintln!(
                "\nFAILED: {} case {case} (seed {seed}) ran past its {} s limit (a hang)",
                target.name,
                target.limit.as_secs()
            );
            eprintln!("{}", replay_command(target.name, case, seed));
            std::process::exit(1);
        },
    );

    println!(
        "fuzzing with seed {seed}; time-boxed targets run {} s each",
        options.seconds
    );
    let time_box = Duration::from_secs(options.seconds);
    let mut total = 0;
    for (index, target) in TARGETS.iter().enumerate() {
        if options
            .only
            .as_deref()
            .is_some_and(|only| only != target.name)
        {
            continue;
        }
        RUNNING.store(index, Ordering::Relaxed);
        let started = Instant::now();
        let (cases, through) = run(target, seed, time_box, &heartbeat);
        let secs = started.elapsed().as_secs_f64();
        total += cases;
        println!(
            "  {:<9} {:>9} cases in {:>5.1} s  {:>7.0} cases/s  {:>9} {:<9}  no failures",
            target.name,
            cases,
            secs,
            cases as f64 / secs.max(1e-9),
            through,
            target.went_through,
        );
    }
    println!("all {total} cases passed");
    ExitCode::SUCCESS
}

fn replay_command(target: &str, case: u64, seed: u64) -> String {
    format!(
        "replay: cargo run --profile fuzz --example fuzz -- --replay {target}:{case} --seed {seed}"
    )
}
