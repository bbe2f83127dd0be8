//! The rows that make up some sessions, as plain data: what undo, redo and versions store
//! and put back.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub language: String,
    pub expected_audience: Option<i64>,
    pub description: String,
    pub track_id: Option<i64>,
    /// (submission, position, Q&A minutes, table)
    pub contributions: Vec<(i64, i64, i64, Option<i64>)>,
    /// (person, role, position)
    pub people: Vec<(i64, String, i64)>,
    /// (room, slot)
    pub placement: Option<(i64, i64)>,
    /// Absent from the steps stored before pins existed, and when not pinned.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// The state of a set of sessions; an id without a row is a session that does not exist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub ids: Vec<i64>,
    pub rows: Vec<SessionRow>,
}

pub fn take(conn: &Connection, ids: &[i64]) -> Result<Snapshot> {
    let mut snapshot = Snapshot {
        ids: ids.to_vec(),
        rows: Vec::new(),
    };
    let mut session = conn.prepare_cached(
        "SELECT id, title, kind, language, expected_audience, description, track_id, pinned
         FROM sessions WHERE id = ?1",
    )?;
    let mut contributions = conn.prepare_cached(
        "SELECT submission_id, position, qa_minutes, table_number FROM session_contributions
         WHERE session_id = ?1 ORDER BY position",
    )?;
    let mut people = conn.prepare_cached(
        "SELECT person_id, role, position FROM session_people WHERE session_id = ?1 ORDER BY position",
    )?;
    let mut placement =
        conn.prepare_cached("SELECT room_id, slot_id FROM placements WHERE session_id = ?1")?;
    for id in ids {
        let mut rows = session.query([id])?;
        let Some(row) = rows.next()? else {
            continue;
        };
        let mut state = SessionRow {
            id: row.get(0)?,
            title: row.get(1)?,
            kind: row.get(2)?,
            language: row.get(3)?,
            expected_audience: row.get(4)?,
            description: row.get(5)?,
            track_id: row.get(6)?,
            contributions: Vec::new(),
            people: Vec::new(),
            placement: None,
            pinned: row.get(7)?,
        };
        state.contributions = contributions
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        state.people = people
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut cells = placement.query([id])?;
        if let Some(cell) = cells.next()? {
            state.placement = Some((cell.get(0)?, cell.get(1)?));
        }
        snapshot.rows.push(state);
    }
    Ok(snapshot)
}

/// Puts the sessions of `snapshot` back as they were (deleting those that did not exist).
pub fn restore(conn: &Connection, snapshot: &Snapshot) -> Result<()> {
    // The seats at a centrifugeuse's tables are not steps of the history: they stay as
    // they are now through any undo, redo or version put back (removing a session to
    // write it anew would otherwise take them with it).
    let mut seats: Vec<(i64, i64, i64, i64, String, bool)> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT session_id, table_number, seat, person_id, role, pinned FROM table_seats
             WHERE session_id = ?1",
        )?;
        for id in &snapshot.ids {
            for seat in stmt.query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })? {
                seats.push(seat?);
            }
        }
    }
    for id in &snapshot.ids {
        conn.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
    }
    for row in &snapshot.rows {
        conn.execute(
            "INSERT INTO sessions (id, title, kind, language, expected_audience, description,
                 track_id, pinned)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                row.id,
                row.title,
                row.kind,
                row.language,
                row.expected_audience,
                row.description,
                row.track_id,
                row.pinned
            ],
        )?;
        for (submission, position, qa, table) in &row.contributions {
            conn.execute(
                "INSERT INTO session_contributions (session_id, submission_id, position, qa_minutes, table_number)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![row.id, submission, position, qa, table],
            )?;
        }
        for (person, role, position) in &row.people {
            conn.execute(
                "INSERT INTO session_people (session_id, person_id, role, position) VALUES (?1, ?2, ?3, ?4)",
                params![row.id, person, role, position],
            )?;
        }
        if let Some((room, slot)) = row.placement {
            conn.execute(
                "INSERT INTO placements (session_id, room_id, slot_id) VALUES (?1, ?2, ?3)",
                params![row.id, room, slot],
            )?;
        }
    }
    for (session, table, seat, person, role, pinned) in &seats {
        if snapshot.rows.iter().any(|r| r.id == *session) {
            conn.execute(
                "INSERT INTO table_seats (session_id, table_number, seat, person_id, role, pinned)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![session, table, seat, person, role, pinned],
            )?;
        }
    }
    Ok(())
}

pub fn all_ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id FROM sessions ORDER BY id")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}
