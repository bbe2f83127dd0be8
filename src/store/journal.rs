//! The history's table: one row a step, its two sides as JSON, `undone` once undone.
//! Steps not undone come first by id; the undone ones wait, oldest first, to be redone.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// A step as stored: (id, label, undo side, redo side).
pub type StoredStep = (i64, String, String, String);

/// Writes a step; a new step forgets what had been undone.
pub fn insert_step(
    conn: &Connection,
    label: &str,
    undo: &str,
    redo: &str,
    undone: bool,
) -> Result<()> {
    conn.execute("DELETE FROM journal WHERE undone = 1", [])?;
    conn.execute(
        "INSERT INTO journal (at, label, undo, redo, undone) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![chrono::Local::now().to_rfc3339(), label, undo, redo, undone],
    )?;
    Ok(())
}

/// The step undo would take (`undone` false: the last done) or redo would (`undone`
/// true: the first undone).
pub fn next_step(conn: &Connection, undone: bool) -> Result<Option<StoredStep>> {
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

pub fn mark_step(conn: &Connection, id: i64, undone: bool) -> Result<()> {
    conn.execute(
        "UPDATE journal SET undone = ?2 WHERE id = ?1",
        params![id, undone],
    )?;
    Ok(())
}

/// Takes a step out of the history, with every undone one after it.
pub fn forget_step(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM journal WHERE id = ?1 OR undone = 1", [id])?;
    Ok(())
}
