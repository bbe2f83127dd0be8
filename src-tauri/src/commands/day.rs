//! The day screen: the event, its rooms and slots.

use journee::model::{Event, NewRoom, NewSlot, RoomPatch, SlotPatch};
use tauri::{AppHandle, State};

use super::Answer;
use super::{set_title, with_project};
use crate::state::{AppState, ProjectView};

#[tauri::command]
pub fn get_day(state: State<AppState>) -> Answer<ProjectView> {
    with_project(&state, |_| Ok(()))
}

#[tauri::command]
pub fn update_event(app: AppHandle, state: State<AppState>, event: Event) -> Answer<ProjectView> {
    let view = with_project(&state, |p| p.update_event(event))?;
    set_title(&app, &view.window_title());
    Ok(view)
}

#[tauri::command]
pub fn add_room(state: State<AppState>, room: NewRoom) -> Answer<ProjectView> {
    with_project(&state, |p| p.add_room(room))
}

#[tauri::command]
pub fn update_room(state: State<AppState>, id: i64, patch: RoomPatch) -> Answer<ProjectView> {
    with_project(&state, |p| p.update_room(id, patch))
}

#[tauri::command]
pub fn move_room(state: State<AppState>, id: i64, delta: i64) -> Answer<ProjectView> {
    with_project(&state, |p| p.move_room(id, delta))
}

#[tauri::command]
pub fn remove_room(state: State<AppState>, id: i64) -> Answer<ProjectView> {
    with_project(&state, |p| p.remove_room(id))
}

#[tauri::command]
pub fn add_slot(state: State<AppState>, slot: NewSlot) -> Answer<ProjectView> {
    with_project(&state, |p| p.add_slot(slot))
}

#[tauri::command]
pub fn update_slot(state: State<AppState>, id: i64, patch: SlotPatch) -> Answer<ProjectView> {
    with_project(&state, |p| p.update_slot(id, patch))
}

#[tauri::command]
pub fn remove_slot(state: State<AppState>, id: i64) -> Answer<ProjectView> {
    with_project(&state, |p| p.remove_slot(id))
}
