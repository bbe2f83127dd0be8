//! Reviewing the answers: listing them with their contributors, and their status.

use rusqlite::params;
use serde::Serialize;

use crate::error::{EditError, Result};
use crate::model::Status;
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
}

impl Project {
    /// The submissions, oldest first, optionally only those with `status`.
    pub fn submissions(&self, status: Option<Status>) -> Result<Vec<SubmissionView>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.external_id, s.title, s.format, s.axes, s.actor_type, s.language, s.status,
                    coalesce(p.organisation, ''), s.summary, s.co_speakers, s.submitted_at, s.flags,
                    s.duplicate_of
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
        for view in &mut list {
            view.contributors = by_submission.remove(&view.id).unwrap_or_default();
        }
        Ok(list)
    }

    /// Corrects an imported field by hand ("title", "summary", "format", "axes",
    /// "actor_type", "language", "co_speakers"). The correction wins over later imports.
    pub fn correct_submission(&mut self, id: i64, field: &str, value: &str) -> Result<()> {
        const EDITABLE: [&str; 7] = [
            "title",
            "summary",
            "format",
            "axes",
            "actor_type",
            "language",
            "co_speakers",
        ];
        let Some(column) = EDITABLE.iter().find(|f| **f == field) else {
            return Err(EditError::NotEditable(field.to_string()).into());
        };
        let tx = self.conn.transaction()?;
        let overrides: String = tx
            .query_row(
                "SELECT overrides FROM submissions WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(|_| EditError::SubmissionNotFound(id))?;
        let mut overrides: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&overrides).unwrap_or_default();
        overrides.insert(field.to_string(), value.into());
        // The column name comes from the fixed list above, never from the caller's text.
        tx.execute(
            &format!("UPDATE submissions SET {column} = ?2, overrides = ?3 WHERE id = ?1"),
            params![id, value, serde_json::Value::Object(overrides).to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn set_status(&mut self, id: i64, status: Status) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE submissions SET status = ?2 WHERE id = ?1",
            params![id, status.code()],
        )?;
        if changed == 0 {
            return Err(EditError::SubmissionNotFound(id).into());
        }
        tx.commit()?;
        Ok(())
    }
}
