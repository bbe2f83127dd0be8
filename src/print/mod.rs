//! Printed material as PDF: name badges, door signs, table plans, the programme, and the
//! day's papers (`paperwork`: sign-in sheets, guest list, name cards, session cards, run
//! of show). Each document is laid out here, on our own small drawing layer over printpdf
//! (`page`, lists through `listing`), with the shipped Noto Sans and system fonts for
//! other scripts (`fonts`), French typography and text fitted to its box (`text`).
//! Nothing here writes to the project.

pub mod badges;
mod cards;
mod fonts;
pub(crate) mod guests;
mod listing;
pub mod logo;
mod namecards;
mod page;
mod paperwork;
pub mod preflight;
mod programme;
pub(crate) mod runsheet;
mod signin;
mod signs;
mod tables;
pub mod text;

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use printpdf::{PdfDocument, PdfSaveOptions};
use serde::Serialize;

pub use badges::{Badge, BadgeOptions, Layout, Qr, Sort};
use fonts::Fonts;
pub use paperwork::Paperwork;
pub use preflight::Finding;
pub use programme::Format;

use crate::error::Result;
use crate::model::Event;
use crate::programme::Severity;
use crate::Project;

/// A document asked for that cannot be laid out as asked.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(
        "Les badges ne tiennent pas sur la feuille\u{a0}: {across} badges et leurs espaces font {used:.0}\u{a0}mm, il y a {room:.0}\u{a0}mm dans les marges de l’imprimante. Choisissez une autre disposition, des espaces plus petits ou sans fonds perdus."
    )]
    BadgesDoNotFit { across: usize, used: f32, room: f32 },
}

/// A PDF made, and what the preflight found while making it.
#[derive(Debug, Clone, Serialize)]
pub struct Printed {
    #[serde(skip)]
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub findings: Vec<Finding>,
    /// System fonts used for characters Noto Sans does not have.
    pub system_fonts: Vec<PathBuf>,
}

/// "Lundi 18 mars 2019", or "Du lundi 18 au mardi 19 mars 2019".
pub fn french_dates(start: NaiveDate, end: NaiveDate) -> String {
    let long = |d: NaiveDate| {
        d.format_localized("%A %-d %B %Y", chrono::Locale::fr_FR)
            .to_string()
    };
    let text = if end > start {
        let first = if start.year() == end.year() && start.month() == end.month() {
            start
                .format_localized("%A %-d", chrono::Locale::fr_FR)
                .to_string()
        } else {
            long(start)
        };
        format!("du {first} au {}", long(end))
    } else {
        long(start)
    };
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn event_lines(event: &Event) -> badges::EventLines {
    badges::EventLines {
        title: text::french(&event.title),
        date: french_dates(event.start_date, event.end_date),
        logo: None,
    }
}

fn finish(
    mut doc: PdfDocument,
    fonts: &Fonts,
    sheets: Vec<page::Sheet>,
    findings: Vec<Finding>,
) -> Printed {
    let pages = sheets.len();
    let bleed = sheets.first().map_or(0.0, |s| s.bleed);
    fonts.subset_into(&mut doc);
    // Honest metadata: when it was made, by what.
    let now = printpdf::OffsetDateTime::from_unix_timestamp(chrono::Utc::now().timestamp())
        .unwrap_or_else(|_| printpdf::OffsetDateTime::now_utc());
    let info = &mut doc.metadata.info;
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;
    info.creator = "Journée".into();
    info.producer = format!("Journée {}", env!("CARGO_PKG_VERSION"));
    let pdf = doc
        .with_pages(sheets.into_iter().map(page::Sheet::into_page).collect())
        .save(
            &PdfSaveOptions {
                subset_fonts: true,
                ..PdfSaveOptions::default()
            },
            &mut Vec::new(),
        );
    let mut pdf = without_pdfx_claim(pdf);
    if bleed > 0.0 {
        pdf = with_bleed_boxes(pdf, bleed);
    }
    Printed {
        pdf,
        pages,
        findings,
        system_fonts: fonts.system_fonts(),
    }
}

impl Project {
    /// Someone printed in two places at once (the grid's person clashes).
    fn clash_findings(&self) -> Result<Vec<Finding>> {
        Ok(self
            .check()?
            .into_iter()
            .filter(|w| w.code == "person_clash")
            .map(|w| Finding {
                code: "person_clash",
                severity: Severity::Error,
                document: "programme",
                message: format!(
                    "{} Le programme et les badges l’imprimeraient ainsi.",
                    w.message
                ),
                person: None,
                session: w.sessions.first().copied(),
            })
            .collect())
    }

    /// Tables printed without their animateur, plans of a session not on the grid.
    fn table_findings(&self, only: Option<i64>) -> Result<Vec<Finding>> {
        let mut findings = Vec::new();
        for session in self
            .centrifugeuse_sessions()?
            .into_iter()
            .filter(|s| only.is_none_or(|id| id == s.id))
        {
            let quoted = format!("«\u{a0}{}\u{a0}»", session.title);
            if session.placement.is_none() {
                findings.push(Finding {
                    code: "unplaced_printed",
                    severity: Severity::Warning,
                    document: "tables",
                    message: format!(
                        "{quoted} n’est pas placée sur la grille\u{a0}: ses plans de table s’impriment sans heure ni salle."
                    ),
                    person: None,
                    session: Some(session.id),
                });
            }
            for table in self.seating(session.id)?.tables {
                if table.animateur.is_none() {
                    findings.push(Finding {
                        code: "empty_animateur",
                        severity: Severity::Warning,
                        document: "tables",
                        message: format!(
                            "Table\u{a0}{} de {quoted}\u{a0}: pas d’animateur·rice, le plan imprimera «\u{a0}(place libre)\u{a0}».",
                            table.number
                        ),
                        person: None,
                        session: Some(session.id),
                    });
                }
            }
        }
        Ok(findings)
    }
}

/// printpdf writes a PDF/X version key into every file's information, empty when the file
/// claims no standard; prepress checks read any such key as a PDF/X claim. Blanked out with
/// as many spaces (whitespace between a dictionary's entries), the file's offsets stay.
/// The same for the empty « Identifier », a key of printpdf's own that tools list as custom.
fn without_pdfx_claim(mut pdf: Vec<u8>) -> Vec<u8> {
    // The information dictionary is written last, before the cross-reference table.
    let from = pdf.len().saturating_sub(64 * 1024);
    for key in [&b"/GTS_PDFXVersion()"[..], b"/Identifier()"] {
        if let Some(at) = pdf[from..].windows(key.len()).position(|w| w == key) {
            pdf[from + at..from + at + key.len()].fill(b' ');
        }
    }
    pdf
}

/// A print shop trims each page to its TrimBox, and needs the BleedBox to know how far
/// the colour runs past it; printpdf writes neither (its TrimBox is the paper).
fn with_bleed_boxes(pdf: Vec<u8>, bleed: f32) -> Vec<u8> {
    use lopdf::Object;
    let Ok(mut doc) = lopdf::Document::load_mem(&pdf) else {
        return pdf;
    };
    let b = printpdf::Pt::from(printpdf::Mm(bleed)).0;
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for id in pages {
        let Ok(page) = doc.get_object_mut(id).and_then(Object::as_dict_mut) else {
            continue;
        };
        let media: Vec<f32> = page
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_float().ok()).collect())
            .unwrap_or_default();
        let [x0, y0, x1, y1] = media[..] else {
            continue;
        };
        let boxed = |r: [f32; 4]| Object::Array(r.into_iter().map(Object::Real).collect());
        page.set("BleedBox", boxed([x0, y0, x1, y1]));
        page.set("TrimBox", boxed([x0 + b, y0 + b, x1 - b, y1 - b]));
    }
    let mut out = Vec::with_capacity(pdf.len());
    match doc.save_to(&mut out) {
        Ok(()) => out,
        Err(_) => pdf,
    }
}

impl Project {
    /// Badges as the options ask; the findings say which would print badly.
    pub fn print_badges(&self, options: &BadgeOptions) -> Result<Printed> {
        options.check()?;
        let event = self.day()?.event;
        let chosen = badges::select(badges::badges(self)?, options);
        let mut doc = PdfDocument::new(&format!("Badges · {}", event.title));
        let mut fonts = Fonts::new(&mut doc);
        let mut findings = Vec::new();
        for badge in &chosen {
            let sessions = badge.sessions.join(" ");
            let texts = [
                badge.first_name.as_str(),
                &badge.last_name,
                &badge.organisation,
                &sessions,
            ];
            let label = format!("Badge de {}", badge.name());
            let about = preflight::About {
                document: "badges",
                label: &label,
                person: Some(badge.person_id),
                session: None,
            };
            preflight::prepare_text(
                &mut fonts,
                &mut doc,
                &texts.join(" "),
                &about,
                &mut findings,
            );
            if badge.organisation.trim().is_empty()
                && badge.role != crate::model::BadgeRole::Organisation
            {
                findings.push(Finding::badge(
                    badge,
                    "missing_organisation",
                    format!("Badge de {}\u{a0}: organisation manquante.", badge.name()),
                ));
            }
        }
        let mut lines = event_lines(&event);
        if !options.no_logo {
            // Added once, drawn on every badge.
            lines.logo = self
                .logo_image()?
                .map(|image| (doc.add_image(&image), (image.width, image.height)));
        }
        let (sheets, drawn) = badges::draw(&fonts, &chosen, options, &lines);
        findings.extend(drawn);
        Ok(finish(doc, &fonts, sheets, findings))
    }

    /// One A4 landscape page per room and day: the room's name and its sessions.
    pub fn print_signs(&self) -> Result<Printed> {
        let day = self.day()?;
        let sessions = self.sessions()?;
        let mut doc = PdfDocument::new(&format!("Affichettes de salles · {}", day.event.title));
        let mut fonts = Fonts::new(&mut doc);
        let (sheets, findings) = signs::draw(&mut doc, &mut fonts, &day, &sessions);
        Ok(finish(doc, &fonts, sheets, findings))
    }

    /// Table plans of the centrifugeuse sessions (all, or one): a plan per session, a
    /// tent card per table, and who sits where.
    pub fn print_tables(&self, session: Option<i64>) -> Result<Printed> {
        let day = self.day()?;
        let mut plans = Vec::new();
        for s in self.centrifugeuse_sessions()? {
            if session.is_none_or(|id| id == s.id) {
                plans.push(self.seating(s.id)?);
            }
        }
        if let Some(id) = session {
            if plans.is_empty() {
                plans.push(self.seating(id)?);
            }
        }
        let mut doc = PdfDocument::new(&format!("Plans de table · {}", day.event.title));
        let mut fonts = Fonts::new(&mut doc);
        let (sheets, mut findings) = tables::draw(&mut doc, &mut fonts, &day, &plans);
        findings.extend(self.table_findings(session)?);
        Ok(finish(doc, &fonts, sheets, findings))
    }

    /// The printed programme, A4, A5 or an A5 booklet imposed on A4.
    pub fn print_programme(&self, format: Format) -> Result<Printed> {
        let day = self.day()?;
        let sessions = self.sessions()?;
        let mut doc = PdfDocument::new(&format!("Programme · {}", day.event.title));
        let mut fonts = Fonts::new(&mut doc);
        let (mut sheets, mut findings) =
            programme::draw(&mut doc, &mut fonts, &day, &sessions, format);
        if format == Format::Booklet {
            sheets = programme::impose(sheets);
        }
        findings.extend(self.clash_findings()?);
        Ok(finish(doc, &fonts, sheets, findings))
    }

    /// Everything that would print badly, across the documents.
    pub fn preflight(&self) -> Result<Vec<Finding>> {
        let mut findings = self.print_badges(&BadgeOptions::default())?.findings;
        findings.extend(self.print_signs()?.findings);
        findings.extend(self.print_tables(None)?.findings);
        findings.extend(self.clash_findings()?);
        for session in self.sessions()? {
            if session.placement.is_some()
                && session.contributions.iter().all(|c| c.speakers.is_empty())
                && session.people.is_empty()
            {
                findings.push(Finding {
                    code: "no_speaker",
                    severity: Severity::Warning,
                    document: "programme",
                    message: format!(
                        "La session «\u{a0}{}\u{a0}» n'a ni intervenant ni animateur\u{a0}: le programme n'aura pas de noms à imprimer.",
                        session.title
                    ),
                    person: None,
                    session: Some(session.id),
                });
            }
        }
        Ok(findings)
    }
}
