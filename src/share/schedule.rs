//! The programme in the frab / pretalx / c3voc schedule format, as XML and as JSON, so
//! that conference apps (Giggity, EventFahrplan, ConfClerk) and signage read it. Both
//! follow the schemas kept in `../shared/standards/schedule/`, which the tests check.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::safe_text::for_xml;
use quick_xml::Writer;
use serde_json::{json, Value};
use uuid::Uuid;

use super::calendar::zone_of;
use super::{day_dates, full_name, hhmm, placed, Placed};
use crate::error::Result;
use crate::model::{Day, SessionKind};
use crate::Project;

/// Our namespace for the feeds' UUIDs (v5 names under it are our own ids).
const NAMESPACE: Uuid = Uuid::from_u128(0x6a6f_7572_6e65_4000_8000_6a6f_7572_6e65);

/// A short name for the event, as the format wants one: lowercase letters, digits and
/// underscores, then the year ("journee_civic_tech_2019").
pub(crate) fn acronym(day: &Day) -> String {
    let words: Vec<String> = deunicode::deunicode(&day.event.title)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 2 && !["les", "des", "une", "the", "and"].contains(w))
        .map(str::to_string)
        .collect();
    let mut name = String::new();
    for word in words {
        if name.len() + word.len() > 24 {
            break;
        }
        if !name.is_empty() {
            name.push('_');
        }
        name.push_str(&word);
    }
    if name.len() < 4 {
        name = format!("journee{name}");
    }
    format!("{name}_{}", day.event.start_date.format("%Y"))
}

fn slug(acronym: &str, id: i64, title: &str) -> String {
    let words: Vec<String> = deunicode::deunicode(title)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    // At least four characters after the first hyphen, as schedule.xml wants.
    let mut text = format!("{acronym}-{id:04}");
    for word in words {
        if text.len() + word.len() > 60 {
            break;
        }
        text.push('-');
        text.push_str(&word);
    }
    text
}

fn guid(kind: &str, acronym: &str, id: impl std::fmt::Display) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{acronym}/{kind}/{id}").as_bytes())
}

fn at(zone: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    zone.from_local_datetime(&local)
        .earliest()
        .unwrap_or_else(|| zone.from_utc_datetime(&local))
}

fn rfc3339(zone: Tz, local: NaiveDateTime) -> String {
    at(zone, local).to_rfc3339()
}

/// "01:30".
fn duration(p: &Placed) -> String {
    let minutes = (p.end - p.start).num_minutes().max(0);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// One day of the programme: its date, bounds and placed sessions.
struct ScheduleDay<'a> {
    index: usize,
    date: NaiveDate,
    start: NaiveDateTime,
    end: NaiveDateTime,
    sessions: Vec<&'a Placed<'a>>,
}

fn days<'a>(day: &Day, placed: &'a [Placed<'a>]) -> Vec<ScheduleDay<'a>> {
    day_dates(day)
        .into_iter()
        .enumerate()
        .map(|(i, date)| {
            let sessions: Vec<&Placed> = placed.iter().filter(|p| p.slot.date == date).collect();
            let slots = day.slots.iter().filter(|s| s.date == date);
            let start = slots
                .clone()
                .map(|s| date.and_time(s.start))
                .chain(sessions.iter().map(|p| p.start))
                .min()
                .unwrap_or_else(|| date.and_hms_opt(8, 0, 0).expect("08:00"));
            let end = slots
                .filter_map(|s| s.end.map(|e| date.and_time(e)))
                .chain(sessions.iter().map(|p| p.end))
                .max()
                .unwrap_or_else(|| date.and_hms_opt(20, 0, 0).expect("20:00"));
            ScheduleDay {
                index: i + 1,
                date,
                start,
                end,
                sessions,
            }
        })
        .collect()
}

/// What a session is for the apps: talk, workshop, discussion...
fn event_type(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Pleniere => "talk",
        SessionKind::TableRonde => "discussion",
        SessionKind::Atelier => "workshop",
        SessionKind::Centrifugeuse => "meeting",
        SessionKind::Formation => "hands-on",
        SessionKind::Autre => "other",
    }
}

/// The track of a session: its room's track, else what kind of session it is.
fn track(day: &Day, p: &Placed) -> String {
    p.room
        .track_id
        .and_then(|id| day.tracks.iter().find(|t| t.id == id))
        .map_or_else(|| p.session.kind.label_fr().to_string(), |t| t.name.clone())
}

fn abstract_of(p: &Placed) -> String {
    p.session
        .contributions
        .iter()
        .map(|c| c.title.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A session as both feeds give it, worked out once.
struct FeedEvent {
    id: i64,
    guid: Uuid,
    room: String,
    title: String,
    kind: &'static str,
    date: String,
    end: String,
    start: String,
    duration: String,
    abstract_text: String,
    slug: String,
    track: String,
    language: String,
    description: String,
    persons: Vec<FeedPerson>,
}

struct FeedPerson {
    id: i64,
    guid: Uuid,
    name: String,
}

/// A room's sessions on one day (rooms without any are left out).
struct FeedRoom {
    name: String,
    guid: Uuid,
    events: Vec<FeedEvent>,
}

struct FeedDay {
    index: usize,
    date: String,
    start: String,
    end: String,
    rooms: Vec<FeedRoom>,
}

/// What both feeds are made from: the event, and its days' sessions room by room.
struct Feed {
    day: Day,
    zone: Tz,
    acronym: String,
    days: Vec<FeedDay>,
}

fn feed(project: &Project) -> Result<Feed> {
    let day = project.day()?;
    let sessions = project.sessions()?;
    let emails: std::collections::HashMap<i64, String> = project
        .people(false)?
        .into_iter()
        .map(|p| (p.id, p.email))
        .collect();
    let zone = zone_of(&day);
    let acronym = acronym(&day);
    let placed = placed(&day, &sessions);
    let event = |p: &Placed| FeedEvent {
        id: p.session.id,
        guid: guid("session", &acronym, p.session.id),
        room: p.room.name.clone(),
        title: p.session.title.clone(),
        kind: event_type(p.session.kind),
        date: rfc3339(zone, p.start),
        end: rfc3339(zone, p.end),
        start: hhmm(p.start.time()),
        duration: duration(p),
        abstract_text: abstract_of(p),
        slug: slug(&acronym, p.session.id, &p.session.title),
        track: track(&day, p),
        language: p.session.language.clone(),
        description: p.session.description.clone(),
        persons: p
            .session
            .participants()
            .map(|person| FeedPerson {
                id: person.person_id,
                guid: person_guid(&acronym, person.person_id, emails.get(&person.person_id)),
                name: full_name(&person.first_name, &person.last_name),
            })
            .collect(),
    };
    let days = days(&day, &placed)
        .into_iter()
        .map(|d| FeedDay {
            index: d.index,
            date: d.date.to_string(),
            start: rfc3339(zone, d.start),
            end: rfc3339(zone, d.end),
            rooms: day
                .rooms
                .iter()
                .map(|room| FeedRoom {
                    name: room.name.clone(),
                    guid: guid("room", &acronym, room.id),
                    events: d
                        .sessions
                        .iter()
                        .filter(|p| p.room.id == room.id)
                        .map(|p| event(p))
                        .collect(),
                })
                .filter(|r| !r.events.is_empty())
                .collect(),
        })
        .collect();
    Ok(Feed {
        day,
        zone,
        acronym,
        days,
    })
}

/// A person's UUID: from their e-mail address as the format recommends
/// (uuid5(NS_URL, "acct:…")), else from their number in the project.
fn person_guid(acronym: &str, id: i64, email: Option<&String>) -> Uuid {
    match email.filter(|e| !e.is_empty()) {
        Some(email) => Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("acct:{email}").as_bytes()),
        None => guid("person", acronym, id),
    }
}

pub fn json(project: &Project) -> Result<Vec<u8>> {
    let Feed {
        day,
        zone,
        acronym,
        days,
    } = feed(project)?;
    let event = |e: &FeedEvent| {
        let persons: Vec<Value> = e
            .persons
            .iter()
            .map(|p| json!({ "name": p.name, "guid": p.guid.to_string() }))
            .collect();
        json!({
            "guid": e.guid.to_string(),
            "id": e.id,
            "date": e.date,
            "end": e.end,
            "start": e.start,
            "duration": e.duration,
            "room": e.room,
            "slug": e.slug,
            "url": format!("urn:uuid:{}", e.guid),
            "title": e.title,
            "subtitle": "",
            "track": e.track,
            "type": e.kind,
            "language": e.language,
            "abstract": e.abstract_text,
            "description": e.description,
            "persons": persons,
            "links": [],
            "attachments": [],
        })
    };
    let days_count = days.len();
    let days: Vec<Value> = days
        .iter()
        .map(|d| {
            let rooms: serde_json::Map<String, Value> = d
                .rooms
                .iter()
                .map(|r| (r.name.clone(), r.events.iter().map(event).collect()))
                .collect();
            json!({
                "index": d.index,
                "date": d.date,
                "day_start": d.start,
                "day_end": d.end,
                "rooms": rooms,
            })
        })
        .collect();
    let rooms: Vec<Value> = day
        .rooms
        .iter()
        .map(|r| {
            json!({
                "name": r.name,
                "guid": guid("room", &acronym, r.id).to_string(),
                "capacity": r.capacity,
            })
        })
        .collect();
    let tracks: Vec<Value> = day
        .tracks
        .iter()
        .map(|t| json!({ "name": t.name }))
        .collect();
    let document = json!({
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": { "name": "Journée", "version": env!("CARGO_PKG_VERSION") },
        "schedule": {
            "version": "1.0",
            "conference": {
                "acronym": acronym,
                "title": day.event.title,
                "start": day.event.start_date.to_string(),
                "end": day.event.end_date.to_string(),
                "daysCount": days_count,
                "timeslot_duration": "00:15",
                "time_zone_name": zone.name(),
                "rooms": rooms,
                "tracks": tracks,
                "days": days,
            }
        }
    });
    let mut bytes = serde_json::to_vec_pretty(&document).expect("JSON of plain values");
    bytes.push(b'\n');
    Ok(bytes)
}

/// Writes `<name>text</name>`.
fn element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) {
    w.write_event(Event::Start(BytesStart::new(name)))
        .and_then(|_| w.write_event(Event::Text(BytesText::new(&for_xml(text)))))
        .and_then(|_| w.write_event(Event::End(BytesEnd::new(name))))
        .expect("writing to memory");
}

fn open(w: &mut Writer<Vec<u8>>, start: BytesStart) {
    w.write_event(Event::Start(start))
        .expect("writing to memory");
}

fn close(w: &mut Writer<Vec<u8>>, name: &str) {
    w.write_event(Event::End(BytesEnd::new(name)))
        .expect("writing to memory");
}

fn empty(w: &mut Writer<Vec<u8>>, start: BytesStart) {
    w.write_event(Event::Empty(start))
        .expect("writing to memory");
}

/// `<name a="…" b="…">`: an element's start with its attributes.
fn start<'a>(name: &'a str, attributes: &[(&str, &str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for &(name, value) in attributes {
        start.push_attribute((name, for_xml(value).as_ref()));
    }
    start
}

pub fn xml(project: &Project) -> Result<Vec<u8>> {
    let Feed {
        day,
        zone,
        acronym,
        days,
    } = feed(project)?;
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .expect("writing to memory");
    open(&mut w, BytesStart::new("schedule"));
    empty(
        &mut w,
        start(
            "generator",
            &[("name", "Journée"), ("version", env!("CARGO_PKG_VERSION"))],
        ),
    );
    element(&mut w, "version", "1.0");
    open(&mut w, BytesStart::new("conference"));
    element(&mut w, "title", &day.event.title);
    element(&mut w, "acronym", &acronym);
    element(&mut w, "start", &day.event.start_date.to_string());
    element(&mut w, "end", &day.event.end_date.to_string());
    element(&mut w, "days", &days.len().to_string());
    element(&mut w, "timeslot_duration", "00:15");
    element(&mut w, "time_zone_name", zone.name());
    for t in &day.tracks {
        empty(&mut w, start("track", &[("name", &t.name)]));
    }
    close(&mut w, "conference");
    for d in &days {
        let index = d.index.to_string();
        open(
            &mut w,
            start(
                "day",
                &[
                    ("index", &index),
                    ("date", &d.date),
                    ("start", &d.start),
                    ("end", &d.end),
                ],
            ),
        );
        for room in &d.rooms {
            let guid = room.guid.to_string();
            open(
                &mut w,
                start("room", &[("name", &room.name), ("guid", &guid)]),
            );
            for e in &room.events {
                let (id, guid) = (e.id.to_string(), e.guid.to_string());
                open(&mut w, start("event", &[("id", &id), ("guid", &guid)]));
                for (name, text) in [
                    ("room", e.room.as_str()),
                    ("title", &e.title),
                    ("subtitle", ""),
                    ("type", e.kind),
                    ("date", &e.date),
                    ("start", &e.start),
                    ("duration", &e.duration),
                    ("abstract", &e.abstract_text),
                    ("slug", &e.slug),
                    ("track", &e.track),
                    ("language", &e.language),
                    ("description", &e.description),
                ] {
                    element(&mut w, name, text);
                }
                open(&mut w, BytesStart::new("persons"));
                for p in &e.persons {
                    let (id, guid) = (p.id.to_string(), p.guid.to_string());
                    open(&mut w, start("person", &[("id", &id), ("guid", &guid)]));
                    w.write_event(Event::Text(BytesText::new(&for_xml(&p.name))))
                        .expect("writing to memory");
                    close(&mut w, "person");
                }
                close(&mut w, "persons");
                empty(&mut w, BytesStart::new("links"));
                empty(&mut w, BytesStart::new("attachments"));
                close(&mut w, "event");
            }
            close(&mut w, "room");
        }
        close(&mut w, "day");
    }
    close(&mut w, "schedule");
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}
