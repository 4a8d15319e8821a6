//! How a corpus is split into folds: stratified, grouped, or fixed by a column or a file.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use stance_documents::{read_documents, InputFormat, ReadOptions};
use stance_eval::Folds;

use crate::{Corpus, ExperimentError};

/// The folds asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// `folds` folds stratified by label: each label's documents shuffled with `seed` and dealt
    /// round-robin.
    Stratified {
        /// The number of folds, at least 2.
        folds: usize,
        /// The seed of the shuffle.
        seed: u64,
    },
    /// Grouped k-fold: the documents sharing a value of `column` are validated together.
    Grouped {
        /// The grouping column.
        column: String,
        /// The number of folds, at least 2.
        folds: usize,
        /// The seed of the shuffle of the groups.
        seed: u64,
    },
    /// One fold per distinct value of `column`.
    FixedColumn {
        /// The fold column.
        column: String,
    },
    /// Fixed folds from a TSV file with the columns `row` (0-based data row, all inputs
    /// together, in reading order) and `fold`.
    FixedFile {
        /// The folds file.
        path: PathBuf,
    },
}

impl fmt::Display for Split {
    /// For people: `5 folds grouped by conflict, seed 42`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Split::Stratified { folds, seed } => write!(f, "{folds} folds stratified by label, seed {seed}"),
            Split::Grouped { column, folds, seed } => write!(f, "{folds} folds grouped by {column}, seed {seed}"),
            Split::FixedColumn { column } => write!(f, "fixed folds from column {column}"),
            Split::FixedFile { path } => write!(f, "fixed folds from {}", path.display()),
        }
    }
}

impl Split {
    /// The folds of `corpus`, and for grouped folds the group of each document (so that inner
    /// folds can keep groups whole); a grouping or fold column may name the id, label or text
    /// column the corpus was read with. The folds' own warnings (a small fold, ...) are in
    /// [`Folds::warnings`].
    pub fn folds(&self, corpus: &Corpus) -> Result<(Folds, Option<Vec<String>>), ExperimentError> {
        let labels = corpus.labels();
        let mut document_groups = None;
        let folds = match self {
            Split::Grouped { column, folds, seed } => {
                let groups = corpus.column(column)?;
                let grouped = Folds::grouped(&groups, labels, *folds, *seed);
                document_groups = Some(groups);
                grouped
            }
            Split::FixedColumn { column } => {
                let ids = corpus.column(column)?;
                Folds::fixed(&ids).and_then(|folds| folds.with_labels(labels))
            }
            Split::FixedFile { path } => {
                let folds = read_folds_file(path, corpus.n_rows())?;
                let ids: Vec<String> = corpus.rows().iter().map(|&row| folds[row].clone()).collect();
                Folds::fixed(&ids).and_then(|folds| folds.with_labels(labels))
            }
            Split::Stratified { folds, seed } => Folds::stratified(labels, *folds, *seed),
        };
        let folds = folds.map_err(|source| ExperimentError::Folds {
            split: self.to_string(),
            source,
        })?;
        Ok((folds, document_groups))
    }
}

/// A warning when identical texts sit in different folds: each such fold is validated on texts
/// its model trained on, and the scores come out too high (`stance cv a.tsv a.tsv`). `None`
/// when every text is in one fold only.
pub fn repeated_texts(corpus: &Corpus, folds: &Folds) -> Option<String> {
    let documents = corpus.documents();
    let fold = folds.assignment();
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut repeated = 0usize;
    let mut example: Option<(usize, usize)> = None;
    for (index, document) in documents.iter().enumerate() {
        match first.get(document.text.as_str()) {
            Some(&earlier) => {
                if fold[earlier] != fold[index] {
                    repeated += 1;
                    example.get_or_insert((earlier, index));
                }
            }
            None => {
                first.insert(document.text.as_str(), index);
            }
        }
    }
    let (a, b) = example?;
    Some(format!(
        "{repeated} {} the text of a document in another fold (first: {} and {}): those folds validate on \
         texts their models trained on, so the scores are too high; remove the duplicates, or keep them in \
         one fold with --group-by",
        if repeated == 1 {
            "document repeats"
        } else {
            "documents repeat"
        },
        documents[a].source,
        documents[b].source
    ))
}

/// The fold of each of `n` data rows, from a TSV file with the columns `row` (0-based) and `fold`.
fn read_folds_file(path: &Path, n: usize) -> Result<Vec<String>, ExperimentError> {
    let options = ReadOptions {
        format: Some(InputFormat::Tsv),
        text_column: "fold".into(),
        ..ReadOptions::default()
    };
    let mut folds: Vec<Option<String>> = vec![None; n];
    for document in read_documents(path, &options)? {
        let document = document?;
        let fail = |reason: String| ExperimentError::FoldsFile {
            location: document.source.to_string(),
            reason,
        };
        let Some(row) = document.fields.get("row") else {
            return Err(fail(
                "no column row (the folds file needs the columns row and fold)".into(),
            ));
        };
        let Ok(row) = row.trim().parse::<usize>() else {
            return Err(fail(format!("row `{}` is not a row number (0-based)", row.trim())));
        };
        if row >= n {
            return Err(fail(format!(
                "row {row} is out of range: DATA has {n} rows, numbered from 0 to {}",
                n - 1
            )));
        }
        let fold = document.text.trim();
        if fold.is_empty() {
            return Err(fail(format!("empty fold for row {row}")));
        }
        if folds[row].replace(fold.to_string()).is_some() {
            return Err(fail(format!("row {row} is given a fold twice")));
        }
    }
    let missing = folds.iter().filter(|fold| fold.is_none()).count();
    if let Some(first) = folds.iter().position(Option::is_none) {
        return Err(ExperimentError::FoldsFile {
            location: path.display().to_string(),
            reason: format!("{missing} of the {n} rows of DATA have no fold (the first is row {first})"),
        });
    }
    Ok(folds.into_iter().flatten().collect())
}
