//! Chance-corrected agreement between true and predicted labels: Cohen's kappa,
//! Matthews correlation and balanced accuracy.

use crate::classwise::ClassMetrics;
use crate::confusion::ConfusionMatrix;

/// Sums the confusion matrix needs: n, the trace, and `Σ_k t_k·p_k`, `Σ t_k²`,
/// `Σ p_k²` over true counts `t` (row sums) and predicted counts `p` (column sums).
/// Kept as exact integers until the final division.
struct Marginals {
    n: u128,
    correct: u128,
    true_dot_predicted: u128,
    true_squared: u128,
    predicted_squared: u128,
}

impl Marginals {
    fn of(confusion: &ConfusionMatrix) -> Self {
        let t = confusion.true_counts();
        let p = confusion.predicted_counts();
        let dot = |a: &[usize], b: &[usize]| -> u128 { a.iter().zip(b).map(|(&x, &y)| x as u128 * y as u128).sum() };
        Marginals {
            n: confusion.total() as u128,
            correct: confusion.correct() as u128,
            true_dot_predicted: dot(&t, &p),
            true_squared: dot(&t, &t),
            predicted_squared: dot(&p, &p),
        }
    }

    /// `n·trace - Σ t_k·p_k`, the numerator of both kappa and MCC.
    fn covariance(&self) -> f64 {
        ((self.n * self.correct) as i128 - self.true_dot_predicted as i128) as f64
    }
}

/// Cohen's kappa `(p_o - p_e) / (1 - p_e)`, computed as
/// `(n·trace - Σ t_k p_k) / (n² - Σ t_k p_k)`. Undefined when the expected
/// agreement is 1 (true and predicted labels are one and the same single class):
/// then 0 and a warning.
pub(crate) fn cohen_kappa(confusion: &ConfusionMatrix, warnings: &mut Vec<String>) -> f64 {
    let m = Marginals::of(confusion);
    let denominator = m.n * m.n - m.true_dot_predicted;
    if denominator == 0 {
        warnings.push(
            "Cohen's kappa is undefined (the expected agreement by chance is 1: true and \
             predicted labels are all one class); set to 0"
                .to_string(),
        );
        return 0.0;
    }
    m.covariance() / denominator as f64
}

/// The multi-class Matthews correlation coefficient (Gorodkin's R_K), as
/// scikit-learn's `matthews_corrcoef`:
/// `(n·trace - Σ t_k p_k) / sqrt((n² - Σ p_k²)(n² - Σ t_k²))`. Undefined when all
/// true or all predicted labels are one class: then 0 and a warning.
pub(crate) fn matthews(confusion: &ConfusionMatrix, warnings: &mut Vec<String>) -> f64 {
    let m = Marginals::of(confusion);
    let predicted_variance = (m.n * m.n - m.predicted_squared) as f64;
    let true_variance = (m.n * m.n - m.true_squared) as f64;
    let denominator = (predicted_variance * true_variance).sqrt();
    if denominator == 0.0 {
        warnings.push(
            "Matthews correlation is undefined (the true or the predicted labels are all one \
             class); set to 0"
                .to_string(),
        );
        return 0.0;
    }
    // Rounding could push a perfect correlation a hair past ±1.
    (m.covariance() / denominator).clamp(-1.0, 1.0)
}

/// The mean recall over the labels that occur among the true labels, as
/// scikit-learn's `balanced_accuracy_score` (labels only predicted or only known
/// to the model are left out). 0 if no label has support.
pub(crate) fn balanced_accuracy(classes: &[ClassMetrics]) -> f64 {
    let recalls: Vec<f64> = classes.iter().filter(|c| c.support > 0).map(|c| c.recall).collect();
    if recalls.is_empty() {
        0.0
    } else {
        recalls.iter().sum::<f64>() / recalls.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(y_true: &[&str], y_pred: &[&str]) -> ConfusionMatrix {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        ConfusionMatrix::count(&owned(y_true), &owned(y_pred), &[])
    }

    #[test]
    fn binary_by_hand() {
        // truth [1,0,0,0], pred [1,1,1,0]: n = 4, trace = 2, t = (3, 1), p = (1, 3).
        // Σ t·p = 3 + 3 = 6; kappa = (4·2 - 6) / (16 - 6) = 0.2.
        // MCC = (8 - 6) / sqrt((16 - 10)(16 - 10)) = 2/6 = 1/3.
        let cm = matrix(&["1", "0", "0", "0"], &["1", "1", "1", "0"]);
        let mut warnings = Vec::new();
        assert!((cohen_kappa(&cm, &mut warnings) - 0.2).abs() < 1e-15);
        assert!((matthews(&cm, &mut warnings) - 1.0 / 3.0).abs() < 1e-15);
        assert!(warnings.is_empty());
    }

    #[test]
    fn single_class_is_undefined() {
        let cm = matrix(&["a", "a", "a"], &["a", "a", "a"]);
        let mut warnings = Vec::new();
        assert_eq!(cohen_kappa(&cm, &mut warnings), 0.0);
        assert_eq!(matthews(&cm, &mut warnings), 0.0);
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn perfect_and_inverted_agreement() {
        let mut warnings = Vec::new();
        let perfect = matrix(&["a", "b", "c", "a"], &["a", "b", "c", "a"]);
        assert_eq!(cohen_kappa(&perfect, &mut warnings), 1.0);
        assert_eq!(matthews(&perfect, &mut warnings), 1.0);
        let inverted = matrix(&["a", "b"], &["b", "a"]);
        assert_eq!(cohen_kappa(&inverted, &mut warnings), -1.0);
        assert_eq!(matthews(&inverted, &mut warnings), -1.0);
        assert!(warnings.is_empty());
    }
}
