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

/// Where the automatic backups of every project go, one folder per project.
pub fn backups_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("sauvegardes"))
}
