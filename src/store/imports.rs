//! Where the imports came from and how their columns and values were read, kept so that
//! the next download of the same form is read the same way.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

pub fn insert_import(conn: &Connection, list: &str, file_name: &str, at: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO imports (list, file_name, imported_at) VALUES (?1, ?2, ?3)",
        params![list, file_name, at],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn set_import_report(conn: &Connection, id: i64, report: &str) -> Result<()> {
    conn.execute(
        "UPDATE imports SET report = ?2 WHERE id = ?1",
        params![id, report],
    )?;
    Ok(())
}

pub fn saved_mapping(conn: &Connection, headers_key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT mapping FROM column_mappings WHERE headers_key = ?1",
            [headers_key],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn save_mapping(
    conn: &Connection,
    headers_key: &str,
    list: &str,
    mapping: &str,
    at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO column_mappings (headers_key, list, mapping, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (headers_key) DO UPDATE SET list = ?2, mapping = ?3, updated_at = ?4",
        params![headers_key, list, mapping, at],
    )?;
    Ok(())
}

pub fn read_value_mappings(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare("SELECT field, source, value FROM value_mappings")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn save_value_mapping(conn: &Connection, field: &str, source: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO value_mappings (field, source, value) VALUES (?1, ?2, ?3)
         ON CONFLICT (field, source) DO UPDATE SET value = ?3",
        params![field, source, value],
    )?;
    Ok(())
}
