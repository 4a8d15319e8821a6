//! The real-news labels (`datasets/real/`): ids and labels only, as its README promises. With
//! the shared texts present (`../shared/realnews/`), every id is joined with its text and the
//! splits are checked by date; without them that part skips with a message (and fails under
//! `CI=true`, where the shared folder is always present).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use stance_documents::{read_documents, ReadOptions, Texts};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The rows of a TSV file as maps from column to value; panics on a malformed row.
fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    lines
        .enumerate()
        .map(|(i, line)| {
            let values: Vec<&str> = line.split('\t').collect();
            assert_eq!(values.len(), header.len(), "{}:{}: field count", path.display(), i + 2);
            header
                .iter()
                .map(|h| h.to_string())
                .zip(values.iter().map(|v| v.to_string()))
                .collect()
        })
        .collect()
}

/// `id -> split` from `selection.tsv`.
fn selection() -> HashMap<String, String> {
    rows(&repository().join("datasets/real/selection.tsv"))
        .into_iter()
        .map(|row| (row["id"].clone(), row["split"].clone()))
        .collect()
}

const TASKS: [(&str, [&str; 3]); 2] = [
    ("stance", ["military", "negotiation", "neutral"]),
    ("sentiment", ["negative", "neutral", "positive"]),
];

#[test]
fn label_files_follow_their_schema() {
    let selection = selection();
    assert_eq!(selection.len(), 9022);
    for (task, labels) in TASKS {
        for (split, min_rows) in [("test", 600), ("train", 8000)] {
            let path = repository().join(format!("datasets/real/{task}/{split}.tsv"));
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with("id\tyear\tlabel\tlabeler\tnote\n"),
                "{}: header",
                path.display()
            );
            let rows = rows(&path);
            assert!(rows.len() >= min_rows, "{}: {} rows", path.display(), rows.len());
            let mut previous = String::new();
            for row in &rows {
                let id = &row["id"];
                assert!(
                    *id > previous,
                    "{}: ids sorted and unique, {id} after {previous}",
                    path.display()
                );
                previous = id.clone();
                assert!(labels.contains(&row["label"].as_str()), "{id}: label {}", row["label"]);
                assert_eq!(
                    selection.get(id),
                    Some(&split.to_string()),
                    "{id}: split in selection.tsv"
                );
                assert_eq!(id.split('-').nth(1), Some(row["year"].as_str()), "{id}: year");
                assert!(
                    row["labeler"].starts_with("helper-"),
                    "{id}: labeler {}",
                    row["labeler"]
                );
                assert!(row["note"].chars().count() <= 100, "{id}: a short note");
            }
        }
    }
}

#[test]
fn stance_and_sentiment_label_the_same_passages() {
    for split in ["test", "train"] {
        let ids = |task: &str| -> Vec<String> {
            rows(&repository().join(format!("datasets/real/{task}/{split}.tsv")))
                .into_iter()
                .map(|row| row["id"].clone())
                .collect()
        };
        assert_eq!(ids("stance"), ids("sentiment"), "{split}");
    }
}

/// The shared real-news texts, or `None` (with a message) when the folder is absent outside CI.
fn shared_texts() -> Option<Texts> {
    let path = repository().join("../shared/realnews/wikipedia-current-events.tsv");
    if !path.exists() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing, and CI always has the shared folder",
            path.display()
        );
        eprintln!(
            "skipped: {} is absent (the real-news texts live outside the repository)",
            path.display()
        );
        return None;
    }
    Some(Texts::read(&path, &ReadOptions::default()).expect("the shared texts read"))
}

#[test]
fn every_label_joins_a_text_of_its_split_s_dates() {
    let Some(texts) = shared_texts() else { return };
    let options = ReadOptions {
        require_label: true,
        texts: Some(Arc::new(texts)),
        ..ReadOptions::default()
    };
    for (task, _) in TASKS {
        for split in ["test", "train"] {
            let path = repository().join(format!("datasets/real/{task}/{split}.tsv"));
            for document in read_documents(&path, &options).unwrap() {
                let document = document.unwrap_or_else(|e| panic!("{e}"));
                assert!(!document.text.trim().is_empty(), "{}: a text", document.id);
                let date = &document.fields["date"];
                let newest = date.as_str() >= "2025-09-01";
                assert_eq!(newest, split == "test", "{}: dated {date}, in {split}", document.id);
            }
        }
    }
}
