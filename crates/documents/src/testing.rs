//! Helpers for the unit tests: inputs written to a temporary directory.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::{read_documents, Document, ReadError, ReadOptions};

/// A temporary directory that test inputs are written to.
pub(crate) struct Fixture {
    dir: TempDir,
}

impl Fixture {
    pub(crate) fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `bytes` to `name` (parent directories created) and returns its path.
    pub(crate) fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create directories");
        fs::write(&path, bytes).expect("write fixture");
        path
    }
}

/// Options requiring labels.
pub(crate) fn labeled() -> ReadOptions {
    ReadOptions {
        require_label: true,
        ..ReadOptions::default()
    }
}

/// Every item read from `path`.
pub(crate) fn read(path: &Path, options: &ReadOptions) -> Vec<Result<Document, ReadError>> {
    read_documents(path, options).expect("input opens").collect()
}

/// The documents read from `path`, panicking on any error.
pub(crate) fn read_ok(path: &Path, options: &ReadOptions) -> Vec<Document> {
    read(path, options)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|error| panic!("{error}"))
}

/// The error that ends reading `path`, panicking if there is none.
pub(crate) fn read_error(path: &Path, options: &ReadOptions) -> ReadError {
    match read(path, options).pop() {
        Some(Err(error)) => error,
        other => panic!("expected an error, got {other:?}"),
    }
}
