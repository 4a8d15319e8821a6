//! Texts kept apart from their labels: a table of ids and texts that labeled
//! tables of ids are joined with ([`ReadOptions::texts`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::{read_documents, ReadError, ReadOptions};

/// The texts of a file of ids and texts (TSV, CSV or JSON lines), by id.
///
/// Every row needs a non-empty id, and each id appears once. The whole file is
/// held in memory (its texts and other columns), the labeled files joined with
/// it are streamed.
///
/// ```
/// use std::{fs, sync::Arc};
/// use stance_documents::{read_documents, ReadOptions, Texts};
///
/// let dir = tempfile::tempdir()?;
/// let texts = dir.path().join("pool.tsv");
/// fs::write(&texts, "id\tdate\ttext\nn1\t2014-07-01\tTalks resume.\nn2\t2014-07-02\tShelling resumes.\n")?;
/// let labels = dir.path().join("labels.tsv");
/// fs::write(&labels, "id\tlabel\nn2\tmilitary\n")?;
///
/// let texts = Texts::read(&texts, &ReadOptions::default())?;
/// let options = ReadOptions { require_label: true, texts: Some(Arc::new(texts)), ..ReadOptions::default() };
/// let document = read_documents(&labels, &options)?.next().expect("one row")?;
/// assert_eq!(document.text, "Shelling resumes.");
/// assert_eq!(document.fields["date"], "2014-07-02");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Texts {
    path: PathBuf,
    entries: HashMap<String, Entry>,
}

#[derive(Clone, PartialEq, Eq)]
struct Entry {
    text: String,
    fields: BTreeMap<String, String>,
    /// The line of the texts file it was read from.
    line: u64,
}

impl Texts {
    /// Reads the texts of `path` with the format and the text and id columns of
    /// `options` (its labels, if any, are ignored). A row without an id and an id
    /// given twice are errors naming the file and line.
    pub fn read(path: impl AsRef<Path>, options: &ReadOptions) -> Result<Self, ReadError> {
        let path = path.as_ref();
        let options = ReadOptions {
            require_label: false,
            require_id: true,
            texts: None,
            ..options.clone()
        };
        let mut entries: HashMap<String, Entry> = HashMap::new();
        for document in read_documents(path, &options)? {
            let document = document?;
            if let Some(first) = entries.get(&document.id) {
                return Err(ReadError::DuplicateId {
                    path: document.source.path.clone(),
                    line: document.source.line,
                    first: format!("{}:{}", document.source.path.display(), first.line),
                    id: document.id,
                });
            }
            entries.insert(
                document.id,
                Entry {
                    text: document.text,
                    fields: document.fields,
                    line: document.source.line,
                },
            );
        }
        Ok(Self {
            path: path.to_path_buf(),
            entries,
        })
    }

    /// The file the texts were read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many texts there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the file held no text.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The text of `id`, if the file has it.
    pub fn text(&self, id: &str) -> Option<&str> {
        self.entries.get(id).map(|entry| entry.text.as_str())
    }

    /// The text of the document `id` read at `path:line`, with the other columns
    /// of its row here added to `fields` (the labeled row's own columns win), or
    /// [`ReadError::UnknownId`].
    pub(crate) fn join(
        &self,
        id: &str,
        fields: &mut BTreeMap<String, String>,
        path: &Path,
        line: u64,
    ) -> Result<String, ReadError> {
        let entry = self.entries.get(id).ok_or_else(|| ReadError::UnknownId {
            path: path.to_path_buf(),
            line,
            id: id.to_string(),
            texts: self.path.clone(),
        })?;
        for (name, value) in &entry.fields {
            fields.entry(name.clone()).or_insert_with(|| value.clone());
        }
        Ok(entry.text.clone())
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Texts")
            .field("path", &self.path)
            .field("texts", &self.entries.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::read_inputs;
    use crate::testing::{labeled, read_error, read_ok, Fixture};

    const POOL: &str =
        "id\tdate\ttext\nn1\t2014-07-01\tTalks resume.\nn2\t2014-07-02\tShelling resumes.\nn3\t2014-07-03\tRain.\n";

    fn joined(fixture: &Fixture) -> ReadOptions {
        let texts = Texts::read(fixture.write("pool.tsv", POOL), &ReadOptions::default()).unwrap();
        ReadOptions {
            texts: Some(Arc::new(texts)),
            ..labeled()
        }
    }

    #[test]
    fn labels_take_their_texts_and_columns_by_id() {
        let fixture = Fixture::new();
        let options = joined(&fixture);
        let labels = fixture.write(
            "labels.tsv",
            "id\tlabel\tlabeler\tdate\nn2\tmilitary\ta\t2014\nn1\tnegotiation\tb\t\n",
        );
        let documents = read_ok(&labels, &options);
        let read: Vec<(&str, &str, &str)> = documents
            .iter()
            .map(|d| (d.id.as_str(), d.text.as_str(), d.label.as_deref().unwrap()))
            .collect();
        assert_eq!(
            read,
            [
                ("n2", "Shelling resumes.", "military"),
                ("n1", "Talks resume.", "negotiation")
            ]
        );
        // The labeled row's own columns win over the texts file's.
        assert_eq!(documents[0].fields["date"], "2014");
        assert_eq!(documents[0].fields["labeler"], "a");
        assert_eq!(documents[1].fields["date"], "");
    }

    #[test]
    fn json_lines_and_csv_labels_join_too() {
        let fixture = Fixture::new();
        let options = joined(&fixture);
        let jsonl = fixture.write("labels.jsonl", "{\"id\": \"n3\", \"label\": \"neutral\"}\n");
        let csv = fixture.write("labels.csv", "id,label\nn1,negotiation\n");
        let texts: Vec<String> = read_inputs([&jsonl, &csv], &options)
            .unwrap()
            .map(|d| d.unwrap().text)
            .collect();
        assert_eq!(texts, ["Rain.", "Talks resume."]);
    }

    #[test]
    fn an_id_without_a_text_names_the_line_and_the_texts_file() {
        let fixture = Fixture::new();
        let options = joined(&fixture);
        let labels = fixture.write("labels.tsv", "id\tlabel\nn1\tneutral\nn9\tmilitary\n");
        let error = read_error(&labels, &options);
        assert!(
            matches!(&error, ReadError::UnknownId { line: 3, id, .. } if id == "n9"),
            "{error:?}"
        );
        let expected = format!(
            "labels.tsv:3: id `n9` has no text in {}",
            fixture.path().join("pool.tsv").display()
        );
        assert!(error.to_string().ends_with(&expected), "{error}");
    }

    #[test]
    fn an_id_labeled_twice_is_an_error_across_files() {
        let fixture = Fixture::new();
        let options = joined(&fixture);
        let a = fixture.write("a.tsv", "id\tlabel\nn1\tneutral\n");
        let b = fixture.write("b.tsv", "id\tlabel\nn2\tneutral\nn1\tmilitary\n");
        let last = read_inputs([&a, &b], &options).unwrap().last().unwrap();
        let error = last.unwrap_err();
        assert!(
            matches!(&error, ReadError::DuplicateId { line: 3, id, first, .. }
            if id == "n1" && first == &format!("{}:2", a.display())),
            "{error:?}"
        );
    }

    #[test]
    fn joined_labels_need_ids_and_tables_with_texts_keep_theirs() {
        let fixture = Fixture::new();
        let options = joined(&fixture);
        let no_id = fixture.write("no_id.tsv", "label\nneutral\n");
        assert!(matches!(read_error(&no_id, &options), ReadError::MissingColumn { column, .. } if column == "id"));
        let empty_id = fixture.write("empty_id.tsv", "id\tlabel\n \tneutral\n");
        assert!(matches!(
            read_error(&empty_id, &options),
            ReadError::MissingId { line: 2, .. }
        ));
        let no_id = fixture.write("no_id.jsonl", "{\"label\": \"neutral\"}\n");
        assert!(matches!(
            read_error(&no_id, &options),
            ReadError::MissingId { line: 1, .. }
        ));
        let own = fixture.write("own.tsv", "label\ttext\nneutral\tOwn text.\n");
        let own_json = fixture.write(
            "own.jsonl",
            "{\"id\": \"n1\", \"label\": \"neutral\", \"text\": \"Own.\"}\n",
        );
        let texts: Vec<String> = read_inputs([&own, &own_json], &options)
            .unwrap()
            .map(|d| d.unwrap().text)
            .collect();
        assert_eq!(texts, ["Own text.", "Own."]);
    }

    #[test]
    fn only_tables_can_be_joined() {
        let fixture = Fixture::new();
        let options = joined(&fixture);
        let text = fixture.write("doc.txt", "n1");
        let fasttext = fixture.write("doc.ft", "__label__a n1\n");
        let dir = fixture.write("corpus/military/a.txt", "x");
        for input in [text, fasttext, dir.parent().unwrap().parent().unwrap().to_path_buf()] {
            let error = read_inputs([&input], &options).unwrap_err();
            assert!(
                matches!(&error, ReadError::NotJoinable { path } if path == &input),
                "{error:?}"
            );
        }
    }

    #[test]
    fn a_texts_file_needs_unique_ids() {
        let fixture = Fixture::new();
        let repeated = fixture.write("repeated.tsv", "id\ttext\na\tx\nb\ty\na\tz\n");
        let error = Texts::read(&repeated, &ReadOptions::default()).unwrap_err();
        assert!(
            matches!(&error, ReadError::DuplicateId { line: 4, id, .. } if id == "a"),
            "{error:?}"
        );
        let no_ids = fixture.write("no_ids.tsv", "text\nx\n");
        let error = Texts::read(&no_ids, &ReadOptions::default()).unwrap_err();
        assert!(
            matches!(&error, ReadError::MissingColumn { column, .. } if column == "id"),
            "{error:?}"
        );
        let texts = Texts::read(fixture.write("ok.tsv", POOL), &labeled()).unwrap();
        assert_eq!((texts.len(), texts.text("n3")), (3, Some("Rain.")));
    }
}
