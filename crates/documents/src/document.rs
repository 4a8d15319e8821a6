//! The unit of input: one [`Document`] and the [`Location`] it was read from.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a document starts: the input, its 1-based line and, for tables, its data row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    /// The input path as given (not canonicalized); `-` for standard input.
    pub path: PathBuf,
    /// 1-based line where the document starts; counts every physical line of the
    /// decompressed input, header and blank lines included. Always 1 for a text file.
    pub line: u64,
    /// 1-based data row for TSV, CSV and JSON lines: the header and skipped blank
    /// lines are not counted. `None` for fastText and text files.
    pub row: Option<u64>,
}

impl fmt::Display for Location {
    /// `PATH:LINE`, the form used in error messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

/// One document: its text, its label if any, and the other columns of its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The id column's value (trimmed) when present and not empty; otherwise
    /// `PATH:ROW` for tables, `PATH:LINE` for fastText, the path for text files
    /// and `-` for a document read from standard input.
    pub id: String,
    /// The text, verbatim: never trimmed or normalized (CRLF becomes LF in text files).
    pub text: String,
    /// The label, trimmed, renamed by the label map; `None` when absent or empty.
    pub label: Option<String>,
    /// The other columns of the row by name (e.g. `conflict`), values verbatim.
    /// Empty for fastText and text files.
    pub fields: BTreeMap<String, String>,
    /// Where the document was read.
    pub source: Location,
}

/// The id of a document with no id column: `PATH:NUMBER`.
pub(crate) fn generated_id(path: &Path, number: u64) -> String {
    format!("{}:{number}", path.display())
}
