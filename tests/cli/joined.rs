//! Labels kept apart from their texts: `--texts FILE` joins tables of ids and labels with a
//! file of ids and texts, in every command that reads labeled data.

use super::common::{stderr_of_failure, stdout, Sandbox, TRAIN_TSV};

/// Splits the fixture's training rows into a texts file (id, period, text, in reverse order,
/// plus one unlabeled row) and a labels file (id, label, labeler), and writes both.
fn split_fixture(sandbox: &Sandbox) {
    let rows: Vec<(String, &str, &str)> = TRAIN_TSV
        .lines()
        .skip(1)
        .enumerate()
        .map(|(i, line)| {
            let (label, text) = line.split_once('\t').unwrap();
            (format!("r{i:02}"), label, text)
        })
        .collect();
    let mut texts = String::from("id\tperiod\ttext\n");
    for (i, (id, _, text)) in rows.iter().enumerate().rev() {
        texts.push_str(&format!("{id}\tp{}\t{text}\n", i % 3));
    }
    texts.push_str("unlabeled\tp0\tNobody labeled this passage.\n");
    let mut labels = String::from("id\tlabel\tlabeler\n");
    let mut joined = String::from("id\tlabel\tlabeler\tperiod\ttext\n");
    for (i, (id, label, text)) in rows.iter().enumerate() {
        labels.push_str(&format!("{id}\t{label}\ta\n"));
        joined.push_str(&format!("{id}\t{label}\ta\tp{}\t{text}\n", i % 3));
    }
    sandbox.write("texts.tsv", texts);
    sandbox.write("labels.tsv", labels);
    sandbox.write("joined.tsv", joined);
}

#[test]
fn training_on_joined_labels_gives_the_model_of_the_same_rows_with_texts() {
    let sandbox = Sandbox::new();
    split_fixture(&sandbox);
    sandbox
        .stance()
        .args(["train", "labels.tsv", "--texts", "texts.tsv", "-o", "a.model", "-q"])
        .assert()
        .success();
    sandbox
        .stance()
        .args(["train", "joined.tsv", "-o", "b.model", "-q"])
        .assert()
        .success();
    let a = std::fs::read(sandbox.path("a.model")).unwrap();
    let b = std::fs::read(sandbox.path("b.model")).unwrap();
    assert!(a == b, "the joined rows train the same model, byte for byte");
}

#[test]
fn eval_cv_tune_update_and_predict_join_too() {
    let sandbox = Sandbox::new();
    split_fixture(&sandbox);
    sandbox
        .stance()
        .args(["train", "joined.tsv", "-o", "m.model", "-q"])
        .assert()
        .success();
    let eval = |data: &[&str]| {
        stdout(
            sandbox
                .stance()
                .args(["eval", "-m", "m.model", "--format", "json"])
                .args(data),
        )
    };
    assert_eq!(eval(&["labels.tsv", "--texts", "texts.tsv"]), eval(&["joined.tsv"]));

    // The texts file's other columns reach the documents: cv groups by one of them.
    // Written data (with its texts) and joined labels train together.
    sandbox.write(
        "written.tsv",
        "id\tlabel\ttext\nw1\tneutral\tThe library opened a new wing.\n",
    );
    sandbox
        .stance()
        .args([
            "train",
            "written.tsv",
            "labels.tsv",
            "--texts",
            "texts.tsv",
            "-o",
            "both.model",
            "-q",
        ])
        .assert()
        .success();

    let cv = |data: &[&str]| {
        stdout(
            sandbox
                .stance()
                .args(["cv", "--group-by", "period", "--folds", "3", "--format", "json", "-q"])
                .args(data),
        )
    };
    assert_eq!(cv(&["labels.tsv", "--texts", "texts.tsv"]), cv(&["joined.tsv"]));

    let tune = stdout(sandbox.stance().args([
        "tune",
        "labels.tsv",
        "--texts",
        "texts.tsv",
        "--grid",
        "alpha=0.5,1",
        "--folds",
        "3",
        "-q",
    ]));
    assert!(
        tune.contains("--texts texts.tsv"),
        "the best setting's command names the texts:\n{tune}"
    );

    sandbox
        .stance()
        .args([
            "update",
            "-m",
            "m.model",
            "labels.tsv",
            "--texts",
            "texts.tsv",
            "-o",
            "u.model",
            "-q",
        ])
        .assert()
        .success();

    sandbox.write("ids.tsv", "id\nr00\nunlabeled\n");
    let predicted = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "m.model", "ids.tsv", "--texts", "texts.tsv"]),
    );
    let ids: Vec<&str> = predicted.lines().map(|line| line.split('\t').next().unwrap()).collect();
    assert_eq!(ids, ["r00", "unlabeled"]);
}

#[test]
fn ids_missing_on_either_side_are_errors_naming_file_and_line() {
    let sandbox = Sandbox::new();
    split_fixture(&sandbox);
    let train = |labels: &str, texts: &str| {
        stderr_of_failure(
            sandbox
                .stance()
                .args(["train", labels, "--texts", texts, "-o", "x.model"]),
            1,
        )
    };

    sandbox.write("unknown.tsv", "id\tlabel\nr00\tmilitary\nr99\tneutral\n");
    let error = train("unknown.tsv", "texts.tsv");
    assert!(
        error.contains("unknown.tsv:3: id `r99` has no text in texts.tsv"),
        "{error}"
    );

    sandbox.write("twice.tsv", "id\tlabel\nr00\tmilitary\nr01\tneutral\nr00\tneutral\n");
    let error = train("twice.tsv", "texts.tsv");
    assert!(
        error.contains("twice.tsv:4: id `r00` repeats the one at twice.tsv:2"),
        "{error}"
    );

    sandbox.write("no_id.tsv", "label\nmilitary\n");
    let error = train("no_id.tsv", "texts.tsv");
    assert!(error.contains("no_id.tsv:1: no column `id`"), "{error}");

    sandbox.write("repeated_texts.tsv", "id\ttext\na\tx\na\ty\n");
    let error = train("labels.tsv", "repeated_texts.tsv");
    assert!(
        error.contains(
            "--texts repeated_texts.tsv: repeated_texts.tsv:3: id `a` repeats the one at repeated_texts.tsv:2"
        ),
        "{error}"
    );

    let error = train("labels.tsv", "absent.tsv");
    assert!(
        error.contains("--texts absent.tsv") && error.contains("No such file"),
        "{error}"
    );

    sandbox.write("doc.txt", "r00");
    let error = train("doc.txt", "texts.tsv");
    assert!(
        error.contains("doc.txt: texts can only be joined by id with a table"),
        "{error}"
    );
    assert!(!sandbox.path("x.model").exists());
}
