//! The centrifugeuse tables: people move between seats with the mouse and the keyboard,
//! from and to the waiting list, and every move is in the project file at once.

use serde_json::Value;

use crate::harness::{App, Home};

const SPACE: &str = "\u{E00D}";
const RIGHT: &str = "\u{E014}";

fn seat_of(plan: &Value, person: &Value) -> Option<(i64, i64, bool)> {
    plan["tables"].as_array().unwrap().iter().find_map(|t| {
        t["peers"]
            .as_array()
            .unwrap()
            .iter()
            .chain(std::iter::once(&t["animateur"]))
            .find(|s| s["person_id"] == *person)
            .map(|s| {
                (
                    t["number"].as_i64().unwrap(),
                    s["seat"].as_i64().unwrap(),
                    s["pinned"].as_bool().unwrap(),
                )
            })
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn people_move_between_seats_with_the_mouse_the_keyboard_and_the_waiting_list() {
    let (home, file) = Home::with_demo();
    let path = file.to_str().unwrap();
    let plans: Value =
        serde_json::from_str(&home.journee(&["tables", "assign", path, "--json"])).unwrap();
    let plan = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["tables"].as_array().unwrap().len() > 1)
        .expect("a centrifugeuse with several tables")
        .clone();
    let session = plan["session"].as_i64().unwrap().to_string();
    let stored = || -> Value {
        serde_json::from_str(&home.journee(&["tables", "show", path, &session, "--json"])).unwrap()
    };
    let a = plan["tables"][0]["peers"][0].clone();
    let b = plan["tables"][1]["peers"][1].clone();
    let (a_at, b_at) = (
        seat_of(&plan, &a["person_id"]).unwrap(),
        seat_of(&plan, &b["person_id"]).unwrap(),
    );
    let name = |p: &Value| {
        format!(
            "{} {}",
            p["first_name"].as_str().unwrap(),
            p["last_name"].as_str().unwrap()
        )
    };
    let seat_css = |(table, seat, _): (i64, i64, bool)| {
        format!("[data-table-card='{table}'] [data-drop='seat'][data-seat='{seat}']")
    };

    let app = App::launch(&home, &[path]).await;
    app.click("[data-screen='tables']").await;
    app.find("[data-testid='tables-session']")
        .await
        .select_by_value(&session)
        .await
        .expect("choose the session");
    app.wait_text(&seat_css(b_at), |t| t.contains(&name(&b)))
        .await;
    // How many asked for a centrifugeuse, counted from the wishes as registered.
    let wishing = plan["wishing"].as_i64().unwrap();
    assert!(wishing > 10, "{plan}");
    assert_eq!(
        app.raw_text("[data-testid='tables-wishing']").await,
        format!("{wishing}\u{a0}inscrit·es ont demandé une centrifugeuse.")
    );

    // The mouse: a onto b's seat at another table, and they swap.
    app.drag(
        &format!("[data-person='{}']", a["person_id"]),
        &format!("[data-person='{}']", b["person_id"]),
    )
    .await;
    app.wait_text(&seat_css(b_at), |t| t.contains(&name(&a)))
        .await;
    app.wait_text(&seat_css(a_at), |t| t.contains(&name(&b)))
        .await;
    let now = stored();
    assert_eq!(seat_of(&now, &a["person_id"]), Some((b_at.0, b_at.1, true)));
    assert_eq!(seat_of(&now, &b["person_id"]), Some((a_at.0, a_at.1, true)));

    // The keyboard: Space picks b up, → is the next seat of the same table, Space drops.
    let next = (a_at.0, a_at.1 + 1, true);
    let neighbour = plan["tables"][0]["peers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["seat"].as_i64() == Some(next.1))
        .unwrap()
        .clone();
    let chip = format!("[data-person='{}']", b["person_id"]);
    app.keys(&chip, SPACE).await;
    let said = app.raw_text("[data-testid='tables-status']").await;
    assert!(said.contains("saisi"), "{said}");
    app.keys(&chip, RIGHT).await;
    let said = app.raw_text("[data-testid='tables-status']").await;
    assert!(
        said.contains(&name(&neighbour)),
        "the seat's occupant is announced: {said}"
    );
    app.keys(&chip, SPACE).await;
    app.wait_text(&seat_css(next), |t| t.contains(&name(&b)))
        .await;
    let now = stored();
    assert_eq!(seat_of(&now, &b["person_id"]), Some(next));
    assert_eq!(
        seat_of(&now, &neighbour["person_id"]),
        Some((a_at.0, a_at.1, true))
    );

    // The waiting list: the first one waiting takes a's seat; a goes to wait.
    let waiting = now["waiting"][0].clone();
    app.drag(
        &format!(
            "[data-testid='waiting'] [data-person='{}']",
            waiting["person_id"]
        ),
        &chip.replace(&b["person_id"].to_string(), &a["person_id"].to_string()),
    )
    .await;
    app.wait_text("[data-testid='waiting']", |t| t.contains(&name(&a)))
        .await;
    let now = stored();
    assert_eq!(
        seat_of(&now, &waiting["person_id"]),
        Some((b_at.0, b_at.1, true))
    );
    assert_eq!(seat_of(&now, &a["person_id"]), None);
    app.quit().await;
}
