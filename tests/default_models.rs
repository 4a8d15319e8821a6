//! The committed default models are reproducible: training again on `datasets/*/{train,test}.tsv` with the flags
//! in `models/*.flags` (what `bash models/build.sh` uses) gives byte-identical files.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The flags of a model: one or more per line, `#` starts a comment.
fn flags(task: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(format!("models/{task}.flags"))).unwrap();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
}

fn rebuild_and_compare(task: &str) {
    let dir = tempfile::tempdir().unwrap();
    let rebuilt = dir.path().join(format!("{task}.model"));
    let status = Command::new(env!("CARGO_BIN_EXE_stance"))
        .current_dir(root())
        .arg("train")
        .arg(format!("datasets/{task}/train.tsv"))
        .arg(format!("datasets/{task}/test.tsv"))
        .arg("-o")
        .arg(&rebuilt)
        .arg("--compact")
        .arg("--quiet")
        .args(flags(task))
        .status()
        .unwrap();
    assert!(status.success(), "training the {task} model failed");
    let committed = std::fs::read(root().join(format!("models/{task}.model"))).unwrap();
    let rebuilt = std::fs::read(rebuilt).unwrap();
    assert!(
        committed == rebuilt,
        "models/{task}.model differs from a rebuild ({} vs {} bytes): run `bash models/build.sh` and commit",
        committed.len(),
        rebuilt.len()
    );
}

#[test]
fn the_stance_model_rebuilds_byte_for_byte() {
    rebuild_and_compare("stance");
}

#[test]
fn the_sentiment_model_rebuilds_byte_for_byte() {
    rebuild_and_compare("sentiment");
}
