//! People: contributors, participants, hosts. The participants' directory (`directory`),
//! edits of a person (`edit`) and merging two records of one person (`merge`).

mod directory;
mod edit;
mod merge;

pub use directory::{organisations, Participant, PeopleQuery, PersonSeat, PersonSession};
pub use edit::PersonPatch;
pub(crate) use merge::apply as merge_apply;

use std::collections::HashMap;

use crate::error::{EditError, Result};
use crate::model::{ActorType, BadgeRole, Person};
use crate::store;
use crate::Project;

impl Project {
    /// Up to `limit` people whose name, organisation or email hold every word of `text`
    /// (accents and case set aside), by last name.
    pub fn find_people(&self, text: &str, limit: usize) -> Result<Vec<Person>> {
        let fold = |s: &str| deunicode::deunicode(s).to_lowercase();
        let words: Vec<String> = fold(text).split_whitespace().map(str::to_string).collect();
        Ok(self
            .people(false)?
            .into_iter()
            .filter(|p| {
                let haystack = fold(&format!(
                    "{} {} {} {}",
                    p.first_name, p.last_name, p.organisation, p.email
                ));
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .take(limit)
            .collect())
    }

    /// Adds someone known to no list (an invited panellist); returns their number.
    pub fn add_person(
        &mut self,
        first_name: &str,
        last_name: &str,
        organisation: &str,
        actor_type: ActorType,
    ) -> Result<i64> {
        if first_name.trim().is_empty() && last_name.trim().is_empty() {
            return Err(crate::EditError::EmptyName("d'une personne").into());
        }
        let tx = self.begin()?;
        let id = store::insert_person(
            &tx,
            &Person {
                first_name: first_name.trim().into(),
                last_name: last_name.trim().into(),
                organisation: organisation.trim().into(),
                actor_type,
                ..Person::default()
            },
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// People sorted by last name; with `registered_only`, the participants' registrations.
    pub fn people(&self, registered_only: bool) -> Result<Vec<Person>> {
        Ok(store::read_people(&self.conn, registered_only)?
            .into_iter()
            .map(|p| p.person)
            .collect())
    }

    /// Gives someone a badge role by hand (the organising team, the press), or takes it
    /// back with `None`; the programme and the registrations give the others.
    pub fn set_badge_role(&mut self, person: i64, role: Option<BadgeRole>) -> Result<()> {
        let label = format!("Badge de {}", self.person_name(person));
        self.recorded(&label, &[], &[person], |tx| {
            if !store::set_badge_role(tx, person, role.map(BadgeRole::code))? {
                return Err(EditError::PersonNotFound(person).into());
            }
            Ok(())
        })
    }

    /// « Prénom Nom », or « la personne n° N », for undo's labels.
    pub(crate) fn person_name(&self, id: i64) -> String {
        let name: Option<String> = self
            .conn
            .query_row(
                "SELECT trim(first_name || ' ' || last_name) FROM people WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .ok();
        match name.filter(|n| !n.is_empty()) {
            Some(n) => n,
            None => format!("la personne n°\u{a0}{id}"),
        }
    }

    /// The badge roles given by hand, by person.
    pub fn badge_roles(&self) -> Result<HashMap<i64, BadgeRole>> {
        Ok(store::badge_roles(&self.conn)?
            .into_iter()
            .filter_map(|(id, code)| BadgeRole::parse(&code).map(|r| (id, r)))
            .collect())
    }
}
