//! Composing sessions: their fields, their running order of contributions, their people.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

use super::SessionView;
use crate::error::{EditError, Result};
use crate::model::{Session, SessionKind, SessionRole};
use crate::store;
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

/// Every session with its contributions, people and placement; the audiences not entered
/// estimated, the talks of a placed session timed.
pub(crate) fn read_sessions(conn: &Connection) -> Result<Vec<SessionView>> {
    let mut list = store::read_sessions(conn)?;
    super::estimate::estimate_audiences(conn, &store::read_rooms(conn)?, &mut list)?;
    running_order_times(&store::read_slots(conn)?, &mut list);
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
    if store::session_exists(conn, id)? {
        Ok(())
    } else {
        Err(EditError::SessionNotFound(id).into())
    }
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
            let id = store::insert_session(
                tx,
                &Session {
                    id: 0,
                    title: new.title.trim().to_string(),
                    kind: new.kind,
                    language: new.language.clone(),
                    expected_audience: new.expected_audience,
                    description: new.description.clone(),
                },
            )?;
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
        let session = Session {
            id,
            title: title.trim().to_string(),
            kind,
            language,
            expected_audience: audience,
            description,
        };
        self.journaled("Modification d'une session", &[id], |tx| {
            store::update_session(tx, &session)?;
            Ok(((), vec![]))
        })
    }

    pub fn remove_session(&mut self, id: i64) -> Result<()> {
        self.journaled("Suppression d'une session", &[id], |tx| {
            exists(tx, id)?;
            store::delete_session(tx, id)?;
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
                if !store::remove_contribution(tx, session, submission)? {
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
            store::remove_contribution(tx, session, submission)?;
            Ok(((), vec![]))
        })
    }

    /// Sets the running order: `submissions` must be the session's contributions, reordered.
    pub fn reorder_contributions(&mut self, session: i64, submissions: &[i64]) -> Result<()> {
        self.journaled("Nouvel ordre des contributions", &[session], |tx| {
            let mut current = store::contributions_of(tx, session)?;
            let mut wanted = submissions.to_vec();
            current.sort_unstable();
            wanted.sort_unstable();
            if current != wanted {
                return Err(EditError::BadOrder.into());
            }
            store::set_running_order(tx, session, submissions)?;
            Ok(((), vec![]))
        })
    }

    /// Sets the questions-and-answers time after a contribution.
    pub fn set_qa_minutes(&mut self, session: i64, submission: i64, minutes: i64) -> Result<()> {
        if minutes < 0 {
            return Err(EditError::NegativeCapacity(minutes).into());
        }
        self.journaled("Temps de questions", &[session], |tx| {
            store::set_qa_minutes(tx, session, submission, minutes)?;
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
            store::set_table(tx, session, submission, table)?;
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
            store::remove_session_person(tx, session, person, role)?;
            Ok(((), vec![]))
        })
    }

    /// Pins a session where it is, or takes the pin away: a proposed programme never
    /// moves a pinned session. Undoable.
    pub fn pin(&mut self, id: i64, pinned: bool) -> Result<()> {
        let label = if pinned {
            "Épinglage d'une session"
        } else {
            "Session désépinglée"
        };
        self.journaled(label, &[id], |tx| {
            exists(tx, id)?;
            store::set_pinned(tx, id, pinned)?;
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
            store::add_session_person(tx, session, person, role)?;
            Ok(((), vec![]))
        })
    }
}

/// Adds a submission at the end of a session's running order, once it is known to exist.
fn append_contribution(tx: &Connection, session: i64, submission: i64) -> Result<()> {
    if !store::submission_exists(tx, submission)? {
        return Err(EditError::SubmissionNotFound(submission).into());
    }
    store::add_contribution(tx, session, submission)
}
