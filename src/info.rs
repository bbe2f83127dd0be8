//! What `journee info` reports: the day and a count of everything in the project.
//! Its JSON form is a stable interface (documented in README.md): add fields, never
//! rename or remove one.

use serde::Serialize;

use crate::error::Result;
use crate::model::{Event, Room, Slot, Track};
use crate::store;
use crate::Project;

/// Version of the `--json` layout, bumped only for a change that breaks readers.
pub const INFO_FORMAT: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Info {
    pub format: u32,
    pub file: String,
    pub schema_version: i64,
    pub event: Event,
    pub tracks: Vec<Track>,
    pub rooms: Vec<Room>,
    pub slots: Vec<Slot>,
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Counts {
    pub tracks: i64,
    pub rooms: i64,
    pub slots: i64,
    pub people: i64,
    pub submissions: i64,
    pub sessions: i64,
    pub placements: i64,
    pub imports: i64,
    pub versions: i64,
}

impl Project {
    /// How many of each thing the project holds.
    pub fn counts(&self) -> Result<Counts> {
        let conn = &self.conn;
        Ok(Counts {
            tracks: store::count(conn, "tracks")?,
            rooms: store::count(conn, "rooms")?,
            slots: store::count(conn, "slots")?,
            people: store::count(conn, "people")?,
            submissions: store::count(conn, "submissions")?,
            sessions: store::count(conn, "sessions")?,
            placements: store::count(conn, "placements")?,
            imports: store::count(conn, "imports")?,
            versions: store::count(conn, "versions")?,
        })
    }

    pub fn info(&self) -> Result<Info> {
        let day = self.day()?;
        Ok(Info {
            format: INFO_FORMAT,
            file: self.path().display().to_string(),
            schema_version: store::SCHEMA_VERSION,
            counts: self.counts()?,
            event: day.event,
            tracks: day.tracks,
            rooms: day.rooms,
            slots: day.slots,
        })
    }
}
