//! Sessions, their running order of contributions, their people, and where they are placed.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::model::{
    Cell, Format, PlacedSession, Session, SessionContribution, SessionPerson, SessionRole,
    SessionView,
};

/// A new session, in the tray (not placed); `session.id` is ignored.
pub fn insert_session(conn: &Connection, session: &Session) -> Result<i64> {
    conn.execute(
        "INSERT INTO sessions (title, kind, language, expected_audience, description)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            session.title,
            session.kind,
            session.language,
            session.expected_audience,
            session.description
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update_session(conn: &Connection, session: &Session) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET title = ?2, kind = ?3, language = ?4, expected_audience = ?5,
             description = ?6 WHERE id = ?1",
        params![
            session.id,
            session.title,
            session.kind,
            session.language,
            session.expected_audience,
            session.description
        ],
    )?;
    Ok(())
}

/// Pins a session in its cell, or takes the pin away.
pub fn set_pinned(conn: &Connection, id: i64, pinned: bool) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET pinned = ?2 WHERE id = ?1",
        params![id, pinned],
    )?;
    Ok(())
}

/// Its contributions, people and placement go with it (the schema cascades).
pub fn delete_session(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
    Ok(())
}

pub fn session_exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// Appends a contribution to a session's running order; one already there stays where it is.
pub fn add_contribution(conn: &Connection, session: i64, submission: i64) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO session_contributions (session_id, submission_id, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM session_contributions
                          WHERE session_id = ?1))",
        params![session, submission],
    )?;
    Ok(())
}

/// False when the submission was not in the session.
pub fn remove_contribution(conn: &Connection, session: i64, submission: i64) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM session_contributions WHERE session_id = ?1 AND submission_id = ?2",
        params![session, submission],
    )? > 0)
}

/// The submissions in a session, in no particular order.
pub fn contributions_of(conn: &Connection, session: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare("SELECT submission_id FROM session_contributions WHERE session_id = ?1")?;
    let rows = stmt.query_map([session], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets the running order: the submissions given take positions 0, 1, 2… in this order.
pub fn set_running_order(conn: &Connection, session: i64, submissions: &[i64]) -> Result<()> {
    for (position, submission) in submissions.iter().enumerate() {
        conn.execute(
            "UPDATE session_contributions SET position = ?3 WHERE session_id = ?1 AND submission_id = ?2",
            params![session, submission, position as i64],
        )?;
    }
    Ok(())
}

/// The questions-and-answers time after a contribution.
pub fn set_qa_minutes(
    conn: &Connection,
    session: i64,
    submission: i64,
    minutes: i64,
) -> Result<()> {
    set_in_running_order(conn, session, submission, "qa_minutes", minutes)
}

/// The table (1, 2…) of a centrifugeuse project, or none.
pub fn set_table(
    conn: &Connection,
    session: i64,
    submission: i64,
    table: Option<i64>,
) -> Result<()> {
    set_in_running_order(conn, session, submission, "table_number", table)
}

/// Sets a column of a contribution in a session's running order; `column` is a name
/// written in the code (`'static`), never text from the user.
fn set_in_running_order(
    conn: &Connection,
    session: i64,
    submission: i64,
    column: &'static str,
    value: impl rusqlite::ToSql,
) -> Result<()> {
    conn.execute(
        &format!(
            "UPDATE session_contributions SET {column} = ?3 WHERE session_id = ?1 AND submission_id = ?2"
        ),
        params![session, submission, value],
    )?;
    Ok(())
}

/// Adds someone to a session in a role, after those already there; twice is once.
pub fn add_session_person(
    conn: &Connection,
    session: i64,
    person: i64,
    role: SessionRole,
) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO session_people (session_id, person_id, role, position)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM session_people
                              WHERE session_id = ?1))",
        params![session, person, role],
    )?;
    Ok(())
}

pub fn remove_session_person(
    conn: &Connection,
    session: i64,
    person: i64,
    role: SessionRole,
) -> Result<()> {
    conn.execute(
        "DELETE FROM session_people WHERE session_id = ?1 AND person_id = ?2 AND role = ?3",
        params![session, person, role],
    )?;
    Ok(())
}

fn person_row(row: &rusqlite::Row) -> rusqlite::Result<(i64, SessionPerson)> {
    Ok((
        row.get(0)?,
        SessionPerson {
            person_id: row.get(1)?,
            first_name: row.get(2)?,
            last_name: row.get(3)?,
            organisation: row.get(4)?,
            actor_type: row.get(5)?,
            role: row.get(6)?,
        },
    ))
}

/// Every session with its contributions, people and placement, as stored: no estimate,
/// no times (the programme adds them).
pub fn read_sessions(conn: &Connection) -> Result<Vec<SessionView>> {
    let mut speakers: HashMap<i64, Vec<SessionPerson>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT ss.submission_id, p.id, p.first_name, p.last_name, p.organisation, p.actor_type, 'intervenant'
         FROM submission_speakers ss JOIN people p ON p.id = ss.person_id
         ORDER BY ss.submission_id, ss.position",
    )?;
    for row in stmt.query_map([], person_row)? {
        let (submission, person) = row?;
        speakers.entry(submission).or_default().push(person);
    }
    let mut contributions: HashMap<i64, Vec<SessionContribution>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT sc.session_id, s.id, s.title, s.format, s.actor_type, sc.qa_minutes, sc.table_number,
                s.status
         FROM session_contributions sc JOIN submissions s ON s.id = sc.submission_id
         ORDER BY sc.session_id, sc.position",
    )?;
    for row in stmt.query_map([], |r| {
        let format: String = r.get(3)?;
        let submission: i64 = r.get(1)?;
        Ok((
            r.get::<_, i64>(0)?,
            SessionContribution {
                submission_id: submission,
                title: r.get(2)?,
                minutes: Format::parse(&format)
                    .and_then(Format::minutes)
                    .unwrap_or(0),
                format,
                actor_type: r.get(4)?,
                qa_minutes: r.get(5)?,
                table_number: r.get(6)?,
                status: r.get(7)?,
                speakers: Vec::new(),
                starts: None,
            },
        ))
    })? {
        let (session, mut contribution) = row?;
        contribution.speakers = speakers
            .get(&contribution.submission_id)
            .cloned()
            .unwrap_or_default();
        contributions.entry(session).or_default().push(contribution);
    }
    let mut people: HashMap<i64, Vec<SessionPerson>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT sp.session_id, p.id, p.first_name, p.last_name, p.organisation, p.actor_type, sp.role
         FROM session_people sp JOIN people p ON p.id = sp.person_id
         ORDER BY sp.session_id, sp.position",
    )?;
    for row in stmt.query_map([], person_row)? {
        let (session, person) = row?;
        people.entry(session).or_default().push(person);
    }
    let mut stmt = conn.prepare(
        "SELECT s.id, s.title, s.kind, s.language, s.expected_audience, s.description, p.room_id,
                p.slot_id, s.pinned
         FROM sessions s LEFT JOIN placements p ON p.session_id = s.id ORDER BY s.id",
    )?;
    let list = stmt
        .query_map([], |r| {
            let room: Option<i64> = r.get(6)?;
            let slot: Option<i64> = r.get(7)?;
            Ok(SessionView {
                id: r.get(0)?,
                title: r.get(1)?,
                kind: r.get(2)?,
                language: r.get(3)?,
                expected_audience: r.get(4)?,
                estimate: None,
                description: r.get(5)?,
                contributions: Vec::new(),
                people: Vec::new(),
                placement: room
                    .zip(slot)
                    .map(|(room_id, slot_id)| Cell { room_id, slot_id }),
                pinned: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list
        .into_iter()
        .map(|mut s| {
            s.contributions = contributions.remove(&s.id).unwrap_or_default();
            s.people = people.remove(&s.id).unwrap_or_default();
            s
        })
        .collect())
}

/// Puts a session in a cell, replacing where it was.
pub fn place(conn: &Connection, session_id: i64, room_id: i64, slot_id: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO placements (session_id, room_id, slot_id) VALUES (?1, ?2, ?3)
         ON CONFLICT (session_id) DO UPDATE SET room_id = ?2, slot_id = ?3",
        params![session_id, room_id, slot_id],
    )?;
    Ok(())
}

/// The cell a session is placed in, as (room, slot).
pub fn placement_of(conn: &Connection, session: i64) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .query_row(
            "SELECT room_id, slot_id FROM placements WHERE session_id = ?1",
            [session],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The sessions placed in a cell.
pub fn occupants(conn: &Connection, room: i64, slot: i64) -> Result<Vec<i64>> {
    Ok(conn
        .prepare("SELECT session_id FROM placements WHERE room_id = ?1 AND slot_id = ?2")?
        .query_map(params![room, slot], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Takes a session off the grid (to the tray).
pub fn unplace(conn: &Connection, session: i64) -> Result<()> {
    conn.execute("DELETE FROM placements WHERE session_id = ?1", [session])?;
    Ok(())
}

pub fn read_placements(conn: &Connection) -> Result<Vec<PlacedSession>> {
    let mut stmt = conn.prepare(
        "SELECT s.id, s.title, s.kind, s.language, p.room_id, p.slot_id
         FROM placements p JOIN sessions s ON s.id = p.session_id
         ORDER BY p.slot_id, p.room_id, s.id",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(PlacedSession {
            session_id: row.get(0)?,
            title: row.get(1)?,
            kind: row.get(2)?,
            language: row.get(3)?,
            room_id: row.get(4)?,
            slot_id: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
