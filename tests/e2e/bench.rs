//! Not a test: the grid's drop-to-repaint time with 300 sessions, measured in the real
//! webview with the Performance API. Run by `bench/grid` (ignored by `cargo test`).

use std::time::Duration;

use chrono::NaiveTime;
use journee::model::{NewRoom, NewSlot, RoomKind, SessionKind, SlotKind};
use journee::programme::NewSession;
use journee::{Project, Template};

use crate::harness::{App, Home};

const SPACE: &str = "\u{E00D}";
const RIGHT: &str = "\u{E014}";
const LEFT: &str = "\u{E012}";

/// 40 rooms x 10 slots, 300 sessions placed, through the core itself.
fn big_project(home: &Home) -> std::path::PathBuf {
    let path = home.file("grand.journee");
    let mut project = Project::create(&path, Template::Empty, false).unwrap();
    let date = project.day().unwrap().event.start_date;
    for i in 0..40 {
        project
            .add_room(NewRoom {
                name: format!("Salle {i:02}"),
                capacity: 20 + (i % 5) * 20,
                kind: [
                    RoomKind::Atelier,
                    RoomKind::Formation,
                    RoomKind::Pleniere,
                    RoomKind::Centrifugeuse,
                ][i as usize % 4],
                notes: String::new(),
                interpretation: false,
                track_id: None,
            })
            .unwrap();
    }
    for h in 0..10 {
        project
            .add_slot(NewSlot {
                date,
                start: NaiveTime::from_hms_opt(8 + h, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(8 + h, 50, 0),
                kind: SlotKind::Session,
                label: String::new(),
            })
            .unwrap();
    }
    let day = project.day().unwrap();
    for i in 0..300usize {
        let id = project
            .add_session(NewSession {
                title: format!("Session {i:03}"),
                kind: SessionKind::Atelier,
                language: if i % 11 == 0 { "en" } else { "fr" }.into(),
                expected_audience: Some(10 + (i as i64 * 7) % 60),
                description: String::new(),
                contributions: vec![],
            })
            .unwrap();
        project
            .place(id, day.rooms[i % 40].id, day.slots[i / 40].id)
            .unwrap();
    }
    path
}

/// What the Performance API measured over a series of drops.
struct Drops {
    answer: f64,
    state: f64,
    paint: f64,
    paint90: f64,
    count: usize,
}

/// The first session moves right and back, 40 times, with the keyboard, at a person's
/// pace; the measures are read, then cleared for the next series.
async fn drops(app: &App) -> Drops {
    let chip = "[data-session-id='1']";
    for round in 0..40 {
        let key = if round % 2 == 0 { RIGHT } else { LEFT };
        app.keys(chip, SPACE).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        app.keys(chip, key).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        app.keys(chip, SPACE).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let mut results = Vec::new();
    for name in [
        "journee-ipc-answer",
        "journee-drop-to-state",
        "journee-drop-to-paint",
    ] {
        let measures = app
            .client
            .execute(
                &format!("return performance.getEntriesByName('{name}').map(m => m.duration);"),
                vec![],
            )
            .await
            .unwrap();
        let mut times: Vec<f64> = measures
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_f64())
            .collect();
        assert!(!times.is_empty(), "no measure taken");
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        results.push((
            times[times.len() / 2],
            times[times.len() * 9 / 10],
            times.len(),
        ));
    }
    app.client
        .execute("performance.clearMeasures(); return 1;", vec![])
        .await
        .unwrap();
    Drops {
        answer: results[0].0,
        state: results[1].0,
        paint: results[2].0,
        paint90: results[2].1,
        count: results[2].2,
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: run bench/grid"]
async fn bench_drop_to_repaint_with_300_sessions() {
    let home = Home::new();
    let path = big_project(&home);
    let app = App::launch(&home, &[path.to_str().unwrap()]).await;
    app.find("table.grid").await;
    // As it opens: the warnings panel lists the first 50 of 290 or so, and those of the
    // moved sessions come further down.
    let below = drops(&app).await;
    // The panel filtered on one kind of warning, which the first session (in English, in
    // rooms without interpretation) has: its warning changes on screen at each drop.
    app.client
        .execute(
            "const s = document.querySelectorAll('.warnings-panel select')[1]; s.value = 'language'; \
             s.dispatchEvent(new Event('change', { bubbles: true })); return 1;",
            vec![],
        )
        .await
        .unwrap();
    app.wait_text("[data-testid='warnings-panel'] ul", |t| {
        t.contains("Session 000") && !t.contains("(atelier) est placée")
    })
    .await;
    let in_view = drops(&app).await;
    let build = if std::env::var_os("JOURNEE_APP").is_some() {
        "release"
    } else {
        "debug"
    };
    let layers = if std::env::var_os("JOURNEE_COMPOSITING").is_some() {
        "in layers"
    } else {
        "without layers"
    };
    println!(
        "grid: drop to repainted warnings, 300 sessions, 40 rooms x 10 slots ({build} app, painted \
         {layers})"
    );
    for (series, d) in [
        ("its warnings off the panel's page", below),
        ("its warning in the panel's view ", in_view),
    ] {
        println!(
            "grid: drop, {series}: median {:.1} ms (the core's answer {:.1} ms, state applied \
             {:.1} ms), p90 {:.1} ms ({} drops)",
            d.paint, d.answer, d.state, d.paint90, d.count
        );
    }
    app.quit().await;
}
