//! The fitted naive Bayes estimator over sparse rows, with linfa's `Fit` and `PredictInplace`.
//!
//! Every variant reduces to a linear scorer: `jll[c] = bias[c] + Σ_t x_t · weight[t][c]`, computed
//! by a sparse dot product. Probabilities use log-sum-exp, so they stay finite for any document
//! length; ties go to the first label in sorted order.

use linfa::dataset::{AsTargets, DatasetBase};
use linfa::traits::{Fit, Predict, PredictInplace};
use ndarray::{Array1, Ix1};
use serde::{Deserialize, Serialize};
use stance_features::{SparseMatrix, SparseRow};

use crate::class_totals::ClassTotals;
use crate::params::{Priors, ValidNaiveBayesParams, Variant};
use crate::ModelError;

/// A fitted naive Bayes classifier over feature columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NaiveBayes {
    params: ValidNaiveBayesParams,
    labels: Vec<String>,
    class_log_prior: Vec<f64>,
    weights: Vec<f64>,
    bias: Vec<f64>,
}

impl NaiveBayes {
    /// Fits the estimator to per-class totals.
    pub fn from_totals(params: &ValidNaiveBayesParams, totals: &ClassTotals) -> Result<Self, ModelError> {
        let n_classes = totals.n_classes();
        if n_classes == 0 || totals.documents.iter().sum::<u64>() == 0 {
            return Err(ModelError::NoDocuments);
        }
        let class_log_prior = class_log_prior(params.priors(), totals)?;
        let alpha = params.alpha();
        let n_features = totals.n_features;
        let mut weights = vec![0.0; n_features * n_classes];
        let mut bias = class_log_prior.clone();
        match params.variant() {
            Variant::Multinomial => {
                let mut class_sums = vec![0.0; n_classes];
                for (i, v) in totals.value_sums.iter().enumerate() {
                    class_sums[i % n_classes] += v + alpha;
                }
                check_finite(alpha, &class_sums)?;
                let log_sums: Vec<f64> = class_sums.iter().map(|s| s.ln()).collect();
                for (i, w) in weights.iter_mut().enumerate() {
                    *w = (totals.value_sums[i] + alpha).ln() - log_sums[i % n_classes];
                }
            }
            Variant::Complement => {
                let mut complement = vec![0.0; n_features * n_classes];
                for feature in 0..n_features {
                    let row = &totals.value_sums[feature * n_classes..(feature + 1) * n_classes];
                    let all: f64 = row.iter().sum();
                    for class in 0..n_classes {
                        complement[feature * n_classes + class] = all + alpha - row[class];
                    }
                }
                let mut class_sums = vec![0.0; n_classes];
                for (i, c) in complement.iter().enumerate() {
                    class_sums[i % n_classes] += c;
                }
                check_finite(alpha, &class_sums)?;
                for (i, w) in weights.iter_mut().enumerate() {
                    *w = (complement[i] / class_sums[i % n_classes]).ln();
                }
                if params.complement_norm() {
                    let mut logged_sums = vec![0.0; n_classes];
                    for (i, w) in weights.iter().enumerate() {
                        logged_sums[i % n_classes] += w;
                    }
                    for (i, w) in weights.iter_mut().enumerate() {
                        *w /= logged_sums[i % n_classes];
                    }
                } else {
                    weights.iter_mut().for_each(|w| *w = -*w);
                }
                // scikit-learn's ComplementNB drops the priors when there are several classes
                // (Rennie et al. found them of little use on their corpora); here they count, as in
                // the other variants, so that `--priors` means the same everywhere and a document
                // with no known term gets the priors' answer. With uniform priors the two agree.
            }
            Variant::Bernoulli => {
                let smoothed: Vec<f64> = totals.documents.iter().map(|&d| d as f64 + 2.0 * alpha).collect();
                check_finite(alpha, &smoothed)?;
                for (i, w) in weights.iter_mut().enumerate() {
                    let class = i % n_classes;
                    let log_p =
                        (totals.document_counts[i] + alpha).ln() - (totals.documents[class] as f64 + 2.0 * alpha).ln();
                    let log_not_p = (-log_p.exp()).ln_1p();
                    *w = log_p - log_not_p;
                    bias[class] += log_not_p;
                }
            }
        }
        Ok(Self {
            params: params.clone(),
            labels: totals.labels.clone(),
            class_log_prior,
            weights,
            bias,
        })
    }

    /// Checks an estimator read from a file: its parameters did not pass through `check()`. (Its
    /// weights may be anything a float holds: training itself can give NaN, with
    /// `complement_norm` on a one-term vocabulary, so every use copes with them.)
    pub(crate) fn check_loaded(&self) -> Result<(), String> {
        self.params.recheck().map_err(|e| e.to_string())
    }

    /// The class labels, sorted; scores and probabilities follow this order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The hyper-parameters it was fitted with.
    pub fn params(&self) -> &ValidNaiveBayesParams {
        &self.params
    }

    /// The log prior of each class.
    pub fn class_log_prior(&self) -> &[f64] {
        &self.class_log_prior
    }

    /// The number of feature columns.
    pub fn n_features(&self) -> usize {
        self.weights.len() / self.labels.len().max(1)
    }

    /// The weight each class gets per unit of `feature` (a log-probability for multinomial NB).
    pub fn feature_weights(&self, feature: u32) -> &[f64] {
        let n = self.labels.len();
        let start = feature as usize * n;
        self.weights.get(start..start + n).unwrap_or(&[])
    }

    /// The constant score of each class (log prior, plus Bernoulli's absent-term mass).
    pub fn bias(&self) -> &[f64] {
        &self.bias
    }

    /// The value a row's entry contributes: Bernoulli NB binarizes (present = 1).
    pub fn effective_value(&self, value: f64) -> f64 {
        match self.params.variant() {
            Variant::Bernoulli => f64::from(u8::from(value > 0.0)),
            _ => value,
        }
    }

    /// The joint log-likelihood of each class for one row (unnormalized log posterior).
    pub fn joint_log_likelihood(&self, row: SparseRow<'_>) -> Vec<f64> {
        let n = self.labels.len();
        let mut scores = self.bias.clone();
        for (feature, value) in row.iter() {
            let start = feature as usize * n;
            if let Some(weights) = self.weights.get(start..start + n) {
                let value = self.effective_value(value);
                scores.iter_mut().zip(weights).for_each(|(s, w)| *s += value * w);
            }
        }
        scores
    }

    /// The log-probability of each class for one row (log-sum-exp normalized).
    pub fn predict_log_proba(&self, row: SparseRow<'_>) -> Vec<f64> {
        log_softmax(self.joint_log_likelihood(row))
    }

    /// The probability of each class for one row.
    pub fn predict_proba(&self, row: SparseRow<'_>) -> Vec<f64> {
        self.predict_log_proba(row).into_iter().map(f64::exp).collect()
    }

    /// The index of the most likely class for one row (ties: the first label in sorted order).
    pub fn predict_class(&self, row: SparseRow<'_>) -> usize {
        argmax(&self.joint_log_likelihood(row))
    }
}

/// An error when smoothing with `alpha` made a class's total overflow: its weights would be NaN.
fn check_finite(alpha: f64, totals: &[f64]) -> Result<(), ModelError> {
    if totals.iter().all(|t| t.is_finite()) {
        Ok(())
    } else {
        Err(ModelError::AlphaOverflow(alpha))
    }
}

/// Normalizes log-scores into log-probabilities with log-sum-exp.
pub fn log_softmax(mut scores: Vec<f64>) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        let n = scores.len() as f64;
        return scores.iter().map(|_| -n.ln()).collect();
    }
    let log_sum = scores.iter().map(|s| (s - max).exp()).sum::<f64>().ln();
    scores.iter_mut().for_each(|s| *s = (*s - max) - log_sum);
    scores
}

/// The index of the largest value; the first one on ties.
pub fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[best] {
            best = i;
        }
    }
    best
}

fn class_log_prior(priors: &Priors, totals: &ClassTotals) -> Result<Vec<f64>, ModelError> {
    let n = totals.n_classes();
    match priors {
        Priors::Learned => {
            let total = totals.documents.iter().sum::<u64>() as f64;
            Ok(totals.documents.iter().map(|d| (*d as f64).ln() - total.ln()).collect())
        }
        Priors::Uniform => Ok(vec![-(n as f64).ln(); n]),
        Priors::Given(given) => {
            if let Some(extra) = given.keys().find(|k| totals.labels.binary_search(k).is_err()) {
                return Err(ModelError::InvalidPriors(format!(
                    "label {extra:?} is not in the training data"
                )));
            }
            totals
                .labels
                .iter()
                .map(|l| {
                    given
                        .get(l)
                        .map(|p| p.ln())
                        .ok_or_else(|| ModelError::InvalidPriors(format!("no prior given for label {l:?}")))
                })
                .collect()
        }
    }
}

impl<T> Fit<SparseMatrix, T, ModelError> for ValidNaiveBayesParams
where
    T: AsTargets<Elem = String, Ix = Ix1>,
{
    type Object = NaiveBayes;

    fn fit(&self, dataset: &DatasetBase<SparseMatrix, T>) -> Result<NaiveBayes, ModelError> {
        let targets = dataset.as_targets();
        let labels: Vec<&str> = targets.iter().map(String::as_str).collect();
        NaiveBayes::from_totals(self, &ClassTotals::from_rows(&dataset.records, &labels)?)
    }
}

impl PredictInplace<SparseMatrix, Array1<String>> for NaiveBayes {
    /// Writes the predicted label of each row into `y` (which must have one entry per row).
    fn predict_inplace(&self, x: &SparseMatrix, y: &mut Array1<String>) {
        for (row, slot) in x.rows().zip(y.iter_mut()) {
            *slot = self.labels[self.predict_class(row)].clone();
        }
    }

    fn default_target(&self, x: &SparseMatrix) -> Array1<String> {
        Array1::from_elem(x.n_rows(), String::new())
    }
}

impl Predict<&SparseMatrix, Array1<String>> for NaiveBayes {
    /// The predicted label of each row.
    fn predict(&self, x: &SparseMatrix) -> Array1<String> {
        let mut y = self.default_target(x);
        self.predict_inplace(x, &mut y);
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_softmax_is_finite_for_huge_scores() {
        let p = log_softmax(vec![-40_000.0, -40_010.0]);
        assert!(p.iter().all(|x| x.is_finite()));
        assert!((p[0].exp() + p[1].exp() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn argmax_breaks_ties_by_order() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0]), 1);
        assert_eq!(argmax(&[2.0, 2.0]), 0);
    }
}
