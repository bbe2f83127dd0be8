use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rusqlite::{Connection, Transaction};

use crate::backup::{self, Backup, Reason, Shelf};
use crate::error::{EditError, Error, Result, Trouble};
use crate::model::{Day, RoomGroup};
use crate::store;
use crate::template::Template;

/// An open project file. Every change goes through one of its methods, each in one
/// transaction: when a method returns, the change is on disk, or nothing changed.
pub struct Project {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Why the project cannot be written, when it cannot.
    read_only: Option<(Trouble, String)>,
    /// The file as it was opened: a file removed or replaced under us is noticed.
    identity: Option<FileIdentity>,
    /// Where automatic backups go, once asked for (`keep_backups_in`), and when the
    /// last one was taken.
    backups: Option<Shelf>,
    last_backup: Option<SystemTime>,
    /// SQLite's count of changes made by other connections, when last asked.
    data_version: Option<i64>,
}

/// A project's file as it was opened.
pub(crate) struct OpenedFile {
    path: PathBuf,
    identity: Option<FileIdentity>,
}

impl OpenedFile {
    pub(crate) fn still_there(&self) -> Result<()> {
        if self.identity.is_some() && FileIdentity::of(&self.path) != self.identity {
            return Err(Error::Storage {
                trouble: Trouble::Unreachable,
                detail: format!(
                    "le fichier «\u{a0}{}\u{a0}» a été déplacé ou supprimé",
                    self.path.display()
                ),
            });
        }
        Ok(())
    }
}

/// What tells one file from another at the same path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileIdentity {
    device: u64,
    inode: u64,
}

impl FileIdentity {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<FileIdentity> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        Some(FileIdentity {
            device: meta.dev(),
            inode: meta.ino(),
        })
    }

    /// The volume's serial number and the file's index, which NTFS keeps for the file's
    /// life, as the inode on Unix.
    #[cfg(windows)]
    fn of(path: &Path) -> Option<FileIdentity> {
        use std::os::windows::io::AsRawHandle;
        use windows_sys::Win32::Storage::FileSystem::{
            GetFileInformationByHandle, BY_HANDLE_FILE_INFORMATION,
        };
        let file = std::fs::File::open(path).ok()?;
        // SAFETY: the handle is the open file's; the structure is ours, zeroed, written
        // by the call.
        let info = unsafe {
            let mut info: BY_HANDLE_FILE_INFORMATION = std::mem::zeroed();
            if GetFileInformationByHandle(file.as_raw_handle(), &mut info) == 0 {
                return None;
            }
            info
        };
        Some(FileIdentity {
            device: u64::from(info.dwVolumeSerialNumber),
            inode: (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow),
        })
    }

    #[cfg(not(any(unix, windows)))]
    fn of(path: &Path) -> Option<FileIdentity> {
        // Without file numbers on this system, only the file's presence is checked.
        std::fs::metadata(path).ok().map(|_| FileIdentity {
            device: 0,
            inode: 0,
        })
    }
}

impl Project {
    /// Creates a project from a template. Refuses to replace an existing file unless
    /// `overwrite` (the save dialog already asked the organiser).
    pub fn create(path: &Path, template: Template, overwrite: bool) -> Result<Project> {
        let opened = store::create(path, overwrite, |tx| template.apply(tx))?;
        Ok(Project::from_opened(opened, path))
    }

    /// Opens an existing project, upgrading its schema if it comes from an older Journée.
    pub fn open(path: &Path) -> Result<Project> {
        Ok(Project::from_opened(store::open(path)?, path))
    }

    fn from_opened(opened: store::Opened, path: &Path) -> Project {
        // What the project is as opened: changes by others are counted from here.
        let data_version = opened
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .ok();
        Project {
            conn: opened.conn,
            path: path.to_path_buf(),
            read_only: opened.read_only,
            identity: FileIdentity::of(path),
            backups: None,
            last_backup: None,
            data_version,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file, its folder or its disk is write-protected: the project is read and
    /// exported, and every change is refused (`Trouble::ReadOnly`).
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Why the project cannot be written (`Trouble::ReadOnly`, or `DiskFull` when the
    /// disk had no room even for SQLite's shared memory), when it cannot.
    pub fn read_only_reason(&self) -> Option<Trouble> {
        self.read_only.as_ref().map(|(trouble, _)| *trouble)
    }

    /// What to tell the organiser, for as long as the project is open, about why it cannot
    /// be changed (a window's banner); None when it can.
    pub fn read_only_notice(&self) -> Option<&'static str> {
        Some(match self.read_only_reason()? {
            Trouble::DiskFull => {
                "Le disque du projet est plein\u{a0}: le projet se consulte et s'exporte, mais ne \
                 se modifie pas. Libérez de la place, puis rouvrez-le"
            }
            Trouble::ReadOnly => {
                "Projet en lecture seule (fichier, dossier ou disque protégé en écriture)\u{a0}: \
                 il se consulte et s'exporte, mais ne se modifie pas. Pour le modifier, copiez-le \
                 dans un dossier où vous pouvez écrire"
            }
            _ => {
                "Le disque du projet ne permet pas d'y écrire\u{a0}: le projet se consulte et \
                 s'exporte, mais ne se modifie pas"
            }
        })
    }

    /// Begins a change: one transaction, holding the write lock from the start. A
    /// project that cannot be written says why here, before anything is attempted; one
    /// edited for `backup::EVERY` since its last backup gets one first.
    pub(crate) fn begin(&mut self) -> Result<Transaction<'_>> {
        self.writable()?;
        let due = self.last_backup.is_none_or(|at| {
            SystemTime::now()
                .duration_since(at)
                .is_ok_and(|age| age >= backup::EVERY)
        });
        if self.backups.is_some() && due {
            self.back_up(Reason::Edits)?;
        }
        Ok(self.conn.transaction()?)
    }

    /// Whether another program (the command line, another window) committed a change to
    /// the project since the last time this was asked: what is shown is then stale.
    pub fn changed_elsewhere(&mut self) -> Result<bool> {
        let now: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        let changed = self.data_version.is_some_and(|seen| seen != now);
        self.data_version = Some(now);
        Ok(changed)
    }

    /// Fails, saying why, when the project cannot be written now.
    pub(crate) fn writable(&self) -> Result<()> {
        if let Some((trouble, detail)) = &self.read_only {
            return Err(Error::Storage {
                trouble: *trouble,
                detail: detail.clone(),
            });
        }
        self.still_there()
    }

    /// Keeps automatic backups of this project on its shelf under `root` (the user's
    /// backup folder): before imports, returned workbooks and restores, and every ten
    /// minutes of edits.
    pub fn keep_backups_in(&mut self, root: &Path) {
        let shelf = Shelf::of(root, &self.path);
        self.last_backup = shelf.newest();
        self.backups = Some(shelf);
    }

    /// Where this project's backups go, when they are kept.
    pub fn backup_dir(&self) -> Option<&Path> {
        self.backups.as_ref().map(Shelf::dir)
    }

    /// This project's backups, newest first (none when backups are not kept).
    pub fn backups(&self) -> Result<Vec<Backup>> {
        match &self.backups {
            Some(shelf) => shelf.list(),
            None => Ok(Vec::new()),
        }
    }

    /// Takes a backup now, when backups are kept; says where it went.
    pub fn back_up(&mut self, reason: Reason) -> Result<Option<Backup>> {
        let Some(shelf) = &self.backups else {
            return Ok(None);
        };
        let taken = shelf.take(&self.conn, reason)?;
        self.last_backup = Some(SystemTime::now());
        Ok(Some(taken))
    }

    /// The backup `name` of this project: its number in `backups` (from 1), its file
    /// name, or a path.
    pub fn find_backup(&self, name: &str) -> Result<PathBuf> {
        self.backups
            .as_ref()
            .ok_or(EditError::NoBackups)?
            .find(name)
    }

    /// Fails when the project's file was removed, moved or replaced since it was opened:
    /// what is written then goes to a file nobody will find again.
    pub(crate) fn still_there(&self) -> Result<()> {
        self.file().still_there()
    }

    /// The project's file as opened, to check it is still there while a change holds
    /// the project.
    pub(crate) fn file(&self) -> OpenedFile {
        OpenedFile {
            path: self.path.clone(),
            identity: self.identity,
        }
    }

    /// The day as the grid shows it: rooms grouped by kind, in the organisers' order
    /// within each kind; slots in time order.
    pub fn day(&self) -> Result<Day> {
        let mut rooms = store::read_rooms(&self.conn)?;
        rooms.sort_by_key(|r| (r.kind, r.position));
        let mut groups: Vec<RoomGroup> = Vec::new();
        for room in &rooms {
            match groups.last_mut() {
                Some(group) if group.kind == room.kind => group.rooms += 1,
                _ => groups.push(RoomGroup {
                    kind: room.kind,
                    rooms: 1,
                }),
            }
        }
        Ok(Day {
            event: store::read_event(&self.conn)?,
            tracks: store::read_tracks(&self.conn)?,
            groups,
            rooms,
            slots: store::read_slots(&self.conn)?,
            placements: store::read_placements(&self.conn)?,
        })
    }
}
