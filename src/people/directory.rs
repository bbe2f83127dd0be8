//! The participants' directory: everyone the project knows, with what they wished for,
//! their badge, their sessions and their seats, found by words and filters.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{BadgeRole, Person, SessionKind};
use crate::Project;

/// A session someone takes part in, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PersonSession {
    pub id: i64,
    pub title: String,
    /// "intervenant" (a contribution's speaker or a panellist), "moderateur" or "animateur".
    pub role: String,
    /// « 10:00–11:30, Atelier 1 » once placed.
    pub when: Option<String>,
}

/// A seat at a centrifugeuse table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PersonSeat {
    pub session_id: i64,
    pub session_title: String,
    pub table: i64,
    /// porteur, pair or animateur.
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Participant {
    #[serde(flatten)]
    pub person: Person,
    pub notes: String,
    /// The badge role given by hand (organisation, presse…), if any.
    pub badge_role: Option<BadgeRole>,
    /// The badge printed for them, if any: by hand, else from the programme or the
    /// registrations.
    pub badge: Option<BadgeRole>,
    /// The kinds of session their wishes name.
    pub wishes_for: Vec<SessionKind>,
    pub sessions: Vec<PersonSession>,
    pub seats: Vec<PersonSeat>,
    /// Submissions they present.
    pub submissions: usize,
}

/// What the participants' screen filters on; every part is optional.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct PeopleQuery {
    /// Words that must all appear in the name, email, organisation or notes.
    pub text: String,
    /// Only those whose wishes name this kind of session.
    pub wish: Option<SessionKind>,
    /// Only those who said they have an accessibility need.
    pub accessibility: bool,
    /// Only those whose badge has this role; "aucun" for those with no badge.
    pub badge: Option<String>,
    pub organisation: Option<String>,
    pub actor_type: Option<String>,
    /// Only the registrations (not speakers known from the programme alone).
    pub registered: bool,
}

/// The kinds a wish can name (a table ronde is wished as a plénière).
const WISHED: [SessionKind; 4] = [
    SessionKind::Pleniere,
    SessionKind::Atelier,
    SessionKind::Centrifugeuse,
    SessionKind::Formation,
];

fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

impl PeopleQuery {
    pub fn matches(&self, p: &Participant) -> bool {
        if self.registered && !p.person.registered {
            return false;
        }
        if self.accessibility && p.person.accessibility.trim().is_empty() {
            return false;
        }
        if let Some(kind) = self.wish {
            if !p.wishes_for.contains(&kind) {
                return false;
            }
        }
        match self.badge.as_deref() {
            None | Some("") => {}
            Some("aucun") => {
                if p.badge.is_some() {
                    return false;
                }
            }
            Some(code) => {
                if p.badge.map(BadgeRole::code) != Some(code) {
                    return false;
                }
            }
        }
        if let Some(org) = self.organisation.as_deref().filter(|o| !o.is_empty()) {
            if fold(org.trim()) != fold(p.person.organisation.trim()) {
                return false;
            }
        }
        if let Some(actor) = self.actor_type.as_deref().filter(|a| !a.is_empty()) {
            if p.person.actor_type.code() != actor {
                return false;
            }
        }
        let haystack = fold(&format!(
            "{} {} {} {} {}",
            p.person.first_name, p.person.last_name, p.person.email, p.person.organisation, p.notes
        ));
        fold(&self.text)
            .split_whitespace()
            .all(|w| haystack.contains(w))
    }
}

impl Project {
    /// Everyone the project knows, by last name, with their badge, sessions and seats.
    pub fn participants(&self) -> Result<Vec<Participant>> {
        let day = self.day()?;
        let badges: HashMap<i64, BadgeRole> = crate::print::badges::badges(self)?
            .into_iter()
            .map(|b| (b.person_id, b.role))
            .collect();
        let by_hand = self.badge_roles()?;
        let notes: HashMap<i64, String> = self
            .conn
            .prepare("SELECT id, notes FROM people")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let submissions: HashMap<i64, usize> = self
            .conn
            .prepare("SELECT person_id, count(*) FROM submission_speakers GROUP BY person_id")?
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?
            .collect::<rusqlite::Result<_>>()?;
        let sessions = self.sessions()?;
        let mut theirs: HashMap<i64, Vec<PersonSession>> = HashMap::new();
        for s in &sessions {
            let when = s.placement.map(|cell| {
                let slot = day.slots.iter().find(|x| x.id == cell.slot_id);
                let room = day.rooms.iter().find(|x| x.id == cell.room_id);
                format!(
                    "{}, {}",
                    slot.map(|x| x.time_range()).unwrap_or_default(),
                    room.map(|x| x.name.as_str()).unwrap_or_default()
                )
            });
            let mut add = |person: i64, role: &str| {
                let list = theirs.entry(person).or_default();
                if !list.iter().any(|x| x.id == s.id && x.role == role) {
                    list.push(PersonSession {
                        id: s.id,
                        title: s.title.clone(),
                        role: role.to_string(),
                        when: when.clone(),
                    });
                }
            };
            for speaker in s.contributions.iter().flat_map(|c| &c.speakers) {
                add(speaker.person_id, "intervenant");
            }
            for host in &s.people {
                add(host.person_id, &host.role);
            }
        }
        let titles: HashMap<i64, &str> =
            sessions.iter().map(|s| (s.id, s.title.as_str())).collect();
        let mut seats: HashMap<i64, Vec<PersonSeat>> = HashMap::new();
        for (session, seat) in crate::store::read_all_seats(&self.conn)? {
            seats.entry(seat.person_id).or_default().push(PersonSeat {
                session_id: session,
                session_title: titles.get(&session).unwrap_or(&"").to_string(),
                table: seat.table_number,
                role: seat.role,
            });
        }
        Ok(self
            .people(false)?
            .into_iter()
            .map(|person| {
                let id = person.id;
                Participant {
                    wishes_for: WISHED
                        .into_iter()
                        .filter(|k| k.wished_in(&person.wishes))
                        .collect(),
                    notes: notes.get(&id).cloned().unwrap_or_default(),
                    badge_role: by_hand.get(&id).copied(),
                    badge: badges.get(&id).copied(),
                    sessions: theirs.remove(&id).unwrap_or_default(),
                    seats: seats.remove(&id).unwrap_or_default(),
                    submissions: submissions.get(&id).copied().unwrap_or(0),
                    person,
                }
            })
            .collect())
    }

    /// The participants `query` finds, by last name.
    pub fn find_participants(&self, query: &PeopleQuery) -> Result<Vec<Participant>> {
        Ok(self
            .participants()?
            .into_iter()
            .filter(|p| query.matches(p))
            .collect())
    }
}

/// The organisations of these people, each once (as first written, whatever the accents
/// and capitals), in alphabetical order: the organisation filter's choices.
pub fn organisations(people: &[Participant]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut list: Vec<String> = people
        .iter()
        .map(|p| p.person.organisation.trim())
        .filter(|o| !o.is_empty() && seen.insert(fold(o)))
        .map(str::to_string)
        .collect();
    list.sort_by_cached_key(|o| fold(o));
    list
}
