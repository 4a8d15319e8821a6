//! Calibration: does a prediction made with confidence 0.8 come true 80% of the time?

use serde::Serialize;

/// The number of equal-width confidence bins of a reliability diagram by default.
pub const RELIABILITY_BINS: usize = 10;

/// Predicted confidences against observed accuracy, in equal-width bins over [0, 1]:
/// the data of a reliability diagram (Guo et al., 2017, "On Calibration of Modern
/// Neural Networks") and its expected calibration error.
///
/// ```
/// use stance_eval::Reliability;
///
/// // Four predictions made with confidence 0.9, three of them right.
/// let r = Reliability::from_predictions(&[(0.9, true), (0.9, true), (0.9, true), (0.9, false)], 10);
/// assert_eq!(r.bins[9].count, 4);
/// assert_eq!(r.bins[9].accuracy, 0.75);
/// assert!((r.expected_calibration_error - 0.15).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Reliability {
    /// The bins, from confidence 0 up to 1.
    pub bins: Vec<ReliabilityBin>,
    /// `Σ_b (count_b / n) · |accuracy_b - mean_confidence_b|` over the bins (0 if
    /// no prediction was binned).
    pub expected_calibration_error: f64,
    /// The number of predictions binned.
    pub n_predictions: usize,
    /// The number of predictions left out because their confidence was NaN or
    /// outside [0, 1].
    pub skipped: usize,
}

/// One confidence bin of a [`Reliability`] diagram.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ReliabilityBin {
    /// The lowest confidence of the bin (included).
    pub lower: f64,
    /// The highest confidence of the bin (excluded, except 1 in the last bin).
    pub upper: f64,
    /// The number of predictions in the bin.
    pub count: usize,
    /// The mean confidence of those predictions (0 for an empty bin).
    pub mean_confidence: f64,
    /// The fraction of those predictions that were right (0 for an empty bin).
    pub accuracy: f64,
}

impl Reliability {
    /// Bins `(confidence, correct)` pairs, one per document (the confidence is
    /// usually the probability of the predicted label), into `n_bins` bins of
    /// width `1 / n_bins` (at least one bin). Bin `b` holds confidences in
    /// `[b / n_bins, (b + 1) / n_bins)`, the last also holds 1. A confidence that
    /// is NaN or outside [0, 1] is skipped and counted in `skipped`.
    pub fn from_predictions(predictions: &[(f64, bool)], n_bins: usize) -> Reliability {
        let n_bins = n_bins.max(1);
        let mut counts = vec![0usize; n_bins];
        let mut correct = vec![0usize; n_bins];
        let mut confidence_sums = vec![0.0f64; n_bins];
        let mut skipped = 0;
        for &(confidence, right) in predictions {
            if !(0.0..=1.0).contains(&confidence) {
                skipped += 1;
                continue;
            }
            let bin = ((confidence * n_bins as f64).floor() as usize).min(n_bins - 1);
            counts[bin] += 1;
            correct[bin] += usize::from(right);
            confidence_sums[bin] += confidence;
        }
        let n_predictions: usize = counts.iter().sum();
        let bins: Vec<ReliabilityBin> = (0..n_bins)
            .map(|b| {
                let (mean_confidence, accuracy) = if counts[b] > 0 {
                    (
                        confidence_sums[b] / counts[b] as f64,
                        correct[b] as f64 / counts[b] as f64,
                    )
                } else {
                    (0.0, 0.0)
                };
                ReliabilityBin {
                    lower: b as f64 / n_bins as f64,
                    upper: (b + 1) as f64 / n_bins as f64,
                    count: counts[b],
                    mean_confidence,
                    accuracy,
                }
            })
            .collect();
        let expected_calibration_error = if n_predictions > 0 {
            bins.iter()
                .map(|bin| bin.count as f64 * (bin.accuracy - bin.mean_confidence).abs())
                .sum::<f64>()
                / n_predictions as f64
        } else {
            0.0
        };
        Reliability {
            bins,
            expected_calibration_error,
            n_predictions,
            skipped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_by_hand() {
        let r = Reliability::from_predictions(
            &[
                (0.05, false),
                (0.55, true),
                (0.45, false),
                (1.0, true),
                (0.95, false),
                (f64::NAN, true),
                (1.5, true),
            ],
            2,
        );
        assert_eq!(r.skipped, 2);
        assert_eq!(r.n_predictions, 5);
        assert_eq!((r.bins[0].count, r.bins[1].count), (2, 3));
        assert_eq!(r.bins[0].accuracy, 0.0);
        assert!((r.bins[0].mean_confidence - 0.25).abs() < 1e-12);
        assert!((r.bins[1].accuracy - 2.0 / 3.0).abs() < 1e-12);
        assert!((r.bins[1].mean_confidence - 2.5 / 3.0).abs() < 1e-12);
        // ECE = (2·0.25 + 3·|2/3 - 2.5/3|) / 5 = (0.5 + 0.5) / 5 = 0.2.
        assert!((r.expected_calibration_error - 0.2).abs() < 1e-12);
        assert_eq!((r.bins[1].lower, r.bins[1].upper), (0.5, 1.0));
    }

    #[test]
    fn no_predictions_and_zero_bins() {
        let r = Reliability::from_predictions(&[], 0);
        assert_eq!(r.bins.len(), 1);
        assert_eq!(r.expected_calibration_error, 0.0);
    }
}

/// One point of a coverage-accuracy curve: keeping only the most confident `coverage` share of
/// the documents (those with a confidence of at least `threshold`), `accuracy` of them are right.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CoveragePoint {
    /// The share of documents kept, in (0, 1].
    pub coverage: f64,
    /// The lowest confidence kept.
    pub threshold: f64,
    /// The share of the kept documents that are right.
    pub accuracy: f64,
}

/// The coverage-accuracy curve of `(confidence, correct)` pairs at coverages 10%, 20%, ...,
/// 100% (each rounded up to whole documents; a count of documents that two tenths round to
/// appears once, so fewer than ten documents give fewer points): how accurate the most confident documents are, the question `--min-confidence`
/// answers. Ties in confidence are kept together with the more confident document first in
/// input order; a confidence that is NaN counts as the least confident. Empty without pairs.
///
/// ```
/// use stance_eval::coverage_curve;
///
/// let pairs = [(0.99, true), (0.9, true), (0.8, false), (0.6, true), (0.55, false)];
/// let curve = coverage_curve(&pairs);
/// assert_eq!(curve.len(), 5); // five documents: 1, 2, 3, 4 and 5 of them kept
/// assert_eq!(curve[1].accuracy, 1.0); // the top 40%: two documents, both right
/// assert_eq!(curve[4].accuracy, 0.6);
/// ```
pub fn coverage_curve(pairs: &[(f64, bool)]) -> Vec<CoveragePoint> {
    if pairs.is_empty() {
        return Vec::new();
    }
    let mut sorted: Vec<(f64, bool)> = pairs.to_vec();
    sorted.sort_by(|a, b| {
        let key = |p: f64| if p.is_nan() { f64::NEG_INFINITY } else { p };
        key(b.0).total_cmp(&key(a.0))
    });
    let n = sorted.len();
    let mut kept_counts: Vec<usize> = (1..=10)
        .map(|tenth| ((n * tenth) as f64 / 10.0).ceil().max(1.0) as usize)
        .collect();
    kept_counts.dedup();
    kept_counts
        .into_iter()
        .map(|kept| {
            let right = sorted[..kept].iter().filter(|(_, correct)| *correct).count();
            CoveragePoint {
                coverage: kept as f64 / n as f64,
                threshold: sorted[kept - 1].0,
                accuracy: right as f64 / kept as f64,
            }
        })
        .collect()
}
