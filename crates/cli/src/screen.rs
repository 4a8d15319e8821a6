//! Screening documents between the reader and the models: what stance-documents reads faithfully
//! but a model should not take as it is, or a user should hear about.
//!
//! - A text of any length is analyzed whole: the analyzer goes through it in batches of words
//!   (`stance_features::analyzer::UNITS_PER_BATCH`), so memory depends on the text itself and its
//!   distinct terms, not on what analysis makes of its length.
//! - A text that is empty or only whitespace is skipped where labels are read (`train`, `update`,
//!   `eval`, `cv`, `tune`): it holds no word to learn from and would only shift the priors (or
//!   score the priors, in `eval`). `predict` keeps it (the priors decide). Counted.
//! - A label holding a tab, a line break or another control character is an error naming the file
//!   and line: it would break every output that lists labels.
//! - An id seen before is counted (`predict`, `eval`): each document is still predicted on its own.
//!
//! Every count ends as one warning line on standard error naming the first case
//! ([`Screen::warnings`]); [`label_warnings`] and [`require_two_labels`] look at the labels of a
//! whole training set. [`fill`] takes the screened documents a batch at a time, bounded in number
//! and in bytes.

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;

use anyhow::{bail, Result};
use stance_documents::{Document, Documents, InputFormat};

/// Documents read, analyzed and predicted together: bounds memory, keeps every core busy.
pub const BATCH: usize = 8192;

/// A batch also ends once its texts hold this many bytes.
pub const BATCH_BYTES: usize = 64 << 20;

/// What the documents are read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// Training: labeled; empty texts skipped, labels checked.
    Training,
    /// Evaluation: labeled; empty texts skipped, labels checked, repeated ids counted.
    Evaluation,
    /// Prediction: empty texts kept, repeated ids counted.
    Prediction,
}

/// How many documents had a problem, and where the first one was.
#[derive(Debug, Default)]
struct Tally {
    count: u64,
    first: Option<String>,
}

impl Tally {
    fn add(&mut self, first: impl FnOnce() -> String) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some(first());
        }
    }
}

/// Screens the documents of one command; see the [module docs](self).
#[derive(Debug)]
pub struct Screen {
    purpose: Purpose,
    /// 64-bit hashes of the ids seen (8 bytes a document, not the ids themselves).
    ids: HashSet<u64>,
    repeated_ids: Tally,
    empty: Tally,
    admitted: u64,
}

impl Screen {
    fn new(purpose: Purpose) -> Self {
        Self {
            purpose,
            ids: HashSet::new(),
            repeated_ids: Tally::default(),
            empty: Tally::default(),
            admitted: 0,
        }
    }

    /// For `train`, `update`, `cv` and `tune`.
    pub fn training() -> Self {
        Self::new(Purpose::Training)
    }

    /// For `eval`.
    pub fn evaluation() -> Self {
        Self::new(Purpose::Evaluation)
    }

    /// For `predict`.
    pub fn prediction() -> Self {
        Self::new(Purpose::Prediction)
    }

    /// The document to use, `None` to skip it, or an error.
    pub fn admit(&mut self, document: Document) -> Result<Option<Document>> {
        let labeled = self.purpose != Purpose::Prediction;
        if labeled {
            if let Some(label) = &document.label {
                check_label(label, &document)?;
            }
        }
        if document.text.trim().is_empty() {
            self.empty.add(|| place(&document));
            if labeled {
                return Ok(None);
            }
        }
        if self.purpose != Purpose::Training {
            let mut hasher = DefaultHasher::new();
            document.id.hash(&mut hasher);
            if !self.ids.insert(hasher.finish()) {
                self.repeated_ids
                    .add(|| format!("id `{}` at {}", document.id, document.source));
            }
        }
        self.admitted += 1;
        Ok(Some(document))
    }

    /// Documents admitted so far.
    pub fn admitted(&self) -> u64 {
        self.admitted
    }

    /// One line per kind of problem met, without the `stance: warning: ` prefix.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(first) = &self.empty.first {
            let n = self.empty.count;
            warnings.push(match self.purpose {
                Purpose::Prediction => format!(
                    "{n} of {} {} an empty text, predicted from the priors alone (first: {first})",
                    self.admitted,
                    if self.admitted == 1 {
                        "document had"
                    } else {
                        "documents had"
                    },
                ),
                _ => format!(
                    "skipped {n} {} with an empty text (first: {first}): no words to {}",
                    documents(n),
                    if self.purpose == Purpose::Training {
                        "learn from"
                    } else {
                        "evaluate"
                    },
                ),
            });
        }
        if let Some(first) = &self.repeated_ids.first {
            let n = self.repeated_ids.count;
            warnings.push(format!(
                "{n} {} an id seen before (first: {first}); each is {} on its own",
                if n == 1 { "document repeats" } else { "documents repeat" },
                if self.purpose == Purpose::Prediction {
                    "predicted"
                } else {
                    "evaluated"
                },
            ));
        }
        warnings
    }
}

fn documents(n: u64) -> &'static str {
    if n == 1 {
        "document"
    } else {
        "documents"
    }
}

/// Where a document is, for a warning: `FILE:LINE`, with its id when the id is its own (not one
/// made from the path).
fn place(document: &Document) -> String {
    let path = document.source.path.display().to_string();
    if document.id == path || document.id.starts_with(&format!("{path}:")) {
        document.source.to_string()
    } else {
        format!("{} (id `{}`)", document.source, document.id)
    }
}

/// An error for a label that holds a control character (a tab, a line break, ...).
fn check_label(label: &str, document: &Document) -> Result<()> {
    if label.chars().any(char::is_control) {
        bail!(
            "{}: the label {label:?} holds a tab, line break or other control character; labels name \
             classes in every output, rename it (--label-map) or fix the input",
            document.source
        );
    }
    Ok(())
}

/// How a batch of documents ended.
pub enum Fill {
    /// The batch is full; more may follow.
    More,
    /// The input is exhausted.
    End,
    /// The input failed: the batch holds the documents before the failure.
    Failed(anyhow::Error),
}

/// Clears `batch` and fills it with the next screened documents: up to [`BATCH`] of them, or
/// [`BATCH_BYTES`] of text, whichever comes first.
pub fn fill(documents: &mut Documents, screen: &mut Screen, batch: &mut Vec<Document>) -> Fill {
    batch.clear();
    let mut bytes = 0;
    while batch.len() < BATCH && bytes < BATCH_BYTES {
        let document = match documents.next() {
            None => return Fill::End,
            Some(Err(error)) => return Fill::Failed(error.into()),
            Some(Ok(document)) => document,
        };
        match screen.admit(document) {
            Ok(Some(document)) => {
                bytes += document.text.len();
                batch.push(document);
            }
            Ok(None) => {}
            Err(error) => return Fill::Failed(error),
        }
    }
    Fill::More
}

/// An error unless the documents per label of a training set name at least two labels.
pub fn require_two_labels(per_label: &BTreeMap<String, u64>) -> Result<()> {
    if let [(label, n)] = per_label.iter().collect::<Vec<_>>()[..] {
        bail!(
            "training needs at least two labels, but all {n} documents are labeled `{label}`; \
             check the label column (--label-column) and --label-map"
        );
    }
    Ok(())
}

/// Warnings about the labels of a training set (documents per label): labels that differ only in
/// case (different labels, most likely meant to be one), and labels with a single document (a
/// typo, most likely).
pub fn label_warnings(per_label: &BTreeMap<String, u64>) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut by_folded: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for label in per_label.keys() {
        by_folded.entry(label.to_lowercase()).or_default().push(label);
    }
    for labels in by_folded.values().filter(|labels| labels.len() > 1) {
        let quoted: Vec<String> = labels.iter().map(|label| format!("`{label}`")).collect();
        // Suggest the label with the most documents (the first of those, on a tie) as the name.
        let target = labels
            .iter()
            .copied()
            .rev()
            .max_by_key(|label| per_label[*label])
            .unwrap_or(labels[0]);
        let renames: Vec<String> = labels
            .iter()
            .filter(|label| **label != target)
            .map(|label| format!("{label}={target}"))
            .collect();
        warnings.push(format!(
            "labels {} differ only in case: they are different labels (to make them one: --label-map {})",
            and_list(&quoted),
            renames.join(",")
        ));
    }
    let singles: Vec<String> = per_label
        .iter()
        .filter(|(_, &n)| n == 1)
        .map(|(label, _)| format!("`{label}`"))
        .collect();
    match singles.len() {
        0 => {}
        1 => warnings.push(format!("label {} has a single document (a typo?)", singles[0])),
        n => warnings.push(format!(
            "{n} labels have a single document each (typos?): {}",
            and_list(&singles)
        )),
    }
    warnings
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Warnings for the inputs whose extension names another format than `--input-format`: read as
/// asked, but likely a mistake (a TSV file read as fastText reads every line, header included,
/// as a text).
pub fn format_mismatches(format: Option<InputFormat>, inputs: &[PathBuf]) -> Vec<String> {
    let Some(format) = format else {
        return Vec::new();
    };
    inputs
        .iter()
        .filter(|input| input.as_os_str() != "-" && !input.is_dir())
        .filter_map(|input| {
            let named = InputFormat::from_path(input)?;
            (named != format).then(|| {
                format!(
                    "{}: read as {format} (--input-format), although its extension says {named}",
                    input.display()
                )
            })
        })
        .collect()
}

/// Prints `warnings` on standard error, each as `stance: warning: ...`, unless `quiet`.
pub fn print(warnings: &[String], quiet: bool) {
    if quiet {
        return;
    }
    for warning in warnings {
        crate::commands::note(format_args!("stance: warning: {warning}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_differing_in_case_or_seen_once_are_named() {
        let per_label: BTreeMap<String, u64> = [("Military", 3), ("military", 4), ("neutral", 5), ("negotiaton", 1)]
            .into_iter()
            .map(|(label, n)| (label.to_string(), n))
            .collect();
        let warnings = label_warnings(&per_label);
        assert_eq!(
            warnings,
            [
                "labels `Military` and `military` differ only in case: they are different labels \
                 (to make them one: --label-map Military=military)",
                "label `negotiaton` has a single document (a typo?)",
            ]
        );
    }

    #[test]
    fn one_label_is_not_enough() {
        let one: BTreeMap<String, u64> = [("military".to_string(), 4)].into();
        let error = require_two_labels(&one).unwrap_err().to_string();
        assert!(error.contains("at least two labels"), "{error}");
        let two: BTreeMap<String, u64> = [("a".to_string(), 1), ("b".to_string(), 1)].into();
        assert!(require_two_labels(&two).is_ok());
    }
}
