//! The printed programme: a cover, the day at a glance (rooms across, time down, each
//! session as tall as it lasts), then slot by slot each session (a block never split across
//! pages, the slot's heading repeated after a page break), an index of everyone on stage
//! with their pages, and practical information. Each format has its own type sizes (A5 is
//! set for A5, not the A4 page shrunk): body text never below 8 pt, nothing below 7 pt.

use std::collections::BTreeMap;

use printpdf::PdfDocument;

use super::fonts::{Fonts, Weight};
use super::page::{Align, Sheet, INK, MUTED};
use super::preflight::Finding;
use super::text::{self, Fit};
use crate::common::names::NameOrder;
use crate::common::typography;
use crate::common::Severity;
use crate::model::{Day, SessionKind, SlotKind};
use crate::programme::SessionView;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "ProgrammeFormat")]
pub enum Format {
    #[default]
    A4,
    A5,
    /// A5 pages imposed two by two on A4 landscape sheets, in the order that makes a
    /// booklet once printed on both sides (flip on the short edge), folded and stapled.
    #[serde(alias = "livret")]
    Booklet,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text.trim().to_lowercase().as_str() {
            "a4" => Some(Format::A4),
            "a5" => Some(Format::A5),
            "booklet" | "livret" => Some(Format::Booklet),
            _ => None,
        }
    }

    fn size(self) -> (f32, f32) {
        match self {
            Format::A4 => (210.0, 297.0),
            Format::A5 => (148.0, 210.0),
            // Half an A4 landscape sheet, so that two fill it exactly.
            Format::Booklet => (148.5, 210.0),
        }
    }

    fn style(self) -> Style {
        match self {
            Format::A4 => Style {
                margin: 16.0,
                cover: 30.0,
                page_title: 15.0,
                heading: 13.0,
                title: 12.0,
                body: 9.0,
                detail: 8.5,
                running: 7.5,
                glance: 8.0,
            },
            Format::A5 | Format::Booklet => Style {
                margin: 11.0,
                cover: 22.0,
                page_title: 13.0,
                heading: 11.5,
                title: 10.5,
                body: 8.0,
                detail: 8.0,
                running: 7.0,
                glance: 7.5,
            },
        }
    }
}

/// Type sizes (points) and the margin (millimetres) of one format.
#[derive(Debug, Clone, Copy)]
struct Style {
    margin: f32,
    cover: f32,
    page_title: f32,
    /// A slot's time.
    heading: f32,
    /// A session's title.
    title: f32,
    /// Names, rooms: what people look for.
    body: f32,
    /// Descriptions, running orders.
    detail: f32,
    /// The running header.
    running: f32,
    /// Titles in the day at a glance.
    glance: f32,
}

/// Body text never below this; nothing at all below `FLOOR`.
pub const BODY_FLOOR: f32 = 8.0;
pub const FLOOR: f32 = 7.0;
/// The most lines a description takes; a longer one is abridged, and the preflight says so.
const DESCRIPTION_LINES: usize = 8;

/// Booklet imposition: the pages, padded with blank ones to a multiple of four, two to a
/// side of an A4 landscape sheet. Side by side, the pages of a side add up to the
/// count plus one, so the sheets folded together read in order.
pub fn impose(pages: Vec<Sheet>) -> Vec<Sheet> {
    let Some(first) = pages.first() else {
        return pages;
    };
    let (width, height) = (first.width, first.height);
    let count = pages.len().div_ceil(4) * 4;
    let mut pages: Vec<Option<Sheet>> = pages.into_iter().map(Some).collect();
    pages.resize_with(count, || None);
    let mut sides = Vec::with_capacity(count / 2);
    for i in 0..count / 4 {
        for (left, right) in [(count - 1 - 2 * i, 2 * i), (2 * i + 1, count - 2 - 2 * i)] {
            let mut side = Sheet::new(width * 2.0, height);
            if let Some(page) = pages[left].take() {
                side.place(page, 0.0);
            }
            if let Some(page) = pages[right].take() {
                side.place(page, width);
            }
            sides.push(side);
        }
    }
    sides
}

const ACCENT: u32 = 0x1f618d;
const RULE: u32 = 0xc8ccd2;

/// Pages filled top to bottom, with the running header and page numbers.
struct Flow<'a> {
    fonts: &'a Fonts,
    width: f32,
    height: f32,
    /// Millimetres of colour past the trim, for a print shop; 0 otherwise.
    bleed: f32,
    style: Style,
    header: String,
    sheets: Vec<Sheet>,
    y: f32,
}

impl<'a> Flow<'a> {
    fn page(&self) -> usize {
        self.sheets.len()
    }

    fn margin(&self) -> f32 {
        self.style.margin
    }

    fn inner(&self) -> f32 {
        self.width - 2.0 * self.style.margin
    }

    fn bottom(&self) -> f32 {
        self.height - self.style.margin - 5.0
    }

    fn new_page(&mut self) {
        let mut sheet = Sheet::with_bleed(self.width, self.height, self.bleed);
        let number = self.sheets.len() + 1;
        let m = self.style.margin;
        sheet.text(
            self.fonts,
            (m, m * 0.6),
            &self.header,
            Weight::Regular,
            self.style.running,
            MUTED,
            Align::Left,
        );
        sheet.line(
            (m, m * 0.6 + 2.0),
            (self.width - m, m * 0.6 + 2.0),
            0.4,
            RULE,
        );
        sheet.text(
            self.fonts,
            (self.width / 2.0, self.height - m * 0.5),
            &number.to_string(),
            Weight::Regular,
            8.0,
            MUTED,
            Align::Centre,
        );
        self.sheets.push(sheet);
        self.y = m + 4.0;
    }

    fn sheet(&mut self) -> &mut Sheet {
        self.sheets.last_mut().expect("a page is open")
    }

    /// Makes room for `height` millimetres: a new page when the block would not fit.
    /// True when a page was turned.
    fn ensure(&mut self, height: f32) -> bool {
        if self.sheets.is_empty() || self.y + height > self.bottom() {
            self.new_page();
            return true;
        }
        false
    }

    /// A page's title (« Index… »), at the top of a new page.
    fn page_title(&mut self, title: &str) {
        self.new_page();
        let (m, size, fonts, y) = (self.margin(), self.style.page_title, self.fonts, self.y);
        self.sheet().text(
            fonts,
            (m, y + size * 0.36),
            title,
            Weight::Bold,
            size,
            INK,
            Align::Left,
        );
        self.y += text::line_height(size) + 4.0;
    }
}

/// A session as the programme prints it: lines of text, measured before they are placed.
struct Block {
    lines: Vec<(String, Weight, f32, u32)>,
    /// Everyone on stage (last name, first name, role), for the index.
    people: Vec<(String, String, &'static str)>,
    /// The description was abridged to fit.
    abridged: bool,
    /// A text printed below its floor (the smallest size it took).
    too_small: Option<f32>,
}

fn block(flow: &Flow, day: &Day, session: &SessionView) -> Block {
    let st = flow.style;
    let width = flow.inner();
    let mut lines = Vec::new();
    let mut too_small: Option<f32> = None;
    // Text already set in its typography: the session's own words in their language's,
    // the programme's in French.
    let mut fitted = |text: &str, weight: Weight, size: f32, colour: u32, max_lines: usize| {
        let f = text::fit_wrapped(
            flow.fonts,
            text,
            Fit {
                weight,
                width,
                height: text::line_height(size) * max_lines as f32,
                size,
                readable: BODY_FLOOR.min(size),
                max_lines,
            },
        );
        if f.too_small {
            too_small = Some(too_small.map_or(f.size, |s: f32| s.min(f.size)));
        }
        for line in f.lines {
            lines.push((line, weight, f.size, colour));
        }
    };
    let kind = session.kind.label_fr();
    let room = session
        .placement
        .and_then(|c| day.rooms.iter().find(|r| r.id == c.room_id))
        .map(|r| r.name.clone())
        .unwrap_or_default();
    // « Atelier 1 » says it is an atelier; a title that says « in English » says it.
    let fold = |t: &str| deunicode::deunicode(t).to_lowercase();
    let mut meta = if fold(&room).starts_with(&fold(kind)) {
        room.clone()
    } else {
        format!("{kind} · {room}")
    };
    if session.language == "en" && !says_english(&session.title) {
        meta.push_str(" · EN (in English)");
    }
    fitted(
        &typography::typeset(&session.title, &session.language),
        Weight::Bold,
        st.title,
        INK,
        4,
    );
    fitted(
        &typography::french(&meta),
        Weight::Regular,
        st.body,
        ACCENT,
        2,
    );
    let mut people: Vec<(String, String, &'static str)> = Vec::new();
    let hosts: Vec<&crate::programme::SessionPerson> = session
        .people
        .iter()
        .filter(|p| p.role != "intervenant")
        .collect();
    if !hosts.is_empty() {
        let label = if session.kind == SessionKind::Centrifugeuse {
            "Animation"
        } else {
            "Modération"
        };
        let names: Vec<String> = hosts
            .iter()
            .map(|p| format!("{} {}", p.first_name, p.last_name))
            .collect();
        fitted(
            &typography::french(&format!("{label} : {}", names.join(", "))),
            Weight::Regular,
            st.body,
            INK,
            3,
        );
        for p in hosts {
            let role = if p.role == "animateur" {
                "animation"
            } else {
                "modération"
            };
            people.push((p.last_name.clone(), p.first_name.clone(), role));
        }
    }
    let mut speakers: Vec<String> = Vec::new();
    for p in session
        .contributions
        .iter()
        .flat_map(|c| &c.speakers)
        .chain(session.people.iter().filter(|p| p.role == "intervenant"))
    {
        let name = format!("{} {}", p.first_name, p.last_name);
        let line = if p.organisation.is_empty() {
            name
        } else {
            format!("{name} ({})", p.organisation)
        };
        if !speakers.contains(&line) {
            speakers.push(line);
            people.push((p.last_name.clone(), p.first_name.clone(), ""));
        }
    }
    for line in &speakers {
        fitted(
            &typography::french(&format!("— {line}")),
            Weight::Regular,
            st.body,
            INK,
            2,
        );
    }
    let description = if session.description.trim().is_empty() {
        // The running order, each talk with its time once placed.
        session
            .contributions
            .iter()
            .map(|c| match &c.starts {
                Some(at) => format!("{at} {}", c.title),
                None => c.title.clone(),
            })
            .collect::<Vec<_>>()
            .join(" · ")
    } else {
        session.description.clone()
    };
    let (description, abridged) = text::abridge(
        flow.fonts,
        &typography::typeset(&description, &session.language),
        Fit {
            weight: Weight::Regular,
            width,
            height: text::line_height(st.detail) * DESCRIPTION_LINES as f32,
            size: st.detail,
            readable: st.detail,
            max_lines: DESCRIPTION_LINES,
        },
    );
    if !description.is_empty() {
        fitted(
            &description,
            Weight::Regular,
            st.detail,
            MUTED,
            DESCRIPTION_LINES,
        );
    }
    Block {
        lines,
        people,
        abridged,
        too_small,
    }
}

fn block_height(b: &Block) -> f32 {
    b.lines
        .iter()
        .map(|(_, _, size, _)| text::line_height(*size))
        .sum::<f32>()
        + 4.0
}

pub fn draw(
    doc: &mut PdfDocument,
    fonts: &mut Fonts,
    day: &Day,
    sessions: &[SessionView],
    format: Format,
    bleed: f32,
) -> (Vec<Sheet>, Vec<Finding>) {
    // Every text that may need a system font, before anything is measured.
    for session in sessions {
        fonts.prepare(doc, &session.title);
        fonts.prepare(doc, &session.description);
        for p in session.participants() {
            fonts.prepare(
                doc,
                &format!("{} {} {}", p.first_name, p.last_name, p.organisation),
            );
        }
    }
    for room in &day.rooms {
        fonts.prepare(doc, &room.name);
    }
    let fonts: &Fonts = fonts;
    let (width, height) = format.size();
    let mut flow = Flow {
        fonts,
        width,
        height,
        bleed,
        style: format.style(),
        header: typography::french(&day.event.title),
        sheets: Vec::new(),
        y: 0.0,
    };
    let mut findings = Vec::new();
    cover(&mut flow, day);
    at_a_glance(&mut flow, day, sessions, &mut findings);

    // Slot by slot.
    let mut index: Vec<(String, String, &'static str, usize)> = Vec::new();
    flow.new_page();
    let (m, st) = (flow.margin(), flow.style);
    for slot in &day.slots {
        let mut here: Vec<&SessionView> = sessions
            .iter()
            .filter(|s| s.placement.is_some_and(|c| c.slot_id == slot.id))
            .collect();
        if slot.kind == SlotKind::Session && here.is_empty() {
            continue;
        }
        here.sort_by_key(|s| {
            s.placement
                .and_then(|c| day.rooms.iter().position(|r| r.id == c.room_id))
        });
        // A slot named after its only session (« Plénière d’ouverture ») is not named twice.
        let named_twice = here.len() == 1 && here[0].title.trim() == slot.label.trim();
        let heading = if slot.label.is_empty() || named_twice {
            slot.time_range()
        } else {
            format!("{} · {}", slot.time_range(), slot.label)
        };
        let heading = typography::french(&heading);
        let heading_h = text::line_height(st.heading) + 3.0;
        let draw_heading = |flow: &mut Flow, text: &str| {
            let y = flow.y;
            flow.sheet().text(
                fonts,
                (m, y + st.heading * 0.36),
                text,
                Weight::Bold,
                st.heading,
                ACCENT,
                Align::Left,
            );
            flow.y += heading_h;
        };
        let blocks: Vec<Block> = here.iter().map(|s| block(&flow, day, s)).collect();
        let first_h = blocks.first().map_or(0.0, block_height);
        // A heading never ends a page alone.
        flow.ensure(heading_h + first_h);
        draw_heading(&mut flow, &heading);
        if slot.kind != SlotKind::Session {
            flow.y += 2.0;
            continue;
        }
        for (session, b) in here.iter().zip(blocks) {
            let h = block_height(&b);
            if flow.ensure(h) {
                // The reader who turns the page still knows when this is.
                flow.ensure(heading_h + h);
                draw_heading(&mut flow, &format!("{heading} (suite)"));
            }
            let mut y = flow.y;
            for (line, weight, size, colour) in &b.lines {
                flow.sheet().text(
                    fonts,
                    (m, y + size * 0.36),
                    line,
                    *weight,
                    *size,
                    *colour,
                    Align::Left,
                );
                y += text::line_height(*size);
            }
            let page = flow.page();
            for (last, first, role) in &b.people {
                index.push((last.clone(), first.clone(), role, page));
            }
            if b.abridged {
                findings.push(programme_finding(
                    session,
                    "abridged",
                    format!(
                        "«\u{a0}{}\u{a0}»\u{a0}: description abrégée à {DESCRIPTION_LINES} lignes dans le programme.",
                        session.title
                    ),
                ));
            }
            if let Some(size) = b.too_small {
                findings.push(programme_finding(
                    session,
                    "small_text",
                    format!(
                        "«\u{a0}{}\u{a0}»\u{a0}: texte imprimé en {size:.1}\u{a0}pt dans le programme, sous {BODY_FLOOR}\u{a0}pt.",
                        session.title
                    ),
                ));
            }
            flow.y += h;
        }
    }
    people_index(&mut flow, index);
    practical(&mut flow, day);
    (flow.sheets, findings)
}

fn programme_finding(session: &SessionView, code: &'static str, message: String) -> Finding {
    Finding {
        code,
        severity: Severity::Warning,
        document: "programme",
        message,
        person: None,
        session: Some(session.id),
    }
}

fn cover(flow: &mut Flow, day: &Day) {
    let (w, h, st) = (flow.width, flow.height, flow.style);
    // The cover's band runs to the paper's edges, and into the bleed when there is one.
    let mut sheet = Sheet::with_bleed(w, h, flow.bleed);
    sheet.fill_rect(0.0, 0.0, w, h * 0.42, 0x1b2430);
    let title = text::fit(
        flow.fonts,
        &typography::french(&day.event.title),
        Fit {
            weight: Weight::Bold,
            width: flow.inner(),
            height: text::line_height(st.cover) * 3.0,
            size: st.cover,
            readable: 14.0,
            max_lines: 3,
        },
    );
    sheet.lines(
        flow.fonts,
        (flow.margin(), h * 0.16),
        &title.lines,
        Weight::Bold,
        title.size,
        0xffffff,
        Align::Left,
    );
    let mut y = h * 0.5;
    let ratio = st.cover / 30.0;
    let lines = [
        (
            super::french_dates(day.event.start_date, day.event.end_date),
            Weight::Bold,
            16.0,
        ),
        (day.event.venue.clone(), Weight::Regular, 13.0),
        (day.event.address.clone(), Weight::Regular, 11.0),
        (String::new(), Weight::Regular, 6.0),
        (day.event.organisers.clone(), Weight::Regular, 11.0),
    ];
    for (text_line, weight, size) in lines {
        let size = (size * ratio).max(st.body);
        let f = text::fit_wrapped(
            flow.fonts,
            &typography::french(&text_line),
            Fit {
                weight,
                width: flow.inner(),
                height: text::line_height(size) * 3.0,
                size,
                readable: BODY_FLOOR,
                max_lines: 3,
            },
        );
        sheet.lines(
            flow.fonts,
            (flow.margin(), y),
            &f.lines,
            weight,
            f.size,
            INK,
            Align::Left,
        );
        y += text::line_height(f.size) * f.lines.len().max(1) as f32 + 2.0;
    }
    flow.sheets.push(sheet);
}

/// A title that already says it is in English (« International experiences (in English) »).
fn says_english(title: &str) -> bool {
    let title = deunicode::deunicode(title).to_lowercase();
    ["english", "anglais"].iter().any(|w| title.contains(w))
}

/// A colour mixed with white: `amount` 0 is the colour, 1 white.
fn tint(colour: u32, amount: f32) -> u32 {
    let mix = |shift: u32| {
        let c = ((colour >> shift) & 0xff) as f32;
        ((c + (255.0 - c) * amount).round() as u32) << shift
    };
    mix(16) | mix(8) | mix(0)
}

/// Rooms across, time down, each session as tall as its slot lasts; as many pages as the
/// rooms need (a column is never narrower than 18 mm nor than a word of a room's name,
/// the pages share the rooms evenly), one set per day.
fn at_a_glance(flow: &mut Flow, day: &Day, sessions: &[SessionView], findings: &mut Vec<Finding>) {
    let st = flow.style;
    let m = flow.margin();
    let fonts = flow.fonts;
    let time_w = if st.margin > 12.0 { 14.0 } else { 11.0 };
    // A column holds the longest word of any room's name at the smallest size.
    let widest = day
        .rooms
        .iter()
        .flat_map(|r| r.name.split_whitespace())
        .map(|w| fonts.width_mm(w, Weight::Bold, FLOOR) + 3.0)
        .fold(18.0, f32::max);
    let fits = (((flow.inner() - time_w) / widest).floor() as usize).max(1);
    let used: Vec<&crate::model::Room> = day
        .rooms
        .iter()
        .filter(|r| {
            sessions
                .iter()
                .any(|s| s.placement.is_some_and(|c| c.room_id == r.id))
        })
        .collect();
    let rooms: Vec<&crate::model::Room> = if used.is_empty() {
        day.rooms.iter().collect()
    } else {
        used
    };
    let mut dates: Vec<chrono::NaiveDate> = day.slots.iter().map(|s| s.date).collect();
    dates.dedup();
    let per_page = rooms
        .len()
        .div_ceil(rooms.len().div_ceil(fits).max(1))
        .max(1);
    let chunks: Vec<&[&crate::model::Room]> = rooms.chunks(per_page).collect();
    for date in &dates {
        let slots: Vec<&crate::model::Slot> =
            day.slots.iter().filter(|s| s.date == *date).collect();
        let minutes = |t: chrono::NaiveTime| (t - chrono::NaiveTime::MIN).num_minutes() as f32;
        let Some(start) = slots.iter().map(|s| minutes(s.start)).reduce(f32::min) else {
            continue;
        };
        // An open-ended slot (the evening) is drawn an hour long.
        let end_of = |s: &crate::model::Slot| s.end.map_or(minutes(s.start) + 60.0, minutes);
        let end = slots.iter().map(|s| end_of(s)).fold(start + 30.0, f32::max);
        for (part, rooms) in chunks.iter().enumerate() {
            let mut title = "La journée d’un coup d’œil".to_string();
            if dates.len() > 1 {
                title = format!("{title} · {}", super::french_dates(*date, *date));
            }
            if chunks.len() > 1 {
                title = format!("{title} ({}/{})", part + 1, chunks.len());
            }
            flow.page_title(&title);
            let col_w = (flow.inner() - time_w) / rooms.len() as f32;
            // Room names on top, on up to two lines.
            let names: Vec<text::Fitted> = rooms
                .iter()
                .map(|r| {
                    text::fit_wrapped(
                        fonts,
                        &typography::french(&r.name),
                        Fit {
                            weight: Weight::Bold,
                            width: col_w - 2.0,
                            height: text::line_height(st.glance) * 2.0,
                            size: st.glance,
                            readable: FLOOR,
                            max_lines: 2,
                        },
                    )
                })
                .collect();
            let header_h = names
                .iter()
                .map(|f| text::line_height(f.size) * f.lines.len() as f32)
                .fold(0.0, f32::max)
                + 2.5;
            let top = flow.y;
            for (i, name) in names.iter().enumerate() {
                let x = m + time_w + i as f32 * col_w;
                let sheet = flow.sheet();
                sheet.fill_rect(x, top, col_w - 0.8, header_h, 0x1b2430);
                sheet.lines(
                    fonts,
                    (x + col_w / 2.0, top + 1.2),
                    &name.lines,
                    Weight::Bold,
                    name.size,
                    0xffffff,
                    Align::Centre,
                );
            }
            let grid_top = top + header_h + 1.0;
            let per_minute = (flow.bottom() - grid_top) / (end - start);
            let y_of = |t: f32| grid_top + (t - start) * per_minute;
            let right = flow.width - m;
            for slot in &slots {
                let (y0, y1) = (y_of(minutes(slot.start)), y_of(end_of(slot)));
                let sheet = flow.sheet();
                sheet.line((m, y0), (right, y0), 0.3, RULE);
                sheet.text(
                    fonts,
                    (m, y0 + 1.0 + st.glance * 0.36 * 1.2),
                    &slot.start.format("%H:%M").to_string(),
                    Weight::Bold,
                    st.glance,
                    INK,
                    Align::Left,
                );
                if slot.kind != SlotKind::Session {
                    let label = slot.name();
                    sheet.fill_rect(
                        m + time_w,
                        y0 + 0.4,
                        right - m - time_w,
                        y1 - y0 - 0.8,
                        0xeef0f3,
                    );
                    let size = st
                        .glance
                        .min(((y1 - y0 - 0.8) / 1.2 * 72.0 / 25.4).max(FLOOR));
                    sheet.text(
                        fonts,
                        (
                            m + time_w + (right - m - time_w) / 2.0,
                            (y0 + y1) / 2.0 + size * 0.13,
                        ),
                        &typography::french(&label),
                        Weight::Regular,
                        size,
                        MUTED,
                        Align::Centre,
                    );
                    continue;
                }
                for (i, room) in rooms.iter().enumerate() {
                    let Some(session) = sessions.iter().find(|s| {
                        s.placement
                            .is_some_and(|c| c.slot_id == slot.id && c.room_id == room.id)
                    }) else {
                        continue;
                    };
                    let kind = session.kind;
                    let x = m + time_w + i as f32 * col_w;
                    let (w, h) = (col_w - 0.8, y1 - y0 - 0.8);
                    sheet.fill_rect(x, y0 + 0.4, w, h, tint(kind.colour(), 0.86));
                    sheet.fill_rect(x, y0 + 0.4, 0.9, h, kind.colour());
                    let en = if session.language == "en" && !says_english(&session.title) {
                        " (EN)"
                    } else {
                        ""
                    };
                    let f = text::fit_wrapped(
                        fonts,
                        &format!(
                            "{}{en}",
                            typography::typeset(&session.title, &session.language)
                        ),
                        Fit {
                            weight: Weight::Regular,
                            width: w - 2.6,
                            height: h - 1.6,
                            size: st.glance,
                            readable: FLOOR,
                            max_lines: 12,
                        },
                    );
                    if f.too_small {
                        findings.push(programme_finding(
                            session,
                            "small_text",
                            format!(
                                "«\u{a0}{}\u{a0}»\u{a0}: imprimé en {:.1}\u{a0}pt dans la journée d’un coup d’œil, sous {FLOOR}\u{a0}pt.",
                                session.title, f.size
                            ),
                        ));
                    }
                    sheet.lines(
                        fonts,
                        (x + 1.8, y0 + 1.2),
                        &f.lines,
                        Weight::Regular,
                        f.size,
                        INK,
                        Align::Left,
                    );
                }
            }
            flow.y = flow.bottom();
        }
    }
}

/// A person in the index: their roles besides speaking, the pages they appear on.
#[derive(Default)]
struct Entry {
    roles: Vec<&'static str>,
    pages: Vec<usize>,
}

/// Everyone on stage, by last name, with their role when it is not speaking, dot leaders
/// to the pages where they appear.
fn people_index(flow: &mut Flow, entries: Vec<(String, String, &'static str, usize)>) {
    let mut pages: BTreeMap<(String, String), Entry> = BTreeMap::new();
    for (last, first, role, page) in entries {
        let entry = pages.entry((last, first)).or_default();
        if !role.is_empty() && !entry.roles.contains(&role) {
            entry.roles.push(role);
        }
        if !entry.pages.contains(&page) {
            entry.pages.push(page);
        }
    }
    let mut names: Vec<(String, String)> = pages.keys().cloned().collect();
    let mut order = NameOrder::default();
    names.sort_by(|a, b| order.compare((&a.0, &a.1), (&b.0, &b.1)));
    let (m, st) = (flow.margin(), flow.style);
    let fonts = flow.fonts;
    flow.page_title("Index des intervenant·es et de l’animation");
    let line = text::line_height(st.body) + 0.4;
    let dot = fonts.width_mm(".\u{2009}", Weight::Regular, st.body);
    for (last, first) in names {
        if flow.ensure(line) {
            let y = flow.y + st.body * 0.36;
            flow.sheet().text(
                fonts,
                (m, y),
                "Index (suite)",
                Weight::Bold,
                st.body,
                MUTED,
                Align::Left,
            );
            flow.y += line + 1.0;
        }
        let Entry { roles, pages } = &pages[&(last.clone(), first.clone())];
        let numbers = pages
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let mut name = typography::english(&format!("{last}, {first}"));
        if !roles.is_empty() {
            name = format!("{name} ({})", roles.join(", "));
        }
        let y = flow.y + st.body * 0.36;
        let right = flow.width - m;
        let name_w = fonts.width_mm(&name, Weight::Regular, st.body);
        let numbers_w = fonts.width_mm(&numbers, Weight::Regular, st.body);
        let sheet = flow.sheet();
        sheet.text(
            fonts,
            (m, y),
            &name,
            Weight::Regular,
            st.body,
            INK,
            Align::Left,
        );
        sheet.text(
            fonts,
            (right, y),
            &numbers,
            Weight::Regular,
            st.body,
            INK,
            Align::Right,
        );
        // Leaders: dots from the name to the pages, the eye follows them across.
        let (from, to) = (m + name_w + 1.5, right - numbers_w - 1.5);
        if to > from + dot {
            let leaders = ".\u{2009}".repeat(((to - from) / dot) as usize);
            sheet.text(
                fonts,
                (to, y),
                &leaders,
                Weight::Regular,
                st.body,
                MUTED,
                Align::Right,
            );
        }
        flow.y += line;
    }
}

fn practical(flow: &mut Flow, day: &Day) {
    let (m, st) = (flow.margin(), flow.style);
    let fonts = flow.fonts;
    flow.ensure(50.0);
    flow.y += 6.0;
    let y = flow.y;
    flow.sheet().text(
        fonts,
        (m, y + st.page_title * 0.36),
        "Informations pratiques",
        Weight::Bold,
        st.page_title,
        INK,
        Align::Left,
    );
    flow.y += text::line_height(st.page_title) + 4.0;
    let mut lines = vec![
        format!("{} — {}", day.event.venue, day.event.address),
        super::french_dates(day.event.start_date, day.event.end_date),
    ];
    for slot in day.slots.iter().filter(|sl| sl.kind == SlotKind::Soiree) {
        let label = if slot.label.is_empty() {
            "Soirée".to_string()
        } else {
            slot.label.clone()
        };
        lines.push(format!(
            "{label} : à partir de {}",
            slot.start.format("%H:%M")
        ));
    }
    if !day.event.organisers.is_empty() {
        lines.push(format!("Organisation : {}", day.event.organisers));
    }
    let size = st.body + 1.0;
    for l in lines {
        let f = text::fit_wrapped(
            fonts,
            &typography::french(&l),
            Fit {
                weight: Weight::Regular,
                width: flow.inner(),
                height: text::line_height(size) * 3.0,
                size,
                readable: BODY_FLOOR,
                max_lines: 3,
            },
        );
        let h = text::line_height(f.size) * f.lines.len() as f32;
        flow.ensure(h);
        let y = flow.y;
        flow.sheet().lines(
            fonts,
            (m, y),
            &f.lines,
            Weight::Regular,
            f.size,
            INK,
            Align::Left,
        );
        flow.y += h + 1.5;
    }
}
