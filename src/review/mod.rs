//! Reviewing the answers: listing and finding them (`query`), statuses, reviewers'
//! scores and notes, tags, and the balance of actors (`balance`).

mod balance;
mod query;

pub use balance::{ActorLine, Balance, Targets};
pub use query::Query;

use rusqlite::params;
use serde::Serialize;

use crate::error::{EditError, Result};
use crate::model::{CorrectableField, Status};
use crate::Project;

/// A contributor as the review lists show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contributor {
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub organisation: String,
}

/// One reviewer's opinion of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    pub reviewer: String,
    pub score: Option<i64>,
    pub note: String,
}

/// One submission with what the review screen and `journee submissions --json` show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubmissionView {
    pub id: i64,
    pub external_id: Option<String>,
    pub title: String,
    pub format: String,
    pub axes: Vec<u8>,
    pub actor_type: String,
    pub language: String,
    pub status: String,
    pub organisation: String,
    pub summary: String,
    pub co_speakers: String,
    pub submitted_at: Option<String>,
    pub contributors: Vec<Contributor>,
    /// Problems found at import (`{"row", "column", "severity", "message"}`).
    pub flags: serde_json::Value,
    /// The first sending of the same content, when this one repeats it.
    pub duplicate_of: Option<i64>,
    pub reviews: Vec<Review>,
    /// Mean of the reviewers' scores, when there are any.
    pub score: Option<f64>,
    pub tags: Vec<String>,
    /// Fields corrected by hand, which imports leave alone.
    pub corrected: Vec<String>,
    /// The organisers' notes.
    pub notes: String,
    /// The sessions it is in (usually one; two is a warning of the programme).
    pub sessions: Vec<SessionRef>,
}

impl SubmissionView {
    /// Worth a second look: problems found at import, or a second sending of another.
    pub fn is_flagged(&self) -> bool {
        self.duplicate_of.is_some() || self.flags.as_array().is_some_and(|f| !f.is_empty())
    }
}

/// A session, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionRef {
    pub id: i64,
    pub title: String,
}

impl Project {
    /// The submissions, oldest first, optionally only those with `status`.
    pub fn submissions(&self, status: Option<Status>) -> Result<Vec<SubmissionView>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.external_id, s.title, s.format, s.axes, s.actor_type, s.language, s.status,
                    coalesce(p.organisation, ''), s.summary, s.co_speakers, s.submitted_at, s.flags,
                    s.duplicate_of, s.overrides, s.notes, coalesce(p.corrected, '[]')
             FROM submissions s LEFT JOIN people p ON p.id = s.contact_id
             WHERE ?1 IS NULL OR s.status = ?1
             ORDER BY s.id",
        )?;
        let rows = stmt.query_map([status.map(Status::code)], |row| {
            let axes: String = row.get(4)?;
            let flags: String = row.get(12)?;
            Ok(SubmissionView {
                id: row.get(0)?,
                external_id: row.get(1)?,
                title: row.get(2)?,
                format: row.get(3)?,
                axes: axes
                    .split(',')
                    .filter_map(|a| a.trim().parse().ok())
                    .collect(),
                actor_type: row.get(5)?,
                language: row.get(6)?,
                status: row.get(7)?,
                organisation: row.get(8)?,
                summary: row.get(9)?,
                co_speakers: row.get(10)?,
                submitted_at: row.get(11)?,
                contributors: Vec::new(),
                flags: serde_json::from_str(&flags).unwrap_or(serde_json::Value::Array(vec![])),
                duplicate_of: row.get(13)?,
                reviews: Vec::new(),
                score: None,
                tags: Vec::new(),
                // The submission's own corrections, then its contact's.
                corrected: serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(
                    &row.get::<_, String>(14)?,
                )
                .map(|m| m.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .chain(
                    serde_json::from_str::<Vec<String>>(&row.get::<_, String>(16)?)
                        .unwrap_or_default(),
                )
                .collect(),
                notes: row.get(15)?,
                sessions: Vec::new(),
            })
        })?;
        let mut list: Vec<SubmissionView> = rows.collect::<rusqlite::Result<_>>()?;
        let mut speakers = self.conn.prepare(
            "SELECT ss.submission_id, p.id, p.first_name, p.last_name, p.email, p.organisation
             FROM submission_speakers ss JOIN people p ON p.id = ss.person_id
             ORDER BY ss.submission_id, ss.position",
        )?;
        let mut by_submission: std::collections::HashMap<i64, Vec<Contributor>> =
            Default::default();
        for row in speakers.query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                Contributor {
                    person_id: row.get(1)?,
                    first_name: row.get(2)?,
                    last_name: row.get(3)?,
                    email: row.get(4)?,
                    organisation: row.get(5)?,
                },
            ))
        })? {
            let (submission, contributor) = row?;
            by_submission
                .entry(submission)
                .or_default()
                .push(contributor);
        }
        let mut reviews: std::collections::HashMap<i64, Vec<Review>> = Default::default();
        let mut stmt = self.conn.prepare(
            "SELECT submission_id, reviewer, score, note FROM reviews ORDER BY submission_id, reviewer",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Review {
                    reviewer: r.get(1)?,
                    score: r.get(2)?,
                    note: r.get(3)?,
                },
            ))
        })? {
            let (id, review) = row?;
            reviews.entry(id).or_default().push(review);
        }
        let mut tags: std::collections::HashMap<i64, Vec<String>> = Default::default();
        let mut stmt = self.conn.prepare(
            "SELECT submission_id, tag FROM submission_tags ORDER BY submission_id, tag",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (id, tag) = row?;
            tags.entry(id).or_default().push(tag);
        }
        let mut sessions: std::collections::HashMap<i64, Vec<SessionRef>> = Default::default();
        let mut stmt = self.conn.prepare(
            "SELECT sc.submission_id, se.id, se.title
             FROM session_contributions sc JOIN sessions se ON se.id = sc.session_id
             ORDER BY sc.submission_id, se.id",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                SessionRef {
                    id: r.get(1)?,
                    title: r.get(2)?,
                },
            ))
        })? {
            let (id, session) = row?;
            sessions.entry(id).or_default().push(session);
        }
        for view in &mut list {
            view.sessions = sessions.remove(&view.id).unwrap_or_default();
            view.contributors = by_submission.remove(&view.id).unwrap_or_default();
            view.reviews = reviews.remove(&view.id).unwrap_or_default();
            let scores: Vec<i64> = view.reviews.iter().filter_map(|r| r.score).collect();
            if !scores.is_empty() {
                view.score = Some(scores.iter().sum::<i64>() as f64 / scores.len() as f64);
            }
            view.tags = tags.remove(&view.id).unwrap_or_default();
        }
        Ok(list)
    }

    /// The submissions `query` finds, in the order of `submissions`.
    pub fn find_submissions(&self, query: &Query) -> Result<Vec<SubmissionView>> {
        Ok(self
            .submissions(None)?
            .into_iter()
            .filter(|s| query.matches(s))
            .collect())
    }

    /// Gives `status` to several submissions at once, all or none.
    pub fn set_statuses(&mut self, ids: &[i64], status: Status) -> Result<()> {
        let label = match ids {
            [one] => format!(
                "Statut «\u{a0}{}\u{a0}» de {}",
                status.label_fr(),
                self.submission_name(*one)
            ),
            many => format!(
                "Statut «\u{a0}{}\u{a0}» de {}\u{a0}contributions",
                status.label_fr(),
                many.len()
            ),
        };
        self.recorded(&label, ids, &[], |tx| {
            for id in ids {
                let changed = tx.execute(
                    "UPDATE submissions SET status = ?2 WHERE id = ?1",
                    params![id, status.code()],
                )?;
                if changed == 0 {
                    return Err(EditError::SubmissionNotFound(*id).into());
                }
            }
            Ok(())
        })
    }

    /// « « Title » », or « la contribution N » without a title, for undo's labels.
    fn submission_name(&self, id: i64) -> String {
        let title: Option<String> = self
            .conn
            .query_row("SELECT title FROM submissions WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .ok();
        match title.filter(|t| !t.trim().is_empty()) {
            Some(t) => {
                let short: String = t.chars().take(60).collect();
                let cut = if short.len() < t.len() { "…" } else { "" };
                format!("«\u{a0}{short}{cut}\u{a0}»")
            }
            None => format!("la contribution {id}"),
        }
    }

    /// Records `reviewer`'s score (0 to 5) and note on a submission, replacing theirs.
    pub fn review(
        &mut self,
        id: i64,
        reviewer: &str,
        score: Option<i64>,
        note: &str,
    ) -> Result<()> {
        let reviewer = reviewer.trim();
        if reviewer.is_empty() {
            return Err(EditError::EmptyName("de l’évaluateur·rice").into());
        }
        if let Some(score) = score {
            if !(0..=5).contains(&score) {
                return Err(EditError::ScoreOutOfRange(score).into());
            }
        }
        let label = format!("Avis de {reviewer} sur {}", self.submission_name(id));
        self.recorded(&label, &[id], &[], |tx| {
            ensure_submission(tx, id)?;
            tx.execute(
                "INSERT INTO reviews (submission_id, reviewer, score, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (submission_id, reviewer) DO UPDATE SET score = ?3, note = ?4, updated_at = ?5",
                params![id, reviewer, score, note, chrono::Local::now().to_rfc3339()],
            )?;
            Ok(())
        })
    }

    /// Replaces a submission's tags (trimmed, without duplicates or empty ones).
    pub fn set_tags(&mut self, id: i64, tags: &[String]) -> Result<()> {
        let label = format!("Étiquettes de {}", self.submission_name(id));
        self.recorded(&label, &[id], &[], |tx| {
            ensure_submission(tx, id)?;
            tx.execute("DELETE FROM submission_tags WHERE submission_id = ?1", [id])?;
            for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                tx.execute(
                    "INSERT OR IGNORE INTO submission_tags (submission_id, tag) VALUES (?1, ?2)",
                    params![id, tag],
                )?;
            }
            Ok(())
        })
    }

    /// Corrects an imported field by hand (a `CorrectableField` code: the submission's
    /// own, or its contact's). The correction wins over later imports.
    pub fn correct_submission(&mut self, id: i64, field: &str, value: &str) -> Result<()> {
        let field: CorrectableField = field
            .parse()
            .map_err(|_| EditError::NotEditable(field.to_string()))?;
        if field.of_contact() {
            return self.correct_contact(id, field, value);
        }
        let value = value.trim();
        let valid = match field {
            CorrectableField::Format => crate::model::Format::parse(value).is_some(),
            CorrectableField::ActorType => crate::model::ActorType::parse(value).is_some(),
            CorrectableField::Language => value == "fr" || value == "en",
            CorrectableField::Axes => value
                .split(',')
                .filter(|a| !a.trim().is_empty())
                .all(|a| matches!(a.trim(), "1" | "2" | "3" | "4")),
            CorrectableField::Title => !value.is_empty(),
            _ => true,
        };
        if !valid {
            return Err(EditError::BadValue {
                field: field.code().to_string(),
                value: value.to_string(),
            }
            .into());
        }
        // The column is the field's code: a name from the enum, never the caller's text.
        let column = field.code();
        let label = format!("Correction de {}", self.submission_name(id));
        self.recorded(&label, &[id], &[], |tx| {
            let overrides: String = tx
                .query_row(
                    "SELECT overrides FROM submissions WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .map_err(|_| EditError::SubmissionNotFound(id))?;
            let mut overrides: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&overrides).unwrap_or_default();
            overrides.insert(column.to_string(), value.into());
            tx.execute(
                &format!("UPDATE submissions SET {column} = ?2, overrides = ?3 WHERE id = ?1"),
                params![id, value, serde_json::Value::Object(overrides).to_string()],
            )?;
            Ok(())
        })
    }

    /// Corrects a field of the submission's contact (a flagged email): kept by later
    /// imports, and the import's problems about that field leave the contact's
    /// submissions (they were answered).
    fn correct_contact(&mut self, id: i64, field: CorrectableField, value: &str) -> Result<()> {
        let value = value.trim();
        let valid = match field {
            CorrectableField::Email => email_address::EmailAddress::is_valid(value),
            CorrectableField::Organisation => true,
            _ => !value.is_empty(),
        };
        if !valid {
            return Err(EditError::BadValue {
                field: field.code().to_string(),
                value: value.to_string(),
            }
            .into());
        }
        let contact: Option<i64> = self
            .conn
            .query_row(
                "SELECT contact_id FROM submissions WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(|_| EditError::SubmissionNotFound(id))?;
        let contact = contact.ok_or(EditError::SubmissionNotFound(id))?;
        // The contact's other submissions lose their problems about the field too.
        let theirs: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM submissions WHERE contact_id = ?1")?
            .query_map([contact], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let label = format!("Correction du contact de {}", self.submission_name(id));
        self.recorded(&label, &theirs, &[contact], |tx| {
            correct_contact_in(tx, contact, field, value)
        })
    }
}

fn correct_contact_in(
    tx: &rusqlite::Transaction,
    contact: i64,
    field: CorrectableField,
    value: &str,
) -> Result<()> {
    let column = field.code();
    let corrected: String = tx.query_row(
        "SELECT corrected FROM people WHERE id = ?1",
        [contact],
        |r| r.get(0),
    )?;
    let mut corrected: Vec<String> = serde_json::from_str(&corrected).unwrap_or_default();
    if !corrected.iter().any(|c| c == column) {
        corrected.push(column.to_string());
    }
    // The column name is the field's code, never the caller's text.
    tx.execute(
        &format!("UPDATE people SET {column} = ?2, corrected = ?3 WHERE id = ?1"),
        params![
            contact,
            value,
            serde_json::to_string(&corrected).expect("names serialise")
        ],
    )?;
    // The problems about this field on the contact's submissions are answered.
    let names: &[&str] = match field {
        CorrectableField::LastName => &["last_name", "full_name"],
        other => &[other.code()],
    };
    let mut stmt = tx.prepare("SELECT id, flags FROM submissions WHERE contact_id = ?1")?;
    let flagged: Vec<(i64, String)> = stmt
        .query_map([contact], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    for (submission, flags) in flagged {
        let Ok(serde_json::Value::Array(mut list)) = serde_json::from_str(&flags) else {
            continue;
        };
        let before = list.len();
        list.retain(|p| !p["field"].as_str().is_some_and(|f| names.contains(&f)));
        if list.len() != before {
            tx.execute(
                "UPDATE submissions SET flags = ?2 WHERE id = ?1",
                params![submission, serde_json::Value::Array(list).to_string()],
            )?;
        }
    }
    Ok(())
}

impl Project {
    pub fn set_status(&mut self, id: i64, status: Status) -> Result<()> {
        self.set_statuses(&[id], status)
    }
}

/// Fails with a French message when no submission has this number.
fn ensure_submission(conn: &rusqlite::Connection, id: i64) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT count(*) FROM submissions WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(EditError::SubmissionNotFound(id).into())
    }
}
