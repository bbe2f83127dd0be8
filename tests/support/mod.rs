//! What the integration tests share: the `journee` command and the tools that read its
//! files back (poppler, qpdf, xmllint, LibreOffice, the project's Python venv), projects
//! to start from, and the fixtures written by real software. Each test binary uses a part.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Once;

use journee::import::ImportOptions;
use journee::{Project, Template};

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

/// The standard output of a command that must succeed, read as JSON.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(output.clone())).expect("JSON on stdout")
}

/// What a command wrote on its standard error.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A new project from the civic-tech-2019 template (its rooms and slots), in a folder of
/// its own.
pub fn new_project() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let project = Project::create(
        &dir.path().join("p.journee"),
        Template::CivicTech2019,
        false,
    )
    .unwrap();
    (dir, project)
}

/// The same, with the web form's CSV export imported (fixture `webform-utf8.csv`).
pub fn imported_project() -> (tempfile::TempDir, Project) {
    let (dir, mut project) = new_project();
    project
        .import(&fixture("webform-utf8.csv"), &ImportOptions::default())
        .unwrap();
    (dir, project)
}

/// The demo project, opened, in a folder of its own.
pub fn demo_project() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let project = journee::demo::write(&dir.path().join("demo.journee"), false).unwrap();
    (dir, project)
}

/// The demo project written by the command (`journee demo`) as `dir/name`.
pub fn demo_file(dir: &Path, name: &str) -> PathBuf {
    let file = dir.join(name);
    ok(journee(&["demo", s(&file)]));
    file
}

/// A fixture written by real software (tests/fixtures/make runs once per test binary).
pub fn fixture(name: &str) -> PathBuf {
    static MADE: Once = Once::new();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    MADE.call_once(|| {
        let status = std::process::Command::new(root.join("tests/fixtures/make"))
            .status()
            .expect("run tests/fixtures/make (needs python3, LibreOffice; scripts/setup --test)");
        assert!(status.success(), "tests/fixtures/make failed");
    });
    let path = root.join("target/fixtures").join(name);
    assert!(path.is_file(), "missing fixture {}", path.display());
    path
}

/// The corpus of form exports written by real software (tests/corpus/make_corpus.py,
/// once per test binary): the files and their expected readings.
pub fn corpus_dir() -> PathBuf {
    static MADE: Once = Once::new();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target/corpus");
    MADE.call_once(|| {
        std::fs::create_dir_all(&out).unwrap();
        // Made once for all the test binaries: again only when the script changed.
        let stamp = out.join(".made");
        let script = root.join("tests/corpus/make_corpus.py");
        let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        if modified(&stamp).is_some() && modified(&stamp) >= modified(&script) {
            return;
        }
        let status = std::process::Command::new(root.join("target/venv/bin/python"))
            .arg(root.join("tests/corpus/make_corpus.py"))
            .arg(&out)
            .arg("--no-check")
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run tests/corpus/make_corpus.py (needs target/venv, LibreOffice; scripts/setup --test)");
        assert!(status.success(), "tests/corpus/make_corpus.py failed");
        std::fs::write(&stamp, "").unwrap();
    });
    out
}
