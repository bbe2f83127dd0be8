//! The whole job at 1280×800, as a new organiser does it: a project from the 2019
//! template, the form's export imported, contributions retained with the keyboard and made
//! a session, the session placed on the grid with the keyboard, the badges previewed.
//! Each step's window is kept in target/walkthrough/ to look at.

use serde_json::Value;

use crate::harness::{App, Home};
use crate::support::fixture;

const SPACE: &str = "\u{E00D}";
const RIGHT: &str = "\u{E014}";
const DOWN: &str = "\u{E015}";

async fn picture(app: &App, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/walkthrough");
    std::fs::create_dir_all(&dir).unwrap();
    let png = app.client.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn from_a_new_project_to_the_badges_at_1280_by_800() {
    let home = Home::new();
    let file = home.file("journee-2019.journee");
    let path = file.to_str().unwrap();
    home.journee(&["new", path]);
    let form = fixture("webform-libreoffice.xlsx");
    let app = App::launch(&home, &[path, "--import", form.to_str().unwrap()]).await;

    // 1. The import: every column's fate, then the import itself.
    app.find("[data-testid='import-file']").await;
    picture(&app, "1-import").await;
    app.click("[data-testid='import-run']").await;
    app.wait_text("[data-testid='import-report']", |t| {
        t.contains("Import terminé")
    })
    .await;
    app.click_button("Voir les contributions").await;

    // 2. Two contributions retained with the keyboard, then made a session.
    app.find("tr[data-submission-id]").await;
    let rows: Vec<i64> = serde_json::from_value(
        app.client
            .execute(
                "return [...document.querySelectorAll('tr[data-submission-id]')].map(r => Number(r.dataset.submissionId));",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap();
    let (a, b) = (rows[0], rows[1]);
    for id in [a, b] {
        app.keys(&format!("tr[data-submission-id='{id}'] .row-title"), "2")
            .await;
        app.wait_text(&format!("tr[data-submission-id='{id}'] .status"), |t| {
            t == "Retenue"
        })
        .await;
        app.click(&format!(
            "tr[data-submission-id='{id}'] input[type='checkbox']"
        ))
        .await;
    }
    app.fill(
        "input[aria-label='Titre de la nouvelle session']",
        "Atelier de la démonstration",
    )
    .await;
    app.click_button("Créer une session").await;
    app.wait_text("[role='status']", |t| {
        t.contains("Atelier de la démonstration")
    })
    .await;
    picture(&app, "2-contributions").await;

    // 3. On the grid, from the tray to Atelier 1 at 10:00 with the keyboard only.
    app.click("[data-screen='day']").await;
    let chip = "section.tray button.chip";
    app.wait_text(chip, |t| t.contains("Atelier de la démonstration"))
        .await;
    app.keys(chip, SPACE).await;
    for key in [RIGHT, RIGHT, RIGHT, DOWN] {
        app.keys(chip, key).await;
    }
    let said = app.raw_text("[data-testid='announce']").await;
    assert!(said.starts_with("Atelier 1, 10:00–11:30"), "{said}");
    app.keys(chip, SPACE).await;
    let sessions = || -> Value {
        serde_json::from_str(&home.journee(&["session", "list", path, "--json"])).unwrap()
    };
    for _ in 0..50 {
        if !sessions()[0]["placement"].is_null() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let session = &sessions()[0];
    assert_eq!(session["title"], "Atelier de la démonstration");
    assert_eq!(
        session["contributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["submission_id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [a, b]
    );
    // Its talks have their start times; the second after the first and its questions.
    let starts: Vec<&str> = session["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["starts"].as_str().unwrap())
        .collect();
    assert_eq!(starts[0], "10:00");
    assert!(starts[1] > "10:00", "{starts:?}");
    app.wait_text("tbody", |t| t.contains("Atelier de la démonstration"))
        .await;
    picture(&app, "3-grid").await;

    // 4. The badges: the two speakers among them.
    app.click("[data-screen='print']").await;
    app.wait_text("[data-testid='page-count']", |t| t.contains("page"))
        .await;
    app.find("canvas.pdf-page[data-page='1']").await;
    let badges: Value = serde_json::from_str(&home.journee(&["badges", path, "--json"])).unwrap();
    assert!(
        badges
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["role"] == "intervenant")
            .count()
            >= 2,
        "{badges}"
    );
    picture(&app, "4-badges").await;
    app.quit().await;
}
