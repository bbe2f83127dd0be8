//! What Journée shares, read back by software the project did not write: LibreOffice and
//! calamine for the workbooks, xmllint and Python's jsonschema against the shared schemas
//! for the schedule feeds, Python's icalendar for the calendar, the csv crate for the
//! mail-merge list.

mod tools;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use serde_json::Value;
use tools::{journee, ok, s, tool};

const SCHEDULE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/standards/schedule");
const PYTHON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/venv/bin/python");

/// Text a spreadsheet would run as a formula, if it were written carelessly.
const FORMULA: &str = "=HYPERLINK(\"http://example.org\",\"clic\")";

/// The demo event, with a submission and a registration from the public form whose
/// text looks like formulas.
fn demo(dir: &Path) -> PathBuf {
    let file = dir.join("demo.journee");
    ok(journee(&["demo", s(&file)]));
    let csv_path = dir.join("formulaire.csv");
    let mut csv = csv::Writer::from_path(&csv_path).unwrap();
    csv.write_record([
        "SID",
        "Prénom",
        "Nom",
        "Courriel",
        "Structure",
        "Format",
        "Titre",
    ])
    .unwrap();
    csv.write_record([
        "9001",
        "@Mallory",
        "-Martin",
        "mallory@example.org",
        "+33 6 12 34 56 78",
        "Pitch",
        FORMULA,
    ])
    .unwrap();
    csv.flush().unwrap();
    ok(journee(&["import", s(&file), s(&csv_path)]));
    file
}

fn export(file: &Path, what: &str, name: &str) -> PathBuf {
    let out = file.with_file_name(name);
    ok(journee(&["export", s(file), what, "--out", s(&out)]));
    out
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(journee(args))).unwrap()
}

/// Every sheet of a workbook as LibreOffice reads it, converted to CSV: (sheet, rows).
fn libreoffice_csv(xlsx: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let dir = xlsx.parent().unwrap().join("lo");
    std::fs::create_dir_all(&dir).unwrap();
    // The last option (-1) writes every sheet, each to FILE-Sheet.csv.
    tool(
        "soffice",
        &[
            "--headless",
            &format!(
                "-env:UserInstallation=file://{}",
                dir.join("profile").display()
            ),
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            s(&dir),
            s(xlsx),
        ],
    );
    let stem = xlsx.file_stem().unwrap().to_str().unwrap();
    let mut sheets = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if let Some(sheet) = name
            .strip_prefix(&format!("{stem}-"))
            .and_then(|n| n.strip_suffix(".csv"))
        {
            let rows = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_path(&path)
                .unwrap()
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect();
            sheets.push((sheet.to_string(), rows));
        }
    }
    sheets
}

/// Checks what every sheet must have, through calamine: no formula anywhere, a header
/// row, and returns the workbook for more.
fn read_xlsx(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} holds a formula"
        );
    }
    book
}

fn column(range: &calamine::Range<Data>, header: &str) -> usize {
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|c| c.get_string() == Some(header))
        .unwrap_or_else(|| panic!("no column «{header}»"))
}

#[test]
fn the_cese_pack_has_its_six_sheets_with_real_dates_and_no_formula() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let xlsx = export(&file, "cese", "pack-cese.xlsx");
    let info = json(&["info", s(&file), "--json"]);
    let sessions = json(&["session", "list", s(&file), "--json"]);
    let sessions = sessions.as_array().unwrap();
    let rooms = info["rooms"].as_array().unwrap().len();
    let session_slots = info["slots"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "session")
        .count();

    let mut book = read_xlsx(&xlsx);
    assert_eq!(
        book.sheet_names(),
        [
            "Programme",
            "Salles",
            "Intervenants",
            "Tables",
            "Badges",
            "Restauration"
        ]
    );
    // Salles: one row per room and session slot, with dates and times as such.
    let salles = book.worksheet_range("Salles").unwrap();
    assert_eq!(salles.height(), 1 + rooms * session_slots);
    let (date, start) = (column(&salles, "Date"), column(&salles, "Début"));
    let first = salles.rows().nth(1).unwrap();
    assert!(
        matches!(first[date], Data::DateTime(_)),
        "{:?}",
        first[date]
    );
    assert!(
        matches!(first[start], Data::DateTime(_)),
        "{:?}",
        first[start]
    );
    let title = column(&salles, "Session");
    let placed = sessions
        .iter()
        .filter(|s| !s["placement"].is_null())
        .count();
    let filled = salles
        .rows()
        .skip(1)
        .filter(|r| !r[title].to_string().is_empty())
        .count();
    assert_eq!(filled, placed);

    // Badges: one per person who gets one.
    let badges = json(&["badges", s(&file), "--json"]);
    let sheet = book.worksheet_range("Badges").unwrap();
    assert_eq!(sheet.height(), 1 + badges.as_array().unwrap().len());

    // LibreOffice reads the same: the programme's first session and the times.
    let sheets = libreoffice_csv(&xlsx);
    let programme = &sheets.iter().find(|(n, _)| n == "Programme").unwrap().1;
    assert!(programme[0][3].contains("places"), "{:?}", programme[0]);
    let opening = programme
        .iter()
        .find(|r| r[3].contains("Plénière d'ouverture"));
    assert!(opening.is_some(), "{programme:?}");
    let restauration = &sheets.iter().find(|(n, _)| n == "Restauration").unwrap().1;
    assert!(restauration.len() > 1, "{restauration:?}");
}

#[test]
fn the_contributions_workbook_lists_every_submission_and_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let xlsx = export(&file, "contributions", "contributions.xlsx");
    let submissions = json(&["submissions", s(&file), "--json"]);
    let submissions = submissions.as_array().unwrap();

    let mut book = read_xlsx(&xlsx);
    let sheet = book.worksheet_range("Contributions").unwrap();
    assert_eq!(sheet.height(), 1 + submissions.len());
    let (id, title, received) = (
        column(&sheet, "N° Journée"),
        column(&sheet, "Titre"),
        column(&sheet, "Reçue le"),
    );
    let ids: HashSet<i64> = sheet
        .rows()
        .skip(1)
        .map(|r| r[id].as_i64().unwrap())
        .collect();
    let expected: HashSet<i64> = submissions
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, expected);
    // The formula-like title is a string cell holding exactly the text.
    let row = sheet
        .rows()
        .find(|r| r[title] == Data::String(FORMULA.into()))
        .expect("the formula-like title, as a string");
    assert!(matches!(row[id], Data::Float(_) | Data::Int(_)));
    let dated = sheet
        .rows()
        .skip(1)
        .filter(|r| matches!(r[received], Data::DateTime(_)))
        .count();
    assert!(dated > 0, "received dates are dates");

    // LibreOffice shows the text, not a link or a result.
    let sheets = libreoffice_csv(&xlsx);
    let rows = &sheets[0].1;
    assert!(
        rows.iter().any(|r| r.iter().any(|c| c == FORMULA)),
        "{rows:?}"
    );
}

#[test]
fn schedule_xml_and_json_validate_against_the_shared_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let xml = export(&file, "schedule-xml", "schedule.xml");
    let out = std::process::Command::new("xmllint")
        .args([
            "--noout",
            "--schema",
            &format!("{SCHEDULE}/schedule.xml.xsd"),
            s(&xml),
        ])
        .output()
        .expect("xmllint (scripts/setup --test installs libxml2-utils)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(
        text.contains("<title>Plénière d'ouverture</title>")
            || text.contains("Plénière d&apos;ouverture")
    );
    assert!(
        text.contains("+01:00"),
        "times carry the Paris offset in March"
    );
    // The validator does refuse a broken file.
    let broken = dir.path().join("broken.xml");
    std::fs::write(
        &broken,
        text.replacen("<duration>", "<duree>", 1)
            .replacen("</duration>", "</duree>", 1),
    )
    .unwrap();
    let refused = std::process::Command::new("xmllint")
        .args([
            "--noout",
            "--schema",
            &format!("{SCHEDULE}/schedule.xml.xsd"),
            s(&broken),
        ])
        .output()
        .unwrap();
    assert!(!refused.status.success());

    let json_file = export(&file, "schedule-json", "schedule.json");
    let check = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(json.load(open(sys.argv[2])))]
print("\n".join(errors) if errors else "ok")
"#;
    let schema = format!("{SCHEDULE}/schedule.schema.json");
    let said = tool(PYTHON, &["-c", check, &schema, s(&json_file)]);
    assert_eq!(said.trim(), "ok", "{said}");
    let feed: Value = serde_json::from_str(&std::fs::read_to_string(&json_file).unwrap()).unwrap();
    let conference = &feed["schedule"]["conference"];
    assert_eq!(conference["time_zone_name"], "Europe/Paris");
    let events: usize = conference["days"][0]["rooms"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_array().unwrap().len())
        .sum();
    let sessions = json(&["session", "list", s(&file), "--json"]);
    let placed = sessions
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["placement"].is_null())
        .count();
    assert_eq!(events, placed);
    // A broken feed is refused.
    let mut broken = feed.clone();
    broken["schedule"]["conference"]["days"][0]["rooms"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .next()
        .unwrap()[0]
        .as_object_mut()
        .unwrap()
        .remove("guid");
    let broken_file = dir.path().join("broken.json");
    std::fs::write(&broken_file, broken.to_string()).unwrap();
    let said = tool(PYTHON, &["-c", check, &schema, s(&broken_file)]);
    assert!(said.contains("guid"), "{said}");
}

#[test]
fn the_calendar_has_an_event_per_placed_session_with_stable_uids() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let ics = export(&file, "ics", "programme.ics");
    let read = r#"
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
zones = [str(c.get('TZID')) for c in cal.walk('VTIMEZONE')]
events = [{
    'uid': str(e.get('UID')),
    'summary': str(e.get('SUMMARY')),
    'location': str(e.get('LOCATION')),
    'start': e.decoded('DTSTART').isoformat(),
    'end': e.decoded('DTEND').isoformat(),
    'tz': str(e['DTSTART'].params.get('TZID')),
    'description': str(e.get('DESCRIPTION')),
} for e in cal.walk('VEVENT')]
print(json.dumps({'zones': zones, 'events': events}))
"#;
    let parsed: Value = serde_json::from_str(&tool(PYTHON, &["-c", read, s(&ics)])).unwrap();
    assert_eq!(parsed["zones"], serde_json::json!(["Europe/Paris"]));
    let events = parsed["events"].as_array().unwrap();
    let sessions = json(&["session", "list", s(&file), "--json"]);
    let placed: Vec<&Value> = sessions
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["placement"].is_null())
        .collect();
    assert_eq!(events.len(), placed.len());
    let opening = events
        .iter()
        .find(|e| e["summary"] == "Plénière d'ouverture")
        .unwrap();
    assert_eq!(opening["tz"], "Europe/Paris");
    assert!(
        opening["start"]
            .as_str()
            .unwrap()
            .starts_with("2019-03-18T09:00:00+01:00"),
        "{opening}"
    );
    assert!(opening["location"]
        .as_str()
        .unwrap()
        .starts_with("Hémicycle"));
    assert!(opening["description"]
        .as_str()
        .unwrap()
        .contains("intervenant"));
    let uids: HashSet<&str> = events.iter().map(|e| e["uid"].as_str().unwrap()).collect();
    assert_eq!(uids.len(), events.len(), "one UID per session");

    // Exported again after a change: the same UIDs, so calendars update in place.
    let first = placed[0]["id"].as_i64().unwrap().to_string();
    ok(journee(&["unplace", s(&file), &first]));
    let again = export(&file, "ics", "programme-2.ics");
    let parsed: Value = serde_json::from_str(&tool(PYTHON, &["-c", read, s(&again)])).unwrap();
    let now: HashSet<String> = parsed["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["uid"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(now.len(), events.len() - 1);
    assert!(now.iter().all(|u| uids.contains(u.as_str())));
}

#[test]
fn the_mailing_list_opens_in_a_french_excel_and_neutralises_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let out = export(&file, "mailing", "publipostage.csv");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Prénom");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let submissions = json(&["submissions", s(&file), "--json"]);
    let contributors: usize = submissions
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["contributors"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), contributors);
    let mallory = rows
        .iter()
        .find(|r| &r[2] == "mallory@example.org")
        .unwrap();
    assert_eq!(&mallory[0], "'@Mallory");
    assert_eq!(&mallory[1], "'-Martin");
    assert_eq!(&mallory[3], "'+33 6 12 34 56 78");
    assert_eq!(&mallory[5], format!("'{FORMULA}"));
    // Accepted contributions say where and when.
    let placed = rows.iter().find(|r| !r[7].is_empty()).unwrap();
    assert!(placed[9].contains("/03/2019"), "{placed:?}");
}
