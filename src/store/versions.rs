//! Named versions of the programme: a snapshot of its sessions (JSON) under a name.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// The snapshot saved under `name`.
pub fn read_version(conn: &Connection, name: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT snapshot FROM versions WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn insert_version(conn: &Connection, name: &str, snapshot: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO versions (name, created_at, snapshot) VALUES (?1, ?2, ?3)",
        params![name, chrono::Local::now().to_rfc3339(), snapshot],
    )?;
    Ok(())
}

/// Every version as (name, when it was saved), oldest first.
pub fn read_versions(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT name, created_at FROM versions ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
