use serde::{Deserialize, Serialize};

use super::ActorType;

/// The contribution formats of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Recherche,
    RetourExperience,
    Pitch,
    Centrifugeuse,
    Inconnu,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::Recherche => "recherche",
            Format::RetourExperience => "retour_experience",
            Format::Pitch => "pitch",
            Format::Centrifugeuse => "centrifugeuse",
            Format::Inconnu => "inconnu",
        }
    }

    /// Speaking time the call gives the format, in minutes (a centrifugeuse project:
    /// 15 min of pitch then 5 min of reactions).
    pub fn minutes(self) -> Option<i64> {
        match self {
            Format::Recherche => Some(20),
            Format::RetourExperience => Some(15),
            Format::Pitch => Some(5),
            Format::Centrifugeuse => Some(20),
            Format::Inconnu => None,
        }
    }
}

/// Where a submission stands in the organisers' review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    AExaminer,
    Retenue,
    EnAttente,
    Refusee,
    Retiree,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::AExaminer => "a_examiner",
            Status::Retenue => "retenue",
            Status::EnAttente => "en_attente",
            Status::Refusee => "refusee",
            Status::Retiree => "retiree",
        }
    }
}

/// One answer to the call for contributions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
