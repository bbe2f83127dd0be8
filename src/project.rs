use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::Result;
use crate::model::{Day, RoomGroup};
use crate::store;
use crate::template::Template;

/// An open project file. Every change goes through one of its methods, each in one
/// transaction: when a method returns, the change is on disk, or nothing changed.
pub struct Project {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Project {
    /// Creates a project from a template. Refuses to replace an existing file unless
    /// `overwrite` (the save dialog already asked the organiser).
    pub fn create(path: &Path, template: Template, overwrite: bool) -> Result<Project> {
        let conn = store::create(path, overwrite, |tx| template.apply(tx))?;
        Ok(Project {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing project, upgrading its schema if it comes from an older Journée.
    pub fn open(path: &Path) -> Result<Project> {
        let conn = store::open(path)?;
        Ok(Project {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
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
