//! iCalendar (RFC 5545): one event per placed session, in the event's time zone, with
//! a UID that stays the same from one export to the next, so that importing the file
//! again updates a calendar instead of doubling it.
//!
//! Written here rather than through the `icalendar` crate, whose line folding looked
//! up characters from the start of the line at every fold (a 10 MB description took
//! minutes), cut some lines at 76 octets and let control characters through.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::{full_name, placed};
use crate::error::Result;
use crate::model::{Day, SessionRole};
use crate::Project;

pub fn ics(project: &Project) -> Result<Vec<u8>> {
    let day = project.day()?;
    let sessions = project.sessions()?;
    let zone = zone_of(&day);
    let mut out = String::new();
    for (name, value) in [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//Journée//Programme//FR"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        content_line(&mut out, name, value);
    }
    content_line(&mut out, "NAME", &text(&day.event.title));
    content_line(&mut out, "X-WR-CALNAME", &text(&day.event.title));
    content_line(&mut out, "X-WR-TIMEZONE", zone.name());
    // The VTIMEZONE the TZID refers to (RFC 5545 §3.6.5) goes before the events.
    out.push_str(&vtimezone(zone, &day));
    let stamp = crate::output::made_at()
        .format("%Y%m%dT%H%M%SZ")
        .to_string();
    for p in placed(&day, &sessions) {
        let mut lines = vec![format!(
            "{} · {}",
            p.session.kind.label_fr(),
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
        let at = |time: NaiveDateTime| time.format("%Y%m%dT%H%M%S").to_string();
        let tzid = format!(";TZID={}", zone.name());
        content_line(&mut out, "BEGIN", "VEVENT");
        content_line(&mut out, "DTSTAMP", &stamp);
        content_line(&mut out, "DESCRIPTION", &text(&lines.join("\n")));
        content_line(&mut out, &format!("DTEND{tzid}"), &at(p.end));
        content_line(&mut out, &format!("DTSTART{tzid}"), &at(p.start));
        content_line(&mut out, "LOCATION", &text(&location));
        content_line(&mut out, "SUMMARY", &text(&p.session.title));
        content_line(&mut out, "UID", &uid(&day, p.session.id));
        content_line(&mut out, "END", "VEVENT");
    }
    content_line(&mut out, "END", "VCALENDAR");
    Ok(out.into_bytes())
}

/// A TEXT value (RFC 5545 §3.3.11): backslashes, semicolons, commas and line breaks
/// escaped; control characters and non-characters, which no calendar shows and some
/// refuse, left out (those XML forbids: the same list).
fn text(value: &str) -> String {
    let value = crate::safe_text::for_xml(value);
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                // A Windows line break, or a lone carriage return, is one line break.
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `NAME:value` and its line break, folded so that no line is longer than 75 octets
/// (RFC 5545 §3.1): a break and a space before the octet that would pass the limit,
/// never inside a character. One pass over the line, whatever its length.
fn content_line(out: &mut String, name: &str, value: &str) {
    const LIMIT: usize = 75;
    let mut used = 0;
    for c in name
        .chars()
        .chain(std::iter::once(':'))
        .chain(value.chars())
    {
        let len = c.len_utf8();
        if used + len > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

pub(crate) fn zone_of(day: &Day) -> Tz {
    day.event
        .timezone
        .parse()
        .unwrap_or(chrono_tz::Europe::Paris)
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
