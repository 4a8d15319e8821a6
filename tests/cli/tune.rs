//! `stance tune`: the grid, the ranking, the printed command line, bad grids.

use serde_json::Value;

use super::common::{stderr_of_failure, stdout, Sandbox, STANCE, TRAIN_TSV};

const GRID: &str = "ngrams=1..1,1..2;alpha=0.5,1;weighting=count,binary";

fn tune_json(sandbox: &Sandbox, args: &[&str]) -> Value {
    let json = stdout(sandbox.stance().arg("tune").args(args).args(["--format", "json"]));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

#[test]
fn tune_ranks_every_combination_and_prints_a_command_that_trains() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    let text = stdout(
        sandbox
            .stance()
            .args(["tune", "train.tsv", "--folds", "3", "--grid", GRID]),
    );
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("tune: 8 settings, 3 folds stratified by label, seed 42"),
        "{text}"
    );
    let header = lines.iter().position(|l| l.starts_with("rank")).unwrap();
    assert_eq!(
        lines[header].split_whitespace().collect::<Vec<_>>(),
        ["rank", "macro_f1", "ngrams", "alpha", "weighting"]
    );
    let rows = &lines[header + 1..header + 9];
    for (i, row) in rows.iter().enumerate() {
        let fields: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(fields[0], (i + 1).to_string(), "{text}");
        assert_eq!(fields[2], "±", "{text}");
        assert_eq!(fields.len(), 7, "{row}");
    }
    let means: Vec<f64> = rows
        .iter()
        .map(|row| row.split_whitespace().nth(1).unwrap().parse().unwrap())
        .collect();
    assert!(means.windows(2).all(|w| w[0] >= w[1]), "best first: {means:?}");
    let command = lines.last().unwrap().strip_prefix("best: ").expect(&text);
    assert!(
        command.starts_with("stance train train.tsv -o tuned.model --ngrams "),
        "{command}"
    );
    assert!(
        command.contains(" --alpha ") && command.contains(" --weighting "),
        "every key of the grid: {command}"
    );

    // The printed command runs and trains the best settings.
    let script = format!("\"$0\"{}", command.strip_prefix("stance").unwrap());
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .arg(STANCE)
        .current_dir(sandbox.path(""))
        .status()
        .unwrap();
    assert!(status.success(), "{script}");
    assert!(sandbox.path("tuned.model").is_file());

    // JSON: the same ranking and command; the winner's score is what cv says of its flags.
    let json = tune_json(&sandbox, &["train.tsv", "--folds", "3", "--grid", GRID]);
    assert_eq!(json["metric"], "macro_f1");
    assert_eq!(json["n_folds"], 3);
    assert_eq!(json["best_command"], command);
    let ranking = json["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 8);
    let json_means: Vec<f64> = ranking.iter().map(|r| r["mean"].as_f64().unwrap()).collect();
    for (json_mean, text_mean) in json_means.iter().zip(&means) {
        assert!((json_mean - text_mean).abs() < 1e-4, "{json_mean} vs {text_mean}");
    }
    let best = &ranking[0];
    assert_eq!(best["rank"], 1);
    assert_eq!(best["settings"].as_object().unwrap().len(), 3);
    assert_eq!(best["summary"]["mean"]["macro_f1"], best["mean"]);
    let flags: Vec<&str> = best["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    let cv = stdout(
        sandbox
            .stance()
            .args(["cv", "train.tsv", "--folds", "3", "--format", "json"])
            .args(&flags),
    );
    let cv: Value = serde_json::from_str(&cv).unwrap();
    assert_eq!(
        cv["mean"]["macro_f1"], best["mean"],
        "same folds, same settings: {flags:?}"
    );
}

#[test]
fn losses_rank_lowest_first_and_other_metrics_rank_highest_first() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    let means = |metric: &str| -> Vec<f64> {
        let json = tune_json(
            &sandbox,
            &[
                "train.tsv",
                "--folds",
                "3",
                "--grid",
                "alpha=0.1,1,5",
                "--metric",
                metric,
            ],
        );
        assert_eq!(json["metric"], metric);
        json["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["mean"].as_f64().unwrap())
            .collect()
    };
    let log_loss = means("log_loss");
    assert!(log_loss.windows(2).all(|w| w[0] <= w[1]), "{log_loss:?}");
    for metric in ["accuracy", "kappa", "f_avg", "weighted_f1", "mcc"] {
        let values = means(metric);
        assert_eq!(values.len(), 3);
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{metric}: {values:?}");
    }
}

#[test]
fn combinations_that_cannot_be_trained_are_skipped() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    let grid = "variant=multinomial,complement;complement_norm=off,on";
    let text = stdout(
        sandbox
            .stance()
            .args(["tune", "train.tsv", "--folds", "3", "--grid", grid]),
    );
    assert!(text.starts_with("tune: 3 settings"), "{text}");
    assert!(
        text.contains("skipped 1 combination that cannot be trained:\n  variant=multinomial complement_norm=on: "),
        "{text}"
    );
    let json = tune_json(&sandbox, &["train.tsv", "--folds", "3", "--grid", grid, "--quiet"]);
    assert_eq!(json["ranking"].as_array().unwrap().len(), 3);
    assert_eq!(json["skipped"][0]["settings"]["complement_norm"], "on");
}

#[test]
fn bad_grids_are_usage_errors_naming_the_key_or_value() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    for (grid, expected) in [
        ("gamma=1,2", "unknown key `gamma`"),
        ("alpha=0.1,zero", "bad value `zero` for key `alpha`"),
        ("alpha=0", "bad value `0` for key `alpha`"),
        ("ngrams=1..2;ngrams=1..1", "key `ngrams` is given twice"),
        ("weighting=bm25", "bad value `bm25` for key `weighting`"),
        ("negation=sometimes", "bad value `sometimes` for key `negation`"),
        ("alpha", "expected KEY=VALUE"),
        ("", "the grid is empty"),
    ] {
        let error = stderr_of_failure(sandbox.stance().args(["tune", "train.tsv", "--grid", grid]), 2);
        assert!(error.contains(expected), "{grid}: {error}");
    }
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["tune", "train.tsv", "--grid", "weighting=tfidf;l2=on"]),
        2,
    );
    assert!(error.contains("no combination of the grid can be trained"), "{error}");
    sandbox.stance().args(["tune", "train.tsv"]).assert().code(2);
    sandbox
        .stance()
        .args(["tune", "train.tsv", "--grid", "alpha=1", "--metric", "f1"])
        .assert()
        .code(2);
}
