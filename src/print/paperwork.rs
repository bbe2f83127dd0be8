//! The documents a day at the venue needs besides badges and the programme: sign-in
//! sheets, the guest list, name cards, session cards and the run of show per room.

use std::collections::HashMap;

use printpdf::PdfDocument;
use serde::{Deserialize, Serialize};

use super::fonts::Fonts;
use super::listing::Listing;
use super::preflight::{prepare_text, About, Finding};
use super::{cards, guests, namecards, runsheet, signin, Laid};
use crate::common::typography;
use crate::common::Severity;
use crate::error::Result;
use crate::seating::SessionSeating;
use crate::Project;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Paperwork {
    /// Feuilles d'émargement: the day's, then one per session.
    Signin,
    /// The guest list for reception and security.
    Guests,
    /// Chevalets for the people on stage.
    Namecards,
    /// A card per session for planning on a wall.
    Cards,
    /// Conduite: the run of show per room.
    Runsheet,
}

impl Paperwork {
    pub const ALL: [Paperwork; 5] = [
        Paperwork::Signin,
        Paperwork::Guests,
        Paperwork::Namecards,
        Paperwork::Cards,
        Paperwork::Runsheet,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Paperwork::Signin => "signin",
            Paperwork::Guests => "guests",
            Paperwork::Namecards => "namecards",
            Paperwork::Cards => "cards",
            Paperwork::Runsheet => "runsheet",
        }
    }

    pub fn parse(text: &str) -> Option<Paperwork> {
        let text = text.trim().to_lowercase();
        Paperwork::ALL.into_iter().find(|p| {
            p.code() == text
                || matches!(
                    (p, text.as_str()),
                    (Paperwork::Signin, "emargement" | "émargement")
                        | (Paperwork::Guests, "accueil")
                        | (Paperwork::Namecards, "chevalets")
                        | (Paperwork::Cards, "fiches")
                        | (Paperwork::Runsheet, "conduite")
                )
        })
    }

    /// The file's name without its extension, as the save dialog offers it.
    pub fn stem(self) -> &'static str {
        match self {
            Paperwork::Signin => "emargement",
            Paperwork::Guests => "liste-accueil",
            Paperwork::Namecards => "chevalets",
            Paperwork::Cards => "fiches-sessions",
            Paperwork::Runsheet => "conduite",
        }
    }

    /// Lists also go out as workbooks (for the venue's security, for a co-organiser).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Paperwork::Signin | Paperwork::Guests | Paperwork::Runsheet
        )
    }

    fn label(self) -> &'static str {
        match self {
            Paperwork::Signin => "Émargement",
            Paperwork::Guests => "Liste d’accueil",
            Paperwork::Namecards => "Chevalets",
            Paperwork::Cards => "Fiches des sessions",
            Paperwork::Runsheet => "Conduite",
        }
    }
}

impl Project {
    /// The seating of every centrifugeuse session, by session.
    pub(crate) fn seatings(&self) -> Result<HashMap<i64, SessionSeating>> {
        self.centrifugeuse_sessions()?
            .into_iter()
            .map(|s| Ok((s.id, self.seating(s.id)?)))
            .collect()
    }

    /// What each person told the form about access, by person.
    pub(crate) fn access_needs(&self) -> Result<HashMap<i64, String>> {
        Ok(self
            .people(false)?
            .into_iter()
            .filter(|p| !p.accessibility.trim().is_empty())
            .map(|p| (p.id, p.accessibility))
            .collect())
    }

    pub(super) fn lay_out_paperwork(&self, which: Paperwork) -> Result<Laid> {
        let day = self.day()?;
        let sessions = self.sessions()?;
        let mut doc = PdfDocument::new(&format!("{} · {}", which.label(), day.event.title));
        let mut fonts = Fonts::new(&mut doc);
        let mut findings = Vec::new();
        let dates = super::french_dates(day.event.start_date, day.event.end_date);
        let footer = format!(
            "{} · {}",
            typography::french(&day.event.title),
            which.label()
        );
        let document = which.code();
        // Every text goes through the fonts first: a name in Chinese finds its font.
        let mut prepare = |fonts: &mut Fonts, text: &str, label: &str, person, session| {
            let about = About {
                document,
                label,
                person,
                session,
            };
            prepare_text(fonts, &mut doc, text, &about, &mut findings);
        };
        prepare(&mut fonts, &footer, "Pied de page", None, None);
        let sheets = match which {
            Paperwork::Guests | Paperwork::Signin => {
                let guests = guests::guests(self)?;
                for g in &guests {
                    let text = format!(
                        "{} {} {} {}",
                        g.first_name,
                        g.last_name.to_uppercase(),
                        g.organisation,
                        g.accessibility
                    );
                    prepare(
                        &mut fonts,
                        &text,
                        &format!("Ligne de {} {}", g.first_name, g.last_name),
                        Some(g.person_id),
                        None,
                    );
                }
                let seatings = self.seatings()?;
                if which == Paperwork::Signin {
                    for s in &sessions {
                        let mut text = s.title.clone();
                        for p in s.participants() {
                            text.push_str(&format!(
                                " {} {} {}",
                                p.first_name,
                                p.last_name.to_uppercase(),
                                p.organisation
                            ));
                        }
                        prepare(
                            &mut fonts,
                            &text,
                            &format!("Émargement «\u{a0}{}\u{a0}»", s.title),
                            None,
                            Some(s.id),
                        );
                    }
                    for seating in seatings.values() {
                        for seat in seating
                            .tables
                            .iter()
                            .flat_map(|t| t.holders.iter().chain(&t.peers).chain(&t.animateur))
                        {
                            prepare(
                                &mut fonts,
                                &format!(
                                    "{} {} {}",
                                    seat.first_name,
                                    seat.last_name.to_uppercase(),
                                    seat.organisation
                                ),
                                "Émargement",
                                Some(seat.person_id),
                                Some(seating.session),
                            );
                        }
                    }
                }
                let (page, columns, row) = if which == Paperwork::Guests {
                    ((297.0, 210.0), guests::columns(), 8.0)
                } else {
                    ((210.0, 297.0), signin::columns(), signin::ROW)
                };
                let mut listing = Listing::new(&fonts, page, columns, &footer, row);
                if which == Paperwork::Guests {
                    guests::draw(
                        &mut listing,
                        &guests,
                        &format!("Liste d’accueil · {}", typography::french(&day.event.title)),
                        &format!(
                            "{dates} · {} · par nom de famille",
                            crate::words::plural(
                                guests.len() as i64,
                                "personne attendue",
                                "personnes attendues"
                            )
                        ),
                    );
                } else {
                    signin::draw(&mut listing, &day, &dates, &guests, &sessions, &seatings);
                }
                shrunk_findings(&listing, document, &mut findings);
                listing.finish()
            }
            Paperwork::Runsheet => {
                let seatings = self.seatings()?;
                let access = self.access_needs()?;
                for s in &sessions {
                    let mut text = s.title.clone();
                    for p in s.participants() {
                        text.push_str(&format!(" {} {}", p.first_name, p.last_name));
                    }
                    prepare(
                        &mut fonts,
                        &text,
                        &format!("Conduite, «\u{a0}{}\u{a0}»", s.title),
                        None,
                        Some(s.id),
                    );
                }
                for room in &day.rooms {
                    prepare(
                        &mut fonts,
                        &format!("{} {}", room.name, room.notes),
                        &format!("Conduite de «\u{a0}{}\u{a0}»", room.name),
                        None,
                        None,
                    );
                }
                for need in access.values() {
                    prepare(&mut fonts, need, "Conduite", None, None);
                }
                let mut listing =
                    Listing::new(&fonts, (297.0, 210.0), runsheet::columns(), &footer, 0.0);
                listing.max_lines = 14;
                runsheet::draw(&mut listing, &day, &sessions, &seatings, &access);
                shrunk_findings(&listing, document, &mut findings);
                listing.finish()
            }
            Paperwork::Namecards => {
                let cards = namecards::cards(&day, &sessions);
                for card in &cards {
                    let p = card.person;
                    prepare(
                        &mut fonts,
                        &format!(
                            "{} {} {} {}",
                            p.first_name, p.last_name, p.organisation, card.session
                        ),
                        &format!("Chevalet de {} {}", p.first_name, p.last_name),
                        Some(p.person_id),
                        None,
                    );
                }
                let mut sheets = Vec::new();
                for card in &cards {
                    let (sheet, name) = namecards::draw(&fonts, card);
                    if name.too_small {
                        let p = card.person;
                        findings.push(Finding {
                            code: "small_text",
                            severity: Severity::Warning,
                            document,
                            message: format!(
                                "Chevalet de {} {}\u{a0}: le nom imprimé en {:.0}\u{a0}pt, sous {}\u{a0}pt, ne se lira pas du fond de la salle.",
                                p.first_name, p.last_name, name.size, namecards::NAME_READABLE
                            ),
                            person: Some(p.person_id),
                            session: None,
                        });
                    }
                    sheets.push(sheet);
                }
                sheets
            }
            Paperwork::Cards => {
                let mut all: Vec<&crate::programme::SessionView> = sessions.iter().collect();
                all.sort_by_key(|s| s.id);
                for s in &all {
                    let text = cards::facts(&day, s).join(" ") + &s.title;
                    prepare(
                        &mut fonts,
                        &text,
                        &format!("Fiche de «\u{a0}{}\u{a0}»", s.title),
                        None,
                        Some(s.id),
                    );
                }
                let (sheets, small) = cards::draw(&fonts, &day, &all);
                for (id, size) in small {
                    let title = all
                        .iter()
                        .find(|s| s.id == id)
                        .map(|s| s.title.as_str())
                        .unwrap_or_default();
                    findings.push(Finding {
                        code: "small_text",
                        severity: Severity::Warning,
                        document,
                        message: format!("Fiche de «\u{a0}{title}\u{a0}»\u{a0}: titre imprimé en {size:.1}\u{a0}pt."),
                        person: None,
                        session: Some(id),
                    });
                }
                sheets
            }
        };
        Ok(Laid::new(document, doc, fonts, sheets, findings))
    }
}

/// Cells whose text shrank below the list's readable size.
fn shrunk_findings(listing: &Listing, document: &'static str, findings: &mut Vec<Finding>) {
    for shrunk in &listing.shrunk {
        let excerpt: String = shrunk.text.chars().take(60).collect();
        findings.push(Finding {
            code: "small_text",
            severity: Severity::Warning,
            document,
            message: format!(
                "«\u{a0}{}\u{a0}» imprimé en {:.1}\u{a0}pt, sous la taille lisible ({}\u{a0}pt).",
                excerpt.replace('\n', " "),
                shrunk.size,
                super::listing::READABLE
            ),
            person: None,
            session: None,
        });
    }
}
