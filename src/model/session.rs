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

/// A contribution in a session's running order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionContribution {
    pub submission_id: i64,
    pub title: String,
    pub format: String,
    pub actor_type: String,
    /// Speaking time from the format (recherche 20, retour d'expérience 15, pitch 5,
    /// centrifugeuse 15 + 5).
    pub minutes: i64,
    pub qa_minutes: i64,
    pub table_number: Option<i64>,
    /// The submission's status in the selection ("retenue", "refusee"…).
    pub status: String,
    pub speakers: Vec<SessionPerson>,
    /// « 10:20 » once the session is placed: its slot's start, then the talks (and their
    /// questions) before it in the running order; at a centrifugeuse, those at its table.
    pub starts: Option<String>,
}

/// Someone taking part in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionPerson {
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub actor_type: String,
    /// "intervenant", "moderateur" or "animateur".
    pub role: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Cell {
    pub room_id: i64,
    pub slot_id: i64,
}

/// A session with everything the grid, its side panel and the rules need.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionView {
    pub id: i64,
    pub title: String,
    pub kind: SessionKind,
    pub language: String,
    pub expected_audience: Option<i64>,
    /// When no audience is entered: a guess from the registrants' wishes, and how.
    pub estimate: Option<Estimate>,
    pub description: String,
    pub contributions: Vec<SessionContribution>,
    /// People in the session without a submission (panellists, moderators, animateurs).
    pub people: Vec<SessionPerson>,
    pub placement: Option<Cell>,
    /// Pinned by the organisers: a proposed programme never moves it.
    pub pinned: bool,
}

impl SessionView {
    /// Everyone who must be there: speakers of the contributions and the people added.
    pub fn participants(&self) -> impl Iterator<Item = &SessionPerson> {
        self.contributions
            .iter()
            .flat_map(|c| c.speakers.iter())
            .chain(self.people.iter())
    }

    /// The audience the rules count on: entered, else estimated.
    pub fn audience(&self) -> Option<i64> {
        self.expected_audience
            .or(self.estimate.as_ref().map(|e| e.people))
    }

    /// Minutes of talks and questions, in running order.
    pub fn programme_minutes(&self) -> i64 {
        self.contributions
            .iter()
            .map(|c| c.minutes + c.qa_minutes)
            .sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Estimate {
    pub people: i64,
    /// Registrants whose wishes name this kind of session.
    pub wishing: i64,
    /// The sessions of this kind they are shared among, this one included: those in the
    /// same slot once placed, all of them before.
    pub among: i64,
    /// Once placed beside others of its kind: this room's share of their seats, in percent.
    pub room_share: Option<i64>,
    pub placed: bool,
}
