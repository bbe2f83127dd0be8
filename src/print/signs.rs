//! Door signs: one A4 landscape page per room and day, its name and its sessions, large
//! enough to read from a corridor.

use printpdf::PdfDocument;

use super::fonts::{Fonts, Weight};
use super::page::{Align, Sheet, INK, MUTED};
use super::preflight::{prepare_text, About, Finding};
use super::text::{self, Fit};
use crate::common::typography;
use crate::common::Severity;
use crate::model::Day;
use crate::programme::SessionView;

const W: f32 = 297.0;
const H: f32 = 210.0;
const MARGIN: f32 = 15.0;

pub fn draw(
    doc: &mut PdfDocument,
    fonts: &mut Fonts,
    day: &Day,
    sessions: &[SessionView],
) -> (Vec<Sheet>, Vec<Finding>) {
    let mut sheets = Vec::new();
    let mut findings = Vec::new();
    let mut dates: Vec<_> = day.slots.iter().map(|s| s.date).collect();
    dates.dedup();
    for room in &day.rooms {
        for date in &dates {
            let mut here: Vec<(&crate::model::Slot, &SessionView)> = sessions
                .iter()
                .filter_map(|s| {
                    let cell = s.placement?;
                    let slot = day.slots.iter().find(|sl| sl.id == cell.slot_id)?;
                    (cell.room_id == room.id && slot.date == *date).then_some((slot, s))
                })
                .collect();
            if here.is_empty() {
                continue;
            }
            here.sort_by_key(|(slot, _)| slot.start);
            for (_, s) in &here {
                let label = format!("Affichette «\u{a0}{}\u{a0}»", room.name);
                let about = About {
                    document: "signs",
                    label: &label,
                    person: None,
                    session: Some(s.id),
                };
                prepare_text(fonts, doc, &s.title, &about, &mut findings);
            }
            fonts.prepare(doc, &room.name);
            sheets.push(sign(fonts, day, room, *date, &here, &mut findings));
        }
    }
    (sheets, findings)
}

fn sign(
    fonts: &Fonts,
    day: &Day,
    room: &crate::model::Room,
    date: chrono::NaiveDate,
    here: &[(&crate::model::Slot, &SessionView)],
    findings: &mut Vec<Finding>,
) -> Sheet {
    let mut sheet = Sheet::new(W, H);
    let inner = W - 2.0 * MARGIN;
    // Inside the 5 mm office printers leave blank: a band to the edge prints clipped.
    sheet.fill_rect(5.0, 5.0, W - 10.0, 5.0, 0x1b2430);
    let name = text::fit(
        fonts,
        &room.name,
        Fit {
            weight: Weight::Bold,
            width: inner,
            height: 40.0,
            size: 72.0,
            readable: 36.0,
            max_lines: 1,
        },
    );
    let mut y = 16.0;
    sheet.lines(
        fonts,
        (MARGIN, y),
        &name.lines,
        Weight::Bold,
        name.size,
        INK,
        Align::Left,
    );
    y += text::line_height(name.size) + 2.0;
    let day_line = super::french_dates(date, date);
    sheet.text(
        fonts,
        (MARGIN, y + 6.0),
        &day_line,
        Weight::Regular,
        18.0,
        MUTED,
        Align::Left,
    );
    y += 14.0;

    // The sessions share what is left, each at the largest size that fits.
    let footer = 12.0;
    let per = ((H - footer - y) / here.len() as f32).min(40.0);
    for (slot, session) in here {
        let time = slot.time_range();
        sheet.line((MARGIN, y), (W - MARGIN, y), 0.8, 0xc8ccd2);
        let time_size = (per * 0.45 * 72.0 / 25.4).clamp(12.0, 30.0);
        sheet.text(
            fonts,
            (MARGIN, y + per * 0.45),
            &time,
            Weight::Bold,
            time_size,
            INK,
            Align::Left,
        );
        let left = MARGIN + 70.0;
        let title = text::fit(
            fonts,
            &typography::french(&session.title),
            Fit {
                weight: Weight::Bold,
                width: W - MARGIN - left,
                height: per * 0.6,
                size: time_size,
                readable: 14.0,
                max_lines: 2,
            },
        );
        if title.too_small {
            findings.push(Finding {
                code: "small_text",
                severity: Severity::Warning,
                document: "signs",
                message: format!(
                    "Affichette «\u{a0}{}\u{a0}»\u{a0}: le titre «\u{a0}{}\u{a0}» est imprimé en {:.0}\u{a0}pt, difficile à lire de loin.",
                    room.name, session.title, title.size
                ),
                person: None,
                session: Some(session.id),
            });
        }
        sheet.lines(
            fonts,
            (left, y + 2.0),
            &title.lines,
            Weight::Bold,
            title.size,
            INK,
            Align::Left,
        );
        let kind = session.kind.label_fr();
        let mut detail = kind.to_string();
        if session.language == "en" {
            detail.push_str(" · in English");
        }
        let detail_size = (time_size * 0.45).clamp(9.0, 14.0);
        sheet.text(
            fonts,
            (left, y + per - 1.5),
            &detail,
            Weight::Regular,
            detail_size,
            MUTED,
            Align::Left,
        );
        y += per;
    }
    // Above the 5 mm office printers leave blank, the descenders included.
    sheet.text(
        fonts,
        (MARGIN, H - 8.0),
        &typography::french(&day.event.title),
        Weight::Regular,
        10.0,
        MUTED,
        Align::Left,
    );
    sheet
}
