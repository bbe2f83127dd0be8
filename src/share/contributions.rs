//! The "Contributions" workbook: every submission with its status, review and where it
//! is in the programme, for co-organisers who review away from the app. The first column
//! is the submission's number in the project: what lets an edited copy come back in.

use std::collections::HashMap;

use chrono::DateTime;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::sheet::{column, lines_in, Cell, Column, Formats, Kind, List};
use super::{full_name, placed, Placed};
use crate::error::Result;
use crate::model::{ActorType, Format, Status};
use crate::review::SubmissionView;
use crate::Project;

/// The header of the first column, which the importer recognises.
pub const ID_HEADER: &str = "N° Journée";

static COLUMNS: [Column; 20] = [
    column(ID_HEADER, 9.0, Kind::Number),
    column("Réf. formulaire", 11.0, Kind::Text),
    column("Titre", 40.0, Kind::Wrapped),
    column("Statut", 13.0, Kind::Text),
    column("Format", 15.0, Kind::Text),
    column("Axes", 7.0, Kind::Text),
    column("Type d'acteur", 14.0, Kind::Text),
    column("Langue", 7.0, Kind::Text),
    column("Organisation", 24.0, Kind::Wrapped),
    column("Contributeur·rices", 22.0, Kind::Wrapped),
    column("Courriels", 26.0, Kind::Wrapped),
    column("Co-intervenant·es", 22.0, Kind::Wrapped),
    column("Score moyen", 8.0, Kind::Number),
    column("Avis", 36.0, Kind::Wrapped),
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
    let by_submission: HashMap<i64, &Placed> = placed
        .iter()
        .flat_map(|p| {
            p.session
                .contributions
                .iter()
                .map(move |c| (c.submission_id, p))
        })
        .collect();
    Ok(write(&submissions, &by_submission)?)
}

fn write(
    submissions: &[SubmissionView],
    placed: &HashMap<i64, &Placed>,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let formats = Formats::default();
    let mut list = List::new(&mut workbook, &formats, "Contributions", &COLUMNS)?;
    for s in submissions {
        let at = placed.get(&s.id);
        let names = s
            .contributors
            .iter()
            .map(|c| full_name(&c.first_name, &c.last_name))
            .collect::<Vec<_>>()
            .join("\n");
        let emails = s
            .contributors
            .iter()
            .map(|c| c.email.as_str())
            .filter(|e| !e.is_empty())
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
            Cell::Text(Status::parse(&s.status).map_or(s.status.as_str(), |st| st.label_fr())),
            Cell::Text(Format::parse(&s.format).map_or(s.format.as_str(), |f| f.label_fr())),
            Cell::Owned(axes),
            Cell::Text(
                ActorType::parse(&s.actor_type).map_or(s.actor_type.as_str(), |a| a.label_fr()),
            ),
            Cell::Text(&s.language),
            Cell::Text(&s.organisation),
            Cell::Owned(names),
            Cell::Owned(emails),
            Cell::Text(&s.co_speakers),
            s.score.map_or(Cell::Empty, Cell::Number),
            Cell::Owned(reviews),
            Cell::Owned(s.tags.join(", ")),
            received,
            at.map_or(Cell::Empty, |p| Cell::Text(&p.session.title)),
            at.map_or(Cell::Empty, |p| Cell::Text(&p.room.name)),
            at.map_or(Cell::Empty, |p| Cell::DateTime(p.start)),
            Cell::Text(&s.summary),
        ];
        // Tall enough for the title, the names and the reviews; a long summary shows
        // its first lines, the rest when the row is opened.
        let lines = [
            lines_in(&s.title, 40.0),
            s.contributors.len(),
            s.reviews.len(),
            lines_in(&s.summary, 60.0).min(6),
        ]
        .into_iter()
        .max()
        .unwrap_or(1);
        for (c, cell) in cells.iter().enumerate() {
            list.cell(c as u16, cell)?;
        }
        list.next_row(lines)?;
    }
    list.finish()?;
    workbook.save_to_buffer()
}
