//! Reading and writing the day: event (and its logo), tracks, rooms and slots.
//! Plain functions over a connection; the caller owns the transaction.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::model::{Event, Room, RoomKind, Slot, SlotKind, Track};

const DATE: &str = "%Y-%m-%d";
const TIME: &str = "%H:%M";

fn bad_value(column: usize, what: &str, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("{what} invalide dans le fichier : {text:?}").into(),
    )
}

fn date_at(row: &Row, column: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(column)?;
    NaiveDate::parse_from_str(&text, DATE).map_err(|_| bad_value(column, "date", &text))
}

fn time_at(row: &Row, column: usize) -> rusqlite::Result<NaiveTime> {
    let text: String = row.get(column)?;
    NaiveTime::parse_from_str(&text, TIME).map_err(|_| bad_value(column, "heure", &text))
}

pub fn date_text(date: NaiveDate) -> String {
    date.format(DATE).to_string()
}

pub fn time_text(time: NaiveTime) -> String {
    time.format(TIME).to_string()
}

pub fn read_event(conn: &Connection) -> Result<Event> {
    Ok(conn.query_row(
        "SELECT title, start_date, end_date, venue, address, organisers, timezone FROM event WHERE id = 1",
        [],
        |row| {
            Ok(Event {
                title: row.get(0)?,
                start_date: date_at(row, 1)?,
                end_date: date_at(row, 2)?,
                venue: row.get(3)?,
                address: row.get(4)?,
                organisers: row.get(5)?,
                timezone: row.get(6)?,
            })
        },
    )?)
}

pub fn write_event(conn: &Connection, event: &Event) -> Result<()> {
    conn.execute(
        "INSERT INTO event (id, title, start_date, end_date, venue, address, organisers, timezone)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET title = ?1, start_date = ?2, end_date = ?3,
             venue = ?4, address = ?5, organisers = ?6, timezone = ?7",
        params![
            event.title,
            date_text(event.start_date),
            date_text(event.end_date),
            event.venue,
            event.address,
            event.organisers,
            event.timezone
        ],
    )?;
    Ok(())
}

pub fn read_tracks(conn: &Connection) -> Result<Vec<Track>> {
    let mut stmt = conn.prepare("SELECT id, name, position FROM tracks ORDER BY position, id")?;
    let rows = stmt.query_map([], |row| {
        Ok(Track {
            id: row.get(0)?,
            name: row.get(1)?,
            position: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_track(conn: &Connection, name: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO tracks (name, position) VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM tracks))",
        [name],
    )?;
    Ok(conn.last_insert_rowid())
}

const ROOM_COLUMNS: &str = "id, name, capacity, kind, notes, interpretation, track_id, position";

fn room_from_row(row: &Row) -> rusqlite::Result<Room> {
    let kind: String = row.get(3)?;
    Ok(Room {
        id: row.get(0)?,
        name: row.get(1)?,
        capacity: row.get(2)?,
        kind: RoomKind::parse(&kind).ok_or_else(|| bad_value(3, "type de salle", &kind))?,
        notes: row.get(4)?,
        interpretation: row.get(5)?,
        track_id: row.get(6)?,
        position: row.get(7)?,
    })
}

pub fn read_rooms(conn: &Connection) -> Result<Vec<Room>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ROOM_COLUMNS} FROM rooms ORDER BY position, id"
    ))?;
    let rows = stmt.query_map([], room_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn read_room(conn: &Connection, id: i64) -> Result<Option<Room>> {
    Ok(conn
        .query_row(
            &format!("SELECT {ROOM_COLUMNS} FROM rooms WHERE id = ?1"),
            [id],
            room_from_row,
        )
        .optional()?)
}

/// Inserts a room at the end of the grid; `room.id` and `room.position` are ignored.
pub fn insert_room(conn: &Connection, room: &Room) -> Result<i64> {
    conn.execute(
        "INSERT INTO rooms (name, capacity, kind, notes, interpretation, track_id, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(position) + 1, 0) FROM rooms))",
        params![
            room.name,
            room.capacity,
            room.kind.code(),
            room.notes,
            room.interpretation,
            room.track_id
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update_room(conn: &Connection, room: &Room) -> Result<()> {
    conn.execute(
        "UPDATE rooms SET name = ?2, capacity = ?3, kind = ?4, notes = ?5, interpretation = ?6,
             track_id = ?7, position = ?8 WHERE id = ?1",
        params![
            room.id,
            room.name,
            room.capacity,
            room.kind.code(),
            room.notes,
            room.interpretation,
            room.track_id,
            room.position
        ],
    )?;
    Ok(())
}

pub fn delete_room(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM rooms WHERE id = ?1", [id])?;
    Ok(())
}

/// Rewrites positions as 0, 1, 2... in the given order of ids.
pub fn set_room_order(conn: &Connection, ids: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare("UPDATE rooms SET position = ?2 WHERE id = ?1")?;
    for (position, id) in ids.iter().enumerate() {
        stmt.execute(params![id, position as i64])?;
    }
    Ok(())
}

const SLOT_COLUMNS: &str = "id, date, start, end, kind, label";

fn slot_from_row(row: &Row) -> rusqlite::Result<Slot> {
    let kind: String = row.get(4)?;
    let end: Option<String> = row.get(3)?;
    Ok(Slot {
        id: row.get(0)?,
        date: date_at(row, 1)?,
        start: time_at(row, 2)?,
        end: match end {
            None => None,
            Some(text) => Some(
                NaiveTime::parse_from_str(&text, TIME).map_err(|_| bad_value(3, "heure", &text))?,
            ),
        },
        kind: SlotKind::parse(&kind).ok_or_else(|| bad_value(4, "type de créneau", &kind))?,
        label: row.get(5)?,
    })
}

pub fn read_slots(conn: &Connection) -> Result<Vec<Slot>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SLOT_COLUMNS} FROM slots ORDER BY date, start, id"
    ))?;
    let rows = stmt.query_map([], slot_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn read_slot(conn: &Connection, id: i64) -> Result<Option<Slot>> {
    Ok(conn
        .query_row(
            &format!("SELECT {SLOT_COLUMNS} FROM slots WHERE id = ?1"),
            [id],
            slot_from_row,
        )
        .optional()?)
}

/// Inserts a slot; `slot.id` is ignored.
pub fn insert_slot(conn: &Connection, slot: &Slot) -> Result<i64> {
    conn.execute(
        "INSERT INTO slots (date, start, end, kind, label) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            date_text(slot.date),
            time_text(slot.start),
            slot.end.map(time_text),
            slot.kind.code(),
            slot.label
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update_slot(conn: &Connection, slot: &Slot) -> Result<()> {
    conn.execute(
        "UPDATE slots SET date = ?2, start = ?3, end = ?4, kind = ?5, label = ?6 WHERE id = ?1",
        params![
            slot.id,
            date_text(slot.date),
            time_text(slot.start),
            slot.end.map(time_text),
            slot.kind.code(),
            slot.label
        ],
    )?;
    Ok(())
}

pub fn delete_slot(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM slots WHERE id = ?1", [id])?;
    Ok(())
}

/// Number of rows in a table the caller names (never user input).
pub fn count(conn: &Connection, table: &'static str) -> Result<i64> {
    Ok(
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })?,
    )
}

/// The event's logo: its file name and PNG bytes.
pub fn read_logo(conn: &Connection) -> Result<Option<(String, Vec<u8>)>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT file_name, png FROM event_logo WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn write_logo(conn: &Connection, logo: Option<(&str, &[u8])>) -> Result<()> {
    match logo {
        Some((name, png)) => conn.execute(
            "INSERT INTO event_logo (id, file_name, png) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET file_name = excluded.file_name, png = excluded.png",
            params![name, png],
        )?,
        None => conn.execute("DELETE FROM event_logo", [])?,
    };
    Ok(())
}
