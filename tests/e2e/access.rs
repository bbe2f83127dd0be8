//! Accessibility in the real window (RGAA 4.1, which follows WCAG 2.1 AA): axe-core, the
//! npm package, run inside the app on every screen and state an organiser meets; any
//! violation fails, with the rule, the element and axe's own explanation.

use std::path::PathBuf;

use serde_json::Value;

use crate::harness::{App, Home};
use crate::support::fixture;

const SPACE: &str = "\u{E00D}";
const ESCAPE: &str = "\u{E00C}";

/// axe-core as npm installed it (ui/package.json): read at run time, so that a missing
/// `npm install` is said plainly.
fn axe_source() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/setup --test)", path.display()))
}

/// Best-practice rules left out, each for a reason written in README (Accessibilité).
const EXCEPTIONS: &[&str] = &[];

/// Runs axe on the whole page as it is now; returns one line per element in violation.
pub async fn axe(app: &App) -> Vec<String> {
    let loaded = app
        .client
        .execute("return typeof window.axe !== 'undefined';", vec![])
        .await
        .expect("axe loaded?");
    if loaded != Value::Bool(true) {
        app.client
            .execute(&format!("{}\nreturn true;", axe_source()), vec![])
            .await
            .expect("axe injected");
    }
    let script = r#"
        const done = arguments[arguments.length - 1];
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
        axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
          .then(r => done(r.violations.flatMap(v => v.nodes.map(n =>
              `${v.id} (${v.impact}) ${n.target.join(' ')}: ${v.help}; ${(n.failureSummary || '').replace(/\s+/g, ' ')}`))))
          .catch(e => done(['axe failed: ' + e]));
    "#;
    let found = app
        .client
        .execute_async(script, vec![])
        .await
        .expect("axe run");
    serde_json::from_value::<Vec<String>>(found)
        .expect("axe's findings")
        .into_iter()
        .filter(|line| {
            !EXCEPTIONS
                .iter()
                .any(|rule| line.starts_with(&format!("{rule} ")))
        })
        .collect()
}

/// Records what axe finds in the state called `state`.
async fn check(app: &App, state: &str, found: &mut Vec<String>) {
    // Let transitions and the pages of a preview settle before measuring colours.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    for line in axe(app).await {
        found.push(format!("[{state}] {line}"));
    }
}

/// One step of a walk through the screens.
enum Step {
    Click(&'static str),
    /// A button, by its text.
    Button(&'static str),
    /// A key pressed on an element.
    Key(&'static str, &'static str),
    /// Waits for an element.
    Find(&'static str),
    /// Runs axe on the state reached, named.
    Check(&'static str),
}

fn assert_none(found: &[String]) {
    assert!(
        found.is_empty(),
        "{} violation(s) of WCAG 2.1 A/AA or best practices:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_nothing_on_the_start_screen() {
    let home = Home::new();
    let app = App::launch(&home, &[]).await;
    app.find(".start").await;
    let mut found = Vec::new();
    check(&app, "accueil", &mut found).await;
    app.quit().await;
    assert_none(&found);
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_nothing_on_any_screen_of_a_project() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let sheet = fixture("webform-utf8.csv");
    let app = App::launch(&home, &[path, "--import", sheet.to_str().unwrap()]).await;
    let mut found = Vec::new();

    // Import: the wizard, then its report.
    app.find("section.preview").await;
    check(&app, "import", &mut found).await;
    app.click("[data-testid='import-run']").await;
    app.wait_text("[data-testid='import-report']", |t| {
        t.contains("Import terminé")
    })
    .await;
    check(&app, "import, compte rendu", &mut found).await;

    use Step::{Button, Check, Click, Find, Key};
    let walk = [
        // The grid with its warnings, then each side panel.
        Click("[data-screen='day']"),
        Find("table.grid button.chip"),
        Check("grille"),
        Click("table.grid button.chip"),
        Find(".panel form"),
        Check("grille, session ouverte"),
        Click(".room-button"),
        Find(".panel input[name='capacity']"),
        Check("grille, salle ouverte"),
        Click(".slot-button"),
        Find(".panel input[name='start']"),
        Check("grille, créneau ouvert"),
        Button("Événement…"),
        Check("grille, événement"),
        Button("Versions"),
        Check("grille, versions"),
        Key("body", ESCAPE),
        // A session held with the keyboard, as it moves over the grid.
        Key("table.grid button.chip", SPACE),
        Find("button.chip.lifted"),
        Check("grille, session tenue"),
        Key("button.chip.lifted", ESCAPE),
        // The project's menu and its dialogs.
        Click("[data-testid='project-menu'] > button"),
        Find("[role='menu']"),
        Check("menu du projet"),
        Click("[data-testid='about-open']"),
        Find("dialog[open]"),
        Check("à propos"),
        Key("dialog[open]", ESCAPE),
        Click("[data-testid='project-menu'] > button"),
        Click("[data-testid='backups-open']"),
        Find("dialog[open]"),
        Check("sauvegardes"),
        Key("dialog[open]", ESCAPE),
        Click("[data-testid='project-menu'] > button"),
        Click("[data-testid='guide-open']"),
        Find("dialog[open]"),
        Check("guide"),
        Key("dialog[open]", ESCAPE),
        // The other screens, each in the state where it shows the most.
        Click("[data-screen='review']"),
        Click("tr[data-submission-id] .row-title"),
        Find("[data-testid='review-detail'] .status-buttons"),
        Check("contributions, une ligne ouverte"),
        Click("[data-screen='people']"),
        Find("table.people"),
        Check("participants"),
        Click("[data-screen='tables']"),
        Find(".tables-main"),
        Check("tables"),
        Click("[data-screen='print']"),
        Find("canvas.pdf-page[data-page='1']"),
        Check("impressions"),
        Click("[data-screen='exports']"),
        Find(".export-list"),
        Check("exports"),
    ];
    for step in walk {
        match step {
            Click(selector) => app.click(selector).await,
            Button(label) => app.click_button(label).await,
            Key(selector, key) => app.keys(selector, key).await,
            Find(selector) => {
                app.find(selector).await;
            }
            Check(state) => check(&app, state, &mut found).await,
        }
    }

    app.quit().await;
    assert_none(&found);
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const RIGHT: &str = "\u{E014}";
const CONTROL: &str = "\u{E009}";

async fn js(app: &App, script: &str) -> Value {
    app.client.execute(script, vec![]).await.expect(script)
}

/// What has the keyboard: its tag, id, session or room, and text, as one line.
async fn focused(app: &App) -> String {
    let script = "const e = document.activeElement; \
        return e ? [e.tagName, e.id, e.dataset.sessionId || '', e.closest('[data-room-id]')?.dataset.roomId || '', (e.textContent || '').trim().slice(0, 40)].join('|') : 'none';";
    js(app, script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Waits until the focused element's line satisfies `check`.
async fn wait_focus(app: &App, what: &str, check: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let now = focused(app).await;
        if check(&now) {
            return now;
        }
        if std::time::Instant::now() > deadline {
            panic!("{what}: the focus is on «{now}»");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Waits until the words of a live region (read by screen readers, off the page for the
/// eyes) satisfy `check`.
async fn said(app: &App, css: &str, check: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let now = app.raw_text(css).await;
        if check(&now) {
            return now;
        }
        if std::time::Instant::now() > deadline {
            panic!("{css} says «{now}»");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Presses keys wherever the focus is (a WebDriver action on the active element).
async fn press(app: &App, keys: &str) {
    let active = app
        .client
        .active_element()
        .await
        .expect("an active element");
    active.send_keys(keys).await.expect("keys");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_focus_comes_back_after_a_panel_an_undo_and_a_closed_project() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let app = App::launch(&home, &[path]).await;
    app.find("table.grid button.chip").await;

    // The first Tab reaches the skip links; the grid's takes the keyboard to the grid.
    js(&app, "document.activeElement?.blur(); return 0;").await;
    press(&app, TAB).await;
    let first = wait_focus(&app, "first Tab", |f| f.starts_with("A|")).await;
    assert!(first.ends_with("Aller au contenu"), "{first}");
    press(&app, TAB).await;
    press(&app, TAB).await;
    wait_focus(&app, "second skip link", |f| {
        f.ends_with("Aller à la grille")
    })
    .await;
    press(&app, ENTER).await;
    wait_focus(&app, "the grid", |f| f.starts_with("DIV|grid|")).await;

    // A session opened with Enter, its panel closed with Escape: back on the session.
    let id: String = serde_json::from_value(
        js(&app, "const b = document.querySelector('table.grid button.chip'); b.focus(); return b.dataset.sessionId;").await,
    )
    .unwrap();
    press(&app, ENTER).await;
    app.find(".panel form").await;
    wait_focus(&app, "the panel's first field", |f| f.starts_with("INPUT|")).await;
    press(&app, ESCAPE).await;
    wait_focus(&app, "after Escape", |f| {
        f.split('|').nth(2) == Some(id.as_str())
    })
    .await;

    // A room's panel, closed with its × button: back on the room.
    app.click(".room-button").await;
    app.click(".panel button[aria-label='Fermer le panneau']")
        .await;
    wait_focus(&app, "after ×", |f| {
        f.starts_with("BUTTON|") && !f.split('|').nth(3).unwrap_or("").is_empty()
    })
    .await;

    // Moved with the keyboard, then Ctrl+Z: the keyboard stays with the session.
    js(
        &app,
        &format!(
            "document.querySelector('button.chip[data-session-id=\"{id}\"]').focus(); return 0;"
        ),
    )
    .await;
    press(&app, SPACE).await;
    app.find("button.chip.lifted").await;
    press(&app, RIGHT).await;
    press(&app, SPACE).await;
    wait_focus(&app, "after the drop", |f| {
        f.split('|').nth(2) == Some(id.as_str())
    })
    .await;
    let moved = said(&app, "[data-testid='announce']", |t| !t.is_empty()).await;
    press(&app, &format!("{CONTROL}z{CONTROL}")).await;
    said(&app, "[data-testid='announce']", |t| t != moved).await;
    wait_focus(&app, "after Ctrl+Z", |f| {
        f.split('|').nth(2) == Some(id.as_str())
    })
    .await;

    // « À propos », opened from the project's menu and closed with Escape: back on the
    // menu's button (the item that opened it went with the menu).
    app.click("[data-testid='project-menu'] > button").await;
    app.click("[data-testid='about-open']").await;
    app.find("dialog[open]").await;
    press(&app, ESCAPE).await;
    wait_focus(&app, "after the dialog", |f| {
        f.starts_with("BUTTON|") && f.ends_with("Projet ▾")
    })
    .await;

    // Closing the project: the start screen has the keyboard, on the project just closed.
    app.click("[data-testid='project-menu'] > button").await;
    app.click_button("Fermer le projet").await;
    app.find(".start").await;
    wait_focus(&app, "after closing", |f| {
        f.starts_with("BUTTON|") && f.contains("civic tech")
    })
    .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_review_list_is_one_tab_stop_and_a_status_change_is_said() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let app = App::launch(&home, &[path]).await;
    app.click("[data-screen='review']").await;
    app.find("tr[data-submission-id] .row-title").await;
    let rows = app.find_all("tr[data-submission-id]").await.len();
    assert!(rows > 20, "{rows} rows");
    js(
        &app,
        "document.querySelector('tr[data-submission-id] .row-title').focus(); return 0;",
    )
    .await;
    press(&app, "\u{E015}").await; // ↓: the second row, which the detail shows.
    let title = wait_focus(&app, "second row", |f| f.starts_with("BUTTON|")).await;
    let title = title.rsplit('|').next().unwrap().to_string();
    app.wait_text(".detail-title", |t| {
        title.starts_with(t.get(..20).unwrap_or(t))
    })
    .await;

    // From the row, Tab leaves the list: the status buttons are a few presses away.
    let mut presses = 0;
    loop {
        press(&app, TAB).await;
        presses += 1;
        let now = focused(&app).await;
        if now.ends_with("|Retenue") {
            break;
        }
        assert!(presses < 8, "{presses} presses and still «{now}»");
    }
    // The detail did not follow the focus away from the row chosen.
    let shown = app.text(".detail-title").await;
    assert!(
        title.starts_with(shown.get(..20).unwrap_or(&shown)),
        "{shown} / {title}"
    );
    press(&app, ENTER).await;
    let said = app
        .wait_text("[data-testid='review-notice']", |t| t.contains("Retenue"))
        .await;
    assert!(said.contains(shown.get(..10).unwrap_or(&shown)), "{said}");
    app.quit().await;
}

/// The elements wider than the window, outside the tables allowed to scroll sideways.
async fn sideways(app: &App) -> Value {
    js(
        app,
        "const w = window.innerWidth; \
         const out = [...document.querySelectorAll('body *')].filter(e => { \
           if (e.closest('.grid-viewport, .table-scroll, .sideways, .sr-only, .skip-links, dialog:not([open])')) return false; \
           const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1; }) \
           .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)); \
         return [document.documentElement.scrollWidth - w, out.slice(0, 8)];",
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_apps_zoom_reflows_into_one_column_and_is_remembered() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let app = App::launch(&home, &[path]).await;
    app.find("table.grid button.chip").await;
    assert_eq!(js(&app, "return window.innerWidth;").await, 1280);

    // Ctrl+= up to 200 %: every tab still in view, nothing pushed out sideways.
    js(&app, "document.activeElement?.blur(); return 0;").await;
    for _ in 0..5 {
        press(&app, &format!("{CONTROL}={CONTROL}")).await;
    }
    said(&app, "[data-testid='zoom-said']", |t| t.contains("200")).await;
    assert_eq!(js(&app, "return window.innerWidth;").await, 640);
    let tabs_in_view = "return [...document.querySelectorAll('.tabs button')].every(b => { const r = b.getBoundingClientRect(); return r.right <= window.innerWidth && r.width > 0; });";
    assert_eq!(js(&app, tabs_in_view).await, Value::Bool(true));
    assert_eq!(sideways(&app).await, serde_json::json!([0, []]));

    // 400 %: 320 px wide; each screen in one column, only the grid scrolls sideways.
    for _ in 0..3 {
        press(&app, &format!("{CONTROL}={CONTROL}")).await;
    }
    said(&app, "[data-testid='zoom-said']", |t| t.contains("400")).await;
    assert_eq!(js(&app, "return window.innerWidth;").await, 320);
    for screen in [
        "day", "review", "people", "tables", "print", "exports", "import",
    ] {
        // Clicked from the page: WebKitWebDriver misplaces its pointer in a zoomed page.
        js(
            &app,
            &format!("document.querySelector(\"[data-screen='{screen}']\").click(); return 0;"),
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        assert_eq!(
            sideways(&app).await,
            serde_json::json!([0, []]),
            "screen {screen} at 400 %"
        );
    }
    // The language button covers no tab.
    let covered = "const l = document.querySelector('.lang').getBoundingClientRect(); \
        return [...document.querySelectorAll('.tabs button')].some(b => { const r = b.getBoundingClientRect(); \
        return r.left < l.right && r.right > l.left && r.top < l.bottom && r.bottom > l.top; });";
    assert_eq!(js(&app, covered).await, Value::Bool(false));
    app.quit().await;

    // Remembered on this computer; Ctrl+0 goes back to 100 %.
    let app = App::launch(&home, &[path]).await;
    app.find("table.grid").await;
    assert_eq!(js(&app, "return window.innerWidth;").await, 320);
    js(&app, "document.activeElement?.blur(); return 0;").await;
    press(&app, &format!("{CONTROL}0{CONTROL}")).await;
    said(&app, "[data-testid='zoom-said']", |t| t.contains("100")).await;
    assert_eq!(js(&app, "return window.innerWidth;").await, 1280);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_print_preview_scrolls_with_the_keyboard_and_says_what_each_page_holds() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let app = App::launch(&home, &[path]).await;
    app.click("[data-screen='print']").await;
    let page = app.find("canvas.pdf-page[data-page='1']").await;

    // Each page is named by its number and its own words: the badges' names.
    let label = page.attr("aria-label").await.unwrap().unwrap_or_default();
    assert!(label.starts_with("Page 1 sur 37\u{a0}: "), "{label}");
    let people: Vec<String> = home
        .journee(&["people", path, "--all", "--json"])
        .parse::<Value>()
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p["first_name"].as_str().map(str::to_string))
        .collect();
    let named = people
        .iter()
        .filter(|name| label.contains(name.as_str()))
        .count();
    assert!(named >= 4, "{named} first names in «{label}»");

    // Enlarged, a page is taller than the window: ↓ and End scroll it, Home comes back.
    for _ in 0..3 {
        app.click("[data-testid='zoom-in']").await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let scroll = "return document.querySelector('.print-preview').scrollTop;";
    js(
        &app,
        "document.querySelector('[data-testid=pages]').focus(); return 0;",
    )
    .await;
    press(&app, "\u{E011}").await; // Home
    assert_eq!(js(&app, scroll).await, 0);
    for _ in 0..3 {
        press(&app, "\u{E015}").await;
    }
    let down = js(&app, scroll).await.as_f64().unwrap();
    assert!(down >= 100.0, "↓ three times: {down}");
    press(&app, "\u{E010}").await; // End
    let end = js(&app, scroll).await.as_f64().unwrap();
    assert!(end > down, "End: {end}");
    press(&app, "\u{E011}").await;
    assert_eq!(js(&app, scroll).await, 0);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn english_is_chosen_remembered_and_said_to_be_english() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let app = App::launch(&home, &[path]).await;
    app.find("table.grid").await;
    assert_eq!(
        js(&app, "return document.documentElement.lang;").await,
        "fr"
    );
    assert_eq!(app.text(".lang").await, "English");
    assert_eq!(app.attr(".lang", "lang").await.as_deref(), Some("en"));
    app.click(".lang").await;
    app.wait_text("[data-screen='day']", |t| t == "Day").await;
    app.wait_text(".lang", |t| t == "Français").await;
    assert_eq!(
        js(&app, "return document.documentElement.lang;").await,
        "en"
    );
    assert_eq!(app.attr(".lang", "lang").await.as_deref(), Some("fr"));
    app.quit().await;

    // Started again: English from the first paint (its words load before the app shows).
    let app = App::launch(&home, &[path]).await;
    assert_eq!(app.text("[data-screen='day']").await, "Day");
    assert_eq!(
        js(&app, "return document.documentElement.lang;").await,
        "en"
    );
    app.click(".lang").await;
    app.wait_text(".lang", |t| t == "English").await;
    app.quit().await;
}
