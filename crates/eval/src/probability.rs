//! Scores of predicted probabilities: log-loss and the multi-class Brier score.

use std::collections::BTreeMap;

use crate::error::EvalError;
use crate::input::Probabilities;

/// Probabilities are clipped to `[LOG_LOSS_EPS, 1 - LOG_LOSS_EPS]` before the
/// logarithm, as scikit-learn's `log_loss` does for float64 input (its `eps` is the
/// machine epsilon of the dtype). A true class given probability 0 thus costs
/// `-ln(2.22e-16) ≈ 36.04` instead of infinity.
pub const LOG_LOSS_EPS: f64 = f64::EPSILON;

/// How far a probability row may sum from 1.
pub const PROBABILITY_SUM_TOLERANCE: f64 = 1e-6;

/// Log-loss and Brier score of one evaluated data set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ProbabilityScores {
    pub(crate) log_loss: f64,
    pub(crate) brier: f64,
}

/// Validates `probabilities` against the true labels and scores them.
///
/// - log-loss: mean over documents of `-ln(clip(p_true))`;
/// - Brier: mean over documents of `Σ_k (p_k - y_k)²` over all probability columns,
///   with `y_k` = 1 for the true label and 0 otherwise (range [0, 2]; not halved).
pub(crate) fn score(y_true: &[String], probabilities: &Probabilities) -> Result<ProbabilityScores, EvalError> {
    let columns = column_index(&probabilities.labels)?;
    let rows = &probabilities.rows;
    if rows.len() != y_true.len() {
        return Err(EvalError::LengthMismatch {
            what: "probability rows",
            expected: y_true.len(),
            found: rows.len(),
        });
    }
    let mut log_loss_sum = 0.0;
    let mut brier_sum = 0.0;
    for (row_index, (truth, row)) in y_true.iter().zip(rows).enumerate() {
        check_row(row_index, row, columns.len())?;
        let true_column = *columns
            .get(truth.as_str())
            .ok_or_else(|| EvalError::MissingProbabilityLabel {
                row: row_index,
                label: truth.clone(),
            })?;
        log_loss_sum -= row[true_column].clamp(LOG_LOSS_EPS, 1.0 - LOG_LOSS_EPS).ln();
        brier_sum += row
            .iter()
            .enumerate()
            .map(|(column, &p)| {
                let outcome = if column == true_column { 1.0 } else { 0.0 };
                (p - outcome) * (p - outcome)
            })
            .sum::<f64>();
    }
    let n = y_true.len() as f64;
    Ok(ProbabilityScores {
        log_loss: log_loss_sum / n,
        brier: brier_sum / n,
    })
}

/// Maps each probability label to its column, rejecting duplicates.
fn column_index(labels: &[String]) -> Result<BTreeMap<&str, usize>, EvalError> {
    let mut columns = BTreeMap::new();
    for (column, label) in labels.iter().enumerate() {
        if columns.insert(label.as_str(), column).is_some() {
            return Err(EvalError::DuplicateProbabilityLabel(label.clone()));
        }
    }
    Ok(columns)
}

fn check_row(row_index: usize, row: &[f64], width: usize) -> Result<(), EvalError> {
    if row.len() != width {
        return Err(EvalError::ProbabilityWidth {
            row: row_index,
            expected: width,
            found: row.len(),
        });
    }
    for (column, &p) in row.iter().enumerate() {
        if p.is_nan() {
            return Err(EvalError::ProbabilityNaN { row: row_index, column });
        }
        if !(0.0..=1.0).contains(&p) {
            return Err(EvalError::ProbabilityOutOfRange {
                row: row_index,
                column,
                value: p,
            });
        }
    }
    let sum: f64 = row.iter().sum();
    if (sum - 1.0).abs() > PROBABILITY_SUM_TOLERANCE {
        return Err(EvalError::ProbabilitySum { row: row_index, sum });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probabilities(labels: &[&str], rows: Vec<Vec<f64>>) -> Probabilities {
        Probabilities {
            labels: labels.iter().map(|s| s.to_string()).collect(),
            rows,
        }
    }

    fn truth(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn binary_scores_by_hand() {
        // Doc 1: true "a" with p(a) = 0.8 -> log-loss -ln 0.8, Brier 0.2² + 0.2² = 0.08.
        // Doc 2: true "b" with p(b) = 0.4 -> log-loss -ln 0.4, Brier 0.6² + 0.6² = 0.72.
        let scores = score(
            &truth(&["a", "b"]),
            &probabilities(&["a", "b"], vec![vec![0.8, 0.2], vec![0.6, 0.4]]),
        )
        .unwrap();
        let expected_log_loss = -(0.8_f64.ln() + 0.4_f64.ln()) / 2.0;
        assert!((scores.log_loss - expected_log_loss).abs() < 1e-15);
        assert!((scores.brier - 0.4).abs() < 1e-15);
    }

    #[test]
    fn zero_probability_is_clipped_to_eps() {
        let scores = score(&truth(&["a"]), &probabilities(&["a", "b"], vec![vec![0.0, 1.0]])).unwrap();
        // -ln(2.220446049250313e-16) = 36.04365338911715
        assert!((scores.log_loss - 36.04365338911715).abs() < 1e-12);
        assert_eq!(scores.brier, 2.0);
    }

    #[test]
    fn invalid_rows_are_errors() {
        let y = truth(&["a"]);
        let cases = [
            (
                vec![vec![0.5, 0.5, 0.0]],
                EvalError::ProbabilityWidth {
                    row: 0,
                    expected: 2,
                    found: 3,
                },
            ),
            (
                vec![vec![f64::NAN, 1.0]],
                EvalError::ProbabilityNaN { row: 0, column: 0 },
            ),
            (
                vec![vec![1.5, -0.5]],
                EvalError::ProbabilityOutOfRange {
                    row: 0,
                    column: 0,
                    value: 1.5,
                },
            ),
            (
                vec![vec![0.5, f64::INFINITY]],
                EvalError::ProbabilityOutOfRange {
                    row: 0,
                    column: 1,
                    value: f64::INFINITY,
                },
            ),
            (vec![vec![0.5, 0.4]], EvalError::ProbabilitySum { row: 0, sum: 0.9 }),
            (
                vec![vec![1.0, 0.0], vec![1.0, 0.0]],
                EvalError::LengthMismatch {
                    what: "probability rows",
                    expected: 1,
                    found: 2,
                },
            ),
        ];
        for (rows, expected) in cases {
            assert_eq!(score(&y, &probabilities(&["a", "b"], rows)), Err(expected));
        }
    }

    #[test]
    fn sum_within_tolerance_is_accepted() {
        let y = truth(&["a"]);
        let rows = vec![vec![0.5, 0.5 + 0.9e-6]];
        assert!(score(&y, &probabilities(&["a", "b"], rows)).is_ok());
    }

    #[test]
    fn labels_must_be_unique_and_cover_the_truth() {
        let y = truth(&["c"]);
        assert_eq!(
            score(&y, &probabilities(&["a", "a"], vec![vec![0.5, 0.5]])),
            Err(EvalError::DuplicateProbabilityLabel("a".into()))
        );
        assert_eq!(
            score(&y, &probabilities(&["a", "b"], vec![vec![0.5, 0.5]])),
            Err(EvalError::MissingProbabilityLabel {
                row: 0,
                label: "c".into()
            })
        );
    }
}
