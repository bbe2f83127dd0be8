//! Schema migrations, applied in order. `PRAGMA user_version` records how many have run.
//! Never edit a migration that has shipped: add the next one.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
    include_str!("schema_v6.sql"),
    include_str!("schema_v7.sql"),
];

/// The schema version this build writes and the newest it can read.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(());
    }
    // A migration that rebuilds a table drops the old one: with foreign keys on, that
    // would set references to NULL or delete rows in cascade. Off while migrating (it can
    // only change outside a transaction), every reference checked before each commit.
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = (|| -> Result<()> {
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
            // The version bump commits with the migration itself: a crash mid-way leaves
            // the file at the previous version, ready to migrate again.
            let tx = conn.transaction()?;
            // Another process opening the same project may have migrated it meanwhile.
            let now: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
            if now > index as i64 {
                continue;
            }
            tx.execute_batch(sql)?;
            let broken: Option<String> = tx
                .query_row("PRAGMA foreign_key_check", [], |row| row.get(0))
                .optional()?;
            if let Some(table) = broken {
                return Err(crate::Error::from(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                    Some(format!(
                        "migration {}: a reference in {table} is broken",
                        index + 1
                    )),
                )));
            }
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    })();
    conn.pragma_update(None, "foreign_keys", true)?;
    migrated
}
