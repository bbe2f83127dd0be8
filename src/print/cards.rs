//! Session cards for planning on a wall: an A6 card per session, four to an A4 sheet cut
//! along its middle lines. Each card has its number large, its kind in the grid's colour,
//! what it needs (duration, audience, language, people) and a QR code of its number, so
//! that a card picked off the wall finds its session in the app.

use super::badges::draw_qr;
use super::fonts::{Fonts, Weight};
use super::page::{Align, Sheet, INK, MUTED};
use super::text::{self, Fit};
use crate::common::typography;
use crate::model::Day;
use crate::programme::SessionView;

const W: f32 = 105.0;
const H: f32 = 148.5;
const PAD: f32 = 9.0;
/// What office printers cannot print along each edge of the sheet.
const PRINTER_MARGIN: f32 = 5.0;
const QR: f32 = 24.0;
/// Read from a step back, on a wall.
pub const TITLE: f32 = 18.0;
pub const FACTS: f32 = 11.0;

/// What a card's QR code says: the session's number, as `journee` and the app read it.
pub fn code(session: i64) -> String {
    format!("JOURNEE-S{session}")
}

/// The card's lines of facts, in order.
pub fn facts(day: &Day, session: &SessionView) -> Vec<String> {
    let mut facts = Vec::new();
    let minutes = session.programme_minutes();
    let talks = session.contributions.len();
    if talks > 0 {
        facts.push(format!(
            "{} · {}\u{a0}min de prises de parole",
            crate::words::plural(talks as i64, "contribution", "contributions"),
            minutes
        ));
    }
    match (session.expected_audience, &session.estimate) {
        (Some(n), _) => facts.push(format!("Public attendu\u{a0}: {n}")),
        (None, Some(e)) => facts.push(format!("Public estimé\u{a0}: ≈\u{a0}{}", e.people)),
        (None, None) => {}
    }
    let room = session
        .placement
        .and_then(|cell| day.rooms.iter().find(|r| r.id == cell.room_id));
    if session.language == "en" {
        facts.push(match room {
            Some(room) if !room.interpretation => {
                "En anglais\u{a0}: la salle n’a pas de cabine d’interprétation".to_string()
            }
            _ => "En anglais\u{a0}: interprétation".to_string(),
        });
    }
    let people: Vec<String> = session
        .participants()
        .map(|p| {
            format!("{} {}", p.first_name, p.last_name)
                .trim()
                .to_string()
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if !people.is_empty() {
        facts.push(format!("Avec\u{a0}: {}", people.join(", ")));
    }
    facts.push(match session.placement {
        Some(cell) => {
            let room = day.rooms.iter().find(|r| r.id == cell.room_id);
            let slot = day.slots.iter().find(|s| s.id == cell.slot_id);
            format!(
                "Quand, où\u{a0}: {} · {}",
                slot.map(|s| s.time_range()).unwrap_or_default(),
                room.map(|r| r.name.as_str()).unwrap_or_default()
            )
        }
        None => "Pas encore placée".to_string(),
    });
    facts
}

/// Four cards a sheet; what each printed too small.
pub fn draw(fonts: &Fonts, day: &Day, sessions: &[&SessionView]) -> (Vec<Sheet>, Vec<(i64, f32)>) {
    let mut sheets = Vec::new();
    let mut small = Vec::new();
    for chunk in sessions.chunks(4) {
        let mut sheet = Sheet::new(2.0 * W, 2.0 * H);
        for (i, session) in chunk.iter().enumerate() {
            let at = ((i % 2) as f32 * W, (i / 2) as f32 * H);
            if let Some(size) = card(&mut sheet, fonts, day, session, at) {
                small.push((session.id, size));
            }
        }
        // Cut along the middle lines, drawn inside the printer's margins.
        let m = PRINTER_MARGIN;
        sheet.line((W, m), (W, 2.0 * H - m), 0.3, 0xc8ccd2);
        sheet.line((m, H), (2.0 * W - m, H), 0.3, 0xc8ccd2);
        sheets.push(sheet);
    }
    (sheets, small)
}

/// One card with its top left corner at `(x, y)`; the title's size when it shrank below
/// readable.
fn card(
    sheet: &mut Sheet,
    fonts: &Fonts,
    day: &Day,
    session: &SessionView,
    (x, y): (f32, f32),
) -> Option<f32> {
    let kind = session.kind;
    let (left, inner) = (x + PAD, W - 2.0 * PAD);
    // The band: number and kind, white on the kind's colour.
    let band = 14.0;
    sheet.fill_rect(left, y + PAD, inner, band, kind.colour());
    let baseline = y + PAD + band / 2.0 + 16.0 * 0.13;
    sheet.text(
        fonts,
        (left + 3.0, baseline),
        &format!("n°\u{a0}{}", session.id),
        Weight::Bold,
        16.0,
        0xffffff,
        Align::Left,
    );
    sheet.text(
        fonts,
        (left + inner - 3.0, baseline),
        kind.label_fr(),
        Weight::Bold,
        12.0,
        0xffffff,
        Align::Right,
    );
    let mut cursor = y + PAD + band + 4.0;
    let title = text::fit(
        fonts,
        &typography::typeset(&session.title, &session.language),
        Fit {
            weight: Weight::Bold,
            width: inner,
            height: text::line_height(TITLE) * 4.0,
            size: TITLE,
            readable: 11.0,
            max_lines: 4,
        },
    );
    sheet.lines(
        fonts,
        (left, cursor),
        &title.lines,
        Weight::Bold,
        title.size,
        INK,
        Align::Left,
    );
    cursor += text::line_height(title.size) * title.lines.len() as f32 + 3.0;
    // The facts above the QR code, and beside it at the bottom.
    let bottom = y + H - PAD;
    let qr_top = bottom - QR;
    for fact in facts(day, session) {
        let fact = typography::french(&fact);
        let fit = |width: f32| {
            text::fit_wrapped(
                fonts,
                &fact,
                Fit {
                    weight: Weight::Regular,
                    width,
                    height: text::line_height(FACTS) * 4.0,
                    size: FACTS,
                    readable: 8.0,
                    max_lines: 4,
                },
            )
        };
        let tall = |f: &text::Fitted| text::line_height(f.size) * f.lines.len() as f32;
        let mut fitted = fit(inner);
        if cursor + tall(&fitted) > qr_top - 1.0 {
            // Beside the QR code, never over it.
            fitted = fit(inner - QR - 3.0);
        }
        if cursor + text::line_height(fitted.size) * fitted.lines.len() as f32 > bottom {
            break;
        }
        sheet.lines(
            fonts,
            (left, cursor),
            &fitted.lines,
            Weight::Regular,
            fitted.size,
            MUTED,
            Align::Left,
        );
        cursor += text::line_height(fitted.size) * fitted.lines.len() as f32 + 1.2;
    }
    draw_qr(sheet, &code(session.id), (left + inner - QR, qr_top), QR);
    title.too_small.then_some(title.size)
}
