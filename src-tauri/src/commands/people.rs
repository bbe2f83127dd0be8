//! The participants' screen: the directory, a person's edits, merges. Each answer is the
//! screen's whole state for the filters, with the project's undo history.

use journee::people::{Participant, PeopleQuery, PersonPatch};
use journee::Project;
use serde::Serialize;
use tauri::State;

use super::{on_project, Answer, History};
use crate::state::AppState;

#[derive(Serialize, ts_rs::TS)]
pub struct PeopleView {
    pub people: Vec<Participant>,
    /// How many people the project knows, whatever the filters.
    pub total: usize,
    /// The organisations met, for the filter (each once, as first written).
    pub organisations: Vec<String>,
    pub history: History,
    /// The step just undone or redone.
    pub done: Option<String>,
}

fn people(
    state: &State<AppState>,
    query: &PeopleQuery,
    edit: impl FnOnce(&mut Project) -> journee::Result<Option<String>>,
) -> Answer<PeopleView> {
    on_project(state, |project| {
        let done = edit(project)?;
        let everyone = project.participants()?;
        let (undo, redo) = project.history()?;
        Ok(PeopleView {
            total: everyone.len(),
            organisations: journee::people::organisations(&everyone),
            people: everyone.into_iter().filter(|p| query.matches(p)).collect(),
            history: History { undo, redo },
            done,
        })
    })
}

#[tauri::command]
pub fn people_state(state: State<AppState>, query: PeopleQuery) -> Answer<PeopleView> {
    people(&state, &query, |_| Ok(None))
}

#[tauri::command]
pub fn update_person(
    state: State<AppState>,
    query: PeopleQuery,
    id: i64,
    patch: PersonPatch,
) -> Answer<PeopleView> {
    people(&state, &query, |p| {
        p.update_person(id, patch).map(|()| None)
    })
}

#[tauri::command]
pub fn merge_people(
    state: State<AppState>,
    query: PeopleQuery,
    keep: i64,
    other: i64,
) -> Answer<PeopleView> {
    people(&state, &query, |p| {
        p.merge_people(keep, other).map(|()| None)
    })
}

#[tauri::command]
pub fn people_undo(state: State<AppState>, query: PeopleQuery) -> Answer<PeopleView> {
    people(&state, &query, |p| p.undo().map(Some))
}

#[tauri::command]
pub fn people_redo(state: State<AppState>, query: PeopleQuery) -> Answer<PeopleView> {
    people(&state, &query, |p| p.redo().map(Some))
}
