//! Errors of the naive Bayes engine.

use std::path::PathBuf;

use stance_features::FeatureError;
use thiserror::Error;

/// What can go wrong while configuring, training, merging, saving or loading a model.
#[derive(Debug, Error)]
pub enum ModelError {
    /// Smoothing that is zero, negative, NaN or infinite.
    #[error("alpha must be a finite number > 0, got {0}")]
    InvalidAlpha(f64),
    /// Smoothing so large that a class's smoothed total overflows a double: the weights would
    /// not be numbers.
    #[error("alpha {0:e} is too large: the smoothed counts overflow and the weights would not be finite numbers")]
    AlphaOverflow(f64),
    /// Given class priors that are negative, not finite, or do not sum to 1.
    #[error("invalid class priors: {0}")]
    InvalidPriors(String),
    /// Training data with no document.
    #[error("no training documents")]
    NoDocuments,
    /// Training data whose labels and rows do not line up.
    #[error("{rows} rows but {labels} labels")]
    LengthMismatch {
        /// Rows of the feature matrix.
        rows: usize,
        /// Labels given.
        labels: usize,
    },
    /// A combination of settings the engine refuses, with the reason.
    #[error("unsupported settings: {0}")]
    Unsupported(String),
    /// Two models that cannot be merged, with the reason.
    #[error("cannot merge: {0}")]
    Incompatible(String),
    /// A training label that prediction reserves (`uncertain`, the label of abstentions).
    #[error("the label `{0}` is reserved: it is what `--min-confidence` answers when the model abstains; rename it (--label-map)")]
    ReservedLabel(&'static str),
    /// A compact model asked to do what needs the full statistics.
    #[error("this model is compact (prediction only); {0} needs a full model (train without --compact)")]
    CompactModel(&'static str),
    /// A feature-extraction error.
    #[error(transparent)]
    Features(#[from] FeatureError),
    /// An error from linfa's traits.
    #[error(transparent)]
    Linfa(#[from] linfa::Error),
    /// A file that could not be read or written. The operating system's error is the
    /// [source](std::error::Error::source), not repeated in the message (print the chain, e.g.
    /// anyhow's `{:#}`).
    #[error("{}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file that is not a valid model, with the reason.
    #[error("{}: not a valid model file: {reason}", .path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A model file written by a newer version of the format.
    #[error(
        "{}: model format version {found} is newer than this program supports ({supported}); upgrade stance",
        .path.display()
    )]
    FutureVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
}
