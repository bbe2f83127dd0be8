//! Where the header row is, and what each column holds. Web form exports put up to three
//! rows above the data (the form's title, "Détails de la soumission" and component names,
//! then the labels), and spread a checkbox question over one column per option.

use serde::{Deserialize, Serialize};

use super::error::ReadError;
use super::fields::{field_for_header, names_a_field, normalise_header, Field, SURE};
use super::table::{Table, Value};

/// How many rows from the top the header row is looked for in.
pub const HEADER_SEARCH: usize = 12;
/// Data rows looked at to tell a checkbox column (marks only) from a text one.
pub const SAMPLE_ROWS: usize = 500;
/// The rows the layout is found from when the headers have groups above them (checkbox
/// questions): an import needs no more at hand to begin.
pub const HEAD_ROWS: usize = HEADER_SEARCH + 1 + SAMPLE_ROWS;
/// The rows the header search and the columns' count read.
pub const TOP_ROWS: usize = HEADER_SEARCH + 1;

/// What a column is imported as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Target {
    /// The column holds the field's value.
    Field { field: Field },
    /// One option of a checkbox question: a mark ("X") in the cell means `value`.
    Option { field: Field, value: String },
    /// Kept in the raw row only.
    Nothing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// 0-based position in the sheet.
    pub index: usize,
    /// The header as written.
    pub label: String,
    /// The label above it, for option columns (the question).
    pub group: Option<String>,
    pub target: Target,
    /// How sure the detection was, from 0 to 1 (1 for a mapping the organisers saved).
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// 0-based index of the header row; data starts on the next row.
    pub header_row: usize,
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

/// How many of `table`'s first rows `detect` reads: the top ones, and a sample of the
/// answers only when a row above the headers names groups of columns (a checkbox
/// question's options hold marks, or are text columns that happen to be grouped).
pub fn rows_needed(table: &Table) -> usize {
    let grouped = find_header(table).is_ok_and(|header| {
        header
            .checked_sub(1)
            .is_some_and(|above| table.rows[above].iter().any(|v| !v.is_blank()))
    });
    if grouped {
        HEAD_ROWS
    } else {
        TOP_ROWS
    }
}

/// The header row: among the first rows, the one naming the most known fields.
fn find_header(table: &Table) -> Result<usize, ReadError> {
    let mut best: Option<(usize, usize)> = None;
    for (index, row) in table.rows.iter().take(HEADER_SEARCH).enumerate() {
        let known = row.iter().filter(|v| names_a_field(&v.text())).count();
        if known >= 2 && best.is_none_or(|(_, k)| known > k) {
            best = Some((index, known));
        }
    }
    best.map(|(row, _)| row)
        .ok_or(ReadError::NoHeader(HEADER_SEARCH))
}

/// Finds the header row by its content and maps each column.
pub fn detect(table: &Table) -> Result<Layout, ReadError> {
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

    let mut columns = Vec::new();
    let mut group: Option<String> = None;
    for index in 0..width {
        let cell = header.get(index).unwrap_or(&Value::Empty);
        if let Some(text) = above.and_then(|row| row.get(index)).map(Value::text) {
            if !text.trim().is_empty() {
                group = Some(text.trim().to_string());
            }
        }
        let label = cell.text().trim().to_string();
        let (target, confidence) = target_for(&label, group.as_deref(), index, data);
        let is_option = matches!(target, Target::Option { .. });
        columns.push(Column {
            index,
            label,
            group: if is_option { group.clone() } else { None },
            target,
            confidence,
        });
    }
    keep_best_per_field(&mut columns);
    Ok(Layout {
        header_row,
        columns,
    })
}

fn target_for(
    label: &str,
    group: Option<&str>,
    index: usize,
    data: &[Vec<Value>],
) -> (Target, f64) {
    if let Some((field, score)) = group.and_then(field_for_header) {
        if field.has_options() && score >= SURE && holds_only_marks(index, data, label) {
            return (
                Target::Option {
                    field,
                    value: label.to_string(),
                },
                score,
            );
        }
    }
    match field_for_header(label) {
        Some((field, score)) if score >= 0.45 => (Target::Field { field }, score),
        _ => (Target::Nothing, 0.0),
    }
}

/// A checkbox option column holds marks ("X") or nothing.
fn holds_only_marks(index: usize, data: &[Vec<Value>], label: &str) -> bool {
    let mut marks = 0;
    for row in data.iter().take(SAMPLE_ROWS) {
        let text = row.get(index).map(Value::text).unwrap_or_default();
        if text.trim().is_empty() {
            continue;
        }
        if is_mark(&text) || text.trim() == label {
            marks += 1;
        } else {
            return false;
        }
    }
    marks > 0 || data.is_empty()
}

pub fn is_mark(text: &str) -> bool {
    matches!(
        normalise_header(text).as_str(),
        "x" | "oui" | "yes" | "1" | "vrai" | "true" | "coche"
    ) || text.trim() == "✓"
        || text.trim() == "✔"
}

/// One column per field: where two claim the same field, the surer keeps it.
fn keep_best_per_field(columns: &mut [Column]) {
    for i in 0..columns.len() {
        let Target::Field { field } = columns[i].target else {
            continue;
        };
        if field == Field::Ignored {
            continue;
        }
        for j in 0..columns.len() {
            if i != j
                && columns[j].target == columns[i].target
                && (columns[j].confidence > columns[i].confidence
                    || (columns[j].confidence == columns[i].confidence && j < i))
            {
                columns[i].target = Target::Nothing;
                columns[i].confidence = 0.0;
                break;
            }
        }
    }
}
