//! Submissions, their speakers, reviews and tags.

use rusqlite::{params, Connection, OptionalExtension, Statement};

use super::people::StoredPerson;
use crate::error::Result;
use crate::model::{
    Contributor, CorrectableField, Review, SessionRef, Status, Submission, SubmissionView,
};

/// A submission's imported fields, as stored, to compare with a new download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSubmission {
    pub id: i64,
    pub external_id: Option<String>,
    pub contact_id: Option<i64>,
    pub email: String,
    pub fields: ImportedFields,
    /// Field names corrected by hand: an import leaves them alone.
    pub overrides: serde_json::Map<String, serde_json::Value>,
    pub from_import: bool,
    /// The first sending of the same content, when this one repeats it.
    pub duplicate_of: Option<i64>,
}

/// The fields an import writes on a submission, as stored (codes, "1,3" for axes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportedFields {
    pub format: String,
    pub axes: String,
    pub actor_type: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub co_speakers: String,
    pub submitted_at: Option<String>,
}

impl ImportedFields {
    pub const NAMES: [&'static str; 8] = [
        "format",
        "axes",
        "actor_type",
        "title",
        "summary",
        "language",
        "co_speakers",
        "submitted_at",
    ];

    pub fn get(&self, name: &str) -> Option<String> {
        match name {
            "format" => Some(self.format.clone()),
            "axes" => Some(self.axes.clone()),
            "actor_type" => Some(self.actor_type.clone()),
            "title" => Some(self.title.clone()),
            "summary" => Some(self.summary.clone()),
            "language" => Some(self.language.clone()),
            "co_speakers" => Some(self.co_speakers.clone()),
            "submitted_at" => self.submitted_at.clone(),
            _ => None,
        }
    }

    pub fn set(&mut self, name: &str, value: Option<String>) {
        let text = value.clone().unwrap_or_default();
        match name {
            "format" => self.format = text,
            "axes" => self.axes = text,
            "actor_type" => self.actor_type = text,
            "title" => self.title = text,
            "summary" => self.summary = text,
            "language" => self.language = text,
            "co_speakers" => self.co_speakers = text,
            "submitted_at" => self.submitted_at = value,
            _ => {}
        }
    }
}

pub fn read_stored_submissions(conn: &Connection) -> Result<Vec<StoredSubmission>> {
    let mut stmt = conn.prepare(
        "SELECT s.id, s.external_id, s.contact_id, coalesce(p.email, ''), s.format, s.axes,
                s.actor_type, s.title, s.summary, s.language, s.co_speakers, s.submitted_at,
                s.overrides, s.import_id IS NOT NULL, s.duplicate_of
         FROM submissions s LEFT JOIN people p ON p.id = s.contact_id ORDER BY s.id",
    )?;
    let rows = stmt.query_map([], |row| {
        let overrides: String = row.get(12)?;
        Ok(StoredSubmission {
            id: row.get(0)?,
            external_id: row.get(1)?,
            contact_id: row.get(2)?,
            email: row.get(3)?,
            fields: ImportedFields {
                format: row.get(4)?,
                axes: row.get(5)?,
                actor_type: row.get(6)?,
                title: row.get(7)?,
                summary: row.get(8)?,
                language: row.get(9)?,
                co_speakers: row.get(10)?,
                submitted_at: row.get(11)?,
            },
            overrides: serde_json::from_str(&overrides).unwrap_or_default(),
            from_import: row.get(13)?,
            duplicate_of: row.get(14)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const INSERT_SUBMISSION: &str =
    "INSERT INTO submissions (external_id, contact_id, format, axes, actor_type, title, summary,
         language, co_speakers, submitted_at, raw, flags, duplicate_of, import_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
const INSERT_SPEAKER: &str =
    "INSERT OR IGNORE INTO submission_speakers (submission_id, person_id, position) VALUES (?1, ?2, 0)";
/// A submission as an import writes it first.
pub struct NewSubmission<'a> {
    pub external_id: Option<&'a str>,
    pub contact_id: Option<i64>,
    pub fields: &'a ImportedFields,
    pub raw: &'a str,
    pub flags: &'a str,
    pub duplicate_of: Option<i64>,
    pub import_id: i64,
}

/// The inserts an import runs for every row, prepared once for the whole file (looking
/// them up in the statement cache row after row was a measurable part of a large import).
pub struct Inserts<'c> {
    person: Statement<'c>,
    submission: Statement<'c>,
    speaker: Statement<'c>,
}

impl<'c> Inserts<'c> {
    pub fn prepare(conn: &'c Connection) -> Result<Inserts<'c>> {
        Ok(Inserts {
            person: conn.prepare(super::people::INSERT_PERSON)?,
            submission: conn.prepare(INSERT_SUBMISSION)?,
            speaker: conn.prepare(INSERT_SPEAKER)?,
        })
    }

    /// A new person (`person.id` is ignored); returns the id given.
    pub fn person(&mut self, person: &StoredPerson, import_id: Option<i64>) -> Result<i64> {
        super::people::insert_with(&mut self.person, person, import_id)
    }

    /// A new submission, its contact as its first speaker; returns the id given.
    pub fn submission(&mut self, new: &NewSubmission) -> Result<i64> {
        let fields = new.fields;
        let id = self.submission.insert(params![
            new.external_id,
            new.contact_id,
            fields.format,
            fields.axes,
            fields.actor_type,
            fields.title,
            fields.summary,
            fields.language,
            fields.co_speakers,
            fields.submitted_at,
            new.raw,
            new.flags,
            new.duplicate_of,
            new.import_id
        ])?;
        if let Some(contact) = new.contact_id {
            self.speaker.execute(params![id, contact])?;
        }
        Ok(id)
    }
}

pub fn update_imported_submission(
    conn: &Connection,
    id: i64,
    fields: &ImportedFields,
    raw: &str,
    flags: &str,
    import_id: i64,
) -> Result<()> {
    // A row the file does not change is not written at all: a download imported again
    // costs no writing, and its undo step records nothing for it.
    conn.prepare_cached(
        "UPDATE submissions SET format = ?2, axes = ?3, actor_type = ?4, title = ?5, summary = ?6,
             language = ?7, co_speakers = ?8, submitted_at = ?9, raw = ?10, flags = ?11, import_id = ?12
         WHERE id = ?1 AND (format IS NOT ?2 OR axes IS NOT ?3 OR actor_type IS NOT ?4
             OR title IS NOT ?5 OR summary IS NOT ?6 OR language IS NOT ?7 OR co_speakers IS NOT ?8
             OR submitted_at IS NOT ?9 OR raw IS NOT ?10 OR flags IS NOT ?11)",
    )?
    .execute(params![
            id,
            fields.format,
            fields.axes,
            fields.actor_type,
            fields.title,
            fields.summary,
            fields.language,
            fields.co_speakers,
            fields.submitted_at,
            raw,
            flags,
            import_id
        ])?;
    Ok(())
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

pub fn submission_exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM submissions WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// The submissions, oldest first, optionally only those with `status`, with their
/// contributors, reviews, tags and sessions.
pub fn read_submission_views(
    conn: &Connection,
    status: Option<Status>,
) -> Result<Vec<SubmissionView>> {
    let mut stmt = conn.prepare(
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
                serde_json::from_str::<Vec<String>>(&row.get::<_, String>(16)?).unwrap_or_default(),
            )
            .collect(),
            notes: row.get(15)?,
            sessions: Vec::new(),
        })
    })?;
    let mut list: Vec<SubmissionView> = rows.collect::<rusqlite::Result<_>>()?;
    let mut speakers = conn.prepare(
        "SELECT ss.submission_id, p.id, p.first_name, p.last_name, p.email, p.organisation
         FROM submission_speakers ss JOIN people p ON p.id = ss.person_id
         ORDER BY ss.submission_id, ss.position",
    )?;
    let mut by_submission: std::collections::HashMap<i64, Vec<Contributor>> = Default::default();
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
    let mut stmt = conn.prepare(
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
    let mut stmt =
        conn.prepare("SELECT submission_id, tag FROM submission_tags ORDER BY submission_id, tag")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, tag) = row?;
        tags.entry(id).or_default().push(tag);
    }
    let mut sessions: std::collections::HashMap<i64, Vec<SessionRef>> = Default::default();
    let mut stmt = conn.prepare(
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

/// False when there is no such submission.
pub fn set_status(conn: &Connection, id: i64, status: Status) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE submissions SET status = ?2 WHERE id = ?1",
        params![id, status],
    )? == 1)
}

pub fn submission_title(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT title FROM submissions WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

/// A reviewer's score and note on a submission, replacing theirs.
pub fn write_review(
    conn: &Connection,
    id: i64,
    reviewer: &str,
    score: Option<i64>,
    note: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO reviews (submission_id, reviewer, score, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (submission_id, reviewer) DO UPDATE SET score = ?3, note = ?4, updated_at = ?5",
        params![id, reviewer, score, note, chrono::Local::now().to_rfc3339()],
    )?;
    Ok(())
}

/// Replaces a submission's tags.
pub fn set_tags(conn: &Connection, id: i64, tags: &[&str]) -> Result<()> {
    conn.execute("DELETE FROM submission_tags WHERE submission_id = ?1", [id])?;
    for tag in tags {
        insert_tag(conn, id, tag)?;
    }
    Ok(())
}

/// The fields corrected by hand on a submission, with their values; `None` when there
/// is no such submission.
pub fn overrides(
    conn: &Connection,
    id: i64,
) -> Result<Option<serde_json::Map<String, serde_json::Value>>> {
    let text: Option<String> = conn
        .query_row(
            "SELECT overrides FROM submissions WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(text.map(|t| serde_json::from_str(&t).unwrap_or_default()))
}

/// Writes a field of a submission corrected by hand, with the corrections it now has.
pub fn correct_submission(
    conn: &Connection,
    id: i64,
    field: CorrectableField,
    value: &str,
    overrides: &serde_json::Map<String, serde_json::Value>,
) -> Result<()> {
    // The column is the field's code: a name from the enum, never the caller's text.
    let column = field.code();
    conn.execute(
        &format!("UPDATE submissions SET {column} = ?2, overrides = ?3 WHERE id = ?1"),
        params![
            id,
            value,
            serde_json::Value::Object(overrides.clone()).to_string()
        ],
    )?;
    Ok(())
}

/// Who sent a submission: `None` when there is no such submission or no contact.
pub fn contact_of(conn: &Connection, id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT contact_id FROM submissions WHERE id = ?1",
            [id],
            |r| r.get::<_, Option<i64>>(0),
        )
        .optional()?
        .flatten())
}

/// The submissions a person sent, with their import problems (JSON).
pub fn flags_of_contact(conn: &Connection, contact: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare("SELECT id, flags FROM submissions WHERE contact_id = ?1")?;
    let rows = stmt.query_map([contact], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn set_flags(conn: &Connection, id: i64, flags: &str) -> Result<()> {
    conn.execute(
        "UPDATE submissions SET flags = ?2 WHERE id = ?1",
        params![id, flags],
    )?;
    Ok(())
}

/// The retained submissions in no session yet (a repeated sending is not counted), as
/// (id, title).
pub fn retained_unscheduled(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT id, title FROM submissions WHERE status = 'retenue' AND duplicate_of IS NULL
         AND id NOT IN (SELECT submission_id FROM session_contributions) ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
