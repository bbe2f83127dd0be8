//! Undo and redo, kept in the project file so that they survive a restart. Each edit of
//! the programme records the sessions it touched as they were before and after; undo puts
//! back "before", redo puts back "after". Edits outside the programme (a workbook that
//! came back from a co-organiser or the venue) record the values they changed instead;
//! review edits and edits of people keep their records (`review::records`).

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::snapshot::{self, Snapshot};
use crate::backup::RestoreStep;
use crate::error::{EditError, Result};
use crate::Project;

/// One stored value changed by a step that is not about sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellEdit {
    pub table: String,
    pub id: i64,
    pub column: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

/// What such a step stores for undo and for redo.
#[derive(Debug, Serialize, Deserialize)]
struct Cells {
    cells: Vec<CellEdit>,
    redo: bool,
}

/// The only values a cell step may write: the names are checked against this list
/// before they go into SQL.
const CELL_COLUMNS: [(&str, &[&str]); 3] = [
    (
        "submissions",
        &[
            "status",
            "title",
            "format",
            "axes",
            "actor_type",
            "language",
            "notes",
            "overrides",
        ],
    ),
    (
        "people",
        &["first_name", "last_name", "email", "organisation"],
    ),
    ("rooms", &["capacity", "notes"]),
];

fn put_cells(conn: &Connection, cells: &Cells) -> Result<()> {
    for cell in &cells.cells {
        let allowed = CELL_COLUMNS
            .iter()
            .any(|(t, cols)| *t == cell.table && cols.contains(&cell.column.as_str()));
        if !allowed {
            return Err(EditError::NotEditable(format!("{}.{}", cell.table, cell.column)).into());
        }
        let value = if cells.redo {
            &cell.after
        } else {
            &cell.before
        };
        let value: rusqlite::types::Value = match value {
            serde_json::Value::Number(n) => n.as_i64().map_or(
                rusqlite::types::Value::Real(n.as_f64().unwrap_or(0.0)),
                rusqlite::types::Value::Integer,
            ),
            serde_json::Value::String(s) => rusqlite::types::Value::Text(s.clone()),
            serde_json::Value::Null => rusqlite::types::Value::Null,
            other => rusqlite::types::Value::Text(other.to_string()),
        };
        conn.execute(
            &format!(
                "UPDATE {} SET {} = ?2 WHERE id = ?1",
                cell.table, cell.column
            ),
            params![cell.id, value],
        )?;
    }
    Ok(())
}

/// Writes these values in the caller's transaction, as one undoable step.
pub(crate) fn record_cells(tx: &Transaction, label: &str, cells: Vec<CellEdit>) -> Result<()> {
    if cells.is_empty() {
        return Ok(());
    }
    let mut undo = Cells { cells, redo: true };
    put_cells(tx, &undo)?;
    undo.redo = false;
    tx.execute("DELETE FROM journal WHERE undone = 1", [])?;
    let redo = serde_json::json!({ "cells": undo.cells, "redo": true });
    tx.execute(
        "INSERT INTO journal (at, label, undo, redo) VALUES (?1, ?2, ?3, ?4)",
        params![
            chrono::Local::now().to_rfc3339(),
            label,
            serde_json::to_string(&undo).expect("cells serialise"),
            redo.to_string()
        ],
    )?;
    Ok(())
}

/// Records a step whose undo and redo are whole objects (a restore), `undone` or not.
pub(crate) fn record_whole(
    tx: &Transaction,
    label: &str,
    undo: &impl Serialize,
    redo: &impl Serialize,
    undone: bool,
) -> Result<()> {
    // A new step forgets what had been undone (and so does a step replayed on top of
    // another history).
    tx.execute("DELETE FROM journal WHERE undone = 1", [])?;
    tx.execute(
        "INSERT INTO journal (at, label, undo, redo, undone) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            chrono::Local::now().to_rfc3339(),
            label,
            serde_json::to_string(undo).expect("a step serialises"),
            serde_json::to_string(redo).expect("a step serialises"),
            undone
        ],
    )?;
    Ok(())
}

/// The journal's last step not undone, or first undone: (id, label, undo, redo).
fn step(conn: &Connection, undone: bool) -> Result<Option<(i64, String, String, String)>> {
    let order = if undone { "ASC" } else { "DESC" };
    Ok(conn
        .query_row(
            &format!(
                "SELECT id, label, undo, redo FROM journal WHERE undone = ?1 ORDER BY id {order} LIMIT 1"
            ),
            [undone],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?)
}

/// The two sides of a restore step, when `undo` and `redo` are one.
fn restore_sides(undo: &str, redo: &str) -> Option<(RestoreStep, RestoreStep)> {
    Some((
        serde_json::from_str(undo).ok()?,
        serde_json::from_str(redo).ok()?,
    ))
}

/// Puts back what a journal entry stored: sessions, or values.
fn apply(conn: &Connection, stored: &str) -> std::result::Result<(), ()> {
    if let Ok(cells) = serde_json::from_str::<Cells>(stored) {
        return put_cells(conn, &cells).map_err(|_| ());
    }
    if let Some(done) = crate::review::records::apply(conn, stored) {
        return done.map_err(|_| ());
    }
    if let Some(done) = crate::people::merge_apply(conn, stored) {
        return done.map_err(|_| ());
    }
    let snapshot: Snapshot = serde_json::from_str(stored).map_err(|_| ())?;
    snapshot::restore(conn, &snapshot).map_err(|_| ())
}

impl Project {
    /// Runs `edit` in one transaction as an undoable step named `label`, touching the
    /// sessions `ids` (and those `edit` returns, e.g. a created session).
    pub(crate) fn journaled<T>(
        &mut self,
        label: &str,
        ids: &[i64],
        edit: impl FnOnce(&Transaction) -> Result<(T, Vec<i64>)>,
    ) -> Result<T> {
        let tx = self.begin()?;
        let before_ids: Vec<i64> = ids.to_vec();
        let mut before = snapshot::take(&tx, &before_ids)?;
        let (value, created) = edit(&tx)?;
        let mut all_ids = before_ids;
        for id in created {
            if !all_ids.contains(&id) {
                all_ids.push(id);
            }
        }
        before.ids = all_ids.clone();
        let after = snapshot::take(&tx, &all_ids)?;
        if before != after {
            // A new step forgets what had been undone.
            tx.execute("DELETE FROM journal WHERE undone = 1", [])?;
            tx.execute(
                "INSERT INTO journal (at, label, undo, redo) VALUES (?1, ?2, ?3, ?4)",
                params![
                    chrono::Local::now().to_rfc3339(),
                    label,
                    serde_json::to_string(&before).expect("snapshot serialises"),
                    serde_json::to_string(&after).expect("snapshot serialises")
                ],
            )?;
        }
        tx.commit()?;
        Ok(value)
    }

    /// Undoes the last programme edit; returns its label.
    pub fn undo(&mut self) -> Result<String> {
        // A restore replaces the whole file, history included: it is undone outside a
        // transaction of ours.
        if let Some((_, label, undo, redo)) = step(&self.conn, false)? {
            if let Some((before, after)) = restore_sides(&undo, &redo) {
                self.replay_restore(&label, &before, &after, true)?;
                return Ok(label);
            }
        }
        let tx = self.begin()?;
        let last: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT id, label, undo FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (id, label, undo) = last.ok_or(EditError::NothingToUndo)?;
        if let Ok(stored) = serde_json::from_str::<crate::import::undo::Stored>(&undo) {
            // An import is not redone from the journal (it would keep a copy of every
            // row it added): undone, it leaves the history, and the file can be
            // imported again.
            crate::import::undo::undo(&tx, &stored.import_step, &label)?;
            tx.execute("DELETE FROM journal WHERE id = ?1 OR undone = 1", [id])?;
            tx.commit()?;
            return Ok(label);
        }
        apply(&tx, &undo).map_err(|_| EditError::CannotUndo(label.clone()))?;
        tx.execute("UPDATE journal SET undone = 1 WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(label)
    }

    /// Redoes the last undone edit; returns its label.
    pub fn redo(&mut self) -> Result<String> {
        if let Some((_, label, undo, redo)) = step(&self.conn, true)? {
            if let Some((before, after)) = restore_sides(&undo, &redo) {
                self.replay_restore(&label, &after, &before, false)?;
                return Ok(label);
            }
        }
        let tx = self.begin()?;
        let next: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT id, label, redo FROM journal WHERE undone = 1 ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (id, label, redo) = next.ok_or(EditError::NothingToRedo)?;
        apply(&tx, &redo).map_err(|_| EditError::CannotUndo(label.clone()))?;
        tx.execute("UPDATE journal SET undone = 0 WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(label)
    }

    /// What undo and redo would do now: the labels of the next steps, if any.
    pub fn history(&self) -> Result<(Option<String>, Option<String>)> {
        let undo = self
            .conn
            .query_row(
                "SELECT label FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let redo = self
            .conn
            .query_row(
                "SELECT label FROM journal WHERE undone = 1 ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok((undo, redo))
    }
}
