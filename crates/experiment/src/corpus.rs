//! A labeled corpus held in memory, to be split into folds: what cross-validation, tuning and
//! calibration read once and train on many times.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use stance_documents::screen::{format_mismatches, label_warnings};
use stance_documents::{read_inputs, Document, ReadOptions, Screen};

use crate::ExperimentError;

/// Labeled documents in memory: those to validate on and, beside them, documents that only
/// ever train (`also_train`).
#[derive(Debug)]
pub struct Corpus {
    documents: Vec<Document>,
    labels: Vec<String>,
    label_set: Vec<String>,
    also_trained: Vec<(String, String)>,
    rows: Vec<usize>,
    n_rows: usize,
    warnings: Vec<String>,
    /// The names of the id, label and text columns (which a grouping or fold column may name).
    columns: [String; 3],
}

impl Corpus {
    /// Reads and screens every labeled document of `data`, and of `also_train` (added to the
    /// training part of every fold, never validated on), as `stance train` does: empty texts are
    /// skipped and counted, labels checked. `options` should require labels. An error unless
    /// `data` holds a document and all of them have two labels or more together; the screening's
    /// warnings are kept in [`warnings`](Self::warnings).
    pub fn read(data: &[PathBuf], also_train: &[PathBuf], options: &ReadOptions) -> Result<Self, ExperimentError> {
        let mut warnings = format_mismatches(options.format, data);
        let mut screen = Screen::training();
        let mut documents = Vec::new();
        let mut rows = Vec::new();
        let mut n_rows = 0;
        for document in read_inputs(data, options)? {
            if let Some(document) = screen.admit(document?)? {
                documents.push(document);
                rows.push(n_rows);
            }
            n_rows += 1;
        }
        warnings.extend(screen.warnings());
        if documents.is_empty() {
            return Err(ExperimentError::NoDocuments { inputs: list(data) });
        }
        let labels: Vec<String> = documents
            .iter()
            .map(|document| document.label.clone().unwrap_or_default())
            .collect();
        let mut also_trained = Vec::new();
        if !also_train.is_empty() {
            warnings.extend(format_mismatches(options.format, also_train));
            let mut screen = Screen::training();
            for document in read_inputs(also_train, options)? {
                if let Some(document) = screen.admit(document?)? {
                    also_trained.push((document.text, document.label.unwrap_or_default()));
                }
            }
            warnings.extend(screen.warnings());
        }
        let mut per_label: BTreeMap<String, u64> = BTreeMap::new();
        for label in labels.iter().chain(also_trained.iter().map(|(_, label)| label)) {
            *per_label.entry(label.clone()).or_default() += 1;
        }
        require_two_labels(&per_label)?;
        warnings.extend(label_warnings(&per_label));
        Ok(Corpus {
            documents,
            labels,
            label_set: per_label.into_keys().collect(),
            also_trained,
            rows,
            n_rows,
            warnings,
            columns: [
                options.id_column.clone(),
                options.label_column.clone(),
                options.text_column.clone(),
            ],
        })
    }

    /// A corpus of documents already in memory, each with its label.
    pub fn from_documents(documents: Vec<Document>) -> Result<Self, ExperimentError> {
        if documents.is_empty() {
            return Err(ExperimentError::NoDocuments {
                inputs: "the documents given".into(),
            });
        }
        let labels: Vec<String> = documents.iter().map(|d| d.label.clone().unwrap_or_default()).collect();
        let mut per_label: BTreeMap<String, u64> = BTreeMap::new();
        for label in &labels {
            *per_label.entry(label.clone()).or_default() += 1;
        }
        require_two_labels(&per_label)?;
        let n = documents.len();
        Ok(Corpus {
            documents,
            labels,
            label_set: per_label.into_keys().collect(),
            also_trained: Vec::new(),
            rows: (0..n).collect(),
            n_rows: n,
            warnings: Vec::new(),
            columns: ["id".into(), "label".into(), "text".into()],
        })
    }

    /// The documents to validate on, in reading order (empty texts skipped).
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The label of each document.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The distinct labels of the documents and of those only trained on, sorted.
    pub fn label_set(&self) -> &[String] {
        &self.label_set
    }

    /// `(text, label)` of the documents added to every fold's training part.
    pub fn also_trained(&self) -> &[(String, String)] {
        &self.also_trained
    }

    /// The data row (0-based over all inputs, skipped documents counted) of each document.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// The data rows read, skipped documents included.
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// What the screening noticed: one line per kind of problem, for people.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The value of `column` for every document, trimmed: a column of its row, or its id, label
    /// or text when `column` names the id, label or text column it was read with (`--group-by
    /// text` keeps identical texts in one fold). A document without it, or with an empty value,
    /// is an error naming its line.
    pub fn column(&self, column: &str) -> Result<Vec<String>, ExperimentError> {
        let [id_column, label_column, text_column] = &self.columns;
        self.documents
            .iter()
            .map(|document| {
                let value = if column == id_column {
                    Some(document.id.as_str())
                } else if column == label_column {
                    document.label.as_deref()
                } else if column == text_column {
                    Some(document.text.as_str())
                } else {
                    document.fields.get(column).map(String::as_str)
                };
                match value.map(str::trim) {
                    Some(value) if !value.is_empty() => Ok(value.to_string()),
                    Some(_) => Err(ExperimentError::EmptyColumn {
                        location: document.source.to_string(),
                        column: column.to_string(),
                    }),
                    None => {
                        let others: Vec<&str> = document.fields.keys().map(String::as_str).collect();
                        Err(ExperimentError::MissingColumn {
                            location: document.source.to_string(),
                            column: column.to_string(),
                            others: if others.is_empty() {
                                "none".to_string()
                            } else {
                                others.join(", ")
                            },
                        })
                    }
                }
            })
            .collect()
    }
}

/// An error unless the documents per label of a training set name at least two labels.
pub fn require_two_labels(per_label: &BTreeMap<String, u64>) -> Result<(), ExperimentError> {
    if let [(label, &documents)] = per_label.iter().collect::<Vec<_>>()[..] {
        return Err(ExperimentError::OneLabel {
            label: label.clone(),
            documents,
        });
    }
    Ok(())
}

/// The paths, comma-separated, for messages.
pub fn list(paths: &[impl AsRef<Path>]) -> String {
    paths
        .iter()
        .map(|p| p.as_ref().display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_label_is_not_enough() {
        let one: BTreeMap<String, u64> = [("military".to_string(), 4)].into();
        let error = require_two_labels(&one).unwrap_err().to_string();
        assert!(error.contains("at least two labels"), "{error}");
        let two: BTreeMap<String, u64> = [("a".to_string(), 1), ("b".to_string(), 1)].into();
        assert!(require_two_labels(&two).is_ok());
    }
}
