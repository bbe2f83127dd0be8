//! Importing real spreadsheets: fixtures written by Python's csv module, LibreOffice and
//! msoffcrypto-tool (tests/fixtures/make), imported into real project files.

mod support;

use journee::common::Severity;
use journee::import::{ImportOptions, ListKind, Target};
use journee::model::{ActorType, Status};
use journee::{Error, Project, Template};
use support::{fixture, new_project as project};

fn submissions() -> ImportOptions {
    ImportOptions::default()
}

#[test]
fn a_webform_export_imports_the_same_from_every_kind_of_file() {
    let mut results = Vec::new();
    for name in [
        "webform-utf8.csv",
        "webform-cp1252.csv",
        "webform-export.xls",
        "webform-libreoffice.xlsx",
        "webform-libreoffice.ods",
        "webform-libreoffice.xls",
        "webform-drupal.xlsx",
    ] {
        let (_dir, mut project) = project();
        let report = project.import(&fixture(name), &submissions()).unwrap();
        assert_eq!(
            report.header_row, 3,
            "{name}: header found under the title rows"
        );
        assert_eq!(
            (report.rows, report.new, report.duplicates, report.blank),
            (8, 7, 1, 1),
            "{name}"
        );
        let list = project.submissions(None).unwrap();
        let summary: Vec<String> = list
            .iter()
            .map(|s| {
                format!(
                    "{:?} {} {:?} {} {} {}",
                    s.external_id,
                    s.format,
                    s.axes,
                    s.actor_type,
                    s.language,
                    s.contributors[0].last_name
                )
            })
            .collect();
        results.push((name, summary, list));
    }
    let (_, reference, list) = &results[0];
    for (name, summary, _) in &results[1..] {
        assert_eq!(summary, reference, "{name} differs from the UTF-8 CSV");
    }
    let by_sid = |sid: &str| {
        list.iter()
            .find(|s| s.external_id.as_deref() == Some(sid))
            .unwrap()
    };
    // The SID, not the serial number, is the identity.
    assert_eq!(list[0].external_id.as_deref(), Some("101"));
    let first = by_sid("101");
    assert_eq!(first.title, "Trois ans de budget participatif");
    assert_eq!(
        first.summary,
        "Ce que les chiffres disent,\nsur trois éditions."
    );
    assert_eq!(
        (first.format.as_str(), first.actor_type.as_str()),
        ("retour_experience", "public")
    );
    assert_eq!(first.submitted_at.as_deref(), Some("2019-01-03T09:15:00"));
    assert_eq!(first.contributors[0].first_name, "Élodie");
    assert_eq!(first.organisation, "Ville de Villebrune");
    assert_eq!(by_sid("103").axes, vec![1, 2]);
    assert_eq!(by_sid("103").actor_type, "recherche");
    assert_eq!(by_sid("104").language, "en");
    assert_eq!(by_sid("105").format, "centrifugeuse");
    assert_eq!(by_sid("105").contributors[0].last_name, "Œuvray");
    // The same person sending the same content twice: grouped with the first sending.
    assert_eq!(by_sid("108").duplicate_of, Some(by_sid("102").id));
}

#[test]
fn untrusted_text_is_kept_verbatim() {
    let (_dir, mut project) = project();
    project
        .import(&fixture("webform-utf8.csv"), &submissions())
        .unwrap();
    let list = project.submissions(None).unwrap();
    let find = |sid: &str| {
        list.iter()
            .find(|s| s.external_id.as_deref() == Some(sid))
            .unwrap()
    };
    assert_eq!(
        find("102").title,
        "=HYPERLINK(\"http://example.com\",\"Cliquez\")"
    );
    assert_eq!(
        find("103").summary,
        "<img src=x onerror=\"document.title='pwned'\">"
    );
    let people = project.people(false).unwrap();
    let karim = people.iter().find(|p| p.last_name == "Benali").unwrap();
    assert_eq!(karim.phone, "+33 6 12 34 56 78");
}

#[test]
fn problems_name_the_row_and_the_column_and_the_rows_are_kept() {
    let (_dir, mut project) = project();
    let report = project
        .import(&fixture("webform-cp1252.csv"), &submissions())
        .unwrap();
    let find = |row: usize, column: &str| {
        report
            .problems
            .iter()
            .find(|p| p.row == row && p.column == column)
            .unwrap_or_else(|| {
                panic!(
                    "no problem at row {row}, column {column}: {:?}",
                    report.problems
                )
            })
    };
    assert!(find(9, "Courriel").message.contains("pas-un-courriel"));
    assert_eq!(find(10, "Courriel").message, "courriel manquant");
    assert!(find(10, "Format de contribution")
        .message
        .contains("Conférence gesticulée"));
    assert!(find(11, "Type de structure").message.contains("à vérifier"));
    let title = find(11, "Titre de la contribution");
    assert_eq!(
        (title.severity, title.message.as_str()),
        (Severity::Error, "titre vide")
    );
    // Flagged rows are in the project with their problems.
    let list = project.submissions(None).unwrap();
    let untitled = list
        .iter()
        .find(|s| s.external_id.as_deref() == Some("107"))
        .unwrap();
    assert_eq!(untitled.flags.as_array().unwrap().len(), 2);
    assert_eq!(untitled.actor_type, "autre");
}

#[test]
fn a_later_download_updates_adds_reports_absent_and_keeps_the_organisers_work() {
    // Both downloads re-saved by LibreOffice, as an organiser would.
    let (_dir, mut project) = project();
    project
        .import(&fixture("webform-libreoffice.xlsx"), &submissions())
        .unwrap();
    let list = project.submissions(None).unwrap();
    let id = |sid: &str| {
        list.iter()
            .find(|s| s.external_id.as_deref() == Some(sid))
            .unwrap()
            .id
    };
    project.set_status(id("103"), Status::Retenue).unwrap();
    project.set_status(id("101"), Status::Refusee).unwrap();
    project
        .correct_submission(id("101"), "title", "Budget participatif : trois ans")
        .unwrap();

    let report = project
        .import(&fixture("webform-v2.xlsx"), &submissions())
        .unwrap();
    assert_eq!(
        (report.new, report.updated, report.duplicates),
        (1, 1, 0),
        "{report:#?}"
    );
    assert_eq!(report.unchanged, 6);
    assert_eq!(report.absent.len(), 1);
    assert_eq!(report.absent[0].external_id.as_deref(), Some("105"));
    let change = report.changes.iter().find(|c| c.id == id("103")).unwrap();
    assert_eq!(change.fields, ["title"]);

    let after = project.submissions(None).unwrap();
    let get = |sid: &str| {
        after
            .iter()
            .find(|s| s.external_id.as_deref() == Some(sid))
            .unwrap()
    };
    assert_eq!(
        get("103").title,
        "Qui participe vraiment ? (version révisée)"
    );
    assert_eq!(
        get("103").status,
        Status::Retenue,
        "status survives the update"
    );
    assert_eq!(
        get("101").title,
        "Budget participatif : trois ans",
        "manual correction wins"
    );
    assert_eq!(get("101").status, Status::Refusee);
    assert!(
        after
            .iter()
            .any(|s| s.external_id.as_deref() == Some("105")),
        "never deleted"
    );
    assert_eq!(get("109").actor_type, "public");
    assert_eq!(after.len(), 9);

    // The same file again: nothing new, nothing updated.
    let again = project
        .import(&fixture("webform-v2.xlsx"), &submissions())
        .unwrap();
    assert_eq!((again.new, again.updated, again.unchanged), (0, 0, 8));
}

#[test]
fn a_file_that_cannot_be_read_changes_nothing_and_says_why_in_french() {
    let (dir, mut project) = project();
    project
        .import(&fixture("webform-utf8.csv"), &submissions())
        .unwrap();
    let before = project.info().unwrap().counts;
    for (name, words) in [
        ("empty.csv", "vide"),
        ("picture.xlsx", "pas un tableur reconnu"),
        ("truncated.xlsx", "endommagé"),
        ("password.xlsx", "mot de passe"),
        ("no-header.xlsx", "aucune ligne d’en-têtes"),
    ] {
        let err = project
            .import(&fixture(name), &submissions())
            .expect_err(name);
        assert!(matches!(err, Error::Import(_)), "{name}: {err:?}");
        assert!(err.is_user_error());
        let message = err.to_string();
        assert!(
            message.contains(name) && message.contains(words),
            "{name}: {message}"
        );
        assert!(message.contains("Rien n’a été importé"), "{message}");
    }
    assert_eq!(project.info().unwrap().counts, before);
    let missing = project
        .import(&dir.path().join("absent.csv"), &submissions())
        .err()
        .unwrap();
    assert!(missing.to_string().contains("n’existe pas"));
}

#[test]
fn a_dry_run_reports_without_changing_anything() {
    let (_dir, mut project) = project();
    let options = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let report = project
        .import(&fixture("webform-export.xls"), &options)
        .unwrap();
    assert_eq!(report.new, 7);
    let counts = project.info().unwrap().counts;
    assert_eq!(
        (counts.submissions, counts.people, counts.imports),
        (0, 0, 0)
    );
}

#[test]
fn an_import_reports_progress_and_a_cancelled_one_imports_nothing() {
    let (_dir, mut project) = project();
    let mut seen = Vec::new();
    project
        .import_with_progress(
            &fixture("webform-utf8.csv"),
            &submissions(),
            &mut |done, total| {
                seen.push((done, total));
                true
            },
        )
        .unwrap();
    assert_eq!(seen.first(), Some(&(0, 8)));
    assert_eq!(seen.last(), Some(&(8, 8)));
    let (_dir2, mut other) = self::project();
    let err = other
        .import_with_progress(
            &fixture("webform-utf8.csv"),
            &submissions(),
            &mut |done, _| done == 0,
        )
        .expect_err("cancelled");
    assert!(matches!(err, Error::Cancelled));
    let counts = other.info().unwrap().counts;
    assert_eq!(
        (counts.submissions, counts.people, counts.imports),
        (0, 0, 0)
    );
}

#[test]
fn registrations_import_through_the_same_machinery() {
    let (_dir, mut project) = project();
    let options = ImportOptions {
        kind: Some(ListKind::Registrations),
        ..ImportOptions::default()
    };
    let report = project
        .import(&fixture("inscriptions-cp1252.csv"), &options)
        .unwrap();
    assert_eq!((report.rows, report.new, report.duplicates), (4, 3, 1));
    let people = project.people(true).unwrap();
    assert_eq!(people.len(), 3);
    let benoit = people.iter().find(|p| p.first_name == "Benoît").unwrap();
    assert_eq!(benoit.accessibility, "Fauteuil roulant");
    assert_eq!(benoit.wishes, "Atelier");
    assert_eq!(benoit.actor_type, ActorType::Association);
    let francoise = people.iter().find(|p| p.last_name == "de La Tour").unwrap();
    assert_eq!(francoise.actor_type, ActorType::Public);
    let again = project
        .import(&fixture("inscriptions-cp1252.csv"), &options)
        .unwrap();
    assert_eq!((again.new, again.unchanged), (0, 3));
}

#[test]
fn the_organisers_mappings_are_saved_and_reused() {
    let (_dir, mut project) = project();
    let path = fixture("webform-utf8.csv");
    let preview = project.preview_import(&path, &submissions()).unwrap();
    assert_eq!(preview.header_row, 3);
    assert_eq!(preview.rows.len(), 8);
    let country = preview
        .columns
        .iter()
        .position(|c| c.label == "Pays")
        .unwrap();
    let axis2 = &preview.columns[country + 2];
    assert!(matches!(&axis2.target, Target::Option { value, .. } if value.starts_with("Axe 1")));
    // The organiser says: the "Pays" column is not to be imported.
    let mut targets: Vec<Target> = preview.columns.iter().map(|c| c.target.clone()).collect();
    targets[country] = Target::Nothing;
    let options = ImportOptions {
        targets: Some(targets),
        ..ImportOptions::default()
    };
    project.import(&path, &options).unwrap();
    let next = project.preview_import(&path, &submissions()).unwrap();
    assert_eq!(next.columns[country].target, Target::Nothing);
    assert_eq!(next.columns[country].confidence, 1.0);

    // And a value reading corrected once applies to the next imports.
    project
        .set_value_mapping("actor_type", "Fan-club", "association")
        .unwrap();
    project.import(&path, &submissions()).unwrap();
    let list = project.submissions(None).unwrap();
    let fan = list
        .iter()
        .find(|s| s.external_id.as_deref() == Some("107"))
        .unwrap();
    assert_eq!(fan.actor_type, "association");
}

#[test]
fn a_hundred_thousand_rows_import_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grand.csv");
    let mut writer = csv::Writer::from_path(&path).unwrap();
    writer
        .write_record([
            "SID",
            "Prénom",
            "Nom",
            "Courriel",
            "Structure",
            "Format",
            "Titre",
        ])
        .unwrap();
    for i in 0..100_000 {
        writer
            .write_record([
                i.to_string(),
                format!("Prénom{i}"),
                format!("Nom{i}"),
                format!("p{i}@example.org"),
                "Ville de Villebrune".to_string(),
                "Pitch".to_string(),
                format!("Proposition n° {i}"),
            ])
            .unwrap();
    }
    writer.flush().unwrap();
    let (_pdir, mut project) = project();
    let report = project.import(&path, &submissions()).unwrap();
    assert_eq!((report.rows, report.new), (100_000, 100_000));
    assert_eq!(project.info().unwrap().counts.submissions, 100_000);
}

/// What an import of `name` into a new project gives: its report's counts and problems,
/// and every submission as stored (everything but what the file's kind may write
/// differently: the verbatim row and the instant, text in a CSV, a date in a workbook).
fn imported(name: &str) -> (String, Vec<serde_json::Value>) {
    let (_dir, mut project) = project();
    let report = project.import(&fixture(name), &submissions()).unwrap();
    let problems: Vec<String> = report
        .problems
        .iter()
        .map(|p| format!("{} {} {}", p.row, p.column, p.message))
        .collect();
    let counts = format!(
        "rows {} new {} duplicates {} blank {} header {} problems {problems:?}",
        report.rows, report.new, report.duplicates, report.blank, report.header_row
    );
    let list = project
        .submissions(None)
        .unwrap()
        .into_iter()
        .map(|s| {
            let mut value = serde_json::to_value(&s).unwrap();
            let object = value.as_object_mut().unwrap();
            object.remove("submitted_at");
            object.remove("raw");
            value
        })
        .collect();
    (counts, list)
}

#[test]
fn a_large_workbook_read_while_it_is_imported_gives_what_the_whole_file_gives() {
    // More rows than the layout is found from: the xlsx is parsed on its own thread while
    // its first rows are already being written. The CSV is read whole.
    let (counts, list) = imported("many-utf8.csv");
    assert!(
        counts.starts_with("rows 3000 new 3000 duplicates 0 blank 1 header 3"),
        "{counts}"
    );
    assert!(counts.contains("2505 Courriel"), "{counts}");
    assert!(
        counts.contains("2605 Titre de la contribution titre vide"),
        "{counts}"
    );
    assert_eq!(list.len(), 3000);
    for name in [
        "many-libreoffice.xlsx",
        "many-unordered.xlsx",
        "many-openpyxl.xlsx",
    ] {
        let (other_counts, other_list) = imported(name);
        assert_eq!(other_counts, counts, "{name}");
        assert_eq!(other_list.len(), list.len(), "{name}");
        for (a, b) in other_list.iter().zip(&list) {
            assert_eq!(a, b, "{name}");
        }
    }
    // A single row of headers: the import begins from the top rows alone.
    let (counts, list) = imported("many-plain-utf8.csv");
    assert!(
        counts.starts_with("rows 3000 new 3000 duplicates 0 blank 1 header 1"),
        "{counts}"
    );
    assert_eq!(imported("many-plain-openpyxl.xlsx"), (counts, list));
}

#[test]
fn a_workbook_that_breaks_off_after_many_rows_imports_nothing() {
    // The sheet ends mid-way: about 2,000 rows are already written when the reading
    // fails. The whole import goes, and says why.
    let (_dir, mut project) = project();
    project
        .import(&fixture("webform-utf8.csv"), &submissions())
        .unwrap();
    let before = project.info().unwrap().counts;
    let mut furthest = 0;
    let err = project
        .import_with_progress(&fixture("many-cut.xlsx"), &submissions(), &mut |done, _| {
            furthest = furthest.max(done);
            true
        })
        .expect_err("a cut sheet");
    assert!(furthest >= 1000, "the import had begun: {furthest}");
    let message = err.to_string();
    assert!(
        message.contains("many-cut.xlsx") && message.contains("endommagé"),
        "{message}"
    );
    assert!(message.contains("Rien n’a été importé"), "{message}");
    assert_eq!(project.info().unwrap().counts, before);

    // Progress while a large workbook is read: out of the rows its sheet says it has, or,
    // when it does not say (openpyxl's streaming writer), rows so far out of 0 until the end.
    for (name, says) in [
        ("many-libreoffice.xlsx", true),
        ("many-openpyxl.xlsx", false),
    ] {
        let (_dir, mut fresh) = self::project();
        let mut seen = Vec::new();
        fresh
            .import_with_progress(&fixture(name), &submissions(), &mut |done, total| {
                seen.push((done, total));
                true
            })
            .unwrap();
        assert_eq!(seen.last(), Some(&(3000, 3000)), "{name}");
        let during = &seen[1..seen.len() - 1];
        assert!(during.len() >= 10, "{name}: {seen:?}");
        if says {
            assert!(
                during.iter().all(|&(d, t)| d < t && t >= 3000),
                "{name}: {during:?}"
            );
        } else {
            assert!(during.iter().all(|&(_, t)| t == 0), "{name}: {during:?}");
        }
        assert!(
            during.windows(2).all(|w| w[0].0 < w[1].0),
            "{name}: {during:?}"
        );
    }

    // Cancelled half-way through a large workbook: nothing either.
    let err = project
        .import_with_progress(
            &fixture("many-libreoffice.xlsx"),
            &submissions(),
            &mut |done, _| done < 1500,
        )
        .expect_err("cancelled");
    assert!(matches!(err, Error::Cancelled));
    assert_eq!(project.info().unwrap().counts, before);
}

/// A Framaforms export of the corpus (tests/corpus), changed as a person's editor would.
fn corpus_csv_with(change: impl Fn(&str) -> Vec<u8>) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = std::fs::read_to_string(support::corpus_dir().join("framaforms-2019.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    std::fs::write(&path, change(&text)).unwrap();
    (dir, path)
}

#[test]
fn a_stray_quote_is_refused_at_its_line_and_imports_nothing() {
    let (_files, path) = corpus_csv_with(|text| {
        // The sixth answer's title opens a quote it never closes.
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let header: Vec<&str> = lines[2].split(',').collect();
        let title = header.iter().position(|h| h.starts_with("Titre")).unwrap();
        let fields: Vec<&str> = lines[8].split(',').collect();
        let mut changed: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        changed[title] = format!("\"{}", changed[title]);
        lines[8] = changed.join(",");
        lines.join("\n").into_bytes()
    });
    let (_dir, mut project) = project();
    let err = project.import(&path, &submissions()).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("guillemet ouvert à la ligne 9"),
        "{message}"
    );
    assert!(message.contains("Rien n’a été importé"), "{message}");
    assert_eq!(project.info().unwrap().counts.submissions, 0);
}

#[test]
fn one_windows_1252_byte_in_a_utf8_file_keeps_every_other_accent() {
    let (_files, path) = corpus_csv_with(|text| {
        // One answer's title pasted from a Windows-1252 file: "é" as the byte 0xE9.
        let at = text.find("Résumé").unwrap();
        let line_end = text[at..].find('\n').unwrap() + at;
        let next_line = text[line_end + 1..].find('\n').unwrap() + line_end + 1;
        let mut bytes = text.as_bytes()[..next_line].to_vec();
        let tail = &text[next_line..];
        let e = tail.find('é').expect("an é further down");
        bytes.extend_from_slice(&tail.as_bytes()[..e]);
        bytes.push(0xE9);
        bytes.extend_from_slice(&tail.as_bytes()[e + 'é'.len_utf8()..]);
        bytes
    });
    let (_dir, mut mixed) = project();
    let (_clean_dir, mut clean) = project();
    let report = mixed.import(&path, &submissions()).unwrap();
    let foreign: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.message.contains("Windows-1252"))
        .collect();
    assert_eq!(foreign.len(), 1, "{:?}", report.problems);
    clean
        .import(
            &support::corpus_dir().join("framaforms-2019.csv"),
            &submissions(),
        )
        .unwrap();
    let clean = clean.submissions(None).unwrap();
    let read = mixed.submissions(None).unwrap();
    assert_eq!(read.len(), clean.len());
    for (a, b) in read.iter().zip(&clean) {
        assert_eq!(a.title, b.title);
        assert_eq!(a.summary, b.summary);
        assert_eq!(a.contributors[0].first_name, b.contributors[0].first_name);
    }
}

#[test]
fn an_import_is_one_step_that_undo_takes_back_whole() {
    let (_dir, mut project) = project();
    // A first download, worked on; then a later one, which updates, adds and remaps.
    project
        .import(&fixture("webform-libreoffice.xlsx"), &submissions())
        .unwrap();
    let first = project.submissions(None).unwrap();
    let id = |sid: &str| {
        first
            .iter()
            .find(|s| s.external_id.as_deref() == Some(sid))
            .unwrap()
            .id
    };
    project.set_status(id("103"), Status::Retenue).unwrap();
    let before = (
        project.info().unwrap().counts,
        project.submissions(None).unwrap(),
        project.people(false).unwrap(),
    );
    let report = project
        .import(&fixture("webform-v2.xlsx"), &submissions())
        .unwrap();
    assert_eq!((report.new, report.updated), (1, 1));
    assert_eq!(
        project.history().unwrap().0.as_deref(),
        Some("Import de «\u{a0}webform-v2.xlsx\u{a0}»")
    );
    assert_eq!(
        project.undo().unwrap(),
        "Import de «\u{a0}webform-v2.xlsx\u{a0}»"
    );
    let after = (
        project.info().unwrap().counts,
        project.submissions(None).unwrap(),
        project.people(false).unwrap(),
    );
    assert_eq!(format!("{:?}", after.0), format!("{:?}", before.0));
    assert_eq!(
        format!("{:?}", after.1),
        format!("{:?}", before.1),
        "submissions as before"
    );
    assert_eq!(
        format!("{:?}", after.2),
        format!("{:?}", before.2),
        "people as before"
    );
    // Undone, it is not redone from the history: the file is imported again.
    assert!(project.redo().is_err());
    let again = project
        .import(&fixture("webform-v2.xlsx"), &submissions())
        .unwrap();
    assert_eq!((again.new, again.updated), (1, 1));
}

#[test]
fn review_work_after_an_import_is_undone_before_the_import() {
    let (_dir, mut project) = project();
    project
        .import(&fixture("webform-libreoffice.xlsx"), &submissions())
        .unwrap();
    let list = project.submissions(None).unwrap();
    project.set_status(list[0].id, Status::Retenue).unwrap();
    // Undo takes back the status first, then the import.
    assert!(project.undo().unwrap().starts_with("Statut «\u{a0}retenue"));
    assert_eq!(project.submissions(None).unwrap(), list);
    assert!(project.undo().unwrap().starts_with("Import de"));
    assert!(project.submissions(None).unwrap().is_empty());
}

#[test]
fn undoing_an_import_never_deletes_work_done_since() {
    // Seats at the tables are not steps of the history: a registrant imported and then
    // seated keeps the import from being undone.
    let dir = tempfile::tempdir().unwrap();
    let mut project = journee::demo::write(&dir.path().join("demo.journee"), false).unwrap();
    let csv = dir.path().join("inscriptions.csv");
    std::fs::write(
        &csv,
        "Prénom;Nom;Adresse électronique;Souhaits\nNadia;Ferhat;nadia@example.org;centrifugeuse\n",
    )
    .unwrap();
    let registrations = ImportOptions {
        kind: Some(journee::import::ListKind::Registrations),
        ..ImportOptions::default()
    };
    project.import(&csv, &registrations).unwrap();
    let session = project.centrifugeuse_sessions().unwrap()[0].id;
    let plan = project.seating(session).unwrap();
    let newcomer = plan
        .waiting
        .iter()
        .find(|p| p.last_name == "Ferhat")
        .unwrap()
        .person_id;
    let table = plan.tables[0].number;
    project
        .move_seat(
            session,
            newcomer,
            journee::seating::SeatTarget::Table { table },
        )
        .unwrap();
    let people = project.people(false).unwrap();
    let err = project.undo().unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("Impossible d’annuler «\u{a0}Import de")
            && message.contains("à une table")
            && message.contains("Rien n’a été modifié"),
        "{message}"
    );
    assert_eq!(project.people(false).unwrap(), people);
}

#[test]
fn a_double_sending_is_flagged_and_an_email_corrected_by_hand_survives_a_reimport() {
    let (_dir, mut project) = project();
    project
        .import(&fixture("webform-libreoffice.xlsx"), &submissions())
        .unwrap();
    let list = project.submissions(None).unwrap();
    let by_sid = |list: &[journee::review::SubmissionView], sid: &str| {
        list.iter()
            .find(|s| s.external_id.as_deref() == Some(sid))
            .unwrap()
            .clone()
    };
    // The second sending of the same content is among the flagged ("Signalées").
    let repeat = by_sid(&list, "108");
    assert!(repeat.duplicate_of.is_some());
    assert!(
        repeat.flags.to_string().contains("envoi en double"),
        "{}",
        repeat.flags
    );
    // The invalid email of 105 is corrected by hand; its flag is answered.
    let zoe = by_sid(&list, "105");
    assert!(zoe.flags.to_string().contains("courriel invalide"));
    let refused = project.correct_submission(zoe.id, "email", "encore-faux");
    assert!(refused.is_err(), "an invalid correction is refused");
    project
        .correct_submission(zoe.id, "email", "zoe.oeuvray@example.org")
        .unwrap();
    let corrected = by_sid(&project.submissions(None).unwrap(), "105");
    assert_eq!(corrected.contributors[0].email, "zoe.oeuvray@example.org");
    assert!(
        !corrected.flags.to_string().contains("courriel"),
        "{}",
        corrected.flags
    );
    assert!(corrected.corrected.contains(&"email".to_string()));
    // The same download again: the correction stays, and is not flagged again.
    let report = project
        .import(&fixture("webform-libreoffice.xlsx"), &submissions())
        .unwrap();
    assert!(
        !report
            .problems
            .iter()
            .any(|p| p.row == 9 && p.message.contains("courriel")),
        "{:?}",
        report.problems
    );
    let after = by_sid(&project.submissions(None).unwrap(), "105");
    assert_eq!(after.contributors[0].email, "zoe.oeuvray@example.org");
    assert!(
        !after.flags.to_string().contains("courriel"),
        "{}",
        after.flags
    );
}

#[test]
fn the_same_download_again_writes_nothing_and_its_undo_step_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.journee");
    let mut project = Project::create(&path, Template::CivicTech2019, false).unwrap();
    project
        .import(&fixture("webform-libreoffice.xlsx"), &submissions())
        .unwrap();
    let again = project
        .import(&fixture("webform-libreoffice.xlsx"), &submissions())
        .unwrap();
    assert_eq!((again.new, again.updated), (0, 0));
    drop(project);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let step: String = conn
        .query_row(
            "SELECT undo FROM journal ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let step: serde_json::Value = serde_json::from_str(&step).unwrap();
    assert_eq!(
        step["import_step"]["changed"],
        serde_json::json!([]),
        "{step}"
    );
    assert_eq!(
        step["import_step"]["added"],
        serde_json::json!([]),
        "{step}"
    );
}
