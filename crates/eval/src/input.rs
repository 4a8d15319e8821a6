//! What an evaluation is computed from: labels, optional probabilities, options.

use crate::neutral::NeutralClass;

/// The input of [`evaluate`](crate::evaluate): true and predicted labels of the same
/// documents, in the same order, plus optional extras.
///
/// Nothing is checked here; [`evaluate`](crate::evaluate) validates the whole input
/// and reports the first problem as an [`EvalError`](crate::EvalError).
#[derive(Debug, Clone, PartialEq)]
pub struct EvalInput {
    pub(crate) y_true: Vec<String>,
    pub(crate) y_pred: Vec<String>,
    pub(crate) model_labels: Vec<String>,
    pub(crate) probabilities: Option<Probabilities>,
    pub(crate) neutral: NeutralClass,
    /// `(resamples, seed)` of the bootstrap intervals, when asked for.
    pub(crate) bootstrap: Option<(usize, u64)>,
}

/// Per-document probabilities over a list of labels (one column per label).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Probabilities {
    pub(crate) labels: Vec<String>,
    pub(crate) rows: Vec<Vec<f64>>,
}

impl EvalInput {
    /// Starts an input from the true and the predicted label of each document.
    pub fn new<T, P>(y_true: T, y_pred: P) -> Self
    where
        T: IntoIterator,
        T::Item: Into<String>,
        P: IntoIterator,
        P::Item: Into<String>,
    {
        EvalInput {
            y_true: y_true.into_iter().map(Into::into).collect(),
            y_pred: y_pred.into_iter().map(Into::into).collect(),
            model_labels: Vec::new(),
            probabilities: None,
            neutral: NeutralClass::default(),
            bootstrap: None,
        }
    }

    /// Sets the labels the model knows, so that a class missing from both the true
    /// and the predicted labels still gets a row (with support 0) and counts in the
    /// macro averages, as scikit-learn does with `labels=`.
    pub fn with_labels<L>(mut self, labels: L) -> Self
    where
        L: IntoIterator,
        L::Item: Into<String>,
    {
        self.model_labels = labels.into_iter().map(Into::into).collect();
        self
    }

    /// Sets per-document probabilities: `rows[i][j]` is the probability that
    /// document `i` has label `labels[j]`. The columns may come in any order; the
    /// labels also join the label set. Enables log-loss and the Brier score.
    pub fn with_probabilities<L>(mut self, labels: L, rows: Vec<Vec<f64>>) -> Self
    where
        L: IntoIterator,
        L::Item: Into<String>,
    {
        self.probabilities = Some(Probabilities {
            labels: labels.into_iter().map(Into::into).collect(),
            rows,
        });
        self
    }

    /// Asks for 95% bootstrap intervals of accuracy, macro-F1, each label's F1 and the
    /// expected calibration error, from `resamples` resamples drawn with `seed`
    /// ([`BOOTSTRAP_RESAMPLES`](crate::BOOTSTRAP_RESAMPLES) is a sound default).
    pub fn with_bootstrap(mut self, resamples: usize, seed: u64) -> Self {
        self.bootstrap = Some((resamples, seed));
        self
    }

    /// Chooses the neutral class used for `f_avg` (default: [`NeutralClass::Detect`]).
    pub fn with_neutral(mut self, neutral: NeutralClass) -> Self {
        self.neutral = neutral;
        self
    }
}
