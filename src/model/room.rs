use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocabulary! {
    /// What a room is set up for; it decides which sessions suit it and how the grid groups it.
    #[derive(PartialOrd, Ord)]
    pub enum RoomKind {
        Pleniere,
        Centrifugeuse,
        Formation,
        Atelier,
        Autre,
    }
}

impl RoomKind {
    /// Accepts the code, and the French word as organisers type it.
    pub fn parse(text: &str) -> Option<RoomKind> {
        match text.trim().to_lowercase().as_str() {
            "pleniere" | "plénière" => Some(RoomKind::Pleniere),
            "centrifugeuse" | "centrifugeuses" => Some(RoomKind::Centrifugeuse),
            "formation" => Some(RoomKind::Formation),
            "atelier" | "ateliers" => Some(RoomKind::Atelier),
            "autre" => Some(RoomKind::Autre),
            _ => None,
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            RoomKind::Pleniere => "plénière",
            RoomKind::Centrifugeuse => "centrifugeuse",
            RoomKind::Formation => "formation",
            RoomKind::Atelier => "atelier",
            RoomKind::Autre => "autre",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Room {
    pub id: i64,
    pub name: String,
    pub capacity: i64,
    pub kind: RoomKind,
    /// Equipment, accessibility, interpretation booths... free text from the organisers.
    pub notes: String,
    /// Simultaneous interpretation available (sessions in English need it).
    pub interpretation: bool,
    pub track_id: Option<i64>,
    /// Display order across the grid, 0-based and dense.
    pub position: i64,
}

/// A room to add; it goes at the end of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct NewRoom {
    pub name: String,
    pub capacity: i64,
    pub kind: RoomKind,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub notes: String,
    #[serde(default)]
    #[ts(as = "Option<bool>", optional)]
    pub interpretation: bool,
    #[serde(default)]
    #[ts(optional)]
    pub track_id: Option<i64>,
}

/// The fields of a room an edit changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(optional_fields)]
pub struct RoomPatch {
    pub name: Option<String>,
    pub capacity: Option<i64>,
    pub kind: Option<RoomKind>,
    pub notes: Option<String>,
    pub interpretation: Option<bool>,
}
