//! The participants' screen: filters, a person edited (a wrong email refused in French),
//! two records merged, each undone; and a person's session opened in the grid.

use serde_json::Value;

use crate::harness::{App, Home};

fn everyone(home: &Home, path: &str) -> Vec<Value> {
    let list: Value =
        serde_json::from_str(&home.journee(&["people", path, "--all", "--json"])).unwrap();
    list.as_array().unwrap().clone()
}

async fn rows(app: &App) -> Vec<i64> {
    let ids = app
        .client
        .execute(
            "return [...document.querySelectorAll('tr[data-person-id]')].map(r => Number(r.dataset.personId));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(ids).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn participants_are_found_edited_merged_and_undone() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let people = everyone(&home, path);
    let total = people.len();
    let app = App::launch(&home, &[path]).await;
    app.click("[data-screen='people']").await;
    app.wait_text("[data-testid='people-count']", |t| {
        t == format!("{total} sur {total}")
    })
    .await;

    // Those who asked for a centrifugeuse, with an accessibility need.
    app.find("[data-testid='people-wish']")
        .await
        .select_by_value("centrifugeuse")
        .await
        .unwrap();
    app.click("[data-testid='people-accessibility']").await;
    let expected: Vec<i64> = people
        .iter()
        .filter(|p| {
            p["wishes"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("centrifug")
                && !p["accessibility"].as_str().unwrap().trim().is_empty()
        })
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert!(!expected.is_empty());
    app.wait_text("[data-testid='people-count']", |t| {
        t.starts_with(&format!("{} sur", expected.len()))
    })
    .await;
    let mut shown = rows(&app).await;
    shown.sort();
    let mut wanted = expected.clone();
    wanted.sort();
    assert_eq!(shown, wanted);
    app.click("[data-testid='people-accessibility']").await;
    app.find("[data-testid='people-wish']")
        .await
        .select_by_index(0)
        .await
        .unwrap();
    app.wait_text("[data-testid='people-count']", |t| {
        t.starts_with(&format!("{total} sur"))
    })
    .await;

    // An email that is not one is refused, in French; nothing changes.
    let someone = people
        .iter()
        .find(|p| p["registered"] == true)
        .unwrap()
        .clone();
    let id = someone["id"].as_i64().unwrap();
    app.fill(
        "[data-testid='people-search']",
        someone["last_name"].as_str().unwrap(),
    )
    .await;
    app.click(&format!("tr[data-person-id='{id}'] .row-title"))
        .await;
    app.fill(
        "[data-testid='person-form'] input[name='email']",
        "pas-une-adresse",
    )
    .await;
    app.click("[data-testid='person-form'] button[type='submit']")
        .await;
    let error = app.raw_text("[role='alert']").await;
    assert_eq!(
        error,
        "Adresse électronique invalide\u{a0}: «\u{a0}pas-une-adresse\u{a0}»."
    );
    let email = |home: &Home| -> String {
        everyone(home, path)
            .into_iter()
            .find(|p| p["id"] == id)
            .unwrap()["email"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(email(&home), someone["email"].as_str().unwrap());
    app.fill(
        "[data-testid='person-form'] input[name='email']",
        "bonne@example.org",
    )
    .await;
    app.click("[data-testid='person-form'] button[type='submit']")
        .await;
    app.wait_text("[role='status']", |t| t.contains("enregistrées"))
        .await;
    assert_eq!(email(&home), "bonne@example.org");
    app.click("[data-testid='people-undo']").await;
    app.wait_text("[role='status']", |t| t.contains("Modification de"))
        .await;
    assert_eq!(email(&home), someone["email"].as_str().unwrap());

    // Merged with another record found by name; undone, both are back.
    let other = people
        .iter()
        .find(|p| p["id"] != id && p["registered"] == true)
        .unwrap();
    app.fill("[data-testid='people-search']", " ").await;
    app.wait_text("[data-testid='people-count']", |t| {
        t.starts_with(&format!("{total} sur"))
    })
    .await;
    app.click(&format!("tr[data-person-id='{id}'] .row-title"))
        .await;
    app.click("[data-testid='person-merge'] summary").await;
    app.keys(
        "[data-testid='merge-search']",
        &format!(
            "{} {}",
            other["first_name"].as_str().unwrap(),
            other["last_name"].as_str().unwrap()
        ),
    )
    .await;
    app.click(&format!(
        "input[name='merge-with'][value='{}']",
        other["id"]
    ))
    .await;
    app.click("[data-testid='merge-button']").await;
    let question = app.raw_text("dialog[open] p").await;
    assert!(question.contains("Ctrl+Z annule la fusion"), "{question}");
    app.click("dialog[open] [data-testid='confirm-ok']").await;
    app.wait_text("[data-testid='people-count']", |t| {
        t.starts_with(&format!("{} sur {}", total - 1, total - 1))
    })
    .await;
    assert_eq!(everyone(&home, path).len(), total - 1);
    app.click("[data-testid='people-undo']").await;
    app.wait_text("[data-testid='people-count']", |t| {
        t.starts_with(&format!("{total} sur {total}"))
    })
    .await;
    assert_eq!(everyone(&home, path), people);

    // A speaker's session opens in the grid.
    let sessions: Value =
        serde_json::from_str(&home.journee(&["session", "list", path, "--json"])).unwrap();
    let session = &sessions[0];
    let speaker = session["contributions"][0]["speakers"][0]["person_id"]
        .as_i64()
        .unwrap();
    app.click(&format!("tr[data-person-id='{speaker}'] .row-title"))
        .await;
    app.click("[data-testid='person-sessions'] button").await;
    let panel = app.text("aside.panel").await;
    assert!(
        panel.contains(session["title"].as_str().unwrap()),
        "{panel}"
    );
    app.quit().await;
}
