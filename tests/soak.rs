//! Soak tests: the real binary killed (SIGKILL) at random moments of imports, edits and
//! exports, and several writers at once, then the project checked. CI runs a few rounds;
//! `scripts/soak` runs the long ones (JOURNEE_SOAK_RUNS, JOURNEE_SOAK_SECONDS) and
//! prints the figures.

#![cfg(unix)]

use std::fs;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn runs() -> usize {
    std::env::var("JOURNEE_SOAK_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
}

fn seconds() -> u64 {
    std::env::var("JOURNEE_SOAK_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
}

struct Bench {
    _dir: tempfile::TempDir,
    data: tempfile::TempDir,
    root: PathBuf,
    file: PathBuf,
}

impl Bench {
    fn new() -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let file = root.join("P.journee");
        let bench = Bench {
            _dir: dir,
            data: tempfile::tempdir().unwrap(),
            root,
            file,
        };
        let out = bench.run(&["demo", bench.arg()]);
        assert!(out.status.success());
        bench
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_journee"));
        command
            .args(args)
            .env("JOURNEE_DATA_DIR", self.data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn arg(&self) -> &str {
        self.file.to_str().unwrap()
    }

    /// SQLite's own check of the whole file, through a connection of its own.
    fn integrity(&self) -> String {
        let conn = rusqlite::Connection::open(&self.file).unwrap();
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap()
    }

    fn count(&self, table: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.file).unwrap();
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    fn status_of(&self, id: i64) -> String {
        let conn = rusqlite::Connection::open(&self.file).unwrap();
        conn.query_row("SELECT status FROM submissions WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
    }
}

/// Starts `child`, kills it after `delay` unless it ended first; true when it ended by
/// itself with success (what it did is then saved and must stay so).
fn kill_after(mut child: Child, delay: Duration) -> bool {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.success();
        }
        if start.elapsed() >= delay {
            let _ = child.kill();
            let _ = child.wait();
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// How long `args` takes when left alone (the slowest of three runs): kills are spread
/// over that time, so that most land in the middle of the work.
fn calibrate(bench: &Bench, args: &[&str]) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            assert!(bench.run(args).status.success(), "{args:?}");
            start.elapsed()
        })
        .max()
        .unwrap()
}

/// A moment within `span` and a little after (some runs must end by themselves).
fn random_delay(span: Duration) -> Duration {
    span.mul_f64(fastrand::f64() * 1.2)
}

#[test]
fn killed_edits_never_lose_a_saved_one() {
    let bench = Bench::new();
    let cycle = ["retenue", "liste_attente", "refusee", "nouvelle"];
    let mut saved: Vec<(i64, String)> = Vec::new();
    let span = calibrate(&bench, &["status", bench.arg(), "120", "retenue"]);
    let (mut completed, mut killed) = (0, 0);
    for run in 0..runs() {
        let id = (run % 100) as i64 + 1;
        let status = cycle[run % cycle.len()];
        let child = bench
            .command(&["status", bench.arg(), &id.to_string(), status])
            .spawn()
            .unwrap();
        let before = bench.status_of(id);
        if kill_after(child, random_delay(span)) {
            completed += 1;
            saved.retain(|(i, _)| *i != id);
            saved.push((id, status.to_string()));
        } else {
            killed += 1;
            // Killed after its commit, or before: the change is whole, or not there.
            let now = bench.status_of(id);
            assert!(now == before || now == status, "run {run}: {now}");
            saved.retain(|(i, _)| *i != id);
            saved.push((id, now));
        }
        assert_eq!(bench.integrity(), "ok", "run {run}");
        for (id, status) in &saved {
            assert_eq!(
                bench.status_of(*id),
                *status,
                "run {run}: contribution {id}"
            );
        }
    }
    println!(
        "SOAK édition : {} essais, {completed} terminés, {killed} interrompus, 0 modification enregistrée perdue, intégrité ok",
        runs()
    );
}

#[test]
fn killed_imports_are_all_or_nothing() {
    let bench = Bench::new();
    let sheet = bench.root.join("appel.csv");
    let mut text = String::from("SID;Nom;Prénom;Courriel;Titre de la contribution;Résumé\n");
    for i in 0..2000 {
        text += &format!(
            "{};Nom{i};Prénom{i};p{i}@exemple.org;Contribution {i};Un résumé de la contribution {i}.\n",
            90_000 + i
        );
    }
    fs::write(&sheet, text).unwrap();
    let base = bench.count("submissions");
    let span = {
        let sheet = sheet.to_str().unwrap();
        let start = Instant::now();
        assert!(bench.run(&["import", bench.arg(), sheet]).status.success());
        let span = start.elapsed();
        assert!(bench.run(&["undo", bench.arg()]).status.success());
        span
    };
    let (mut completed, mut killed) = (0, 0);
    for run in 0..runs() {
        let before = bench.count("submissions");
        let child = bench
            .command(&["import", bench.arg(), sheet.to_str().unwrap()])
            .spawn()
            .unwrap();
        let done = kill_after(child, random_delay(span));
        let after = bench.count("submissions");
        assert_eq!(bench.integrity(), "ok", "run {run}");
        if done {
            completed += 1;
            assert_eq!(after, base + 2000, "run {run}");
        } else {
            killed += 1;
            // Nothing of the killed import, or all of it had committed just before.
            assert!(
                after == before || after == base + 2000,
                "run {run}: {after}"
            );
        }
        if after != base {
            // Back to the start for the next run: the import undone.
            let out = bench.run(&["undo", bench.arg()]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(bench.count("submissions"), base);
        }
    }
    println!(
        "SOAK import : {} essais, {completed} terminés, {killed} interrompus, jamais d'import partiel, intégrité ok",
        runs()
    );
}

#[test]
fn killed_exports_leave_the_last_good_file_and_no_litter() {
    let bench = Bench::new();
    let out = bench.root.join("programme.pdf");
    let export = [
        "export",
        bench.arg(),
        "programme",
        "--out",
        out.to_str().unwrap(),
    ];
    let span = calibrate(&bench, &export);
    let (mut completed, mut killed) = (0, 0);
    for run in 0..runs() {
        let child = bench
            .command(&[
                "export",
                bench.arg(),
                "programme",
                "--out",
                out.to_str().unwrap(),
            ])
            .spawn()
            .unwrap();
        if kill_after(child, random_delay(span)) {
            completed += 1;
        } else {
            killed += 1;
        }
        let pdf = fs::read(&out).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "run {run}");
        assert!(
            pdf.windows(5).rev().take(64).any(|w| w == b"%%EOF"),
            "run {run}: a truncated PDF"
        );
    }
    // The next export clears what the killed ones left.
    assert!(bench
        .run(&[
            "export",
            bench.arg(),
            "programme",
            "--out",
            out.to_str().unwrap()
        ])
        .status
        .success());
    let litter: Vec<String> = fs::read_dir(&bench.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
    println!(
        "SOAK export : {} essais, {completed} terminés, {killed} interrompus, PDF toujours complet, aucun fichier temporaire laissé",
        runs()
    );
}

#[test]
fn killed_backups_never_leave_a_partial_one() {
    let bench = Bench::new();
    let backup = ["backup", bench.arg()];
    let span = calibrate(&bench, &backup);
    let (mut completed, mut killed) = (0, 0);
    for run in 0..runs() {
        let child = bench.command(&backup).spawn().unwrap();
        if kill_after(child, random_delay(span)) {
            completed += 1;
        } else {
            killed += 1;
        }
        // Every backup on the shelf is a whole project.
        for shelf in fs::read_dir(bench.data.path().join("sauvegardes"))
            .unwrap()
            .flatten()
        {
            for entry in fs::read_dir(shelf.path()).unwrap().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue; // a temporary of a killed run, cleared by the next
                }
                let conn = rusqlite::Connection::open(entry.path()).unwrap();
                let check: String = conn
                    .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(check, "ok", "run {run}: {name}");
            }
        }
        assert_eq!(bench.integrity(), "ok", "run {run}");
    }
    println!(
        "SOAK sauvegarde : {} essais, {completed} terminés, {killed} interrompus, jamais de sauvegarde partielle, intégrité ok",
        runs()
    );
}

/// Three writers at once for JOURNEE_SOAK_SECONDS, each on its own contributions.
#[test]
fn three_writers_for_a_while() {
    let bench = Bench::new();
    let seconds = seconds();
    let file = bench.file.clone();
    let data = bench.data.path().to_path_buf();
    let writers: Vec<_> = (0..3i64)
        .map(|w| {
            let file = file.clone();
            let data = data.clone();
            std::thread::spawn(move || {
                let cycle = ["retenue", "liste_attente", "refusee", "nouvelle"];
                let end = Instant::now() + Duration::from_secs(seconds);
                let (mut done, mut failed, mut last) = (0, Vec::new(), Vec::new());
                let mut round = 0;
                while Instant::now() < end {
                    let id = 1 + w + 3 * (round % 30);
                    let status = cycle[(round as usize / 30 + w as usize) % cycle.len()];
                    let out = Command::new(env!("CARGO_BIN_EXE_journee"))
                        .args(["status", file.to_str().unwrap(), &id.to_string(), status])
                        .env("JOURNEE_DATA_DIR", &data)
                        .output()
                        .unwrap();
                    if out.status.success() {
                        done += 1;
                        last.retain(|(i, _): &(i64, &str)| *i != id);
                        last.push((id, status));
                    } else {
                        failed.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    }
                    round += 1;
                }
                (done, failed, last)
            })
        })
        .collect();
    let mut total = 0;
    let mut failures = Vec::new();
    let mut expected = Vec::new();
    for writer in writers {
        let (done, failed, last) = writer.join().unwrap();
        total += done;
        failures.extend(failed);
        expected.extend(last);
    }
    assert!(failures.is_empty(), "{failures:?}");
    for (id, status) in &expected {
        assert_eq!(bench.status_of(*id), *status, "contribution {id}");
    }
    assert_eq!(bench.integrity(), "ok");
    println!(
        "SOAK écrivains : 3 processus pendant {seconds} s, {total} commandes, 0 échec, 0 modification perdue"
    );
}
