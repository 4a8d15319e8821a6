//! Outputs that must not destroy what they should not: `-o -` is standard output, `-o` onto a
//! FIFO or a device writes through it, `-o` onto a symbolic link replaces the file it names (the
//! link stays), and `-o` onto one of the command's own inputs is refused before any work.

use std::fs;
use std::os::unix::fs::FileTypeExt;

use super::common::{stderr_of_failure, stdout, Sandbox, STANCE};

#[test]
fn dash_is_standard_output() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let out = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", model, "test.tsv", "-o", "-", "--format", "tsv"]),
    );
    assert!(out.starts_with("id\tlabel"), "{out}");
    assert!(!sandbox.path("-").exists(), "no file named -");
    let error = stderr_of_failure(sandbox.stance().args(["train", "train.tsv", "-o", "-"]), 1);
    assert!(error.contains("a model is written to a file"), "{error}");
}

#[test]
fn special_files_are_written_through_and_stay_what_they_are() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    // A null device of our own (root may make one; /dev/null itself is never risked).
    let made = std::process::Command::new("mknod")
        .arg(sandbox.path("null"))
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if made {
        stdout(
            sandbox
                .stance()
                .args(["predict", "-m", model, "test.tsv", "-o", "null"]),
        );
        assert!(
            fs::metadata(sandbox.path("null")).unwrap().file_type().is_char_device(),
            "the device stays a device"
        );
        let error = stderr_of_failure(sandbox.stance().args(["train", "train.tsv", "-o", "null"]), 1);
        assert!(error.contains("not a regular file"), "{error}");
    } else {
        eprintln!("mknod is not allowed here: the device case is checked with the FIFO only");
    }

    let fifo = sandbox.path("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    stdout(
        sandbox
            .stance()
            .args(["predict", "-m", model, "test.tsv", "--format", "tsv", "-o", "pipe"]),
    );
    let read = reader.join().unwrap();
    assert!(
        read.starts_with("id\tlabel"),
        "the FIFO's reader gets the output: {read}"
    );
    assert!(
        fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO stays a FIFO"
    );

    let error = stderr_of_failure(sandbox.stance().args(["train", "train.tsv", "-o", "pipe"]), 1);
    assert!(error.contains("not a regular file"), "{error}");
}

#[test]
fn a_symbolic_link_is_followed_and_kept() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("real/predictions.tsv", "old\n");
    std::os::unix::fs::symlink("real/predictions.tsv", sandbox.path("link.tsv")).unwrap();
    stdout(
        sandbox
            .stance()
            .args(["predict", "-m", model, "test.tsv", "--format", "tsv", "-o", "link.tsv"]),
    );
    assert!(fs::symlink_metadata(sandbox.path("link.tsv"))
        .unwrap()
        .file_type()
        .is_symlink());
    let written = fs::read_to_string(sandbox.path("real/predictions.tsv")).unwrap();
    assert!(written.starts_with("id\tlabel"), "{written}");

    std::os::unix::fs::symlink("model.model", sandbox.path("current.model")).unwrap();
    stdout(
        sandbox
            .stance()
            .args(["train", "train.tsv", "test.tsv", "-o", "current.model", "--quiet"]),
    );
    assert!(fs::symlink_metadata(sandbox.path("current.model"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn an_input_is_never_the_output() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let train = fs::read(sandbox.path("train.tsv")).unwrap();
    let model_bytes = fs::read(sandbox.path(model)).unwrap();
    fs::hard_link(sandbox.path("train.tsv"), sandbox.path("same-file.tsv")).unwrap();
    for args in [
        vec!["train", "train.tsv", "-o", "train.tsv"],
        vec!["train", "train.tsv", "-o", "same-file.tsv"],
        vec!["predict", "-m", model, "train.tsv", "-o", "train.tsv"],
        vec!["predict", "-m", model, "test.tsv", "-o", model],
        vec!["eval", "-m", model, "train.tsv", "-o", "train.tsv"],
        vec!["cv", "train.tsv", "--folds", "2", "-o", "train.tsv"],
        vec!["analyze", "train.tsv", "-o", "train.tsv"],
    ] {
        let error = stderr_of_failure(sandbox.stance().args(&args), 1);
        assert!(error.contains("would destroy what is being read"), "{args:?}: {error}");
    }
    assert_eq!(fs::read(sandbox.path("train.tsv")).unwrap(), train);
    assert_eq!(fs::read(sandbox.path(model)).unwrap(), model_bytes);
}

#[test]
fn two_updates_of_one_model_at_once_lose_nothing() {
    let sandbox = Sandbox::new();
    let data = |label: &str, word: &str, n: usize| {
        let mut rows = String::from("label\ttext\n");
        for i in 0..n {
            rows.push_str(&format!("{label}\t{word} report number {i} from the front line\n"));
        }
        rows
    };
    sandbox.write(
        "base.tsv",
        data("military", "troops", 100) + &data("negotiation", "envoys", 100)[11..],
    );
    sandbox.write("a.tsv", data("military", "shelling", 6000));
    sandbox.write("b.tsv", data("negotiation", "mediators", 6000));
    stdout(sandbox.stance().args(["train", "base.tsv", "-o", "live.model", "-q"]));
    let update = |file: &str| {
        std::process::Command::new(STANCE)
            .current_dir(sandbox.path(""))
            .args(["update", "-m", "live.model", file, "-o", "live.model", "-q"])
            .spawn()
            .unwrap()
    };
    let (mut first, mut second) = (update("a.tsv"), update("b.tsv"));
    assert!(first.wait().unwrap().success());
    assert!(second.wait().unwrap().success());
    let json = stdout(
        sandbox
            .stance()
            .args(["inspect", "live.model", "--format", "json", "--top", "1"]),
    );
    let inspect: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        inspect["documents"], 12_200,
        "both updates are in the model: {}",
        inspect["documents_per_label"]
    );
}
