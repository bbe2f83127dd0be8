//! Running the `journee` command and the tools that read its files back (poppler,
//! qpdf, xmllint, LibreOffice, the project's Python venv), for the test binaries that
//! check what Journée writes.

use std::path::Path;
use std::process::{Command, Output};

/// The binary, with a data folder of its own for each run (see tests/cli.rs).
pub fn journee(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_journee"))
        .args(args)
        .env("JOURNEE_DATA_DIR", data.path())
        .output()
        .expect("run journee")
}

/// The output of a command that must succeed.
pub fn ok(output: Output) -> String {
    assert!(
        output.status.success(),
        "journee failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Runs a tool that scripts/setup --test installs; its standard output.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e} (scripts/setup --test installs it)"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}
