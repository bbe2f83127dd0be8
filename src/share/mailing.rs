//! The list for mail merge of acceptance and refusal letters: one row per contributor of
//! each submission, in a CSV that a French Excel opens as it is (UTF-8 with BOM, `;`).
//! Text from the web form that Excel would take for a formula is neutralised.

use super::{by_submission, placed};
use crate::error::{Error, Result};
use crate::model::Format;
use crate::Project;

const HEADERS: [&str; 11] = [
    "Prénom",
    "Nom",
    "Courriel",
    "Organisation",
    "Statut",
    "Titre",
    "Format",
    "Session",
    "Salle",
    "Date",
    "Heure",
];

/// A cell a spreadsheet would run as a formula ("=", "+", "-", "@", or a tab or return
/// first) starts with an apostrophe instead, as OWASP recommends for CSV.
pub fn neutralised(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

pub fn csv(project: &Project) -> Result<Vec<u8>> {
    let submissions = project.submissions(None)?;
    let day = project.day()?;
    let sessions = project.sessions()?;
    let placed = placed(&day, &sessions);
    let by_submission = by_submission(&placed);
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let fail = |e: csv::Error| Error::Io {
            path: "publipostage.csv".into(),
            source: std::io::Error::other(e),
        };
        writer.write_record(HEADERS).map_err(fail)?;
        for s in &submissions {
            let at = by_submission.get(&s.id);
            let status = s.status.label_fr();
            let format = Format::parse(&s.format).map_or(s.format.as_str(), |f| f.label_fr());
            let date = at.map(|p| crate::words::date(p.start.date()));
            let time = at.map(|p| p.start.format("%H:%M").to_string());
            for c in &s.contributors {
                let row = [
                    c.first_name.as_str(),
                    &c.last_name,
                    &c.email,
                    &c.organisation,
                    status,
                    &s.title,
                    format,
                    at.map_or("", |p| p.session.title.as_str()),
                    at.map_or("", |p| p.room.name.as_str()),
                    date.as_deref().unwrap_or(""),
                    time.as_deref().unwrap_or(""),
                ];
                writer
                    .write_record(row.iter().map(|cell| neutralised(cell).into_owned()))
                    .map_err(fail)?;
            }
        }
        writer.flush().map_err(|source| Error::Io {
            path: "publipostage.csv".into(),
            source,
        })?;
    }
    Ok(out)
}
