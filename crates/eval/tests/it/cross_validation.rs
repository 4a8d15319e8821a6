//! Aggregation of folds: mean, sample std, pooled report, learning curve, renderings.

use stance_eval::{cross_validate, evaluate, EvalError, EvalInput, LearningCurvePoint, NeutralClass};

use crate::assert_close;

/// Three folds of four documents with accuracies 0.5, 0.75 and 1.
fn three_folds() -> Vec<EvalInput> {
    let truth = ["a", "a", "b", "b"];
    vec![
        EvalInput::new(truth, ["a", "b", "b", "a"]),
        EvalInput::new(truth, ["a", "a", "b", "a"]),
        EvalInput::new(truth, truth),
    ]
}

#[test]
fn mean_and_sample_std_by_hand() {
    let cv = cross_validate(&three_folds()).unwrap();
    assert_eq!(cv.folds.len(), 3);
    assert_eq!(cv.fold_names, ["1", "2", "3"]);
    // Accuracy 1/2, 3/4, 1: mean 3/4; deviations ±1/4 and 0 -> variance (2/16)/2, std 1/4.
    assert_close("mean accuracy", cv.mean.accuracy, 0.75);
    assert_close("std accuracy", cv.std.accuracy, 0.25);
    // F1 of "a": 1/2 (tp 1, fp 1, fn 1), 4/5 (tp 2, fp 1, fn 0), 1: mean 23/30;
    // deviations -8/30, 1/30, 7/30 -> squares 114/900, / 2 -> std sqrt(57)/30.
    assert_close("mean F1 a", cv.mean.per_class_f1["a"], 23.0 / 30.0);
    assert_close("std F1 a", cv.std.per_class_f1["a"], 57f64.sqrt() / 30.0);
    // Macro-F1: 1/2, (4/5 + 2/3)/2 = 11/15, 1: mean 67/90; deviations -22, -1, 23 (/90)
    // -> squares 1014/8100, / 2 -> std sqrt(507)/90.
    assert_close("mean macro F1", cv.mean.macro_f1, 67.0 / 90.0);
    assert_close("std macro F1", cv.std.macro_f1, 507f64.sqrt() / 90.0);
    // Baseline: 2 of 4 in every fold.
    assert_close("mean baseline", cv.mean.baseline_accuracy, 0.5);
    assert_eq!(cv.std.baseline_accuracy, 0.0);
    // Every other scalar is the plain mean of the folds.
    let kappas: Vec<f64> = cv.folds.iter().map(|r| r.kappa).collect();
    assert_close("mean kappa", cv.mean.kappa, kappas.iter().sum::<f64>() / 3.0);
    assert_eq!((cv.mean.log_loss, cv.mean.brier, cv.mean.f_avg), (None, None, None));
    assert!(cv.warnings.is_empty(), "{:?}", cv.warnings);
}

#[test]
fn one_fold_has_zero_std() {
    let cv = cross_validate(&three_folds()[1..2]).unwrap();
    assert_eq!(cv.mean.accuracy, 0.75);
    assert_eq!(cv.std.accuracy, 0.0);
    assert_eq!(cv.std.per_class_f1["b"], 0.0);
}

#[test]
fn pooled_report_evaluates_all_predictions_together() {
    let cv = cross_validate(&three_folds()).unwrap();
    let all = evaluate(&EvalInput::new(
        ["a", "a", "b", "b", "a", "a", "b", "b", "a", "a", "b", "b"],
        ["a", "b", "b", "a", "a", "a", "b", "a", "a", "a", "b", "b"],
    ))
    .unwrap();
    assert_eq!(cv.pooled, all);
    assert_eq!(cv.pooled.accuracy, 0.75);
}

#[test]
fn pooled_probabilities_are_matched_by_label() {
    let folds = [
        EvalInput::new(["x", "y"], ["x", "x"]).with_probabilities(["x", "y"], vec![vec![0.9, 0.1], vec![0.6, 0.4]]),
        // Columns in another order and a label the first fold has no column for.
        EvalInput::new(["y"], ["y"]).with_probabilities(["z", "y", "x"], vec![vec![0.1, 0.7, 0.2]]),
    ];
    let cv = cross_validate(&folds).unwrap();
    // log-loss of the pooled rows: -(ln 0.9 + ln 0.4 + ln 0.7) / 3.
    let expected = -(0.9f64.ln() + 0.4f64.ln() + 0.7f64.ln()) / 3.0;
    assert_close("pooled log-loss", cv.pooled.log_loss.unwrap(), expected);
    assert!(cv.mean.log_loss.is_some() && cv.std.brier.is_some());
}

#[test]
fn metrics_missing_from_some_folds_are_left_out_with_a_warning() {
    let folds = [
        EvalInput::new(["x", "none"], ["x", "x"])
            .with_probabilities(["x", "none"], vec![vec![1.0, 0.0], vec![0.5, 0.5]]),
        EvalInput::new(["x", "y"], ["x", "y"]),
    ];
    let cv = cross_validate(&folds).unwrap();
    assert_eq!(cv.mean.log_loss, None);
    assert_eq!(cv.mean.f_avg, None);
    assert_eq!(cv.pooled.log_loss, None);
    let text = cv.warnings.join("\n");
    assert!(text.contains("log-loss is missing from 1 of 2 folds"), "{text}");
    assert!(text.contains("F_avg is missing from 1 of 2 folds"), "{text}");
    assert!(text.contains("only 1 of 2 folds have probabilities"), "{text}");
    // "y" is in one fold report, "none" in the other: their F1 is over that fold.
    assert!(text.contains("label \"y\" is in 1 of 2 fold reports"), "{text}");
    assert_eq!(cv.mean.per_class_f1["y"], 1.0);
}

#[test]
fn model_labels_keep_every_label_in_every_fold() {
    let folds = [
        EvalInput::new(["x", "x"], ["x", "x"]).with_labels(["x", "y"]),
        EvalInput::new(["y", "x"], ["y", "x"]).with_labels(["x", "y"]),
    ];
    let cv = cross_validate(&folds).unwrap();
    assert!(
        !cv.warnings.iter().any(|w| w.contains("fold reports")),
        "{:?}",
        cv.warnings
    );
    // "y" has F1 0 (undefined, zero_division=0) in the first fold and 1 in the second.
    assert_eq!(cv.mean.per_class_f1["y"], 0.5);
}

#[test]
fn errors_name_the_fold() {
    assert_eq!(cross_validate(&[]), Err(EvalError::NoFolds));
    let folds = [EvalInput::new(["a"], ["a"]), EvalInput::new(["a", "b"], ["a"])];
    let err = cross_validate(&folds).unwrap_err();
    assert!(matches!(&err, EvalError::InFold { fold: 1, .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "fold 1 (0-based): predicted labels has 1 entries but there are 2 documents"
    );
    let named = [EvalInput::new(["a"], ["a"]).with_neutral(NeutralClass::Named("zzz".into()))];
    assert!(matches!(cross_validate(&named), Err(EvalError::InFold { fold: 0, .. })));
}

#[test]
fn fold_names_and_learning_curve() {
    let cv = cross_validate(&three_folds()).unwrap();
    assert!(matches!(
        cv.clone().with_fold_names(["only one"]),
        Err(EvalError::LengthMismatch { what: "fold names", .. })
    ));
    let runs: Vec<(usize, stance_eval::EvaluationReport)> = three_folds()
        .iter()
        .zip([8, 9, 10])
        .map(|(input, size)| (size, evaluate(input).unwrap()))
        .collect();
    let point = LearningCurvePoint::from_runs(0.5, &runs).unwrap();
    assert_eq!(point.training_documents, 9);
    assert_close("curve accuracy", point.accuracy_mean, 0.75);
    assert_close("curve accuracy std", point.accuracy_std, 0.25);
    assert_close("curve macro-F1", point.macro_f1_mean, 67.0 / 90.0);
    assert_eq!(LearningCurvePoint::from_runs(0.5, &[]), Err(EvalError::NoFolds));
    assert_eq!(
        LearningCurvePoint::from_runs(0.0, &runs),
        Err(EvalError::InvalidFraction(0.0))
    );
    let full = LearningCurvePoint::from_runs(1.0, &runs).unwrap();

    let cv = cv
        .with_fold_names(["2016", "2017", "2018"])
        .unwrap()
        .with_learning_curve(vec![full, point]);
    let curve = cv.learning_curve.as_ref().unwrap();
    assert_eq!((curve[0].fraction, curve[1].fraction), (0.5, 1.0), "sorted by fraction");
    assert_eq!(cv.fold_names, ["2016", "2017", "2018"]);
}

#[test]
fn json_has_folds_mean_std_and_the_curve_only_when_present() {
    let cv = cross_validate(&three_folds()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&cv.to_json().unwrap()).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["fold_names", "folds", "mean", "pooled", "std", "warnings"]); // sorted by serde_json
                                                                                    // The text keeps the documented order.
    let text = cv.to_json().unwrap();
    let position = |field: &str| text.find(&format!("\n  \"{field}\":")).unwrap();
    let order = ["fold_names", "folds", "pooled", "mean", "std", "warnings"].map(position);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_eq!(json["folds"].as_array().unwrap().len(), 3);
    assert_eq!(json["folds"][0]["accuracy"], 0.5);
    assert_eq!(json["mean"]["accuracy"], 0.75);
    assert_eq!(json["std"]["accuracy"], 0.25);
    assert_eq!(json["pooled"]["n_documents"], 12);
    assert_eq!(json["mean"]["log_loss"], serde_json::Value::Null);
    let mut mean_keys: Vec<&str> = json["mean"].as_object().unwrap().keys().map(String::as_str).collect();
    mean_keys.sort_unstable();
    assert_eq!(
        mean_keys,
        [
            "accuracy",
            "balanced_accuracy",
            "baseline_accuracy",
            "brier",
            "f_avg",
            "kappa",
            "log_loss",
            "macro_f1",
            "mcc",
            "per_class_f1",
            "weighted_f1",
        ]
    );
    assert_close(
        "json F1 a",
        json["mean"]["per_class_f1"]["a"].as_f64().unwrap(),
        23.0 / 30.0,
    );

    let point = LearningCurvePoint::from_runs(1.0, &[(12, evaluate(&three_folds()[0]).unwrap())]).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&cv.with_learning_curve(vec![point]).to_json().unwrap()).unwrap();
    assert_eq!(
        json["learning_curve"][0],
        serde_json::json!({
            "fraction": 1.0, "training_documents": 12,
            "accuracy_mean": 0.5, "accuracy_std": 0.0,
            "macro_f1_mean": 0.5, "macro_f1_std": 0.0
        })
    );
}

#[test]
fn text_lists_folds_then_mean_and_std() {
    let cv = cross_validate(&three_folds()).unwrap();
    let text = cv.to_text(2);
    let expected_start = "\
cross-validation: 3 folds, 12 documents

fold    documents  accuracy  macro F1  weighted F1  balanced acc.  kappa    MCC  baseline
1               4      0.50      0.50         0.50           0.50   0.00   0.00      0.50
2               4      0.75      0.73         0.73           0.75   0.50   0.58      0.50
3               4      1.00      1.00         1.00           1.00   1.00   1.00      0.50

pooled         12      0.75      0.75         0.75           0.75   0.50   0.51      0.50

mean ± std over 3 folds (sample standard deviation):
accuracy                    0.75 ± 0.25
macro F1                    0.74 ± 0.25
";
    assert!(text.starts_with(expected_start), "{text}");
    assert!(text.contains("F1 of a                     0.77 ± 0.25\n"), "{text}");
}

#[test]
fn markdown_tables_of_folds_and_summary() {
    let cv = cross_validate(&three_folds()).unwrap();
    let point = LearningCurvePoint::from_runs(0.5, &[(6, evaluate(&three_folds()[2]).unwrap())]).unwrap();
    let markdown = cv
        .with_fold_names(["a|b", "2", "3"])
        .unwrap()
        .with_learning_curve(vec![point])
        .to_markdown(2);
    assert!(
        markdown.starts_with(
            "| fold | documents | accuracy | macro F1 | weighted F1 | balanced acc. | kappa | MCC | baseline |\n\
         | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n\
         | a\\|b | 4 | 0.50 | 0.50 | 0.50 | 0.50 | 0.00 | 0.00 | 0.50 |\n"
        ),
        "{markdown}"
    );
    assert!(markdown.contains("| **pooled** | 12 | 0.75 |"), "{markdown}");
    assert!(
        markdown.contains("| metric | mean ± std (3 folds) |\n| :--- | ---: |\n| accuracy | 0.75 ± 0.25 |\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 0.50 | 6 | 1.00 ± 0.00 | 1.00 ± 0.00 |"),
        "{markdown}"
    );
}
