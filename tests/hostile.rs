//! Hostile and damaged files against the real `journee` binary, under a memory cap: only
//! a correct import (exit 0) or a French refusal (exit 1) that leaves the project as it
//! was, within a bounded time and memory. Hand-made attacks first (a cell at column
//! ZZZZZZ, a repeated OpenDocument cell, a zip bomb, a cell at row 4 billion), then a
//! few hundred mutations of real files (`JOURNEE_FUZZ_CASES` sets how many; the long
//! run is `scripts/fuzz`).

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// What one run of the binary cost and said.
struct Run {
    code: i32,
    stderr: String,
    max_rss_mb: u64,
    elapsed: Duration,
}

/// The address space the binary may map: far above what an import needs, low enough that
/// a reader asking for gigabytes fails instead of swapping the machine.
const ADDRESS_SPACE: u64 = 3 << 30;

// The child is waited for with wait4, which std does not know of.
#[allow(clippy::zombie_processes)]
fn journee(args: &[&str]) -> Run {
    use std::os::unix::process::CommandExt;
    let started = Instant::now();
    let data = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_journee"));
    command
        .args(args)
        .env("JOURNEE_DATA_DIR", data.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: ADDRESS_SPACE,
                rlim_max: ADDRESS_SPACE,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        });
    }
    let mut child = command.spawn().expect("run journee");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    // wait4 gives the child's peak resident memory along with its status.
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    // SAFETY: waiting for our own child, with valid pointers.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    Run {
        code,
        stderr,
        max_rss_mb: usage.ru_maxrss as u64 / 1024,
        elapsed: started.elapsed(),
    }
}

/// What an import must not change: the project's counts.
fn counts(project: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_journee"))
        .env("JOURNEE_DATA_DIR", project.parent().unwrap())
        .args(["info", project.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    info["counts"].to_string()
}

/// Imports `file` into `project` and checks what any input must give.
fn import_checked(project: &Path, file: &Path, what: &str) -> Run {
    let before = counts(project);
    let run = journee(&["import", project.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(
        run.code == 0 || run.code == 1,
        "{what}: exit {} ({})",
        run.code,
        run.stderr
    );
    if run.code == 1 {
        assert!(
            run.stderr.starts_with("journee : Impossible d’importer")
                && run.stderr.contains("Rien n’a été importé"),
            "{what}: not the French refusal: {}",
            run.stderr
        );
        assert_eq!(
            counts(project),
            before,
            "{what}: a refused import changed the project"
        );
    }
    assert!(
        run.max_rss_mb < 500,
        "{what}: {} MB of memory",
        run.max_rss_mb
    );
    // The promise is 5 s for the release build; the tests drive the debug one.
    assert!(
        run.elapsed < Duration::from_secs(15),
        "{what}: {:?}",
        run.elapsed
    );
    run
}

fn new_project(dir: &Path) -> PathBuf {
    let project = dir.join("p.journee");
    let out = Command::new(env!("CARGO_BIN_EXE_journee"))
        .env("JOURNEE_DATA_DIR", dir)
        .args(["new", project.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    project
}

/// The entries of a zip, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            (entry.name().unwrap().to_string(), data)
        })
        .collect()
}

fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(if name == "mimetype" {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            })
            .large_file(data.len() > u32::MAX as usize / 2);
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// `entries` with `name`'s text changed by `change`.
fn edit(entries: &[(String, Vec<u8>)], name: &str, change: impl Fn(&str) -> String) -> Vec<u8> {
    let changed: Vec<(String, Vec<u8>)> = entries
        .iter()
        .map(|(n, data)| {
            if n == name {
                let text = String::from_utf8(data.clone()).unwrap();
                (n.clone(), change(&text).into_bytes())
            } else {
                (n.clone(), data.clone())
            }
        })
        .collect();
    rezip(&changed)
}

#[test]
fn hand_made_attacks_are_refused_in_french_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_project(dir.path());
    let xlsx = unzip(&std::fs::read(support::fixture("webform-libreoffice.xlsx")).unwrap());
    let ods = unzip(&std::fs::read(support::fixture("webform-libreoffice.ods")).unwrap());
    let sheet = "xl/worksheets/sheet1.xml";
    let add_cell = |reference: &'static str| {
        move |xml: &str| {
            xml.replacen(
                "</sheetData>",
                &format!(
                    r#"<row r="{}"><c r="{reference}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>"#,
                    reference.trim_start_matches(|c: char| c.is_ascii_alphabetic())
                ),
                1,
            )
        }
    };
    let bomb = {
        // 60 MB of blanks inside the sheet: a few dozen kilobytes zipped.
        let padding = " ".repeat(60 << 20);
        edit(&xlsx, sheet, |xml| {
            xml.replacen("<sheetData>", &format!("<sheetData>{padding}"), 1)
        })
    };
    let repeated_ods = edit(&ods, "content.xml", |xml| {
        xml.replacen(
            "</table:table>",
            r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
            1,
        )
    });
    // 6 MB of tiny rows: refused once past any real list, not imported for minutes.
    let mut many_rows = String::from("Titre,Courriel\n");
    while many_rows.len() < 6 << 20 {
        many_rows.push_str("t,a@b.fr\n");
    }
    let wide_csv = format!("Titre,Courriel{}\nA,a@example.org\n", ",x".repeat(20_000));
    let huge_cell = format!(
        "Titre,Courriel\n\"{}\",a@example.org\n",
        "y".repeat(2 << 20)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "column ZZZZZZ",
            edit(&xlsx, sheet, add_cell("ZZZZZZ1")),
            "colonne",
        ),
        (
            "row 4,000,000,000",
            edit(&xlsx, sheet, add_cell("A4000000000")),
            "ligne",
        ),
        (
            "row 2,000,000",
            edit(&xlsx, sheet, add_cell("B2000000")),
            "ligne",
        ),
        ("zip bomb", bomb, "décompressé"),
        ("repeated ods cells", repeated_ods, "cellules"),
        ("20,000 columns of text", wide_csv.into_bytes(), "colonnes"),
        ("a 2 MB cell", huge_cell.into_bytes(), "Mo"),
        (
            "a million tiny rows",
            many_rows.into_bytes(),
            "100\u{202f}000 lignes",
        ),
    ];
    for (what, bytes, words) in cases {
        let file = dir.path().join(format!("{}.bin", what.replace(' ', "-")));
        std::fs::write(&file, &bytes).unwrap();
        let run = import_checked(&project, &file, what);
        assert_eq!(run.code, 1, "{what}: imported");
        assert!(run.stderr.contains(words), "{what}: {}", run.stderr);
    }
}

#[test]
fn a_truncated_legacy_workbook_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_project(dir.path());
    let bytes = std::fs::read(support::fixture("webform-libreoffice.xls")).unwrap();
    for step in 1..80 {
        let cut = bytes.len() * step / 80;
        let file = dir.path().join("cut.xls");
        std::fs::write(&file, &bytes[..cut]).unwrap();
        import_checked(&project, &file, &format!("xls cut at {cut}"));
    }
}

/// One mutation of `bytes`, of a kind chosen by `rng`.
fn mutate(rng: &mut fastrand::Rng, bytes: &[u8]) -> (String, Vec<u8>) {
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    match rng.u8(0..if is_zip { 6 } else { 3 }) {
        0 => {
            let mut out = bytes.to_vec();
            let flips = rng.usize(1..=8);
            for _ in 0..flips {
                let at = rng.usize(0..out.len());
                out[at] = rng.u8(..);
            }
            (format!("{flips} bytes changed"), out)
        }
        1 => {
            let cut = rng.usize(0..bytes.len());
            (format!("cut at {cut}"), bytes[..cut].to_vec())
        }
        2 => {
            // A stretch of the file repeated: a quote, a row, a cell.
            let from = rng.usize(0..bytes.len());
            let to = (from + rng.usize(1..64)).min(bytes.len());
            let mut out = bytes[..to].to_vec();
            for _ in 0..rng.usize(1..50) {
                out.extend_from_slice(&bytes[from..to]);
            }
            out.extend_from_slice(&bytes[to..]);
            (format!("bytes {from}..{to} repeated"), out)
        }
        kind => {
            let mut entries = unzip(bytes);
            let at = rng.usize(0..entries.len());
            let name = entries[at].0.clone();
            match kind {
                3 => {
                    entries.remove(at);
                    (format!("{name} removed"), rezip(&entries))
                }
                4 => {
                    // A duplicate name is refused by the zip writer: a copy under a
                    // sibling name, and the original's content emptied.
                    let copy = entries[at].clone();
                    entries[at].1.clear();
                    entries.push((format!("{}2", copy.0), copy.1));
                    (format!("{name} emptied and copied"), rezip(&entries))
                }
                _ => {
                    // Huge references and repeats where the XML has references.
                    let huge = ["XFE1", "A1048577", "ZZZZZZ99", "A4294967297"][rng.usize(0..4)];
                    let text = String::from_utf8_lossy(&entries[at].1).into_owned();
                    let changed = text
                        .replacen(r#" r="B2""#, &format!(r#" r="{huge}""#), 1)
                        .replacen(
                            r#"table:number-columns-repeated=""#,
                            r#"table:number-columns-repeated="99999"#,
                            1,
                        );
                    entries[at].1 = changed.into_bytes();
                    (format!("{name}: reference {huge}"), rezip(&entries))
                }
            }
        }
    }
}

#[test]
fn mutated_files_give_a_correct_import_or_a_french_refusal() {
    let cases: usize = std::env::var("JOURNEE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(240);
    let seed: u64 = std::env::var("JOURNEE_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2019);
    let corpus = support::corpus_dir();
    let seeds: Vec<(String, Vec<u8>)> = [
        "webform-libreoffice.xlsx",
        "webform-libreoffice.ods",
        "webform-libreoffice.xls",
        "webform-drupal.xlsx",
        "webform-export.xls",
        "webform-cp1252.csv",
    ]
    .iter()
    .map(|n| (n.to_string(), std::fs::read(support::fixture(n)).unwrap()))
    .chain(
        [
            "microsoft-forms-2021.xlsx",
            "liste-inscrits-main-resaved.ods",
            "framaforms-2019.csv",
        ]
        .iter()
        .map(|n| (n.to_string(), std::fs::read(corpus.join(n)).unwrap())),
    )
    .collect();
    let dir = tempfile::tempdir().unwrap();
    let project = new_project(dir.path());
    let mut rng = fastrand::Rng::with_seed(seed);
    let (mut imported, mut refused) = (0, 0);
    for case in 0..cases {
        let (name, bytes) = &seeds[case % seeds.len()];
        let (how, mutated) = mutate(&mut rng, bytes);
        let file = dir.path().join("case");
        std::fs::write(&file, &mutated).unwrap();
        let what = format!("case {case} (seed {seed}): {name}, {how}");
        let run = import_checked(&project, &file, &what);
        if run.code == 0 {
            imported += 1;
        } else {
            refused += 1;
        }
    }
    // Both outcomes were met: the mutations neither all broke nor all spared the files.
    assert!(
        imported > 0 && refused > 0,
        "{imported} imported, {refused} refused"
    );
}
