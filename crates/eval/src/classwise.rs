//! Per-class precision, recall, F1 and support, and their macro and weighted averages.

use serde::Serialize;

use crate::confusion::ConfusionMatrix;

/// Precision, recall, F1 and support of one label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ClassMetrics {
    /// Of the documents predicted as this label, the fraction that has it (0 if none is predicted).
    pub precision: f64,
    /// Of the documents that have this label, the fraction predicted as it (0 if none has it).
    pub recall: f64,
    /// `2·tp / (2·tp + fp + fn)`, the harmonic mean of precision and recall (0 if
    /// the label is neither true nor predicted anywhere; such a label is left out of the macro
    /// averages).
    pub f1: f64,
    /// The number of documents whose true label this is.
    pub support: usize,
}

/// Precision, recall and F1 averaged over labels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Averages {
    /// Averaged precision.
    pub precision: f64,
    /// Averaged recall.
    pub recall: f64,
    /// Averaged F1 (of the per-class F1 values, as scikit-learn does).
    pub f1: f64,
}

/// Metrics of each label of `confusion`, in its label order. An undefined value
/// (zero denominator) is 0 and adds a warning, like scikit-learn's `zero_division=0`; a label
/// that is neither true nor predicted gets one warning (it is left out of the macro averages).
pub(crate) fn per_class(confusion: &ConfusionMatrix, warnings: &mut Vec<String>) -> Vec<ClassMetrics> {
    let support = confusion.true_counts();
    let predicted = confusion.predicted_counts();
    confusion
        .labels()
        .iter()
        .enumerate()
        .map(|(i, label)| {
            if support[i] == 0 && predicted[i] == 0 {
                warnings.push(format!(
                    "{label:?} is neither a true nor a predicted label: its precision, recall and F1 are 0, \
                     and it is left out of the macro averages"
                ));
                return ClassMetrics {
                    precision: 0.0,
                    recall: 0.0,
                    f1: 0.0,
                    support: 0,
                };
            }
            let tp = confusion.matrix()[i][i];
            let precision = ratio(tp, predicted[i]).unwrap_or_else(|| {
                warnings.push(format!(
                    "precision of {label:?} is undefined (the label is never predicted); set to 0"
                ));
                0.0
            });
            let recall = ratio(tp, support[i]).unwrap_or_else(|| {
                warnings.push(format!(
                    "recall of {label:?} is undefined (no document has this true label); set to 0"
                ));
                0.0
            });
            // 2tp + fp + fn = predicted + support, which is not 0 here.
            let f1 = 2.0 * tp as f64 / (predicted[i] + support[i]) as f64;
            ClassMetrics {
                precision,
                recall,
                f1,
                support: support[i],
            }
        })
        .collect()
}

/// The unweighted mean over the labels present among the true or the predicted labels of
/// `confusion` (each counts the same), as scikit-learn's `average="macro"` without `labels=`: a
/// label the model knows but that this data neither has nor gets does not pull the mean down.
pub(crate) fn macro_average(classes: &[ClassMetrics], confusion: &ConfusionMatrix) -> Averages {
    let predicted = confusion.predicted_counts();
    let weights: Vec<f64> = classes
        .iter()
        .zip(&predicted)
        .map(|(class, &predicted)| if class.support + predicted > 0 { 1.0 } else { 0.0 })
        .collect();
    weighted_mean(classes, &weights)
}

/// The mean over labels weighted by support.
pub(crate) fn weighted_average(classes: &[ClassMetrics]) -> Averages {
    let weights: Vec<f64> = classes.iter().map(|c| c.support as f64).collect();
    weighted_mean(classes, &weights)
}

fn weighted_mean(classes: &[ClassMetrics], weights: &[f64]) -> Averages {
    let total: f64 = weights.iter().sum();
    let mean = |value: fn(&ClassMetrics) -> f64| {
        if total > 0.0 {
            classes.iter().zip(weights).map(|(c, w)| value(c) * w).sum::<f64>() / total
        } else {
            0.0
        }
    };
    Averages {
        precision: mean(|c| c.precision),
        recall: mean(|c| c.recall),
        f1: mean(|c| c.f1),
    }
}

/// `numerator / denominator`, or `None` when the denominator is 0.
fn ratio(numerator: usize, denominator: usize) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn binary_counts_by_hand() {
        // Class "1": tp = 1, fp = 2, fn = 0 -> precision 1/3, recall 1, F1 = 2/(2+2) = 0.5.
        // Class "0": tp = 1, fp = 0, fn = 2 -> precision 1, recall 1/3, F1 = 0.5.
        let cm = ConfusionMatrix::count(&strings(&["1", "0", "0", "0"]), &strings(&["1", "1", "1", "0"]), &[]);
        let mut warnings = Vec::new();
        let classes = per_class(&cm, &mut warnings);
        assert!(warnings.is_empty());
        assert_eq!(classes[0].precision, 1.0);
        assert_eq!(classes[0].recall, 1.0 / 3.0);
        assert_eq!(classes[1].precision, 1.0 / 3.0);
        assert_eq!(classes[1].recall, 1.0);
        assert_eq!(classes[1].f1, 0.5);
        assert_eq!((classes[0].support, classes[1].support), (3, 1));

        let macro_avg = macro_average(&classes, &cm);
        assert_eq!(macro_avg.f1, 0.5);
        assert!((macro_avg.precision - 2.0 / 3.0).abs() < 1e-15);
        // Weighted precision: (3·1 + 1·1/3) / 4 = 10/12.
        assert!((weighted_average(&classes).precision - 10.0 / 12.0).abs() < 1e-15);
    }

    #[test]
    fn undefined_values_are_zero_with_a_warning() {
        let cm = ConfusionMatrix::count(&strings(&["a", "b"]), &strings(&["a", "a"]), &strings(&["c"]));
        let mut warnings = Vec::new();
        let classes = per_class(&cm, &mut warnings);
        assert_eq!(classes[1].precision, 0.0); // "b" never predicted
        assert_eq!(classes[2].recall, 0.0); // "c" has no true document
        assert_eq!(classes[2].f1, 0.0);
        assert_eq!(warnings.len(), 2, "{warnings:?}"); // b precision; c neither true nor predicted
        assert!(warnings[1].contains("left out of the macro averages"), "{warnings:?}");
        // Over a and b only: precision (1/2 + 0) / 2, recall (1 + 0) / 2.
        let macro_avg = macro_average(&classes, &cm);
        assert_eq!((macro_avg.precision, macro_avg.recall), (0.25, 0.5));
    }
}
