//! Evaluation metrics and accuracy reports for classifiers of stance and sentiment.
//!
//! Independent of any estimator: the input is the true and the predicted label of
//! each document as strings, optionally with per-document probabilities over a list
//! of labels. The flow is
//! [`EvalInput`] → [`evaluate`] → [`EvaluationReport`] → text, Markdown or JSON;
//! [`mcnemar`] compares two models on the same test set.
//!
//! Cross-validation has the same shape, with the model in the middle:
//! [`Folds`] (stratified, grouped or fixed) → for each fold, train on
//! [`train_indices`](Folds::train_indices) and predict
//! [`validation_indices`](Folds::validation_indices) → one [`EvalInput`] per fold →
//! [`cross_validate`] → [`CrossValidationReport`] (every fold, mean ± std, pooled)
//! → text, Markdown or JSON. [`Folds::learning_curve_subsets`] and
//! [`LearningCurvePoint`] add a learning curve. [`HtmlReport`] renders an
//! evaluation, a cross-validation, a [`Reliability`] diagram and the most
//! confidently wrong examples as one self-contained HTML page.
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
//! A cross-validation, from labels to report (the "model" here predicts the
//! majority label of its training part):
//!
//! ```
//! use stance_eval::{cross_validate, EvalInput, Folds, HtmlReport};
//!
//! let labels = ["AGAINST", "AGAINST", "AGAINST", "FAVOR", "FAVOR", "NONE", "NONE", "NONE", "NONE"];
//! let folds = Folds::stratified(&labels, 3, 42)?;
//! let mut inputs = Vec::new();
//! for f in 0..folds.n_folds() {
//!     let train = folds.train_indices(f);
//!     let majority = ["AGAINST", "FAVOR", "NONE"]
//!         .into_iter()
//!         .max_by_key(|l| train.iter().filter(|&&d| labels[d] == *l).count())
//!         .unwrap();
//!     let truth: Vec<&str> = folds.validation_indices(f).iter().map(|&d| labels[d]).collect();
//!     let predicted = vec![majority; truth.len()];
//!     inputs.push(EvalInput::new(truth, predicted).with_labels(["AGAINST", "FAVOR", "NONE"]));
//! }
//! let cv = cross_validate(&inputs)?.with_fold_names(folds.fold_names().to_vec())?;
//! assert_eq!(cv.folds.len(), 3);
//! assert_eq!(cv.pooled.n_documents, labels.len());
//! println!("{}", cv.to_text(3));
//! let page = HtmlReport::new("Majority baseline", &cv.pooled).with_cross_validation(&cv).render();
//! assert!(page.contains("<svg"));
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
//!   **Macro** averages weight equally every label present among the true or the predicted
//!   labels (scikit-learn's convention without `labels=`: a model label that this data neither
//!   has nor gets keeps its row, with a warning, but does not pull the mean down);
//!   **weighted** averages weight by support.
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
//! - **Folds**: every document is in exactly one validation fold. Stratified folds
//!   deal each label's documents (shuffled with the seed) round-robin, so a label
//!   with `n` documents has `⌊n/k⌋` or `⌈n/k⌉` in each fold; grouped folds keep
//!   groups whole, largest group first to the smallest fold; fixed folds follow a
//!   column, in natural order. Shuffles use SplitMix64, written out in this crate,
//!   so a seed gives the same folds with every dependency version.
//! - **Mean ± std** over folds: the arithmetic mean and the sample standard
//!   deviation (divisor `k - 1`; 0 for a single fold), as `numpy.std(ddof=1)`.
//!   **Pooled**: one evaluation of all folds' validation predictions together.
//! - **Reliability**: predictions binned by confidence into equal-width bins; the
//!   expected calibration error is the count-weighted mean of
//!   `|accuracy - mean confidence|` over bins.
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

//! # JSON schema of a cross-validation
//!
//! [`CrossValidationReport::to_json`] writes one object with these fields, in this
//! order:
//!
//! | field | type | meaning |
//! | --- | --- | --- |
//! | `fold_names` | array of strings | the name of each fold |
//! | `folds` | array of reports | the evaluation of each fold, in the schema above |
//! | `pooled` | report | the evaluation of all validation predictions together |
//! | `mean` | summary | the mean over folds of every metric |
//! | `std` | summary | the sample standard deviation over folds of every metric |
//! | `learning_curve` | array of points | only when there is one: `{fraction, training_documents, accuracy_mean, accuracy_std, macro_f1_mean, macro_f1_std}` per fraction, by fraction |
//! | `warnings` | array of strings | caveats of the aggregation (labels or metrics missing from some folds) |
//!
//! A summary is `{accuracy, macro_f1, weighted_f1, balanced_accuracy, kappa, mcc,
//! log_loss, brier, f_avg, baseline_accuracy, per_class_f1}`; `log_loss`, `brier`
//! and `f_avg` are null unless every fold has them; `per_class_f1` maps each label
//! (sorted) to a number.

mod agreement;
mod bootstrap;
mod classwise;
mod confusion;
mod cross_validation;
mod error;
mod folds;
mod input;
mod interval;
mod mcnemar;
mod metrics;
mod neutral;
mod probability;
mod reliability;
mod report;
mod rng;

pub use bootstrap::{BootstrapIntervals, BOOTSTRAP_RESAMPLES};
pub use classwise::{Averages, ClassMetrics};
pub use confusion::ConfusionMatrix;
pub use cross_validation::{cross_validate, CrossValidationReport, LearningCurvePoint, Summary};
pub use error::EvalError;
pub use folds::{Folds, LEARNING_CURVE_FRACTIONS};
pub use input::EvalInput;
pub use interval::wilson_interval;
pub use mcnemar::{mcnemar, McNemar, MCNEMAR_ALPHA};
pub use metrics::{evaluate, EvaluationReport};
pub use neutral::NeutralClass;
pub use probability::{LOG_LOSS_EPS, PROBABILITY_SUM_TOLERANCE};
pub use reliability::{coverage_curve, CoveragePoint, Reliability, ReliabilityBin, RELIABILITY_BINS};
pub use report::{escape_html, HtmlReport, WrongExample, MAX_DIGITS};
