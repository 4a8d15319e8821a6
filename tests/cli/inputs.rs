//! Every input format, compressed input, standard input, directories, and the id rules.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

use super::common::{json_lines, stdout, Sandbox, TRAIN_TSV};

/// `(id, label)` of each JSON prediction of `stance predict -m model.model ARGS --format json`.
fn predict(sandbox: &Sandbox, args: &[&str]) -> Vec<(String, String)> {
    let output = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "model.model", "--format", "json"])
            .args(args),
    );
    json_lines(&output)
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn tsv_ids_come_from_the_id_column_else_file_and_row() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    assert_eq!(
        predict(&sandbox, &["test.tsv"]),
        pairs(&[("t1", "military"), ("t2", "negotiation"), ("t3", "neutral")])
    );
    sandbox.write(
        "noid.tsv",
        "text\n\nArtillery shelled the ridge.\nEnvoys resumed peace talks.\n",
    );
    assert_eq!(
        predict(&sandbox, &["noid.tsv"]),
        pairs(&[("noid.tsv:1", "military"), ("noid.tsv:2", "negotiation")]),
        "rows count data rows: the header and blank lines are not rows"
    );
    sandbox.write("own.tsv", "key\tbody\nk9\tThe museum reopened.\n");
    assert_eq!(
        predict(&sandbox, &["own.tsv", "--id-column", "key", "--text-column", "body"]),
        pairs(&[("k9", "neutral")])
    );
}

#[test]
fn csv_with_a_quoted_multi_line_field() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write(
        "news.csv",
        "id,text\n\
         a,\"Troops advanced, and artillery\nshelled the \"\"ridge\"\" overnight.\"\n\
         ,Envoys met to resume peace talks.\n",
    );
    assert_eq!(
        predict(&sandbox, &["news.csv"]),
        pairs(&[("a", "military"), ("news.csv:2", "negotiation")])
    );
    let csv = TRAIN_TSV.replace('\t', ",");
    sandbox.write("train.csv", csv);
    sandbox
        .stance()
        .args(["train", "train.csv", "-o", "csv.model", "--quiet"])
        .assert()
        .success();
}

#[test]
fn json_lines_input() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write(
        "news.jsonl",
        "{\"id\": \"j1\", \"text\": \"Drones struck a convoy.\"}\n\n{\"text\": \"Diplomats held talks.\", \"extra\": 3}\n",
    );
    assert_eq!(
        predict(&sandbox, &["news.jsonl"]),
        pairs(&[("j1", "military"), ("news.jsonl:2", "negotiation")])
    );
}

#[test]
fn a_text_file_is_one_document_named_by_its_path() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write("article.txt", "Envoys met.\nThey agreed to resume peace talks.\n");
    assert_eq!(
        predict(&sandbox, &["article.txt"]),
        pairs(&[("article.txt", "negotiation")])
    );
}

#[test]
fn fasttext_files_train_and_predict_with_line_ids() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let fasttext: String = TRAIN_TSV
        .lines()
        .skip(1)
        .map(|line| {
            let (label, text) = line.split_once('\t').unwrap();
            format!("__label__{label} {text}\n")
        })
        .collect();
    sandbox.write("train.ft", fasttext);
    sandbox
        .stance()
        .args(["train", "train.ft", "-o", "model.model", "--quiet"])
        .assert()
        .success();
    sandbox.write(
        "test.ft",
        "__label__military Tanks shelled the town.\n\nEnvoys resumed peace talks.\n",
    );
    assert_eq!(
        predict(&sandbox, &["test.ft"]),
        pairs(&[("test.ft:1", "military"), ("test.ft:3", "negotiation")])
    );
}

#[test]
fn gzip_input_is_read_by_extension_and_by_magic_bytes() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(super::common::TEST_TSV.as_bytes()).unwrap();
    let packed = encoder.finish().unwrap();
    sandbox.write("test.tsv.gz", &packed);
    let expected = pairs(&[("t1", "military"), ("t2", "negotiation"), ("t3", "neutral")]);
    assert_eq!(predict(&sandbox, &["test.tsv.gz"]), expected);
    sandbox.write("hidden.tsv", &packed);
    assert_eq!(predict(&sandbox, &["hidden.tsv"]), expected);
    sandbox
        .stance()
        .args(["eval", "-m", "model.model", "test.tsv.gz"])
        .assert()
        .success();
}

#[test]
fn standard_input_is_one_document_with_the_id_dash() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    let output = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "model.model", "-", "--format", "json"])
            .write_stdin("Artillery shelled the ridge.\nTroops advanced.\n"),
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(
        (lines[0]["id"].as_str(), lines[0]["label"].as_str()),
        (Some("-"), Some("military"))
    );

    let piped = stdout(
        sandbox
            .stance()
            .args(["predict", "-m", "model.model", "--format", "json"])
            .write_stdin("Artillery shelled the ridge.\nTroops advanced.\n"),
    );
    assert_eq!(piped, output, "no INPUT and a piped standard input: read it as `-`");

    let jsonl = stdout(
        sandbox
            .stance()
            .args([
                "predict",
                "-m",
                "model.model",
                "-",
                "--input-format",
                "jsonl",
                "--format",
                "tsv",
            ])
            .write_stdin("{\"text\": \"Tanks rolled in.\"}\n{\"id\": \"x\", \"text\": \"Peace talks resumed.\"}\n"),
    );
    let ids: Vec<&str> = jsonl.lines().skip(1).map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(ids, ["-:1", "x"]);

    let lines = stdout(
        sandbox
            .stance()
            .args([
                "predict",
                "-m",
                "model.model",
                "--input-format",
                "fasttext",
                "--format",
                "json",
            ])
            .write_stdin("Tanks rolled in.\nPeace talks resumed.\n"),
    );
    assert_eq!(json_lines(&lines).len(), 2, "fastText format: one document per line");

    sandbox
        .stance()
        .args(["train", "-", "--input-format", "tsv", "-o", "stdin.model", "--quiet"])
        .write_stdin(super::common::TRAIN_TSV)
        .assert()
        .success();
    assert!(sandbox.path("stdin.model").is_file());
}

#[test]
fn a_directory_predicts_every_txt_file_below_it_in_path_order() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write("articles/b.txt", "Envoys resumed peace talks.");
    sandbox.write("articles/a/2.txt", "The museum reopened with old maps.");
    sandbox.write("articles/a/1.txt", "Tanks shelled the town.");
    sandbox.write("articles/notes.md", "not read");
    sandbox.write("articles/.hidden.txt", "not read");
    assert_eq!(
        predict(&sandbox, &["articles"]),
        pairs(&[
            ("articles/a/1.txt", "military"),
            ("articles/a/2.txt", "neutral"),
            ("articles/b.txt", "negotiation"),
        ])
    );
}

#[test]
fn a_labeled_directory_trains_and_evaluates() {
    let sandbox = Sandbox::new();
    for (i, line) in TRAIN_TSV.lines().skip(1).enumerate() {
        let (label, text) = line.split_once('\t').unwrap();
        sandbox.write(&format!("corpus/{label}/{i}.txt"), text);
    }
    sandbox
        .stance()
        .args(["train", "corpus", "-o", "dir.model", "--quiet"])
        .assert()
        .success();
    let json = stdout(
        sandbox
            .stance()
            .args(["eval", "-m", "dir.model", "corpus", "--format", "json"]),
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["n_documents"], 18);
}

#[test]
fn several_inputs_are_read_in_order() {
    let sandbox = Sandbox::new();
    sandbox.trained();
    sandbox.write("one.txt", "Tanks shelled the town.");
    let ids: Vec<String> = predict(&sandbox, &["one.txt", "test.tsv"])
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["one.txt", "t1", "t2", "t3"]);
}
