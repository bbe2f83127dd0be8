use std::borrow::Cow;

use chrono::NaiveDateTime;

/// One cell as read, before any interpretation. Spreadsheets give types; text files give
/// text, which `Value::Text` keeps verbatim.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    DateTime(NaiveDateTime),
    Bool(bool),
}

impl Value {
    /// The cell as text: numbers without a useless ".0", dates in ISO form.
    pub fn text(&self) -> String {
        self.as_text().into_owned()
    }

    /// `text`, borrowed when the cell holds text (most cells: no copy to read them).
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            Value::Empty => Cow::Borrowed(""),
            Value::Text(text) => Cow::Borrowed(text),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                Cow::Owned(format!("{}", *n as i64))
            }
            Value::Number(n) => Cow::Owned(n.to_string()),
            Value::DateTime(dt) => Cow::Owned(super::values::iso(dt)),
            Value::Bool(b) => Cow::Borrowed(if *b { "VRAI" } else { "FAUX" }),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// What the file turned out to be, whatever its name said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Delimited,
}

/// The cells of one sheet, row by row, as read from a file.
#[derive(Debug, Clone)]
pub struct Table {
    pub format: SourceFormat,
    /// The workbook's sheets (one for a text file), and the one read.
    pub sheets: Vec<String>,
    pub sheet: String,
    /// For a text file: the encoding and delimiter found.
    pub encoding: Option<&'static str>,
    pub delimiter: Option<char>,
    pub rows: Vec<Vec<Value>>,
    /// What the reading noticed on some rows (1-based, as the spreadsheet shows them):
    /// bytes of another encoding in a UTF-8 file.
    pub warnings: Vec<(usize, String)>,
}
