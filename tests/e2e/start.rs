//! The start screen: the demo, recent projects, and reopening the last project.

use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_opens_from_the_start_screen_and_reopens_at_next_start() {
    let home = Home::new();
    let app = App::launch(&home, &[]).await;
    let start = app.text("main.start").await;
    assert!(start.contains("Aucun projet récent."), "{start}");

    app.click("[data-testid='open-demo']").await;
    let grid = app.text("table.grid").await;
    assert!(grid.contains("Hémicycle"));
    let demo = home.data_dir().join("demo.journee");
    assert!(demo.is_file(), "the demo is written in the data folder");

    // Back to the start screen: the demo is in the recent list.
    app.click("[data-testid='project-menu'] > button").await;
    app.click_button("Fermer le projet").await;
    app.wait_text("main.start", |t| t.contains("demo.journee"))
        .await;
    app.quit().await;

    // Next start, without arguments: the last project reopens.
    let app = App::launch(&home, &[]).await;
    app.find("table.grid").await;
    assert!(app.has_window_titled("demo.journee"));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_that_is_not_a_project_gives_a_french_message_at_start() {
    let home = Home::new();
    let file = home.file("inscriptions.journee");
    std::fs::write(&file, "Nom;Prénom\n").unwrap();
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    let error = app.text("main.start [role='alert']").await;
    assert!(error.contains("n’est pas un projet Journée"), "{error}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "Nom;Prénom\n");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_project_is_created_through_the_native_save_dialog() {
    let home = Home::new();
    let app = App::launch(&home, &[]).await;
    app.click_button("Nouveau projet").await;
    let target = home.file("cese-2019.journee");
    app.answer_file_dialog("Nouveau projet Journée", &target)
        .await;
    let grid = app.text("table.grid").await;
    assert!(grid.contains("Hémicycle"), "{grid}");
    assert!(app.has_window_titled("cese-2019.journee"));
    app.quit().await;
    let info = home.info(&target);
    assert_eq!(info["rooms"][0]["capacity"], 200);
    assert_eq!(info["counts"]["submissions"], 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guide_opens_from_the_project_menu_with_its_pictures() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click("[data-testid='project-menu'] > button").await;
    app.click("[data-testid='guide-open']").await;
    let text = app.text("dialog[open][data-testid='guide']").await;
    assert!(text.contains("Guide de l’équipe d’organisation"), "{text}");
    assert!(text.contains("Importer les réponses à l’appel"), "{text}");
    // Every picture is there and drawn (loaded lazily: brought into view one by one).
    let pictures = app
        .client
        .execute(
            "const imgs = [...document.querySelectorAll('dialog.guide img')]; \
             for (const i of imgs) { i.loading = 'eager'; } \
             await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = r; i.onerror = r; }))); \
             return imgs.map(i => i.naturalWidth);",
            vec![],
        )
        .await
        .unwrap();
    let widths: Vec<u64> = serde_json::from_value(pictures).unwrap();
    assert_eq!(widths.len(), 8);
    assert!(widths.iter().all(|w| *w == 1024), "{widths:?}");
    // Escape closes it.
    app.keys("dialog[open][data-testid='guide'] button", "\u{E00C}")
        .await;
    for _ in 0..20 {
        if app
            .find_all("dialog[open][data-testid='guide']")
            .await
            .is_empty()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(app
        .find_all("dialog[open][data-testid='guide']")
        .await
        .is_empty());
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn about_says_the_version_and_where_the_project_and_its_backups_are() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click("[data-testid='project-menu'] > button").await;
    app.click("[data-testid='about-open']").await;
    let version = app
        .wait_text("[data-testid='about-version']", |t| !t.is_empty())
        .await;
    assert_eq!(version, format!("Version {}", env!("CARGO_PKG_VERSION")));
    let text = app.text("dialog[open][data-testid='about']").await;
    assert!(text.contains("AGPL-3.0-or-later"), "{text}");
    let project = app.text("[data-testid='about-project']").await;
    assert_eq!(project, file.to_str().unwrap());
    let backups = app.text("[data-testid='about-project-backups']").await;
    assert!(
        backups.starts_with(home.data_dir().to_str().unwrap()) && backups.contains("demo"),
        "{backups}"
    );
    app.quit().await;
}
