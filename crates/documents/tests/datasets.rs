//! Reading the shared benchmark datasets, when they are present beside the
//! project (`../shared/datasets` from the workspace); skipped otherwise.

use std::path::PathBuf;

use stance_documents::{read_documents, ReadOptions};

fn dataset(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/datasets")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// Reads a labeled dataset; returns (documents, empty texts, labels seen).
fn read_labeled(path: &PathBuf) -> (u64, u64, Vec<String>) {
    let options = ReadOptions {
        require_label: true,
        ..ReadOptions::default()
    };
    let mut documents = read_documents(path, &options).expect("dataset opens");
    let mut labels = Vec::new();
    for document in documents.by_ref() {
        let label = document.expect("dataset row reads").label.expect("labeled");
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.sort();
    let stats = documents.stats();
    (stats.documents, stats.empty_texts, labels)
}

#[test]
fn rt_polarity_reads_every_row() {
    let Some(path) = dataset("rt-polarity/all.tsv") else {
        return;
    };
    let (documents, _, labels) = read_labeled(&path);
    assert_eq!(documents, 10_662);
    assert_eq!(labels, ["neg", "pos"]);
}

#[test]
fn imdb_train_reads_every_row_through_gzip() {
    let Some(path) = dataset("imdb/train.tsv.gz") else {
        return;
    };
    let (documents, empty_texts, labels) = read_labeled(&path);
    assert_eq!(documents, 25_000);
    assert_eq!(empty_texts, 0);
    assert_eq!(labels, ["neg", "pos"]);
}
