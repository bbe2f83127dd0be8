//! The day's lists as workbooks: the guest list for the venue's security, the day's
//! sign-in list, the run of show. The same rows as their PDFs (`print::paperwork`).

use rust_xlsxwriter::Workbook;

use super::sheet::{column, Cell, Column, Formats, Kind, List};
use crate::error::Result;
use crate::print::guests::{self, Guest};
use crate::print::runsheet;
use crate::print::Paperwork;
use crate::Project;

static GUESTS: [Column; 7] = [
    column("Nom", 22.0, Kind::Text),
    column("Prénom", 18.0, Kind::Text),
    column("Organisation", 34.0, Kind::Wrapped),
    column("Qualité", 16.0, Kind::Text),
    column("Accessibilité", 28.0, Kind::Wrapped),
    column("Identité vérifiée", 12.0, Kind::Box),
    column("Badge remis", 12.0, Kind::Box),
];

static SIGNIN: [Column; 5] = [
    column("Nom", 22.0, Kind::Text),
    column("Prénom", 18.0, Kind::Text),
    column("Organisation", 34.0, Kind::Wrapped),
    column("Qualité", 16.0, Kind::Text),
    column("Signature", 30.0, Kind::Box),
];

static RUNSHEET: [Column; 8] = [
    column("Salle", 18.0, Kind::Text),
    column("Date", 11.0, Kind::Date),
    column("Début", 7.0, Kind::Time),
    column("Fin", 7.0, Kind::Time),
    column("Session", 36.0, Kind::Wrapped),
    column("Animation", 26.0, Kind::Wrapped),
    column("Intervenant·es", 40.0, Kind::Wrapped),
    column("Besoins", 34.0, Kind::Wrapped),
];

impl Project {
    /// A list's workbook; None for the documents that are not lists (cards).
    pub fn paperwork_workbook(&self, which: Paperwork) -> Result<Option<Vec<u8>>> {
        let title = self.day()?.event.title;
        let mut workbook = super::sheet::workbook();
        let formats = Formats::default();
        match which {
            Paperwork::Guests => people(
                &mut workbook,
                &formats,
                "Accueil",
                &GUESTS,
                &guests::guests(self)?,
            )?,
            Paperwork::Signin => people(
                &mut workbook,
                &formats,
                "Émargement",
                &SIGNIN,
                &guests::guests(self)?,
            )?,
            Paperwork::Runsheet => {
                let day = self.day()?;
                let sessions = self.sessions()?;
                let seatings = self.seatings()?;
                let access = self.access_needs()?;
                let mut list = List::new(&mut workbook, &formats, "Conduite", &RUNSHEET)?;
                for (room, placed) in runsheet::by_room(&day, &sessions) {
                    for p in &placed {
                        let line = runsheet::line(p, &seatings, &access);
                        list.row([
                            Cell::Text(&room.name),
                            Cell::Date(p.start.date()),
                            Cell::Time(p.start.time()),
                            Cell::Time(p.end.time()),
                            Cell::Owned(line.session),
                            Cell::Owned(line.hosts),
                            Cell::Owned(line.speakers),
                            Cell::Owned(line.needs),
                        ])?;
                    }
                }
                list.finish()?;
            }
            Paperwork::Namecards | Paperwork::Cards => return Ok(None),
        }
        super::sheet::print_titles(&mut workbook, &title);
        Ok(Some(workbook.save_to_buffer()?))
    }
}

/// One row per person, the desk's order, the check columns left empty.
fn people(
    workbook: &mut Workbook,
    formats: &Formats,
    name: &str,
    columns: &[Column],
    guests: &[Guest],
) -> Result<()> {
    let mut list = List::new(workbook, formats, name, columns)?;
    // Printed, a row is a line to sign or tick: as tall as in the PDF (11 mm, 8 mm).
    list.row_height = if columns.len() == SIGNIN.len() {
        31.0
    } else {
        23.0
    };
    for g in guests {
        let mut cells = vec![
            Cell::Owned(guests::last_name_caps(&g.last_name)),
            Cell::Text(&g.first_name),
            Cell::Text(&g.organisation),
            Cell::Text(g.role.label()),
        ];
        if columns.len() == GUESTS.len() {
            cells.push(Cell::Text(&g.accessibility));
        }
        cells.extend(std::iter::repeat_n(
            Cell::Empty,
            columns.len() - cells.len(),
        ));
        list.row(cells)?;
    }
    list.finish()?;
    Ok(())
}
