// The emptiest Tauri 2 app: one window on a one-line page.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty app");
}
