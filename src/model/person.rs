use serde::{Deserialize, Serialize};
use strum::VariantArray;
use ts_rs::TS;

vocabulary! {
    /// The four kinds of actors the call wants balanced, and "autre" when unsure.
    pub enum ActorType {
        Public,
        Entreprise,
        Association,
        Recherche,
        Autre,
    }
}

/// An actor no list says the type of.
impl Default for ActorType {
    fn default() -> Self {
        ActorType::Autre
    }
}

impl ActorType {
    /// As a French list names one: "acteur public", "entreprise"…
    pub fn label_fr(self) -> &'static str {
        match self {
            ActorType::Public => "acteur public",
            ActorType::Entreprise => "entreprise",
            ActorType::Association => "association",
            ActorType::Recherche => "recherche",
            ActorType::Autre => "autre",
        }
    }

    /// As the call for contributions names the group, short: "acteurs publics",
    /// "universitaires et think-tanks"… The interface's labels say the same.
    pub fn plural_fr(self) -> &'static str {
        match self {
            ActorType::Public => "acteurs publics",
            ActorType::Entreprise => "entreprises",
            ActorType::Association => "associations",
            ActorType::Recherche => "universitaires et think-tanks",
            ActorType::Autre => "autres",
        }
    }

    pub fn parse(code: &str) -> Option<ActorType> {
        code.parse().ok()
    }
}

/// Anyone the day involves: contributor, panellist, animateur, staff, participant, press.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
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

vocabulary! {
    /// What a badge says someone is at the event. One badge per person: when someone is
    /// several things, the first of this order wins (staff over speaker over participant).
    #[derive(PartialOrd, Ord)]
    pub enum BadgeRole {
        Organisation,
        Presse,
        Intervenant,
        Animateur,
        Participant,
    }
}

impl BadgeRole {
    pub fn parse(code: &str) -> Option<BadgeRole> {
        let code = code.trim().to_lowercase();
        BadgeRole::VARIANTS
            .iter()
            .copied()
            .find(|r| r.code() == code || r.label().to_lowercase() == code || r.plural() == code)
    }

    /// As printed on the badge's band (inclusive French, as the organisers write it).
    pub fn label(self) -> &'static str {
        match self {
            BadgeRole::Organisation => "Organisation",
            BadgeRole::Presse => "Presse",
            BadgeRole::Intervenant => "Intervenant·e",
            BadgeRole::Animateur => "Animateur·rice",
            BadgeRole::Participant => "Participant·e",
        }
    }

    fn plural(self) -> &'static str {
        match self {
            BadgeRole::Organisation => "organisateurs",
            BadgeRole::Presse => "journalistes",
            BadgeRole::Intervenant => "intervenants",
            BadgeRole::Animateur => "animateurs",
            BadgeRole::Participant => "participants",
        }
    }
}
