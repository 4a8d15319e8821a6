//! Bootstrap intervals: how much a score measured on one test set could move on another drawn
//! the same way.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::reliability::{Reliability, RELIABILITY_BINS};
use crate::rng::SplitMix64;

/// The number of resamples of [`EvalInput::with_bootstrap`](crate::EvalInput::with_bootstrap)
/// when a caller has no reason to choose another.
pub const BOOTSTRAP_RESAMPLES: usize = 1000;

/// 95% percentile-bootstrap intervals `[low, high]` of the main scores: the documents are
/// resampled with replacement `resamples` times (seeded SplitMix64, so the same seed gives the
/// same intervals), every score is computed on each resample, and the 2.5th and 97.5th
/// percentiles (nearest rank) are kept. A label that a resample neither holds nor predicts has
/// no F1 there: it is left out of that resample's macro average and of its own interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BootstrapIntervals {
    /// The number of resamples.
    pub resamples: usize,
    /// The seed of the resampling.
    pub seed: u64,
    /// Accuracy.
    pub accuracy: [f64; 2],
    /// Macro-averaged F1.
    pub macro_f1: [f64; 2],
    /// F1 of each label.
    pub per_class_f1: BTreeMap<String, [f64; 2]>,
    /// Expected calibration error (10 equal-width bins of the predicted label's probability);
    /// `None` without probabilities.
    pub ece: Option<[f64; 2]>,
}

/// What one document contributes: its true and predicted label (indices into the label set)
/// and, with probabilities, the probability of the predicted label.
pub(crate) struct Outcome {
    pub(crate) truth: usize,
    pub(crate) predicted: usize,
    pub(crate) confidence: Option<f64>,
}

/// The intervals of `outcomes` over `labels`.
pub(crate) fn intervals(labels: &[String], outcomes: &[Outcome], resamples: usize, seed: u64) -> BootstrapIntervals {
    let k = labels.len();
    let n = outcomes.len();
    let with_probabilities = outcomes.iter().all(|o| o.confidence.is_some());
    let mut rng = SplitMix64::new(seed);
    let mut accuracy = Vec::with_capacity(resamples);
    let mut macro_f1 = Vec::with_capacity(resamples);
    let mut per_class: Vec<Vec<f64>> = vec![Vec::with_capacity(resamples); k];
    let mut ece = Vec::with_capacity(if with_probabilities { resamples } else { 0 });
    let mut confusion = vec![0usize; k * k];
    let mut pairs = Vec::with_capacity(n);
    for _ in 0..resamples {
        confusion.iter_mut().for_each(|count| *count = 0);
        pairs.clear();
        for _ in 0..n {
            let outcome = &outcomes[rng.below(n as u64) as usize];
            confusion[outcome.truth * k + outcome.predicted] += 1;
            if let Some(confidence) = outcome.confidence {
                pairs.push((confidence, outcome.truth == outcome.predicted));
            }
        }
        let correct: usize = (0..k).map(|c| confusion[c * k + c]).sum();
        accuracy.push(correct as f64 / n as f64);
        let (mut f1_sum, mut present) = (0.0, 0);
        for (c, values) in per_class.iter_mut().enumerate() {
            let true_positives = confusion[c * k + c];
            let true_count: usize = confusion[c * k..(c + 1) * k].iter().sum();
            let predicted_count: usize = (0..k).map(|t| confusion[t * k + c]).sum();
            let denominator = true_count + predicted_count;
            if denominator > 0 {
                let f1 = 2.0 * true_positives as f64 / denominator as f64;
                values.push(f1);
                f1_sum += f1;
                present += 1;
            }
        }
        macro_f1.push(if present == 0 { 0.0 } else { f1_sum / present as f64 });
        if with_probabilities {
            ece.push(Reliability::from_predictions(&pairs, RELIABILITY_BINS).expected_calibration_error);
        }
    }
    BootstrapIntervals {
        resamples,
        seed,
        accuracy: percentiles(accuracy),
        macro_f1: percentiles(macro_f1),
        per_class_f1: labels
            .iter()
            .cloned()
            .zip(per_class.into_iter().map(percentiles))
            .collect(),
        ece: with_probabilities.then(|| percentiles(ece)),
    }
}

/// The 2.5th and 97.5th percentiles of `values` (nearest rank); `[0, 0]` when empty.
fn percentiles(mut values: Vec<f64>) -> [f64; 2] {
    if values.is_empty() {
        return [0.0, 0.0];
    }
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[(q * (values.len() - 1) as f64).round() as usize];
    [at(0.025), at(0.975)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(pairs: &[(usize, usize)]) -> Vec<Outcome> {
        pairs
            .iter()
            .map(|&(truth, predicted)| Outcome {
                truth,
                predicted,
                confidence: Some(0.9),
            })
            .collect()
    }

    #[test]
    fn perfect_predictions_have_degenerate_intervals() {
        let labels = vec!["a".to_string(), "b".to_string()];
        let r = intervals(&labels, &outcomes(&[(0, 0), (1, 1), (0, 0), (1, 1)]), 200, 1);
        assert_eq!(r.accuracy, [1.0, 1.0]);
        assert_eq!(r.macro_f1, [1.0, 1.0]);
        let ece = r.ece.unwrap();
        assert!((ece[0] - 0.1).abs() < 1e-12 && (ece[1] - 0.1).abs() < 1e-12, "{ece:?}");
    }

    #[test]
    fn intervals_hold_the_estimate_and_shrink_with_more_documents() {
        let labels = vec!["a".to_string(), "b".to_string()];
        // 75% right, as 40 or as 400 documents.
        let few: Vec<(usize, usize)> = (0..40).map(|i| (i % 2, if i % 4 == 0 { 1 } else { i % 2 })).collect();
        let many: Vec<(usize, usize)> = (0..400).map(|i| (i % 2, if i % 4 == 0 { 1 } else { i % 2 })).collect();
        let few = intervals(&labels, &outcomes(&few), 1000, 7);
        let many = intervals(&labels, &outcomes(&many), 1000, 7);
        for r in [&few, &many] {
            assert!(r.accuracy[0] < 0.75 && 0.75 < r.accuracy[1], "{r:?}");
        }
        assert!(many.accuracy[1] - many.accuracy[0] < (few.accuracy[1] - few.accuracy[0]) / 2.0);
        // The same seed gives the same intervals.
        let again: Vec<(usize, usize)> = (0..40).map(|i| (i % 2, if i % 4 == 0 { 1 } else { i % 2 })).collect();
        assert_eq!(intervals(&labels, &outcomes(&again), 1000, 7), few);
    }
}
