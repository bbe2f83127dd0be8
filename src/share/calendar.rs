//! iCalendar (RFC 5545): one event per placed session, in the event's time zone, with
//! a UID that stays the same from one export to the next, so that importing the file
//! again updates a calendar instead of doubling it.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use icalendar::{Calendar, CalendarDateTime, Component, EventLike};

use super::{full_name, kind_label, placed};
use crate::error::Result;
use crate::model::{Day, SessionRole};
use crate::Project;

pub fn ics(project: &Project) -> Result<Vec<u8>> {
    let day = project.day()?;
    let sessions = project.sessions()?;
    let zone = zone_of(&day);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Journée//Programme//FR"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name(&day.event.title)
        .timezone(zone.name());
    for p in placed(&day, &sessions) {
        let mut lines = vec![format!(
            "{} · {}",
            kind_label(&p.session.kind),
            p.session.language.to_uppercase()
        )];
        for person in p.session.participants() {
            let role = SessionRole::parse(&person.role).map_or("intervenant·e", |r| r.label_fr());
            let mut line = format!(
                "{} ({role})",
                full_name(&person.first_name, &person.last_name)
            );
            if !person.organisation.is_empty() {
                line = format!("{line}, {}", person.organisation);
            }
            lines.push(line);
        }
        if !p.session.description.is_empty() {
            lines.push(String::new());
            lines.push(p.session.description.clone());
        }
        let location = if day.event.venue.is_empty() {
            p.room.name.clone()
        } else {
            format!("{}, {}", p.room.name, day.event.venue)
        };
        calendar.push(
            icalendar::Event::new()
                .uid(&uid(&day, p.session.id))
                .summary(&p.session.title)
                .description(&lines.join("\n"))
                .location(&location)
                .starts(local(zone, p.start))
                .ends(local(zone, p.end))
                .done(),
        );
    }
    let text = calendar.done().to_string();
    // The VTIMEZONE the TZID refers to (RFC 5545 §3.6.5) goes before the events; the
    // library writes events only, so it is put in here.
    let timezone = vtimezone(zone, &day);
    let at = text.find("BEGIN:VEVENT").unwrap_or_else(|| {
        text.rfind("END:VCALENDAR")
            .expect("a calendar ends with END:VCALENDAR")
    });
    Ok(format!("{}{}{}", &text[..at], timezone, &text[at..]).into_bytes())
}

pub(crate) fn zone_of(day: &Day) -> Tz {
    day.event
        .timezone
        .parse()
        .unwrap_or(chrono_tz::Europe::Paris)
}

fn local(zone: Tz, at: NaiveDateTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: at,
        tzid: zone.name().to_string(),
    }
}

/// Stable across exports: the session's number in the project and the event it is for.
fn uid(day: &Day, session: i64) -> String {
    format!(
        "session-{session}-{}@journee.{}",
        day.event.start_date.format("%Y%m%d"),
        super::schedule::acronym(day)
    )
}

/// The zone's offsets over the event's years: each change of offset as its own
/// STANDARD or DAYLIGHT part, found from the time zone database, so that any zone the
/// organisers set comes out right, summer time included.
fn vtimezone(zone: Tz, day: &Day) -> String {
    let offset_at =
        |utc: NaiveDateTime| zone.offset_from_utc_datetime(&utc).fix().local_minus_utc();
    let first = NaiveDate::from_ymd_opt(day.event.start_date.year(), 1, 1).expect("1 January");
    let last = NaiveDate::from_ymd_opt(day.event.end_date.year(), 12, 31).expect("31 December");
    let start = first.and_hms_opt(0, 0, 0).expect("midnight");
    let mut text = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", zone.name());
    let mut parts = Vec::new();
    let mut before = offset_at(start - Duration::days(1));
    let mut hour = start;
    let end = last.and_hms_opt(23, 0, 0).expect("23:00");
    while hour <= end {
        let now = offset_at(hour);
        if now != before {
            // Changes happen on the hour or half hour in every zone in use.
            let mut at = hour - Duration::hours(1);
            while offset_at(at) == before {
                at += Duration::minutes(30);
            }
            parts.push((at, before, now));
            before = now;
        }
        hour += Duration::hours(1);
    }
    if parts.is_empty() {
        parts.push((start, before, before));
    }
    let summer = parts.iter().map(|p| p.2).max().unwrap_or(before);
    let winter = parts.iter().map(|p| p.2).min().unwrap_or(before);
    for (utc, from, to) in parts {
        let kind = if to == summer && summer != winter {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        let local_start = utc + Duration::seconds(from as i64);
        text.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nEND:{kind}\r\n",
            local_start.format("%Y%m%dT%H%M%S"),
            hhmm_offset(from),
            hhmm_offset(to)
        ));
    }
    text.push_str("END:VTIMEZONE\r\n");
    text
}

/// "+0100" as RFC 5545 writes a UTC offset.
fn hhmm_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}
