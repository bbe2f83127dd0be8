//! The import wizard: choose or drop a spreadsheet, preview its mapping, import it with
//! progress, cancel.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use journee::import::memory::{self, MappingBook};
use journee::import::{ImportOptions, Preview, Report};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};

use super::{on_project, Answer, Failure};
use crate::state::AppState;

/// "Choisir un fichier…": the native open dialog for spreadsheets.
#[tauri::command]
pub async fn pick_spreadsheet(app: AppHandle) -> Answer<Option<String>> {
    let picked = super::pick_file(
        &app,
        "Importer un tableur",
        (
            "Tableurs (xlsx, xls, ods, csv)",
            &["xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "tsv", "txt"],
        ),
        true,
    )?;
    Ok(picked.map(|path| path.display().to_string()))
}

/// The options as the window sends them, with the mappings remembered across projects.
fn with_book(state: &AppState, mut options: ImportOptions) -> ImportOptions {
    options.mapping_book = Some(memory::book_path(&state.data_dir));
    options
}

#[tauri::command]
pub fn preview_import(
    state: State<AppState>,
    path: String,
    options: ImportOptions,
) -> Answer<Preview> {
    let options = with_book(&state, options);
    on_project(&state, |p| p.preview_import(&PathBuf::from(path), &options))
}

#[derive(Clone, Serialize)]
struct ImportProgress {
    done: usize,
    total: usize,
}

/// Imports on a worker thread, telling the window how far it is ("import-progress").
#[tauri::command]
pub async fn run_import(app: AppHandle, path: String, options: ImportOptions) -> Answer<Report> {
    let worker = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = worker.state::<AppState>();
        let options = with_book(&state, options);
        state.cancel_import.store(false, Ordering::SeqCst);
        let mut progress = |done: usize, total: usize| {
            let _ = worker.emit("import-progress", ImportProgress { done, total });
            !state.cancel_import.load(Ordering::SeqCst)
        };
        on_project(&state, |p| {
            p.import_with_progress(&PathBuf::from(path), &options, &mut progress)
        })
    })
    .await?
}

#[tauri::command]
pub fn cancel_import(state: State<AppState>) {
    state.cancel_import.store(true, Ordering::SeqCst);
}

/// The organiser says how an answer of the file reads ("Fan-club" is an association);
/// returns the preview read again with it.
#[tauri::command]
pub fn set_value_mapping(
    state: State<AppState>,
    path: String,
    options: ImportOptions,
    field: String,
    source: String,
    value: String,
) -> Answer<Preview> {
    let options = with_book(&state, options);
    on_project(&state, |p| {
        p.set_value_mapping(&field, &source, &value)?;
        p.preview_import(&PathBuf::from(path), &options)
    })
}

/// "Exporter les correspondances…": the mappings remembered, saved where the organiser
/// says, to share with a co-organiser. `None` when cancelled.
#[tauri::command]
pub async fn export_mappings(app: AppHandle, state: State<'_, AppState>) -> Answer<Option<String>> {
    let book = MappingBook::load(&memory::book_path(&state.data_dir))?;
    let bytes = serde_json::to_vec_pretty(&book)?;
    crate::commands::print::save_with_dialog(
        &app,
        &state,
        "Exporter les correspondances de colonnes",
        ("Correspondances Journée", "json"),
        "correspondances.json",
        &bytes,
    )
}

/// "Importer des correspondances…": a co-organiser's mappings added to ours (theirs
/// win for the same headers). Returns how many came in, `None` when cancelled.
#[tauri::command]
pub async fn import_mappings(app: AppHandle, state: State<'_, AppState>) -> Answer<Option<usize>> {
    let picked = super::pick_file(
        &app,
        "Importer des correspondances de colonnes",
        ("Correspondances Journée", &["json"]),
        false,
    )?;
    let Some(file) = picked else {
        return Ok(None);
    };
    MappingBook::add_file(&memory::book_path(&state.data_dir), &file)
        .map(Some)
        .map_err(Failure::from)
}
