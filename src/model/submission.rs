use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ActorType;

vocabulary! {
    /// The contribution formats of the call.
    pub enum Format {
        Recherche,
        RetourExperience,
        Pitch,
        Centrifugeuse,
        Inconnu,
    }
}

impl Format {
    pub fn parse(code: &str) -> Option<Format> {
        code.parse().ok()
    }

    /// Speaking time the call gives the format, in minutes (a centrifugeuse project:
    /// 15 min of pitch then 5 min of reactions).
    pub fn label_fr(self) -> &'static str {
        match self {
            Format::Recherche => "recherche",
            Format::RetourExperience => "retour d’expérience",
            Format::Pitch => "pitch",
            Format::Centrifugeuse => "centrifugeuse",
            Format::Inconnu => "inconnu",
        }
    }

    pub fn minutes(self) -> Option<i64> {
        match self {
            Format::Recherche => Some(20),
            Format::RetourExperience => Some(15),
            Format::Pitch => Some(5),
            Format::Centrifugeuse => Some(super::table::MINUTES_PER_PROJECT),
            Format::Inconnu => None,
        }
    }
}

vocabulary! {
    /// Where a submission stands in the organisers' review.
    pub enum Status {
        Nouvelle,
        Retenue,
        ListeAttente,
        Refusee,
    }
}

impl Status {
    /// Accepts the code and the French words ("liste d'attente", "refusée").
    pub fn parse(text: &str) -> Option<Status> {
        match deunicode::deunicode(text.trim())
            .to_lowercase()
            .replace(['\'', ' ', '-'], "_")
            .as_str()
        {
            "nouvelle" | "new" | "a_examiner" => Some(Status::Nouvelle),
            "retenue" | "retenu" | "accepted" | "selected" => Some(Status::Retenue),
            "liste_attente" | "liste_d_attente" | "en_attente" | "waiting" => {
                Some(Status::ListeAttente)
            }
            "refusee" | "refuse" | "rejected" | "declined" => Some(Status::Refusee),
            _ => None,
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            Status::Nouvelle => "nouvelle",
            Status::Retenue => "retenue",
            Status::ListeAttente => "liste d’attente",
            Status::Refusee => "refusée",
        }
    }
}

/// One answer to the call for contributions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Submission {
    pub id: i64,
    pub external_id: Option<String>,
    pub contact_id: Option<i64>,
    pub format: Format,
    /// Axes 1 to 4 of the call.
    pub axes: Vec<u8>,
    pub actor_type: ActorType,
    pub title: String,
    pub summary: String,
    /// "fr" or "en".
    pub language: String,
    pub status: Status,
    /// ISO 8601 with offset, as the web form recorded it.
    pub submitted_at: Option<String>,
}

vocabulary! {
    /// A field of a submission that an organiser may correct by hand, in the order the
    /// review screen offers them; the last four are its contact's. A correction wins over
    /// later imports.
    pub enum CorrectableField {
        Title,
        Summary,
        Format,
        ActorType,
        Axes,
        Language,
        CoSpeakers,
        Email,
        FirstName,
        LastName,
        Organisation,
    }
}

impl CorrectableField {
    /// A field of the person who sent the submission, not of the submission.
    pub fn of_contact(self) -> bool {
        matches!(
            self,
            Self::Email | Self::FirstName | Self::LastName | Self::Organisation
        )
    }
}

/// A contributor as the review lists show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Contributor {
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub organisation: String,
}

/// One reviewer's opinion of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Review {
    pub reviewer: String,
    pub score: Option<i64>,
    pub note: String,
}

/// One submission with what the review screen and `journee submissions --json` show.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SubmissionView {
    pub id: i64,
    pub external_id: Option<String>,
    pub title: String,
    pub format: String,
    pub axes: Vec<u8>,
    pub actor_type: String,
    pub language: String,
    pub status: Status,
    pub organisation: String,
    pub summary: String,
    pub co_speakers: String,
    pub submitted_at: Option<String>,
    pub contributors: Vec<Contributor>,
    /// Problems found at import (`{"row", "column", "severity", "message"}`).
    #[ts(as = "Vec<crate::import::Problem>")]
    pub flags: serde_json::Value,
    /// The first sending of the same content, when this one repeats it.
    pub duplicate_of: Option<i64>,
    pub reviews: Vec<Review>,
    /// Mean of the reviewers' scores, when there are any.
    pub score: Option<f64>,
    pub tags: Vec<String>,
    /// Fields corrected by hand, which imports leave alone.
    pub corrected: Vec<String>,
    /// The organisers' notes.
    pub notes: String,
    /// The sessions it is in (usually one; two is a warning of the programme).
    pub sessions: Vec<SessionRef>,
}

impl SubmissionView {
    /// Worth a second look: problems found at import, or a second sending of another.
    pub fn is_flagged(&self) -> bool {
        self.duplicate_of.is_some() || self.flags.as_array().is_some_and(|f| !f.is_empty())
    }
}

/// A session, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionRef {
    pub id: i64,
    pub title: String,
}
