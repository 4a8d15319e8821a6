//! Errors of experiments.

use stance_documents::ReadError;
use stance_eval::EvalError;
use stance_model::ModelError;
use thiserror::Error;

/// What can go wrong while reading a corpus, making folds, cross-validating or calibrating.
#[derive(Debug, Error)]
pub enum ExperimentError {
    /// Reading the documents failed.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// No document to learn from in the inputs (all empty, or none at all).
    #[error("no documents in {inputs}")]
    NoDocuments {
        /// The inputs, comma-separated.
        inputs: String,
    },
    /// Training data with a single label: a model of it answers that label to everything.
    #[error(
        "training needs at least two labels, but all {documents} documents are labeled `{label}`; check the label column (--label-column) and --label-map"
    )]
    OneLabel {
        /// The only label.
        label: String,
        /// Its documents.
        documents: u64,
    },
    /// A document without the column that groups or assigns folds.
    #[error("{location}: no column {column} (other columns: {others})")]
    MissingColumn {
        /// `FILE:LINE` of the document.
        location: String,
        /// The column looked for.
        column: String,
        /// The document's other columns, comma-separated (`none`).
        others: String,
    },
    /// A document whose grouping or fold column is empty.
    #[error("{location}: empty value in column {column}")]
    EmptyColumn {
        /// `FILE:LINE` of the document.
        location: String,
        /// The column.
        column: String,
    },
    /// A folds file that does not give every data row one fold.
    #[error("{location}: {reason}")]
    FoldsFile {
        /// The folds file, as `FILE:LINE` when the problem is on one line.
        location: String,
        /// What is wrong.
        reason: String,
    },
    /// Folds that cannot be made as asked (too few documents or groups, ...).
    #[error("cannot make {split}")]
    Folds {
        /// The folds asked for, described.
        split: String,
        /// Why not.
        source: EvalError,
    },
    /// One fold failed.
    #[error("fold {fold}")]
    Fold {
        /// The fold's name.
        fold: String,
        /// What failed in it.
        source: Box<ExperimentError>,
    },
    /// Training or calibrating a model failed.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// Scoring predictions failed.
    #[error(transparent)]
    Eval(#[from] EvalError),
}

impl ExperimentError {
    /// The model error at the root of this one, through the folds it failed in (the chain of
    /// sources holds a fold's error boxed, where a downcast does not find it).
    pub fn model_error(&self) -> Option<&ModelError> {
        match self {
            ExperimentError::Model(error) => Some(error),
            ExperimentError::Fold { source, .. } => source.model_error(),
            _ => None,
        }
    }

    /// Whether training failed because the smoothing overflowed: settings that cannot be fitted
    /// on this data, which tuning skips with the reason.
    pub fn is_alpha_overflow(&self) -> bool {
        matches!(self.model_error(), Some(ModelError::AlphaOverflow(_)))
    }
}
