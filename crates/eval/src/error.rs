//! The one error type of this crate.

use thiserror::Error;

/// Why an evaluation could not be computed from its input.
///
/// Every variant names the offending input, so a message can be shown to a
/// user as it is.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum EvalError {
    /// Two inputs that must be parallel (one entry per document) differ in length.
    #[error("{what} has {found} entries but there are {expected} documents")]
    LengthMismatch {
        /// Which input is too short or too long (`"predicted labels"`, `"probability rows"`, ...).
        what: &'static str,
        /// The number of documents (the length of the true labels).
        expected: usize,
        /// The length that was given.
        found: usize,
    },

    /// There is no document to evaluate.
    #[error("nothing to evaluate: the input has no documents")]
    Empty,

    /// A probability row does not have one value per probability label.
    #[error("probability row {row} has {found} values but there are {expected} probability labels")]
    ProbabilityWidth {
        /// Index of the document (0-based).
        row: usize,
        /// The number of probability labels.
        expected: usize,
        /// The number of values in the row.
        found: usize,
    },

    /// A probability is NaN.
    #[error("probability row {row}, column {column} is NaN")]
    ProbabilityNaN {
        /// Index of the document (0-based).
        row: usize,
        /// Index of the value within the row (0-based).
        column: usize,
    },

    /// A probability is below 0, above 1 or infinite.
    #[error("probability row {row}, column {column} is {value}, outside [0, 1]")]
    ProbabilityOutOfRange {
        /// Index of the document (0-based).
        row: usize,
        /// Index of the value within the row (0-based).
        column: usize,
        /// The offending value.
        value: f64,
    },

    /// A probability row does not sum to 1 within the tolerance of 1e-6.
    #[error("probability row {row} sums to {sum}, not to 1 (tolerance 1e-6)")]
    ProbabilitySum {
        /// Index of the document (0-based).
        row: usize,
        /// The sum of the row.
        sum: f64,
    },

    /// A label appears twice in the list of probability columns.
    #[error("label {0:?} names two probability columns")]
    DuplicateProbabilityLabel(String),

    /// A document's true label has no probability column, so its log-loss is undefined.
    #[error("true label {label:?} of document {row} has no probability column")]
    MissingProbabilityLabel {
        /// Index of the document (0-based).
        row: usize,
        /// The true label without a column.
        label: String,
    },

    /// The explicitly named neutral class is not among the labels.
    #[error("neutral label {0:?} is not among the true, predicted or model labels")]
    UnknownNeutralLabel(String),

    /// A number of folds below 2 or above the number of documents.
    #[error(
        "cannot make {k} folds of {n_documents} documents: the number of folds must be at least 2 \
         and at most the number of documents"
    )]
    FoldCount {
        /// The number of folds asked for.
        k: usize,
        /// The number of documents to split.
        n_documents: usize,
    },

    /// Grouped folds need at least as many distinct groups as folds.
    #[error("cannot make {k} folds of {groups} groups: there must be at least as many groups as folds")]
    TooFewGroups {
        /// The number of distinct groups.
        groups: usize,
        /// The number of folds asked for.
        k: usize,
    },

    /// Fixed folds need at least two distinct fold ids (one fold leaves nothing to train on).
    #[error("fixed folds need at least 2 distinct fold ids, found {0}")]
    TooFewFoldIds(usize),

    /// A learning-curve fraction is NaN or outside (0, 1].
    #[error("learning-curve fraction {0} is not in (0, 1]")]
    InvalidFraction(f64),

    /// Cross-validation results were asked of zero folds.
    #[error("nothing to aggregate: there are no folds")]
    NoFolds,

    /// Evaluating one fold of a cross-validation failed.
    #[error("fold {fold} (0-based): {error}")]
    InFold {
        /// The index of the fold (0-based).
        fold: usize,
        /// Why the fold could not be evaluated.
        error: Box<EvalError>,
    },
}
