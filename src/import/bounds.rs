//! Limits checked before the readers allocate: a small hostile file (a cell at column
//! ZZZZZZ, an OpenDocument cell repeated a billion times, a zip entry that inflates to
//! gigabytes) is refused in French, instead of exhausting the machine. The limits are
//! those of the spreadsheets themselves, and a size no call for contributions reaches.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use super::error::ReadError;

/// Excel's and LibreOffice's own limits.
pub const MAX_COLUMNS: usize = 16_384;
pub const MAX_ROWS: usize = 1_048_576;
/// One answer of a web form is a few thousand characters.
pub const MAX_CELL_BYTES: usize = 1 << 20;
/// The cells of a sheet read whole (rows × columns, blanks included): 4 million is a
/// 40,000-row export of 100 columns, a few hundred megabytes once read.
pub const MAX_CELLS: u64 = 4_000_000;
/// Inflated size of a zip's entries: beyond both, a zip bomb rather than a workbook.
const MAX_INFLATED: u64 = 400 << 20;
const MAX_RATIO: u64 = 100;

/// Answers or registrations in one file: a call for contributions gets hundreds, an
/// event of this size a few thousand registrations. Beyond, the file is something
/// else, and importing it would keep the organiser waiting for nothing.
pub const MAX_ANSWERS: usize = 100_000;

pub fn too_many_answers() -> ReadError {
    too_large(format!(
        "plus de {} lignes de réponses ou d'inscriptions",
        number(MAX_ANSWERS as u64)
    ))
}

/// 1048576 as a French reader writes it: "1 048 576" (narrow no-break spaces).
pub(super) fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

fn too_large(detail: String) -> ReadError {
    ReadError::TooLarge(detail)
}

/// A cell's position, refused beyond the formats' limits (0-based).
pub fn check_position(row: u64, column: u64) -> Result<(), ReadError> {
    if column >= MAX_COLUMNS as u64 {
        return Err(too_large(format!(
            "une cellule en colonne {} (au plus {})",
            number(column + 1),
            number(MAX_COLUMNS as u64)
        )));
    }
    if row >= MAX_ROWS as u64 {
        return Err(too_large(format!(
            "une cellule en ligne {} (au plus {})",
            number(row + 1),
            number(MAX_ROWS as u64)
        )));
    }
    Ok(())
}

/// A cell's text, refused over `MAX_CELL_BYTES`; `row` is 1-based.
pub fn check_cell(text: &str, row: usize) -> Result<(), ReadError> {
    if text.len() > MAX_CELL_BYTES {
        return Err(too_large(format!(
            "une cellule de {}\u{a0}Mo à la ligne {row} (au plus 1\u{a0}Mo)",
            text.len() >> 20
        )));
    }
    Ok(())
}

/// The whole of a sheet read at once, refused over `MAX_CELLS`.
pub fn check_block(rows: u64, columns: u64) -> Result<(), ReadError> {
    check_extent(rows, columns)
}

fn check_extent(rows: u64, columns: u64) -> Result<(), ReadError> {
    if columns > MAX_COLUMNS as u64 || rows > MAX_ROWS as u64 {
        return Err(too_large(format!(
            "une feuille de {} lignes sur {} colonnes",
            number(rows),
            number(columns)
        )));
    }
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(too_large(format!(
            "une feuille de {} lignes sur {} colonnes, soit plus de {} cellules",
            number(rows),
            number(columns),
            number(MAX_CELLS)
        )));
    }
    Ok(())
}

/// A zip (xlsx, ods) whose entries would inflate far beyond the file.
pub fn check_zip(bytes: &[u8]) -> Result<(), ReadError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not readable as a zip: the reader says how it is damaged.
        return Ok(());
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            continue;
        };
        total = total.saturating_add(entry.size());
    }
    let limit = MAX_INFLATED.min((bytes.len() as u64).saturating_mul(MAX_RATIO).max(50 << 20));
    if total > limit {
        return Err(too_large(format!(
            "son contenu décompressé ferait {}\u{a0}Mo pour un fichier de {}\u{a0}Ko",
            total >> 20,
            bytes.len() >> 10
        )));
    }
    Ok(())
}

/// An OpenDocument spreadsheet's sheets, as the reader would expand them: repeated rows
/// and cells ("number-rows-repeated") counted where they hold something.
pub fn check_ods(bytes: &[u8]) -> Result<(), ReadError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    // In the sheet being read: the next row, and the columns the widest row reaches
    // with a cell that holds something.
    let (mut row, mut columns) = (0u64, 0u64);
    // In the row being read: how many times it repeats, the next column, and how far
    // its cells with content reach.
    let (mut row_repeat, mut column, mut reached) = (1u64, 0u64, 0u64);
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            // Damaged XML: the reader says so in its own words.
            Err(_) => return Ok(()),
        };
        let start = matches!(event, Event::Start(_));
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().into_inner() == "table:table" => {
                (row, columns) = (0, 0);
            }
            Event::Start(e) if e.name().into_inner() == "table:table-row" => {
                row_repeat = repeat(e, "table:number-rows-repeated");
                column = 0;
                reached = 0;
            }
            Event::Empty(e) if e.name().into_inner() == "table:table-row" => {
                row = row.saturating_add(repeat(e, "table:number-rows-repeated"));
            }
            Event::End(e) if e.name().into_inner() == "table:table-row" => {
                if reached > 0 {
                    columns = columns.max(reached);
                    check_extent(row.saturating_add(row_repeat), columns)?;
                }
                row = row.saturating_add(row_repeat);
            }
            Event::Start(e) | Event::Empty(e)
                if matches!(
                    e.name().into_inner(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                column = column.saturating_add(repeat(e, "table:number-columns-repeated"));
                // A cell with a value, or a text element inside, holds something.
                let filled = start
                    || e.try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some();
                if filled {
                    reached = column;
                    check_extent(row.saturating_add(row_repeat), columns.max(column))?;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

fn repeat(element: &quick_xml::events::BytesStart, name: &str) -> u64 {
    element
        .try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// A legacy .xls: the cells of each sheet, as the reader would lay them out (it makes
/// one block from the first cell to the last, and reserves what the sheet's dimensions
/// record claims).
pub fn check_xls(bytes: &[u8]) -> Result<(), ReadError> {
    let Ok(mut file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(());
    };
    let stream = ["/Workbook", "/Book", "/WORKBOOK", "/BOOK"]
        .into_iter()
        .find(|name| file.is_stream(name));
    let Some(name) = stream else {
        return Ok(());
    };
    let mut data = Vec::new();
    let Ok(mut stream) = file.open_stream(name) else {
        return Ok(());
    };
    // The stream is inside the file: no larger than it.
    if stream
        .by_ref()
        .take(bytes.len() as u64 + 1)
        .read_to_end(&mut data)
        .is_err()
    {
        return Ok(());
    }
    let u16_at = |d: &[u8], at: usize| {
        d.get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as u64)
    };
    let u32_at = |d: &[u8], at: usize| {
        d.get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64)
    };
    // Per substream (sheet): the first and last row and column of a cell.
    let mut extent: Option<(u64, u64, u64, u64)> = None;
    let mut at = 0usize;
    while at + 4 <= data.len() {
        let kind = u16::from_le_bytes([data[at], data[at + 1]]);
        let len = u16::from_le_bytes([data[at + 2], data[at + 3]]) as usize;
        let record = &data[at + 4..(at + 4 + len).min(data.len())];
        at += 4 + len;
        match kind {
            // BOF: a new sheet.
            0x0809 => extent = None,
            // DIMENSIONS: the reader reserves room for what it claims.
            0x0200 => {
                // Last minus first, each read where the record's version puts it.
                let span = |first: Option<u64>, last: Option<u64>| {
                    last.unwrap_or(0).saturating_sub(first.unwrap_or(0))
                };
                let (rows, columns) = match record.len() {
                    10 => (
                        span(u16_at(record, 0), u16_at(record, 2)),
                        span(u16_at(record, 4), u16_at(record, 6)),
                    ),
                    14 | 16 => (
                        span(u32_at(record, 0), u32_at(record, 4)),
                        span(u16_at(record, 8), u16_at(record, 10)),
                    ),
                    _ => (0, 0),
                };
                check_extent(rows, columns)?;
            }
            // Cells: number, label, rich label, bool/error, RK, shared-string label,
            // formula, and a run of RK numbers.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 | 0x00BD => {
                let (Some(r), Some(c)) = (u16_at(record, 0), u16_at(record, 2)) else {
                    continue;
                };
                let last = if kind == 0x00BD && record.len() >= 6 {
                    u16_at(record, record.len() - 2).unwrap_or(c)
                } else {
                    c
                };
                let (r0, r1, c0, c1) = extent.unwrap_or((r, r, c, c));
                let next = (r0.min(r), r1.max(r), c0.min(c), c1.max(last));
                extent = Some(next);
                check_extent(next.1 - next.0 + 1, next.3.saturating_sub(next.2) + 1)?;
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_extents_beyond_the_formats_are_refused() {
        assert!(check_position(0, 16_383).is_ok());
        assert!(check_position(0, 16_384).is_err());
        assert!(check_position(1_048_575, 0).is_ok());
        assert!(check_position(4_000_000_000, 0).is_err());
        assert!(check_extent(40_000, 100).is_ok());
        assert!(check_extent(1_000_000, 100).is_err());
        let message = check_position(0, 475_254).unwrap_err().to_string();
        assert!(message.contains("colonne 475\u{202f}255"), "{message}");
        assert_eq!(number(1_048_576), "1\u{202f}048\u{202f}576");
        assert_eq!(number(999), "999");
    }
}
