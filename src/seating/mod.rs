//! Centrifugeuse seating: each table seats its project holder, 4 peers and 1 animateur.
//! `assign` decides who sits where (pure); this module reads the project, keeps what the
//! organisers pinned, stores the plan, and says which rules could not hold and why.

mod assign;

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

pub use assign::{Broken, Candidate, TableSpec};

use crate::common::names;
use crate::error::{EditError, Result};
use crate::model::{ActorType, Person, SessionKind};
use crate::programme::SessionView;
use crate::store::{self, StoredSeat};
use crate::Project;

use crate::model::table::{ANIMATEUR_SEAT, HOLDER_SEAT, PEERS, PEER_SEAT};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Seat {
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub actor_type: ActorType,
    pub accessibility: bool,
    /// porteur, pair or animateur; attente for someone not at a table.
    #[ts(type = "\"porteur\" | \"pair\" | \"animateur\" | \"attente\"")]
    pub role: &'static str,
    /// The seat's number at its table (holders 0.., peers 10..13, animateur 20).
    pub seat: Option<i64>,
    pub pinned: bool,
    /// Asked for a centrifugeuse when registering.
    pub wants: bool,
}

impl Seat {
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct TablePlan {
    pub number: i64,
    /// The projects presented at the table, in running order.
    pub projects: Vec<String>,
    pub accessible: bool,
    pub holders: Vec<Seat>,
    pub peers: Vec<Seat>,
    pub animateur: Option<Seat>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SessionSeating {
    pub session: i64,
    pub title: String,
    pub room_id: Option<i64>,
    pub slot_id: Option<i64>,
    pub tables: Vec<TablePlan>,
    pub broken: Vec<Broken>,
    /// Registered people not at this session's tables, those who asked for a
    /// centrifugeuse first: whom the organisers can seat by hand.
    pub waiting: Vec<Seat>,
    /// Registered people who asked for a centrifugeuse, seated or not.
    pub wishing: usize,
}

/// Where a move by hand puts someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum SeatTarget {
    /// That seat; whoever sat there takes the mover's old seat, or leaves the tables.
    Seat { table: i64, seat: i64 },
    /// Any free peer seat at that table; when it is full, the last peer not pinned
    /// leaves the tables.
    Table { table: i64 },
    /// Off the session's tables.
    Off,
}

fn seat(person: &Person, role: &'static str, at: Option<i64>, pinned: bool) -> Seat {
    Seat {
        person_id: person.id,
        first_name: person.first_name.clone(),
        last_name: person.last_name.clone(),
        organisation: person.organisation.clone(),
        actor_type: person.actor_type,
        accessibility: !person.accessibility.trim().is_empty(),
        role,
        seat: at,
        pinned,
        wants: wants_centrifugeuse(person),
    }
}

fn candidate(person: &Person) -> Candidate {
    Candidate {
        person_id: person.id,
        first_name: person.first_name.clone(),
        last_name: person.last_name.clone(),
        organisation: person.organisation.clone(),
        actor_type: person.actor_type,
        accessibility: !person.accessibility.trim().is_empty(),
    }
}

fn wants_centrifugeuse(person: &Person) -> bool {
    SessionKind::Centrifugeuse.wished_in(&person.wishes)
}

/// The tables of a session and their projects: from the contributions' table numbers,
/// one table per contribution without one.
fn tables_of(session: &SessionView) -> BTreeMap<i64, Vec<usize>> {
    let mut tables: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    let mut next = session
        .contributions
        .iter()
        .filter_map(|c| c.table_number)
        .max()
        .unwrap_or(0);
    for (i, c) in session.contributions.iter().enumerate() {
        let number = c.table_number.unwrap_or_else(|| {
            next += 1;
            next
        });
        tables.entry(number).or_default().push(i);
    }
    tables
}

fn is_centrifugeuse(session: &SessionView) -> bool {
    session.kind == SessionKind::Centrifugeuse
}

impl Project {
    /// The sessions that have tables.
    pub fn centrifugeuse_sessions(&self) -> Result<Vec<SessionView>> {
        Ok(self
            .sessions()?
            .into_iter()
            .filter(is_centrifugeuse)
            .collect())
    }

    fn centrifugeuse(&self, id: i64) -> Result<SessionView> {
        let session = self.session(id)?;
        if !is_centrifugeuse(&session) {
            return Err(EditError::NotACentrifugeuse(session.title).into());
        }
        Ok(session)
    }

    /// The seating of a centrifugeuse session as stored, and the rules it breaks.
    pub fn seating(&self, session: i64) -> Result<SessionSeating> {
        let view = self.centrifugeuse(session)?;
        let people: BTreeMap<i64, Person> =
            self.people(false)?.into_iter().map(|p| (p.id, p)).collect();
        let stored = store::read_seats(&self.conn, session)?;
        let accessible = store::accessible_table(&self.conn, session)?;
        let mut tables = Vec::new();
        for (number, projects) in tables_of(&view) {
            let holders: Vec<Seat> = projects
                .iter()
                .flat_map(|&i| &view.contributions[i].speakers)
                .filter_map(|s| people.get(&s.person_id))
                .enumerate()
                .map(|(k, p)| seat(p, "porteur", Some(HOLDER_SEAT + k as i64), false))
                .collect();
            let at = |role: &'static str| {
                stored
                    .iter()
                    .filter(|s| s.table_number == number && s.role == role)
                    .filter_map(|s| {
                        people
                            .get(&s.person_id)
                            .map(|p| seat(p, role, Some(s.seat), s.pinned))
                    })
                    .collect::<Vec<_>>()
            };
            tables.push(TablePlan {
                number,
                projects: projects
                    .iter()
                    .map(|&i| view.contributions[i].title.clone())
                    .collect(),
                accessible: number == accessible,
                holders,
                peers: at("pair"),
                animateur: at("animateur").into_iter().next(),
            });
        }
        let here: HashSet<i64> = stored
            .iter()
            .map(|s| s.person_id)
            .chain(view.participants().map(|p| p.person_id))
            .collect();
        let mut waiting: Vec<Seat> = people
            .values()
            .filter(|p| p.registered && !here.contains(&p.id))
            .map(|p| seat(p, "attente", None, false))
            .collect();
        let mut collator = names::NameOrder::default();
        waiting.sort_by(|a, b| {
            b.wants.cmp(&a.wants).then_with(|| {
                collator.compare((&a.last_name, &a.first_name), (&b.last_name, &b.first_name))
            })
        });
        let specs: Vec<TableSpec> = tables.iter().map(spec_of).collect();
        let peers: Vec<Vec<Candidate>> = tables
            .iter()
            .map(|t| t.peers.iter().map(candidate_of_seat).collect())
            .collect();
        Ok(SessionSeating {
            session,
            title: view.title.clone(),
            room_id: view.placement.map(|c| c.room_id),
            slot_id: view.placement.map(|c| c.slot_id),
            broken: assign::explain_plan(&specs, &peers),
            tables,
            waiting,
            wishing: people
                .values()
                .filter(|p| p.registered && wants_centrifugeuse(p))
                .count(),
        })
    }

    /// Assigns peers (and animateurs) to the tables of one centrifugeuse session, or of
    /// all of them, keeping the seats the organisers pinned; stores the plans.
    pub fn assign_tables(&mut self, session: Option<i64>) -> Result<Vec<SessionSeating>> {
        let sessions = self.sessions()?;
        let day = self.day()?;
        let slot_order = |s: &SessionView| {
            s.placement
                .and_then(|c| day.slots.iter().position(|sl| sl.id == c.slot_id))
                .unwrap_or(usize::MAX)
        };
        let mut targets: Vec<&SessionView> = sessions
            .iter()
            .filter(|s| is_centrifugeuse(s) && session.is_none_or(|id| id == s.id))
            .collect();
        if let Some(id) = session {
            if targets.is_empty() {
                self.centrifugeuse(id)?;
            }
        }
        targets.sort_by_key(|s| (slot_order(s), s.id));
        let people: Vec<Person> = self.people(false)?;
        let by_id: BTreeMap<i64, &Person> = people.iter().map(|p| (p.id, p)).collect();
        let tx = self.begin()?;
        let all_seats = store::read_all_seats(&tx)?;
        // Who is already somewhere during each slot (speaking, hosting, seated).
        let busy_in =
            |slot: Option<i64>, except: i64, seats: &[(i64, StoredSeat)]| -> HashSet<i64> {
                let mut busy = HashSet::new();
                for other in sessions.iter().filter(|o| o.id != except) {
                    if other.placement.map(|c| c.slot_id) != slot || slot.is_none() {
                        continue;
                    }
                    busy.extend(other.participants().map(|p| p.person_id));
                    busy.extend(
                        seats
                            .iter()
                            .filter(|(s, _)| *s == other.id)
                            .map(|(_, seat)| seat.person_id),
                    );
                }
                busy
            };
        let mut seats_now = all_seats.clone();
        for view in targets {
            let stored: Vec<StoredSeat> = seats_now
                .iter()
                .filter(|(s, _)| *s == view.id)
                .map(|(_, seat)| seat.clone())
                .collect();
            let accessible = store::accessible_table(&tx, view.id)?;
            let tables = tables_of(view);
            let animateurs: Vec<i64> = view
                .people
                .iter()
                .filter(|p| p.role == "animateur" || p.role == "moderateur")
                .map(|p| p.person_id)
                .collect();
            let mut specs = Vec::new();
            let mut taken: HashSet<i64> = view.participants().map(|p| p.person_id).collect();
            for (&number, projects) in &tables {
                let holders: Vec<Candidate> = projects
                    .iter()
                    .flat_map(|&i| &view.contributions[i].speakers)
                    .filter_map(|s| by_id.get(&s.person_id))
                    .map(|p| candidate(p))
                    .collect();
                let pinned: Vec<Candidate> = stored
                    .iter()
                    .filter(|s| s.table_number == number && s.role == "pair" && s.pinned)
                    .filter_map(|s| by_id.get(&s.person_id))
                    .map(|p| candidate(p))
                    .collect();
                taken.extend(pinned.iter().map(|c| c.person_id));
                specs.push(TableSpec {
                    number,
                    holders,
                    accessible: number == accessible,
                    pinned,
                });
            }
            let busy = busy_in(view.placement.map(|c| c.slot_id), view.id, &seats_now);
            let seated_elsewhere: HashSet<i64> = seats_now
                .iter()
                .filter(|(s, _)| *s != view.id)
                .map(|(_, seat)| seat.person_id)
                .collect();
            let mut pool: Vec<&Person> = people
                .iter()
                .filter(|p| p.registered && wants_centrifugeuse(p))
                .filter(|p| !taken.contains(&p.id) && !busy.contains(&p.id))
                .collect();
            // People not yet at any table first, by name for a stable plan; those already
            // at another session's table only for the seats left.
            pool.sort_by_key(|p| {
                (
                    seated_elsewhere.contains(&p.id),
                    p.last_name.to_lowercase(),
                    p.first_name.to_lowercase(),
                    p.id,
                )
            });
            let seats_free: usize = specs
                .iter()
                .map(|s| PEERS.saturating_sub(s.pinned.len()))
                .sum();
            let first_time = pool
                .iter()
                .filter(|p| !seated_elsewhere.contains(&p.id))
                .count();
            pool.truncate(first_time.max(seats_free));
            let pool: Vec<Candidate> = pool.into_iter().map(candidate).collect();
            let plan = assign::assign(&specs, &pool);

            let mut rows = Vec::new();
            for (index, spec) in specs.iter().enumerate() {
                for (k, holder) in spec.holders.iter().enumerate() {
                    rows.push(StoredSeat {
                        table_number: spec.number,
                        seat: HOLDER_SEAT + k as i64,
                        person_id: holder.person_id,
                        role: "porteur".into(),
                        pinned: false,
                    });
                }
                // Pinned peers keep the very seat they were given; the others fill the
                // seats left, in the plan's order.
                let pinned_seat = |person: i64| {
                    stored
                        .iter()
                        .find(|s| s.person_id == person && s.table_number == spec.number)
                        .filter(|s| s.pinned && s.role == "pair")
                        .map(|s| s.seat)
                };
                let mut free = (PEER_SEAT..PEER_SEAT + PEERS as i64).filter(|k| {
                    !plan.peers[index]
                        .iter()
                        .any(|p| pinned_seat(p.person_id) == Some(*k))
                });
                for peer in &plan.peers[index] {
                    let pinned = pinned_seat(peer.person_id);
                    rows.push(StoredSeat {
                        table_number: spec.number,
                        seat: pinned.or_else(|| free.next()).unwrap_or(PEER_SEAT),
                        person_id: peer.person_id,
                        role: "pair".into(),
                        pinned: pinned.is_some(),
                    });
                }
                let pinned_host = stored
                    .iter()
                    .find(|s| s.table_number == spec.number && s.role == "animateur" && s.pinned);
                let host = pinned_host
                    .map(|s| (s.person_id, true))
                    .or_else(|| animateurs.get(index).map(|&id| (id, false)));
                if let Some((person_id, pinned)) = host {
                    rows.push(StoredSeat {
                        table_number: spec.number,
                        seat: ANIMATEUR_SEAT,
                        person_id,
                        role: "animateur".into(),
                        pinned,
                    });
                }
            }
            store::replace_seats(&tx, view.id, &rows)?;
            seats_now.retain(|(s, _)| *s != view.id);
            seats_now.extend(rows.into_iter().map(|r| (view.id, r)));
        }
        tx.commit()?;
        let ids: Vec<i64> = sessions
            .iter()
            .filter(|s| is_centrifugeuse(s) && session.is_none_or(|id| id == s.id))
            .map(|s| s.id)
            .collect();
        ids.into_iter().map(|id| self.seating(id)).collect()
    }

    /// Seats someone at a table by hand (pinned: later assignments keep them there), or
    /// takes them off the session's tables with `table: None`.
    pub fn seat_person(&mut self, session: i64, person: i64, table: Option<i64>) -> Result<()> {
        let target = table.map_or(SeatTarget::Off, |table| SeatTarget::Table { table });
        self.move_seat(session, person, target).map(|_| ())
    }

    /// Moves someone by hand, as a drag and drop does: the seats touched are pinned, so a
    /// later assignment keeps them. Project holders stay at their project's table.
    pub fn move_seat(
        &mut self,
        session: i64,
        person: i64,
        target: SeatTarget,
    ) -> Result<SessionSeating> {
        let view = self.centrifugeuse(session)?;
        let tables = tables_of(&view);
        if let Some(holder) = view
            .contributions
            .iter()
            .flat_map(|c| &c.speakers)
            .find(|s| s.person_id == person)
        {
            let name = format!("{} {}", holder.first_name, holder.last_name);
            return Err(EditError::HolderStays(name.trim().to_string()).into());
        }
        let tx = self.begin()?;
        if !store::person_exists(&tx, person)? {
            return Err(EditError::PersonNotFound(person).into());
        }
        let mut seats = store::read_seats(&tx, session)?;
        let from = seats
            .iter()
            .position(|s| s.person_id == person)
            .map(|i| seats.remove(i));
        let pair_at = |table: i64, seat: i64, pinned: bool| StoredSeat {
            table_number: table,
            seat,
            person_id: person,
            role: if seat == ANIMATEUR_SEAT {
                "animateur"
            } else {
                "pair"
            }
            .into(),
            pinned,
        };
        match target {
            SeatTarget::Off => {}
            SeatTarget::Table { table } => {
                if !tables.contains_key(&table) {
                    return Err(EditError::NoSuchTable(table).into());
                }
                let peers = |seats: &[StoredSeat]| {
                    seats
                        .iter()
                        .filter(|s| s.table_number == table && s.role == "pair")
                        .count()
                };
                if peers(&seats) >= PEERS {
                    // The last one not pinned gives up their seat.
                    let pos = seats
                        .iter()
                        .rposition(|s| s.table_number == table && s.role == "pair" && !s.pinned)
                        .ok_or(EditError::TableFull(table))?;
                    seats.remove(pos);
                }
                let seat = (PEER_SEAT..PEER_SEAT + PEERS as i64)
                    .find(|k| {
                        !seats
                            .iter()
                            .any(|s| s.table_number == table && s.seat == *k)
                    })
                    .unwrap_or(PEER_SEAT);
                seats.push(pair_at(table, seat, true));
            }
            SeatTarget::Seat { table, seat } => {
                if !tables.contains_key(&table) {
                    return Err(EditError::NoSuchTable(table).into());
                }
                let peer_seat = (PEER_SEAT..PEER_SEAT + PEERS as i64).contains(&seat);
                if !peer_seat && seat != ANIMATEUR_SEAT {
                    return Err(EditError::NoSuchSeat { table, seat }.into());
                }
                if let Some(pos) = seats
                    .iter()
                    .position(|s| s.table_number == table && s.seat == seat)
                {
                    let mut other = seats.remove(pos);
                    if other.role == "porteur" {
                        return Err(EditError::NoSuchSeat { table, seat }.into());
                    }
                    // A swap when the mover came from a seat; otherwise the one displaced
                    // goes back to the waiting list.
                    if let Some(from) = &from {
                        other.table_number = from.table_number;
                        other.seat = from.seat;
                        other.role = from.role.clone();
                        other.pinned = true;
                        seats.push(other);
                    }
                }
                seats.push(pair_at(table, seat, true));
            }
        }
        store::replace_seats(&tx, session, &seats)?;
        tx.commit()?;
        self.seating(session)
    }
}

fn spec_of(table: &TablePlan) -> TableSpec {
    TableSpec {
        number: table.number,
        holders: table.holders.iter().map(candidate_of_seat).collect(),
        accessible: table.accessible,
        pinned: Vec::new(),
    }
}

fn candidate_of_seat(s: &Seat) -> Candidate {
    Candidate {
        person_id: s.person_id,
        first_name: s.first_name.clone(),
        last_name: s.last_name.clone(),
        organisation: s.organisation.clone(),
        actor_type: s.actor_type,
        accessibility: s.accessibility,
    }
}
