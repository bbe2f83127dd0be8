//! Submissions, their speakers, reviews and tags.

use rusqlite::{params, Connection, Statement};

use super::people::StoredPerson;
use crate::error::Result;
use crate::model::Submission;

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
