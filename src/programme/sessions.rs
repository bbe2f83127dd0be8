//! Composing sessions: their fields, their running order of contributions, their people.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;
use ts_rs::TS;

use super::{Cell, SessionContribution, SessionPerson, SessionView};
use crate::error::{EditError, Result};
use crate::model::{Format, SessionKind, SessionRole};
use crate::Project;

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewSession {
    pub title: String,
    pub kind: SessionKind,
    #[serde(default = "french")]
    pub language: String,
    #[serde(default)]
    pub expected_audience: Option<i64>,
    #[serde(default)]
    pub description: String,
    /// Submissions to put in its running order, in this order.
    #[serde(default)]
    pub contributions: Vec<i64>,
}

fn french() -> String {
    "fr".into()
}

/// The fields of a session an edit changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(optional_fields)]
pub struct SessionPatch {
    pub title: Option<String>,
    pub kind: Option<SessionKind>,
    pub language: Option<String>,
    /// `Some(None)` clears the expected audience.
    #[serde(default, with = "double_option")]
    #[ts(type = "number | null", optional)]
    pub expected_audience: Option<Option<i64>>,
    pub description: Option<String>,
}

mod double_option {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
        Option::<i64>::deserialize(d).map(Some)
    }
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

/// Every session with its contributions, people and placement.
pub(crate) fn read_sessions(conn: &Connection) -> Result<Vec<SessionView>> {
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
        "SELECT s.id, s.title, s.kind, s.language, s.expected_audience, s.description, p.room_id, p.slot_id
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
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut list: Vec<SessionView> = list
        .into_iter()
        .map(|mut s| {
            s.contributions = contributions.remove(&s.id).unwrap_or_default();
            s.people = people.remove(&s.id).unwrap_or_default();
            s
        })
        .collect();
    super::estimate::estimate_audiences(conn, &crate::store::read_rooms(conn)?, &mut list)?;
    running_order_times(&crate::store::read_slots(conn)?, &mut list);
    Ok(list)
}

/// When each talk of a placed session starts.
fn running_order_times(slots: &[crate::model::Slot], sessions: &mut [SessionView]) {
    for session in sessions.iter_mut() {
        let Some(start) = session
            .placement
            .and_then(|cell| slots.iter().find(|s| s.id == cell.slot_id))
            .map(|s| s.start)
        else {
            continue;
        };
        let at_tables = session.kind == SessionKind::Centrifugeuse;
        // Minutes gone by, per table at a centrifugeuse (a contribution without a table
        // number has a table of its own), for the whole session otherwise.
        let mut elapsed: HashMap<Option<i64>, i64> = HashMap::new();
        for (i, c) in session.contributions.iter_mut().enumerate() {
            let key = match (at_tables, c.table_number) {
                (false, _) => None,
                (true, Some(n)) => Some(n),
                (true, None) => Some(-(i as i64) - 1),
            };
            let gone = elapsed.entry(key).or_insert(0);
            let at = start + chrono::Duration::minutes(*gone);
            c.starts = Some(at.format("%H:%M").to_string());
            *gone += c.minutes + c.qa_minutes;
        }
    }
}

fn check_session(title: &str, language: &str, audience: Option<i64>) -> Result<(), EditError> {
    if title.trim().is_empty() {
        return Err(EditError::EmptyName("d'une session"));
    }
    if language != "fr" && language != "en" {
        return Err(EditError::BadValue {
            field: "langue".into(),
            value: language.into(),
        });
    }
    if let Some(n) = audience {
        if n < 0 {
            return Err(EditError::NegativeCapacity(n));
        }
    }
    Ok(())
}

pub(super) fn exists(conn: &Connection, id: i64) -> Result<()> {
    let found: Option<i64> = conn
        .query_row("SELECT id FROM sessions WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| EditError::SessionNotFound(id).into())
}

impl Project {
    pub fn sessions(&self) -> Result<Vec<SessionView>> {
        read_sessions(&self.conn)
    }

    pub fn session(&self, id: i64) -> Result<SessionView> {
        self.sessions()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| EditError::SessionNotFound(id).into())
    }

    /// Creates a session (in the tray: not placed). Undoable.
    pub fn add_session(&mut self, new: NewSession) -> Result<i64> {
        check_session(&new.title, &new.language, new.expected_audience)?;
        self.journaled("Création d'une session", &[], |tx| {
            tx.execute(
                "INSERT INTO sessions (title, kind, language, expected_audience, description)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    new.title.trim(),
                    new.kind.code(),
                    new.language,
                    new.expected_audience,
                    new.description
                ],
            )?;
            let id = tx.last_insert_rowid();
            for submission in &new.contributions {
                append_contribution(tx, id, *submission)?;
            }
            Ok((id, vec![id]))
        })
    }

    pub fn update_session(&mut self, id: i64, patch: SessionPatch) -> Result<()> {
        let current = self.session(id)?;
        let title = patch.title.unwrap_or(current.title);
        let language = patch.language.unwrap_or(current.language);
        let audience = patch.expected_audience.unwrap_or(current.expected_audience);
        check_session(&title, &language, audience)?;
        let kind = patch.kind.unwrap_or(current.kind);
        let description = patch.description.unwrap_or(current.description);
        self.journaled("Modification d'une session", &[id], |tx| {
            tx.execute(
                "UPDATE sessions SET title = ?2, kind = ?3, language = ?4, expected_audience = ?5,
                     description = ?6 WHERE id = ?1",
                params![id, title.trim(), kind, language, audience, description],
            )?;
            Ok(((), vec![]))
        })
    }

    pub fn remove_session(&mut self, id: i64) -> Result<()> {
        self.journaled("Suppression d'une session", &[id], |tx| {
            exists(tx, id)?;
            tx.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
            Ok(((), vec![]))
        })
    }

    /// Adds a submission at the end of a session's running order.
    pub fn add_contribution(&mut self, session: i64, submission: i64) -> Result<()> {
        self.journaled("Ajout d'une contribution", &[session], |tx| {
            exists(tx, session)?;
            append_contribution(tx, session, submission)?;
            Ok(((), vec![]))
        })
    }

    /// Adds and removes contributions of a session in one step of the history; a
    /// contribution to remove that is not in the session is refused, and nothing changes.
    pub fn edit_contributions(&mut self, session: i64, add: &[i64], remove: &[i64]) -> Result<()> {
        self.journaled("Contributions de la session", &[session], |tx| {
            exists(tx, session)?;
            for &submission in remove {
                let removed = tx.execute(
                    "DELETE FROM session_contributions WHERE session_id = ?1 AND submission_id = ?2",
                    params![session, submission],
                )?;
                if removed == 0 {
                    return Err(EditError::NotInSession(submission).into());
                }
            }
            for &submission in add {
                append_contribution(tx, session, submission)?;
            }
            Ok(((), vec![]))
        })
    }

    pub fn remove_contribution(&mut self, session: i64, submission: i64) -> Result<()> {
        self.journaled("Retrait d'une contribution", &[session], |tx| {
            tx.execute(
                "DELETE FROM session_contributions WHERE session_id = ?1 AND submission_id = ?2",
                params![session, submission],
            )?;
            Ok(((), vec![]))
        })
    }

    /// Sets the running order: `submissions` must be the session's contributions, reordered.
    pub fn reorder_contributions(&mut self, session: i64, submissions: &[i64]) -> Result<()> {
        self.journaled("Nouvel ordre des contributions", &[session], |tx| {
            let mut current: Vec<i64> = tx
                .prepare("SELECT submission_id FROM session_contributions WHERE session_id = ?1")?
                .query_map([session], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut wanted = submissions.to_vec();
            current.sort_unstable();
            wanted.sort_unstable();
            if current != wanted {
                return Err(EditError::BadOrder.into());
            }
            for (position, submission) in submissions.iter().enumerate() {
                tx.execute(
                    "UPDATE session_contributions SET position = ?3 WHERE session_id = ?1 AND submission_id = ?2",
                    params![session, submission, position as i64],
                )?;
            }
            Ok(((), vec![]))
        })
    }

    /// Sets the questions-and-answers time after a contribution.
    pub fn set_qa_minutes(&mut self, session: i64, submission: i64, minutes: i64) -> Result<()> {
        if minutes < 0 {
            return Err(EditError::NegativeCapacity(minutes).into());
        }
        self.journaled("Temps de questions", &[session], |tx| {
            tx.execute(
                "UPDATE session_contributions SET qa_minutes = ?3 WHERE session_id = ?1 AND submission_id = ?2",
                params![session, submission, minutes],
            )?;
            Ok(((), vec![]))
        })
    }

    /// Puts a centrifugeuse project at a table (1, 2...), or at none.
    pub fn set_table(&mut self, session: i64, submission: i64, table: Option<i64>) -> Result<()> {
        if table.is_some_and(|t| t < 1) {
            return Err(EditError::BadValue {
                field: "table".into(),
                value: format!("{table:?}"),
            }
            .into());
        }
        self.journaled("Table d'un projet", &[session], |tx| {
            tx.execute(
                "UPDATE session_contributions SET table_number = ?3 WHERE session_id = ?1 AND submission_id = ?2",
                params![session, submission, table],
            )?;
            Ok(((), vec![]))
        })
    }

    pub fn remove_session_person(
        &mut self,
        session: i64,
        person: i64,
        role: SessionRole,
    ) -> Result<()> {
        self.journaled("Retrait d'une personne", &[session], |tx| {
            tx.execute(
                "DELETE FROM session_people WHERE session_id = ?1 AND person_id = ?2 AND role = ?3",
                params![session, person, role.code()],
            )?;
            Ok(((), vec![]))
        })
    }

    /// Adds someone who speaks without a submission, moderates or facilitates.
    pub fn add_session_person(
        &mut self,
        session: i64,
        person: i64,
        role: SessionRole,
    ) -> Result<()> {
        self.journaled("Ajout d'une personne", &[session], |tx| {
            exists(tx, session)?;
            tx.execute(
                "INSERT OR IGNORE INTO session_people (session_id, person_id, role, position)
                 VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM session_people WHERE session_id = ?1))",
                params![session, person, role.code()],
            )?;
            Ok(((), vec![]))
        })
    }
}

fn append_contribution(tx: &Connection, session: i64, submission: i64) -> Result<()> {
    let found: Option<i64> = tx
        .query_row(
            "SELECT id FROM submissions WHERE id = ?1",
            [submission],
            |r| r.get(0),
        )
        .optional()?;
    found.ok_or(EditError::SubmissionNotFound(submission))?;
    tx.execute(
        "INSERT OR IGNORE INTO session_contributions (session_id, submission_id, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM session_contributions WHERE session_id = ?1))",
        params![session, submission],
    )?;
    Ok(())
}
