//! What would print badly, found before printing: text shrunk below a readable size,
//! missing organisations, characters no font has, sessions with nobody to speak.

use printpdf::PdfDocument;
use serde::Serialize;
use unicode_bidi::{bidi_class, BidiClass};

use super::badges::Badge;
use super::fonts::Fonts;
use crate::programme::Severity;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable: small_text, missing_organisation, uncovered_characters, right_to_left,
    /// no_speaker, table_rule, person_clash, empty_animateur, unplaced_printed.
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

/// Makes the fonts ready for `text`, and says what they cannot draw, or not well:
/// characters no installed font has, and right-to-left writing (Arabic, Hebrew), whose
/// letters this layout neither joins nor orders from the right.
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
    let mut rtl: Vec<char> = text
        .chars()
        .filter(|&c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
        .collect();
    if !rtl.is_empty() {
        rtl.dedup();
        rtl.truncate(3);
        findings.push(Finding {
            code: "right_to_left",
            severity: Severity::Warning,
            document: about.document,
            message: format!(
                "{}\u{a0}: texte écrit de droite à gauche ({}…), imprimé sans lier ses lettres\u{a0}; vérifiez l’épreuve, ou saisissez aussi le nom en alphabet latin.",
                about.label,
                quoted_chars(&rtl)
            ),
            person: about.person,
            session: about.session,
        });
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
