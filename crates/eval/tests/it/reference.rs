//! Every metric against reference values computed independently: with
//! scikit-learn 1.9.1 / scipy 1.17.1 (the exact call is in each comment) or by hand.

use stance_eval::{evaluate, EvalInput, EvaluationReport, NeutralClass};

use crate::assert_close;

/// Stance, three classes; FAVOR is never predicted, so its precision is undefined.
///
/// ```python
/// y_true = ["against"]*5 + ["favor"]*3 + ["none"]*4
/// y_pred = ["against","against","against","none","against","against","none",
///           "against","none","none","against","none"]
/// labels = ["against","favor","none"]
/// ```
pub(crate) fn stance_case() -> EvalInput {
    let y_true = [
        "against", "against", "against", "against", "against", "favor", "favor", "favor", "none", "none", "none",
        "none",
    ];
    let y_pred = [
        "against", "against", "against", "none", "against", "against", "none", "against", "none", "none", "against",
        "none",
    ];
    // Columns deliberately not in sorted order: none, against, favor.
    let rows = vec![
        vec![0.1, 0.8, 0.1],
        vec![0.2, 0.7, 0.1],
        vec![0.3, 0.6, 0.1],
        vec![0.6, 0.3, 0.1],
        vec![0.25, 0.5, 0.25],
        vec![0.2, 0.5, 0.3],
        vec![0.5, 0.1, 0.4],
        vec![0.3, 0.7, 0.0], // true favor with p = 0: clipped to eps
        vec![0.9, 0.05, 0.05],
        vec![1.0, 0.0, 0.0], // true none with p = 1: clipped to 1 - eps
        vec![0.0, 1.0, 0.0],
        vec![0.4, 0.3, 0.3],
    ];
    EvalInput::new(y_true, y_pred).with_probabilities(["none", "against", "favor"], rows)
}

fn stance_report() -> EvaluationReport {
    evaluate(&stance_case()).expect("valid input")
}

#[test]
fn stance_accuracy_and_interval() {
    let r = stance_report();
    assert_eq!(r.n_documents, 12);
    // accuracy_score(y_true, y_pred) = 7/12
    assert_close("accuracy", r.accuracy, 0.5833333333333334);
    // scipy.stats.binomtest(7, 12).proportion_ci(method="wilson")
    assert_close("ci low", r.accuracy_ci95[0], 0.31951131254954973);
    assert_close("ci high", r.accuracy_ci95[1], 0.8067396863412435);
}

#[test]
fn stance_per_class_with_undefined_precision() {
    let r = stance_report();
    // precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    let expected = [
        ("against", 0.5714285714285714, 0.8, 0.6666666666666666, 5),
        ("favor", 0.0, 0.0, 0.0, 3),
        ("none", 0.6, 0.75, 0.6666666666666666, 4),
    ];
    assert_eq!(r.per_class.keys().collect::<Vec<_>>(), ["against", "favor", "none"]);
    for (label, precision, recall, f1, support) in expected {
        let c = &r.per_class[label];
        assert_close(&format!("{label} precision"), c.precision, precision);
        assert_close(&format!("{label} recall"), c.recall, recall);
        assert_close(&format!("{label} f1"), c.f1, f1);
        assert_eq!(c.support, support, "{label} support");
    }
    // FAVOR is never predicted: its precision is undefined, set to 0, and warned about.
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("precision of \"favor\""));
}

#[test]
fn stance_averages() {
    let r = stance_report();
    // precision_recall_fscore_support(..., average="macro", zero_division=0)
    assert_close("macro precision", r.macro_avg.precision, 0.3904761904761904);
    assert_close("macro recall", r.macro_avg.recall, 0.5166666666666667);
    assert_close("macro f1", r.macro_avg.f1, 0.4444444444444444);
    // precision_recall_fscore_support(..., average="weighted", zero_division=0)
    assert_close("weighted precision", r.weighted_avg.precision, 0.43809523809523804);
    assert_close("weighted recall", r.weighted_avg.recall, 0.5833333333333334);
    assert_close("weighted f1", r.weighted_avg.f1, 0.5);
}

#[test]
fn stance_agreement_metrics() {
    let r = stance_report();
    // balanced_accuracy_score(y_true, y_pred)
    assert_close("balanced accuracy", r.balanced_accuracy, 0.5166666666666667);
    // cohen_kappa_score(y_true, y_pred)
    assert_close("kappa", r.kappa, 0.3258426966292136);
    // matthews_corrcoef(y_true, y_pred)
    assert_close("mcc", r.mcc, 0.35750741272311504);
}

#[test]
fn stance_probability_scores() {
    let r = stance_report();
    // log_loss(y_true, P_sorted, labels=labels), P_sorted = rows with columns
    // reordered to against, favor, none
    assert_close("log-loss", r.log_loss.unwrap(), 6.5180821388226);
    // brier_score_loss(y_true, P_sorted, labels=labels)  (multi-class: not halved)
    assert_close("brier", r.brier.unwrap(), 0.6025);
}

#[test]
fn stance_confusion_baseline_and_f_avg() {
    let r = stance_report();
    // confusion_matrix(y_true, y_pred, labels=labels)
    assert_eq!(r.confusion_matrix.labels(), ["against", "favor", "none"]);
    assert_eq!(
        r.confusion_matrix.matrix(),
        [vec![4, 0, 1], vec![2, 0, 1], vec![1, 0, 3]]
    );
    // By hand: "against" is the most frequent true label, 5 of 12.
    assert_eq!(r.baseline_label, "against");
    assert_close("baseline", r.baseline_accuracy, 5.0 / 12.0);
    // "none" is detected as the neutral class;
    // np.mean(f1_score(y_true, y_pred, labels=["against","favor"], average=None, zero_division=0))
    assert_eq!(r.neutral_label.as_deref(), Some("none"));
    assert_close("f_avg", r.f_avg.unwrap(), 0.3333333333333333);
}

/// The case in which linfa's ConfusionMatrix swaps precision and recall.
#[test]
fn linfa_swap_case() {
    // pred = [1,1,1,0], truth = [1,0,0,0]: class 1 has tp = 1, fp = 2, fn = 0,
    // so precision = 1/3 and recall = 1 (by hand; also
    // precision_recall_fscore_support(t, pr, labels=["0","1"], zero_division=0)
    // = precision [1.0, 0.333], recall [0.333, 1.0], f1 [0.5, 0.5], support [3, 1]).
    let r = evaluate(&EvalInput::new(["1", "0", "0", "0"], ["1", "1", "1", "0"])).unwrap();
    let one = &r.per_class["1"];
    assert_close("precision of 1", one.precision, 1.0 / 3.0);
    assert_close("recall of 1", one.recall, 1.0);
    assert_close("f1 of 1", one.f1, 0.5);
    assert_eq!(one.support, 1);
    let zero = &r.per_class["0"];
    assert_close("precision of 0", zero.precision, 1.0);
    assert_close("recall of 0", zero.recall, 1.0 / 3.0);
    assert_eq!(zero.support, 3);
    // cohen_kappa_score(t, pr), matthews_corrcoef(t, pr), balanced_accuracy_score(t, pr)
    assert_close("kappa", r.kappa, 0.19999999999999996);
    assert_close("mcc", r.mcc, 0.3333333333333333);
    assert_close("balanced accuracy", r.balanced_accuracy, 0.6666666666666666);
    assert!(r.warnings.is_empty());
    assert_eq!(r.f_avg, None, "no neutral class");
}

#[test]
fn binary_probability_scores() {
    // t = ["1","0","0","0"], P = [[0.2,0.8],[0.4,0.6],[0.3,0.7],[0.9,0.1]] (columns "0","1")
    // log_loss(t, P, labels=["0","1"]) = 0.6121919007930318
    // brier_score_loss(t, P, labels=["0","1"], scale_by_half=False) = 0.45
    // (scikit-learn's default halves it for two classes: 0.225; this crate does not)
    let input = EvalInput::new(["1", "0", "0", "0"], ["1", "1", "1", "0"]).with_probabilities(
        ["0", "1"],
        vec![vec![0.2, 0.8], vec![0.4, 0.6], vec![0.3, 0.7], vec![0.9, 0.1]],
    );
    let r = evaluate(&input).unwrap();
    assert_close("log-loss", r.log_loss.unwrap(), 0.6121919007930318);
    assert_close("brier", r.brier.unwrap(), 0.44999999999999996);
}

#[test]
fn single_class_kappa_and_mcc_are_zero_with_warnings() {
    // cohen_kappa_score(["a"]*3, ["a"]*3) is nan (undefined) and
    // matthews_corrcoef(["a"]*3, ["a"]*3) is 0.0; both are 0 here, with warnings.
    let r = evaluate(&EvalInput::new(["a", "a", "a"], ["a", "a", "a"])).unwrap();
    assert_eq!(r.accuracy, 1.0);
    assert_eq!(r.kappa, 0.0);
    assert_eq!(r.mcc, 0.0);
    assert_eq!(r.balanced_accuracy, 1.0);
    assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    assert!(r.warnings[0].starts_with("Cohen's kappa is undefined"));
    assert!(r.warnings[1].starts_with("Matthews correlation is undefined"));
}

#[test]
fn model_label_without_documents_keeps_its_row_but_not_its_weight_in_macro_average() {
    // t = ["neg","pos","pos","neg","pos"], pr = ["neg","pos","neg","neg","pos"],
    // L = ["neg","neutral","pos"]
    let input = EvalInput::new(["neg", "pos", "pos", "neg", "pos"], ["neg", "pos", "neg", "neg", "pos"])
        .with_labels(["neg", "neutral", "pos"]);
    let r = evaluate(&input).unwrap();
    // precision_recall_fscore_support(t, pr, labels=L, zero_division=0)
    let neutral = &r.per_class["neutral"];
    assert_eq!(
        (neutral.precision, neutral.recall, neutral.f1, neutral.support),
        (0.0, 0.0, 0.0, 0)
    );
    assert_close("neg precision", r.per_class["neg"].precision, 0.6666666666666666);
    assert_close("pos recall", r.per_class["pos"].recall, 0.6666666666666666);
    // precision_recall_fscore_support(t, pr, average="macro", zero_division=0): scikit-learn's
    // macro average over the labels present in t or pr ("neutral" is not; with labels=L it would
    // count, and the macro-F1 would be 0.5333).
    assert_close("macro precision", r.macro_avg.precision, 0.8333333333333333);
    assert_close("macro recall", r.macro_avg.recall, 0.8333333333333333);
    assert_close("macro f1", r.macro_avg.f1, 0.8);
    // precision_recall_fscore_support(t, pr, labels=L, average="weighted", zero_division=0)
    assert_close("weighted precision", r.weighted_avg.precision, 0.8666666666666666);
    assert_close("weighted recall", r.weighted_avg.recall, 0.8);
    assert_close("weighted f1", r.weighted_avg.f1, 0.8);
    // cohen_kappa_score(t, pr, labels=L), matthews_corrcoef(t, pr),
    // balanced_accuracy_score(t, pr) (leaves out "neutral", which has no true document)
    assert_close("kappa", r.kappa, 0.6153846153846154);
    assert_close("mcc", r.mcc, 0.6666666666666666);
    assert_close("balanced accuracy", r.balanced_accuracy, 0.8333333333333333);
    // "neutral" is never predicted and never true: one warning says it is left out.
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        r.warnings[0].contains("left out of the macro averages"),
        "{:?}",
        r.warnings
    );
    // By hand: F_avg leaves out "neutral": (0.8 + 0.8) / 2.
    assert_eq!(r.neutral_label.as_deref(), Some("neutral"));
    assert_close("f_avg", r.f_avg.unwrap(), 0.8);
    assert_eq!(r.confusion_matrix.matrix()[1], [0, 0, 0]);
}

#[test]
fn multiclass_mcc_and_kappa() {
    // t = ["a","b","c","a","b","c","a","a","c","b"], pr = ["a","c","c","b","b","a","a","a","c","c"]
    // matthews_corrcoef(t, pr) = 0.40004734568283135, cohen_kappa_score(t, pr) = 0.3939393939393939,
    // balanced_accuracy_score(t, pr) = 0.5833333333333334, accuracy_score(t, pr) = 0.6;
    // binomtest(6, 10).proportion_ci(method="wilson") = (0.3126737697336583, 0.8318196702937639)
    let r = evaluate(&EvalInput::new(
        ["a", "b", "c", "a", "b", "c", "a", "a", "c", "b"],
        ["a", "c", "c", "b", "b", "a", "a", "a", "c", "c"],
    ))
    .unwrap();
    assert_close("mcc", r.mcc, 0.40004734568283135);
    assert_close("kappa", r.kappa, 0.3939393939393939);
    assert_close("balanced accuracy", r.balanced_accuracy, 0.5833333333333334);
    assert_close("accuracy", r.accuracy, 0.6);
    assert_close("ci low", r.accuracy_ci95[0], 0.3126737697336583);
    assert_close("ci high", r.accuracy_ci95[1], 0.8318196702937639);
    assert_eq!(r.log_loss, None);
    assert_eq!(r.brier, None);
}

#[test]
fn neutral_class_can_be_named_or_disabled() {
    let input = || EvalInput::new(["x", "y", "z", "z"], ["x", "y", "y", "z"]);
    // Per-class F1 by hand: x = 1, y = 2·1/(2·1 + 1) = 2/3, z = 2·1/(2·1 + 1) = 2/3.
    let r = evaluate(&input().with_neutral(NeutralClass::Named("z".into()))).unwrap();
    assert_eq!(r.neutral_label.as_deref(), Some("z"));
    assert_close("f_avg", r.f_avg.unwrap(), (1.0 + 2.0 / 3.0) / 2.0);
    let r = evaluate(&input()).unwrap();
    assert_eq!((r.neutral_label, r.f_avg), (None, None));
    let r =
        evaluate(&EvalInput::new(["NONE", "FAVOR"], ["NONE", "FAVOR"]).with_neutral(NeutralClass::Disabled)).unwrap();
    assert_eq!(r.f_avg, None);
}

#[test]
fn baseline_ties_go_to_the_first_sorted_label() {
    // By hand: "b" and "c" both occur twice; "b" sorts first.
    let r = evaluate(&EvalInput::new(["c", "b", "a", "c", "b"], ["a", "a", "a", "a", "a"])).unwrap();
    assert_eq!(r.baseline_label, "b");
    assert_close("baseline", r.baseline_accuracy, 0.4);
}
