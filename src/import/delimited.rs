//! Delimited text (.csv, .tsv, .txt, a ".xls" that is really text): find the encoding and
//! the delimiter, then let the `csv` crate do the parsing (quotes, multi-line fields, CRLF).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::error::ReadError;
use super::table::{SourceFormat, Table, Value};

const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];

pub fn read(bytes: &[u8]) -> Result<Table, ReadError> {
    let (text, encoding) = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let rows = parse(&text, delimiter)?;
    if rows.iter().all(|r| r.iter().all(|v| v.is_blank())) {
        return Err(ReadError::Empty);
    }
    Ok(Table {
        format: SourceFormat::Delimited,
        sheets: vec![String::new()],
        sheet: String::new(),
        encoding: Some(encoding.name()),
        delimiter: Some(delimiter as char),
        rows,
    })
}

/// UTF-8 and UTF-16 announce themselves with a byte-order mark; text without one is UTF-8
/// when it decodes as UTF-8, and otherwise Windows-1252, what Excel writes in France.
fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), UTF_8),
        Err(_) => {
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            (text.into_owned(), WINDOWS_1252)
        }
    }
}

/// The delimiter that splits the first records into the most columns, the same number on
/// most lines. Each candidate is tried with the real parser, so quoted fields count right.
fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize);
    for delimiter in DELIMITERS {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let widths: Vec<usize> = reader
            .records()
            .take(30)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .filter(|&n| n > 1)
            .collect();
        let Some(&widest) = widths.iter().max() else {
            continue;
        };
        // Lines at the widest count, weighted by the width: a header row alone does not win.
        let score = widths.iter().filter(|&&n| n == widest).count() * widest;
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

fn parse(text: &str, delimiter: u8) -> Result<Vec<Vec<Value>>, ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::BadText {
            line: e.position().map(|p| p.line()).unwrap_or(index as u64 + 1),
            detail: e.to_string(),
        })?;
        let line = record.position().map_or(index as u64 + 1, |p| p.line());
        if record.len() > super::bounds::MAX_COLUMNS {
            return Err(ReadError::TooLarge(format!(
                "{} colonnes à la ligne {line} (au plus {})",
                record.len(),
                super::bounds::MAX_COLUMNS
            )));
        }
        if index >= super::bounds::MAX_ROWS {
            return Err(ReadError::TooLarge(format!(
                "plus de {} lignes",
                super::bounds::MAX_ROWS
            )));
        }
        for field in record.iter() {
            super::bounds::check_cell(field, line as usize)?;
        }
        rows.push(
            record
                .iter()
                .map(|field| {
                    if field.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(field.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{UTF_16BE, UTF_16LE};

    #[test]
    fn utf16_with_bom_and_windows_1252_are_decoded() {
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(
            "Prénom\tNom\nÉlodie\tMüller\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let table = read(&utf16).unwrap();
        assert_eq!(table.encoding, Some(UTF_16LE.name()));
        assert_eq!(table.rows[1][1], Value::Text("Müller".into()));
        let (cp1252, _, _) = WINDOWS_1252.encode("Prénom;Nom\nÉlodie;Œuvray\n");
        let table = read(&cp1252).unwrap();
        assert_eq!(table.encoding, Some(WINDOWS_1252.name()));
        assert_eq!(table.delimiter, Some(';'));
        assert_eq!(table.rows[1][1], Value::Text("Œuvray".into()));
        let mut be = vec![0xFE, 0xFF];
        be.extend("a,b\n1,2\n".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read(&be).unwrap().encoding, Some(UTF_16BE.name()));
    }

    #[test]
    fn quoted_commas_do_not_fool_the_delimiter() {
        let text =
            "Titre;Résumé\r\n\"Budget, participatif\";\"Ligne 1\r\nLigne 2\"\r\n\"A, b\";c\r\n";
        let table = read(text.as_bytes()).unwrap();
        assert_eq!(table.delimiter, Some(';'));
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[1][1], Value::Text("Ligne 1\r\nLigne 2".into()));
    }
}
