//! The import wizard and the review screen, on a real spreadsheet.

use crate::common::fixture;
use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn a_webform_export_imports_through_the_wizard_and_untrusted_text_stays_text() {
    let home = Home::new();
    let file = home.file("p.journee");
    home.journee(&["new", file.to_str().unwrap()]);
    let sheet = fixture("webform-utf8.csv");
    let app = App::launch(
        &home,
        &[file.to_str().unwrap(), "--import", sheet.to_str().unwrap()],
    )
    .await;

    // Launched with --import, the wizard shows the file, its header row and mapping.
    let shown = app.text("[data-testid='import-file']").await;
    assert_eq!(shown, "webform-utf8.csv");
    let preview = app.text("section.preview").await;
    assert!(preview.contains("en-têtes ligne 3"), "{preview}");
    assert!(preview.contains("Courriel"), "{preview}");
    assert_eq!(
        home.info(&file)["counts"]["submissions"],
        0,
        "nothing before confirming"
    );

    app.click("[data-testid='import-run']").await;
    let report = app
        .wait_text("[data-testid='import-report']", |t| {
            t.contains("Import terminé")
        })
        .await;
    assert!(report.contains("7 nouvelles"), "{report}");
    assert!(report.contains("courriel invalide"), "{report}");
    assert_eq!(home.info(&file)["counts"]["submissions"], 8);

    // The contributions are listed; a hostile summary is shown as text and runs nothing.
    app.click_button("Voir les contributions").await;
    app.wait_text("[data-testid='review-count']", |t| t == "8 sur 8")
        .await;
    app.fill("[data-testid='review-search']", "participe vraiment")
        .await;
    app.wait_text("[data-testid='review-count']", |t| t == "1 sur 8")
        .await;
    app.click("tr[data-submission-id] .row-title").await;
    let summary = app.raw_text("[data-testid='detail-summary']").await;
    assert_eq!(summary, "<img src=x onerror=\"document.title='pwned'\">");
    let images = app.find_all("[data-testid='review-detail'] img").await;
    assert!(images.is_empty(), "the summary became HTML");
    let title = app.client.title().await.unwrap();
    assert_eq!(title, "Journée", "a script from the summary ran");

    // A status change from the keyboard reaches the file.
    app.click("tr[data-submission-id] .row-title").await;
    app.find("tr[data-submission-id] .row-title")
        .await
        .send_keys("2")
        .await
        .unwrap();
    app.wait_text("tr[data-submission-id] .status", |t| t == "Retenue")
        .await;
    let retained = home.journee(&[
        "submissions",
        file.to_str().unwrap(),
        "--status",
        "retenue",
        "--json",
    ]);
    assert!(retained.contains("Qui participe vraiment"), "{retained}");
    // Tick it and make a session of it, from the review screen.
    app.click("tr[data-submission-id] input[type='checkbox']")
        .await;
    app.fill("form.bulk input", "Qui participe ?").await;
    app.click_button("Créer une session").await;
    app.wait_text(".review-list", |t| t.contains("créée avec 1"))
        .await;
    let sessions = home.journee(&["session", "list", file.to_str().unwrap(), "--json"]);
    assert!(
        sessions.contains("Qui participe ?") && sessions.contains("Qui participe vraiment"),
        "{sessions}"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_spreadsheet_dropped_from_a_file_manager_opens_the_import_on_it() {
    // The grid's drag and drop is the page's own (pointer events): a file dragged from
    // another application onto the window still reaches the import.
    let home = Home::new();
    let file = home.file("p.journee");
    home.journee(&["new", file.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.find("table.grid").await;
    let sheet = fixture("webform-libreoffice.xlsx");
    app.drop_file_from_outside(&sheet).await;
    let shown = app
        .wait_text("[data-testid='import-file']", |t| !t.is_empty())
        .await;
    assert_eq!(shown, "webform-libreoffice.xlsx");
    let preview = app.text("section.preview").await;
    assert!(preview.contains("Courriel"), "{preview}");
    assert_eq!(
        home.info(&file)["counts"]["submissions"],
        0,
        "nothing before confirming"
    );
    app.quit().await;
}
