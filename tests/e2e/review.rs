//! The review screen and the programme: which session a contribution is in, a link to it,
//! and a contribution added to an existing session.

use serde_json::Value;

use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn a_contribution_shows_its_session_links_to_it_and_joins_another() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
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
    // Nothing chosen yet: the button waits for a session.
    assert!(!app
        .find("[data-testid='add-to-session']")
        .await
        .is_enabled()
        .await
        .unwrap());
    let choice = app.find("[data-testid='add-to-session-choice']").await;
    choice.select_by_index(1).await.unwrap();
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

/// The status of each submission, by id, as the command line reads the file.
fn statuses(home: &Home, path: &str) -> std::collections::BTreeMap<i64, String> {
    let list: Value =
        serde_json::from_str(&home.journee(&["submissions", path, "--json"])).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_i64().unwrap(),
                s["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn focused_row(app: &App) -> Option<i64> {
    app.client
        .execute(
            "const r = document.activeElement && document.activeElement.closest('tr[data-submission-id]'); \
             return r ? Number(r.dataset.submissionId) : null;",
            vec![],
        )
        .await
        .unwrap()
        .as_i64()
}

async fn row_ids(app: &App) -> Vec<i64> {
    let ids = app
        .client
        .execute(
            "return [...document.querySelectorAll('tr[data-submission-id]')].map(r => Number(r.dataset.submissionId));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(ids).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn review_keys_keep_the_focus_sorting_and_undo_across_app_and_command_line() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let before = statuses(&home, path);
    let app = App::launch(&home, &[path]).await;
    app.click("[data-screen='review']").await;
    app.find("tr[data-submission-id]").await;

    // Only the new ones; 2 makes the first « retenue »: it leaves the list, and the
    // keyboard is on the row that took its place.
    let status_filter = app.find("[data-testid='status-filter']").await;
    status_filter.select_by_label("Nouvelle").await.unwrap();
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("27 "))
        .await;
    let rows = row_ids(&app).await;
    let (first, second) = (rows[0], rows[1]);
    app.keys(&format!("tr[data-submission-id='{first}'] .row-title"), "2")
        .await;
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("26 "))
        .await;
    assert_eq!(focused_row(&app).await, Some(second));
    assert_eq!(statuses(&home, path)[&first], "retenue");
    // 3 on the next: on the waiting list, and the focus goes on again.
    app.keys(
        &format!("tr[data-submission-id='{second}'] .row-title"),
        "3",
    )
    .await;
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("25 "))
        .await;
    assert_eq!(focused_row(&app).await, Some(rows[2]));

    // Ctrl+Z in the window undoes the last; `journee undo` the one before.
    app.keys(
        &format!("tr[data-submission-id='{}'] .row-title", rows[2]),
        "\u{E009}z\u{E009}",
    )
    .await;
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("26 "))
        .await;
    assert_eq!(statuses(&home, path)[&second], "nouvelle");
    let said = home.journee(&["undo", path]);
    assert!(said.contains("retenue"), "{said}");
    assert_eq!(statuses(&home, path), before);
    // The window sees it (the project changed elsewhere), filter kept: the first is back.
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("27 "))
        .await;

    // Sorted by score, best first, those without a score last; again: worst first.
    app.find("[data-testid='status-filter']")
        .await
        .select_by_label("Tous")
        .await
        .unwrap();
    app.wait_text("[data-testid='review-count']", |t| t.starts_with("120 "))
        .await;
    app.click("button.sort[data-sort='score']").await;
    let list: Value =
        serde_json::from_str(&home.journee(&["submissions", path, "--json"])).unwrap();
    let mut expected: Vec<(i64, Option<f64>)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_i64().unwrap(), s["score"].as_f64()))
        .collect();
    expected.sort_by(|a, b| match (a.1, b.1) {
        (Some(x), Some(y)) => y.partial_cmp(&x).unwrap().then(a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
    let expected: Vec<i64> = expected.into_iter().map(|(id, _)| id).collect();
    assert_eq!(row_ids(&app).await, expected);
    let top = expected[0];
    let shown = app
        .text(&format!(
            "tr[data-submission-id='{top}'] [data-testid='row-score']"
        ))
        .await;
    assert!(
        shown.starts_with(
            &list
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["id"] == top)
                .unwrap()["score"]
                .as_f64()
                .unwrap()
                .to_string()
                .replace('.', ",")
        ),
        "{shown}"
    );
    app.click("button.sort[data-sort='score']").await;
    let ascending = row_ids(&app).await;
    assert_ne!(ascending, expected);
    assert_eq!(
        app.attr("th[aria-sort='ascending'] button.sort", "data-sort")
            .await
            .as_deref(),
        Some("score")
    );
    app.quit().await;
}
