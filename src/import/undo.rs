//! An import as one step of the project's history: "Annuler cet import" and
//! `journee undo` take it back whole. What the step keeps: the rows it added (a range
//! of ids, as SQLite gives new rows ids above all others), the rows it changed as they
//! were before and after (recorded by temporary triggers while it runs, so that no
//! write of the merge can be forgotten), and the saved column mapping it replaced.
//! Undoing is refused when the organisers have worked on what the import brought since
//! (a review, a session, a status): that work is never deleted behind their back.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{EditError, Result};

/// The tables an import writes rows of, by id.
const TABLES: [&str; 2] = ["people", "submissions"];

/// What undoing one import needs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImportStep {
    pub import: i64,
    /// Per table, the ids the import added: above `from`, up to `to` included.
    pub added: Vec<Added>,
    pub changed: Vec<Changed>,
    /// The saved mapping for this file's headers before the import, if there was one:
    /// (headers key, list, mapping, updated at).
    pub mapping_key: String,
    pub mapping_before: Option<(String, String, String)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Added {
    pub table: String,
    pub from: i64,
    pub to: i64,
}

/// A row the import changed, as it was before and right after.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Changed {
    pub table: String,
    pub id: i64,
    pub before: Map<String, Value>,
    pub after: Map<String, Value>,
}

/// The journal entry of an import; `redo` is never applied (see `undo`).
#[derive(Debug, Serialize, Deserialize)]
pub struct Stored {
    pub import_step: ImportStep,
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA main.table_info({table})"))?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(1))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(names)
}

/// `json_object('a', PREFIX.a, …)` over every column of `table`.
fn json_of(conn: &Connection, table: &str, prefix: &str) -> Result<String> {
    let pairs: Vec<String> = columns(conn, table)?
        .iter()
        .map(|c| format!("'{c}', {prefix}.{c}"))
        .collect();
    Ok(format!("json_object({})", pairs.join(", ")))
}

fn max_id(conn: &Connection, table: &str) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT coalesce(max(id), 0) FROM {table}"),
        [],
        |r| r.get(0),
    )?)
}

/// Watches an import's transaction: started before the merge, finished after it.
pub struct Recorder {
    before: Vec<(String, i64)>,
    mapping_before: Option<(String, String, String)>,
}

impl Recorder {
    /// Notes the ids in use and sets triggers that keep the first image of every row an
    /// UPDATE or DELETE touches in `temp.import_before`.
    pub fn start(tx: &Transaction, mapping_key: &str) -> Result<Recorder> {
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS import_before (
                 tbl TEXT NOT NULL, id INTEGER NOT NULL, row TEXT NOT NULL,
                 PRIMARY KEY (tbl, id));
             DELETE FROM temp.import_before;",
        )?;
        let mut before = Vec::new();
        for table in TABLES {
            let max = max_id(tx, table)?;
            let old = json_of(tx, table, "OLD")?;
            // Rows added by this import are not watched: undo deletes them whole.
            for event in ["UPDATE", "DELETE"] {
                tx.execute_batch(&format!(
                    "DROP TRIGGER IF EXISTS temp.import_{table}_{event};
                     CREATE TEMP TRIGGER import_{table}_{event} BEFORE {event} ON main.{table}
                     WHEN OLD.id <= {max}
                     BEGIN
                       INSERT OR IGNORE INTO import_before (tbl, id, row)
                       VALUES ('{table}', OLD.id, {old});
                     END;"
                ))?;
            }
            before.push((table.to_string(), max));
        }
        let mapping_before = tx
            .query_row(
                "SELECT list, mapping, updated_at FROM column_mappings WHERE headers_key = ?1",
                [mapping_key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(Recorder {
            before,
            mapping_before,
        })
    }

    /// Takes the triggers away and writes the import as a step of the journal.
    pub fn finish(
        self,
        tx: &Transaction,
        import: i64,
        mapping_key: &str,
        label: &str,
    ) -> Result<()> {
        let mut added = Vec::new();
        for (table, from) in &self.before {
            let to = max_id(tx, table)?;
            if to > *from {
                added.push(Added {
                    table: table.clone(),
                    from: *from,
                    to,
                });
            }
        }
        let mut changed = Vec::new();
        {
            let mut stmt =
                tx.prepare("SELECT tbl, id, row FROM temp.import_before ORDER BY rowid")?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for (table, id, before) in rows {
                let before: Map<String, Value> = serde_json::from_str(&before).unwrap_or_default();
                let after = current(tx, &table, id)?.unwrap_or_default();
                if before != after {
                    changed.push(Changed {
                        table,
                        id,
                        before,
                        after,
                    });
                }
            }
        }
        stop(tx)?;
        let step = Stored {
            import_step: ImportStep {
                import,
                added,
                changed,
                mapping_key: mapping_key.to_string(),
                mapping_before: self.mapping_before,
            },
        };
        // Never redone from the history (see `undo`): its redo side is empty.
        crate::history::record_step(tx, label, &step, &serde_json::json!({}), false)
    }
}

/// Takes the triggers away (also when the import failed or was a dry run).
pub fn stop(conn: &Connection) -> Result<()> {
    for table in TABLES {
        for event in ["UPDATE", "DELETE"] {
            conn.execute_batch(&format!(
                "DROP TRIGGER IF EXISTS temp.import_{table}_{event};"
            ))?;
        }
    }
    Ok(())
}

/// A row as JSON, the way the triggers write it.
fn current(conn: &Connection, table: &str, id: i64) -> Result<Option<Map<String, Value>>> {
    let json = json_of(conn, table, table)?;
    let text: Option<String> = conn
        .query_row(
            &format!("SELECT {json} FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Where the organisers have worked on what an import added, and so would lose it.
fn work_since(conn: &Connection, step: &ImportStep) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for added in &step.added {
        let (from, to) = (added.from, added.to);
        let checks: &[(&str, &str)] = match added.table.as_str() {
            "submissions" => &[
                ("examinées, notées ou étiquetées", "SELECT count(*) FROM submissions s WHERE s.id > ?1 AND s.id <= ?2 AND (s.status <> 'nouvelle' OR s.notes <> '' OR s.overrides NOT IN ('', '{}') OR EXISTS (SELECT 1 FROM reviews r WHERE r.submission_id = s.id) OR EXISTS (SELECT 1 FROM submission_tags t WHERE t.submission_id = s.id))"),
                ("mises dans une session", "SELECT count(DISTINCT submission_id) FROM session_contributions WHERE submission_id > ?1 AND submission_id <= ?2"),
            ],
            "people" => &[
                ("mises dans une session ou à une table", "SELECT count(*) FROM people p WHERE p.id > ?1 AND p.id <= ?2 AND (EXISTS (SELECT 1 FROM session_people x WHERE x.person_id = p.id) OR EXISTS (SELECT 1 FROM table_seats x WHERE x.person_id = p.id))"),
                ("dont le badge ou les notes ont été changés", "SELECT count(*) FROM people WHERE id > ?1 AND id <= ?2 AND (badge_role IS NOT NULL OR notes <> '')"),
            ],
            _ => &[],
        };
        for (what, sql) in checks {
            let n: i64 = conn.query_row(sql, params![from, to], |r| r.get(0))?;
            if n > 0 {
                let noun = if added.table == "people" {
                    "personne(s)"
                } else {
                    "contribution(s)"
                };
                found.push(format!("{n} {noun} {what}"));
            }
        }
    }
    for changed in &step.changed {
        if current(conn, &changed.table, changed.id)?.as_ref() != Some(&changed.after) {
            let noun = if changed.table == "people" {
                "une personne"
            } else {
                "une contribution"
            };
            found.push(format!(
                "{noun} mise à jour par l'import et modifiée depuis (n°\u{a0}{})",
                changed.id
            ));
            break;
        }
    }
    Ok(found)
}

/// Takes an import back whole, in the caller's transaction.
pub fn undo(conn: &Connection, step: &ImportStep, label: &str) -> Result<()> {
    let work = work_since(conn, step)?;
    if !work.is_empty() {
        return Err(EditError::ImportWorkedOn {
            label: label.to_string(),
            work: work.join(", "),
        }
        .into());
    }
    // Submissions first: they point at people.
    for added in step.added.iter().rev() {
        conn.execute(
            &format!("DELETE FROM {} WHERE id > ?1 AND id <= ?2", added.table),
            params![added.from, added.to],
        )?;
    }
    for changed in step.changed.iter().rev() {
        let allowed = columns(conn, &changed.table)?;
        let sets: Vec<String> = changed
            .before
            .keys()
            .filter(|k| allowed.contains(k) && k.as_str() != "id")
            .map(|k| format!("{k} = json_extract(?2, '$.\"{k}\"')"))
            .collect();
        if sets.is_empty() {
            continue;
        }
        conn.execute(
            &format!(
                "UPDATE {} SET {} WHERE id = ?1",
                changed.table,
                sets.join(", ")
            ),
            params![
                changed.id,
                Value::Object(changed.before.clone()).to_string()
            ],
        )?;
    }
    match &step.mapping_before {
        Some((list, mapping, at)) => conn.execute(
            "INSERT INTO column_mappings (headers_key, list, mapping, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (headers_key) DO UPDATE SET list = ?2, mapping = ?3, updated_at = ?4",
            params![step.mapping_key, list, mapping, at],
        )?,
        None => conn.execute(
            "DELETE FROM column_mappings WHERE headers_key = ?1",
            [&step.mapping_key],
        )?,
    };
    conn.execute("DELETE FROM imports WHERE id = ?1", [step.import])?;
    Ok(())
}
