//! Name badges: who gets one and with which role, and the sheets they are printed on.

use std::collections::{BTreeMap, HashMap};

use qrcode::{Color as QrColor, EcLevel, QrCode};
use serde::{Deserialize, Serialize};

use super::fonts::{Fonts, Weight};
use super::page::{Align, Sheet, INK, MUTED};
use super::preflight::Finding;
use super::text::{self, Fit};
use crate::common::names::NameOrder;
use crate::common::typography;
use crate::error::Result;
use crate::model::{BadgeRole, Day};
use crate::Project;

/// One badge to print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Badge {
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub email: String,
    pub role: BadgeRole,
    /// For speakers and hosts: each of their sessions, its time and room, in time order.
    pub sessions: Vec<String>,
}

impl Badge {
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_string()
    }
}

/// Everyone who gets a badge, once each, with the role that wins (see `BadgeRole`).
/// Speakers, moderators and animateurs come from placed sessions; participants from the
/// registrations; the team and the press from the roles given by hand.
pub fn badges(project: &Project) -> Result<Vec<Badge>> {
    let day = project.day()?;
    let people = project.people(false)?;
    let mut roles: HashMap<i64, (BadgeRole, Vec<(usize, String)>)> = HashMap::new();
    let mut give = |id: i64, role: BadgeRole, session: Option<(usize, String)>| {
        let entry = roles.entry(id).or_insert((role, Vec::new()));
        entry.0 = entry.0.min(role);
        if let Some(session) = session {
            if !entry.1.contains(&session) {
                entry.1.push(session);
            }
        }
    };
    for (id, role) in project.badge_roles()? {
        give(id, role, None);
    }
    for session in project.sessions()? {
        let Some(cell) = session.placement else {
            continue;
        };
        let line = session_line(&day, &session.title, cell.room_id, cell.slot_id);
        let order = day
            .slots
            .iter()
            .position(|s| s.id == cell.slot_id)
            .unwrap_or(usize::MAX);
        for speaker in session.contributions.iter().flat_map(|c| &c.speakers) {
            give(
                speaker.person_id,
                BadgeRole::Intervenant,
                Some((order, line.clone())),
            );
        }
        for host in &session.people {
            let role = if host.role == "intervenant" {
                BadgeRole::Intervenant
            } else {
                BadgeRole::Animateur
            };
            give(host.person_id, role, Some((order, line.clone())));
        }
    }
    for person in &people {
        if person.registered {
            give(person.id, BadgeRole::Participant, None);
        }
    }
    Ok(people
        .into_iter()
        .filter_map(|p| {
            let (role, mut sessions) = roles.remove(&p.id)?;
            sessions.sort();
            Some(Badge {
                person_id: p.id,
                first_name: p.first_name,
                last_name: p.last_name,
                organisation: p.organisation,
                email: p.email,
                role,
                sessions: sessions.into_iter().map(|(_, line)| line).collect(),
            })
        })
        .collect())
}

/// « 11:30 · Atelier 2 · Retours d’expérience » : when and where first, what a speaker
/// looks for on their badge; the title last, shortened when the line is too long.
fn session_line(day: &Day, title: &str, room: i64, slot: i64) -> String {
    let room = day.rooms.iter().find(|r| r.id == room);
    let slot = day.slots.iter().find(|s| s.id == slot);
    let mut parts = Vec::new();
    if let Some(slot) = slot {
        parts.push(slot.start.format("%H:%M").to_string());
    }
    if let Some(room) = room {
        parts.push(room.name.clone());
    }
    parts.push(title.to_string());
    parts.join(" · ")
}

/// Sheets and badge sizes the organisers print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
#[ts(rename = "BadgeLayout")]
pub enum Layout {
    /// A4, 2 x 4 badges of 90 x 55 mm, with cut marks.
    #[default]
    #[serde(rename = "a4-8")]
    A4x8,
    /// A4, 2 x 5 badges of 85 x 54 mm (ID-1, credit-card size), with cut marks.
    #[serde(rename = "a4-10")]
    A4x10,
    /// A4 cut in four A6 badges (105 x 148 mm).
    #[serde(rename = "a6-4")]
    A6x4,
    /// A6 pages, one badge each.
    A6,
    /// One 90 x 55 mm badge per page, for badge printers.
    Single,
}

impl Layout {
    pub fn parse(code: &str) -> Option<Layout> {
        match code.trim().to_lowercase().as_str() {
            "a4-8" | "a4x8" | "8" => Some(Layout::A4x8),
            "a4-10" | "a4x10" | "10" | "id-1" => Some(Layout::A4x10),
            "a6-4" | "a6x4" => Some(Layout::A6x4),
            "a6" => Some(Layout::A6),
            "single" | "unitaire" | "1" => Some(Layout::Single),
            _ => None,
        }
    }

    /// Page size, badge size, columns and rows, default gaps; all in millimetres.
    fn grid(self) -> Grid {
        let (page, badge, cols, rows, cut_marks) = match self {
            Layout::A4x8 => ((210.0, 297.0), (90.0, 55.0), 2, 4, true),
            Layout::A4x10 => ((210.0, 297.0), (85.0, 54.0), 2, 5, true),
            // Inside office printers' 5 mm margins, cut out along the marks.
            Layout::A6x4 => ((210.0, 297.0), (100.0, 140.0), 2, 2, true),
            // On A6 card, inside the printer's 5 mm margins: nothing to cut.
            Layout::A6 => ((105.0, 148.0), (95.0, 138.0), 1, 1, false),
            Layout::Single => ((90.0, 55.0), (90.0, 55.0), 1, 1, false),
        };
        Grid {
            page,
            badge,
            cols,
            rows,
            gap: (0.0, 0.0),
            margin: None,
            cut_marks,
        }
    }
}

struct Grid {
    page: (f32, f32),
    badge: (f32, f32),
    cols: usize,
    rows: usize,
    gap: (f32, f32),
    /// Left and top; centred when None.
    margin: Option<(f32, f32)>,
    cut_marks: bool,
}

impl Grid {
    fn per_page(&self) -> usize {
        self.cols * self.rows
    }

    /// Width and height the badges and the gaps between them take.
    fn used(&self) -> (f32, f32) {
        (
            self.cols as f32 * self.badge.0 + (self.cols - 1) as f32 * self.gap.0,
            self.rows as f32 * self.badge.1 + (self.rows - 1) as f32 * self.gap.1,
        )
    }

    fn origin(&self) -> (f32, f32) {
        self.margin.unwrap_or_else(|| {
            let (used_w, used_h) = self.used();
            (
                ((self.page.0 - used_w) / 2.0).max(0.0),
                ((self.page.1 - used_h) / 2.0).max(0.0),
            )
        })
    }

    /// Top-left corner of the badge at `index` on its page; the back of a duplex sheet
    /// is mirrored so that each back lands behind its front.
    fn position(&self, index: usize, back: bool) -> (f32, f32) {
        let (col, row) = (index % self.cols, index / self.cols);
        let (left, top) = self.origin();
        let x = left + col as f32 * (self.badge.0 + self.gap.0);
        let y = top + row as f32 * (self.badge.1 + self.gap.1);
        if back {
            (self.page.0 - x - self.badge.0, y)
        } else {
            (x, y)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Qr {
    /// The person's contact card (name, organisation, email). Named "vcard" everywhere:
    /// the screen and the command line send that word (snake_case would say "v_card").
    #[serde(rename = "vcard")]
    VCard,
    /// An id for checking people in at the entrance.
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "BadgeSort")]
pub enum Sort {
    #[default]
    Name,
    Role,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct BadgeOptions {
    #[serde(default)]
    pub layout: Layout,
    /// Only these roles; all when empty.
    #[serde(default)]
    pub roles: Vec<BadgeRole>,
    #[serde(default)]
    pub sort: Sort,
    #[serde(default)]
    pub duplex: bool,
    #[serde(default)]
    pub qr: Option<Qr>,
    /// Print speakers' session and time.
    #[serde(default)]
    pub sessions: bool,
    /// Left and top margins in mm, instead of centring the badges on the sheet.
    #[serde(default)]
    #[ts(optional)]
    pub margin: Option<(f32, f32)>,
    /// Space between badges in mm (horizontal, vertical).
    #[serde(default)]
    #[ts(optional)]
    pub gap: Option<(f32, f32)>,
    /// Leave out the event's logo, when the project has one.
    #[serde(default)]
    pub no_logo: bool,
    /// For a print shop: colour runs 3 mm past each badge's edge, to be trimmed off; one
    /// badge per page gets its TrimBox and BleedBox, A6 then fills the whole card.
    #[serde(default)]
    pub bleed: bool,
}

/// Light paper kept between a QR code and the band under it, in millimetres.
const QUIET_ZONE: f32 = 3.0;

/// How far colour runs past the trim, in millimetres: what print shops ask for.
pub const BLEED: f32 = 3.0;
/// What office printers cannot print along each edge of the sheet.
const PRINTER_MARGIN: f32 = 5.0;

impl BadgeOptions {
    fn grid(&self) -> Grid {
        let mut grid = self.layout.grid();
        if let Some(gap) = self.gap {
            grid.gap = gap;
        }
        grid.margin = self.margin;
        if self.bleed {
            if self.layout == Layout::A6 {
                // A print shop trims to the card's edge: no printer margin to keep.
                grid.page = (105.0, 148.0);
                grid.badge = grid.page;
            }
            if grid.per_page() > 1 {
                // Each badge's bleed must not run onto its neighbour.
                grid.gap = (grid.gap.0.max(2.0 * BLEED), grid.gap.1.max(2.0 * BLEED));
            }
        }
        grid
    }

    /// The badges fit on the sheet as asked: inside the printer's margins when centred,
    /// on the paper with the margins given.
    pub fn check(&self) -> std::result::Result<(), super::PrintError> {
        let grid = self.grid();
        if grid.per_page() == 1 {
            return Ok(());
        }
        let bleed = if self.bleed { BLEED } else { 0.0 };
        let (used_w, used_h) = grid.used();
        let (room_w, room_h) = match grid.margin {
            Some((left, top)) => (grid.page.0 - left, grid.page.1 - top),
            None => (
                grid.page.0 - 2.0 * PRINTER_MARGIN,
                grid.page.1 - 2.0 * PRINTER_MARGIN,
            ),
        };
        for (used, room, across) in [
            (used_w + 2.0 * bleed, room_w, grid.cols),
            (used_h + 2.0 * bleed, room_h, grid.rows),
        ] {
            if used > room + 0.01 {
                return Err(super::PrintError::BadgesDoNotFit { across, used, room });
            }
        }
        Ok(())
    }
}

/// The badges the options ask for, in print order.
pub fn select(mut all: Vec<Badge>, options: &BadgeOptions) -> Vec<Badge> {
    if !options.roles.is_empty() {
        all.retain(|b| options.roles.contains(&b.role));
    }
    let mut order = NameOrder::default();
    all.sort_by(|a, b| {
        let by_role = match options.sort {
            Sort::Role => a.role.cmp(&b.role),
            Sort::Name => std::cmp::Ordering::Equal,
        };
        by_role.then_with(|| {
            order.compare((&a.last_name, &a.first_name), (&b.last_name, &b.first_name))
        })
    });
    all
}

fn band_colour(role: BadgeRole) -> u32 {
    match role {
        BadgeRole::Organisation => 0x1b2430,
        BadgeRole::Presse => 0x6c3483,
        BadgeRole::Intervenant => 0xb03a2e,
        BadgeRole::Animateur => 0xb9770e,
        BadgeRole::Participant => 0x1f618d,
    }
}

/// Draws the badges on sheets; returns the sheets and what printed badly.
pub fn draw(
    fonts: &Fonts,
    badges: &[Badge],
    options: &BadgeOptions,
    event: &EventLines,
) -> (Vec<Sheet>, Vec<Finding>) {
    let grid = options.grid();
    let one_up = grid.per_page() == 1;
    let bleed = if options.bleed { BLEED } else { 0.0 };
    let mut sheets = Vec::new();
    let mut findings = Vec::new();
    for chunk in badges.chunks(grid.per_page()) {
        let sides: &[bool] = if options.duplex {
            &[false, true]
        } else {
            &[false]
        };
        for &back in sides {
            let mut sheet = if one_up {
                Sheet::with_bleed(grid.page.0, grid.page.1, bleed)
            } else {
                Sheet::new(grid.page.0, grid.page.1)
            };
            for (i, badge) in chunk.iter().enumerate() {
                let at = grid.position(i, back);
                let found = draw_badge(&mut sheet, fonts, badge, at, grid.badge, options, event);
                if !back {
                    findings.extend(found);
                }
            }
            if grid.cut_marks {
                cut_marks(&mut sheet, &grid, chunk.len(), back, bleed);
            }
            sheets.push(sheet);
        }
    }
    (sheets, findings)
}

/// What every badge says of the event.
pub struct EventLines {
    pub title: String,
    pub date: String,
    /// The logo added to the document, and its size in pixels.
    pub logo: Option<(printpdf::XObjectId, (usize, usize))>,
}

fn draw_badge(
    sheet: &mut Sheet,
    fonts: &Fonts,
    badge: &Badge,
    (x, y): (f32, f32),
    (w, h): (f32, f32),
    options: &BadgeOptions,
    event: &EventLines,
) -> Vec<Finding> {
    if h > 100.0 {
        return draw_tall_badge(sheet, fonts, badge, (x, y), (w, h), options, event);
    }
    let mut findings = Vec::new();
    // Sizes are set for a 90 x 55 badge and follow the badge's width.
    let s = (w / 90.0).min(h / 55.0 * 1.6).max(0.5);
    let pad = 4.0 * s;
    let band = 10.0 * s;
    let inner = w - 2.0 * pad;
    let qr_size = if options.qr.is_some() { 17.0 * s } else { 0.0 };
    let name_width = if qr_size > 0.0 {
        inner - qr_size - 2.0
    } else {
        inner
    };

    // The event, small, at the top, beside the logo.
    let logo_box = (18.0 * s, 9.0 * s);
    let head_width = match &event.logo {
        Some((id, pixels)) => {
            sheet.image(
                id,
                *pixels,
                (x + w - pad - logo_box.0, y + pad * 0.6),
                logo_box,
            );
            inner - logo_box.0 - 2.0 * s
        }
        None => inner,
    };
    let head = text::fit(
        fonts,
        &event.title,
        Fit {
            weight: Weight::Regular,
            width: head_width,
            height: text::line_height(6.5 * s),
            size: 6.5 * s,
            readable: 5.0,
            max_lines: 1,
        },
    );
    let mut cursor = y + pad * 0.8;
    sheet.lines(
        fonts,
        (x + pad, cursor),
        &head.lines,
        Weight::Regular,
        head.size,
        MUTED,
        Align::Left,
    );
    cursor += text::line_height(head.size);
    sheet.lines(
        fonts,
        (x + pad, cursor),
        std::slice::from_ref(&event.date),
        Weight::Regular,
        6.0 * s,
        MUTED,
        Align::Left,
    );
    cursor += text::line_height(6.0 * s) + 1.5 * s;

    let body_bottom = y + h - band - 1.0 * s;
    let mut pen = Pen {
        sheet,
        fonts,
        badge,
        findings: &mut findings,
        x: x + pad,
    };
    let mut fitted = |label: &str, value: &str, spec: Fit, colour: u32, cursor: &mut f32| {
        pen.fitted(label, value, spec, colour, cursor)
    };
    let room = |cursor: f32| (body_bottom - cursor).max(1.0);
    fitted(
        "le prénom",
        &typography::french(&badge.first_name),
        Fit {
            weight: Weight::Bold,
            width: name_width,
            height: room(cursor).min(text::line_height(24.0 * s) * 2.0),
            size: 24.0 * s,
            readable: 11.0,
            max_lines: 2,
        },
        INK,
        &mut cursor,
    );
    fitted(
        "le nom",
        &typography::french(&badge.last_name),
        Fit {
            weight: Weight::Regular,
            width: name_width,
            height: room(cursor).min(text::line_height(16.0 * s) * 2.0),
            size: 16.0 * s,
            readable: 8.0,
            max_lines: 2,
        },
        INK,
        &mut cursor,
    );
    cursor += 0.8 * s;
    // Room kept for the sessions' lines (at most three) under the organisation.
    let session_lines = if options.sessions {
        badge.sessions.len().min(3)
    } else {
        0
    };
    let reserve_session = session_lines as f32 * text::line_height(6.5 * s);
    fitted(
        "l'organisation",
        &typography::french(&badge.organisation),
        Fit {
            weight: Weight::Regular,
            width: name_width,
            height: (room(cursor) - reserve_session).min(text::line_height(10.0 * s) * 2.0),
            size: 10.0 * s,
            readable: 6.0,
            max_lines: 2,
        },
        INK,
        &mut cursor,
    );
    // Beside the QR code like the names, never under it; the title shortened rather
    // than the line shrunk below 6 pt.
    for session in badge.sessions.iter().take(session_lines) {
        let spec = Fit {
            weight: Weight::Regular,
            width: name_width,
            height: room(cursor),
            size: 6.5 * s,
            readable: 6.0,
            max_lines: 1,
        };
        let (line, _) = text::abridge(fonts, &typography::french(session), spec);
        fitted("la session", &line, spec, MUTED, &mut cursor);
    }

    qr_and_band(
        sheet,
        fonts,
        badge,
        options,
        (x, y, w, h),
        (qr_size, pad, band, body_bottom),
        11.0 * s,
    );
    findings
}

/// An A6 badge, a design of its own: a zone for the lanyard's slot at the top, the event,
/// the name large in the upper half, the sessions and the QR code below, the role's band.
fn draw_tall_badge(
    sheet: &mut Sheet,
    fonts: &Fonts,
    badge: &Badge,
    (x, y): (f32, f32),
    (w, h): (f32, f32),
    options: &BadgeOptions,
    event: &EventLines,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let pad = 7.0;
    let band = 16.0;
    let inner = w - 2.0 * pad;
    let qr_size = if options.qr.is_some() { 26.0 } else { 0.0 };
    // Where the lanyard's slot is punched: kept free, and marked.
    let slot = (16.0, 4.0);
    sheet.stroke_rect(
        x + (w - slot.0) / 2.0,
        y + 6.0,
        slot.0,
        slot.1,
        0.3,
        0xb8c0cc,
    );
    let mut cursor = y + 15.0;
    let logo_box = (26.0, 13.0);
    let head_width = match &event.logo {
        Some((id, pixels)) => {
            sheet.image(id, *pixels, (x + w - pad - logo_box.0, cursor), logo_box);
            inner - logo_box.0 - 3.0
        }
        None => inner,
    };
    let body_bottom = y + h - band - 2.0;
    let mut pen = Pen {
        sheet,
        fonts,
        badge,
        findings: &mut findings,
        x: x + pad,
    };
    let spec = |size: f32, readable: f32, width: f32, lines: usize, weight: Weight| Fit {
        weight,
        width,
        height: text::line_height(size) * lines as f32,
        size,
        readable,
        max_lines: lines,
    };
    pen.fitted(
        "l’événement",
        &event.title,
        spec(9.0, 6.0, head_width, 2, Weight::Regular),
        MUTED,
        &mut cursor,
    );
    pen.fitted(
        "la date",
        &event.date,
        spec(8.5, 6.0, head_width, 1, Weight::Regular),
        MUTED,
        &mut cursor,
    );
    cursor = cursor.max(y + 15.0 + logo_box.1) + 4.0;
    pen.fitted(
        "le prénom",
        &typography::french(&badge.first_name),
        spec(36.0, 14.0, inner, 2, Weight::Bold),
        INK,
        &mut cursor,
    );
    pen.fitted(
        "le nom",
        &typography::french(&badge.last_name),
        spec(24.0, 10.0, inner, 2, Weight::Regular),
        INK,
        &mut cursor,
    );
    cursor += 1.5;
    pen.fitted(
        "l’organisation",
        &typography::french(&badge.organisation),
        spec(14.0, 8.0, inner, 2, Weight::Regular),
        INK,
        &mut cursor,
    );
    cursor += 3.0;
    if options.sessions {
        // Beside the QR code, never under it.
        let width = if qr_size > 0.0 {
            inner - qr_size - 3.0
        } else {
            inner
        };
        for session in badge.sessions.iter().take(4) {
            let room = (body_bottom - cursor).max(1.0);
            let mut fit = spec(9.0, 7.0, width, 2, Weight::Regular);
            fit.height = fit.height.min(room);
            let (line, _) = text::abridge(fonts, &typography::french(session), fit);
            pen.fitted("la session", &line, fit, MUTED, &mut cursor);
        }
    }
    qr_and_band(
        sheet,
        fonts,
        badge,
        options,
        (x, y, w, h),
        (qr_size, pad, band, body_bottom),
        16.0,
    );
    findings
}

/// Writes fitted text down a badge, reporting text shrunk below its readable size.
struct Pen<'a> {
    sheet: &'a mut Sheet,
    fonts: &'a Fonts,
    badge: &'a Badge,
    findings: &'a mut Vec<Finding>,
    x: f32,
}

impl Pen<'_> {
    fn fitted(&mut self, label: &str, value: &str, spec: Fit, colour: u32, cursor: &mut f32) {
        if value.trim().is_empty() {
            return;
        }
        let f = text::fit(self.fonts, value, spec);
        if f.too_small {
            self.findings.push(Finding::badge(
                self.badge,
                "small_text",
                format!(
                    "Badge de {}\u{a0}: {label} imprimé en {:.1}\u{a0}pt, sous la taille lisible ({}\u{a0}pt).",
                    self.badge.name(),
                    f.size,
                    spec.readable
                ),
            ));
        }
        self.sheet.lines(
            self.fonts,
            (self.x, *cursor),
            &f.lines,
            spec.weight,
            f.size,
            colour,
            Align::Left,
        );
        *cursor += text::line_height(f.size) * f.lines.len() as f32;
    }
}

/// The QR code above the band at the bottom right, and the role, white on its colour,
/// across the bottom.
fn qr_and_band(
    sheet: &mut Sheet,
    fonts: &Fonts,
    badge: &Badge,
    options: &BadgeOptions,
    (x, y, w, h): (f32, f32, f32, f32),
    (qr_size, pad, band, body_bottom): (f32, f32, f32, f32),
    role_size: f32,
) {
    if let Some(qr) = options.qr {
        let data = match qr {
            Qr::VCard => vcard(badge),
            Qr::Id => format!("JOURNEE-P{}", badge.person_id),
        };
        // Scanners need a light margin around the code (four modules by the standard):
        // 3 mm clear above the band, whatever the text beside it needs.
        let bottom = body_bottom.min(y + h - band - QUIET_ZONE);
        draw_qr(
            sheet,
            &data,
            (x + w - pad - qr_size, bottom - qr_size),
            qr_size,
        );
    }
    // With a bleed, the band runs past the badge's sides and bottom, trimmed off after.
    let b = if options.bleed { BLEED } else { 0.0 };
    sheet.fill_rect(
        x - b,
        y + h - band,
        w + 2.0 * b,
        band + b,
        band_colour(badge.role),
    );
    sheet.text(
        fonts,
        (x + w / 2.0, y + h - band / 2.0 + role_size * 0.145),
        badge.role.label(),
        Weight::Bold,
        role_size,
        0xffffff,
        Align::Centre,
    );
}

fn vcard(badge: &Badge) -> String {
    // vCard 3.0 escapes , ; and \ in values.
    let esc = |s: &str| {
        s.replace('\\', "\\\\")
            .replace(',', "\\,")
            .replace(';', "\\;")
            .replace('\n', " ")
    };
    let mut card = format!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:{};{}\r\nFN:{}\r\n",
        esc(&badge.last_name),
        esc(&badge.first_name),
        esc(&badge.name())
    );
    if !badge.organisation.is_empty() {
        card.push_str(&format!("ORG:{}\r\n", esc(&badge.organisation)));
    }
    if !badge.email.is_empty() {
        card.push_str(&format!("EMAIL:{}\r\n", esc(&badge.email)));
    }
    card.push_str("END:VCARD\r\n");
    card
}

/// The QR code of `data`. Text beyond ASCII (« Chloé ») is marked as UTF-8 (ECI 26):
/// without the mark, readers guess, and some guess Shift-JIS (zbar reads « Chlo矇 »).
fn qr_code(data: &str) -> qrcode::types::QrResult<QrCode> {
    if data.is_ascii() {
        return QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M);
    }
    // The smallest version that holds it, as `with_error_correction_level` chooses.
    let mut last = qrcode::types::QrError::DataTooLong;
    for version in 1..=40 {
        let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(version));
        let pushed = bits
            .push_eci_designator(26)
            .and_then(|()| bits.push_byte_data(data.as_bytes()))
            .and_then(|()| bits.push_terminator(EcLevel::M));
        match pushed {
            Ok(()) => return QrCode::with_bits(bits, EcLevel::M),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// A QR code as vector squares (runs of dark modules drawn as one rectangle).
pub(super) fn draw_qr(sheet: &mut Sheet, data: &str, (x, y): (f32, f32), size: f32) {
    let Ok(code) = qr_code(data) else {
        return;
    };
    sheet.mark("le code QR", [x, y, x + size, y + size]);
    let n = code.width();
    let colours = code.to_colors();
    let module = size / n as f32;
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colours[row * n + col] == QrColor::Dark {
                let start = col;
                while col < n && colours[row * n + col] == QrColor::Dark {
                    col += 1;
                }
                // A hair wider, so that printers leave no seams between modules.
                sheet.fill_rect(
                    x + start as f32 * module,
                    y + row as f32 * module,
                    (col - start) as f32 * module + 0.02,
                    module + 0.02,
                    0x000000,
                );
            } else {
                col += 1;
            }
        }
    }
}

/// Short lines in the margins where the sheet is to be cut.
fn cut_marks(sheet: &mut Sheet, grid: &Grid, count: usize, back: bool, bleed: f32) {
    if count == 0 {
        return;
    }
    // Outside the bleed, where no colour runs.
    let (length, offset, thickness) = (5.0, 2.0 + bleed, 0.3);
    let mut xs: BTreeMap<i64, f32> = BTreeMap::new();
    let mut ys: BTreeMap<i64, f32> = BTreeMap::new();
    for i in 0..grid.per_page() {
        let (x, y) = grid.position(i, back);
        for v in [x, x + grid.badge.0] {
            xs.insert((v * 100.0).round() as i64, v);
        }
        for v in [y, y + grid.badge.1] {
            ys.insert((v * 100.0).round() as i64, v);
        }
    }
    let (top, bottom) = (
        ys.values().copied().fold(f32::MAX, f32::min),
        ys.values().copied().fold(f32::MIN, f32::max),
    );
    let (left, right) = (
        xs.values().copied().fold(f32::MAX, f32::min),
        xs.values().copied().fold(f32::MIN, f32::max),
    );
    for &x in xs.values() {
        if top - offset - length >= 0.0 {
            sheet.line(
                (x, top - offset - length),
                (x, top - offset),
                thickness,
                0x000000,
            );
        }
        if bottom + offset + length <= grid.page.1 {
            sheet.line(
                (x, bottom + offset),
                (x, bottom + offset + length),
                thickness,
                0x000000,
            );
        }
    }
    for &y in ys.values() {
        if left - offset - length >= 0.0 {
            sheet.line(
                (left - offset - length, y),
                (left - offset, y),
                thickness,
                0x000000,
            );
        }
        if right + offset + length <= grid.page.0 {
            sheet.line(
                (right + offset, y),
                (right + offset + length, y),
                thickness,
                0x000000,
            );
        }
    }
}
