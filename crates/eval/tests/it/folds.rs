//! Cross-validation splits: stratified, grouped and fixed folds, learning curves.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use stance_eval::{EvalError, Folds, LEARNING_CURVE_FRACTIONS};

/// `count` copies of each (label, count) pair, interleaved in a fixed order.
fn labels(counts: &[(&str, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    let max = counts.iter().map(|c| c.1).max().unwrap_or(0);
    for round in 0..max {
        for &(label, count) in counts {
            if round < count {
                out.push(label.to_string());
            }
        }
    }
    out
}

/// Every document is validated by exactly one fold, and trained on by all others;
/// validation and training indices are sorted and disjoint.
fn assert_partition(folds: &Folds) -> Result<(), TestCaseError> {
    let n = folds.n_documents();
    let mut seen = vec![0usize; n];
    for f in 0..folds.n_folds() {
        let validation = folds.validation_indices(f);
        let train = folds.train_indices(f);
        prop_assert!(validation.windows(2).all(|w| w[0] < w[1]), "validation sorted");
        prop_assert!(train.windows(2).all(|w| w[0] < w[1]), "train sorted");
        prop_assert_eq!(validation.len() + train.len(), n);
        let validation_set: BTreeSet<usize> = validation.iter().copied().collect();
        prop_assert!(train.iter().all(|d| !validation_set.contains(d)));
        for &d in validation {
            seen[d] += 1;
            prop_assert_eq!(folds.assignment()[d], f);
        }
    }
    prop_assert!(seen.iter().all(|&count| count == 1), "{:?}", seen);
    Ok(())
}

/// Per fold and label, the count is within 1 of the ideal `n_label / k`; fold sizes
/// differ by at most 1.
fn assert_stratified(folds: &Folds, labels: &[String]) -> Result<(), TestCaseError> {
    let k = folds.n_folds() as f64;
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for label in labels {
        *totals.entry(label).or_default() += 1;
    }
    for f in 0..folds.n_folds() {
        for (&label, &total) in &totals {
            let count = folds
                .validation_indices(f)
                .iter()
                .filter(|&&d| labels[d] == label)
                .count();
            let ideal = total as f64 / k;
            prop_assert!(
                (count as f64 - ideal).abs() < 1.0,
                "fold {} has {} of {:?}, ideal {}",
                f,
                count,
                label,
                ideal
            );
        }
    }
    let sizes: Vec<usize> = (0..folds.n_folds())
        .map(|f| folds.validation_indices(f).len())
        .collect();
    prop_assert!(
        sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1,
        "{:?}",
        sizes
    );
    Ok(())
}

#[test]
fn stratified_folds_validate_every_document_once_in_proportion() {
    let labels = labels(&[("AGAINST", 23), ("FAVOR", 11), ("NONE", 17), ("rare", 3)]);
    let folds = Folds::stratified(&labels, 5, 2024).unwrap();
    assert_eq!(folds.n_folds(), 5);
    assert_eq!(folds.n_documents(), 54);
    assert_eq!(folds.fold_names(), ["1", "2", "3", "4", "5"]);
    assert_partition(&folds).unwrap();
    assert_stratified(&folds, &labels).unwrap();
    // "rare" has 3 documents for 5 folds: spread one per fold, with a warning.
    let rare_folds: BTreeSet<usize> = (0..labels.len())
        .filter(|&d| labels[d] == "rare")
        .map(|d| folds.assignment()[d])
        .collect();
    assert_eq!(rare_folds.len(), 3);
    assert_eq!(folds.warnings().len(), 1, "{:?}", folds.warnings());
    assert!(folds.warnings()[0].contains("\"rare\" has 3 documents, fewer than the 5 folds"));
}

#[test]
fn a_single_document_label_warns_that_one_fold_cannot_learn_it() {
    let folds = Folds::stratified(&["a", "a", "a", "b", "b", "b", "b", "c"], 3, 1).unwrap();
    let warnings = folds.warnings();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[1].contains("\"c\" is missing from the training part of fold(s) 3"));
}

#[test]
fn stratified_folds_are_pinned_for_a_seed() {
    // The shuffle is SplitMix64, written out in the crate: this assignment must not
    // change with a dependency or platform.
    let folds = Folds::stratified(&["a", "a", "a", "b", "b", "b", "b", "c"], 3, 1).unwrap();
    assert_eq!(folds.assignment(), [1, 2, 0, 1, 1, 2, 0, 2]);
    assert_eq!(folds.validation_indices(0), [2, 6]);
    assert_eq!(folds.train_indices(0), [0, 1, 3, 4, 5, 7]);
}

#[test]
fn a_seed_determines_the_folds() {
    let labels = labels(&[("x", 40), ("y", 25), ("z", 15)]);
    let a = Folds::stratified(&labels, 4, 99).unwrap();
    let b = Folds::stratified(&labels, 4, 99).unwrap();
    let c = Folds::stratified(&labels, 4, 100).unwrap();
    assert_eq!(a, b);
    assert_ne!(a.assignment(), c.assignment());
    let groups: Vec<String> = (0..80).map(|d| format!("g{}", d % 13)).collect();
    assert_eq!(
        Folds::grouped(&groups, &labels, 4, 5).unwrap(),
        Folds::grouped(&groups, &labels, 4, 5).unwrap()
    );
    assert_eq!(
        a.learning_curve_subsets(1, &LEARNING_CURVE_FRACTIONS, 3).unwrap(),
        b.learning_curve_subsets(1, &LEARNING_CURVE_FRACTIONS, 3).unwrap()
    );
}

#[test]
fn stratified_rejects_bad_fold_counts() {
    let labels = ["a", "b", "a"];
    assert_eq!(
        Folds::stratified(&labels, 1, 0),
        Err(EvalError::FoldCount { k: 1, n_documents: 3 })
    );
    assert_eq!(
        Folds::stratified(&labels, 4, 0),
        Err(EvalError::FoldCount { k: 4, n_documents: 3 })
    );
    let none: [&str; 0] = [];
    assert_eq!(Folds::stratified(&none, 2, 0), Err(EvalError::Empty));
    // Leave-one-out is allowed.
    assert_eq!(Folds::stratified(&labels, 3, 0).unwrap().n_folds(), 3);
}

#[test]
fn grouped_folds_keep_groups_whole_and_balance_sizes() {
    // Conflicts of sizes 6, 5, 4, 3, 3, 2, 1 (24 documents) in 3 folds.
    let sizes = [
        ("syria", 6),
        ("yemen", 5),
        ("mali", 4),
        ("libya", 3),
        ("iraq", 3),
        ("sudan", 2),
        ("chad", 1),
    ];
    let groups: Vec<&str> = sizes.iter().flat_map(|&(g, n)| std::iter::repeat_n(g, n)).collect();
    let labels: Vec<&str> = (0..groups.len()).map(|d| ["pos", "neg", "neutral"][d % 3]).collect();
    let folds = Folds::grouped(&groups, &labels, 3, 11).unwrap();
    assert_partition(&folds).unwrap();
    for f in 0..folds.n_folds() {
        let validated: BTreeSet<&str> = folds.validation_indices(f).iter().map(|&d| groups[d]).collect();
        let trained: BTreeSet<&str> = folds.train_indices(f).iter().map(|&d| groups[d]).collect();
        assert!(validated.is_disjoint(&trained), "fold {f}: {validated:?} / {trained:?}");
    }
    // Greedy largest-first to the smallest fold: 6 | 5 | 4, then 3 -> 4's fold (7),
    // 3 -> 5's fold (8), 2 -> 6's fold (8), 1 -> the 7 fold (8): sizes 8, 8, 8.
    let mut fold_sizes: Vec<usize> = (0..3).map(|f| folds.validation_indices(f).len()).collect();
    fold_sizes.sort_unstable();
    assert_eq!(fold_sizes, [8, 8, 8]);
    assert_eq!(folds.assignment()[0], 0, "the largest group goes to the first fold");
}

#[test]
fn grouped_folds_errors_and_warnings() {
    assert_eq!(
        Folds::grouped(&["a", "a", "b"], &["x", "y", "x"], 3, 0),
        Err(EvalError::TooFewGroups { groups: 2, k: 3 })
    );
    assert_eq!(
        Folds::grouped(&["a", "b"], &["x"], 2, 0),
        Err(EvalError::LengthMismatch {
            what: "labels",
            expected: 2,
            found: 1
        })
    );
    // A group larger than a fold's share unbalances the folds and says so.
    let groups = ["big", "big", "big", "big", "s1", "s2"];
    let folds = Folds::grouped(&groups, &["x"; 6], 2, 0).unwrap();
    assert!(folds.warnings().iter().any(|w| w.contains("\"big\" has 4 documents")));
    // A label only inside one group cannot be learned when that group is held out.
    let folds = Folds::grouped(&["g1", "g1", "g2", "g2"], &["rare", "x", "x", "x"], 2, 0).unwrap();
    assert!(folds.warnings().iter().any(|w| w.contains("\"rare\" is missing")));
}

#[test]
fn fixed_folds_follow_the_values_in_natural_order() {
    let ids = ["10", "2", "1", "2", "10", "1"];
    let folds = Folds::fixed(&ids).unwrap();
    assert_eq!(folds.fold_names(), ["1", "2", "10"]);
    assert_eq!(folds.validation_indices(0), [2, 5]);
    assert_eq!(folds.validation_indices(1), [1, 3]);
    assert_eq!(folds.validation_indices(2), [0, 4]);
    assert_eq!(folds.train_indices(2), [1, 2, 3, 5]);
    assert_partition(&folds).unwrap();

    let folds = Folds::fixed(&["fold10", "fold2", "fold1", "fold2"]).unwrap();
    assert_eq!(folds.fold_names(), ["fold1", "fold2", "fold10"]);
    let folds = Folds::fixed(&["2016", "-1", "0.5"]).unwrap();
    assert_eq!(folds.fold_names(), ["-1", "0.5", "2016"]);
    let folds = Folds::fixed(&["test", "train", "dev"]).unwrap();
    assert_eq!(folds.fold_names(), ["dev", "test", "train"]);

    assert_eq!(Folds::fixed(&["a", "a"]), Err(EvalError::TooFewFoldIds(1)));
    let none: [&str; 0] = [];
    assert_eq!(Folds::fixed(&none), Err(EvalError::Empty));
}

#[test]
fn fixed_folds_take_labels_later() {
    let folds = Folds::fixed(&["1", "1", "2", "2"]).unwrap();
    assert!(folds.warnings().is_empty());
    assert!(matches!(
        folds.clone().with_labels(&["a"]),
        Err(EvalError::LengthMismatch { what: "labels", .. })
    ));
    let labelled = folds.with_labels(&["a", "b", "a", "a"]).unwrap();
    // "b" is only in fold 1, so fold 1's training part lacks it.
    assert_eq!(labelled.warnings().len(), 1);
    // Relabelling replaces the label warnings.
    let relabelled = labelled.with_labels(&["a", "b", "b", "a"]).unwrap();
    assert!(relabelled.warnings().is_empty(), "{:?}", relabelled.warnings());
}

#[test]
fn learning_curve_subsets_are_nested_stratified_and_sized() {
    let labels = labels(&[("big", 60), ("mid", 30), ("small", 6)]);
    let folds = Folds::stratified(&labels, 4, 8).unwrap();
    for f in 0..folds.n_folds() {
        let train = folds.train_indices(f);
        let n = train.len();
        let subsets = folds.learning_curve_subsets(f, &LEARNING_CURVE_FRACTIONS, 21).unwrap();
        assert_eq!(subsets.len(), 10);
        for (subset, &fraction) in subsets.iter().zip(&LEARNING_CURVE_FRACTIONS) {
            assert_eq!(subset.len(), ((fraction * n as f64).round() as usize).max(3));
            assert!(subset.windows(2).all(|w| w[0] < w[1]));
            assert!(subset.iter().all(|d| train.binary_search(d).is_ok()));
            let present: BTreeSet<&str> = subset.iter().map(|&d| labels[d].as_str()).collect();
            assert_eq!(present.len(), 3, "every label in every subset");
            // Stratified: "big" is about 60/96 of every subset.
            let big = subset.iter().filter(|&&d| labels[d] == "big").count() as f64;
            assert!(
                (big / subset.len() as f64 - 0.625).abs() < 0.12,
                "{big} of {}",
                subset.len()
            );
        }
        for pair in subsets.windows(2) {
            let smaller: BTreeSet<usize> = pair[0].iter().copied().collect();
            assert!(smaller.iter().all(|d| pair[1].binary_search(d).is_ok()), "nested");
        }
        assert_eq!(subsets[9], train);
    }
}

#[test]
fn learning_curve_subsets_edge_cases() {
    let folds = Folds::fixed(&["1", "1", "1", "2", "2", "2", "2", "2"]).unwrap();
    // Without labels: at least one document; the order of the fractions does not matter.
    let subsets = folds.learning_curve_subsets(0, &[1.0, 0.01, 0.5], 0).unwrap();
    assert_eq!(subsets[0], [3, 4, 5, 6, 7]);
    assert_eq!(subsets[1].len(), 1);
    assert_eq!(subsets[2].len(), 3); // round(2.5) = 3
    assert!(subsets[1].iter().all(|d| subsets[2].contains(d)));
    assert!(folds.learning_curve_subsets(0, &[], 0).unwrap().is_empty());
    for bad in [0.0, -0.1, 1.5, f64::NAN] {
        let result = folds.learning_curve_subsets(0, &[0.5, bad], 0);
        assert!(matches!(result, Err(EvalError::InvalidFraction(_))), "{bad}");
    }
    // A different fold or seed gives a different order.
    let folds = Folds::stratified(&labels(&[("a", 50), ("b", 50)]), 2, 0).unwrap();
    let a = folds.learning_curve_subsets(0, &[0.2], 1).unwrap();
    let b = folds.learning_curve_subsets(0, &[0.2], 2).unwrap();
    assert_ne!(a, b);
}

#[test]
#[should_panic(expected = "fold 3 does not exist")]
fn a_missing_fold_panics_like_an_index() {
    let folds = Folds::stratified(&["a", "b", "a", "b"], 3, 0).unwrap();
    let _ = folds.train_indices(3);
}

/// Labels from a small alphabet, 1 to 60 documents.
fn some_labels() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::sample::select(vec!["AGAINST", "FAVOR", "NONE", "x"]).prop_map(String::from),
        2..60,
    )
}

proptest! {
    #[test]
    fn stratified_invariants(labels in some_labels(), k in 2usize..8, seed in any::<u64>()) {
        prop_assume!(k <= labels.len());
        let folds = Folds::stratified(&labels, k, seed).unwrap();
        prop_assert_eq!(folds.n_folds(), k);
        assert_partition(&folds)?;
        assert_stratified(&folds, &labels)?;
        prop_assert_eq!(&folds, &Folds::stratified(&labels, k, seed).unwrap());
    }

    #[test]
    fn grouped_invariants(
        (labels, groups) in some_labels().prop_flat_map(|labels| {
            let n = labels.len();
            (Just(labels), prop::collection::vec(0u8..12, n))
        }),
        k in 2usize..6,
        seed in any::<u64>(),
    ) {
        let groups: Vec<String> = groups.iter().map(|g| format!("conflict-{g}")).collect();
        let distinct: BTreeSet<&String> = groups.iter().collect();
        match Folds::grouped(&groups, &labels, k, seed) {
            Err(EvalError::TooFewGroups { groups: found, .. }) => prop_assert!(found < k && found == distinct.len()),
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
            Ok(folds) => {
                assert_partition(&folds)?;
                for group in &distinct {
                    let homes: BTreeSet<usize> = (0..groups.len())
                        .filter(|&d| &groups[d] == *group)
                        .map(|d| folds.assignment()[d])
                        .collect();
                    prop_assert_eq!(homes.len(), 1, "group {} split", group);
                }
                for f in 0..k {
                    prop_assert!(!folds.validation_indices(f).is_empty(), "fold {} empty", f);
                }
            }
        }
    }

    #[test]
    fn learning_curves_are_nested(labels in some_labels(), seed in any::<u64>()) {
        let folds = Folds::stratified(&labels, 2, seed).unwrap();
        let train = folds.train_indices(1);
        let subsets = folds.learning_curve_subsets(1, &LEARNING_CURVE_FRACTIONS, seed).unwrap();
        let train_labels: BTreeSet<&String> = train.iter().map(|&d| &labels[d]).collect();
        for pair in subsets.windows(2) {
            prop_assert!(pair[0].len() <= pair[1].len());
            prop_assert!(pair[0].iter().all(|d| pair[1].binary_search(d).is_ok()));
        }
        for subset in &subsets {
            let present: BTreeSet<&String> = subset.iter().map(|&d| &labels[d]).collect();
            prop_assert_eq!(&present, &train_labels);
        }
        prop_assert_eq!(subsets.last().unwrap(), &train);
    }
}
