//! The review screen and the programme: which session a contribution is in, a link to it,
//! and a contribution added to an existing session.

use serde_json::Value;

use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn a_contribution_shows_its_session_links_to_it_and_joins_another() {
    let home = Home::new();
    let file = home.file("demo.journee");
    let path = file.to_str().unwrap();
    home.journee(&["demo", path]);
    let sessions: Value =
        serde_json::from_str(&home.journee(&["session", "list", path, "--json"])).unwrap();
    let in_session = |submission: i64| -> Vec<String> {
        let sessions: Value =
            serde_json::from_str(&home.journee(&["session", "list", path, "--json"])).unwrap();
        sessions
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| {
                s["contributions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["submission_id"] == submission)
            })
            .map(|s| s["title"].as_str().unwrap().to_string())
            .collect()
    };
    let opening = &sessions[0];
    let first = opening["contributions"][0]["submission_id"]
        .as_i64()
        .unwrap();
    let title = opening["title"].as_str().unwrap().to_string();

    let app = App::launch(&home, &[path]).await;
    app.click("[data-screen='review']").await;
    let row = format!("tr[data-submission-id='{first}']");
    let shown = app
        .text(&format!("{row} [data-testid='row-session']"))
        .await;
    assert!(shown.contains(&title), "{shown}");
    app.click(&format!("{row} .row-title")).await;
    let detail = app.text("[data-testid='detail-sessions']").await;
    assert!(
        detail.contains("Dans la session") && detail.contains(&title),
        "{detail}"
    );
    // The link opens the session in the grid's panel.
    app.click("[data-testid='show-session']").await;
    let panel = app.text("aside.panel").await;
    assert!(panel.contains(&title), "{panel}");
    app.find("table.grid").await;

    // A contribution in no session joins the one chosen, from the review.
    let submissions: Value =
        serde_json::from_str(&home.journee(&["submissions", path, "--json"])).unwrap();
    let lonely = submissions
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .find(|id| in_session(*id).is_empty())
        .expect("a contribution in no session");
    app.click("[data-screen='review']").await;
    let row = format!("tr[data-submission-id='{lonely}']");
    app.click(&format!("{row} .row-title")).await;
    let detail = app.text("[data-testid='detail-sessions']").await;
    assert!(detail.contains("Dans aucune session"), "{detail}");
    let target = app
        .client
        .execute(
            "const s = document.querySelector(\"[data-testid='add-to-session-choice']\");
             return s.options[s.selectedIndex].text;",
            vec![],
        )
        .await
        .unwrap();
    let target = target.as_str().unwrap().to_string();
    app.click("[data-testid='add-to-session']").await;
    app.wait_text(&format!("{row} [data-testid='row-session']"), |t| {
        t.contains(&target)
    })
    .await;
    assert_eq!(in_session(lonely), vec![target]);

    // From the session's panel in the grid: found by its title, added; then removed.
    let other = submissions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| in_session(s["id"].as_i64().unwrap()).is_empty())
        .expect("another contribution in no session");
    let (other_id, other_title) = (
        other["id"].as_i64().unwrap(),
        other["title"].as_str().unwrap().to_string(),
    );
    app.click("[data-screen='day']").await;
    let session = opening["id"].as_i64().unwrap();
    app.click(&format!("[data-session-id='{session}']")).await;
    let words: String = other_title.chars().take(20).collect();
    app.fill("[data-testid='contribution-search']", &words)
        .await;
    // WebDriver gives no-break spaces as spaces.
    let plain = other_title.replace('\u{a0}', " ");
    app.wait_text("[data-testid='contributions-found']", |t| {
        t.replace('\u{a0}', " ").contains(&plain)
    })
    .await;
    app.click("[data-testid='contributions-found'] button")
        .await;
    app.wait_text(".panel ol", |t| t.replace('\u{a0}', " ").contains(&plain))
        .await;
    let mut joined = Vec::new();
    for _ in 0..50 {
        joined = in_session(other_id);
        if !joined.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(joined, vec![title.clone()]);
    app.quit().await;
}
