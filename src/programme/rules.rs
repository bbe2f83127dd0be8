//! The warnings about a programme: pure functions over plain data, one per code, each
//! returning what it found with a French message naming what is concerned.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDate, NaiveTime};
use serde::Serialize;
use ts_rs::TS;

use super::SessionView;
use crate::common::Severity;
use crate::model::{table, Room, RoomKind, SessionKind, Slot, Status};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, TS)]
pub struct Warning {
    /// Stable: capacity, room_clash, person_clash, same_organisation, duration, room_kind,
    /// unplaced, balance, language, contribution_not_retained, contribution_twice.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub sessions: Vec<i64>,
    pub room: Option<i64>,
    pub slot: Option<i64>,
}

/// Everything the rules look at.
pub struct Programme<'a> {
    pub rooms: &'a [Room],
    pub slots: &'a [Slot],
    pub sessions: &'a [SessionView],
    /// Retained submissions that are in no session: (id, title).
    pub unscheduled: &'a [(i64, String)],
    /// People seated at each centrifugeuse table: (session, table, count).
    pub seated: &'a [(i64, i64, usize)],
}

/// All warnings in one order, whatever the edits before: by severity (errors first), code,
/// message, then what they name. The screen shows them in this order and places a new
/// warning by its rank in it.
pub fn check(p: &Programme) -> Vec<Warning> {
    let all: Vec<&SessionView> = p.sessions.iter().collect();
    check_sessions(p, &all)
}

/// The warnings about `sessions` alone, as if there were no others (`p.sessions` is not
/// read): the plan's search weighs a move by the sessions of the times it touches.
pub(crate) fn check_sessions(p: &Programme, sessions: &[&SessionView]) -> Vec<Warning> {
    let ctx = Context::new(p, sessions);
    let mut out = Vec::new();
    capacity(&ctx, &mut out);
    room_clash(&ctx, &mut out);
    person_clash(&ctx, &mut out);
    same_organisation(&ctx, &mut out);
    duration(&ctx, &mut out);
    room_kind(&ctx, &mut out);
    unplaced(&ctx, &mut out);
    balance(&ctx, &mut out);
    language(&ctx, &mut out);
    contribution_not_retained(&ctx, &mut out);
    contribution_twice(&ctx, &mut out);
    out.sort_by(|a, b| {
        (a.severity, a.code, &a.message, &a.sessions, a.room, a.slot).cmp(&(
            b.severity,
            b.code,
            &b.message,
            &b.sessions,
            b.room,
            b.slot,
        ))
    });
    out
}

struct Context<'a> {
    p: &'a Programme<'a>,
    sessions: &'a [&'a SessionView],
    rooms: HashMap<i64, &'a Room>,
    slots: HashMap<i64, &'a Slot>,
    /// Placed sessions: (session, room, slot).
    placed: Vec<(&'a SessionView, &'a Room, &'a Slot)>,
    /// Pairs of placed sessions whose slots overlap (indexes into `placed`, i < j).
    parallel: Vec<(usize, usize)>,
    /// For each placed session: who takes part, and their organisations (folded).
    people: Vec<BTreeSet<i64>>,
    organisations: Vec<BTreeSet<String>>,
}

fn span(slot: &Slot) -> (NaiveDate, NaiveTime, NaiveTime) {
    let end = slot
        .end
        .unwrap_or_else(|| slot.start.overflowing_add_signed(Duration::minutes(1)).0);
    (slot.date, slot.start, end)
}

pub(crate) fn overlap(a: &Slot, b: &Slot) -> bool {
    let (da, sa, ea) = span(a);
    let (db, sb, eb) = span(b);
    da == db && sa < eb && sb < ea
}

impl<'a> Context<'a> {
    fn new(p: &'a Programme<'a>, sessions: &'a [&'a SessionView]) -> Context<'a> {
        let rooms: HashMap<i64, &Room> = p.rooms.iter().map(|r| (r.id, r)).collect();
        let slots: HashMap<i64, &Slot> = p.slots.iter().map(|s| (s.id, s)).collect();
        let placed: Vec<_> = sessions
            .iter()
            .copied()
            .filter_map(|s| {
                let cell = s.placement?;
                Some((s, *rooms.get(&cell.room_id)?, *slots.get(&cell.slot_id)?))
            })
            .collect();
        // Slots overlap rarely and are few: compare slots, then the sessions in them.
        let mut by_slot: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, (_, _, slot)) in placed.iter().enumerate() {
            by_slot.entry(slot.id).or_default().push(i);
        }
        let slot_ids: Vec<i64> = by_slot.keys().copied().collect();
        let mut parallel = Vec::new();
        for (x, a) in slot_ids.iter().enumerate() {
            for b in &slot_ids[x..] {
                if a != b && !overlap(slots[a], slots[b]) {
                    continue;
                }
                let (left, right) = (&by_slot[a], &by_slot[b]);
                for &i in left {
                    for &j in right {
                        if a != b || i < j {
                            parallel.push((i.min(j), i.max(j)));
                        }
                    }
                }
            }
        }
        let people = placed
            .iter()
            .map(|(s, _, _)| s.participants().map(|p| p.person_id).collect())
            .collect();
        let organisations = placed
            .iter()
            .map(|(s, _, _)| {
                s.participants()
                    .map(|p| organisation_key(&p.organisation))
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .collect();
        Context {
            p,
            sessions,
            rooms,
            slots,
            placed,
            parallel,
            people,
            organisations,
        }
    }
}

fn quoted(text: &str) -> String {
    format!("«\u{a0}{text}\u{a0}»")
}

fn capacity(ctx: &Context, out: &mut Vec<Warning>) {
    for (session, room, slot) in &ctx.placed {
        let Some(audience) = session.audience() else {
            continue;
        };
        // An estimate (from the registrants' wishes) is not a count: a room it overflows
        // is worth a look, not an error, until the audience is entered.
        let estimate = session
            .estimate
            .as_ref()
            .filter(|_| session.expected_audience.is_none());
        let (severity, message) = match (super::fit(Some(audience), room.capacity), estimate) {
            (super::Fit::TooSmall, Some(estimate)) => (
                Severity::Warning,
                format!(
                    "{} attendrait environ {audience}\u{a0}personnes, une estimation ({}), la salle {} \
                     a {}\u{a0}places\u{a0}: indiquez le public attendu si vous le connaissez.",
                    quoted(&session.title),
                    estimate.explained(session.kind),
                    quoted(&room.name),
                    room.capacity
                ),
            ),
            (super::Fit::TooSmall, None) => (
                Severity::Error,
                format!(
                    "{} attend {audience}\u{a0}personnes, la salle {} n’a que {}\u{a0}places.",
                    quoted(&session.title),
                    quoted(&room.name),
                    room.capacity
                ),
            ),
            // Full but fitting: worth knowing (no seat to spare), not a problem to solve.
            (super::Fit::Near, estimate) => (
                Severity::Info,
                format!(
                    "{} remplira la salle {}\u{a0}: {}{} pour {}.",
                    quoted(&session.title),
                    quoted(&room.name),
                    if estimate.is_some() { "environ " } else { "" },
                    crate::words::plural(audience, "personne", "personnes"),
                    crate::words::plural(room.capacity, "place", "places"),
                ),
            ),
            _ => continue,
        };
        out.push(Warning {
            code: "capacity",
            severity,
            message,
            sessions: vec![session.id],
            room: Some(room.id),
            slot: Some(slot.id),
        });
    }
}

fn room_clash(ctx: &Context, out: &mut Vec<Warning>) {
    for &(i, j) in &ctx.parallel {
        let (a, room_a, slot_a) = ctx.placed[i];
        let (b, room_b, _) = ctx.placed[j];
        if room_a.id == room_b.id {
            out.push(Warning {
                code: "room_clash",
                severity: Severity::Error,
                message: format!(
                    "{} et {} occupent la salle {} en même temps ({}).",
                    quoted(&a.title),
                    quoted(&b.title),
                    quoted(&room_a.name),
                    slot_a.time_range()
                ),
                sessions: vec![a.id, b.id],
                room: Some(room_a.id),
                slot: Some(slot_a.id),
            });
        }
    }
}

fn person_clash(ctx: &Context, out: &mut Vec<Warning>) {
    for &(i, j) in &ctx.parallel {
        let (a, _, slot) = ctx.placed[i];
        let (b, _, _) = ctx.placed[j];
        if ctx.people[i].is_disjoint(&ctx.people[j]) {
            continue;
        }
        let theirs = &ctx.people[j];
        let mut seen = BTreeSet::new();
        for person in a.participants().filter(|p| theirs.contains(&p.person_id)) {
            if !seen.insert(person.person_id) {
                continue;
            }
            out.push(Warning {
                code: "person_clash",
                severity: Severity::Error,
                message: format!(
                    "{} {} est attendu·e à la fois dans {} et dans {} ({}).",
                    person.first_name,
                    person.last_name,
                    quoted(&a.title),
                    quoted(&b.title),
                    slot.time_range()
                ),
                sessions: vec![a.id, b.id],
                room: None,
                slot: Some(slot.id),
            });
        }
    }
}

fn organisation_key(name: &str) -> String {
    deunicode::deunicode(name.trim()).to_lowercase()
}

fn same_organisation(ctx: &Context, out: &mut Vec<Warning>) {
    for &(i, j) in &ctx.parallel {
        let (a, _, slot) = ctx.placed[i];
        let (b, _, _) = ctx.placed[j];
        if ctx.organisations[i].is_disjoint(&ctx.organisations[j]) {
            continue;
        }
        let theirs = &ctx.organisations[j];
        let mut seen = BTreeSet::new();
        for person in a.participants() {
            let key = organisation_key(&person.organisation);
            if key.is_empty() || !theirs.contains(&key) || !seen.insert(key) {
                continue;
            }
            out.push(Warning {
                code: "same_organisation",
                severity: Severity::Info,
                message: format!(
                    "{} est représentée en même temps dans {} et dans {} ({}).",
                    person.organisation,
                    quoted(&a.title),
                    quoted(&b.title),
                    slot.time_range()
                ),
                sessions: vec![a.id, b.id],
                room: None,
                slot: Some(slot.id),
            });
        }
    }
}

fn slot_minutes(slot: &Slot) -> Option<i64> {
    slot.end.map(|end| (end - slot.start).num_minutes())
}

fn duration(ctx: &Context, out: &mut Vec<Warning>) {
    for (session, room, slot) in &ctx.placed {
        let Some(available) = slot_minutes(slot) else {
            continue;
        };
        if session.kind == SessionKind::Centrifugeuse {
            // Each table hears its projects one after the other.
            let tables = (room.capacity / table::SEATS as i64).max(1) as usize;
            let mut per_table: HashMap<i64, usize> = HashMap::new();
            let mut unassigned: usize = 0;
            for c in &session.contributions {
                match c.table_number {
                    Some(t) => *per_table.entry(t).or_default() += 1,
                    None => unassigned += 1,
                }
            }
            for &(_, table, count) in ctx.p.seated.iter().filter(|(s, _, _)| *s == session.id) {
                if count > table::SEATS {
                    out.push(Warning {
                        code: "duration",
                        severity: Severity::Warning,
                        message: format!(
                            "{}\u{a0}: la table {table} a {count}\u{a0}personnes pour 5 + 1\u{a0}places (un porteur de projet, quatre pairs, un animateur).",
                            quoted(&session.title)
                        ),
                        sessions: vec![session.id],
                        room: Some(room.id),
                        slot: Some(slot.id),
                    });
                }
            }
            let busiest = per_table.values().copied().max().unwrap_or(0);
            let spread = unassigned.div_ceil(tables);
            let projects = busiest.max(spread);
            let needed = projects as i64 * table::MINUTES_PER_PROJECT;
            if needed > available {
                out.push(Warning {
                    code: "duration",
                    severity: Severity::Warning,
                    message: format!(
                        "{}\u{a0}: {projects}\u{a0}projets par table demandent {needed}\u{a0}min, le créneau {} en offre {available}.",
                        quoted(&session.title),
                        slot.time_range()
                    ),
                    sessions: vec![session.id],
                    room: Some(room.id),
                    slot: Some(slot.id),
                });
            }
        } else {
            let needed = session.programme_minutes();
            if needed > available {
                out.push(Warning {
                    code: "duration",
                    severity: Severity::Warning,
                    message: format!(
                        "{}\u{a0}: les interventions et questions durent {needed}\u{a0}min, le créneau {} en offre {available}.",
                        quoted(&session.title),
                        slot.time_range()
                    ),
                    sessions: vec![session.id],
                    room: Some(room.id),
                    slot: Some(slot.id),
                });
            }
        }
    }
}

/// Which kinds of room suit a kind of session.
pub(crate) fn suits(session: SessionKind, room: RoomKind) -> bool {
    use RoomKind::*;
    match session {
        SessionKind::Pleniere | SessionKind::TableRonde => matches!(room, Pleniere | Autre),
        SessionKind::Centrifugeuse => matches!(room, Centrifugeuse | Autre),
        SessionKind::Formation => matches!(room, Formation | Atelier | Autre),
        SessionKind::Atelier => matches!(room, Atelier | Formation | Autre),
        SessionKind::Autre => true,
    }
}

fn room_kind(ctx: &Context, out: &mut Vec<Warning>) {
    for (session, room, slot) in &ctx.placed {
        if !suits(session.kind, room.kind) {
            out.push(Warning {
                code: "room_kind",
                severity: Severity::Warning,
                message: format!(
                    "{} ({}) est placée dans {}, une salle de type {}.",
                    quoted(&session.title),
                    session.kind.label_fr().to_lowercase(),
                    quoted(&room.name),
                    room.kind.label_fr()
                ),
                sessions: vec![session.id],
                room: Some(room.id),
                slot: Some(slot.id),
            });
        }
    }
}

fn unplaced(ctx: &Context, out: &mut Vec<Warning>) {
    for &session in ctx.sessions {
        let placed = session.placement.is_some_and(|c| {
            ctx.rooms.contains_key(&c.room_id) && ctx.slots.contains_key(&c.slot_id)
        });
        if !placed {
            out.push(Warning {
                code: "unplaced",
                severity: Severity::Info,
                message: format!(
                    "La session {} n’est sur aucun créneau.",
                    quoted(&session.title)
                ),
                sessions: vec![session.id],
                room: None,
                slot: None,
            });
        }
    }
    for (id, title) in ctx.p.unscheduled {
        out.push(Warning {
            code: "unplaced",
            severity: Severity::Warning,
            message: format!(
                "La contribution retenue {} (n°\u{a0}{id}) n’est dans aucune session.",
                quoted(title)
            ),
            sessions: vec![],
            room: None,
            slot: None,
        });
    }
}

/// A contribution in a session while the selection says it is not retained: its speakers
/// would be printed in the programme and on badges. An error once the session is placed.
fn contribution_not_retained(ctx: &Context, out: &mut Vec<Warning>) {
    for &session in ctx.sessions {
        let placed = session.placement.is_some();
        for c in &session.contributions {
            let Some(status) = Status::parse(&c.status).filter(|s| *s != Status::Retenue) else {
                continue;
            };
            out.push(Warning {
                code: "contribution_not_retained",
                severity: if placed {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                message: format!(
                    "La contribution {} (n°\u{a0}{}) figure dans la session {} alors qu’elle \
                     n’est pas retenue (statut «\u{a0}{}\u{a0}»)\u{a0}: retenez-la ou retirez-la \
                     de la session.",
                    quoted(&c.title),
                    c.submission_id,
                    quoted(&session.title),
                    status.label_fr()
                ),
                sessions: vec![session.id],
                room: session.placement.map(|p| p.room_id),
                slot: session.placement.map(|p| p.slot_id),
            });
        }
    }
}

/// The same contribution in two sessions or more: presented twice, or one of them is a
/// leftover.
fn contribution_twice(ctx: &Context, out: &mut Vec<Warning>) {
    /// A contribution's title, and the sessions it is in: (id, title).
    type Found<'a> = (&'a str, Vec<(i64, &'a str)>);
    let mut in_sessions: HashMap<i64, Found> = HashMap::new();
    for &session in ctx.sessions {
        for c in &session.contributions {
            in_sessions
                .entry(c.submission_id)
                .or_insert_with(|| (c.title.as_str(), Vec::new()))
                .1
                .push((session.id, session.title.as_str()));
        }
    }
    for (id, (title, sessions)) in in_sessions {
        if sessions.len() < 2 {
            continue;
        }
        let names: Vec<String> = sessions.iter().map(|(_, t)| quoted(t)).collect();
        out.push(Warning {
            code: "contribution_twice",
            severity: Severity::Warning,
            message: format!(
                "La contribution {} (n°\u{a0}{id}) figure dans {} sessions\u{a0}: {}.",
                quoted(title),
                sessions.len(),
                names.join(", ")
            ),
            sessions: sessions.iter().map(|(s, _)| *s).collect(),
            room: None,
            slot: None,
        });
    }
}

fn balance(ctx: &Context, out: &mut Vec<Warning>) {
    for &session in ctx.sessions {
        let mut speakers: HashMap<i64, &str> = HashMap::new();
        for person in session.participants().filter(|p| p.role == "intervenant") {
            speakers.insert(person.person_id, &person.actor_type);
        }
        if speakers.len() < 3 {
            continue;
        }
        let kinds: BTreeSet<&str> = speakers.values().copied().collect();
        if kinds.len() == 1 {
            let kind = *kinds.iter().next().expect("one kind");
            if kind == "autre" {
                continue;
            }
            out.push(Warning {
                code: "balance",
                severity: Severity::Warning,
                message: format!(
                    "Les {} intervenant·es de {} sont tous du même type d’acteur ({}).",
                    speakers.len(),
                    quoted(&session.title),
                    actor_label(kind)
                ),
                sessions: vec![session.id],
                room: session.placement.map(|c| c.room_id),
                slot: session.placement.map(|c| c.slot_id),
            });
        }
    }
}

fn actor_label(code: &str) -> &'static str {
    crate::model::ActorType::parse(code).map_or("autres", |a| a.plural_fr())
}

fn language(ctx: &Context, out: &mut Vec<Warning>) {
    for (session, room, slot) in &ctx.placed {
        if session.language == "en" && !room.interpretation {
            out.push(Warning {
                code: "language",
                severity: Severity::Warning,
                message: format!(
                    "{} est en anglais, et la salle {} n’a pas d’interprétation notée.",
                    quoted(&session.title),
                    quoted(&room.name)
                ),
                sessions: vec![session.id],
                room: Some(room.id),
                slot: Some(slot.id),
            });
        }
    }
}
