//! Screening documents between the reader and the models: what the readers read faithfully but
//! a model should not take as it is, or a user should hear about.
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
//! Every count ends as one warning line naming the first case ([`Screen::warnings`]), for the
//! caller to show; [`label_warnings`] looks at the labels of a whole training set.
//! [`for_each_batch`] takes the screened documents a batch at a time, bounded in number and in
//! bytes: the one loop every command that streams documents goes through.

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;

use crate::{Document, Documents, InputFormat, ReadError};

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
    pub fn admit(&mut self, document: Document) -> Result<Option<Document>, ReadError> {
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

/// Labels that training data may not use: `uncertain` is what prediction answers when it
/// abstains (`stance_model::UNCERTAIN`, which the model checks too).
pub const RESERVED_LABELS: &[&str] = &["uncertain"];

/// An error for a label that holds a control character (a tab, a line break, ...), or that is
/// reserved.
fn check_label(label: &str, document: &Document) -> Result<(), ReadError> {
    if RESERVED_LABELS.contains(&label) {
        return Err(ReadError::ReservedLabel {
            path: document.source.path.clone(),
            line: document.source.line,
            label: label.to_string(),
        });
    }
    if label.chars().any(char::is_control) {
        return Err(ReadError::ControlInLabel {
            path: document.source.path.clone(),
            line: document.source.line,
            label: label.to_string(),
        });
    }
    Ok(())
}

/// Reads the screened documents a batch at a time, up to [`BATCH`] of them or [`BATCH_BYTES`]
/// of text, whichever comes first, and gives each non-empty batch to `work`. When reading fails,
/// the documents read before the failure are still given to `work`, then the read error is
/// returned; an error of `work` stops the reading.
pub fn for_each_batch<E: From<ReadError>>(
    documents: &mut Documents,
    screen: &mut Screen,
    mut work: impl FnMut(Vec<Document>) -> Result<(), E>,
) -> Result<(), E> {
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        let mut failure = None;
        let mut ended = false;
        while batch.len() < BATCH && bytes < BATCH_BYTES {
            let document = match documents.next() {
                None => {
                    ended = true;
                    break;
                }
                Some(Err(error)) => {
                    failure = Some(error);
                    break;
                }
                Some(Ok(document)) => document,
            };
            match screen.admit(document) {
                Ok(Some(document)) => {
                    bytes += document.text.len();
                    batch.push(document);
                }
                Ok(None) => {}
                Err(error) => {
                    failure = Some(error);
                    break;
                }
            }
        }
        if !batch.is_empty() {
            work(batch)?;
        }
        if let Some(error) = failure {
            return Err(error.into());
        }
        if ended {
            return Ok(());
        }
    }
}

/// Characters that show as nothing: a label holding one looks like another label.
const INVISIBLE: &[char] = &[
    '\u{00ad}', '\u{034f}', '\u{061c}', '\u{180e}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}',
    '\u{2060}', '\u{2061}', '\u{2062}', '\u{2063}', '\u{2064}', '\u{feff}',
];

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
    for label in per_label.keys() {
        if let Some(c) = label.chars().find(|c| INVISIBLE.contains(c)) {
            warnings.push(format!(
                "label `{}` holds an invisible character (U+{:04X}): it reads like another label but is not one; \
                 rename it with --label-map or fix the input",
                label.escape_default(),
                u32::from(c)
            ));
        }
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
}
