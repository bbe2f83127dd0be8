//! The list of recently opened projects, most recent first, kept as a small JSON file in
//! the app's configuration folder. The first entry is the project that reopens at start.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const FILE_NAME: &str = "recent.json";
const KEEP: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentProjects {
    pub paths: Vec<PathBuf>,
}

impl RecentProjects {
    /// Reads the list from `dir`; a missing or damaged list is an empty one (it is only a
    /// convenience, never worth refusing to start over).
    pub fn load(dir: &Path) -> RecentProjects {
        fs::read(dir.join(FILE_NAME))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Writes the list to `dir`, through a temporary file so a crash leaves the old list.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        fs::create_dir_all(dir)?;
        let temp = dir.join(format!("{FILE_NAME}.tmp"));
        fs::write(&temp, serde_json::to_vec_pretty(self)?)?;
        fs::rename(temp, dir.join(FILE_NAME))
    }

    /// Puts `path` first, without duplicates, keeping the ten most recent.
    pub fn push(&mut self, path: &Path) {
        let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(KEEP);
    }

    pub fn remove(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
    }

    /// The entries whose file still exists.
    pub fn existing(&self) -> Vec<PathBuf> {
        self.paths.iter().filter(|p| p.is_file()).cloned().collect()
    }
}

/// What the start screen says of a recent project: its event's title and when the file
/// last changed. Read without opening the project (no migration, no lock held), and
/// `None` for what cannot be read: the entry stays, with its file name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Summary {
    pub title: Option<String>,
    /// Local time, « 2019-03-12T18:34:00 ».
    pub modified: Option<String>,
}

pub fn summary(path: &Path) -> Summary {
    let title = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|conn| conn.query_row("SELECT title FROM event WHERE id = 1", [], |r| r.get(0)))
    .ok();
    // The write-ahead log holds the changes not yet folded into the file.
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let modified = [path, Path::new(&wal)]
        .iter()
        .filter_map(|p| fs::metadata(p).and_then(|m| m.modified()).ok())
        .max()
        .map(|t| {
            chrono::DateTime::<chrono::Local>::from(t)
                .naive_local()
                .format("%Y-%m-%dT%H:%M:%S")
                .to_string()
        });
    Summary { title, modified }
}
