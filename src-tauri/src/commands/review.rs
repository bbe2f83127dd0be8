//! The review screen: the submissions the filters find, statuses, reviews, tags, balance.

use journee::model::Status;
use journee::review::{Balance, Query, SubmissionView, Targets};
use journee::Project;
use serde::Serialize;
use tauri::State;

use super::{on_project, Answer, History};
use crate::state::AppState;

#[derive(Serialize, ts_rs::TS)]
pub struct ReviewView {
    pub submissions: Vec<SubmissionView>,
    /// How many submissions the project has, whatever the filters.
    pub total: usize,
    pub balance: Balance,
    pub targets: Targets,
    /// What undo and redo would do now (the one history of the project).
    pub history: History,
    /// The step just undone or redone, to say so.
    pub done: Option<String>,
}

/// Runs `edit`, then returns the review screen's state for `query`.
fn review(
    state: &State<AppState>,
    query: &Query,
    edit: impl FnOnce(&mut Project) -> journee::Result<()>,
) -> Answer<ReviewView> {
    on_project(state, |project| {
        edit(project)?;
        let (undo, redo) = project.history()?;
        Ok(ReviewView {
            history: History { undo, redo },
            done: None,
            submissions: project.find_submissions(query)?,
            total: project.submissions(None)?.len(),
            balance: project.balance()?,
            targets: project.balance_targets()?,
        })
    })
}

fn status(code: &str) -> Answer<Status> {
    Status::parse(code).ok_or_else(|| format!("Statut inconnu «\u{a0}{code}\u{a0}».").into())
}

#[tauri::command]
pub fn review_state(state: State<AppState>, query: Query) -> Answer<ReviewView> {
    review(&state, &query, |_| Ok(()))
}

/// Undoes the project's last step (a review edit, a move on the grid, an import…) and
/// returns the review screen's state.
#[tauri::command]
pub fn review_undo(state: State<AppState>, query: Query) -> Answer<ReviewView> {
    let mut done = None;
    let mut view = review(&state, &query, |p| p.undo().map(|label| done = Some(label)))?;
    view.done = done;
    Ok(view)
}

#[tauri::command]
pub fn review_redo(state: State<AppState>, query: Query) -> Answer<ReviewView> {
    let mut done = None;
    let mut view = review(&state, &query, |p| p.redo().map(|label| done = Some(label)))?;
    view.done = done;
    Ok(view)
}

/// The submissions `query` finds, without the rest of the review screen (a search in
/// the session panel).
#[tauri::command]
pub fn find_submissions(state: State<AppState>, query: Query) -> Answer<Vec<SubmissionView>> {
    super::on_project(&state, |p| p.find_submissions(&query))
}

#[tauri::command]
pub fn set_statuses(
    state: State<AppState>,
    query: Query,
    ids: Vec<i64>,
    status: String,
) -> Answer<ReviewView> {
    let status = self::status(&status)?;
    review(&state, &query, |p| p.set_statuses(&ids, status))
}

#[tauri::command]
pub fn review_submission(
    state: State<AppState>,
    query: Query,
    id: i64,
    reviewer: String,
    score: Option<i64>,
    note: String,
) -> Answer<ReviewView> {
    review(&state, &query, |p| p.review(id, &reviewer, score, &note))
}

#[tauri::command]
pub fn set_tags(
    state: State<AppState>,
    query: Query,
    id: i64,
    tags: Vec<String>,
) -> Answer<ReviewView> {
    review(&state, &query, |p| p.set_tags(id, &tags))
}

#[tauri::command]
pub fn set_balance_targets(
    state: State<AppState>,
    query: Query,
    targets: Targets,
) -> Answer<ReviewView> {
    review(&state, &query, |p| p.set_balance_targets(&targets))
}

/// Corrects an imported field by hand; the correction wins over later imports.
#[tauri::command]
pub fn correct_submission(
    state: State<AppState>,
    query: Query,
    id: i64,
    field: String,
    value: String,
) -> Answer<ReviewView> {
    review(&state, &query, |p| p.correct_submission(id, &field, &value))
}
