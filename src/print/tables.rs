//! Centrifugeuse table plans: a page per session drawing the room's tables with their
//! number, project and a name at each seat; a folded tent card per table; and an
//! alphabetical "who sits where" list for the entrance.

use printpdf::PdfDocument;

use super::fonts::{Fonts, Weight};
use super::page::{Align, Sheet, INK, MUTED};
use super::preflight::{prepare_text, About, Finding};
use super::text::{self, Fit};
use crate::common::names::NameOrder;
use crate::common::typography;
use crate::common::Severity;
use crate::model::Day;
use crate::seating::{Seat, SessionSeating, TablePlan};

const W: f32 = 297.0;
const H: f32 = 210.0;
const MARGIN: f32 = 12.0;

/// Where and when a session takes place, as a line.
fn where_when(day: &Day, plan: &SessionSeating) -> String {
    let slot = plan
        .slot_id
        .and_then(|id| day.slots.iter().find(|s| s.id == id));
    let room = plan
        .room_id
        .and_then(|id| day.rooms.iter().find(|r| r.id == id));
    let mut parts = Vec::new();
    if let Some(slot) = slot {
        parts.push(slot.time_range());
    }
    if let Some(room) = room {
        parts.push(room.name.clone());
    }
    if parts.is_empty() {
        "pas encore placée".into()
    } else {
        parts.join(" · ")
    }
}

pub fn draw(
    doc: &mut PdfDocument,
    fonts: &mut Fonts,
    day: &Day,
    plans: &[SessionSeating],
) -> (Vec<Sheet>, Vec<Finding>) {
    let mut findings = Vec::new();
    for plan in plans {
        for table in &plan.tables {
            let everyone = table
                .holders
                .iter()
                .chain(&table.peers)
                .chain(&table.animateur);
            for seat in everyone {
                let label = format!("Plan de table de {}", seat.name());
                let about = About {
                    document: "tables",
                    label: &label,
                    person: Some(seat.person_id),
                    session: Some(plan.session),
                };
                let text = format!("{} {}", seat.name(), seat.organisation);
                prepare_text(fonts, doc, &text, &about, &mut findings);
            }
            fonts.prepare(doc, &table.projects.join(" "));
        }
        for broken in &plan.broken {
            findings.push(Finding {
                code: "table_rule",
                severity: Severity::Warning,
                document: "tables",
                message: format!("{}\u{a0}: {}", plan.title, broken.message),
                person: None,
                session: Some(plan.session),
            });
        }
    }
    let mut sheets: Vec<Sheet> = plans.iter().map(|p| plan_page(fonts, day, p)).collect();
    for plan in plans {
        for table in &plan.tables {
            let session = format!("{} · {}", plan.title, where_when(day, plan));
            sheets.push(tent(fonts, table, &session));
        }
    }
    sheets.extend(who_sits_where(fonts, day, plans));
    (sheets, findings)
}

fn plan_page(fonts: &Fonts, day: &Day, plan: &SessionSeating) -> Sheet {
    let mut sheet = Sheet::new(W, H);
    let title = text::fit(
        fonts,
        &typography::french(&plan.title),
        Fit {
            weight: Weight::Bold,
            width: W - 2.0 * MARGIN,
            height: 12.0,
            size: 20.0,
            readable: 11.0,
            max_lines: 1,
        },
    );
    sheet.lines(
        fonts,
        (MARGIN, MARGIN),
        &title.lines,
        Weight::Bold,
        title.size,
        INK,
        Align::Left,
    );
    sheet.text(
        fonts,
        (MARGIN, MARGIN + 15.0),
        &format!("Centrifugeuse · {}", where_when(day, plan)),
        Weight::Regular,
        11.0,
        MUTED,
        Align::Left,
    );
    // The room, and its tables: three on the first row, two on the second.
    let (top, bottom) = (MARGIN + 20.0, H - MARGIN);
    sheet.stroke_rect(MARGIN, top, W - 2.0 * MARGIN, bottom - top, 0.8, 0xaab0b8);
    let n = plan.tables.len().max(1);
    let rows = if n > 3 { 2 } else { 1 };
    for (i, table) in plan.tables.iter().enumerate() {
        let (row, col, per_row) = if rows == 2 && i >= 3 {
            (1, i - 3, n - 3)
        } else {
            (0, i, n.min(3))
        };
        let cell_w = (W - 2.0 * MARGIN) / per_row as f32;
        let cell_h = (bottom - top) / rows as f32;
        let centre = (
            MARGIN + cell_w * (col as f32 + 0.5),
            top + cell_h * (row as f32 + 0.5),
        );
        // As large as the cell allows: names read on a wall at the room's door.
        let r = (cell_h * 0.22).min(cell_w * 0.17).min(24.0);
        draw_table(&mut sheet, fonts, table, centre, r, cell_w);
    }
    sheet
}

fn draw_table(
    sheet: &mut Sheet,
    fonts: &Fonts,
    table: &TablePlan,
    (cx, cy): (f32, f32),
    r: f32,
    cell_w: f32,
) {
    sheet.circle((cx, cy), r, 1.2, INK);
    sheet.text(
        fonts,
        (cx, cy - r * 0.25),
        &format!("Table {}", table.number),
        Weight::Bold,
        13.0,
        INK,
        Align::Centre,
    );
    if table.accessible {
        sheet.text(
            fonts,
            (cx, cy - r * 0.25 - 5.5),
            "accessible",
            Weight::Regular,
            7.0,
            MUTED,
            Align::Centre,
        );
    }
    let project = text::fit(
        fonts,
        &typography::french(&table.projects.join(" / ")),
        Fit {
            weight: Weight::Regular,
            width: r * 1.6,
            height: r * 0.8,
            size: 7.5,
            readable: 5.0,
            max_lines: 3,
        },
    );
    sheet.lines(
        fonts,
        (cx, cy - r * 0.05),
        &project.lines,
        Weight::Regular,
        project.size,
        INK,
        Align::Centre,
    );
    // Six seats around: the holder at the top, the animateur at the bottom, peers between.
    let mut seats: Vec<(Option<&Seat>, &str)> = Vec::new();
    seats.push((table.holders.first(), "porteur·se"));
    for k in 0..crate::model::table::PEERS {
        seats.push((table.peers.get(k), "pair"));
    }
    seats.insert(3, (table.animateur.as_ref(), "animateur·rice"));
    for (k, (seat, role)) in seats.iter().enumerate() {
        let angle = -std::f32::consts::FRAC_PI_2
            + k as f32 / crate::model::table::SEATS as f32 * std::f32::consts::TAU;
        let (x, y) = (cx + (r + 4.0) * angle.cos(), cy + (r + 4.0) * angle.sin());
        let align = if angle.cos() > 0.3 {
            Align::Left
        } else if angle.cos() < -0.3 {
            Align::Right
        } else {
            Align::Centre
        };
        let name = match (seat, *role) {
            (Some(s), _) => s.name(),
            (None, "animateur·rice") => "animateur·rice à trouver".to_string(),
            (None, _) => "(place libre)".to_string(),
        };
        let weight = if *role == "pair" {
            Weight::Regular
        } else {
            Weight::Bold
        };
        let fitted = text::fit(
            fonts,
            &name,
            Fit {
                weight,
                // Above and below the circle, the table's whole share of the room;
                // beside it, what is left of that share.
                width: if align == Align::Centre {
                    cell_w - 6.0
                } else {
                    (cell_w / 2.0 - r - 7.0).clamp(26.0, 46.0)
                },
                height: text::line_height(10.5) * 2.0,
                size: 10.5,
                readable: 8.0,
                max_lines: 2,
            },
        );
        let y = if angle.sin() < -0.5 {
            y - 9.0
        } else if angle.sin() > 0.5 {
            y + 1.0
        } else {
            y - 3.5
        };
        sheet.lines(
            fonts,
            (x, y),
            &fitted.lines,
            weight,
            fitted.size,
            if seat.is_some() { INK } else { MUTED },
            align,
        );
        // « animateur·rice à trouver » says the role already.
        if *role != "pair" && seat.is_some() {
            let below = y + text::line_height(fitted.size) * fitted.lines.len() as f32 + 2.3;
            sheet.text(fonts, (x, below), role, Weight::Regular, 8.0, MUTED, align);
        }
    }
}

/// A4 landscape folded in two along its length: the lower half reads from one side of
/// the table, the upper half (upside down) from the other. The session, small at the foot,
/// tells the team which of the day's « Table 1 » cards this is.
fn tent(fonts: &Fonts, table: &TablePlan, session: &str) -> Sheet {
    let session = text::fit(
        fonts,
        &typography::french(session),
        Fit {
            weight: Weight::Regular,
            width: W - 40.0,
            height: text::line_height(9.0),
            size: 9.0,
            readable: 7.0,
            max_lines: 1,
        },
    );
    let mut sheet = Sheet::new(W, H);
    let face = |sheet: &mut Sheet| {
        let top = H / 2.0 + 14.0;
        sheet.text(
            fonts,
            (W / 2.0, top + 22.0),
            &format!("Table {}", table.number),
            Weight::Bold,
            60.0,
            INK,
            Align::Centre,
        );
        let project = text::fit(
            fonts,
            &typography::french(&table.projects.join(" / ")),
            Fit {
                weight: Weight::Regular,
                width: W - 40.0,
                height: 32.0,
                size: 26.0,
                readable: 14.0,
                max_lines: 2,
            },
        );
        sheet.lines(
            fonts,
            (W / 2.0, top + 32.0),
            &project.lines,
            Weight::Regular,
            project.size,
            INK,
            Align::Centre,
        );
        sheet.lines(
            fonts,
            (W / 2.0, H - 12.0),
            &session.lines,
            Weight::Regular,
            session.size,
            MUTED,
            Align::Centre,
        );
    };
    sheet.folded(face);
    sheet
}

/// Everyone seated, alphabetically: where to go. Two columns on A4 portrait pages.
fn who_sits_where(fonts: &Fonts, day: &Day, plans: &[SessionSeating]) -> Vec<Sheet> {
    let mut rows: Vec<(String, String, String)> = Vec::new();
    let mut keys: Vec<(String, String)> = Vec::new();
    for plan in plans {
        let place = where_when(day, plan);
        for table in &plan.tables {
            for seat in table
                .holders
                .iter()
                .chain(&table.peers)
                .chain(&table.animateur)
            {
                rows.push((
                    format!("{} {}", seat.last_name.to_uppercase(), seat.first_name),
                    format!("Table {} · {}", table.number, place),
                    seat.role.to_string(),
                ));
                keys.push((seat.last_name.clone(), seat.first_name.clone()));
            }
        }
    }
    let mut order = NameOrder::default();
    let mut index: Vec<usize> = (0..rows.len()).collect();
    index.sort_by(|&a, &b| order.compare((&keys[a].0, &keys[a].1), (&keys[b].0, &keys[b].1)));
    let (pw, ph) = (210.0, 297.0);
    let line = 5.6;
    let per_page = ((ph - 2.0 * MARGIN - 16.0) / line) as usize;
    let mut sheets = Vec::new();
    for chunk in index.chunks(per_page) {
        let mut sheet = Sheet::new(pw, ph);
        sheet.text(
            fonts,
            (MARGIN, MARGIN + 6.0),
            "Centrifugeuses\u{a0}: qui est à quelle table\u{a0}?",
            Weight::Bold,
            15.0,
            INK,
            Align::Left,
        );
        for (row, &i) in chunk.iter().enumerate() {
            let y = MARGIN + 16.0 + row as f32 * line;
            let (name, place, _) = &rows[i];
            let name = text::fit(
                fonts,
                name,
                Fit {
                    weight: Weight::Bold,
                    width: 68.0,
                    height: line,
                    size: 10.0,
                    readable: 6.5,
                    max_lines: 1,
                },
            );
            sheet.lines(
                fonts,
                (MARGIN, y),
                &name.lines,
                Weight::Bold,
                name.size,
                INK,
                Align::Left,
            );
            let place = text::fit(
                fonts,
                place,
                Fit {
                    weight: Weight::Regular,
                    width: pw - 2.0 * MARGIN - 72.0,
                    height: line,
                    size: 10.0,
                    readable: 6.5,
                    max_lines: 1,
                },
            );
            sheet.lines(
                fonts,
                (MARGIN + 72.0, y),
                &place.lines,
                Weight::Regular,
                place.size,
                INK,
                Align::Left,
            );
        }
        sheets.push(sheet);
    }
    sheets
}
