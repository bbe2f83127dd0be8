//! Two records of one person (registered twice, or known as a speaker and registered
//! under another address) made one: the record kept takes what the other knew and every
//! place the other had (submissions, sessions, seats). One undoable step: it keeps every
//! row of the two people as they were before and after.

use std::collections::BTreeMap;

use rusqlite::{params, params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{EditError, Result};
use crate::history::records::{to_json, to_sql};
use crate::Project;

/// The tables that hold a person, and the column that names them. Fixed here: the only
/// names that go into SQL.
const HOLDERS: [(&str, &str); 4] = [
    ("people", "id"),
    ("submission_speakers", "person_id"),
    ("session_people", "person_id"),
    ("table_seats", "person_id"),
];

type Row = BTreeMap<String, Value>;

/// Every row that names two people, and the submissions they are the contact of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleRows {
    ids: Vec<i64>,
    rows: BTreeMap<String, Vec<Row>>,
    /// (submission, contact)
    contacts: Vec<(i64, i64)>,
}

/// How a journal entry of this kind is stored.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleStep {
    people_rows: PeopleRows,
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare(&format!("PRAGMA table_info({table})"))?
        .query_map([], |r| r.get::<_, String>(1))?
        .collect::<rusqlite::Result<_>>()?)
}

fn take(conn: &Connection, ids: &[i64]) -> Result<PeopleRows> {
    let list = ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let mut rows = BTreeMap::new();
    for (table, column) in HOLDERS {
        let names = columns(conn, table)?;
        let mut stmt = conn.prepare(&format!(
            "SELECT {} FROM {table} WHERE {column} IN ({list}) ORDER BY rowid",
            names.join(", ")
        ))?;
        let found = stmt
            .query_map([], |r| {
                let mut row = Row::new();
                for (i, name) in names.iter().enumerate() {
                    row.insert(name.clone(), to_json(r.get(i)?));
                }
                Ok(row)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.insert(table.to_string(), found);
    }
    let contacts = conn
        .prepare(&format!(
            "SELECT id, contact_id FROM submissions WHERE contact_id IN ({list}) ORDER BY id"
        ))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(PeopleRows {
        ids: ids.to_vec(),
        rows,
        contacts,
    })
}

fn put(conn: &Connection, side: &PeopleRows) -> Result<()> {
    let list = side
        .ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    // The people first: removing them takes their other rows with them (and leaves their
    // submissions without a contact), which are all written back just after.
    for (table, column) in HOLDERS {
        conn.execute(
            &format!("DELETE FROM {table} WHERE {column} IN ({list})"),
            [],
        )?;
        let known = columns(conn, table)?;
        for row in side.rows.get(table).into_iter().flatten() {
            // Only the table's own columns, whatever the stored text says.
            let names: Vec<&String> = row.keys().filter(|k| known.contains(k)).collect();
            let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
            conn.execute(
                &format!(
                    "INSERT INTO {table} ({}) VALUES ({})",
                    names
                        .iter()
                        .map(|n| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    marks.join(", ")
                ),
                params_from_iter(names.iter().map(|n| to_sql(&row[*n]))),
            )?;
        }
    }
    for (submission, contact) in &side.contacts {
        conn.execute(
            "UPDATE submissions SET contact_id = ?2 WHERE id = ?1",
            params![submission, contact],
        )?;
    }
    Ok(())
}

/// Puts back a side of a stored step, when `stored` is one of this kind.
pub(crate) fn apply(conn: &Connection, stored: &str) -> Option<Result<()>> {
    let step: PeopleStep = serde_json::from_str(stored).ok()?;
    Some(put(conn, &step.people_rows))
}

/// Text fields the kept record takes from the other when it has none; the two texts
/// joined when both have one that differs.
const FILLED: [&str; 7] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "organisation",
    "country",
    "external_id",
];
const JOINED: [&str; 3] = ["wishes", "accessibility", "notes"];

impl Project {
    /// Makes `other` one with `keep`: `keep` takes what it lacked, `other`'s places and
    /// roles; `other` goes. Undone as one step.
    pub fn merge_people(&mut self, keep: i64, other: i64) -> Result<()> {
        if keep == other {
            return Err(EditError::MergeWithItself(keep).into());
        }
        for id in [keep, other] {
            if !crate::store::person_exists(&self.conn, id)? {
                return Err(EditError::PersonNotFound(id).into());
            }
        }
        let label = format!(
            "Fusion de {} et {}",
            self.person_name(keep),
            self.person_name(other)
        );
        let tx = self.begin()?;
        let before = take(&tx, &[keep, other])?;
        let row = |id: i64| -> Option<&Row> {
            before.rows["people"]
                .iter()
                .find(|r| r["id"].as_i64() == Some(id))
        };
        let (kept, gone) = (row(keep).cloned().unwrap(), row(other).cloned().unwrap());
        let text = |r: &Row, c: &str| {
            r.get(c)
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_string()
        };
        for column in FILLED {
            let (mine, theirs) = (text(&kept, column), text(&gone, column));
            if mine.is_empty() && !theirs.is_empty() {
                if column == "external_id" {
                    // Unique: the other's goes first.
                    tx.execute(
                        "UPDATE people SET external_id = NULL WHERE id = ?1",
                        [other],
                    )?;
                }
                tx.execute(
                    &format!("UPDATE people SET {column} = ?2 WHERE id = ?1"),
                    params![keep, theirs],
                )?;
            }
        }
        for column in JOINED {
            let (mine, theirs) = (text(&kept, column), text(&gone, column));
            let joined = match (mine.is_empty(), theirs.is_empty()) {
                (_, true) => continue,
                (true, false) => theirs,
                _ if mine == theirs || mine.contains(&theirs) => continue,
                _ => format!("{mine} ; {theirs}"),
            };
            tx.execute(
                &format!("UPDATE people SET {column} = ?2 WHERE id = ?1"),
                params![keep, joined],
            )?;
        }
        tx.execute(
            "UPDATE people SET registered = max(registered, (SELECT registered FROM people WHERE id = ?2)),
                 badge_role = coalesce(badge_role, (SELECT badge_role FROM people WHERE id = ?2)),
                 actor_type = CASE WHEN actor_type = 'autre' THEN (SELECT actor_type FROM people WHERE id = ?2) ELSE actor_type END
             WHERE id = ?1",
            params![keep, other],
        )?;
        // Their places: where `keep` already is, the other's row goes.
        for table in ["submission_speakers", "session_people"] {
            tx.execute(
                &format!("UPDATE OR IGNORE {table} SET person_id = ?1 WHERE person_id = ?2"),
                params![keep, other],
            )?;
        }
        tx.execute(
            "UPDATE table_seats SET person_id = ?1 WHERE person_id = ?2
             AND session_id NOT IN (SELECT session_id FROM table_seats WHERE person_id = ?1)",
            params![keep, other],
        )?;
        tx.execute(
            "UPDATE submissions SET contact_id = ?1 WHERE contact_id = ?2",
            params![keep, other],
        )?;
        tx.execute("DELETE FROM people WHERE id = ?1", [other])?;
        let after = take(&tx, &[keep, other])?;
        crate::history::record_step(
            &tx,
            &label,
            &PeopleStep {
                people_rows: before,
            },
            &PeopleStep { people_rows: after },
            false,
        )?;
        tx.commit()?;
        Ok(())
    }
}
