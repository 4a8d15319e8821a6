//! Bad input, as scrapers bring it back and years of kept models make it: each case runs the
//! binary end to end on a fixture written here, and pins what `stance` does — a clear error naming
//! the file (and line) with exit code 1, or a counted warning on standard error — and that it never
//! panics. The README's "Bad input: what stance does" lists the same catalogue.

use std::fs;
use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

use super::common::{json_lines, stdout, Sandbox, LABELS, TEST_TSV, TRAIN_TSV};

/// Asserts that `stderr` holds no Rust panic message or backtrace.
fn no_panic(stderr: &str) {
    for sign in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(!stderr.contains(sign), "a panic: {stderr}");
    }
}

/// Runs `stance ARGS`, expects exit code 1 and nothing but `stance: error: ...` (one line) on
/// standard error; returns that line.
fn fails(sandbox: &Sandbox, args: &[&str]) -> String {
    let output = sandbox.stance().args(args).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    no_panic(&stderr);
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(stderr.starts_with("stance: error: "), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one line: {stderr}");
    stderr.trim_end().to_string()
}

/// Runs `stance ARGS`, expects success; returns standard output and standard error.
fn runs(sandbox: &Sandbox, args: &[&str]) -> (String, String) {
    let output = sandbox.stance().args(args).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    no_panic(&stderr);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

/// The warning lines of a standard error.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("stance: warning: "))
        .collect()
}

/// `(id, label)` of each prediction of `predict -m MODEL ARGS --format json`, and the warnings.
fn predict(sandbox: &Sandbox, model: &str, args: &[&str]) -> (Vec<(String, String)>, Vec<String>) {
    let mut all = vec!["predict", "-m", model, "--format", "json"];
    all.extend(args);
    let (out, err) = runs(sandbox, &all);
    let predictions = json_lines(&out)
        .iter()
        .map(|p| (p["id"].as_str().unwrap().into(), p["label"].as_str().unwrap().into()))
        .collect();
    (predictions, warnings(&err).into_iter().map(String::from).collect())
}

/// TRAIN_TSV followed by `extra_rows`.
fn train_tsv_with(extra_rows: &str) -> String {
    format!("{TRAIN_TSV}{extra_rows}")
}

/// Deterministic pseudo-random bytes (xorshift), not starting with the gzip magic.
fn random_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut bytes: Vec<u8> = (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    bytes[0] = 0xfe;
    bytes
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

// ---------------------------------------------------------------------------------------------
// Empty and header-only files, missing columns, wrong field counts.
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_file_is_an_error_for_tables_and_an_empty_text_for_text_files() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    for name in ["empty.tsv", "empty.csv"] {
        sandbox.write(name, "");
        let expected = format!("stance: error: {name}: no header row (the input is empty)");
        assert_eq!(fails(&sandbox, &["train", name, "-o", "m.model"]), expected);
        assert_eq!(fails(&sandbox, &["predict", "-m", model, name]), expected);
        assert_eq!(fails(&sandbox, &["eval", "-m", model, name]), expected);
    }
    for name in ["empty.jsonl", "empty.ft"] {
        sandbox.write(name, "");
        let error = fails(&sandbox, &["train", name, "-o", "m.model"]);
        assert_eq!(error, format!("stance: error: no training documents in {name}"));
        let (predictions, warnings) = predict(&sandbox, model, &[name]);
        assert!(predictions.is_empty());
        assert_eq!(warnings, [format!("no documents in {name}")]);
    }
    sandbox.write("empty.txt", "");
    let (predictions, warnings) = predict(&sandbox, model, &["empty.txt"]);
    assert_eq!(predictions.len(), 1, "an empty text file is one empty document");
    assert!(
        warnings[0].contains("empty text, predicted from the priors"),
        "{warnings:?}"
    );
    assert!(!sandbox.path("m.model").exists());
}

#[test]
fn a_header_only_file_has_no_documents() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("header.tsv", "id\tlabel\ttext\n");
    assert_eq!(
        fails(&sandbox, &["train", "header.tsv", "-o", "m.model"]),
        "stance: error: no training documents in header.tsv"
    );
    let error = fails(&sandbox, &["eval", "-m", model, "header.tsv"]);
    assert!(error.contains("nothing to evaluate"), "{error}");
    let (predictions, warnings) = predict(&sandbox, model, &["header.tsv"]);
    assert!(predictions.is_empty());
    assert_eq!(warnings, ["no documents in header.tsv"]);
}

#[test]
fn a_missing_text_or_label_column_names_the_columns_found() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("body.tsv", "label\tbody\nmilitary\tTanks rolled in.\n");
    let expected = "stance: error: body.tsv:1: no column `text`; columns found: label, body";
    assert_eq!(fails(&sandbox, &["train", "body.tsv", "-o", "m.model"]), expected);
    assert_eq!(fails(&sandbox, &["predict", "-m", model, "body.tsv"]), expected);
    sandbox.write("nolabel.csv", "id,text\n1,Tanks rolled in.\n");
    let expected = "stance: error: nolabel.csv:1: no column `label`; columns found: id, text";
    assert_eq!(fails(&sandbox, &["train", "nolabel.csv", "-o", "m.model"]), expected);
    assert_eq!(fails(&sandbox, &["eval", "-m", model, "nolabel.csv"]), expected);
    // Prediction does not need labels.
    assert_eq!(predict(&sandbox, model, &["nolabel.csv"]).0.len(), 1);
}

#[test]
fn a_row_with_too_few_or_too_many_fields_names_its_line() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("few.tsv", "label\ttext\nmilitary\tTanks.\n\nneutral\n");
    sandbox.write("many.csv", "label,text\nmilitary,Tanks.\nneutral,Rain,fell\n");
    assert_eq!(
        fails(&sandbox, &["train", "few.tsv", "-o", "m.model"]),
        "stance: error: few.tsv:4: too few fields: found 1, the header has 2"
    );
    assert_eq!(
        fails(&sandbox, &["eval", "-m", model, "many.csv"]),
        "stance: error: many.csv:3: too many fields: found 3, the header has 2"
    );
}

// ---------------------------------------------------------------------------------------------
// Line ends, byte order marks, quoting, encodings, binary files.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_quoted_csv_field_spanning_lines_works_and_later_lines_stay_right() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let csv = "id,label,text\n\
               a,military,\"Artillery shelled the ridge,\nand troops\nadvanced.\"\n\
               b,negotiation,Envoys resumed peace talks.\n\
               c,neutral,The museum,reopened\n";
    sandbox.write("multi.csv", csv);
    let output = sandbox
        .stance()
        .args(["predict", "-m", model, "multi.csv", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    no_panic(&stderr);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr, "stance: error: multi.csv:6: too many fields: found 4, the header has 3\n",
        "the record of lines 2-4 counts three lines"
    );
    let printed = json_lines(&String::from_utf8(output.stdout).unwrap());
    let labels: Vec<&str> = printed.iter().map(|p| p["label"].as_str().unwrap()).collect();
    assert_eq!(
        labels,
        ["military", "negotiation"],
        "rows before the bad one are printed"
    );

    sandbox.write("good.csv", &csv[..csv.rfind("c,").unwrap()]);
    let (_, err) = runs(&sandbox, &["train", "good.csv", "-o", "m.model"]);
    assert!(err.starts_with("stance: trained m.model: 2 documents"), "{err}");
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_read_like_plain_lf() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let crlf = |text: &str| format!("\u{feff}{}", text.replace('\n', "\r\n"));
    sandbox.write("bom.tsv", crlf(TRAIN_TSV));
    sandbox.write("bom-test.tsv", crlf(TEST_TSV));
    sandbox.write("bom-test.csv", crlf(&TEST_TSV.replace('\t', ",")));
    sandbox.write("bom.txt", crlf("Envoys met.\nThey resumed peace talks.\n"));
    sandbox.write("lf.txt", "Envoys met.\nThey resumed peace talks.\n");
    runs(&sandbox, &["train", "bom.tsv", "-o", "bom.model"]);
    assert_eq!(
        fs::read(sandbox.path("bom.model")).unwrap(),
        fs::read(sandbox.path("model.model")).unwrap(),
        "the same model, byte for byte"
    );
    let tsv = |model: &str, input: &str| {
        stdout(
            sandbox
                .stance()
                .args(["predict", "-m", model, input, "--format", "tsv"]),
        )
    };
    assert_eq!(tsv("bom.model", "bom-test.tsv"), tsv("model.model", "test.tsv"));
    assert_eq!(tsv("bom.model", "bom-test.csv"), tsv("model.model", "test.tsv"));
    let text = |input: &str| {
        let json = stdout(
            sandbox
                .stance()
                .args(["predict", "-m", "model.model", input, "--format", "json"]),
        );
        json_lines(&json)[0]["probabilities"].clone()
    };
    assert_eq!(text("bom.txt"), text("lf.txt"));
    let report = stdout(
        sandbox
            .stance()
            .args(["eval", "-m", "model.model", "bom-test.csv", "--format", "json"]),
    );
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["n_documents"], 3);
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    // "café" in Latin-1: the byte 0xE9 alone.
    sandbox.write(
        "latin1.tsv",
        b"label\ttext\nmilitary\tTanks.\nneutral\tThe caf\xe9 reopened.\n",
    );
    let expected = "stance: error: latin1.tsv:3: invalid UTF-8 (the input must be UTF-8 encoded)";
    assert_eq!(fails(&sandbox, &["train", "latin1.tsv", "-o", "m.model"]), expected);
    assert_eq!(fails(&sandbox, &["eval", "-m", model, "latin1.tsv"]), expected);
    sandbox.write("latin1.txt", b"First line.\nThe caf\xe9.\n");
    assert_eq!(
        fails(&sandbox, &["predict", "-m", model, "latin1.txt"]),
        "stance: error: latin1.txt:2: invalid UTF-8 (the input must be UTF-8 encoded)"
    );
}

#[test]
fn a_nul_byte_names_file_and_line_after_the_rows_before_it() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("nul.tsv", b"id\ttext\na\tTanks rolled in.\nb\tTalks\0resumed.\n");
    let output = sandbox
        .stance()
        .args(["predict", "-m", model, "nul.tsv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 1);
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "stance: error: nul.tsv:3: NUL byte in text (binary file?)\n"
    );
    sandbox.write("nul.csv", b"label,text\nmilitary,\"Tanks\nrolled\0in\"\n");
    assert_eq!(
        fails(&sandbox, &["train", "nul.csv", "-o", "m.model"]),
        "stance: error: nul.csv:3: NUL byte in text (binary file?)"
    );
    sandbox.write("nul.jsonl", "{\"text\": \"a\\u0000b\", \"label\": \"military\"}\n");
    assert_eq!(
        fails(&sandbox, &["train", "nul.jsonl", "-o", "m.model"]),
        "stance: error: nul.jsonl:1: NUL byte in text (binary file?)"
    );
}

#[test]
fn a_binary_file_is_an_error_whatever_its_name() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    sandbox.write("image.tsv", png);
    sandbox.write("image.txt", png);
    sandbox.write("random.tsv", random_bytes(1 << 20, 7));
    sandbox.write("random.csv", random_bytes(1 << 20, 11));
    sandbox.write("random.txt", random_bytes(1 << 20, 13));
    sandbox.write("random.jsonl", random_bytes(1 << 20, 17));
    // Random bytes hold a NUL within the first kilobytes: reading stops there, not at the end.
    let nul_or_utf8 = |error: &str, name: &str| {
        assert!(
            error == format!("stance: error: {name}:1: invalid UTF-8 (the input must be UTF-8 encoded)")
                || error.starts_with(&format!("stance: error: {name}:"))
                    && error.ends_with("NUL byte in text (binary file?)"),
            "{error}"
        );
    };
    for name in ["image.tsv", "random.tsv", "random.csv", "random.jsonl"] {
        nul_or_utf8(&fails(&sandbox, &["train", name, "-o", "m.model"]), name);
        nul_or_utf8(&fails(&sandbox, &["predict", "-m", model, name]), name);
    }
    for name in ["image.txt", "random.txt"] {
        nul_or_utf8(&fails(&sandbox, &["predict", "-m", model, name]), name);
    }
    assert!(!sandbox.path("m.model").exists());
}

// ---------------------------------------------------------------------------------------------
// Size: one 100 MB line, 100,000 columns.
// ---------------------------------------------------------------------------------------------

/// One line of 100 MB, as a TSV row and as a text file: train and predict read it and analyze it
/// whole (the analyzer goes through a text in batches of words, so memory depends on the line and
/// its distinct terms, not its length), under a 768 MiB address-space limit. Its first MiB speaks
/// of talks, the other 99 MB of artillery: the prediction is `military`, which it would not be
/// if the text were cut (as it was, to 1 MiB, before analysis went by batches). A few seconds in a
/// release build (three 100 MB analyses); a debug build takes minutes.
#[test]
fn a_100_mb_line_is_read_and_analyzed_whole_with_bounded_memory() {
    const MB_100: usize = 100 << 20;
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let talks = "Envoys resumed peace talks and agreed to a ceasefire. ";
    let fighting = "Artillery shelled the ridge as troops advanced and jets bombed the depot. ";
    let mut line = talks.repeat((1 << 20) / talks.len() + 1);
    line.push_str(&fighting.repeat((MB_100 - line.len()) / fighting.len() + 1));
    line.truncate(MB_100);
    let mut tsv = String::with_capacity(MB_100 + 2048);
    tsv.push_str(TRAIN_TSV);
    tsv.push_str("negotiation\t");
    tsv.push_str(&line);
    tsv.push('\n');
    sandbox.write("big.tsv", &tsv);
    drop(tsv);
    sandbox.write("big.txt", &line);
    drop(line);

    // `ulimit -v` caps the address space (checked on Linux); one worker thread keeps the
    // allocator's per-thread arenas out of the count.
    let script = if cfg!(target_os = "linux") {
        r#"ulimit -v 786432 && exec "$0" -j 1 "$@""#
    } else {
        r#"exec "$0" -j 1 "$@""#
    };
    let limited = |args: &[&str]| {
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(super::common::STANCE)
            .args(args)
            .current_dir(sandbox.path(""))
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        no_panic(&stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        (String::from_utf8(output.stdout).unwrap(), stderr)
    };
    let (_, err) = limited(&["train", "big.tsv", "-o", "big.model"]);
    assert_eq!(warnings(&err), Vec::<&str>::new(), "nothing cut, nothing to warn about");
    assert!(err.starts_with("stance: trained big.model: 19 documents"), "{err}");
    let (out, err) = limited(&["predict", "-m", model, "big.txt", "big.tsv", "--format", "tsv"]);
    assert_eq!(out.lines().count(), 1 + 1 + 19);
    let big: Vec<&str> = out
        .lines()
        .filter(|row| row.starts_with("big.txt\t") || row.starts_with("big.tsv:19\t"))
        .collect();
    assert_eq!(big.len(), 2, "{out}");
    for row in big {
        assert_eq!(
            row.split('\t').nth(1),
            Some("military"),
            "the whole text decides: {row}"
        );
    }
    assert!(warnings(&err).is_empty(), "{err}");
}

#[test]
fn a_hundred_thousand_columns_are_read_in_linear_time() {
    let sandbox = Sandbox::new();
    let n = 100_000;
    let mut header: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    header[7] = "label".into();
    header[n - 1] = "text".into();
    let mut tsv = header.join("\t");
    tsv.push('\n');
    for line in TRAIN_TSV.lines().skip(1) {
        let (label, text) = line.split_once('\t').unwrap();
        let mut row = vec!["x"; n];
        row[7] = label;
        row[n - 1] = text;
        tsv.push_str(&row.join("\t"));
        tsv.push('\n');
    }
    sandbox.write("wide.tsv", &tsv);
    sandbox.write("wide.csv", tsv.replace('\t', ","));
    let start = std::time::Instant::now();
    for name in ["wide.tsv", "wide.csv"] {
        runs(&sandbox, &["train", name, "-o", "wide.model", "-q"]);
        let (predictions, _) = predict(&sandbox, "wide.model", &[name]);
        let labels: Vec<&str> = predictions.iter().map(|(_, label)| label.as_str()).collect();
        let expected: Vec<&str> = TRAIN_TSV
            .lines()
            .skip(1)
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        assert_eq!(labels, expected);
    }
    // A quadratic check of the header for repeated names took some 20 s per run.
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

// ---------------------------------------------------------------------------------------------
// Texts and labels.
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_texts_are_skipped_in_training_and_predicted_from_the_priors() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    // Two empty texts labeled military: trained as documents they would raise its prior.
    sandbox.write("gaps.tsv", train_tsv_with("military\t\nmilitary\t   \n"));
    let (_, err) = runs(&sandbox, &["train", "gaps.tsv", "-o", "gaps.model"]);
    assert!(
        err.starts_with("stance: trained gaps.model: 18 documents (military 6,"),
        "{err}"
    );
    assert_eq!(
        warnings(&err),
        ["skipped 2 documents with an empty text (first: gaps.tsv:20): no words to learn from"]
    );
    assert_eq!(
        fs::read(sandbox.path("gaps.model")).unwrap(),
        fs::read(sandbox.path("model.model")).unwrap(),
        "the model of the data without them"
    );
    let (_, err) = runs(&sandbox, &["update", "-m", "model.model", "gaps.tsv", "-o", "u.model"]);
    assert!(
        warnings(&err)[0].starts_with("skipped 2 documents with an empty text"),
        "{err}"
    );

    sandbox.write("gaps-test.tsv", format!("{TEST_TSV}t4\tneutral\t\n"));
    let (out, err) = runs(
        &sandbox,
        &["eval", "-m", "model.model", "gaps-test.tsv", "--format", "json"],
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["n_documents"],
        3
    );
    assert_eq!(
        warnings(&err),
        ["skipped 1 document with an empty text (first: gaps-test.tsv:5 (id `t4`)): no words to evaluate"]
    );

    sandbox.write("blank.tsv", "id\ttext\nq1\t\nq2\tTanks shelled the town.\n");
    let out = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "model.model", "blank.tsv", "--format", "json"]),
    );
    let predictions = json_lines(&out);
    assert_eq!(predictions.len(), 2, "predicted, not skipped");
    let uniform = 1.0 / 3.0;
    for label in LABELS {
        let p = predictions[0]["probabilities"][label].as_f64().unwrap();
        assert!((p - uniform).abs() < 1e-12, "the priors: {p}");
    }
    let (_, warnings) = predict(&sandbox, "model.model", &["blank.tsv"]);
    assert_eq!(
        warnings,
        ["1 of 2 documents had an empty text, predicted from the priors alone (first: blank.tsv:2 (id `q1`))"]
    );
    let (_, err) = runs(&sandbox, &["predict", "-m", "model.model", "blank.tsv", "-q"]);
    assert_eq!(err, "", "--quiet");
}

#[test]
fn a_label_with_one_example_trains_with_a_warning() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "typo.tsv",
        train_tsv_with("militray\tTroops crossed the river at dawn.\n"),
    );
    let (_, err) = runs(&sandbox, &["train", "typo.tsv", "-o", "m.model"]);
    assert!(err.contains("(military 6, militray 1,"), "{err}");
    assert_eq!(warnings(&err), ["label `militray` has a single document (a typo?)"]);
}

#[test]
fn one_label_is_not_enough_to_train() {
    let sandbox = Sandbox::new();
    let military: String = TRAIN_TSV.lines().take(7).map(|line| format!("{line}\n")).collect();
    sandbox.write("military.tsv", &military);
    let expected = "stance: error: training needs at least two labels, but all 6 documents are labeled \
                    `military`; check the label column (--label-column) and --label-map";
    assert_eq!(fails(&sandbox, &["train", "military.tsv", "-o", "m.model"]), expected);
    assert_eq!(fails(&sandbox, &["cv", "military.tsv", "--folds", "2"]), expected);
    // A label map that folds every label into one is the same mistake.
    sandbox.write("train.tsv", TRAIN_TSV);
    let error = fails(
        &sandbox,
        &[
            "train",
            "train.tsv",
            "-o",
            "m.model",
            "--label-map",
            "negotiation=military,neutral=military",
        ],
    );
    assert!(error.contains("all 18 documents are labeled `military`"), "{error}");
    assert!(!sandbox.path("m.model").exists());
    // Adding documents of one label to a model is fine.
    sandbox.trained();
    runs(
        &sandbox,
        &["update", "-m", "model.model", "military.tsv", "-o", "u.model"],
    );
}

#[test]
fn labels_are_trimmed_and_labels_differing_in_case_are_named() {
    let sandbox = Sandbox::new();
    let spaced = TRAIN_TSV
        .replace("\nmilitary\t", "\n military \t")
        .replace("\nneutral\t", "\n\u{a0}neutral\t");
    sandbox.write("spaced.tsv", &spaced);
    sandbox.trained();
    let (_, err) = runs(&sandbox, &["train", "spaced.tsv", "-o", "spaced.model"]);
    assert!(warnings(&err).is_empty(), "{err}");
    assert_eq!(
        fs::read(sandbox.path("spaced.model")).unwrap(),
        fs::read(sandbox.path("model.model")).unwrap(),
        "whitespace (a no-break space too) around labels is trimmed"
    );

    sandbox.write(
        "cased.tsv",
        train_tsv_with("Military\tTanks crossed the bridge.\nMilitary\tShelling resumed at night.\n"),
    );
    let (_, err) = runs(&sandbox, &["train", "cased.tsv", "-o", "cased.model"]);
    assert_eq!(
        warnings(&err),
        [
            "labels `Military` and `military` differ only in case: they are different labels \
          (to make them one: --label-map Military=military)"
        ]
    );
    let out = stdout(sandbox.stance().args(["inspect", "cased.model", "--format", "json"]));
    let labels: serde_json::Value = serde_json::from_str::<serde_json::Value>(&out).unwrap()["labels"].clone();
    assert_eq!(
        labels,
        serde_json::json!(["Military", "military", "negotiation", "neutral"])
    );
    let (_, err) = runs(
        &sandbox,
        &[
            "train",
            "cased.tsv",
            "-o",
            "cased.model",
            "--label-map",
            "Military=military",
        ],
    );
    assert!(warnings(&err).is_empty(), "{err}");
    let (_, err) = runs(&sandbox, &["cv", "cased.tsv", "--folds", "2"]);
    assert!(
        warnings(&err)[0].starts_with("labels `Military` and `military`"),
        "{err}"
    );
}

#[test]
fn labels_with_control_characters_are_an_error_and_unicode_labels_work() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "tabbed.csv",
        format!("{}\"mili\ttary\",Tanks again.\n", TRAIN_TSV.replace('\t', ",")),
    );
    assert_eq!(
        fails(&sandbox, &["train", "tabbed.csv", "-o", "m.model"]),
        "stance: error: tabbed.csv:20: the label \"mili\\ttary\" holds a tab, line break or other control \
         character; labels name classes in every output, rename it (--label-map) or fix the input"
    );
    sandbox.write(
        "broken.jsonl",
        "{\"label\": \"a\", \"text\": \"x\"}\n{\"label\": \"b\\nc\", \"text\": \"y\"}\n",
    );
    let error = fails(&sandbox, &["train", "broken.jsonl", "-o", "m.model"]);
    assert!(
        error.starts_with("stance: error: broken.jsonl:2: the label \"b\\nc\" holds"),
        "{error}"
    );

    let unicode = TRAIN_TSV
        .replace("\nmilitary\t", "\nвоенные\t")
        .replace("\nnegotiation\t", "\n谈判 🕊\t")
        .replace("\nneutral\t", "\nneutralité\t");
    sandbox.write("unicode.tsv", &unicode);
    runs(&sandbox, &["train", "unicode.tsv", "-o", "u.model", "-q"]);
    sandbox.write("u-test.tsv", "id\ttext\nt1\tEnvoys resumed peace talks.\n");
    let (out, _) = runs(&sandbox, &["predict", "-m", "u.model", "u-test.tsv"]);
    assert!(out.starts_with("t1\t谈判 🕊 ("), "{out}");
    let (out, _) = runs(&sandbox, &["predict", "-m", "u.model", "u-test.tsv", "--format", "tsv"]);
    assert!(
        out.starts_with("id\tlabel\tprobability\tp_neutralité\tp_военные\tp_谈判 🕊\n"),
        "{out}"
    );
    let (out, _) = runs(&sandbox, &["eval", "-m", "u.model", "unicode.tsv", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["n_documents"], 18);
}

#[test]
fn repeated_ids_are_named_in_a_warning_not_an_error() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write(
        "dup.tsv",
        "id\tlabel\ttext\na\tmilitary\tTanks shelled the town.\nb\tnegotiation\tEnvoys met.\n\
         a\tnegotiation\tPeace talks resumed.\na\tneutral\tThe museum reopened.\n",
    );
    let (predictions, notes) = predict(&sandbox, model, &["dup.tsv"]);
    let ids: Vec<&str> = predictions.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "a", "a"], "every document is predicted");
    assert_eq!(
        notes,
        ["2 documents repeat an id seen before (first: id `a` at dup.tsv:4); each is predicted on its own"]
    );
    let (out, err) = runs(&sandbox, &["eval", "-m", model, "dup.tsv", "--format", "json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["n_documents"],
        4
    );
    assert_eq!(
        warnings(&err),
        ["2 documents repeat an id seen before (first: id `a` at dup.tsv:4); each is evaluated on its own"]
    );
    // The same file twice: its ids repeat too.
    let (_, notes) = predict(&sandbox, model, &["test.tsv", "test.tsv"]);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].starts_with("3 documents repeat an id"), "{notes:?}");
}

// ---------------------------------------------------------------------------------------------
// Compression, directories, formats.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_truncated_gzip_file_is_an_error_after_the_rows_before_the_damage() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let mut rows = String::from("id\ttext\n");
    for i in 0..5000 {
        rows.push_str(&format!(
            "r{i}\tArtillery shelled ridge {i} while envoys met for talks.\n"
        ));
    }
    let packed = gzip(rows.as_bytes());
    sandbox.write("cut.tsv.gz", &packed[..packed.len() / 2]);
    sandbox.write("tail.tsv.gz", &packed[..packed.len() - 4]);
    sandbox.write("head.tsv.gz", &packed[..6]);
    for name in ["cut.tsv.gz", "tail.tsv.gz", "head.tsv.gz"] {
        let output = sandbox.stance().args(["predict", "-m", model, name]).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        no_panic(&stderr);
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(stderr.starts_with(&format!("stance: error: {name}:")), "{stderr}");
        assert!(
            stderr.contains(": read error: truncated or corrupt gzip data ("),
            "{stderr}"
        );
    }
    sandbox.write("labeled.tsv.gz", &gzip(TRAIN_TSV.as_bytes())[..200]);
    let error = fails(&sandbox, &["train", "labeled.tsv.gz", "-o", "m.model"]);
    assert!(error.contains("truncated or corrupt gzip data"), "{error}");
    sandbox.write("plain.tsv.gz", TEST_TSV);
    let error = fails(&sandbox, &["predict", "-m", model, "plain.tsv.gz"]);
    assert!(
        error.contains("truncated or corrupt gzip data"),
        "a .gz that is not gzip: {error}"
    );
    assert!(!sandbox.path("m.model").exists());
}

#[test]
fn a_directory_without_label_sub_directories_cannot_train() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("flat/a.txt", "Tanks shelled the town.");
    sandbox.write("flat/b.txt", "Envoys resumed peace talks.");
    fs::create_dir(sandbox.path("void")).unwrap();
    let expected = |dir: &str| {
        format!("stance: error: {dir}: no label directories; expected one sub-directory per label holding .txt files")
    };
    assert_eq!(fails(&sandbox, &["train", "flat", "-o", "m.model"]), expected("flat"));
    assert_eq!(fails(&sandbox, &["train", "void", "-o", "m.model"]), expected("void"));
    assert_eq!(fails(&sandbox, &["eval", "-m", model, "flat"]), expected("flat"));
    // Label directories without text files: no documents.
    fs::create_dir_all(sandbox.path("hollow/military")).unwrap();
    fs::create_dir_all(sandbox.path("hollow/neutral")).unwrap();
    sandbox.write("hollow/neutral/notes.md", "not a .txt file");
    assert_eq!(
        fails(&sandbox, &["train", "hollow", "-o", "m.model"]),
        "stance: error: no training documents in hollow"
    );
    // predict reads the .txt files below a directory; none is a warning.
    assert_eq!(predict(&sandbox, model, &["flat"]).0.len(), 2);
    let (predictions, warnings) = predict(&sandbox, model, &["void"]);
    assert!(predictions.is_empty());
    assert_eq!(
        warnings,
        ["no documents in void (a directory is searched for .txt files only)"]
    );
    assert!(!sandbox.path("m.model").exists());
}

#[test]
fn an_input_format_that_does_not_match_the_contents() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    // CSV asked, TSV given: one column named `id\tlabel\ttext`.
    assert_eq!(
        fails(
            &sandbox,
            &["eval", "-m", model, "test.tsv", "--input-format", "csv", "-q"]
        ),
        "stance: error: test.tsv:1: no column `text`; columns found: id\\tlabel\\ttext; the header looks \
         tab-separated: is the input TSV? (name it .tsv or pass --input-format tsv)"
    );
    let output = sandbox
        .stance()
        .args(["train", "test.tsv", "-o", "m.model", "--input-format", "jsonl"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr,
        "stance: warning: test.tsv: read as jsonl (--input-format), although its extension says tsv\n\
         stance: error: test.tsv:1: invalid JSON: expected value at line 1 column 1\n"
    );
    sandbox.write("train.csv", TRAIN_TSV.replace('\t', ","));
    let error = fails(
        &sandbox,
        &["train", "train.csv", "-o", "m.model", "--input-format", "tsv", "-q"],
    );
    assert!(error
        .ends_with("the header looks comma-separated: is the input CSV? (name it .csv or pass --input-format csv)"));
    // fastText asked, TSV given: every line is a text, the header too. Read as asked, with a warning;
    // the header line, words the model never saw, is barely known to it.
    let (predictions, warnings) = predict(&sandbox, model, &["test.tsv", "--input-format", "fasttext"]);
    assert_eq!(predictions.len(), 4);
    assert_eq!(
        warnings[0],
        "test.tsv: read as fasttext (--input-format), although its extension says tsv"
    );
    assert!(
        warnings[1].starts_with("1 document is barely known to the model")
            && warnings[1].ends_with("(first: test.tsv:1)"),
        "{warnings:?}"
    );
    assert_eq!(warnings.len(), 2);
    // Standard input and unknown extensions have no extension to contradict.
    sandbox.write("news.data", TEST_TSV);
    let (_, warnings) = predict(&sandbox, model, &["news.data", "--input-format", "tsv"]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(!sandbox.path("m.model").exists());
}

// ---------------------------------------------------------------------------------------------
// Model files.
// ---------------------------------------------------------------------------------------------

/// Every command that loads a model file, with `model` in the place of the model.
fn model_commands(model: &str) -> Vec<Vec<&str>> {
    vec![
        vec!["predict", "-m", model, "test.tsv"],
        vec!["eval", "-m", model, "test.tsv"],
        vec!["inspect", model],
        vec!["merge", model, "model.model", "-o", "out.model"],
        vec!["update", "-m", model, "test.tsv", "-o", "out.model"],
    ]
}

#[test]
fn a_damaged_model_file_is_an_error_naming_the_file_and_the_cause() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    let bytes = fs::read(sandbox.path(model)).unwrap();
    let mut cases: Vec<(String, Vec<u8>, String)> = vec![(
        "empty.model".into(),
        Vec::new(),
        "not a valid model file: the file is empty".into(),
    )];
    for tenth in 1..10 {
        let cut = bytes.len() * tenth / 10;
        let reason = format!(
            "not a valid model file: truncated or padded: the header announces {} bytes of content, found {}",
            bytes.len() - 25,
            cut - 25
        );
        cases.push((format!("cut{tenth}.model"), bytes[..cut].to_vec(), reason));
    }
    cases.push((
        "header.model".into(),
        bytes[..12].to_vec(),
        "truncated: 12 bytes".into(),
    ));
    for (i, at) in [30, bytes.len() / 3, bytes.len() / 2, bytes.len() - 1]
        .into_iter()
        .enumerate()
    {
        let mut flipped = bytes.clone();
        flipped[at] ^= 1 << (i % 8);
        cases.push((
            format!("flip{i}.model"),
            flipped,
            "not a valid model file: checksum mismatch: the file is damaged".into(),
        ));
    }
    let mut future = bytes.clone();
    future[8..12].copy_from_slice(&5u32.to_le_bytes());
    cases.push((
        "future.model".into(),
        future,
        "model format version 5 is newer than this program supports (4); upgrade stance".into(),
    ));
    let mut padded = bytes.clone();
    padded.extend_from_slice(b"\n");
    cases.push(("padded.model".into(), padded, "truncated or padded".into()));
    cases.push((
        "train.tsv".into(),
        TRAIN_TSV.into(),
        "not a valid model file: it does not start with a stance model header".into(),
    ));
    cases.push((
        "image.model".into(),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
        "it does not start with a stance model header".into(),
    ));
    for (name, contents, reason) in &cases {
        sandbox.write(name, contents);
        for args in model_commands(name) {
            let error = fails(&sandbox, &args);
            assert!(
                error.starts_with(&format!("stance: error: {name}: ")),
                "{args:?}: {error}"
            );
            assert!(error.contains(reason.as_str()), "{args:?}: {error}");
        }
    }
    assert!(!sandbox.path("out.model").exists());
}

#[test]
fn a_model_path_that_is_a_directory_or_missing_is_an_error() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    fs::create_dir(sandbox.path("models")).unwrap();
    for args in model_commands("models") {
        assert_eq!(
            fails(&sandbox, &args),
            "stance: error: models: Is a directory (os error 21)",
            "{args:?}"
        );
    }
    for args in model_commands("gone.model") {
        assert_eq!(
            fails(&sandbox, &args),
            "stance: error: gone.model: No such file or directory (os error 2)",
            "{args:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Outputs.
// ---------------------------------------------------------------------------------------------

/// `-o` into a missing directory, under a regular file used as a directory, into `/proc` (no file
/// can be created there, even by root: the tests run as root, so a read-only directory would not
/// stop them), or onto a directory: exit 1 before any work, and nothing written.
#[test]
fn an_output_that_cannot_be_written_fails_first_and_writes_nothing() {
    let sandbox = Sandbox::new();
    let model = sandbox.trained();
    sandbox.write("plain-file", "not a directory");
    fs::create_dir(sandbox.path("out")).unwrap();
    let before = sandbox.files();
    let mut targets = vec![
        (
            "missing/x.out",
            "cannot write missing/x.out: no directory missing: No such file or directory (os error 2)",
        ),
        (
            "plain-file/x.out",
            "cannot write plain-file/x.out: plain-file is not a directory",
        ),
        ("out", "out: is a directory; -o names the file to write"),
    ];
    if cfg!(target_os = "linux") && std::path::Path::new("/proc/self").exists() {
        targets.push((
            "/proc/stance-x.out",
            "cannot write /proc/stance-x.out: cannot create a file in /proc: No such file or directory (os error 2)",
        ));
    }
    for (target, message) in targets {
        for args in [
            vec!["train", "train.tsv", "-o", target],
            vec!["predict", "-m", model, "test.tsv", "-o", target],
            vec!["eval", "-m", model, "test.tsv", "-o", target],
            vec!["cv", "train.tsv", "--folds", "2", "-o", target],
            vec![
                "tune",
                "train.tsv",
                "--folds",
                "2",
                "--grid",
                "alpha=0.5,1",
                "-o",
                target,
            ],
            vec!["merge", model, model, "-o", target],
            vec!["update", "-m", model, "test.tsv", "-o", target],
        ] {
            assert_eq!(fails(&sandbox, &args), format!("stance: error: {message}"), "{args:?}");
        }
    }
    assert_eq!(sandbox.files(), before, "nothing written, no temporary file left");
    assert!(super::common::list(&sandbox.path("out")).is_empty());
}

/// `cv` skips empty texts as `train` does, and a folds file still numbers every data row.
#[test]
fn cross_validation_skips_empty_texts_and_keeps_the_folds_file_rows() {
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    let mut rows: Vec<&str> = TRAIN_TSV.lines().skip(1).collect();
    rows.insert(4, "neutral\t ");
    rows.push("military\t");
    sandbox.write("gaps.tsv", format!("label\ttext\n{}\n", rows.join("\n")));
    let folds = |n: usize, skipped: &[usize]| {
        let mut text = String::from("row\tfold\n");
        let mut kept = 0;
        for row in 0..n {
            let fold = if skipped.contains(&row) {
                "f9".to_string()
            } else {
                kept += 1;
                format!("f{}", (kept - 1) % 3)
            };
            text.push_str(&format!("{row}\t{fold}\n"));
        }
        text
    };
    sandbox.write("folds.tsv", folds(18, &[]));
    sandbox.write("gap-folds.tsv", folds(20, &[4, 19]));
    let cv = |data: &str, folds: &str| {
        let (out, err) = runs(&sandbox, &["cv", data, "--folds-file", folds, "--format", "json"]);
        (serde_json::from_str::<serde_json::Value>(&out).unwrap(), err)
    };
    let (clean, _) = cv("train.tsv", "folds.tsv");
    let (mut gaps, err) = cv("gaps.tsv", "gap-folds.tsv");
    let skipped = "skipped 2 documents with an empty text (first: gaps.tsv:6): no words to learn from";
    assert_eq!(warnings(&err), [skipped]);
    // The JSON lists the warning too; everything else is the report of the same rows.
    assert_eq!(gaps["warnings"], serde_json::json!([skipped]));
    gaps["warnings"] = serde_json::json!([]);
    assert_eq!(gaps, clean);
}
