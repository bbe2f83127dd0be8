//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::sync::Once;

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
