//! The programme grid: dragging sessions, the warnings they raise, undo, the keyboard.

use crate::harness::{App, Home};

const SPACE: &str = "\u{E00D}";
const RIGHT: &str = "\u{E014}";
const DOWN: &str = "\u{E015}";

#[tokio::test(flavor = "multi_thread")]
async fn dragging_a_session_into_a_small_room_warns_and_undo_takes_it_back() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let sessions = home.journee(&["session", "list", file.to_str().unwrap(), "--json"]);
    let sessions: serde_json::Value = serde_json::from_str(&sessions).unwrap();
    // The fourth round table (140 expected) and the empty training room at 16:30 (30 places).
    let table = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["title"]
                .as_str()
                .unwrap()
                .starts_with("Quatrième table ronde")
        })
        .unwrap();
    let id = table["id"].as_i64().unwrap();
    let info = home.info(&file);
    let room = |name: &str| {
        info["rooms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let slot = |start: &str| {
        info["slots"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["start"] == start)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let (training, afternoon) = (room("Salle de formation"), slot("16:30"));
    let target = format!("td[data-room='{training}'][data-slot='{afternoon}']");

    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.find("table.grid").await;
    app.drag(&format!("[data-session-id='{id}']"), &target)
        .await;

    // The cell and the panel both say the room is too small.
    let cell = app
        .wait_text(&target, |t| t.contains("Quatrième table ronde"))
        .await;
    assert!(!cell.is_empty());
    let marker = app
        .raw_text(&format!("{target} [data-testid='cell-warning']"))
        .await;
    assert!(marker.contains("140\u{a0}personnes"), "{marker}");
    let panel = app
        .text("[data-testid='warnings-panel']")
        .await
        .replace('\u{a0}', " ");
    assert!(
        panel.contains("la salle « Salle de formation » n’a que 30 places"),
        "{panel}"
    );
    // The new warnings went where the core ranks them: the panel's list is the core's.
    let listed = app
        .client
        .execute(
            "return [...document.querySelectorAll('.warnings-panel li button')].map(b => \
             [...b.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim());",
            vec![],
        )
        .await
        .unwrap();
    let checked: serde_json::Value =
        serde_json::from_str(&home.journee(&["check", file.to_str().unwrap(), "--json"])).unwrap();
    let messages: Vec<&str> = checked
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert_eq!(listed, serde_json::json!(messages));
    let placed: serde_json::Value =
        serde_json::from_str(&home.journee(&["session", "list", file.to_str().unwrap(), "--json"]))
            .unwrap();
    let moved = placed
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap();
    assert_eq!(moved["placement"]["room_id"], training);

    // Undo (the toolbar button here; Ctrl+Z does the same): back to the hémicycle.
    app.click("[data-testid='undo']").await;
    app.wait_text(&target, |t| !t.contains("Quatrième table ronde"))
        .await;
    let panel = app
        .text("[data-testid='warnings-panel']")
        .await
        .replace('\u{a0}', " ");
    assert!(
        !panel.contains("Salle de formation » n’a que 30 places"),
        "{panel}"
    );
    assert!(panel.contains("Erreur"), "the demo's other warnings stay");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_moves_with_the_keyboard_only() {
    let home = Home::new();
    let file = home.file("p.journee");
    home.journee(&["new", file.to_str().unwrap()]);
    home.journee(&[
        "session",
        "add",
        file.to_str().unwrap(),
        "--title",
        "Atelier clavier",
        "--type",
        "atelier",
        "--audience",
        "12",
    ]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    let chip = "[data-session-id='1']";
    app.find(&format!(".tray {chip}")).await;
    // A version first, to compare with afterwards.
    app.click_button("Versions").await;
    app.fill("[data-testid='versions'] input", "avant le clavier")
        .await;
    app.click_button("Enregistrer une version").await;
    app.wait_text("[data-testid='versions']", |t| {
        t.contains("avant le clavier")
    })
    .await;
    app.click(".panel header button").await;
    // Space picks it up at the first cell (Hémicycle, 09:00); right x3, down x1: Atelier 1, 10:00.
    app.keys(chip, SPACE).await;
    let said = app.raw_text("[data-testid='announce']").await;
    assert!(said.contains("saisie"), "{said}");
    // While it is held, every cell of the grid says how it fits (12 people: everywhere).
    let cell_fits = || async {
        let fits = app
            .client
            .execute(
                "return [...document.querySelectorAll('td.cell')].map(c => getComputedStyle(c, '::after').content);",
                vec![],
            )
            .await
            .unwrap();
        fits.as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    let held = cell_fits().await;
    assert!(held.len() >= 20, "{held:?}");
    assert!(
        held.iter().all(|c| c.contains("La salle convient")),
        "{held:?}"
    );
    for key in [RIGHT, RIGHT, RIGHT, DOWN] {
        app.keys(chip, key).await;
    }
    let said = app.raw_text("[data-testid='announce']").await;
    assert!(said.starts_with("Atelier 1, 10:00–11:30"), "{said}");
    assert!(said.contains("La salle convient"), "{said}");
    app.keys(chip, SPACE).await;
    app.wait_text("tbody", |t| t.contains("Atelier clavier"))
        .await;
    // Dropped: the cells no longer speak of fitting (once the drop is painted).
    let mut dropped = cell_fits().await;
    for _ in 0..20 {
        if dropped.iter().all(|c| !c.contains("convient")) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        dropped = cell_fits().await;
    }
    assert!(
        dropped.iter().all(|c| !c.contains("convient")),
        "{dropped:?}"
    );
    // The keyboard stays on the session, now in its new cell, to move it again.
    let focused = app
        .client
        .execute(
            "const f = document.activeElement; return [f.dataset.sessionId ?? null, f.closest('td.cell')?.dataset.room ?? null];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused, serde_json::json!(["1", "4"]));
    let list: serde_json::Value =
        serde_json::from_str(&home.journee(&["session", "list", file.to_str().unwrap(), "--json"]))
            .unwrap();
    assert_eq!(list[0]["placement"]["room_id"], 4, "Atelier 1");
    assert_eq!(list[0]["placement"]["slot_id"], 2, "10:00");
    // The version panel says what moved since.
    app.click_button("Versions").await;
    app.click_button("Comparer").await;
    let diff = app
        .wait_text("[data-testid='versions']", |t| t.contains("Déplacée"))
        .await;
    assert!(diff.contains("Atelier 1, 10:00–11:30"), "{diff}");
    // Put back: the session returns to where the version had it, as one undoable step;
    // its first talk starts with the slot in the panel.
    app.click("[data-testid='version-restore']").await;
    app.click("dialog[open] [data-testid='confirm-ok']").await;
    let back = || async {
        let list: serde_json::Value = serde_json::from_str(&home.journee(&[
            "session",
            "list",
            file.to_str().unwrap(),
            "--json",
        ]))
        .unwrap();
        list[0]["placement"].clone()
    };
    for _ in 0..50 {
        if back().await != serde_json::json!({"room_id": 4, "slot_id": 2}) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let restored = back().await;
    assert_ne!(restored, serde_json::json!({"room_id": 4, "slot_id": 2}));
    let undo = app.attr("[data-testid='undo']", "title").await;
    assert!(
        undo.as_deref()
            .unwrap_or("")
            .contains("Retour à la version"),
        "{undo:?}"
    );
    app.click("[data-testid='undo']").await;
    for _ in 0..50 {
        if back().await == serde_json::json!({"room_id": 4, "slot_id": 2}) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        back().await,
        serde_json::json!({"room_id": 4, "slot_id": 2})
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panellist_joins_a_session_from_its_panel() {
    let home = Home::new();
    let file = home.file("p.journee");
    home.journee(&["new", file.to_str().unwrap()]);
    home.journee(&[
        "session",
        "add",
        file.to_str().unwrap(),
        "--title",
        "Table ronde finale",
        "--type",
        "table_ronde",
    ]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click("[data-session-id='1']").await;
    app.find(".panel .add-person").await;
    app.click(".add-person details summary").await;
    app.fill(".add-person details input:nth-of-type(1)", "Audrey")
        .await;
    let inputs = app.find_all(".add-person details input").await;
    inputs[1].send_keys("Tanguy").await.unwrap();
    inputs[2].send_keys("Ministère du Numérique").await.unwrap();
    app.click_button("Ajouter à la session").await;
    app.wait_text(".panel ul.people", |t| t.contains("Audrey Tanguy"))
        .await;
    let list = home.journee(&["session", "list", file.to_str().unwrap(), "--json"]);
    assert!(
        list.contains("Tanguy") && list.contains("intervenant"),
        "{list}"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_is_pinned_from_its_panel_marked_on_the_grid_and_undone() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let pinned = |home: &Home| -> Vec<i64> {
        let list: serde_json::Value =
            serde_json::from_str(&home.journee(&["session", "list", path, "--json"])).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .filter(|s| s["pinned"] == true)
            .map(|s| s["id"].as_i64().unwrap())
            .collect()
    };
    assert!(pinned(&home).is_empty());
    let app = App::launch(&home, &[path]).await;
    app.click("td.cell button.chip").await;
    app.find(".panel [data-testid='pin']").await;
    assert_eq!(
        app.attr(".panel [data-testid='pin']", "aria-pressed")
            .await
            .as_deref(),
        Some("false")
    );
    app.click(".panel [data-testid='pin']").await;
    app.find("td.cell button.chip [data-testid='pinned']").await;
    let chip = app
        .attr("button.chip:has([data-testid='pinned'])", "data-session-id")
        .await
        .unwrap();
    assert_eq!(pinned(&home), vec![chip.parse::<i64>().unwrap()]);
    // Said to whoever does not see the mark: the chip's name includes « Épinglée ».
    let said = app
        .raw_text(&format!("button.chip[data-session-id='{chip}']"))
        .await;
    assert!(said.contains("Épinglée"), "{said}");
    app.keys("body", "\u{E00C}").await;
    app.click("[data-testid='undo']").await;
    app.wait_gone("[data-testid='pinned']").await;
    assert!(pinned(&home).is_empty());
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_programme_is_proposed_previewed_applied_and_undone() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let clashes = |home: &Home| -> usize {
        let list: serde_json::Value =
            serde_json::from_str(&home.journee(&["check", path, "--json"])).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .filter(|w| w["code"] == "person_clash")
            .count()
    };
    let before = clashes(&home);
    assert!(before > 0, "the demo has people in two places");
    let grid_before = home.journee(&["session", "list", path, "--json"]);

    let app = App::launch(&home, &[path]).await;
    app.find("table.grid button.chip").await;
    app.click("[data-testid='propose']").await;
    app.click("[data-testid='propose-all']").await;
    let moves = app
        .wait_text("[data-testid='proposal-moves']", |t| !t.is_empty())
        .await;
    assert_eq!(app.text("[data-testid='hard-after']").await, "0");
    // The grid previews it: the sessions that would move are marked, nothing is saved.
    app.find("button.chip.proposed").await;
    assert_eq!(
        home.journee(&["session", "list", path, "--json"]),
        grid_before
    );
    let first = moves.lines().next().unwrap().to_string();

    app.click("[data-testid='proposal-apply']").await;
    app.wait_gone("button.chip.proposed").await;
    assert_eq!(clashes(&home), 0);
    assert_ne!(
        home.journee(&["session", "list", path, "--json"]),
        grid_before
    );
    let undo = app.attr("[data-testid='undo']", "title").await.unwrap();
    assert!(
        undo.contains("Programme proposé"),
        "{undo}; moved first: {first}"
    );

    app.click("[data-testid='undo']").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while home.journee(&["session", "list", path, "--json"]) != grid_before {
        assert!(
            std::time::Instant::now() < deadline,
            "undo did not put the grid back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(clashes(&home), before);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_warnings_list_comes_a_page_at_a_time() {
    use journee::model::SessionKind;
    use journee::programme::NewSession;
    use journee::{Project, Template};

    let home = Home::new();
    let path = home.file("p.journee");
    // Sixty sessions on no slot: sixty warnings.
    let mut project = Project::create(&path, Template::Empty, false).unwrap();
    for i in 0..60 {
        project
            .add_session(NewSession {
                title: format!("Atelier {i:02}"),
                kind: SessionKind::Atelier,
                language: "fr".into(),
                expected_audience: None,
                description: String::new(),
                contributions: vec![],
            })
            .unwrap();
    }
    drop(project);
    let app = App::launch(&home, &[path.to_str().unwrap()]).await;
    let more = ".warnings-panel button.more";
    app.find(more).await;
    let items = "[data-testid='warnings-panel'] li";
    assert_eq!(app.find_all(items).await.len(), 50);
    assert_eq!(
        app.raw_text(more).await.trim(),
        "Afficher 10\u{a0}de plus (10\u{a0}restants)"
    );
    app.click(more).await;
    app.wait_text("[data-testid='warnings-panel']", |t| {
        t.contains("Atelier 59")
    })
    .await;
    assert_eq!(app.find_all(items).await.len(), 60);
    assert!(app
        .client
        .find(fantoccini::Locator::Css(more))
        .await
        .is_err());
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_finger_moves_a_session_and_a_tap_opens_one() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.find("table.grid").await;
    // A session of the tray, and the last two empty cells the finger can reach (not under the
    // panel), the last first: followed through the mouse events WebKit makes up from a touch
    // (the drag layer before it took touches itself), a session dragged there never arrived.
    let picked = app
        .client
        .execute(
            "const chip = document.querySelector('.tray button.chip');
             const free = [...document.querySelectorAll('td.cell')].filter((c) => {
               const r = c.getBoundingClientRect();
               const seen = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
               return seen?.closest('td.cell') === c && !c.querySelector('button.chip');
             }).slice(-2).reverse();
             return [Number(chip.dataset.sessionId), ...free.flatMap((c) => [Number(c.dataset.room), Number(c.dataset.slot)])];",
            vec![],
        )
        .await
        .unwrap();
    let [id, room, slot, room2, slot2] = [0, 1, 2, 3, 4].map(|i| picked[i].as_i64().unwrap());
    let placement = |home: &Home| -> serde_json::Value {
        let list = home.journee(&["session", "list", file.to_str().unwrap(), "--json"]);
        let list: serde_json::Value = serde_json::from_str(&list).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()["placement"]
            .clone()
    };
    let chip = format!("[data-session-id='{id}']");

    // From the tray to a cell, then from that cell to another, each by a finger.
    for (room, slot) in [(room, slot), (room2, slot2)] {
        let target = format!("td[data-room='{room}'][data-slot='{slot}']");
        app.touch(&chip, &target).await;
        app.wait_for(&format!("{target} {chip}"))
            .await
            .expect("the session in the cell the finger left it on");
        let placed = placement(&home);
        assert_eq!(
            (placed["room_id"].as_i64(), placed["slot_id"].as_i64()),
            (Some(room), Some(slot))
        );
    }
    // One drop, one edit: a single undo puts the session back in the first cell.
    home.journee(&["undo", file.to_str().unwrap()]);
    assert_eq!(placement(&home)["room_id"], room);

    // A tap on a session opens it, as a click does.
    let other = app.find("td.cell button.chip").await;
    let other_id = other.attr("data-session-id").await.unwrap().unwrap();
    let chip = format!("[data-session-id='{other_id}']");
    let title = app.text(&format!("{chip} .session-title")).await;
    app.touch(&chip, &chip).await;
    let panel = app.wait_text(".panel", |t| !t.is_empty()).await;
    assert!(panel.contains(&title), "{title} / {panel}");
    app.quit().await;
}
