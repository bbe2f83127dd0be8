//! The project's one history: undo and redo of every edit, kept in the project file so
//! that they survive a restart. An edit runs in one transaction and records a step with
//! what it touched as it was before and after; undo puts back "before", redo "after".
//!
//! The kinds of steps, and who records them:
//! - sessions (`Project::journaled`): every edit of the programme and the day's grid;
//! - records of submissions and people (`Project::recorded`, `records`): review edits
//!   (statuses, scores, tags, corrections) and edits of people;
//! - cells (`record_cells`): a workbook come back from a co-organiser or the venue;
//! - a merge of two people (`people::merge`), an import (`import::undo`), a restore of a
//!   backup (`backup`): their own shapes, recorded with `record_step`.
//!
//! `apply` is the one place that knows them all. The offline merge of several
//! organisers' files will read the same steps.

pub(crate) mod records;

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::backup::RestoreStep;
use crate::error::{EditError, Result};
use crate::store;
use crate::store::snapshot::{self, Snapshot};
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
    let redo = serde_json::json!({ "cells": undo.cells, "redo": true });
    record_step(tx, label, &undo, &redo, false)
}

/// Records a step of any kind, given its two sides, `undone` or not.
pub(crate) fn record_step(
    tx: &Transaction,
    label: &str,
    undo: &impl Serialize,
    redo: &impl Serialize,
    undone: bool,
) -> Result<()> {
    store::insert_step(
        tx,
        label,
        &serde_json::to_string(undo).expect("a step serialises"),
        &serde_json::to_string(redo).expect("a step serialises"),
        undone,
    )
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
    if let Some(done) = records::apply(conn, stored) {
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
            record_step(&tx, label, &before, &after, false)?;
        }
        tx.commit()?;
        Ok(value)
    }

    /// Undoes the last programme edit; returns its label.
    pub fn undo(&mut self) -> Result<String> {
        // A restore replaces the whole file, history included: it is undone outside a
        // transaction of ours.
        if let Some((_, label, undo, redo)) = store::next_step(&self.conn, false)? {
            if let Some((before, after)) = restore_sides(&undo, &redo) {
                self.replay_restore(&label, &before, &after, true)?;
                return Ok(label);
            }
        }
        let tx = self.begin()?;
        let (id, label, undo, _) = store::next_step(&tx, false)?.ok_or(EditError::NothingToUndo)?;
        if let Ok(stored) = serde_json::from_str::<crate::import::undo::Stored>(&undo) {
            // An import is not redone from the journal (it would keep a copy of every
            // row it added): undone, it leaves the history, and the file can be
            // imported again.
            crate::import::undo::undo(&tx, &stored.import_step, &label)?;
            store::forget_step(&tx, id)?;
            tx.commit()?;
            return Ok(label);
        }
        apply(&tx, &undo).map_err(|_| EditError::CannotUndo(label.clone()))?;
        store::mark_step(&tx, id, true)?;
        tx.commit()?;
        Ok(label)
    }

    /// Redoes the last undone edit; returns its label.
    pub fn redo(&mut self) -> Result<String> {
        if let Some((_, label, undo, redo)) = store::next_step(&self.conn, true)? {
            if let Some((before, after)) = restore_sides(&undo, &redo) {
                self.replay_restore(&label, &after, &before, false)?;
                return Ok(label);
            }
        }
        let tx = self.begin()?;
        let (id, label, _, redo) = store::next_step(&tx, true)?.ok_or(EditError::NothingToRedo)?;
        apply(&tx, &redo).map_err(|_| EditError::CannotUndo(label.clone()))?;
        store::mark_step(&tx, id, false)?;
        tx.commit()?;
        Ok(label)
    }

    /// What undo and redo would do now: the labels of the next steps, if any.
    pub fn history(&self) -> Result<(Option<String>, Option<String>)> {
        let undo = store::next_step(&self.conn, false)?.map(|(_, label, ..)| label);
        let redo = store::next_step(&self.conn, true)?.map(|(_, label, ..)| label);
        Ok((undo, redo))
    }
}
