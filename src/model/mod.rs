//! Plain data types of the domain. They carry no behaviour beyond parsing and naming
//! their own values: rules live in the modules that apply them.

/// Declares one of the vocabulary's enums (kinds, statuses, roles…), all alike: serde,
/// strum and ts-rs name its variants the same way (snake_case), which is its code in the
/// project file, in `--json` and in the interface; `code()` gives it, `FromStr` reads it
/// back strictly, `VARIANTS` lists them in order. A new variant needs nothing else here.
macro_rules! vocabulary {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[derive(serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        impl $name {
            /// The stable code stored in the project file and used by `--json`.
            pub fn code(self) -> &'static str {
                self.into()
            }
        }
    };
}

mod event;
mod person;
mod room;
mod session;
mod slot;
mod submission;
pub mod table;

pub use event::Event;
pub use person::{ActorType, BadgeRole, Person};
pub use room::{NewRoom, Room, RoomKind, RoomPatch};
pub use session::{
    Cell, Estimate, Session, SessionContribution, SessionKind, SessionPerson, SessionRole,
    SessionView,
};
pub use slot::{NewSlot, Slot, SlotKind, SlotPatch};

/// "10:00", "10h00", "10h" as a time of day.
pub fn slot_time(text: &str) -> Option<chrono::NaiveTime> {
    slot::hhmm::parse(text)
}
pub use submission::{
    Contributor, CorrectableField, Format, Review, SessionRef, Status, Submission, SubmissionView,
};

use serde::Serialize;
use ts_rs::TS;

/// A column group of the grid: the programme's "formats" (Conférence plénière,
/// Centrifugeuses...). Rooms belong to at most one track.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Track {
    pub id: i64,
    pub name: String,
    pub position: i64,
}

/// A session as the day grid shows it: what occupies one room during one slot.
/// Composing sessions comes later; the day view only needs to name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlacedSession {
    pub session_id: i64,
    pub title: String,
    pub kind: SessionKind,
    pub language: String,
    pub room_id: i64,
    pub slot_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoomGroup {
    pub kind: RoomKind,
    /// How many of `Day::rooms`, from where the previous group ended.
    pub rooms: usize,
}

/// Everything the grid shows: the event, its rooms (in display order) and its slots
/// (in time order), with the sessions already placed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Day {
    pub event: Event,
    pub tracks: Vec<Track>,
    /// Consecutive rooms of one kind, left to right: the grid's column groups.
    pub groups: Vec<RoomGroup>,
    pub rooms: Vec<Room>,
    pub slots: Vec<Slot>,
    pub placements: Vec<PlacedSession>,
}
