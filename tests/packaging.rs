//! The packaging files, checked on every CI run; `scripts/package-test` builds the package,
//! installs it and starts the installed app (too long for CI).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap()).unwrap()
}

#[test]
fn the_file_type_is_declared_once_for_the_bundler_the_desktop_and_the_mime_database() {
    let config = config();
    let association = &config["bundle"]["fileAssociations"][0];
    assert_eq!(association["ext"][0], "journee");
    let mime = association["mimeType"].as_str().unwrap();

    // The shared-mime-info definition: well-formed, this type, this glob.
    let xml = root().join("packaging/journee-mime.xml");
    let lint = Command::new("xmllint")
        .args(["--noout", xml.to_str().unwrap()])
        .output()
        .expect("xmllint (scripts/setup --test installs it)");
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(text.contains(&format!("type=\"{mime}\"")), "{text}");
    assert!(text.contains("pattern=\"*.journee\""), "{text}");

    // The desktop entry opens a file given to it and declares the type.
    let deb = &config["bundle"]["linux"]["deb"];
    let template = deb["desktopTemplate"].as_str().unwrap();
    let desktop = std::fs::read_to_string(root().join("src-tauri").join(template)).unwrap();
    assert!(desktop.contains("Exec={{exec}} %f"), "{desktop}");
    assert!(desktop.contains("Name=Journée\n"), "{desktop}");
    // The package's name comes from productName; dpkg refuses « journée »: the script
    // gives the bundler an ASCII one.
    let script = std::fs::read_to_string(root().join("scripts/package")).unwrap();
    assert!(script.contains(r#"--config '{"productName": "journee"}'"#));
    assert!(desktop.contains(&format!("MimeType={mime};")), "{desktop}");

    // What the package installs besides the app: the command, the type's definition.
    let files = deb["files"].as_object().unwrap();
    assert_eq!(files["/usr/bin/journee"], "../target/release/journee");
    let definition = files["/usr/share/mime/packages/journee.xml"]
        .as_str()
        .unwrap();
    assert!(root().join("src-tauri").join(definition).exists());
    assert_eq!(config["mainBinaryName"], "journee-app");

    // The licence the crates declare, in full, shown by the installers and installed as
    // the package's copyright.
    assert_eq!(config["bundle"]["license"], env!("CARGO_PKG_LICENSE"));
    let licence = config["bundle"]["licenseFile"].as_str().unwrap();
    let text = std::fs::read_to_string(root().join("src-tauri").join(licence)).unwrap();
    assert!(
        text.starts_with("GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3"),
        "{}",
        &text[..80]
    );
    assert_eq!(files["/usr/share/doc/journee/copyright"], licence);
}

#[test]
fn the_versions_agree() {
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let version = config()["version"].as_str().unwrap().to_string();
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    assert!(cargo.contains(&format!("version = \"{version}\"")));
}
