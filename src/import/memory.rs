//! The column mappings the organisers confirmed, remembered across projects: next year's
//! export of the same form maps itself. Kept as a small JSON file in the user's data
//! folder (the app's and the CLI's), shared with a co-organiser by exporting it.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::layout::Target;
use super::ListKind;

pub use crate::user_data::data_dir;

const FILE_NAME: &str = "correspondances.json";

/// One confirmed mapping: for a file with these headers, these targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remembered {
    /// The headers, normalised (`Layout::headers_key`).
    pub headers: String,
    pub kind: ListKind,
    pub targets: Vec<Target>,
    /// The file it was confirmed on, and when: what the organisers recognise.
    pub file: String,
    pub saved_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MappingBook {
    pub mappings: Vec<Remembered>,
}

/// Why a book of mappings could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("Impossible de lire «\u{a0}{}\u{a0}»\u{a0}: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("«\u{a0}{}\u{a0}» n'est pas un fichier de correspondances de Journée ({detail})", .path.display())]
    NotABook { path: PathBuf, detail: String },
    #[error("Impossible d'écrire «\u{a0}{}\u{a0}»\u{a0}: {source}", .path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where the book lives in a data folder.
pub fn book_path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

impl MappingBook {
    /// The book at `path`; none yet is an empty book.
    pub fn load(path: &Path) -> Result<MappingBook, BookError> {
        match fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| BookError::NotABook {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(MappingBook::default()),
            Err(source) => Err(BookError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Writes the book through a temporary file: a crash leaves the old one.
    pub fn save(&self, path: &Path) -> Result<(), BookError> {
        let write = |source| BookError::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(write)?;
        }
        let temp = path.with_extension("json.tmp");
        let text = serde_json::to_vec_pretty(self).expect("the book serialises");
        fs::write(&temp, text).map_err(write)?;
        fs::rename(&temp, path).map_err(write)
    }

    pub fn find(&self, headers: &str) -> Option<&Remembered> {
        self.mappings.iter().find(|m| m.headers == headers)
    }

    /// Remembers `mapping`, replacing any for the same headers.
    pub fn remember(&mut self, mapping: Remembered) {
        self.mappings.retain(|m| m.headers != mapping.headers);
        self.mappings.push(mapping);
    }

    /// Adds the book in `file` (a co-organiser's) to the one at `path`, and saves it;
    /// returns how many mappings came in.
    pub fn add_file(path: &Path, file: &Path) -> Result<usize, BookError> {
        if !file.is_file() {
            return Err(BookError::Read {
                path: file.to_path_buf(),
                source: std::io::ErrorKind::NotFound.into(),
            });
        }
        let theirs = MappingBook::load(file)?;
        let mut book = MappingBook::load(path)?;
        let added = book.merge(theirs);
        book.save(path)?;
        Ok(added)
    }

    /// Adds what `other` has (a co-organiser's book); theirs wins for the same headers.
    /// Returns how many mappings came in.
    pub fn merge(&mut self, other: MappingBook) -> usize {
        let count = other.mappings.len();
        for mapping in other.mappings {
            self.remember(mapping);
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Field;

    #[test]
    fn a_book_is_saved_read_and_merged() {
        let dir = tempfile::tempdir().unwrap();
        let path = book_path(dir.path());
        assert_eq!(MappingBook::load(&path).unwrap(), MappingBook::default());
        let mut book = MappingBook::default();
        let mapping = |headers: &str, field| Remembered {
            headers: headers.into(),
            kind: ListKind::Submissions,
            targets: vec![Target::Field { field }],
            file: "export.csv".into(),
            saved_at: "2026-11-30T20:00:00+01:00".into(),
        };
        book.remember(mapping("/titre", Field::Title));
        book.remember(mapping("/titre", Field::Summary));
        assert_eq!(book.mappings.len(), 1);
        book.save(&path).unwrap();
        let mut other = MappingBook::default();
        other.remember(mapping("/sujet", Field::Title));
        assert_eq!(other.merge(MappingBook::load(&path).unwrap()), 1);
        assert_eq!(other.mappings.len(), 2);
        fs::write(&path, "pas du json").unwrap();
        let err = MappingBook::load(&path).unwrap_err().to_string();
        assert!(
            err.contains("n'est pas un fichier de correspondances"),
            "{err}"
        );
    }
}
