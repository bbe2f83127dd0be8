use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocabulary! {
    pub enum SessionKind {
        Pleniere,
        TableRonde,
        Atelier,
        Centrifugeuse,
        Formation,
        Autre,
    }
}

impl SessionKind {
    /// As the printed programme names it.
    pub fn label_fr(self) -> &'static str {
        match self {
            SessionKind::Pleniere => "Plénière",
            SessionKind::TableRonde => "Table ronde",
            SessionKind::Atelier => "Atelier",
            SessionKind::Centrifugeuse => "Centrifugeuse",
            SessionKind::Formation => "Formation",
            SessionKind::Autre => "Session",
        }
    }

    /// Its colour on paper, the grid's own (ui/src/app.css).
    pub fn colour(self) -> u32 {
        match self {
            SessionKind::Pleniere | SessionKind::TableRonde => 0x1d4e89,
            SessionKind::Centrifugeuse => 0x7b3f98,
            SessionKind::Formation => 0x1f7a5a,
            SessionKind::Atelier => 0xb35c1e,
            SessionKind::Autre => 0x5b6675,
        }
    }

    /// Accepts the code, and the French words as organisers type them (« Table ronde »,
    /// « plénière »).
    pub fn parse(text: &str) -> Option<SessionKind> {
        deunicode::deunicode(text.trim())
            .to_lowercase()
            .replace([' ', '-'], "_")
            .parse()
            .ok()
    }

    /// Whether a registration's wishes (free text from the form: « Centrifugeuses,
    /// Ateliers », « co-construction »…) name this kind of session.
    pub fn wished_in(self, wishes: &str) -> bool {
        let words: &[&str] = match self {
            SessionKind::Pleniere | SessionKind::TableRonde => {
                &["plenier", "table ronde", "tables rondes", "conference"]
            }
            SessionKind::Atelier => &["atelier"],
            SessionKind::Centrifugeuse => &["centrifug", "co construction", "coconstruction"],
            SessionKind::Formation => &["formation"],
            SessionKind::Autre => &[],
        };
        let wishes = deunicode::deunicode(wishes)
            .to_lowercase()
            .replace(['-', '_'], " ");
        words.iter().any(|w| wishes.contains(w))
    }
}

/// What occupies one room during one slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Session {
    pub id: i64,
    pub title: String,
    pub kind: SessionKind,
    /// "fr" or "en".
    pub language: String,
    pub expected_audience: Option<i64>,
    pub description: String,
}

vocabulary! {
    /// How a person takes part in a session beyond a submission.
    pub enum SessionRole {
        Intervenant,
        Moderateur,
        Animateur,
    }
}

impl SessionRole {
    pub fn label_fr(self) -> &'static str {
        match self {
            SessionRole::Intervenant => "intervenant·e",
            SessionRole::Moderateur => "modérateur·rice",
            SessionRole::Animateur => "animateur·rice",
        }
    }

    pub fn parse(code: &str) -> Option<SessionRole> {
        code.parse().ok()
    }
}
