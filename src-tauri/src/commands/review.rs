//! The review screen: the submissions the filters find, statuses, reviews, tags, balance.

use journee::model::Status;
use journee::review::{Balance, Query, SubmissionView, Targets};
use journee::Project;
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

#[derive(Serialize)]
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

#[derive(Serialize)]
pub struct History {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// Runs `edit`, then returns the review screen's state for `query`.
fn review(
    state: &State<AppState>,
    query: &Query,
    edit: impl FnOnce(&mut Project) -> journee::Result<()>,
) -> Result<ReviewView, String> {
    let mut guard = state.project.lock().map_err(|e| e.to_string())?;
    let project = guard.as_mut().ok_or("Aucun projet n’est ouvert.")?;
    let text = |e: journee::Error| e.to_string();
    super::guarded(project, edit)?;
    let (undo, redo) = project.history().map_err(text)?;
    Ok(ReviewView {
        history: History { undo, redo },
        done: None,
        submissions: project.find_submissions(query).map_err(text)?,
        total: project.submissions(None).map_err(text)?.len(),
        balance: project.balance().map_err(text)?,
        targets: project.balance_targets().map_err(text)?,
    })
}

fn status(code: &str) -> Result<Status, String> {
    Status::parse(code).ok_or_else(|| format!("Statut inconnu «\u{a0}{code}\u{a0}»."))
}

#[tauri::command]
pub fn review_state(state: State<AppState>, query: Query) -> Result<ReviewView, String> {
    review(&state, &query, |_| Ok(()))
}

/// Undoes the project's last step (a review edit, a move on the grid, an import…) and
/// returns the review screen's state.
#[tauri::command]
pub fn review_undo(state: State<AppState>, query: Query) -> Result<ReviewView, String> {
    let mut done = None;
    let mut view = review(&state, &query, |p| p.undo().map(|label| done = Some(label)))?;
    view.done = done;
    Ok(view)
}

#[tauri::command]
pub fn review_redo(state: State<AppState>, query: Query) -> Result<ReviewView, String> {
    let mut done = None;
    let mut view = review(&state, &query, |p| p.redo().map(|label| done = Some(label)))?;
    view.done = done;
    Ok(view)
}

/// The submissions `query` finds, without the rest of the review screen (a search in
/// the session panel).
#[tauri::command]
pub fn find_submissions(
    state: State<AppState>,
    query: Query,
) -> Result<Vec<SubmissionView>, String> {
    super::on_project(&state, |p| p.find_submissions(&query))
}

#[tauri::command]
pub fn set_statuses(
    state: State<AppState>,
    query: Query,
    ids: Vec<i64>,
    status: String,
) -> Result<ReviewView, String> {
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
) -> Result<ReviewView, String> {
    review(&state, &query, |p| p.review(id, &reviewer, score, &note))
}

#[tauri::command]
pub fn set_tags(
    state: State<AppState>,
    query: Query,
    id: i64,
    tags: Vec<String>,
) -> Result<ReviewView, String> {
    review(&state, &query, |p| p.set_tags(id, &tags))
}

#[tauri::command]
pub fn set_balance_targets(
    state: State<AppState>,
    query: Query,
    targets: Targets,
) -> Result<ReviewView, String> {
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
) -> Result<ReviewView, String> {
    review(&state, &query, |p| p.correct_submission(id, &field, &value))
}
