//! Invariants for arbitrary label vectors (proptest).

use proptest::prelude::*;
use stance_eval::{evaluate, mcnemar, EvalInput, McNemar};

/// Labels from a small alphabet, so that classes repeat, go missing and collide.
fn label() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["AGAINST", "FAVOR", "NONE", "neutral", "x", ""]).prop_map(String::from)
}

/// Parallel true and predicted labels, 1 to 40 documents.
fn labelled() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    (1usize..40).prop_flat_map(|n| (prop::collection::vec(label(), n), prop::collection::vec(label(), n)))
}

/// A probability row over `width` labels: non-negative weights normalized to sum 1.
fn rows(n: usize, width: usize) -> impl Strategy<Value = Vec<Vec<f64>>> {
    prop::collection::vec(prop::collection::vec(0.0f64..1.0, width), n).prop_map(|rows| {
        rows.into_iter()
            .map(|row| {
                let sum: f64 = row.iter().sum();
                if sum > 0.0 {
                    row.iter().map(|p| p / sum).collect()
                } else {
                    let mut one_hot = vec![0.0; row.len()];
                    one_hot[0] = 1.0;
                    one_hot
                }
            })
            .collect()
    })
}

fn in_unit(value: f64) -> bool {
    (0.0..=1.0).contains(&value)
}

proptest! {
    #[test]
    fn metrics_stay_in_range_and_are_never_nan((y_true, y_pred) in labelled()) {
        let r = evaluate(&EvalInput::new(y_true.clone(), y_pred.clone())).unwrap();
        prop_assert!(in_unit(r.accuracy));
        prop_assert!(in_unit(r.accuracy_ci95[0]) && in_unit(r.accuracy_ci95[1]));
        prop_assert!(r.accuracy_ci95[0] <= r.accuracy && r.accuracy <= r.accuracy_ci95[1]);
        prop_assert!(in_unit(r.balanced_accuracy));
        prop_assert!(in_unit(r.baseline_accuracy));
        prop_assert!((-1.0..=1.0).contains(&r.kappa), "kappa {}", r.kappa);
        prop_assert!((-1.0..=1.0).contains(&r.mcc), "mcc {}", r.mcc);
        for averages in [r.macro_avg, r.weighted_avg] {
            prop_assert!(in_unit(averages.precision) && in_unit(averages.recall) && in_unit(averages.f1));
        }
        for c in r.per_class.values() {
            prop_assert!(in_unit(c.precision) && in_unit(c.recall) && in_unit(c.f1));
        }
        if let Some(f_avg) = r.f_avg {
            prop_assert!(in_unit(f_avg));
        }
        prop_assert_eq!(r.per_class.values().map(|c| c.support).sum::<usize>(), y_true.len());
        prop_assert_eq!(r.confusion_matrix.total(), y_true.len());
        prop_assert!(r.confusion_matrix.labels().windows(2).all(|w| w[0] < w[1]));
        // The JSON never holds a NaN (serde_json would write null).
        let json = r.to_json().unwrap();
        prop_assert!(!json.contains("NaN"));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        prop_assert!(value["kappa"].is_f64() && value["mcc"].is_f64());
    }

    #[test]
    fn document_order_does_not_matter((y_true, y_pred) in labelled()) {
        let forward = evaluate(&EvalInput::new(y_true.clone(), y_pred.clone())).unwrap();
        let mut reversed_true = y_true;
        let mut reversed_pred = y_pred;
        reversed_true.reverse();
        reversed_pred.reverse();
        let backward = evaluate(&EvalInput::new(reversed_true, reversed_pred)).unwrap();
        prop_assert_eq!(forward.confusion_matrix, backward.confusion_matrix);
        prop_assert_eq!(forward.baseline_label, backward.baseline_label);
        prop_assert_eq!(forward.per_class, backward.per_class);
        prop_assert_eq!(forward.warnings, backward.warnings);
    }

    #[test]
    fn perfect_predictions_score_one((y_true, _) in labelled()) {
        let r = evaluate(&EvalInput::new(y_true.clone(), y_true)).unwrap();
        prop_assert_eq!(r.accuracy, 1.0);
        prop_assert_eq!(r.macro_avg.f1, 1.0);
        prop_assert_eq!(r.balanced_accuracy, 1.0);
        // 1 with two or more classes; undefined (0) with a single class.
        prop_assert!(r.kappa == 1.0 || (r.kappa == 0.0 && r.per_class.len() == 1));
        prop_assert!(r.mcc == 1.0 || (r.mcc == 0.0 && r.per_class.len() == 1));
    }

    #[test]
    fn probability_scores_stay_in_range(
        (y_true, y_pred, probabilities) in labelled().prop_flat_map(|(t, p)| {
            let n = t.len();
            (Just(t), Just(p), rows(n, 6))
        })
    ) {
        let labels = ["AGAINST", "FAVOR", "NONE", "neutral", "x", ""];
        let input = EvalInput::new(y_true, y_pred).with_probabilities(labels, probabilities);
        let r = evaluate(&input).unwrap();
        let log_loss = r.log_loss.unwrap();
        let brier = r.brier.unwrap();
        prop_assert!(log_loss.is_finite() && log_loss >= 0.0);
        prop_assert!(log_loss <= -stance_eval::LOG_LOSS_EPS.ln() + 1e-9);
        prop_assert!((0.0..=2.0 + 1e-12).contains(&brier), "brier {}", brier);
        // Every probability label is in the label set.
        prop_assert_eq!(r.confusion_matrix.labels().len(), labels.len());
    }

    #[test]
    fn mcnemar_p_value_is_a_symmetric_probability(b in 0usize..3000, c in 0usize..3000) {
        let test = McNemar::from_counts(b, c);
        prop_assert!(in_unit(test.p_value), "p {}", test.p_value);
        prop_assert_eq!(test.p_value, McNemar::from_counts(c, b).p_value);
        prop_assert_eq!(test.significant, test.p_value < 0.05);
    }

    #[test]
    fn mcnemar_on_labels_counts_only_discordant_pairs(
        (y_true, pred_a, pred_b) in (1usize..40).prop_flat_map(|n| (
            prop::collection::vec(label(), n),
            prop::collection::vec(label(), n),
            prop::collection::vec(label(), n),
        ))
    ) {
        let test = mcnemar(&y_true, &pred_a, &pred_b).unwrap();
        let a_right = y_true.iter().zip(&pred_a).filter(|(t, p)| t == p).count();
        let b_right = y_true.iter().zip(&pred_b).filter(|(t, p)| t == p).count();
        // b - c is the difference in correct predictions.
        prop_assert_eq!(test.b as i64 - test.c as i64, a_right as i64 - b_right as i64);
        prop_assert!(test.b + test.c <= y_true.len());
    }
}
