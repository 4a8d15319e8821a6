//! [`evaluate`]: everything about one set of predictions, in one [`EvaluationReport`].

use std::collections::BTreeMap;

use crate::agreement::{balanced_accuracy, cohen_kappa, matthews};
use crate::bootstrap::{self, BootstrapIntervals, Outcome};
use crate::classwise::{macro_average, per_class, weighted_average, Averages, ClassMetrics};
use crate::confusion::ConfusionMatrix;
use crate::error::EvalError;
use crate::input::EvalInput;
use crate::interval::wilson_interval;
use crate::probability;
use crate::reliability::{Reliability, RELIABILITY_BINS};

/// All metrics of one set of predictions against the true labels.
///
/// Undefined values (a zero denominator) are 0, as scikit-learn's
/// `zero_division=0`, and each is described in `warnings`; no field is ever NaN.
/// Serializes to the JSON schema documented at the crate root.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct EvaluationReport {
    /// The number of documents evaluated.
    pub n_documents: usize,
    /// The fraction of documents whose predicted label is the true label.
    pub accuracy: f64,
    /// The 95% Wilson score interval `[low, high]` of the accuracy.
    pub accuracy_ci95: [f64; 2],
    /// Precision, recall, F1 and support of every label, in sorted label order.
    pub per_class: BTreeMap<String, ClassMetrics>,
    /// Unweighted means of the per-class values over the labels present among the true or the
    /// predicted labels (scikit-learn's `average="macro"` without `labels=`).
    pub macro_avg: Averages,
    /// Means of the per-class values weighted by support.
    pub weighted_avg: Averages,
    /// The mean recall over labels that occur among the true labels.
    pub balanced_accuracy: f64,
    /// Cohen's kappa, in [-1, 1].
    pub kappa: f64,
    /// The multi-class Matthews correlation coefficient, in [-1, 1].
    pub mcc: f64,
    /// Mean negative log-probability of the true label (clipped with
    /// [`LOG_LOSS_EPS`](crate::LOG_LOSS_EPS)); `None` without probabilities.
    pub log_loss: Option<f64>,
    /// Multi-class Brier score, mean over documents of `Σ_k (p_k - y_k)²`, in
    /// [0, 2]; `None` without probabilities.
    pub brier: Option<f64>,
    /// Expected calibration error of the predicted label's probability, 10 equal-width bins
    /// ([`Reliability`](crate::Reliability)); `None` without probabilities.
    pub ece: Option<f64>,
    /// 95% bootstrap intervals, when the input asked for them
    /// ([`EvalInput::with_bootstrap`]).
    pub intervals: Option<BootstrapIntervals>,
    /// Counts of (true, predicted) label pairs over the sorted label set.
    pub confusion_matrix: ConfusionMatrix,
    /// The accuracy of always predicting [`baseline_label`](Self::baseline_label).
    pub baseline_accuracy: f64,
    /// The most frequent true label (ties go to the first in sorted order).
    pub baseline_label: String,
    /// The neutral class left out of `f_avg`, if there is one.
    pub neutral_label: Option<String>,
    /// SemEval-2016 `F_avg`: the mean F1 of the labels other than the neutral class;
    /// `None` when there is no neutral class.
    pub f_avg: Option<f64>,
    /// One sentence per undefined value that was set to 0, or other caveat.
    pub warnings: Vec<String>,
}

/// Computes every metric of `input`.
///
/// The label set is the sorted union of the true labels, the predicted labels, the
/// labels given with [`EvalInput::with_labels`] and the probability labels. Each of
/// them gets a row in `per_class`; the macro averages count those present among the true or the
/// predicted labels.
///
/// Errors if the input is empty, if lengths differ, if the probabilities are
/// malformed (see [`EvalError`]) or if a named neutral label does not exist.
pub fn evaluate(input: &EvalInput) -> Result<EvaluationReport, EvalError> {
    let n = input.y_true.len();
    if input.y_pred.len() != n {
        return Err(EvalError::LengthMismatch {
            what: "predicted labels",
            expected: n,
            found: input.y_pred.len(),
        });
    }
    if n == 0 {
        return Err(EvalError::Empty);
    }
    let probability_scores = input
        .probabilities
        .as_ref()
        .map(|p| probability::score(&input.y_true, p))
        .transpose()?;

    let mut extra_labels = input.model_labels.clone();
    if let Some(p) = &input.probabilities {
        extra_labels.extend(p.labels.iter().cloned());
    }
    let confusion = ConfusionMatrix::count(&input.y_true, &input.y_pred, &extra_labels);
    let labels = confusion.labels();

    let mut warnings = Vec::new();
    let classes = per_class(&confusion, &mut warnings);
    let kappa = cohen_kappa(&confusion, &mut warnings);
    let mcc = matthews(&confusion, &mut warnings);
    let neutral = input.neutral.resolve(labels, &mut warnings)?;
    let f_avg = neutral.map(|index| f_avg(&classes, index, &mut warnings));
    let (baseline_label, baseline_count) = majority(labels, &confusion.true_counts());
    let outcomes = outcomes(input, labels);
    let ece = input.probabilities.as_ref().map(|_| {
        let pairs: Vec<(f64, bool)> = outcomes
            .iter()
            .map(|o| (o.confidence.unwrap_or(0.0), o.truth == o.predicted))
            .collect();
        Reliability::from_predictions(&pairs, RELIABILITY_BINS).expected_calibration_error
    });
    let intervals = input
        .bootstrap
        .map(|(resamples, seed)| bootstrap::intervals(labels, &outcomes, resamples, seed));

    Ok(EvaluationReport {
        n_documents: n,
        accuracy: confusion.correct() as f64 / n as f64,
        accuracy_ci95: wilson_interval(confusion.correct(), n),
        macro_avg: macro_average(&classes, &confusion),
        weighted_avg: weighted_average(&classes),
        balanced_accuracy: balanced_accuracy(&classes),
        kappa,
        mcc,
        log_loss: probability_scores.map(|s| s.log_loss),
        brier: probability_scores.map(|s| s.brier),
        ece,
        intervals,
        baseline_accuracy: baseline_count as f64 / n as f64,
        baseline_label,
        neutral_label: neutral.map(|index| labels[index].clone()),
        f_avg,
        per_class: labels.iter().cloned().zip(classes).collect(),
        confusion_matrix: confusion,
        warnings,
    })
}

/// Each document's true and predicted label as indices into `labels` (which holds both), with
/// the probability of the predicted label when there are probabilities (0 for a label without
/// a probability column).
fn outcomes(input: &EvalInput, labels: &[String]) -> Vec<Outcome> {
    let index = |label: &String| labels.binary_search(label).unwrap_or(0);
    let columns: Option<Vec<usize>> = input.probabilities.as_ref().map(|p| {
        labels
            .iter()
            .map(|label| p.labels.iter().position(|l| l == label).unwrap_or(usize::MAX))
            .collect()
    });
    input
        .y_true
        .iter()
        .zip(&input.y_pred)
        .enumerate()
        .map(|(row, (truth, predicted))| {
            let predicted = index(predicted);
            let confidence = match (&input.probabilities, &columns) {
                (Some(p), Some(columns)) => Some(p.rows[row].get(columns[predicted]).copied().unwrap_or(0.0)),
                _ => None,
            };
            Outcome {
                truth: index(truth),
                predicted,
                confidence,
            }
        })
        .collect()
}

/// The mean F1 of all labels except the one at `neutral`.
fn f_avg(classes: &[ClassMetrics], neutral: usize, warnings: &mut Vec<String>) -> f64 {
    let others: Vec<f64> = classes
        .iter()
        .enumerate()
        .filter(|&(index, _)| index != neutral)
        .map(|(_, c)| c.f1)
        .collect();
    if others.is_empty() {
        warnings.push("F_avg is undefined (there is no label besides the neutral class); set to 0".to_string());
        return 0.0;
    }
    others.iter().sum::<f64>() / others.len() as f64
}

/// The label with the largest count; ties go to the first label (labels are sorted).
fn majority(labels: &[String], counts: &[usize]) -> (String, usize) {
    labels
        .iter()
        .zip(counts)
        .fold(None, |best, (label, &count)| match best {
            Some((_, best_count)) if best_count >= count => best,
            _ => Some((label, count)),
        })
        .map(|(label, count)| (label.clone(), count))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn majority_breaks_ties_by_label_order() {
        let labels = strings(&["a", "b", "c"]);
        assert_eq!(majority(&labels, &[1, 3, 3]), ("b".to_string(), 3));
        assert_eq!(majority(&labels, &[2, 2, 2]), ("a".to_string(), 2));
    }

    #[test]
    fn f_avg_without_other_labels_is_zero_with_a_warning() {
        let only = [ClassMetrics {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
            support: 2,
        }];
        let mut warnings = Vec::new();
        assert_eq!(f_avg(&only, 0, &mut warnings), 0.0);
        assert_eq!(warnings.len(), 1);
    }
}
