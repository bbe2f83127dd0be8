//! Where the header row is, and what each column holds. Web form exports put up to three
//! rows above the data (the form's title, "Détails de la soumission" and component names,
//! then the labels), and spread a checkbox question over one column per option. Each
//! column is read by its header and by its answers (`profile`), then the fields are
//! shared out among the columns all at once (`mapping`).

use serde::{Deserialize, Serialize};

use super::error::ReadError;
use super::fields::{names_a_field, normalise_header, Field, HeaderText};
use super::mapping;
use super::profile::{Profile, SAMPLE};
use super::table::{Table, Value};
use super::{values, ListKind};

/// How many rows from the top the header row is looked for in.
pub const HEADER_SEARCH: usize = 12;
/// The rows the layout is found from: the header search and a sample of the answers.
/// An import needs no more at hand to begin.
pub const HEAD_ROWS: usize = HEADER_SEARCH + 1 + SAMPLE;
/// The rows the header search reads.
pub const TOP_ROWS: usize = HEADER_SEARCH + 1;

/// What a column is imported as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Target {
    /// The column holds the field's value.
    Field { field: Field },
    /// One option of a checkbox question: a mark ("X") in the cell means `value`.
    Option { field: Field, value: String },
    /// Kept in the raw row only.
    Nothing,
}

impl Target {
    /// The field the column fills, if any (the form's bookkeeping fills none).
    pub fn field(&self) -> Option<Field> {
        match self {
            Target::Field { field } | Target::Option { field, .. } if *field != Field::Ignored => {
                Some(*field)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Column {
    /// 0-based position in the sheet.
    pub index: usize,
    /// The header as written.
    pub label: String,
    /// The label above it, for option columns (the question).
    pub group: Option<String>,
    pub target: Target,
    /// How sure the mapping is, from 0 to 1 (1 for a mapping the organisers gave).
    pub confidence: f64,
    /// Why the column got its target, in French, for the organiser.
    #[serde(default)]
    pub reason: String,
}

impl Column {
    /// The header as the organiser sees it: "Axes / Axe 1 – Govtech" for an option.
    pub fn header(&self) -> String {
        match &self.group {
            Some(group) => format!("{group} / {}", self.label),
            None if self.label.is_empty() => format!("colonne {}", self.index + 1),
            None => self.label.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// 0-based index of the header row; data starts on the next row.
    pub header_row: usize,
    /// What the content says the list is: answers to the call or registrations.
    pub detected_kind: ListKind,
    /// The kind the columns are mapped for (the detected one unless told otherwise).
    pub kind: ListKind,
    pub columns: Vec<Column>,
}

impl Layout {
    /// A key for "a file with the same headers": the mapping saved for one is reused.
    pub fn headers_key(&self) -> String {
        self.columns
            .iter()
            .map(|c| {
                let group = c.group.as_deref().map(normalise_header).unwrap_or_default();
                format!("{group}/{}", normalise_header(&c.label))
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    pub fn column_for(&self, field: Field) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.target == Target::Field { field })
    }
}

/// The header row: among the first rows, the one naming the most known fields.
fn find_header(table: &Table) -> Result<usize, ReadError> {
    let mut best: Option<(usize, usize)> = None;
    for (index, row) in table.rows.iter().take(HEADER_SEARCH).enumerate() {
        let known = row.iter().filter(|v| names_a_field(&v.as_text())).count();
        if known >= 2 && best.is_none_or(|(_, k)| known > k) {
            best = Some((index, known));
        }
    }
    best.map(|(row, _)| row)
        .ok_or(ReadError::NoHeader(HEADER_SEARCH))
}

/// Finds the header row by its content and maps each column, for `kind` if given, else
/// for the kind of list the content says.
pub fn detect(table: &Table, kind: Option<ListKind>) -> Result<Layout, ReadError> {
    let header_row = find_header(table)?;
    let header = &table.rows[header_row];
    let above = header_row.checked_sub(1).map(|i| &table.rows[i]);
    let data = &table.rows[header_row + 1..];
    // Rows end at their last cell: the columns are as many as the widest of the top rows
    // has (what an import has at hand when it begins, whatever the file's length).
    let width = table.rows[..table.rows.len().min(TOP_ROWS)]
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);

    let mut found = Vec::with_capacity(width);
    let mut group: Option<String> = None;
    for index in 0..width {
        let cell = header.get(index).unwrap_or(&Value::Empty);
        let above_text = above
            .and_then(|row| row.get(index))
            .map(Value::text)
            .unwrap_or_default();
        if !above_text.trim().is_empty() {
            group = Some(above_text.trim().to_string());
        }
        let label = cell.text().trim().to_string();
        found.push(mapping::Found {
            index,
            text: HeaderText::new(&label),
            only_marks: holds_only_marks(index, data, &label),
            label,
            group: group.clone(),
            profile: Profile::of(index, data),
        });
    }
    let submissions = mapping::map(&found, ListKind::Submissions);
    let detected_kind = mapping::kind_of(&found, &submissions);
    let kind = kind.unwrap_or(detected_kind);
    let columns = if kind == ListKind::Submissions {
        submissions
    } else {
        mapping::map(&found, kind)
    };
    Ok(Layout {
        header_row,
        detected_kind,
        kind,
        columns,
    })
}

/// Whether an option column's label reads as one answer of `field`.
pub fn reads_as_option(field: Field, label: &str) -> bool {
    match field {
        Field::Axes => !values::axes(label).is_empty(),
        Field::Format => values::format(label).is_some(),
        Field::Language => values::language(label).is_some(),
        Field::ActorType => values::actor_type(label).1,
        Field::Wishes => !label.trim().is_empty(),
        _ => false,
    }
}

/// A checkbox option column holds marks ("X"), its own label, or nothing (an option
/// nobody ticked).
pub fn holds_only_marks(index: usize, data: &[Vec<Value>], label: &str) -> bool {
    data.iter().take(SAMPLE).all(|row| {
        let text = row.get(index).map(Value::as_text).unwrap_or_default();
        text.trim().is_empty() || is_mark(&text) || text.trim() == label
    })
}

pub fn is_mark(text: &str) -> bool {
    matches!(
        normalise_header(text).as_str(),
        "x" | "oui" | "yes" | "1" | "vrai" | "true" | "coche"
    ) || text.trim() == "✓"
        || text.trim() == "✔"
}
