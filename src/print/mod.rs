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
use serde::{Deserialize, Serialize};

pub use badges::{Badge, BadgeOptions, Layout, Qr, Sort};
use fonts::Fonts;
pub use paperwork::Paperwork;
pub use preflight::Finding;
pub use programme::Format;

use crate::common::typography;
use crate::common::Severity;
use crate::error::Result;
use crate::model::Event;
use crate::Project;

/// A document asked for that cannot be laid out as asked.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(
        "Les badges ne tiennent pas sur la feuille\u{a0}: {across} badges et leurs espaces font {used:.0}\u{a0}mm, il y a {room:.0}\u{a0}mm dans les marges de l’imprimante. Choisissez une autre disposition, des espaces plus petits ou sans fonds perdus."
    )]
    BadgesDoNotFit { across: usize, used: f32, room: f32 },

    #[error(
        "Le livret imposé ne prend pas de fonds perdus\u{a0}: donnez à l’imprimeur le programme A5 avec fonds perdus, il l’imposera lui-même."
    )]
    BookletBleed,
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
        title: typography::french(&event.title),
        date: french_dates(event.start_date, event.end_date),
        logo: None,
    }
}

/// A document laid out, before it becomes a PDF: what the preflight looks at, without
/// the cost of subsetting fonts and writing the file.
pub(crate) struct Laid {
    doc: PdfDocument,
    fonts: Fonts,
    sheets: Vec<page::Sheet>,
    findings: Vec<Finding>,
}

impl Laid {
    /// The pages of `document`, and what printed badly on them, overlaps included.
    fn new(
        document: &'static str,
        doc: PdfDocument,
        fonts: Fonts,
        sheets: Vec<page::Sheet>,
        mut findings: Vec<Finding>,
    ) -> Laid {
        findings.extend(preflight::overlaps(document, &sheets));
        Laid {
            doc,
            fonts,
            sheets,
            findings,
        }
    }

    fn finish(self) -> Printed {
        let Laid {
            mut doc,
            fonts,
            sheets,
            findings,
        } = self;
        let pages = sheets.len();
        let bleed = sheets.first().map_or(0.0, |s| s.bleed);
        fonts.subset_into(&mut doc);
        // Honest metadata: when it was made, by what.
        let now =
            printpdf::OffsetDateTime::from_unix_timestamp(crate::output::made_at().timestamp())
                .unwrap_or_else(|_| printpdf::OffsetDateTime::now_utc());
        let info = &mut doc.metadata.info;
        info.creation_date = now;
        info.modification_date = now;
        info.metadata_date = now;
        info.creator = "Journée".into();
        info.producer = format!("Journée {}", env!("CARGO_PKG_VERSION"));
        doc.with_pages(sheets.into_iter().map(page::Sheet::into_page).collect());
        let options = PdfSaveOptions {
            subset_fonts: true,
            // Compressed below, faster than printpdf does it.
            optimize: false,
            ..PdfSaveOptions::default()
        };
        let mut file = printpdf::serialize::to_lopdf_doc(&doc, &options, &mut Vec::new());
        // The pages' operations are written into the file: their memory goes back now.
        drop(doc);
        without_pdfx_claim(&mut file);
        if bleed > 0.0 {
            with_bleed_boxes(&mut file, bleed);
        }
        compress(&mut file);
        let mut pdf = Vec::new();
        // Writing to memory does not fail.
        let _ = file.save_to(&mut pdf);
        Printed {
            pdf,
            pages,
            findings,
            system_fonts: fonts.system_fonts(),
        }
    }
}

/// A document to print, with its options: what the CLI, the print screen and the
/// preflight all ask for.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(tag = "document", rename_all = "snake_case")]
#[ts(rename = "PrintRequest")]
pub enum Document {
    Badges {
        #[serde(default)]
        options: BadgeOptions,
    },
    /// All the centrifugeuse sessions' plans, or one's.
    Tables {
        #[serde(default)]
        session: Option<i64>,
    },
    Programme {
        #[serde(default)]
        format: Format,
        /// A 3 mm bleed for a print shop (A4 and A5; the booklet is imposed by the shop).
        #[serde(default)]
        bleed: bool,
    },
    Signs,
    /// Sign-in sheets, the guest list, name cards, session cards, the run of show.
    Paperwork {
        which: Paperwork,
    },
}

impl Document {
    /// Every document with its default options: what `journee preflight` checks.
    pub fn all() -> Vec<Document> {
        let mut all = vec![
            Document::Badges {
                options: BadgeOptions::default(),
            },
            Document::Tables { session: None },
            Document::Programme {
                format: Format::A4,
                bleed: false,
            },
            Document::Signs,
        ];
        all.extend(
            Paperwork::ALL
                .into_iter()
                .map(|which| Document::Paperwork { which }),
        );
        all
    }

    /// The name the save dialog offers.
    pub fn file_name(&self) -> String {
        match self {
            Document::Badges { .. } => "badges.pdf".into(),
            Document::Tables { .. } => "plans-de-table.pdf".into(),
            Document::Programme { .. } => "programme.pdf".into(),
            Document::Signs => "affichettes.pdf".into(),
            Document::Paperwork { which } => format!("{}.pdf", which.stem()),
        }
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
                            "Table\u{a0}{} de {quoted}\u{a0}: pas d’animateur·rice, le plan imprimera «\u{a0}animateur·rice à trouver\u{a0}».",
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
/// claims no standard; prepress checks read any such key as a PDF/X claim. The same for the
/// empty « Identifier », a key of printpdf's own that tools list as custom.
fn without_pdfx_claim(file: &mut lopdf::Document) {
    let Ok(info) = file
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    else {
        return;
    };
    if let Ok(info) = file
        .get_object_mut(info)
        .and_then(lopdf::Object::as_dict_mut)
    {
        info.remove(b"GTS_PDFXVersion");
        info.remove(b"Identifier");
    }
}

/// A print shop trims each page to its TrimBox, and needs the BleedBox to know how far
/// the colour runs past it; printpdf writes neither (its TrimBox is the paper).
fn with_bleed_boxes(file: &mut lopdf::Document, bleed: f32) {
    use lopdf::Object;
    let b = printpdf::Pt::from(printpdf::Mm(bleed)).0;
    let pages: Vec<_> = file.get_pages().into_values().collect();
    for id in pages {
        let Ok(page) = file.get_object_mut(id).and_then(Object::as_dict_mut) else {
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
}

/// Compresses every stream not compressed yet (page contents, fonts), at zlib's fast
/// level, on every core: lopdf's own pass takes the best level, one stream after another,
/// three times as long for files a few percent smaller.
fn compress(file: &mut lopdf::Document) {
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write;
    let mut streams: Vec<&mut lopdf::Stream> = file
        .objects
        .values_mut()
        .filter_map(|o| o.as_stream_mut().ok())
        .filter(|s| s.dict.get(b"Filter").is_err() && s.content.len() > 64)
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_core = streams.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        for chunk in streams.chunks_mut(per_core) {
            scope.spawn(move || {
                for stream in chunk {
                    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
                    if encoder.write_all(&stream.content).is_err() {
                        continue;
                    }
                    if let Ok(compressed) = encoder.finish() {
                        if compressed.len() + 19 < stream.content.len() {
                            stream.dict.set("Filter", "FlateDecode");
                            stream.set_content(compressed);
                        }
                    }
                }
            });
        }
    });
}

impl Project {
    /// Makes the document as asked; the findings say what would print badly.
    pub fn print(&self, document: &Document) -> Result<Printed> {
        Ok(self.lay_out(document)?.finish())
    }

    /// What would print badly in the document as asked, without making the PDF.
    pub fn preflight_of(&self, document: &Document) -> Result<Vec<Finding>> {
        Ok(self.lay_out(document)?.findings)
    }

    fn lay_out(&self, document: &Document) -> Result<Laid> {
        match document {
            Document::Badges { options } => self.lay_out_badges(options),
            Document::Tables { session } => self.lay_out_tables(*session),
            Document::Programme { format, bleed } => self.lay_out_programme(*format, *bleed),
            Document::Signs => self.lay_out_signs(),
            Document::Paperwork { which } => self.lay_out_paperwork(*which),
        }
    }

    /// Badges as the options ask.
    fn lay_out_badges(&self, options: &BadgeOptions) -> Result<Laid> {
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
        Ok(Laid::new("badges", doc, fonts, sheets, findings))
    }

    /// One A4 landscape page per room and day: the room's name and its sessions.
    fn lay_out_signs(&self) -> Result<Laid> {
        let day = self.day()?;
        let sessions = self.sessions()?;
        let mut doc = PdfDocument::new(&format!("Affichettes de salles · {}", day.event.title));
        let mut fonts = Fonts::new(&mut doc);
        let (sheets, findings) = signs::draw(&mut doc, &mut fonts, &day, &sessions);
        Ok(Laid::new("signs", doc, fonts, sheets, findings))
    }

    /// Table plans of the centrifugeuse sessions (all, or one): a plan per session, a
    /// tent card per table, and who sits where.
    fn lay_out_tables(&self, session: Option<i64>) -> Result<Laid> {
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
        Ok(Laid::new("tables", doc, fonts, sheets, findings))
    }

    /// The printed programme, A4, A5 or an A5 booklet imposed on A4.
    fn lay_out_programme(&self, format: Format, bleed: bool) -> Result<Laid> {
        if bleed && format == Format::Booklet {
            return Err(PrintError::BookletBleed.into());
        }
        let bleed = if bleed { badges::BLEED } else { 0.0 };
        let day = self.day()?;
        let sessions = self.sessions()?;
        let mut doc = PdfDocument::new(&format!("Programme · {}", day.event.title));
        let mut fonts = Fonts::new(&mut doc);
        let (mut sheets, mut findings) =
            programme::draw(&mut doc, &mut fonts, &day, &sessions, format, bleed);
        if format == Format::Booklet {
            sheets = programme::impose(sheets);
        }
        findings.extend(self.clash_findings()?);
        findings.extend(self.speakerless_findings()?);
        Ok(Laid::new("programme", doc, fonts, sheets, findings))
    }

    /// Everything that would print badly, across the documents with their default
    /// options; each finding once.
    pub fn preflight(&self) -> Result<Vec<Finding>> {
        let mut findings: Vec<Finding> = Vec::new();
        for document in Document::all() {
            for finding in self.preflight_of(&document)? {
                // The grid's clashes are found by several documents, and a name no font
                // can print is in every list: said once, where it is found first.
                let said = findings.iter().any(|f| {
                    f == &finding
                        || (f.code == finding.code
                            && f.code == "uncovered_characters"
                            && f.person.is_some()
                            && f.person == finding.person)
                });
                if !said {
                    findings.push(finding);
                }
            }
        }
        Ok(findings)
    }

    /// Placed sessions with nobody to name in the programme.
    fn speakerless_findings(&self) -> Result<Vec<Finding>> {
        let mut findings = Vec::new();
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
                        "La session «\u{a0}{}\u{a0}» n’a ni intervenant ni animateur\u{a0}: le programme n’aura pas de noms à imprimer.",
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
