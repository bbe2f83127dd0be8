//! The project file: a SQLite database that identifies itself as Journée's
//! (`PRAGMA application_id`) and carries its schema version (`PRAGMA user_version`).
//!
//! Opening checks both before anything is written, so a file that is not ours, or
//! comes from a newer Journée, is left byte for byte as it was.

mod codes;
mod day;
mod imports;
mod journal;
mod migrations;
mod people;
mod seats;
mod sessions;
mod settings;
pub(crate) mod snapshot;
mod submissions;
mod versions;

pub(crate) use day::*;
pub(crate) use imports::*;
pub(crate) use journal::*;
pub use migrations::SCHEMA_VERSION;
pub(crate) use people::*;
pub(crate) use seats::*;
pub(crate) use sessions::*;
pub(crate) use settings::*;
pub(crate) use submissions::*;
pub(crate) use versions::*;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction};

use crate::error::{Error, Result, Trouble};

/// A table an edit may name a row of, checked by the compiler rather than spelled.
#[derive(Debug, Clone, Copy, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub(crate) enum Table {
    Rooms,
    Slots,
    Submissions,
    People,
}

/// Whether `table` has a row numbered `id`.
pub(crate) fn row_exists(conn: &Connection, table: Table, id: i64) -> Result<bool> {
    let table: &str = table.into();
    Ok(conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?)
}

/// "JRNE" in ASCII: how a Journée project file tells itself apart from any other SQLite file.
pub const APPLICATION_ID: i64 = 0x4A52_4E45;
/// The page size of new projects. Larger pages than SQLite's 4 KiB mean fewer frames to
/// write and copy when a large import commits (a tenth off it, see bench/README.md); a
/// project is small either way. Projects made before keep theirs: in WAL mode the page
/// size is fixed once the file exists.
const PAGE_SIZE: i64 = 16_384;
/// How long a write waits for another writer (the app, a command) to finish before the
/// organiser is told the project is busy.
pub const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Brings the database `conn` holds to the current schema (a project put back from an
/// older backup).
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrations::migrate(conn)
}

/// An open project file, and whether it can be written.
pub struct Opened {
    pub conn: Connection,
    /// Why it is read and never written, when it is: write-protected (the file, its
    /// folder or its disk), or a disk so full that SQLite could not set up its writing.
    pub read_only: Option<(Trouble, String)>,
}

/// The ways a project is opened, tried in turn: for writing; for reading only (the
/// file is protected); as an unchanging file (its folder or disk is protected too, so
/// SQLite cannot even create the files it shares with other readers).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadWrite,
    ReadOnly,
    Immutable,
}

/// Opens an existing project, migrating it to the current schema; read only when it
/// cannot be written (nothing is written to it then).
pub fn open(path: &Path) -> Result<Opened> {
    if !path.is_file() {
        return Err(Error::FileNotFound(path.to_path_buf()));
    }
    if let Err(e) = follow_file_mode(path) {
        // Not fatal: SQLite says read-only below if the shared-memory file stays so.
        log_ignored("mode des fichiers -wal et -shm", &e);
    }
    let mut refused: Option<Error> = None;
    for access in [Access::ReadWrite, Access::ReadOnly, Access::Immutable] {
        match open_as(path, access) {
            Ok(mut opened) => {
                // Opened for reading because writing was refused: the refusal is the reason.
                if let (Some(_), Some(Error::Storage { trouble, detail })) =
                    (&opened.read_only, &refused)
                {
                    let trouble = match trouble {
                        // SQLite only says its shared memory could not be set up: the
                        // folder tells why.
                        Trouble::Unreachable => why_unwritable(path).unwrap_or(*trouble),
                        Trouble::DiskFull => Trouble::DiskFull,
                        _ => Trouble::ReadOnly,
                    };
                    opened.read_only = Some((trouble, detail.clone()));
                }
                return Ok(opened);
            }
            // The file or its disk refused: the next, more modest way may work.
            Err(e @ Error::Storage { .. }) => {
                refused.get_or_insert(e);
            }
            Err(e) => return Err(e),
        }
    }
    Err(refused.expect("at least one way of opening was tried"))
}

fn open_as(path: &Path, access: Access) -> Result<Opened> {
    // No mutex on the connection: a `Connection` is never used by two threads at once
    // (Rust will not let it), and SQLite's locking cost a tenth of a large import.
    let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = match access {
        Access::ReadWrite => {
            Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_WRITE)?
        }
        Access::ReadOnly => {
            Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_ONLY)?
        }
        Access::Immutable => Connection::open_with_flags(
            immutable_uri(path),
            flags | OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )?,
    };
    conn.busy_timeout(BUSY_WAIT)?;
    // Reading the header is the first thing that touches the file: a file that is not
    // SQLite at all fails here, with nothing written.
    let not_a_project = || Error::NotAProject {
        path: path.to_path_buf(),
        detail: String::new(),
    };
    let application_id: i64 = match conn.pragma_query_value(None, "application_id", |r| r.get(0)) {
        Ok(id) => id,
        Err(e) => match Error::from(e) {
            Error::Storage {
                trouble: Trouble::Damaged,
                ..
            } => return Err(not_a_project()),
            other => return Err(other),
        },
    };
    if application_id != APPLICATION_ID {
        return Err(not_a_project());
    }
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerVersion {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let read_only = access != Access::ReadWrite || conn.is_readonly(rusqlite::MAIN_DB)?;
    if read_only {
        let read_only = Some((Trouble::ReadOnly, "fichier protégé en écriture".to_string()));
        if found < SCHEMA_VERSION {
            // Bringing it up to date means writing to it.
            return Err(Error::Storage {
                trouble: Trouble::ReadOnly,
                detail: format!("le projet est au schéma {found}, à mettre à jour"),
            });
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        return Ok(Opened { conn, read_only });
    }
    configure(&mut conn)?;
    migrations::migrate(&mut conn)?;
    Ok(Opened {
        conn,
        read_only: None,
    })
}

/// `file:` URI opening `path` as a file nobody changes while it is open (no locks, no
/// shared memory): what SQLite offers for a database on a read-only disk.
fn immutable_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for byte in absolute.to_string_lossy().bytes() {
        match byte {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{byte:02X}")),
            b'\\' => uri.push('/'),
            _ => uri.push(byte as char),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// SQLite's files beside a project (`-wal`, `-shm`) take the project's mode when made,
/// and outlive a read-only opening: once the organiser makes the project writable
/// again, they would keep it read-only. They take the project's mode again here.
fn follow_file_mode(path: &Path) -> std::io::Result<()> {
    let Ok(project) = fs::metadata(path) else {
        return Ok(());
    };
    if project.permissions().readonly() {
        return Ok(());
    }
    for suffix in ["-wal", "-shm"] {
        let beside = sidecar(path, suffix);
        if fs::metadata(&beside).is_ok_and(|m| m.permissions().readonly()) {
            fs::set_permissions(&beside, project.permissions())?;
        }
    }
    Ok(())
}

/// Why nothing can be written beside `path`, found by writing a little there.
fn why_unwritable(path: &Path) -> Option<Trouble> {
    use std::io::ErrorKind as K;
    let probe = sidecar(path, &format!(".essai-{}", std::process::id()));
    let written = fs::write(&probe, vec![0u8; 64 * 1024]);
    let _ = fs::remove_file(&probe);
    match written.err()?.kind() {
        K::StorageFull | K::QuotaExceeded => Some(Trouble::DiskFull),
        K::ReadOnlyFilesystem | K::PermissionDenied => Some(Trouble::ReadOnly),
        _ => None,
    }
}

fn log_ignored(what: &str, e: &std::io::Error) {
    if std::env::var_os("JOURNEE_DEBUG").is_some() {
        eprintln!("journee : {what} non rétabli ({e})");
    }
}

/// `path` with `suffix` added to its name ("-wal", "-shm").
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates a new project at `path` and fills it with `fill`, all or nothing.
///
/// The file is built beside its destination under a temporary name and renamed into
/// place only when complete, so an interrupted creation never leaves half a project.
/// With `overwrite`, an existing file at `path` is replaced (the save dialog asked).
pub fn create(
    path: &Path,
    overwrite: bool,
    fill: impl FnOnce(&Transaction) -> Result<()>,
) -> Result<Opened> {
    if path.exists() && !overwrite {
        return Err(Error::FileExists(path.to_path_buf()));
    }
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let temp = temp_path(path);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::output::remove_stale_temporaries(dir);
    }
    remove_with_sidecars(&temp).map_err(io)?;
    let built = (|| -> Result<()> {
        let mut conn = Connection::open(&temp).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(_, _) => Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            },
            other => Error::Database(other),
        })?;
        // Before anything is written: the first write fixes the page size.
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        configure(&mut conn)?;
        migrations::migrate(&mut conn)?;
        let tx = conn.transaction()?;
        fill(&tx)?;
        tx.commit()?;
        // Closing checkpoints the WAL into the main file, so the rename moves everything.
        conn.close().map_err(|(_, e)| Error::from(e))?;
        Ok(())
    })();
    if let Err(e) = built {
        let _ = remove_with_sidecars(&temp);
        return Err(e);
    }
    remove_with_sidecars(path).map_err(io)?;
    fs::rename(&temp, path).map_err(io)?;
    open(path)
}

fn configure(conn: &mut Connection) -> Result<()> {
    // Before anything that takes a lock: another writer is waited for, not refused.
    conn.busy_timeout(BUSY_WAIT)?;
    // A write transaction takes the write lock as it begins, when waiting for it is still
    // possible; begun as a read, it would be refused outright when it comes to write.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL keeps readers off writers' backs; FULL makes a committed change survive a power cut.
    conn.pragma_update(None, "synchronous", "FULL")?;
    // 32 MiB of page cache: a large import stays in memory until its commit.
    conn.pragma_update(None, "cache_size", -32_000)?;
    Ok(())
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "projet".into());
    path.with_file_name(format!(".{name}.creation-{}", std::process::id()))
}

fn remove_with_sidecars(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        match fs::remove_file(sidecar(path, suffix)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
