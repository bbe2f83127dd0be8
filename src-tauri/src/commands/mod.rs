//! Tauri commands, one file per screen. Each takes the UI's intent, calls the core and
//! returns plain data or the core's French message.

pub mod backups;
pub mod day;
#[cfg(all(debug_assertions, target_os = "linux"))]
pub mod e2e;
pub mod import;
pub mod people;
pub mod print;
pub mod programme;
pub mod review;
pub mod seating;
pub mod share;
pub mod start;

use journee::Project;
use tauri::{AppHandle, Manager, State};

use crate::state::{AppState, ProjectView};

/// Runs `act` on the open project and returns what it answers.
pub(crate) fn on_project<T>(
    state: &State<AppState>,
    act: impl FnOnce(&mut Project) -> journee::Result<T>,
) -> Result<T, String> {
    let mut guard = state.project.lock().map_err(|e| e.to_string())?;
    let project = guard.as_mut().ok_or("Aucun projet n’est ouvert.")?;
    guarded(project, act)
}

/// Runs `edit` on the open project and returns the project as it now is.
pub(crate) fn with_project<T>(
    state: &State<AppState>,
    edit: impl FnOnce(&mut Project) -> journee::Result<T>,
) -> Result<ProjectView, String> {
    let mut guard = state.project.lock().map_err(|e| e.to_string())?;
    let project = guard
        .as_mut()
        .ok_or_else(|| "Aucun projet n’est ouvert.".to_string())?;
    guarded(project, edit)?;
    ProjectView::of(project)
}

/// `act` on `project`, a bug of ours (a panic) said in French instead of ending the app.
/// Every change is one transaction, which a panic rolls back: the project stays open
/// and as it was, and the lock is never left poisoned.
pub(crate) fn guarded<T>(
    project: &mut Project,
    act: impl FnOnce(&mut Project) -> journee::Result<T>,
) -> Result<T, String> {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| act(project)));
    match outcome {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(_) => Err(INTERNAL_ERROR.to_string()),
    }
}

pub(crate) const INTERNAL_ERROR: &str =
    "Erreur interne de Journée (une anomalie de l'application, \
     pas de votre fait)\u{a0}: rien n'a été modifié, le projet reste ouvert. Vous pouvez \
     continuer\u{a0}; si cela se reproduit, signalez-le avec ce que vous faisiez.";

/// Makes `project` the open one, remembers it and names it in the window title.
pub(crate) fn install(
    app: &AppHandle,
    state: &State<AppState>,
    project: Project,
) -> Result<ProjectView, String> {
    let mut project = project;
    project.keep_backups_in(&state.data_dir.join("sauvegardes"));
    let view = ProjectView::of(&project)?;
    state.remember(project.path());
    *state.project.lock().map_err(|e| e.to_string())? = Some(project);
    set_title(app, &view.window_title());
    Ok(view)
}

/// The native open dialog: a file of the `(kind, extensions)` given, or any file when
/// `any` says so. `None` when cancelled.
pub(crate) fn pick_file(
    app: &AppHandle,
    title: &str,
    (kind, extensions): (&str, &[&str]),
    any: bool,
) -> Result<Option<std::path::PathBuf>, String> {
    use tauri_plugin_dialog::DialogExt;
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(kind, extensions);
    if any {
        dialog = dialog.add_filter("Tous les fichiers", &["*"]);
    }
    match dialog.blocking_pick_file() {
        None => Ok(None),
        Some(picked) => picked.into_path().map(Some).map_err(|e| e.to_string()),
    }
}

pub(crate) fn set_title(app: &AppHandle, title: &str) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(title);
    }
}
