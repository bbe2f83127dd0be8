//! What the organisers share: workbooks for the venue and for each other (`cese`,
//! `contributions`, written by `sheet`), calendars (`calendar`), the conference-app feeds
//! (`schedule`) and the mail-merge list (`mailing`). Each export is a function of the
//! project to bytes; `output::write_atomically` puts them on disk.

mod calendar;
mod cese;
mod contributions;
mod mailing;
mod paperwork;
pub(crate) mod returned;
pub use returned::Returned;
mod schedule;
pub mod sheet;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{Day, Room, Slot};
use crate::programme::SessionView;
use crate::Project;

/// The exports, by the names the command line and the app use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Export {
    /// "Pack CESE": programme grid, rooms, speakers, tables, badges, catering.
    Cese,
    /// Every submission with its review.
    Contributions,
    /// iCalendar, one event per placed session.
    Ics,
    /// frab / pretalx / c3voc schedule.xml.
    ScheduleXml,
    /// The same schedule as JSON.
    ScheduleJson,
    /// One row per contributor for acceptance and refusal letters.
    Mailing,
}

impl Export {
    pub const ALL: [Export; 6] = [
        Export::Cese,
        Export::Contributions,
        Export::Ics,
        Export::ScheduleXml,
        Export::ScheduleJson,
        Export::Mailing,
    ];

    pub fn parse(text: &str) -> Option<Export> {
        Export::ALL.into_iter().find(|e| e.code() == text.trim())
    }

    pub fn code(self) -> &'static str {
        match self {
            Export::Cese => "cese",
            Export::Contributions => "contributions",
            Export::Ics => "ics",
            Export::ScheduleXml => "schedule-xml",
            Export::ScheduleJson => "schedule-json",
            Export::Mailing => "mailing",
        }
    }

    /// The name the save dialog offers.
    pub fn file_name(self) -> &'static str {
        match self {
            Export::Cese => "pack-cese.xlsx",
            Export::Contributions => "contributions.xlsx",
            Export::Ics => "programme.ics",
            Export::ScheduleXml => "schedule.xml",
            Export::ScheduleJson => "schedule.json",
            Export::Mailing => "publipostage.csv",
        }
    }

    pub fn extension(self) -> &'static str {
        self.file_name().rsplit('.').next().unwrap_or("")
    }
}

impl Project {
    /// The bytes of an export, ready to write.
    pub fn export(&self, export: Export) -> Result<Vec<u8>> {
        match export {
            Export::Cese => cese::workbook(self),
            Export::Contributions => contributions::workbook(self),
            Export::Ics => calendar::ics(self),
            Export::ScheduleXml => schedule::xml(self),
            Export::ScheduleJson => schedule::json(self),
            Export::Mailing => mailing::csv(self),
        }
    }
}

/// A session placed on the grid, with its room, slot and local times.
pub(crate) struct Placed<'a> {
    pub session: &'a SessionView,
    pub room: &'a Room,
    pub slot: &'a Slot,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// The placed sessions in programme order (day, time, room), each with its end: the
/// slot's end, or its running time when the slot is open-ended.
pub(crate) fn placed<'a>(day: &'a Day, sessions: &'a [SessionView]) -> Vec<Placed<'a>> {
    let mut placed: Vec<Placed> = sessions
        .iter()
        .filter_map(|session| {
            let cell = session.placement?;
            let room = day.rooms.iter().find(|r| r.id == cell.room_id)?;
            let slot = day.slots.iter().find(|s| s.id == cell.slot_id)?;
            let start = slot.date.and_time(slot.start);
            let end = match slot.end {
                Some(end) => slot.date.and_time(end),
                None => start + chrono::Duration::minutes(session.programme_minutes().max(30)),
            };
            Some(Placed {
                session,
                room,
                slot,
                start,
                end,
            })
        })
        .collect();
    placed.sort_by_key(|p| (p.start, p.room.position, p.room.id, p.session.id));
    placed
}

/// Where each submission is in the programme, by its number.
pub(crate) fn by_submission<'a>(placed: &'a [Placed<'a>]) -> HashMap<i64, &'a Placed<'a>> {
    placed
        .iter()
        .flat_map(|p| {
            p.session
                .contributions
                .iter()
                .map(move |c| (c.submission_id, p))
        })
        .collect()
}

/// "10:00" for a slot start.
pub(crate) fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

pub(crate) fn day_dates(day: &Day) -> Vec<NaiveDate> {
    day.event
        .start_date
        .iter_days()
        .take_while(|d| *d <= day.event.end_date)
        .collect()
}

pub(crate) use crate::common::names::full_name;
