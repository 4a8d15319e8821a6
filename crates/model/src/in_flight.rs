//! The temporary files this process is writing, so that a handler of SIGINT, SIGTERM or SIGHUP
//! can remove them before the process ends (a kill it cannot catch, SIGKILL, leaves them to the
//! next write's cleanup of stale temporaries).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files being written now.
static FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn files() -> MutexGuard<'static, Vec<PathBuf>> {
    FILES.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A temporary file, registered from creation until it is renamed into place or dropped.
#[derive(Debug)]
pub struct InFlight {
    path: PathBuf,
}

impl InFlight {
    /// Registers `path`, a temporary file just created.
    pub fn new(path: &Path) -> Self {
        files().push(path.to_path_buf());
        Self {
            path: path.to_path_buf(),
        }
    }

    /// Runs `finish` (the rename that puts the file in place, or its removal) with the registry
    /// locked, and unregisters the file: a signal arriving meanwhile waits, so the file is either
    /// in place or removed, never half of both.
    pub fn complete<R>(self, finish: impl FnOnce() -> R) -> R {
        let mut files = files();
        let result = finish();
        files.retain(|file| file != &self.path);
        result
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        files().retain(|file| file != &self.path);
    }
}

/// Removes every temporary file being written, then runs `end` (which ends the process) with the
/// registry still locked, so that no write completes in between. For signal handlers.
pub fn remove_temporary_files<R>(end: impl FnOnce() -> R) -> R {
    let mut files = files();
    for file in files.drain(..) {
        let _ = std::fs::remove_file(file);
    }
    end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_files_are_removed_and_completed_ones_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let (kept, written, dropped) = (
            dir.path().join("kept"),
            dir.path().join("written"),
            dir.path().join("dropped"),
        );
        for path in [&kept, &written, &dropped] {
            std::fs::write(path, "x").unwrap();
        }
        let done = InFlight::new(&kept);
        let pending = InFlight::new(&written);
        drop(InFlight::new(&dropped));
        done.complete(|| ());
        remove_temporary_files(|| ());
        assert!(kept.exists() && dropped.exists());
        assert!(!written.exists());
        drop(pending);
        assert!(files().iter().all(|file| !file.starts_with(dir.path())));
    }
}
