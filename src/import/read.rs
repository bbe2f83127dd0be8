//! Reading a spreadsheet into a `Table`, whatever its kind: decided by the content, never
//! by the name (a ".xls" from a web form is often tab-separated text).

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, SheetVisible, Sheets};

use super::error::ReadError;
use super::table::{SourceFormat, Table, Value};

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Where the rows of the sheet chosen go, as they are read: collected into a `Table`, or
/// sent to the import on another thread (`stream`). Either may stop the reading by
/// returning false.
pub trait RowSink {
    /// The sheet chosen (a table without rows yet) and how many rows it has, when the
    /// file says so.
    fn start(&mut self, sheet: Table, expected_rows: Option<usize>) -> bool;
    fn row(&mut self, row: Vec<Value>) -> bool;
}

/// Rows gathered into one table.
struct Collect(Option<Table>);

impl RowSink for Collect {
    fn start(&mut self, sheet: Table, _: Option<usize>) -> bool {
        self.0 = Some(sheet);
        true
    }

    fn row(&mut self, row: Vec<Value>) -> bool {
        if let Some(table) = &mut self.0 {
            table.rows.push(row);
        }
        true
    }
}

/// Reads `bytes` (the content of a file) into a table. `sheet` names the sheet to read;
/// by default, the first visible sheet that has data.
///
/// Whatever the format, rows come the same way: from the first row that has a cell,
/// column A first, each row ending at its last cell. The streamed import and this
/// whole-file reading then see the very same rows.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ReadError> {
    let mut sink = Collect(None);
    match read_into(bytes, sheet, &mut sink) {
        // Rows written out of order (allowed, never seen from real software): read the
        // sheet whole, which places every cell where it belongs.
        Err(ReadError::Unordered) => {
            sink = Collect(None);
            read_zip(bytes, sheet, &mut sink, XlsxWay::Whole)?;
        }
        result => result?,
    }
    sink.0.ok_or(ReadError::Empty)
}

/// `read`, row by row into `sink`. Rows of an xlsx (the large files) are given as they
/// are parsed; `ReadError::Unordered` if the sheet's rows are not in order.
pub fn read_into(
    bytes: &[u8],
    sheet: Option<&str>,
    sink: &mut dyn RowSink,
) -> Result<(), ReadError> {
    guarded(|| read_any(bytes, sheet, sink))
}

/// Runs a reader; a panic in it (a reader library meeting a damaged file it did not
/// expect) is a damaged file, not a crash.
pub fn guarded<T>(read: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)) {
        Ok(result) => result,
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "lecture interrompue".into());
            Err(ReadError::Damaged(detail))
        }
    }
}

fn read_any(bytes: &[u8], sheet: Option<&str>, sink: &mut dyn RowSink) -> Result<(), ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return read_ole(bytes, sheet, sink);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        super::bounds::check_zip(bytes)?;
        return read_zip(bytes, sheet, sink, XlsxWay::Streamed);
    }
    if looks_binary(bytes) {
        return Err(ReadError::NotASpreadsheet);
    }
    give(super::delimited::read(bytes)?, sink);
    Ok(())
}

/// Hands a table read whole to `sink`, row by row.
fn give(mut table: Table, sink: &mut dyn RowSink) {
    let rows = std::mem::take(&mut table.rows);
    if !sink.start(table, Some(rows.len())) {
        return;
    }
    for row in rows {
        if !sink.row(row) {
            return;
        }
    }
}

/// Legacy .xls, or an encrypted (password-protected) xlsx, which Office stores as OLE.
fn read_ole(bytes: &[u8], sheet: Option<&str>, sink: &mut dyn RowSink) -> Result<(), ReadError> {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    let encrypted = utf16("EncryptionInfo");
    if bytes.windows(encrypted.len()).any(|w| w == encrypted) {
        return Err(ReadError::PasswordProtected);
    }
    super::bounds::check_xls(bytes)?;
    match calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes)) {
        Ok(workbook) => give(
            from_workbook(Sheets::Xls(workbook), SourceFormat::Xls, sheet)?,
            sink,
        ),
        Err(calamine::XlsError::Password) => return Err(ReadError::PasswordProtected),
        Err(e) => return Err(ReadError::Damaged(e.to_string())),
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum XlsxWay {
    Streamed,
    Whole,
}

fn read_zip(
    bytes: &[u8],
    sheet: Option<&str>,
    sink: &mut dyn RowSink,
    way: XlsxWay,
) -> Result<(), ReadError> {
    // An OpenDocument file names its type in an uncompressed "mimetype" entry up front.
    let head = &bytes[..bytes.len().min(256)];
    let ods = b"application/vnd.oasis.opendocument.spreadsheet";
    if head.windows(ods.len()).any(|w| w == ods) {
        super::bounds::check_ods(bytes)?;
        match calamine::open_workbook_from_rs::<calamine::Ods<_>, _>(Cursor::new(bytes)) {
            Ok(workbook) => give(
                from_workbook(Sheets::Ods(workbook), SourceFormat::Ods, sheet)?,
                sink,
            ),
            Err(calamine::OdsError::Password) => return Err(ReadError::PasswordProtected),
            Err(e) => return Err(ReadError::Damaged(e.to_string())),
        }
        return Ok(());
    }
    let xlsx = calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes));
    match xlsx {
        Ok(workbook) if way == XlsxWay::Streamed => stream_xlsx(workbook, sheet, sink)?,
        Ok(workbook) => give(
            from_workbook(Sheets::Xlsx(workbook), SourceFormat::Xlsx, sheet)?,
            sink,
        ),
        Err(calamine::XlsxError::Password) => return Err(ReadError::PasswordProtected),
        Err(xlsx_error) => {
            match calamine::open_workbook_from_rs::<calamine::Xlsb<_>, _>(Cursor::new(bytes)) {
                Ok(workbook) => give(
                    from_workbook(Sheets::Xlsb(workbook), SourceFormat::Xlsb, sheet)?,
                    sink,
                ),
                Err(_) => return Err(ReadError::Damaged(xlsx_error.to_string())),
            }
        }
    }
    Ok(())
}

/// The sheets to try, in order: the one asked for, or every visible one.
fn candidates(sheets: &[(String, bool)], wanted: Option<&str>) -> Result<Vec<String>, ReadError> {
    let names = || sheets.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    match wanted {
        Some(name) if sheets.iter().any(|(n, _)| n == name) => Ok(vec![name.to_string()]),
        Some(name) => Err(ReadError::NoSuchSheet {
            wanted: name.to_string(),
            available: names(),
        }),
        None => Ok(sheets
            .iter()
            .filter(|(_, visible)| *visible)
            .map(|(n, _)| n.clone())
            .collect()),
    }
}

fn metadata<RS: std::io::Read + std::io::Seek>(workbook: &impl Reader<RS>) -> Vec<(String, bool)> {
    workbook
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect()
}

/// An xlsx read cell by cell, each row given as soon as the next one starts: the
/// import works on the first rows while the rest of the sheet is still being parsed.
fn stream_xlsx(
    mut workbook: calamine::Xlsx<Cursor<&[u8]>>,
    wanted: Option<&str>,
    sink: &mut dyn RowSink,
) -> Result<(), ReadError> {
    let sheets = metadata(&workbook);
    let names: Vec<String> = sheets.iter().map(|(n, _)| n.clone()).collect();
    let damaged = |e: calamine::XlsxError| ReadError::Damaged(e.to_string());
    for name in candidates(&sheets, wanted)? {
        let mut cells = match workbook.worksheet_cells_reader(&name) {
            Ok(cells) => cells,
            // A chart sheet has no cells: not the one.
            Err(calamine::XlsxError::NotAWorksheet(_)) if wanted.is_none() => continue,
            Err(e) => return Err(damaged(e)),
        };
        // Writers that stream (openpyxl's write-only mode) leave the sheet's size out,
        // or give a single cell: then nobody knows how many rows are coming.
        let dimensions = cells.dimensions();
        let expected = (dimensions.end.0 > dimensions.start.0)
            .then(|| (dimensions.end.0 + 1 - dimensions.start.0) as usize);
        let mut rows = Rows {
            sink: &mut *sink,
            // A sheet asked for by name is read even if it is blank; by default, one
            // that has nothing but blanks is passed over.
            held: if wanted.is_some() {
                None
            } else {
                Some(Vec::new())
            },
            table: Some(Table {
                format: SourceFormat::Xlsx,
                sheets: names.clone(),
                sheet: name.clone(),
                encoding: None,
                delimiter: None,
                rows: Vec::new(),
                warnings: Vec::new(),
            }),
            expected,
            go_on: true,
        };
        if wanted.is_some() {
            rows.begin();
        }
        let mut row: Vec<Value> = Vec::new();
        // Rows are made at the width of the widest so far: one allocation each, not a
        // series of growths (this thread makes them, others free them).
        let mut width = 0;
        let mut current: Option<u32> = None;
        while let Some(cell) = cells.next_cell().map_err(damaged)? {
            if matches!(cell.get_value(), DataRef::Empty) {
                continue;
            }
            let (r, c) = cell.get_position();
            super::bounds::check_position(r as u64, c as u64)?;
            match current {
                None => current = Some(r),
                Some(at) if r < at => return Err(ReadError::Unordered),
                Some(at) => {
                    width = width.max(row.len());
                    for between in at..r {
                        // Rows skipped over (blank ones) stay unallocated.
                        let next = if between + 1 == r {
                            Vec::with_capacity(width)
                        } else {
                            Vec::new()
                        };
                        rows.give(std::mem::replace(&mut row, next));
                    }
                    current = Some(r);
                }
            }
            if !rows.go_on {
                return Ok(());
            }
            let c = c as usize;
            if row.len() <= c {
                row.resize(c + 1, Value::Empty);
            }
            let value = value_ref(cell.get_value());
            if let Value::Text(text) = &value {
                super::bounds::check_cell(text, r as usize + 1)?;
            }
            row[c] = value;
        }
        if current.is_some() {
            rows.give(row);
        }
        if rows.held.is_none() {
            return Ok(());
        }
    }
    Err(ReadError::Empty)
}

/// Rows on their way to the sink; until a non-blank cell is seen (when any sheet will
/// do), they are held back, as the sheet may turn out to be blank.
struct Rows<'s> {
    sink: &'s mut dyn RowSink,
    held: Option<Vec<Vec<Value>>>,
    table: Option<Table>,
    expected: Option<usize>,
    go_on: bool,
}

impl Rows<'_> {
    fn begin(&mut self) {
        if let Some(table) = self.table.take() {
            self.go_on = self.sink.start(table, self.expected);
        }
    }

    fn give(&mut self, row: Vec<Value>) {
        if !self.go_on {
            return;
        }
        if let Some(held) = &mut self.held {
            let found = row.iter().any(|v| !v.is_blank());
            held.push(row);
            if !found {
                return;
            }
            let held = self.held.take().unwrap_or_default();
            self.begin();
            for row in held {
                if self.go_on {
                    self.go_on = self.sink.row(row);
                }
            }
            return;
        }
        self.go_on = self.sink.row(row);
    }
}

fn from_workbook(
    mut workbook: Sheets<Cursor<&[u8]>>,
    format: SourceFormat,
    wanted: Option<&str>,
) -> Result<Table, ReadError> {
    let sheets = metadata(&workbook);
    let names: Vec<String> = sheets.iter().map(|(n, _)| n.clone()).collect();
    for name in candidates(&sheets, wanted)? {
        check_extent_first(&mut workbook, &name)?;
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| ReadError::Damaged(e.to_string()))?;
        // Column A first, as a streamed sheet gives it, each row ending at its last cell.
        let left = range.start().map_or(0, |(_, column)| column as usize);
        let rows: Vec<Vec<Value>> = range
            .rows()
            .map(|cells| {
                let mut row = vec![Value::Empty; left];
                row.extend(cells.iter().map(value));
                while row.last() == Some(&Value::Empty) {
                    row.pop();
                }
                row
            })
            .collect();
        if wanted.is_some() || rows.iter().any(|r| r.iter().any(|v| !v.is_blank())) {
            return Ok(Table {
                format,
                sheets: names,
                sheet: name,
                encoding: None,
                delimiter: None,
                rows,
                warnings: Vec::new(),
            });
        }
    }
    Err(ReadError::Empty)
}

/// An xlsx or xlsb is laid out as one block from its first cell to its last when read
/// whole: its cells are walked once first, to refuse a block too large to hold. (Ods and
/// xls are checked before they are opened; see `bounds`.)
fn check_extent_first(workbook: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Result<(), ReadError> {
    let mut extent: Option<(u32, u32, u32, u32)> = None;
    let mut see = |(r, c): (u32, u32)| -> Result<(), ReadError> {
        super::bounds::check_position(r as u64, c as u64)?;
        let (r0, r1, c0, c1) = extent.unwrap_or((r, r, c, c));
        let next = (r0.min(r), r1.max(r), c0.min(c), c1.max(c));
        extent = Some(next);
        super::bounds::check_block((next.1 - next.0) as u64 + 1, (next.3 - next.2) as u64 + 1)
    };
    let damaged = |e: &dyn std::fmt::Display| ReadError::Damaged(e.to_string());
    match workbook {
        Sheets::Xlsx(xlsx) => {
            let mut cells = xlsx.worksheet_cells_reader(name).map_err(|e| damaged(&e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| damaged(&e))? {
                see(cell.get_position())?;
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut cells = xlsb.worksheet_cells_reader(name).map_err(|e| damaged(&e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| damaged(&e))? {
                see(cell.get_position())?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn value_ref(cell: &DataRef<'_>) -> Value {
    match cell {
        DataRef::SharedString(s) => Value::Text(s.to_string()),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Value::Text(s.clone())
        }
        DataRef::Empty => Value::Empty,
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(dt) => match dt.as_datetime() {
            Some(dt) => Value::DateTime(dt),
            None => Value::Number(dt.as_f64()),
        },
        DataRef::Error(e) => Value::Text(format!("#{e:?}")),
    }
}

fn value(cell: &Data) -> Value {
    match cell {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(dt) => Value::DateTime(dt),
            None => Value::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Text(format!("#{e:?}")),
    }
}

/// Text files have no NUL bytes, except UTF-16, which starts with its byte-order mark.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    bytes[..bytes.len().min(8192)].contains(&0)
}
