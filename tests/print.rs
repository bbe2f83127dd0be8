//! The printed documents, read back with tools the project did not write: pdfinfo,
//! pdftotext and pdffonts (poppler), qpdf.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{journee, ok, s, tool};

struct Pdf {
    text: String,
    pages: usize,
    /// Width and height in points of the first page.
    size: (f64, f64),
    fonts: Vec<String>,
}

/// Reads a PDF back and checks that qpdf finds it sound and every font is embedded.
fn read(path: &Path) -> Pdf {
    let check = tool("qpdf", &["--check", s(path)]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let info = tool("pdfinfo", &[s(path)]);
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap()
    };
    let pages = field("Pages:").parse().unwrap();
    let size: Vec<f64> = field("Page size:")
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let fonts: Vec<String> = tool("pdffonts", &[s(path)])
        .lines()
        .skip(2)
        .map(str::to_string)
        .collect();
    for font in &fonts {
        let columns: Vec<&str> = font.split_whitespace().collect();
        // name type [type...] encoding emb sub uni id gen: "emb" is the 5th from the end.
        assert_eq!(
            columns[columns.len() - 5],
            "yes",
            "font not embedded: {font}"
        );
        // A subset, and named as one: six capitals, « + », the font's PostScript name.
        assert_eq!(columns[columns.len() - 4], "yes", "not a subset: {font}");
        let (tag, name) = columns[0].split_once('+').expect("a subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()) && !name.is_empty(),
            "{font}"
        );
    }
    // Honest metadata: who made it and when, and no claim of a standard it does not meet.
    assert!(field("Producer:").starts_with("Journée "), "{info}");
    assert_eq!(field("Custom Metadata:"), "no", "{info}");
    let year: i32 = field("CreationDate:")
        .split_whitespace()
        .find_map(|w| w.parse().ok().filter(|y| *y > 1900))
        .unwrap();
    assert!(year >= 2025, "{info}");
    let bytes = std::fs::read(path).unwrap();
    assert!(
        !bytes.windows(15).any(|w| w == b"GTS_PDFXVersion"),
        "a PDF/X key in {}",
        path.display()
    );
    Pdf {
        text: tool("pdftotext", &["-layout", s(path), "-"]),
        pages,
        size: (size[0], size[1]),
        fonts,
    }
}

fn demo(dir: &Path) -> PathBuf {
    support::demo_file(dir, "demo.journee")
}

fn badges(file: &Path) -> Vec<Value> {
    let list: Value = serde_json::from_str(&ok(journee(&["badges", s(file), "--json"]))).unwrap();
    list.as_array().unwrap().clone()
}

#[test]
fn the_demo_badges_print_eight_to_an_a4_sheet_sorted_by_last_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let people = badges(&file);
    assert!(people.len() > 250, "{}", people.len());
    let out = dir.path().join("badges.pdf");
    ok(journee(&["export", s(&file), "badges", "--out", s(&out)]));
    let pdf = read(&out);
    assert_eq!(pdf.pages, people.len().div_ceil(8));
    assert_eq!(pdf.size, (595.276, 841.89), "A4");
    assert_eq!(
        pdf.fonts.len(),
        2,
        "Noto Sans regular and bold: {:?}",
        pdf.fonts
    );
    // Subset: the whole of Noto Sans is 1 MB.
    assert!(std::fs::metadata(&out).unwrap().len() < 400_000);
    // Every name is there, in the badges' order (by last name, French collation).
    let mut at = 0;
    for person in &people {
        let first = person["first_name"].as_str().unwrap();
        let found = pdf.text[at..]
            .find(first)
            .unwrap_or_else(|| panic!("{first} missing or out of order"));
        at += found;
    }
    for role in ["Intervenant·e", "Participant·e", "Animateur·rice"] {
        assert!(pdf.text.contains(role), "{role}");
    }
    assert!(pdf.text.contains("Lundi 18 mars 2019"));
}

#[test]
fn layouts_duplex_roles_and_sessions_change_the_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let people = badges(&file);
    let speakers = people.iter().filter(|p| p["role"] == "intervenant").count();
    assert!(speakers > 10, "{speakers}");
    let out = dir.path().join("b.pdf");
    let export = |extra: &[&str]| {
        let mut args = vec!["export", s(&file), "badges", "--out", s(&out)];
        args.extend_from_slice(extra);
        ok(journee(&args));
        read(&out)
    };

    let pdf = export(&["--layout", "a4-10"]);
    assert_eq!(pdf.pages, people.len().div_ceil(10));

    let pdf = export(&["--layout", "single", "--roles", "intervenant"]);
    assert_eq!(pdf.pages, speakers);
    // 90 x 55 mm.
    assert!(
        (pdf.size.0 - 255.1).abs() < 0.2 && (pdf.size.1 - 155.9).abs() < 0.2,
        "{:?}",
        pdf.size
    );
    assert!(!pdf.text.contains("Participant·e"));

    let pdf = export(&[
        "--roles",
        "intervenant",
        "--duplex",
        "--sessions",
        "--qr",
        "vcard",
    ]);
    assert_eq!(
        pdf.pages,
        2 * speakers.div_ceil(8),
        "a back for every front"
    );
    // Speakers' sessions, with time and room.
    assert!(
        pdf.text.contains("Hémicycle") || pdf.text.contains("Atelier"),
        "{}",
        &pdf.text[..500]
    );

    let pdf = export(&["--layout", "a6-4", "--roles", "participant,intervenant"]);
    assert!(pdf.pages >= (people.len() - 20).div_ceil(4) / 2);

    // A wrong option says what is wrong, in French, and writes nothing.
    std::fs::remove_file(&out).unwrap();
    let bad = journee(&[
        "export",
        s(&file),
        "badges",
        "--out",
        s(&out),
        "--layout",
        "a3",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("«\u{a0}a3\u{a0}»"));
    assert!(!out.exists());
}

/// Registrations with names the badges must take care of.
fn difficult_people(dir: &Path) -> PathBuf {
    let file = dir.join("p.journee");
    ok(journee(&["new", s(&file)]));
    let csv_path = dir.join("inscriptions.csv");
    let mut csv = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_path(&csv_path)
        .unwrap();
    csv.write_record(["Prénom", "Nom", "Structure", "Courriel"])
        .unwrap();
    for row in [
        [
            "Marie-Françoise-Éléonore",
            "de La Tour d'Auvergne-Lauraguais",
            "Conseil départemental de la Haute-Saône",
            "mf@example.org",
        ],
        ["志玲", "林", "g0v 零時政府", "lin@example.tw"],
        ["Ankh", "𓋹𓂀", "Musée", "ankh@example.org"],
        [
            "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessen",
            "Senior",
            "",
            "w@example.org",
        ],
        ["Émile", "Zola", "L'Aurore", "ez@example.org"],
    ] {
        csv.write_record(row).unwrap();
    }
    csv.flush().unwrap();
    ok(journee(&[
        "import",
        s(&file),
        s(&csv_path),
        "--kind",
        "registrations",
    ]));
    file
}

#[test]
fn other_scripts_use_a_system_font_and_the_preflight_names_what_cannot_print() {
    let dir = tempfile::tempdir().unwrap();
    let file = difficult_people(dir.path());
    let out = dir.path().join("b.pdf");
    ok(journee(&["export", s(&file), "badges", "--out", s(&out)]));
    let pdf = read(&out);
    assert_eq!(pdf.pages, 1);
    // The Chinese name is printed with a system font (Droid Sans Fallback here).
    assert!(pdf.text.contains("志玲"), "{}", pdf.text);
    assert_eq!(pdf.fonts.len(), 3, "{:?}", pdf.fonts);
    // Long names shrink and wrap, but nothing is cut.
    let flat: String = pdf.text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Marie-"), "{flat}");
    assert!(flat.contains("Éléonore"), "{flat}");
    assert!(flat.contains("Lauraguais"), "{flat}");
    assert!(flat.contains("Haute-Saône"), "{flat}");

    let findings: Value =
        serde_json::from_str(&ok(journee(&["preflight", s(&file), "--json"]))).unwrap();
    let findings = findings.as_array().unwrap();
    let about = |code: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f["code"] == code)
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    let uncovered = about("uncovered_characters");
    assert_eq!(uncovered.len(), 1, "{findings:?}");
    assert!(
        uncovered[0].contains("Ankh") && uncovered[0].contains("U+13080"),
        "{}",
        uncovered[0]
    );
    let small = about("small_text");
    assert!(
        small
            .iter()
            .any(|m| m.contains("Wolfeschlegel") && m.contains("prénom")),
        "{findings:?}"
    );
    let missing = about("missing_organisation");
    assert_eq!(missing.len(), 1, "{missing:?}");
    // The typographic apostrophe; French collation: "de La Tour" filed under L.
    assert!(
        flat.contains("L’Aurore") && flat.contains("d’Auvergne"),
        "{flat}"
    );
    let order: Vec<String> = badges(&file)
        .iter()
        .map(|b| b["last_name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        order[..3],
        ["de La Tour d'Auvergne-Lauraguais", "Senior", "Zola"],
        "{order:?}"
    );
}

#[test]
fn staff_get_the_organisation_badge_whatever_else_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = difficult_people(dir.path());
    let zola = badges(&file)
        .into_iter()
        .find(|b| b["last_name"] == "Zola")
        .unwrap();
    assert_eq!(zola["role"], "participant");
    let id = zola["person_id"].to_string();
    ok(journee(&["role", s(&file), &id, "organisation"]));
    let zola = badges(&file)
        .into_iter()
        .find(|b| b["last_name"] == "Zola")
        .unwrap();
    assert_eq!(zola["role"], "organisation");
    let bad = journee(&["role", s(&file), "99999", "presse"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("99999"));
}

#[test]
fn door_signs_have_a_landscape_page_per_room_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let sessions: Value =
        serde_json::from_str(&ok(journee(&["session", "list", s(&file), "--json"]))).unwrap();
    let mut rooms: Vec<i64> = sessions
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["placement"]["room_id"].as_i64())
        .collect();
    rooms.sort();
    rooms.dedup();
    let out = dir.path().join("signs.pdf");
    ok(journee(&["export", s(&file), "signs", "--out", s(&out)]));
    let pdf = read(&out);
    assert_eq!(pdf.pages, rooms.len());
    assert_eq!(pdf.size, (841.89, 595.276), "A4 landscape");
    assert!(pdf.text.contains("Hémicycle"));
    assert!(pdf.text.contains("09:00–10:00"), "{}", &pdf.text[..400]);
}

#[test]
fn centrifugeuse_tables_follow_the_rules_keep_pinned_seats_and_print() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let assign = || -> Value {
        serde_json::from_str(&ok(journee(&["tables", "assign", s(&file), "--json"]))).unwrap()
    };
    let plans = assign();
    let plans = plans.as_array().unwrap().clone();
    assert_eq!(plans.len(), 4, "four centrifugeuse sessions in the demo");
    // Deterministic: the same project gives the same plan.
    assert_eq!(Value::Array(plans.clone()), assign());

    let people: Value =
        serde_json::from_str(&ok(journee(&["people", s(&file), "--all", "--json"]))).unwrap();
    let wishes = |id: &Value| {
        people
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == *id)
            .map(|p| p["wishes"].as_str().unwrap().to_string())
            .unwrap()
    };
    let mut tables = 0;
    for plan in &plans {
        let broken: Vec<&str> = plan["broken"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["rule"].as_str().unwrap())
            .collect();
        for table in plan["tables"].as_array().unwrap() {
            tables += 1;
            let holder_orgs: Vec<&Value> = table["holders"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| &h["organisation"])
                .collect();
            let peers = table["peers"].as_array().unwrap();
            assert!(peers.len() <= 4);
            let mut orgs = Vec::new();
            for peer in peers {
                assert!(wishes(&peer["person_id"]).contains("centrifugeuse"));
                if holder_orgs.contains(&&peer["organisation"]) {
                    assert!(broken.contains(&"holder_organisation"), "{plan}");
                }
                if orgs.contains(&&peer["organisation"]) {
                    assert!(broken.contains(&"same_organisation"), "{plan}");
                }
                orgs.push(&peer["organisation"]);
            }
        }
    }

    // A seat given by hand stays through a new assignment.
    let session = plans[1]["session"].to_string();
    let someone = plans[0]["tables"][0]["peers"][0]["person_id"].to_string();
    ok(journee(&[
        "tables",
        "seat",
        s(&file),
        &session,
        &someone,
        "2",
    ]));
    let again = assign();
    let table2 = again
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["session"] == plans[1]["session"])
        .unwrap()["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["number"] == 2)
        .unwrap()
        .clone();
    let pinned = table2["peers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["person_id"] == plans[0]["tables"][0]["peers"][0]["person_id"])
        .unwrap_or_else(|| panic!("{table2}"));
    assert_eq!(pinned["pinned"], true);
    let not_centrifugeuse = journee(&["tables", "show", s(&file), "1"]);
    assert_eq!(not_centrifugeuse.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&not_centrifugeuse.stderr)
        .contains("pas une session de centrifugeuse"));

    let out = dir.path().join("tables.pdf");
    ok(journee(&["export", s(&file), "tables", "--out", s(&out)]));
    let pdf = read(&out);
    // A plan per session, a tent card per table, then the list.
    assert!(pdf.pages > plans.len() + tables, "{}", pdf.pages);
    let holder = plans[0]["tables"][0]["holders"][0]["last_name"]
        .as_str()
        .unwrap();
    assert!(pdf.text.contains(holder), "{holder}");
    assert!(pdf.text.contains("qui est à quelle table"));
    assert!(pdf.text.contains("Table 1"));
}

#[test]
fn the_programme_has_every_placed_session_whole_on_one_page_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let sessions: Value =
        serde_json::from_str(&ok(journee(&["session", "list", s(&file), "--json"]))).unwrap();
    let placed: Vec<&Value> = sessions
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["placement"].is_null())
        .collect();
    let out = dir.path().join("programme.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "programme",
        "--out",
        s(&out),
    ]));
    let pdf = read(&out);
    assert_eq!(pdf.size, (595.276, 841.89));
    assert!(
        pdf.pages >= 5,
        "cover, at a glance, sessions, index: {}",
        pdf.pages
    );
    let pages: Vec<String> = (1..=pdf.pages)
        .map(|p| {
            let text = tool(
                "pdftotext",
                &["-f", &p.to_string(), "-l", &p.to_string(), s(&out), "-"],
            );
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    let flat = |t: &str| {
        t.replace(['\u{a0}', '\u{202f}'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(pages[0].contains("Lundi 18 mars 2019"), "{}", pages[0]);
    assert!(pages[1].contains("coup d"), "{}", pages[1]);
    // Each session, from its title to its last speaker, on one page (after the overview).
    for session in &placed {
        let title = flat(session["title"].as_str().unwrap()).replace('\'', "’");
        let page = pages[2..]
            .iter()
            .position(|p| flat(p).contains(&title))
            .unwrap_or_else(|| panic!("{title} missing"));
        for contribution in session["contributions"].as_array().unwrap() {
            for speaker in contribution["speakers"].as_array().unwrap() {
                let name = format!(
                    "{} {}",
                    speaker["first_name"].as_str().unwrap(),
                    speaker["last_name"].as_str().unwrap()
                );
                let name = flat(&name).replace('\'', "’");
                assert!(
                    flat(&pages[2 + page]).contains(&name),
                    "{name} not on the page of {title}"
                );
            }
        }
        // Without a description, the running order: the second talk with its time.
        let talks = session["contributions"].as_array().unwrap();
        if session["description"] == "" && talks.len() >= 2 {
            let second = &talks[1];
            let first_word = flat(second["title"].as_str().unwrap()).replace('\'', "’");
            let first_word = first_word.split(' ').next().unwrap();
            let expected = format!("{} {first_word}", second["starts"].as_str().unwrap());
            assert!(
                flat(&pages[2 + page]).contains(&expected),
                "«{expected}» not on the page of {title}"
            );
        }
    }
    let index = pages
        .iter()
        .position(|p| p.contains("Index des intervenant"))
        .unwrap();
    assert!(index >= 2);
    assert!(pages[index..]
        .iter()
        .any(|p| p.contains("Informations pratiques")));
    assert!(pages.last().unwrap().contains("18:30"), "the evening");

    ok(journee(&[
        "export",
        s(&file),
        "programme",
        "--format",
        "a5",
        "--out",
        s(&out),
    ]));
    let a5 = read(&out);
    assert_eq!(a5.size, (419.528, 595.276), "A5");
    assert!(a5.pages >= pdf.pages);
}

#[test]
fn the_logo_is_kept_in_the_project_scaled_down_and_embedded_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    // A wide logo with a transparent background, larger than a badge needs.
    let png = dir.path().join("logo.png");
    let image = image::RgbaImage::from_fn(1600, 800, |x, y| {
        if (x / 100 + y / 100) % 2 == 0 {
            image::Rgba([29, 78, 137, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    image.save(&png).unwrap();
    let said = ok(journee(&["logo", s(&file), s(&png)]));
    assert!(said.contains("600 × 300 px"), "{said}");
    assert!(ok(journee(&["logo", s(&file)])).contains("logo.png"));

    let out = dir.path().join("badges.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "badges",
        "--out",
        s(&out),
        "--roles",
        "intervenant",
    ]));
    let pdf = read(&out);
    assert!(pdf.pages >= 2, "{}", pdf.pages);
    let images = tool("pdfimages", &["-list", s(&out)]);
    let rows: Vec<Vec<&str>> = images
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    // Every badge shows it (image and its transparency mask), all from one object.
    let shown: Vec<&Vec<&str>> = rows.iter().filter(|r| r[2] == "image").collect();
    let badges = badges(&file)
        .iter()
        .filter(|b| b["role"] == "intervenant")
        .count();
    assert!(badges > 8);
    assert_eq!(shown.len(), badges, "{images}");
    assert!(shown.iter().all(|r| r[3] == "600" && r[4] == "300"));
    assert!(rows.iter().any(|r| r[2] == "smask"), "{images}");
    let objects: std::collections::HashSet<&str> = shown.iter().map(|r| r[10]).collect();
    assert_eq!(objects.len(), 1, "{images}");

    // Left out on demand.
    let without = dir.path().join("sans-logo.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "badges",
        "--out",
        s(&without),
        "--no-logo",
    ]));
    assert_eq!(
        tool("pdfimages", &["-list", s(&without)]).lines().count(),
        2
    );

    // Not an image: a French message, and the logo stays.
    let fake = dir.path().join("faux.png");
    std::fs::write(&fake, "Nom;Prénom\n").unwrap();
    let refused = journee(&["logo", s(&file), s(&fake)]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("n'est pas une image PNG ou JPEG"),
        "{message}"
    );
    assert!(ok(journee(&["logo", s(&file)])).contains("logo.png"));
    ok(journee(&["logo", s(&file), "--remove"]));
    assert!(ok(journee(&["logo", s(&file)])).contains("Pas de logo"));
}

/// The text of a region of a page, in points from the top left.
fn text_in(pdf: &Path, page: usize, (x, y, w, h): (u32, u32, u32, u32)) -> String {
    let page = page.to_string();
    let region = [x, y, w, h].map(|v| v.to_string());
    tool(
        "pdftotext",
        &[
            "-f",
            &page,
            "-l",
            &page,
            "-x",
            &region[0],
            "-y",
            &region[1],
            "-W",
            &region[2],
            "-H",
            &region[3],
            s(pdf),
            "-",
        ],
    )
}

#[test]
fn the_a5_booklet_puts_two_pages_a_side_in_folding_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let a5 = dir.path().join("a5.pdf");
    let booklet = dir.path().join("livret.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "programme",
        "--format",
        "a5",
        "--out",
        s(&a5),
    ]));
    ok(journee(&[
        "export",
        s(&file),
        "programme",
        "--format",
        "livret",
        "--out",
        s(&booklet),
    ]));
    let pages = read(&a5).pages;
    let imposed = read(&booklet);
    let count = pages.div_ceil(4) * 4;
    assert_eq!(imposed.pages, count / 2);
    assert_eq!(imposed.size, (841.89, 595.276), "A4 landscape");

    // Each half of each side is the A5 page that folding puts there.
    let a5_page = |n: usize| -> String {
        if n > pages {
            return String::new();
        }
        text_in(&a5, n, (0, 0, 421, 595))
    };
    // The index's dot leaders aside: pdftotext counts them differently in a cropped area.
    let words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(|c| c != '.'))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for side in 0..count / 2 {
        let sheet = side / 2;
        let (left, right) = if side % 2 == 0 {
            (count - 2 * sheet, 2 * sheet + 1)
        } else {
            (2 * sheet + 2, count - 1 - 2 * sheet)
        };
        let left_text = text_in(&booklet, side + 1, (0, 0, 421, 595));
        let right_text = text_in(&booklet, side + 1, (421, 0, 421, 595));
        assert_eq!(
            words(&left_text),
            words(&a5_page(left)),
            "side {side}, left"
        );
        assert_eq!(
            words(&right_text),
            words(&a5_page(right)),
            "side {side}, right"
        );
    }
    assert!(text_in(&booklet, 1, (421, 0, 421, 595)).contains("civic tech"));
}

#[test]
fn names_written_right_to_left_print_joined_and_in_reading_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.journee");
    ok(journee(&["new", s(&file)]));
    let csv_path = dir.path().join("inscriptions.csv");
    let mut csv = csv::Writer::from_path(&csv_path).unwrap();
    csv.write_record(["Prénom", "Nom", "Structure", "Courriel"])
        .unwrap();
    csv.write_record(["ليلى", "Haddad", "جمعية الياسمين", "lh@example.tn"])
        .unwrap();
    csv.write_record(["נועה", "כהן", "עמותת שקיפות", "nc@example.il"])
        .unwrap();
    csv.write_record(["Émile", "Zola", "L'Aurore", "ez@example.org"])
        .unwrap();
    csv.flush().unwrap();
    ok(journee(&[
        "import",
        s(&file),
        s(&csv_path),
        "--kind",
        "registrations",
    ]));
    // A font has these letters: nothing to say.
    let findings: Value =
        serde_json::from_str(&ok(journee(&["preflight", s(&file), "--json"]))).unwrap();
    assert_eq!(findings.as_array().unwrap().len(), 0, "{findings}");
    let out = dir.path().join("badges.pdf");
    ok(journee(&["export", s(&file), "badges", "--out", s(&out)]));
    read(&out);
    // poppler reads right-to-left runs back into logical order: a name drawn in the
    // wrong order would come back reversed. Arabic letters come back as the joined forms
    // the font's shaping chose (initial, medial, final), not as isolated letters.
    let text: String = tool("pdftotext", &["-raw", s(&out), "-"])
        .chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}'))
        .collect();
    assert!(
        text.contains("\u{FEDF}\u{FEF4}\u{FEE0}\u{FEF0}"),
        "ليلى joined: {text}"
    );
    assert!(
        text.contains("\u{FE9F}\u{FEE4}\u{FECC}\u{FEF4}\u{FE94}"),
        "جمعية joined: {text}"
    );
    assert!(!text.contains("ليلى"), "isolated letters: {text}");
    for hebrew in ["נועה", "כהן"] {
        assert!(text.contains(hebrew), "{hebrew} in reading order: {text}");
    }
    // Two words: poppler gives the words left to right as they stand on the paper, each
    // read from the right: « עמותת » is the word on the right, read first.
    assert!(text.contains("שקיפות עמותת"), "{text}");
}

#[test]
fn the_preflight_knows_what_the_grid_knows() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let findings: Vec<Value> =
        serde_json::from_str(&ok(journee(&["preflight", s(&file), "--json"]))).unwrap();
    let of =
        |code: &str| -> Vec<&Value> { findings.iter().filter(|f| f["code"] == code).collect() };

    // Someone in two places at once: as many as the grid's warnings, as errors.
    let warnings: Vec<Value> =
        serde_json::from_str(&ok(journee(&["check", s(&file), "--json"]))).unwrap();
    let clashes = warnings
        .iter()
        .filter(|w| w["code"] == "person_clash")
        .count();
    assert!(clashes > 0);
    assert_eq!(of("person_clash").len(), clashes);
    assert!(of("person_clash").iter().all(|f| f["severity"] == "error"));

    // Tables without an animateur, and the plans of a session not on the grid.
    let sessions: Vec<Value> =
        serde_json::from_str(&ok(journee(&["session", "list", s(&file), "--json"]))).unwrap();
    let mut empty = 0;
    let mut unplaced = 0;
    for session in sessions.iter().filter(|s| s["kind"] == "centrifugeuse") {
        let id = session["id"].as_i64().unwrap().to_string();
        let plan: Value =
            serde_json::from_str(&ok(journee(&["tables", "show", s(&file), &id, "--json"])))
                .unwrap();
        empty += plan["tables"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["animateur"].is_null())
            .count();
        if session["placement"].is_null() {
            unplaced += 1;
            assert!(of("unplaced_printed")
                .iter()
                .any(|f| f["session"] == session["id"]));
        }
    }
    assert!(empty > 0 && unplaced > 0);
    assert_eq!(of("empty_animateur").len(), empty);
    assert_eq!(of("unplaced_printed").len(), unplaced);
    assert!(of("empty_animateur")[0]["message"]
        .as_str()
        .unwrap()
        .contains("animateur·rice à trouver"));
}

/// Every word of a PDF with its page and box in millimetres (pdftotext -bbox).
fn words(pdf: &Path) -> Vec<(usize, String, [f64; 4])> {
    let html = tool("pdftotext", &["-bbox", s(pdf), "-"]);
    let mm = |pt: &str| pt.parse::<f64>().unwrap() * 25.4 / 72.0;
    let attr = |line: &str, name: &str| -> String {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..at + line[at..].find('"').unwrap()].to_string()
    };
    let mut page = 0;
    let mut out = Vec::new();
    for line in html.lines() {
        if line.trim_start().starts_with("<page") {
            page += 1;
        } else if line.trim_start().starts_with("<word") {
            let text =
                line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_string();
            let b = [
                mm(&attr(line, "xMin")),
                mm(&attr(line, "yMin")),
                mm(&attr(line, "xMax")),
                mm(&attr(line, "yMax")),
            ];
            out.push((page, text, b));
        }
    }
    out
}

#[test]
fn badges_90_by_55_read_at_two_metres_and_nothing_runs_under_the_qr_code() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let out = dir.path().join("badges.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "badges",
        "--layout",
        "single",
        "--qr",
        "vcard",
        "--sessions",
        "--out",
        s(&out),
    ]));
    let pdf = read(&out);
    assert_eq!(pdf.pages, badges(&file).len());
    let words = words(&out);
    // Noto Sans' box is 1.362 em tall (ascent 1069, descent 293 of 1000): a word's box
    // height in mm gives its size in points.
    let size = |b: &[f64; 4]| (b[3] - b[1]) / 1.362 * 72.0 / 25.4;
    let listed = badges(&file);
    let mut checked = 0;
    for page in 1..=pdf.pages {
        let on_page: Vec<_> = words.iter().filter(|w| w.0 == page).collect();
        // The badge of this page: the person whose first and last names are both on it.
        let Some(badge) = listed.iter().find(|b| {
            let has = |k: &str| {
                // Printed with the typographic apostrophe (N’Diaye).
                let name = b[k].as_str().unwrap().replace('\'', "’");
                name.split(' ')
                    .all(|part| on_page.iter().any(|w| w.1 == part))
            };
            has("first_name") && has("last_name")
        }) else {
            panic!(
                "page {page}: whose badge? {:?}",
                on_page.iter().map(|w| &w.1).collect::<Vec<_>>()
            );
        };
        let first = badge["first_name"].as_str().unwrap().replace('\'', "’");
        let last = badge["last_name"].as_str().unwrap().replace('\'', "’");
        let (first, last) = (first.as_str(), last.as_str());
        // Short names (most): the first name at 24 pt, the last name at 16 pt.
        if first.chars().count() <= 9
            && !first.contains(' ')
            && last.chars().count() <= 12
            && !last.contains(' ')
        {
            let f = on_page.iter().find(|w| w.1 == first).unwrap();
            let l = on_page.iter().find(|w| w.1 == last).unwrap();
            assert!(size(&f.2) >= 23.5, "{first}: {:.1} pt", size(&f.2));
            assert!(size(&l.2) >= 15.5, "{last}: {:.1} pt", size(&l.2));
            checked += 1;
        }
        // The QR code: 17 mm square at the right, 3 mm of light paper above the 10 mm
        // band (4 mm margins).
        let qr = [
            90.0 - 4.0 - 17.0,
            55.0 - 10.0 - 3.0 - 17.0,
            90.0 - 4.0,
            55.0 - 13.0,
        ];
        for w in &on_page {
            let b = w.2;
            let overlaps = b[0] < qr[2] && b[2] > qr[0] && b[1] < qr[3] && b[3] > qr[1];
            assert!(!overlaps, "page {page}: «{}» {:?} over the QR code", w.1, b);
        }
    }
    assert!(checked > listed.len() / 2, "{checked} of {}", listed.len());
    // Every code reads back as its person's contact card (the first pages: a scan each).
    for (page, badge) in listed.iter().enumerate().take(4) {
        let codes = qr_codes(&out, page + 1);
        let first = badge["first_name"].as_str().unwrap();
        assert!(
            codes.len() == 1 && codes[0].starts_with("BEGIN:VCARD") && codes[0].contains(first),
            "page {}: {codes:?}",
            page + 1
        );
    }
    // Speakers' sessions: when and where first, never below 6 pt (a long title is
    // shortened instead).
    let sessions: Vec<&(usize, String, [f64; 4])> = words
        .iter()
        .filter(|(_, w, b)| w.len() == 5 && w.as_bytes()[2] == b':' && b[1] > 20.0)
        .collect();
    assert!(!sessions.is_empty());
    for (page, w, b) in words.iter() {
        if b[3] < 55.0 - 10.0 && size(b) < 5.9 {
            panic!("page {page}: «{w}» at {:.1} pt", size(b));
        }
    }
}

#[test]
fn a6_badges_have_a_lanyard_zone_the_name_up_high_and_printable_margins() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let out = dir.path().join("a6.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "badges",
        "--layout",
        "a6-4",
        "--qr",
        "id",
        "--sessions",
        "--out",
        s(&out),
    ]));
    let pdf = read(&out);
    assert_eq!(pdf.size, (595.276, 841.89));
    let words = words(&out);
    let size = |b: &[f64; 4]| (b[3] - b[1]) / 1.362 * 72.0 / 25.4;
    let listed = badges(&file);
    let firsts: std::collections::HashSet<String> = listed
        .iter()
        .map(|b| b["first_name"].as_str().unwrap().replace('\'', "’"))
        .collect();
    // Four badges of 100 × 140 mm, centred: 5 mm and 8.5 mm from the paper's edges.
    let tops = [8.5, 148.5];
    let mut names = 0;
    for (_, word, b) in &words {
        assert!(
            b[0] >= 5.0 && b[2] <= 205.0 && b[1] >= 5.0 && b[3] <= 292.0,
            "«{word}» {b:?} in the printer's margins"
        );
        let top = if b[1] < tops[1] { tops[0] } else { tops[1] };
        // The top 14 mm of each badge is for the lanyard's slot.
        assert!(b[1] - top >= 14.0, "«{word}» {b:?} in the lanyard zone");
        if firsts.contains(word) && size(b) > 20.0 {
            // The first name: large, in the upper half.
            assert!(size(b) >= 30.0, "«{word}»: {:.1} pt", size(b));
            assert!(b[3] - top < 70.0, "«{word}» {b:?} below the upper half");
            names += 1;
        }
    }
    assert!(names > listed.len() / 2, "{names} of {}", listed.len());
}

#[test]
fn the_programme_sets_each_title_in_its_own_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    for (title, language, slot) in [
        ("Open data: what \"works\"?", "en", "14:30"),
        ("Données ouvertes: ce qui marche?", "fr", "16:30"),
    ] {
        let made: Value = serde_json::from_str(&ok(journee(&[
            "session",
            "add",
            s(&file),
            "--title",
            title,
            "--type",
            "atelier",
            "--language",
            language,
            "--json",
        ])))
        .unwrap();
        let id = made["id"].as_i64().unwrap().to_string();
        ok(journee(&[
            "place",
            s(&file),
            &id,
            "--room",
            "Atelier 3",
            "--slot",
            slot,
        ]));
    }
    let out = dir.path().join("programme.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "programme",
        "--out",
        s(&out),
    ]));
    let text = tool("pdftotext", &[s(&out), "-"]).replace('\n', " ");
    // English: no space before « : » and « ? », curly quotes.
    assert!(text.contains("Open data: what “works”?"), "{text}");
    // French: a (no-break) space before « : » and « ? », where the title had none.
    let text = text.replace('\u{a0}', " ");
    assert!(
        text.contains("Données ouvertes : ce qui marche ?"),
        "{text}"
    );
    // Headings and names: the typographic apostrophe.
    assert!(text.contains("La journée d’un coup d’œil"), "{text}");
    assert!(!text.contains("N'Diaye"), "{text}");
}

/// A page as poppler renders it at `dpi`, with `more` of pdftoppm's options: its width,
/// height and pixels (grey bytes with -gray, else RGB triples).
fn render(pdf: &Path, page: usize, dpi: u32, more: &[&str]) -> (usize, usize, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let stem = dir.path().join("p");
    let (page, dpi) = (page.to_string(), dpi.to_string());
    let mut args = vec!["-f", &page, "-l", &page, "-r", &dpi, "-singlefile"];
    args.extend_from_slice(more);
    args.extend([s(pdf), s(&stem)]);
    tool("pdftoppm", &args);
    let gray = more.contains(&"-gray");
    let bytes = std::fs::read(dir.path().join(if gray { "p.pgm" } else { "p.ppm" })).unwrap();
    // P5 or P6, width, height, max, one whitespace, then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).to_string());
    }
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[at + 1..].to_vec())
}

/// The colour at a point of a page (millimetres from the paper's top left), as poppler
/// renders it at 72 dpi.
fn colour_at(pdf: &Path, page: usize, (x, y): (f64, f64)) -> [u8; 3] {
    let px = |mm: f64| ((mm * 72.0 / 25.4) as u32).to_string();
    let (x, y) = (px(x), px(y));
    let (_, _, pixel) = render(pdf, page, 72, &["-x", &x, "-y", &y, "-W", "1", "-H", "1"]);
    [pixel[0], pixel[1], pixel[2]]
}

/// The page's boxes as pdfinfo reads them: name → [x0, y0, x1, y1] in points.
fn boxes(pdf: &Path) -> std::collections::HashMap<String, [f64; 4]> {
    tool("pdfinfo", &["-box", s(pdf)])
        .lines()
        .filter_map(|l| {
            let (name, values) = l.split_once(':')?;
            let name = name.strip_suffix("Box")?;
            let v: Vec<f64> = values
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            Some((name.to_string(), v.try_into().ok()?))
        })
        .collect()
}

#[test]
fn badges_for_a_print_shop_bleed_three_millimetres_and_say_where_to_trim() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let pt = |mm: f64| mm * 72.0 / 25.4;
    let near = |a: [f64; 4], b: [f64; 4]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.05);
    let white = |c: [u8; 3]| c.iter().all(|v| *v > 240);

    // One badge per page: the paper is 96 × 61 mm, the badge trimmed out of its middle.
    let single = dir.path().join("single.pdf");
    let export = |out: &Path, extra: &[&str]| {
        let mut args = vec!["export", s(&file), "badges", "--bleed", "--out", s(out)];
        args.extend_from_slice(extra);
        journee(&args)
    };
    ok(export(&single, &["--layout", "single"]));
    let pdf = read(&single);
    assert!((pdf.size.0 - pt(96.0)).abs() < 0.05 && (pdf.size.1 - pt(61.0)).abs() < 0.05);
    let b = boxes(&single);
    assert!(near(b["Media"], [0.0, 0.0, pt(96.0), pt(61.0)]), "{b:?}");
    assert!(near(b["Bleed"], b["Media"]), "{b:?}");
    assert!(
        near(b["Trim"], [pt(3.0), pt(3.0), pt(93.0), pt(58.0)]),
        "{b:?}"
    );
    // The role's band runs into the bleed, left, right and under the badge.
    for at in [(1.0, 59.0), (95.0, 59.0), (48.0, 60.5)] {
        assert!(!white(colour_at(&single, 1, at)), "{at:?} white");
    }
    // The top of the bleed stays paper.
    assert!(white(colour_at(&single, 1, (48.0, 1.0))));

    // A6 for a print shop: the whole card, 105 × 148 trimmed from 111 × 154.
    let a6 = dir.path().join("a6.pdf");
    ok(export(&a6, &["--layout", "a6"]));
    let b = boxes(&a6);
    assert!(
        near(b["Trim"], [pt(3.0), pt(3.0), pt(108.0), pt(151.0)]),
        "{b:?}"
    );
    assert!(!white(colour_at(&a6, 1, (1.0, 152.5))));

    // Eight to a sheet: 6 mm between badges so that bleeds do not meet, the band in the
    // gap's first 3 mm, the cut marks outside the bleed, everything inside the margins.
    let sheet = dir.path().join("a4.pdf");
    ok(export(&sheet, &[]));
    let pdf = read(&sheet);
    assert_eq!(pdf.size, (595.276, 841.89));
    assert!(near(boxes(&sheet)["Trim"], boxes(&sheet)["Media"]));
    // Centred: (210 − 186) / 2 = 12 mm; (297 − 238) / 2 = 29.5 mm.
    let (left, top) = (12.0, 29.5);
    let band_y = top + 55.0 - 2.0;
    assert!(!white(colour_at(&sheet, 1, (left - 1.5, band_y))));
    assert!(!white(colour_at(&sheet, 1, (left + 90.0 + 1.5, band_y))));
    assert!(white(colour_at(&sheet, 1, (left - 4.0, band_y))));
    // Ten to a sheet do not fit with bleed gaps: said in French, nothing written.
    let ten = dir.path().join("ten.pdf");
    let refused = export(&ten, &["--layout", "a4-10"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("ne tiennent pas sur la feuille"), "{said}");
    assert!(!ten.exists());

    // The programme for a print shop: every A5 page trimmed out of 154 × 216 mm, the
    // cover's band running into the bleed; the booklet is the shop's to impose.
    let programme = dir.path().join("programme.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "programme",
        "--format",
        "a5",
        "--bleed",
        "--out",
        s(&programme),
    ]));
    let pdf = read(&programme);
    assert!((pdf.size.0 - pt(154.0)).abs() < 0.05, "{:?}", pdf.size);
    let b = boxes(&programme);
    assert!(
        near(b["Trim"], [pt(3.0), pt(3.0), pt(151.0), pt(213.0)]),
        "{b:?}"
    );
    for at in [(1.0, 1.0), (153.0, 1.0), (1.0, 40.0)] {
        assert!(!white(colour_at(&programme, 1, at)), "{at:?}");
    }
    assert!(white(colour_at(&programme, 1, (1.0, 150.0))));
    let refused = journee(&[
        "export",
        s(&file),
        "programme",
        "--format",
        "livret",
        "--bleed",
        "--out",
        s(&dir.path().join("livret.pdf")),
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("imposera"));
}

/// The text of each page, as pdftotext lays it out.
fn page_texts(pdf: &Path) -> Vec<String> {
    tool("pdftotext", &["-layout", s(pdf), "-"])
        .split('\u{c}')
        .map(str::to_string)
        .collect()
}

/// The demo's sessions as `journee session list` gives them.
fn sessions(file: &Path) -> Vec<Value> {
    let list: Value =
        serde_json::from_str(&ok(journee(&["session", "list", s(file), "--json"]))).unwrap();
    list.as_array().unwrap().clone()
}

fn on_stage(session: &Value) -> Vec<(String, String)> {
    let mut people: Vec<(String, String)> = session["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["speakers"].as_array().unwrap().iter())
        .chain(session["people"].as_array().unwrap())
        .map(|p| {
            (
                p["first_name"].as_str().unwrap().to_string(),
                p["last_name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    people.sort();
    people.dedup();
    people
}

/// A workbook's first sheet, every cell as text.
fn workbook_rows(path: &Path) -> (String, Vec<Vec<String>>) {
    use calamine::{open_workbook_auto, Reader};
    let mut book = open_workbook_auto(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let rows = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    (name, rows)
}

#[test]
fn the_desk_gets_every_guest_in_its_order_with_columns_to_tick() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let listed = badges(&file);
    let out = dir.path().join("accueil.pdf");
    ok(journee(&["export", s(&file), "guests", "--out", s(&out)]));
    let pdf = read(&out);
    assert_eq!(pdf.size, (841.89, 595.276), "A4 landscape");
    let pages = page_texts(&out);
    // Every page has the columns to tick and says which page of how many it is.
    for (i, page) in pages.iter().take(pdf.pages).enumerate() {
        assert!(
            page.contains("Badge remis") && page.contains("vérifiée"),
            "{page}"
        );
        assert!(
            page.contains(&format!("page {}/{}", i + 1, pdf.pages)),
            "{page}"
        );
    }
    // Everyone with a badge, in the badges' order (French collation of last names), the
    // last name in capitals beside the first name, a heading where a letter starts.
    let text = pdf.text.replace('\u{a0}', " ");
    let mut at = 0;
    let mut letters = 0;
    let mut letter = ' ';
    for person in &listed {
        let last = desk_name(person["last_name"].as_str().unwrap());
        let first = person["first_name"].as_str().unwrap();
        let line = text[at..]
            .lines()
            .position(|l| l.contains(&last) && l.contains(first))
            .unwrap_or_else(|| panic!("{first} {last} missing or out of order"));
        let skipped: usize = text[at..].lines().take(line).map(|l| l.len() + 1).sum();
        let filed = initial(&last);
        if filed != letter {
            letter = filed;
            letters += 1;
            // The heading is the letter alone on a line, before this row.
            assert!(
                text[at..at + skipped]
                    .lines()
                    .any(|l| l.trim() == letter.to_string()),
                "no heading {letter} before {first} {last}"
            );
        }
        at += skipped;
    }
    assert!(letters > 10, "{letters}");
    // The same list for the venue's security, as a workbook.
    let xlsx = dir.path().join("accueil.xlsx");
    ok(journee(&["export", s(&file), "guests", "--out", s(&xlsx)]));
    let (name, rows) = workbook_rows(&xlsx);
    assert_eq!(name, "Accueil");
    assert_eq!(
        rows[0],
        [
            "Nom",
            "Prénom",
            "Organisation",
            "Qualité",
            "Accessibilité",
            "Identité vérifiée",
            "Badge remis"
        ]
    );
    assert_eq!(rows.len(), listed.len() + 1);
    for (row, person) in rows[1..].iter().zip(&listed) {
        assert_eq!(row[0], desk_name(person["last_name"].as_str().unwrap()));
        assert_eq!(row[1], person["first_name"].as_str().unwrap());
        assert_eq!(row[2], person["organisation"].as_str().unwrap());
        assert!(row[5].is_empty() && row[6].is_empty());
    }
}

/// A last name as a desk looks it up: in capitals, the particle after the name filed
/// (« LA TOUR (de) »), the typographic apostrophe.
fn desk_name(last: &str) -> String {
    let last = last.trim().replace('\'', "’");
    for particle in ["de ", "d’", "du ", "des "] {
        if let Some(rest) = last.strip_prefix(particle) {
            return format!("{} ({})", rest.to_uppercase(), particle.trim());
        }
    }
    last.to_uppercase()
}

/// The letter a name printed by `desk_name` is filed under, accents aside.
fn initial(desk: &str) -> char {
    deunicode::deunicode(desk)
        .chars()
        .find(|c| c.is_alphanumeric())
        .unwrap()
}

#[test]
fn sign_in_sheets_cover_the_day_then_each_session_with_its_people_and_room_to_sign() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let listed = badges(&file);
    let out = dir.path().join("emargement.pdf");
    ok(journee(&["export", s(&file), "signin", "--out", s(&out)]));
    let pdf = read(&out);
    assert_eq!(pdf.size, (595.276, 841.89));
    let pages = page_texts(&out);
    assert!(pages[0].contains("Feuille d’émargement de la journée"));
    let day = pages
        .iter()
        .take_while(|p| !p.contains("Feuille d’émargement ·"))
        .count();
    let day_text = pages[..day].join("\n");
    for person in &listed {
        let last = desk_name(person["last_name"].as_str().unwrap());
        assert!(day_text.contains(&last), "{last} not on the day's sheet");
    }
    // Each placed session: a sheet of its own under its title, its people listed.
    for session in sessions(&file).iter().filter(|s| !s["placement"].is_null()) {
        let title = session["title"].as_str().unwrap().replace('\'', "’");
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        // The title, then the sheet's subtitle right under it.
        let heading = flat(&format!("{title} Feuille d’émargement ·"));
        let start = pages
            .iter()
            .position(|p| flat(p).contains(&heading))
            .unwrap_or_else(|| panic!("no sheet for {title}"));
        let mut section = pages[start].clone();
        for page in &pages[start + 1..] {
            if !page.contains("(suite)") {
                break;
            }
            section.push_str(page);
        }
        for (first, last) in on_stage(session) {
            assert!(
                section.contains(&desk_name(&last)) && section.contains(&first),
                "{first} {last} missing from the sheet of {title}"
            );
        }
    }
    // Rows tall enough to sign in: 11 mm between rules, read back from the text's places.
    let words = words(&out);
    let mut tops: Vec<f64> = words
        .iter()
        .filter(|(page, _, _)| *page == 1)
        .filter(|(_, w, _)| w.chars().all(|c| c.is_uppercase()) && w.len() > 2)
        .map(|(_, _, b)| b[1])
        .collect();
    tops.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let gaps: Vec<f64> = tops
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|g| *g > 1.0)
        .collect();
    assert!(
        gaps.len() > 10 && gaps.iter().all(|g| *g >= 10.9),
        "{gaps:?}"
    );
    // The workbook printed is a sheet to sign too: every row 31 pt (11 mm) high, the
    // signature cells framed.
    let xlsx = dir.path().join("emargement.xlsx");
    ok(journee(&["export", s(&file), "signin", "--out", s(&xlsx)]));
    let part = |name: &str| {
        tool(
            "python3",
            &[
                "-c",
                "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
                s(&xlsx),
                name,
            ],
        )
    };
    let sheet = part("xl/worksheets/sheet1.xml");
    assert_eq!(sheet.matches("<row ").count(), listed.len() + 1);
    assert_eq!(sheet.matches("ht=\"31\"").count(), listed.len());
    assert!(
        part("xl/styles.xml").contains("<left style=\"thin\">"),
        "no framed cell"
    );
}

#[test]
fn name_cards_say_each_name_large_on_both_faces_for_every_person_on_stage() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    // The sessions held on a stage: the plenary and the round tables.
    let expected: usize = sessions(&file)
        .iter()
        .filter(|s| !s["placement"].is_null())
        .filter(|s| s["kind"] == "pleniere" || s["kind"] == "table_ronde")
        .map(|s| on_stage(s).len())
        .sum();
    let out = dir.path().join("chevalets.pdf");
    ok(journee(&[
        "export",
        s(&file),
        "namecards",
        "--out",
        s(&out),
    ]));
    let pdf = read(&out);
    assert_eq!(pdf.size, (841.89, 595.276));
    assert_eq!(pdf.pages, expected);
    // The name on the lower face at 40 pt at least; the same, upside down, on the upper.
    let size = |b: &[f64; 4]| (b[3] - b[1]) / 1.362 * 72.0 / 25.4;
    let words = words(&out);
    for page in 1..=pdf.pages {
        let big: Vec<_> = words
            .iter()
            .filter(|(p, _, b)| *p == page && size(b) >= 40.0)
            .collect();
        assert!(
            big.iter().any(|(_, _, b)| b[1] > 105.0) && big.iter().any(|(_, _, b)| b[3] < 105.0),
            "page {page}: {big:?}"
        );
    }
}

/// The QR codes on a page, decoded from poppler's rendering.
fn qr_codes(pdf: &Path, page: usize) -> Vec<String> {
    let (w, h, pixels) = render(pdf, page, 300, &["-gray"]);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    let mut found: Vec<String> = image
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect();
    found.sort();
    found
}

#[test]
fn session_cards_carry_their_number_kind_and_a_qr_code_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let all = sessions(&file);
    let out = dir.path().join("fiches.pdf");
    ok(journee(&["export", s(&file), "cards", "--out", s(&out)]));
    let pdf = read(&out);
    assert_eq!(pdf.pages, all.len().div_ceil(4));
    let mut ids: Vec<i64> = all.iter().map(|s| s["id"].as_i64().unwrap()).collect();
    ids.sort();
    let pages = page_texts(&out);
    for (i, chunk) in ids.chunks(4).enumerate() {
        let mut expected: Vec<String> = chunk.iter().map(|id| format!("JOURNEE-S{id}")).collect();
        expected.sort();
        assert_eq!(qr_codes(&out, i + 1), expected, "page {}", i + 1);
        for id in chunk {
            assert!(
                pages[i].contains(&format!("n° {id}")),
                "n° {id} on page {}",
                i + 1
            );
        }
    }
    // Titles large enough to read on a wall.
    let size = |b: &[f64; 4]| (b[3] - b[1]) / 1.362 * 72.0 / 25.4;
    let first = all.iter().find(|s| s["id"] == ids[0]).unwrap();
    let word = first["title"].as_str().unwrap().split(' ').next().unwrap();
    // The largest of the words (the kind in the band may be the same word).
    let title = words(&out)
        .into_iter()
        .filter(|(p, w, _)| *p == 1 && w == word)
        .max_by(|a, b| size(&a.2).total_cmp(&size(&b.2)))
        .unwrap();
    assert!(size(&title.2) >= 14.0, "{title:?}");
}

#[test]
fn the_run_of_show_gives_each_room_its_sessions_people_and_needs() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let out = dir.path().join("conduite.pdf");
    ok(journee(&["export", s(&file), "runsheet", "--out", s(&out)]));
    let pdf = read(&out);
    assert_eq!(pdf.size, (841.89, 595.276));
    let text = pdf.text.replace('\u{a0}', " ");
    let placed: Vec<Value> = sessions(&file)
        .into_iter()
        .filter(|s| !s["placement"].is_null())
        .collect();
    for session in &placed {
        for (first, last) in on_stage(session) {
            let name = format!("{first} {last}").replace('\'', "’");
            assert!(text.contains(&name), "{name}");
        }
    }
    assert!(text.contains("Conduite · "));
    assert!(text.contains("micros") || text.contains("tables ("));
    // The workbook: a row per placed session, in room order, times as times.
    let xlsx = dir.path().join("conduite.xlsx");
    ok(journee(&[
        "export",
        s(&file),
        "runsheet",
        "--out",
        s(&xlsx),
    ]));
    let (name, rows) = workbook_rows(&xlsx);
    assert_eq!(name, "Conduite");
    assert_eq!(rows[0][0], "Salle");
    assert_eq!(rows.len(), placed.len() + 1);
    // Cards are not a list: no workbook, said in French, nothing written.
    let refused = journee(&[
        "export",
        s(&file),
        "cards",
        "--out",
        s(&dir.path().join("c.xlsx")),
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("n’est pas une liste"));
}

/// Point size of a word from its box: Noto Sans' box is 1.362 em tall.
fn point_size(b: &[f64; 4]) -> f64 {
    (b[3] - b[1]) / 1.362 * 72.0 / 25.4
}

#[test]
fn the_programme_is_set_for_its_format_with_the_day_by_room_and_everyone_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let all = sessions(&file);
    let placed: Vec<&Value> = all.iter().filter(|s| !s["placement"].is_null()).collect();
    let rooms: Value = serde_json::from_str(&ok(journee(&["info", s(&file), "--json"]))).unwrap();
    for format in ["a4", "a5", "livret"] {
        let out = dir.path().join(format!("programme-{format}.pdf"));
        ok(journee(&[
            "export",
            s(&file),
            "programme",
            "--format",
            format,
            "--out",
            s(&out),
        ]));
        let pdf = read(&out);
        let words = words(&out);
        // Nothing below 7 pt; below the running header, the sessions and the index at 8 pt
        // at least (A5 is set for A5, not the A4 page shrunk).
        let pages = page_texts(&out);
        let glance: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.contains("coup d’œil"))
            .map(|(i, _)| i + 1)
            .collect();
        assert!(!glance.is_empty(), "{format}: no day at a glance");
        for (page, word, b) in &words {
            assert!(
                point_size(b) >= 6.9,
                "{format} p. {page}: «{word}» {:.1} pt",
                point_size(b)
            );
            let header = b[1] < 14.0;
            let number = word.chars().all(|c| c.is_ascii_digit()) && b[1] > 190.0;
            if format == "a5" && !glance.contains(page) && *page > 1 && !header && !number {
                assert!(
                    point_size(b) >= 7.9,
                    "a5 p. {page}: «{word}» {:.1} pt",
                    point_size(b)
                );
            }
        }
        if format == "livret" {
            assert_eq!(pdf.size, (841.89, 595.276));
            continue;
        }
        // The day at a glance by room: every room in use named on top; every placed session
        // in its room's column; times spaced in proportion to the time between them.
        let glance_words: Vec<&(usize, String, [f64; 4])> = words
            .iter()
            .filter(|(p, _, _)| glance.contains(p))
            .collect();
        let glance_text = glance
            .iter()
            .map(|p| pages[p - 1].clone())
            .collect::<String>();
        for room in rooms["rooms"].as_array().unwrap() {
            let id = room["id"].as_i64().unwrap();
            if placed.iter().any(|s| s["placement"]["room_id"] == id) {
                let name = room["name"]
                    .as_str()
                    .unwrap()
                    .split(' ')
                    .next()
                    .unwrap()
                    .to_string();
                assert!(glance_text.contains(&name), "{format}: room {name}");
            }
        }
        let y_of = |time: &str| {
            glance_words
                .iter()
                .find(|(p, w, _)| *p == glance[0] && w == time)
                .map(|(_, _, b)| b[1])
                .unwrap_or_else(|| panic!("{format}: no {time}"))
        };
        let hour = y_of("10:00") - y_of("09:00");
        let ninety = y_of("11:30") - y_of("10:00");
        assert!(
            (ninety / hour - 1.5).abs() < 0.03,
            "{format}: {hour} mm / {ninety} mm"
        );
        // Slots that run over a page say so at the top of the next.
        let index_at = pages.iter().position(|p| p.contains("Index des")).unwrap();
        for (i, page) in pages.iter().enumerate().take(index_at).skip(1) {
            if glance.contains(&(i + 1)) {
                continue;
            }
            let first = page
                .lines()
                .skip(1)
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            assert!(
                first
                    .trim()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit()),
                "{format} p. {}: starts with «{first}», not a slot's time",
                i + 1
            );
        }
        // The index: everyone on stage (speakers, moderators, animateurs), dot leaders to
        // their pages.
        let index = pages[index_at..].join("\n").replace('\u{a0}', " ");
        for session in &placed {
            let people = session["people"].as_array().unwrap();
            for p in people {
                let entry = format!(
                    "{}, {}",
                    p["last_name"].as_str().unwrap(),
                    p["first_name"].as_str().unwrap()
                )
                .replace('\'', "’");
                assert!(index.contains(&entry), "{format}: {entry} not in the index");
            }
        }
        assert!(index.contains("(modération"), "{format}");
        assert!(
            index.contains(". . . .") || index.contains("...."),
            "{format}: leaders"
        );
    }
}

#[test]
fn the_preflight_takes_the_exports_options_and_says_each_thing_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let preflight = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec!["preflight", s(&file), "--json"];
        args.extend_from_slice(extra);
        let list: Value = serde_json::from_str(&ok(journee(&args))).unwrap();
        list.as_array().unwrap().clone()
    };
    // One document, its options as for the export: what the export would say, no file.
    let badges = preflight(&["badges", "--layout", "a6-4", "--qr", "id", "--sessions"]);
    assert!(
        badges.iter().all(|f| f["document"] == "badges"),
        "{badges:?}"
    );
    let out = dir.path().join("b.pdf");
    let said = journee(&[
        "export",
        s(&file),
        "badges",
        "--layout",
        "a6-4",
        "--qr",
        "id",
        "--sessions",
        "--out",
        s(&out),
    ]);
    let export_lines = String::from_utf8_lossy(&said.stderr).lines().count();
    assert_eq!(export_lines, badges.len());
    // Options that cannot be printed are refused as the export refuses them.
    let refused = journee(&[
        "preflight",
        s(&file),
        "badges",
        "--layout",
        "a4-10",
        "--bleed",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("ne tiennent pas"));
    // The programme knows the grid's clashes; the day's papers are checked too; nothing
    // overlaps on the demo's pages.
    let programme = preflight(&["programme", "--format", "a5"]);
    assert_eq!(
        programme
            .iter()
            .filter(|f| f["code"] == "person_clash")
            .count(),
        2,
        "{programme:?}"
    );
    for which in [
        "signin",
        "guests",
        "namecards",
        "cards",
        "runsheet",
        "signs",
        "tables",
    ] {
        let found = preflight(&[which]);
        assert!(
            found.iter().all(|f| f["code"] != "overlap"),
            "{which}: {found:?}"
        );
    }
    // Everything: each finding once, though several documents find the grid's clashes.
    let all = preflight(&[]);
    for (i, f) in all.iter().enumerate() {
        assert!(!all[i + 1..].contains(f), "twice: {f}");
    }
    assert_eq!(
        all.iter().filter(|f| f["code"] == "person_clash").count(),
        2
    );
}

/// The badges as the print screen asks for them (its JSON, word for word), with the
/// contact-card QR option: every code on the page decodes (zbar, a reader we did not
/// write) to a vCard of a person on that page.
#[test]
fn the_screens_vcard_option_prints_codes_that_decode_to_the_peoples_cards() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let asked: journee::print::Document = serde_json::from_str(
        r#"{"document": "badges", "options": {"layout": "a4-8", "roles": [], "sort": "name",
            "duplex": false, "qr": "vcard", "sessions": false, "no_logo": false, "bleed": false}}"#,
    )
    .expect("the screen's words for the vCard option");
    let project = journee::Project::open(&file).unwrap();
    let printed = project.print(&asked).unwrap();
    let pdf = dir.path().join("badges.pdf");
    std::fs::write(&pdf, &printed.pdf).unwrap();
    let page = dir.path().join("page");
    tool(
        "pdftoppm",
        &["-r", "300", "-f", "1", "-l", "1", "-png", s(&pdf), s(&page)],
    );
    let png = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .unwrap();
    let decoded = tool("zbarimg", &["--quiet", "--raw", "-Sqrcode.enable", s(&png)]);
    let cards: Vec<&str> = decoded
        .split("BEGIN:VCARD")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(cards.len(), 8, "eight badges, eight codes:\n{decoded}");
    let text = tool("pdftotext", &["-f", "1", "-l", "1", s(&pdf), "-"]);
    for card in cards {
        assert!(card.contains("END:VCARD"), "{card}");
        let name = card
            .lines()
            .find_map(|l| l.strip_prefix("FN:"))
            .unwrap_or_else(|| panic!("no FN in {card}"));
        let first = name.split_whitespace().next().unwrap();
        assert!(text.contains(first), "{name} is not on the page:\n{text}");
    }
}
