//! People: contributors, participants, hosts.

use crate::error::Result;
use crate::model::{ActorType, Person};
use crate::store;
use crate::Project;

impl Project {
    /// People sorted by last name; with `registered_only`, the participants' registrations.
    pub fn people(&self, registered_only: bool) -> Result<Vec<Person>> {
        Ok(store::read_people(&self.conn, registered_only)?
            .into_iter()
            .map(|p| Person {
                id: p.id,
                first_name: p.first_name,
                last_name: p.last_name,
                email: p.email,
                phone: p.phone,
                organisation: p.organisation,
                actor_type: ActorType::parse(&p.actor_type).unwrap_or(ActorType::Autre),
                country: p.country,
                registered: p.registered,
                wishes: p.wishes,
                accessibility: p.accessibility,
            })
            .collect())
    }
}
