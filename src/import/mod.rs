//! Importing the call's answers and the registrations from any spreadsheet the organisers
//! have: read (`read`, `delimited`), find the header and map the columns (`layout`,
//! `fields`), read each row into the domain (`rows`, `values`), then merge into the
//! project in one transaction (`merge`).

mod bounds;
mod delimited;
mod error;
mod fields;
mod layout;
mod mapping;
pub mod memory;
mod merge;
mod profile;
mod read;
mod rows;
mod stream;
mod table;
pub(crate) mod undo;
mod values;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use error::{ImportError, ReadError};
pub use fields::Field;
pub use layout::{Column, Layout, Target};
pub use mapping::{Choice, Fate, Missing};
pub use merge::{Absent, Change, FieldChange, Report};
pub use rows::{Problem, ValueReading};
pub use table::{SourceFormat, Table, Value};

use crate::backup::Reason;
use crate::error::Result;
use crate::Project;

/// Which list a spreadsheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// Answers to the call for contributions.
    #[default]
    Submissions,
    /// Participants' registrations.
    Registrations,
}

impl ListKind {
    pub fn code(self) -> &'static str {
        match self {
            ListKind::Submissions => "submissions",
            ListKind::Registrations => "registrations",
        }
    }

    pub fn parse(text: &str) -> Option<ListKind> {
        match text.trim() {
            "submissions" | "contributions" => Some(ListKind::Submissions),
            "registrations" | "inscriptions" => Some(ListKind::Registrations),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct ImportOptions {
    /// The sheet to read; by default the first visible one with data.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub sheet: Option<String>,
    /// Answers or registrations; by default, what the content says.
    #[serde(default)]
    pub kind: Option<ListKind>,
    /// Work out the report, change nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// The organiser's mapping, one target per column, instead of the detected one: a
    /// confirmed mapping (the import wizard's).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub targets: Option<Vec<Target>>,
    /// The organiser's word on some columns (`--map COLUMN=FIELD`): the command line's.
    #[serde(default)]
    #[ts(skip)]
    pub choices: Vec<Choice>,
    /// The mappings remembered across projects (`memory`): read to map a file whose
    /// headers were seen before, written after each import. Set by the app and the CLI.
    #[serde(skip)]
    pub mapping_book: Option<std::path::PathBuf>,
}

/// What the import wizard shows before anything is imported.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Preview {
    pub format: SourceFormat,
    pub sheets: Vec<String>,
    pub sheet: String,
    pub encoding: Option<&'static str>,
    #[ts(type = "string | null")]
    pub delimiter: Option<char>,
    /// 1-based, as the spreadsheet shows it.
    pub header_row: usize,
    /// What the content says the file is, and the kind it is mapped for.
    pub detected_kind: ListKind,
    pub kind: ListKind,
    pub columns: Vec<Column>,
    /// What the import cannot do without and did not surely find ("le titre"): the
    /// wizard asks which column holds it.
    pub missing: Vec<mapping::Missing>,
    /// The columns given a field without certainty (0-based): to check.
    pub unsure: Vec<usize>,
    /// The first data rows, as text.
    pub rows: Vec<Vec<String>>,
    pub total_rows: usize,
    /// The distinct answers of the kind-of-actor and format columns, and how they read.
    pub values: Vec<ValueReading>,
    /// One of our own workbooks come back ("contributions" or "salles"): no mapping to
    /// choose, its changes are shown for confirmation.
    pub returned: Option<crate::share::returned::Returned>,
}

/// Reads the file; a Pack CESE is read through its Salles sheet, the one that comes back.
fn read_for_import(path: &Path, sheet: Option<&str>) -> Result<Table> {
    let bytes = read_bytes(path)?;
    let table = read_table(path, &bytes, sheet)?;
    match (sheet, crate::share::returned::sheet_to_read(&table)) {
        (None, Some(ours)) => read_table(path, &bytes, Some(ours)),
        _ => Ok(table),
    }
}

/// A sheet of the file `path` whose content is `bytes`, read whole.
fn read_table(path: &Path, bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    Ok(read::read(bytes, sheet).map_err(ImportError::in_file(path))?)
}

/// Adds the mapping of this import to the book of mappings at `path`.
fn remember(
    path: &Path,
    layout: &Layout,
    file: &str,
) -> std::result::Result<(), memory::BookError> {
    let mut book = memory::MappingBook::load(path)?;
    book.remember(memory::Remembered {
        headers: layout.headers_key(),
        kind: layout.kind,
        targets: layout.columns.iter().map(|c| c.target.clone()).collect(),
        file: file.to_string(),
        saved_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    });
    book.save(path)
}

/// Commits what an import did, or takes it back for a dry run.
fn finish(tx: rusqlite::Transaction, dry_run: bool) -> Result<()> {
    if dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            crate::Error::FileNotFound(path.to_path_buf())
        } else {
            crate::Error::Io {
                path: path.to_path_buf(),
                source: e,
            }
        }
    })
}

impl Project {
    /// Reads `path` and works out its layout, the way `import` would, without importing.
    pub fn preview_import(&self, path: &Path, options: &ImportOptions) -> Result<Preview> {
        let table = read_for_import(path, options.sheet.as_deref())?;
        if let Some(ours) = crate::share::returned::recognise(&table) {
            // No mapping to choose: the import screen shows the changes instead.
            return Ok(Preview {
                format: table.format,
                sheets: table.sheets.clone(),
                sheet: table.sheet.clone(),
                encoding: table.encoding,
                delimiter: table.delimiter,
                header_row: 1,
                detected_kind: ListKind::Submissions,
                kind: ListKind::Submissions,
                columns: Vec::new(),
                missing: Vec::new(),
                unsure: Vec::new(),
                rows: Vec::new(),
                total_rows: table.rows.len().saturating_sub(1),
                values: Vec::new(),
                returned: Some(ours),
            });
        }
        let (layout, _) = self.layout_for(path, &table, options)?;
        let first = layout.header_row + 1;
        let columns = rows::Columns::new(&layout);
        let (data, _) = rows::rows(&table, &layout, &columns);
        let mut readings = rows::Readings::new(self.value_corrections()?);
        let values = rows::value_readings(&data, &mut readings);
        let rows = table
            .rows
            .iter()
            .skip(first)
            .filter(|r| !r.iter().all(Value::is_blank))
            .take(20)
            .map(|r| r.iter().map(Value::text).collect())
            .collect();
        Ok(Preview {
            format: table.format,
            sheets: table.sheets.clone(),
            sheet: table.sheet.clone(),
            encoding: table.encoding,
            delimiter: table.delimiter,
            header_row: layout.header_row + 1,
            detected_kind: layout.detected_kind,
            kind: layout.kind,
            missing: mapping::missing(&layout.columns, layout.kind),
            unsure: mapping::unsure(&layout.columns),
            total_rows: data.len(),
            columns: layout.columns.clone(),
            rows,
            values,
            returned: None,
        })
    }

    /// Imports `path` into the project in one transaction, and reports what it did. A file
    /// that cannot be read changes nothing; rows with problems are imported and flagged.
    pub fn import(&mut self, path: &Path, options: &ImportOptions) -> Result<Report> {
        self.import_with_progress(path, options, &mut |_, _| true)
    }

    /// `import`, telling `progress` how many rows are done out of how many (0 while the
    /// file does not say: a large xlsx is imported as it is read); when it returns false,
    /// the import stops and nothing is imported (`Error::Cancelled`).
    pub fn import_with_progress(
        &mut self,
        path: &Path,
        options: &ImportOptions,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Report> {
        let bytes = read_bytes(path)?;
        let streamed = std::thread::scope(|scope| {
            let source = stream::Source::read(scope, &bytes, options.sheet.as_deref())
                .map_err(ImportError::in_file(path))?;
            self.import_source(path, &bytes, source, options, progress)
        });
        match streamed {
            // Rows out of order cannot be streamed: the sheet read whole places them.
            Err(crate::Error::Import(ImportError {
                source: ReadError::Unordered,
                ..
            })) => {
                let table = read_table(path, &bytes, options.sheet.as_deref())?;
                let source = stream::Source::whole(table);
                self.import_source(path, &bytes, source, options, progress)
            }
            result => result,
        }
    }

    /// Imports the sheet `source` brings, from the file `path` whose content is `bytes`.
    fn import_source(
        &mut self,
        path: &Path,
        bytes: &[u8],
        mut source: stream::Source,
        options: &ImportOptions,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Report> {
        let wrap = ImportError::in_file(path);
        // A Pack CESE comes back through its Salles sheet.
        if options.sheet.is_none() {
            if let Some(ours) = crate::share::returned::sheet_to_read(&source.table) {
                source = stream::Source::whole(read_table(path, bytes, Some(ours))?);
            }
        }
        if let Some(ours) = crate::share::returned::recognise(&source.table) {
            let table = source.into_table().map_err(wrap)?;
            if !options.dry_run {
                self.back_up(Reason::ReturnedWorkbook)?;
            }
            let tx = self.begin()?;
            let report = crate::share::returned::merge(
                &tx,
                ours,
                &table,
                &file_name(path),
                options.dry_run,
            )?;
            finish(tx, options.dry_run)?;
            return Ok(report);
        }
        source.fill(layout::HEAD_ROWS).map_err(&wrap)?;
        let (layout, confirmed) = self.layout_for(path, &source.table, options)?;
        let missing = mapping::missing(&layout.columns, layout.kind);
        if !confirmed && !missing.is_empty() {
            return Err(wrap(mapping::unmapped(&layout.columns, &missing)).into());
        }
        let file = self.file();
        let corrections = self.value_corrections()?;
        if !options.dry_run {
            self.back_up(Reason::Import)?;
        }
        let tx = self.begin()?;
        let key = layout.headers_key();
        let recorder = undo::Recorder::start(&tx, &key)?;
        let merged = merge::merge(&tx, source, &layout, options, path, corrections, progress);
        let report = match merged {
            Ok(report) => report,
            Err(e) => {
                // Dropping the transaction takes the rows back; the triggers are temporary
                // objects of this connection, taken away here.
                drop(tx);
                undo::stop(&self.conn)?;
                return Err(e);
            }
        };
        if !confirmed {
            if let Some(refusal) = mapping::mostly_empty(&report, &layout) {
                drop(tx);
                undo::stop(&self.conn)?;
                return Err(wrap(refusal).into());
            }
        }
        if options.dry_run {
            tx.rollback()?;
            undo::stop(&self.conn)?;
            return Ok(report);
        }
        let label = format!("Import de «\u{a0}{}\u{a0}»", report.file);
        recorder.finish(&tx, report.import_id, &key, &label)?;
        // A project removed or moved while the import ran would take the rows with it.
        file.still_there()?;
        tx.commit()?;
        let mut report = report;
        if let Some(book) = &options.mapping_book {
            // A convenience for next time: failing to write it is said, never fatal.
            if let Err(e) = remember(book, &layout, &report.file) {
                report.problems.push(Problem {
                    row: 0,
                    column: String::new(),
                    severity: crate::common::Severity::Warning,
                    message: format!(
                        "la correspondance des colonnes n'a pas pu être retenue pour les prochains projets\u{a0}: {e}"
                    ),
                    field: None,
                });
            }
        }
        Ok(report)
    }

    /// Remembers that `source`, found in the `field` column of a file ("actor_type",
    /// "format"), means `value`; the next imports read it so.
    pub fn set_value_mapping(&mut self, field: &str, source: &str, value: &str) -> Result<()> {
        let tx = self.begin()?;
        crate::store::save_value_mapping(&tx, field, source, value)?;
        tx.commit()?;
        Ok(())
    }

    /// The organisers' corrections of value readings, keyed for `rows::Readings`.
    pub(crate) fn value_corrections(&self) -> Result<rows::ValueMappings> {
        Ok(crate::store::read_value_mappings(&self.conn)?
            .into_iter()
            .map(|(field, source, value)| ((field, fields::normalise_header(&source)), value))
            .collect())
    }

    /// The layout of `table`: detected, then what the organisers said (the wizard's
    /// targets, `--map`, or the mapping saved for a file with the same headers). True
    /// with it when the mapping was confirmed by them.
    fn layout_for(
        &self,
        path: &Path,
        table: &Table,
        options: &ImportOptions,
    ) -> Result<(Layout, bool)> {
        let wrap = ImportError::in_file(path);
        let mut layout = layout::detect(table, options.kind).map_err(&wrap)?;
        let key = layout.headers_key();
        let remembered = || {
            let book = memory::MappingBook::load(options.mapping_book.as_deref()?).ok()?;
            book.find(&key).map(|m| m.targets.clone())
        };
        let chosen = match &options.targets {
            Some(targets) => Some(targets.clone()),
            None => crate::store::saved_mapping(&self.conn, &key)?
                .and_then(|json| serde_json::from_str::<Vec<Target>>(&json).ok())
                .or_else(remembered),
        };
        let mut confirmed = false;
        if let Some(targets) = chosen {
            if targets.len() == layout.columns.len() {
                confirmed = true;
                for (column, target) in layout.columns.iter_mut().zip(targets) {
                    if column.target != target {
                        column.target = target;
                        column.reason = match column.target.field() {
                            Some(field) => format!(
                                "«\u{a0}{}\u{a0}» choisi par l'organisateur·rice",
                                field.label_fr()
                            ),
                            None => "écartée par l'organisateur·rice".into(),
                        };
                    }
                    column.confidence = 1.0;
                }
            }
        }
        mapping::apply(&mut layout.columns, &options.choices).map_err(&wrap)?;
        Ok((layout, confirmed))
    }
}
