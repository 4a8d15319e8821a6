//! Exit codes (0 success, 1 runtime error, 2 usage error), error messages naming file and line,
//! closed pipes, and failed training leaving no file.

use std::fs;

use super::common::{stderr_of_failure, Sandbox, STANCE};

#[test]
fn a_missing_file_is_a_runtime_error_naming_it() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let error = stderr_of_failure(sandbox.stance().args(["predict", "-m", model, "nowhere.tsv"]), 1);
    assert!(error.starts_with("stance: error: nowhere.tsv: "), "{error}");
    let error = stderr_of_failure(sandbox.stance().args(["predict", "-m", "nowhere.model", "test.tsv"]), 1);
    assert!(error.starts_with("stance: error: nowhere.model: "), "{error}");
    let error = stderr_of_failure(sandbox.stance().args(["train", "nowhere.tsv", "-o", "m.model"]), 1);
    assert!(error.contains("nowhere.tsv"), "{error}");
    stderr_of_failure(sandbox.stance().args(["eval", "-m", model, "nowhere.tsv"]), 1);
}

#[test]
fn a_bad_row_names_file_and_line() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write(
        "bad.tsv",
        "label\ttext\nmilitary\tTanks rolled in.\nneutral\tone\ttoo many\n",
    );
    for args in [
        &["train", "bad.tsv", "-o", "bad.model"][..],
        &["predict", "-m", model, "bad.tsv"],
        &["eval", "-m", model, "bad.tsv"],
    ] {
        let error = stderr_of_failure(sandbox.stance().args(args), 1);
        assert!(
            error.starts_with("stance: error: bad.tsv:3: too many fields"),
            "{args:?}: {error}"
        );
    }
    assert!(!sandbox.path("bad.model").exists(), "a failed train writes no model");

    sandbox.write(
        "unlabeled.tsv",
        "label\ttext\nmilitary\tTanks rolled in.\n\tno label here\n",
    );
    let error = stderr_of_failure(sandbox.stance().args(["train", "unlabeled.tsv", "-o", "u.model"]), 1);
    assert!(error.contains("unlabeled.tsv:3: missing or empty label"), "{error}");
    sandbox.write("binary.txt", b"text\0with a NUL");
    let error = stderr_of_failure(sandbox.stance().args(["predict", "-m", model, "binary.txt"]), 1);
    assert!(error.contains("binary.txt:1: NUL byte"), "{error}");
    sandbox.write("notes.xml", "<a/>");
    let error = stderr_of_failure(sandbox.stance().args(["predict", "-m", model, "notes.xml"]), 1);
    assert!(error.contains("unknown format"), "{error}");
}

#[test]
fn rows_before_a_bad_row_are_still_printed() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("bad.tsv", "text\nTanks rolled in.\none\ttoo many\n");
    let output = sandbox
        .stance()
        .args(["predict", "-m", model, "bad.tsv"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 1);
}

#[test]
fn a_corrupt_model_is_a_runtime_error() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("garbage.model", "this is not a model");
    let error = stderr_of_failure(sandbox.stance().args(["predict", "-m", "garbage.model", "test.tsv"]), 1);
    assert!(error.contains("garbage.model: not a valid model file"), "{error}");
    let mut bytes = fs::read(sandbox.path(model)).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    sandbox.write("flipped.model", &bytes);
    let error = stderr_of_failure(sandbox.stance().args(["eval", "-m", "flipped.model", "test.tsv"]), 1);
    assert!(
        error.contains("flipped.model: not a valid model file: checksum mismatch"),
        "{error}"
    );
    bytes.truncate(middle);
    sandbox.write("short.model", &bytes);
    stderr_of_failure(sandbox.stance().args(["predict", "-m", "short.model", "test.tsv"]), 1);
}

#[test]
fn usage_errors_exit_with_2() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    for args in [
        &["--bogus"][..],
        &[],
        &["frobnicate"],
        &["train", "train.tsv"],
        &["train", "-o", "m.model"],
        &["train", "train.tsv", "-o", "m.model", "--ngrams", "3..1"],
        &["train", "train.tsv", "-o", "m.model", "--alpha", "zero"],
        &["train", "train.tsv", "-o", "m.model", "--weighting", "bm25"],
        &["train", "train.tsv", "-o", "m.model", "--stem", "klingon"],
        &["predict", "-m", model, "--task", "stance", "test.tsv"],
        &["predict", "-m", model, "test.tsv", "--format", "xml"],
        &["predict", "-m", model, "test.tsv", "--explain", "0"],
        &["predict", "-m", model, "test.tsv", "--top-k", "-1"],
        &["predict", "-m", model, "test.tsv", "--input-format", "xml"],
        &["predict", "-m", model, "test.tsv", "--label-map", "pos"],
        &["eval", "test.tsv"],
        &["eval", "-m", model],
    ] {
        sandbox.stance().args(args).assert().code(2).stdout("");
    }
    // Parsed, but meaningless together or out of range: checked after parsing, still exit 2.
    for args in [
        &["train", "train.tsv", "-o", "m.model", "--alpha", "0"][..],
        &["train", "train.tsv", "-o", "m.model", "--complement-norm"],
        &[
            "train",
            "train.tsv",
            "-o",
            "m.model",
            "--priors",
            "military=0.9,neutral=0.9",
        ],
        &["train", "train.tsv", "-o", "m.model", "--max-features", "0"],
        &["train", "train.tsv", "-o", "m.model", "--weighting", "tfidf", "--l2"],
    ] {
        let error = stderr_of_failure(sandbox.stance().args(args), 2);
        assert!(error.starts_with("stance: error: "), "{args:?}: {error}");
    }
    assert!(!sandbox.path("m.model").exists());
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let mut big = String::from("text\n");
    for i in 0..30_000 {
        big.push_str(&format!(
            "Artillery shelled ridge number {i} as envoys resumed talks.\n"
        ));
    }
    sandbox.write("big.tsv", big);
    for format in ["text", "tsv", "json"] {
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(r#"{ "$0" predict -m "$1" big.tsv --format "$2"; echo "stance exited with $?" >&2; } | head -1"#)
            .args([STANCE, model, format])
            .current_dir(sandbox.path(""))
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr, "stance exited with 0\n", "{format}");
        assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 1);
    }
}

#[test]
fn a_failed_train_leaves_no_file() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write("plain-file", "not a directory");
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["train", "train.tsv", "-o", "plain-file/m.model"]),
        1,
    );
    assert!(error.contains("plain-file"), "{error}");
    let error = stderr_of_failure(
        sandbox.stance().args(["train", "train.tsv", "-o", "missing/m.model"]),
        1,
    );
    assert!(error.contains("missing"), "{error}");
    fs::create_dir(sandbox.path("out")).unwrap();
    stderr_of_failure(sandbox.stance().args(["train", "train.tsv", "-o", "out"]), 1);
    assert!(super::common::list(&sandbox.path("out")).is_empty());
    assert_eq!(
        sandbox.files(),
        ["model.model", "out", "plain-file", "test.tsv", "train.tsv"]
    );

    // An existing model survives a failed retrain untouched.
    let before = fs::read(sandbox.path("model.model")).unwrap();
    sandbox.write("bad.tsv", "label\ttext\nmilitary\n");
    stderr_of_failure(sandbox.stance().args(["train", "bad.tsv", "-o", "model.model"]), 1);
    assert_eq!(fs::read(sandbox.path("model.model")).unwrap(), before);
    let leftovers: Vec<String> = sandbox.files().into_iter().filter(|f| f.starts_with('.')).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn no_documents_is_an_error() {
    let sandbox = Sandbox::new();
    sandbox.write("empty.tsv", "label\ttext\n");
    let error = stderr_of_failure(sandbox.stance().args(["train", "empty.tsv", "-o", "m.model"]), 1);
    assert!(error.contains("no training documents"), "{error}");
    sandbox.trained();
    let error = stderr_of_failure(sandbox.stance().args(["eval", "-m", "model.model", "empty.tsv"]), 1);
    assert!(error.contains("nothing to evaluate"), "{error}");
}
