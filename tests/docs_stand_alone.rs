//! The project stands alone: its documentation and its pages never send anyone to files outside
//! the repository — the research folder beside it (`../shared/`), the fact-check or the model
//! notes kept there (FACTCHECK, MODEL-SOURCES, DESIGN, STYLE). What those held is said in the
//! project's own words (README "Updating the figures", `www/data/README.md`, `docs/MODEL.md`) or
//! lives in the dataset, which carries every quote, source and grade.

use std::path::Path;

/// Names of things outside the repository.
const OUTSIDE: [&str; 6] = [
    "../shared",
    "shared/seeds",
    "FACTCHECK",
    "MODEL-SOURCES",
    "DESIGN.md",
    "STYLE.md",
];

/// Every document a reader or editor of the project opens: the READMEs, docs/, the pages and
/// language files, and the code with its comments (src/, tools/). Tests are left out: the quote
/// checks read the seed articles from ../shared/seeds when they are there.
fn documents() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec!["README.md".to_string(), "www/data/README.md".to_string()];
    let mut dirs = vec![
        "docs".to_string(),
        "www".to_string(),
        "www/i18n".to_string(),
        "www/js".to_string(),
        "tools".to_string(),
        "src".to_string(),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(root.join(&dir)).expect("readable folder") {
            let entry = entry.expect("readable entry");
            let name = entry.file_name().to_string_lossy().to_string();
            let path = format!("{dir}/{name}");
            if (dir.starts_with("src") || dir.starts_with("www/js")) && entry.path().is_dir() {
                dirs.push(path);
            } else if [".md", ".html", ".json", ".js", ".mjs", ".rs"]
                .iter()
                .any(|ext| name.ends_with(ext))
            {
                files.push(path);
            }
        }
    }
    files
}

fn mentions_outside(text: &str) -> Vec<&'static str> {
    OUTSIDE
        .into_iter()
        .filter(|name| text.contains(name))
        .collect()
}

#[test]
fn no_document_points_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = documents();
    assert!(files.len() >= 40, "read only {files:?}");
    let found: Vec<String> = files
        .iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(root.join(file)).expect("readable document");
            text.lines()
                .enumerate()
                .flat_map(|(n, line)| {
                    mentions_outside(line)
                        .into_iter()
                        .map(move |name| format!("{file}:{}: {name}", n + 1))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        found.is_empty(),
        "documents that point outside the repository (say it in the project's own words):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_catches_the_old_pointers() {
    for line in [
        "five Chinese articles from 2025 (`../shared/seeds/`), graded with",
        "the fact-check in `../shared/FACTCHECK.md`; figures from public records",
        "half to two years is plausible (MODEL-SOURCES §6).",
        "within the seeds' 7.10–7.30 (FACTCHECK §1f)",
    ] {
        assert!(!mentions_outside(line).is_empty(), "missed: {line}");
    }
    assert!(mentions_outside("the fact-check's grades, shared by every chart").is_empty());
}
