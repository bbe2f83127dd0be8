//! Our own workbooks, come back edited: a "Contributions" copy a co-organiser worked on,
//! the Salles sheet of a Pack CESE the venue corrected. The importer recognises them by
//! their headers and hands them here. They are merged value by value: each change is
//! reported with what it was and what it becomes, then (unless it is a dry run) applied
//! in one transaction as one undoable step named after the file. Nothing else moves:
//! columns we do not take back, rows a co-organiser removed and the project's other
//! records are left as they are.

use std::collections::{BTreeMap, HashMap};
use strum::VariantArray;

use rusqlite::Transaction;
use serde_json::{Map, Value as Json};

use super::contributions::{headers, ID_HEADER};
use crate::common::Severity;
use crate::error::Result;
use crate::history::{record_cells, CellEdit};
use crate::import::{Change, FieldChange, ListKind, Problem, Report, Table, Value};
use crate::model::{ActorType, Format, Status};

/// The Salles sheet's room number column.
pub const ROOM_ID_HEADER: &str = "N° salle";
const CAPACITY: &str = "Capacité";
const ROOM_NOTES: &str = "Équipement et notes";

/// Which of our workbooks a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub enum Returned {
    #[serde(rename = "contributions")]
    Contributions,
    #[serde(rename = "salles")]
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
        returned: Some(kind),
        ..Report::start(
            file_name.to_string(),
            ListKind::Submissions,
            table.format,
            table.sheet.clone(),
            1,
            dry_run,
        )
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
        field: None,
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

impl Stored {
    /// A stored field by its column name (those of `FIELDS`).
    fn get(&self, column: &str) -> &str {
        match column {
            "title" => &self.title,
            "status" => &self.status,
            "format" => &self.format,
            "axes" => &self.axes,
            "actor_type" => &self.actor_type,
            "language" => &self.language,
            _ => &self.notes,
        }
    }
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

/// A submission's field the workbook brings back, read from its French wording.
struct Field {
    header: &'static str,
    column: &'static str,
    /// A correction by hand, which later imports of the web form leave alone.
    corrected: bool,
    /// The stored value of the cell's text, or why it cannot be read.
    read: fn(&str) -> std::result::Result<String, String>,
    /// How a stored value is shown in the report.
    shown: fn(&str) -> String,
}

fn as_is(text: &str) -> String {
    text.to_string()
}

const FIELDS: [Field; 7] = [
    Field {
        header: headers::TITLE,
        column: "title",
        corrected: true,
        read: |text| match text {
            "" => Err("Le titre est vide\u{a0}; il n'a pas changé.".into()),
            _ => Ok(text.to_string()),
        },
        shown: as_is,
    },
    Field {
        header: headers::STATUS,
        column: "status",
        corrected: false,
        read: |text| {
            Status::parse(text)
                .map(|s| s.code().to_string())
                .ok_or_else(|| {
                    format!(
                        "Statut inconnu «\u{a0}{text}\u{a0}» (nouvelle, retenue, liste d'attente, \
                     refusée)\u{a0}; il n'a pas changé."
                    )
                })
        },
        shown: |code| Status::parse(code).map_or(code.to_string(), |s| s.label_fr().into()),
    },
    Field {
        header: headers::FORMAT,
        column: "format",
        corrected: true,
        read: |text| {
            coded(text, Format::VARIANTS, Format::label_fr, Format::code)
                .map(|f| f.code().to_string())
                .ok_or_else(|| {
                    format!(
                    "Format inconnu «\u{a0}{text}\u{a0}» (recherche, retour d'expérience, pitch, \
                     centrifugeuse)\u{a0}; il n'a pas changé."
                )
                })
        },
        shown: |code| Format::parse(code).map_or(code.to_string(), |f| f.label_fr().into()),
    },
    Field {
        header: headers::AXES,
        column: "axes",
        corrected: true,
        read: |text| {
            let mut axes: Vec<&str> = text
                .split([',', ';', ' '])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            if !axes.iter().all(|a| matches!(*a, "1" | "2" | "3" | "4")) {
                return Err(format!(
                    "Axes «\u{a0}{text}\u{a0}» illisibles (des numéros de 1 à 4)\u{a0}; ils n'ont pas changé."
                ));
            }
            axes.sort_unstable();
            axes.dedup();
            Ok(axes.join(","))
        },
        shown: as_is,
    },
    Field {
        header: headers::ACTOR_TYPE,
        column: "actor_type",
        corrected: true,
        read: |text| {
            coded(
                text,
                ActorType::VARIANTS,
                ActorType::label_fr,
                ActorType::code,
            )
            .map(|a| a.code().to_string())
            .ok_or_else(|| {
                format!(
                    "Type d'acteur inconnu «\u{a0}{text}\u{a0}» (acteur public, entreprise, \
                     association, recherche, autre)\u{a0}; il n'a pas changé."
                )
            })
        },
        shown: |code| ActorType::parse(code).map_or(code.to_string(), |a| a.label_fr().into()),
    },
    Field {
        header: headers::LANGUAGE,
        column: "language",
        corrected: true,
        read: |text| match deunicode::deunicode(text).to_lowercase().as_str() {
            "fr" | "francais" => Ok("fr".into()),
            "en" | "anglais" | "english" => Ok("en".into()),
            _ => Err(format!(
                "Langue «\u{a0}{text}\u{a0}» inconnue (fr ou en)\u{a0}; elle n'a pas changé."
            )),
        },
        shown: as_is,
    },
    Field {
        header: headers::NOTES,
        column: "notes",
        corrected: false,
        read: |text| Ok(text.to_string()),
        shown: as_is,
    },
];

/// The contact's fields: (column of `people`, header).
const CONTACT: [(&str, &str); 4] = [
    ("first_name", headers::FIRST_NAME),
    ("last_name", headers::LAST_NAME),
    ("email", headers::EMAIL),
    ("organisation", headers::ORGANISATION),
];

fn check_contact(column: &str, header: &str, text: &str) -> std::result::Result<(), String> {
    if column == "email" && !email_address::EmailAddress::is_valid(text) {
        Err(format!(
            "Adresse «\u{a0}{text}\u{a0}» invalide\u{a0}; le courriel n'a pas changé."
        ))
    } else if column != "email" && column != "organisation" && text.is_empty() {
        Err(format!(
            "Le {} est vide\u{a0}; il n'a pas changé.",
            header.to_lowercase()
        ))
    } else {
        Ok(())
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
        let known = id_text
            .parse::<i64>()
            .ok()
            .and_then(|id| Some((id, stored.get(&id)?)));
        let Some((id, current)) = known else {
            report.problems.push(problem(
                line,
                ID_HEADER,
                format!(
                    "Aucune contribution n°\u{a0}«\u{a0}{id_text}\u{a0}» dans ce projet\u{a0}; la ligne est ignorée."
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
        for field in &FIELDS {
            let Some(text) = columns.text(row, field.header) else {
                continue;
            };
            let before = current.get(field.column);
            match (field.read)(&text) {
                Ok(after) if after != (field.read)(before).unwrap_or_default() => {
                    changes.set_shown(
                        "submissions",
                        id,
                        field.column,
                        field.header,
                        (before, &after),
                        (&(field.shown)(before), &(field.shown)(&after)),
                    );
                    if field.corrected {
                        corrected.insert(field.column.to_string(), after.into());
                    }
                }
                Ok(_) => {}
                Err(message) => report.problems.push(problem(line, field.header, message)),
            }
        }
        if let Some((person, values)) = &current.contact {
            for ((column, header), before) in CONTACT.into_iter().zip(values) {
                let Some(after) = columns.text(row, header) else {
                    continue;
                };
                if after == before.trim() {
                    continue;
                }
                match check_contact(column, header, &after) {
                    Ok(()) => changes.set("people", *person, column, header, before, &after),
                    Err(message) => report.problems.push(problem(line, header, message)),
                }
            }
        }
        let after_overrides = Json::Object(corrected).to_string();
        if after_overrides != current.overrides {
            changes.set_value(
                "submissions",
                id,
                "overrides",
                current.overrides.clone().into(),
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
