//! The main screen: the day as a grid, and editing rooms and slots.

use crate::harness::{App, Home};

const NBSP: char = '\u{a0}';

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_grid_shows_rooms_and_slots_and_a_capacity_edit_persists() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);

    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.find("table.grid").await;

    // Someone expected in two places at once: a red mark on both sessions' cells.
    let clashes: serde_json::Value =
        serde_json::from_str(&home.journee(&["check", file.to_str().unwrap(), "--json"])).unwrap();
    let clash = clashes
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "person_clash")
        .expect("the demo has a person clash")
        .clone();
    let sessions: serde_json::Value =
        serde_json::from_str(&home.journee(&["session", "list", file.to_str().unwrap(), "--json"]))
            .unwrap();
    for id in clash["sessions"].as_array().unwrap() {
        let session = sessions
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == *id)
            .unwrap();
        let (room, slot) = (
            &session["placement"]["room_id"],
            &session["placement"]["slot_id"],
        );
        app.find(&format!(
            "td.cell[data-room='{room}'][data-slot='{slot}'] .cell-warning.error"
        ))
        .await;
    }

    // The Hémicycle with its 200 places, among rooms grouped by kind.
    let hemicycle = app.raw_text("th.room:first-of-type").await;
    assert!(hemicycle.contains("Hémicycle"), "{hemicycle}");
    assert!(
        hemicycle.contains(&format!("200{NBSP}places")),
        "{hemicycle:?}"
    );
    let groups: Vec<String> = {
        let mut texts = Vec::new();
        for th in app.find_all("th.group").await {
            texts.push(th.text().await.unwrap().to_lowercase());
        }
        texts
    };
    assert_eq!(
        groups,
        ["plénière", "centrifugeuses", "formation", "ateliers"]
    );

    // The 10:00–11:30 slot, and a placed session in it.
    let times: Vec<String> = {
        let mut texts = Vec::new();
        for t in app.find_all(".slot-button .time").await {
            texts.push(t.text().await.unwrap());
        }
        texts
    };
    assert!(times.contains(&"10:00–11:30".to_string()), "{times:?}");
    assert_eq!(times.len(), 8);
    assert!(
        app.has_window_titled("demo.journee"),
        "window title names the file"
    );
    assert!(
        app.has_window_titled("Journée de la civic tech"),
        "and the event"
    );

    // A negative capacity is refused with the core's French message, and nothing changes.
    app.click("th.room:first-of-type button").await;
    app.fill(".panel input[name='capacity']", "-5").await;
    app.click(".panel button[type='submit']").await;
    let error = app.text(".panel [role='alert']").await;
    assert!(error.contains("ne peut pas être négative"), "{error}");
    assert_eq!(home.info(&file)["rooms"][0]["capacity"], 200);

    // A real change: 180 places.
    app.fill(".panel input[name='capacity']", "180").await;
    app.click(".panel button[type='submit']").await;
    app.wait_text("th.room:first-of-type .capacity", |t| t == "180 places")
        .await;
    let capacity = app.raw_text("th.room:first-of-type .capacity").await;
    assert_eq!(capacity, format!("180{NBSP}places"));
    app.quit().await;

    // Closed, reopened by the command-line tool: the change is in the file.
    let info = home.info(&file);
    assert_eq!(info["rooms"][0]["name"], "Hémicycle");
    assert_eq!(info["rooms"][0]["capacity"], 180);
}

#[tokio::test(flavor = "multi_thread")]
async fn slots_are_added_with_validation_and_rooms_removed_after_confirmation() {
    let home = Home::new();
    let file = home.file("cese.journee");
    home.journee(&["new", file.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.find("table.grid").await;

    // An overlapping slot is refused with a message naming the other slot.
    app.click_button("+\u{a0}Créneau").await;
    app.fill(".panel input[name='start']", "17:00").await;
    app.fill(".panel input[name='end']", "19:00").await;
    app.click(".panel button[type='submit']").await;
    let error = app.text(".panel [role='alert']").await;
    assert!(
        error.contains("chevauche") && error.contains("16:30–18:00"),
        "{error}"
    );

    // Moved to the evening before the soirée, it fits.
    app.fill(".panel input[name='start']", "18:00").await;
    app.fill(".panel input[name='end']", "18:30").await;
    app.fill(".panel input[name='label']", "Cocktail").await;
    app.click(".panel button[type='submit']").await;
    app.wait_text("tbody", |t| t.contains("18:00–18:30")).await;
    assert_eq!(home.info(&file)["counts"]["slots"], 9);

    // Removing a room asks first; cancelling keeps it.
    app.click("th.room[data-room-id='6'] button").await;
    app.click_button("Supprimer la salle…").await;
    let question = app.raw_text("dialog[open] p").await;
    assert!(question.contains("«\u{a0}Atelier 3\u{a0}»"), "{question}");
    app.click_button("Annuler").await;
    assert_eq!(home.info(&file)["counts"]["rooms"], 6);
    app.click_button("Supprimer la salle…").await;
    app.click("dialog[open] [data-testid='confirm-ok']").await;
    app.wait_text("thead", |t| !t.contains("Atelier 3")).await;
    assert_eq!(home.info(&file)["counts"]["rooms"], 5);
    app.quit().await;
}
