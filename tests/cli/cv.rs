//! `stance cv`: stratified, grouped and fixed folds, every document validated once, the learning
//! curve, the report formats, determinism.

use serde_json::Value;

use super::common::{stderr_of_failure, stdout, Sandbox, LABELS, TRAIN_TSV};

/// The training fixture with a `conflict` column (six conflicts, each with one passage of each
/// label) and a `fold` column (three folds).
fn with_columns() -> String {
    let mut rows = vec!["label\tconflict\tfold\ttext".to_string()];
    for (i, line) in TRAIN_TSV.lines().skip(1).enumerate() {
        let (label, text) = line.split_once('\t').unwrap();
        rows.push(format!("{label}\tc{}\tf{}\t{text}", i % 6, i % 3));
    }
    rows.join("\n") + "\n"
}

/// `stance cv ARGS --format json`, parsed.
fn cv_json(sandbox: &Sandbox, args: &[&str]) -> Value {
    let json = stdout(sandbox.stance().arg("cv").args(args).args(["--format", "json"]));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// The number of documents each fold validated on.
fn fold_sizes(report: &Value) -> Vec<u64> {
    report["folds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|fold| fold["n_documents"].as_u64().unwrap())
        .collect()
}

/// Every document is validated exactly once: the folds' supports add up to the data, per label.
fn assert_every_document_once(report: &Value, n: u64) {
    assert_eq!(fold_sizes(report).iter().sum::<u64>(), n, "{report}");
    assert_eq!(report["pooled"]["n_documents"], n);
    for label in LABELS {
        let support: u64 = report["folds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|fold| fold["per_class"][label]["support"].as_u64().unwrap())
            .sum();
        assert_eq!(support, 6, "{label}");
    }
}

#[test]
fn stratified_folds_validate_every_document_once() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    let report = cv_json(&sandbox, &["train.tsv", "--folds", "3"]);
    assert_eq!(report["fold_names"], serde_json::json!(["1", "2", "3"]));
    assert_eq!(fold_sizes(&report), [6, 6, 6], "stratified: two of each label per fold");
    assert_every_document_once(&report, 18);
    for key in ["mean", "std"] {
        for metric in ["accuracy", "macro_f1", "kappa", "log_loss", "brier", "f_avg"] {
            assert!(report[key][metric].is_number(), "{key}.{metric}: {report}");
        }
        assert_eq!(report[key]["per_class_f1"].as_object().unwrap().len(), 3);
    }
    assert!(report.get("learning_curve").is_none());

    let default = cv_json(&sandbox, &["train.tsv"]);
    assert_eq!(default["folds"].as_array().unwrap().len(), 5, "5 folds by default");
    assert_every_document_once(&default, 18);
}

#[test]
fn grouped_folds_keep_groups_whole() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", with_columns());
    let report = cv_json(&sandbox, &["train.tsv", "--group-by", "conflict", "--folds", "3"]);
    assert_eq!(report["folds"].as_array().unwrap().len(), 3);
    assert_eq!(
        fold_sizes(&report),
        [6, 6, 6],
        "two whole conflicts of three passages each"
    );
    assert_every_document_once(&report, 18);

    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["cv", "train.tsv", "--group-by", "conflict", "--folds", "7"]),
        1,
    );
    assert!(error.contains("group"), "{error}");
    let error = stderr_of_failure(sandbox.stance().args(["cv", "train.tsv", "--group-by", "region"]), 1);
    assert!(error.contains("train.tsv:2: no column region"), "{error}");
}

#[test]
fn fixed_folds_from_a_column_or_a_file_are_the_same() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", with_columns());
    let mut folds = String::from("row\tfold\n");
    for row in 0..18 {
        folds.push_str(&format!("{row}\tf{}\n", row % 3));
    }
    sandbox.write("folds.tsv", &folds);
    let from_file = cv_json(&sandbox, &["train.tsv", "--folds-file", "folds.tsv"]);
    assert_eq!(from_file["fold_names"], serde_json::json!(["f0", "f1", "f2"]));
    assert_every_document_once(&from_file, 18);
    let from_column = cv_json(&sandbox, &["train.tsv", "--fold-column", "fold"]);
    assert_eq!(from_file, from_column);

    sandbox.write("short.tsv", "row\tfold\n0\t1\n1\t2\n");
    let error = stderr_of_failure(
        sandbox.stance().args(["cv", "train.tsv", "--folds-file", "short.tsv"]),
        1,
    );
    assert!(
        error.contains("short.tsv: 16 of the 18 rows of DATA have no fold"),
        "{error}"
    );
    sandbox.write("outside.tsv", folds.clone() + "18\t0\n");
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["cv", "train.tsv", "--folds-file", "outside.tsv"]),
        1,
    );
    assert!(error.contains("outside.tsv:20: row 18 is out of range"), "{error}");
    sandbox.write("twice.tsv", folds + "3\t0\n");
    let error = stderr_of_failure(
        sandbox.stance().args(["cv", "train.tsv", "--folds-file", "twice.tsv"]),
        1,
    );
    assert!(error.contains("row 3 is given a fold twice"), "{error}");
    for args in [
        &["--fold-column", "fold", "--folds", "3"][..],
        &["--group-by", "conflict", "--folds-file", "folds.tsv"],
        &["--fold-column", "fold", "--folds-file", "folds.tsv"],
        &["--folds", "1"],
    ] {
        sandbox.stance().args(["cv", "train.tsv"]).args(args).assert().code(2);
    }
}

#[test]
fn the_learning_curve_is_in_the_json() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    let report = cv_json(&sandbox, &["train.tsv", "--folds", "3", "--learning-curve"]);
    let curve = report["learning_curve"].as_array().unwrap();
    let fractions: Vec<f64> = curve.iter().map(|p| p["fraction"].as_f64().unwrap()).collect();
    assert_eq!(fractions, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);
    let sizes: Vec<u64> = curve
        .iter()
        .map(|p| p["training_documents"].as_u64().unwrap())
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
    assert_eq!(sizes[0], 3, "at least one document of each label");
    assert_eq!(sizes[9], 12, "the whole training part");
    let last = &curve[9];
    assert_eq!(last["macro_f1_mean"], report["mean"]["macro_f1"]);
    assert_eq!(last["accuracy_mean"], report["mean"]["accuracy"]);

    let text = stdout(
        sandbox
            .stance()
            .args(["cv", "train.tsv", "--folds", "3", "--learning-curve"]),
    );
    assert!(text.contains("learning curve"), "{text}");
}

#[test]
fn text_markdown_and_html_reports() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    let text = stdout(sandbox.stance().args(["cv", "train.tsv", "--folds", "3"]));
    assert!(text.starts_with("cross-validation: 3 folds, 18 documents"), "{text}");
    assert!(text.contains("mean ± std"), "{text}");
    let markdown = stdout(
        sandbox
            .stance()
            .args(["cv", "train.tsv", "--folds", "3", "--format", "markdown"]),
    );
    assert!(markdown.contains("| "), "{markdown}");

    sandbox
        .stance()
        .args([
            "cv",
            "train.tsv",
            "--folds",
            "3",
            "--learning-curve",
            "--format",
            "html",
            "-o",
            "report.html",
        ])
        .assert()
        .success()
        .stdout("");
    let page = std::fs::read_to_string(sandbox.path("report.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..100]);
    assert!(page.contains("<svg"));
    assert!(page.contains("train.tsv"), "the title names the data");
    assert!(!page.contains("<script"), "self-contained, no script");
}

#[test]
fn the_wrong_documents_are_shown_with_their_evidence() {
    let sandbox = Sandbox::new();
    // Passages labeled against their words: predicted wrong, confidently.
    let mut data = TRAIN_TSV.to_string();
    data.push_str("neutral\tArtillery shelled the ridge as troops advanced and tanks rolled in.\n");
    data.push_str("military\tEnvoys resumed peace talks and signed a ceasefire agreement.\n");
    sandbox.write("train.tsv", data);
    let page = stdout(
        sandbox
            .stance()
            .args(["cv", "train.tsv", "--folds", "3", "--format", "html"]),
    );
    assert!(page.contains("Most confidently wrong"), "{page}");
    assert!(page.contains("train.tsv:19"), "the id of a wrong document");
    assert!(page.contains(r#"class="term positive""#), "evidence terms");
}

#[test]
fn training_flags_reach_every_fold_and_results_do_not_depend_on_threads() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    let args = [
        "train.tsv",
        "--folds",
        "3",
        "--learning-curve",
        "--ngrams",
        "1..1",
        "--variant",
        "bernoulli",
        "--weighting",
        "binary",
    ];
    let run = |threads: &str| {
        stdout(
            sandbox
                .stance()
                .args(["-j", threads, "cv"])
                .args(args)
                .args(["--format", "json"]),
        )
    };
    let one = run("1");
    assert_eq!(one, run("3"));
    let defaults = cv_json(&sandbox, &["train.tsv", "--folds", "3", "--learning-curve"]);
    let flagged: Value = serde_json::from_str(&one).unwrap();
    assert_ne!(flagged["mean"], defaults["mean"], "the flags change the models");
    let other_seed = cv_json(&sandbox, &["train.tsv", "--folds", "3", "--seed", "7"]);
    assert_every_document_once(&other_seed, 18);

    let error = stderr_of_failure(sandbox.stance().args(["cv", "train.tsv", "--complement-norm"]), 2);
    assert!(error.contains("--variant complement"), "{error}");
    sandbox
        .stance()
        .args(["cv", "train.tsv", "--weighting", "tfidf", "--l2"])
        .assert()
        .code(2);
}

#[test]
fn a_directory_and_standard_input_can_be_cross_validated() {
    let sandbox = Sandbox::new();
    for (i, line) in TRAIN_TSV.lines().skip(1).enumerate() {
        let (label, text) = line.split_once('\t').unwrap();
        sandbox.write(&format!("corpus/{label}/{i:02}.txt"), text);
    }
    let report = cv_json(&sandbox, &["corpus", "--folds", "3"]);
    assert_every_document_once(&report, 18);
    let piped = stdout(
        sandbox
            .stance()
            .args(["cv", "-", "--input-format", "tsv", "--folds", "3", "--format", "json"])
            .write_stdin(TRAIN_TSV),
    );
    let piped: Value = serde_json::from_str(&piped).unwrap();
    assert_eq!(piped["mean"], report["mean"], "same documents, same folds");
}

#[test]
fn train_also_data_is_trained_on_in_every_fold_and_never_validated() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    // Six documents to validate; alone, two folds of three cannot learn three labels well.
    sandbox.write(
        "few.tsv",
        "label\ttext\nmilitary\tTroops shelled the ridge.\nmilitary\tJets bombed the depot.\n\
         negotiation\tEnvoys resumed peace talks.\nnegotiation\tThe sides signed a truce.\n\
         neutral\tThe museum reopened.\nneutral\tRainfall was above average.\n",
    );
    let alone = cv_json(&sandbox, &["few.tsv", "--folds", "2", "-q"]);
    let helped = cv_json(
        &sandbox,
        &["few.tsv", "--folds", "2", "-q", "--train-also", "train.tsv"],
    );
    for report in [&alone, &helped] {
        assert_eq!(fold_sizes(report).iter().sum::<u64>(), 6, "{report}");
        assert_eq!(report["pooled"]["n_documents"], 6);
    }
    assert_eq!(helped["pooled"]["accuracy"], 1.0, "{helped}");
    assert!(alone["pooled"]["accuracy"].as_f64().unwrap() < 1.0, "{alone}");

    let tune = stdout(sandbox.stance().args([
        "tune",
        "few.tsv",
        "--folds",
        "2",
        "-q",
        "--train-also",
        "train.tsv",
        "--grid",
        "alpha=0.5,1",
    ]));
    assert!(
        tune.contains("best: stance train few.tsv train.tsv -o tuned.model"),
        "the best command trains on both:\n{tune}"
    );
}
