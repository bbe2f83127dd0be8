//! The project menu's backups: the list, a backup now, a restore (one undoable step),
//! whether another program changed the project since the window last looked, and
//! « À propos » (where the backups are).

use journee::backup::{Backup, Reason};
use tauri::State;

use super::Answer;
use super::{on_project, with_project};
use crate::state::{AppState, ProjectView};

#[tauri::command]
pub fn list_backups(state: State<AppState>) -> Answer<Vec<Backup>> {
    on_project(&state, |p| p.backups())
}

#[tauri::command]
pub fn backup_now(state: State<AppState>) -> Answer<Vec<Backup>> {
    on_project(&state, |p| {
        p.back_up(Reason::Asked)?;
        p.backups()
    })
}

#[tauri::command]
pub fn restore_backup(state: State<AppState>, name: String) -> Answer<ProjectView> {
    with_project(&state, |p| p.restore(&name))
}

/// True when another program (the command line, a second window) committed a change
/// since the last call: the window then reloads what it shows.
#[tauri::command]
pub fn project_changed(state: State<AppState>) -> Answer<bool> {
    on_project(&state, |p| p.changed_elsewhere())
}

/// « À propos » : the version, the licence, where the project and its backups are kept.
#[tauri::command]
pub fn about(state: State<AppState>) -> Answer<journee::user_data::About> {
    let guard = state.project.lock()?;
    Ok(journee::user_data::about(guard.as_ref()))
}
