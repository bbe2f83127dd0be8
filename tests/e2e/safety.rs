//! Keeping the organisers' work safe in the window: changes made elsewhere shown,
//! backups listed and restored, a read-only project said as such.

use crate::harness::{App, Home};

/// A demo project in the home folder.
fn demo(home: &Home) -> std::path::PathBuf {
    let file = home.file("journee-2019.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    file
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_made_by_the_command_line_shows_in_the_open_window() {
    let home = Home::new();
    let file = demo(&home);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    let grid = app.text("table.grid").await;
    assert!(grid.contains("Première table ronde"), "{grid}");
    // The command line takes the first round table off the grid while the window is open.
    home.journee(&["unplace", file.to_str().unwrap(), "2"]);
    app.wait_text("table.grid", |t| !t.contains("Première table ronde"))
        .await;
    let notice = app.text(".banner.changed").await;
    assert!(notice.contains("modifié ailleurs"), "{notice}");
    // The window still works on the project as it now is.
    home.journee(&[
        "place",
        file.to_str().unwrap(),
        "2",
        "--room",
        "Hémicycle",
        "--slot",
        "10:00",
    ]);
    app.wait_text("table.grid", |t| t.contains("Première table ronde"))
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_restored_from_the_project_menu_and_undone() {
    let home = Home::new();
    let file = demo(&home);
    let path = file.to_str().unwrap();
    let before = home.info(&file)["counts"]["submissions"].as_i64().unwrap();
    let sheet = home.file("appel.csv");
    std::fs::write(
        &sheet,
        "Nom;Prénom;Courriel;Titre de la contribution;Résumé\nDupont;Ana;ana@exemple.fr;Un titre;Un résumé\n",
    )
    .unwrap();
    // An import from the command line is backed up first, in the same data folder.
    home.journee(&["import", path, sheet.to_str().unwrap()]);
    assert_eq!(
        home.info(&file)["counts"]["submissions"].as_i64(),
        Some(before + 1)
    );

    let app = App::launch(&home, &[path]).await;
    app.click("[data-testid='project-menu'] > button").await;
    app.click("[data-testid='backups-open']").await;
    let list = app.text("dialog.backups").await;
    assert!(list.contains("avant un import"), "{list}");
    app.click("[data-testid='backup-restore']").await;
    let question = app.text("dialog.backups [role='alert']").await;
    assert!(
        question.contains("L’état présent est sauvegardé d’abord"),
        "{question}"
    );
    app.click("[data-testid='backup-restore-ok']").await;
    app.find("table.grid").await;
    assert_eq!(
        home.info(&file)["counts"]["submissions"].as_i64(),
        Some(before)
    );
    // The restore is one step of the history: undone from the grid.
    app.click("[data-testid='undo']").await;
    let mut restored = None;
    for _ in 0..50 {
        restored = home.info(&file)["counts"]["submissions"].as_i64();
        if restored == Some(before + 1) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(restored, Some(before + 1));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_on_a_read_only_disk_is_shown_with_a_banner() {
    let home = Home::new();
    let disk = home.file("disque");
    std::fs::create_dir(&disk).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=8m", "tmpfs"])
        .arg(&disk)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("NON VÉRIFIÉ : ce système ne permet pas de monter un disque de test (tmpfs)");
        return;
    }
    let file = disk.join("P.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let remount = |options: &str| {
        std::process::Command::new("mount")
            .args(["-o", options])
            .arg(&disk)
            .status()
            .unwrap()
    };
    assert!(remount("remount,ro").success());
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    let banner = app.text("[data-testid='read-only']").await;
    assert!(
        banner.contains("lecture seule") && banner.contains("protégé en écriture"),
        "{banner}"
    );
    let grid = app.text("table.grid").await;
    assert!(grid.contains("Hémicycle"), "{grid}");
    // Nothing offers a change.
    let mut offered = Vec::new();
    let mut seen = 0;
    for button in app.find_all(".day .toolbar button").await {
        let label = button.text().await.unwrap();
        let edits = [
            "Nouvelle session",
            "+\u{a0}Salle",
            "+\u{a0}Créneau",
            "Événement…",
        ];
        if edits
            .iter()
            .any(|e| label.replace(' ', "\u{a0}") == e.replace(' ', "\u{a0}"))
        {
            seen += 1;
            if button.is_enabled().await.unwrap() {
                offered.push(label);
            }
        }
    }
    assert_eq!(seen, 4, "the edit buttons are where they were");
    assert!(offered.is_empty(), "{offered:?}");
    app.quit().await;
    // Lazily: the app's process may still be closing the file.
    let _ = std::process::Command::new("umount")
        .arg("-l")
        .arg(&disk)
        .status();
}

/// Texts a public web form may bring: markup that would run if it were ever treated as
/// HTML (each sets `window.__pwned`), style injection, bidi overrides, a name of 5,000
/// characters without a space, emoji, zero-width characters, template syntax.
fn hostile_texts() -> Vec<String> {
    vec![
        "<script>window.__pwned=1</script>Atelier piégé".into(),
        "<img src=x onerror=\"window.__pwned=1\">Image".into(),
        "<svg onload=\"window.__pwned=1\"><circle r=\"9\"/></svg>Dessin".into(),
        "<a href=\"javascript:window.__pwned=1\">clic</a>".into(),
        "<style>body{display:none}</style><b style=\"font-size:300px\">GROS</b>".into(),
        "\u{202E}txet desrever\u{202C} et \u{2066}isolé\u{2069} fin".into(),
        "Z".repeat(5000),
        "Émoji 🎉👩🏽‍💻 et zéro\u{200B}largeur\u{200D}joint".into(),
        "{{7*7}} ${7*7} <%= 7*7 %> '\"; DROP TABLE submissions; --".into(),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_texts_stay_text_on_every_screen() {
    let home = Home::new();
    let file = demo(&home);
    let path = file.to_str().unwrap();
    let texts = hostile_texts();
    let sheet = home.file("appel-hostile.csv");
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_path(&sheet)
            .unwrap();
        writer
            .write_record([
                "Nom",
                "Prénom",
                "Courriel",
                "Organisation",
                "Titre de la contribution",
                "Résumé",
            ])
            .unwrap();
        for (i, text) in texts.iter().enumerate() {
            let other = &texts[(i + 1) % texts.len()];
            let email = format!("hostile{i}@exemple.org");
            writer
                .write_record([text, other, &email, text, text, other])
                .unwrap();
        }
    }
    home.journee(&["import", path, sheet.to_str().unwrap()]);
    // A session titled with markup, holding three of them, placed on the grid.
    let added = home.journee(&[
        "session",
        "add",
        path,
        "--title",
        &texts[0],
        "--type",
        "atelier",
        "--contribution",
        "121",
        "--contribution",
        "122",
        "--contribution",
        "127",
        "--json",
    ]);
    let id = serde_json::from_str::<serde_json::Value>(&added).unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    home.journee(&["place", path, &id, "--room", "Atelier 3", "--slot", "16:30"]);

    let app = App::launch(&home, &[path]).await;
    app.find("table.grid").await;
    app.client
        .execute(
            "window.__csp = [];
             document.addEventListener('securitypolicyviolation',
               e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
            vec![],
        )
        .await
        .unwrap();
    let grid = app.raw_text("table.grid").await;
    assert!(
        grid.contains("<script>window.__pwned=1</script>Atelier piégé"),
        "shown as text"
    );
    let mut overflowing = Vec::new();
    for screen in [
        "day", "review", "tables", "print", "exports", "import", "day",
    ] {
        app.click(&format!("[data-screen='{screen}']")).await;
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        let state = app
            .client
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth,
                         window.__pwned === undefined, window.__csp.length,
                         getComputedStyle(document.body).display];",
                vec![],
            )
            .await
            .unwrap();
        let state = state.as_array().unwrap();
        let (width, window) = (state[0].as_u64().unwrap(), state[1].as_u64().unwrap());
        assert_eq!(state[2], true, "a script ran on the {screen} screen");
        assert_eq!(state[3], 0, "a CSP violation on the {screen} screen");
        assert_eq!(state[4], "block", "style injected on the {screen} screen");
        if width > window + 1 {
            overflowing.push(format!("{screen}: {width} px for {window}"));
        }
    }
    assert!(
        overflowing.is_empty(),
        "the page is wider than the window: {overflowing:?}"
    );
    // The review screen lists them, as text.
    app.click("[data-screen='review']").await;
    let review = app.wait_text("main", |t| t.contains("Dessin")).await;
    assert!(
        review.contains("<svg onload"),
        "{}",
        review.chars().take(500).collect::<String>()
    );
    // The list keeps its columns in view whatever the length of a title or a name.
    let edges = app
        .client
        .execute(
            "const t = document.querySelector('table.submissions');
             const status = t.querySelector('thead th:last-child').getBoundingClientRect();
             return [t.getBoundingClientRect().right, t.parentElement.getBoundingClientRect().right,
                     status.right, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let edges: Vec<f64> = edges
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!(
        edges[0] <= edges[1] + 1.0,
        "the list is wider than its pane: {edges:?}"
    );
    assert!(
        edges[2] <= edges[3],
        "the status column is out of the window: {edges:?}"
    );
    app.quit().await;
}

/// A command that fails answers a code a program can test and the French message, the
/// same for the core's refusals and the shell's own: the interface shows the message.
#[tokio::test(flavor = "multi_thread")]
async fn a_failed_command_answers_a_code_and_a_french_message() {
    let home = Home::new();
    let file = demo(&home);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.wait_for("table.grid").await.unwrap();
    let script = r#"
        const done = arguments[arguments.length - 1];
        const invoke = window.__TAURI_INTERNALS__.invoke;
        const failed = (p) => p.then(() => null, (e) => e);
        Promise.all([
          failed(invoke("place_session", { session: 999999, room: 1, slot: 1 })),
          failed(invoke("update_room", { id: 1, patch: { capacity: -3 } })),
          failed(invoke("close_project")).then(() => failed(invoke("programme_state"))),
        ]).then(done, (e) => done(["script failed", String(e)]));
    "#;
    let answers = app
        .client
        .execute_async(script, vec![])
        .await
        .expect("the commands ran");
    let answers = answers.as_array().expect("three answers").clone();
    let code = |i: usize| answers[i]["code"].as_str().unwrap_or("").to_string();
    let message = |i: usize| answers[i]["message"].as_str().unwrap_or("").to_string();
    assert_eq!(code(0), "edit", "{answers:?}");
    assert!(message(0).contains("999999"), "{answers:?}");
    assert_eq!(code(1), "edit", "{answers:?}");
    assert!(!message(1).is_empty(), "{answers:?}");
    assert_eq!(code(2), "no_project", "{answers:?}");
    assert_eq!(message(2), "Aucun projet n’est ouvert.");
    app.quit().await;
}
