//! The tables screen: a centrifugeuse's seating, moves by hand, a new assignment.

use journee::seating::{SeatTarget, SessionSeating};
use journee::Project;
use tauri::State;

use crate::state::AppState;

fn on_project<T>(
    state: &State<AppState>,
    act: impl FnOnce(&mut Project) -> journee::Result<T>,
) -> Result<T, String> {
    let mut guard = state.project.lock().map_err(|e| e.to_string())?;
    let project = guard.as_mut().ok_or("Aucun projet n'est ouvert.")?;
    act(project).map_err(|e| e.to_string())
}

#[tauri::command]
pub fn seating(state: State<AppState>, session: i64) -> Result<SessionSeating, String> {
    on_project(&state, |p| p.seating(session))
}

/// A drop (pointer or keyboard) of someone on a seat, a table or the waiting list.
#[tauri::command]
pub fn move_seat(
    state: State<AppState>,
    session: i64,
    person: i64,
    target: SeatTarget,
) -> Result<SessionSeating, String> {
    on_project(&state, |p| p.move_seat(session, person, target))
}

/// Assigns the seats not pinned again.
#[tauri::command]
pub fn assign_tables(state: State<AppState>, session: i64) -> Result<SessionSeating, String> {
    on_project(&state, |p| {
        p.assign_tables(Some(session))?;
        p.seating(session)
    })
}
