//! Review edits (statuses, scores, tags, hand corrections) and edits of people as steps
//! of the project's one undo history: each step keeps the records it touched as they
//! were before and after, and undo puts "before" back.

use std::collections::BTreeMap;

use rusqlite::types::Value as Sql;
use rusqlite::{params, params_from_iter, Connection, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Result;
use crate::Project;

/// The columns a step keeps. Fixed here, they are the only names that go into SQL.
const SUBMISSION_COLUMNS: [&str; 11] = [
    "status",
    "title",
    "summary",
    "format",
    "axes",
    "actor_type",
    "language",
    "co_speakers",
    "overrides",
    "flags",
    "notes",
];
const PERSON_COLUMNS: [&str; 14] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "organisation",
    "actor_type",
    "country",
    "registered",
    "badge_role",
    "wishes",
    "accessibility",
    "notes",
    "corrected",
    "external_id",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubmissionRecord {
    id: i64,
    columns: BTreeMap<String, Value>,
    /// (reviewer, score, note, updated_at)
    reviews: Vec<(String, Option<i64>, String, String)>,
    tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonRecord {
    id: i64,
    columns: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Records {
    submissions: Vec<SubmissionRecord>,
    people: Vec<PersonRecord>,
}

/// How a journal entry of this kind is stored: one field naming it, so that it is never
/// read as another kind of step.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecordsStep {
    records: Records,
}

/// A stored value as JSON, for a step of the history (and back with `to_sql`).
pub(crate) fn to_json(value: Sql) -> Value {
    match value {
        Sql::Null => Value::Null,
        Sql::Integer(n) => n.into(),
        Sql::Real(x) => x.into(),
        Sql::Text(s) => s.into(),
        Sql::Blob(_) => Value::Null,
    }
}

pub(crate) fn to_sql(value: &Value) -> Sql {
    match value {
        Value::Null => Sql::Null,
        Value::Number(n) => n
            .as_i64()
            .map_or(Sql::Real(n.as_f64().unwrap_or(0.0)), Sql::Integer),
        Value::String(s) => Sql::Text(s.clone()),
        Value::Bool(b) => Sql::Integer(*b as i64),
        other => Sql::Text(other.to_string()),
    }
}

fn columns_of(
    conn: &Connection,
    table: &str,
    columns: &[&str],
    id: i64,
) -> Result<Option<BTreeMap<String, Value>>> {
    let sql = format!("SELECT {} FROM {table} WHERE id = ?1", columns.join(", "));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let mut out = BTreeMap::new();
    for (i, c) in columns.iter().enumerate() {
        out.insert(c.to_string(), to_json(row.get(i)?));
    }
    Ok(Some(out))
}

fn put_columns(
    conn: &Connection,
    table: &str,
    allowed: &[&str],
    id: i64,
    values: &BTreeMap<String, Value>,
) -> Result<()> {
    // Only the names of the fixed lists: a journal edited by hand cannot name others.
    let names: Vec<&str> = allowed
        .iter()
        .copied()
        .filter(|c| values.contains_key(*c))
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    let set: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 2))
        .collect();
    let sql = format!("UPDATE {table} SET {} WHERE id = ?1", set.join(", "));
    let mut args = vec![Sql::Integer(id)];
    args.extend(names.iter().map(|c| to_sql(&values[*c])));
    conn.execute(&sql, params_from_iter(args))?;
    Ok(())
}

fn take(conn: &Connection, submissions: &[i64], people: &[i64]) -> Result<Records> {
    let mut records = Records {
        submissions: Vec::new(),
        people: Vec::new(),
    };
    for &id in submissions {
        let Some(columns) = columns_of(conn, "submissions", &SUBMISSION_COLUMNS, id)? else {
            continue;
        };
        let reviews = conn
            .prepare_cached(
                "SELECT reviewer, score, note, updated_at FROM reviews WHERE submission_id = ?1 ORDER BY reviewer",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let tags = conn
            .prepare_cached(
                "SELECT tag FROM submission_tags WHERE submission_id = ?1 ORDER BY tag",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        records.submissions.push(SubmissionRecord {
            id,
            columns,
            reviews,
            tags,
        });
    }
    for &id in people {
        if let Some(columns) = columns_of(conn, "people", &PERSON_COLUMNS, id)? {
            records.people.push(PersonRecord { id, columns });
        }
    }
    Ok(records)
}

fn put(conn: &Connection, records: &Records) -> Result<()> {
    for s in &records.submissions {
        put_columns(conn, "submissions", &SUBMISSION_COLUMNS, s.id, &s.columns)?;
        conn.execute("DELETE FROM reviews WHERE submission_id = ?1", [s.id])?;
        for (reviewer, score, note, at) in &s.reviews {
            conn.execute(
                "INSERT INTO reviews (submission_id, reviewer, score, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![s.id, reviewer, score, note, at],
            )?;
        }
        conn.execute(
            "DELETE FROM submission_tags WHERE submission_id = ?1",
            [s.id],
        )?;
        for tag in &s.tags {
            conn.execute(
                "INSERT INTO submission_tags (submission_id, tag) VALUES (?1, ?2)",
                params![s.id, tag],
            )?;
        }
    }
    for p in &records.people {
        put_columns(conn, "people", &PERSON_COLUMNS, p.id, &p.columns)?;
    }
    Ok(())
}

/// Puts back a side of a stored step, when `stored` is one of this kind.
pub(crate) fn apply(conn: &Connection, stored: &str) -> Option<Result<()>> {
    let step: RecordsStep = serde_json::from_str(stored).ok()?;
    Some(put(conn, &step.records))
}

impl Project {
    /// Runs `edit` in one transaction as an undoable step named `label`, keeping the
    /// `submissions` and `people` records as they were before and after it.
    pub(crate) fn recorded<T>(
        &mut self,
        label: &str,
        submissions: &[i64],
        people: &[i64],
        edit: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let tx = self.begin()?;
        let before = take(&tx, submissions, people)?;
        let value = edit(&tx)?;
        let after = take(&tx, submissions, people)?;
        if before != after {
            super::record_step(
                &tx,
                label,
                &RecordsStep { records: before },
                &RecordsStep { records: after },
                false,
            )?;
        }
        tx.commit()?;
        Ok(value)
    }
}
