//! Writing people, submissions, sessions and placements. The import, review and grid
//! features build on these; for now the demo project is their one writer.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::{Person, Session, SessionRole, Submission};

/// Inserts a person; `person.id` is ignored.
pub fn insert_person(conn: &Connection, person: &Person) -> Result<i64> {
    conn.execute(
        "INSERT INTO people (first_name, last_name, email, phone, organisation, actor_type,
             country, registered, wishes, accessibility)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            person.first_name,
            person.last_name,
            person.email,
            person.phone,
            person.organisation,
            person.actor_type.code(),
            person.country,
            person.registered,
            person.wishes,
            person.accessibility
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Inserts a submission with its contact as first speaker; `submission.id` is ignored.
pub fn insert_submission(conn: &Connection, submission: &Submission) -> Result<i64> {
    let axes = submission
        .axes
        .iter()
        .map(|a| a.to_string())
        .collect::<Vec<_>>()
        .join(",");
    conn.execute(
        "INSERT INTO submissions (external_id, contact_id, format, axes, actor_type, title,
             summary, language, status, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            submission.external_id,
            submission.contact_id,
            submission.format.code(),
            axes,
            submission.actor_type.code(),
            submission.title,
            submission.summary,
            submission.language,
            submission.status.code(),
            submission.submitted_at
        ],
    )?;
    let id = conn.last_insert_rowid();
    if let Some(contact) = submission.contact_id {
        conn.execute(
            "INSERT INTO submission_speakers (submission_id, person_id, position) VALUES (?1, ?2, 0)",
            params![id, contact],
        )?;
    }
    Ok(id)
}

/// Inserts a session; `session.id` is ignored.
pub fn insert_session(conn: &Connection, session: &Session) -> Result<i64> {
    conn.execute(
        "INSERT INTO sessions (title, kind, language, expected_audience, description)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            session.title,
            session.kind.code(),
            session.language,
            session.expected_audience,
            session.description
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Appends a contribution to a session's running order.
pub fn add_contribution(conn: &Connection, session_id: i64, submission_id: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO session_contributions (session_id, submission_id, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM session_contributions
                          WHERE session_id = ?1))",
        params![session_id, submission_id],
    )?;
    Ok(())
}

pub fn add_session_person(
    conn: &Connection,
    session_id: i64,
    person_id: i64,
    role: SessionRole,
) -> Result<()> {
    conn.execute(
        "INSERT INTO session_people (session_id, person_id, role, position)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM session_people
                              WHERE session_id = ?1))",
        params![session_id, person_id, role.code()],
    )?;
    Ok(())
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

pub fn insert_review(
    conn: &Connection,
    submission_id: i64,
    reviewer: &str,
    score: Option<i64>,
    note: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO reviews (submission_id, reviewer, score, note, updated_at)
         VALUES (?1, ?2, ?3, ?4, '2019-02-20T10:00:00+01:00')",
        params![submission_id, reviewer, score, note],
    )?;
    Ok(())
}

pub fn insert_tag(conn: &Connection, submission_id: i64, tag: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO submission_tags (submission_id, tag) VALUES (?1, ?2)",
        params![submission_id, tag],
    )?;
    Ok(())
}
