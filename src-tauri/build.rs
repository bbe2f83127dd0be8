fn main() {
    // The binary embeds ui/dist: rebuild when the front end was rebuilt.
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::build()
}
