//! Edits of the day's frame: the event, its rooms and its slots. Each edit is checked,
//! then written in one transaction; a refused edit changes nothing.

use chrono::{Duration, NaiveTime};

use crate::error::{EditError, Result};
use crate::model::{Event, NewRoom, NewSlot, Room, RoomPatch, Slot, SlotPatch};
use crate::store;
use crate::Project;

impl Project {
    pub fn update_event(&mut self, event: Event) -> Result<Event> {
        let mut event = event;
        event.title = event.title.trim().to_string();
        if event.title.is_empty() {
            return Err(EditError::EmptyEventTitle.into());
        }
        if event.end_date < event.start_date {
            return Err(EditError::EventEndsBeforeStart.into());
        }
        let tx = self.begin()?;
        store::write_event(&tx, &event)?;
        tx.commit()?;
        Ok(event)
    }

    /// Adds a room at the right end of the grid.
    pub fn add_room(&mut self, new: NewRoom) -> Result<Room> {
        let mut room = Room {
            id: 0,
            name: new.name,
            capacity: new.capacity,
            kind: new.kind,
            notes: new.notes,
            interpretation: new.interpretation,
            track_id: new.track_id,
            position: 0,
        };
        check_room(&mut room)?;
        let tx = self.begin()?;
        let id = store::insert_room(&tx, &room)?;
        let room = store::read_room(&tx, id)?.ok_or(EditError::RoomNotFound(id))?;
        tx.commit()?;
        Ok(room)
    }

    pub fn update_room(&mut self, id: i64, patch: RoomPatch) -> Result<Room> {
        let tx = self.begin()?;
        let mut room = store::read_room(&tx, id)?.ok_or(EditError::RoomNotFound(id))?;
        if let Some(name) = patch.name {
            room.name = name;
        }
        if let Some(capacity) = patch.capacity {
            room.capacity = capacity;
        }
        if let Some(kind) = patch.kind {
            room.kind = kind;
        }
        if let Some(notes) = patch.notes {
            room.notes = notes;
        }
        if let Some(interpretation) = patch.interpretation {
            room.interpretation = interpretation;
        }
        check_room(&mut room)?;
        store::update_room(&tx, &room)?;
        tx.commit()?;
        Ok(room)
    }

    /// Moves a room `delta` places to the right (negative: to the left) among the rooms
    /// of its kind, since the grid groups rooms by kind. Past either end, it stops there.
    pub fn move_room(&mut self, id: i64, delta: i64) -> Result<()> {
        let tx = self.begin()?;
        let mut rooms = store::read_rooms(&tx)?;
        rooms.sort_by_key(|r| (r.kind, r.position));
        let from = rooms
            .iter()
            .position(|r| r.id == id)
            .ok_or(EditError::RoomNotFound(id))?;
        let kind = rooms[from].kind;
        let group: Vec<usize> = (0..rooms.len())
            .filter(|&i| rooms[i].kind == kind)
            .collect();
        let at = group.iter().position(|&i| i == from).unwrap_or(0) as i64;
        let to = group[(at + delta).clamp(0, group.len() as i64 - 1) as usize];
        let room = rooms.remove(from);
        rooms.insert(to, room);
        let ids: Vec<i64> = rooms.iter().map(|r| r.id).collect();
        store::set_room_order(&tx, &ids)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a room; the sessions placed in it go back to the tray (they are not deleted).
    pub fn remove_room(&mut self, id: i64) -> Result<()> {
        let tx = self.begin()?;
        store::read_room(&tx, id)?.ok_or(EditError::RoomNotFound(id))?;
        store::delete_room(&tx, id)?;
        let ids: Vec<i64> = store::read_rooms(&tx)?.iter().map(|r| r.id).collect();
        store::set_room_order(&tx, &ids)?;
        tx.commit()?;
        Ok(())
    }

    pub fn add_slot(&mut self, new: NewSlot) -> Result<Slot> {
        let mut slot = Slot {
            id: 0,
            date: new.date,
            start: new.start,
            end: new.end,
            kind: new.kind,
            label: new.label.trim().to_string(),
        };
        let tx = self.begin()?;
        check_slot(&slot, &store::read_slots(&tx)?)?;
        slot.id = store::insert_slot(&tx, &slot)?;
        tx.commit()?;
        Ok(slot)
    }

    pub fn update_slot(&mut self, id: i64, patch: SlotPatch) -> Result<Slot> {
        let tx = self.begin()?;
        let mut slot = store::read_slot(&tx, id)?.ok_or(EditError::SlotNotFound(id))?;
        if let Some(date) = patch.date {
            slot.date = date;
        }
        if let Some(start) = patch.start {
            slot.start = start;
        }
        if let Some(end) = patch.end {
            slot.end = end;
        }
        if let Some(kind) = patch.kind {
            slot.kind = kind;
        }
        if let Some(label) = patch.label {
            slot.label = label.trim().to_string();
        }
        check_slot(&slot, &store::read_slots(&tx)?)?;
        store::update_slot(&tx, &slot)?;
        tx.commit()?;
        Ok(slot)
    }

    /// Removes a slot; the sessions placed in it go back to the tray.
    pub fn remove_slot(&mut self, id: i64) -> Result<()> {
        let tx = self.begin()?;
        store::read_slot(&tx, id)?.ok_or(EditError::SlotNotFound(id))?;
        store::delete_slot(&tx, id)?;
        tx.commit()?;
        Ok(())
    }
}

fn check_room(room: &mut Room) -> Result<(), EditError> {
    room.name = room.name.trim().to_string();
    if room.name.is_empty() {
        return Err(EditError::EmptyName("d'une salle"));
    }
    if room.capacity < 0 {
        return Err(EditError::NegativeCapacity(room.capacity));
    }
    Ok(())
}

/// A slot must end after it starts and overlap no other slot of its day.
fn check_slot(slot: &Slot, all: &[Slot]) -> Result<(), EditError> {
    if let Some(end) = slot.end {
        if end <= slot.start {
            return Err(EditError::SlotEndsBeforeStart {
                start: slot.start,
                end,
            });
        }
    }
    let (start, end) = span(slot);
    for other in all
        .iter()
        .filter(|o| o.id != slot.id && o.date == slot.date)
    {
        let (other_start, other_end) = span(other);
        if start < other_end && other_start < end {
            return Err(EditError::SlotOverlap {
                new: slot.time_range(),
                other: other.time_range(),
            });
        }
    }
    Ok(())
}

/// The time a slot holds. An open-ended slot (the evening) holds its starting minute, so
/// that nothing else may start at that very time.
fn span(slot: &Slot) -> (NaiveTime, NaiveTime) {
    let end = slot.end.unwrap_or_else(|| {
        match slot.start.overflowing_add_signed(Duration::minutes(1)) {
            (end, 0) => end,
            // 23:59 and later: the day's last instant is the end.
            _ => NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(slot.start),
        }
    });
    (slot.start, end)
}
