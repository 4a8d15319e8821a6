//! The second hostile-input catalogue: reports that panicked on long labels and large --digits,
//! smoothing that overflowed, worker counts beyond reason.

use super::common::{stderr_of_failure, stderr_of_success, stdout, Sandbox, STANCE};

#[test]
fn digits_are_bounded_with_a_usage_error() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    for command in [
        vec!["eval", "-m", model, "test.tsv"],
        vec!["cv", "train.tsv", "--folds", "2"],
        vec!["tune", "train.tsv", "--folds", "2", "--grid", "alpha=1"],
    ] {
        let error = stderr_of_failure(sandbox.stance().args(&command).args(["--digits", "65536"]), 2);
        assert!(error.contains("65536 is not in 0..=17"), "{command:?}: {error}");
    }
    let text = stdout(
        sandbox
            .stance()
            .args(["eval", "-m", model, "test.tsv", "--digits", "17"]),
    );
    assert!(text.contains("accuracy="), "{text}");
}

#[test]
fn a_label_of_70000_characters_prints_in_every_report() {
    let sandbox = Sandbox::new();
    let long = "x".repeat(70_000);
    let mut rows = String::from("label\ttext\tfold\n");
    for (i, (label, text)) in [
        (long.as_str(), "Troops advanced on the ridge."),
        ("neutral", "Rain fell on the valley."),
        (long.as_str(), "Tanks rolled into the town."),
        ("neutral", "The sun shone on the hills."),
    ]
    .iter()
    .enumerate()
    {
        rows.push_str(&format!(
            "{label}\t{text}\t{}\n",
            if i % 2 == 0 { long.clone() } else { "b".into() }
        ));
    }
    sandbox.write("long.tsv", rows);
    sandbox
        .stance()
        .args(["train", "long.tsv", "-o", "m.model", "-q"])
        .assert()
        .success();
    for format in ["text", "markdown"] {
        let report = stdout(
            sandbox
                .stance()
                .args(["eval", "-m", "m.model", "long.tsv", "--format", format, "-q"]),
        );
        assert!(report.contains(&long), "{format}");
        let cv = stdout(
            sandbox
                .stance()
                .args(["cv", "long.tsv", "--fold-column", "fold", "--format", format, "-q"]),
        );
        assert!(cv.contains(&long), "cv {format}");
    }
}

#[test]
fn an_alpha_whose_smoothed_counts_overflow_is_refused_and_tune_skips_it() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["train", "train.tsv", "-o", "m.model", "--alpha", "1e308"]),
        1,
    );
    assert!(error.contains("alpha 1e308 is too large"), "{error}");
    assert!(!sandbox.path("m.model").exists());
    let tune = stdout(sandbox.stance().args([
        "tune",
        "train.tsv",
        "--folds",
        "2",
        "--grid",
        "alpha=1e308,1",
        "--metric",
        "log_loss",
        "-q",
    ]));
    assert!(tune.contains("alpha=1e308: fold 1: alpha 1e308 is too large"), "{tune}");
    assert!(
        tune.contains("best: stance train train.tsv -o tuned.model --alpha 1"),
        "{tune}"
    );
}

#[test]
fn a_huge_worker_count_is_capped_with_a_warning() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let stderr = stderr_of_success(
        sandbox
            .stance()
            .args(["-j", "20000", "predict", "-m", model, "test.tsv"]),
    );
    assert!(
        stderr.contains("-j 20000 is more than 4 workers per CPU; using"),
        "{stderr}"
    );
    let predictions = stdout(
        sandbox
            .stance()
            .args(["-j", "20000", "predict", "-m", model, "test.tsv", "-q"]),
    );
    assert_eq!(predictions.lines().count(), 3);
}

#[test]
fn utf16_input_says_utf16_and_how_to_convert() {
    let sandbox = Sandbox::new();
    let mut bytes = vec![0xff, 0xfe];
    for unit in "label\ttext\nmilitary\tTroops advanced.\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    sandbox.write("u16.tsv", bytes);
    let error = stderr_of_failure(sandbox.stance().args(["train", "u16.tsv", "-o", "m.model"]), 1);
    assert!(
        error.contains("u16.tsv:1: read error: the input is UTF-16 (little-endian byte order mark), not UTF-8")
            && error.contains("iconv -f UTF-16 -t UTF-8"),
        "{error}"
    );
}

#[test]
fn the_same_model_merged_twice_and_the_same_data_in_two_folds_are_warned_about() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let stderr = stderr_of_success(sandbox.stance().args(["merge", model, model, "-o", "twice.model"]));
    assert!(
        stderr.contains("model.model was trained on the same data as model.model (fingerprint"),
        "{stderr}"
    );
    let stderr = stderr_of_success(sandbox.stance().args(["cv", "train.tsv", "train.tsv", "--folds", "3"]));
    assert!(
        stderr.contains("documents repeat the text of a document in another fold"),
        "{stderr}"
    );
    let output = sandbox
        .stance()
        .args(["cv", "train.tsv", "--folds", "3"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(!String::from_utf8(output.stderr).unwrap().contains("repeat the text"));
}

#[test]
fn help_that_cannot_be_written_fails() {
    let sandbox = Sandbox::new();
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full on this system");
        return;
    };
    let status = std::process::Command::new(super::common::STANCE)
        .arg("--help")
        .current_dir(sandbox.path("."))
        .stdout(full)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn control_characters_in_ids_are_escaped_in_text_and_tsv() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("esc.tsv", "id\ttext\na\u{1b}[31mred\tTroops advanced on the ridge.\n");
    for format in ["text", "tsv"] {
        let output = stdout(
            sandbox
                .stance()
                .args(["predict", "-m", model, "esc.tsv", "--format", format]),
        );
        assert!(!output.contains('\u{1b}'), "{format}: {output:?}");
        assert!(output.contains("a\\u{1b}[31mred"), "{format}: {output:?}");
    }
}

#[test]
fn an_empty_article_is_analyzed_with_a_warning() {
    let sandbox = Sandbox::new();
    sandbox.write("empty.txt", "");
    let stderr = stderr_of_success(sandbox.stance().args(["analyze", "empty.txt"]));
    assert!(stderr.contains("1 article has no text (first: empty.txt)"), "{stderr}");
    let quiet = sandbox
        .stance()
        .args(["analyze", "empty.txt", "-q"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(quiet.stderr.is_empty());
}

#[test]
fn complement_nb_answers_an_empty_text_with_its_priors() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox
        .stance()
        .args([
            "train",
            "train.tsv",
            "-o",
            "c.model",
            "-q",
            "--variant",
            "complement",
            "--priors",
            "military=0.2,negotiation=0.5,neutral=0.3",
        ])
        .assert()
        .success();
    sandbox.write("empty.txt", "");
    let json = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "c.model", "empty.txt", "--format", "json", "-q"]),
    );
    let prediction: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(prediction["label"], "negotiation", "{prediction}");
    assert!(
        (prediction["probability"].as_f64().unwrap() - 0.5).abs() < 1e-9,
        "{prediction}"
    );
}

#[test]
fn labels_are_one_spelling_and_invisible_characters_are_warned_about() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "labels.tsv",
        "label\ttext\nn\u{e9}gociation\tTalks resumed in the capital.\nne\u{301}gociation\tEnvoys met again.\n\
         mil\u{200b}itary\tTroops advanced.\nmilitary\tTanks rolled into the town.\n",
    );
    let stderr = stderr_of_success(sandbox.stance().args(["train", "labels.tsv", "-o", "m.model"]));
    assert!(
        stderr.contains("label `mil\\u{200b}itary` holds an invisible character (U+200B)"),
        "{stderr}"
    );
    let inspect = stdout(sandbox.stance().args(["inspect", "m.model", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&inspect).unwrap();
    assert_eq!(
        json["documents_per_label"]["n\u{e9}gociation"], 2,
        "NFC and NFD are one label: {json}"
    );
}

#[test]
fn a_huge_grid_is_refused_before_anything_is_built() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let ten = |key: &str, values: &[&str]| format!("{key}={}", values.join(","));
    let alphas = ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"];
    let dfs = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    let fractions = ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"];
    let grid = [
        ten("alpha", &alphas),
        ten("min_df", &dfs),
        ten("max_df", &fractions),
        ten("max_features", &dfs),
        "stem=none,english".into(),
        "negation=on,off".into(),
        "l2=on,off".into(),
        "numbers=keep,drop,token".into(),
    ]
    .join(";");
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["tune", "train.tsv", "--folds", "2", "--grid", &grid]),
        2,
    );
    assert!(
        error.contains("the grid has 240000 settings, more than --max-settings 10000"),
        "{error}"
    );
    let error = stderr_of_failure(
        sandbox.stance().args([
            "tune",
            "train.tsv",
            "--folds",
            "2",
            "--grid",
            "alpha=0.5,1",
            "--max-settings",
            "1",
        ]),
        2,
    );
    assert!(error.contains("more than --max-settings 1"), "{error}");
    let notes = stderr_of_success(sandbox.stance().args([
        "tune",
        "train.tsv",
        "--folds",
        "2",
        "--grid",
        "alpha=0.5,1",
        "--max-settings",
        "2",
    ]));
    assert!(
        notes.contains("tune: 2 settings x 2 folds = 4 models to train"),
        "{notes}"
    );
    // An estimate of the time, from the first setting's, once it is known.
    assert!(
        notes.contains("tune: the first setting took ") && notes.contains("; the other 1 should take about "),
        "{notes}"
    );
}

#[test]
fn a_model_file_is_read_header_first() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    // Read whole, /dev/zero never ends: the header alone refuses it.
    let error = stderr_of_failure(sandbox.stance().args(["predict", "-m", "/dev/zero", "test.tsv"]), 1);
    assert!(error.contains("does not start with a stance model header"), "{error}");
    // A header announcing more than a model may hold is refused before the content is read.
    let mut bytes = std::fs::read(sandbox.path(model)).unwrap();
    bytes[13..21].copy_from_slice(&(1u64 << 40).to_le_bytes());
    sandbox.write("huge.model", &bytes);
    let error = stderr_of_failure(sandbox.stance().args(["predict", "-m", "huge.model", "test.tsv"]), 1);
    assert!(error.contains("more than the 8589934592 a model may hold"), "{error}");
    // Content beyond the announced length is still found.
    let mut padded = std::fs::read(sandbox.path(model)).unwrap();
    padded.extend_from_slice(&[0; 4096]);
    sandbox.write("padded.model", &padded);
    let error = stderr_of_failure(sandbox.stance().args(["predict", "-m", "padded.model", "test.tsv"]), 1);
    assert!(error.contains("truncated or padded"), "{error}");
}

#[test]
fn cv_json_lists_the_warnings_it_prints() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let output = sandbox
        .stance()
        .args(["cv", "train.tsv", "train.tsv", "--folds", "3", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let warnings: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("repeat the text of a document in another fold")),
        "{warnings:?}"
    );
    for warning in &warnings {
        assert!(stderr.contains(warning), "{warning} is on standard error too: {stderr}");
    }
}

#[test]
fn macro_f1_counts_only_labels_present_in_truth_or_predictions() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let macro_f1 = |model: &str| {
        let report = stdout(
            sandbox
                .stance()
                .args(["eval", "-m", model, "test.tsv", "--format", "json", "-q"]),
        );
        let report: serde_json::Value = serde_json::from_str(&report).unwrap();
        (report["macro_f1"].as_f64().unwrap(), report["warnings"].to_string())
    };
    let (before, _) = macro_f1(model);
    // A label the test data neither has nor gets: it used to count as an F1 of 0 (1.0 -> 0.75).
    sandbox.write(
        "unused.tsv",
        "label\ttext\nweather\tA light drizzle over the quiet orchard.\n",
    );
    sandbox
        .stance()
        .args(["update", "-m", model, "unused.tsv", "-o", "updated.model", "-q"])
        .assert()
        .success();
    let (after, warnings) = macro_f1("updated.model");
    assert_eq!((before, after), (1.0, 1.0), "{warnings}");
    assert!(warnings.contains("left out of the macro averages"), "{warnings}");
}

#[test]
fn write_errors_name_the_stream_or_file() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let output = std::process::Command::new(STANCE)
        .current_dir(sandbox.path("."))
        .args(["predict", "-m", model, "test.tsv"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(error.contains("cannot write standard output: No space left"), "{error}");
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["predict", "-m", model, "test.tsv", "-o", "/dev/full"]),
        1,
    );
    assert!(error.contains("cannot write /dev/full: No space left"), "{error}");
}

#[test]
fn every_priors_error_is_a_usage_error() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    for (priors, says) in [
        ("often", "expected learned, uniform or LABEL=P"),
        ("military=0.5,negotiation=0.6,neutral=0.1", "they sum to"),
        // Known to be wrong only once the data is read: these exited 1.
        (
            "military=0.5,negotiation=0.3,neutral=0.1,weather=0.1",
            "\"weather\" is not in the training data",
        ),
        ("military=0.5,negotiation=0.5", "no prior given for label \"neutral\""),
    ] {
        for command in [
            vec!["train", "train.tsv", "-o", "p.model"],
            vec!["cv", "train.tsv", "--folds", "2"],
        ] {
            let error = stderr_of_failure(sandbox.stance().args(&command).args(["--priors", priors]), 2);
            assert!(error.contains(says), "{command:?} {priors}: {error}");
        }
    }
    assert!(!sandbox.path("p.model").exists());
}

#[test]
fn grouping_by_the_text_column_keeps_identical_texts_in_one_fold() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    // The repeated-texts warning advises --group-by; grouping by the text itself said "no column".
    let stderr = stderr_of_success(sandbox.stance().args([
        "cv",
        "train.tsv",
        "train.tsv",
        "--folds",
        "3",
        "--group-by",
        "text",
    ]));
    assert!(!stderr.contains("repeat the text"), "{stderr}");
    let stderr = stderr_of_success(sandbox.stance().args(["cv", "train.tsv", "train.tsv", "--folds", "3"]));
    assert!(stderr.contains("repeat the text"), "{stderr}");
}

#[test]
fn inputs_that_were_read_wrong_silently_are_errors_naming_the_line() {
    let sandbox = Sandbox::new();
    let mut csv = String::from("label,text\nmilitary,\"Troops advanced\nneutral,Rain fell\n");
    for row in 0..1000 {
        csv.push_str(&format!("neutral,Rain fell on day {row}\n"));
    }
    sandbox.write("open.csv", csv);
    sandbox.write(
        "two.ft",
        "__label__military Tanks rolled in.\n__label__military __label__neutral Troops advanced.\n",
    );
    sandbox.write(
        "number.jsonl",
        "{\"label\": \"neutral\", \"text\": \"Rain fell.\"}\n{\"label\": 3, \"text\": \"Troops advanced.\"}\n",
    );
    sandbox.write(
        "object.jsonl",
        "{\"label\": \"neutral\", \"text\": \"Rain fell.\"}\n{\"label\": \"neutral\", \"text\": {\"a\": 1}}\n",
    );
    for (file, says) in [
        // 1,002 rows were read as 2 documents.
        ("open.csv", "open.csv:2: a quoted field opens here and is never closed"),
        // The second label was dropped.
        (
            "two.ft",
            "two.ft:2: 2 labels (military, neutral): stance gives each document one label",
        ),
        // Coerced to the label "3" and the text "{\"a\":1}".
        ("number.jsonl", "number.jsonl:2: `label` is a number, not a string (3)"),
        (
            "object.jsonl",
            "object.jsonl:2: `text` is an object, not a string ({\"a\":1})",
        ),
    ] {
        let error = stderr_of_failure(sandbox.stance().args(["train", file, "-o", "m.model"]), 1);
        assert!(error.contains(says), "{file}: {error}");
    }
    assert!(!sandbox.path("m.model").exists());
}
