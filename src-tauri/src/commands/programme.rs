//! The grid of sessions: placing by drag and drop, the tray, the warnings, editing a
//! session, undo and redo. Every edit answers with what changed since the last answer,
//! as the core's `programme::Sent` finds it.

use journee::model::Day;
use journee::programme::{CellFit, KeyedWarning, NewSession, SessionPatch, SessionView};
use journee::Project;
use serde::Serialize;
use tauri::State;

use super::{on_project, Answer, Failure, History};
use crate::state::AppState;

/// What the grid receives after each command: the changes since its last answer.
#[derive(Serialize, ts_rs::TS)]
pub struct ProgrammeAnswer {
    /// The rooms and slots: sent by `programme_state` only, as programme edits leave them.
    pub day: Option<Day>,
    /// Every session (`complete`), or those that changed since the last answer.
    pub sessions: Vec<SessionView>,
    pub complete: bool,
    /// Sessions gone since the last answer.
    pub removed: Vec<i64>,
    /// Every warning (`complete`), or those that appeared since the last answer; in the
    /// core's order either way.
    pub warnings: Vec<KeyedWarning>,
    /// The keys of the warnings that went away since the last answer.
    pub warnings_removed: Vec<String>,
    pub history: History,
    /// What the last undo or redo did, for the screen reader and the status line.
    pub done: Option<String>,
}

fn programme(
    state: &State<AppState>,
    edit: impl FnOnce(&mut Project) -> journee::Result<Option<String>>,
) -> Answer<ProgrammeAnswer> {
    answer(state, false, edit)
}

fn answer(
    state: &State<AppState>,
    complete: bool,
    edit: impl FnOnce(&mut Project) -> journee::Result<Option<String>>,
) -> Answer<ProgrammeAnswer> {
    // The project stays locked while the changes are worked out, so that what was sent
    // follows the project's order of edits even when two commands come at once.
    let mut guard = state.project.lock()?;
    let project = guard.as_mut().ok_or_else(Failure::no_project)?;
    let done = super::guarded(project, edit)?;
    let (undo, redo) = project.history()?;
    let sessions = project.sessions()?;
    let warnings = project.check_sessions(&sessions)?;
    let changes = state.sent.lock()?.changes(sessions, warnings, complete);
    Ok(ProgrammeAnswer {
        day: if complete { Some(project.day()?) } else { None },
        sessions: changes.sessions,
        complete,
        removed: changes.removed,
        warnings: changes.warnings,
        warnings_removed: changes.warnings_removed,
        history: History { undo, redo },
        done,
    })
}

/// The whole programme, rooms and slots included: what the grid starts from.
#[tauri::command]
pub fn programme_state(state: State<AppState>) -> Answer<ProgrammeAnswer> {
    whole(&state)
}

/// The whole programme; what the screen was sent is forgotten.
pub(crate) fn whole(state: &State<AppState>) -> Answer<ProgrammeAnswer> {
    answer(state, true, |_| Ok(None))
}

#[tauri::command]
pub fn place_session(
    state: State<AppState>,
    session: i64,
    room: i64,
    slot: i64,
) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| p.place(session, room, slot).map(|()| None))
}

#[tauri::command]
pub fn unplace_session(state: State<AppState>, session: i64) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| p.unplace(session).map(|()| None))
}

/// « Proposer un programme »: a proposal for the grid to preview; nothing changes until
/// `apply_proposal`.
#[tauri::command]
pub fn propose_programme(
    state: State<AppState>,
    only_unplaced: bool,
) -> Answer<journee::programme::plan::Proposal> {
    let options = journee::programme::plan::PlanOptions {
        only_unplaced,
        ..Default::default()
    };
    let proposal = on_project(&state, |p| p.propose(&options))?;
    *state.proposal.lock()? = Some(proposal.clone());
    Ok(proposal)
}

/// « Appliquer »: the proposal previewed, as one step of the history.
#[tauri::command]
pub fn apply_proposal(state: State<AppState>) -> Answer<ProgrammeAnswer> {
    let proposal = state.proposal.lock()?.take().ok_or(Failure::from(
        "Aucune proposition à appliquer\u{a0}: proposez d’abord un programme.",
    ))?;
    programme(&state, |p| {
        p.apply_proposal(&proposal)
            .map(|()| Some("Programme proposé".to_string()))
    })
}

/// Pins a session where it is (a proposed programme never moves it), or unpins it.
#[tauri::command]
pub fn pin_session(state: State<AppState>, session: i64, pinned: bool) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| p.pin(session, pinned).map(|()| None))
}

#[tauri::command]
pub fn undo(state: State<AppState>) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| p.undo().map(Some))
}

/// Puts the programme back as it was in a saved version (one step of the history).
#[tauri::command]
pub fn restore_version(state: State<AppState>, name: String) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| {
        p.restore_version(&name)?;
        Ok(p.history()?.0)
    })
}

#[tauri::command]
pub fn redo(state: State<AppState>) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| p.redo().map(Some))
}

#[tauri::command]
pub fn add_session(state: State<AppState>, session: NewSession) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| p.add_session(session).map(|_| None))
}

#[tauri::command]
pub fn update_session(
    state: State<AppState>,
    id: i64,
    patch: SessionPatch,
) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| p.update_session(id, patch).map(|()| None))
}

#[tauri::command]
pub fn remove_session(state: State<AppState>, id: i64) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| p.remove_session(id).map(|()| None))
}

#[tauri::command]
pub fn reorder_contributions(
    state: State<AppState>,
    session: i64,
    submissions: Vec<i64>,
) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| {
        p.reorder_contributions(session, &submissions)
            .map(|()| None)
    })
}

#[tauri::command]
pub fn add_contribution(
    state: State<AppState>,
    session: i64,
    submission: i64,
) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| {
        p.add_contribution(session, submission).map(|()| None)
    })
}

#[tauri::command]
pub fn remove_contribution(
    state: State<AppState>,
    session: i64,
    submission: i64,
) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| {
        p.remove_contribution(session, submission).map(|()| None)
    })
}

/// How the session being dragged would fit each cell.
#[tauri::command]
pub fn session_fits(state: State<AppState>, session: i64) -> Answer<Vec<CellFit>> {
    on_project(&state, |p| p.fits(session))
}

#[tauri::command]
pub fn set_qa_minutes(
    state: State<AppState>,
    session: i64,
    submission: i64,
    minutes: i64,
) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| {
        p.set_qa_minutes(session, submission, minutes)
            .map(|()| None)
    })
}

#[derive(Serialize, ts_rs::TS)]
pub struct VersionsView {
    pub versions: Vec<journee::programme::VersionInfo>,
    /// The changes since the version asked for, if one was.
    pub changes: Option<Vec<journee::programme::VersionChange>>,
}

fn versions(
    state: &State<AppState>,
    edit: impl FnOnce(&mut Project) -> journee::Result<Option<Vec<journee::programme::VersionChange>>>,
) -> Answer<VersionsView> {
    on_project(state, |project| {
        let changes = edit(project)?;
        Ok(VersionsView {
            versions: project.versions()?,
            changes,
        })
    })
}

#[tauri::command]
pub fn list_versions(state: State<AppState>) -> Answer<VersionsView> {
    versions(&state, |_| Ok(None))
}

#[tauri::command]
pub fn save_version(state: State<AppState>, name: String) -> Answer<VersionsView> {
    versions(&state, |p| p.save_version(&name).map(|()| None))
}

#[tauri::command]
pub fn diff_version(state: State<AppState>, name: String) -> Answer<VersionsView> {
    versions(&state, |p| p.diff_version(&name).map(Some))
}

#[tauri::command]
pub fn find_people(state: State<AppState>, text: String) -> Answer<Vec<journee::model::Person>> {
    on_project(&state, |p| p.find_people(&text, 20))
}

fn role(code: &str) -> Answer<journee::model::SessionRole> {
    journee::model::SessionRole::parse(code)
        .ok_or_else(|| format!("Rôle inconnu «\u{a0}{code}\u{a0}».").into())
}

#[tauri::command]
pub fn add_session_person(
    state: State<AppState>,
    session: i64,
    person: i64,
    role: String,
) -> Answer<ProgrammeAnswer> {
    let role = self::role(&role)?;
    programme(&state, |p| {
        p.add_session_person(session, person, role).map(|()| None)
    })
}

/// Adds someone known to no list, and puts them in the session.
#[tauri::command]
pub fn add_new_person_to_session(
    state: State<AppState>,
    session: i64,
    first_name: String,
    last_name: String,
    organisation: String,
    actor_type: journee::model::ActorType,
    role: String,
) -> Answer<ProgrammeAnswer> {
    let role = self::role(&role)?;
    programme(&state, |p| {
        let person = p.add_person(&first_name, &last_name, &organisation, actor_type)?;
        p.add_session_person(session, person, role).map(|()| None)
    })
}

#[tauri::command]
pub fn remove_session_person(
    state: State<AppState>,
    session: i64,
    person: i64,
    role: String,
) -> Answer<ProgrammeAnswer> {
    let role = self::role(&role)?;
    programme(&state, |p| {
        p.remove_session_person(session, person, role)
            .map(|()| None)
    })
}

#[tauri::command]
pub fn set_table(
    state: State<AppState>,
    session: i64,
    submission: i64,
    table: Option<i64>,
) -> Answer<ProgrammeAnswer> {
    programme(&state, |p| {
        p.set_table(session, submission, table).map(|()| None)
    })
}
