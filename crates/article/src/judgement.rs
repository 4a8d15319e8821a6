//! Per-sentence classification: label, probabilities and the evidence terms, located in the text.

use std::collections::BTreeMap;

use serde::Serialize;
use stance_model::Classifier;

use crate::evidence::locate;
use crate::Span;

/// One classifier's verdict on one sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    /// The most likely label.
    pub label: String,
    /// Its probability.
    pub probability: f64,
    /// Every label's probability, by label (sorted).
    pub probabilities: BTreeMap<String, f64>,
    /// The terms that pushed most toward the label (strongest first), from
    /// [`Classifier::explain`].
    pub evidence: Vec<EvidenceTerm>,
}

impl Judgement {
    /// The probability of `label` (0 for a label the model does not know).
    pub fn probability_of(&self, label: &str) -> f64 {
        self.probabilities.get(label).copied().unwrap_or(0.0)
    }
}

/// A term behind a verdict, and where it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceTerm {
    /// The term as the model knows it (stemmed, possibly `NOT_`-marked or an n-gram).
    pub term: String,
    /// Its contribution to the log-odds of the label against the runner-up.
    pub weight: f64,
    /// Its value in the sentence's feature vector.
    pub value: f64,
    /// The words of the sentence it comes from, as spans into the article (best effort).
    pub matches: Vec<Span>,
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

/// Classifies the sentences at `spans` of `article`, each with an optional part to blank out
/// (`masks`, parallel to `spans`), keeping `evidence_terms` terms each.
pub(crate) fn judge(
    classifier: &Classifier,
    article: &str,
    spans: &[Span],
    masks: &[Option<Span>],
    evidence_terms: usize,
) -> Vec<Judgement> {
    let texts: Vec<String> = spans
        .iter()
        .enumerate()
        .map(|(i, &span)| model_text(article, span, masks.get(i).copied().flatten()))
        .collect();
    let predictions = classifier.predict_batch(&texts);
    let analyzer = classifier.featurizer().analyzer();
    predictions
        .into_iter()
        .zip(spans.iter().zip(&texts))
        .map(|(prediction, (&span, text))| {
            let explanation = classifier.explain(text, evidence_terms);
            let evidence = if explanation.label == prediction.label {
                explanation.evidence
            } else {
                Vec::new()
            };
            let terms: Vec<&str> = evidence.iter().map(|e| e.term.as_str()).collect();
            let matches = locate(analyzer, article, span, &terms);
            Judgement {
                probabilities: classifier
                    .labels()
                    .iter()
                    .cloned()
                    .zip(prediction.probabilities.iter().copied())
                    .collect(),
                label: prediction.label,
                probability: prediction.probability,
                evidence: evidence
                    .into_iter()
                    .zip(matches)
                    .map(|(e, matches)| EvidenceTerm {
                        term: e.term,
                        weight: e.weight,
                        value: e.value,
                        matches,
                    })
                    .collect(),
            }
        })
        .collect()
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
