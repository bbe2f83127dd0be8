//! The shell's own answers as TypeScript, generated from these Rust types (ts-rs) into
//! `ui/src/lib/shell.ts`, beside the core's `core.ts` (the root's tests/bindings.rs).
//! This test fails when the file is not what the types give: run
//! `UPDATE_BINDINGS=1 cargo test -p journee-app bindings` after changing a type.

use ts_rs::{Config, TS};

use crate::commands::print::PrintSummary;
use crate::commands::programme::{ProgrammeAnswer, VersionsView};
use crate::commands::seating::CentrifugeuseSession;
use crate::commands::start::{RecentEntry, StartState};
use crate::commands::{people::PeopleView, review::ReviewView, Failure, History};
use crate::state::ProjectView;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/shell.ts");

/// The core's types the shell's answers name; tsc says when one is missing.
const FROM_CORE: &[&str] = &[
    "Balance",
    "Counts",
    "Day",
    "Finding",
    "KeyedWarning",
    "Participant",
    "SessionView",
    "SubmissionView",
    "Targets",
    "VersionChange",
    "VersionInfo",
];

fn generated() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the shell's Rust types by src-tauri/src/bindings.rs (ts-rs): do not\n\
         // edit. After changing a type: UPDATE_BINDINGS=1 cargo test -p journee-app bindings\n\n",
    );
    out.push_str(&format!(
        "import type {{ {} }} from \"./core\";\n\n",
        FROM_CORE.join(", ")
    ));
    for decl in [
        Failure::decl(&cfg),
        History::decl(&cfg),
        ProjectView::decl(&cfg),
        RecentEntry::decl(&cfg),
        StartState::decl(&cfg),
        ProgrammeAnswer::decl(&cfg),
        VersionsView::decl(&cfg),
        ReviewView::decl(&cfg),
        PeopleView::decl(&cfg),
        PrintSummary::decl(&cfg),
        CentrifugeuseSession::decl(&cfg),
    ] {
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}

#[test]
fn the_interface_types_are_those_of_the_shell() {
    let fresh = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(FILE, &fresh).expect("write shell.ts");
        return;
    }
    let kept = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        kept == fresh,
        "{FILE} is not what the shell's types give: run \
         UPDATE_BINDINGS=1 cargo test -p journee-app bindings, then commit it"
    );
}
