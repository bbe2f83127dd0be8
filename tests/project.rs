//! The core on real project files in a temporary folder: creation, migrations, refusal
//! of foreign or newer files, the templates, and edits with their validation.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use journee::model::{NewRoom, NewSlot, RoomKind, RoomPatch, SlotKind, SlotPatch};
use journee::{EditError, Error, Project, Template, SCHEMA_VERSION};
use rusqlite::Connection;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn hm(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

fn new_project(dir: &Path) -> (PathBuf, Project) {
    let path = dir.join("journee.journee");
    let project = Project::create(&path, Template::CivicTech2019, false).expect("create");
    (path, project)
}

#[test]
fn a_new_project_is_a_versioned_wal_sqlite_file_with_foreign_keys() {
    let dir = temp();
    let (path, project) = new_project(dir.path());
    drop(project);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(app_id, 0x4A52_4E45);
    assert_eq!(mode, "wal");
    // The schema covers the whole mission, not only the day.
    for table in [
        "event",
        "rooms",
        "slots",
        "tracks",
        "submissions",
        "people",
        "sessions",
        "placements",
        "session_contributions",
        "session_people",
        "table_seats",
        "imports",
        "journal",
        "versions",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "table {table} missing");
    }
    // No temporary file is left beside the project.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("creation")), "{names:?}");
}

#[test]
fn foreign_keys_are_enforced_on_every_connection() {
    let dir = temp();
    let demo = dir.path().join("demo.journee");
    drop(journee::demo::write(&demo, false).unwrap());
    // Removing a room removes the placements in it through ON DELETE CASCADE, which only
    // happens with foreign keys on: reopened, so the connection is a fresh one.
    let mut project = Project::open(&demo).unwrap();
    let before = project.info().unwrap().counts;
    let hemicycle = project.day().unwrap().rooms[0].id;
    let in_hemicycle = project
        .day()
        .unwrap()
        .placements
        .iter()
        .filter(|p| p.room_id == hemicycle)
        .count() as i64;
    assert!(in_hemicycle > 0);
    project.remove_room(hemicycle).unwrap();
    let after = project.info().unwrap().counts;
    assert_eq!(after.placements, before.placements - in_hemicycle);
    assert_eq!(
        after.sessions, before.sessions,
        "sessions go back to the tray"
    );
}

#[test]
fn reopening_keeps_everything_and_migrations_do_not_run_twice() {
    let dir = temp();
    let (path, mut project) = new_project(dir.path());
    let id = project.day().unwrap().rooms[0].id;
    project
        .update_room(
            id,
            RoomPatch {
                capacity: Some(180),
                ..Default::default()
            },
        )
        .unwrap();
    drop(project);
    let project = Project::open(&path).unwrap();
    let info = project.info().unwrap();
    assert_eq!(info.rooms[0].capacity, 180);
    assert_eq!(info.counts.rooms, 6);
    assert_eq!(info.counts.slots, 8);
}

#[test]
fn an_older_schema_is_migrated_on_open() {
    let dir = temp();
    let path = dir.path().join("old.journee");
    // A file as an early Journée would have left it: ours, but no migration applied yet.
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", 0x4A52_4E45)
            .unwrap();
        conn.execute_batch("CREATE TABLE placeholder (x)").unwrap();
    }
    let result = Project::open(&path);
    // An empty old file has no event: migration runs, but reading the day says so.
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert!(result.is_ok());
}

/// Every row of `table`, as text, in id order.
/// The rows of `table`, over the columns it has in `columns_of`'s schema: what a later
/// migration adds does not count as a change.
fn dump(conn: &Connection, table: &str) -> Vec<String> {
    dump_columns(conn, table, &columns_of(conn, table))
}

fn columns_of(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!("PRAGMA table_info({table})"))
        .unwrap()
        .query_map([], |r| r.get::<_, String>(1))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn dump_columns(conn: &Connection, table: &str, columns: &[String]) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM {table} ORDER BY rowid",
            columns.join(", ")
        ))
        .unwrap();
    let width = stmt.column_count();
    stmt.query_map([], |row| {
        Ok((0..width)
            .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn a_demo_saved_by_schema_4_keeps_every_row_and_reference_through_the_table_rebuild() {
    // Written by the release of schema 4 (`journee demo`): people and submissions are
    // rebuilt by migration 5, and everything that points at them must still find them.
    let dir = temp();
    let path = dir.path().join("demo-v4.journee");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo-schema-v4.journee"),
        &path,
    )
    .unwrap();
    let tables = [
        "people",
        "submissions",
        "reviews",
        "submission_speakers",
        "session_contributions",
        "session_people",
        "table_seats",
    ];
    let (before, columns): (Vec<Vec<String>>, Vec<Vec<String>>) = {
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 4);
        (
            tables.iter().map(|t| dump(&conn, t)).collect(),
            tables.iter().map(|t| columns_of(&conn, t)).collect(),
        )
    };
    assert!(before[0].len() > 300 && before[1].len() == 120 && !before[6].is_empty());

    let project = Project::open(&path).unwrap();
    assert_eq!(project.info().unwrap().counts.submissions, 120);
    drop(project);

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    for ((table, rows), columns) in tables.iter().zip(&before).zip(&columns) {
        assert_eq!(
            &dump_columns(&conn, table, columns),
            rows,
            "{table} changed"
        );
    }
    let broken: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(broken.is_empty(), "broken references in {broken:?}");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    // Why the rebuild: checking an enumeration no longer builds a temporary b-tree on every
    // insert (the import writes thousands of these rows).
    for insert in [
        "INSERT INTO people (actor_type, badge_role) VALUES ('public', NULL)",
        "INSERT INTO submissions (format, actor_type, status) VALUES ('pitch', 'public', 'retenue')",
    ] {
        let ops: Vec<String> = conn
            .prepare(&format!("EXPLAIN {insert}"))
            .unwrap()
            .query_map([], |r| r.get(1))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(!ops.iter().any(|op| op == "OpenEphemeral"), "{insert}: {ops:?}");
    }
    // The rules are the same: a value outside the enumeration is still refused, one
    // inside it accepted, and a reference to nothing refused.
    assert!(conn
        .execute(
            "UPDATE submissions SET format = 'conference' WHERE id = 1",
            []
        )
        .is_err());
    assert!(conn
        .execute("UPDATE people SET badge_role = 'vip' WHERE id = 1", [])
        .is_err());
    assert!(conn
        .execute(
            "UPDATE people SET actor_type = 'public', badge_role = NULL WHERE id = 1",
            []
        )
        .is_ok());
    let project = Project::open(&path).unwrap();
    drop(project);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    assert!(conn
        .execute(
            "INSERT INTO reviews (submission_id, reviewer, updated_at) VALUES (?1, 'x', 'now')",
            [99_999]
        )
        .is_err());
    conn.execute(
        "INSERT INTO reviews (submission_id, reviewer, updated_at) VALUES (?1, 'x', 'now')",
        [1],
    )
    .unwrap();
}

#[test]
fn a_file_from_a_newer_journee_is_refused_and_left_untouched() {
    let dir = temp();
    let (path, project) = new_project(dir.path());
    drop(project);
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Project::open(&path).err().expect("refused");
    assert!(matches!(err, Error::NewerVersion { found, .. } if found == SCHEMA_VERSION + 1));
    let message = err.to_string();
    assert!(message.contains("version plus récente"), "{message}");
    assert!(message.contains("n’a pas été modifié"), "{message}");
    assert!(err.is_user_error());
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_project_is_refused_and_left_untouched() {
    let dir = temp();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("notes.txt", "Liste des intervenants\n".into()),
        ("empty.journee", Vec::new()),
        ("binary.journee", (0..=255u8).cycle().take(8192).collect()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let err = Project::open(&path).err().expect("refused");
        assert!(matches!(err, Error::NotAProject { .. }), "{name}: {err:?}");
        assert!(err.to_string().contains("n’est pas un projet Journée"));
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was modified");
    }
    // Another application's SQLite database.
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
        .unwrap();
    let before = fs::read(&other).unwrap();
    let err = Project::open(&other).err().expect("refused");
    assert!(matches!(err, Error::NotAProject { .. }));
    assert_eq!(fs::read(&other).unwrap(), before);
    let tables: i64 = Connection::open(&other)
        .unwrap()
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1, "no Journée table was added");
}

#[test]
fn creation_refuses_to_replace_a_file_unless_asked() {
    let dir = temp();
    let path = dir.path().join("p.journee");
    fs::write(&path, "précieux").unwrap();
    let err = Project::create(&path, Template::Empty, false)
        .err()
        .unwrap();
    assert!(matches!(err, Error::FileExists(_)));
    assert_eq!(fs::read_to_string(&path).unwrap(), "précieux");
    let project = Project::create(&path, Template::Empty, true).unwrap();
    assert_eq!(project.day().unwrap().event.title, "Nouvel événement");
}

#[test]
fn the_2019_template_is_the_day_of_the_call() {
    let dir = temp();
    let (_, project) = new_project(dir.path());
    let day = project.day().unwrap();
    assert_eq!(
        day.event.title,
        "Journée de la civic tech et de l’engagement citoyen"
    );
    assert_eq!(
        day.event.start_date,
        NaiveDate::from_ymd_opt(2019, 3, 18).unwrap()
    );
    assert!(day.event.venue.contains("CESE"));
    assert!(day.event.address.contains("place d’Iéna"));
    let rooms: Vec<(&str, i64, RoomKind)> = day
        .rooms
        .iter()
        .map(|r| (r.name.as_str(), r.capacity, r.kind))
        .collect();
    assert_eq!(
        rooms,
        vec![
            ("Hémicycle", 200, RoomKind::Pleniere),
            ("Salle des centrifugeuses", 30, RoomKind::Centrifugeuse),
            ("Salle de formation", 30, RoomKind::Formation),
            ("Atelier 1", 20, RoomKind::Atelier),
            ("Atelier 2", 20, RoomKind::Atelier),
            ("Atelier 3", 20, RoomKind::Atelier),
        ]
    );
    let slots: Vec<(String, SlotKind)> =
        day.slots.iter().map(|s| (s.time_range(), s.kind)).collect();
    let expected = [
        ("09:00–10:00", SlotKind::Session),
        ("10:00–11:30", SlotKind::Session),
        ("11:30–13:00", SlotKind::Session),
        ("13:00–14:30", SlotKind::Dejeuner),
        ("14:30–16:00", SlotKind::Session),
        ("16:00–16:30", SlotKind::Pause),
        ("16:30–18:00", SlotKind::Session),
        ("18:30", SlotKind::Soiree),
    ];
    assert_eq!(
        slots,
        expected
            .iter()
            .map(|(t, k)| (t.to_string(), *k))
            .collect::<Vec<_>>()
    );
    assert!(day.slots.iter().all(|s| s.date == day.event.start_date));
    let tracks: Vec<&str> = day.tracks.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        tracks,
        [
            "Conférence plénière",
            "Centrifugeuses",
            "Formation",
            "Ateliers"
        ]
    );
    let groups: Vec<(RoomKind, usize)> = day.groups.iter().map(|g| (g.kind, g.rooms)).collect();
    assert_eq!(
        groups,
        [
            (RoomKind::Pleniere, 1),
            (RoomKind::Centrifugeuse, 1),
            (RoomKind::Formation, 1),
            (RoomKind::Atelier, 3)
        ]
    );
}

#[test]
fn the_empty_template_has_an_event_and_nothing_else() {
    let dir = temp();
    let path = dir.path().join("vide.journee");
    let project = Project::create(&path, Template::Empty, false).unwrap();
    let info = project.info().unwrap();
    assert_eq!(info.counts.rooms, 0);
    assert_eq!(info.counts.slots, 0);
    assert_eq!(Template::parse("empty").unwrap(), Template::Empty);
    assert!(matches!(
        Template::parse("2020"),
        Err(Error::UnknownTemplate(_))
    ));
}

#[test]
fn room_edits_are_validated_and_a_refused_edit_changes_nothing() {
    let dir = temp();
    let (path, mut project) = new_project(dir.path());
    let id = project.day().unwrap().rooms[0].id;
    let negative = project
        .update_room(
            id,
            RoomPatch {
                capacity: Some(-5),
                name: Some("Grand hémicycle".into()),
                ..Default::default()
            },
        )
        .err()
        .unwrap();
    assert!(matches!(
        negative,
        Error::Edit(EditError::NegativeCapacity(-5))
    ));
    assert!(negative.to_string().contains("négative"));
    let empty_name = project
        .update_room(
            id,
            RoomPatch {
                name: Some("   ".into()),
                ..Default::default()
            },
        )
        .err()
        .unwrap();
    assert!(matches!(empty_name, Error::Edit(EditError::EmptyName(_))));
    drop(project);
    let mut project = Project::open(&path).unwrap();
    let room = &project.day().unwrap().rooms[0];
    assert_eq!((room.name.as_str(), room.capacity), ("Hémicycle", 200));

    let renamed = project
        .update_room(
            id,
            RoomPatch {
                name: Some("  Hémicycle du CESE ".into()),
                notes: Some("Cabines d'interprétation".into()),
                interpretation: Some(true),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(renamed.name, "Hémicycle du CESE");
    assert!(renamed.interpretation);
    assert!(matches!(
        project.update_room(9999, RoomPatch::default()),
        Err(Error::Edit(EditError::RoomNotFound(9999)))
    ));
}

#[test]
fn rooms_are_added_moved_within_their_kind_and_removed() {
    let dir = temp();
    let (_, mut project) = new_project(dir.path());
    let added = project
        .add_room(NewRoom {
            name: "Atelier 4".into(),
            capacity: 15,
            kind: RoomKind::Atelier,
            notes: String::new(),
            interpretation: false,
            track_id: None,
        })
        .unwrap();
    let names = |p: &Project| -> Vec<String> {
        p.day()
            .unwrap()
            .rooms
            .iter()
            .map(|r| r.name.clone())
            .collect()
    };
    assert_eq!(
        names(&project)[3..],
        ["Atelier 1", "Atelier 2", "Atelier 3", "Atelier 4"]
    );
    project.move_room(added.id, -2).unwrap();
    assert_eq!(
        names(&project)[3..],
        ["Atelier 1", "Atelier 4", "Atelier 2", "Atelier 3"]
    );
    // Moving stops at the edge of its group: it never crosses into another kind.
    project.move_room(added.id, -10).unwrap();
    assert_eq!(names(&project)[2..4], ["Salle de formation", "Atelier 4"]);
    let autre = project
        .add_room(NewRoom {
            name: "Salon".into(),
            capacity: 40,
            kind: RoomKind::Autre,
            notes: String::new(),
            interpretation: false,
            track_id: None,
        })
        .unwrap();
    assert_eq!(names(&project).last().unwrap(), "Salon");
    project.remove_room(autre.id).unwrap();
    project.remove_room(added.id).unwrap();
    assert_eq!(names(&project).len(), 6);
    let positions: Vec<i64> = project
        .day()
        .unwrap()
        .rooms
        .iter()
        .map(|r| r.position)
        .collect();
    assert_eq!(positions, [0, 1, 2, 3, 4, 5]);
}

#[test]
fn slots_must_end_after_they_start_and_not_overlap_in_one_day() {
    let dir = temp();
    let (_, mut project) = new_project(dir.path());
    let date = NaiveDate::from_ymd_opt(2019, 3, 18).unwrap();
    let slot = |start: &str, end: Option<&str>| NewSlot {
        date,
        start: hm(start),
        end: end.map(hm),
        kind: SlotKind::Session,
        label: String::new(),
    };
    let backwards = project
        .add_slot(slot("12:00", Some("11:00")))
        .err()
        .unwrap();
    assert!(matches!(
        backwards,
        Error::Edit(EditError::SlotEndsBeforeStart { .. })
    ));
    assert!(backwards.to_string().contains("11:00"));
    let overlap = project
        .add_slot(slot("17:30", Some("18:45")))
        .err()
        .unwrap();
    assert!(
        matches!(overlap, Error::Edit(EditError::SlotOverlap { .. })),
        "{overlap:?}"
    );
    assert!(overlap.to_string().contains("16:30–18:00"), "{overlap}");
    // The open-ended evening holds its starting minute.
    assert!(project.add_slot(slot("18:30", Some("19:00"))).is_err());
    assert!(project.add_slot(slot("18:00", Some("18:30"))).is_ok());
    assert_eq!(project.day().unwrap().slots.len(), 9);

    // The same times on another day are fine: multi-day events.
    let next_day = NewSlot {
        date: date.succ_opt().unwrap(),
        ..slot("10:00", Some("11:30"))
    };
    let added = project.add_slot(next_day).unwrap();
    let last = project.day().unwrap().slots.last().unwrap().clone();
    assert_eq!(last.id, added.id);

    // Editing: a slot may not be stretched over its neighbour, and may keep its own time.
    let ten = project.day().unwrap().slots[1].clone();
    assert!(project
        .update_slot(
            ten.id,
            SlotPatch {
                end: Some(Some(hm("12:00"))),
                ..Default::default()
            }
        )
        .is_err());
    let relabelled = project
        .update_slot(
            ten.id,
            SlotPatch {
                label: Some("Tables rondes".into()),
                end: Some(Some(hm("11:15"))),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(relabelled.time_range(), "10:00–11:15");
    project.remove_slot(ten.id).unwrap();
    assert_eq!(project.day().unwrap().slots.len(), 9);
}

#[test]
fn the_event_can_be_edited_within_reason() {
    let dir = temp();
    let (_, mut project) = new_project(dir.path());
    let mut event = project.day().unwrap().event;
    event.end_date = NaiveDate::from_ymd_opt(2019, 3, 17).unwrap();
    assert!(matches!(
        project.update_event(event.clone()),
        Err(Error::Edit(EditError::EventEndsBeforeStart))
    ));
    event.end_date = NaiveDate::from_ymd_opt(2019, 3, 19).unwrap();
    event.title = "Journée de la civic tech 2019".into();
    project.update_event(event).unwrap();
    let saved = project.day().unwrap().event;
    assert_eq!(saved.title, "Journée de la civic tech 2019");
    assert_eq!(saved.end_date.to_string(), "2019-03-19");
}

#[test]
fn the_demo_is_deterministic_and_realistic() {
    let dir = temp();
    let a = journee::demo::write(&dir.path().join("a.journee"), false).unwrap();
    let b = journee::demo::write(&dir.path().join("b.journee"), false).unwrap();
    let (ia, ib) = (a.info().unwrap(), b.info().unwrap());
    assert_eq!(ia.counts, ib.counts);
    assert_eq!(ia.counts.submissions, 120);
    assert_eq!(a.people(true).unwrap().len(), 250, "registrations");
    let reviewed = a
        .submissions(None)
        .unwrap()
        .iter()
        .filter(|s| !s.reviews.is_empty())
        .count();
    assert!(reviewed > 30, "organisers have started reviewing");
    assert!(
        ia.counts.sessions > ia.counts.placements,
        "some sessions wait in the tray"
    );
    assert_eq!(a.day().unwrap().placements, b.day().unwrap().placements);
    let english = a
        .day()
        .unwrap()
        .placements
        .iter()
        .filter(|p| p.language == "en")
        .count();
    assert!(english >= 1);
}

/// The schema's CHECK constraints accept every code of the core's vocabulary and nothing
/// else: a value added to an enum without its migration fails here, not in an organiser's
/// project.
#[test]
fn the_schema_accepts_every_code_of_the_vocabulary_and_nothing_else() {
    use journee::model::{ActorType, Format, SessionKind, Status};
    use strum::VariantArray;
    let dir = temp();
    let file = dir.path().join("demo.journee");
    drop(journee::demo::write(&file, false).unwrap());
    let conn = Connection::open(&file).unwrap();
    fn codes<T: VariantArray + Copy + Into<&'static str>>() -> Vec<&'static str> {
        T::VARIANTS.iter().map(|v| (*v).into()).collect()
    }
    let columns = [
        ("sessions", "kind", codes::<SessionKind>()),
        ("rooms", "kind", codes::<RoomKind>()),
        ("slots", "kind", codes::<SlotKind>()),
        ("submissions", "status", codes::<Status>()),
        ("submissions", "format", codes::<Format>()),
        ("people", "actor_type", codes::<ActorType>()),
    ];
    for (table, column, codes) in columns {
        let set =
            format!("UPDATE {table} SET {column} = ?1 WHERE id = (SELECT min(id) FROM {table})");
        for code in codes {
            let changed = conn.execute(&set, [code]);
            assert_eq!(changed.ok(), Some(1), "{table}.{column} refuses « {code} »");
        }
        assert!(
            conn.execute(&set, ["pas_un_code"]).is_err(),
            "{table}.{column} accepts a value no code has"
        );
    }
}
