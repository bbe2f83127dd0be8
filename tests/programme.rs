//! The programme: each warning code on plain data, then sessions on a real project file:
//! placing, swapping, undo and redo across a restart, versions and their diff.

mod support;

use chrono::{NaiveDate, NaiveTime};
use journee::common::Severity;
use journee::import::ImportOptions;
use journee::model::{Room, RoomKind, SessionKind, SessionRole, Slot, SlotKind, Status};
use journee::programme::rules::{check, Programme};
use journee::programme::{
    Cell, NewSession, SessionContribution, SessionPerson, SessionView, Warning,
};
use journee::{EditError, Error, Project};
use support::imported_project;

fn room(id: i64, name: &str, capacity: i64, kind: RoomKind, interpretation: bool) -> Room {
    Room {
        id,
        name: name.into(),
        capacity,
        kind,
        notes: String::new(),
        interpretation,
        track_id: None,
        position: id,
    }
}

fn slot(id: i64, start: &str, end: &str) -> Slot {
    let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
    Slot {
        id,
        date: NaiveDate::from_ymd_opt(2019, 3, 18).unwrap(),
        start: t(start),
        end: Some(t(end)),
        kind: SlotKind::Session,
        label: String::new(),
    }
}

fn person(id: i64, org: &str, actor: &str, role: &str) -> SessionPerson {
    SessionPerson {
        person_id: id,
        first_name: format!("P{id}"),
        last_name: "Test".into(),
        organisation: org.into(),
        actor_type: actor.into(),
        role: role.into(),
    }
}

fn contribution(
    id: i64,
    format: &str,
    minutes: i64,
    speaker: SessionPerson,
) -> SessionContribution {
    SessionContribution {
        submission_id: id,
        title: format!("Contribution {id}"),
        format: format.into(),
        actor_type: speaker.actor_type.clone(),
        minutes,
        qa_minutes: 0,
        table_number: None,
        status: "retenue".into(),
        speakers: vec![speaker],
        starts: None,
    }
}

fn session(id: i64, kind: &str, audience: Option<i64>, cell: Option<(i64, i64)>) -> SessionView {
    SessionView {
        id,
        title: format!("Session {id}"),
        kind: kind.parse().unwrap(),
        language: "fr".into(),
        expected_audience: audience,
        estimate: None,
        description: String::new(),
        contributions: vec![],
        people: vec![],
        placement: cell.map(|(room_id, slot_id)| Cell { room_id, slot_id }),
        pinned: false,
    }
}

struct Grid {
    rooms: Vec<Room>,
    slots: Vec<Slot>,
}

fn grid() -> Grid {
    Grid {
        rooms: vec![
            room(1, "Hémicycle", 200, RoomKind::Pleniere, true),
            room(
                2,
                "Salle des centrifugeuses",
                30,
                RoomKind::Centrifugeuse,
                false,
            ),
            room(3, "Atelier 1", 20, RoomKind::Atelier, false),
            room(4, "Atelier 2", 20, RoomKind::Atelier, false),
        ],
        slots: vec![
            slot(1, "10:00", "11:30"),
            slot(2, "11:30", "13:00"),
            slot(3, "10:30", "11:00"),
        ],
    }
}

fn warnings(sessions: &[SessionView], unscheduled: &[(i64, String)]) -> Vec<Warning> {
    seated_warnings(sessions, unscheduled, &[])
}

fn seated_warnings(
    sessions: &[SessionView],
    unscheduled: &[(i64, String)],
    seated: &[(i64, i64, usize)],
) -> Vec<Warning> {
    let g = grid();
    check(&Programme {
        rooms: &g.rooms,
        slots: &g.slots,
        sessions,
        unscheduled,
        seated,
    })
}

fn codes(list: &[Warning], code: &str) -> Vec<Warning> {
    list.iter().filter(|w| w.code == code).cloned().collect()
}

/// Each warning's severity and the sessions it names.
fn severities(found: &[Warning]) -> Vec<(Severity, Vec<i64>)> {
    found
        .iter()
        .map(|w| (w.severity, w.sessions.clone()))
        .collect()
}

#[test]
fn capacity_is_an_error_above_and_a_note_from_ninety_percent() {
    let list = warnings(
        &[
            session(1, "atelier", Some(25), Some((3, 1))),
            session(2, "atelier", Some(18), Some((4, 1))),
            session(3, "atelier", Some(10), Some((3, 2))),
            session(4, "atelier", None, Some((4, 2))),
        ],
        &[],
    );
    let found = codes(&list, "capacity");
    assert_eq!(found.len(), 2);
    assert_eq!(
        (found[0].severity, found[0].sessions.clone()),
        (Severity::Error, vec![1])
    );
    assert!(
        found[0].message.contains("25\u{a0}personnes") && found[0].message.contains("Atelier 1")
    );
    assert_eq!(
        (found[1].severity, found[1].sessions.clone()),
        (Severity::Info, vec![2])
    );
    assert!(
        found[1]
            .message
            .ends_with("\u{a0}: 18\u{a0}personnes pour 20\u{a0}places."),
        "{}",
        found[1].message
    );
    assert_eq!((found[0].room, found[0].slot), (Some(3), Some(1)));
    assert_eq!(list[0].severity, Severity::Error, "errors come first");
}

#[test]
fn room_clashes_count_overlapping_slots_not_only_the_same_one() {
    // Slot 3 (10:30-11:00) overlaps slot 1 (10:00-11:30).
    let list = warnings(
        &[
            session(1, "atelier", None, Some((3, 1))),
            session(2, "atelier", None, Some((3, 3))),
            session(3, "atelier", None, Some((3, 2))),
        ],
        &[],
    );
    let found = codes(&list, "room_clash");
    assert_eq!(found.len(), 1);
    let mut pair = found[0].sessions.clone();
    pair.sort();
    assert_eq!(pair, [1, 2]);
}

#[test]
fn a_person_in_two_parallel_sessions_and_a_shared_organisation() {
    let mut a = session(1, "atelier", None, Some((3, 1)));
    let mut b = session(2, "atelier", None, Some((4, 1)));
    let mut c = session(3, "atelier", None, Some((3, 2)));
    a.contributions.push(contribution(
        10,
        "retour_experience",
        15,
        person(100, "Ville de Villebrune", "public", "intervenant"),
    ));
    b.people
        .push(person(100, "Ville de Villebrune", "public", "moderateur"));
    b.contributions.push(contribution(
        11,
        "pitch",
        5,
        person(101, "Délibéra", "entreprise", "intervenant"),
    ));
    a.people
        .push(person(102, "DÉLIBÉRA", "entreprise", "animateur"));
    c.contributions.push(contribution(
        12,
        "pitch",
        5,
        person(100, "Ville de Villebrune", "public", "intervenant"),
    ));
    let list = warnings(&[a, b, c], &[]);
    let clash = codes(&list, "person_clash");
    assert_eq!(clash.len(), 1, "{clash:?}");
    assert!(clash[0].message.contains("P100 Test"));
    let orgs = codes(&list, "same_organisation");
    assert_eq!(orgs.len(), 2, "{orgs:?}");
    assert!(orgs.iter().all(|w| w.severity == Severity::Info));
}

#[test]
fn durations_of_talks_and_of_centrifugeuse_tables() {
    let mut long = session(1, "atelier", None, Some((3, 1)));
    for i in 0..5 {
        let mut c = contribution(
            i,
            "recherche",
            20,
            person(i, "", "recherche", "intervenant"),
        );
        c.qa_minutes = 0;
        long.contributions.push(c);
    }
    // 5 x 20 = 100 minutes in 90.
    let mut fine = session(2, "atelier", None, Some((4, 1)));
    fine.contributions.push(contribution(
        9,
        "retour_experience",
        15,
        person(9, "", "public", "intervenant"),
    ));
    // 30 places = 5 tables; 25 projects = 5 per table = 100 minutes in 90.
    let mut tables = session(3, "centrifugeuse", None, Some((2, 2)));
    for i in 20..45 {
        tables.contributions.push(contribution(
            i,
            "centrifugeuse",
            20,
            person(i, "", "association", "intervenant"),
        ));
    }
    let list = warnings(&[long, fine, tables], &[]);
    let found = codes(&list, "duration");
    let ids: Vec<i64> = found.iter().map(|w| w.sessions[0]).collect();
    assert_eq!(ids, [1, 3], "{found:?}");
    assert!(found[0].message.contains("100\u{a0}min") && found[0].message.contains("90"));
    assert!(found[1].message.contains("5\u{a0}projets par table"));
}

#[test]
fn a_centrifugeuse_table_over_five_plus_one_is_a_duration_warning() {
    let mut tables = session(3, "centrifugeuse", None, Some((2, 2)));
    tables.contributions.push(contribution(
        1,
        "centrifugeuse",
        20,
        person(1, "", "association", "intervenant"),
    ));
    // Table 1 seats 6, table 2 seats 7 (two project holders, four peers, an animateur).
    let list = seated_warnings(&[tables], &[], &[(3, 1, 6), (3, 2, 7)]);
    let found = codes(&list, "duration");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message.contains("la table 2 a 7"),
        "{}",
        found[0].message
    );
}

#[test]
fn room_kind_unplaced_balance_and_language() {
    let centrifugeuse_in_hemicycle = session(1, "centrifugeuse", None, Some((1, 1)));
    let round_table_in_atelier = session(2, "table_ronde", None, Some((3, 2)));
    let waiting = session(3, "atelier", None, None);
    let mut panel = session(4, "table_ronde", None, Some((1, 2)));
    for i in 0..3 {
        panel.people.push(person(
            200 + i,
            &format!("Org {i}"),
            "entreprise",
            "intervenant",
        ));
    }
    panel
        .people
        .push(person(210, "Org m", "public", "moderateur"));
    let mut english = session(5, "atelier", None, Some((4, 2)));
    english.language = "en".into();
    let mut english_hemicycle = session(6, "pleniere", None, Some((1, 3)));
    english_hemicycle.language = "en".into();
    let list = warnings(
        &[
            centrifugeuse_in_hemicycle,
            round_table_in_atelier,
            waiting,
            panel,
            english,
            english_hemicycle,
        ],
        &[(77, "Une contribution retenue".into())],
    );
    let kinds: Vec<i64> = codes(&list, "room_kind")
        .iter()
        .map(|w| w.sessions[0])
        .collect();
    assert_eq!(kinds, [1, 2]);
    let unplaced = codes(&list, "unplaced");
    assert_eq!(unplaced.len(), 2);
    assert!(unplaced
        .iter()
        .any(|w| w.sessions == [3] && w.severity == Severity::Info));
    assert!(unplaced
        .iter()
        .any(|w| w.message.contains("n°\u{a0}77") && w.severity == Severity::Warning));
    let balance = codes(&list, "balance");
    assert_eq!(balance.len(), 1);
    assert!(balance[0].message.contains("entreprises"));
    let language: Vec<i64> = codes(&list, "language")
        .iter()
        .map(|w| w.sessions[0])
        .collect();
    assert_eq!(language, [5], "the hémicycle has interpretation");
}

fn new_session(
    title: &str,
    kind: SessionKind,
    audience: i64,
    contributions: Vec<i64>,
) -> NewSession {
    NewSession {
        title: title.into(),
        kind,
        language: "fr".into(),
        expected_audience: Some(audience),
        description: String::new(),
        contributions,
    }
}

#[test]
fn placing_swapping_and_undo_redo_survive_a_restart() {
    let (dir, mut project) = imported_project();
    let subs: Vec<i64> = project
        .submissions(None)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let a = project
        .add_session(new_session(
            "Budgets participatifs",
            SessionKind::Atelier,
            18,
            vec![subs[0], subs[2]],
        ))
        .unwrap();
    let b = project
        .add_session(new_session(
            "Données ouvertes",
            SessionKind::Atelier,
            12,
            vec![],
        ))
        .unwrap();
    let atelier1 = project.find_room("atelier 1").unwrap();
    let atelier2 = project.find_room("Atelier 2").unwrap();
    let ten = project.find_slot("10:00", None).unwrap();
    let lunch = project.find_slot("13h00", None).unwrap();
    assert!(matches!(
        project.place(a, atelier1, lunch),
        Err(Error::Edit(EditError::NotASessionSlot(_)))
    ));

    project.place(a, atelier1, ten).unwrap();
    project.place(b, atelier2, ten).unwrap();
    // Dropping b on a's cell swaps them.
    project.place(b, atelier1, ten).unwrap();
    let cell = |p: &Project, id: i64| {
        p.session(id)
            .unwrap()
            .placement
            .map(|c| (c.room_id, c.slot_id))
    };
    assert_eq!(cell(&project, b), Some((atelier1, ten)));
    assert_eq!(cell(&project, a), Some((atelier2, ten)));
    assert_eq!(
        project.history().unwrap().0.as_deref(),
        Some("Échange de deux sessions")
    );

    // The journal is in the file: undo after reopening.
    drop(project);
    let mut project = Project::open(&dir.path().join("p.journee")).unwrap();
    assert_eq!(project.undo().unwrap(), "Échange de deux sessions");
    assert_eq!(cell(&project, a), Some((atelier1, ten)));
    assert_eq!(cell(&project, b), Some((atelier2, ten)));
    project.undo().unwrap();
    assert_eq!(cell(&project, b), None, "back in the tray");
    project.redo().unwrap();
    project.redo().unwrap();
    assert_eq!(cell(&project, b), Some((atelier1, ten)));
    assert!(matches!(
        project.redo(),
        Err(Error::Edit(EditError::NothingToRedo))
    ));

    // Every kind of edit undoes: retitle, reorder, Q&A time, a person, removal, creation.
    project
        .update_session(
            a,
            journee::programme::SessionPatch {
                title: Some("Budgets participatifs : bilans".into()),
                ..Default::default()
            },
        )
        .unwrap();
    project
        .reorder_contributions(a, &[subs[2], subs[0]])
        .unwrap();
    project.set_qa_minutes(a, subs[2], 10).unwrap();
    let someone = project.people(false).unwrap()[0].id;
    project
        .add_session_person(a, someone, SessionRole::Moderateur)
        .unwrap();
    project.unplace(a).unwrap();
    let before = project.session(a).unwrap();
    assert_eq!(before.contributions[0].submission_id, subs[2]);
    assert_eq!(before.contributions[0].qa_minutes, 10);
    project.remove_session(a).unwrap();
    assert!(project.session(a).is_err());
    project.undo().unwrap();
    assert_eq!(project.session(a).unwrap(), before, "removal undone, whole");
    for _ in 0..5 {
        project.undo().unwrap();
    }
    let original = project.session(a).unwrap();
    assert_eq!(original.title, "Budgets participatifs");
    assert_eq!(original.contributions[0].submission_id, subs[0]);
    assert!(original.people.is_empty());
    // A new edit after undoing forgets the redo branch.
    project.unplace(b).unwrap();
    assert!(matches!(
        project.redo(),
        Err(Error::Edit(EditError::NothingToRedo))
    ));
    assert!(matches!(
        project.reorder_contributions(a, &[subs[0]]),
        Err(Error::Edit(EditError::BadOrder))
    ));
}

#[test]
fn versions_list_what_was_added_removed_moved_and_retitled() {
    let (_dir, mut project) = imported_project();
    let subs: Vec<i64> = project
        .submissions(None)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let a = project
        .add_session(new_session("A", SessionKind::Atelier, 10, vec![]))
        .unwrap();
    let b = project
        .add_session(new_session("B", SessionKind::Atelier, 10, vec![]))
        .unwrap();
    let c = project
        .add_session(new_session("C", SessionKind::Atelier, 10, vec![]))
        .unwrap();
    let atelier1 = project.find_room("Atelier 1").unwrap();
    let ten = project.find_slot("10:00", None).unwrap();
    let half_past = project.find_slot("11:30", None).unwrap();
    project.place(a, atelier1, ten).unwrap();
    project.save_version("envoyé au CESE le 12 mars").unwrap();
    assert!(matches!(
        project.save_version("envoyé au CESE le 12 mars"),
        Err(Error::Edit(EditError::VersionExists(_)))
    ));
    project.place(a, atelier1, half_past).unwrap();
    project
        .update_session(
            b,
            journee::programme::SessionPatch {
                title: Some("B bis".into()),
                ..Default::default()
            },
        )
        .unwrap();
    project.remove_session(c).unwrap();
    let d = project
        .add_session(new_session("D", SessionKind::Atelier, 10, vec![subs[0]]))
        .unwrap();
    let diff = project.diff_version("envoyé au CESE le 12 mars").unwrap();
    let summary: Vec<(String, i64)> = diff.iter().map(|c| (c.kind.clone(), c.session)).collect();
    assert_eq!(
        summary,
        [
            ("moved".to_string(), a),
            ("retitled".to_string(), b),
            ("added".to_string(), d),
            ("removed".to_string(), c)
        ]
    );
    assert_eq!(diff[0].before.as_deref(), Some("Atelier 1, 10:00–11:30"));
    assert_eq!(diff[0].after.as_deref(), Some("Atelier 1, 11:30–13:00"));
    assert_eq!(diff[1].before.as_deref(), Some("B"));
    assert!(matches!(
        project.diff_version("jamais"),
        Err(Error::Edit(EditError::UnknownVersion(_)))
    ));
    assert_eq!(project.versions().unwrap().len(), 1);
}

#[test]
fn the_project_reports_unscheduled_retained_contributions_and_the_demo_has_warnings() {
    let (_dir, mut project) = imported_project();
    let first = project.submissions(None).unwrap()[0].id;
    project.set_status(first, Status::Retenue).unwrap();
    let list = project.check().unwrap();
    assert!(list
        .iter()
        .any(|w| w.code == "unplaced" && w.message.contains("n°")));
    let s = project
        .add_session(new_session("Avec", SessionKind::Atelier, 5, vec![first]))
        .unwrap();
    let list = project.check().unwrap();
    assert!(!list
        .iter()
        .any(|w| w.code == "unplaced" && w.sessions.is_empty()));
    assert!(list
        .iter()
        .any(|w| w.code == "unplaced" && w.sessions == [s]));

    let dir = tempfile::tempdir().unwrap();
    let demo = journee::demo::write(&dir.path().join("demo.journee"), false).unwrap();
    let warnings = demo.check().unwrap();
    assert!(
        !warnings.is_empty(),
        "the demo leaves a few warnings to see"
    );
    assert!(warnings.iter().all(|w| !w.message.is_empty()));
    // One order whatever the edits: severity, code, message (the screen relies on it to
    // place new warnings).
    let keys: Vec<_> = warnings
        .iter()
        .map(|w| (w.severity, w.code, w.message.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(keys
        .windows(2)
        .any(|p| p[0].0 == p[1].0 && p[0].1 != p[1].1));
}

/// Registrations whose wishes are worded as different forms word them.
fn import_wishes(project: &mut Project, dir: &std::path::Path, wishes: &[&str]) {
    let mut csv = String::from("Prénom;Nom;Adresse électronique;Souhaits\n");
    for (i, w) in wishes.iter().enumerate() {
        csv += &format!("P{i};Inscrit{i};p{i}@example.org;{w}\n");
    }
    let path = dir.join("inscriptions.csv");
    std::fs::write(&path, csv).unwrap();
    let registrations = ImportOptions {
        kind: Some(journee::import::ListKind::Registrations),
        ..ImportOptions::default()
    };
    project.import(&path, &registrations).unwrap();
}

fn add_room(project: &mut Project, name: &str, capacity: i64) -> i64 {
    project
        .add_room(journee::model::NewRoom {
            name: name.into(),
            capacity,
            kind: RoomKind::Atelier,
            notes: String::new(),
            interpretation: false,
            track_id: None,
        })
        .unwrap()
        .id
}

#[test]
fn an_estimate_shares_the_wishing_among_the_sessions_of_its_kind_in_its_slot() {
    let (dir, mut project) = imported_project();
    // 60 ateliers wished in three wordings, 6 centrifugeuses as « co-construction ».
    let mut wishes = vec!["Ateliers"; 20];
    wishes.extend(vec!["atelier, plénière"; 20]);
    wishes.extend(vec!["ATELIERS pratiques"; 20]);
    wishes.extend(vec!["Sessions de co-construction"; 6]);
    import_wishes(&mut project, dir.path(), &wishes);
    let big = add_room(&mut project, "Grande", 60);
    let small = add_room(&mut project, "Petite", 20);
    let other = add_room(&mut project, "Autre", 20);
    let ten = project.find_slot("10:00", None).unwrap();
    let later = project
        .day()
        .unwrap()
        .slots
        .iter()
        .find(|s| s.kind == SlotKind::Session && s.id != ten)
        .unwrap()
        .id;
    let atelier = |project: &mut Project, title: &str| {
        let mut s = new_session(title, SessionKind::Atelier, 0, vec![]);
        s.expected_audience = None;
        project.add_session(s).unwrap()
    };
    let a = atelier(&mut project, "A");
    let b = atelier(&mut project, "B");
    let c = atelier(&mut project, "C");
    // Before placing: shared among all three.
    let e = project.session(a).unwrap().estimate.unwrap();
    assert_eq!(
        e,
        journee::programme::Estimate {
            people: 20,
            wishing: 60,
            among: 3,
            room_share: None,
            placed: false
        }
    );
    // Side by side at 10:00 in rooms of 60 and 20 seats: 45 and 15.
    project.place(a, big, ten).unwrap();
    project.place(b, small, ten).unwrap();
    let ea = project.session(a).unwrap().estimate.unwrap();
    let eb = project.session(b).unwrap().estimate.unwrap();
    assert_eq!((ea.people, ea.among, ea.room_share), (45, 2, Some(75)));
    assert_eq!((eb.people, eb.among, eb.room_share), (15, 2, Some(25)));
    // A session of the same kind in another slot changes nothing here.
    project.place(c, other, later).unwrap();
    assert_eq!(project.session(a).unwrap().estimate.unwrap().people, 45);
    let alone = project.session(c).unwrap().estimate.unwrap();
    assert_eq!((alone.people, alone.among, alone.room_share), (60, 1, None));
    // C alone with 60 for 20 seats: a warning that says it is an estimate and how.
    let warnings = project.check().unwrap();
    let over: Vec<_> = warnings
        .iter()
        .filter(|w| w.code == "capacity" && w.sessions == [c])
        .collect();
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].severity, Severity::Warning);
    assert_eq!(
        over[0].message,
        "«\u{a0}C\u{a0}» attendrait environ 60\u{a0}personnes, une estimation (60\u{a0}inscrit·es \
         ont demandé un atelier, seule session de ce type à cette heure), la salle «\u{a0}Autre\u{a0}» \
         a 20\u{a0}places\u{a0}: indiquez le public attendu si vous le connaissez."
    );
    // Entered, the same audience is a count: an error.
    project
        .update_session(
            c,
            journee::programme::SessionPatch {
                expected_audience: Some(Some(60)),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(project.session(c).unwrap().estimate.is_none());
    let entered = project.check().unwrap();
    let over = entered
        .iter()
        .find(|w| w.code == "capacity" && w.sessions == [c])
        .unwrap();
    assert_eq!(over.severity, Severity::Error);
    // While dragging B, each cell says what B would draw there: 10:00 beside A in the
    // small room (15); at the later slot beside C, half of 60 in a room as big as C's.
    let fits = project.fits(b).unwrap();
    let at = |room: i64, slot: i64| {
        fits.iter()
            .find(|f| f.room_id == room && f.slot_id == slot)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (at(small, ten).audience, at(small, ten).estimated),
        (Some(15), true)
    );
    assert_eq!(
        (at(small, later).audience, at(small, later).fit),
        (Some(30), journee::programme::Fit::TooSmall)
    );
    assert_eq!(
        (at(big, later).audience, at(big, later).fit),
        (Some(45), journee::programme::Fit::Fits)
    );
    // The centrifugeuse wishes worded « co-construction » count for the tables too.
    let mut centri = new_session("Centri", SessionKind::Centrifugeuse, 0, vec![]);
    centri.expected_audience = None;
    let centri = project.add_session(centri).unwrap();
    assert_eq!(
        project.session(centri).unwrap().estimate.unwrap().wishing,
        6
    );
    let seating = project.seating(centri).unwrap();
    assert_eq!(seating.wishing, 6);
    assert_eq!(seating.waiting.iter().filter(|p| p.wants).count(), 6);
}

#[test]
fn panellists_are_found_or_added_and_projects_sit_at_tables() {
    let (_dir, mut project) = imported_project();
    let found = project.find_people("benali delibera", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].first_name, "Karim");
    let guest = project
        .add_person(
            "Audrey",
            "Tanguy",
            "Ministère du Numérique",
            journee::model::ActorType::Public,
        )
        .unwrap();
    let s = project
        .add_session(new_session(
            "Table ronde",
            SessionKind::TableRonde,
            100,
            vec![],
        ))
        .unwrap();
    project
        .add_session_person(s, guest, SessionRole::Intervenant)
        .unwrap();
    project
        .add_session_person(s, found[0].id, SessionRole::Moderateur)
        .unwrap();
    assert_eq!(project.session(s).unwrap().people.len(), 2);
    project
        .remove_session_person(s, guest, SessionRole::Intervenant)
        .unwrap();
    assert_eq!(project.session(s).unwrap().people[0].role, "moderateur");
    project.undo().unwrap();
    assert_eq!(project.session(s).unwrap().people.len(), 2);

    let subs: Vec<i64> = project
        .submissions(None)
        .unwrap()
        .iter()
        .map(|x| x.id)
        .collect();
    let c = project
        .add_session(new_session(
            "Centrifugeuse",
            SessionKind::Centrifugeuse,
            25,
            subs[..3].to_vec(),
        ))
        .unwrap();
    project.set_table(c, subs[0], Some(2)).unwrap();
    assert!(project.set_table(c, subs[1], Some(0)).is_err());
    let tables: Vec<Option<i64>> = project
        .session(c)
        .unwrap()
        .contributions
        .iter()
        .map(|x| x.table_number)
        .collect();
    assert_eq!(tables, [Some(2), None, None]);
}

#[test]
fn a_contribution_not_retained_in_a_session_is_an_error_once_placed() {
    let speaker = person(1, "Ville", "public", "intervenant");
    let refused = SessionContribution {
        status: "refusee".into(),
        ..contribution(7, "recherche", 20, speaker.clone())
    };
    let waiting = SessionContribution {
        status: "liste_attente".into(),
        ..contribution(8, "recherche", 20, speaker.clone())
    };
    let mut placed = session(1, "atelier", None, Some((3, 1)));
    placed.contributions = vec![refused, contribution(9, "recherche", 20, speaker.clone())];
    let mut tray = session(2, "atelier", None, None);
    tray.contributions = vec![waiting];
    let list = warnings(&[placed, tray], &[]);
    let found = codes(&list, "contribution_not_retained");
    assert_eq!(
        severities(&found),
        [(Severity::Error, vec![1]), (Severity::Warning, vec![2])]
    );
    assert!(
        found[0].message.contains("n°\u{a0}7")
            && found[0].message.contains("statut «\u{a0}refusée\u{a0}»")
            && found[0].message.contains("«\u{a0}Session 1\u{a0}»"),
        "{}",
        found[0].message
    );
    assert!(found[1].message.contains("liste d’attente"));
    assert_eq!((found[0].room, found[0].slot), (Some(3), Some(1)));
}

#[test]
fn a_contribution_in_two_sessions_is_said_once_with_both() {
    let speaker = person(1, "Ville", "public", "intervenant");
    let mut a = session(1, "atelier", None, Some((3, 1)));
    a.contributions = vec![contribution(7, "recherche", 20, speaker.clone())];
    let mut b = session(2, "atelier", None, Some((4, 2)));
    b.contributions = vec![
        contribution(7, "recherche", 20, speaker.clone()),
        contribution(8, "recherche", 20, speaker.clone()),
    ];
    let list = warnings(&[a, b], &[]);
    let found = codes(&list, "contribution_twice");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].sessions, vec![1, 2]);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0].message.contains("n°\u{a0}7")
            && found[0].message.contains("2 sessions")
            && found[0].message.contains("«\u{a0}Session 2\u{a0}»"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_estimated_audience_over_capacity_is_a_warning_an_entered_one_an_error() {
    let mut estimated = session(1, "atelier", None, Some((3, 1)));
    estimated.estimate = Some(journee::programme::Estimate {
        people: 35,
        wishing: 70,
        among: 2,
        room_share: None,
        placed: true,
    });
    let entered = session(2, "atelier", Some(35), Some((4, 1)));
    let list = warnings(&[estimated, entered], &[]);
    let found = codes(&list, "capacity");
    assert_eq!(
        severities(&found),
        [(Severity::Error, vec![2]), (Severity::Warning, vec![1])]
    );
    assert!(
        found[1].message.contains("environ 35") && found[1].message.contains("estimation"),
        "{}",
        found[1].message
    );
}

#[test]
fn each_talk_of_a_placed_session_has_its_start_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = journee::demo::write(&dir.path().join("demo.journee"), false).unwrap();
    let day = project.day().unwrap();
    let session = project
        .sessions()
        .unwrap()
        .into_iter()
        .find(|s| {
            s.placement.is_some()
                && s.kind != SessionKind::Centrifugeuse
                && s.contributions.len() >= 2
        })
        .expect("a placed session with several talks");
    let slot = day
        .slots
        .iter()
        .find(|s| s.id == session.placement.unwrap().slot_id)
        .unwrap();
    let first = &session.contributions[0];
    assert_eq!(
        first.starts.as_deref(),
        Some(slot.start.format("%H:%M").to_string().as_str())
    );
    // Ten minutes of questions after the first talk: the second starts that much later.
    project
        .set_qa_minutes(session.id, first.submission_id, 10)
        .unwrap();
    let second = project.session(session.id).unwrap().contributions[1].clone();
    let expected = slot.start + chrono::Duration::minutes(first.minutes + 10);
    assert_eq!(
        second.starts.as_deref(),
        Some(expected.format("%H:%M").to_string().as_str())
    );
    // In the tray, no time.
    project.unplace(session.id).unwrap();
    assert!(project
        .session(session.id)
        .unwrap()
        .contributions
        .iter()
        .all(|c| c.starts.is_none()));
    // At a centrifugeuse, each table's first project starts with the slot.
    let centrifugeuse = project
        .sessions()
        .unwrap()
        .into_iter()
        .find(|s| {
            s.placement.is_some()
                && s.kind == SessionKind::Centrifugeuse
                && s.contributions.len() >= 2
        })
        .unwrap();
    let slot = day
        .slots
        .iter()
        .find(|s| s.id == centrifugeuse.placement.unwrap().slot_id)
        .unwrap();
    let mut tables = std::collections::HashSet::new();
    for c in &centrifugeuse.contributions {
        if tables.insert(c.table_number) {
            assert_eq!(
                c.starts.as_deref(),
                Some(slot.start.format("%H:%M").to_string().as_str()),
                "{c:?}"
            );
        }
    }
}

#[test]
fn a_saved_version_is_put_back_as_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = journee::demo::write(&dir.path().join("demo.journee"), false).unwrap();
    project.save_version("envoyé au CESE").unwrap();
    let then = project.sessions().unwrap();
    // Since: a session moved to the tray, one retitled, one made.
    let moved = then.iter().find(|s| s.placement.is_some()).unwrap().id;
    project.unplace(moved).unwrap();
    let retitled = then[1].id;
    project
        .update_session(
            retitled,
            journee::programme::SessionPatch {
                title: Some("Nouveau titre".into()),
                ..Default::default()
            },
        )
        .unwrap();
    project
        .add_session(new_session(
            "Ajoutée depuis",
            SessionKind::Atelier,
            10,
            vec![],
        ))
        .unwrap();
    let now = project.sessions().unwrap();
    assert_ne!(now, then);

    project.restore_version("envoyé au CESE").unwrap();
    assert_eq!(project.sessions().unwrap(), then);
    assert!(project.diff_version("envoyé au CESE").unwrap().is_empty());
    assert_eq!(
        project.history().unwrap().0.as_deref(),
        Some("Retour à la version «\u{a0}envoyé au CESE\u{a0}»")
    );
    project.undo().unwrap();
    assert_eq!(project.sessions().unwrap(), now);
    project.redo().unwrap();
    assert_eq!(project.sessions().unwrap(), then);

    assert!(matches!(
        project.restore_version("inconnue"),
        Err(Error::Edit(EditError::UnknownVersion(_)))
    ));
}

/// The grid is answered with what changed since its last answer (`programme::Sent`):
/// nothing when nothing changed, a moved session alone, the sessions and warnings that
/// went away by id and key; the same warning keeps its key, the same one twice gets two.
#[test]
fn the_grid_is_sent_only_what_changed_since_its_last_answer() {
    use journee::programme::{Changes, Sent};
    let warning = |message: &str, session: i64| Warning {
        code: "capacity",
        severity: Severity::Warning,
        message: message.into(),
        sessions: vec![session],
        room: None,
        slot: None,
    };
    let a = session(1, "atelier", Some(20), Some((1, 1)));
    let b = session(2, "pleniere", Some(100), None);
    let mut sent = Sent::default();

    let first = sent.changes(
        vec![a.clone(), b.clone()],
        vec![warning("x", 1), warning("x", 1)],
        true,
    );
    assert_eq!(first.sessions, [a.clone(), b.clone()]);
    assert!(first.removed.is_empty() && first.warnings_removed.is_empty());
    let keys: Vec<&str> = first.warnings.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys.len(), 2);
    assert_ne!(keys[0], keys[1], "a warning given twice gets two keys");
    assert_eq!(first.warnings[1].position, 1);

    let same = sent.changes(
        vec![a.clone(), b.clone()],
        vec![warning("x", 1), warning("x", 1)],
        false,
    );
    assert_eq!(same, Changes::default(), "nothing changed, nothing sent");

    let mut moved = b.clone();
    moved.placement = Some(Cell {
        room_id: 2,
        slot_id: 1,
    });
    let next = sent.changes(
        vec![moved.clone()],
        vec![warning("x", 1), warning("y", 2)],
        false,
    );
    assert_eq!(next.sessions, [moved.clone()]);
    assert_eq!(next.removed, [1]);
    let appeared: Vec<(&str, usize)> = next
        .warnings
        .iter()
        .map(|w| (w.warning.message.as_str(), w.position))
        .collect();
    assert_eq!(appeared, [("y", 1)], "the warning kept is not sent again");
    assert_eq!(next.warnings_removed, [keys[1].to_string()]);

    let again = sent.changes(vec![moved.clone()], vec![warning("y", 2)], true);
    assert_eq!(again.sessions, [moved]);
    assert_eq!(again.warnings.len(), 1);
    assert_eq!(
        again.warnings[0].key, next.warnings[0].key,
        "its key is stable"
    );
    assert!(again.removed.is_empty() && again.warnings_removed.is_empty());
}

#[test]
fn a_session_away_from_the_slot_named_after_it_and_sessions_during_a_plenary() {
    let mut g = grid();
    // The label as the call for contributions writes it, the title as the team typed it.
    g.slots[0].label = "Plenière d'ouverture en hémicycle".into();
    // Names both plenaries below: names neither.
    g.slots[1].label = "Plénière".into();
    // The start of one title only.
    g.slots[2].label = "Première table ronde".into();
    let titled = |id, kind, cell, title: &str| SessionView {
        title: title.into(),
        ..session(id, kind, None, cell)
    };
    let check_with = |sessions: &[SessionView]| {
        check(&Programme {
            rooms: &g.rooms,
            slots: &g.slots,
            sessions,
            unscheduled: &[],
            seated: &[],
        })
    };

    let away = check_with(&[
        titled(1, "pleniere", Some((1, 2)), "Plénière d’ouverture"),
        titled(2, "pleniere", Some((1, 3)), "Plénière de clôture"),
        // A shorter title does not claim the slot of a longer one.
        titled(6, "pleniere", Some((3, 2)), "Plénière"),
        titled(
            7,
            "table_ronde",
            Some((2, 2)),
            "Première table ronde : les govtech",
        ),
    ]);
    let planned = codes(&away, "planned_slot");
    assert_eq!(
        severities(&planned),
        [(Severity::Warning, vec![1]), (Severity::Warning, vec![7])]
    );
    assert_eq!(
        planned[0].message,
        "«\u{a0}Plénière d’ouverture\u{a0}» est placée à 11:30–13:00 alors que le créneau \
         10:00–11:30 porte son nom."
    );
    assert_eq!((planned[0].room, planned[0].slot), (Some(1), Some(2)));

    let home = check_with(&[
        titled(1, "pleniere", Some((1, 1)), "Plénière d’ouverture"),
        titled(2, "atelier", Some((3, 1)), "Un atelier"),
        titled(3, "table_ronde", Some((1, 2)), "Une table ronde"),
        titled(4, "atelier", Some((4, 2)), "Un atelier à côté"),
        // 10:30–11:00 overlaps the plenary's 10:00–11:30.
        titled(5, "centrifugeuse", Some((2, 3)), "Une centrifugeuse"),
    ]);
    assert!(codes(&home, "planned_slot").is_empty(), "{home:#?}");
    let during = codes(&home, "during_plenary");
    assert_eq!(
        severities(&during),
        [
            (Severity::Warning, vec![2, 1]),
            (Severity::Warning, vec![5, 1])
        ],
        "a round table is not a plenary: what runs beside it is no warning"
    );
    assert_eq!(
        during[0].message,
        "«\u{a0}Un atelier\u{a0}» a lieu pendant la plénière «\u{a0}Plénière d’ouverture\u{a0}» \
         (10:00–11:30)."
    );
    assert_eq!(
        (during[1].room, during[1].slot),
        (Some(2), Some(3)),
        "marked on the cell of the session beside the plenary"
    );

    let two = check_with(&[
        titled(1, "pleniere", Some((1, 1)), "Plénière d’ouverture"),
        titled(2, "pleniere", Some((2, 1)), "Plénière bis"),
    ]);
    assert_eq!(
        severities(&codes(&two, "during_plenary")),
        [(Severity::Warning, vec![1, 2])],
        "two plenaries at once, said once"
    );
}
