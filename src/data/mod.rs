//! The dataset: every figure the explainer shows, with the words and the source it came from.
//!
//! # One file, two readers
//!
//! The figures live in one versioned JSON file, `www/data/capex-dataset.json`. The page fetches
//! it, has the browser parse it and hands the value to the core, which reads it with
//! [`Dataset::from_tree`] (natively [`Dataset::from_json`] parses the text first): every file,
//! shipped or an editor's replacement, passes the same checks. The wasm build carries no copy
//! of it (the page would download the figures twice); native builds (tests, the `whatif` tool)
//! compile those exact bytes in ([`DEFAULT_DATASET_JSON`], read by [`Dataset::embedded`]).
//! `www/data/README.md` explains the format to editors.
//!
//! # What is in it
//!
//! * **sources** — the five seed articles (graded A–D with the fact-check's reasons) and the
//!   public records used for comparison, each with an https address.
//! * **entities** and **metrics** — who a figure is about and what it measures, named in
//!   English, Simplified and Traditional Chinese.
//! * **facts** — every number in the seed articles, with the verbatim quote, the qualifier the
//!   wording implies (约 → about, 超过 → over, "600亿至650亿" → a range), the period and whether
//!   it is a plan, a result, an estimate or a bare claim. A fact's own `grade` overrides its
//!   source's when the fact-check judged that claim differently.
//! * **reference** — figures from public records (filings, reputable press), with what they
//!   measure (`definition`), kept apart from the seeds.
//! * **conflicts** — figures that disagree (C1–C16) and why.
//! * **charts** — which figures each chart of the article shows and how it groups them.
//!
//! Money stays in the currency and scale the source used (`usd_bn`, `cny_bn`, …; 亿 = 0.1
//! billion). Conversions use one official rate per year (`reference_rates`,
//! [`Dataset::rate_for`]); when a seed states both currencies, the rate it implies is kept on
//! the fact (`cny_per_usd`) only to show what the article said.
//!
//! # Errors, never panics
//!
//! Reading never panics. [`Dataset::from_json`] returns either a dataset that passed every
//! rule or [`DataErrors`] listing every problem found, each with its location
//! (`facts[12] (id s004-meta-capex-2025-plan).value_high`) and a sentence naming the value and
//! what is allowed. A JSON syntax error stops reading at once (one error, with line and
//! column); otherwise each record is read on its own, so one bad entry does not hide the
//! problems of the others.
//!
//! ```
//! use ai_capex_explainer::data::Dataset;
//!
//! let dataset = Dataset::embedded()?;
//! let meta = dataset.fact("s004-meta-capex-2025-plan").ok_or("unknown id")?;
//! assert_eq!((meta.value, meta.value_high), (60.0, Some(65.0)));
//!
//! let errors = Dataset::from_json(r#"{"schema_version": 3}"#).err().map(|e| e.to_string());
//! assert_eq!(
//!     errors.as_deref(),
//!     Some("schema_version: schema_version is 3; this version of the explainer reads schema_version 1 to 2")
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chart_def;
#[cfg(feature = "rules")]
mod chart_rules;
mod dataset;
mod error;
mod json_text;
mod lang;
mod money;
mod parse;
mod query;
mod tree;
mod types;
#[cfg(feature = "rules")]
mod validate;

pub use chart_def::{
    is_chart_id, is_pledge, reserved_chart_id, ChartAxis, ChartDef, PeriodKey, MAX_CHART_ID_LEN,
    PAGE_SECTIONS,
};
pub use dataset::Dataset;
pub use error::{
    DataError, DataErrorKind, DataErrors, PeriodProblem, MAX_YEAR, MIN_YEAR, OLDEST_SCHEMA_VERSION,
    SUPPORTED_SCHEMA_VERSION,
};
pub use json_text::{parse_json_text, std_read_number, JsonSyntaxError, ReadNumber};
pub use lang::{Lang, LocalizedText};
pub use money::{checked_convert_money, convert_money};
pub use tree::{JsonTree, TreeError, MAX_DEPTH};
pub use types::{
    is_revenue_ratio, Basis, Change, Conflict, Country, Currency, Entity, Fact, Grade, Level,
    Measure, Metric, Period, PeriodKind, Qualifier, ReferenceRate, Source, SourceKind, Split,
    SplitPart, Unit,
};

/// The dataset file shipped with the explainer, compiled in byte for byte (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_DATASET_JSON: &str = include_str!("../../www/data/capex-dataset.json");

impl Dataset {
    /// Reads and checks a dataset file's text.
    ///
    /// Returns every problem found (see the module docs), never panics, whatever the input.
    /// A leading byte-order mark (which some Windows editors add) is ignored.
    pub fn from_json(json: &str) -> Result<Dataset, DataErrors> {
        Dataset::from_json_with(json, std_read_number)
    }

    /// [`Dataset::from_json`] with the conversion of long numbers given (see [`ReadNumber`]).
    pub fn from_json_with(json: &str, read_number: ReadNumber) -> Result<Dataset, DataErrors> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        Dataset::from_tree(&parse::parse_text(json, read_number)?)
    }

    /// Reads and checks a dataset file already parsed as JSON, as [`Dataset::from_json`] does.
    pub fn from_tree(tree: &JsonTree) -> Result<Dataset, DataErrors> {
        Dataset::read_tree(tree, true)
    }

    /// Reads a file whose very bytes the build has already checked with
    /// [`Dataset::from_json`] (the page knows them by their digest: www/js/core/data.js), without
    /// running the rules again; a file that does not read is still refused, with every problem.
    pub fn from_checked_json_with(
        json: &str,
        read_number: ReadNumber,
    ) -> Result<Dataset, DataErrors> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        Dataset::read_tree(&parse::parse_text(json, read_number)?, false)
    }

    fn read_tree(tree: &JsonTree, run_rules: bool) -> Result<Dataset, DataErrors> {
        let (dataset, broken, mut errors) = parse::read(tree)?;
        if run_rules {
            errors.extend(rules(&dataset, &broken));
        }
        if errors.is_empty() {
            Ok(dataset)
        } else {
            Err(DataErrors(errors))
        }
    }

    /// The dataset compiled into native builds ([`DEFAULT_DATASET_JSON`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Result<Dataset, DataErrors> {
        Dataset::from_json(DEFAULT_DATASET_JSON)
    }

    /// Checks the rules on a dataset built or changed in code (a file read by
    /// [`Dataset::from_json`] has already passed them).
    pub fn validate(&self) -> Result<(), DataErrors> {
        let errors = rules(self, &parse::Broken::default());
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DataErrors(errors))
        }
    }
}

/// Every rule `dataset` breaks (`broken`: the records that could not be read, not checked again).
#[cfg(feature = "rules")]
fn rules(dataset: &Dataset, broken: &parse::Broken) -> Vec<DataError> {
    validate::check(dataset, broken)
}

/// A core built without the rules (see Cargo.toml) checks nothing: it says so instead.
#[cfg(not(feature = "rules"))]
fn rules(_: &Dataset, _: &parse::Broken) -> Vec<DataError> {
    vec![DataError::new("file", DataErrorKind::RulesNotBuilt)]
}

/// The core built without the rules (`cargo test --no-default-features --lib without_rules`, run
/// by `./dev test`): it reads a checked file as the whole core does, and checks nothing else.
#[cfg(all(test, not(feature = "rules")))]
mod without_rules {
    use super::*;

    #[test]
    fn reads_a_checked_file_and_refuses_to_check_one() {
        let checked = Dataset::from_checked_json_with(DEFAULT_DATASET_JSON, std_read_number)
            .expect("the shipped file reads");
        assert!(!checked.facts.is_empty());
        let errors = Dataset::from_json(DEFAULT_DATASET_JSON)
            .expect_err("no rules to run")
            .0;
        assert_eq!(errors.len(), 1);
        assert!(matches!(errors[0].kind, DataErrorKind::RulesNotBuilt));
        assert!(errors[0]
            .to_string()
            .contains("without the dataset's rules"));
    }
}
