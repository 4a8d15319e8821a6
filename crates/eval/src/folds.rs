//! Cross-validation splits: which documents each fold validates on and trains on.
//!
//! [`Folds`] assigns every document to exactly one validation fold; the training
//! part of a fold is every other document. Three ways to make them:
//!
//! - [`Folds::stratified`]: k folds with the same label proportions (a seeded shuffle
//!   within each label, then the documents dealt round-robin to the folds);
//! - [`Folds::grouped`]: whole groups (e.g. all articles about one conflict) held
//!   out together, groups given to the smallest fold, largest group first;
//! - [`Folds::fixed`]: folds named by a column or a file, one fold per distinct value.
//!
//! Shuffles use SplitMix64, written out in this crate, so a seed gives the same
//! folds with every version of every dependency.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::error::EvalError;
use crate::rng::SplitMix64;

/// The usual learning-curve fractions: 10%, 20%, ..., 100% of a fold's training part.
pub const LEARNING_CURVE_FRACTIONS: [f64; 10] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

/// A cross-validation plan: every document belongs to exactly one validation fold.
///
/// Fold `f` validates on [`validation_indices(f)`](Self::validation_indices) and
/// trains on [`train_indices(f)`](Self::train_indices), every other document.
/// Indices refer to the slices the folds were made from and are always sorted.
/// A fold index at or above [`n_folds`](Self::n_folds) makes the accessors panic,
/// as indexing a slice out of bounds does.
///
/// ```
/// use stance_eval::Folds;
///
/// let labels = ["AGAINST", "AGAINST", "AGAINST", "FAVOR", "FAVOR", "FAVOR", "NONE", "NONE", "NONE"];
/// let folds = Folds::stratified(&labels, 3, 42)?;
/// assert_eq!(folds.n_folds(), 3);
/// for f in 0..folds.n_folds() {
///     // One document of each label in every validation fold.
///     assert_eq!(folds.validation_indices(f).len(), 3);
///     assert_eq!(folds.train_indices(f).len(), 6);
/// }
/// let curve = folds.learning_curve_subsets(0, &[0.5, 1.0], 7)?;
/// assert_eq!(curve[0].len(), 3); // one per label
/// assert_eq!(curve[1], folds.train_indices(0));
/// # Ok::<(), stance_eval::EvalError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folds {
    /// The fold of each document.
    assignment: Vec<usize>,
    /// The documents of each fold, sorted.
    validation: Vec<Vec<usize>>,
    /// The display name of each fold.
    names: Vec<String>,
    /// The label of each document, if known (for stratified learning curves).
    labels: Option<LabelIndex>,
    /// Warnings about the split, then warnings about the labels.
    warnings: Vec<String>,
    /// How many of `warnings` are about the split itself (they come first).
    split_warnings: usize,
}

/// Labels as indices into their sorted distinct names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LabelIndex {
    names: Vec<String>,
    of: Vec<usize>,
}

impl LabelIndex {
    fn new<S: AsRef<str>>(labels: &[S]) -> Self {
        let distinct: BTreeMap<&str, usize> = labels.iter().map(|l| (l.as_ref(), 0)).collect();
        let names: Vec<String> = distinct.keys().map(|name| name.to_string()).collect();
        let of = labels
            .iter()
            .map(|label| {
                names
                    .binary_search_by(|name| name.as_str().cmp(label.as_ref()))
                    .unwrap_or(0)
            })
            .collect();
        LabelIndex { names, of }
    }

    /// The documents of each label among `documents`, in the order given.
    fn members(&self, documents: impl IntoIterator<Item = usize>) -> Vec<Vec<usize>> {
        let mut members = vec![Vec::new(); self.names.len()];
        for document in documents {
            members[self.of[document]].push(document);
        }
        members
    }
}

impl Folds {
    /// `k` folds stratified by label: each fold holds every label in the proportion
    /// of the whole data, as closely as counts allow.
    ///
    /// The documents of each label (labels in sorted order) are shuffled with the
    /// seed and dealt round-robin to the folds, each label continuing where the
    /// previous one stopped. So a label with `n` documents has `⌊n/k⌋` or `⌈n/k⌉`
    /// of them in every fold, and fold sizes differ by at most 1. A label with
    /// fewer than `k` documents is spread one per fold and gets a warning (some
    /// folds do not validate it).
    ///
    /// Errors if `labels` is empty or `k` is not in `2..=labels.len()`.
    pub fn stratified<S: AsRef<str>>(labels: &[S], k: usize, seed: u64) -> Result<Folds, EvalError> {
        check_fold_count(k, labels.len())?;
        let index = LabelIndex::new(labels);
        let mut rng = SplitMix64::new(seed);
        let mut assignment = vec![0; labels.len()];
        let mut next_fold = rng.below(k as u64) as usize;
        let mut warnings = Vec::new();
        for (label, mut members) in index.names.iter().zip(index.members(0..labels.len())) {
            if members.len() < k {
                warnings.push(format!(
                    "label {label:?} has {} documents, fewer than the {k} folds: {} folds do not validate it",
                    members.len(),
                    k - members.len()
                ));
            }
            rng.shuffle(&mut members);
            for document in members {
                assignment[document] = next_fold;
                next_fold = (next_fold + 1) % k;
            }
        }
        Ok(Folds::build(assignment, numbered(k), Some(index), warnings))
    }

    /// `k` folds that keep each group whole: a group's documents are all in the
    /// same validation fold, so a model is never validated on a group it trained
    /// on (e.g. `groups` = the conflict each article is about).
    ///
    /// Groups are taken largest first (groups of equal size in an order shuffled
    /// with the seed) and each goes to the fold with the fewest documents so far
    /// (ties: the lowest fold index), which balances the fold sizes. A group larger
    /// than a fold's share `⌈n/k⌉` gets a warning. `labels` (one per document)
    /// stratify the learning curve and are checked for labels missing from a
    /// fold's training part.
    ///
    /// Errors if the input is empty, if `labels` and `groups` differ in length, if
    /// `k < 2` ([`EvalError::FoldCount`]) or if there are fewer distinct groups than
    /// `k` ([`EvalError::TooFewGroups`]).
    pub fn grouped<G: AsRef<str>, L: AsRef<str>>(
        groups: &[G],
        labels: &[L],
        k: usize,
        seed: u64,
    ) -> Result<Folds, EvalError> {
        if labels.len() != groups.len() {
            return Err(EvalError::LengthMismatch {
                what: "labels",
                expected: groups.len(),
                found: labels.len(),
            });
        }
        if groups.is_empty() {
            return Err(EvalError::Empty);
        }
        if k < 2 {
            return Err(EvalError::FoldCount {
                k,
                n_documents: groups.len(),
            });
        }
        let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (document, group) in groups.iter().enumerate() {
            members.entry(group.as_ref()).or_default().push(document);
        }
        if members.len() < k {
            return Err(EvalError::TooFewGroups {
                groups: members.len(),
                k,
            });
        }
        let mut order: Vec<(&str, Vec<usize>)> = members.into_iter().collect();
        SplitMix64::new(seed).shuffle(&mut order);
        // Stable: groups of equal size keep their shuffled order.
        order.sort_by_key(|(_, documents)| std::cmp::Reverse(documents.len()));

        let share = groups.len().div_ceil(k);
        let mut warnings = Vec::new();
        let mut sizes = vec![0usize; k];
        let mut assignment = vec![0; groups.len()];
        for (name, documents) in order {
            if documents.len() > share {
                warnings.push(format!(
                    "group {name:?} has {} documents, more than a fold's share ({share}): fold sizes differ",
                    documents.len()
                ));
            }
            let fold = (0..k).min_by_key(|&f| (sizes[f], f)).unwrap_or(0);
            sizes[fold] += documents.len();
            for document in documents {
                assignment[document] = fold;
            }
        }
        Ok(Folds::build(
            assignment,
            numbered(k),
            Some(LabelIndex::new(labels)),
            warnings,
        ))
    }

    /// Folds given by the data: one fold per distinct value of `fold_ids` (e.g. a
    /// `fold` column, or lines of a file), holding the documents with that value.
    ///
    /// Folds are ordered naturally: numerically if every value is a number
    /// (`"2" < "10"`, `"-1" < "0.5"`), otherwise by text with digit runs compared as
    /// numbers (`"fold2" < "fold10"`). The values are the [fold names](Self::fold_names).
    /// Add labels with [`with_labels`](Self::with_labels) to stratify learning curves.
    ///
    /// Errors if `fold_ids` is empty or has fewer than 2 distinct values.
    pub fn fixed<S: AsRef<str>>(fold_ids: &[S]) -> Result<Folds, EvalError> {
        if fold_ids.is_empty() {
            return Err(EvalError::Empty);
        }
        let mut names: Vec<&str> = fold_ids.iter().map(AsRef::as_ref).collect();
        names.sort_unstable();
        names.dedup();
        if names.len() < 2 {
            return Err(EvalError::TooFewFoldIds(names.len()));
        }
        let numbers: Option<Vec<f64>> = names.iter().map(|name| parse_number(name)).collect();
        match numbers {
            Some(numbers) => {
                let mut pairs: Vec<(f64, &str)> = numbers.into_iter().zip(names).collect();
                pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)));
                names = pairs.into_iter().map(|(_, name)| name).collect();
            }
            None => names.sort_by(|a, b| natural_cmp(a, b).then_with(|| a.cmp(b))),
        }
        let position: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, &name)| (name, i)).collect();
        let assignment = fold_ids.iter().map(|id| position[id.as_ref()]).collect();
        let names = names.into_iter().map(String::from).collect();
        Ok(Folds::build(assignment, names, None, Vec::new()))
    }

    /// Sets the label of each document, which stratifies the
    /// [learning-curve subsets](Self::learning_curve_subsets) and adds a warning for
    /// every label missing from some fold's training part. Replaces any labels given
    /// before; the folds themselves do not change.
    ///
    /// Errors if `labels` does not have one entry per document.
    pub fn with_labels<S: AsRef<str>>(self, labels: &[S]) -> Result<Folds, EvalError> {
        if labels.len() != self.assignment.len() {
            return Err(EvalError::LengthMismatch {
                what: "labels",
                expected: self.assignment.len(),
                found: labels.len(),
            });
        }
        let Folds {
            assignment,
            names,
            mut warnings,
            split_warnings,
            ..
        } = self;
        // Keep the warnings of the split itself, drop those about the old labels.
        warnings.truncate(split_warnings);
        Ok(Folds::build(assignment, names, Some(LabelIndex::new(labels)), warnings))
    }

    /// Collects the validation lists and adds a warning per label missing from the
    /// training part of some fold.
    fn build(
        assignment: Vec<usize>,
        names: Vec<String>,
        labels: Option<LabelIndex>,
        mut warnings: Vec<String>,
    ) -> Folds {
        let split_warnings = warnings.len();
        let mut validation = vec![Vec::new(); names.len()];
        for (document, &fold) in assignment.iter().enumerate() {
            validation[fold].push(document);
        }
        if let Some(index) = &labels {
            let mut totals = vec![0usize; index.names.len()];
            for &label in &index.of {
                totals[label] += 1;
            }
            for (label, name) in index.names.iter().enumerate() {
                let missing: Vec<&str> = validation
                    .iter()
                    .zip(&names)
                    .filter(|(documents, _)| {
                        documents.iter().filter(|&&d| index.of[d] == label).count() == totals[label]
                    })
                    .map(|(_, fold)| fold.as_str())
                    .collect();
                if !missing.is_empty() {
                    warnings.push(format!(
                        "label {name:?} is missing from the training part of fold(s) {}: a model trained there cannot predict it",
                        missing.join(", ")
                    ));
                }
            }
        }
        Folds {
            assignment,
            validation,
            names,
            labels,
            warnings,
            split_warnings,
        }
    }

    /// The number of folds.
    pub fn n_folds(&self) -> usize {
        self.validation.len()
    }

    /// The number of documents split into folds.
    pub fn n_documents(&self) -> usize {
        self.assignment.len()
    }

    /// The fold (0-based) of each document: `assignment()[d]` validates document `d`.
    pub fn assignment(&self) -> &[usize] {
        &self.assignment
    }

    /// The display name of each fold: `"1"` to `"k"` for stratified and grouped
    /// folds, the distinct values in natural order for fixed folds.
    pub fn fold_names(&self) -> &[String] {
        &self.names
    }

    /// The documents fold `fold` validates on, sorted.
    ///
    /// # Panics
    ///
    /// If `fold >= self.n_folds()`.
    pub fn validation_indices(&self, fold: usize) -> &[usize] {
        &self.validation[fold]
    }

    /// The documents fold `fold` trains on (all but its validation documents), sorted.
    ///
    /// # Panics
    ///
    /// If `fold >= self.n_folds()`.
    pub fn train_indices(&self, fold: usize) -> Vec<usize> {
        assert!(
            fold < self.n_folds(),
            "fold {fold} does not exist: there are {} folds",
            self.n_folds()
        );
        (0..self.assignment.len())
            .filter(|&document| self.assignment[document] != fold)
            .collect()
    }

    /// Caveats about the split: labels with fewer documents than folds, labels
    /// missing from a fold's training part, oversized groups.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Nested training subsets of fold `fold` for a learning curve: one subset per
    /// fraction (e.g. [`LEARNING_CURVE_FRACTIONS`]), each sorted.
    ///
    /// The training part is put into one seeded random order and the subset for a
    /// fraction is its first `max(round(fraction · n), m)` documents (at most `n`),
    /// `n` being the size of the training part and `m` the number of labels in it
    /// (1 without labels). So a smaller fraction's subset is contained in every
    /// larger one's, whatever order the fractions come in, and fraction 1 is the
    /// whole training part. With labels, the order starts with one document of each
    /// label (every subset contains every label) and then interleaves the labels in
    /// proportion to their counts, so each subset is stratified.
    ///
    /// Errors with [`EvalError::InvalidFraction`] if a fraction is NaN or not in (0, 1].
    ///
    /// # Panics
    ///
    /// If `fold >= self.n_folds()`.
    pub fn learning_curve_subsets(
        &self,
        fold: usize,
        fractions: &[f64],
        seed: u64,
    ) -> Result<Vec<Vec<usize>>, EvalError> {
        if let Some(&bad) = fractions.iter().find(|f| !(**f > 0.0 && **f <= 1.0)) {
            return Err(EvalError::InvalidFraction(bad));
        }
        let train = self.train_indices(fold);
        let mut rng = SplitMix64::derived(seed, fold as u64);
        let (order, minimum) = match &self.labels {
            Some(index) => {
                let mut groups = index.members(train.iter().copied());
                groups.retain(|g| !g.is_empty());
                for group in &mut groups {
                    rng.shuffle(group);
                }
                let minimum = groups.len();
                (proportional_order(groups, train.len()), minimum)
            }
            None => {
                let mut order = train.clone();
                rng.shuffle(&mut order);
                (order, 1)
            }
        };
        let n = order.len();
        Ok(fractions
            .iter()
            .map(|&fraction| {
                let size = ((fraction * n as f64).round() as usize).max(minimum).min(n);
                let mut subset = order[..size].to_vec();
                subset.sort_unstable();
                subset
            })
            .collect())
    }
}

/// Interleaves non-empty groups into one order: first one member of each group,
/// then at every position the group furthest behind its share of the prefix
/// (ties: the first group), so every prefix is close to the groups' proportions.
fn proportional_order(groups: Vec<Vec<usize>>, total: usize) -> Vec<usize> {
    let mut order: Vec<usize> = groups.iter().map(|g| g[0]).collect();
    let mut taken = vec![1usize; groups.len()];
    let n = total as i128;
    while order.len() < total {
        let prefix = order.len() as i128 + 1;
        // The deficit of group c in the next prefix, times n: size_c·prefix - taken_c·n.
        let next = (0..groups.len())
            .filter(|&c| taken[c] < groups[c].len())
            .max_by_key(|&c| {
                (
                    groups[c].len() as i128 * prefix - taken[c] as i128 * n,
                    std::cmp::Reverse(c),
                )
            });
        let Some(c) = next else { break };
        order.push(groups[c][taken[c]]);
        taken[c] += 1;
    }
    order
}

/// Errors unless `2 <= k <= n`; an empty input is [`EvalError::Empty`].
fn check_fold_count(k: usize, n: usize) -> Result<(), EvalError> {
    if n == 0 {
        return Err(EvalError::Empty);
    }
    if k < 2 || k > n {
        return Err(EvalError::FoldCount { k, n_documents: n });
    }
    Ok(())
}

/// Fold names `"1"` to `"k"`.
fn numbered(k: usize) -> Vec<String> {
    (1..=k).map(|f| f.to_string()).collect()
}

/// A finite number written in decimal (as a fold id in a column would be).
fn parse_number(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    let plausible = !trimmed.is_empty()
        && trimmed
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    trimmed.parse::<f64>().ok().filter(|x| plausible && x.is_finite())
}

/// Natural order: runs of ASCII digits compare as numbers (of any length), all
/// other bytes compare as they are. `"01"` and `"1"` compare equal here.
fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (digits_a, rest_a) = a.split_at(a.iter().take_while(|c| c.is_ascii_digit()).count());
                let (digits_b, rest_b) = b.split_at(b.iter().take_while(|c| c.is_ascii_digit()).count());
                let number_a = trim_zeros(digits_a);
                let number_b = trim_zeros(digits_b);
                let order = number_a.len().cmp(&number_b.len()).then_with(|| number_a.cmp(number_b));
                if order != Ordering::Equal {
                    return order;
                }
                a = rest_a;
                b = rest_b;
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    &digits[zeros..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_compares_digit_runs_as_numbers() {
        let mut names = vec!["fold10", "fold2", "fold1", "a", "fold02", "b3", "b20"];
        names.sort_by(|a, b| natural_cmp(a, b).then_with(|| a.cmp(b)));
        assert_eq!(names, ["a", "b3", "b20", "fold1", "fold02", "fold2", "fold10"]);
        assert_eq!(natural_cmp("123456789012345678901234567890", "99"), Ordering::Greater);
    }

    #[test]
    fn numbers_are_recognized() {
        assert_eq!(parse_number("10"), Some(10.0));
        assert_eq!(parse_number("-0.5"), Some(-0.5));
        assert_eq!(parse_number("1e3"), Some(1000.0));
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("fold1"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn proportional_order_keeps_prefixes_stratified() {
        // Six of group 0, three of group 1.
        let order = proportional_order(vec![vec![0, 1, 2, 3, 4, 5], vec![10, 11, 12]], 9);
        assert_eq!(order.len(), 9);
        assert_eq!(&order[..2], &[0, 10]);
        // The prefix of 6 holds 4 of group 0 and 2 of group 1.
        assert_eq!(order[..6].iter().filter(|&&d| d < 10).count(), 4);
    }
}
