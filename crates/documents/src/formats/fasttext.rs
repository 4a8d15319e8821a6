//! fastText: `__label__X text` lines: one label per line (a line with more is an error where
//! labels are read; prediction ignores labels).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::document::generated_id;
use crate::lines::{Line, LineReader};
use crate::{Document, Location, ReadError, ReadOptions};

const LABEL_PREFIX: &str = "__label__";

/// The documents of a fastText input. Blank lines are skipped.
pub(crate) struct FastTextDocuments {
    lines: LineReader,
    options: Arc<ReadOptions>,
}

impl FastTextDocuments {
    /// Reads `lines` with `options`.
    pub(crate) fn new(lines: LineReader, options: Arc<ReadOptions>) -> Self {
        Self { lines, options }
    }
}

impl Iterator for FastTextDocuments {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let line = match self.lines.next_line()? {
                Ok(line) => line,
                Err(error) => return Some(Err(error)),
            };
            if line.text.trim().is_empty() {
                continue;
            }
            return Some(document(&line, &self.options));
        }
    }
}

fn document(line: &Line<'_>, options: &ReadOptions) -> Result<Document, ReadError> {
    let (labels, text) = split_labels(line.text);
    if options.require_label && labels.len() > 1 {
        return Err(ReadError::ManyLabels {
            path: line.path.to_path_buf(),
            line: line.number,
            labels: labels.iter().map(|label| label.to_string()).collect(),
        });
    }
    let label = options.label(labels.first().copied(), line.path, line.number)?;
    Ok(Document {
        id: generated_id(line.path, line.number),
        text: text.to_string(),
        label,
        fields: BTreeMap::new(),
        source: Location {
            path: line.path.to_path_buf(),
            line: line.number,
            row: None,
        },
    })
}

/// The labels of a line, and its text: what follows the leading `__label__` tokens and the
/// whitespace after them.
fn split_labels(line: &str) -> (Vec<&str>, &str) {
    let mut labels = Vec::new();
    let mut rest = line.trim_start();
    while let Some(token) = rest.strip_prefix(LABEL_PREFIX) {
        let end = token.find(char::is_whitespace).unwrap_or(token.len());
        let (label, after) = token.split_at(end);
        labels.push(label);
        rest = after.trim_start();
    }
    (labels, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_labels_from_text() {
        assert_eq!(
            split_labels("__label__a __label__b some text "),
            (vec!["a", "b"], "some text ")
        );
        assert_eq!(split_labels("  __label__a\ttext"), (vec!["a"], "text"));
        assert_eq!(split_labels("__label__a"), (vec!["a"], ""));
        assert_eq!(split_labels("__label__ text"), (vec![""], "text"));
        assert_eq!(split_labels("text __label__a"), (vec![], "text __label__a"));
    }
}

#[cfg(test)]
mod reading_tests {
    use crate::testing::{labeled, read_error, read_ok, Fixture};
    use crate::{InputFormat, ReadError, ReadOptions};

    #[test]
    fn reads_label_and_text_with_line_ids() {
        let fixture = Fixture::new();
        let path = fixture.write("a.ft", "__label__pro Talks resume.\r\n\n__label__anti  Shelling.\n");
        let documents = read_ok(&path, &labeled());
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].label.as_deref(), Some("pro"));
        assert_eq!(documents[0].text, "Talks resume.");
        assert_eq!(documents[0].id, format!("{}:1", path.display()));
        assert_eq!(documents[1].id, format!("{}:3", path.display()));
        assert_eq!(documents[1].source.row, None);
        assert!(documents[1].fields.is_empty());
    }

    #[test]
    fn a_line_with_two_labels_is_an_error_where_labels_are_read() {
        let fixture = Fixture::new();
        let path = fixture.write("a.ft", "__label__pro ok\n__label__pro __label__gaza Talks resume.\n");
        let error = read_error(&path, &labeled());
        assert!(
            matches!(&error, ReadError::ManyLabels { line: 2, labels, .. } if labels == &["pro", "gaza"]),
            "{error:?}"
        );
        assert!(
            error
                .to_string()
                .ends_with(":2: 2 labels (pro, gaza): stance gives each document one label; keep one per line"),
            "{error}"
        );
        let options = ReadOptions {
            format: Some(InputFormat::FastText),
            ..ReadOptions::default()
        };
        assert_eq!(read_ok(&path, &options)[1].text, "Talks resume.");
    }

    #[test]
    fn a_line_without_label_is_an_error_when_labels_are_required() {
        let fixture = Fixture::new();
        let path = fixture.write("a.train", "__label__pro ok\njust text\n");
        let options = ReadOptions {
            format: Some(InputFormat::FastText),
            ..labeled()
        };
        assert!(matches!(
            read_error(&path, &options),
            ReadError::MissingLabel { line: 2, .. }
        ));
        let options = ReadOptions {
            format: Some(InputFormat::FastText),
            ..ReadOptions::default()
        };
        let documents = read_ok(&path, &options);
        assert_eq!(documents[1].label, None);
        assert_eq!(documents[1].text, "just text");
    }
}
