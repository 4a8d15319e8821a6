//! Errors: reading inputs, and parsing the format and label-map options.

use std::io;
use std::path::{Path, PathBuf};

/// Why documents could not be read. Every variant names the input path, and
/// the 1-based line when there is one (see [`ReadError::line`]).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The input could not be opened, inspected or listed.
    ///
    /// The operating system's error is the [source](std::error::Error::source),
    /// not repeated in the message (print the chain, e.g. anyhow's `{:#}`).
    #[error("{}", .path.display())]
    Access {
        /// The input or directory.
        path: PathBuf,
        /// The operating system's error.
        source: io::Error,
    },
    /// Reading failed part-way, e.g. a truncated or corrupt gzip stream. The
    /// cause is the [source](std::error::Error::source).
    #[error("{}:{line}: read error", .path.display())]
    Io {
        /// The input.
        path: PathBuf,
        /// The line being read.
        line: u64,
        /// The underlying error.
        source: io::Error,
    },
    /// The bytes are not valid UTF-8.
    #[error("{}:{line}: invalid UTF-8 (the input must be UTF-8 encoded)", .path.display())]
    InvalidUtf8 {
        /// The input.
        path: PathBuf,
        /// The line holding the first invalid byte.
        line: u64,
    },
    /// A NUL byte: the input is most likely not text.
    #[error("{}:{line}: NUL byte in text (binary file?)", .path.display())]
    Binary {
        /// The input.
        path: PathBuf,
        /// The line holding the first NUL byte.
        line: u64,
    },
    /// A table row whose field count differs from the header's.
    #[error(
        "{}:{line}: too {} fields: found {found}, the header has {expected}",
        .path.display(),
        few_or_many(*.found, *.expected)
    )]
    FieldCount {
        /// The input.
        path: PathBuf,
        /// The line where the row starts.
        line: u64,
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A TSV or CSV input with no header row (empty, or blank lines only).
    #[error("{}: no header row (the input is empty)", .path.display())]
    MissingHeader {
        /// The input.
        path: PathBuf,
    },
    /// A required column (the text, or the label when labels are required)
    /// is not in the header or, for JSON lines, not a key of the object.
    #[error(
        "{}:{line}: no column `{column}`; columns found: {}{}",
        .path.display(),
        list(.found),
        header_hint(.found)
    )]
    MissingColumn {
        /// The input.
        path: PathBuf,
        /// The header line, or the JSON line.
        line: u64,
        /// The column looked for.
        column: String,
        /// The columns (or keys) present, in input order (keys sorted).
        found: Vec<String>,
    },
    /// Two header columns with the same name.
    #[error("{}:{line}: column `{column}` appears twice in the header", .path.display())]
    DuplicateColumn {
        /// The input.
        path: PathBuf,
        /// The header line.
        line: u64,
        /// The repeated name.
        column: String,
    },
    /// A JSON line that does not parse. The parser's message is the
    /// [source](std::error::Error::source).
    #[error("{}:{line}: invalid JSON", .path.display())]
    InvalidJson {
        /// The input.
        path: PathBuf,
        /// The line.
        line: u64,
        /// The parser's error.
        source: serde_json::Error,
    },
    /// A JSON line holding something other than an object.
    #[error("{}:{line}: expected a JSON object, found {found}", .path.display())]
    NotAnObject {
        /// The input.
        path: PathBuf,
        /// The line.
        line: u64,
        /// What was found: `an array`, `a string`, ...
        found: &'static str,
    },
    /// A JSON line whose text or label is not a string (a number, an object, ...): it is not
    /// coerced, since `1` and `1.0` would name different classes and an object is no text.
    #[error(
        "{}:{line}: `{key}` is {found}, not a string ({value}); write it as a JSON string (jq -c '.{key} |= tostring' converts a file)",
        .path.display()
    )]
    NotAString {
        /// The input.
        path: PathBuf,
        /// The line.
        line: u64,
        /// The key: the text or the label column.
        key: String,
        /// What was found: `a number`, `an object`, ...
        found: &'static str,
        /// The value as compact JSON, cut to 40 characters.
        value: String,
    },
    /// A quoted CSV field whose closing quote never comes: read on, it would swallow every row
    /// after it into one field.
    #[error(
        "{}:{line}: a quoted field opens here and {}; close the quote (a quote inside a quoted field is written twice: \"\")",
        .path.display(),
        match .lines { Some(lines) => format!("runs over {lines} lines without closing"), None => "is never closed".to_string() }
    )]
    UnclosedQuote {
        /// The input.
        path: PathBuf,
        /// The line where the quoted field opens.
        line: u64,
        /// How many lines it ran over when it was stopped; `None` when it ran to the end of the
        /// input.
        lines: Option<u64>,
    },
    /// A fastText line with more than one label: each document has one label here.
    #[error(
        "{}:{line}: {} labels ({}): stance gives each document one label; keep one per line",
        .path.display(),
        .labels.len(),
        list(.labels)
    )]
    ManyLabels {
        /// The input.
        path: PathBuf,
        /// The line.
        line: u64,
        /// The labels of the line, in order.
        labels: Vec<String>,
    },
    /// Labels are required but this document has none, or an empty one.
    #[error("{}:{line}: missing or empty label", .path.display())]
    MissingLabel {
        /// The input.
        path: PathBuf,
        /// The line where the document starts.
        line: u64,
    },
    /// A file whose extension names no known format, and no format was given.
    #[error(
        "{}: unknown format; name the file .tsv, .csv, .jsonl, .txt or .ft (optionally .gz), or give a format",
        .path.display()
    )]
    UnknownFormat {
        /// The input.
        path: PathBuf,
    },
    /// A directory read for training that has no label sub-directory.
    #[error(
        "{}: no label directories; expected one sub-directory per label holding .txt files",
        .path.display()
    )]
    NoLabelDirectories {
        /// The directory.
        path: PathBuf,
    },

    /// A document that needs an id (texts joined by id, or a texts file) has none:
    /// no id column, or an empty id.
    #[error("{}:{line}: missing or empty id (column `{column}`): texts and labels are joined by id", .path.display())]
    MissingId {
        /// The input.
        path: PathBuf,
        /// The line where the document starts.
        line: u64,
        /// The id column looked for.
        column: String,
    },
    /// An id seen before in the same join: a texts file, or the labeled files
    /// joined with it, list each id once.
    #[error("{}:{line}: id `{id}` repeats the one at {first}", .path.display())]
    DuplicateId {
        /// The input.
        path: PathBuf,
        /// The line where the repeated document starts.
        line: u64,
        /// The id.
        id: String,
        /// Where it was first seen (`PATH:LINE`).
        first: String,
    },
    /// A labeled document whose id is not in the texts file it is joined with.
    #[error("{}:{line}: id `{id}` has no text in {}", .path.display(), .texts.display())]
    UnknownId {
        /// The labeled input.
        path: PathBuf,
        /// The line where the document starts.
        line: u64,
        /// The id.
        id: String,
        /// The texts file.
        texts: PathBuf,
    },
    /// A label holding a tab, a line break or another control character: it would break every
    /// output that lists labels.
    #[error(
        "{}:{line}: the label {label:?} holds a tab, line break or other control character; labels name classes in every output, rename it (--label-map) or fix the input",
        .path.display()
    )]
    ControlInLabel {
        /// The input.
        path: PathBuf,
        /// The line where the document starts.
        line: u64,
        /// The label.
        label: String,
    },
    /// A label that prediction reserves for itself ([`crate::screen::RESERVED_LABELS`]).
    #[error(
        "{}:{line}: the label `{label}` is reserved: it is what prediction answers when it abstains (--min-confidence); rename it (--label-map)",
        .path.display()
    )]
    ReservedLabel {
        /// The input.
        path: PathBuf,
        /// The line where the document starts.
        line: u64,
        /// The label.
        label: String,
    },
    /// An input that cannot be joined with a texts file: text files, fastText
    /// lines and directories carry their own texts and no ids.
    #[error(
        "{}: texts can only be joined by id with a table (TSV, CSV or JSON lines) of ids and labels",
        .path.display()
    )]
    NotJoinable {
        /// The input.
        path: PathBuf,
    },
}

impl ReadError {
    /// A read of `path` that failed at `line`: [`ReadError::Binary`] when the
    /// input's NUL guard stopped it, else [`ReadError::Io`].
    pub(crate) fn reading(path: &Path, line: u64, source: io::Error) -> Self {
        let path = path.to_path_buf();
        if crate::input::is_nul_byte(&source) {
            Self::Binary { path, line }
        } else {
            Self::Io { path, line, source }
        }
    }

    /// The input (file, directory or `-`) the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Access { path, .. }
            | Self::Io { path, .. }
            | Self::InvalidUtf8 { path, .. }
            | Self::Binary { path, .. }
            | Self::FieldCount { path, .. }
            | Self::MissingHeader { path }
            | Self::MissingColumn { path, .. }
            | Self::DuplicateColumn { path, .. }
            | Self::InvalidJson { path, .. }
            | Self::NotAnObject { path, .. }
            | Self::NotAString { path, .. }
            | Self::ManyLabels { path, .. }
            | Self::UnclosedQuote { path, .. }
            | Self::MissingLabel { path, .. }
            | Self::UnknownFormat { path }
            | Self::NoLabelDirectories { path }
            | Self::MissingId { path, .. }
            | Self::DuplicateId { path, .. }
            | Self::UnknownId { path, .. }
            | Self::ControlInLabel { path, .. }
            | Self::ReservedLabel { path, .. }
            | Self::NotJoinable { path } => path,
        }
    }

    /// The 1-based line the error is about, when there is one.
    pub fn line(&self) -> Option<u64> {
        match self {
            Self::Io { line, .. }
            | Self::InvalidUtf8 { line, .. }
            | Self::Binary { line, .. }
            | Self::FieldCount { line, .. }
            | Self::MissingColumn { line, .. }
            | Self::DuplicateColumn { line, .. }
            | Self::InvalidJson { line, .. }
            | Self::NotAnObject { line, .. }
            | Self::NotAString { line, .. }
            | Self::ManyLabels { line, .. }
            | Self::UnclosedQuote { line, .. }
            | Self::MissingLabel { line, .. }
            | Self::MissingId { line, .. }
            | Self::DuplicateId { line, .. }
            | Self::UnknownId { line, .. }
            | Self::ControlInLabel { line, .. }
            | Self::ReservedLabel { line, .. } => Some(*line),
            Self::Access { .. }
            | Self::MissingHeader { .. }
            | Self::UnknownFormat { .. }
            | Self::NoLabelDirectories { .. }
            | Self::NotJoinable { .. } => None,
        }
    }
}

fn few_or_many(found: usize, expected: usize) -> &'static str {
    if found < expected {
        "few"
    } else {
        "many"
    }
}

/// The names, comma-separated, with tabs, line breaks and other control
/// characters escaped (`\t`) so that a mis-split header shows what it holds.
fn list(names: &[String]) -> String {
    if names.is_empty() {
        return "(none)".to_string();
    }
    let escaped: Vec<String> = names.iter().map(|name| escape_controls(name)).collect();
    escaped.join(", ")
}

fn escape_controls(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    escaped
}

/// A guess at why the header has no such column: lines ending with a lone
/// `\r`, or one column holding what looks like several (another separator).
fn header_hint(names: &[String]) -> &'static str {
    if names.iter().any(|name| name.contains('\r')) {
        return "; the lines seem to end with a lone \\r (convert the line ends to \\n)";
    }
    match names {
        [name] if name.contains('\t') => {
            "; the header looks tab-separated: is the input TSV? (name it .tsv or pass --input-format tsv)"
        }
        [name] if name.contains(',') => {
            "; the header looks comma-separated: is the input CSV? (name it .csv or pass --input-format csv)"
        }
        _ => "",
    }
}

/// A format name that is not one of `tsv`, `csv`, `jsonl`, `txt`, `fasttext`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown input format `{0}`; expected one of tsv, csv, jsonl, txt, fasttext")]
pub struct ParseFormatError(pub String);

/// A label map that is not a comma-separated list of `FROM=TO` pairs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseLabelMapError {
    /// An entry without exactly one `=`, or with an empty side.
    #[error("label map entry `{0}` is not FROM=TO with non-empty labels")]
    Entry(String),
    /// The same label renamed twice.
    #[error("label `{0}` is renamed twice in the label map")]
    Duplicate(String),
}
