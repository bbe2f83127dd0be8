//! The `journee` binary on real files: exit statuses, French messages, stable JSON.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod support;

use support::{fixture, journee, json, s as arg};

#[test]
fn new_then_info_json_describes_the_2019_day() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cese.journee");
    let out = journee(&["new", arg(&file)]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Projet créé"));

    let info = json(&journee(&["info", arg(&file), "--json"]));
    assert_eq!(info["format"], 1);
    assert_eq!(info["schema_version"], journee::SCHEMA_VERSION);
    assert_eq!(
        info["event"]["title"],
        "Journée de la civic tech et de l’engagement citoyen"
    );
    assert_eq!(info["event"]["start_date"], "2019-03-18");
    let rooms = info["rooms"].as_array().unwrap();
    assert_eq!(rooms.len(), 6);
    assert_eq!(rooms[0]["name"], "Hémicycle");
    assert_eq!(rooms[0]["capacity"], 200);
    assert_eq!(rooms[0]["kind"], "pleniere");
    let atelier_capacities: Vec<i64> = rooms
        .iter()
        .filter(|r| r["kind"] == "atelier")
        .map(|r| r["capacity"].as_i64().unwrap())
        .collect();
    assert_eq!(atelier_capacities, [20, 20, 20]);
    let slots = info["slots"].as_array().unwrap();
    assert_eq!(slots[1]["start"], "10:00");
    assert_eq!(slots[1]["end"], "11:30");
    assert_eq!(slots[3]["kind"], "dejeuner");
    assert_eq!(slots[7]["kind"], "soiree");
    assert_eq!(slots[7]["end"], Value::Null);
    assert_eq!(slots[7]["date"], "2019-03-18");
    assert_eq!(info["counts"]["rooms"], 6);
    assert_eq!(info["counts"]["slots"], 8);
    assert_eq!(info["counts"]["submissions"], 0);
}

#[test]
fn info_text_is_french_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.journee");
    assert!(journee(&["new", arg(&file)]).status.success());
    let out = journee(&["info", arg(&file)]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Salles (6)\u{a0}:"), "{text}");
    assert!(text.contains("Hémicycle"));
    assert!(text.contains("10:00–11:30"));
}

#[test]
fn demo_writes_a_populated_project() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.journee");
    assert!(journee(&["demo", arg(&file)]).status.success());
    let info = json(&journee(&["info", arg(&file), "--json"]));
    for key in ["submissions", "people", "sessions", "placements"] {
        assert!(info["counts"][key].as_i64().unwrap() > 0, "{key}");
    }
    // Twice the same bytes of content: deterministic.
    let again = dir.path().join("demo2.journee");
    assert!(journee(&["demo", arg(&again)]).status.success());
    let info2 = json(&journee(&["info", arg(&again), "--json"]));
    assert_eq!(info["counts"], info2["counts"]);
    assert_eq!(info["rooms"], info2["rooms"]);
    // Refuses to overwrite without --force.
    let out = journee(&["demo", arg(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("existe déjà"));
    assert!(journee(&["demo", arg(&file), "--force"]).status.success());
}

#[test]
fn empty_template() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("vide.journee");
    assert!(journee(&["new", arg(&file), "--template", "empty"])
        .status
        .success());
    let info = json(&journee(&["info", arg(&file), "--json"]));
    assert_eq!(info["rooms"].as_array().unwrap().len(), 0);
    assert_eq!(info["slots"].as_array().unwrap().len(), 0);
}

#[test]
fn user_errors_exit_1_with_a_french_message_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("inscrits.csv");
    std::fs::write(&text, "Nom;Prénom\nDupont;Anne\n").unwrap();

    let out = journee(&["info", arg(&text)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("n’est pas un projet Journée"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "Nom;Prénom\nDupont;Anne\n"
    );

    let out = journee(&["info", arg(&dir.path().join("absent.journee"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("n’existe pas"));

    let out = journee(&[
        "new",
        arg(&dir.path().join("x.journee")),
        "--template",
        "2020",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Modèle inconnu"));
    assert!(!dir.path().join("x.journee").exists());

    let out = journee(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(journee(&["--help"]).status.success());
}

#[test]
fn import_then_list_submissions_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.journee");
    assert!(journee(&["new", arg(&file)]).status.success());
    let sheet = fixture("webform-libreoffice.ods");

    let dry = json(&journee(&[
        "import",
        arg(&file),
        arg(&sheet),
        "--dry-run",
        "--json",
    ]));
    assert_eq!(dry["new"], 7);
    assert_eq!(
        json(&journee(&["info", arg(&file), "--json"]))["counts"]["submissions"],
        0
    );

    let report = json(&journee(&["import", arg(&file), arg(&sheet), "--json"]));
    for key in [
        "rows",
        "new",
        "updated",
        "unchanged",
        "duplicates",
        "problems",
    ] {
        assert!(report.get(key).is_some(), "{key} missing from {report}");
    }
    assert_eq!(report["rows"], 8);
    let problem = &report["problems"][0];
    assert_eq!(problem["row"], 9);
    assert_eq!(problem["column"], "Courriel");
    assert_eq!(problem["severity"], "warning");
    assert!(problem["message"]
        .as_str()
        .unwrap()
        .contains("courriel invalide"));

    let list = json(&journee(&["submissions", arg(&file), "--json"]));
    let first = &list[0];
    for key in [
        "id",
        "external_id",
        "title",
        "format",
        "axes",
        "actor_type",
        "language",
        "status",
        "organisation",
        "summary",
        "contributors",
        "flags",
    ] {
        assert!(first.get(key).is_some(), "{key} missing");
    }
    assert_eq!(first["external_id"], "101");
    assert_eq!(first["axes"], serde_json::json!([1]));
    assert_eq!(first["status"], "nouvelle");
    assert_eq!(
        first["contributors"][0]["email"],
        "elodie.durand@example.org"
    );

    let id = first["id"].as_i64().unwrap().to_string();
    assert!(journee(&["status", arg(&file), &id, "retenue"])
        .status
        .success());
    let retained = json(&journee(&[
        "submissions",
        arg(&file),
        "--status",
        "retenue",
        "--json",
    ]));
    assert_eq!(retained.as_array().unwrap().len(), 1);
    let out = journee(&["status", arg(&file), &id, "peut-être"]);
    assert_eq!(out.status.code(), Some(1));
    // The codes the message lists come from the model's variants, not from the CLI.
    assert!(String::from_utf8_lossy(&out.stderr).contains(
        "valeur «\u{a0}peut-être\u{a0}» impossible pour <STATUS> \
         (possibles\u{a0}: nouvelle, retenue, liste_attente, refusee)"
    ));

    let registrations = fixture("inscriptions-cp1252.csv");
    let out = journee(&[
        "import",
        arg(&file),
        arg(&registrations),
        "--kind",
        "registrations",
        "--json",
    ]);
    assert_eq!(json(&out)["new"], 3);
    let people = json(&journee(&["people", arg(&file), "--json"]));
    assert_eq!(people.as_array().unwrap().len(), 3);
}

#[test]
fn an_unreadable_spreadsheet_exits_1_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.journee");
    assert!(journee(&["new", arg(&file)]).status.success());
    let out = journee(&["import", arg(&file), arg(&fixture("password.xlsx"))]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mot de passe") && stderr.contains("Rien n’a été importé"),
        "{stderr}"
    );
    let info = json(&journee(&["info", arg(&file), "--json"]));
    assert_eq!(info["counts"]["imports"], 0);
}

#[test]
fn sessions_placement_warnings_undo_and_versions_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.journee");
    assert!(journee(&["new", arg(&file)]).status.success());
    assert!(
        journee(&["import", arg(&file), arg(&fixture("webform-utf8.csv"))])
            .status
            .success()
    );
    let list = json(&journee(&["submissions", arg(&file), "--json"]));
    let first = list[0]["id"].to_string();

    let created = json(&journee(&[
        "session",
        "add",
        arg(&file),
        "--title",
        "Table ronde des collectivités",
        "--type",
        "table_ronde",
        "--contribution",
        &first,
        "--audience",
        "150",
        "--json",
    ]));
    let id = created["id"].to_string();
    assert_eq!(created["contributions"][0]["minutes"], 15);
    assert_eq!(created["placement"], Value::Null);

    let out = journee(&[
        "place",
        arg(&file),
        &id,
        "--room",
        "Atelier 1",
        "--slot",
        "10:00",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let warnings = json(&journee(&["check", arg(&file), "--json"]));
    let capacity = warnings
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "capacity")
        .expect("a capacity warning");
    for key in ["code", "severity", "message", "sessions", "room", "slot"] {
        assert!(capacity.get(key).is_some(), "{key}");
    }
    assert_eq!(capacity["severity"], "error");
    assert_eq!(capacity["sessions"][0].to_string(), id);
    assert!(warnings
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "room_kind"));

    assert!(journee(&["version", "save", arg(&file), "avant"])
        .status
        .success());
    assert!(journee(&[
        "place",
        arg(&file),
        &id,
        "--room",
        "Hémicycle",
        "--slot",
        "10:00"
    ])
    .status
    .success());
    let diff = json(&journee(&[
        "version",
        "diff",
        arg(&file),
        "avant",
        "--json",
    ]));
    assert_eq!(diff[0]["kind"], "moved");
    assert_eq!(diff[0]["after"], "Hémicycle, 10:00–11:30");
    let warnings = json(&journee(&["check", arg(&file), "--json"]));
    assert!(!warnings
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "capacity"));

    assert!(journee(&["undo", arg(&file)]).status.success());
    let sessions = json(&journee(&["session", "list", arg(&file), "--json"]));
    assert_eq!(sessions[0]["placement"]["room_id"], capacity["room"]);
    assert!(journee(&["redo", arg(&file)]).status.success());
    let out = journee(&["redo", arg(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Rien à rétablir"));
    let out = journee(&[
        "place",
        arg(&file),
        &id,
        "--room",
        "Buvette",
        "--slot",
        "10:00",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Aucune salle"));
}

#[test]
fn an_import_refused_for_want_of_a_title_then_mapped_then_undone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.journee");
    assert!(journee(&["new", arg(&file)]).status.success());
    // A list whose title column is headed in words no form uses.
    let sheet = dir.path().join("liste.csv");
    std::fs::write(
        &sheet,
        "Courriel,Nom,Ce que je propose\n\
         a@example.org,Durand,Budget participatif à Villebrune\n\
         b@example.org,Benali,Un appel à financer la civic tech\n\
         c@example.org,Nguyen,Qui participe vraiment\n",
    )
    .unwrap();
    let refused = journee(&["import", arg(&file), arg(&sheet), "--kind", "submissions"]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("Le titre n'a été trouvé sûrement dans aucune colonne")
            && message.contains("3 «\u{a0}Ce que je propose\u{a0}» → écartée")
            && message.contains("--map"),
        "{message}"
    );
    assert_eq!(
        json(&journee(&["info", arg(&file), "--json"]))["counts"]["imports"],
        0
    );
    // The organiser says which column it is: by its header, or by its number.
    for map in ["Ce que je propose=titre", "3=title"] {
        let report = json(&journee(&[
            "import",
            arg(&file),
            arg(&sheet),
            "--kind",
            "submissions",
            "--map",
            map,
            "--json",
            "--dry-run",
        ]));
        assert_eq!(report["columns"][2]["field"], "title", "{map}");
        assert_eq!(report["columns"][2]["confidence"], 1.0);
        assert_eq!(report["kind"], "submissions");
    }
    let report = json(&journee(&[
        "import",
        arg(&file),
        arg(&sheet),
        "--map",
        "C=titre",
        "--kind",
        "submissions",
        "--json",
    ]));
    assert_eq!(report["new"], 3);
    // Next time, the same headers map themselves (the mapping was confirmed).
    let again = json(&journee(&[
        "import",
        arg(&file),
        arg(&sheet),
        "--json",
        "--dry-run",
    ]));
    assert_eq!(again["columns"][2]["field"], "title");
    // Undo takes the import back whole.
    let undo = journee(&["undo", arg(&file)]);
    assert!(undo.status.success());
    assert!(String::from_utf8_lossy(&undo.stdout).contains("Import de «\u{a0}liste.csv\u{a0}»"));
    let info = json(&journee(&["info", arg(&file), "--json"]));
    assert_eq!(info["counts"]["submissions"], 0);
    assert_eq!(info["counts"]["people"], 0);
    assert_eq!(info["counts"]["imports"], 0);
    // An unknown field or column is refused in French.
    let bad = journee(&["import", arg(&file), arg(&sheet), "--map", "3=couleur"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("champ inconnu «\u{a0}couleur\u{a0}»"));
}

#[test]
fn a_confirmed_mapping_maps_next_years_file_in_another_project_and_is_shared() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("donnees");
    let run = |args: &[&str], data: &Path| {
        Command::new(env!("CARGO_BIN_EXE_journee"))
            .args(args)
            .env("JOURNEE_DATA_DIR", data)
            .output()
            .unwrap()
    };
    let sheet = dir.path().join("liste.csv");
    std::fs::write(
        &sheet,
        "Courriel,Nom,Ce que je propose\n\
         a@example.org,Durand,Budget participatif à Villebrune\n\
         b@example.org,Benali,Un appel à financer la civic tech\n",
    )
    .unwrap();
    let first = dir.path().join("2019.journee");
    let second = dir.path().join("2020.journee");
    for file in [&first, &second] {
        assert!(journee(&["new", arg(file)]).status.success());
    }
    let imported = run(
        &[
            "import",
            arg(&first),
            arg(&sheet),
            "--kind",
            "submissions",
            "--map",
            "3=titre",
        ],
        &data,
    );
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    // Another project, the same form: mapped from the user's data folder, no question.
    let next = run(
        &[
            "import",
            arg(&second),
            arg(&sheet),
            "--kind",
            "submissions",
            "--json",
        ],
        &data,
    );
    assert!(
        next.status.success(),
        "{}",
        String::from_utf8_lossy(&next.stderr)
    );
    let report: Value = serde_json::from_slice(&next.stdout).unwrap();
    assert_eq!(report["columns"][2]["field"], "title");
    // Shared with a co-organiser, whose own data folder knew nothing of it.
    let shared = dir.path().join("partage.json");
    assert!(run(&["mappings", "export", arg(&shared)], &data)
        .status
        .success());
    let theirs = dir.path().join("leurs-donnees");
    let third = dir.path().join("chez-elle.journee");
    assert!(journee(&["new", arg(&third)]).status.success());
    let refused = run(
        &["import", arg(&third), arg(&sheet), "--kind", "submissions"],
        &theirs,
    );
    assert_eq!(refused.status.code(), Some(1));
    let taken = run(&["mappings", "import", arg(&shared)], &theirs);
    assert!(String::from_utf8_lossy(&taken.stdout).contains("1 correspondance(s) ajoutées"));
    let mapped = run(
        &["import", arg(&third), arg(&sheet), "--kind", "submissions"],
        &theirs,
    );
    assert!(
        mapped.status.success(),
        "{}",
        String::from_utf8_lossy(&mapped.stderr)
    );
    // A file that is not a book of mappings is refused in French.
    let bad = run(&["mappings", "import", arg(&sheet)], &theirs);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("n'est pas un fichier de correspondances")
    );
}

#[test]
fn session_edit_adds_and_removes_contributions_in_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.journee");
    assert!(journee(&["demo", arg(&file)]).status.success());
    let contributions = |session: i64| -> Vec<i64> {
        let list = json(&journee(&["session", "list", arg(&file), "--json"]));
        list.as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == session)
            .unwrap()["contributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["submission_id"].as_i64().unwrap())
            .collect()
    };
    let before = contributions(1);
    assert!(!before.is_empty());
    let removed = before[0];
    let out = journee(&[
        "session",
        "edit",
        arg(&file),
        "1",
        "--remove-contribution",
        &removed.to_string(),
        "--add-contribution",
        "100",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut expected: Vec<i64> = before[1..].to_vec();
    expected.push(100);
    assert_eq!(contributions(1), expected);

    // A contribution that is not there: refused, nothing changed.
    let out = journee(&[
        "session",
        "edit",
        arg(&file),
        "1",
        "--add-contribution",
        "101",
        "--remove-contribution",
        &removed.to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("n’est pas dans cette session"));
    assert_eq!(contributions(1), expected);

    // One step: one undo puts both back.
    assert!(journee(&["undo", arg(&file)]).status.success());
    assert_eq!(contributions(1), before);

    // Refusing a contribution of a placed session is an error of the programme.
    assert!(
        journee(&["status", arg(&file), &removed.to_string(), "refusee"])
            .status
            .success()
    );
    let warnings = json(&journee(&["check", arg(&file), "--json"]));
    let found: Vec<&Value> = warnings
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "contribution_not_retained")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], "error");
    assert_eq!(found[0]["sessions"], serde_json::json!([1]));
}

#[test]
fn the_version_is_the_packages() {
    let out = journee(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("journee {}", env!("CARGO_PKG_VERSION"))
    );
}
