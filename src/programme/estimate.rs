//! An audience guessed from the registrants' wishes, for the sessions with none entered.
//!
//! Someone who wished for ateliers goes to one atelier at a time: the registrants who
//! wished for a kind of session are shared among the sessions of that kind running in the
//! same slot, each in proportion to its room's seats. A session not yet placed shares them
//! with every session of its kind, which is only a first idea. The estimate keeps how it
//! was made, so that the screen and the warnings can say so.

use std::borrow::Cow;
use std::collections::HashMap;

use rusqlite::Connection;
use strum::VariantArray;

use crate::error::Result;
use crate::model::{Cell, Estimate, Room, SessionKind, SessionView};

/// Registered people whose wishes name each kind of session.
pub fn count_wishes(conn: &Connection) -> Result<HashMap<SessionKind, i64>> {
    let mut stmt =
        conn.prepare("SELECT wishes FROM people WHERE registered = 1 AND wishes <> ''")?;
    let mut counts = HashMap::new();
    for wishes in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let wishes = wishes?;
        // A kind no wish names (« autre ») counts nobody.
        for &kind in SessionKind::VARIANTS {
            if kind.wished_in(&wishes) {
                *counts.entry(kind).or_insert(0) += 1;
            }
        }
    }
    Ok(counts)
}

/// What the estimates are made from (borrowed by the plan's search, which estimates
/// thousands of times from the same counts).
pub struct Basis<'a> {
    pub wishes: Cow<'a, HashMap<SessionKind, i64>>,
    pub capacities: Cow<'a, HashMap<i64, i64>>,
    pub sessions: &'a [SessionView],
}

impl<'a> Basis<'a> {
    pub fn new(conn: &Connection, rooms: &[Room], sessions: &'a [SessionView]) -> Result<Self> {
        Ok(Basis {
            wishes: Cow::Owned(count_wishes(conn)?),
            capacities: Cow::Owned(rooms.iter().map(|r| (r.id, r.capacity)).collect()),
            sessions,
        })
    }

    /// The estimate for a session of `kind` (other than `session`) at `cell`, or not placed.
    pub fn estimate(
        &self,
        session: i64,
        kind: SessionKind,
        cell: Option<&Cell>,
    ) -> Option<Estimate> {
        let wishing = *self.wishes.get(&kind)?;
        if wishing == 0 {
            return None;
        }
        let same_kind = self
            .sessions
            .iter()
            .filter(|s| s.id != session && s.kind == kind);
        let Some(cell) = cell else {
            let among = 1 + same_kind.count() as i64;
            return Some(Estimate {
                people: div_up(wishing, among),
                wishing,
                among,
                room_share: None,
                placed: false,
            });
        };
        let beside: Vec<i64> = same_kind
            .filter_map(|s| s.placement.as_ref())
            .filter(|p| p.slot_id == cell.slot_id)
            .map(|p| p.room_id)
            .collect();
        let among = 1 + beside.len() as i64;
        let seats = |room: &i64| self.capacities.get(room).copied().unwrap_or(0).max(0);
        let mine = seats(&cell.room_id);
        let all = mine + beside.iter().map(seats).sum::<i64>();
        let (people, room_share) = if beside.is_empty() {
            (wishing, None)
        } else if all == 0 || mine == 0 {
            (div_up(wishing, among), None)
        } else {
            (
                div_up(wishing * mine, all),
                Some((mine * 100 + all / 2) / all),
            )
        };
        Some(Estimate {
            people,
            wishing,
            among,
            room_share,
            placed: true,
        })
    }
}

fn div_up(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

/// Fills in the estimates of the sessions with no audience entered.
pub(super) fn estimate_audiences(
    conn: &Connection,
    rooms: &[Room],
    sessions: &mut [SessionView],
) -> Result<()> {
    let estimates: Vec<Option<Estimate>> = {
        let basis = Basis::new(conn, rooms, sessions)?;
        sessions
            .iter()
            .map(|s| match s.expected_audience {
                Some(_) => None,
                None => basis.estimate(s.id, s.kind, s.placement.as_ref()),
            })
            .collect()
    };
    for (s, e) in sessions.iter_mut().zip(estimates) {
        s.estimate = e;
    }
    Ok(())
}

impl Estimate {
    /// How it was made, in a sentence that follows the number.
    pub fn explained(&self, kind: SessionKind) -> String {
        let kind = match kind {
            SessionKind::Atelier => "un atelier".to_string(),
            other => format!("une {}", other.label_fr().to_lowercase()),
        };
        let wishing = crate::words::plural(self.wishing, "inscrit·e a", "inscrit·es ont");
        let n = self.among;
        let shared = format!("partagé·es entre les {n}\u{a0}sessions de ce type");
        match (self.placed, n, self.room_share) {
            (false, 1, _) => format!("{wishing} demandé {kind}, seule session de ce type"),
            (false, _, _) => format!("{wishing} demandé {kind}, {shared} (avant placement)"),
            (true, 1, _) => {
                format!("{wishing} demandé {kind}, seule session de ce type à cette heure")
            }
            (true, _, Some(share)) => format!(
                "{wishing} demandé {kind}, {shared} à cette heure, \
                 {share}\u{a0}% des places pour cette salle"
            ),
            (true, _, None) => format!("{wishing} demandé {kind}, {shared} à cette heure"),
        }
    }
}
