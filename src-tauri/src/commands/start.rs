//! The start screen: recent projects, new, open, demo.

use std::path::{Path, PathBuf};

use journee::{demo, Project, Template};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{install, set_title};
use super::{Answer, Failure};
use crate::state::{AppState, ProjectView};

#[derive(Serialize, ts_rs::TS)]
pub struct RecentEntry {
    pub path: String,
    pub name: String,
    pub folder: String,
    #[serde(flatten)]
    pub summary: journee::recent::Summary,
}

#[derive(Serialize, ts_rs::TS)]
pub struct StartState {
    pub recent: Vec<RecentEntry>,
    /// The project open now, if any (at start: the one asked on the command line, or the
    /// last one used).
    pub project: Option<ProjectView>,
    /// Why the project asked at launch could not be opened.
    pub error: Option<String>,
    /// A spreadsheet given with `--import`, for the import screen to open (once).
    pub pending_import: Option<String>,
    /// The grid's whole programme, when a project was opened at launch: the first paint
    /// is then the grid with its sessions, without a second round trip.
    pub programme: Option<super::programme::ProgrammeAnswer>,
}

fn entry(path: &Path) -> RecentEntry {
    RecentEntry {
        path: path.display().to_string(),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        folder: path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        summary: journee::recent::summary(path),
    }
}

/// What the start screen shows. The first call also opens what the launch asked for:
/// `--demo`, a file given on the command line, or else the last project used.
#[tauri::command]
pub fn start_state(app: AppHandle, state: State<AppState>) -> Answer<StartState> {
    let already_open = state.project.lock()?.is_some();
    let first_call = !already_open && !LAUNCHED.swap(true, std::sync::atomic::Ordering::SeqCst);
    if first_call {
        if let Some(opening) = launch_request(&state) {
            match opening {
                Ok(project) => {
                    install(&app, &state, project)?;
                }
                Err(failure) => *state.launch_error.lock()? = Some(failure.message),
            }
        }
    }
    let project = {
        let guard = state.project.lock()?;
        guard.as_ref().map(ProjectView::of).transpose()?
    };
    // Not with a spreadsheet to import: the import screen comes first, and changes it.
    let programme = match (&project, first_call && state.launch.import.is_none()) {
        (Some(_), true) => Some(super::programme::whole(&state)?),
        _ => None,
    };
    Ok(StartState {
        recent: state.recent().existing().iter().map(|p| entry(p)).collect(),
        project,
        programme,
        error: state.launch_error.lock()?.take(),
        pending_import: if first_call {
            state
                .launch
                .import
                .as_ref()
                .map(|p| p.display().to_string())
        } else {
            None
        },
    })
}

/// Whether the launch request (project, demo, spreadsheet to import) was served.
static LAUNCHED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The project to open at start.
fn launch_request(state: &State<AppState>) -> Option<Answer<Project>> {
    let launch = &state.launch;
    if launch.demo {
        return Some(open_or_write_demo(state));
    }
    if let Some(file) = &launch.file {
        return Some(Project::open(file).map_err(Failure::from));
    }
    let last = state.recent().existing().into_iter().next()?;
    Some(Project::open(&last).map_err(Failure::from))
}

fn open_or_write_demo(state: &State<AppState>) -> Answer<Project> {
    let path = state.demo_path();
    if path.is_file() {
        if let Ok(project) = Project::open(&path) {
            return Ok(project);
        }
    }
    std::fs::create_dir_all(&state.data_dir)?;
    demo::write(&path, true).map_err(Failure::from)
}

#[tauri::command]
pub fn open_project(app: AppHandle, state: State<AppState>, path: String) -> Answer<ProjectView> {
    let project = Project::open(Path::new(&path))?;
    install(&app, &state, project)
}

fn project_filter<R: tauri::Runtime>(
    builder: tauri_plugin_dialog::FileDialogBuilder<R>,
) -> tauri_plugin_dialog::FileDialogBuilder<R> {
    builder.add_filter("Projet Journée", &["journee"])
}

/// "Ouvrir…": the native open dialog, then the project. `None` when cancelled.
#[tauri::command]
pub async fn open_project_dialog(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Answer<Option<ProjectView>> {
    let picked = project_filter(app.dialog().file().set_title("Ouvrir un projet Journée"))
        .blocking_pick_file();
    let Some(picked) = picked else {
        return Ok(None);
    };
    let path = picked
        .into_path()
        .map_err(|e| Failure::from(e.to_string()))?;
    let project = Project::open(&path)?;
    install(&app, &state, project).map(Some)
}

/// "Nouveau projet": the native save dialog, then a project from `template`.
#[tauri::command]
pub async fn new_project_dialog(
    app: AppHandle,
    state: State<'_, AppState>,
    template: String,
) -> Answer<Option<ProjectView>> {
    let template = Template::parse(&template)?;
    let picked = project_filter(app.dialog().file().set_title("Nouveau projet Journée"))
        .set_file_name(template.file_name())
        .blocking_save_file();
    let Some(picked) = picked else {
        return Ok(None);
    };
    let mut path: PathBuf = picked
        .into_path()
        .map_err(|e| Failure::from(e.to_string()))?;
    if path.extension().is_none() {
        path.set_extension("journee");
    }
    // The save dialog already asked whether to replace an existing file.
    let project = Project::create(&path, template, true)?;
    install(&app, &state, project).map(Some)
}

#[tauri::command]
pub fn open_demo(app: AppHandle, state: State<AppState>) -> Answer<ProjectView> {
    let project = open_or_write_demo(&state)?;
    install(&app, &state, project)
}

#[tauri::command]
pub fn close_project(app: AppHandle, state: State<AppState>) -> Answer<()> {
    *state.project.lock()? = None;
    set_title(&app, "Journée");
    Ok(())
}

#[tauri::command]
pub fn forget_recent(state: State<AppState>, path: String) -> Answer<()> {
    let mut recent = state.recent();
    recent.remove(Path::new(&path));
    recent.save(&state.config_dir).map_err(Failure::from)
}
