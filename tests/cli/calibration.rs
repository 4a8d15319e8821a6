//! `stance calibrate`, calibrated model files, and `cv --calibrate`.

use super::common::{json_lines, stderr_of_failure, stderr_of_success, stdout, Sandbox, TRAIN_TSV};

/// The fixture's training rows, four times over with a distinct suffix each, so that five folds
/// hold every label; the last copy is mislabeled (labels rotated), so that the model is sure and
/// wrong a quarter of the time: overconfident, as naive Bayes is on real data.
fn more_rows() -> String {
    let mut rows = String::from("label\ttext\n");
    for copy in 0..4 {
        for line in TRAIN_TSV.lines().skip(1) {
            let (label, text) = line.split_once('\t').unwrap();
            let label = match (copy, label) {
                (3, "military") => "negotiation",
                (3, "negotiation") => "neutral",
                (3, _) if label == "neutral" => "military",
                _ => label,
            };
            rows.push_str(&format!("{label}\t{text} Copy {copy}.\n"));
        }
    }
    rows
}

/// Writes `more.tsv`, trains `raw.model` on it and calibrates it (vector) into `cal.model`.
fn calibrated(sandbox: &Sandbox) {
    sandbox.write("more.tsv", more_rows());
    sandbox
        .stance()
        .args(["train", "more.tsv", "-o", "raw.model", "-q"])
        .assert()
        .success();
    sandbox
        .stance()
        .args(["calibrate", "-m", "raw.model", "more.tsv", "-o", "cal.model", "-q"])
        .assert()
        .success();
}

fn top_probabilities(sandbox: &Sandbox, model: &str) -> Vec<f64> {
    let output = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", model, "test.tsv", "--format", "json"]),
    );
    json_lines(&output)
        .iter()
        .map(|p| p["probability"].as_f64().unwrap())
        .collect()
}

#[test]
fn a_calibrated_model_softens_its_probabilities_and_says_so() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write("more.tsv", more_rows());
    sandbox
        .stance()
        .args(["train", "more.tsv", "-o", "raw.model", "-q"])
        .assert()
        .success();
    let error = stdout(sandbox.stance().args([
        "calibrate",
        "-m",
        "raw.model",
        "more.tsv",
        "--method",
        "temperature",
        "-o",
        "cal.model",
    ]));
    assert!(error.is_empty());
    let raw = std::fs::read(sandbox.path("raw.model")).unwrap();
    let calibrated = std::fs::read(sandbox.path("cal.model")).unwrap();
    assert_eq!(raw[8..12], 1u32.to_le_bytes(), "an uncalibrated model stays format 1");
    assert_eq!(calibrated[8..12], 2u32.to_le_bytes(), "a calibrated model is format 2");

    let before = top_probabilities(&sandbox, "raw.model");
    let after = top_probabilities(&sandbox, "cal.model");
    assert!(
        before.iter().zip(&after).all(|(b, a)| a <= b),
        "a temperature > 1 only softens: {before:?} -> {after:?}"
    );
    assert!(after.iter().any(|a| *a < 0.99), "{after:?}");

    let inspect = stdout(sandbox.stance().args(["inspect", "cal.model", "--top", "0"]));
    assert!(inspect.contains("calibration  temperature "), "{inspect}");
    let json: serde_json::Value = serde_json::from_str(&stdout(sandbox.stance().args([
        "inspect",
        "cal.model",
        "--format",
        "json",
    ])))
    .unwrap();
    assert!(
        json["calibration"]["Temperature"]["temperature"].as_f64().unwrap() > 1.0,
        "{json}"
    );
    let raw_json: serde_json::Value = serde_json::from_str(&stdout(sandbox.stance().args([
        "inspect",
        "raw.model",
        "--format",
        "json",
    ])))
    .unwrap();
    assert!(raw_json["calibration"].is_null());
}

#[test]
fn update_and_merge_drop_a_calibration_with_a_warning() {
    let sandbox = Sandbox::new();
    calibrated(&sandbox);
    sandbox.write("extra.tsv", "label\ttext\nneutral\tThe bakery opened early.\n");
    let warning =
        stderr_of_success(
            sandbox
                .stance()
                .args(["update", "-m", "cal.model", "extra.tsv", "-o", "updated.model"]),
        );
    assert!(warning.contains("the calibration of cal.model is dropped"), "{warning}");
    let inspect = stdout(sandbox.stance().args(["inspect", "updated.model", "--top", "0"]));
    assert!(inspect.contains("calibration  none"), "{inspect}");

    let merged = sandbox
        .stance()
        .args(["merge", "cal.model", "raw.model", "-o", "merged.model"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(merged)
        .unwrap()
        .contains("the calibration of cal.model is dropped"));
}

#[test]
fn calibrating_on_labels_the_model_lacks_is_an_error() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write(
        "other.tsv",
        "label\ttext\nwar\tTroops advanced.\npeace\tTalks resumed.\n",
    );
    let error = stderr_of_failure(
        sandbox.stance().args([
            "calibrate",
            "-m",
            "model.model",
            "other.tsv",
            "--folds",
            "2",
            "-o",
            "x.model",
        ]),
        1,
    );
    assert!(
        error.contains("label `peace` of the data is not a label of model.model"),
        "{error}"
    );
    assert!(!sandbox.path("x.model").exists());
}

#[test]
fn cv_calibrates_inside_each_fold_and_reports_before_and_after() {
    let sandbox = Sandbox::new();
    sandbox.write("more.tsv", more_rows());
    let json: serde_json::Value = serde_json::from_str(&stdout(sandbox.stance().args([
        "cv",
        "more.tsv",
        "--calibrate",
        "vector",
        "--format",
        "json",
        "-q",
    ])))
    .unwrap();
    let after = json["pooled"]["log_loss"].as_f64().unwrap();
    let before = json["uncalibrated"]["pooled"]["log_loss"].as_f64().unwrap();
    assert!(after.is_finite() && before.is_finite(), "{json}");
    assert!(json["pooled"]["ece"].is_number());
    let text = stdout(
        sandbox
            .stance()
            .args(["cv", "more.tsv", "--calibrate", "temperature", "-q"]),
    );
    assert!(text.contains("before calibration (pooled):"), "{text}");
    let html = stdout(
        sandbox
            .stance()
            .args(["cv", "more.tsv", "--calibrate", "vector", "--format", "html", "-q"]),
    );
    assert!(html.contains("Before calibration: reliability diagram") && html.contains("After calibration"));
}

#[test]
fn eval_of_a_calibrated_model_shows_both_calibrations() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    calibrated(&sandbox);
    let text = stdout(sandbox.stance().args(["eval", "-m", "cal.model", "test.tsv"]));
    assert!(text.contains("calibration (vector: "), "{text}");
    assert!(text.contains("\nbefore ") && text.contains("\nafter "), "{text}");
    assert!(text.contains("before calibration"), "the reliability of both: {text}");
    let json: serde_json::Value = serde_json::from_str(&stdout(sandbox.stance().args([
        "eval",
        "-m",
        "cal.model",
        "test.tsv",
        "--format",
        "json",
    ])))
    .unwrap();
    assert!(json["uncalibrated"]["ece"].is_number(), "{json}");
    assert_eq!(
        json["uncalibrated"]["reliability"]["bins"].as_array().unwrap().len(),
        10
    );
    let raw = stdout(sandbox.stance().args(["eval", "-m", "raw.model", "test.tsv"]));
    assert!(
        !raw.contains("calibration (") && raw.contains("reliability (10 bins"),
        "{raw}"
    );
}
