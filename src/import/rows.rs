//! From sheet rows to what each row says: a submission, or a registration. Problems are
//! collected, not fatal: a row with a problem is imported and flagged.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::fields::{normalise_header, Field};
use super::layout::{is_mark, Layout, Target};
use super::table::{Table, Value};
use super::values;
use crate::common::Severity;
use crate::model::{ActorType, Format};

/// Something wrong in one cell, for the organiser to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Problem {
    /// The row number as the spreadsheet shows it (1 is the first line).
    pub row: usize,
    /// The column's header as written in the file (empty for the whole row).
    pub column: String,
    pub severity: Severity,
    pub message: String,
    /// The field the problem is about, when it is one ("email"): a correction by hand
    /// of that field answers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<Field>,
}

/// Where each field is in a row, worked out once per file from the layout.
pub struct Columns {
    fields: BTreeMap<Field, (usize, String)>,
    options: Vec<(Field, String, usize)>,
    /// Each column's key in the raw row, already written as a JSON string.
    raw_keys: Vec<(usize, String)>,
}

impl Columns {
    pub fn new(layout: &Layout) -> Columns {
        let mut fields = BTreeMap::new();
        let mut options = Vec::new();
        let mut raw_keys = Vec::new();
        for column in &layout.columns {
            // The verbatim row keeps what the fields do not keep as written: a title or
            // an email is stored as it was typed; a format, a date, a ticked option or a
            // column set aside is kept here.
            let as_written =
                matches!(&column.target, Target::Field { field } if field.stored_as_written());
            if !as_written {
                raw_keys.push((
                    column.index,
                    serde_json::to_string(&column.header()).expect("a string serialises"),
                ));
            }
            match &column.target {
                Target::Field { field } => {
                    fields
                        .entry(*field)
                        .or_insert((column.index, column.label.clone()));
                }
                Target::Option { field, value } => {
                    options.push((*field, value.clone(), column.index))
                }
                Target::Nothing => {}
            }
        }
        Columns {
            fields,
            options,
            raw_keys,
        }
    }
}

/// One data row, read through `Columns`: each mapped field's text, each checkbox field's
/// ticked options, and the whole row verbatim under its headers.
pub struct Row<'a> {
    pub number: usize,
    cells: &'a [Value],
    columns: &'a Columns,
}

impl<'a> Row<'a> {
    pub fn new(number: usize, cells: &'a [Value], columns: &'a Columns) -> Row<'a> {
        Row {
            number,
            cells,
            columns,
        }
    }

    fn value(&self, field: Field) -> Option<&'a Value> {
        self.columns
            .fields
            .get(&field)
            .and_then(|(index, _)| self.cells.get(*index))
    }

    /// The field's text, trimmed, borrowed from the cell: for what is read, not kept.
    fn str(&self, field: Field) -> Cow<'a, str> {
        match self.value(field).map(Value::as_text) {
            Some(Cow::Borrowed(text)) => Cow::Borrowed(text.trim()),
            Some(Cow::Owned(text)) => Cow::Owned(text.trim().to_string()),
            None => Cow::Borrowed(""),
        }
    }

    /// The field's text, trimmed, to keep.
    fn text(&self, field: Field) -> String {
        self.str(field).into_owned()
    }

    fn column(&self, field: Field) -> String {
        self.columns
            .fields
            .get(&field)
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    }

    fn options(&self, field: Field) -> Vec<&str> {
        self.columns
            .options
            .iter()
            .filter(|(f, value, index)| {
                *f == field
                    && self.cells.get(*index).is_some_and(|cell| {
                        let text = cell.as_text();
                        is_mark(&text) || text.trim() == value
                    })
            })
            .map(|(_, value, _)| value.as_str())
            .collect()
    }

    /// The field's text, or its ticked options joined.
    fn text_or_options(&self, field: Field) -> Cow<'a, str> {
        let text = self.str(field);
        if !text.is_empty() {
            return text;
        }
        Cow::Owned(self.options(field).join(", "))
    }

    /// The row as a JSON object of its non-empty cells, keyed by header.
    fn raw_json(&self) -> String {
        let mut out = Vec::with_capacity(512);
        out.push(b'{');
        for (index, key) in &self.columns.raw_keys {
            let Some(cell) = self.cells.get(*index) else {
                continue;
            };
            if cell.is_blank() {
                continue;
            }
            if out.len() > 1 {
                out.push(b',');
            }
            out.extend_from_slice(key.as_bytes());
            out.push(b':');
            let written = match cell {
                Value::Text(text) => serde_json::to_writer(&mut out, text),
                other => serde_json::to_writer(&mut out, &other.as_text()),
            };
            written.expect("a string serialises");
        }
        out.push(b'}');
        String::from_utf8(out).expect("JSON is UTF-8")
    }
}

/// The non-blank data rows under the header, and how many blank ones were skipped.
pub fn rows<'a>(table: &'a Table, layout: &Layout, columns: &'a Columns) -> (Vec<Row<'a>>, usize) {
    let mut out = Vec::new();
    let mut blank = 0;
    for (offset, cells) in table.rows.iter().enumerate().skip(layout.header_row + 1) {
        if cells.iter().all(Value::is_blank) {
            blank += 1;
            continue;
        }
        out.push(Row {
            number: offset + 1,
            cells,
            columns,
        });
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

impl PersonFields {
    /// Neither a name nor an email: nobody to write to or to print a badge for.
    pub fn is_anonymous(&self) -> bool {
        self.first_name.is_empty() && self.last_name.is_empty() && self.email.is_empty()
    }
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
    /// The row verbatim, as a JSON object.
    pub raw: String,
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
    /// The row verbatim, as a JSON object.
    pub raw: String,
    pub problems: Vec<Problem>,
}

/// Corrections the organisers made to value readings, by field and normalised source text.
pub type ValueMappings = BTreeMap<(String, String), String>;

/// How the texts of a file read as domain values: the organisers' corrections first,
/// then the rules in `values`, remembered per text (a column holds few distinct answers).
#[derive(Default)]
pub struct Readings {
    corrections: ValueMappings,
    actor_types: HashMap<String, (ActorType, bool)>,
    formats: HashMap<String, Option<Format>>,
    axes: HashMap<String, Vec<u8>>,
    languages: HashMap<String, Option<&'static str>>,
}

impl Readings {
    pub fn new(corrections: ValueMappings) -> Readings {
        Readings {
            corrections,
            ..Readings::default()
        }
    }

    fn corrected(&self, field: &str, text: &str) -> Option<&String> {
        if self.corrections.is_empty() {
            return None;
        }
        self.corrections
            .get(&(field.to_string(), normalise_header(text)))
    }

    fn actor_type(&mut self, text: &str) -> (ActorType, bool) {
        if let Some(code) = self.corrected("actor_type", text) {
            return (ActorType::parse(code).unwrap_or(ActorType::Autre), true);
        }
        if let Some(known) = self.actor_types.get(text) {
            return *known;
        }
        let reading = values::actor_type(text);
        self.actor_types.insert(text.to_string(), reading);
        reading
    }

    fn axes(&mut self, text: &str) -> Vec<u8> {
        if let Some(known) = self.axes.get(text) {
            return known.clone();
        }
        let reading = values::axes(text);
        self.axes.insert(text.to_string(), reading.clone());
        reading
    }

    fn language(&mut self, text: &str) -> Option<&'static str> {
        if let Some(known) = self.languages.get(text) {
            return *known;
        }
        let reading = values::language(text);
        self.languages.insert(text.to_string(), reading);
        reading
    }

    fn format(&mut self, text: &str) -> Option<Format> {
        if let Some(code) = self.corrected("format", text) {
            return Format::parse(code);
        }
        if let Some(known) = self.formats.get(text) {
            return *known;
        }
        let reading = values::format(text);
        self.formats.insert(text.to_string(), reading);
        reading
    }
}

fn problem(row: &Row, field: Field, severity: Severity, message: String) -> Problem {
    Problem {
        row: row.number,
        column: row.column(field),
        severity,
        message,
        field: Some(field),
    }
}

fn person(row: &Row, readings: &mut Readings, problems: &mut Vec<Problem>) -> PersonFields {
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
    let (mut kind, mut sure) = readings.actor_type(&actor_text);
    if actor_text.is_empty() {
        // No answer: the organisation's name may tell.
        let from_org = readings.actor_type(&row.str(Field::Organisation));
        if from_org.1 {
            (kind, sure) = from_org;
        }
    }
    if !sure {
        let message = if actor_text.is_empty() {
            "type d'acteur non renseigné\u{a0}: «\u{a0}autre\u{a0}», à vérifier".to_string()
        } else {
            format!("type d'acteur «\u{a0}{actor_text}\u{a0}» non reconnu\u{a0}: «\u{a0}autre\u{a0}», à vérifier")
        };
        problems.push(problem(row, Field::ActorType, Severity::Warning, message));
    }
    let actor_type = kind;
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

pub fn submission(row: &Row, readings: &mut Readings) -> IncomingSubmission {
    let mut problems = Vec::new();
    let contact = person(row, readings, &mut problems);

    let format_text = row.text_or_options(Field::Format);
    let format = match readings.format(&format_text) {
        Some(format) => format,
        None => {
            let message = if format_text.is_empty() {
                "format manquant".to_string()
            } else {
                format!("format inconnu\u{a0}: «\u{a0}{format_text}\u{a0}»")
            };
            problems.push(problem(row, Field::Format, Severity::Warning, message));
            Format::Inconnu
        }
    };

    let mut axes = readings.axes(&row.str(Field::Axes));
    for option in row.options(Field::Axes) {
        axes.extend(readings.axes(option));
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
    let language = match readings.language(&language_text) {
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
    let submitted_text = row.str(Field::SubmittedAt);
    let submitted_at = row
        .value(Field::SubmittedAt)
        .and_then(values::date_time)
        .map(|dt| values::iso(&dt));
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
        raw: row.raw_json(),
        problems,
    }
}

pub fn registration(row: &Row, readings: &mut Readings) -> IncomingRegistration {
    let mut problems = Vec::new();
    let person = person(row, readings, &mut problems);
    IncomingRegistration {
        row: row.number,
        external_id: external_id(row),
        person,
        wishes: row.text_or_options(Field::Wishes).into_owned(),
        accessibility: row.text(Field::Accessibility),
        raw: row.raw_json(),
        problems,
    }
}

/// How one distinct answer of a column reads, for the organiser to confirm or correct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ValueReading {
    /// "actor_type" or "format".
    pub field: String,
    /// The answer as written in the file.
    pub source: String,
    /// The domain code it reads as ("public", "pitch", "autre", "inconnu"...).
    pub value: String,
    /// False when the reading is a guess to review.
    pub sure: bool,
    /// How many rows give this answer.
    pub rows: usize,
}

/// The distinct answers of the kind-of-actor and format columns, and how they read.
pub fn value_readings(rows: &[Row], readings: &mut Readings) -> Vec<ValueReading> {
    let mut out: Vec<ValueReading> = Vec::new();
    let mut count = |field: &str, source: String, value: String, sure: bool| {
        if source.is_empty() {
            return;
        }
        match out
            .iter_mut()
            .find(|r| r.field == field && r.source == source)
        {
            Some(reading) => reading.rows += 1,
            None => out.push(ValueReading {
                field: field.to_string(),
                source,
                value,
                sure,
                rows: 1,
            }),
        }
    };
    for row in rows {
        let actor = row.text_or_options(Field::ActorType);
        let (kind, sure) = readings.actor_type(&actor);
        count(
            "actor_type",
            actor.into_owned(),
            kind.code().to_string(),
            sure,
        );
        let format_text = row.text_or_options(Field::Format);
        let format = readings.format(&format_text);
        count(
            "format",
            format_text.into_owned(),
            format.unwrap_or(Format::Inconnu).code().to_string(),
            format.is_some(),
        );
    }
    out.sort_by(|a, b| (&a.field, b.rows).cmp(&(&b.field, a.rows)));
    out
}
