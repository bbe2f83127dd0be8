//! The print screen: make a document, show its pages and what would print badly, save it
//! where the organiser says, open it in the system's viewer.

use journee::print::{Document, Finding, Paperwork, Printed};
use serde::Serialize;
use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::on_project;
use super::{Answer, Failure};
use crate::state::AppState;

#[derive(Serialize, ts_rs::TS)]
pub struct PrintSummary {
    pub pages: usize,
    pub bytes: usize,
    pub findings: Vec<Finding>,
    pub file_name: String,
}

/// Makes the document; the PDF stays here for `print_pdf` and `save_print`.
#[tauri::command]
pub async fn print_preview(state: State<'_, AppState>, request: Document) -> Answer<PrintSummary> {
    let printed: Printed = on_project(&state, |p| p.print(&request))?;
    let file_name = request.file_name();
    let summary = PrintSummary {
        pages: printed.pages,
        bytes: printed.pdf.len(),
        findings: printed.findings,
        file_name: file_name.clone(),
    };
    *state.printed.lock()? = Some((printed.pdf, file_name));
    Ok(summary)
}

/// The last PDF made, as raw bytes (pdf.js draws the preview from them).
#[tauri::command]
pub fn print_pdf(state: State<AppState>) -> Answer<Response> {
    let printed = state.printed.lock()?;
    let (pdf, _) = printed.as_ref().ok_or("Aucun document n’a été préparé.")?;
    Ok(Response::new(pdf.clone()))
}

/// "Enregistrer le PDF…": the native save dialog, then the file, written whole or not
/// at all. `None` when cancelled.
#[tauri::command]
pub async fn save_print(app: AppHandle, state: State<'_, AppState>) -> Answer<Option<String>> {
    let (pdf, name) = state
        .printed
        .lock()?
        .clone()
        .ok_or("Aucun document n’a été préparé.")?;
    save_with_dialog(
        &app,
        &state,
        "Enregistrer le PDF",
        ("PDF", "pdf"),
        &name,
        &pdf,
    )
}

/// "Enregistrer le classeur…" for a list (sign-in, guests, run of show): the same rows
/// as the PDF, for the venue's security or a co-organiser. `None` when cancelled.
#[tauri::command]
pub async fn save_paperwork_workbook(
    app: AppHandle,
    state: State<'_, AppState>,
    which: Paperwork,
) -> Answer<Option<String>> {
    let bytes = on_project(&state, |p| p.paperwork_workbook(which))?
        .ok_or("Ce document n’est pas une liste\u{a0}: il s’enregistre en PDF seulement.")?;
    save_with_dialog(
        &app,
        &state,
        "Enregistrer le classeur",
        ("Classeur Excel", "xlsx"),
        &format!("{}.xlsx", which.stem()),
        &bytes,
    )
}

/// The native save dialog, then `bytes` written atomically where the organiser said;
/// the file is remembered for "Ouvrir" and "Afficher dans le dossier".
pub(crate) fn save_with_dialog(
    app: &AppHandle,
    state: &State<AppState>,
    title: &str,
    (kind, extension): (&str, &str),
    name: &str,
    bytes: &[u8],
) -> Answer<Option<String>> {
    let picked = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(kind, &[extension])
        .set_file_name(name)
        .blocking_save_file();
    let Some(picked) = picked else {
        return Ok(None);
    };
    let mut path = picked
        .into_path()
        .map_err(|e| Failure::from(e.to_string()))?;
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    journee::output::write_atomically(&path, bytes)?;
    state.saved.lock()?.insert(path.clone());
    Ok(Some(path.to_string_lossy().into_owned()))
}

fn saved_here(state: &State<AppState>, path: &str) -> Answer<std::path::PathBuf> {
    let path = std::path::PathBuf::from(path);
    if state.saved.lock()?.contains(&path) {
        Ok(path)
    } else {
        Err("Seuls les fichiers enregistrés depuis Journée s’ouvrent d’ici.".into())
    }
}

/// "Ouvrir": the system's application for a file saved from this window.
#[tauri::command]
pub fn open_file(app: AppHandle, state: State<AppState>, path: String) -> Answer<()> {
    let path = saved_here(&state, &path)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| format!("Impossible d’ouvrir le fichier\u{a0}: {e}").into())
}

/// "Afficher dans le dossier": the file manager, on a file saved from this window.
#[tauri::command]
pub fn reveal_file(app: AppHandle, state: State<AppState>, path: String) -> Answer<()> {
    let path = saved_here(&state, &path)?;
    app.opener()
        .reveal_item_in_dir(path)
        .map_err(|e| format!("Impossible d’afficher le dossier\u{a0}: {e}").into())
}

/// The badges' logo kept in the project: its file name, if any.
#[tauri::command]
pub fn badge_logo(state: State<AppState>) -> Answer<Option<String>> {
    on_project(&state, |p| p.logo_name())
}

/// "Choisir un logo…": the native open dialog, then the image, checked and scaled down.
/// `None` when cancelled.
#[tauri::command]
pub async fn choose_logo(app: AppHandle, state: State<'_, AppState>) -> Answer<Option<String>> {
    let picked = super::pick_file(
        &app,
        "Choisir le logo des badges",
        ("Images (PNG, JPEG)", &["png", "jpg", "jpeg"]),
        false,
    )?;
    let Some(path) = picked else {
        return Ok(None);
    };
    on_project(&state, |p| p.set_logo(&path)).map(|logo| Some(logo.file_name))
}

#[tauri::command]
pub fn remove_logo(state: State<AppState>) -> Answer<()> {
    on_project(&state, |p| p.remove_logo())
}
