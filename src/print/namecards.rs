//! Name cards (chevalets) for the people on stage: A4 landscape folded in two along its
//! length, the name on both faces (the upper one upside down, for the speaker's side),
//! read from the back of the room. For the sessions held on a stage (the plenary, the
//! round tables); one card per person and session, in time order, so that the team sets
//! each session's cards out together; the session is written small at the foot of each
//! face.

use super::fonts::{Fonts, Weight};
use super::page::{Align, Sheet, INK, MUTED};
use super::text::{self, Fit};
use crate::common::typography;
use crate::model::{Day, SessionKind};
use crate::programme::{SessionPerson, SessionView};
use crate::share::placed;

const W: f32 = 297.0;
const H: f32 = 210.0;
/// The name's size when it fits: 72 pt capitals are 18 mm, read at fifteen metres.
pub const NAME: f32 = 72.0;
pub const NAME_READABLE: f32 = 40.0;

/// A card to print: who, and for which session (« Table ronde · 10:00 · Hémicycle »).
pub struct Card<'a> {
    pub person: &'a SessionPerson,
    pub session: String,
}

/// Everyone on a stage, session by session, once per session.
pub fn cards<'a>(day: &'a Day, sessions: &'a [SessionView]) -> Vec<Card<'a>> {
    let mut cards = Vec::new();
    for p in placed(day, sessions) {
        let staged = matches!(
            p.session.kind,
            SessionKind::Pleniere | SessionKind::TableRonde
        );
        if !staged {
            continue;
        }
        let mut seen = std::collections::HashSet::new();
        let line = format!(
            "{} · {} · {}",
            p.session.title,
            p.slot.start.format("%H:%M"),
            p.room.name
        );
        for person in p.session.participants() {
            if seen.insert(person.person_id) {
                cards.push(Card {
                    person,
                    session: line.clone(),
                });
            }
        }
    }
    cards
}

/// The card; the findings' sizes of the name and the organisation.
pub fn draw(fonts: &Fonts, card: &Card) -> (Sheet, text::Fitted) {
    let mut sheet = Sheet::new(W, H);
    let name = format!("{} {}", card.person.first_name, card.person.last_name)
        .trim()
        .to_string();
    let name = text::fit(
        fonts,
        &typography::french(&name),
        Fit {
            weight: Weight::Bold,
            width: W - 30.0,
            height: text::line_height(NAME) * 2.0,
            size: NAME,
            readable: NAME_READABLE,
            max_lines: 2,
        },
    );
    let organisation = text::fit(
        fonts,
        &typography::french(&card.person.organisation),
        Fit {
            weight: Weight::Regular,
            width: W - 30.0,
            height: text::line_height(28.0),
            size: 28.0,
            readable: 16.0,
            max_lines: 1,
        },
    );
    let session = text::fit(
        fonts,
        &typography::french(&card.session),
        Fit {
            weight: Weight::Regular,
            width: W - 30.0,
            height: text::line_height(9.0),
            size: 9.0,
            readable: 7.0,
            max_lines: 1,
        },
    );
    let face = |sheet: &mut Sheet| {
        // The face is the lower half; its text sits centred between the fold and the foot.
        let name_h = text::line_height(name.size) * name.lines.len() as f32;
        let org_h = if organisation.lines.first().is_none_or(|l| l.is_empty()) {
            0.0
        } else {
            text::line_height(organisation.size) + 3.0
        };
        let top = H / 2.0 + (H / 2.0 - 14.0 - name_h - org_h) / 2.0;
        sheet.lines(
            fonts,
            (W / 2.0, top),
            &name.lines,
            Weight::Bold,
            name.size,
            INK,
            Align::Centre,
        );
        sheet.lines(
            fonts,
            (W / 2.0, top + name_h + 3.0),
            &organisation.lines,
            Weight::Regular,
            organisation.size,
            MUTED,
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
    (sheet, name)
}
