//! Changing what the project knows of a person, as one undoable step.

use serde::Deserialize;

use crate::error::{EditError, Result};
use crate::model::{ActorType, BadgeRole};
use crate::store;
use crate::Project;

/// The fields of a person an edit changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(optional_fields)]
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
    #[ts(type = "BadgeRole | null", optional)]
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
            let stored = store::read_person(tx, id)?.ok_or(EditError::PersonNotFound(id))?;
            let first_now = first.clone().unwrap_or(stored.person.first_name);
            let last_now = last.clone().unwrap_or(stored.person.last_name);
            if first_now.is_empty() && last_now.is_empty() {
                return Err(EditError::EmptyName("d’une personne").into());
            }
            let mut corrected = stored.corrected;
            let fields: [(&'static str, Option<String>); 9] = [
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
                store::set_person_column(tx, id, column, &value)?;
                if ["first_name", "last_name", "email", "organisation"].contains(&column)
                    && !corrected.iter().any(|c| c == column)
                {
                    corrected.push(column.to_string());
                }
            }
            if let Some(notes) = &patch.notes {
                store::set_person_column(tx, id, "notes", notes.trim())?;
            }
            if let Some(role) = patch.badge_role {
                store::set_badge_role(tx, id, role.map(BadgeRole::code))?;
            }
            store::set_corrected(tx, id, &corrected)
        })
    }
}
