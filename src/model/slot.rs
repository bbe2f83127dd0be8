use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocabulary! {
    /// What happens during a slot. Only `Session` slots receive sessions.
    pub enum SlotKind {
        Session,
        Pause,
        Dejeuner,
        Soiree,
    }
}

impl SlotKind {
    pub fn parse(text: &str) -> Option<SlotKind> {
        match text.trim().to_lowercase().as_str() {
            "session" => Some(SlotKind::Session),
            "pause" => Some(SlotKind::Pause),
            "dejeuner" | "déjeuner" => Some(SlotKind::Dejeuner),
            "soiree" | "soirée" => Some(SlotKind::Soiree),
            _ => None,
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            SlotKind::Session => "session",
            SlotKind::Pause => "pause",
            SlotKind::Dejeuner => "déjeuner",
            SlotKind::Soiree => "soirée",
        }
    }
}

/// A period of one day. `end` is absent for open-ended moments such as the evening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Slot {
    pub id: i64,
    pub date: NaiveDate,
    #[serde(with = "hhmm")]
    #[ts(type = "string")]
    pub start: NaiveTime,
    #[serde(with = "hhmm::option")]
    #[ts(type = "string | null")]
    pub end: Option<NaiveTime>,
    pub kind: SlotKind,
    /// What the programme calls it ("Plénière d'ouverture", "Déjeuner"); may be empty.
    pub label: String,
}

impl Slot {
    /// What the programme calls it: its label, else its kind (« Déjeuner »).
    pub fn name(&self) -> String {
        if self.label.trim().is_empty() {
            let kind = self.kind.label_fr();
            let mut chars = kind.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        } else {
            self.label.clone()
        }
    }

    /// "10:00–11:30", or "18:30" for an open-ended slot.
    pub fn time_range(&self) -> String {
        match self.end {
            Some(end) => format!("{}–{}", self.start.format("%H:%M"), end.format("%H:%M")),
            None => self.start.format("%H:%M").to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct NewSlot {
    pub date: NaiveDate,
    #[serde(with = "hhmm")]
    #[ts(type = "string")]
    pub start: NaiveTime,
    #[serde(with = "hhmm::option", default)]
    #[ts(type = "string | null", optional)]
    pub end: Option<NaiveTime>,
    pub kind: SlotKind,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub label: String,
}

/// The fields of a slot an edit changes. `end: Some(None)` makes the slot open-ended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(optional_fields)]
pub struct SlotPatch {
    pub date: Option<NaiveDate>,
    #[serde(with = "hhmm::option", default)]
    #[ts(type = "string | null", optional)]
    pub start: Option<NaiveTime>,
    #[serde(with = "hhmm::double_option", default)]
    #[ts(type = "string | null", optional)]
    pub end: Option<Option<NaiveTime>>,
    pub kind: Option<SlotKind>,
    pub label: Option<String>,
}

/// Times travel as "HH:MM": that is what the organisers read and type, and what the
/// project file stores.
pub mod hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub const FORMAT: &str = "%H:%M";

    pub fn parse(text: &str) -> Option<NaiveTime> {
        let text = text.trim();
        NaiveTime::parse_from_str(text, FORMAT)
            .or_else(|_| NaiveTime::parse_from_str(text, "%Hh%M"))
            .or_else(|_| NaiveTime::parse_from_str(&format!("{text}00"), "%Hh%M"))
            .ok()
    }

    pub fn serialize<S: Serializer>(time: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&time.format(FORMAT).to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        parse(&text).ok_or_else(|| serde::de::Error::custom(format!("heure invalide : {text}")))
    }

    pub mod option {
        use chrono::NaiveTime;
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
            match time {
                Some(t) => super::serialize(t, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
            match Option::<String>::deserialize(d)? {
                None => Ok(None),
                Some(text) if text.trim().is_empty() => Ok(None),
                Some(text) => super::parse(&text)
                    .map(Some)
                    .ok_or_else(|| serde::de::Error::custom(format!("heure invalide : {text}"))),
            }
        }
    }

    /// For patches: a missing field is `None`, an explicit `null` is `Some(None)`.
    pub mod double_option {
        use chrono::NaiveTime;
        use serde::Deserializer;

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<Option<NaiveTime>>, D::Error> {
            super::option::deserialize(d).map(Some)
        }
    }
}
