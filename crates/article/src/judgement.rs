//! Per-sentence classification: label, probabilities and the evidence terms, located in the text.

use std::collections::HashSet;
use std::ops::Deref;
use std::sync::Arc;

use rayon::prelude::*;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use smallvec::SmallVec;
use stance_model::{Classifier, Evidence};

use crate::evidence::locate;
use crate::Span;

/// One classifier's verdict on one sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Judgement {
    /// The most likely label.
    pub label: String,
    /// Its probability.
    pub probability: f64,
    /// Every label's probability, by label (sorted).
    pub probabilities: LabelProbabilities,
    /// The terms that pushed most toward the label (strongest first), from
    /// [`Classifier::explain`].
    pub evidence: Vec<EvidenceTerm>,
}

impl Judgement {
    /// The probability of `label` (0 for a label the model does not know).
    pub fn probability_of(&self, label: &str) -> f64 {
        self.probabilities.get(label).unwrap_or(0.0)
    }
}

/// A probability for each of a model's labels, in the model's (sorted) label order.
///
/// The labels are shared by every sentence an analysis classifies with one model, so a sentence
/// holds only its numbers: a long article's analysis stays small. Serializes as a map from
/// label to probability.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LabelProbabilities {
    labels: Arc<[String]>,
    values: Box<[f64]>,
}

impl LabelProbabilities {
    /// Pairs `labels` (sorted and distinct, as [`Classifier::labels`] gives them) with `values`,
    /// one each.
    pub(crate) fn new(labels: Arc<[String]>, values: impl Into<Box<[f64]>>) -> Self {
        let values = values.into();
        debug_assert_eq!(labels.len(), values.len(), "one probability per label");
        debug_assert!(labels.windows(2).all(|w| w[0] < w[1]), "labels sorted and distinct");
        LabelProbabilities { labels, values }
    }

    /// The probability of `label`, if the model knows it.
    pub fn get(&self, label: &str) -> Option<f64> {
        self.labels
            .binary_search_by(|l| l.as_str().cmp(label))
            .ok()
            .map(|i| self.values[i])
    }

    /// Each label with its probability, in label order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> + '_ {
        self.labels.iter().map(String::as_str).zip(self.values.iter().copied())
    }
}

impl Serialize for LabelProbabilities {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for (label, p) in self.iter() {
            map.serialize_entry(label, &p)?;
        }
        map.end()
    }
}

/// A term behind a verdict, and where it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceTerm {
    /// The term as the model knows it (stemmed, possibly `NOT_`-marked or an n-gram); shared
    /// by every sentence of the analysis that has it.
    pub term: Arc<str>,
    /// Its contribution to the log-odds of the label against the runner-up.
    pub weight: f64,
    /// Its value in the sentence's feature vector.
    pub value: f64,
    /// The words of the sentence it comes from, as spans into the article (best effort).
    pub matches: Matches,
}

/// The words an evidence term comes from, as spans into the article, in order.
///
/// Most terms come from one or two words, kept without an allocation of their own. Dereferences
/// to a slice; serializes as a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches(SmallVec<[Span; 2]>);

impl Deref for Matches {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Matches {
    type Item = &'a Span;
    type IntoIter = std::slice::Iter<'a, Span>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Vec<Span>> for Matches {
    fn from(spans: Vec<Span>) -> Self {
        Matches(spans.into_iter().collect())
    }
}

impl Serialize for Matches {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

/// The text with every kind of whitespace (line breaks inside a sentence, vertical tabs,
/// no-break spaces) as a plain space: the model reads words, and its tokenizer expects ASCII
/// whitespace only.
fn plain_spaces(text: &str) -> String {
    text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect()
}

/// The text of the sentence at `span` as the model reads it: with `mask` (a part of the sentence)
/// blanked out and plain spaces.
fn model_text(article: &str, span: Span, mask: Option<Span>) -> String {
    match mask.filter(|m| span.contains(*m)) {
        Some(mask) => plain_spaces(&format!(
            "{} {}",
            &article[span.start..mask.start],
            &article[mask.end..span.end]
        )),
        None => plain_spaces(&article[span.range()]),
    }
}

/// How many sentences are classified together: enough to keep every thread busy, few enough
/// that the texts the models read and their raw predictions stay small beside the analysis.
const SENTENCES_PER_BATCH: usize = 1024;

/// Classifies the sentences at `spans` of `article`, each with an optional part to blank out
/// (`masks`, parallel to `spans`), keeping `evidence_terms` terms each; hands each sentence's
/// index and judgement to `keep`, in order.
pub(crate) fn judge(
    classifier: &Classifier,
    article: &str,
    spans: &[Span],
    masks: &[Option<Span>],
    evidence_terms: usize,
    mut keep: impl FnMut(usize, Judgement),
) {
    let labels: Arc<[String]> = classifier.labels().into();
    let mut terms = TermPool::default();
    for (batch, batch_spans) in spans.chunks(SENTENCES_PER_BATCH).enumerate() {
        let first = batch * SENTENCES_PER_BATCH;
        let texts: Vec<String> = batch_spans
            .iter()
            .enumerate()
            .map(|(i, &span)| model_text(article, span, masks.get(first + i).copied().flatten()))
            .collect();
        let predictions = classifier.predict_batch(&texts);
        let evidence: Vec<_> = predictions
            .par_iter()
            .zip(batch_spans.par_iter().zip(&texts))
            .map(|(prediction, (&span, text))| {
                evidence_for(classifier, article, span, text, &prediction.label, evidence_terms)
            })
            .collect();
        for (i, (prediction, evidence)) in predictions.into_iter().zip(evidence).enumerate() {
            let judgement = Judgement {
                probabilities: LabelProbabilities::new(labels.clone(), prediction.probabilities),
                label: prediction.label,
                probability: prediction.probability,
                evidence: terms.evidence(evidence),
            };
            keep(first + i, judgement);
        }
    }
}

/// The model's evidence for `label` on one sentence (none when the explanation's label differs
/// from the prediction's), each term with the words it comes from.
fn evidence_for(
    classifier: &Classifier,
    article: &str,
    span: Span,
    text: &str,
    label: &str,
    evidence_terms: usize,
) -> Vec<(Evidence, Vec<Span>)> {
    let explanation = classifier.explain(text, evidence_terms);
    if explanation.label != label {
        return Vec::new();
    }
    let terms: Vec<&str> = explanation.evidence.iter().map(|e| e.term.as_str()).collect();
    let matches = locate(classifier.featurizer().analyzer(), article, span, &terms);
    explanation.evidence.into_iter().zip(matches).collect()
}

/// One shared copy of each evidence term: a long article names the same few hundred terms in
/// thousands of sentences.
#[derive(Default)]
struct TermPool(HashSet<Arc<str>>);

impl TermPool {
    /// The evidence with its terms shared, in a vector of its own size (collecting in place
    /// would keep the larger input's allocation).
    fn evidence(&mut self, evidence: Vec<(Evidence, Vec<Span>)>) -> Vec<EvidenceTerm> {
        let mut terms = Vec::with_capacity(evidence.len());
        for (e, matches) in evidence {
            terms.push(EvidenceTerm {
                term: self.share(e.term),
                weight: e.weight,
                value: e.value,
                matches: matches.into(),
            });
        }
        terms
    }

    fn share(&mut self, term: String) -> Arc<str> {
        if let Some(shared) = self.0.get(term.as_str()) {
            return shared.clone();
        }
        let shared: Arc<str> = term.into();
        self.0.insert(shared.clone());
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_blank_out_the_speaker() {
        let article = "Intro. Defence Minister Oren Kastrel said the army\nwould advance.";
        let span = Span::new(7, article.len());
        let mask = Span::new(7, 36);
        assert_eq!(&article[mask.range()], "Defence Minister Oren Kastrel");
        assert_eq!(model_text(article, span, Some(mask)), "  said the army would advance.");
        assert_eq!(
            model_text(article, span, None),
            "Defence Minister Oren Kastrel said the army would advance."
        );
        assert_eq!(
            model_text(article, span, Some(Span::new(0, 5))),
            model_text(article, span, None)
        );
    }

    #[test]
    fn every_whitespace_becomes_a_space() {
        assert_eq!(plain_spaces("a\u{b}b\nc\u{a0}d\r\ne"), "a b c d  e");
    }
}
