//! The print screen in the real window: choose a document, see its pages drawn by pdf.js
//! and what would print badly, save it through the native dialog.

use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn badges_and_the_programme_preview_then_save_through_the_native_dialog() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let badges: serde_json::Value =
        serde_json::from_str(&home.journee(&["badges", file.to_str().unwrap(), "--json"])).unwrap();
    let sheets = badges.as_array().unwrap().len().div_ceil(8);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click("[data-screen='print']").await;

    // Badges first, by default: the pages are drawn, and counted.
    let count = app
        .wait_text("[data-testid='page-count']", |t| t.contains("pages"))
        .await;
    assert!(count.contains(&format!("{sheets} pages")), "{count}");
    app.find("canvas.pdf-page[data-page='1']").await;
    let drawn = app
        .client
        .execute(
            "const c = document.querySelector(\"canvas.pdf-page[data-page='1']\");
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             let ink = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 128) ink++;
             return [c.width, c.height, ink];",
            vec![],
        )
        .await
        .unwrap();
    let drawn: Vec<u64> = drawn
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert!(drawn[1] > drawn[0], "an A4 portrait page: {drawn:?}");
    assert!(
        drawn[2] > 1000,
        "the page has text and bands on it: {drawn:?}"
    );

    // Paged and zoomed (the badges run to more pages than a view): six small pages, then the next ones; larger, fewer at a time.
    let pages_drawn = || async {
        let v = app
            .client
            .execute(
                "return [...document.querySelectorAll('canvas.pdf-page')].map(c => [Number(c.dataset.page), c.getBoundingClientRect().width]);",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value::<Vec<(u32, f64)>>(v).unwrap()
    };
    assert_eq!(
        pages_drawn().await.iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    let small = pages_drawn().await[0].1;
    app.click("[data-testid='page-next']").await;
    app.find("canvas.pdf-page[data-page='7']").await;
    assert_eq!(pages_drawn().await[0].0, 7);
    app.click("[data-testid='zoom-in']").await;
    app.wait_text("[data-testid='zoom']", |t| t.starts_with("50"))
        .await;
    let mut larger = pages_drawn().await;
    for _ in 0..50 {
        if larger.len() <= 4 && larger[0].1 > small {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        larger = pages_drawn().await;
    }
    assert!(larger.len() <= 4 && larger[0].0 == 7, "{larger:?}");
    // 50 % of an A4 page's 210 mm, on a 96 dpi screen: about 397 px.
    assert!((larger[0].1 - 397.0).abs() < 3.0, "{larger:?}");
    // Only the speakers: fewer sheets.
    app.click("[data-role='intervenant']").await;
    let speakers = badges
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["role"] == "intervenant")
        .count();
    app.wait_text("[data-testid='page-count']", |t| {
        t.contains(&format!("{} page", speakers.div_ceil(8)))
    })
    .await;

    // A logo, chosen through the native dialog, is kept in the project.
    let logo = home.file("logo-cese.png");
    image::RgbImage::from_pixel(300, 120, image::Rgb([29, 78, 137]))
        .save(&logo)
        .unwrap();
    app.click_button("Choisir un logo…").await;
    app.answer_open_dialog("Choisir le logo des badges", &logo)
        .await;
    app.wait_text("[data-testid='logo-name']", |t| t == "logo-cese.png")
        .await;
    let kept = home.journee(&["logo", file.to_str().unwrap()]);
    assert!(kept.contains("logo-cese.png"), "{kept}");

    // The programme.
    app.click("[data-document='programme']").await;
    app.find("[data-testid='page-count'][data-document='programme']")
        .await;
    app.click_button("Enregistrer le PDF…").await;
    let target = home.file("programme-cese.pdf");
    app.answer_file_dialog("Enregistrer le PDF", &target).await;
    let saved = app
        .wait_text("[data-testid='saved']", |t| {
            t.contains("programme-cese.pdf")
        })
        .await;
    assert!(saved.starts_with("Enregistré"), "{saved}");
    let pdf = std::fs::read(&target).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = std::process::Command::new("pdftotext")
        .args([target.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Index des intervenant"),
        "the programme, not the badges"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_days_papers_preview_and_the_guest_list_saves_as_a_workbook() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let badges: serde_json::Value =
        serde_json::from_str(&home.journee(&["badges", file.to_str().unwrap(), "--json"])).unwrap();
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click("[data-screen='print']").await;
    app.find("[data-testid='page-count']").await;

    // Each of the day's papers is drawn, and said what it is for.
    for which in ["signin", "guests", "namecards", "cards", "runsheet"] {
        app.click(&format!("[data-document='{which}']")).await;
        app.find(&format!(
            "[data-testid='page-count'][data-document='{which}']"
        ))
        .await;
        app.find("canvas.pdf-page[data-page='1']").await;
        let help = app
            .wait_text("[data-testid='document-help']", |t| !t.is_empty())
            .await;
        assert!(help.len() > 40, "{which}: {help}");
    }
    // Name cards and session cards are not lists: no workbook to save.
    app.click("[data-document='cards']").await;
    app.find("[data-testid='page-count'][data-document='cards']")
        .await;
    assert!(app
        .find_all("[data-testid='save-workbook']")
        .await
        .is_empty());

    // The guest list as a workbook for the venue's security, through the native dialog.
    app.click("[data-document='guests']").await;
    app.find("[data-testid='page-count'][data-document='guests']")
        .await;
    app.click("[data-testid='save-workbook']").await;
    let target = home.file("accueil-cese.xlsx");
    app.answer_file_dialog("Enregistrer le classeur", &target)
        .await;
    app.wait_text("[data-testid='saved']", |t| t.contains("accueil-cese.xlsx"))
        .await;
    use calamine::{open_workbook_auto, Reader};
    let mut book = open_workbook_auto(&target).unwrap();
    let rows = book.worksheet_range("Accueil").unwrap();
    assert_eq!(rows.height(), badges.as_array().unwrap().len() + 1);
    app.quit().await;
}

/// A fingerprint of the first page as drawn, once the preview is made; "error: …" when
/// the screen says the preview failed.
async fn first_page(app: &App) -> String {
    let script = "if (document.querySelector('[data-testid=preview-error]')) \
           return 'error: ' + document.querySelector('[data-testid=preview-error]').textContent; \
         if (document.querySelector('.print-preview').getAttribute('aria-busy') === 'true') return ''; \
         const c = document.querySelector(\"canvas.pdf-page[data-page='1']\"); if (!c) return ''; \
         const u = c.toDataURL(); let h = 0; for (let i = 0; i < u.length; i++) h = (h * 31 + u.charCodeAt(i)) | 0; \
         return document.querySelectorAll('canvas.pdf-page').length + ':' + c.width + 'x' + c.height + ':' + h;";
    app.client
        .execute(script, vec![])
        .await
        .expect("fingerprint")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Chooses option `index` of the select `testid`, as a person would (a change event),
/// and waits for a preview different from `before`.
async fn choose(app: &App, testid: &str, index: usize, before: &str) -> String {
    let script = format!(
        "const s = document.querySelector('[data-testid={testid}]'); s.selectedIndex = {index}; \
         s.dispatchEvent(new Event('change')); return s.options[{index}].text;"
    );
    let label = app.client.execute(&script, vec![]).await.expect("choose");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let now = first_page(app).await;
        assert!(!now.starts_with("error"), "{testid} «{label}»: {now}");
        if !now.is_empty() && now != before {
            return now;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{testid} «{label}»: the preview did not change"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_qr_option_and_every_layout_changes_the_preview_and_vcards_decode() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click("[data-screen='print']").await;
    app.find("canvas.pdf-page[data-page='1']").await;
    let mut now = String::new();
    while now.is_empty() {
        now = first_page(&app).await;
    }

    // Each QR option (none, vCard, id, none again), then each sheet layout.
    for index in [1, 2, 0] {
        now = choose(&app, "qr", index, &now).await;
    }
    let layouts = app.find_all("[data-testid='layout'] option").await.len();
    assert!(layouts >= 5, "{layouts} layouts");
    for index in (1..layouts).chain([0]) {
        now = choose(&app, "layout", index, &now).await;
    }

    // The contact cards, saved: zbar reads a vCard of a person on the page in each code.
    choose(&app, "qr", 1, &now).await;
    app.click_button("Enregistrer le PDF…").await;
    let target = home.file("badges-vcard.pdf");
    app.answer_file_dialog("Enregistrer le PDF", &target).await;
    app.wait_text("[data-testid='saved']", |t| t.contains("badges-vcard.pdf"))
        .await;
    let run = |program: &str, args: &[&str]| {
        let out = std::process::Command::new(program)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let png = home.file("page");
    let pdf = target.to_str().unwrap();
    run(
        "pdftoppm",
        &[
            "-r",
            "300",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            pdf,
            png.to_str().unwrap(),
        ],
    );
    let codes = run(
        "zbarimg",
        &[
            "--quiet",
            "--raw",
            "-Sqrcode.enable",
            &format!("{}.png", png.display()),
        ],
    );
    let text = run("pdftotext", &["-f", "1", "-l", "1", pdf, "-"]);
    let names: Vec<&str> = codes
        .lines()
        .filter_map(|l| l.strip_prefix("FN:"))
        .collect();
    assert_eq!(names.len(), 8, "{codes}");
    for name in names {
        let first = name.split_whitespace().next().unwrap();
        assert!(text.contains(first), "{name} not on the page");
    }
    app.quit().await;
}
