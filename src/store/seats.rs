//! The co-construction tables' seats, as the seating and the table plans read them.

use rusqlite::{params, Connection};

use crate::error::Result;

/// One seat of a centrifugeuse table, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSeat {
    pub table_number: i64,
    pub seat: i64,
    pub person_id: i64,
    pub role: String,
    pub pinned: bool,
}

pub fn read_seats(conn: &Connection, session: i64) -> Result<Vec<StoredSeat>> {
    let mut stmt = conn.prepare(
        "SELECT table_number, seat, person_id, role, pinned FROM table_seats
         WHERE session_id = ?1 ORDER BY table_number, seat",
    )?;
    let rows = stmt.query_map([session], |r| {
        Ok(StoredSeat {
            table_number: r.get(0)?,
            seat: r.get(1)?,
            person_id: r.get(2)?,
            role: r.get(3)?,
            pinned: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every seat of every session: (session, seat).
pub fn read_all_seats(conn: &Connection) -> Result<Vec<(i64, StoredSeat)>> {
    let mut stmt = conn.prepare(
        "SELECT session_id, table_number, seat, person_id, role, pinned FROM table_seats
         ORDER BY session_id, table_number, seat",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            StoredSeat {
                table_number: r.get(1)?,
                seat: r.get(2)?,
                person_id: r.get(3)?,
                role: r.get(4)?,
                pinned: r.get(5)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn replace_seats(conn: &Connection, session: i64, seats: &[StoredSeat]) -> Result<()> {
    conn.execute("DELETE FROM table_seats WHERE session_id = ?1", [session])?;
    let mut insert = conn.prepare(
        "INSERT INTO table_seats (session_id, table_number, seat, person_id, role, pinned)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in seats {
        insert.execute(params![
            session,
            s.table_number,
            s.seat,
            s.person_id,
            s.role,
            s.pinned
        ])?;
    }
    Ok(())
}

pub fn accessible_table(conn: &Connection, session: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT accessible_table FROM sessions WHERE id = ?1",
        [session],
        |r| r.get(0),
    )?)
}

/// How many people sit at each table, as (session, table, people).
pub fn seats_per_table(conn: &Connection) -> Result<Vec<(i64, i64, usize)>> {
    let mut stmt = conn.prepare(
        "SELECT session_id, table_number, COUNT(*) FROM table_seats GROUP BY session_id, table_number",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as usize))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
