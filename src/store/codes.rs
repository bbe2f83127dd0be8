//! The vocabulary enums as SQLite values: written as their code, read back strictly. A
//! value no code matches is one the schema's CHECK constraints refuse, so it can only
//! come from a damaged or foreign file, and it is said as such.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::{
    ActorType, BadgeRole, Format, RoomKind, SessionKind, SessionRole, SlotKind, Status,
};

macro_rules! stored_as_code {
    ($($vocabulary:ty),*) => {$(
        impl ToSql for $vocabulary {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.code()))
            }
        }

        impl FromSql for $vocabulary {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                text.parse().map_err(|_| {
                    FromSqlError::Other(format!("« {text} » n’est pas un code connu").into())
                })
            }
        }
    )*};
}

stored_as_code!(
    ActorType,
    BadgeRole,
    Format,
    RoomKind,
    SessionKind,
    SessionRole,
    SlotKind,
    Status
);
