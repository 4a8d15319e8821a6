//! [`cross_validate`]: the evaluations of all folds, their mean and standard
//! deviation, the pooled evaluation, and an optional learning curve.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::EvalError;
use crate::input::{EvalInput, Probabilities};
use crate::metrics::{evaluate, EvaluationReport};

/// The results of a cross-validation: one [`EvaluationReport`] per fold, the mean
/// and sample standard deviation of every scalar metric over the folds, and the
/// report of all validation predictions pooled together.
///
/// Made by [`cross_validate`]; renders as text ([`to_text`](Self::to_text)),
/// Markdown ([`to_markdown`](Self::to_markdown)), JSON ([`to_json`](Self::to_json),
/// the schema documented at the crate root) and, with
/// [`HtmlReport`](crate::HtmlReport), HTML.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CrossValidationReport {
    /// The name of each fold (`"1"` to `"k"` unless set with
    /// [`with_fold_names`](Self::with_fold_names)).
    pub fold_names: Vec<String>,
    /// The evaluation of each fold's validation predictions, in fold order.
    pub folds: Vec<EvaluationReport>,
    /// The evaluation of all validation predictions together (every document once).
    pub pooled: EvaluationReport,
    /// The mean of every metric over the folds.
    pub mean: Summary,
    /// The sample standard deviation (divisor `k - 1`; 0 for one fold) of every
    /// metric over the folds.
    pub std: Summary,
    /// Scores against training size, if set with
    /// [`with_learning_curve`](Self::with_learning_curve); left out of the JSON when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learning_curve: Option<Vec<LearningCurvePoint>>,
    /// Caveats about the aggregation (labels or metrics missing from some folds).
    /// The folds' own warnings stay in their reports.
    pub warnings: Vec<String>,
}

/// One statistic (the mean, or the standard deviation) of every scalar metric
/// over the folds of a cross-validation.
///
/// An optional metric (`log_loss`, `brier`, `f_avg`) is `Some` only when every
/// fold has it. A label's F1 is taken over the folds whose report has that label;
/// give every fold all model labels ([`EvalInput::with_labels`]) so that each
/// report has each label.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// Accuracy.
    pub accuracy: f64,
    /// Macro-averaged F1.
    pub macro_f1: f64,
    /// Support-weighted F1.
    pub weighted_f1: f64,
    /// Balanced accuracy.
    pub balanced_accuracy: f64,
    /// Cohen's kappa.
    pub kappa: f64,
    /// Matthews correlation coefficient.
    pub mcc: f64,
    /// Log-loss, if every fold has probabilities.
    pub log_loss: Option<f64>,
    /// Brier score, if every fold has probabilities.
    pub brier: Option<f64>,
    /// SemEval `F_avg`, if every fold has a neutral class.
    pub f_avg: Option<f64>,
    /// Accuracy of the most-frequent-label baseline of each fold.
    pub baseline_accuracy: f64,
    /// F1 of each label, in sorted label order.
    pub per_class_f1: BTreeMap<String, f64>,
}

/// Scores at one training size of a learning curve: the mean and sample standard
/// deviation over folds of the validation accuracy and macro-F1 of models trained
/// on `fraction` of each fold's training part.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct LearningCurvePoint {
    /// The fraction of each fold's training part used, in (0, 1].
    pub fraction: f64,
    /// The number of training documents, averaged over folds and rounded.
    pub training_documents: usize,
    /// Mean validation accuracy over folds.
    pub accuracy_mean: f64,
    /// Sample standard deviation of the validation accuracy (0 for one fold).
    pub accuracy_std: f64,
    /// Mean validation macro-F1 over folds.
    pub macro_f1_mean: f64,
    /// Sample standard deviation of the validation macro-F1 (0 for one fold).
    pub macro_f1_std: f64,
}

impl LearningCurvePoint {
    /// Summarizes the runs at one fraction: per fold, the number of training
    /// documents and the evaluation on the fold's validation part.
    ///
    /// Errors if `fraction` is NaN or not in (0, 1], or if there are no runs.
    pub fn from_runs(fraction: f64, runs: &[(usize, EvaluationReport)]) -> Result<Self, EvalError> {
        if !(fraction > 0.0 && fraction <= 1.0) {
            return Err(EvalError::InvalidFraction(fraction));
        }
        if runs.is_empty() {
            return Err(EvalError::NoFolds);
        }
        let sizes: Vec<f64> = runs.iter().map(|(size, _)| *size as f64).collect();
        let accuracy: Vec<f64> = runs.iter().map(|(_, r)| r.accuracy).collect();
        let macro_f1: Vec<f64> = runs.iter().map(|(_, r)| r.macro_avg.f1).collect();
        let (accuracy_mean, accuracy_std) = mean_std(&accuracy);
        let (macro_f1_mean, macro_f1_std) = mean_std(&macro_f1);
        Ok(LearningCurvePoint {
            fraction,
            training_documents: mean_std(&sizes).0.round() as usize,
            accuracy_mean,
            accuracy_std,
            macro_f1_mean,
            macro_f1_std,
        })
    }
}

/// Evaluates each fold's validation predictions, one [`EvalInput`] per fold, and
/// aggregates them.
///
/// - `folds[i]` is evaluated with [`evaluate`]; an error names its fold
///   ([`EvalError::InFold`]).
/// - `mean` and `std` hold the mean and sample standard deviation over folds of
///   every scalar metric (see [`Summary`]).
/// - `pooled` evaluates all folds' documents together: the labels, predictions
///   and model labels concatenated; probabilities only if every fold has them (the
///   columns matched by label, a column a fold lacks counting as probability 0);
///   the neutral class of the first fold.
///
/// Errors with [`EvalError::NoFolds`] if `folds` is empty.
///
/// ```
/// use stance_eval::{cross_validate, EvalInput};
///
/// let report = cross_validate(&[
///     EvalInput::new(["a", "b", "b"], ["a", "b", "a"]),
///     EvalInput::new(["a", "b", "b"], ["a", "b", "b"]),
/// ])?;
/// assert_eq!(report.mean.accuracy, (2.0 / 3.0 + 1.0) / 2.0);
/// assert_eq!(report.pooled.accuracy, 5.0 / 6.0);
/// println!("{}", report.to_text(3));
/// # Ok::<(), stance_eval::EvalError>(())
/// ```
pub fn cross_validate(folds: &[EvalInput]) -> Result<CrossValidationReport, EvalError> {
    if folds.is_empty() {
        return Err(EvalError::NoFolds);
    }
    let reports = folds
        .iter()
        .enumerate()
        .map(|(fold, input)| {
            evaluate(input).map_err(|error| EvalError::InFold {
                fold,
                error: Box::new(error),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut warnings = Vec::new();
    let pooled = evaluate(&pool(folds, &mut warnings))?;
    let (mean, std) = summarize(&reports, &mut warnings);
    Ok(CrossValidationReport {
        fold_names: (1..=reports.len()).map(|f| f.to_string()).collect(),
        folds: reports,
        pooled,
        mean,
        std,
        learning_curve: None,
        warnings,
    })
}

impl CrossValidationReport {
    /// Names the folds (e.g. with [`Folds::fold_names`](crate::Folds::fold_names)).
    ///
    /// Errors if there is not one name per fold.
    pub fn with_fold_names<N>(mut self, names: N) -> Result<Self, EvalError>
    where
        N: IntoIterator,
        N::Item: Into<String>,
    {
        let names: Vec<String> = names.into_iter().map(Into::into).collect();
        if names.len() != self.folds.len() {
            return Err(EvalError::LengthMismatch {
                what: "fold names",
                expected: self.folds.len(),
                found: names.len(),
            });
        }
        self.fold_names = names;
        Ok(self)
    }

    /// Adds a learning curve, its points sorted by fraction.
    pub fn with_learning_curve(mut self, mut points: Vec<LearningCurvePoint>) -> Self {
        points.sort_by(|a, b| a.fraction.total_cmp(&b.fraction));
        self.learning_curve = Some(points);
        self
    }
}

/// One input holding every fold's documents.
fn pool(folds: &[EvalInput], warnings: &mut Vec<String>) -> EvalInput {
    let first = &folds[0];
    let mut pooled = EvalInput::new(Vec::<String>::new(), Vec::<String>::new()).with_neutral(first.neutral.clone());
    for input in folds {
        pooled.y_true.extend(input.y_true.iter().cloned());
        pooled.y_pred.extend(input.y_pred.iter().cloned());
        pooled.model_labels.extend(input.model_labels.iter().cloned());
    }
    pooled.model_labels.sort_unstable();
    pooled.model_labels.dedup();
    if folds.iter().any(|input| input.neutral != first.neutral) {
        warnings.push("the folds name different neutral classes; the pooled report uses the first fold's".to_string());
    }

    let with_probabilities = folds.iter().filter(|input| input.probabilities.is_some()).count();
    if with_probabilities == folds.len() {
        let mut labels: Vec<String> = folds
            .iter()
            .filter_map(|input| input.probabilities.as_ref())
            .flat_map(|p| p.labels.iter().cloned())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        let mut rows = Vec::with_capacity(pooled.y_true.len());
        for p in folds.iter().filter_map(|input| input.probabilities.as_ref()) {
            let columns: Vec<usize> = p
                .labels
                .iter()
                .map(|label| labels.binary_search(label).unwrap_or(0))
                .collect();
            for row in &p.rows {
                let mut pooled_row = vec![0.0; labels.len()];
                for (&column, &value) in columns.iter().zip(row) {
                    pooled_row[column] += value;
                }
                rows.push(pooled_row);
            }
        }
        pooled.probabilities = Some(Probabilities { labels, rows });
    } else if with_probabilities > 0 {
        warnings.push(format!(
            "only {with_probabilities} of {} folds have probabilities; the pooled report has no log-loss or Brier score",
            folds.len()
        ));
    }
    pooled
}

/// The mean and the sample standard deviation over `reports` of every metric.
fn summarize(reports: &[EvaluationReport], warnings: &mut Vec<String>) -> (Summary, Summary) {
    let stat = |value: fn(&EvaluationReport) -> f64| mean_std(&reports.iter().map(value).collect::<Vec<_>>());
    let mut optional = |name: &str, value: fn(&EvaluationReport) -> Option<f64>| {
        let values: Vec<f64> = reports.iter().filter_map(value).collect();
        if values.len() == reports.len() {
            let (mean, std) = mean_std(&values);
            (Some(mean), Some(std))
        } else {
            if !values.is_empty() {
                warnings.push(format!(
                    "{name} is missing from {} of {} folds; its mean and std are left out",
                    reports.len() - values.len(),
                    reports.len()
                ));
            }
            (None, None)
        }
    };
    let log_loss = optional("log-loss", |r| r.log_loss);
    let brier = optional("the Brier score", |r| r.brier);
    let f_avg = optional("F_avg", |r| r.f_avg);

    let mut f1_by_label: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for report in reports {
        for (label, metrics) in &report.per_class {
            f1_by_label.entry(label).or_default().push(metrics.f1);
        }
    }
    let mut per_class_mean = BTreeMap::new();
    let mut per_class_std = BTreeMap::new();
    for (label, values) in f1_by_label {
        if values.len() < reports.len() {
            warnings.push(format!(
                "label {label:?} is in {} of {} fold reports; its F1 mean and std are over those folds \
                 (give every fold all model labels with EvalInput::with_labels)",
                values.len(),
                reports.len()
            ));
        }
        let (mean, std) = mean_std(&values);
        per_class_mean.insert(label.to_string(), mean);
        per_class_std.insert(label.to_string(), std);
    }

    let accuracy = stat(|r| r.accuracy);
    let macro_f1 = stat(|r| r.macro_avg.f1);
    let weighted_f1 = stat(|r| r.weighted_avg.f1);
    let balanced_accuracy = stat(|r| r.balanced_accuracy);
    let kappa = stat(|r| r.kappa);
    let mcc = stat(|r| r.mcc);
    let baseline_accuracy = stat(|r| r.baseline_accuracy);
    let mean = Summary {
        accuracy: accuracy.0,
        macro_f1: macro_f1.0,
        weighted_f1: weighted_f1.0,
        balanced_accuracy: balanced_accuracy.0,
        kappa: kappa.0,
        mcc: mcc.0,
        log_loss: log_loss.0,
        brier: brier.0,
        f_avg: f_avg.0,
        baseline_accuracy: baseline_accuracy.0,
        per_class_f1: per_class_mean,
    };
    let std = Summary {
        accuracy: accuracy.1,
        macro_f1: macro_f1.1,
        weighted_f1: weighted_f1.1,
        balanced_accuracy: balanced_accuracy.1,
        kappa: kappa.1,
        mcc: mcc.1,
        log_loss: log_loss.1,
        brier: brier.1,
        f_avg: f_avg.1,
        baseline_accuracy: baseline_accuracy.1,
        per_class_f1: per_class_std,
    };
    (mean, std)
}

/// The mean and the sample standard deviation (divisor `n - 1`, 0 for one value)
/// of a non-empty slice, in two passes for accuracy.
pub(crate) fn mean_std(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if values.len() < 2 {
        return (mean, 0.0);
    }
    let squares: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    (mean, (squares / (n - 1.0)).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_sample_std_by_hand() {
        // Mean 5; squared deviations 9 + 1 + 1 + 9 = 20; 20 / 3 = 6.667; sqrt = 2.582.
        let (mean, std) = mean_std(&[2.0, 4.0, 6.0, 8.0]);
        assert_eq!(mean, 5.0);
        assert!((std - (20.0f64 / 3.0).sqrt()).abs() < 1e-15);
        assert_eq!(mean_std(&[0.7]), (0.7, 0.0));
        assert_eq!(mean_std(&[]), (0.0, 0.0));
    }
}
