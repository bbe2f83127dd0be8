//! The user's data folder for Journée, shared by the app and the command line: the
//! mappings remembered across projects, the automatic backups.

use std::path::PathBuf;

/// The app's identifier (tauri.conf.json): its data folder is the user's data folder
/// followed by it, on every system, as Tauri's path API builds it.
pub const APP_IDENTIFIER: &str = "fr.decider-ensemble.journee";

/// The user's data folder for Journée: `JOURNEE_DATA_DIR` when set (the tests use
/// throwaway folders), else the system's own.
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("JOURNEE_DATA_DIR") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => dirs::data_dir().map(|d| d.join(APP_IDENTIFIER)),
    }
}

/// What « À propos » says: the version, the licence, and where things are kept.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct About {
    pub version: &'static str,
    pub licence: &'static str,
    /// The user's data folder (remembered column mappings, backups).
    pub data_dir: Option<PathBuf>,
    /// All projects' automatic backups.
    pub backups_dir: Option<PathBuf>,
    /// The open project's file and its own backup folder.
    pub project: Option<PathBuf>,
    pub project_backups: Option<PathBuf>,
}

/// « À propos », for the open project if any.
pub fn about(project: Option<&crate::Project>) -> About {
    About {
        version: env!("CARGO_PKG_VERSION"),
        licence: env!("CARGO_PKG_LICENSE"),
        data_dir: data_dir(),
        backups_dir: backups_dir(),
        project: project.map(|p| p.path().to_path_buf()),
        project_backups: project.and_then(|p| p.backup_dir().map(std::path::Path::to_path_buf)),
    }
}

/// Where the automatic backups of every project go, one folder per project.
pub fn backups_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("sauvegardes"))
}
