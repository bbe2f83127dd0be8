//! Seats moved by hand on a real project file: swaps, the waiting list, pinning that a
//! later assignment keeps, and moves that are refused without changing anything.

use journee::seating::{SeatTarget, SessionSeating};
use journee::{EditError, Error, Project};

fn demo() -> (tempfile::TempDir, Project, i64) {
    let dir = tempfile::tempdir().unwrap();
    let project = journee::demo::write(&dir.path().join("demo.journee"), false).unwrap();
    // A session with several tables, so that people can move between them.
    let session = project
        .centrifugeuse_sessions()
        .unwrap()
        .into_iter()
        .map(|s| project.seating(s.id).unwrap())
        .find(|plan| plan.tables.len() > 1)
        .unwrap()
        .session;
    (dir, project, session)
}

fn seat_of(plan: &SessionSeating, person: i64) -> Option<(i64, i64, bool)> {
    plan.tables.iter().find_map(|t| {
        t.peers
            .iter()
            .chain(&t.animateur)
            .find(|s| s.person_id == person)
            .map(|s| (t.number, s.seat.unwrap(), s.pinned))
    })
}

#[test]
fn dropping_a_peer_on_another_swaps_them_and_pins_both() {
    let (_dir, mut project, session) = demo();
    let before = project.seating(session).unwrap();
    let a = &before.tables[0].peers[0];
    let b = &before.tables[1].peers[1];
    let (a_at, b_at) = (
        seat_of(&before, a.person_id).unwrap(),
        seat_of(&before, b.person_id).unwrap(),
    );
    let after = project
        .move_seat(
            session,
            a.person_id,
            SeatTarget::Seat {
                table: b_at.0,
                seat: b_at.1,
            },
        )
        .unwrap();
    assert_eq!(seat_of(&after, a.person_id), Some((b_at.0, b_at.1, true)));
    assert_eq!(seat_of(&after, b.person_id), Some((a_at.0, a_at.1, true)));
    let peers = |p: &SessionSeating| p.tables.iter().map(|t| t.peers.len()).sum::<usize>();
    assert_eq!(peers(&after), peers(&before));

    // A new assignment keeps what was placed by hand.
    let again = project.assign_tables(Some(session)).unwrap();
    assert_eq!(
        seat_of(&again[0], a.person_id).map(|s| (s.0, s.1)),
        Some((b_at.0, b_at.1))
    );
    assert_eq!(
        seat_of(&again[0], b.person_id).map(|s| (s.0, s.1)),
        Some((a_at.0, a_at.1))
    );
}

#[test]
fn someone_from_the_waiting_list_takes_a_seat_and_the_one_there_waits() {
    let (_dir, mut project, session) = demo();
    let before = project.seating(session).unwrap();
    let newcomer = before.waiting[0].clone();
    assert!(seat_of(&before, newcomer.person_id).is_none());
    let seated = before.tables[0].peers[0].clone();
    let after = project
        .move_seat(
            session,
            newcomer.person_id,
            SeatTarget::Seat {
                table: before.tables[0].number,
                seat: seated.seat.unwrap(),
            },
        )
        .unwrap();
    assert_eq!(
        seat_of(&after, newcomer.person_id),
        Some((before.tables[0].number, seated.seat.unwrap(), true))
    );
    assert!(seat_of(&after, seated.person_id).is_none());
    assert!(after
        .waiting
        .iter()
        .any(|w| w.person_id == seated.person_id));
    assert!(!after
        .waiting
        .iter()
        .any(|w| w.person_id == newcomer.person_id));

    // Off the tables, back to waiting.
    let off = project
        .move_seat(session, newcomer.person_id, SeatTarget::Off)
        .unwrap();
    assert!(seat_of(&off, newcomer.person_id).is_none());
    assert!(off
        .waiting
        .iter()
        .any(|w| w.person_id == newcomer.person_id));
}

#[test]
fn the_waiting_list_puts_those_who_asked_for_a_centrifugeuse_first() {
    let (_dir, project, session) = demo();
    let plan = project.seating(session).unwrap();
    let first_other = plan.waiting.iter().position(|w| !w.wants);
    if let Some(i) = first_other {
        assert!(plan.waiting[i..].iter().all(|w| !w.wants));
    }
    assert!(plan.waiting.iter().all(|w| w.role == "attente"));
}

#[test]
fn refused_moves_say_why_and_change_nothing() {
    let (dir, mut project, session) = demo();
    let before = project.seating(session).unwrap();
    let holder = before.tables[0].holders[0].person_id;
    let peer = before.tables[0].peers[0].person_id;
    let table = before.tables[0].number;

    let err = project
        .move_seat(session, holder, SeatTarget::Seat { table, seat: 11 })
        .unwrap_err();
    assert!(
        matches!(err, Error::Edit(EditError::HolderStays(_))),
        "{err}"
    );
    assert!(err
        .to_string()
        .contains("sa place est à la table de son projet"));

    let err = project
        .move_seat(session, peer, SeatTarget::Seat { table, seat: 0 })
        .unwrap_err();
    assert!(
        matches!(err, Error::Edit(EditError::NoSuchSeat { .. })),
        "{err}"
    );
    let err = project
        .move_seat(session, peer, SeatTarget::Table { table: 999 })
        .unwrap_err();
    assert!(
        matches!(err, Error::Edit(EditError::NoSuchTable(999))),
        "{err}"
    );
    let err = project
        .move_seat(session, 999_999, SeatTarget::Table { table })
        .unwrap_err();
    assert!(
        matches!(err, Error::Edit(EditError::PersonNotFound(_))),
        "{err}"
    );

    // Nothing moved, as read back from the file by a new connection.
    drop(project);
    let reopened = Project::open(&dir.path().join("demo.journee")).unwrap();
    assert_eq!(reopened.seating(session).unwrap(), before);
}

#[test]
fn undoing_a_move_of_a_centrifugeuse_keeps_its_seats() {
    let (_dir, mut project, session) = demo();
    let before = project.seating(session).unwrap();
    assert!(before.tables.iter().any(|t| !t.peers.is_empty()));
    project.unplace(session).unwrap();
    project.undo().unwrap();
    assert_eq!(project.seating(session).unwrap(), before);
    project.redo().unwrap();
    project.undo().unwrap();
    assert_eq!(project.seating(session).unwrap(), before);
}
