//! What would print badly, found before printing: text shrunk below a readable size,
//! missing organisations, characters no font has, sessions with nobody to speak.

use printpdf::PdfDocument;
use serde::Serialize;

use super::badges::Badge;
use super::fonts::Fonts;
use crate::common::Severity;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Finding {
    /// Stable: small_text, missing_organisation, uncovered_characters, no_speaker,
    /// table_rule, person_clash, empty_animateur, unplaced_printed, overlap, abridged.
    pub code: &'static str,
    pub severity: Severity,
    /// badges, tables, programme or signs.
    pub document: &'static str,
    pub message: String,
    pub person: Option<i64>,
    pub session: Option<i64>,
}

impl Finding {
    pub fn badge(badge: &Badge, code: &'static str, message: String) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            document: "badges",
            message,
            person: Some(badge.person_id),
            session: None,
        }
    }
}

impl Finding {
    /// Characters no installed font has, in what `about` names ("Badge de Lin Zhiling").
    pub fn uncovered(
        document: &'static str,
        about: &str,
        chars: &[char],
        person: Option<i64>,
        session: Option<i64>,
    ) -> Finding {
        Finding {
            code: "uncovered_characters",
            severity: Severity::Error,
            document,
            message: format!(
                "{about}\u{a0}: aucune police installée n’a {}\u{a0}; installez une police qui les couvre (par exemple Noto).",
                quoted_chars(chars)
            ),
            person,
            session,
        }
    }
}

/// Where a text is printed, for what the preflight says of it.
pub struct About<'a> {
    pub document: &'static str,
    /// "Badge de Lin Zhiling".
    pub label: &'a str,
    pub person: Option<i64>,
    pub session: Option<i64>,
}

/// Makes the fonts ready for `text`, and says what they cannot draw: characters no
/// installed font has. (Right-to-left writing is shaped and ordered: `Fonts::visual`.)
pub fn prepare_text(
    fonts: &mut Fonts,
    doc: &mut PdfDocument,
    text: &str,
    about: &About,
    findings: &mut Vec<Finding>,
) {
    let missing = fonts.prepare(doc, text);
    if !missing.is_empty() {
        findings.push(Finding::uncovered(
            about.document,
            about.label,
            &missing,
            about.person,
            about.session,
        ));
    }
}

/// "« 中 », « 文 »" for a message.
pub fn quoted_chars(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("«\u{a0}{c}\u{a0}» (U+{:04X})", *c as u32))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Boxes that overlap on a page: a text over the QR code or the logo, two texts over each
/// other. Each pair once per page, with a name for each; boxes touching by less than
/// 0.3 mm are left alone (the ink's edges are estimated).
pub fn overlaps(document: &'static str, sheets: &[super::page::Sheet]) -> Vec<Finding> {
    const SLACK: f32 = 0.3;
    let mut findings = Vec::new();
    for (page, sheet) in sheets.iter().enumerate() {
        let boxes = &sheet.boxes;
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let [al, at, ar, ab] = a.rect;
                let [bl, bt, br, bb] = b.rect;
                let across = ar.min(br) - al.max(bl);
                let down = ab.min(bb) - at.max(bt);
                if across > SLACK && down > SLACK {
                    let name = |what: &str| {
                        if what.starts_with("le ") {
                            what.to_string()
                        } else {
                            let short: String = what.chars().take(40).collect();
                            format!("«\u{a0}{short}\u{a0}»")
                        }
                    };
                    findings.push(Finding {
                        code: "overlap",
                        severity: Severity::Warning,
                        document,
                        message: format!(
                            "Page\u{a0}{}\u{a0}: {} chevauche {}.",
                            page + 1,
                            name(&a.what),
                            name(&b.what)
                        ),
                        person: None,
                        session: None,
                    });
                }
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::badges::draw_qr;
    use crate::print::fonts::Weight;
    use crate::print::page::{Align, Sheet, INK};

    #[test]
    fn a_name_over_the_qr_code_is_found_and_lines_one_under_another_are_not() {
        let mut doc = PdfDocument::new("t");
        let fonts = Fonts::new(&mut doc);
        let mut sheet = Sheet::new(90.0, 55.0);
        let names = ["Marie-Bernadette".to_string(), "Dupont".to_string()];
        sheet.lines(
            &fonts,
            (4.0, 10.0),
            &names,
            Weight::Bold,
            24.0,
            INK,
            Align::Left,
        );
        draw_qr(&mut sheet, "JOURNEE-P1", (50.0, 8.0), 17.0);
        let found = overlaps("badges", &[sheet]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("Marie-Bernadette")
                && found[0].message.contains("le code QR"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn the_two_faces_of_a_folded_card_do_not_overlap_but_a_face_over_itself_does() {
        let mut doc = PdfDocument::new("t");
        let fonts = Fonts::new(&mut doc);
        let face = |sheet: &mut Sheet| {
            sheet.text(
                &fonts,
                (148.0, 160.0),
                "Zoé Leroy",
                Weight::Bold,
                72.0,
                INK,
                Align::Centre,
            );
        };
        let mut card = Sheet::new(297.0, 210.0);
        face(&mut card);
        card.upside_down(face);
        assert!(overlaps("namecards", &[card]).is_empty());
        let mut twice = Sheet::new(297.0, 210.0);
        face(&mut twice);
        face(&mut twice);
        assert_eq!(overlaps("namecards", &[twice]).len(), 1);
    }
}
