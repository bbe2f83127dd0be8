//! The desktop shell: a window, a few plugins, and commands that translate between the
//! web view and the core. No domain rule lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod bindings;
mod commands;
mod state;

use tauri::Manager;

use state::{AppState, Launch};

// As in the command line: large imports allocate a lot, and mimalloc does it faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let launch = Launch::from_args(std::env::args().skip(1));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let state = AppState::new(app.handle(), launch)?;
            app.manage(state);
            // The window of tauri.conf.json, made here for one reason: with a data folder
            // of its own (JOURNEE_DATA_DIR: tests, screenshots), the web view keeps its
            // storage (language, how the grid is shown) there too, not in the user's.
            let config = app.config().app.windows[0].clone();
            let mut window = tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?;
            if std::env::var_os("JOURNEE_DATA_DIR").is_some() {
                if let Some(dir) = journee::user_data::data_dir() {
                    window = window.data_directory(dir.join("webview"));
                }
            }
            window.build()?;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::start::start_state,
            commands::start::open_project,
            commands::start::open_project_dialog,
            commands::start::new_project_dialog,
            commands::start::open_demo,
            commands::start::close_project,
            commands::start::forget_recent,
            commands::backups::list_backups,
            commands::backups::backup_now,
            commands::backups::restore_backup,
            commands::backups::project_changed,
            commands::backups::about,
            commands::day::get_day,
            commands::day::update_event,
            commands::day::add_room,
            commands::day::update_room,
            commands::day::move_room,
            commands::day::remove_room,
            commands::day::add_slot,
            commands::day::update_slot,
            commands::day::remove_slot,
            commands::import::pick_spreadsheet,
            commands::import::preview_import,
            commands::import::run_import,
            commands::import::cancel_import,
            commands::import::set_value_mapping,
            commands::import::export_mappings,
            commands::import::import_mappings,
            commands::print::print_preview,
            commands::print::print_pdf,
            commands::print::save_print,
            commands::print::save_paperwork_workbook,
            commands::print::open_file,
            commands::print::reveal_file,
            commands::share::save_export,
            commands::seating::centrifugeuse_sessions,
            commands::print::badge_logo,
            commands::print::choose_logo,
            commands::print::remove_logo,
            commands::seating::seating,
            commands::seating::move_seat,
            commands::seating::assign_tables,
            commands::programme::programme_state,
            commands::programme::place_session,
            commands::programme::unplace_session,
            commands::programme::pin_session,
            commands::programme::propose_programme,
            commands::programme::apply_proposal,
            commands::programme::undo,
            commands::programme::redo,
            commands::programme::add_session,
            commands::programme::update_session,
            commands::programme::remove_session,
            commands::programme::reorder_contributions,
            commands::programme::add_contribution,
            commands::programme::remove_contribution,
            commands::programme::session_fits,
            commands::programme::set_qa_minutes,
            commands::programme::list_versions,
            commands::programme::save_version,
            commands::programme::diff_version,
            commands::programme::restore_version,
            commands::programme::find_people,
            commands::programme::add_session_person,
            commands::programme::add_new_person_to_session,
            commands::programme::remove_session_person,
            commands::programme::set_table,
            commands::people::people_state,
            commands::people::update_person,
            commands::people::merge_people,
            commands::people::people_undo,
            commands::people::people_redo,
            commands::review::review_state,
            commands::review::review_undo,
            commands::review::review_redo,
            commands::review::find_submissions,
            commands::review::set_statuses,
            commands::review::review_submission,
            commands::review::set_tags,
            commands::review::set_balance_targets,
            commands::review::correct_submission,
            #[cfg(all(debug_assertions, target_os = "linux"))]
            commands::e2e::touch_drag,
        ])
        .run(tauri::generate_context!())
        .expect("Journée n’a pas pu démarrer");
}
