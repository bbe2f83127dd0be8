//! Reading a spreadsheet into a `Table`, whatever its kind: decided by the content, never
//! by the name (a ".xls" from a web form is often tab-separated text).

use std::io::Cursor;

use calamine::{Data, Reader, SheetVisible, Sheets};

use super::error::ReadError;
use super::table::{SourceFormat, Table, Value};

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Reads `bytes` (the content of a file) into a table. `sheet` names the sheet to read;
/// by default, the first visible sheet that has data.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return read_ole(bytes, sheet);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return read_zip(bytes, sheet);
    }
    if looks_binary(bytes) {
        return Err(ReadError::NotASpreadsheet);
    }
    super::delimited::read(bytes)
}

/// Legacy .xls, or an encrypted (password-protected) xlsx, which Office stores as OLE.
fn read_ole(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ReadError> {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    let encrypted = utf16("EncryptionInfo");
    if bytes.windows(encrypted.len()).any(|w| w == encrypted) {
        return Err(ReadError::PasswordProtected);
    }
    match calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes)) {
        Ok(workbook) => from_workbook(Sheets::Xls(workbook), SourceFormat::Xls, sheet),
        Err(calamine::XlsError::Password) => Err(ReadError::PasswordProtected),
        Err(e) => Err(ReadError::Damaged(e.to_string())),
    }
}

fn read_zip(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ReadError> {
    // An OpenDocument file names its type in an uncompressed "mimetype" entry up front.
    let head = &bytes[..bytes.len().min(256)];
    let ods = b"application/vnd.oasis.opendocument.spreadsheet";
    if head.windows(ods.len()).any(|w| w == ods) {
        return match calamine::open_workbook_from_rs::<calamine::Ods<_>, _>(Cursor::new(bytes)) {
            Ok(workbook) => from_workbook(Sheets::Ods(workbook), SourceFormat::Ods, sheet),
            Err(calamine::OdsError::Password) => Err(ReadError::PasswordProtected),
            Err(e) => Err(ReadError::Damaged(e.to_string())),
        };
    }
    let xlsx = calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes));
    match xlsx {
        Ok(workbook) => from_workbook(Sheets::Xlsx(workbook), SourceFormat::Xlsx, sheet),
        Err(calamine::XlsxError::Password) => Err(ReadError::PasswordProtected),
        Err(xlsx_error) => {
            match calamine::open_workbook_from_rs::<calamine::Xlsb<_>, _>(Cursor::new(bytes)) {
                Ok(workbook) => from_workbook(Sheets::Xlsb(workbook), SourceFormat::Xlsb, sheet),
                Err(_) => Err(ReadError::Damaged(xlsx_error.to_string())),
            }
        }
    }
}

fn from_workbook(
    mut workbook: Sheets<Cursor<&[u8]>>,
    format: SourceFormat,
    wanted: Option<&str>,
) -> Result<Table, ReadError> {
    let sheets: Vec<(String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let names: Vec<String> = sheets.iter().map(|(n, _)| n.clone()).collect();
    let mut read_sheet = |name: &str| -> Result<Vec<Vec<Value>>, ReadError> {
        let range = workbook
            .worksheet_range(name)
            .map_err(|e| ReadError::Damaged(e.to_string()))?;
        Ok(range
            .rows()
            .map(|row| row.iter().map(value).collect())
            .collect())
    };
    let (sheet, rows) = match wanted {
        Some(name) => {
            if !names.iter().any(|n| n == name) {
                return Err(ReadError::NoSuchSheet {
                    wanted: name.to_string(),
                    available: names,
                });
            }
            (name.to_string(), read_sheet(name)?)
        }
        None => {
            let mut chosen = None;
            for (name, visible) in &sheets {
                if !visible {
                    continue;
                }
                let rows = read_sheet(name)?;
                if rows.iter().any(|r| r.iter().any(|v| !v.is_blank())) {
                    chosen = Some((name.clone(), rows));
                    break;
                }
            }
            chosen.ok_or(ReadError::Empty)?
        }
    };
    Ok(Table {
        format,
        sheets: names,
        sheet,
        encoding: None,
        delimiter: None,
        rows,
    })
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
