//! Submissions and people as the import and review features read and write them.

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Statement, ToSql};

use crate::error::Result;

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
const INSERT_PERSON: &str =
    "INSERT INTO people (first_name, last_name, email, phone, organisation, actor_type, country,
         registered, wishes, accessibility, external_id, import_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// A person's columns as INSERT_PERSON and UPDATE_PERSON number them (?1 to ?12).
fn person_values<'p>(person: &'p StoredPerson, import_id: &'p Option<i64>) -> [&'p dyn ToSql; 12] {
    [
        &person.first_name,
        &person.last_name,
        &person.email,
        &person.phone,
        &person.organisation,
        &person.actor_type,
        &person.country,
        &person.registered,
        &person.wishes,
        &person.accessibility,
        &person.external_id,
        import_id,
    ]
}

fn insert_person(
    statement: &mut Statement,
    person: &StoredPerson,
    import_id: Option<i64>,
) -> Result<i64> {
    Ok(statement.insert(&person_values(person, &import_id)[..])?)
}

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
            person: conn.prepare(INSERT_PERSON)?,
            submission: conn.prepare(INSERT_SUBMISSION)?,
            speaker: conn.prepare(INSERT_SPEAKER)?,
        })
    }

    /// A new person (`person.id` is ignored); returns the id given.
    pub fn person(&mut self, person: &StoredPerson, import_id: Option<i64>) -> Result<i64> {
        insert_person(&mut self.person, person, import_id)
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

/// A person's identity fields, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredPerson {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub organisation: String,
    pub actor_type: String,
    pub country: String,
    pub registered: bool,
    pub wishes: String,
    pub accessibility: String,
    pub external_id: Option<String>,
    /// Columns corrected by hand: an import leaves them as corrected. Written only by
    /// `correct_person`, never by `write_person`.
    pub corrected: Vec<String>,
}

const PERSON_COLUMNS: &str =
    "id, first_name, last_name, email, phone, organisation, actor_type, country,
    registered, wishes, accessibility, external_id, corrected";

fn person_from_row(row: &rusqlite::Row) -> rusqlite::Result<StoredPerson> {
    Ok(StoredPerson {
        id: row.get(0)?,
        first_name: row.get(1)?,
        last_name: row.get(2)?,
        email: row.get(3)?,
        phone: row.get(4)?,
        organisation: row.get(5)?,
        actor_type: row.get(6)?,
        country: row.get(7)?,
        registered: row.get(8)?,
        wishes: row.get(9)?,
        accessibility: row.get(10)?,
        external_id: row.get(11)?,
        corrected: serde_json::from_str(&row.get::<_, String>(12)?).unwrap_or_default(),
    })
}

pub fn find_person_by_email(conn: &Connection, email: &str) -> Result<Option<StoredPerson>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people WHERE lower(email) = lower(?1) AND email <> '' ORDER BY id LIMIT 1"
        ))?
        .query_row([email.trim()], person_from_row)
        .optional()?)
}

/// Every person with an email, as (email, id); where two people share an email, the
/// first one created comes last, so that collecting into a map keeps it, as
/// `find_person_by_email` would.
pub fn people_by_email(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt =
        conn.prepare("SELECT email, id FROM people WHERE email <> '' ORDER BY id DESC")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn find_person_by_name(
    conn: &Connection,
    first_name: &str,
    last_name: &str,
    organisation: &str,
) -> Result<Option<StoredPerson>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people WHERE lower(first_name) = lower(?1)
             AND lower(last_name) = lower(?2) AND lower(organisation) = lower(?3) ORDER BY id LIMIT 1"
        ))?
        .query_row(
            params![first_name.trim(), last_name.trim(), organisation.trim()],
            person_from_row,
        )
        .optional()?)
}

pub fn read_person(conn: &Connection, id: i64) -> Result<Option<StoredPerson>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people WHERE id = ?1"
        ))?
        .query_row([id], person_from_row)
        .optional()?)
}

pub fn read_people(conn: &Connection, registered_only: bool) -> Result<Vec<StoredPerson>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {PERSON_COLUMNS} FROM people WHERE (?1 = 0 OR registered = 1)
         ORDER BY lower(last_name), lower(first_name), id"
    ))?;
    let rows = stmt.query_map([registered_only], person_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn write_person(
    conn: &Connection,
    person: &StoredPerson,
    import_id: Option<i64>,
) -> Result<i64> {
    if person.id == 0 {
        insert_person(&mut *conn.prepare_cached(INSERT_PERSON)?, person, import_id)
    } else {
        let values = person_values(person, &import_id);
        conn.prepare_cached(
            "UPDATE people SET first_name = ?1, last_name = ?2, email = ?3, phone = ?4, organisation = ?5,
                 actor_type = ?6, country = ?7, registered = ?8, wishes = ?9, accessibility = ?10,
                 external_id = coalesce(?11, external_id), import_id = coalesce(?12, import_id)
             WHERE id = ?13",
        )?
        .execute(params_from_iter(values.into_iter().chain([&person.id as &dyn ToSql])))?;
        Ok(person.id)
    }
}

pub fn insert_import(conn: &Connection, list: &str, file_name: &str, at: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO imports (list, file_name, imported_at) VALUES (?1, ?2, ?3)",
        params![list, file_name, at],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn set_import_report(conn: &Connection, id: i64, report: &str) -> Result<()> {
    conn.execute(
        "UPDATE imports SET report = ?2 WHERE id = ?1",
        params![id, report],
    )?;
    Ok(())
}

pub fn saved_mapping(conn: &Connection, headers_key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT mapping FROM column_mappings WHERE headers_key = ?1",
            [headers_key],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn save_mapping(
    conn: &Connection,
    headers_key: &str,
    list: &str,
    mapping: &str,
    at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO column_mappings (headers_key, list, mapping, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (headers_key) DO UPDATE SET list = ?2, mapping = ?3, updated_at = ?4",
        params![headers_key, list, mapping, at],
    )?;
    Ok(())
}

pub fn read_value_mappings(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare("SELECT field, source, value FROM value_mappings")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn save_value_mapping(conn: &Connection, field: &str, source: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO value_mappings (field, source, value) VALUES (?1, ?2, ?3)
         ON CONFLICT (field, source) DO UPDATE SET value = ?3",
        params![field, source, value],
    )?;
    Ok(())
}
