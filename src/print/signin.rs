//! Sign-in sheets (feuilles d'émargement): one for the day, everyone with a badge by last
//! name, then one per session in time order, the people on stage and at its tables first,
//! with empty rows for the audience. A signature needs a row 11 mm high.

use std::collections::{HashMap, HashSet};

use super::guests::{by_letter, last_name_caps, Guest};
use super::listing::{column, Column, Listing};
use crate::common::names::NameOrder;
use crate::common::typography;
use crate::model::{Day, SessionRole};
use crate::programme::SessionView;
use crate::seating::SessionSeating;
use crate::share::placed;

pub const ROW: f32 = 11.0;
/// Rows left for people who come without being listed, at the least.
const WALK_INS: usize = 10;

pub fn columns() -> Vec<Column> {
    let mut name = column("Nom", 42.0);
    name.weight = super::fonts::Weight::Bold;
    vec![
        name,
        column("Prénom", 32.0),
        column("Organisation", 44.0),
        column("Qualité", 26.0),
        column("Signature", 0.0),
    ]
}

/// Someone listed on a session's sheet.
struct Signer {
    first_name: String,
    last_name: String,
    organisation: String,
    role: String,
}

pub fn draw(
    listing: &mut Listing,
    day: &Day,
    dates: &str,
    guests: &[Guest],
    sessions: &[SessionView],
    seatings: &HashMap<i64, SessionSeating>,
) {
    listing.section(
        "Feuille d’émargement de la journée",
        &format!(
            "{} · {dates} · {}",
            typography::french(&day.event.title),
            crate::words::plural(
                guests.len() as i64,
                "personne attendue",
                "personnes attendues"
            )
        ),
    );
    by_letter(listing, guests, |_| vec![String::new()]);
    listing.blank_rows(WALK_INS);

    for p in placed(day, sessions) {
        let session = p.session;
        let mut seen = HashSet::new();
        let mut on_stage: Vec<Signer> = Vec::new();
        for person in session.participants() {
            if seen.insert(person.person_id) {
                on_stage.push(Signer {
                    first_name: person.first_name.clone(),
                    last_name: person.last_name.clone(),
                    organisation: person.organisation.clone(),
                    role: capitalised(
                        SessionRole::parse(&person.role)
                            .map_or("intervenant·e", SessionRole::label_fr),
                    ),
                });
            }
        }
        let mut seated: Vec<Signer> = Vec::new();
        if let Some(seating) = seatings.get(&session.id) {
            for table in &seating.tables {
                for seat in table
                    .holders
                    .iter()
                    .chain(&table.peers)
                    .chain(&table.animateur)
                {
                    if seen.insert(seat.person_id) {
                        seated.push(Signer {
                            first_name: seat.first_name.clone(),
                            last_name: seat.last_name.clone(),
                            organisation: seat.organisation.clone(),
                            role: format!(
                                "{}, table\u{a0}{}",
                                capitalised(seat_label(seat.role)),
                                table.number
                            ),
                        });
                    }
                }
            }
        }
        let mut order = NameOrder::default();
        for list in [&mut on_stage, &mut seated] {
            list.sort_by(|a, b| {
                order.compare((&a.last_name, &a.first_name), (&b.last_name, &b.first_name))
            });
        }
        let kind = session.kind.label_fr();
        listing.section(
            &typography::typeset(&session.title, &session.language),
            &format!(
                "Feuille d’émargement · {} · {} · {} · {kind}",
                super::french_dates(p.slot.date, p.slot.date),
                p.slot.time_range(),
                p.room.name
            ),
        );
        for signer in on_stage.iter().chain(&seated) {
            listing.row(&[
                last_name_caps(&signer.last_name),
                signer.first_name.clone(),
                typography::french(&signer.organisation),
                signer.role.clone(),
                String::new(),
            ]);
        }
        // A row for each person expected, up to the room's seats.
        let listed = on_stage.len() + seated.len();
        let audience = session
            .audience()
            .unwrap_or(0)
            .clamp(0, p.room.capacity.max(0)) as usize;
        listing.blank_rows(audience.saturating_sub(listed).max(WALK_INS));
    }
}

/// A seat's role as the sheet says it.
fn seat_label(role: &str) -> &str {
    match role {
        "porteur" => "porteur·se",
        "pair" => "pair·e",
        "animateur" => "animateur·rice",
        other => other,
    }
}

/// « Intervenant·e », as the day's sheet writes the badge's roles.
fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}
