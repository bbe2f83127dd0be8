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
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use crate::state::{AppState, ProjectView};

/// What undo and redo would do now: the labels of the project's next steps, if any.
/// Every screen's answer carries it, the history being the project's one.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct History {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// What a command answers when it fails: a code a program can test — the core's
/// (`journee::Error::code`: « busy », « read_only », « edit »…) or the shell's own
/// (« no_project », « internal », « shell ») — and the French message the organiser
/// reads. Every command answers `Answer<T>`.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct Failure {
    pub code: &'static str,
    pub message: String,
}

pub type Answer<T> = Result<T, Failure>;

impl Failure {
    /// A command that needs a project, called with none open.
    pub fn no_project() -> Failure {
        Failure {
            code: "no_project",
            message: "Aucun projet n’est ouvert.".into(),
        }
    }
}

impl From<journee::Error> for Failure {
    fn from(error: journee::Error) -> Failure {
        Failure {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

/// The shell's own messages (a dialog that failed, a lock poisoned…).
impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure {
            code: "shell",
            message,
        }
    }
}

impl<T> From<std::sync::PoisonError<T>> for Failure {
    fn from(error: std::sync::PoisonError<T>) -> Failure {
        error.to_string().into()
    }
}

/// The errors of the libraries the shell calls itself (the window, dialogs, files,
/// JSON): said as they are, under the shell's code.
macro_rules! shell_failure {
    ($($error:ty),*) => {$(
        impl From<$error> for Failure {
            fn from(error: $error) -> Failure {
                error.to_string().into()
            }
        }
    )*};
}

shell_failure!(tauri::Error, std::io::Error, serde_json::Error);

impl From<journee::import::memory::BookError> for Failure {
    fn from(error: journee::import::memory::BookError) -> Failure {
        journee::Error::from(error).into()
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        message.to_string().into()
    }
}

/// Runs `act` on the open project and returns what it answers.
pub(crate) fn on_project<T>(
    state: &State<AppState>,
    act: impl FnOnce(&mut Project) -> journee::Result<T>,
) -> Answer<T> {
    let mut guard = state.project.lock()?;
    let project = guard.as_mut().ok_or_else(Failure::no_project)?;
    guarded(project, act)
}

/// Runs `edit` on the open project and returns the project as it now is.
pub(crate) fn with_project<T>(
    state: &State<AppState>,
    edit: impl FnOnce(&mut Project) -> journee::Result<T>,
) -> Answer<ProjectView> {
    let mut guard = state.project.lock()?;
    let project = guard.as_mut().ok_or_else(Failure::no_project)?;
    guarded(project, edit)?;
    ProjectView::of(project)
}

/// `act` on `project`, a bug of ours (a panic) said in French instead of ending the app.
/// Every change is one transaction, which a panic rolls back: the project stays open
/// and as it was, and the lock is never left poisoned.
pub(crate) fn guarded<T>(
    project: &mut Project,
    act: impl FnOnce(&mut Project) -> journee::Result<T>,
) -> Answer<T> {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| act(project)));
    match outcome {
        Ok(result) => Ok(result?),
        Err(_) => Err(Failure {
            code: "internal",
            message: INTERNAL_ERROR.to_string(),
        }),
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
) -> Answer<ProjectView> {
    let mut project = project;
    project.keep_backups_in(&state.data_dir.join("sauvegardes"));
    let view = ProjectView::of(&project)?;
    state.remember(project.path());
    *state.project.lock()? = Some(project);
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
) -> Answer<Option<std::path::PathBuf>> {
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
        Some(picked) => picked
            .into_path()
            .map(Some)
            .map_err(|e| Failure::from(e.to_string())),
    }
}

pub(crate) fn set_title(app: &AppHandle, title: &str) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(title);
    }
}
