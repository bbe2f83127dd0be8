//! « Proposer un programme » on generated days, from the template's size (6 rooms x 6
//! slots, 40 sessions) to a three-day conference (10 rooms x 18 slots, 150 sessions, 400
//! speakers): the time to a proposal, the hard rules left broken and the cost, for three
//! seeds. `cargo bench --bench plan`; figures and targets in bench/README.md.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime};
use journee::model::{Room, RoomKind, SessionKind, Slot, SlotKind};
use journee::programme::plan::{propose, Day, PlanOptions};
use journee::programme::{SessionPerson, SessionView};

struct Instance {
    name: &'static str,
    rooms: Vec<Room>,
    slots: Vec<Slot>,
    sessions: Vec<SessionView>,
    wishes: HashMap<SessionKind, i64>,
}

fn instance(
    name: &'static str,
    rooms: i64,
    days: i64,
    per_day: i64,
    sessions: i64,
    speakers: i64,
) -> Instance {
    let kinds = [
        RoomKind::Pleniere,
        RoomKind::Centrifugeuse,
        RoomKind::Formation,
        RoomKind::Atelier,
        RoomKind::Atelier,
    ];
    let room_list: Vec<Room> = (0..rooms)
        .map(|i| Room {
            id: i + 1,
            name: format!("Salle {}", i + 1),
            capacity: if i == 0 { 200 } else { 20 + (i % 4) * 10 },
            kind: kinds[i as usize % kinds.len()],
            notes: String::new(),
            interpretation: i % 3 == 0,
            track_id: None,
            position: i,
        })
        .collect();
    let mut slot_list = Vec::new();
    for d in 0..days {
        let date = NaiveDate::from_ymd_opt(2019, 3, 18).unwrap() + chrono::Duration::days(d);
        for k in 0..per_day {
            slot_list.push(Slot {
                id: d * per_day + k + 1,
                date,
                start: NaiveTime::from_hms_opt(9 + k as u32 / 2 * 2, (k as u32 % 2) * 60 / 2, 0)
                    .unwrap(),
                end: NaiveTime::from_hms_opt(9 + k as u32 / 2 * 2, (k as u32 % 2) * 30 + 25, 0),
                kind: SlotKind::Session,
                label: String::new(),
            });
        }
    }
    let session_kinds = [
        SessionKind::Atelier,
        SessionKind::Atelier,
        SessionKind::Centrifugeuse,
        SessionKind::Formation,
        SessionKind::TableRonde,
    ];
    let mut rng = fastrand::Rng::with_seed(2019);
    let session_list = (0..sessions)
        .map(|i| {
            let kind = session_kinds[i as usize % session_kinds.len()];
            let people = (0..3)
                .map(|_| {
                    let p = rng.i64(0..speakers);
                    SessionPerson {
                        person_id: p + 1,
                        first_name: format!("Prénom{p}"),
                        last_name: format!("Nom{p}"),
                        organisation: format!("Organisation {}", p % 120),
                        actor_type: "public".into(),
                        role: "intervenant".into(),
                    }
                })
                .collect();
            SessionView {
                id: i + 1,
                title: format!("Session {}", i + 1),
                kind,
                language: if i % 11 == 0 { "en" } else { "fr" }.into(),
                expected_audience: if kind == SessionKind::TableRonde {
                    Some(120)
                } else {
                    Some(12 + rng.i64(0..15))
                },
                estimate: None,
                description: String::new(),
                contributions: vec![],
                people,
                placement: None,
                pinned: false,
            }
        })
        .collect();
    Instance {
        name,
        rooms: room_list,
        slots: slot_list,
        sessions: session_list,
        wishes: HashMap::new(),
    }
}

fn main() {
    let instances = [
        instance("journée type (8 x 6, 40 sessions)", 8, 1, 6, 40, 110),
        instance("deux jours (8 x 12, 90 sessions)", 8, 2, 6, 90, 250),
        instance("trois jours (10 x 18, 150 sessions)", 10, 3, 6, 150, 400),
    ];
    for inst in &instances {
        for seed in [1, 2, 3] {
            let day = Day {
                rooms: inst.rooms.clone(),
                slots: inst.slots.clone(),
                sessions: inst.sessions.clone(),
                unscheduled: vec![],
                seated: vec![],
                wishes: inst.wishes.clone(),
            };
            let began = Instant::now();
            let proposal = propose(
                day,
                &PlanOptions {
                    seed,
                    time_limit: Duration::from_millis(900),
                    ..PlanOptions::default()
                },
            );
            let took = began.elapsed();
            println!(
                "plan: {}, seed {seed}: {:.0} ms, {} steps, hard {}, out {}, cost {} → {}",
                inst.name,
                took.as_secs_f64() * 1000.0,
                proposal.steps,
                proposal.score.after.hard,
                proposal.score.after.unplaced,
                proposal.score.before.total,
                proposal.score.after.total,
            );
        }
    }
}
