//! The programme: sessions, their contributions and people, where they are placed on the
//! grid (`placement`), the warnings about it all (`rules`) and named versions (`versions`).
//! Undo and redo are the project's history (`crate::history`).

mod changes;
mod estimate;
mod placement;
pub mod plan;
pub mod rules;
mod sessions;
mod versions;

pub use changes::{Changes, KeyedWarning, Sent};
pub use estimate::count_wishes;
pub use rules::Warning;

pub use sessions::{NewSession, SessionPatch};
pub use versions::{VersionChange, VersionInfo};

// The sessions as the grid shows them are plain data, in the model; here for the paths
// the features already use.
pub use crate::model::{Cell, Estimate, SessionContribution, SessionPerson, SessionView};

use serde::Serialize;
use ts_rs::TS;

/// How a session's expected audience fits a room: what the grid shows while dragging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    Fits,
    /// 90 % of the places or more.
    Near,
    TooSmall,
    /// No expected audience entered.
    Unknown,
}

/// How a session would fit one cell: what the grid shows while it is dragged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CellFit {
    pub room_id: i64,
    pub slot_id: i64,
    pub fit: Fit,
    pub audience: Option<i64>,
    /// The audience is an estimate from the registrants' wishes.
    pub estimated: bool,
}

/// The capacity rule of `rules::capacity`, for one room.
pub fn fit(audience: Option<i64>, capacity: i64) -> Fit {
    match audience {
        None => Fit::Unknown,
        Some(n) if n > capacity => Fit::TooSmall,
        Some(n) if capacity > 0 && n * 10 >= capacity * 9 => Fit::Near,
        Some(_) => Fit::Fits,
    }
}

impl crate::Project {
    /// How `session` would fit each cell of a session slot: with its audience entered,
    /// else with its estimate as if it were placed there.
    pub fn fits(&self, session: i64) -> crate::Result<Vec<CellFit>> {
        let sessions = self.sessions()?;
        let this = sessions
            .iter()
            .find(|s| s.id == session)
            .ok_or(crate::error::EditError::SessionNotFound(session))?;
        let rooms = crate::store::read_rooms(&self.conn)?;
        let slots = crate::store::read_slots(&self.conn)?;
        let basis = estimate::Basis::new(&self.conn, &rooms, &sessions)?;
        let mut out = Vec::new();
        for slot in slots
            .iter()
            .filter(|s| s.kind == crate::model::SlotKind::Session)
        {
            for room in &rooms {
                let cell = Cell {
                    room_id: room.id,
                    slot_id: slot.id,
                };
                let estimate = match this.expected_audience {
                    Some(_) => None,
                    None => basis.estimate(this.id, this.kind, Some(&cell)),
                };
                let audience = this
                    .expected_audience
                    .or(estimate.as_ref().map(|e| e.people));
                out.push(CellFit {
                    room_id: room.id,
                    slot_id: slot.id,
                    fit: fit(audience, room.capacity),
                    audience,
                    estimated: estimate.is_some(),
                });
            }
        }
        Ok(out)
    }

    /// The warnings about the programme as it is now.
    pub fn check(&self) -> crate::Result<Vec<Warning>> {
        self.check_sessions(&self.sessions()?)
    }

    /// `check`, with the sessions the caller has just read (`sessions()`).
    pub fn check_sessions(&self, sessions: &[SessionView]) -> crate::Result<Vec<Warning>> {
        let rooms = crate::store::read_rooms(&self.conn)?;
        let slots = crate::store::read_slots(&self.conn)?;
        let unscheduled = crate::store::retained_unscheduled(&self.conn)?;
        let seated = crate::store::seats_per_table(&self.conn)?;
        Ok(rules::check(&rules::Programme {
            rooms: &rooms,
            slots: &slots,
            sessions,
            unscheduled: &unscheduled,
            seated: &seated,
        }))
    }

    /// « Proposer un programme »: where each session could go, the programme unchanged.
    pub fn propose(&self, options: &plan::PlanOptions) -> crate::Result<plan::Proposal> {
        Ok(plan::propose(self.plan_day()?, options))
    }

    /// What a proposal is made from.
    fn plan_day(&self) -> crate::Result<plan::Day> {
        Ok(plan::Day {
            rooms: crate::store::read_rooms(&self.conn)?,
            slots: crate::store::read_slots(&self.conn)?,
            sessions: self.sessions()?,
            unscheduled: crate::store::retained_unscheduled(&self.conn)?,
            seated: crate::store::seats_per_table(&self.conn)?,
            wishes: count_wishes(&self.conn)?,
        })
    }

    /// Puts the sessions where `proposal` says, as one step of the history. Refused when
    /// the day has changed since the proposal was made (another window, the command
    /// line): it would undo that change without a word.
    pub fn apply_proposal(&mut self, proposal: &plan::Proposal) -> crate::Result<()> {
        let day = self.plan_day()?;
        if day.fingerprint() != proposal.made_from {
            let what = proposal
                .moved
                .iter()
                .find(|m| {
                    day.sessions
                        .iter()
                        .find(|s| s.id == m.session)
                        .is_none_or(|s| s.placement != m.from || s.pinned)
                })
                .map(|m| format!("la session «\u{a0}{}\u{a0}» a été modifiée", m.title))
                .unwrap_or_else(|| "le programme a été modifié".to_string());
            return Err(crate::error::EditError::StaleProposal(what).into());
        }
        let ids: Vec<i64> = proposal.moved.iter().map(|m| m.session).collect();
        self.journaled("Programme proposé", &ids, |tx| {
            // Off the grid first, so that a swap never meets its partner in a cell.
            for m in &proposal.moved {
                crate::store::unplace(tx, m.session)?;
            }
            for m in &proposal.moved {
                if let Some(cell) = m.to {
                    crate::store::place(tx, m.session, cell.room_id, cell.slot_id)?;
                }
            }
            Ok(((), vec![]))
        })
    }
}
