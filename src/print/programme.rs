//! The printed programme: a cover, the day at a glance (slots down, tracks across, on one
//! page), then slot by slot each session (a block never split across pages), an index of
//! speakers with their pages, and practical information. A4, or A5 with smaller type.

use std::collections::BTreeMap;

use printpdf::PdfDocument;

use super::fonts::{Fonts, Weight};
use super::page::{Align, Sheet, INK, MUTED};
use super::text::{self, Fit, NameOrder};
use crate::model::{Day, RoomKind, SessionKind, SlotKind};
use crate::programme::SessionView;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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

    fn size(self) -> (f32, f32, f32) {
        match self {
            Format::A4 => (210.0, 297.0, 1.0),
            Format::A5 => (148.0, 210.0, 0.78),
            // Half an A4 landscape sheet, so that two fill it exactly.
            Format::Booklet => (148.5, 210.0, 0.78),
        }
    }
}

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

/// Pages filled top to bottom, with the running header and page numbers.
struct Flow<'a> {
    fonts: &'a Fonts,
    width: f32,
    height: f32,
    scale: f32,
    margin: f32,
    header: String,
    sheets: Vec<Sheet>,
    y: f32,
}

impl<'a> Flow<'a> {
    fn page(&self) -> usize {
        self.sheets.len()
    }

    fn bottom(&self) -> f32 {
        self.height - self.margin - 6.0 * self.scale
    }

    fn new_page(&mut self) {
        let mut sheet = Sheet::new(self.width, self.height);
        let number = self.sheets.len() + 1;
        sheet.text(
            self.fonts,
            (self.margin, self.margin * 0.6),
            &self.header,
            Weight::Regular,
            7.5 * self.scale,
            MUTED,
            Align::Left,
        );
        sheet.line(
            (self.margin, self.margin * 0.6 + 2.0),
            (self.width - self.margin, self.margin * 0.6 + 2.0),
            0.4,
            0xc8ccd2,
        );
        sheet.text(
            self.fonts,
            (self.width / 2.0, self.height - self.margin * 0.5),
            &number.to_string(),
            Weight::Regular,
            8.0 * self.scale,
            MUTED,
            Align::Centre,
        );
        self.sheets.push(sheet);
        self.y = self.margin + 4.0;
    }

    fn sheet(&mut self) -> &mut Sheet {
        self.sheets.last_mut().expect("a page is open")
    }

    /// Makes room for `height` millimetres: a new page when the block would not fit.
    fn ensure(&mut self, height: f32) {
        if self.sheets.is_empty() || self.y + height > self.bottom() {
            self.new_page();
        }
    }
}

/// A session as the programme prints it: lines of text, measured before they are placed.
struct Block {
    lines: Vec<(String, Weight, f32, u32)>,
    speakers: Vec<(String, String, String)>,
}

fn block(flow: &Flow, day: &Day, session: &SessionView) -> Block {
    let s = flow.scale;
    let width = flow.width - 2.0 * flow.margin;
    let mut lines = Vec::new();
    // The session's own words in its language's typography; the programme's in French.
    let mut fitted =
        |text: &str, lang: &str, weight: Weight, size: f32, colour: u32, max_lines: usize| {
            let f = text::fit(
                flow.fonts,
                &text::typeset(text, lang),
                Fit {
                    weight,
                    width,
                    height: text::line_height(size) * max_lines as f32,
                    size,
                    readable: size * 0.75,
                    max_lines,
                },
            );
            for line in f.lines {
                lines.push((line, weight, f.size, colour));
            }
        };
    let kind = SessionKind::parse(&session.kind).map_or("Session", SessionKind::label_fr);
    let room = session
        .placement
        .and_then(|c| day.rooms.iter().find(|r| r.id == c.room_id))
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let mut meta = format!("{kind} · {room}");
    if session.language == "en" {
        meta.push_str(" · EN (in English)");
    }
    fitted(
        &session.title,
        &session.language,
        Weight::Bold,
        11.5 * s,
        INK,
        3,
    );
    fitted(&meta, "fr", Weight::Regular, 8.5 * s, ACCENT, 1);
    let hosts: Vec<String> = session
        .people
        .iter()
        .filter(|p| p.role != "intervenant")
        .map(|p| format!("{} {}", p.first_name, p.last_name))
        .collect();
    if !hosts.is_empty() {
        let label = if SessionKind::parse(&session.kind) == Some(SessionKind::Centrifugeuse) {
            "Animation"
        } else {
            "Modération"
        };
        fitted(
            &format!("{label} : {}", hosts.join(", ")),
            "fr",
            Weight::Regular,
            8.5 * s,
            INK,
            2,
        );
    }
    let mut speakers = Vec::new();
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
        if !speakers
            .iter()
            .any(|(l, _, _): &(String, String, String)| *l == line)
        {
            speakers.push((line, p.last_name.clone(), p.first_name.clone()));
        }
    }
    for (line, _, _) in &speakers {
        fitted(&format!("— {line}"), "fr", Weight::Regular, 8.5 * s, INK, 2);
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
    if !description.is_empty() {
        fitted(
            &description,
            &session.language,
            Weight::Regular,
            8.0 * s,
            MUTED,
            3,
        );
    }
    Block { lines, speakers }
}

pub fn draw(
    doc: &mut PdfDocument,
    fonts: &mut Fonts,
    day: &Day,
    sessions: &[SessionView],
    format: Format,
) -> Vec<Sheet> {
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
    let fonts: &Fonts = fonts;
    let (width, height, scale) = format.size();
    let mut flow = Flow {
        fonts,
        width,
        height,
        scale,
        margin: 16.0 * scale,
        header: text::french(&day.event.title),
        sheets: Vec::new(),
        y: 0.0,
    };
    cover(&mut flow, day);
    at_a_glance(&mut flow, day, sessions);

    // Slot by slot.
    let mut index: Vec<(String, String, String, usize)> = Vec::new();
    flow.new_page();
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
        let heading = if slot.label.is_empty() {
            slot.time_range()
        } else {
            format!("{} · {}", slot.time_range(), slot.label)
        };
        let heading_h = text::line_height(13.0 * scale) + 3.0;
        let first = here.first().map(|s| block(&flow, day, s));
        let first_h = first.as_ref().map_or(0.0, block_height);
        // A heading never ends a page alone.
        flow.ensure(heading_h + first_h);
        let y = flow.y;
        let (m, sz) = (flow.margin, 13.0 * scale);
        flow.sheet().text(
            fonts,
            (m, y + sz * 0.36),
            &text::french(&heading),
            Weight::Bold,
            sz,
            ACCENT,
            Align::Left,
        );
        flow.y += heading_h;
        if slot.kind != SlotKind::Session {
            flow.y += 2.0;
            continue;
        }
        for session in here {
            let b = block(&flow, day, session);
            let h = block_height(&b);
            flow.ensure(h);
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
            for (_, last, first) in &b.speakers {
                index.push((last.clone(), first.clone(), String::new(), page));
            }
            flow.y += h;
        }
    }
    speakers_index(&mut flow, index);
    practical(&mut flow, day);
    flow.sheets
}

fn block_height(b: &Block) -> f32 {
    b.lines
        .iter()
        .map(|(_, _, size, _)| text::line_height(*size))
        .sum::<f32>()
        + 4.0
}

fn cover(flow: &mut Flow, day: &Day) {
    let (w, h, s) = (flow.width, flow.height, flow.scale);
    let mut sheet = Sheet::new(w, h);
    sheet.fill_rect(0.0, 0.0, w, h * 0.42, 0x1b2430);
    let title = text::fit(
        flow.fonts,
        &text::french(&day.event.title),
        Fit {
            weight: Weight::Bold,
            width: w - 2.0 * flow.margin,
            height: 60.0 * s,
            size: 30.0 * s,
            readable: 16.0,
            max_lines: 3,
        },
    );
    sheet.lines(
        flow.fonts,
        (flow.margin, h * 0.16),
        &title.lines,
        Weight::Bold,
        title.size,
        0xffffff,
        Align::Left,
    );
    let mut y = h * 0.5;
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
        let f = text::fit(
            flow.fonts,
            &text::french(&text_line),
            Fit {
                weight,
                width: w - 2.0 * flow.margin,
                height: text::line_height(size * s) * 3.0,
                size: size * s,
                readable: 8.0,
                max_lines: 3,
            },
        );
        sheet.lines(
            flow.fonts,
            (flow.margin, y),
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

/// Slots down, tracks (groups of rooms of one kind) across, on one page.
fn at_a_glance(flow: &mut Flow, day: &Day, sessions: &[SessionView]) {
    flow.new_page();
    let (m, s) = (flow.margin, flow.scale);
    let fonts = flow.fonts;
    let y0 = flow.y;
    flow.sheet().text(
        fonts,
        (m, y0 + 5.0),
        "La journée d’un coup d’œil",
        Weight::Bold,
        15.0 * s,
        INK,
        Align::Left,
    );
    let mut groups: Vec<(RoomKind, Vec<i64>)> = Vec::new();
    let mut at = 0;
    for g in &day.groups {
        groups.push((
            g.kind,
            day.rooms[at..at + g.rooms].iter().map(|r| r.id).collect(),
        ));
        at += g.rooms;
    }
    let time_w = 22.0 * s;
    let col_w = (flow.width - 2.0 * m - time_w) / groups.len().max(1) as f32;
    let top = y0 + 12.0;
    let header_h = 8.0 * s;
    let row_h = ((flow.bottom() - top - header_h) / day.slots.len().max(1) as f32).min(34.0 * s);
    for (i, (kind, _)) in groups.iter().enumerate() {
        let x = m + time_w + i as f32 * col_w;
        let sheet = flow.sheet();
        sheet.fill_rect(x, top, col_w - 1.0, header_h, 0x1b2430);
        let label = match kind {
            RoomKind::Pleniere => "Plénière",
            RoomKind::Centrifugeuse => "Centrifugeuses",
            RoomKind::Formation => "Formations",
            RoomKind::Atelier => "Ateliers",
            RoomKind::Autre => "Autres salles",
        };
        sheet.text(
            fonts,
            (x + col_w / 2.0, top + header_h * 0.68),
            label,
            Weight::Bold,
            8.5 * s,
            0xffffff,
            Align::Centre,
        );
    }
    for (r, slot) in day.slots.iter().enumerate() {
        let y = top + header_h + r as f32 * row_h;
        let right = flow.width - m;
        let sheet = flow.sheet();
        sheet.line((m, y), (right, y), 0.3, 0xc8ccd2);
        sheet.text(
            fonts,
            (m, y + 4.5 * s),
            &slot.time_range(),
            Weight::Bold,
            7.5 * s,
            INK,
            Align::Left,
        );
        if slot.kind != SlotKind::Session {
            let label = if slot.label.is_empty() {
                format!("{:?}", slot.kind)
            } else {
                slot.label.clone()
            };
            sheet.text(
                fonts,
                (m + time_w, y + 4.5 * s),
                &text::french(&label),
                Weight::Regular,
                8.0 * s,
                MUTED,
                Align::Left,
            );
            continue;
        }
        for (i, (_, rooms)) in groups.iter().enumerate() {
            let titles: Vec<String> = sessions
                .iter()
                .filter(|x| {
                    x.placement
                        .is_some_and(|c| c.slot_id == slot.id && rooms.contains(&c.room_id))
                })
                .map(|x| {
                    let en = if x.language == "en" { " (EN)" } else { "" };
                    format!("{}{en}", text::typeset(&x.title, &x.language))
                })
                .collect();
            if titles.is_empty() {
                continue;
            }
            let f = text::fit(
                fonts,
                &titles.join(" · "),
                Fit {
                    weight: Weight::Regular,
                    width: col_w - 3.0,
                    height: row_h - 2.0,
                    size: 7.5 * s,
                    readable: 7.0 * s,
                    max_lines: 6,
                },
            );
            let x = m + time_w + i as f32 * col_w;
            flow.sheet().lines(
                fonts,
                (x + 1.0, y + 1.0),
                &f.lines,
                Weight::Regular,
                f.size,
                INK,
                Align::Left,
            );
        }
    }
}

fn speakers_index(flow: &mut Flow, entries: Vec<(String, String, String, usize)>) {
    let mut pages: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (last, first, _, page) in entries {
        let list = pages.entry((last, first)).or_default();
        if !list.contains(&page) {
            list.push(page);
        }
    }
    let mut names: Vec<(String, String)> = pages.keys().cloned().collect();
    let mut order = NameOrder::default();
    names.sort_by(|a, b| order.compare((&a.0, &a.1), (&b.0, &b.1)));
    let (m, s) = (flow.margin, flow.scale);
    let fonts = flow.fonts;
    flow.new_page();
    let y = flow.y;
    flow.sheet().text(
        fonts,
        (m, y + 5.0),
        "Index des intervenant·es",
        Weight::Bold,
        15.0 * s,
        INK,
        Align::Left,
    );
    flow.y += 12.0;
    let line = text::line_height(8.5 * s);
    for (last, first) in names {
        flow.ensure(line);
        let numbers = pages[&(last.clone(), first.clone())]
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let y = flow.y + 8.5 * s * 0.36;
        let right = flow.width - m;
        let sheet = flow.sheet();
        sheet.text(
            fonts,
            (m, y),
            &text::english(&format!("{}, {}", last, first)),
            Weight::Regular,
            8.5 * s,
            INK,
            Align::Left,
        );
        sheet.text(
            fonts,
            (right, y),
            &numbers,
            Weight::Regular,
            8.5 * s,
            INK,
            Align::Right,
        );
        flow.y += line;
    }
}

fn practical(flow: &mut Flow, day: &Day) {
    let (m, s) = (flow.margin, flow.scale);
    let fonts = flow.fonts;
    flow.ensure(60.0 * s);
    flow.y += 6.0;
    let y = flow.y;
    flow.sheet().text(
        fonts,
        (m, y + 5.0),
        "Informations pratiques",
        Weight::Bold,
        15.0 * s,
        INK,
        Align::Left,
    );
    flow.y += 12.0;
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
    for l in lines {
        let f = text::fit(
            fonts,
            &text::french(&l),
            Fit {
                weight: Weight::Regular,
                width: flow.width - 2.0 * m,
                height: 20.0,
                size: 10.0 * s,
                readable: 7.0,
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
