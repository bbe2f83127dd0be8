//! From sheet rows to what each row says: a submission, or a registration. Problems are
//! collected, not fatal: a row with a problem is imported and flagged.

use std::collections::BTreeMap;

use serde::Serialize;

use super::fields::{normalise_header, Field};
use super::layout::{is_mark, Layout, Target};
use super::table::{Table, Value};
use super::values;
use crate::model::{ActorType, Format};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// Something wrong in one cell, for the organiser to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The row number as the spreadsheet shows it (1 is the first line).
    pub row: usize,
    /// The column's header as written in the file (empty for the whole row).
    pub column: String,
    pub severity: Severity,
    pub message: String,
}

/// One data row: each mapped field's text, each checkbox field's ticked options, and the
/// whole row verbatim under its headers.
#[derive(Debug, Clone)]
pub struct Row {
    pub number: usize,
    fields: BTreeMap<Field, (String, Value, String)>,
    options: BTreeMap<Field, Vec<String>>,
    pub raw: serde_json::Map<String, serde_json::Value>,
}

impl Row {
    fn text(&self, field: Field) -> String {
        self.fields
            .get(&field)
            .map(|(t, _, _)| t.trim().to_string())
            .unwrap_or_default()
    }

    fn column(&self, field: Field) -> String {
        self.fields
            .get(&field)
            .map(|(_, _, c)| c.clone())
            .unwrap_or_default()
    }

    /// The field's text, or its ticked options joined.
    fn text_or_options(&self, field: Field) -> String {
        let text = self.text(field);
        if !text.is_empty() {
            return text;
        }
        self.options
            .get(&field)
            .map(|o| o.join(", "))
            .unwrap_or_default()
    }
}

/// The non-blank data rows under the header, and how many blank ones were skipped.
pub fn rows(table: &Table, layout: &Layout) -> (Vec<Row>, usize) {
    let mut out = Vec::new();
    let mut blank = 0;
    for (offset, cells) in table.rows.iter().enumerate().skip(layout.header_row + 1) {
        if cells.iter().all(Value::is_blank) {
            blank += 1;
            continue;
        }
        let mut row = Row {
            number: offset + 1,
            fields: BTreeMap::new(),
            options: BTreeMap::new(),
            raw: serde_json::Map::new(),
        };
        for column in &layout.columns {
            let value = cells.get(column.index).cloned().unwrap_or(Value::Empty);
            let text = value.text();
            let key = match &column.group {
                Some(group) => format!("{group} / {}", column.label),
                None if column.label.is_empty() => format!("colonne {}", column.index + 1),
                None => column.label.clone(),
            };
            if !text.is_empty() {
                row.raw.insert(key, serde_json::Value::String(text.clone()));
            }
            match &column.target {
                Target::Field { field } => {
                    row.fields
                        .entry(*field)
                        .or_insert((text, value, column.label.clone()));
                }
                Target::Option {
                    field,
                    value: option,
                } => {
                    if is_mark(&text) || text.trim() == option {
                        row.options.entry(*field).or_default().push(option.clone());
                    }
                }
                Target::Nothing => {}
            }
        }
        out.push(row);
    }
    (out, blank)
}

/// A contributor or participant as a row gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonFields {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub organisation: String,
    pub actor_type: ActorType,
    pub country: String,
}

/// A submission as a row gives it.
#[derive(Debug, Clone, Serialize)]
pub struct IncomingSubmission {
    pub row: usize,
    pub external_id: Option<String>,
    pub contact: PersonFields,
    pub format: Format,
    pub axes: Vec<u8>,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub co_speakers: String,
    pub submitted_at: Option<String>,
    pub raw: serde_json::Map<String, serde_json::Value>,
    pub problems: Vec<Problem>,
}

/// A registration (a participant) as a row gives it.
#[derive(Debug, Clone, Serialize)]
pub struct IncomingRegistration {
    pub row: usize,
    pub external_id: Option<String>,
    pub person: PersonFields,
    pub wishes: String,
    pub accessibility: String,
    pub raw: serde_json::Map<String, serde_json::Value>,
    pub problems: Vec<Problem>,
}

/// Corrections the organisers made to value readings, by field and normalised source text.
pub type ValueMappings = BTreeMap<(String, String), String>;

fn problem(row: &Row, field: Field, severity: Severity, message: String) -> Problem {
    Problem {
        row: row.number,
        column: row.column(field),
        severity,
        message,
    }
}

fn person(row: &Row, corrections: &ValueMappings, problems: &mut Vec<Problem>) -> PersonFields {
    let mut first_name = row.text(Field::FirstName);
    let mut last_name = row.text(Field::LastName);
    if first_name.is_empty() && last_name.is_empty() {
        // "Nom complet": first word(s) as first name, last word as last name.
        let full = row.text(Field::FullName);
        if let Some((first, last)) = full.rsplit_once(' ') {
            first_name = first.trim().to_string();
            last_name = last.trim().to_string();
        } else {
            last_name = full;
        }
    }
    let email = row.text(Field::Email);
    if email.is_empty() {
        problems.push(problem(
            row,
            Field::Email,
            Severity::Warning,
            "courriel manquant".into(),
        ));
    } else if !email_address::EmailAddress::is_valid(&email) {
        problems.push(problem(
            row,
            Field::Email,
            Severity::Warning,
            format!("courriel invalide\u{a0}: «\u{a0}{email}\u{a0}»"),
        ));
    }
    if first_name.is_empty() && last_name.is_empty() {
        problems.push(problem(
            row,
            Field::LastName,
            Severity::Warning,
            "nom manquant".into(),
        ));
    }
    let actor_text = row.text_or_options(Field::ActorType);
    let actor_type = match corrections.get(&("actor_type".into(), normalise_header(&actor_text))) {
        Some(code) => crate::model::ActorType::parse(code).unwrap_or(ActorType::Autre),
        None => {
            let (kind, sure) = values::actor_type(&actor_text);
            let (kind, sure) = if sure || actor_text.is_empty() {
                // No answer: the organisation's name may tell.
                let from_org = values::actor_type(&row.text(Field::Organisation));
                if actor_text.is_empty() && from_org.1 {
                    from_org
                } else {
                    (kind, sure)
                }
            } else {
                (kind, sure)
            };
            if !sure {
                let message = if actor_text.is_empty() {
                    "type d'acteur non renseigné\u{a0}: «\u{a0}autre\u{a0}», à vérifier".to_string()
                } else {
                    format!("type d'acteur «\u{a0}{actor_text}\u{a0}» non reconnu\u{a0}: «\u{a0}autre\u{a0}», à vérifier")
                };
                problems.push(problem(row, Field::ActorType, Severity::Warning, message));
            }
            kind
        }
    };
    PersonFields {
        first_name,
        last_name,
        email,
        phone: row.text(Field::Phone),
        organisation: row.text(Field::Organisation),
        actor_type,
        country: row.text(Field::Country),
    }
}

fn external_id(row: &Row) -> Option<String> {
    Some(row.text(Field::ExternalId)).filter(|t| !t.is_empty())
}

pub fn submission(row: &Row, corrections: &ValueMappings) -> IncomingSubmission {
    let mut problems = Vec::new();
    let contact = person(row, corrections, &mut problems);

    let format_text = row.text_or_options(Field::Format);
    let format = match corrections.get(&("format".into(), normalise_header(&format_text))) {
        Some(code) => Format::parse(code).unwrap_or(Format::Inconnu),
        None => values::format(&format_text).unwrap_or_else(|| {
            let message = if format_text.is_empty() {
                "format manquant".to_string()
            } else {
                format!("format inconnu\u{a0}: «\u{a0}{format_text}\u{a0}»")
            };
            problems.push(problem(row, Field::Format, Severity::Warning, message));
            Format::Inconnu
        }),
    };

    let mut axes = values::axes(&row.text(Field::Axes));
    for option in row.options.get(&Field::Axes).into_iter().flatten() {
        axes.extend(values::axes(option));
    }
    axes.sort_unstable();
    axes.dedup();

    let title = row.text(Field::Title);
    if title.is_empty() {
        problems.push(problem(
            row,
            Field::Title,
            Severity::Error,
            "titre vide".into(),
        ));
    }
    let language_text = row.text_or_options(Field::Language);
    let language = match values::language(&language_text) {
        Some(code) => code,
        None => {
            if !language_text.is_empty() {
                problems.push(problem(
                    row,
                    Field::Language,
                    Severity::Warning,
                    format!(
                        "langue «\u{a0}{language_text}\u{a0}» non reconnue\u{a0}: français retenu"
                    ),
                ));
            }
            "fr"
        }
    };
    let submitted_text = row.text(Field::SubmittedAt);
    let submitted_at = row
        .fields
        .get(&Field::SubmittedAt)
        .and_then(|(_, value, _)| values::date_time(value))
        .map(|dt| dt.format("%Y-%m-%dT%H:%M:%S").to_string());
    if submitted_at.is_none() && !submitted_text.is_empty() {
        problems.push(problem(
            row,
            Field::SubmittedAt,
            Severity::Warning,
            format!("date illisible\u{a0}: «\u{a0}{submitted_text}\u{a0}»"),
        ));
    }
    IncomingSubmission {
        row: row.number,
        external_id: external_id(row),
        contact,
        format,
        axes,
        title,
        summary: row.text(Field::Summary),
        language: language.to_string(),
        co_speakers: row.text(Field::CoSpeakers),
        submitted_at,
        raw: row.raw.clone(),
        problems,
    }
}

pub fn registration(row: &Row, corrections: &ValueMappings) -> IncomingRegistration {
    let mut problems = Vec::new();
    let person = person(row, corrections, &mut problems);
    IncomingRegistration {
        row: row.number,
        external_id: external_id(row),
        person,
        wishes: row.text_or_options(Field::Wishes),
        accessibility: row.text(Field::Accessibility),
        raw: row.raw.clone(),
        problems,
    }
}
