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
    assert!(
        notice.contains("modifié par un autre programme"),
        "{notice}"
    );
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
    app.click("[data-testid='backups-open']").await;
    let list = app.text("dialog.backups").await;
    assert!(list.contains("avant un import"), "{list}");
    app.click("[data-testid='backup-restore']").await;
    let question = app.text("dialog.backups [role='alert']").await;
    assert!(
        question.contains("L'état présent est sauvegardé d'abord"),
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
    for button in app.find_all(".day .toolbar button").await {
        let label = button.text().await.unwrap();
        let edits = [
            "Nouvelle session",
            "Ajouter une salle",
            "Modifier l'événement",
        ];
        if edits.iter().any(|e| label.contains(e)) && button.is_enabled().await.unwrap() {
            offered.push(label);
        }
    }
    assert!(offered.is_empty(), "{offered:?}");
    app.quit().await;
    // Lazily: the app's process may still be closing the file.
    let _ = std::process::Command::new("umount")
        .arg("-l")
        .arg(&disk)
        .status();
}
