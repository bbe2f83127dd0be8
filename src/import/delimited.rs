//! Delimited text (.csv, .tsv, .txt, a ".xls" that is really text): find the encoding and
//! the delimiter, then let the `csv` crate do the parsing (quotes, multi-line fields, CRLF).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::error::ReadError;
use super::table::{SourceFormat, Table, Value};

const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];

pub fn read(bytes: &[u8]) -> Result<Table, ReadError> {
    let decoded = decode(bytes);
    let delimiter = sniff_delimiter(&decoded.text);
    let (rows, starts) = parse(&decoded.text, delimiter)?;
    if rows.iter().all(|r| r.iter().all(|v| v.is_blank())) {
        return Err(ReadError::Empty);
    }
    check_quotes(&decoded.text, delimiter)?;
    // Lines of another encoding, named by the row they belong to.
    let warnings = decoded
        .foreign
        .into_iter()
        .map(|(line, excerpt)| {
            let row = starts.partition_point(|&start| start <= line).max(1);
            (
                row,
                format!(
                    "caractères qui ne sont pas de l'UTF-8 comme le reste du fichier, lus en Windows-1252\u{a0}: «\u{a0}{excerpt}\u{a0}», à vérifier"
                ),
            )
        })
        .collect();
    Ok(Table {
        format: SourceFormat::Delimited,
        sheets: vec![String::new()],
        sheet: String::new(),
        encoding: Some(decoded.encoding.name()),
        delimiter: Some(delimiter as char),
        rows,
        warnings,
    })
}

/// A text file decoded, with the lines (1-based) where bytes of another encoding were
/// met in a UTF-8 file, and what they were read as.
struct Decoded {
    text: String,
    encoding: &'static Encoding,
    foreign: Vec<(u64, String)>,
}

/// UTF-8 and UTF-16 announce themselves with a byte-order mark; text without one is UTF-8
/// when it decodes as UTF-8, and otherwise Windows-1252, what Excel writes in France. A
/// file in UTF-8 but for a few bytes (a line pasted from another file) keeps its UTF-8,
/// and those bytes are read as Windows-1252 and reported.
fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Decoded {
            text: text.into_owned(),
            encoding,
            foreign: Vec::new(),
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: UTF_8,
            foreign: Vec::new(),
        };
    }
    // Mostly UTF-8: more characters written as valid UTF-8 sequences than bytes that are
    // not.
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if valid == 0 || valid < invalid {
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        return Decoded {
            text: text.into_owned(),
            encoding: WINDOWS_1252,
            foreign: Vec::new(),
        };
    }
    let mut text = String::with_capacity(bytes.len());
    let mut foreign: Vec<(u64, String)> = Vec::new();
    let mut line = 1u64;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        line += chunk.valid().matches('\n').count() as u64;
        if !chunk.invalid().is_empty() {
            let (read_as, _, _) = WINDOWS_1252.decode(chunk.invalid());
            text.push_str(&read_as);
            match foreign.last_mut() {
                Some((at, excerpt)) if *at == line => excerpt.push_str(&read_as),
                _ => foreign.push((line, read_as.into_owned())),
            }
        }
    }
    Decoded {
        text,
        encoding: UTF_8,
        foreign,
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

fn parse(text: &str, delimiter: u8) -> Result<(Vec<Vec<Value>>, Vec<u64>), ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The line each record starts on.
    let mut starts = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::BadText {
            line: e.position().map(|p| p.line()).unwrap_or(index as u64 + 1),
            detail: e.to_string(),
        })?;
        let line = record.position().map_or(index as u64 + 1, |p| p.line());
        starts.push(line);
        if record.len() > super::bounds::MAX_COLUMNS {
            return Err(ReadError::TooLarge(format!(
                "plus de {} colonnes à la ligne {line}",
                super::bounds::number(super::bounds::MAX_COLUMNS as u64)
            )));
        }
        if index >= super::bounds::MAX_ROWS {
            return Err(ReadError::TooLarge(format!(
                "plus de {} lignes",
                super::bounds::number(super::bounds::MAX_ROWS as u64)
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
    Ok((rows, starts))
}

/// A quote opened at the start of a cell must close at its end: right before a
/// delimiter or the end of a line. A quote that never closes, or closes elsewhere,
/// swallows the cells and lines after it into one cell, which the csv crate (lenient,
/// as spreadsheets are) accepts without a word. This pass only finds where quotes open
/// and close; the parsing is the csv crate's. Refused, naming the line where the quote
/// opens.
fn check_quotes(text: &str, delimiter: u8) -> Result<(), ReadError> {
    let delimiter = delimiter as char;
    let (mut line, mut opened_at) = (1u64, 0u64);
    let (mut in_quotes, mut at_cell_start, mut just_closed) = (false, true, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => {
                    in_quotes = false;
                    just_closed = true;
                }
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        if just_closed {
            just_closed = false;
            if c != delimiter && c != '\n' && c != '\r' {
                return Err(ReadError::UnbalancedQuote {
                    line: opened_at,
                    swallowed: (line - opened_at) as usize,
                });
            }
        }
        if c == '"' && at_cell_start {
            in_quotes = true;
            opened_at = line;
        }
        at_cell_start = c == delimiter || c == '\n' || c == '\r';
        if c == '\n' {
            line += 1;
        }
    }
    if in_quotes {
        return Err(ReadError::UnbalancedQuote {
            line: opened_at,
            swallowed: (line - opened_at) as usize,
        });
    }
    Ok(())
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
    fn a_few_windows_1252_bytes_in_utf8_keep_every_other_accent() {
        let mut bytes = "Prénom,Nom,Titre\nÉlodie,Durand,Budget\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"Zo\xe9,Martin,Caf\xe9\n");
        bytes.extend_from_slice("Loïc,Le Goff,Démocratie\n".as_bytes());
        let table = read(&bytes).unwrap();
        assert_eq!(table.encoding, Some("UTF-8"));
        assert_eq!(table.rows[1][0], Value::Text("Élodie".into()));
        assert_eq!(table.rows[2][0], Value::Text("Zoé".into()));
        assert_eq!(table.rows[3][2], Value::Text("Démocratie".into()));
        assert_eq!(table.warnings.len(), 1);
        assert_eq!(table.warnings[0].0, 3, "the row of the foreign bytes");
        assert!(table.warnings[0].1.contains("éé"), "{:?}", table.warnings);
    }

    #[test]
    fn a_quote_that_never_closes_is_refused_at_its_line() {
        let mut text = String::from("Titre,Courriel,Format\n");
        for i in 0..30 {
            let quote = if i == 4 { "\"" } else { "" };
            text.push_str(&format!("{quote}Titre {i},p{i}@example.org,Pitch\n"));
        }
        match read(text.as_bytes()) {
            Err(ReadError::UnbalancedQuote { line, swallowed }) => {
                assert_eq!(line, 6);
                assert!(swallowed >= 20, "{swallowed}");
            }
            other => panic!("{other:?}"),
        }
        // Long answers over several lines, with commas, are not taken for one.
        let mut text = String::from("Titre,Résumé\n");
        for i in 0..10 {
            text.push_str(&format!(
                "T{i},\"Ligne un, avec virgule\nLigne deux, encore\nLigne trois\nfin\"\n"
            ));
        }
        assert_eq!(read(text.as_bytes()).unwrap().rows.len(), 11);
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
