//! The grid on a 1280×800 laptop (the window's size in tauri.conf.json): nothing in the
//! header wraps, eight rooms fit once compact with the warnings folded (remembered), the
//! tray, times and room headers stay in view, and a drag near an edge scrolls.

use serde_json::Value;

use crate::harness::{App, Home};

const SPACE: &str = "\u{E00D}";
const RIGHT: &str = "\u{E014}";
const DOWN: &str = "\u{E015}";
const ESCAPE: &str = "\u{E00C}";

async fn js(app: &App, script: &str) -> Value {
    app.client.execute(script, vec![]).await.expect(script)
}

/// The vertical middles of the elements `css` matches, rounded: one value when they are on
/// one line.
async fn lines(app: &App, css: &str) -> Vec<i64> {
    let script = format!(
        "return [...new Set([...document.querySelectorAll({css:?})].map(e => {{ const r = e.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2); }}))];"
    );
    serde_json::from_value(js(app, &script).await).unwrap()
}

async fn add_room(app: &App, name: &str) {
    app.click_button("+\u{a0}Salle").await;
    app.fill(".panel input[name='name']", name).await;
    app.fill(".panel input[name='capacity']", "20").await;
    app.click(".panel button[type='submit']").await;
    app.wait_text("thead", |t| t.contains(name)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_grid_fits_a_laptop_screen() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let app = App::launch(&home, &[path]).await;
    app.find("table.grid").await;
    let size = js(&app, "return [window.innerWidth, window.innerHeight];").await;
    assert_eq!(size, serde_json::json!([1280, 800]));

    // One line for the header and one for the toolbar, nothing cut at the right.
    assert_eq!(lines(&app, ".topbar .tabs > *").await.len(), 1);
    assert_eq!(lines(&app, ".day .toolbar > *").await.len(), 1);
    let overflow = js(
        &app,
        "return [...document.querySelectorAll('.topbar, .day .toolbar')].map(e => e.scrollWidth - e.clientWidth);",
    )
    .await;
    assert_eq!(overflow, serde_json::json!([0, 0]));
    let toolbar_right = js(
        &app,
        "return Math.max(...[...document.querySelectorAll('.day .toolbar > *')].map(e => e.getBoundingClientRect().right));",
    )
    .await;
    assert!(toolbar_right.as_f64().unwrap() <= 1280.0, "{toolbar_right}");

    // Eight rooms (the demo has six).
    add_room(&app, "Salle Sept").await;
    add_room(&app, "Salle Huit").await;
    if let Some(close) = app
        .find_all("button[aria-label='Fermer le panneau']")
        .await
        .pop()
    {
        close.click().await.unwrap();
    }
    assert_eq!(app.find_all("thead th.room").await.len(), 8);

    // With the warnings listed, they do not all fit; folded and compact, they do.
    let rooms_fit = "const v = document.querySelector('[data-testid=grid-viewport]').getBoundingClientRect(); \
         return [...document.querySelectorAll('thead th.room')].every(th => th.getBoundingClientRect().right <= v.right + 1);";
    assert_eq!(js(&app, rooms_fit).await, Value::Bool(false));
    app.click("[data-testid='warnings-toggle']").await;
    app.click("[data-testid='compact']").await;
    assert!(app
        .find_all("[data-testid='warnings-panel']")
        .await
        .is_empty());
    assert_eq!(js(&app, rooms_fit).await, Value::Bool(true));
    assert_eq!(lines(&app, ".day .toolbar > *").await.len(), 1);

    // Remembered: the next opening shows the grid the same way.
    app.quit().await;
    let app = App::launch(&home, &[path]).await;
    app.find("table.grid").await;
    assert!(app
        .find_all("[data-testid='warnings-panel']")
        .await
        .is_empty());
    assert_eq!(
        app.attr("[data-testid='compact']", "aria-pressed")
            .await
            .as_deref(),
        Some("true")
    );
    // Unfolded again, then filtered to the ateliers: five rooms, the others hidden.
    app.click("[data-testid='warnings-toggle']").await;
    app.find("[data-testid='warnings-panel']").await;
    app.find("[data-testid='rooms-filter']")
        .await
        .select_by_value("atelier")
        .await
        .unwrap();
    let shown: Vec<String> = {
        let mut names = Vec::new();
        for th in app.find_all("thead th.room .room-name").await {
            names.push(th.text().await.unwrap());
        }
        names
    };
    assert_eq!(
        shown,
        [
            "Atelier 1",
            "Atelier 2",
            "Atelier 3",
            "Salle Sept",
            "Salle Huit"
        ]
    );
    app.find("[data-testid='rooms-filter']")
        .await
        .select_by_value("all")
        .await
        .unwrap();
    app.click("[data-testid='compact']").await;

    // Scrolled down and right, the tray, the room headers and the times stay in view.
    js(
        &app,
        "document.querySelector('[data-testid=grid-viewport]').scrollBy(400, 300);",
    )
    .await;
    let kept = js(
        &app,
        "const v = document.querySelector('[data-testid=grid-viewport]'); \
         const box = v.getBoundingClientRect(); \
         const room = document.querySelector('thead th.room').getBoundingClientRect(); \
         const time = document.querySelector('tbody tr.slot > th').getBoundingClientRect(); \
         const tray = document.querySelector('section.tray').getBoundingClientRect(); \
         return [v.scrollLeft > 0, v.scrollTop > 0, \
                 Math.round(room.bottom) > Math.round(box.top) && room.top < box.top + 80, \
                 Math.abs(time.left - box.left) < 2, tray.top >= 0 && tray.bottom <= box.top];",
    )
    .await;
    assert_eq!(
        kept,
        serde_json::json!([true, true, true, true, true]),
        "{kept}"
    );

    // The mouse held near the bottom edge scrolls the grid down.
    js(
        &app,
        "document.querySelector('[data-testid=grid-viewport]').scrollTo(0, 0);",
    )
    .await;
    {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
        let chip = app.find("section.tray button.chip").await;
        let viewport = app.find("[data-testid='grid-viewport']").await;
        let (_, _, _, height) = viewport.rectangle().await.unwrap();
        let mouse = MouseActions::new("souris".into())
            .then(PointerAction::MoveToElement {
                element: chip,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveBy {
                duration: Some(std::time::Duration::from_millis(100)),
                x: 12.0,
                y: 12.0,
            })
            .then(PointerAction::MoveToElement {
                element: viewport,
                duration: Some(std::time::Duration::from_millis(200)),
                x: 0.0,
                y: (height / 2.0 - 10.0),
            })
            .then(PointerAction::Pause {
                duration: std::time::Duration::from_millis(800),
            });
        app.client.perform_actions(mouse).await.expect("hold");
        let scrolled = js(
            &app,
            "return document.querySelector('[data-testid=grid-viewport]').scrollTop;",
        )
        .await;
        assert!(scrolled.as_f64().unwrap() > 50.0, "{scrolled}");
        // Escape: nothing moves.
        app.client
            .active_element()
            .await
            .unwrap()
            .send_keys(ESCAPE)
            .await
            .unwrap();
        app.client.release_actions().await.unwrap();
    }

    // The keyboard: a session carried to the last room comes into view with its cell.
    js(
        &app,
        "document.querySelector('[data-testid=grid-viewport]').scrollTo(0, 0);",
    )
    .await;
    let chip = "section.tray button.chip";
    app.keys(chip, SPACE).await;
    for _ in 0..7 {
        app.keys(chip, RIGHT).await;
    }
    app.keys(chip, DOWN).await;
    let said = app.raw_text("[data-testid='announce']").await;
    assert!(said.starts_with("Salle Huit"), "{said}");
    let visible = js(
        &app,
        "const v = document.querySelector('[data-testid=grid-viewport]').getBoundingClientRect(); \
         const c = document.querySelector('td.cell.over').getBoundingClientRect(); \
         return c.left >= v.left && c.right <= v.right + 1 && c.top >= v.top && c.bottom <= v.bottom + 1;",
    )
    .await;
    assert_eq!(visible, Value::Bool(true));
    app.keys(chip, ESCAPE).await;
    app.quit().await;
}
