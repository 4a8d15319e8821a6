//! train -> predict -> eval on the small fixture.

use super::common::{json_lines, stdout, tsv, Sandbox, LABELS};

#[test]
fn train_predict_eval_round_trip() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", super::common::TRAIN_TSV);
    sandbox.write("test.tsv", super::common::TEST_TSV);

    let output = sandbox
        .stance()
        .args(["train", "train.tsv", "-o", "model.model"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(output.stdout.is_empty(), "train prints its summary on stderr only");
    let summary = String::from_utf8(output.stderr).unwrap();
    assert_eq!(summary.lines().count(), 1, "{summary}");
    for part in [
        "model.model",
        "18 documents",
        "military 6",
        "negotiation 6",
        "neutral 6",
        "terms",
    ] {
        assert!(summary.contains(part), "{part} in {summary}");
    }
    assert!(sandbox.path("model.model").is_file());

    let predictions = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "model.model", "test.tsv", "--format", "tsv"]),
    );
    let (header, rows) = tsv(&predictions);
    assert_eq!(header[..3], ["id", "label", "probability"]);
    let labels: Vec<(&str, &str)> = rows.iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    assert_eq!(labels, [("t1", "military"), ("t2", "negotiation"), ("t3", "neutral")]);

    let report = stdout(sandbox.stance().args(["eval", "-m", "model.model", "test.tsv"]));
    assert!(report.contains("accuracy"), "{report}");
    for label in LABELS {
        assert!(report.contains(label), "{label} in {report}");
    }
    let json = stdout(
        sandbox
            .stance()
            .args(["eval", "-m", "model.model", "test.tsv", "--format", "json"]),
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["n_documents"], 3);
    assert_eq!(report["accuracy"], 1.0);
    assert_eq!(report["confusion_matrix"]["labels"], serde_json::json!(LABELS));
    assert!(report["log_loss"].is_number(), "probabilities reach the report");
    let markdown = stdout(
        sandbox
            .stance()
            .args(["eval", "-m", "model.model", "test.tsv", "--format", "markdown"]),
    );
    assert!(markdown.contains('|'), "{markdown}");
}

#[test]
fn compact_models_predict_the_same_and_quiet_is_silent() {
    let sandbox = Sandbox::new();
    let full = sandbox.trained();
    sandbox
        .stance()
        .args(["train", "train.tsv", "-o", "compact.model", "--compact", "--quiet"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert!(
        std::fs::metadata(sandbox.path("compact.model")).unwrap().len()
            < std::fs::metadata(sandbox.path(full)).unwrap().len()
    );
    let predict = |model: &str| {
        stdout(
            sandbox
                .stance()
                .args(["predict", "-m", model, "test.tsv", "--format", "json"]),
        )
    };
    assert_eq!(predict(full), predict("compact.model"));
}

#[test]
fn featurizer_and_estimator_flags_train() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write("stop.txt", "# my list\nthe\nand\n");
    for flags in [
        &[
            "--ngrams",
            "1..1",
            "--stem",
            "none",
            "--stopwords",
            "english",
            "--no-negation",
        ][..],
        &[
            "--ngrams",
            "1..3",
            "--numbers",
            "drop",
            "--fold-accents",
            "--min-df",
            "1",
            "--max-df",
            "0.9",
        ],
        &[
            "--max-features",
            "50",
            "--weighting",
            "tfidf",
            "--stopwords",
            "stop.txt",
        ],
        &[
            "--weighting",
            "log",
            "--l2",
            "--variant",
            "complement",
            "--complement-norm",
        ],
        &[
            "--weighting",
            "binary",
            "--variant",
            "bernoulli",
            "--priors",
            "uniform",
            "--alpha",
            "0.5",
        ],
        &[
            "--priors",
            "military=0.2,negotiation=0.3,neutral=0.5",
            "--stem",
            "german",
        ],
    ] {
        sandbox
            .stance()
            .args(["train", "train.tsv", "-o", "flags.model", "--quiet"])
            .args(flags)
            .assert()
            .success();
        let predictions = json_lines(&stdout(sandbox.stance().args([
            "predict",
            "-m",
            "flags.model",
            "test.tsv",
            "--format",
            "json",
        ])));
        assert_eq!(predictions.len(), 3, "{flags:?}");
    }
}

#[test]
fn threads_do_not_change_results() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let run = |threads: &str| {
        stdout(
            sandbox
                .stance()
                .args(["-j", threads, "predict", "-m", model, "test.tsv", "--format", "tsv"]),
        )
    };
    assert_eq!(run("1"), run("3"));
}
