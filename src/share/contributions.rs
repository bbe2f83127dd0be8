//! The "Contributions" workbook: every submission with its status, review and where it
//! is in the programme, for co-organisers who review away from the app. The first column
//! is the submission's number in the project: what lets an edited copy come back in.

use std::collections::HashMap;

use chrono::DateTime;
use rust_xlsxwriter::XlsxError;

use super::sheet::{column, lines_in, Cell, Column, Formats, Kind, List};
use super::{by_submission, full_name, placed, Placed};
use crate::error::Result;
use crate::model::{ActorType, Format};
use crate::review::SubmissionView;
use crate::Project;

/// The header of the first column, which the importer recognises.
pub const ID_HEADER: &str = "N° Journée";

/// The columns, by header. The importer reads a returned copy by these same headers.
pub mod headers {
    pub const TITLE: &str = "Titre";
    pub const STATUS: &str = "Statut";
    pub const FORMAT: &str = "Format";
    pub const AXES: &str = "Axes";
    pub const ACTOR_TYPE: &str = "Type d'acteur";
    pub const LANGUAGE: &str = "Langue";
    pub const FIRST_NAME: &str = "Prénom";
    pub const LAST_NAME: &str = "Nom";
    pub const EMAIL: &str = "Courriel";
    pub const ORGANISATION: &str = "Organisation";
    pub const NOTES: &str = "Notes";
}

static COLUMNS: [Column; 23] = [
    column(ID_HEADER, 9.0, Kind::Number),
    column("Réf. formulaire", 11.0, Kind::Text),
    column(headers::TITLE, 40.0, Kind::Wrapped),
    column(headers::STATUS, 13.0, Kind::Text),
    column(headers::FORMAT, 15.0, Kind::Text),
    column(headers::AXES, 7.0, Kind::Text),
    column(headers::ACTOR_TYPE, 14.0, Kind::Text),
    column(headers::LANGUAGE, 7.0, Kind::Text),
    column(headers::FIRST_NAME, 14.0, Kind::Text),
    column(headers::LAST_NAME, 16.0, Kind::Text),
    column(headers::EMAIL, 26.0, Kind::Text),
    column(headers::ORGANISATION, 24.0, Kind::Wrapped),
    column("Autres contributeur·rices", 22.0, Kind::Wrapped),
    column("Co-intervenant·es", 22.0, Kind::Wrapped),
    column("Score moyen", 8.0, Kind::Number),
    column("Avis", 36.0, Kind::Wrapped),
    column(headers::NOTES, 30.0, Kind::Wrapped),
    column("Étiquettes", 16.0, Kind::Text),
    column("Reçue le", 16.0, Kind::DateTime),
    column("Session", 30.0, Kind::Wrapped),
    column("Salle", 16.0, Kind::Text),
    column("Début", 16.0, Kind::DateTime),
    column("Résumé", 60.0, Kind::Wrapped),
];

pub fn workbook(project: &Project) -> Result<Vec<u8>> {
    let submissions = project.submissions(None)?;
    let day = project.day()?;
    let sessions = project.sessions()?;
    let placed = placed(&day, &sessions);
    let by_submission = by_submission(&placed);
    Ok(write(&submissions, &by_submission, &day.event.title)?)
}

fn write(
    submissions: &[SubmissionView],
    placed: &HashMap<i64, &Placed>,
    event: &str,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = super::sheet::workbook();
    let formats = Formats::default();
    let mut list = List::new(&mut workbook, &formats, "Contributions", &COLUMNS)?;
    for s in submissions {
        let at = placed.get(&s.id);
        let contact = s.contributors.first();
        let others = s
            .contributors
            .iter()
            .skip(1)
            .map(|c| {
                let name = full_name(&c.first_name, &c.last_name);
                if c.email.is_empty() {
                    name
                } else {
                    format!("{name} <{}>", c.email)
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let reviews = s
            .reviews
            .iter()
            .map(|r| {
                let score = r.score.map(|n| format!(" ({n}/5)")).unwrap_or_default();
                let note = if r.note.is_empty() {
                    String::new()
                } else {
                    format!("\u{a0}: {}", r.note)
                };
                format!("{}{score}{note}", r.reviewer)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let axes = s
            .axes
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let received = s
            .submitted_at
            .as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map_or(Cell::Empty, |t| Cell::DateTime(t.naive_local()));
        let cells = [
            Cell::from(s.id),
            s.external_id.as_deref().map_or(Cell::Empty, Cell::Text),
            Cell::Text(&s.title),
            Cell::Text(s.status.label_fr()),
            Cell::Text(Format::parse(&s.format).map_or(s.format.as_str(), |f| f.label_fr())),
            Cell::Owned(axes),
            Cell::Text(
                ActorType::parse(&s.actor_type).map_or(s.actor_type.as_str(), |a| a.label_fr()),
            ),
            Cell::Text(&s.language),
            contact.map_or(Cell::Empty, |c| Cell::Text(&c.first_name)),
            contact.map_or(Cell::Empty, |c| Cell::Text(&c.last_name)),
            contact.map_or(Cell::Empty, |c| Cell::Text(&c.email)),
            Cell::Text(&s.organisation),
            Cell::Owned(others),
            Cell::Text(&s.co_speakers),
            s.score.map_or(Cell::Empty, Cell::Number),
            Cell::Owned(reviews),
            Cell::Text(&s.notes),
            Cell::Owned(s.tags.join(", ")),
            received,
            at.map_or(Cell::Empty, |p| Cell::Text(&p.session.title)),
            at.map_or(Cell::Empty, |p| Cell::Text(&p.room.name)),
            at.map_or(Cell::Empty, |p| Cell::DateTime(p.start)),
            Cell::Text(&s.summary),
        ];
        // Tall enough for every wrapped text but the summary, which shows its first six
        // lines (a row of a set height clips the rest, in the cell, never over the next).
        let summary_width = COLUMNS.last().map_or(60.0, |c| c.width);
        let lines = list
            .lines_for(&cells[..cells.len() - 1])
            .max(lines_in(&s.summary, summary_width).min(6))
            .max(s.reviews.len());
        for (c, cell) in cells.iter().enumerate() {
            list.cell(c as u16, cell)?;
        }
        list.next_row(lines)?;
    }
    list.finish()?;
    super::sheet::print_titles(&mut workbook, event);
    workbook.save_to_buffer()
}
