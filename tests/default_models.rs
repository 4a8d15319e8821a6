//! The committed default models are reproducible: training again on the written data of
//! `models/TASK.data` and the real-news labels with the flags in `models/TASK.flags`, then
//! calibrating as `models/build.sh` does, gives byte-identical files. The real-news texts live outside the repository
//! (`../shared/realnews/`): without them the test says so and skips, except under `CI=true`,
//! where the shared folder is always present and its absence is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The words of `models/NAME`: one or more per line, `#` starts a comment.
fn flags(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(format!("models/{name}"))).unwrap();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
}

/// The real-news texts, or `None` (with a message) when the shared folder is absent outside CI.
fn real_news_texts() -> Option<PathBuf> {
    let texts = root().join("../shared/realnews/wikipedia-current-events.tsv");
    if texts.exists() {
        return Some(texts);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing, and CI always has the shared folder",
        texts.display()
    );
    eprintln!(
        "skipped: {} is absent, so the default models cannot be rebuilt here",
        texts.display()
    );
    None
}

fn stance(args: &[&str], extra: &[String]) {
    let status = Command::new(env!("CARGO_BIN_EXE_stance"))
        .current_dir(root())
        .args(args)
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success(), "stance {args:?} {extra:?} failed");
}

fn rebuild_and_compare(task: &str) {
    let Some(texts) = real_news_texts() else { return };
    let texts = texts.display().to_string();
    let dir = tempfile::tempdir().unwrap();
    let trained = dir.path().join("trained.model").display().to_string();
    let rebuilt = dir.path().join(format!("{task}.model"));
    let rebuilt_path = rebuilt.display().to_string();
    let written = flags(&format!("{task}.data"));
    let real = format!("datasets/real/{task}/train.tsv");
    let mut train: Vec<&str> = vec!["train"];
    train.extend(written.iter().map(String::as_str));
    train.extend([real.as_str(), "--texts", &texts, "-o", &trained, "--compact", "--quiet"]);
    stance(&train, &flags(&format!("{task}.flags")));
    let mut calibrate: Vec<&str> = vec!["calibrate", "-m", &trained, &real, "--texts", &texts];
    calibrate.extend(["--group-by", "year", "--folds", "5", "--seed", "42"]);
    for file in &written {
        calibrate.extend(["--train-also", file.as_str()]);
    }
    calibrate.extend(["-o", &rebuilt_path, "--quiet"]);
    stance(&calibrate, &flags(&format!("{task}.calibration")));
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
