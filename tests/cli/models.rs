//! Models as files: inspect, merge, update, and training from a directory — each checked against
//! training on the same documents in one go.

use serde_json::Value;

use super::common::{stderr_of_failure, stdout, Sandbox, LABELS, TEST_TSV, TRAIN_TSV};

/// The header and the rows `rows` (0-based, of TRAIN_TSV's data rows) as a TSV file.
fn shard(rows: impl Iterator<Item = usize>) -> String {
    let lines: Vec<&str> = TRAIN_TSV.lines().collect();
    let mut text = format!("{}\n", lines[0]);
    for row in rows {
        text.push_str(lines[1 + row]);
        text.push('\n');
    }
    text
}

/// Writes two shards (even and odd rows, so that both hold every label) and trains a full model
/// on each and one on all of TRAIN_TSV, with `flags`.
fn shards(sandbox: &Sandbox, flags: &[&str]) {
    sandbox.write("even.tsv", shard((0..18).step_by(2)));
    sandbox.write("odd.tsv", shard((1..18).step_by(2)));
    sandbox.write("train.tsv", TRAIN_TSV);
    sandbox.write("test.tsv", TEST_TSV);
    for name in ["even", "odd", "train"] {
        sandbox
            .stance()
            .args([
                "train",
                &format!("{name}.tsv"),
                "-o",
                &format!("{name}.model"),
                "--quiet",
            ])
            .args(flags)
            .assert()
            .success();
    }
}

/// `predict --format tsv` of the test set plus the training data: every probability, exactly.
fn predictions(sandbox: &Sandbox, model: &str) -> String {
    stdout(
        sandbox
            .stance()
            .args(["predict", "-m", model, "test.tsv", "train.tsv", "--format", "tsv"]),
    )
}

/// `inspect --format json` without the field naming the file.
fn inspect(sandbox: &Sandbox, model: &str) -> Value {
    let json = stdout(sandbox.stance().args(["inspect", model, "--format", "json"]));
    let mut value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["model"], model);
    value.as_object_mut().unwrap().remove("model");
    value
}

#[test]
fn inspect_shows_labels_settings_and_informative_terms() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let text = stdout(sandbox.stance().args(["inspect", model, "--top", "3"]));
    assert!(text.starts_with("model.model (full form)\n"), "{text}");
    for part in [
        "labels       military, negotiation, neutral",
        "documents    18 (military 6, negotiation 6, neutral 6)",
        "fingerprint  ",
        "vocabulary   ",
        "ngrams 1..2, stem english",
        "naive Bayes  multinomial, alpha 1, priors learned",
        "train flags  none (the defaults)",
        "most informative terms, 3 per label",
    ] {
        assert!(text.contains(part), "{part} in\n{text}");
    }
    let military = text.lines().position(|l| l == "  military").unwrap();
    let terms: Vec<&str> = text.lines().skip(military + 1).take(3).collect();
    for term in &terms {
        assert!(term.contains("x vs "), "term, ratio and the other class: {term}");
    }

    let json = inspect(&sandbox, model);
    assert_eq!(json["form"], "full");
    assert_eq!(json["labels"], serde_json::json!(LABELS));
    assert_eq!(json["documents"], 18);
    assert_eq!(json["features"]["ngrams"], "1..2");
    assert_eq!(json["naive_bayes"]["alpha"], 1.0);
    let terms = json["most_informative_terms"].as_object().unwrap();
    assert_eq!(terms.keys().collect::<Vec<_>>(), LABELS);
    for list in terms.values() {
        let list = list.as_array().unwrap();
        assert_eq!(list.len(), 20, "20 by default");
        let ratios: Vec<f64> = list.iter().map(|t| t["ratio"].as_f64().unwrap()).collect();
        assert!(ratios.windows(2).all(|w| w[0] >= w[1]), "{ratios:?}");
        assert!(list[0]["term"].is_string() && list[0]["versus"].is_string());
    }

    sandbox
        .stance()
        .args([
            "train",
            "train.tsv",
            "-o",
            "small.model",
            "--quiet",
            "--compact",
            "--ngrams",
            "1..1",
            "--alpha",
            "0.5",
            "--variant",
            "complement",
        ])
        .assert()
        .success();
    let small = inspect(&sandbox, "small.model");
    assert_eq!(small["form"], "compact");
    assert_eq!(
        small["train_flags"],
        serde_json::json!(["--ngrams", "1..1", "--alpha", "0.5", "--variant", "complement"])
    );
}

#[test]
fn inspect_shows_both_built_in_models_by_default() {
    let sandbox = Sandbox::new();
    let text = stdout(sandbox.stance().args(["inspect", "--top", "2"]));
    assert!(text.starts_with("built-in stance model (compact form)\n"), "{text}");
    assert!(text.contains("\nbuilt-in sentiment model (compact form)\n"), "{text}");
    let json = stdout(sandbox.stance().args(["inspect", "--format", "json", "--top", "1"]));
    let json: Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 2);
    assert_eq!(json["stance"]["model"], "built-in stance model");
    assert_eq!(
        json["sentiment"]["labels"],
        serde_json::json!(["negative", "neutral", "positive"])
    );
    let one = stdout(
        sandbox
            .stance()
            .args(["inspect", "--task", "sentiment", "--format", "json", "--top", "1"]),
    );
    let one: Value = serde_json::from_str(&one).unwrap();
    assert_eq!(one, json["sentiment"]);
    sandbox
        .stance()
        .args(["inspect", "m.model", "--task", "stance"])
        .assert()
        .code(2);
}

#[test]
fn merging_shards_equals_training_on_their_union() {
    let sandbox = Sandbox::new();
    shards(&sandbox, &[]);
    sandbox
        .stance()
        .args(["merge", "even.model", "odd.model", "-o", "merged.model"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        predictions(&sandbox, "merged.model"),
        predictions(&sandbox, "train.model")
    );
    assert_eq!(inspect(&sandbox, "merged.model"), inspect(&sandbox, "train.model"));

    // Other settings too, and the order of the shards does not matter.
    let flags = ["--ngrams", "1..3", "--weighting", "binary", "--alpha", "0.5"];
    shards(&sandbox, &flags);
    sandbox
        .stance()
        .args(["merge", "odd.model", "even.model", "-o", "merged.model", "--quiet"])
        .assert()
        .success()
        .stderr("");
    assert_eq!(
        predictions(&sandbox, "merged.model"),
        predictions(&sandbox, "train.model")
    );
    assert_eq!(inspect(&sandbox, "merged.model"), inspect(&sandbox, "train.model"));
}

#[test]
fn updating_a_model_equals_training_on_old_and_new_data() {
    let sandbox = Sandbox::new();
    shards(&sandbox, &["--stopwords", "english"]);
    let summary = sandbox
        .stance()
        .args(["update", "-m", "even.model", "odd.tsv", "-o", "updated.model"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let summary = String::from_utf8(summary).unwrap();
    assert!(summary.contains("with 9 documents"), "{summary}");
    assert!(summary.contains("18 documents"), "{summary}");
    assert_eq!(
        predictions(&sandbox, "updated.model"),
        predictions(&sandbox, "train.model")
    );
    assert_eq!(inspect(&sandbox, "updated.model"), inspect(&sandbox, "train.model"));

    // In place: -o names the -m file.
    sandbox
        .stance()
        .args(["update", "-m", "odd.model", "even.tsv", "-o", "odd.model", "--quiet"])
        .assert()
        .success();
    assert_eq!(predictions(&sandbox, "odd.model"), predictions(&sandbox, "train.model"));
}

#[test]
fn a_lead_is_a_setting_of_the_model() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let train = |model: &str, lead: &str| {
        sandbox
            .stance()
            .args(["train", "train.tsv", "-o", model, "--quiet", "--lead-words", lead])
            .assert()
            .success();
    };
    train("lead.model", "3");
    train("plain.model", "0");
    let json = inspect(&sandbox, "lead.model");
    assert_eq!(json["features"]["lead_words"], 3);
    assert_eq!(json["train_flags"], serde_json::json!(["--lead-words", "3"]));
    assert_eq!(inspect(&sandbox, "plain.model")["train_flags"], serde_json::json!([]));
    let text = stdout(sandbox.stance().args(["inspect", "lead.model"]));
    assert!(text.contains("lead words 3"), "{text}");
    let explained = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "lead.model", "test.tsv", "--explain", "50"]),
    );
    assert!(explained.contains("LEAD_"), "lead terms are evidence:\n{explained}");
    assert_ne!(
        predictions(&sandbox, "lead.model"),
        predictions(&sandbox, "plain.model")
    );
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["merge", "lead.model", "plain.model", "-o", "out.model"]),
        1,
    );
    assert!(error.contains("--lead-words 3"), "{error}");
    for bad in ["1001", "-1", "three"] {
        let error = stderr_of_failure(
            sandbox
                .stance()
                .args(["train", "train.tsv", "-o", "bad.model", &format!("--lead-words={bad}")]),
            2,
        );
        assert!(error.contains("--lead-words"), "{error}");
        assert!(error.contains("from 0 to 1000"), "{error}");
    }
}

#[test]
fn merge_and_update_refuse_compact_models_and_other_settings() {
    let sandbox = Sandbox::new();
    shards(&sandbox, &[]);
    sandbox
        .stance()
        .args(["train", "odd.tsv", "-o", "compact.model", "--compact", "--quiet"])
        .assert()
        .success();
    sandbox
        .stance()
        .args(["train", "odd.tsv", "-o", "other.model", "--quiet", "--alpha", "0.5"])
        .assert()
        .success();

    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["merge", "even.model", "compact.model", "-o", "out.model"]),
        1,
    );
    assert!(
        error.starts_with("stance: error: compact.model: this model is compact"),
        "{error}"
    );
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["merge", "even.model", "other.model", "-o", "out.model"]),
        1,
    );
    assert!(
        error.contains(
            "cannot merge other.model into even.model: it was trained with --alpha 0.5, the other with the defaults"
        ),
        "{error}"
    );
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["update", "-m", "compact.model", "even.tsv", "-o", "out.model"]),
        1,
    );
    assert!(error.contains("update needs a full model"), "{error}");
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["merge", "even.model", "missing.model", "-o", "out.model"]),
        1,
    );
    assert!(error.contains("missing.model"), "{error}");
    assert!(
        !sandbox.path("out.model").exists(),
        "a failed merge or update writes nothing"
    );
    for args in [
        &["merge", "even.model"][..],
        &["merge", "-o", "out.model"],
        &["update", "even.tsv", "-o", "out.model"],
        &["update", "-m", "even.model", "-o", "out.model"],
    ] {
        sandbox.stance().args(args).assert().code(2);
    }
}

#[test]
fn training_on_a_directory_equals_training_on_the_same_table() {
    let sandbox = Sandbox::new();
    shards(&sandbox, &[]);
    for (i, line) in TRAIN_TSV.lines().skip(1).enumerate() {
        let (label, text) = line.split_once('\t').unwrap();
        sandbox.write(&format!("corpus/{label}/{i:02}.txt"), text);
    }
    sandbox.write("corpus/README.txt", "files beside the label directories are not read");
    sandbox
        .stance()
        .args(["train", "corpus", "-o", "dir.model", "--quiet"])
        .assert()
        .success();
    assert_eq!(predictions(&sandbox, "dir.model"), predictions(&sandbox, "train.model"));
    assert_eq!(inspect(&sandbox, "dir.model"), inspect(&sandbox, "train.model"));

    // And predicting a directory: every .txt file below it, the path as id.
    let output = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "dir.model", "corpus/military", "--format", "tsv"]),
    );
    let ids: Vec<&str> = output.lines().skip(1).map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(ids.len(), 6);
    assert_eq!(ids[0], "corpus/military/00.txt");
    assert!(
        output.lines().skip(1).all(|l| l.split('\t').nth(1) == Some("military")),
        "{output}"
    );
}
