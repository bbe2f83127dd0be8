//! The project file: a SQLite database that identifies itself as Journée's
//! (`PRAGMA application_id`) and carries its schema version (`PRAGMA user_version`).
//!
//! Opening checks both before anything is written, so a file that is not ours, or
//! comes from a newer Journée, is left byte for byte as it was.

mod day;
mod migrations;
mod people;
mod programme;
mod submissions;

pub(crate) use day::*;
pub use migrations::SCHEMA_VERSION;
pub(crate) use people::*;
pub(crate) use programme::*;
pub(crate) use submissions::*;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction};

use crate::error::{Error, Result};

/// "JRNE" in ASCII: how a Journée project file tells itself apart from any other SQLite file.
pub const APPLICATION_ID: i64 = 0x4A52_4E45;
/// The page size of new projects. Larger pages than SQLite's 4 KiB mean fewer frames to
/// write and copy when a large import commits (a tenth off it, see bench/README.md); a
/// project is small either way. Projects made before keep theirs: in WAL mode the page
/// size is fixed once the file exists.
const PAGE_SIZE: i64 = 16_384;

/// Opens an existing project, migrating it to the current schema.
pub fn open(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::FileNotFound(path.to_path_buf()));
    }
    let not_a_project = |detail: String| Error::NotAProject {
        path: path.to_path_buf(),
        detail,
    };
    // No mutex on the connection: a `Connection` is never used by two threads at once
    // (Rust will not let it), and SQLite's locking cost a tenth of a large import.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn =
        Connection::open_with_flags(path, flags).map_err(|e| not_a_project(e.to_string()))?;
    // Reading the header is the first thing that touches the file: a file that is not
    // SQLite at all fails here, with nothing written.
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|_| not_a_project(String::new()))?;
    if application_id != APPLICATION_ID {
        return Err(not_a_project(String::new()));
    }
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerVersion {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let mut conn = conn;
    configure(&conn)?;
    migrations::migrate(&mut conn)?;
    Ok(conn)
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
) -> Result<Connection> {
    if path.exists() && !overwrite {
        return Err(Error::FileExists(path.to_path_buf()));
    }
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let temp = temp_path(path);
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
        configure(&conn)?;
        migrations::migrate(&mut conn)?;
        let tx = conn.transaction()?;
        fill(&tx)?;
        tx.commit()?;
        // Closing checkpoints the WAL into the main file, so the rename moves everything.
        conn.close().map_err(|(_, e)| Error::Database(e))?;
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

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL keeps readers off writers' backs; FULL makes a committed change survive a power cut.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
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
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match fs::remove_file(PathBuf::from(name)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
