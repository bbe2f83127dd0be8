//! How long the core takes to compute every warning for a large programme: 300 sessions
//! in 40 rooms x 10 slots, three speakers each (target: under 5 ms on this machine).
//! `cargo bench --bench warnings`

use std::hint::black_box;
use std::time::Instant;

use chrono::{NaiveDate, NaiveTime};
use journee::model::{Room, RoomKind, SessionKind, Slot, SlotKind};
use journee::programme::rules::{check, Programme};
use journee::programme::{Cell, SessionContribution, SessionPerson, SessionView};

fn main() {
    let kinds = [
        RoomKind::Pleniere,
        RoomKind::Centrifugeuse,
        RoomKind::Formation,
        RoomKind::Atelier,
    ];
    let rooms: Vec<Room> = (0..40)
        .map(|i| Room {
            id: i,
            name: format!("Salle {i}"),
            capacity: 20 + (i % 7) * 10,
            kind: kinds[i as usize % 4],
            notes: String::new(),
            interpretation: i % 5 == 0,
            track_id: None,
            position: i,
        })
        .collect();
    let date = NaiveDate::from_ymd_opt(2019, 3, 18).unwrap();
    let slots: Vec<Slot> = (0..10)
        .map(|i| Slot {
            id: i,
            date,
            start: NaiveTime::from_hms_opt(8 + i as u32, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(8 + i as u32, 50, 0),
            kind: SlotKind::Session,
            label: String::new(),
        })
        .collect();
    let actor = ["public", "entreprise", "association", "recherche"];
    let sessions: Vec<SessionView> = (0..300)
        .map(|i| {
            let person = |k: i64| SessionPerson {
                person_id: (i * 3 + k * 7) % 600,
                first_name: format!("Prénom{k}"),
                last_name: format!("Nom{i}"),
                organisation: format!("Organisation {}", (i * 5 + k) % 150),
                actor_type: actor[((i + k) % 4) as usize].into(),
                role: "intervenant".into(),
            };
            SessionView {
                id: i,
                title: format!("Session {i}"),
                kind: [
                    SessionKind::Pleniere,
                    SessionKind::Centrifugeuse,
                    SessionKind::Formation,
                    SessionKind::Atelier,
                ][(i % 4) as usize],
                language: if i % 9 == 0 { "en" } else { "fr" }.into(),
                expected_audience: Some(10 + (i * 13) % 60),
                estimate: None,
                description: String::new(),
                contributions: (0..3)
                    .map(|k| SessionContribution {
                        submission_id: i * 3 + k,
                        title: format!("Contribution {k}"),
                        format: "retour_experience".into(),
                        actor_type: "public".into(),
                        minutes: 15,
                        qa_minutes: 5,
                        table_number: None,
                        status: "retenue".into(),
                        speakers: vec![person(k)],
                        starts: None,
                    })
                    .collect(),
                people: vec![person(9)],
                placement: Some(Cell {
                    room_id: i % 40,
                    slot_id: (i / 40) % 10,
                }),
                pinned: false,
            }
        })
        .collect();
    let unscheduled: Vec<(i64, String)> = (0..50)
        .map(|i| (10_000 + i, format!("Retenue {i}")))
        .collect();
    let programme = Programme {
        rooms: &rooms,
        slots: &slots,
        sessions: &sessions,
        unscheduled: &unscheduled,
        seated: &[],
    };

    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..200 {
        let start = Instant::now();
        count = black_box(check(black_box(&programme))).len();
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "warnings: 300 sessions, 40 rooms x 10 slots: {} warnings, median {:.2} ms, p90 {:.2} ms (200 runs)",
        count,
        median.as_secs_f64() * 1000.0,
        times[times.len() * 9 / 10].as_secs_f64() * 1000.0
    );
}
