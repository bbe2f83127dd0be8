//! « Proposer un programme » on generated days, from the template's size (8 rooms x 6
//! slots, 40 sessions) to a three-day conference (10 rooms x 18 slots, 150 sessions, 400
//! speakers, registrations with wishes). Each day is made from a grid first (every session
//! drawn for a cell, its speakers free at that time), so a solution with no hard rule
//! broken and no session left out is known to exist.
//!
//! `cargo bench --bench plan`: the time to a proposal for three seeds, the hard rules
//! left broken, the sessions left out, the cost; then a re-plan after one change (a room
//! closes, a session grows): its time and what it moves. With `-- --export DIR`, writes
//! each day as the exact solver's model (costs worked out by the core's own rules);
//! with `-- --reference DIR`, scores the solver's grids by the core's rules and prints the
//! gap. `bench/plan` runs the three; figures and targets in bench/README.md.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime};
use journee::model::{Room, RoomKind, SessionKind, Slot, SlotKind};
use journee::programme::plan::{cost_of, propose, score, Cost, Day, Placement, PlanOptions};
use journee::programme::rules::{check, Programme};
use journee::programme::{Cell, SessionPerson, SessionView};
use serde_json::json;

struct Instance {
    key: &'static str,
    name: &'static str,
    day: Day,
    /// Solved exactly by the reference (every audience entered, so the cost is a sum over
    /// cells and pairs); otherwise the reference is a long run of the search itself.
    exact: bool,
}

/// Sessions of each kind a room of this kind takes.
fn kinds_for(room: RoomKind) -> &'static [SessionKind] {
    match room {
        RoomKind::Pleniere => &[SessionKind::TableRonde],
        RoomKind::Centrifugeuse => &[SessionKind::Centrifugeuse],
        RoomKind::Formation => &[SessionKind::Formation, SessionKind::Atelier],
        _ => &[SessionKind::Atelier, SessionKind::Formation],
    }
}

#[allow(clippy::too_many_arguments)]
fn planted(
    key: &'static str,
    name: &'static str,
    rooms: i64,
    days: i64,
    per_day: i64,
    sessions: usize,
    speakers: i64,
    wishes: bool,
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
            capacity: if i % 5 == 0 { 200 } else { 20 + (i % 4) * 10 },
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
            let start = NaiveTime::from_hms_opt(9 + k as u32 / 2 * 2, (k as u32 % 2) * 50, 0);
            slot_list.push(Slot {
                id: d * per_day + k + 1,
                date,
                start: start.unwrap(),
                end: start.map(|s| s + chrono::Duration::minutes(45)),
                kind: SlotKind::Session,
                label: String::new(),
            });
        }
    }
    let mut rng = fastrand::Rng::with_seed(2019);
    let mut cells: Vec<Cell> = slot_list
        .iter()
        .flat_map(|s| {
            room_list.iter().map(|r| Cell {
                room_id: r.id,
                slot_id: s.id,
            })
        })
        .collect();
    rng.shuffle(&mut cells);
    let actor_types = ["association", "public", "entreprise", "recherche"];
    let mut busy: BTreeSet<(i64, i64)> = BTreeSet::new();
    let session_list = cells
        .iter()
        .take(sessions)
        .enumerate()
        .map(|(i, cell)| {
            let room = &room_list[(cell.room_id - 1) as usize];
            let choices = kinds_for(room.kind);
            let kind = choices[rng.usize(..choices.len())];
            let mut people = Vec::new();
            while people.len() < 3 {
                let p = rng.i64(0..speakers);
                if !busy.insert((cell.slot_id, p)) {
                    continue;
                }
                people.push(SessionPerson {
                    person_id: p + 1,
                    first_name: format!("Prénom{p}"),
                    last_name: format!("Nom{p}"),
                    organisation: format!("Organisation {}", p % (speakers / 5)),
                    actor_type: actor_types[rng.usize(..actor_types.len())].into(),
                    role: "intervenant".into(),
                });
            }
            let entered = !wishes || i % 3 != 0;
            SessionView {
                id: i as i64 + 1,
                title: format!("Session {}", i + 1),
                kind,
                language: if rng.u8(..100) < 12 { "en" } else { "fr" }.into(),
                expected_audience: entered
                    .then(|| room.capacity * 4 / 10 + rng.i64(0..=room.capacity * 6 / 10)),
                estimate: None,
                description: String::new(),
                contributions: vec![],
                people,
                // The grid it was drawn from is forgotten: everything starts in the tray.
                placement: None,
                pinned: false,
            }
        })
        .collect();
    let exact = !wishes;
    let wishes = if wishes {
        HashMap::from([
            (SessionKind::Atelier, 24),
            (SessionKind::Formation, 20),
            (SessionKind::Centrifugeuse, 20),
            (SessionKind::TableRonde, 150),
        ])
    } else {
        HashMap::new()
    };
    Instance {
        key,
        name,
        day: Day {
            rooms: room_list,
            slots: slot_list,
            sessions: session_list,
            unscheduled: vec![],
            seated: vec![],
            wishes,
        },
        exact,
    }
}

fn instances() -> Vec<Instance> {
    vec![
        planted(
            "one-day",
            "journée type (8 × 6, 40 sessions)",
            8,
            1,
            6,
            40,
            110,
            false,
        ),
        planted(
            "two-days",
            "deux jours (8 × 12, 90 sessions)",
            8,
            2,
            6,
            90,
            250,
            false,
        ),
        planted(
            "three-days",
            "trois jours (10 × 18, 150 sessions)",
            10,
            3,
            6,
            150,
            400,
            false,
        ),
        planted(
            "three-days-wishes",
            "trois jours, un tiers des publics estimés des vœux",
            10,
            3,
            6,
            150,
            400,
            true,
        ),
    ]
}

/// The app's options, or as many steps as `--steps N` says (to measure what more steps
/// would buy).
fn options(seed: u64) -> PlanOptions {
    let args: Vec<String> = std::env::args().collect();
    let steps = args
        .iter()
        .position(|a| a == "--steps")
        .and_then(|i| args.get(i + 1)?.parse().ok());
    PlanOptions {
        seed,
        steps: steps.unwrap_or(PlanOptions::default().steps),
        patience: if steps.is_some() {
            usize::MAX
        } else {
            PlanOptions::default().patience
        },
        time_limit: if steps.is_some() {
            Duration::from_secs(600)
        } else {
            PlanOptions::default().time_limit
        },
        ..PlanOptions::default()
    }
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn placed(day: &Day, placements: &[Placement]) -> Day {
    let mut day = day.clone();
    for s in &mut day.sessions {
        s.placement = placements.iter().find(|p| p.session == s.id).map(|p| Cell {
            room_id: p.room,
            slot_id: p.slot,
        });
    }
    day
}

/// What a warning list costs the search, placement or not.
fn cost(sessions: &[SessionView], day: &Day) -> Cost {
    let warnings = check(&Programme {
        rooms: &day.rooms,
        slots: &day.slots,
        sessions,
        unscheduled: &[],
        seated: &[],
    });
    cost_of(&warnings, 0)
}

/// The day as the exact solver's model: what each session costs in each cell it may take
/// and in the tray, what two sessions at the same time cost together, all worked out by
/// the core's rules on one or two sessions.
fn export(inst: &Instance, dir: &Path) {
    let day = &inst.day;
    let cells: Vec<Cell> = day
        .slots
        .iter()
        .flat_map(|s| {
            day.rooms.iter().map(|r| Cell {
                room_id: r.id,
                slot_id: s.id,
            })
        })
        .collect();
    let at = |i: usize, cell: Option<Cell>| {
        let mut s = day.sessions[i].clone();
        s.placement = cell;
        s
    };
    let mut unary = Vec::new();
    let mut tray = Vec::new();
    for i in 0..day.sessions.len() {
        let out = cost(&[at(i, None)], day);
        tray.push(json!([out.unplaced, out.warnings]));
        for (c, cell) in cells.iter().enumerate() {
            let here = cost(&[at(i, Some(*cell))], day);
            if here.hard == 0 {
                unary.push(json!([i, c, here.warnings]));
            }
        }
    }
    let (one, two) = (cells[0], cells[1]);
    let mut pairs = Vec::new();
    for a in 0..day.sessions.len() {
        let alone_a = cost(&[at(a, Some(one))], day);
        for b in a + 1..day.sessions.len() {
            let alone_b = cost(&[at(b, Some(two))], day);
            let both = cost(&[at(a, Some(one)), at(b, Some(two))], day);
            let hard = both.hard - alone_a.hard - alone_b.hard;
            let warnings = both.warnings - alone_a.warnings - alone_b.warnings;
            if hard > 0 || warnings != 0 {
                pairs.push(json!([a, b, warnings, hard > 0]));
            }
        }
    }
    let model = json!({
        "name": inst.name,
        "sessions": day.sessions.iter().map(|s| s.id).collect::<Vec<_>>(),
        "cells": cells.iter().map(|c| [c.room_id, c.slot_id]).collect::<Vec<_>>(),
        "unary": unary,
        "tray": tray,
        "pairs": pairs,
        "move": 20,
        "unplaced": 1_000_000,
    });
    std::fs::write(
        dir.join(format!("{}.model.json", inst.key)),
        serde_json::to_string(&model).unwrap(),
    )
    .unwrap();
}

/// The search given a minute: restarted with a new seed each time it stops, the best
/// day kept. The reference where the exact solver cannot answer, and a check on it where
/// it can.
fn long_run(inst: &Instance, dir: &Path) {
    let began = Instant::now();
    let mut best: Option<journee::programme::plan::Proposal> = None;
    let mut seed = 100;
    while began.elapsed() < Duration::from_secs(60) {
        let proposal = propose(
            inst.day.clone(),
            &PlanOptions {
                seed,
                time_limit: Duration::from_secs(60).saturating_sub(began.elapsed()),
                ..PlanOptions::default()
            },
        );
        if best
            .as_ref()
            .is_none_or(|b| proposal.score.after < b.score.after)
        {
            best = Some(proposal);
        }
        seed += 1;
    }
    let best = best.expect("one run at least");
    let solution = json!({
        "status": format!("60 s de recherche ({} départs)", seed - 100),
        "seconds": began.elapsed().as_secs_f64(),
        "objective": 1_000_000.0 * best.score.after.unplaced as f64 + best.score.after.soft as f64,
        "placements": best.placements.iter().map(|p| [p.session, p.room, p.slot]).collect::<Vec<_>>(),
    });
    std::fs::write(
        dir.join(format!("{}.long.json", inst.key)),
        solution.to_string(),
    )
    .unwrap();
}

/// The best known day for an instance: the lower of the exact solver's grid and the long
/// run's, each scored by the core's rules, with how it was found.
fn reference(inst: &Instance, dir: &Path) -> Option<(Cost, String)> {
    let found: Vec<(Cost, String)> = ["solution", "long"]
        .iter()
        .filter_map(|kind| found(inst, &dir.join(format!("{}.{kind}.json", inst.key))))
        .collect();
    let best = found.iter().min_by_key(|(cost, _)| *cost)?.0;
    let how: Vec<&str> = found.iter().map(|(_, how)| how.as_str()).collect();
    Some((best, how.join(" ; ")))
}

/// A grid some other way found, scored by the core.
fn found(inst: &Instance, file: &Path) -> Option<(Cost, String)> {
    let text = std::fs::read_to_string(file).ok()?;
    let solution: serde_json::Value = serde_json::from_str(&text).ok()?;
    let placements: Vec<Placement> = solution["placements"]
        .as_array()?
        .iter()
        .map(|p| Placement {
            session: p[0].as_i64().unwrap(),
            room: p[1].as_i64().unwrap(),
            slot: p[2].as_i64().unwrap(),
        })
        .collect();
    let (cost, _) = score(inst.day.clone(), &placements);
    let objective = solution["objective"].as_f64().unwrap_or(f64::NAN);
    let said = 1_000_000.0 * cost.unplaced as f64 + cost.soft as f64;
    let agrees = if (objective - said).abs() < 0.5 {
        "le modèle et les règles s’accordent"
    } else {
        "ÉCART entre le modèle et les règles"
    };
    let status = solution["status"].as_str().unwrap_or("?");
    Some((
        cost,
        format!(
            "{status} en {:.1} s, objectif {objective} ({agrees}), avertissements {}",
            solution["seconds"].as_f64().unwrap_or(f64::NAN),
            cost.soft
        ),
    ))
}

/// The gap between two costs with nobody left out: on the warnings and moves.
fn gap(ours: Cost, best: Cost) -> String {
    if ours.hard != best.hard || ours.unplaced != best.unplaced {
        return format!(
            "n/a (dures {} contre {}, hors grille {} contre {})",
            ours.hard, best.hard, ours.unplaced, best.unplaced
        );
    }
    if best.soft == 0 {
        return format!("{} points au-dessus de 0", ours.soft);
    }
    format!(
        "{:+.1} %",
        (ours.soft - best.soft) as f64 * 100.0 / best.soft as f64
    )
}

/// One change to a day already planned, and the sessions it concerns.
fn replan(planned: &Day, what: &str) {
    let mut day = planned.clone();
    let concerned: Vec<i64> = match what {
        "room" => {
            // The busiest room of a kind that has others closes.
            let room = day.rooms[1].id;
            day.rooms.retain(|r| r.id != room);
            let gone: Vec<i64> = day
                .sessions
                .iter()
                .filter(|s| s.placement.is_some_and(|c| c.room_id == room))
                .map(|s| s.id)
                .collect();
            for s in &mut day.sessions {
                if gone.contains(&s.id) {
                    s.placement = None;
                }
            }
            gone
        }
        _ => {
            // A session grows past its room.
            let s = day
                .sessions
                .iter_mut()
                .find(|s| s.placement.is_some() && s.kind == SessionKind::Atelier)
                .unwrap();
            s.expected_audience = Some(45);
            vec![s.id]
        }
    };
    let began = Instant::now();
    let proposal = propose(day, &options(1));
    let took = began.elapsed();
    let verdict = if took < Duration::from_millis(200)
        && proposal.moved.len() <= concerned.len() + 4
        && proposal.score.after.hard == 0
    {
        "ok"
    } else {
        "HORS CIBLE"
    };
    println!(
        "  re-plan, {}: {}, {} déplacées pour {} concernées (cible ≤ {}), dures {}, hors grille {} [{verdict}]",
        if what == "room" {
            "une salle ferme"
        } else {
            "une session grandit"
        },
        ms(took),
        proposal.moved.len(),
        concerned.len(),
        concerned.len() + 4,
        proposal.score.after.hard,
        proposal.score.after.unplaced,
    );
}

/// How the proposal varies with the seed: for seeds 1 to `n`, how many reach each cost,
/// and the mean and slowest times.
fn spread(instances: &[Instance], n: u64, references: Option<&Path>) {
    for inst in instances {
        let mut costs = std::collections::BTreeMap::new();
        let (mut total, mut slowest) = (Duration::ZERO, Duration::ZERO);
        for seed in 1..=n {
            let began = Instant::now();
            let after = propose(inst.day.clone(), &options(seed)).score.after;
            let took = began.elapsed();
            total += took;
            slowest = slowest.max(took);
            let key = (after.hard, after.unplaced, after.soft);
            *costs.entry(key).or_insert(0) += 1;
        }
        let best = references.and_then(|d| reference(inst, d));
        let costs: Vec<String> = costs
            .iter()
            .map(|((hard, unplaced, soft), count)| {
                let gap = best.as_ref().map_or(String::new(), |(b, _)| {
                    format!(
                        " ({:+.1} %)",
                        (*soft - b.soft) as f64 * 100.0 / b.soft as f64
                    )
                });
                format!("{soft}{gap} ×{count} (dures {hard}, hors grille {unplaced})")
            })
            .collect();
        println!(
            "{}: {}; moyenne {}, au plus {}",
            inst.name,
            costs.join(", "),
            ms(total / n as u32),
            ms(slowest)
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir_after = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map(PathBuf::from)
    };
    let instances = instances();
    if let Some(dir) = dir_after("--export") {
        std::fs::create_dir_all(&dir).unwrap();
        for inst in instances.iter().filter(|i| i.exact) {
            export(inst, &dir);
        }
        for inst in &instances {
            long_run(inst, &dir);
        }
        return;
    }
    let references = dir_after("--reference");
    if let Some(n) = args
        .iter()
        .position(|a| a == "--seeds")
        .and_then(|i| args.get(i + 1)?.parse::<u64>().ok())
    {
        spread(&instances, n, references.as_deref());
        return;
    }
    for inst in &instances {
        println!("plan: {}", inst.name);
        let mut last = None;
        for seed in [1, 2, 3] {
            let began = Instant::now();
            let proposal = propose(inst.day.clone(), &options(seed));
            let took = began.elapsed();
            let after = proposal.score.after;
            let best = references.as_deref().and_then(|d| reference(inst, d));
            println!(
                "  seed {seed}: {} ({} pas), dures {}, hors grille {}, coût {} → {} (avertissements {}){}",
                ms(took),
                proposal.steps,
                after.hard,
                after.unplaced,
                proposal.score.before.total,
                after.total,
                after.soft,
                match &best {
                    Some((cost, _)) => format!(", référence {}, écart {}", cost.soft, gap(after, *cost)),
                    None => String::new(),
                }
            );
            last = Some(proposal);
        }
        if let Some((_, how)) = references.as_deref().and_then(|d| reference(inst, d)) {
            println!("  référence: {how}");
        }
        let planned = placed(&inst.day, &last.unwrap().placements);
        replan(&planned, "room");
        replan(&planned, "grows");
    }
}
