//! The core without a window: open the demo event, see what is on the grid, move a
//! session, read the warnings the move brings, undo it, and export the programme as a
//! PDF and the venue's workbook. Everything the app and the `journee` command do goes
//! through these same calls.
//!
//! ```sh
//! cargo run --example plan_a_day -- /tmp/plan
//! ```

use std::path::PathBuf;

use journee::common::Severity;
use journee::print::{Document, Format};
use journee::share::Export;

fn main() -> Result<(), journee::Error> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&out).map_err(|source| journee::Error::Io {
        path: out.clone(),
        source,
    })?;

    // The fictitious 2019 event: its rooms, slots, submissions and sessions.
    let mut project = journee::demo::write(&out.join("demo.journee"), true)?;
    let day = project.day()?;
    println!(
        "{}: {} rooms, {} slots",
        day.event.title,
        day.rooms.len(),
        day.slots.len()
    );

    // Sessions still in the tray, waiting for a room and a slot.
    let sessions = project.sessions()?;
    let tray: Vec<_> = sessions.iter().filter(|s| s.placement.is_none()).collect();
    for session in &tray {
        println!("to place: {} ({})", session.title, session.kind.label_fr());
    }

    // Put the first of them in the largest room with a free session slot, and see what
    // the rules say: the same warnings, in the same words, as the grid's panel.
    if let Some(session) = tray.first() {
        let free = |room: i64, slot: i64| {
            !day.placements
                .iter()
                .any(|p| p.room_id == room && p.slot_id == slot)
        };
        let mut rooms: Vec<_> = day.rooms.iter().collect();
        rooms.sort_by_key(|r| std::cmp::Reverse(r.capacity));
        let (room, slot) = rooms
            .iter()
            .flat_map(|room| day.slots.iter().map(move |slot| (*room, slot)))
            .find(|(room, slot)| {
                slot.kind == journee::model::SlotKind::Session && free(room.id, slot.id)
            })
            .expect("a free cell");
        println!(
            "placing « {} » in {} at {}",
            session.title, room.name, slot.start
        );
        project.place(session.id, room.id, slot.id)?;
        for warning in project.check()? {
            let mark = match warning.severity {
                Severity::Error => "erreur",
                Severity::Warning => "attention",
                Severity::Info => "info",
            };
            println!("{mark:9} {}", warning.message);
        }
        // Every edit is one step of the project's history.
        project.undo()?;
    }

    // What the day needs on paper, and what the venue receives.
    let printed = project.print(&Document::Programme {
        bleed: false,
        format: Format::A4,
    })?;
    journee::output::write_atomically(&out.join("programme.pdf"), &printed.pdf)?;
    let workbook = project.export(Export::Cese)?;
    journee::output::write_atomically(&out.join("pack-cese.xlsx"), &workbook)?;
    println!("written in {}", out.display());
    Ok(())
}
