//! People: contributors, participants, hosts.

use serde::Serialize;

use crate::error::Result;
use crate::store;
use crate::Project;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonView {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub organisation: String,
    pub actor_type: String,
    pub country: String,
    pub registered: bool,
    pub wishes: String,
    pub accessibility: String,
}

impl Project {
    /// People sorted by last name; with `registered_only`, the participants' registrations.
    pub fn people(&self, registered_only: bool) -> Result<Vec<PersonView>> {
        Ok(store::read_people(&self.conn, registered_only)?
            .into_iter()
            .map(|p| PersonView {
                id: p.id,
                first_name: p.first_name,
                last_name: p.last_name,
                email: p.email,
                phone: p.phone,
                organisation: p.organisation,
                actor_type: p.actor_type,
                country: p.country,
                registered: p.registered,
                wishes: p.wishes,
                accessibility: p.accessibility,
            })
            .collect())
    }
}
