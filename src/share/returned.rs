//! Our own workbooks, come back edited: a "Contributions" copy a co-organiser worked on,
//! the Salles sheet of a Pack CESE the venue corrected. The importer recognises them by
//! their headers and hands them here. They are merged value by value: each change is
//! reported with what it was and what it becomes, then (unless it is a dry run) applied
//! in one transaction as one undoable step named after the file. Nothing else moves:
//! columns we do not take back, rows a co-organiser removed and the project's other
//! records are left as they are.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Transaction;
use serde_json::{Map, Value as Json};

use super::contributions::{headers, ID_HEADER};
use crate::error::Result;
use crate::import::{Change, FieldChange, ListKind, Problem, Report, Severity, Table, Value};
use crate::model::{ActorType, Format, Status};
use crate::programme::{record_cells, CellEdit};

/// The Salles sheet's room number column.
pub const ROOM_ID_HEADER: &str = "N° salle";
const CAPACITY: &str = "Capacité";
const ROOM_NOTES: &str = "Équipement et notes";

/// Which of our workbooks a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returned {
    Contributions,
    Rooms,
}

impl Returned {
    pub fn code(self) -> &'static str {
        match self {
            Returned::Contributions => "contributions",
            Returned::Rooms => "salles",
        }
    }
}

/// The sheet to read in a workbook that may be one of ours: a Pack CESE comes back
/// through its Salles sheet, whatever sheet a reader opens first.
pub fn sheet_to_read(table: &Table) -> Option<&'static str> {
    let has = |name: &str| table.sheets.iter().any(|s| s == name);
    (has("Programme") && has("Salles") && table.sheet != "Salles").then_some("Salles")
}

fn headers_of(table: &Table) -> Vec<String> {
    table
        .rows
        .first()
        .map(|r| r.iter().map(|v| v.text().trim().to_string()).collect())
        .unwrap_or_default()
}

pub fn recognise(table: &Table) -> Option<Returned> {
    let headers = headers_of(table);
    let has = |h: &str| headers.iter().any(|x| x == h);
    if has(ID_HEADER) && has(headers::TITLE) && has(headers::STATUS) {
        Some(Returned::Contributions)
    } else if has(ROOM_ID_HEADER) && has(CAPACITY) {
        Some(Returned::Rooms)
    } else {
        None
    }
}

/// Merges a returned workbook; `dry_run` only reports.
pub fn merge(
    tx: &Transaction,
    kind: Returned,
    table: &Table,
    file_name: &str,
    dry_run: bool,
) -> Result<Report> {
    let mut report = Report {
        file: file_name.to_string(),
        kind: ListKind::Submissions,
        format: table.format,
        sheet: table.sheet.clone(),
        header_row: 1,
        rows: 0,
        new: 0,
        updated: 0,
        unchanged: 0,
        duplicates: 0,
        blank: 0,
        absent: Vec::new(),
        changes: Vec::new(),
        problems: Vec::new(),
        dry_run,
        returned: Some(kind.code()),
    };
    let cells = match kind {
        Returned::Contributions => contributions(tx, table, &mut report)?,
        Returned::Rooms => rooms(tx, table, &mut report)?,
    };
    if !dry_run {
        record_cells(tx, &format!("Retour de «\u{a0}{file_name}\u{a0}»"), cells)?;
    }
    Ok(report)
}

/// Where each header is.
struct Columns(HashMap<String, usize>);

impl Columns {
    fn of(table: &Table) -> Columns {
        Columns(
            headers_of(table)
                .into_iter()
                .enumerate()
                .map(|(i, h)| (h, i))
                .collect(),
        )
    }

    fn text(&self, row: &[Value], header: &str) -> Option<String> {
        self.0.get(header).map(|&i| {
            row.get(i)
                .map(|v| v.text().trim().to_string())
                .unwrap_or_default()
        })
    }
}

fn problem(row: usize, column: &str, message: String) -> Problem {
    Problem {
        row,
        column: column.to_string(),
        severity: Severity::Error,
        message,
    }
}

/// Reads "retour d'expérience", "Retour d'expérience" or "retour_experience" alike.
fn same_words(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        deunicode::deunicode(s)
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
    };
    key(a) == key(b)
}

/// The value a cell names, by its French label or its code.
fn coded<T: Copy>(
    text: &str,
    all: &[T],
    label: fn(T) -> &'static str,
    code: fn(T) -> &'static str,
) -> Option<T> {
    all.iter()
        .copied()
        .find(|v| same_words(text, label(*v)) || same_words(text, code(*v)))
}

/// The submission as stored, with its contact.
struct Stored {
    title: String,
    status: String,
    format: String,
    axes: String,
    actor_type: String,
    language: String,
    notes: String,
    overrides: String,
    contact: Option<(i64, [String; 4])>,
}

fn stored_submissions(tx: &Transaction) -> Result<HashMap<i64, Stored>> {
    let mut stmt = tx.prepare(
        "SELECT s.id, s.title, s.status, s.format, s.axes, s.actor_type, s.language, s.notes,
                s.overrides, p.id, p.first_name, p.last_name, p.email, p.organisation
         FROM submissions s LEFT JOIN people p ON p.id = s.contact_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let contact: Option<i64> = r.get(9)?;
        Ok((
            r.get::<_, i64>(0)?,
            Stored {
                title: r.get(1)?,
                status: r.get(2)?,
                format: r.get(3)?,
                axes: r.get(4)?,
                actor_type: r.get(5)?,
                language: r.get(6)?,
                notes: r.get(7)?,
                overrides: r.get(8)?,
                contact: match contact {
                    Some(id) => Some((id, [r.get(10)?, r.get(11)?, r.get(12)?, r.get(13)?])),
                    None => None,
                },
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Collects the changes of one row.
struct RowChanges<'a> {
    row: usize,
    what: &'a str,
    cells: Vec<CellEdit>,
    details: Vec<FieldChange>,
}

impl RowChanges<'_> {
    fn set(&mut self, table: &str, id: i64, column: &str, header: &str, before: &str, after: &str) {
        self.set_shown(table, id, column, header, (before, after), (before, after));
    }

    /// A change stored as codes and shown as words ("refusee" shown "refusée").
    fn set_shown(
        &mut self,
        table: &str,
        id: i64,
        column: &str,
        header: &str,
        (before, after): (&str, &str),
        (shown_before, shown_after): (&str, &str),
    ) {
        self.set_value(table, id, column, before.into(), after.into());
        self.details.push(FieldChange {
            what: self.what.to_string(),
            field: header.to_string(),
            before: shown_before.to_string(),
            after: shown_after.to_string(),
        });
    }

    fn set_value(&mut self, table: &str, id: i64, column: &str, before: Json, after: Json) {
        self.cells.push(CellEdit {
            table: table.into(),
            id,
            column: column.into(),
            before,
            after,
        });
    }
}

fn contributions(tx: &Transaction, table: &Table, report: &mut Report) -> Result<Vec<CellEdit>> {
    let columns = Columns::of(table);
    let stored = stored_submissions(tx)?;
    let mut all = Vec::new();
    for (i, row) in table.rows.iter().enumerate().skip(1) {
        let line = i + 1;
        if row.iter().all(Value::is_blank) {
            report.blank += 1;
            continue;
        }
        report.rows += 1;
        let id_text = columns.text(row, ID_HEADER).unwrap_or_default();
        let Some(id) = id_text.parse::<i64>().ok() else {
            report.problems.push(problem(
                line,
                ID_HEADER,
                format!("Le n° Journée «\u{a0}{id_text}\u{a0}» est illisible\u{a0}; la ligne est ignorée."),
            ));
            continue;
        };
        let Some(current) = stored.get(&id) else {
            report.problems.push(problem(
                line,
                ID_HEADER,
                format!(
                    "Aucune contribution n°\u{a0}{id} dans ce projet\u{a0}; la ligne est ignorée."
                ),
            ));
            continue;
        };
        let mut changes = RowChanges {
            row: line,
            what: &current.title,
            cells: Vec::new(),
            details: Vec::new(),
        };
        let mut corrected: Map<String, Json> =
            serde_json::from_str(&current.overrides).unwrap_or_default();
        let mut correct =
            |changes: &mut RowChanges, column: &str, header: &str, before: &str, after: &str| {
                changes.set("submissions", id, column, header, before, after);
                corrected.insert(column.to_string(), after.into());
            };

        if let Some(title) = columns.text(row, headers::TITLE) {
            if title.is_empty() {
                report.problems.push(problem(
                    line,
                    headers::TITLE,
                    "Le titre est vide\u{a0}; il n'a pas changé.".to_string(),
                ));
            } else if title != current.title {
                correct(
                    &mut changes,
                    "title",
                    headers::TITLE,
                    &current.title,
                    &title,
                );
            }
        }
        if let Some(text) = columns.text(row, headers::STATUS) {
            match Status::parse(&text) {
                Some(status) if status.code() != current.status => {
                    let was = Status::parse(&current.status).map_or(current.status.as_str(), |s| s.label_fr());
                    changes.set_shown(
                        "submissions",
                        id,
                        "status",
                        headers::STATUS,
                        (&current.status, status.code()),
                        (was, status.label_fr()),
                    );
                }
                Some(_) => {}
                None => report.problems.push(problem(line, headers::STATUS, format!(
                    "Statut inconnu «\u{a0}{text}\u{a0}» (nouvelle, retenue, liste d'attente, refusée)\u{a0}; il n'a pas changé."
                ))),
            }
        }
        if let Some(text) = columns.text(row, headers::FORMAT) {
            match coded(&text, &Format::ALL, Format::label_fr, Format::code) {
                Some(f) if f.code() != current.format => correct(&mut changes, "format", headers::FORMAT, &current.format, f.code()),
                Some(_) => {}
                None => report.problems.push(problem(line, headers::FORMAT, format!(
                    "Format inconnu «\u{a0}{text}\u{a0}» (recherche, retour d'expérience, pitch, centrifugeuse)\u{a0}; il n'a pas changé."
                ))),
            }
        }
        if let Some(text) = columns.text(row, headers::AXES) {
            let axes: Vec<&str> = text
                .split([',', ';', ' '])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            if axes.iter().all(|a| matches!(*a, "1" | "2" | "3" | "4")) {
                let mut sorted: Vec<&str> = axes.clone();
                sorted.sort_unstable();
                sorted.dedup();
                let after = sorted.join(",");
                let before: Vec<&str> = current
                    .axes
                    .split(',')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .collect();
                if after != before.join(",") {
                    correct(&mut changes, "axes", headers::AXES, &current.axes, &after);
                }
            } else {
                report.problems.push(problem(line, headers::AXES, format!(
                    "Axes «\u{a0}{text}\u{a0}» illisibles (des numéros de 1 à 4)\u{a0}; ils n'ont pas changé."
                )));
            }
        }
        if let Some(text) = columns.text(row, headers::ACTOR_TYPE) {
            match coded(&text, &ActorType::ALL, ActorType::label_fr, ActorType::code) {
                Some(a) if a.code() != current.actor_type => correct(&mut changes, "actor_type", headers::ACTOR_TYPE, &current.actor_type, a.code()),
                Some(_) => {}
                None => report.problems.push(problem(line, headers::ACTOR_TYPE, format!(
                    "Type d'acteur inconnu «\u{a0}{text}\u{a0}» (acteur public, entreprise, association, recherche, autre)\u{a0}; il n'a pas changé."
                ))),
            }
        }
        if let Some(text) = columns.text(row, headers::LANGUAGE) {
            let language = match deunicode::deunicode(&text).to_lowercase().as_str() {
                "fr" | "francais" => Some("fr"),
                "en" | "anglais" | "english" => Some("en"),
                _ => None,
            };
            match language {
                Some(l) if l != current.language => correct(
                    &mut changes,
                    "language",
                    headers::LANGUAGE,
                    &current.language,
                    l,
                ),
                Some(_) => {}
                None => report.problems.push(problem(
                    line,
                    headers::LANGUAGE,
                    format!(
                    "Langue «\u{a0}{text}\u{a0}» inconnue (fr ou en)\u{a0}; elle n'a pas changé."
                ),
                )),
            }
        }
        if let Some(notes) = columns.text(row, headers::NOTES) {
            if notes != current.notes.trim() {
                changes.set(
                    "submissions",
                    id,
                    "notes",
                    headers::NOTES,
                    &current.notes,
                    &notes,
                );
            }
        }
        if let Some((person, [first, last, email, organisation])) = &current.contact {
            let fields = [
                ("first_name", headers::FIRST_NAME, first),
                ("last_name", headers::LAST_NAME, last),
                ("email", headers::EMAIL, email),
                ("organisation", headers::ORGANISATION, organisation),
            ];
            for (column, header, before) in fields {
                let Some(after) = columns.text(row, header) else {
                    continue;
                };
                if after == before.trim() {
                    continue;
                }
                if column == "email" && !email_address::EmailAddress::is_valid(&after) {
                    report.problems.push(problem(
                        line,
                        header,
                        format!(
                        "Adresse «\u{a0}{after}\u{a0}» invalide\u{a0}; le courriel n'a pas changé."
                    ),
                    ));
                    continue;
                }
                if (column == "first_name" || column == "last_name") && after.is_empty() {
                    report.problems.push(problem(
                        line,
                        header,
                        format!(
                            "Le {} est vide\u{a0}; il n'a pas changé.",
                            header.to_lowercase()
                        ),
                    ));
                    continue;
                }
                changes.set("people", *person, column, header, before, &after);
            }
        }
        let before_overrides: Json = current.overrides.clone().into();
        let after_overrides = Json::Object(corrected).to_string();
        if after_overrides != current.overrides {
            changes.set_value(
                "submissions",
                id,
                "overrides",
                before_overrides,
                after_overrides.into(),
            );
        }
        finish_row(report, id, changes, &mut all);
    }
    Ok(all)
}

fn finish_row(report: &mut Report, id: i64, changes: RowChanges, all: &mut Vec<CellEdit>) {
    if changes.details.is_empty() {
        report.unchanged += 1;
        return;
    }
    report.updated += 1;
    let mut fields: Vec<String> = changes.details.iter().map(|d| d.field.clone()).collect();
    fields.dedup();
    report.changes.push(Change {
        row: changes.row,
        id,
        fields,
        kept: Vec::new(),
        details: changes.details,
    });
    all.extend(changes.cells);
}

/// One row of the Salles sheet: its line, and the capacity and notes it says.
struct RoomLine {
    line: usize,
    capacity: Option<String>,
    notes: Option<String>,
}

fn rooms(tx: &Transaction, table: &Table, report: &mut Report) -> Result<Vec<CellEdit>> {
    let columns = Columns::of(table);
    let stored: HashMap<i64, (String, i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, name, capacity, notes FROM rooms")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // The rows of each room (one per slot): the venue may have changed one or all.
    let mut by_room: BTreeMap<i64, Vec<RoomLine>> = BTreeMap::new();
    for (i, row) in table.rows.iter().enumerate().skip(1) {
        let line = i + 1;
        if row.iter().all(Value::is_blank) {
            report.blank += 1;
            continue;
        }
        report.rows += 1;
        let id_text = columns.text(row, ROOM_ID_HEADER).unwrap_or_default();
        match id_text.parse::<i64>() {
            Ok(id) if stored.contains_key(&id) => by_room.entry(id).or_default().push(RoomLine {
                line,
                capacity: columns.text(row, CAPACITY),
                notes: columns.text(row, ROOM_NOTES),
            }),
            _ => report.problems.push(problem(
                line,
                ROOM_ID_HEADER,
                format!("Aucune salle n°\u{a0}«\u{a0}{id_text}\u{a0}» dans ce projet\u{a0}; la ligne est ignorée."),
            )),
        }
    }
    let mut all = Vec::new();
    for (id, lines) in by_room {
        let (name, capacity, notes) = &stored[&id];
        let mut changes = RowChanges {
            row: lines[0].line,
            what: name,
            cells: Vec::new(),
            details: Vec::new(),
        };
        // Values that differ from the project's; one new value is a change, two are a
        // question for the organisers.
        let differing = |pick: fn(&RoomLine) -> &Option<String>, current: &str| {
            let mut values: Vec<(usize, String)> = lines
                .iter()
                .filter_map(|l| pick(l).as_ref().map(|v| (l.line, v.clone())))
                .filter(|(_, v)| v != current)
                .collect();
            values.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
            values.dedup_by(|a, b| a.1 == b.1);
            values
        };
        let capacities = differing(|l| &l.capacity, &capacity.to_string());
        match capacities.as_slice() {
            [] => {}
            [(line, text)] => match text.parse::<f64>() {
                Ok(n) if n >= 1.0 && n.fract() == 0.0 => {
                    let n = n as i64;
                    changes.set_value("rooms", id, "capacity", (*capacity).into(), n.into());
                    changes.details.push(FieldChange {
                        what: name.clone(),
                        field: CAPACITY.into(),
                        before: capacity.to_string(),
                        after: n.to_string(),
                    });
                }
                _ => report.problems.push(problem(*line, CAPACITY, format!(
                    "Capacité «\u{a0}{text}\u{a0}» illisible pour «\u{a0}{name}\u{a0}» (un nombre de places)\u{a0}; elle n'a pas changé."
                ))),
            },
            several => report.problems.push(problem(several[0].0, CAPACITY, format!(
                "«\u{a0}{name}\u{a0}»\u{a0}: capacités différentes selon les lignes ({})\u{a0}; elle n'a pas changé.",
                several.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>().join(", ")
            ))),
        }
        let new_notes = differing(|l| &l.notes, notes.trim());
        match new_notes.as_slice() {
            [] => {}
            [(_, text)] => changes.set("rooms", id, "notes", ROOM_NOTES, notes, text),
            several => report.problems.push(problem(several[0].0, ROOM_NOTES, format!(
                "«\u{a0}{name}\u{a0}»\u{a0}: notes différentes selon les lignes\u{a0}; elles n'ont pas changé."
            ))),
        }
        finish_row(report, id, changes, &mut all);
    }
    Ok(all)
}
