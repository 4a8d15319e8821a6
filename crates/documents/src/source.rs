//! Sources: what one input path stands for (a file, standard input, the files
//! of a directory), opened one at a time as a stream of documents.

use std::iter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::formats::{read_text, CsvDocuments, FastTextDocuments, JsonlDocuments, TsvDocuments};
use crate::lines::LineReader;
use crate::{input, walk, Document, InputFormat, ReadError, ReadOptions};

/// The documents of one opened source.
pub(crate) type Stream = Box<dyn Iterator<Item = Result<Document, ReadError>> + Send>;

/// One file (or standard input) to read in a known format.
#[derive(Debug)]
pub(crate) struct Source {
    path: PathBuf,
    format: InputFormat,
    /// The raw label given by a directory layout (text files only).
    label: Option<String>,
}

impl Source {
    /// Opens the source; nothing is read before this.
    pub(crate) fn open(self, options: &Arc<ReadOptions>) -> Result<Stream, ReadError> {
        let input = input::open(&self.path)?;
        let options = Arc::clone(options);
        Ok(match self.format {
            InputFormat::Tsv => Box::new(TsvDocuments::new(LineReader::new(input, self.path), options)),
            InputFormat::Csv => Box::new(CsvDocuments::new(input, self.path, options)),
            InputFormat::Jsonl => Box::new(JsonlDocuments::new(LineReader::new(input, self.path), options)),
            InputFormat::FastText => Box::new(FastTextDocuments::new(LineReader::new(input, self.path), options)),
            InputFormat::Txt => Box::new(iter::once(read_text(
                input,
                &self.path,
                self.label.as_deref(),
                &options,
            ))),
        })
    }
}

/// The sources of one input: `-`, a file, or a directory (labeled layout when
/// labels are required, else every `.txt` file below it).
pub(crate) fn plan(input: &Path, options: &ReadOptions) -> Result<Vec<Source>, ReadError> {
    let sources = plan_sources(input, options)?;
    let joinable = |source: &Source| matches!(source.format, InputFormat::Tsv | InputFormat::Csv | InputFormat::Jsonl);
    if options.texts.is_some() && (input.is_dir() || !sources.iter().all(joinable)) {
        return Err(ReadError::NotJoinable {
            path: input.to_path_buf(),
        });
    }
    Ok(sources)
}

fn plan_sources(input: &Path, options: &ReadOptions) -> Result<Vec<Source>, ReadError> {
    if input::is_stdin(input) {
        return Ok(vec![Source {
            path: input.to_path_buf(),
            format: options.format.unwrap_or(InputFormat::Txt),
            label: None,
        }]);
    }
    let metadata = input.metadata().map_err(|source| ReadError::Access {
        path: input.to_path_buf(),
        source,
    })?;
    if metadata.is_dir() {
        return if options.require_label {
            plan_labeled(input)
        } else {
            Ok(text_sources(walk::text_files(input)?, None))
        };
    }
    let format = options
        .format
        .or_else(|| InputFormat::from_path(input))
        .ok_or_else(|| ReadError::UnknownFormat {
            path: input.to_path_buf(),
        })?;
    Ok(vec![Source {
        path: input.to_path_buf(),
        format,
        label: None,
    }])
}

/// The `.txt` files of each label sub-directory of `dir`, labels in sorted order.
pub(crate) fn plan_labeled(dir: &Path) -> Result<Vec<Source>, ReadError> {
    let mut sources = Vec::new();
    for (label, path) in walk::label_directories(dir)? {
        sources.extend(text_sources(walk::text_files(&path)?, Some(label)));
    }
    Ok(sources)
}

fn text_sources(paths: Vec<PathBuf>, label: Option<String>) -> Vec<Source> {
    paths
        .into_iter()
        .map(|path| Source {
            path,
            format: InputFormat::Txt,
            label: label.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_input_is_one_text_unless_a_format_is_given() {
        let sources = plan(Path::new("-"), &ReadOptions::default()).unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].path, Path::new("-"));
        assert_eq!(sources[0].format, InputFormat::Txt);
        let options = ReadOptions {
            format: Some(InputFormat::Jsonl),
            require_label: true,
            ..ReadOptions::default()
        };
        let sources = plan(Path::new("-"), &options).unwrap();
        assert_eq!(sources[0].format, InputFormat::Jsonl);
    }
}
