//! Templates a new project starts from. "civic-tech-2019" is the day of the 2019 call
//! for contributions (DOMAIN.md, "The provisional programme"); every part is editable.

use chrono::{Local, NaiveDate, NaiveTime};
use rusqlite::Transaction;

use crate::error::{Error, Result};
use crate::model::{Event, Room, RoomKind, Slot, SlotKind};
use crate::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    CivicTech2019,
    Empty,
}

impl Template {
    pub const ALL: [Template; 2] = [Template::CivicTech2019, Template::Empty];

    pub fn code(self) -> &'static str {
        match self {
            Template::CivicTech2019 => "civic-tech-2019",
            Template::Empty => "empty",
        }
    }

    pub fn parse(code: &str) -> Result<Template> {
        Template::ALL
            .into_iter()
            .find(|t| t.code() == code.trim())
            .ok_or_else(|| Error::UnknownTemplate(code.to_string()))
    }

    /// The file name a new project from this template is offered: its event's title and
    /// year (« Journée de la civic tech et de l’engagement citoyen 2019.journee »).
    pub fn file_name(self) -> String {
        match self {
            Template::CivicTech2019 => file_name_for(
                "Journée de la civic tech et de l’engagement citoyen",
                civic_tech_2019_date(),
            ),
            Template::Empty => file_name_for("Nouvel événement", Local::now().date_naive()),
        }
    }

    pub(crate) fn apply(self, tx: &Transaction) -> Result<()> {
        match self {
            Template::CivicTech2019 => civic_tech_2019(tx),
            Template::Empty => {
                let today = Local::now().date_naive();
                store::write_event(
                    tx,
                    &Event {
                        title: "Nouvel événement".into(),
                        start_date: today,
                        end_date: today,
                        venue: String::new(),
                        address: String::new(),
                        organisers: String::new(),
                        timezone: "Europe/Paris".into(),
                    },
                )
            }
        }
    }
}

/// A project file name from an event's title and date: what no system accepts in a name
/// taken out, at most about 80 characters (cut between words), the year added.
pub fn file_name_for(title: &str, date: NaiveDate) -> String {
    use chrono::Datelike;
    let clean: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let mut name = String::new();
    for word in clean.split_whitespace() {
        if name.chars().count() + word.chars().count() > 80 {
            break;
        }
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word);
    }
    // Not a hidden file, nor one Windows refuses (a name ending with a dot).
    let name = name.trim_start_matches('.').trim_end_matches('.').trim();
    let name = if name.is_empty() { "Journée" } else { name };
    let year = date.year().to_string();
    if name.contains(&year) {
        format!("{name}.journee")
    } else {
        format!("{name} {year}.journee")
    }
}

/// The date of the 2019 Journée.
pub fn civic_tech_2019_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 3, 18).expect("valid date")
}

/// Hours and minutes.
type Hm = (u32, u32);

fn civic_tech_2019(tx: &Transaction) -> Result<()> {
    let date = civic_tech_2019_date();
    store::write_event(
        tx,
        &Event {
            title: "Journée de la civic tech et de l’engagement citoyen".into(),
            start_date: date,
            end_date: date,
            venue: "Conseil économique, social et environnemental (CESE)".into(),
            address: "9 place d’Iéna, Paris".into(),
            organisers: "Décider ensemble (Observatoire des civic tech et de la démocratie \
                         numérique) et le CESE"
                .into(),
            timezone: "Europe/Paris".into(),
        },
    )?;

    let rooms: [(&str, &str, i64, RoomKind); 6] = [
        ("Conférence plénière", "Hémicycle", 200, RoomKind::Pleniere),
        (
            "Centrifugeuses",
            "Salle des centrifugeuses",
            30,
            RoomKind::Centrifugeuse,
        ),
        ("Formation", "Salle de formation", 30, RoomKind::Formation),
        ("Ateliers", "Atelier 1", 20, RoomKind::Atelier),
        ("Ateliers", "Atelier 2", 20, RoomKind::Atelier),
        ("Ateliers", "Atelier 3", 20, RoomKind::Atelier),
    ];
    let mut tracks: Vec<(&str, i64)> = Vec::new();
    for (track, name, capacity, kind) in rooms {
        let track_id = match tracks.iter().find(|(t, _)| *t == track) {
            Some((_, id)) => *id,
            None => {
                let id = store::insert_track(tx, track)?;
                tracks.push((track, id));
                id
            }
        };
        store::insert_room(
            tx,
            &Room {
                id: 0,
                name: name.into(),
                capacity,
                kind,
                notes: String::new(),
                interpretation: false,
                track_id: Some(track_id),
                position: 0,
            },
        )?;
    }

    let slots: [(Hm, Option<Hm>, SlotKind, &str); 8] = [
        (
            (9, 0),
            Some((10, 0)),
            SlotKind::Session,
            "Plénière d’ouverture",
        ),
        ((10, 0), Some((11, 30)), SlotKind::Session, ""),
        ((11, 30), Some((13, 0)), SlotKind::Session, ""),
        ((13, 0), Some((14, 30)), SlotKind::Dejeuner, "Déjeuner"),
        ((14, 30), Some((16, 0)), SlotKind::Session, ""),
        ((16, 0), Some((16, 30)), SlotKind::Pause, "Pause"),
        ((16, 30), Some((18, 0)), SlotKind::Session, ""),
        (
            (18, 30),
            None,
            SlotKind::Soiree,
            "Soirée Civic tech au Liberté Living Lab",
        ),
    ];
    let time = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).expect("valid time");
    for (start, end, kind, label) in slots {
        store::insert_slot(
            tx,
            &Slot {
                id: 0,
                date,
                start: time(start),
                end: end.map(time),
                kind,
                label: label.into(),
            },
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_project_is_named_after_its_event() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 18).unwrap();
        assert_eq!(
            Template::CivicTech2019.file_name(),
            "Journée de la civic tech et de l’engagement citoyen 2019.journee"
        );
        assert_eq!(
            file_name_for("Rencontres 2027 : « Démocratie / numérique » ?", day),
            "Rencontres 2027 « Démocratie numérique ».journee"
        );
        assert_eq!(file_name_for("...", day), "Journée 2027.journee");
        let long = "mot ".repeat(40);
        assert!(file_name_for(&long, day).chars().count() <= 80 + " 2027.journee".len());
    }
}
