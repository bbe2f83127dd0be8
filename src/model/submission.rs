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
