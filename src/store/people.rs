//! What the printed material needs to know about people beyond their identity.

use rusqlite::{params, Connection};

use crate::error::Result;

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
