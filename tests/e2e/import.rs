//! The import wizard and the review screen, on a real spreadsheet.

use crate::harness::{App, Home};
use crate::support::{self, fixture};

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
    assert!(preview.contains("en-têtes à la ligne 3"), "{preview}");
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

/// Columns of the import wizard, as the organiser reads them: header, target, fate.
async fn column_rows(app: &App) -> Vec<String> {
    let mut rows = Vec::new();
    for row in app.find_all("[data-testid='import-column']").await {
        rows.push(row.text().await.unwrap_or_default());
    }
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_worded_by_others_shows_every_columns_fate_and_its_import_is_undone() {
    let home = Home::new();
    let file = home.file("p.journee");
    home.journee(&["new", file.to_str().unwrap()]);
    // A Framaforms export of the corpus: grouped axes, a consent question, a length hint.
    let sheet = support::corpus_dir().join("framaforms-2019.csv");
    let app = App::launch(
        &home,
        &[file.to_str().unwrap(), "--import", sheet.to_str().unwrap()],
    )
    .await;
    app.wait_text("[data-testid='import-file']", |t| {
        t == "framaforms-2019.csv"
    })
    .await;
    let rows = column_rows(&app).await;
    assert_eq!(rows.len(), 23, "every column of the file is listed");
    let row = |start: &str| {
        rows.iter()
            .find(|r| r.starts_with(start))
            .unwrap_or_else(|| panic!("no column «{start}» in {rows:#?}"))
            .clone()
    };
    // A consent is set aside, in view, with why; the abstract with its hint is the summary.
    let consent = row("Consentement RGPD");
    assert!(consent.contains("consentement"), "{consent}");
    assert!(consent.contains("J'accepte"), "{consent}");
    let summary = row("Résumé de votre contribution (1500 caractères maximum)");
    assert!(summary.contains("en-tête «"), "{summary}");
    assert!(row("Adresse IP").contains("donnée technique"));
    // The kind was read from the content.
    let kind = app.find("[data-testid='import-kind']").await;
    assert_eq!(
        kind.prop("value").await.unwrap().as_deref(),
        Some("submissions")
    );

    app.click("[data-testid='import-run']").await;
    app.wait_text("[data-testid='import-report']", |t| {
        t.contains("Import terminé")
    })
    .await;
    assert_eq!(home.info(&file)["counts"]["submissions"], 22);
    // "Annuler cet import" takes it back whole.
    app.click("[data-testid='import-undo']").await;
    app.wait_text("[data-testid='import-undone']", |t| {
        t.contains("Import annulé")
    })
    .await;
    let counts = &home.info(&file)["counts"];
    assert_eq!(
        (
            counts["submissions"].as_i64(),
            counts["people"].as_i64(),
            counts["imports"].as_i64()
        ),
        (Some(0), Some(0), Some(0)),
        "{counts}"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn registrations_chosen_as_answers_are_questioned_and_offered_back() {
    let home = Home::new();
    let file = home.file("p.journee");
    home.journee(&["new", file.to_str().unwrap()]);
    let sheet = support::corpus_dir().join("inscriptions-google-forms-2019.csv");
    let app = App::launch(
        &home,
        &[file.to_str().unwrap(), "--import", sheet.to_str().unwrap()],
    )
    .await;
    app.wait_text("[data-testid='import-file']", |t| !t.is_empty())
        .await;
    let kind = app.find("[data-testid='import-kind']").await;
    assert_eq!(
        kind.prop("value").await.unwrap().as_deref(),
        Some("registrations")
    );
    // Chosen by hand as answers to the call: the wizard says what the file looks like,
    // asks for the title it cannot find, and will not import until answered.
    kind.select_by_value("submissions").await.unwrap();
    let notice = app
        .wait_text("[data-testid='kind-mismatch']", |t| {
            t.contains("inscriptions")
        })
        .await;
    assert!(notice.contains("L’importer comme inscriptions"), "{notice}");
    let question = app.text("[data-testid='import-missing']").await;
    assert!(question.contains("le titre"), "{question}");
    let run = app.find("[data-testid='import-run']").await;
    assert!(run.attr("disabled").await.unwrap().is_some());
    // Taking the offer imports it as registrations.
    app.click_button("L’importer comme inscriptions").await;
    app.wait_text("section.preview", |t| {
        !t.contains("L’importer comme inscriptions")
    })
    .await;
    app.click("[data-testid='import-run']").await;
    app.wait_text("[data-testid='import-report']", |t| {
        t.contains("Import terminé")
    })
    .await;
    let counts = &home.info(&file)["counts"];
    assert_eq!(counts["submissions"], 0, "{counts}");
    assert_eq!(counts["people"], 30, "{counts}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_double_sending_is_flagged_and_a_flagged_email_is_corrected_in_the_review() {
    let home = Home::new();
    let file = home.file("p.journee");
    home.journee(&["new", file.to_str().unwrap()]);
    let sheet = fixture("webform-libreoffice.xlsx");
    home.journee(&["import", file.to_str().unwrap(), sheet.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click_button("Contributions").await;
    app.wait_text("[data-testid='review-count']", |t| t == "8 sur 8")
        .await;
    // "Signalées seulement" lists the second sending of the same content.
    app.click("label.check input[type='checkbox']").await;
    app.wait_text("[data-testid='review-count']", |t| !t.starts_with("8 sur"))
        .await;
    let flagged = app.text(".review-list").await;
    assert!(
        flagged.contains("Cliquez") || flagged.contains("HYPERLINK"),
        "{flagged}"
    );
    // The flagged email is corrected from the contribution's detail.
    app.fill("[data-testid='review-search']", "tracts").await;
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("1 sur"))
        .await;
    app.click("tr[data-submission-id] .row-title").await;
    app.click("[data-testid='correct-email']").await;
    app.fill(
        "details.correct input[aria-label='Courriel']",
        "zoe.oeuvray@example.org",
    )
    .await;
    app.click_button("Enregistrer la correction").await;
    // Answered, it leaves the flagged ones; shown again, it has its new email.
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("0 sur"))
        .await;
    app.click("label.check input[type='checkbox']").await;
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("1 sur"))
        .await;
    app.click("tr[data-submission-id] .row-title").await;
    let detail = app
        .wait_text("[data-testid='review-detail']", |t| {
            t.contains("zoe.oeuvray@example.org")
        })
        .await;
    assert!(!detail.contains("courriel invalide"), "{detail}");
    let list = home.journee(&["submissions", file.to_str().unwrap(), "--json"]);
    assert!(list.contains("zoe.oeuvray@example.org"), "{list}");
    app.quit().await;
}
