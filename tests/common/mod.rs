//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::sync::Once;

/// A fixture written by real software (tests/fixtures/make runs once per test binary).
#[allow(dead_code)]
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
#[allow(dead_code)]
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
