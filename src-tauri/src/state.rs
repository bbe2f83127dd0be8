//! What the shell keeps between commands: the open project, and where its own small
//! files (the recent list, the demo) live.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::commands::Answer;
use journee::recent::RecentProjects;
use journee::Project;
use serde::Serialize;
use tauri::{AppHandle, Manager};

/// What the command line asked for:
/// `journee-app [FICHIER.journee] [--demo] [--import TABLEUR]`. With `--import`, the
/// import screen opens on that spreadsheet (what "Ouvrir avec Journée" on a file gives).
#[derive(Debug, Default, Clone)]
pub struct Launch {
    pub file: Option<PathBuf>,
    pub demo: bool,
    pub import: Option<PathBuf>,
}

impl Launch {
    pub fn from_args(args: impl Iterator<Item = String>) -> Launch {
        let mut launch = Launch::default();
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--demo" => launch.demo = true,
                "--import" => launch.import = args.next().map(PathBuf::from),
                other if !other.starts_with('-') => launch.file = Some(PathBuf::from(other)),
                _ => {}
            }
        }
        launch
    }
}

pub struct AppState {
    pub project: Mutex<Option<Project>>,
    /// Where the recent list lives. `JOURNEE_CONFIG_DIR` overrides it (tests use a temp dir).
    pub config_dir: PathBuf,
    /// Where the demo project is written. `JOURNEE_DATA_DIR` overrides it.
    pub data_dir: PathBuf,
    /// Why the project asked at launch could not be opened, shown once by the start screen.
    pub launch_error: Mutex<Option<String>>,
    pub launch: Launch,
    /// Set by "Annuler" while an import runs; the import checks it between rows.
    pub cancel_import: std::sync::atomic::AtomicBool,
    /// The last PDF made for the print screen, and its suggested file name.
    pub printed: Mutex<Option<(Vec<u8>, String)>>,
    /// The programme proposal the grid previews, which « Appliquer » applies.
    pub proposal: Mutex<Option<journee::programme::plan::Proposal>>,
    /// What the grid last received, to answer with what changed (`programme::Sent`).
    pub sent: Mutex<journee::programme::Sent>,
    /// Files saved from the print and export screens: the only ones "Ouvrir" and
    /// "Afficher dans le dossier" act on.
    pub saved: Mutex<std::collections::HashSet<PathBuf>>,
}

impl AppState {
    pub fn new(app: &AppHandle, launch: Launch) -> tauri::Result<AppState> {
        let config_dir = match std::env::var_os("JOURNEE_CONFIG_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => app.path().app_config_dir()?,
        };
        let data_dir = match std::env::var_os("JOURNEE_DATA_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => app.path().app_data_dir()?,
        };
        Ok(AppState {
            project: Mutex::new(None),
            config_dir,
            data_dir,
            launch_error: Mutex::new(None),
            launch,
            cancel_import: Default::default(),
            sent: Default::default(),
            printed: Default::default(),
            proposal: Default::default(),
            saved: Default::default(),
        })
    }

    pub fn demo_path(&self) -> PathBuf {
        self.data_dir.join("demo.journee")
    }

    pub fn recent(&self) -> RecentProjects {
        RecentProjects::load(&self.config_dir)
    }

    /// Records `path` as the most recent project. A list that cannot be saved only costs
    /// the organiser a click next time: it is not worth failing the open for.
    pub fn remember(&self, path: &Path) {
        let mut recent = self.recent();
        recent.push(path);
        if let Err(e) = recent.save(&self.config_dir) {
            eprintln!("Liste des projets récents non enregistrée : {e}");
        }
    }
}

/// An open project as the UI receives it.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct ProjectView {
    pub file: String,
    pub file_name: String,
    pub day: journee::model::Day,
    /// Why the project can be read but not changed (a protected file, folder or disk, a
    /// full disk), in French; None when it can be changed.
    pub read_only: Option<String>,
    /// How many of each thing it holds (the next step an empty screen suggests).
    pub counts: journee::info::Counts,
}

impl ProjectView {
    pub fn of(project: &Project) -> Answer<ProjectView> {
        Ok(ProjectView {
            file: project.path().display().to_string(),
            file_name: project
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            day: project.day()?,
            read_only: project.read_only_notice().map(str::to_string),
            counts: project.counts()?,
        })
    }

    /// "Journée de la civic tech… — demo.journee"
    pub fn window_title(&self) -> String {
        format!("{} — {} — Journée", self.day.event.title, self.file_name)
    }
}
