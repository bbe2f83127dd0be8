//! Named versions of the programme ("envoyé au CESE le 12 mars") and what changed since.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::{EditError, Result};
use crate::store;
use crate::store::snapshot::{self, Snapshot};
use crate::Project;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VersionInfo {
    pub name: String,
    pub created_at: String,
}

/// One difference between a version and the programme now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VersionChange {
    /// "added", "removed", "moved" or "retitled".
    pub kind: String,
    pub session: i64,
    pub title: String,
    /// Where or what it was ("Atelier 1, 10:00–11:30", an old title), when that applies.
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Project {
    pub fn save_version(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(EditError::EmptyName("d’une version").into());
        }
        let tx = self.begin()?;
        if store::read_version(&tx, name)?.is_some() {
            return Err(EditError::VersionExists(name.to_string()).into());
        }
        let ids = snapshot::all_ids(&tx)?;
        let all = snapshot::take(&tx, &ids)?;
        store::insert_version(
            &tx,
            name,
            &serde_json::to_string(&all).expect("snapshot serialises"),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn versions(&self) -> Result<Vec<VersionInfo>> {
        Ok(store::read_versions(&self.conn)?
            .into_iter()
            .map(|(name, created_at)| VersionInfo { name, created_at })
            .collect())
    }

    /// Puts the programme back as it was in the version `name`: its sessions, their
    /// running orders, people and places; sessions made since go. One step of the
    /// history, so undo brings the programme of before back. Seats at the tables stay.
    pub fn restore_version(&mut self, name: &str) -> Result<()> {
        let then = self.version_snapshot(name)?;
        let mut ids = snapshot::all_ids(&self.conn)?;
        for id in &then.ids {
            if !ids.contains(id) {
                ids.push(*id);
            }
        }
        let label = format!("Retour à la version «\u{a0}{}\u{a0}»", name.trim());
        // What the version names must still be there.
        let exists = |table: store::Table, id: i64| store::row_exists(&self.conn, table, id);
        for row in &then.rows {
            let mut gone = Vec::new();
            if let Some((room, slot)) = row.placement {
                if !exists(store::Table::Rooms, room)? {
                    gone.push(format!("la salle n°\u{a0}{room}"));
                }
                if !exists(store::Table::Slots, slot)? {
                    gone.push(format!("le créneau n°\u{a0}{slot}"));
                }
            }
            for (submission, ..) in &row.contributions {
                if !exists(store::Table::Submissions, *submission)? {
                    gone.push(format!("la contribution n°\u{a0}{submission}"));
                }
            }
            for (person, ..) in &row.people {
                if !exists(store::Table::People, *person)? {
                    gone.push(format!("la personne n°\u{a0}{person}"));
                }
            }
            if !gone.is_empty() {
                return Err(EditError::VersionUsesGone {
                    version: name.trim().to_string(),
                    gone: gone.join(", "),
                }
                .into());
            }
        }
        self.journaled(&label, &ids.clone(), |tx| {
            snapshot::restore(
                tx,
                &Snapshot {
                    ids,
                    rows: then.rows,
                },
            )?;
            Ok(((), Vec::new()))
        })
    }

    fn version_snapshot(&self, name: &str) -> Result<Snapshot> {
        let stored = store::read_version(&self.conn, name.trim())?;
        let stored = stored.ok_or_else(|| EditError::UnknownVersion(name.to_string()))?;
        serde_json::from_str(&stored)
            .map_err(|_| EditError::UnknownVersion(name.to_string()).into())
    }

    /// What changed between the version `name` and the programme now.
    pub fn diff_version(&self, name: &str) -> Result<Vec<VersionChange>> {
        let then = self.version_snapshot(name)?;
        let now = snapshot::take(&self.conn, &snapshot::all_ids(&self.conn)?)?;

        let rooms: HashMap<i64, String> = store::read_rooms(&self.conn)?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        let slots: HashMap<i64, String> = store::read_slots(&self.conn)?
            .into_iter()
            .map(|s| (s.id, s.time_range()))
            .collect();
        let place = |cell: Option<(i64, i64)>| match cell {
            None => "non placée".to_string(),
            Some((room, slot)) => format!(
                "{}, {}",
                rooms
                    .get(&room)
                    .cloned()
                    .unwrap_or_else(|| format!("salle n° {room}")),
                slots
                    .get(&slot)
                    .cloned()
                    .unwrap_or_else(|| format!("créneau n° {slot}"))
            ),
        };
        let before: HashMap<i64, &snapshot::SessionRow> =
            then.rows.iter().map(|r| (r.id, r)).collect();
        let after: HashMap<i64, &snapshot::SessionRow> =
            now.rows.iter().map(|r| (r.id, r)).collect();
        let mut changes = Vec::new();
        for row in &now.rows {
            match before.get(&row.id) {
                None => changes.push(VersionChange {
                    kind: "added".into(),
                    session: row.id,
                    title: row.title.clone(),
                    before: None,
                    after: Some(place(row.placement)),
                }),
                Some(old) => {
                    if old.placement != row.placement {
                        changes.push(VersionChange {
                            kind: "moved".into(),
                            session: row.id,
                            title: row.title.clone(),
                            before: Some(place(old.placement)),
                            after: Some(place(row.placement)),
                        });
                    }
                    if old.title != row.title {
                        changes.push(VersionChange {
                            kind: "retitled".into(),
                            session: row.id,
                            title: row.title.clone(),
                            before: Some(old.title.clone()),
                            after: Some(row.title.clone()),
                        });
                    }
                }
            }
        }
        for row in &then.rows {
            if !after.contains_key(&row.id) {
                changes.push(VersionChange {
                    kind: "removed".into(),
                    session: row.id,
                    title: row.title.clone(),
                    before: Some(place(row.placement)),
                    after: None,
                });
            }
        }
        Ok(changes)
    }
}
