//! « Proposer un programme » on the demo and on days made to block it: hard rules kept,
//! the proposal the same as the warnings panel once applied, one undoable step, the same
//! seed giving the same proposal, and a French reason for what fits nowhere.

mod support;

use std::time::Duration;

use journee::common::Severity;
use journee::model::SessionKind;
use journee::programme::plan::{PlanOptions, Proposal};
use journee::programme::rules::Warning;
use journee::programme::{Cell, NewSession};
use journee::Project;
use support::{demo_project, journee, json, ok, s};

/// The rules a proposal must never break for a session it places.
fn hard(w: &Warning) -> bool {
    matches!(w.code, "person_clash" | "room_clash" | "room_kind")
        || (w.code == "capacity" && w.severity != Severity::Info)
}

/// A search that ends on its steps, not on the clock: the same on any machine.
fn options(seed: u64) -> PlanOptions {
    PlanOptions {
        seed,
        steps: 1_500,
        time_limit: Duration::from_secs(600),
        ..PlanOptions::default()
    }
}

fn placements(project: &Project) -> Vec<(i64, Option<Cell>)> {
    let mut list: Vec<_> = project
        .sessions()
        .unwrap()
        .into_iter()
        .map(|s| (s.id, s.placement))
        .collect();
    list.sort_by_key(|(id, _)| *id);
    list
}

fn where_it_was(grid: &[(i64, Option<Cell>)], session: i64) -> Option<Cell> {
    grid.iter().find(|(id, _)| *id == session).unwrap().1
}

#[test]
fn the_demo_gets_a_proposal_the_warnings_panel_agrees_with() {
    let (_dir, mut project) = demo_project();
    let before = project.check().unwrap();
    assert!(before.iter().any(hard), "the demo has hard warnings to fix");
    let grid_before = placements(&project);

    let proposal = project.propose(&options(7)).unwrap();
    // Proposing changes nothing.
    assert_eq!(placements(&project), grid_before);
    assert!(
        proposal.warnings.iter().all(|w| !hard(w)),
        "{:#?}",
        proposal.warnings
    );
    assert!(proposal.score.after < proposal.score.before);
    assert_eq!(proposal.score.after.hard, 0);
    // Every session is placed, or said to fit nowhere.
    let sessions = project.sessions().unwrap();
    for session in &sessions {
        let placed = proposal.placements.iter().any(|p| p.session == session.id);
        let out = proposal.unplaceable.iter().any(|u| u.session == session.id);
        assert!(
            placed != out,
            "session {} placed {placed}, out {out}",
            session.id
        );
    }
    // Each move says where from and where to, and only sessions that move are listed.
    for m in &proposal.moved {
        let was = where_it_was(&grid_before, m.session);
        assert_eq!(m.from, was);
        assert_ne!(m.from, m.to);
    }

    // Applied: the grid is the proposal, and the panel says what the proposal said.
    project.apply_proposal(&proposal).unwrap();
    let mut applied: Vec<_> = project
        .sessions()
        .unwrap()
        .into_iter()
        .filter_map(|s| s.placement.map(|c| (s.id, c.room_id, c.slot_id)))
        .collect();
    applied.sort();
    let mut proposed: Vec<_> = proposal
        .placements
        .iter()
        .map(|p| (p.session, p.room, p.slot))
        .collect();
    proposed.sort();
    assert_eq!(applied, proposed);
    assert_eq!(project.check().unwrap(), proposal.warnings);

    // One step of the history takes it all back.
    assert_eq!(project.undo().unwrap(), "Programme proposé");
    assert_eq!(placements(&project), grid_before);
}

#[test]
fn the_same_seed_gives_the_same_proposal() {
    let (_dir, project) = demo_project();
    let first: Proposal = project.propose(&options(42)).unwrap();
    let again = project.propose(&options(42)).unwrap();
    assert_eq!(first, again);
}

#[test]
fn only_the_tray_is_placed_when_asked() {
    let (_dir, project) = demo_project();
    let grid_before = placements(&project);
    let proposal = project
        .propose(&PlanOptions {
            only_unplaced: true,
            ..options(3)
        })
        .unwrap();
    for m in &proposal.moved {
        let was = where_it_was(&grid_before, m.session);
        assert_eq!(was, None, "session {} was on the grid and moved", m.session);
    }
    assert!(
        !proposal.moved.is_empty(),
        "the demo's tray has sessions to place"
    );
}

#[test]
fn a_session_too_large_for_every_room_stays_out_with_the_reason() {
    let (_dir, mut project) = demo_project();
    let largest = project
        .day()
        .unwrap()
        .rooms
        .iter()
        .filter(|r| {
            matches!(
                r.kind,
                journee::model::RoomKind::Pleniere | journee::model::RoomKind::Autre
            )
        })
        .map(|r| r.capacity)
        .max()
        .unwrap();
    let id = project
        .add_session(NewSession {
            title: "Le grand débat".into(),
            kind: SessionKind::TableRonde,
            language: "fr".into(),
            expected_audience: Some(largest + 50),
            description: String::new(),
            contributions: vec![],
        })
        .unwrap();
    let proposal = project.propose(&options(1)).unwrap();
    let reason = &proposal
        .unplaceable
        .iter()
        .find(|u| u.session == id)
        .expect("said to fit nowhere")
        .reason;
    assert_eq!(
        reason,
        &format!(
            "La table ronde «\u{a0}Le grand débat\u{a0}» attend {}\u{a0}personnes\u{a0}: \
             aucune salle n’en accueille plus de {largest}.",
            largest + 50
        )
    );
    assert!(proposal.placements.iter().all(|p| p.session != id));
}

#[test]
fn the_command_line_proposes_applies_and_answers_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = support::demo_file(dir.path(), "plan.journee");
    let answer = json(&journee(&["plan", s(&file), "--seed", "5", "--json"]));
    for key in ["placements", "moved", "score", "warnings", "unplaceable"] {
        assert!(answer.get(key).is_some(), "{key} missing: {answer}");
    }
    assert!(
        answer["score"]["before"]["total"].as_i64() > answer["score"]["after"]["total"].as_i64()
    );
    let text = ok(journee(&["plan", s(&file), "--seed", "5", "--apply"]));
    assert!(text.contains("Proposition appliquée"), "{text}");
    let undone = ok(journee(&["undo", s(&file)]));
    assert!(undone.contains("Programme proposé"), "{undone}");

    // A negative seed is a value to refuse in French, not an unknown option.
    let negative = journee(&["plan", s(&file), "--seed", "-1"]);
    assert_eq!(negative.status.code(), Some(1));
    let said = String::from_utf8_lossy(&negative.stderr);
    assert!(
        said.contains("valeur «\u{a0}-1\u{a0}» impossible pour --seed"),
        "{said}"
    );
}

#[test]
fn a_pinned_session_never_moves_and_the_pin_is_undoable() {
    let (_dir, mut project) = demo_project();
    let unpinned = project.propose(&options(7)).unwrap();
    let moving = unpinned
        .moved
        .first()
        .expect("the demo's proposal moves something");
    let was = moving.from;
    project.pin(moving.session, true).unwrap();
    assert!(project.session(moving.session).unwrap().pinned);

    let pinned = project.propose(&options(7)).unwrap();
    assert!(pinned.moved.iter().all(|m| m.session != moving.session));
    let stays = pinned
        .placements
        .iter()
        .find(|p| p.session == moving.session);
    assert_eq!(
        stays.map(|p| Cell {
            room_id: p.room,
            slot_id: p.slot
        }),
        was
    );
    assert!(pinned
        .warnings
        .iter()
        .all(|w| !hard(w) || w.sessions.contains(&moving.session)));

    // The pin is a step of the history, and so is taking it away.
    assert_eq!(project.undo().unwrap(), "Épinglage d'une session");
    assert!(!project.session(moving.session).unwrap().pinned);
    project.redo().unwrap();
    let out = ok(journee(&[
        "pin",
        s(project.path()),
        &moving.session.to_string(),
        "--off",
    ]));
    assert!(out.contains("désépinglée"), "{out}");

    // Taking a pinned session off the grid keeps its pin, and says so.
    let id = moving.session.to_string();
    ok(journee(&["pin", s(project.path()), &id]));
    let out = ok(journee(&["unplace", s(project.path()), &id]));
    assert!(out.contains("reste épinglée"), "{out}");
}

#[test]
fn a_proposal_made_before_another_writer_changed_the_day_is_refused() {
    let (_dir, mut project) = demo_project();
    let proposal = project.propose(&options(7)).unwrap();
    let moving = proposal
        .moved
        .iter()
        .find(|m| m.from.is_some())
        .expect("the demo's proposal moves a placed session");

    // The command line takes that session off the grid meanwhile.
    ok(journee(&[
        "unplace",
        s(project.path()),
        &moving.session.to_string(),
    ]));
    let grid = placements(&project);
    let refused = project.apply_proposal(&proposal).unwrap_err().to_string();
    assert!(
        refused.starts_with("Cette proposition ne vaut plus")
            && refused.contains(&format!("«\u{a0}{}\u{a0}»", moving.title))
            && refused.contains("Rien n’a été modifié"),
        "{refused}"
    );
    assert_eq!(
        placements(&project),
        grid,
        "the other writer's change stays"
    );

    // A change to something the proposal does not move is caught too.
    let fresh = project.propose(&options(7)).unwrap();
    let still = fresh
        .placements
        .iter()
        .find(|p| fresh.moved.iter().all(|m| m.session != p.session))
        .expect("a session the proposal leaves where it is");
    ok(journee(&[
        "pin",
        s(project.path()),
        &still.session.to_string(),
    ]));
    let refused = project.apply_proposal(&fresh).unwrap_err().to_string();
    assert!(refused.contains("le programme a été modifié"), "{refused}");

    // Proposed again, it applies.
    let again = project.propose(&options(7)).unwrap();
    project.apply_proposal(&again).unwrap();
    assert_eq!(project.check().unwrap(), again.warnings);
}

#[test]
fn a_session_pinned_in_the_tray_or_with_a_contribution_not_retained_stays_out_and_says_why() {
    let (_dir, mut project) = demo_project();
    let sessions = project.sessions().unwrap();
    // One with a contribution put back on the waiting list, taken off the grid.
    let with = sessions
        .iter()
        .find(|s| s.contributions.len() == 1)
        .expect("a session with one contribution");
    let contribution = &with.contributions[0];
    project
        .set_status(
            contribution.submission_id,
            journee::model::Status::ListeAttente,
        )
        .unwrap();
    project.unplace(with.id).unwrap();
    // One pinned in the tray.
    let pinned = sessions
        .iter()
        .find(|s| s.id != with.id && s.placement.is_some())
        .unwrap();
    project.unplace(pinned.id).unwrap();
    project.pin(pinned.id, true).unwrap();

    let proposal = project.propose(&options(3)).unwrap();
    let reason = |id: i64| {
        proposal
            .unplaceable
            .iter()
            .find(|u| u.session == id)
            .map(|u| u.reason.clone())
            .unwrap_or_else(|| panic!("session {id} left out"))
    };
    let why = reason(with.id);
    assert!(
        why.ends_with(&format!(
            "reste dans le bac\u{a0}: la contribution «\u{a0}{}\u{a0}» n’est pas retenue \
             (retenez-la ou retirez-la de la session).",
            contribution.title
        )),
        "{why}"
    );
    let why = reason(pinned.id);
    assert!(
        why.ends_with(
            "est épinglée dans le bac\u{a0}: retirez l’épingle pour qu’elle soit placée."
        ),
        "{why}"
    );
    // Applied, the proposal makes no error of any kind.
    project.apply_proposal(&proposal).unwrap();
    let errors: Vec<_> = project
        .check()
        .unwrap()
        .into_iter()
        .filter(|w| w.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn from_an_empty_grid_the_plenary_goes_to_its_slot_alone_and_round_tables_in_order() {
    let (_dir, mut project) = demo_project();
    for s in project.sessions().unwrap() {
        project.unplace(s.id).unwrap();
    }
    let day = project.day().unwrap();
    let opening = day
        .slots
        .iter()
        .find(|s| s.label == "Plénière d’ouverture")
        .expect("the template labels the 09:00 slot");
    let sessions = project.sessions().unwrap();
    let plenary = sessions
        .iter()
        .find(|s| s.kind == SessionKind::Pleniere)
        .unwrap();
    for seed in [1, 2, 3] {
        let proposal = project.propose(&options(seed)).unwrap();
        let at_nine: Vec<i64> = proposal
            .placements
            .iter()
            .filter(|p| p.slot == opening.id)
            .map(|p| p.session)
            .collect();
        assert_eq!(at_nine, [plenary.id], "seed {seed}: {proposal:#?}");
        assert!(proposal.unplaceable.is_empty(), "{proposal:#?}");
        // The round tables as numbered: Première, Deuxième, Troisième, Quatrième.
        let mut round_tables: Vec<(&str, (chrono::NaiveDate, chrono::NaiveTime))> = sessions
            .iter()
            .filter(|s| s.kind == SessionKind::TableRonde)
            .map(|s| {
                let cell = proposal.placements.iter().find(|p| p.session == s.id);
                let slot = day
                    .slots
                    .iter()
                    .find(|t| Some(t.id) == cell.map(|c| c.slot));
                (s.title.as_str(), slot.map(|t| (t.date, t.start)).unwrap())
            })
            .collect();
        round_tables.sort_by_key(|(_, when)| *when);
        let order: Vec<&str> = round_tables
            .iter()
            .map(|(title, _)| title.split(' ').next().unwrap())
            .collect();
        assert_eq!(
            order,
            ["Première", "Deuxième", "Troisième", "Quatrième"],
            "seed {seed}"
        );
    }
}
