use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The one event a project plans. Multi-day events are allowed: slots carry their date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Event {
    pub title: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub venue: String,
    pub address: String,
    pub organisers: String,
    /// IANA name; exports (calendars, schedule feeds) need it.
    pub timezone: String,
}
