//! People: who they are (the `people` table), and the badge role given by hand.

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Statement, ToSql};

use crate::error::Result;
use crate::model::Person;

/// (person id, badge role code) for everyone given a role by hand (staff, press...).
pub fn badge_roles(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt =
        conn.prepare("SELECT id, badge_role FROM people WHERE badge_role IS NOT NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Returns false when there is no such person.
pub fn set_badge_role(conn: &Connection, id: i64, role: Option<&str>) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE people SET badge_role = ?2 WHERE id = ?1",
        params![id, role],
    )? == 1)
}

pub fn person_exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

pub(super) const INSERT_PERSON: &str =
    "INSERT INTO people (first_name, last_name, email, phone, organisation, actor_type, country,
         registered, wishes, accessibility, external_id, import_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// A person's columns as INSERT_PERSON and UPDATE_PERSON number them (?1 to ?12).
fn person_values<'p>(stored: &'p StoredPerson, import_id: &'p Option<i64>) -> [&'p dyn ToSql; 12] {
    let person = &stored.person;
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
        &stored.external_id,
        import_id,
    ]
}

pub(super) fn insert_with(
    statement: &mut Statement,
    person: &StoredPerson,
    import_id: Option<i64>,
) -> Result<i64> {
    Ok(statement.insert(&person_values(person, &import_id)[..])?)
}

/// A person as stored: who they are, and what the import keeps track of beside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredPerson {
    pub person: Person,
    /// Their number in the registrations list, when they came from one.
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
        person: Person {
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
        },
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
    if person.person.id == 0 {
        insert_with(&mut *conn.prepare_cached(INSERT_PERSON)?, person, import_id)
    } else {
        let values = person_values(person, &import_id);
        conn.prepare_cached(
            "UPDATE people SET first_name = ?1, last_name = ?2, email = ?3, phone = ?4, organisation = ?5,
                 actor_type = ?6, country = ?7, registered = ?8, wishes = ?9, accessibility = ?10,
                 external_id = coalesce(?11, external_id), import_id = coalesce(?12, import_id)
             WHERE id = ?13",
        )?
        .execute(params_from_iter(values.into_iter().chain([&person.person.id as &dyn ToSql])))?;
        Ok(person.person.id)
    }
}

/// A new person known to no list (the demo's, a panellist added by hand); `person.id`
/// is ignored.
pub fn insert_person(conn: &Connection, person: &Person) -> Result<i64> {
    let stored = StoredPerson {
        person: Person {
            id: 0,
            ..person.clone()
        },
        ..StoredPerson::default()
    };
    write_person(conn, &stored, None)
}

/// Writes a field of a person corrected by hand, with the list of their corrected fields.
pub fn correct_person(
    conn: &Connection,
    id: i64,
    field: crate::model::CorrectableField,
    value: &str,
    corrected: &[String],
) -> Result<()> {
    set_person_column(conn, id, field.code(), value)?;
    set_corrected(conn, id, corrected)
}

/// Sets one of a person's columns. `column` is a name written in the code (`'static`),
/// never text that came from the user.
pub fn set_person_column(
    conn: &Connection,
    id: i64,
    column: &'static str,
    value: &str,
) -> Result<()> {
    conn.execute(
        &format!("UPDATE people SET {column} = ?2 WHERE id = ?1"),
        params![id, value],
    )?;
    Ok(())
}

/// The fields corrected by hand, which imports leave alone.
pub fn set_corrected(conn: &Connection, id: i64, corrected: &[String]) -> Result<()> {
    conn.execute(
        "UPDATE people SET corrected = ?2 WHERE id = ?1",
        params![
            id,
            serde_json::to_string(corrected).expect("names serialise")
        ],
    )?;
    Ok(())
}
