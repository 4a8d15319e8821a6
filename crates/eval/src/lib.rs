//! Evaluation metrics and accuracy reports for classifiers of stance and sentiment.
//!
//! Independent of any estimator: the input is the true and the predicted label of
//! each document as strings, optionally with per-document probabilities over a list
//! of labels. The flow is
//! [`EvalInput`] → [`evaluate`] → [`EvaluationReport`] → text, Markdown or JSON;
//! [`mcnemar`] compares two models on the same test set.
//!
//! ```
//! use stance_eval::{evaluate, mcnemar, EvalInput};
//!
//! let truth = ["AGAINST", "AGAINST", "FAVOR", "NONE", "NONE"];
//! let predicted = ["AGAINST", "NONE", "FAVOR", "NONE", "AGAINST"];
//! let input = EvalInput::new(truth, predicted).with_probabilities(
//!     ["AGAINST", "FAVOR", "NONE"],
//!     vec![
//!         vec![0.7, 0.1, 0.2],
//!         vec![0.3, 0.1, 0.6],
//!         vec![0.1, 0.8, 0.1],
//!         vec![0.2, 0.2, 0.6],
//!         vec![0.5, 0.1, 0.4],
//!     ],
//! );
//! let report = evaluate(&input)?;
//! assert_eq!(report.accuracy, 0.6);
//! assert_eq!(report.per_class["FAVOR"].precision, 1.0);
//! assert_eq!(report.baseline_label, "AGAINST"); // ties go to the first label
//! assert_eq!(report.neutral_label.as_deref(), Some("NONE"));
//! assert_eq!(report.f_avg, Some(0.75)); // mean F1 of AGAINST (0.5) and FAVOR (1.0)
//! assert!(report.warnings.is_empty());
//!
//! println!("{}", report.to_text(2));
//! let json: serde_json::Value = serde_json::from_str(&report.to_json()?)?;
//! assert_eq!(json["confusion_matrix"]["labels"][0], "AGAINST");
//!
//! let other_model = ["AGAINST", "AGAINST", "FAVOR", "NONE", "NONE"];
//! let comparison = mcnemar(&truth, &predicted, &other_model)?;
//! assert_eq!((comparison.b, comparison.c), (0, 2));
//! assert!(!comparison.significant);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Definitions
//!
//! - **Labels**: the sorted union of the true labels, the predicted labels, the
//!   model labels ([`EvalInput::with_labels`]) and the probability labels, sorted
//!   by Rust's `str` order (byte order, as NumPy's `np.unique` sorts them). Every
//!   table, map and matrix uses this order, so output never depends on input order.
//! - **Undefined values** (a zero denominator: a label never predicted, a label with
//!   no true document, a single class) are 0, like scikit-learn's
//!   `zero_division=0`, and each one is described in `warnings`. No value is NaN.
//! - **Precision, recall, F1 and support** per label; F1 is `2·tp / (2·tp + fp + fn)`.
//!   **Macro** averages weight every label equally (labels with support 0 included,
//!   as scikit-learn with `labels=`); **weighted** averages weight by support.
//! - **Accuracy** with a 95% **Wilson** score interval ([`wilson_interval`]).
//! - **Balanced accuracy**: the mean recall over labels present among the true labels
//!   (scikit-learn's `balanced_accuracy_score`).
//! - **Cohen's kappa** and the multi-class **Matthews correlation** (scikit-learn's
//!   `cohen_kappa_score` and `matthews_corrcoef`).
//! - **Log-loss**: the mean of `-ln p(true label)`, with `p` clipped to
//!   `[eps, 1 - eps]`, `eps` = [`LOG_LOSS_EPS`] = `f64::EPSILON` as in scikit-learn's
//!   `log_loss` for float64 input; rows are not renormalized.
//! - **Brier score**, multi-class: the mean over documents of `Σ_k (p_k - y_k)²` over
//!   all probability columns, `y_k` = 1 for the true label and 0 otherwise. It lies
//!   in [0, 2] and is not halved for two classes; it equals scikit-learn's
//!   `brier_score_loss(y, p, labels=..., scale_by_half=False)`.
//! - **Probability rows** must have one value per probability label, each in [0, 1]
//!   and not NaN, summing to 1 within [`PROBABILITY_SUM_TOLERANCE`] (1e-6); every
//!   true label needs a column.
//! - **Baseline**: always predicting the most frequent true label of the evaluated
//!   data (ties go to the first label in sorted order), as MALLET's
//!   "most-frequent-tag baseline".
//! - **F_avg** (SemEval-2016 stance): the mean F1 of all labels except the neutral
//!   class. The neutral class is the one label named `neutral` or `none` in any ASCII case,
//!   or the one set with [`EvalInput::with_neutral`]; without one, `f_avg` is `None`.
//!
//! # JSON schema
//!
//! [`EvaluationReport::to_json`] (and `serde::Serialize` on the report) write one
//! object with these fields, in this order:
//!
//! | field | type | meaning |
//! | --- | --- | --- |
//! | `n_documents` | integer | number of documents evaluated |
//! | `accuracy` | number | fraction of documents predicted correctly |
//! | `accuracy_ci95` | array `[low, high]` of numbers | 95% Wilson interval `[low, high]` of the accuracy |
//! | `baseline_accuracy` | number | accuracy of always predicting `baseline_label` |
//! | `baseline_label` | string | most frequent true label (ties: first in sorted order) |
//! | `balanced_accuracy` | number | mean recall over labels present among the true labels |
//! | `macro_f1` | number | unweighted mean of the per-class F1 |
//! | `weighted_f1` | number | support-weighted mean of the per-class F1 |
//! | `macro_avg` | object | `{precision, recall, f1}`, unweighted means |
//! | `weighted_avg` | object | `{precision, recall, f1}`, support-weighted means |
//! | `kappa` | number | Cohen's kappa, in [-1, 1] |
//! | `mcc` | number | Matthews correlation coefficient, in [-1, 1] |
//! | `log_loss` | number or null | log-loss; null without probabilities |
//! | `brier` | number or null | multi-class Brier score in [0, 2]; null without probabilities |
//! | `neutral_label` | string or null | the neutral class left out of `f_avg` |
//! | `f_avg` | number or null | mean F1 of the non-neutral labels; null without a neutral class |
//! | `per_class` | object | label → `{precision, recall, f1, support}`, keys sorted |
//! | `confusion_matrix` | object | `{labels: [string], matrix: [[integer]]}`, `matrix[i][j]` = documents with true label `labels[i]` predicted as `labels[j]` |
//! | `warnings` | array of strings | one sentence per undefined value set to 0, or other caveat |
//!
//! For the example above (`serde_json::to_string`, wrapped here for reading):
//!
//! ```json
//! {
//!   "n_documents": 5, "accuracy": 0.6,
//!   "accuracy_ci95": [0.2307242812760128, 0.882379225767352],
//!   "baseline_accuracy": 0.4, "baseline_label": "AGAINST",
//!   "balanced_accuracy": 0.6666666666666666,
//!   "macro_f1": 0.6666666666666666, "weighted_f1": 0.6,
//!   "macro_avg": {"precision": 0.6666666666666666, "recall": 0.6666666666666666, "f1": 0.6666666666666666},
//!   "weighted_avg": {"precision": 0.6, "recall": 0.6, "f1": 0.6},
//!   "kappa": 0.375, "mcc": 0.375,
//!   "log_loss": 0.6421815310438048, "brier": 0.384,
//!   "neutral_label": "NONE", "f_avg": 0.75,
//!   "per_class": {
//!     "AGAINST": {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2},
//!     "FAVOR": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1},
//!     "NONE": {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
//!   },
//!   "confusion_matrix": {
//!     "labels": ["AGAINST", "FAVOR", "NONE"],
//!     "matrix": [[1, 0, 1], [0, 1, 0], [1, 0, 1]]
//!   },
//!   "warnings": []
//! }
//! ```

mod agreement;
mod classwise;
mod confusion;
mod error;
mod input;
mod interval;
mod mcnemar;
mod metrics;
mod neutral;
mod probability;
mod report;

pub use classwise::{Averages, ClassMetrics};
pub use confusion::ConfusionMatrix;
pub use error::EvalError;
pub use input::EvalInput;
pub use interval::wilson_interval;
pub use mcnemar::{mcnemar, McNemar, MCNEMAR_ALPHA};
pub use metrics::{evaluate, EvaluationReport};
pub use neutral::NeutralClass;
pub use probability::{LOG_LOSS_EPS, PROBABILITY_SUM_TOLERANCE};
