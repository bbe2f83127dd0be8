use serde::{Deserialize, Serialize};

/// The four kinds of actors the call wants balanced, and "autre" when unsure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    Public,
    Entreprise,
    Association,
    Recherche,
    Autre,
}

impl ActorType {
    pub fn code(self) -> &'static str {
        match self {
            ActorType::Public => "public",
            ActorType::Entreprise => "entreprise",
            ActorType::Association => "association",
            ActorType::Recherche => "recherche",
            ActorType::Autre => "autre",
        }
    }

    pub fn parse(code: &str) -> Option<ActorType> {
        [
            ActorType::Public,
            ActorType::Entreprise,
            ActorType::Association,
            ActorType::Recherche,
            ActorType::Autre,
        ]
        .into_iter()
        .find(|t| t.code() == code)
    }
}

/// Anyone the day involves: contributor, panellist, animateur, staff, participant, press.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub organisation: String,
    pub actor_type: ActorType,
    pub country: String,
    /// On the registrations list (a participant), not only known through the programme.
    pub registered: bool,
    pub wishes: String,
    pub accessibility: String,
}
