//! What organisers' machines do to a project: several writers at once, full and
//! read-only disks, files removed under us, exports aimed at the project itself, and
//! text from the web form that would break an output or a terminal.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use journee::programme::SessionPatch;
use journee::share::Export;
use journee::{Project, Trouble};

mod support;

use support::{journee, s as arg, stderr};

/// A demo project in `dir`.
fn demo(dir: &Path, name: &str) -> PathBuf {
    support::demo_file(dir, name)
}

/// Every contribution's status, by id.
fn statuses(file: &Path) -> Vec<(i64, String)> {
    let out = journee(&["submissions", arg(file), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_i64().unwrap(),
                s["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_export_never_replaces_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path(), "P.journee");
    let before = fs::read(&file).unwrap();
    // The same project under a name without the extension, and SQLite's files beside it.
    let copy = dir.path().join("sauvegarde");
    fs::copy(&file, &copy).unwrap();
    let wal = dir.path().join("P.journee-wal");
    for (document, out) in [
        ("mailing", file.clone()),
        ("programme", copy.clone()),
        ("ics", wal.clone()),
        ("cese", dir.path().join("autre.JOURNEE")),
    ] {
        let result = journee(&["export", arg(&file), document, "--out", arg(&out)]);
        assert_eq!(result.status.code(), Some(1), "{document} over {out:?}");
        let message = stderr(&result);
        assert!(
            message.contains("est un projet Journée") && message.contains("rien n’a été écrit"),
            "{message}"
        );
    }
    assert_eq!(fs::read(&file).unwrap(), before);
    assert!(!wal.exists());
    assert!(journee(&["info", arg(&copy)]).status.success());
    // Anywhere else, the export is written.
    let pdf = dir.path().join("programme.pdf");
    assert!(
        journee(&["export", arg(&file), "programme", "--out", arg(&pdf)])
            .status
            .success()
    );
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

#[test]
fn temporaries_of_interrupted_writes_are_removed_by_the_next_export() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path(), "P.journee");
    // A process that has ended: its temporaries are orphans.
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let alive = std::process::id();
    let orphans = [
        format!(".programme.pdf.{dead}.tmp"),
        format!(".badges.pdf.{dead}.tmp"),
        format!(".autre.journee.creation-{dead}"),
        format!(".autre.journee.creation-{dead}-wal"),
    ];
    let kept = [
        // Still being written by a running process (this one).
        format!(".programme.pdf.{alive}.tmp"),
        // Not ours: no process number where ours have one.
        ".config.tmp".to_string(),
        "notes.1234.tmp".to_string(),
    ];
    for name in orphans.iter().chain(&kept) {
        fs::write(dir.path().join(name), b"partiel").unwrap();
    }
    let out = dir.path().join("programme.pdf");
    let result = journee(&["export", arg(&file), "programme", "--out", arg(&out)]);
    assert!(result.status.success(), "{}", stderr(&result));
    for name in &orphans {
        assert!(!dir.path().join(name).exists(), "{name} left behind");
    }
    for name in &kept {
        assert!(dir.path().join(name).exists(), "{name} removed");
    }
}

/// Three processes change statuses in one project at once, each its own contributions,
/// and note the last status each got: every command succeeds and every last status is
/// what the project holds.
#[test]
fn three_writers_wait_their_turn_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path(), "P.journee");
    let ids: Vec<i64> = statuses(&file).into_iter().map(|(id, _)| id).collect();
    let cycle = ["retenue", "liste_attente", "refusee", "nouvelle"];
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let file = file.clone();
            let mine: Vec<i64> = ids.iter().copied().skip(w).step_by(3).take(8).collect();
            std::thread::spawn(move || {
                let mut last = Vec::new();
                for round in 0..6 {
                    for &id in &mine {
                        let status = cycle[(round + w + id as usize) % cycle.len()];
                        let out = journee(&["status", arg(&file), &id.to_string(), status]);
                        assert!(out.status.success(), "writer {w}: {}", stderr(&out));
                        last.retain(|(i, _)| *i != id);
                        last.push((id, status.to_string()));
                    }
                }
                last
            })
        })
        .collect();
    let expected: Vec<(i64, String)> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    let now = statuses(&file);
    for (id, status) in expected {
        let found = now.iter().find(|(i, _)| *i == id).map(|(_, s)| s.as_str());
        assert_eq!(found, Some(status.as_str()), "contribution {id}");
    }
}

#[test]
fn a_project_removed_during_an_import_is_not_reported_as_imported() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path(), "P.journee");
    let sheet = dir.path().join("appel.csv");
    fs::write(
        &sheet,
        "Nom;Prénom;Courriel;Titre de la contribution;Résumé\nDupont;Ana;ana@exemple.fr;Un titre;Un résumé\n",
    )
    .unwrap();
    let mut project = Project::open(&file).unwrap();
    fs::remove_file(&file).unwrap();
    let error = project
        .import(&sheet, &Default::default())
        .expect_err("the project's file is gone");
    assert_eq!(error.trouble(), Some(Trouble::Unreachable), "{error}");
    assert!(error.to_string().contains("déplacé ou supprimé"), "{error}");
}

/// A small disk of its own (tmpfs), unmounted when dropped; None where this machine
/// does not let tests mount one (the test then says it could not run).
struct Disk {
    dir: tempfile::TempDir,
}

impl Disk {
    fn new(size: &str) -> Option<Disk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            eprintln!("NON VÉRIFIÉ : ce système ne permet pas de monter un disque de test (tmpfs)");
            return None;
        }
        Some(Disk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, options: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(self.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Fills the disk to its last byte.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("remplissage");
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=4k"])
            .arg(format!("of={}", filler.display()))
            .output();
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=1", "oflag=append", "conv=notrunc"])
            .arg(format!("of={}", filler.display()))
            .output();
        filler
    }
}

impl Drop for Disk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).output();
    }
}

#[test]
fn a_full_disk_is_said_in_french_and_loses_nothing() {
    let Some(disk) = Disk::new("4m") else { return };
    let file = demo(disk.path(), "P.journee");
    let before = statuses(&file);
    let sheet = tempfile::NamedTempFile::with_suffix(".csv").unwrap();
    fs::write(
        sheet.path(),
        "Nom;Prénom;Courriel;Titre de la contribution;Résumé\nDupont;Ana;ana@exemple.fr;Un titre;Un résumé\n",
    )
    .unwrap();
    let filler = disk.fill();
    for args in [
        vec!["status", arg(&file), "1", "refusee"],
        vec!["import", arg(&file), sheet.path().to_str().unwrap()],
    ] {
        let out = journee(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("Le disque est plein"),
            "{}",
            stderr(&out)
        );
    }
    // Reading and exporting elsewhere still work; exporting onto the full disk is refused.
    assert!(journee(&["info", arg(&file)]).status.success());
    let pdf = disk.path().join("programme.pdf");
    let out = journee(&["export", arg(&file), "programme", "--out", arg(&pdf)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("le disque est plein"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
    let leftovers: Vec<_> = fs::read_dir(disk.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // With room again, the project is as it was, and takes changes.
    fs::remove_file(filler).unwrap();
    assert_eq!(statuses(&file), before);
    assert!(journee(&["status", arg(&file), "1", "refusee"])
        .status
        .success());
}

#[test]
fn a_read_only_disk_is_read_and_exported_but_never_written() {
    let Some(disk) = Disk::new("8m") else { return };
    let file = demo(disk.path(), "P.journee");
    let before = fs::read(&file).unwrap();
    disk.remount("ro");
    let info = journee(&["info", arg(&file)]);
    assert!(info.status.success(), "{}", stderr(&info));
    let elsewhere = tempfile::tempdir().unwrap();
    let pdf = elsewhere.path().join("badges.pdf");
    let out = journee(&["export", arg(&file), "badges", "--out", arg(&pdf)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = journee(&["status", arg(&file), "1", "refusee"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("lecture seule"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("n'est pas un projet"));
    disk.remount("rw");
    assert_eq!(fs::read(&file).unwrap(), before);
}

/// Whether this test runs as root (which no file mode stops) and can act as another user.
fn as_nobody() -> Option<Command> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let setpriv = Command::new("setpriv").arg("--help").output().is_ok();
    if !root || !setpriv {
        eprintln!(
            "NON VÉRIFIÉ : il faut être root avec setpriv pour agir en utilisateur sans droits"
        );
        return None;
    }
    let mut command = Command::new("setpriv");
    command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
    Some(command)
}

#[test]
fn a_write_protected_file_opens_read_only_and_writable_again_once_allowed() {
    let Some(_) = as_nobody() else { return };
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let file = demo(dir.path(), "P.journee");
    let data = tempfile::tempdir().unwrap();
    fs::set_permissions(data.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let run = |args: &[&str]| {
        as_nobody()
            .unwrap()
            .arg(env!("CARGO_BIN_EXE_journee"))
            .args(args)
            .env("JOURNEE_DATA_DIR", data.path())
            .output()
            .unwrap()
    };
    Command::new("chown")
        .args(["65534:65534"])
        .arg(&file)
        .status()
        .unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    let info = run(&["info", arg(&file)]);
    assert!(info.status.success(), "{}", stderr(&info));
    let out = run(&["status", arg(&file), "1", "refusee"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("lecture seule"), "{}", stderr(&out));
    // Allowed again, it takes changes, whatever SQLite's files kept of the old mode.
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(&["status", arg(&file), "1", "refusee"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Text with what breaks outputs: control characters, a non-character, lone carriage
/// returns, and a 10 MB description.
#[test]
fn outputs_stay_well_formed_whatever_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path(), "P.journee");
    let hostile = "Titre\u{b}à\u{1b}[31mrisque\u{0}\u{fffe}\u{ffff} ; , \\ fin\r\nsuite\rencore";
    let long = "é".repeat(5_000_000);
    {
        let mut project = Project::open(&file).unwrap();
        let placed = project
            .sessions()
            .unwrap()
            .into_iter()
            .find(|s| s.placement.is_some())
            .unwrap();
        project
            .update_session(
                placed.id,
                SessionPatch {
                    title: Some(hostile.to_string()),
                    description: Some(format!("{hostile}\n{long}")),
                    ..Default::default()
                },
            )
            .unwrap();
        project.correct_submission(1, "title", hostile).unwrap();
    }
    let project = Project::open(&file).unwrap();

    let xml = project.export(Export::ScheduleXml).unwrap();
    let text = String::from_utf8(xml).unwrap();
    assert!(!text.chars().any(|c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
    }));
    let mut reader = quick_xml::Reader::from_str(&text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("schedule.xml is not well-formed: {e}"),
        }
    }
    assert!(text.contains("Titreà[31mrisque ; , \\ fin"));

    let ics = String::from_utf8(project.export(Export::Ics).unwrap()).unwrap();
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets", line.len());
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{line:?}"
        );
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:Titreà[31mrisque \\; \\, \\\\ fin\\nsuite\\nencore\r\n"),
        "{:?}",
        unfolded
            .lines()
            .filter(|l| l.starts_with("SUMMARY"))
            .collect::<Vec<_>>()
    );
    assert!(unfolded.contains(&"é".repeat(1000)));

    for export in [Export::Contributions, Export::Cese] {
        let book = project.export(export).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            if !name.ends_with(".xml") {
                continue;
            }
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut entry, &mut xml).unwrap();
            assert!(
                !xml.contains('\u{fffe}') && !xml.contains('\u{ffff}') && !xml.contains('\u{0}'),
                "{name}"
            );
            let mut reader = quick_xml::Reader::from_str(&xml);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{name} is not well-formed: {e}"),
                }
            }
        }
    }

    // The command line shows the text, never the escape sequences it holds.
    let out = journee(&["submissions", arg(&file)]);
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.contains("Titre\u{fffd}à\u{fffd}[31mrisque"),
        "{shown}"
    );
    assert!(!shown
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t'));
}

/// The backups of a project, as `journee backups --json` lists them: (file name, reason).
fn backups(file: &Path, data: &Path) -> Vec<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_journee"))
        .args(["backups", arg(file), "--json"])
        .env("JOURNEE_DATA_DIR", data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let path = PathBuf::from(b["path"].as_str().unwrap());
            // Every backup is one whole project file, nothing beside it.
            let conn = rusqlite::Connection::open(&path).unwrap();
            let check: String = conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(check, "ok");
            assert!(!PathBuf::from(format!("{}-wal", path.display())).exists());
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                b["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn backups_come_before_imports_and_restores_and_every_ten_minutes_of_edits() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let file = dir.path().join("P.journee");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_journee"))
            .args(args)
            .env("JOURNEE_DATA_DIR", data.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["demo", arg(&file)]);
    assert!(backups(&file, data.path()).is_empty());
    // The first edit of a project with no recent backup makes one; the next do not.
    run(&["status", arg(&file), "1", "refusee"]);
    run(&["status", arg(&file), "2", "refusee"]);
    let reasons =
        |list: Vec<(String, String)>| list.into_iter().map(|(_, r)| r).collect::<Vec<_>>();
    assert_eq!(reasons(backups(&file, data.path())), ["edits"]);
    // Ten minutes later, the next edit makes another.
    let first = &backups(&file, data.path())[0].0;
    let shelf = fs::read_dir(data.path().join("sauvegardes"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(11 * 60);
    fs::File::options()
        .write(true)
        .open(shelf.join(first))
        .unwrap()
        .set_modified(old)
        .unwrap();
    run(&["status", arg(&file), "3", "refusee"]);
    assert_eq!(reasons(backups(&file, data.path())), ["edits", "edits"]);
    let sheet = dir.path().join("appel.csv");
    fs::write(
        &sheet,
        "Nom;Prénom;Courriel;Titre de la contribution;Résumé\nDupont;Ana;ana@exemple.fr;Un titre;Un résumé\n",
    )
    .unwrap();
    run(&["import", arg(&file), arg(&sheet)]);
    assert_eq!(
        reasons(backups(&file, data.path())),
        ["import", "edits", "edits"]
    );
    let count = || statuses(&file).len();
    let imported = count();
    // Restoring the backup taken before the import takes the import away, as one step.
    let said = run(&["restore", arg(&file), "1"]);
    assert!(said.contains("Restauration de la sauvegarde du"), "{said}");
    assert_eq!(count(), imported - 1);
    assert_eq!(
        reasons(backups(&file, data.path())),
        ["restore", "import", "edits", "edits"]
    );
    run(&["undo", arg(&file)]);
    assert_eq!(count(), imported);
    run(&["redo", arg(&file)]);
    assert_eq!(count(), imported - 1);
    run(&["undo", arg(&file)]);
    assert_eq!(count(), imported);
    // The last twenty are kept.
    for _ in 0..20 {
        run(&["backup", arg(&file)]);
    }
    let kept = backups(&file, data.path());
    assert_eq!(kept.len(), 20);
    assert!(kept.iter().all(|(_, r)| r == "asked"));
    // A backup that is not there is said so.
    let out = Command::new(env!("CARGO_BIN_EXE_journee"))
        .args(["restore", arg(&file), "99"])
        .env("JOURNEE_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Aucune sauvegarde «\u{a0}99\u{a0}»"),
        "{}",
        stderr(&out)
    );
}
