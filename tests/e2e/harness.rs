//! Drives the real desktop app through WebDriver: tauri-driver in front of Debian's
//! WebKitWebDriver, which starts target/debug/journee-app. Run under Xvfb (scripts/test).
//!
//! A scenario: make a `Home` (a throwaway config, data and files folder), `App::launch`
//! it with the app's arguments, find and click things, then `app.quit()`.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// How long an element may take to appear before a scenario fails.
const PATIENCE: Duration = Duration::from_secs(15);

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn app_binary() -> PathBuf {
    std::env::var_os("JOURNEE_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/debug/journee-app"))
}

/// The folders an app run sees as its own: config (recent list), data (demo), files.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A home with the demo project written in it, as `demo.journee`.
    pub fn with_demo() -> (Home, PathBuf) {
        let home = Home::new();
        let file = home.file("demo.journee");
        home.journee(&["demo", file.to_str().expect("a UTF-8 path")]);
        (home, file)
    }

    pub fn config_dir(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the `journee` command-line tool and returns its stdout; panics if it fails.
    pub fn journee(&self, args: &[&str]) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_journee"))
            .args(args)
            .env("JOURNEE_DATA_DIR", self.data_dir())
            .output()
            .expect("run journee");
        assert!(
            out.status.success(),
            "journee {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    /// `journee info FILE --json`
    pub fn info(&self, file: &Path) -> Value {
        serde_json::from_str(&self.journee(&["info", file.to_str().unwrap(), "--json"]))
            .expect("JSON")
    }
}

pub struct App {
    pub client: Client,
    driver: Child,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl App {
    /// Starts the app with `args` (e.g. a project file) and waits for its first screen.
    pub async fn launch(home: &Home, args: &[&str]) -> App {
        // Right after another X client went away, GTK may fail to start once: retry.
        let mut last_error = String::new();
        for _ in 0..3 {
            match App::try_launch(home, args).await {
                Ok(app) => return app,
                Err(e) => last_error = e,
            }
        }
        panic!("the app did not start: {last_error}");
    }

    async fn try_launch(home: &Home, args: &[&str]) -> Result<App, String> {
        let app = app_binary();
        assert!(
            app.is_file(),
            "{} is missing: build it first",
            app.display()
        );
        let (port, native_port) = (free_port(), free_port());
        let log =
            std::fs::File::create(home.file("tauri-driver.log")).map_err(|e| e.to_string())?;
        let mut driver =
            Command::new(std::env::var("TAURI_DRIVER").unwrap_or("tauri-driver".into()));
        // Software rendering without layers unless asked: WebDriver sees every frame, and
        // no GPU is needed (bench/grid --compositing measures the other way too).
        if std::env::var_os("JOURNEE_COMPOSITING").is_none() {
            driver.env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
        }
        let driver = driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
            .env("JOURNEE_CONFIG_DIR", home.config_dir())
            .env("JOURNEE_DATA_DIR", home.data_dir())
            .stdout(Stdio::null())
            .stderr(log)
            // Its own process group: tauri-driver does not pass signals on to
            // WebKitWebDriver and the app, so the whole group is killed at the end.
            .process_group(0)
            .spawn()
            .map_err(|e| format!("tauri-driver: {e} (run scripts/setup --test)"))?;
        let app_run = App {
            client: {
                let deadline = Instant::now() + Duration::from_secs(10);
                while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
                    if Instant::now() > deadline {
                        kill_group(&driver);
                        return Err("tauri-driver did not listen".into());
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                let capabilities = json!({
                    "tauri:options": {
                        "application": app.to_str().unwrap(),
                        "args": args,
                    }
                });
                let connected = ClientBuilder::new(HttpConnector::new())
                    .capabilities(capabilities.as_object().unwrap().clone())
                    .connect(&format!("http://127.0.0.1:{port}"))
                    .await;
                match connected {
                    Ok(client) => client,
                    Err(e) => {
                        kill_group(&driver);
                        return Err(e.to_string());
                    }
                }
            },
            driver,
        };
        app_run
            .wait_for(".app[data-ready='true']")
            .await
            .map_err(|e| e.to_string())?;
        Ok(app_run)
    }

    /// Waits until `css` matches an element, and returns it.
    pub async fn wait_for(&self, css: &str) -> Result<Element, fantoccini::error::CmdError> {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
    }

    pub async fn find(&self, css: &str) -> Element {
        self.wait_for(css)
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("text")
    }

    /// An attribute of the element `css` finds, `None` when it has none.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css).await.attr(name).await.expect("attribute")
    }

    /// The text as the DOM holds it. WebDriver's visible text turns non-breaking spaces
    /// into plain ones; typography checks need this one.
    pub async fn raw_text(&self, css: &str) -> String {
        self.find(css)
            .await
            .prop("textContent")
            .await
            .expect("textContent")
            .unwrap_or_default()
    }

    /// Clicks the element, scrolled into view first (the grid is wider than the window).
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        let reference = serde_json::to_value(&element).expect("element reference");
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
                vec![reference],
            )
            .await
            .expect("scroll");
        element.click().await.expect("click");
    }

    /// The button whose visible text is exactly `label`.
    pub async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(label));
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no button «{label}»: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Replaces the content of the field matching `css` by `value`, as typed.
    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.find(css).await;
        field.clear().await.expect("clear");
        field.send_keys(value).await.expect("type");
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.find_all(css).await.is_empty() {
            if Instant::now() > deadline {
                panic!("{css}: still there");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `check` holds for the text of `css`; panics with the last text.
    pub async fn wait_text(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if check(&text) {
                return text;
            }
            if Instant::now() > deadline {
                panic!("{css}: text never matched, last seen «{text}»");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// True when an X window of this display has a title containing `part`.
    pub fn has_window_titled(&self, part: &str) -> bool {
        Command::new("xdotool")
            .args(["search", "--name", part])
            .output()
            .map(|o| o.status.success() && !o.stdout.is_empty())
            .unwrap_or(false)
    }

    /// Drags the element `from` onto the element `to` with the mouse (pointer events, as
    /// a person would: press, move a little, move over the target, release).
    pub async fn drag(&self, from: &str, to: &str) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
        let source = self.find(from).await;
        let target = self.find(to).await;
        // Pointer actions need both ends in the viewport.
        let scroll = "arguments[0].scrollIntoView({block: 'center', inline: 'center'});";
        for element in [&target, &source] {
            let reference = serde_json::to_value(element).expect("element reference");
            self.client
                .execute(scroll, vec![reference])
                .await
                .expect("scroll");
        }
        let mouse = MouseActions::new("souris".into())
            .then(PointerAction::MoveToElement {
                element: source,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveBy {
                duration: Some(Duration::from_millis(100)),
                x: 12.0,
                y: 12.0,
            })
            .then(PointerAction::MoveToElement {
                element: target,
                duration: Some(Duration::from_millis(250)),
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(mouse).await.expect("drag");
    }

    /// Drops `path` on the window from another application, as from a file manager: a
    /// GTK drag source (tests/e2e/tools/drag_file.py) offers the file over XDND, and the
    /// mouse, moved with real X events, carries it onto the middle of the screen.
    pub async fn drop_file_from_outside(&self, path: &Path) {
        let script = workspace().join("tests/e2e/tools/drag_file.py");
        // The system Python: it has GTK's bindings (python3-gi), a virtual env has not.
        let mut source = Command::new("/usr/bin/python3")
            .arg(&script)
            .arg(path)
            .stdout(Stdio::piped())
            .spawn()
            .expect("drag source (python3-gi: scripts/setup --test)");
        let mut ready = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(source.stdout.take().unwrap()),
            &mut ready,
        )
        .expect("drag source");
        assert_eq!(ready.trim(), "ready", "the drag source did not start");
        let geometry = Command::new("xdotool")
            .args([
                "search",
                "--onlyvisible",
                "--name",
                "drag-file",
                "getwindowgeometry",
                "--shell",
            ])
            .output()
            .expect("xdotool");
        let geometry = String::from_utf8_lossy(&geometry.stdout);
        let value = |key: &str| -> i64 {
            geometry
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key}=")))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or_else(|| panic!("no {key} in {geometry}"))
        };
        let (x, y) = (
            value("X") + value("WIDTH") / 2,
            value("Y") + value("HEIGHT") / 2,
        );
        let xdotool = |args: &[String]| {
            let status = Command::new("xdotool")
                .args(args)
                .status()
                .expect("xdotool");
            assert!(status.success(), "xdotool {args:?}");
        };
        let to = |x: i64, y: i64| vec!["mousemove".to_string(), x.to_string(), y.to_string()];
        xdotool(&to(x, y));
        tokio::time::sleep(Duration::from_millis(200)).await;
        xdotool(&["mousedown".to_string(), "1".to_string()]);
        // Past GTK's drag threshold, then across the screen in steps: the app's window is
        // told the drag is over it (XdndPosition) before the button is released.
        for step in 1..=20 {
            let (tx, ty) = (700, 450);
            xdotool(&to(x + (tx - x) * step / 20, y + (ty - y) * step / 20));
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdotool(&["mouseup".to_string(), "1".to_string()]);
        let deadline = Instant::now() + PATIENCE;
        while source.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let _ = source.kill();
    }

    /// A finger on the touchscreen from the middle of `from` to the middle of `to`: GTK's
    /// own touch events, handed to the web view by the debug app (src-tauri's
    /// commands/e2e.rs), since WebDriver's touch actions arrive as mouse events in WebKitGTK
    /// and Xvfb has no touch device. `from` = `to` is a tap.
    pub async fn touch(&self, from: &str, to: &str) {
        const STEPS: u64 = 12;
        let script = "const [from, to, steps] = arguments;
            const middle = (css) => {
              const r = document.querySelector(css).getBoundingClientRect();
              return [r.x + r.width / 2, r.y + r.height / 2];
            };
            const [a, b] = [middle(from), middle(to)];
            return window.__TAURI_INTERNALS__.invoke('touch_drag', { from: a, to: b, steps: a[0] === b[0] && a[1] === b[1] ? 0 : steps });";
        self.client
            .execute(script, vec![from.into(), to.into(), STEPS.into()])
            .await
            .expect("touch");
        // Begin, the moves and the end, 16 ms apart, then a moment for the drop.
        tokio::time::sleep(Duration::from_millis(16 * (STEPS + 2) + 200)).await;
    }

    /// Presses keys on the focused element (WebDriver key codes, e.g. "\u{E014}" for →).
    pub async fn keys(&self, css: &str, keys: &str) {
        self.find(css).await.send_keys(keys).await.expect("keys");
    }

    /// Answers a native GTK file dialog titled `title` with `path`, through real X events
    /// (WebDriver does not reach native dialogs).
    pub async fn answer_file_dialog(&self, title: &str, path: &Path) {
        self.answer_dialog(title, path, "ctrl+a").await;
    }

    /// Answers a native GTK open dialog: its location field (Ctrl+L) takes the path.
    pub async fn answer_open_dialog(&self, title: &str, path: &Path) {
        self.answer_dialog(title, path, "ctrl+l").await;
    }

    async fn answer_dialog(&self, title: &str, path: &Path, focus_name: &str) {
        let deadline = Instant::now() + PATIENCE;
        // The dialog's window, once it is shown and takes the focus: found too early, a
        // window still being mapped refuses it.
        let window = loop {
            let found = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", title])
                .output()
                .expect("xdotool");
            let id = String::from_utf8_lossy(&found.stdout)
                .lines()
                .next()
                .map(str::to_string);
            if let Some(id) = id {
                let focused = Command::new("xdotool")
                    .args(["windowfocus", "--sync", &id])
                    .status()
                    .is_ok_and(|s| s.success());
                if focused {
                    break id;
                }
            }
            assert!(Instant::now() < deadline, "no dialog «{title}» appeared");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        let xdotool = |args: &[&str]| {
            let status = Command::new("xdotool")
                .args(args)
                .status()
                .expect("xdotool");
            assert!(status.success(), "xdotool {args:?}");
        };
        // GTK dialogs take a moment before their name field listens.
        tokio::time::sleep(Duration::from_millis(500)).await;
        xdotool(&["key", "--window", &window, focus_name]);
        xdotool(&[
            "type",
            "--window",
            &window,
            "--delay",
            "5",
            path.to_str().unwrap(),
        ]);
        xdotool(&["key", "--window", &window, "Return"]);
        // An open dialog's location field may take the first Return for its completion.
        for _ in 0..10 {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let open = Command::new("xdotool")
                .args(["search", "--name", title])
                .output()
                .map(|o| !o.stdout.is_empty())
                .unwrap_or(false);
            if !open {
                return;
            }
            // The dialog may close meanwhile: a failed key press is no failure.
            let _ = Command::new("xdotool")
                .args(["key", "--window", &window, "Return"])
                .status();
        }
    }

    /// Ends the WebDriver session, which closes the window and ends the app.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
        // Dropping `self` kills what is left of the process group.
    }
}

impl Drop for App {
    fn drop(&mut self) {
        kill_group(&self.driver);
    }
}

/// Ends tauri-driver's process group (the driver, WebKitWebDriver and the app). Through
/// libc, not the `kill` command: procps' `kill -TERM -PID` can read the group as `-1`,
/// which signals every process of the machine.
fn kill_group(driver: &Child) {
    let Ok(group) = i32::try_from(driver.id()) else {
        return;
    };
    if group > 1 {
        // SAFETY: kill(2) only sends a signal; a negative pid names a process group.
        unsafe {
            libc::kill(-group, libc::SIGTERM);
        }
    }
}

fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}
