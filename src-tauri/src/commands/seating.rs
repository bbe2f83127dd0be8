//! The tables screen: a centrifugeuse's seating, moves by hand, a new assignment.

use journee::seating::{SeatTarget, SessionSeating};
use serde::Serialize;
use tauri::State;

use super::on_project;
use super::Answer;
use crate::state::AppState;

#[derive(Serialize, ts_rs::TS)]
pub struct CentrifugeuseSession {
    pub id: i64,
    pub title: String,
}

/// The centrifugeuse sessions: the tables screen's and the table plans' choice.
#[tauri::command]
pub fn centrifugeuse_sessions(state: State<AppState>) -> Answer<Vec<CentrifugeuseSession>> {
    on_project(&state, |p| {
        Ok(p.centrifugeuse_sessions()?
            .into_iter()
            .map(|s| CentrifugeuseSession {
                id: s.id,
                title: s.title,
            })
            .collect())
    })
}

#[tauri::command]
pub fn seating(state: State<AppState>, session: i64) -> Answer<SessionSeating> {
    on_project(&state, |p| p.seating(session))
}

/// A drop (pointer or keyboard) of someone on a seat, a table or the waiting list.
#[tauri::command]
pub fn move_seat(
    state: State<AppState>,
    session: i64,
    person: i64,
    target: SeatTarget,
) -> Answer<SessionSeating> {
    on_project(&state, |p| p.move_seat(session, person, target))
}

/// Assigns the seats not pinned again.
#[tauri::command]
pub fn assign_tables(state: State<AppState>, session: i64) -> Answer<SessionSeating> {
    on_project(&state, |p| {
        p.assign_tables(Some(session))?;
        p.seating(session)
    })
}
