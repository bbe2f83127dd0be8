//! The exports screen: workbooks, calendar, feeds and the mail-merge list, each saved
//! where the organiser says.

use journee::share::Export;
use tauri::{AppHandle, State};

use super::on_project;
use super::print::save_with_dialog;
use super::Answer;
use crate::state::AppState;

/// Makes the export, then asks where to save it. `None` when cancelled.
#[tauri::command]
pub async fn save_export(
    app: AppHandle,
    state: State<'_, AppState>,
    export: Export,
) -> Answer<Option<String>> {
    let bytes = on_project(&state, |p| p.export(export))?;
    let kind = match export.extension() {
        "xlsx" => "Classeur Excel",
        "ics" => "Calendrier iCalendar",
        "xml" => "XML",
        "json" => "JSON",
        _ => "CSV",
    };
    save_with_dialog(
        &app,
        &state,
        "Enregistrer l’export",
        (kind, export.extension()),
        export.file_name(),
        &bytes,
    )
}
