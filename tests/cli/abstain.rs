//! Abstaining when unsure: `predict --min-confidence`, the reserved label `uncertain`, documents
//! the model barely knows, and `eval --min-confidence` / `--predictions`.

use super::common::{json_lines, stderr_of_failure, stdout, Sandbox, TEST_TSV};

#[test]
fn predictions_below_the_threshold_are_uncertain_in_every_format() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let json = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", model, "test.tsv", "--format", "json"]),
    );
    let probabilities: Vec<f64> = json_lines(&json)
        .iter()
        .map(|p| p["probability"].as_f64().unwrap())
        .collect();
    // A threshold between the lowest and the highest probability splits the documents.
    let lowest = probabilities.iter().copied().fold(1.0, f64::min);
    let threshold = format!("{}", (lowest + 1.0) / 2.0);
    let kept = probabilities.iter().filter(|p| **p >= (lowest + 1.0) / 2.0).count();
    assert!(kept < probabilities.len(), "{probabilities:?}");

    let json = stdout(sandbox.stance().args([
        "predict",
        "-m",
        model,
        "test.tsv",
        "--format",
        "json",
        "--min-confidence",
        &threshold,
    ]));
    let lines = json_lines(&json);
    let uncertain: Vec<&serde_json::Value> = lines.iter().filter(|p| p["label"] == "uncertain").collect();
    assert_eq!(uncertain.len(), probabilities.len() - kept);
    for p in &uncertain {
        assert_eq!(
            p["probabilities"].as_object().unwrap().len(),
            3,
            "probabilities still shown: {p}"
        );
    }
    let text = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", model, "test.tsv", "--min-confidence", &threshold]),
    );
    assert_eq!(
        text.matches("\tuncertain (").count(),
        probabilities.len() - kept,
        "{text}"
    );
    let tsv = stdout(sandbox.stance().args([
        "predict",
        "-m",
        model,
        "test.tsv",
        "--format",
        "tsv",
        "--min-confidence",
        &threshold,
    ]));
    assert_eq!(
        tsv.matches("\tuncertain\t").count(),
        probabilities.len() - kept,
        "{tsv}"
    );
    // Both built-in models at once.
    let both = stdout(
        sandbox
            .stance()
            .args(["predict", "test.tsv", "--format", "json", "--min-confidence", "1"]),
    );
    for line in json_lines(&both) {
        assert_eq!(line["stance"]["label"], "uncertain");
        assert_eq!(line["sentiment"]["label"], "uncertain");
    }
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["predict", "-m", model, "--min-confidence", "1.5", "test.tsv"]),
        2,
    );
    assert!(error.contains("not a probability between 0 and 1"), "{error}");
}

#[test]
fn a_document_in_another_language_is_flagged_and_uncertain() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write(
        "otra.txt",
        "El gobierno anunció que las fuerzas armadas lanzaron una ofensiva contra los grupos rebeldes del norte.",
    );
    let output = sandbox
        .stance()
        .args(["predict", "-m", model, "otra.txt", "test.tsv", "--min-confidence", "0"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stdout.starts_with("otra.txt\tuncertain ("), "{stdout}");
    assert_eq!(
        stdout.matches("uncertain").count(),
        1,
        "the English documents stand: {stdout}"
    );
    assert!(
        stderr.contains("1 document is barely known to the model") && stderr.contains("(first: otra.txt)"),
        "{stderr}"
    );
    let json = self::stdout(
        sandbox
            .stance()
            .args(["predict", "-m", model, "otra.txt", "--format", "json", "-q"]),
    );
    assert!(json_lines(&json)[0]["known_share"].as_f64().unwrap() < 0.3, "{json}");
}

#[test]
fn uncertain_is_a_reserved_label() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bad.tsv",
        "label\ttext\nmilitary\tTroops advanced.\nuncertain\tNobody knows.\n",
    );
    let error = stderr_of_failure(sandbox.stance().args(["train", "bad.tsv", "-o", "m.model"]), 1);
    assert!(
        error.contains("bad.tsv:3: the label `uncertain` is reserved"),
        "{error}"
    );
    assert!(!sandbox.path("m.model").exists());
}

#[test]
fn eval_scores_the_covered_documents_and_writes_every_prediction() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let json: serde_json::Value = serde_json::from_str(&stdout(sandbox.stance().args([
        "eval",
        "-m",
        model,
        "test.tsv",
        "--format",
        "json",
        "--min-confidence",
        "0",
        "--predictions",
        "p.tsv",
    ])))
    .unwrap();
    assert_eq!(json["coverage"]["covered"], 3);
    assert_eq!(json["coverage"]["share"], 1.0);
    // Three documents: the tenths round to 1, 2 and 3 kept, each once (it listed ten points).
    let kept: Vec<f64> = json["coverage_curve"]
        .as_array()
        .unwrap()
        .iter()
        .map(|point| point["coverage"].as_f64().unwrap() * 3.0)
        .collect();
    assert_eq!(kept.len(), 3, "{kept:?}");
    let predictions = std::fs::read_to_string(sandbox.path("p.tsv")).unwrap();
    let mut lines = predictions.lines();
    assert_eq!(
        lines.next(),
        Some("id\ttruth\tlabel\tprobability\tcorrect\tknown_share\tp_military\tp_negotiation\tp_neutral")
    );
    let ids: Vec<&str> = lines.map(|line| line.split('\t').next().unwrap()).collect();
    assert_eq!(ids, ["t1", "t2", "t3"]);
    assert_eq!(TEST_TSV.lines().count(), 4);

    let text = stdout(
        sandbox
            .stance()
            .args(["eval", "-m", model, "test.tsv", "--min-confidence", "0.5"]),
    );
    assert!(text.starts_with("coverage at --min-confidence 0.5: "), "{text}");
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["eval", "-m", model, "test.tsv", "--min-confidence", "1"]),
        1,
    );
    assert!(error.contains("no document reaches --min-confidence 1"), "{error}");
}
