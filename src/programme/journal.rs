//! Undo and redo, kept in the project file so that they survive a restart. Each edit of
//! the programme records the sessions it touched as they were before and after; undo puts
//! back "before", redo puts back "after".

use rusqlite::{params, OptionalExtension, Transaction};

use super::snapshot::{self, Snapshot};
use crate::error::{EditError, Result};
use crate::Project;

impl Project {
    /// Runs `edit` in one transaction as an undoable step named `label`, touching the
    /// sessions `ids` (and those `edit` returns, e.g. a created session).
    pub(crate) fn journaled<T>(
        &mut self,
        label: &str,
        ids: &[i64],
        edit: impl FnOnce(&Transaction) -> Result<(T, Vec<i64>)>,
    ) -> Result<T> {
        let tx = self.conn.transaction()?;
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
        let tx = self.conn.transaction()?;
        let last: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT id, label, undo FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (id, label, undo) = last.ok_or(EditError::NothingToUndo)?;
        let snapshot: Snapshot =
            serde_json::from_str(&undo).map_err(|_| EditError::NothingToUndo)?;
        snapshot::restore(&tx, &snapshot).map_err(|_| EditError::CannotUndo(label.clone()))?;
        tx.execute("UPDATE journal SET undone = 1 WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(label)
    }

    /// Redoes the last undone edit; returns its label.
    pub fn redo(&mut self) -> Result<String> {
        let tx = self.conn.transaction()?;
        let next: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT id, label, redo FROM journal WHERE undone = 1 ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (id, label, redo) = next.ok_or(EditError::NothingToRedo)?;
        let snapshot: Snapshot =
            serde_json::from_str(&redo).map_err(|_| EditError::NothingToRedo)?;
        snapshot::restore(&tx, &snapshot).map_err(|_| EditError::CannotUndo(label.clone()))?;
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
