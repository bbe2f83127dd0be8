//! Changing what the project knows of a person, as one undoable step.

use rusqlite::params;
use serde::Deserialize;

use crate::error::{EditError, Result};
use crate::model::{ActorType, BadgeRole};
use crate::Project;

/// The fields of a person an edit changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PersonPatch {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation: Option<String>,
    pub actor_type: Option<ActorType>,
    pub country: Option<String>,
    pub wishes: Option<String>,
    pub accessibility: Option<String>,
    pub notes: Option<String>,
    /// `Some(None)` takes back a badge role given by hand.
    #[serde(deserialize_with = "some_role")]
    pub badge_role: Option<Option<BadgeRole>>,
}

fn some_role<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<BadgeRole>>, D::Error> {
    Option::<BadgeRole>::deserialize(d).map(Some)
}

impl Project {
    /// Changes a person's fields: a name stays, an email is one. Corrected fields are
    /// kept by later imports, as a correction from the review is.
    pub fn update_person(&mut self, id: i64, patch: PersonPatch) -> Result<()> {
        let trimmed = |v: &Option<String>| v.as_ref().map(|s| s.trim().to_string());
        let (first, last) = (trimmed(&patch.first_name), trimmed(&patch.last_name));
        let email = trimmed(&patch.email);
        if let Some(email) = email.as_deref().filter(|e| !e.is_empty()) {
            if !email_address::EmailAddress::is_valid(email) {
                return Err(EditError::BadEmail(email.to_string()).into());
            }
        }
        let label = format!("Modification de {}", self.person_name(id));
        self.recorded(&label, &[], &[id], |tx| {
            let (old_first, old_last, corrected): (String, String, String) = tx
                .query_row(
                    "SELECT first_name, last_name, corrected FROM people WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .map_err(|_| EditError::PersonNotFound(id))?;
            let first_now = first.clone().unwrap_or(old_first);
            let last_now = last.clone().unwrap_or(old_last);
            if first_now.is_empty() && last_now.is_empty() {
                return Err(EditError::EmptyName("d’une personne").into());
            }
            let mut corrected: Vec<String> = serde_json::from_str(&corrected).unwrap_or_default();
            let fields: [(&str, Option<String>); 9] = [
                ("first_name", first),
                ("last_name", last),
                ("email", email),
                ("phone", trimmed(&patch.phone)),
                ("organisation", trimmed(&patch.organisation)),
                ("actor_type", patch.actor_type.map(|a| a.code().to_string())),
                ("country", trimmed(&patch.country)),
                ("wishes", trimmed(&patch.wishes)),
                ("accessibility", trimmed(&patch.accessibility)),
            ];
            for (column, value) in fields {
                let Some(value) = value else { continue };
                // The column names are the fixed ones above.
                tx.execute(
                    &format!("UPDATE people SET {column} = ?2 WHERE id = ?1"),
                    params![id, value],
                )?;
                if ["first_name", "last_name", "email", "organisation"].contains(&column)
                    && !corrected.iter().any(|c| c == column)
                {
                    corrected.push(column.to_string());
                }
            }
            if let Some(notes) = &patch.notes {
                tx.execute(
                    "UPDATE people SET notes = ?2 WHERE id = ?1",
                    params![id, notes.trim()],
                )?;
            }
            if let Some(role) = patch.badge_role {
                tx.execute(
                    "UPDATE people SET badge_role = ?2 WHERE id = ?1",
                    params![id, role.map(BadgeRole::code)],
                )?;
            }
            tx.execute(
                "UPDATE people SET corrected = ?2 WHERE id = ?1",
                params![
                    id,
                    serde_json::to_string(&corrected).expect("names serialise")
                ],
            )?;
            Ok(())
        })
    }
}
