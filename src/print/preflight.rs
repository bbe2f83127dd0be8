//! What would print badly, found before printing: text shrunk below a readable size,
//! missing organisations, characters no font has, sessions with nobody to speak.

use serde::Serialize;

use super::badges::Badge;
use crate::programme::Severity;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable: small_text, missing_organisation, uncovered_characters, no_speaker,
    /// table_rule.
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
                "{about}\u{a0}: aucune police installée n'a {}\u{a0}; installez une police qui les couvre (par exemple Noto).",
                quoted_chars(chars)
            ),
            person,
            session,
        }
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
