//! The project's own datasets (`datasets/`): they parse, meet the sizes and shares their README
//! promises, hold whole groups out of the test split, and no test passage nearly duplicates a
//! training passage.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use stance_documents::{read_documents, Document, ReadOptions};

fn datasets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../datasets")
}

fn read(path: &Path) -> Vec<Document> {
    let options = ReadOptions {
        require_label: true,
        ..ReadOptions::default()
    };
    read_documents(path, &options)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Word trigrams of a lowercased text.
fn shingles(text: &str) -> HashSet<[String; 3]> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(3)
        .map(|w| [w[0].clone(), w[1].clone(), w[2].clone()])
        .collect()
}

fn jaccard(a: &HashSet<[String; 3]>, b: &HashSet<[String; 3]>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

struct Expectations {
    task: &'static str,
    group: &'static str,
    labels: [&'static str; 3],
    min_rows: usize,
    min_groups: usize,
    max_group_share: f64,
}

fn check(expect: Expectations) {
    let dir = datasets().join(expect.task);
    let train = read(&dir.join("train.tsv"));
    let test = read(&dir.join("test.tsv"));
    let all: Vec<&Document> = train.iter().chain(&test).collect();
    assert!(all.len() >= expect.min_rows, "{}: {} rows", expect.task, all.len());

    let ids: HashSet<&str> = all.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "ids are unique");

    let mut per_label: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_group: BTreeMap<&str, usize> = BTreeMap::new();
    for doc in &all {
        let label = doc.label.as_deref().unwrap();
        assert!(expect.labels.contains(&label), "{}: unexpected label {label}", doc.id);
        assert!(!doc.text.trim().is_empty(), "{}: empty text", doc.id);
        *per_label.entry(label).or_default() += 1;
        *per_group.entry(doc.fields[expect.group].as_str()).or_default() += 1;
        assert!(doc.fields.contains_key("register"));
    }
    for (label, n) in &per_label {
        assert!(*n as f64 >= 0.25 * all.len() as f64, "{label}: {n} of {}", all.len());
    }
    assert!(per_group.len() >= expect.min_groups, "{} groups", per_group.len());
    for (group, n) in &per_group {
        assert!(
            *n as f64 <= expect.max_group_share * all.len() as f64,
            "{group}: {n} rows"
        );
    }

    let train_groups: BTreeSet<&str> = train.iter().map(|d| d.fields[expect.group].as_str()).collect();
    let test_groups: BTreeSet<&str> = test.iter().map(|d| d.fields[expect.group].as_str()).collect();
    assert!(
        train_groups.is_disjoint(&test_groups),
        "test groups also in train: {:?}",
        train_groups.intersection(&test_groups).collect::<Vec<_>>()
    );

    let hard = std::fs::read_to_string(dir.join("hard_cases.tsv")).unwrap();
    let hard_ids: HashSet<&str> = hard.lines().skip(1).filter_map(|l| l.split('\t').next()).collect();
    assert!(hard_ids.iter().all(|id| ids.contains(id)), "hard cases name known ids");
    assert!(
        hard_ids.len() as f64 >= 0.20 * all.len() as f64,
        "{} hard cases",
        hard_ids.len()
    );

    let train_shingles: Vec<_> = train.iter().map(|d| shingles(&d.text)).collect();
    for doc in &test {
        let s = shingles(&doc.text);
        let normalized = doc.text.to_lowercase();
        for (other, t) in train.iter().zip(&train_shingles) {
            assert_ne!(
                normalized,
                other.text.to_lowercase(),
                "{} duplicates {}",
                doc.id,
                other.id
            );
            let similarity = jaccard(&s, t);
            assert!(
                similarity < 0.5,
                "{} nearly duplicates {} (trigram Jaccard {similarity:.2})",
                doc.id,
                other.id
            );
        }
    }
}

#[test]
fn stance_dataset_meets_its_promises() {
    check(Expectations {
        task: "stance",
        group: "conflict",
        labels: ["military", "negotiation", "neutral"],
        min_rows: 1500,
        min_groups: 30,
        max_group_share: 0.08,
    });
}

#[test]
fn sentiment_dataset_meets_its_promises() {
    check(Expectations {
        task: "sentiment",
        group: "topic",
        labels: ["negative", "neutral", "positive"],
        min_rows: 1200,
        min_groups: 12,
        max_group_share: 0.10,
    });
}
