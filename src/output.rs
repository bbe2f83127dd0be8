//! Writing an exported file: next to its destination first, then renamed over it, so
//! that a crash or a full disk never leaves half a PDF where the last good one was. An
//! export never replaces a project, and what an interrupted one left behind is cleared
//! by the next.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The time written into a document (a PDF's dates, a calendar's stamps, a workbook's
/// creation date): now, or `SOURCE_DATE_EPOCH` when set (the reproducible-builds
/// convention), so that the same project gives the same bytes, as a refactoring's
/// before-and-after comparison needs (`scripts/demo-outputs`).
pub fn made_at() -> chrono::DateTime<chrono::Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(chrono::Utc::now)
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    refuse_project_file(path)?;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    remove_stale_temporaries(dir);
    let temp = temporary_for(path);
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(io)
}

/// Refuses `path` as a place to write anything but a project: a `.journee` file, one
/// of SQLite's files beside a project (`-wal`, `-shm`, `-journal`), or any file that
/// is a Journée project whatever its name.
pub fn refuse_project_file(path: &Path) -> Result<()> {
    if is_project_file(path) {
        return Err(Error::WouldOverwriteProject(path.to_path_buf()));
    }
    Ok(())
}

fn is_project_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    for suffix in ["-wal", "-shm", "-journal"] {
        if let Some(base) = name.strip_suffix(suffix) {
            if base.ends_with(".journee") || holds_a_project(&path.with_file_name(base)) {
                return true;
            }
        }
    }
    name.ends_with(".journee") || holds_a_project(path)
}

/// Whether the file at `path` is a SQLite database marked as Journée's (its header's
/// application id), as `store` marks every project.
fn holds_a_project(path: &Path) -> bool {
    let mut header = [0u8; 72];
    let read = fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    read.is_ok()
        && header.starts_with(b"SQLite format 3\0")
        && i64::from(u32::from_be_bytes([
            header[68], header[69], header[70], header[71],
        ])) == crate::store::APPLICATION_ID
}

/// Removes from `dir` the temporary files of writes that never finished (an export, a
/// project being created, killed half-way): hidden files named after a process that is
/// no longer running. Best effort: what cannot be removed stays for the next time.
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = temporary_owner(&name) {
            if pid != std::process::id() && !process_alive(pid) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// The process that made the temporary file `name`, if it is one of ours:
/// `.NAME.PID.tmp` (an export) or `.NAME.creation-PID` and its `-wal`, `-shm`,
/// `-journal` (a project being created).
fn temporary_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let digits = if let Some(body) = rest.strip_suffix(".tmp") {
        body.rsplit_once('.')?.1
    } else {
        let (_, tail) = rest.rsplit_once(".creation-")?;
        ["-wal", "-shm", "-journal"]
            .iter()
            .find_map(|s| tail.strip_suffix(s))
            .unwrap_or(tail)
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // Signal 0 only asks whether the process exists (EPERM: it does, someone else's).
    // SAFETY: kill(2) with signal 0 sends nothing; it has no memory effects.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(windows)]
fn process_alive(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{
        CloseHandle, GetLastError, ERROR_ACCESS_DENIED, STILL_ACTIVE,
    };
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    // SAFETY: OpenProcess returns a handle we close, or null; GetExitCodeProcess writes
    // one u32 we own.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            // Access denied: it exists, someone else's. Otherwise: no such process.
            return GetLastError() == ERROR_ACCESS_DENIED;
        }
        let mut code = 0u32;
        let asked = GetExitCodeProcess(handle, &mut code);
        CloseHandle(handle);
        asked != 0 && code == STILL_ACTIVE as u32
    }
}

#[cfg(not(any(unix, windows)))]
fn process_alive(_pid: u32) -> bool {
    // Without a check on this system, a temporary file is only ever taken for its own
    // process's: left in place (it is hidden, and replaced by the next export of the same
    // name).
    true
}

/// The hidden temporary file an export to `path` writes first.
fn temporary_for(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_recognised_by_their_names_only() {
        assert_eq!(temporary_owner(".programme.pdf.4242.tmp"), Some(4242));
        assert_eq!(temporary_owner(".p.journee.creation-77"), Some(77));
        assert_eq!(temporary_owner(".p.journee.creation-77-wal"), Some(77));
        assert_eq!(temporary_owner("programme.pdf.4242.tmp"), None);
        assert_eq!(temporary_owner(".programme.pdf.tmp"), None);
        assert_eq!(temporary_owner(".notes.abc.tmp"), None);
        assert_eq!(temporary_owner(".bashrc"), None);
    }
}
