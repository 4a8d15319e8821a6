//! Listing directories: `.txt` files (and web pages, `.html` and `.htm`) below a directory, and
//! label sub-directories.
//!
//! Hidden entries (names starting with `.`) are skipped. Symbolic links to
//! files are read; symbolic links to directories are followed only as label
//! sub-directories, never while searching for `.txt` files, so a link cycle
//! cannot loop.

use std::fs::{self, DirEntry};
use std::path::{Path, PathBuf};

use crate::ReadError;

/// Every `.txt`, `.html` or `.htm` file (extension in any case) below `dir`, recursively, sorted
/// by path.
pub(crate) fn text_files(dir: &Path) -> Result<Vec<PathBuf>, ReadError> {
    let mut files = Vec::new();
    collect_text_files(dir, &mut files)?;
    files.sort();
    Ok(files)
}

/// The label sub-directories of `dir`, `(label, path)` sorted by label; the
/// label is the directory name. An error when there are none.
pub(crate) fn label_directories(dir: &Path) -> Result<Vec<(String, PathBuf)>, ReadError> {
    let mut labels: Vec<(String, PathBuf)> = entries(dir)?
        .into_iter()
        .map(|entry| entry.path())
        .filter(|path| !is_hidden(path) && path.is_dir())
        .map(|path| (name(&path), path))
        .collect();
    if labels.is_empty() {
        return Err(ReadError::NoLabelDirectories {
            path: dir.to_path_buf(),
        });
    }
    labels.sort();
    Ok(labels)
}

fn collect_text_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    for entry in entries(dir)? {
        let path = entry.path();
        if is_hidden(&path) {
            continue;
        }
        let kind = entry.file_type().map_err(|source| ReadError::Access {
            path: path.clone(),
            source,
        })?;
        if kind.is_dir() {
            collect_text_files(&path, files)?;
        } else if is_txt(&path) && (kind.is_file() || (kind.is_symlink() && path.is_file())) {
            files.push(path);
        }
    }
    Ok(())
}

fn entries(dir: &Path) -> Result<Vec<DirEntry>, ReadError> {
    let access = |source| ReadError::Access {
        path: dir.to_path_buf(),
        source,
    };
    fs::read_dir(dir)
        .map_err(access)?
        .collect::<Result<_, _>>()
        .map_err(access)
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_hidden(path: &Path) -> bool {
    name(path).starts_with('.')
}

/// A text file (`.txt`) or a web page (`.html`, `.htm`), extension in any case.
fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| ["txt", "html", "htm"].iter().any(|e| extension.eq_ignore_ascii_case(e)))
}
