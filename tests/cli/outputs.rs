//! The output formats of predict (text, TSV, JSON lines) and their schemas, --explain, --top-k,
//! -o FILE.

use super::common::{json_lines, stdout, tsv, Sandbox, LABELS};

fn predict(sandbox: &Sandbox, args: &[&str]) -> String {
    stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "model.model", "test.tsv"])
            .args(args),
    )
}

#[test]
fn tsv_has_a_probability_column_per_label() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let (header, rows) = tsv(&predict(&sandbox, &["--format", "tsv"]));
    assert_eq!(
        header,
        ["id", "label", "probability", "p_military", "p_negotiation", "p_neutral"]
    );
    assert_eq!(rows.len(), 3);
    for row in rows {
        let p: Vec<f64> = row[2..].iter().map(|v| v.parse().unwrap()).collect();
        let sum: f64 = p[1..].iter().sum();
        assert!((sum - 1.0).abs() < 1e-9, "{row:?}");
        let best = LABELS.iter().position(|l| *l == row[1]).unwrap();
        assert_eq!(p[0], p[1 + best], "probability is the label's");
    }
}

#[test]
fn json_lines_schema() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let lines = json_lines(&predict(&sandbox, &["--format", "json"]));
    assert_eq!(lines.len(), 3);
    for line in &lines {
        let object = line.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 5, "{keys:?}");
        for key in ["id", "label", "probability", "probabilities", "known_share"] {
            assert!(object.contains_key(key), "{key}");
        }
        let probabilities = line["probabilities"].as_object().unwrap();
        let labels: Vec<&str> = probabilities.keys().map(String::as_str).collect();
        assert_eq!(labels, LABELS);
        let label = line["label"].as_str().unwrap();
        assert_eq!(probabilities[label], line["probability"]);
        let sum: f64 = probabilities.values().map(|p| p.as_f64().unwrap()).sum();
        assert!((sum - 1.0).abs() < 1e-9);
    }
    assert_eq!(lines[0]["id"], "t1");
    assert_eq!(lines[0]["label"], "military");
}

#[test]
fn text_is_a_readable_line_per_document() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let text = predict(&sandbox, &[]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("t1\tmilitary ("), "{text}");
    assert!(lines[1].starts_with("t2\tnegotiation ("), "{text}");
    assert_eq!(text, predict(&sandbox, &["--format", "text"]), "text is the default");
}

#[test]
fn explain_lists_the_terms_that_weighed_most() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let lines = json_lines(&predict(&sandbox, &["--format", "json", "--explain", "2"]));
    for line in &lines {
        let evidence = line["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty() && evidence.len() <= 2, "{line}");
        let weights: Vec<f64> = evidence.iter().map(|e| e["weight"].as_f64().unwrap()).collect();
        assert!(weights.windows(2).all(|w| w[0] >= w[1]), "strongest first: {weights:?}");
        assert!(weights.iter().all(|w| *w > 0.0));
        for e in evidence {
            assert!(e["term"].is_string() && e["value"].is_number(), "{e}");
        }
        assert!(line["runner_up"].is_string());
        assert_ne!(line["runner_up"], line["label"]);
    }
    let military_terms: Vec<&str> = lines[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["term"].as_str().unwrap())
        .collect();
    assert!(
        military_terms
            .iter()
            .any(|t| ["artilleri", "shell", "troop", "advanc", "tank"]
                .iter()
                .any(|w| t.contains(w))),
        "{military_terms:?}"
    );

    let (header, rows) = tsv(&predict(&sandbox, &["--format", "tsv", "--explain", "3"]));
    assert_eq!(header.last().unwrap(), "evidence");
    assert!(rows[0].last().unwrap().contains('='), "{rows:?}");

    let text = predict(&sandbox, &["--explain", "3"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        6,
        "a line per document and one explanation under it:\n{text}"
    );
    assert!(lines[1].starts_with("  military over "), "{text}");
}

#[test]
fn top_k_lists_the_most_likely_labels() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let lines = json_lines(&predict(&sandbox, &["--format", "json", "--top-k", "2"]));
    for line in &lines {
        let top = line["top_k"].as_array().unwrap();
        assert_eq!(top.len(), 2);
        assert_eq!(top[0]["label"], line["label"]);
        assert_eq!(top[0]["probability"], line["probability"]);
        assert!(top[0]["probability"].as_f64() >= top[1]["probability"].as_f64());
    }
    let all = json_lines(&predict(&sandbox, &["--format", "json", "--top-k", "10"]));
    assert_eq!(all[0]["top_k"].as_array().unwrap().len(), 3, "at most every label");

    let (header, rows) = tsv(&predict(&sandbox, &["--format", "tsv", "--top-k", "2"]));
    assert_eq!(header.last().unwrap(), "top_k");
    assert!(rows[0].last().unwrap().starts_with("military="), "{rows:?}");

    let text = predict(&sandbox, &["--top-k", "3"]);
    assert!(text.lines().next().unwrap().starts_with("t1\tmilitary "), "{text}");
    assert_eq!(text.lines().next().unwrap().matches(", ").count(), 2, "{text}");
}

#[test]
fn output_files_are_written_and_stdout_stays_empty() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox
        .stance()
        .args([
            "predict",
            "-m",
            "model.model",
            "test.tsv",
            "--format",
            "tsv",
            "-o",
            "out.tsv",
        ])
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(sandbox.path("out.tsv")).unwrap();
    assert_eq!(written, predict(&sandbox, &["--format", "tsv"]));
    sandbox
        .stance()
        .args([
            "eval",
            "-m",
            "model.model",
            "test.tsv",
            "--format",
            "json",
            "-o",
            "report.json",
        ])
        .assert()
        .success()
        .stdout("");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sandbox.path("report.json")).unwrap()).unwrap();
    assert_eq!(report["n_documents"], 3);
    let leftovers: Vec<String> = sandbox.files().into_iter().filter(|f| f.ends_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn empty_input_gives_only_the_header() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write("empty.tsv", "id\ttext\n");
    let output = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "model.model", "empty.tsv", "--format", "tsv"]),
    );
    assert_eq!(output.lines().count(), 1);
}

#[test]
fn no_color_codes_anywhere() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    for args in [
        &["predict", "-m", "model.model", "test.tsv", "--explain", "2"][..],
        &["--bogus"],
        &["train", "--help"],
    ] {
        let output = sandbox.stance().env("NO_COLOR", "1").args(args).output().unwrap();
        assert!(
            !output.stdout.contains(&0x1b) && !output.stderr.contains(&0x1b),
            "{args:?}"
        );
    }
}
