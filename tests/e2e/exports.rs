//! The exports screen in the real window: a workbook saved through the native dialog.

use calamine::Reader;

use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn the_cese_pack_is_saved_through_the_native_dialog() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click("[data-screen='exports']").await;
    app.click("[data-export='cese'] button.primary").await;
    let target = home.file("pack-pour-le-cese.xlsx");
    app.answer_file_dialog("Enregistrer l’export", &target)
        .await;
    let saved = app
        .wait_text("[data-testid='saved-cese']", |t| {
            t.contains("pack-pour-le-cese.xlsx")
        })
        .await;
    assert!(saved.starts_with("Enregistré"), "{saved}");
    let book: calamine::Xlsx<_> = calamine::open_workbook(&target).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Programme",
            "Salles",
            "Intervenants",
            "Tables",
            "Badges",
            "Restauration"
        ]
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_returned_contributions_workbook_shows_its_changes_then_applies_and_undoes() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let exported = home.file("contributions.xlsx");
    home.journee(&[
        "export",
        path,
        "contributions",
        "--out",
        exported.to_str().unwrap(),
    ]);
    // A co-organiser sets the first submission aside, with openpyxl.
    let edited = home.file("contributions-relu.xlsx");
    let python = concat!(env!("CARGO_MANIFEST_DIR"), "/target/venv/bin/python");
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Contributions"]
col = [c.value for c in ws[1]].index("Statut") + 1
ws.cell(2, col).value = "liste d'attente"
wb.save(sys.argv[2])
"#;
    let status = std::process::Command::new(python)
        .args([
            "-c",
            script,
            exported.to_str().unwrap(),
            edited.to_str().unwrap(),
        ])
        .status()
        .expect("the project's venv (scripts/setup --test)");
    assert!(status.success());
    let status_of_first = || -> String {
        let list: serde_json::Value =
            serde_json::from_str(&home.journee(&["submissions", path, "--json"])).unwrap();
        list[0]["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status_of_first(), "retenue");

    let app = App::launch(&home, &[path, "--import", edited.to_str().unwrap()]).await;
    app.find("[data-testid='returned']").await;
    let changes = app
        .wait_text("[data-testid='changes']", |t| t.contains("liste d’attente"))
        .await;
    assert!(changes.contains("retenue"), "{changes}");
    assert_eq!(status_of_first(), "retenue", "shown, not applied");

    app.click("[data-testid='returned-apply']").await;
    app.wait_text("[data-testid='import-report']", |t| {
        t.contains("Annuler ces modifications")
    })
    .await;
    assert_eq!(status_of_first(), "liste_attente");
    app.click_button("Annuler ces modifications").await;
    app.wait_text("[data-testid='import-report']", |t| {
        t.contains("Modifications annulées")
    })
    .await;
    assert_eq!(status_of_first(), "retenue");
    app.quit().await;
}
