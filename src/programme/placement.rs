//! Placing sessions on the grid: a cell is one room during one slot. Dropping a session
//! on an occupied cell swaps the two.

use chrono::NaiveDate;

use crate::error::{EditError, Result};
use crate::model::SlotKind;
use crate::store;
use crate::Project;

impl Project {
    /// Puts `session` in the cell (`room`, `slot`). A session already there takes the
    /// moved session's former cell, or goes back to the tray. Undoable.
    pub fn place(&mut self, session: i64, room: i64, slot: i64) -> Result<()> {
        let conn = &self.conn;
        store::read_room(conn, room)?.ok_or(EditError::RoomNotFound(room))?;
        let slot_row = store::read_slot(conn, slot)?.ok_or(EditError::SlotNotFound(slot))?;
        if slot_row.kind != SlotKind::Session {
            return Err(EditError::NotASessionSlot(slot_row.time_range()).into());
        }
        super::sessions::exists(&self.conn, session)?;
        let others: Vec<i64> = store::occupants(conn, room, slot)?
            .into_iter()
            .filter(|s| *s != session)
            .collect();
        let mut touched = vec![session];
        touched.extend(&others);
        let label = if others.is_empty() {
            "Placement d'une session"
        } else {
            "Échange de deux sessions"
        };
        self.journaled(label, &touched, |tx| {
            let from = store::placement_of(tx, session)?;
            for &other in &others {
                match from {
                    Some((from_room, from_slot)) => store::place(tx, other, from_room, from_slot)?,
                    None => store::unplace(tx, other)?,
                }
            }
            store::place(tx, session, room, slot)?;
            Ok(((), vec![]))
        })
    }

    /// Takes a session off the grid, back to the tray. Undoable.
    pub fn unplace(&mut self, session: i64) -> Result<()> {
        super::sessions::exists(&self.conn, session)?;
        self.journaled("Retrait de la grille", &[session], |tx| {
            store::unplace(tx, session)?;
            Ok(((), vec![]))
        })
    }

    /// The room named `name` (accents and case set aside), or with that id.
    pub fn find_room(&self, name: &str) -> Result<i64> {
        let wanted = deunicode::deunicode(name.trim()).to_lowercase();
        let rooms = store::read_rooms(&self.conn)?;
        rooms
            .iter()
            .find(|r| {
                deunicode::deunicode(&r.name).to_lowercase() == wanted || r.id.to_string() == wanted
            })
            .map(|r| r.id)
            .ok_or_else(|| EditError::UnknownRoom(name.to_string()).into())
    }

    /// The slot starting at `start` (on `date`, or on the event's first day).
    pub fn find_slot(&self, start: &str, date: Option<NaiveDate>) -> Result<i64> {
        let time = crate::model::slot_time(start)
            .ok_or_else(|| EditError::UnknownSlot(start.to_string()))?;
        let date = match date {
            Some(d) => d,
            None => store::read_event(&self.conn)?.start_date,
        };
        store::read_slots(&self.conn)?
            .iter()
            .find(|s| s.date == date && s.start == time)
            .map(|s| s.id)
            .ok_or_else(|| EditError::UnknownSlot(format!("{start} ({date})")).into())
    }
}
