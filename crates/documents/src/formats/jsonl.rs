//! JSON lines: one object per line; blank lines skipped.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::Value;

use crate::document::generated_id;
use crate::lines::{Line, LineReader};
use crate::text::reject_nul;
use crate::{Document, Location, ReadError, ReadOptions, Texts};

/// The documents of a JSON-lines input.
pub(crate) struct JsonlDocuments {
    lines: LineReader,
    options: Arc<ReadOptions>,
    rows: u64,
}

impl JsonlDocuments {
    /// Reads `lines` with `options`.
    pub(crate) fn new(lines: LineReader, options: Arc<ReadOptions>) -> Self {
        Self {
            lines,
            options,
            rows: 0,
        }
    }
}

impl Iterator for JsonlDocuments {
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
            self.rows += 1;
            return Some(document(&line, self.rows, &self.options));
        }
    }
}

fn document(line: &Line<'_>, row: u64, options: &ReadOptions) -> Result<Document, ReadError> {
    let path = line.path.to_path_buf();
    let value: Value = serde_json::from_str(line.text).map_err(|source| ReadError::InvalidJson {
        path: path.clone(),
        line: line.number,
        source,
    })?;
    let Value::Object(object) = value else {
        return Err(ReadError::NotAnObject {
            path,
            line: line.number,
            found: kind(&value),
        });
    };
    let mut fields = BTreeMap::new();
    for (key, value) in object {
        let must_be_text = key == options.text_column || key == options.label_column;
        if must_be_text && !matches!(value, Value::String(_) | Value::Null) {
            let mut shown = value.to_string();
            if let Some((cut, _)) = shown.char_indices().nth(40) {
                shown.truncate(cut);
                shown.push_str("...");
            }
            return Err(ReadError::NotAString {
                path,
                line: line.number,
                key,
                found: kind(&value),
                value: shown,
            });
        }
        if let Some(value) = as_text(value) {
            reject_nul(&value).map_err(|flaw| flaw.at(&path, line.number))?;
            fields.insert(key, value);
        }
    }
    let text = match (fields.get(&options.text_column), &options.texts) {
        (Some(text), _) => TextFrom::Own(text.clone()),
        (None, Some(texts)) => TextFrom::Joined(texts),
        (None, None) => {
            return Err(ReadError::MissingColumn {
                path,
                line: line.number,
                column: options.text_column.clone(),
                found: fields.into_keys().collect(),
            })
        }
    };
    let label = options.label(
        fields.get(&options.label_column).map(String::as_str),
        &path,
        line.number,
    )?;
    let id = options
        .id(
            fields.get(&options.id_column).map(String::as_str),
            options.require_id || matches!(text, TextFrom::Joined(_)),
            &path,
            line.number,
        )?
        .unwrap_or_else(|| generated_id(&path, row));
    for column in [&options.text_column, &options.label_column, &options.id_column] {
        fields.remove(column);
    }
    let text = match text {
        TextFrom::Own(text) => text,
        TextFrom::Joined(texts) => texts.join(&id, &mut fields, &path, line.number)?,
    };
    Ok(Document {
        id,
        text,
        label,
        fields,
        source: Location {
            path,
            line: line.number,
            row: Some(row),
        },
    })
}

/// Where a line's text comes from.
enum TextFrom<'a> {
    /// Its own text key.
    Own(String),
    /// The texts joined by id.
    Joined(&'a Texts),
}

/// A value as a column's text: strings as they are, `null` as absent, other
/// values (numbers, booleans, arrays, objects) as compact JSON (the text and the label must be
/// strings; other columns, such as a year to group by, may be anything).
fn as_text(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text),
        other => Some(other.to_string()),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{labeled, read_error, read_ok, Fixture};
    use crate::{ReadError, ReadOptions};

    /// Whether an error is the one expected.
    type Check = fn(&ReadError) -> bool;

    #[test]
    fn reads_objects_keeping_other_keys_as_strings() {
        let fixture = Fixture::new();
        let path = fixture.write(
            "a.jsonl",
            "\u{feff}{\"text\":\"Talks resume.\",\"label\":\" pro \",\"id\":\"a1\",\"conflict\":\"gaza\"}\r\n\
             \n   \n\
             {\"text\":\"\",\"label\":\"anti\",\"year\":2024,\"flag\":true,\"tags\":[\"x\"],\"gone\":null}\n",
        );
        let documents = read_ok(&path, &labeled());
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].id, "a1");
        assert_eq!(documents[0].label.as_deref(), Some("pro"));
        assert_eq!(documents[0].fields.len(), 1);
        assert_eq!(documents[0].fields["conflict"], "gaza");
        let second = &documents[1];
        assert_eq!(second.text, "");
        assert_eq!(second.id, format!("{}:2", path.display()));
        assert_eq!((second.source.line, second.source.row), (4, Some(2)));
        assert_eq!(second.fields["year"], "2024");
        assert_eq!(second.fields["flag"], "true");
        assert_eq!(second.fields["tags"], "[\"x\"]");
        assert!(!second.fields.contains_key("gone"));
    }

    #[test]
    fn bad_lines_are_errors_naming_the_line() {
        let fixture = Fixture::new();
        let cases: [(&str, Check); 8] = [
            ("{\"text\": \"a\"", |e| {
                matches!(e, ReadError::InvalidJson { line: 2, .. })
            }),
            ("[1, 2]", |e| {
                matches!(
                    e,
                    ReadError::NotAnObject {
                        line: 2,
                        found: "an array",
                        ..
                    }
                )
            }),
            (
                "{\"body\": \"a\", \"label\": \"x\"}",
                |e| matches!(e, ReadError::MissingColumn { line: 2, found, .. } if found == &["body", "label"]),
            ),
            ("{\"text\": \"a\"}", |e| {
                matches!(e, ReadError::MissingLabel { line: 2, .. })
            }),
            ("{\"text\": \"a\\u0000\", \"label\": \"x\"}", |e| {
                matches!(e, ReadError::Binary { line: 2, .. })
            }),
            // Labels and texts are strings: a number or an object was coerced to its JSON.
            (
                "{\"text\": \"a\", \"label\": 3}",
                |e| matches!(e, ReadError::NotAString { line: 2, key, found: "a number", value, .. } if key == "label" && value == "3"),
            ),
            (
                "{\"text\": {\"a\": 1}, \"label\": \"x\"}",
                |e| matches!(e, ReadError::NotAString { line: 2, key, found: "an object", .. } if key == "text"),
            ),
            ("{\"text\": \"a\", \"label\": true}", |e| {
                matches!(
                    e,
                    ReadError::NotAString {
                        line: 2,
                        found: "a boolean",
                        ..
                    }
                )
            }),
        ];
        for (index, (line, expected)) in cases.into_iter().enumerate() {
            let path = fixture.write(
                &format!("{index}.jsonl"),
                format!("{{\"text\":\"ok\",\"label\":\"pro\"}}\n{line}\n"),
            );
            let error = read_error(&path, &labeled());
            assert!(expected(&error), "{line}: {error}");
            assert!(error.to_string().starts_with(&format!("{}:2: ", path.display())));
        }
    }

    #[test]
    fn labels_are_optional_unless_required() {
        let fixture = Fixture::new();
        let path = fixture.write("a.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\",\"label\":null}\n");
        let documents = read_ok(&path, &ReadOptions::default());
        assert!(documents.iter().all(|d| d.label.is_none()));
    }
}
