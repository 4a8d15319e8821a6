//! The entry points: reading one input, several inputs, or a labeled directory.

use std::path::Path;

use crate::source::{plan, plan_labeled};
use crate::{Documents, ReadError, ReadOptions};

/// Reads the documents of one input: a file, `-` for standard input, or a
/// directory (see the [crate docs](crate#inputs)).
///
/// Errors found before reading (a missing path, an unknown format, an
/// unreadable or unlabeled directory) are returned here; errors found while
/// reading are the last item of the stream.
pub fn read_documents(input: impl AsRef<Path>, options: &ReadOptions) -> Result<Documents, ReadError> {
    read_inputs([input], options)
}

/// Reads the documents of several inputs in the given order, as
/// [`read_documents`] reads each one. Every input is checked (exists, known
/// format, directory listed) before any is read.
pub fn read_inputs<I>(inputs: I, options: &ReadOptions) -> Result<Documents, ReadError>
where
    I: IntoIterator,
    I::Item: AsRef<Path>,
{
    let mut sources = Vec::new();
    for input in inputs {
        sources.extend(plan(input.as_ref(), options)?);
    }
    Ok(Documents::new(sources, options.clone()))
}

/// Reads a training directory: one sub-directory per label, holding `.txt`
/// files (searched recursively), one document each, labeled with the
/// sub-directory's name (trimmed, renamed by the label map). Labels are read
/// in sorted order, files in sorted path order; files directly in `dir` and
/// hidden entries are ignored. A directory with no label sub-directory is
/// [`ReadError::NoLabelDirectories`].
pub fn read_labeled_directory(dir: impl AsRef<Path>, options: &ReadOptions) -> Result<Documents, ReadError> {
    Ok(Documents::new(plan_labeled(dir.as_ref())?, options.clone()))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::testing::{labeled, Fixture};
    use crate::{Document, InputFormat, LabelMap, ReadStats};

    fn ids_and_labels(documents: Documents) -> Vec<(String, Option<String>)> {
        documents
            .map(|document| {
                let Document { id, label, .. } = document.unwrap();
                (id, label)
            })
            .collect()
    }

    fn id(path: &Path) -> String {
        path.display().to_string()
    }

    #[test]
    fn a_directory_for_prediction_is_every_txt_file_sorted() {
        let fixture = Fixture::new();
        let b = fixture.write("b.txt", "b");
        let a2 = fixture.write("a/2.TXT", "a2");
        let a1 = fixture.write("a/1.txt", "a1");
        fixture.write("a/notes.md", "not text");
        fixture.write(".hidden/x.txt", "hidden");
        fixture.write("a/.x.txt", "hidden");
        let documents = read_documents(fixture.path(), &ReadOptions::default()).unwrap();
        assert_eq!(
            ids_and_labels(documents),
            [(id(&a1), None), (id(&a2), None), (id(&b), None)]
        );
    }

    #[test]
    fn a_labeled_directory_labels_by_sub_directory() {
        let fixture = Fixture::new();
        let neg = fixture.write("neg/1.txt", "bad");
        let pos2 = fixture.write("pos/deeper/2.txt", "good too");
        let pos1 = fixture.write("pos/1.txt", "good");
        fixture.write("README.txt", "ignored");
        let options = ReadOptions {
            label_map: "pos=positive".parse::<LabelMap>().unwrap(),
            ..ReadOptions::default()
        };
        let expected = [
            (id(&neg), Some("neg".to_string())),
            (id(&pos1), Some("positive".to_string())),
            (id(&pos2), Some("positive".to_string())),
        ];
        let documents = read_labeled_directory(fixture.path(), &options).unwrap();
        assert_eq!(ids_and_labels(documents), expected);
        let options = ReadOptions {
            require_label: true,
            ..options
        };
        let documents = read_documents(fixture.path(), &options).unwrap();
        assert_eq!(ids_and_labels(documents), expected, "labels required: same layout");
    }

    #[test]
    fn a_directory_without_label_directories_is_an_error() {
        let fixture = Fixture::new();
        fixture.write("1.txt", "text");
        fixture.write(".git/HEAD", "hidden");
        let error = read_labeled_directory(fixture.path(), &ReadOptions::default()).unwrap_err();
        assert!(matches!(error, ReadError::NoLabelDirectories { .. }));
        assert!(error.to_string().starts_with(&id(fixture.path())));
        let error = read_documents(fixture.path(), &labeled()).unwrap_err();
        assert!(matches!(error, ReadError::NoLabelDirectories { .. }));
    }

    #[test]
    fn several_inputs_are_read_in_order_with_stats() {
        let fixture = Fixture::new();
        let tsv = fixture.write("a.tsv", "text\tlabel\none\tpos\n\tneg\n");
        let jsonl = fixture.write("b.jsonl", "{\"text\":\"three\",\"label\":\"pos\"}\n");
        let mut documents = read_inputs([&jsonl, &tsv], &labeled()).unwrap();
        let texts: Vec<String> = documents.by_ref().map(|d| d.unwrap().text).collect();
        assert_eq!(texts, ["three", "one", ""]);
        assert_eq!(
            documents.stats(),
            ReadStats {
                inputs: 2,
                documents: 3,
                empty_texts: 1
            }
        );
    }

    #[test]
    fn path_problems_are_found_before_reading() {
        let fixture = Fixture::new();
        let tsv = fixture.write("a.tsv", "text\nok\n");
        let missing = fixture.path().join("missing.tsv");
        let error = read_inputs([&tsv, &missing], &ReadOptions::default()).unwrap_err();
        assert!(matches!(error, ReadError::Access { .. }));
        assert_eq!(error.path(), missing);
        assert_eq!(error.line(), None);
        let unknown = fixture.write("a.data", "text\nok\n");
        let error = read_documents(&unknown, &ReadOptions::default()).unwrap_err();
        assert!(matches!(error, ReadError::UnknownFormat { .. }), "{error}");
    }

    #[test]
    fn the_format_option_overrides_the_extension() {
        let fixture = Fixture::new();
        let path = fixture.write("a.data", "text,label\n\"a, b\",pos\n");
        let options = ReadOptions {
            format: Some(InputFormat::Csv),
            ..labeled()
        };
        let documents: Vec<_> = read_documents(&path, &options).unwrap().collect();
        assert_eq!(documents[0].as_ref().unwrap().text, "a, b");
        let options = ReadOptions {
            format: Some(InputFormat::Txt),
            ..ReadOptions::default()
        };
        let documents: Vec<_> = read_documents(&path, &options).unwrap().collect();
        assert_eq!(documents[0].as_ref().unwrap().id, id(&path));
    }

    #[test]
    fn an_error_ends_the_stream_across_inputs() {
        let fixture = Fixture::new();
        let bad = fixture.write("bad.tsv", "body\nx\n");
        let good = fixture.write("good.tsv", "text\nok\n");
        let items: Vec<_> = read_inputs([&bad, &good], &ReadOptions::default()).unwrap().collect();
        assert_eq!(items.len(), 1);
        assert!(matches!(items[0], Err(ReadError::MissingColumn { .. })));
    }
}
