//! The text, Markdown and JSON renderings.

use stance_eval::evaluate;

use crate::reference::stance_case;

#[test]
fn text_starts_with_sklearn_classification_report() {
    let report = evaluate(&stance_case()).unwrap();
    // print(repr(classification_report(y_true, y_pred, labels=labels, zero_division=0)))
    // for the stance case of reference.rs, scikit-learn 1.9.1:
    let sklearn = "              precision    recall  f1-score   support\n\n     against       0.57      0.80      0.67         5\n       favor       0.00      0.00      0.00         3\n        none       0.60      0.75      0.67         4\n\n    accuracy                           0.58        12\n   macro avg       0.39      0.52      0.44        12\nweighted avg       0.44      0.58      0.50        12\n";
    let text = report.to_text(2);
    assert!(text.starts_with(sklearn), "{text}");
}

// The expected calibration error of stance_case, by hand: the predicted label's probability
// falls in six bins, |accuracy - mean confidence| x count per bin: [0.4, 0.5) 0.6 x 1, [0.5,
// 0.6) 0.1667 x 3, [0.6, 0.7) 0.1 x 2, [0.7, 0.8) 0.2 x 2, [0.8, 0.9) 0.2 x 1, [0.9, 1] 0.3 x 3;
// 2.8 / 12 = 0.2333.
#[test]
fn text_has_matrix_baseline_metrics_and_warnings() {
    let text = evaluate(&stance_case()).unwrap().to_text(4);
    let expected_tail = "
confusion matrix (rows = true, columns = predicted):
         against  favor  none
against        4      0     1
  favor        2      0     1
   none        1      0     3

accuracy=0.5833 most-frequent-tag baseline=0.4167 (against)

accuracy 95% CI (Wilson)              [0.3195, 0.8067]
balanced accuracy                     0.5167
Cohen's kappa                         0.3258
Matthews correlation (MCC)            0.3575
log-loss                              6.5181
Brier score (sum over classes)        0.6025
expected calibration error (10 bins)  0.2333
F_avg (mean F1 without none)          0.3333

warnings:
  - precision of \"favor\" is undefined (the label is never predicted); set to 0
";
    assert!(text.ends_with(expected_tail), "{text}");
}

#[test]
fn text_matches_sklearn_with_three_digits_and_a_model_only_label() {
    let input = stance_eval::EvalInput::new(["neg", "pos", "pos", "neg", "pos"], ["neg", "pos", "neg", "neg", "pos"])
        .with_labels(["neutral"]);
    // The rows of classification_report(t, pr, labels=["neg","neutral","pos"], zero_division=0,
    // digits=3); its macro row that of classification_report(t, pr, digits=3), over the labels
    // present ("neutral" is neither true nor predicted, and the warnings say it is left out).
    let sklearn = "              precision    recall  f1-score   support\n\n         neg      0.667     1.000     0.800         2\n     neutral      0.000     0.000     0.000         0\n         pos      1.000     0.667     0.800         3\n\n    accuracy                          0.800         5\n   macro avg      0.833     0.833     0.800         5\nweighted avg      0.867     0.800     0.800         5\n";
    let text = evaluate(&input).unwrap().to_text(3);
    assert!(text.starts_with(sklearn), "{text}");
    assert!(
        text.contains("\"neutral\" is neither a true nor a predicted label"),
        "{text}"
    );
}

#[test]
fn markdown_tables() {
    let markdown = evaluate(&stance_case()).unwrap().to_markdown(2);
    let expected = "\
| label | precision | recall | f1-score | support |
| :--- | ---: | ---: | ---: | ---: |
| against | 0.57 | 0.80 | 0.67 | 5 |
| favor | 0.00 | 0.00 | 0.00 | 3 |
| none | 0.60 | 0.75 | 0.67 | 4 |
| accuracy |  |  | 0.58 | 12 |
| macro avg | 0.39 | 0.52 | 0.44 | 12 |
| weighted avg | 0.44 | 0.58 | 0.50 | 12 |

Confusion matrix (rows = true, columns = predicted):

| true \\ predicted | against | favor | none |
| :--- | ---: | ---: | ---: |
| against | 4 | 0 | 1 |
| favor | 2 | 0 | 1 |
| none | 1 | 0 | 3 |

| metric | value |
| :--- | ---: |
| accuracy | 0.58 |
| most-frequent-tag baseline (against) | 0.42 |
| accuracy 95% CI (Wilson) | [0.32, 0.81] |
| balanced accuracy | 0.52 |
| Cohen's kappa | 0.33 |
| Matthews correlation (MCC) | 0.36 |
| log-loss | 6.52 |
| Brier score (sum over classes) | 0.60 |
| expected calibration error (10 bins) | 0.23 |
| F_avg (mean F1 without none) | 0.33 |

Warnings:

- precision of \"favor\" is undefined (the label is never predicted); set to 0
";
    assert_eq!(markdown, expected);
}

#[test]
fn json_follows_the_documented_schema() {
    let report = evaluate(&stance_case()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json().unwrap()).unwrap();
    let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut expected_keys = vec![
        "n_documents",
        "accuracy",
        "accuracy_ci95",
        "baseline_accuracy",
        "baseline_label",
        "balanced_accuracy",
        "macro_f1",
        "weighted_f1",
        "macro_avg",
        "weighted_avg",
        "kappa",
        "mcc",
        "log_loss",
        "brier",
        "ece",
        "neutral_label",
        "f_avg",
        "per_class",
        "confusion_matrix",
        "warnings",
    ];
    expected_keys.sort_unstable();
    assert_eq!(keys, expected_keys);

    assert_eq!(json["n_documents"], 12);
    assert_eq!(json["accuracy"], report.accuracy);
    assert_eq!(json["accuracy_ci95"][0], report.accuracy_ci95[0]);
    assert_eq!(json["accuracy_ci95"][1], report.accuracy_ci95[1]);
    assert_eq!(json["macro_f1"], report.macro_avg.f1);
    assert_eq!(json["weighted_f1"], report.weighted_avg.f1);
    assert_eq!(json["macro_avg"]["precision"], report.macro_avg.precision);
    assert_eq!(json["baseline_label"], "against");
    assert_eq!(json["neutral_label"], "none");
    assert_eq!(json["per_class"]["favor"]["support"], 3);
    assert_eq!(json["per_class"]["none"]["recall"], 0.75);
    assert_eq!(
        json["confusion_matrix"],
        serde_json::json!({
            "labels": ["against", "favor", "none"],
            "matrix": [[4, 0, 1], [2, 0, 1], [1, 0, 3]]
        })
    );
    assert_eq!(json["brier"], report.brier.unwrap());
    assert_eq!(json["warnings"].as_array().unwrap().len(), 1);
}

#[test]
fn json_field_order_and_nulls() {
    // Without probabilities or a neutral class, these fields are null.
    let report = evaluate(&stance_eval::EvalInput::new(["a", "b"], ["a", "a"])).unwrap();
    let text = report.to_json().unwrap();
    for field in ["log_loss", "brier", "neutral_label", "f_avg"] {
        assert!(text.contains(&format!("\"{field}\": null")), "{field} in {text}");
    }
    // The pretty-printed output keeps the documented order.
    let position = |field: &str| text.find(&format!("\"{field}\":")).unwrap();
    assert!(position("n_documents") < position("accuracy"));
    assert!(position("accuracy_ci95") < position("baseline_accuracy"));
    assert!(position("per_class") < position("confusion_matrix"));
    assert!(position("confusion_matrix") < position("warnings"));
}

#[test]
fn bootstrap_intervals_are_reported_when_asked_for() {
    let report = evaluate(&stance_case().with_bootstrap(1000, 3)).unwrap();
    let intervals = report.intervals.as_ref().expect("intervals");
    assert_eq!(intervals.resamples, 1000);
    assert!(intervals.macro_f1[0] <= report.macro_avg.f1 && report.macro_avg.f1 <= intervals.macro_f1[1]);
    let [low, high] = intervals.ece.unwrap();
    assert!(low <= report.ece.unwrap() && report.ece.unwrap() <= high);
    let keys: Vec<&String> = intervals.per_class_f1.keys().collect();
    assert_eq!(keys, ["against", "favor", "none"]);
    let text = report.to_text(3);
    assert!(text.contains("macro F1 95% CI (bootstrap, 1000)"), "{text}");
    assert!(text.contains("F1 of favor 95% CI (bootstrap, 1000)"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&report.to_json().unwrap()).unwrap();
    assert_eq!(json["intervals"]["resamples"], 1000);
    assert!(json["intervals"]["per_class_f1"]["none"].is_array());
    let without: serde_json::Value =
        serde_json::from_str(&evaluate(&stance_case()).unwrap().to_json().unwrap()).unwrap();
    assert!(without.get("intervals").is_none(), "only when asked for");
}
