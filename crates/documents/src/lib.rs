//! Reading documents for stance: labeled for training and evaluation,
//! unlabeled for prediction, streamed from files, directories or standard input.
//!
//! The flow, one module per step: an input is opened as bytes (`input`:
//! gunzip, byte order mark) -> checked as text (`text`, `lines`) -> parsed by
//! its format (`formats`, with `table` for the header of TSV and CSV) ->
//! [`Document`]s, which [`Documents`] chains over several inputs (`source`,
//! `walk` for directories).
//!
//! ```
//! use std::fs;
//! use stance_documents::{read_documents, ReadOptions};
//!
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("news.tsv");
//! fs::write(&path, "label\ttext\tconflict\npro\tTalks resume.\tgaza\n")?;
//!
//! let options = ReadOptions { require_label: true, ..ReadOptions::default() };
//! let mut documents = read_documents(&path, &options)?;
//! let document = documents.next().expect("one row")?;
//! assert_eq!(document.text, "Talks resume.");
//! assert_eq!(document.label.as_deref(), Some("pro"));
//! assert_eq!(document.fields["conflict"], "gaza");
//! assert_eq!(document.id, format!("{}:1", path.display()));
//! assert!(documents.next().is_none());
//! assert_eq!(documents.stats().documents, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Inputs
//!
//! - **A file**: its format is [`ReadOptions::format`] when given, else named
//!   by its extension, ignoring ASCII case and a final `.gz`: `.tsv`, `.csv`,
//!   `.jsonl` or `.ndjson`, `.txt`, `.ft` or `.fasttext`
//!   ([`InputFormat::from_path`]). Any other extension is
//!   [`ReadError::UnknownFormat`].
//! - **`-`**: standard input, read as one plain-text document with the id `-`,
//!   or in [`ReadOptions::format`] when given.
//! - **A directory**, for prediction: every `.txt` file below it, recursively,
//!   in sorted path order, one document each, id = path, no label. When labels
//!   are required ([`ReadOptions::require_label`]) a directory is read with the
//!   labeled layout of [`read_labeled_directory`] instead: one sub-directory per
//!   label. Hidden entries (names starting with `.`) are skipped; symbolic links
//!   to files are read; symbolic links to directories are followed only as
//!   label sub-directories, never while searching for `.txt` files, so a link
//!   cycle cannot loop. The format option does not apply to directories.
//!
//! [`read_inputs`] reads several inputs in order as one stream.
//!
//! # Bytes
//!
//! - Gzip is detected by a `.gz` extension **and** by the gzip magic bytes, so a
//!   compressed file is read whatever its name; concatenated gzip members are
//!   all read. A `.gz` file that is not gzip, and a truncated or corrupt gzip
//!   stream, is [`ReadError::Io`] (`truncated or corrupt gzip data`) at the
//!   line reached; the documents before it are yielded.
//! - A UTF-8 byte order mark at the start of an input is dropped.
//! - Lines end with `\n` or `\r\n`; the terminator is not part of the line.
//!   A lone `\r` is kept as text.
//! - Invalid UTF-8 is [`ReadError::InvalidUtf8`] and a NUL byte (also as a
//!   JSON `\u0000` escape) is [`ReadError::Binary`], each naming the file and
//!   the line; nothing is decoded lossily. NUL bytes are caught as the bytes
//!   stream in, so a binary file (an image, an archive: one holds a NUL early,
//!   and maybe no line break at all) stops at its first block instead of being
//!   read whole; the documents before the line holding the NUL are yielded.
//! - Memory is bounded by the longest line (or record), not by the number of
//!   rows: a 100 MB line is read like any other. Only text files are read whole.
//!
//! # Formats
//!
//! - **TSV**: the first non-empty line is the header; every line is split on
//!   every tab; there is no quoting, so quote characters are literal text.
//!   A row with fewer or more fields than the header is
//!   [`ReadError::FieldCount`]. Empty lines are skipped.
//! - **CSV**: RFC 4180 as the `csv` crate reads it: quoted fields, doubled
//!   quotes, fields spanning lines, `\n`, `\r\n` or `\r` record ends. The first
//!   record is the header; a record whose length differs from the header's is
//!   [`ReadError::FieldCount`]; empty lines are skipped. A document's line is
//!   the line where its record starts.
//! - **JSON lines**: one JSON object per line with the same column names as
//!   keys; blank (whitespace-only) lines are skipped. String values are taken
//!   as they are, `null` counts as absent, other values (numbers, booleans,
//!   arrays, objects) as their compact JSON text. A line that does not parse
//!   is [`ReadError::InvalidJson`]; a non-object is [`ReadError::NotAnObject`].
//! - **Text**: the whole file is one document, id = the path as given, line 1;
//!   `\r\n` in the text becomes `\n`; nothing else changes. An empty file is an
//!   empty text.
//! - **fastText**: each non-blank line is `__label__A __label__B text`. The
//!   first label is the document's (others are dropped); the text is the rest
//!   of the line after the labels and the whitespace following them. A line
//!   without a `__label__` prefix has no label. The id is `PATH:LINE`.
//!
//! # Columns, ids and labels
//!
//! - TSV, CSV and JSON lines take the text from [`ReadOptions::text_column`]
//!   (default `text`), the label from [`ReadOptions::label_column`] (`label`)
//!   and the id from [`ReadOptions::id_column`] (`id`). Every other column is
//!   kept, verbatim, in [`Document::fields`], e.g. a `conflict` column for
//!   grouping. Header names are trimmed; a repeated name is
//!   [`ReadError::DuplicateColumn`].
//! - The text column is required; so is the label column when labels are
//!   required. A missing one is [`ReadError::MissingColumn`], naming the file,
//!   the line, the column and the columns found. A TSV or CSV input without a
//!   header (empty) is [`ReadError::MissingHeader`].
//! - Ids: the id column's value, trimmed, when present and not empty; else
//!   `PATH:ROW` for TSV, CSV and JSON lines, with ROW the 1-based data row (the
//!   header and skipped lines not counted); `PATH:LINE` for fastText; the path
//!   for text files; `-` for standard input. PATH is the path as given.
//! - Labels are trimmed and case-sensitive; an empty label is no label. The
//!   [`LabelMap`] then renames them. When [`ReadOptions::require_label`] is set
//!   (training, evaluation), a document with no label is
//!   [`ReadError::MissingLabel`], naming the file and line.
//! - Texts are never trimmed. An empty (or whitespace-only) text is allowed
//!   and yielded, and counted in [`ReadStats::empty_texts`].
//!
//! # Texts joined by id
//!
//! Annotations are often kept apart from the texts they label. With
//! [`ReadOptions::texts`] (a [`Texts`] file of ids and texts), a table without a
//! text column is a table of ids and labels (`id`, `label`, any other columns):
//! each row takes its text, and the texts file's other columns, from the row of
//! the same id there. Tables with their own text column are read as before, so
//! written and joined data train together. A joined row without an id, an id
//! that the texts file lacks and an id read twice in the inputs are errors
//! naming the file and line; a text file, a fastText file, a directory or
//! standard input read as one text cannot be joined
//! ([`ReadError::NotJoinable`]). Texts nobody labeled are not read.
//!
//! # Errors and statistics
//!
//! Path problems (missing file, unknown format, unreadable or unlabeled
//! directory) are returned by [`read_documents`], [`read_inputs`] and
//! [`read_labeled_directory`] before anything is read. Every other problem is
//! an `Err` item of the stream, after which the stream ends. No input makes a
//! reader panic. [`Documents::stats`] counts inputs, documents and empty texts.

#![warn(missing_docs)]

mod document;
mod documents;
mod error;
mod format;
mod formats;
mod input;
mod label;
mod lines;
mod options;
mod read;
pub mod screen;
mod source;
mod table;
mod text;
mod texts;
mod walk;

pub use document::{Document, Location};
pub use documents::{Documents, ReadStats};
pub use error::{ParseFormatError, ParseLabelMapError, ReadError};
pub use format::InputFormat;
pub use label::LabelMap;
pub use options::ReadOptions;
pub use read::{read_documents, read_inputs, read_labeled_directory};
pub use screen::{for_each_batch, Screen};
pub use texts::Texts;

#[cfg(test)]
mod testing;
