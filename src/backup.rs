//! Automatic backups, as careful desktop tools keep them: a consistent copy of the
//! project (SQLite's online backup, never a file copy that could catch a write half-way)
//! before an import, before a workbook that came back is applied, before a restore, and
//! every ten minutes of edits. The last 20 of each project are kept in the user's data
//! folder, one folder per project, each file named by its time and reason.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Local, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::{EditError, Error, Result};

/// How many backups of one project are kept.
pub const KEEP: usize = 20;
/// Edits go on this long at most without a backup.
pub const EVERY: Duration = Duration::from_secs(10 * 60);

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "BackupReason")]
pub enum Reason {
    Import,
    ReturnedWorkbook,
    Restore,
    Edits,
    Asked,
}

impl Reason {
    const ALL: [Reason; 5] = [
        Reason::Import,
        Reason::ReturnedWorkbook,
        Reason::Restore,
        Reason::Edits,
        Reason::Asked,
    ];

    /// As written in the backup's file name.
    fn code(self) -> &'static str {
        match self {
            Reason::Import => "avant-import",
            Reason::ReturnedWorkbook => "avant-classeur",
            Reason::Restore => "avant-restauration",
            Reason::Edits => "modifications",
            Reason::Asked => "demandee",
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            Reason::Import => "avant un import",
            Reason::ReturnedWorkbook => "avant un classeur revenu",
            Reason::Restore => "avant une restauration",
            Reason::Edits => "au fil des modifications",
            Reason::Asked => "demandée",
        }
    }
}

/// One backup of a project.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Backup {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub taken_at: NaiveDateTime,
    pub reason: Reason,
    pub bytes: u64,
}

/// To the millisecond: backups taken in one second still sort in the order taken.
const TIME_FORMAT: &str = "%Y-%m-%d_%H-%M-%S%.3f";

/// The backups of one project: a folder of the user's backups, named after the project
/// and its place on disk (two projects called alike never share one).
#[derive(Debug, Clone)]
pub struct Shelf {
    dir: PathBuf,
}

impl Shelf {
    /// The shelf of the project at `project`, under the user's backup folder `root`.
    pub fn of(root: &Path, project: &Path) -> Shelf {
        let absolute = std::path::absolute(project).unwrap_or_else(|_| project.to_path_buf());
        let stem = project
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "projet".into());
        // A stable digest of where the project is (uuid v5 is SHA-1 based, and stays the
        // same from one version of Journée to the next).
        let place = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_URL,
            absolute.to_string_lossy().as_bytes(),
        );
        let short = &place.simple().to_string()[..8];
        Shelf {
            dir: root.join(format!("{stem}-{short}")),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The backups on the shelf, newest first.
    pub fn list(&self) -> Result<Vec<Backup>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(Error::Read {
                    path: self.dir.clone(),
                    source,
                })
            }
        };
        let mut found: Vec<Backup> = entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let (taken_at, reason) = parse_name(&name)?;
                Some(Backup {
                    path: entry.path(),
                    taken_at,
                    reason,
                    bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
                })
            })
            .collect();
        found.sort_by(|a, b| b.path.file_name().cmp(&a.path.file_name()));
        Ok(found)
    }

    /// When the newest backup was taken, as the file system dates it.
    pub fn newest(&self) -> Option<SystemTime> {
        let newest = self.list().ok()?.into_iter().next()?;
        fs::metadata(newest.path).ok()?.modified().ok()
    }

    /// Copies the database `conn` holds onto the shelf, then keeps the last `KEEP`.
    pub(crate) fn take(&self, conn: &Connection, reason: Reason) -> Result<Backup> {
        let io = |source| Error::Io {
            path: self.dir.clone(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(io)?;
        let now = Local::now().naive_local();
        let stamp = now.format(TIME_FORMAT).to_string();
        let mut path = self.dir.join(format!("{stamp}_{}.journee", reason.code()));
        let mut n = 2;
        while path.exists() {
            path = self
                .dir
                .join(format!("{stamp}_{}-{n}.journee", reason.code()));
            n += 1;
        }
        // Written under a temporary name, renamed once whole: a backup is complete or absent.
        let temp = self.dir.join(format!(
            ".{}.{}.tmp",
            path.file_name().unwrap().to_string_lossy(),
            std::process::id()
        ));
        let copied = (|| -> Result<()> {
            let mut target = Connection::open(&temp)?;
            copy_whole(conn, &mut target)?;
            // One file, whatever the project's journal mode: nothing beside it to lose.
            target.pragma_update(None, "journal_mode", "DELETE")?;
            target.close().map_err(|(_, e)| Error::from(e))?;
            fs::rename(&temp, &path).map_err(io)
        })();
        if let Err(e) = copied {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
        self.prune();
        let bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(Backup {
            path,
            taken_at: now,
            reason,
            bytes,
        })
    }

    /// Keeps the newest `KEEP` backups. Best effort: one that cannot be removed stays.
    fn prune(&self) {
        crate::output::remove_stale_temporaries(&self.dir);
        if let Ok(list) = self.list() {
            for old in list.into_iter().skip(KEEP) {
                let _ = fs::remove_file(old.path);
            }
        }
    }

    /// The backup called `name` on this shelf (a file name, or its number in `list`
    /// from 1), or the file at that path.
    pub fn find(&self, name: &str) -> Result<PathBuf> {
        if let Ok(n) = name.trim().parse::<usize>() {
            if let Some(backup) = self.list()?.into_iter().nth(n.wrapping_sub(1)) {
                return Ok(backup.path);
            }
        }
        let here = self.dir.join(name);
        if here.is_file() {
            return Ok(here);
        }
        let given = PathBuf::from(name);
        if given.is_file() {
            return Ok(given);
        }
        Err(EditError::UnknownBackup(name.to_string()).into())
    }
}

/// "2026-11-30_22-41-07.250_avant-import.journee" (or "…_avant-import-2.journee").
fn parse_name(name: &str) -> Option<(NaiveDateTime, Reason)> {
    let body = name.strip_suffix(".journee")?;
    let (stamp, rest) = body.split_at_checked(23)?;
    let taken_at = NaiveDateTime::parse_from_str(stamp, TIME_FORMAT).ok()?;
    let code = rest.strip_prefix('_')?;
    let reason = Reason::ALL.into_iter().find(|r| {
        code == r.code()
            || code
                .strip_prefix(r.code())
                .and_then(|n| n.strip_prefix('-'))
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    })?;
    Some((taken_at, reason))
}

/// Copies the project in the backup at `from` over the database `conn` holds, in one
/// step of SQLite's: readers see the project before or after, never half of it.
pub(crate) fn copy_into(from: &Path, conn: &mut Connection) -> Result<()> {
    let source = Connection::open_with_flags(
        from,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let id: i64 = source
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_a_backup(from))?;
    if id != crate::store::APPLICATION_ID {
        return Err(not_a_backup(from));
    }
    copy_whole(&source, conn)
}

/// SQLite's online backup of `from` into `to`, every page in one step: the copy is one
/// consistent state of `from`, and whoever reads `to` sees it before or after.
fn copy_whole(from: &Connection, to: &mut Connection) -> Result<()> {
    use rusqlite::backup::StepResult;
    let backup = rusqlite::backup::Backup::new(from, to)?;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => continue,
            // Another writer holds the project (SQLite's busy wait is not applied to
            // backups), or a result this version of SQLite did not have: said, not looped on.
            _ => {
                return Err(Error::Storage {
                    trouble: crate::Trouble::Busy,
                    detail: "sauvegarde".into(),
                })
            }
        }
    }
}

/// A restore as a step of the project's history: undoing it puts back the backup taken
/// just before it, redoing it restores the same backup again.
#[derive(Debug, Serialize, serde::Deserialize)]
pub(crate) struct RestoreStep {
    pub restore_from: PathBuf,
}

impl crate::Project {
    /// Puts the project back as it was in the backup `name` (see `find_backup`), after
    /// backing up its present state: one step of the history, that undo takes back.
    /// Returns the step's label.
    pub fn restore(&mut self, name: &str) -> Result<String> {
        let from = self.find_backup(name)?;
        let when = parse_name(&from.file_name().unwrap_or_default().to_string_lossy())
            .map(|(at, _)| format!("{}{}", crate::words::date_time(at), at.format(":%S")))
            .unwrap_or_else(|| from.display().to_string());
        self.writable()?;
        let before = self.back_up(Reason::Restore)?.ok_or(EditError::NoBackups)?;
        self.put_back(&from)?;
        let label = format!("Restauration de la sauvegarde du {when}");
        let undo = RestoreStep {
            restore_from: before.path,
        };
        let redo = RestoreStep { restore_from: from };
        let tx = self.conn.transaction()?;
        crate::history::record_step(&tx, &label, &undo, &redo, false)?;
        tx.commit()?;
        Ok(label)
    }

    /// Undoes or redoes a restore: puts back `apply` (the entry's undo side when
    /// `undoing`, its redo side otherwise), and keeps the entry, undone or not, in the
    /// history of the project as it now is.
    pub(crate) fn replay_restore(
        &mut self,
        label: &str,
        apply: &RestoreStep,
        other: &RestoreStep,
        undoing: bool,
    ) -> Result<()> {
        self.writable()?;
        self.put_back(&apply.restore_from)?;
        let tx = self.conn.transaction()?;
        // The history is now the one of the project put back: the step goes on top of it.
        let (undo, redo) = if undoing {
            (apply, other)
        } else {
            (other, apply)
        };
        crate::history::record_step(&tx, label, undo, redo, undoing)?;
        tx.commit()?;
        Ok(())
    }

    fn put_back(&mut self, from: &Path) -> Result<()> {
        if !from.is_file() {
            return Err(EditError::UnknownBackup(from.display().to_string()).into());
        }
        copy_into(from, &mut self.conn)?;
        // A backup from before an update of Journée is brought up to date.
        crate::store::migrate(&mut self.conn)
    }
}

fn not_a_backup(path: &Path) -> Error {
    Error::NotAProject {
        path: path.to_path_buf(),
        detail: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_when_and_why() {
        let (at, reason) = parse_name("2026-11-30_22-41-07.250_avant-import.journee").unwrap();
        assert_eq!(at.to_string(), "2026-11-30 22:41:07.250");
        assert_eq!(reason, Reason::Import);
        let (_, reason) = parse_name("2026-11-30_22-41-07.003_modifications-3.journee").unwrap();
        assert_eq!(reason, Reason::Edits);
        assert!(parse_name("2026-11-30_22-41-07.003_autre.journee").is_none());
        assert!(parse_name("notes.journee").is_none());
        assert!(parse_name(".2026-11-30_22-41-07.003_demandee.journee.12.tmp").is_none());
    }

    #[test]
    fn two_projects_called_alike_have_two_shelves() {
        let root = Path::new("/sauvegardes");
        let a = Shelf::of(root, Path::new("/un/projet.journee"));
        let b = Shelf::of(root, Path::new("/deux/projet.journee"));
        assert_ne!(a.dir(), b.dir());
        assert!(a
            .dir()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("projet-"));
        assert_eq!(
            a.dir(),
            Shelf::of(root, Path::new("/un/projet.journee")).dir()
        );
    }
}
