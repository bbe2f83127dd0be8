//! The run of show (conduite) per room: for the room's team and the venue's technicians,
//! each session in time order with its times, who moderates, who speaks and when, and
//! what it needs (microphones, interpretation, tables, access), on A4 landscape.

use std::collections::HashMap;

use super::listing::{column, Column, Listing};
use crate::common::typography;
use crate::model::{Day, Room, SessionRole, SlotKind};
use crate::programme::SessionView;
use crate::seating::SessionSeating;
use crate::share::{placed, Placed};

pub fn columns() -> Vec<Column> {
    let mut time = column("Horaire", 24.0);
    time.weight = super::fonts::Weight::Bold;
    vec![
        time,
        column("Session", 68.0),
        column("Animation", 46.0),
        column("Intervenant·es", 72.0),
        column("Besoins", 0.0),
    ]
}

/// One session's row, as the PDF and the workbook both write it.
pub struct Line {
    pub time: String,
    pub session: String,
    pub hosts: String,
    pub speakers: String,
    pub needs: String,
}

/// The placed sessions room by room (in the grid's order), each in time order.
pub fn by_room<'a>(day: &'a Day, sessions: &'a [SessionView]) -> Vec<(&'a Room, Vec<Placed<'a>>)> {
    let all = placed(day, sessions);
    let mut rooms: Vec<(&Room, Vec<Placed>)> = day.rooms.iter().map(|r| (r, Vec::new())).collect();
    for p in all {
        if let Some((_, list)) = rooms.iter_mut().find(|(r, _)| r.id == p.room.id) {
            list.push(p);
        }
    }
    rooms.retain(|(_, list)| !list.is_empty());
    rooms
}

pub fn line(
    p: &Placed,
    seatings: &HashMap<i64, SessionSeating>,
    access: &HashMap<i64, String>,
) -> Line {
    let session = p.session;
    let name = |first: &str, last: &str| format!("{first} {last}").trim().to_string();
    let hosts: Vec<String> = session
        .people
        .iter()
        .filter(|h| h.role != "intervenant")
        .map(|h| {
            let role = SessionRole::parse(&h.role).map_or("", SessionRole::label_fr);
            format!("{} ({role})", name(&h.first_name, &h.last_name))
        })
        .collect();
    let mut speakers: Vec<String> = Vec::new();
    for c in &session.contributions {
        let who: Vec<String> = c
            .speakers
            .iter()
            .map(|s| name(&s.first_name, &s.last_name))
            .collect();
        if who.is_empty() {
            continue;
        }
        let at = c
            .starts
            .as_deref()
            .map(|t| format!("{t} "))
            .unwrap_or_default();
        speakers.push(format!(
            "{at}{} ({}\u{a0}min)",
            who.join(", "),
            c.minutes + c.qa_minutes
        ));
    }
    for guest in session.people.iter().filter(|h| h.role == "intervenant") {
        speakers.push(name(&guest.first_name, &guest.last_name));
    }
    let kind = session.kind;
    Line {
        time: p.slot.time_range(),
        session: format!(
            "{}\n{}",
            typography::typeset(&session.title, &session.language),
            kind.label_fr()
        ),
        hosts: hosts.join("\n"),
        speakers: speakers.join("\n"),
        needs: needs(p, seatings.get(&session.id), access).join("\n"),
    }
}

/// What the session needs from the room's team, one line each.
pub fn needs(
    p: &Placed,
    seating: Option<&SessionSeating>,
    access: &HashMap<i64, String>,
) -> Vec<String> {
    let session = p.session;
    let mut needs = Vec::new();
    let mut on_stage: Vec<i64> = session.participants().map(|s| s.person_id).collect();
    on_stage.sort_unstable();
    on_stage.dedup();
    if let Some(seating) = seating.filter(|s| !s.tables.is_empty()) {
        let seats: usize = seating
            .tables
            .iter()
            .map(|t| t.holders.len() + t.peers.len() + usize::from(t.animateur.is_some()))
            .sum();
        needs.push(format!(
            "{} ({} places)",
            crate::words::plural(seating.tables.len() as i64, "table", "tables"),
            seats
        ));
    } else if !on_stage.is_empty() {
        needs.push(crate::words::plural(
            on_stage.len() as i64,
            "micro",
            "micros",
        ));
    }
    if session.language == "en" {
        needs.push(if p.room.interpretation {
            "Interprétation (anglais)".to_string()
        } else {
            "Interprétation (anglais)\u{a0}: pas de cabine dans cette salle".to_string()
        });
    }
    // At a centrifugeuse the tables are the audience: their seats say it.
    let tables = seating.is_some_and(|s| !s.tables.is_empty());
    if let Some(audience) = session.audience().filter(|_| !tables) {
        let estimated = session.expected_audience.is_none();
        needs.push(format!(
            "Public{}\u{a0}: {}{audience} pour {} places",
            if estimated { " estimé" } else { "" },
            if estimated { "≈\u{a0}" } else { "" },
            p.room.capacity
        ));
    }
    let mut seated: Vec<i64> = seating
        .map(|s| {
            s.tables
                .iter()
                .flat_map(|t| t.holders.iter().chain(&t.peers).chain(&t.animateur))
                .map(|seat| seat.person_id)
                .collect()
        })
        .unwrap_or_default();
    seated.retain(|id| !on_stage.contains(id));
    for id in on_stage.iter().chain(&seated) {
        if let Some(need) = access.get(id).filter(|n| !n.trim().is_empty()) {
            let who = session
                .participants()
                .find(|s| s.person_id == *id)
                .map(|s| format!("{} {}", s.first_name, s.last_name))
                .or_else(|| {
                    seating?.tables.iter().find_map(|t| {
                        t.holders
                            .iter()
                            .chain(&t.peers)
                            .chain(&t.animateur)
                            .find(|s| s.person_id == *id)
                            .map(|s| format!("{} {}", s.first_name, s.last_name))
                    })
                })
                .unwrap_or_default();
            needs.push(format!("Accès\u{a0}: {} — {}", who.trim(), need.trim()));
        }
    }
    needs
}

pub fn draw(
    listing: &mut Listing,
    day: &Day,
    sessions: &[SessionView],
    seatings: &HashMap<i64, SessionSeating>,
    access: &HashMap<i64, String>,
) {
    for (room, list) in by_room(day, sessions) {
        let mut about = vec![format!("{} places", room.capacity)];
        about.push(if room.interpretation {
            "cabines d’interprétation".to_string()
        } else {
            "sans cabine d’interprétation".to_string()
        });
        if !room.notes.trim().is_empty() {
            about.push(room.notes.trim().to_string());
        }
        listing.section(
            &format!("Conduite · {}", room.name),
            &typography::french(&about.join(" · ")),
        );
        // The room's sessions and the day's breaks, in time order: the team plans its
        // changeovers around the breaks.
        let mut rows: Vec<(chrono::NaiveDateTime, [String; 5])> = list
            .iter()
            .map(|p| {
                let l = line(p, seatings, access);
                (
                    p.start,
                    [
                        l.time,
                        l.session,
                        typography::french(&l.hosts),
                        typography::french(&l.speakers),
                        typography::french(&l.needs),
                    ],
                )
            })
            .collect();
        let dates: Vec<chrono::NaiveDate> = list.iter().map(|p| p.slot.date).collect();
        for slot in day
            .slots
            .iter()
            .filter(|s| s.kind != SlotKind::Session && dates.contains(&s.date))
        {
            let label = slot.name();
            rows.push((
                slot.date.and_time(slot.start),
                [
                    slot.time_range(),
                    typography::french(&label),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            ));
        }
        rows.sort_by_key(|(at, _)| *at);
        let mut date = None;
        for (at, row) in rows {
            if date != Some(at.date()) && day.event.end_date > day.event.start_date {
                listing.heading(&super::french_dates(at.date(), at.date()));
            }
            date = Some(at.date());
            listing.row(&row);
        }
    }
}
