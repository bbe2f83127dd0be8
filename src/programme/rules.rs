//! The warnings about a programme: pure functions over plain data, one per code, each
//! returning what it found with a French message naming what is concerned.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDate, NaiveTime};
use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::SessionView;
use crate::common::Severity;
use crate::model::{table, Room, RoomKind, SessionKind, Slot, SlotKind, Status};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, TS)]
pub struct Warning {
    /// Stable: capacity, room_clash, person_clash, same_organisation, duration, room_kind,
    /// unplaced, balance, language, contribution_not_retained, contribution_twice,
    /// planned_slot, during_plenary.
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
    let all: Vec<usize> = (0..p.sessions.len()).collect();
    check_sessions(p, &Index::new(p), &all, Detail::Messages)
}

/// Whether the rules write their warnings' messages. The plan's search weighs thousands
/// of moves by their warnings' codes and severities alone: it asks for `Counts`, whose
/// warnings have empty messages, come in no particular order, and leave out the rules
/// that do not depend on where sessions are (a contribution in two sessions, the balance
/// of a session's speakers): they cost the same whatever the search does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    Messages,
    Counts,
}

/// What the rules look up again and again, worked out once from `p.sessions`, which it
/// must keep matching but for placements and estimates: where each room and slot is, and
/// for each session its people and its participants' organisations, folded and numbered
/// so that two spellings of one organisation compare equal.
pub(crate) struct Index {
    rooms: FxHashMap<i64, usize>,
    slots: FxHashMap<i64, usize>,
    /// Sorted, without repeats.
    pub(crate) people: Vec<Vec<i64>>,
    /// One per participant, in `participants()` order (none for a blank organisation).
    organisation_of: Vec<Vec<Option<u32>>>,
    /// Sorted, without repeats.
    organisations: Vec<Vec<u32>>,
    /// The session slots whose label is the session's title (« Plénière d’ouverture »).
    planned: Vec<Vec<i64>>,
}

impl Index {
    pub(crate) fn new(p: &Programme) -> Index {
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut organisation_of = Vec::with_capacity(p.sessions.len());
        for s in p.sessions {
            let of: Vec<Option<u32>> = s
                .participants()
                .map(|person| {
                    let key = organisation_key(&person.organisation);
                    if key.is_empty() {
                        return None;
                    }
                    let next = numbers.len() as u32;
                    Some(*numbers.entry(key).or_insert(next))
                })
                .collect();
            organisation_of.push(of);
        }
        Index {
            rooms: p.rooms.iter().enumerate().map(|(i, r)| (r.id, i)).collect(),
            slots: p.slots.iter().enumerate().map(|(i, s)| (s.id, i)).collect(),
            people: p
                .sessions
                .iter()
                .map(|s| sorted(s.participants().map(|p| p.person_id).collect()))
                .collect(),
            organisations: organisation_of
                .iter()
                .map(|of| sorted(of.iter().flatten().copied().collect()))
                .collect(),
            organisation_of,
            planned: planned(p),
        }
    }
}

/// For each session, the session slots whose label names it: its title (« Plénière
/// d’ouverture »), its title and more (« … en hémicycle »: the longest such title wins,
/// so a session « Plénière » does not claim it), or the start of its title and of no other
/// session's (« Première table ronde » for « Première table ronde : les govtech… »).
/// Accents, case and punctuation aside.
fn planned(p: &Programme) -> Vec<Vec<i64>> {
    let titles: Vec<String> = p.sessions.iter().map(|s| folded(&s.title)).collect();
    let mut planned = vec![Vec::new(); p.sessions.len()];
    for slot in p.slots.iter().filter(|s| s.kind == SlotKind::Session) {
        let label = folded(&slot.label);
        if label.is_empty() {
            continue;
        }
        let within =
            |t: &String| !t.is_empty() && (*t == label || label.starts_with(&format!("{t} ")));
        let longest = titles.iter().filter(|t| within(t)).map(String::len).max();
        let named: Vec<usize> = match longest {
            Some(len) => (0..titles.len())
                .filter(|&k| within(&titles[k]) && titles[k].len() == len)
                .collect(),
            None => {
                let starting: Vec<usize> = (0..titles.len())
                    .filter(|&k| titles[k].starts_with(&format!("{label} ")))
                    .collect();
                if starting.len() == 1 {
                    starting
                } else {
                    vec![]
                }
            }
        };
        for k in named {
            planned[k].push(slot.id);
        }
    }
    planned
}

/// Letters and digits only, without accents or case: « Plénière d’ouverture » and
/// "pleniere d'ouverture" read the same.
pub(crate) fn folded(text: &str) -> String {
    let plain = deunicode::deunicode(text).to_lowercase();
    plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

/// What two sorted lists without repeats have in common.
pub(crate) fn common<'v, T: Ord + Copy>(a: &'v [T], b: &'v [T]) -> impl Iterator<Item = T> + 'v {
    a.iter()
        .copied()
        .filter(move |x| b.binary_search(x).is_ok())
}

/// The warnings about the sessions of `p.sessions` at positions `of`, as if there were no
/// others: the plan's search weighs a move by the sessions of the times it touches.
pub(crate) fn check_sessions(
    p: &Programme,
    index: &Index,
    of: &[usize],
    detail: Detail,
) -> Vec<Warning> {
    let ctx = Context::new(p, index, of);
    let mut out = Found {
        detail,
        warnings: Vec::new(),
    };
    capacity(&ctx, &mut out);
    room_clash(&ctx, &mut out);
    person_clash(&ctx, &mut out);
    same_organisation(&ctx, &mut out);
    duration(&ctx, &mut out);
    room_kind(&ctx, &mut out);
    unplaced(&ctx, &mut out);
    language(&ctx, &mut out);
    contribution_not_retained(&ctx, &mut out);
    planned_slot(&ctx, &mut out);
    during_plenary(&ctx, &mut out);
    if detail == Detail::Messages {
        balance(&ctx, &mut out);
        contribution_twice(&ctx, &mut out);
    }
    let mut out = out.warnings;
    if detail == Detail::Messages {
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
    }
    out
}

/// Where the rules put what they find; the message is written only when asked for.
struct Found {
    detail: Detail,
    warnings: Vec<Warning>,
}

impl Found {
    fn add(
        &mut self,
        code: &'static str,
        severity: Severity,
        sessions: Vec<i64>,
        room: Option<i64>,
        slot: Option<i64>,
        message: impl FnOnce() -> String,
    ) {
        let message = match self.detail {
            Detail::Messages => message(),
            Detail::Counts => String::new(),
        };
        self.warnings.push(Warning {
            code,
            severity,
            message,
            sessions,
            room,
            slot,
        });
    }
}

struct Context<'a> {
    p: &'a Programme<'a>,
    index: &'a Index,
    sessions: Vec<&'a SessionView>,
    /// Placed sessions: (session, room, slot), and each one's position in `p.sessions`.
    placed: Vec<(&'a SessionView, &'a Room, &'a Slot)>,
    at: Vec<usize>,
    /// Pairs of placed sessions whose slots overlap (indexes into `placed`, i < j).
    parallel: Vec<(usize, usize)>,
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
    fn new(p: &'a Programme<'a>, index: &'a Index, of: &[usize]) -> Context<'a> {
        let mut placed = Vec::new();
        let mut at = Vec::new();
        for &k in of {
            let s = &p.sessions[k];
            let Some(cell) = s.placement else { continue };
            let (Some(&room), Some(&slot)) = (
                index.rooms.get(&cell.room_id),
                index.slots.get(&cell.slot_id),
            ) else {
                continue;
            };
            placed.push((s, &p.rooms[room], &p.slots[slot]));
            at.push(k);
        }
        // Slots overlap rarely and are few: compare slots, then the sessions in them.
        let mut by_slot: Vec<(i64, Vec<usize>)> = Vec::new();
        for (i, (_, _, slot)) in placed.iter().enumerate() {
            match by_slot.iter_mut().find(|(id, _)| *id == slot.id) {
                Some((_, here)) => here.push(i),
                None => by_slot.push((slot.id, vec![i])),
            }
        }
        let mut parallel = Vec::new();
        for (x, (a, left)) in by_slot.iter().enumerate() {
            for (b, right) in &by_slot[x..] {
                if a != b && !overlap(placed[left[0]].2, placed[right[0]].2) {
                    continue;
                }
                for &i in left {
                    for &j in right {
                        if a != b || i < j {
                            parallel.push((i.min(j), i.max(j)));
                        }
                    }
                }
            }
        }
        Context {
            p,
            index,
            sessions: of.iter().map(|&k| &p.sessions[k]).collect(),
            placed,
            at,
            parallel,
        }
    }

    fn people(&self, i: usize) -> &'a [i64] {
        &self.index.people[self.at[i]]
    }

    fn organisations(&self, i: usize) -> &'a [u32] {
        &self.index.organisations[self.at[i]]
    }
}

fn quoted(text: &str) -> String {
    format!("«\u{a0}{text}\u{a0}»")
}

fn capacity(ctx: &Context, out: &mut Found) {
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
        let severity = match (super::fit(Some(audience), room.capacity), estimate) {
            (super::Fit::TooSmall, Some(_)) => Severity::Warning,
            (super::Fit::TooSmall, None) => Severity::Error,
            // Full but fitting: worth knowing (no seat to spare), not a problem to solve.
            (super::Fit::Near, _) => Severity::Info,
            _ => continue,
        };
        let message = || match (severity, estimate) {
            (Severity::Warning, Some(estimate)) => format!(
                "{} attendrait environ {audience}\u{a0}personnes, une estimation ({}), la salle {} \
                 a {}\u{a0}places\u{a0}: indiquez le public attendu si vous le connaissez.",
                quoted(&session.title),
                estimate.explained(session.kind),
                quoted(&room.name),
                room.capacity
            ),
            (Severity::Error, _) => format!(
                "{} attend {audience}\u{a0}personnes, la salle {} n’a que {}\u{a0}places.",
                quoted(&session.title),
                quoted(&room.name),
                room.capacity
            ),
            _ => format!(
                "{} remplira la salle {}\u{a0}: {}{} pour {}.",
                quoted(&session.title),
                quoted(&room.name),
                if estimate.is_some() { "environ " } else { "" },
                crate::words::plural(audience, "personne", "personnes"),
                crate::words::plural(room.capacity, "place", "places"),
            ),
        };
        out.add(
            "capacity",
            severity,
            vec![session.id],
            Some(room.id),
            Some(slot.id),
            message,
        );
    }
}

fn room_clash(ctx: &Context, out: &mut Found) {
    for &(i, j) in &ctx.parallel {
        let (a, room_a, slot_a) = ctx.placed[i];
        let (b, room_b, _) = ctx.placed[j];
        if room_a.id == room_b.id {
            out.add(
                "room_clash",
                Severity::Error,
                vec![a.id, b.id],
                Some(room_a.id),
                Some(slot_a.id),
                || {
                    format!(
                        "{} et {} occupent la salle {} en même temps ({}).",
                        quoted(&a.title),
                        quoted(&b.title),
                        quoted(&room_a.name),
                        slot_a.time_range()
                    )
                },
            );
        }
    }
}

fn person_clash(ctx: &Context, out: &mut Found) {
    for &(i, j) in &ctx.parallel {
        let (a, _, slot) = ctx.placed[i];
        let (b, _, _) = ctx.placed[j];
        for id in common(ctx.people(i), ctx.people(j)) {
            out.add(
                "person_clash",
                Severity::Error,
                vec![a.id, b.id],
                None,
                Some(slot.id),
                || {
                    let person = a
                        .participants()
                        .find(|p| p.person_id == id)
                        .expect("a person of the session");
                    format!(
                        "{} {} est attendu·e à la fois dans {} et dans {} ({}).",
                        person.first_name,
                        person.last_name,
                        quoted(&a.title),
                        quoted(&b.title),
                        slot.time_range()
                    )
                },
            );
        }
    }
}

fn organisation_key(name: &str) -> String {
    deunicode::deunicode(name.trim()).to_lowercase()
}

fn same_organisation(ctx: &Context, out: &mut Found) {
    for &(i, j) in &ctx.parallel {
        let (a, _, slot) = ctx.placed[i];
        let (b, _, _) = ctx.placed[j];
        for key in common(ctx.organisations(i), ctx.organisations(j)) {
            out.add(
                "same_organisation",
                Severity::Info,
                vec![a.id, b.id],
                None,
                Some(slot.id),
                || {
                    // Named as the first of the session's people from it wrote it.
                    let (person, _) = a
                        .participants()
                        .zip(&ctx.index.organisation_of[ctx.at[i]])
                        .find(|(_, of)| **of == Some(key))
                        .expect("someone from the organisation");
                    format!(
                        "{} est représentée en même temps dans {} et dans {} ({}).",
                        person.organisation,
                        quoted(&a.title),
                        quoted(&b.title),
                        slot.time_range()
                    )
                },
            );
        }
    }
}

fn slot_minutes(slot: &Slot) -> Option<i64> {
    slot.end.map(|end| (end - slot.start).num_minutes())
}

fn duration(ctx: &Context, out: &mut Found) {
    for &(session, room, slot) in &ctx.placed {
        let Some(available) = slot_minutes(slot) else {
            continue;
        };
        let at = || (vec![session.id], Some(room.id), Some(slot.id));
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
                    let (sessions, room_id, slot_id) = at();
                    out.add("duration", Severity::Warning, sessions, room_id, slot_id, || {
                        format!(
                            "{}\u{a0}: la table {table} a {count}\u{a0}personnes pour 5 + 1\u{a0}places (un porteur de projet, quatre pairs, un animateur).",
                            quoted(&session.title)
                        )
                    });
                }
            }
            let busiest = per_table.values().copied().max().unwrap_or(0);
            let spread = unassigned.div_ceil(tables);
            let projects = busiest.max(spread);
            let needed = projects as i64 * table::MINUTES_PER_PROJECT;
            if needed > available {
                let (sessions, room_id, slot_id) = at();
                out.add("duration", Severity::Warning, sessions, room_id, slot_id, || {
                    format!(
                        "{}\u{a0}: {projects}\u{a0}projets par table demandent {needed}\u{a0}min, le créneau {} en offre {available}.",
                        quoted(&session.title),
                        slot.time_range()
                    )
                });
            }
        } else {
            let needed = session.programme_minutes();
            if needed > available {
                let (sessions, room_id, slot_id) = at();
                out.add("duration", Severity::Warning, sessions, room_id, slot_id, || {
                    format!(
                        "{}\u{a0}: les interventions et questions durent {needed}\u{a0}min, le créneau {} en offre {available}.",
                        quoted(&session.title),
                        slot.time_range()
                    )
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

fn room_kind(ctx: &Context, out: &mut Found) {
    for (session, room, slot) in &ctx.placed {
        if !suits(session.kind, room.kind) {
            out.add(
                "room_kind",
                Severity::Warning,
                vec![session.id],
                Some(room.id),
                Some(slot.id),
                || {
                    format!(
                        "{} ({}) est placée dans {}, une salle de type {}.",
                        quoted(&session.title),
                        session.kind.label_fr().to_lowercase(),
                        quoted(&room.name),
                        room.kind.label_fr()
                    )
                },
            );
        }
    }
}

fn unplaced(ctx: &Context, out: &mut Found) {
    for &session in &ctx.sessions {
        let placed = session.placement.is_some_and(|c| {
            ctx.index.rooms.contains_key(&c.room_id) && ctx.index.slots.contains_key(&c.slot_id)
        });
        if !placed {
            out.add(
                "unplaced",
                Severity::Info,
                vec![session.id],
                None,
                None,
                || {
                    format!(
                        "La session {} n’est sur aucun créneau.",
                        quoted(&session.title)
                    )
                },
            );
        }
    }
    for (id, title) in ctx.p.unscheduled {
        out.add("unplaced", Severity::Warning, vec![], None, None, || {
            format!(
                "La contribution retenue {} (n°\u{a0}{id}) n’est dans aucune session.",
                quoted(title)
            )
        });
    }
}

/// A contribution in a session while the selection says it is not retained: its speakers
/// would be printed in the programme and on badges. An error once the session is placed.
fn contribution_not_retained(ctx: &Context, out: &mut Found) {
    for &session in &ctx.sessions {
        let placed = session.placement.is_some();
        for c in &session.contributions {
            let Some(status) = Status::parse(&c.status).filter(|s| *s != Status::Retenue) else {
                continue;
            };
            out.add(
                "contribution_not_retained",
                if placed {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                vec![session.id],
                session.placement.map(|p| p.room_id),
                session.placement.map(|p| p.slot_id),
                || {
                    format!(
                        "La contribution {} (n°\u{a0}{}) figure dans la session {} alors qu’elle \
                         n’est pas retenue (statut «\u{a0}{}\u{a0}»)\u{a0}: retenez-la ou retirez-la \
                         de la session.",
                        quoted(&c.title),
                        c.submission_id,
                        quoted(&session.title),
                        status.label_fr()
                    )
                },
            );
        }
    }
}

/// The same contribution in two sessions or more: presented twice, or one of them is a
/// leftover.
fn contribution_twice(ctx: &Context, out: &mut Found) {
    /// A contribution's title, and the sessions it is in: (id, title).
    type Seen<'a> = (&'a str, Vec<(i64, &'a str)>);
    let mut in_sessions: HashMap<i64, Seen> = HashMap::new();
    for &session in &ctx.sessions {
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
        let ids = sessions.iter().map(|(s, _)| *s).collect();
        out.add(
            "contribution_twice",
            Severity::Warning,
            ids,
            None,
            None,
            || {
                let names: Vec<String> = sessions.iter().map(|(_, t)| quoted(t)).collect();
                format!(
                    "La contribution {} (n°\u{a0}{id}) figure dans {} sessions\u{a0}: {}.",
                    quoted(title),
                    sessions.len(),
                    names.join(", ")
                )
            },
        );
    }
}

fn balance(ctx: &Context, out: &mut Found) {
    for &session in &ctx.sessions {
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
            out.add(
                "balance",
                Severity::Warning,
                vec![session.id],
                session.placement.map(|c| c.room_id),
                session.placement.map(|c| c.slot_id),
                || {
                    format!(
                        "Les {} intervenant·es de {} sont tous du même type d’acteur ({}).",
                        speakers.len(),
                        quoted(&session.title),
                        actor_label(kind)
                    )
                },
            );
        }
    }
}

fn actor_label(code: &str) -> &'static str {
    crate::model::ActorType::parse(code).map_or("autres", |a| a.plural_fr())
}

fn language(ctx: &Context, out: &mut Found) {
    for (session, room, slot) in &ctx.placed {
        if session.language == "en" && !room.interpretation {
            out.add(
                "language",
                Severity::Warning,
                vec![session.id],
                Some(room.id),
                Some(slot.id),
                || {
                    format!(
                        "{} est en anglais, et la salle {} n’a pas d’interprétation notée.",
                        quoted(&session.title),
                        quoted(&room.name)
                    )
                },
            );
        }
    }
}

/// A session placed away from the slot whose label is its title: the organisers wrote
/// where it goes when they made the slots.
fn planned_slot(ctx: &Context, out: &mut Found) {
    for (i, &(session, room, slot)) in ctx.placed.iter().enumerate() {
        let planned = &ctx.index.planned[ctx.at[i]];
        if planned.is_empty() || planned.contains(&slot.id) {
            continue;
        }
        out.add(
            "planned_slot",
            Severity::Warning,
            vec![session.id],
            Some(room.id),
            Some(slot.id),
            || {
                let at = ctx.p.slots.iter().find(|s| s.id == planned[0]);
                format!(
                    "{} est placée à {} alors que le créneau {} porte son nom.",
                    quoted(&session.title),
                    slot.time_range(),
                    at.map_or_else(String::new, |s| s.time_range())
                )
            },
        );
    }
}

/// A session at the same time as a plenary: the plenary is for everyone, what runs beside
/// it takes people from it or has few. Two plenaries at once are said once.
fn during_plenary(ctx: &Context, out: &mut Found) {
    for &(i, j) in &ctx.parallel {
        for (turn, (other, plenary)) in [(i, j), (j, i)].into_iter().enumerate() {
            let (other, room, slot) = ctx.placed[other];
            let (plenary, _, during) = ctx.placed[plenary];
            let both = other.kind == SessionKind::Pleniere;
            if plenary.kind != SessionKind::Pleniere || (both && turn == 1) {
                continue;
            }
            out.add(
                "during_plenary",
                Severity::Warning,
                vec![other.id, plenary.id],
                Some(room.id),
                Some(slot.id),
                || {
                    format!(
                        "{} a lieu pendant la plénière {} ({}).",
                        quoted(&other.title),
                        quoted(&plenary.title),
                        during.time_range()
                    )
                },
            );
        }
    }
}
