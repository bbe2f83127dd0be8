//! What Journée shares, read back by software the project did not write: LibreOffice and
//! calamine for the workbooks, xmllint and Python's jsonschema against the shared schemas
//! for the schedule feeds, Python's icalendar for the calendar, the csv crate for the
//! mail-merge list.

mod support;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use serde_json::Value;
use support::{journee, ok, s, tool};

/// The schedule schemas, kept in the repository (copied unchanged from the organisers'
/// `shared/standards/schedule/`, itself from voc/schedule, EUPL-1.2) so that a fresh clone
/// checks against them; `the_schemas_are_the_shared_ones` catches a drift.
const SCHEDULE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/standards/schedule");
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/standards/schedule");
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
        .find(|r| r[3].contains("Plénière d’ouverture"));
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
fn the_schemas_are_the_shared_ones() {
    // Where the organisers' shared folder sits beside the repository, its schemas and
    // ours are the same bytes.
    if !Path::new(SHARED).is_dir() {
        return;
    }
    for name in ["schedule.xml.xsd", "schedule.schema.json"] {
        let ours = std::fs::read(format!("{SCHEDULE}/{name}")).unwrap();
        let shared = std::fs::read(format!("{SHARED}/{name}")).unwrap();
        assert!(
            ours == shared,
            "tests/standards/schedule/{name} differs from the shared one"
        );
    }
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
        text.contains("<title>Plénière d’ouverture</title>")
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
        .find(|e| e["summary"] == "Plénière d’ouverture")
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
    assert!(placed[9].ends_with(" mars 2019"), "{placed:?}");
}

/// Edits a workbook the way a co-organiser would, with openpyxl: `edits` is Python run
/// with `wb` open (and `col(sheet, header)` to find a column), then the file is saved.
fn edit_xlsx(from: &Path, to: &Path, edits: &str) {
    let script = format!(
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def col(ws, header):
    return [c.value for c in ws[1]].index(header) + 1
{edits}
wb.save(sys.argv[2])
"#
    );
    tool(PYTHON, &["-c", &script, s(from), s(to)]);
}

fn submission(file: &Path, id: i64) -> Value {
    json(&["submissions", s(file), "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
        .clone()
}

#[test]
fn an_edited_contributions_workbook_comes_back_as_updates_that_undo_takes_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let xlsx = export(&file, "contributions", "contributions.xlsx");
    let before = json(&["submissions", s(&file), "--json"]);
    let first = before[0]["id"].as_i64().unwrap();
    let second = before[1]["id"].as_i64().unwrap();
    let last_name = before[0]["contributors"][0]["last_name"]
        .as_str()
        .unwrap()
        .to_string();

    // A co-organiser refuses the first, notes why, corrects a name, and types a status
    // Journée does not know on the second; then LibreOffice saves the file again.
    let edited = dir.path().join("contributions-jeanne.xlsx");
    edit_xlsx(
        &xlsx,
        &edited,
        r#"
ws = wb["Contributions"]
ws.cell(2, col(ws, "Statut")).value = "Refusée"
ws.cell(2, col(ws, "Notes")).value = "Vu avec Jeanne : hors sujet"
ws.cell(2, col(ws, "Nom")).value = ws.cell(2, col(ws, "Nom")).value + "-Martin"
ws.cell(3, col(ws, "Statut")).value = "peut-être"
"#,
    );
    let resaved_dir = dir.path().join("resaved");
    tool(
        "soffice",
        &[
            "--headless",
            &format!(
                "-env:UserInstallation=file://{}",
                dir.path().join("profile").display()
            ),
            "--convert-to",
            "xlsx",
            "--outdir",
            s(&resaved_dir),
            s(&edited),
        ],
    );
    let resaved = resaved_dir.join("contributions-jeanne.xlsx");

    // First what it would do, then done.
    let dry = json(&["import", s(&file), s(&resaved), "--dry-run", "--json"]);
    assert_eq!(dry["returned"], "contributions");
    assert_eq!(dry["updated"], 1, "{dry}");
    assert_eq!(
        submission(&file, first)["status"],
        "retenue",
        "a dry run changes nothing"
    );
    let report = json(&["import", s(&file), s(&resaved), "--json"]);
    assert_eq!(report["file"], "contributions-jeanne.xlsx");
    assert_eq!(
        (report["updated"].as_u64(), report["new"].as_u64()),
        (Some(1), Some(0))
    );
    let details = report["changes"][0]["details"].as_array().unwrap();
    let fields: Vec<&str> = details
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["Statut", "Notes", "Nom"], "{report}");
    assert_eq!(details[0]["after"], "refusée");
    let problem = &report["problems"][0];
    assert_eq!(
        (problem["row"].as_u64(), problem["column"].as_str()),
        (Some(3), Some("Statut"))
    );
    assert!(problem["message"].as_str().unwrap().contains("peut-être"));

    let now = submission(&file, first);
    assert_eq!(now["status"], "refusee");
    assert_eq!(now["notes"], "Vu avec Jeanne : hors sujet");
    assert_eq!(
        now["contributors"][0]["last_name"],
        format!("{last_name}-Martin")
    );
    // Nothing else moved.
    let after = json(&["submissions", s(&file), "--json"]);
    for (a, b) in before
        .as_array()
        .unwrap()
        .iter()
        .zip(after.as_array().unwrap())
    {
        if a["id"] != first {
            assert_eq!(a, b);
        }
    }
    assert_eq!(submission(&file, second)["status"], before[1]["status"]);

    // One step, named after the file, that undo takes back whole.
    let said = ok(journee(&["undo", s(&file)]));
    assert!(said.contains("contributions-jeanne.xlsx"), "{said}");
    assert_eq!(json(&["submissions", s(&file), "--json"]), before);
}

#[test]
fn the_venues_edits_of_the_salles_sheet_are_shown_then_applied() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let xlsx = export(&file, "cese", "pack-cese.xlsx");
    let rooms_before = json(&["info", s(&file), "--json"])["rooms"].clone();
    // The venue raises the training room's capacity on every row and notes a projector
    // on one of them.
    let edited = dir.path().join("pack-cese-retour.xlsx");
    edit_xlsx(
        &xlsx,
        &edited,
        r#"
ws = wb["Salles"]
first = True
for row in range(2, ws.max_row + 1):
    if ws.cell(row, col(ws, "Salle")).value == "Salle de formation":
        ws.cell(row, col(ws, "Capacité")).value = 45
        if first:
            ws.cell(row, col(ws, "Équipement et notes")).value = "Vidéoprojecteur, 2 micros"
            first = False
"#,
    );
    let dry = json(&["import", s(&file), s(&edited), "--dry-run", "--json"]);
    assert_eq!(dry["returned"], "salles");
    let details = dry["changes"][0]["details"].as_array().unwrap();
    assert_eq!(details.len(), 2, "{dry}");
    assert_eq!(details[0]["what"], "Salle de formation");
    assert_eq!(
        (details[0]["before"].as_str(), details[0]["after"].as_str()),
        (Some("30"), Some("45"))
    );
    assert_eq!(details[1]["after"], "Vidéoprojecteur, 2 micros");
    assert_eq!(json(&["info", s(&file), "--json"])["rooms"], rooms_before);

    json(&["import", s(&file), s(&edited), "--json"]);
    let rooms = json(&["info", s(&file), "--json"])["rooms"].clone();
    for (a, b) in rooms_before
        .as_array()
        .unwrap()
        .iter()
        .zip(rooms.as_array().unwrap())
    {
        if a["name"] == "Salle de formation" {
            assert_eq!(b["capacity"], 45);
            assert_eq!(b["notes"], "Vidéoprojecteur, 2 micros");
        } else {
            assert_eq!(a, b);
        }
    }
}

#[test]
fn workbook_rows_are_as_tall_as_their_text_and_pages_say_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let info = json(&["info", s(&file), "--json"]);
    let title = info["event"]["title"].as_str().unwrap().to_string();
    for (document, name) in [
        ("cese", "pack.xlsx"),
        ("contributions", "contributions.xlsx"),
    ] {
        let xlsx = export(&file, document, name);
        // openpyxl reads what was written: each sheet's header and footer, and for every
        // row the longest text of a wrapped column against the row's height.
        let read = r#"
import json, math, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in book.worksheets:
    short = []
    for row in ws.iter_rows(min_row=2):
        need = 1
        for cell in row:
            merged = any(cell.coordinate in r for r in ws.merged_cells.ranges)
            if cell.alignment.wrap_text and isinstance(cell.value, str) and not merged:
                # Columns of one width are written as one range (D:I).
                width = next((d.width for d in ws.column_dimensions.values()
                              if d.min and d.max and d.min <= cell.column <= d.max), None) or 8.43
                per_line = max(1, int(width * 0.9))
                lines = sum(max(1, math.ceil(len(l) / per_line)) for l in cell.value.split("\n"))
                # A summary shows its first six lines (clipped in its cell, not over the next).
                if ws.cell(1, cell.column).value == "Résumé":
                    lines = min(lines, 6)
                need = max(need, lines)
        height = ws.row_dimensions[row[0].row].height
        if need > 1 and (height is None or height < 15 * min(need, 20) - 0.1):
            short.append([row[0].row, need, height])
    out[ws.title] = {"header": ws.oddHeader.left.text, "sheet": ws.oddHeader.right.text,
                     "footer": ws.oddFooter.center.text, "short": short}
print(json.dumps(out))
"#;
        let sheets: Value = serde_json::from_str(&tool(PYTHON, &["-c", read, s(&xlsx)])).unwrap();
        for (sheet, found) in sheets.as_object().unwrap() {
            assert_eq!(
                found["header"],
                title.replace('&', "&&"),
                "{document} {sheet}"
            );
            assert_eq!(found["sheet"], "&A", "{document} {sheet}");
            assert_eq!(found["footer"], "Page &P sur &N", "{document} {sheet}");
            assert_eq!(
                found["short"],
                serde_json::json!([]),
                "{document} {sheet}: rows too short"
            );
        }
    }
}

#[test]
fn meals_count_those_who_asked_where_the_registrations_answered() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.journee");
    ok(journee(&["new", s(&file)]));
    let csv_path = dir.path().join("inscriptions.csv");
    let mut csv = csv::Writer::from_path(&csv_path).unwrap();
    csv.write_record(["Prénom", "Nom", "Structure", "Courriel", "Souhaits"])
        .unwrap();
    let wishes = [
        "Déjeuner sur place, Centrifugeuses",
        "Repas, Soirée",
        "Ateliers",
        "Soirée Civic tech",
        "",
    ];
    for (i, w) in wishes.iter().enumerate() {
        csv.write_record([
            &format!("Prénom{i}"),
            &format!("Nom{i}"),
            "Délibéra",
            &format!("p{i}@example.org"),
            w,
        ])
        .unwrap();
    }
    csv.flush().unwrap();
    ok(journee(&[
        "import",
        s(&file),
        s(&csv_path),
        "--kind",
        "registrations",
    ]));
    let xlsx = export(&file, "cese", "pack.xlsx");
    let mut book = read_xlsx(&xlsx);
    let sheet = book.worksheet_range("Restauration").unwrap();
    let (moment, people, participants, basis) = (
        column(&sheet, "Moment"),
        column(&sheet, "Personnes attendues"),
        column(&sheet, "dont participant·es"),
        column(&sheet, "Base du décompte"),
    );
    let row = |name: &str| {
        sheet
            .rows()
            .find(|r| r[moment].to_string().to_lowercase().contains(name))
            .unwrap_or_else(|| panic!("no {name} row"))
            .to_vec()
    };
    // Two asked for lunch, two for the evening; nobody answered about the break.
    let lunch = row("déjeuner");
    assert_eq!(lunch[participants].as_f64(), Some(2.0), "{lunch:?}");
    assert_eq!(lunch[people].as_f64(), Some(2.0));
    assert!(
        lunch[basis].to_string().contains("2 participant·es sur 5"),
        "{lunch:?}"
    );
    let evening = row("soirée");
    assert_eq!(evening[participants].as_f64(), Some(2.0), "{evening:?}");
    let pause = row("pause");
    assert_eq!(pause[participants].as_f64(), Some(5.0), "{pause:?}");
    assert!(
        pause[basis]
            .to_string()
            .contains("ne posait pas la question"),
        "{pause:?}"
    );
}

/// With `SOURCE_DATE_EPOCH` set, the same project gives the same bytes: the PDF's dates,
/// the calendar's stamps and the workbook's creation date are that time, not now
/// (what `scripts/demo-outputs` relies on to compare a refactoring's outputs).
#[test]
fn documents_are_reproducible_with_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.journee");
    ok(journee(&["demo", s(&file)]));
    let make = |name: &str, what: &str| {
        let out = dir.path().join(name);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_journee"))
            .args(["export", s(&file), what, "--out", s(&out)])
            .env("JOURNEE_DATA_DIR", dir.path())
            .env("SOURCE_DATE_EPOCH", "1552900000")
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        std::fs::read(out).unwrap()
    };
    for (what, ext) in [("programme", "pdf"), ("cese", "xlsx"), ("ics", "ics")] {
        let first = make(&format!("a.{ext}"), what);
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let second = make(&format!("b.{ext}"), what);
        assert!(first == second, "{what}: two exports differ");
    }
    // 1552900000 is 2019-03-18 09:06:40 UTC, the morning of the demo event.
    let info = tool("pdfinfo", &["-isodates", s(&dir.path().join("a.pdf"))]);
    assert!(info.contains("2019-03-18T09:06:40"), "{info}");
    let ics = std::fs::read_to_string(dir.path().join("a.ics")).unwrap();
    assert!(ics.contains("DTSTAMP:20190318T090640Z"), "{ics}");
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(dir.path().join("a.xlsx")).unwrap()).unwrap();
    let mut core = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").unwrap(), &mut core)
        .unwrap();
    assert!(core.contains("2019-03-18T09:06:40Z"), "{core}");
}
