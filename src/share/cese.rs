//! The "Pack CESE": one workbook for the venue with the programme laid out like the
//! printed grid, the rooms slot by slot, the speakers, the centrifugeuse tables, the
//! badges and the head counts for the catering.

use std::collections::HashMap;

use rust_xlsxwriter::{Workbook, XlsxError};

use super::sheet::{column, lines_in, Cell, Column, Formats, Kind, List};
use super::{full_name, placed, Placed};
use crate::error::Result;
use crate::model::{ActorType, BadgeRole, Day, Person, RoomKind, SessionRole, SlotKind};
use crate::print::badges::{self, Badge};
use crate::programme::SessionView;
use crate::seating::SessionSeating;
use crate::Project;

/// The room columns of the Programme sheet are this wide.
const ROOM_WIDTH: f64 = 30.0;

pub fn workbook(project: &Project) -> Result<Vec<u8>> {
    let day = project.day()?;
    let sessions = project.sessions()?;
    let people: HashMap<i64, Person> = project
        .people(false)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let seatings: Vec<SessionSeating> = project
        .centrifugeuse_sessions()?
        .iter()
        .map(|s| project.seating(s.id))
        .collect::<Result<_>>()?;
    let badges = badges::badges(project)?;
    let placed = placed(&day, &sessions);
    Ok(write(&day, &placed, &people, &seatings, &badges)?)
}

fn write(
    day: &Day,
    placed: &[Placed],
    people: &HashMap<i64, Person>,
    seatings: &[SessionSeating],
    badges: &[Badge],
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = super::sheet::workbook();
    let formats = Formats::default();
    programme(&mut workbook, &formats, day, placed)?;
    rooms(&mut workbook, &formats, day, placed)?;
    speakers(&mut workbook, &formats, placed, people)?;
    tables(&mut workbook, &formats, placed, seatings)?;
    badge_list(&mut workbook, &formats, badges)?;
    catering(&mut workbook, &formats, day, badges, people)?;
    super::sheet::print_titles(&mut workbook, &day.event.title);
    workbook.save_to_buffer()
}

/// Slots down, rooms across, as on the printed grid; breaks across every room.
fn programme(
    workbook: &mut Workbook,
    formats: &Formats,
    day: &Day,
    placed: &[Placed],
) -> Result<(), XlsxError> {
    let mut columns = vec![
        column("Date", 11.0, Kind::Date),
        column("Début", 7.0, Kind::Time),
        column("Fin", 7.0, Kind::Time),
    ];
    for room in &day.rooms {
        columns.push(Column {
            header: format!("{} ({} places)", room.name, room.capacity).into(),
            width: ROOM_WIDTH,
            kind: Kind::Wrapped,
        });
    }
    let mut list = List::new(workbook, formats, "Programme", &columns)?;
    let last = (columns.len() - 1) as u16;
    for slot in &day.slots {
        list.cell(0, &Cell::Date(slot.date))?;
        list.cell(1, &Cell::Time(slot.start))?;
        list.cell(2, &slot.end.map_or(Cell::Empty, Cell::Time))?;
        if slot.kind != SlotKind::Session {
            let label = if slot.label.is_empty() {
                slot.kind.label_fr().to_string()
            } else {
                slot.label.clone()
            };
            list.merged(3, last.max(3), &label)?;
            list.next_row(1)?;
            continue;
        }
        let mut lines = 1;
        for (i, room) in day.rooms.iter().enumerate() {
            let here: Vec<String> = placed
                .iter()
                .filter(|p| p.slot.id == slot.id && p.room.id == room.id)
                .map(|p| describe(p.session))
                .collect();
            let text = here.join("\n\n");
            lines = lines.max(lines_in(&text, ROOM_WIDTH));
            list.cell(3 + i as u16, &Cell::Owned(text))?;
        }
        list.next_row(lines)?;
    }
    let sheet = list.finish()?;
    sheet.set_landscape();
    Ok(())
}

/// "Title\nTable ronde · FR · Anne Martin, Karim Benali".
fn describe(session: &SessionView) -> String {
    let names: Vec<String> = session
        .participants()
        .map(|p| full_name(&p.first_name, &p.last_name))
        .collect();
    let mut text = format!(
        "{}\n{} · {}",
        session.title,
        session.kind.label_fr(),
        session.language.to_uppercase()
    );
    if !names.is_empty() {
        text.push_str(" · ");
        text.push_str(&names.join(", "));
    }
    text
}

static ROOM_COLUMNS: [Column; 14] = [
    column("N° salle", 8.0, Kind::Number),
    column("Salle", 22.0, Kind::Text),
    column("Capacité", 9.0, Kind::Number),
    column("Date", 11.0, Kind::Date),
    column("Début", 7.0, Kind::Time),
    column("Fin", 7.0, Kind::Time),
    column("Session", 36.0, Kind::Wrapped),
    column("Type", 14.0, Kind::Text),
    column("Public attendu", 10.0, Kind::Number),
    column("Occupation", 10.0, Kind::Percent),
    column("Langue", 8.0, Kind::Text),
    column("Interprétation", 12.0, Kind::Text),
    column("Équipement et notes", 30.0, Kind::Wrapped),
    column("Disposition", 12.0, Kind::Text),
];

/// One row per room and session slot, empty or not: what the venue sets up.
fn rooms(
    workbook: &mut Workbook,
    formats: &Formats,
    day: &Day,
    placed: &[Placed],
) -> Result<(), XlsxError> {
    let mut list = List::new(workbook, formats, "Salles", &ROOM_COLUMNS)?;
    for room in &day.rooms {
        let layout = match room.kind {
            RoomKind::Centrifugeuse | RoomKind::Atelier => "tables",
            _ => "théâtre",
        };
        for slot in day.slots.iter().filter(|s| s.kind == SlotKind::Session) {
            let here = placed
                .iter()
                .find(|p| p.slot.id == slot.id && p.room.id == room.id);
            let audience = here.and_then(|p| p.session.audience());
            let occupancy = audience
                .filter(|_| room.capacity > 0)
                .map(|a| Cell::Number(a as f64 / room.capacity as f64));
            list.row([
                Cell::from(room.id),
                Cell::Text(&room.name),
                Cell::from(room.capacity),
                Cell::Date(slot.date),
                Cell::Time(slot.start),
                slot.end.map_or(Cell::Empty, Cell::Time),
                here.map_or(Cell::Empty, |p| Cell::Text(&p.session.title)),
                here.map_or(Cell::Empty, |p| Cell::Text(p.session.kind.label_fr())),
                audience.map_or(Cell::Empty, Cell::from),
                occupancy.unwrap_or(Cell::Empty),
                here.map_or(Cell::Empty, |p| {
                    Cell::Owned(p.session.language.to_uppercase())
                }),
                Cell::Text(if room.interpretation { "oui" } else { "non" }),
                Cell::Text(&room.notes),
                Cell::Text(layout),
            ])?;
        }
    }
    list.finish()?;
    Ok(())
}

static SPEAKER_COLUMNS: [Column; 12] = [
    column("Nom", 18.0, Kind::Text),
    column("Prénom", 14.0, Kind::Text),
    column("Organisation", 24.0, Kind::Wrapped),
    column("Type d’acteur", 14.0, Kind::Text),
    column("Courriel", 26.0, Kind::Text),
    column("Téléphone", 16.0, Kind::Text),
    column("Rôle", 15.0, Kind::Text),
    column("Session", 34.0, Kind::Wrapped),
    column("Salle", 18.0, Kind::Text),
    column("Date", 11.0, Kind::Date),
    column("Début", 7.0, Kind::Time),
    column("Fin", 7.0, Kind::Time),
];

/// Everyone who speaks, moderates or hosts, one row per session they are in.
fn speakers(
    workbook: &mut Workbook,
    formats: &Formats,
    placed: &[Placed],
    people: &HashMap<i64, Person>,
) -> Result<(), XlsxError> {
    let mut list = List::new(workbook, formats, "Intervenants", &SPEAKER_COLUMNS)?;
    for p in placed {
        for person in p.session.participants() {
            let known = people.get(&person.person_id);
            let role = SessionRole::parse(&person.role).map_or("intervenant·e", |r| r.label_fr());
            let actor = ActorType::parse(&person.actor_type).map_or("", |a| a.label_fr());
            list.row([
                Cell::Text(&person.last_name),
                Cell::Text(&person.first_name),
                Cell::Text(&person.organisation),
                Cell::Text(actor),
                known.map_or(Cell::Empty, |k| Cell::Text(&k.email)),
                known.map_or(Cell::Empty, |k| Cell::Text(&k.phone)),
                Cell::Text(role),
                Cell::Text(&p.session.title),
                Cell::Text(&p.room.name),
                Cell::Date(p.slot.date),
                Cell::Time(p.start.time()),
                Cell::Time(p.end.time()),
            ])?;
        }
    }
    list.finish()?;
    Ok(())
}

static TABLE_COLUMNS: [Column; 11] = [
    column("Session", 30.0, Kind::Wrapped),
    column("Salle", 18.0, Kind::Text),
    column("Début", 7.0, Kind::Time),
    column("Table", 7.0, Kind::Number),
    column("Projet", 34.0, Kind::Wrapped),
    column("Rôle", 14.0, Kind::Text),
    column("Nom", 18.0, Kind::Text),
    column("Prénom", 14.0, Kind::Text),
    column("Organisation", 24.0, Kind::Wrapped),
    column("Type d'acteur", 14.0, Kind::Text),
    column("Accessibilité", 12.0, Kind::Text),
];

/// The centrifugeuse seating, table by table.
fn tables(
    workbook: &mut Workbook,
    formats: &Formats,
    placed: &[Placed],
    seatings: &[SessionSeating],
) -> Result<(), XlsxError> {
    let mut list = List::new(workbook, formats, "Tables", &TABLE_COLUMNS)?;
    for plan in seatings {
        let at = placed.iter().find(|p| p.session.id == plan.session);
        for table in &plan.tables {
            let projects = table.projects.join(" / ");
            let seats = table
                .holders
                .iter()
                .map(|s| (s, "porteur·se"))
                .chain(table.peers.iter().map(|s| (s, "pair")))
                .chain(table.animateur.iter().map(|s| (s, "animateur·rice")));
            for (seat, role) in seats {
                list.row([
                    Cell::Text(&plan.title),
                    at.map_or(Cell::Empty, |p| Cell::Text(&p.room.name)),
                    at.map_or(Cell::Empty, |p| Cell::Time(p.start.time())),
                    Cell::from(table.number),
                    Cell::Text(&projects),
                    Cell::Text(role),
                    Cell::Text(&seat.last_name),
                    Cell::Text(&seat.first_name),
                    Cell::Text(&seat.organisation),
                    Cell::Text(seat.actor_type.label_fr()),
                    Cell::Text(if seat.accessibility { "oui" } else { "" }),
                ])?;
            }
        }
    }
    list.finish()?;
    Ok(())
}

// No email: the venue needs to know who comes, not how to write to every participant.
static BADGE_COLUMNS: [Column; 5] = [
    column("Nom", 18.0, Kind::Text),
    column("Prénom", 14.0, Kind::Text),
    column("Organisation", 26.0, Kind::Wrapped),
    column("Badge", 15.0, Kind::Text),
    column("Sessions", 40.0, Kind::Wrapped),
];

fn badge_list(
    workbook: &mut Workbook,
    formats: &Formats,
    badges: &[Badge],
) -> Result<(), XlsxError> {
    let mut list = List::new(workbook, formats, "Badges", &BADGE_COLUMNS)?;
    for badge in badges {
        list.row([
            Cell::Text(&badge.last_name),
            Cell::Text(&badge.first_name),
            Cell::Text(&badge.organisation),
            Cell::Text(badge.role.label()),
            Cell::Owned(badge.sessions.join("\n")),
        ])?;
    }
    list.finish()?;
    Ok(())
}

static CATERING_COLUMNS: [Column; 11] = [
    column("Date", 11.0, Kind::Date),
    column("Début", 7.0, Kind::Time),
    column("Fin", 7.0, Kind::Time),
    column("Moment", 22.0, Kind::Text),
    column("Personnes attendues", 12.0, Kind::Number),
    column("dont intervenant·es", 12.0, Kind::Number),
    column("dont animateur·rices", 12.0, Kind::Number),
    column("dont participant·es", 12.0, Kind::Number),
    column("dont organisation", 12.0, Kind::Number),
    column("dont presse", 10.0, Kind::Number),
    column("Base du décompte", 44.0, Kind::Wrapped),
];

/// Whether a registration's wishes (free text, or the options ticked on the form) name
/// this moment of the day: lunch, the evening, a break.
fn wants(kind: SlotKind, wishes: &str) -> bool {
    let words: &[&str] = match kind {
        SlotKind::Dejeuner => &["dejeuner", "repas", "lunch", "buffet"],
        SlotKind::Soiree => &["soiree", "cocktail", "evening", "aperitif", "diner"],
        SlotKind::Pause => &["pause", "cafe", "coffee"],
        SlotKind::Session => &[],
    };
    let wishes = deunicode::deunicode(wishes).to_lowercase();
    words.iter().any(|w| wishes.contains(w))
}

/// Head counts for each break, lunch and the evening. Where the registrations answered
/// for a moment (someone's wishes name it), the participants counted are those who asked
/// for it; where nobody did, the form did not ask, and everyone with a badge is counted.
/// Speakers, hosts, the team and the press are always counted. Each row says which.
fn catering(
    workbook: &mut Workbook,
    formats: &Formats,
    day: &Day,
    badges: &[Badge],
    people: &HashMap<i64, Person>,
) -> Result<(), XlsxError> {
    let mut list = List::new(workbook, formats, "Restauration", &CATERING_COLUMNS)?;
    for slot in day.slots.iter().filter(|s| s.kind != SlotKind::Session) {
        let label = if slot.label.is_empty() {
            slot.kind.label_fr()
        } else {
            &slot.label
        };
        let asks = |b: &Badge| {
            people
                .get(&b.person_id)
                .is_some_and(|p| wants(slot.kind, &p.wishes))
        };
        let answered = badges
            .iter()
            .any(|b| b.role == BadgeRole::Participant && asks(b));
        let coming: Vec<&Badge> = badges
            .iter()
            .filter(|b| !answered || b.role != BadgeRole::Participant || asks(b))
            .collect();
        let count = |role: BadgeRole| coming.iter().filter(|b| b.role == role).count() as i64;
        let participants = badges
            .iter()
            .filter(|b| b.role == BadgeRole::Participant)
            .count();
        let basis = if answered {
            format!(
                "Inscriptions\u{a0}: {} participant·es sur {participants} l’ont demandé\u{a0}; intervenant·es, animation, équipe et presse comptés.",
                count(BadgeRole::Participant)
            )
        } else {
            "Toutes les personnes attendues\u{a0}: le formulaire d’inscription ne posait pas la question."
                .to_string()
        };
        list.row([
            Cell::Date(slot.date),
            Cell::Time(slot.start),
            slot.end.map_or(Cell::Empty, Cell::Time),
            Cell::Text(label),
            Cell::from(coming.len() as i64),
            Cell::from(count(BadgeRole::Intervenant)),
            Cell::from(count(BadgeRole::Animateur)),
            Cell::from(count(BadgeRole::Participant)),
            Cell::from(count(BadgeRole::Organisation)),
            Cell::from(count(BadgeRole::Presse)),
            Cell::Owned(basis),
        ])?;
    }
    list.finish()?;
    Ok(())
}
