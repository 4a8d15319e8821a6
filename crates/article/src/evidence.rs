//! Finding the words of a sentence behind a model's evidence terms.
//!
//! Evidence terms come out of the classifier's analyzer: lowercased, stemmed, possibly
//! `NOT_`-prefixed, possibly n-grams (`peac talk`). Each word of the sentence is run through the
//! same analyzer on its own; words the analyzer drops (stop words) are left out of the sequence,
//! as they are for the model. A unigram marks every word whose term equals it (prefix removed);
//! an n-gram marks every run of consecutive remaining words whose terms spell it. Best effort:
//! an analyzer that changes words depending on their neighbours is not reproduced.

use std::collections::BTreeSet;

use stance_features::negation::{NEGATION_PREFIX, REFUSAL_PREFIX};
use stance_features::{Analyzer, LEAD_PREFIX};
use unicode_segmentation::UnicodeSegmentation;

use crate::Span;

/// The words of the sentence at `span` whose terms match each of `terms`, as spans into
/// `article`, in order; one list per term.
pub(crate) fn locate(analyzer: &Analyzer, article: &str, span: Span, terms: &[&str]) -> Vec<Vec<Span>> {
    if terms.is_empty() {
        return Vec::new();
    }
    let words: Vec<(Span, BTreeSet<String>)> = article[span.range()]
        .split_word_bound_indices()
        .filter(|(_, word)| word.chars().any(char::is_alphanumeric))
        .filter_map(|(offset, word)| {
            let start = span.start + offset;
            let stems: BTreeSet<String> = analyzer.terms(word).iter().map(|t| strip(t).to_string()).collect();
            (!stems.is_empty()).then(|| (Span::new(start, start + word.len()), stems))
        })
        .collect();
    terms
        .iter()
        .map(|term| {
            let parts: Vec<&str> = term.split(' ').map(strip).collect();
            let mut found: BTreeSet<Span> = BTreeSet::new();
            for window in words.windows(parts.len()) {
                if window
                    .iter()
                    .zip(&parts)
                    .all(|((_, stems), part)| stems.contains(*part))
                {
                    found.extend(window.iter().map(|(span, _)| *span));
                }
            }
            found.into_iter().collect()
        })
        .collect()
}

/// The word behind a term: without its lead mark and its negation or refusal mark.
fn strip(term: &str) -> &str {
    let term = term.strip_prefix(LEAD_PREFIX).unwrap_or(term);
    [NEGATION_PREFIX, REFUSAL_PREFIX]
        .iter()
        .find_map(|prefix| term.strip_prefix(prefix))
        .unwrap_or(term)
}

#[cfg(test)]
mod tests {
    use super::*;
    use stance_features::AnalyzerConfig;

    #[test]
    fn stems_negations_and_ngrams_find_their_words() {
        let analyzer = Analyzer::new(AnalyzerConfig::default()).unwrap();
        let article = "Intro. Peace returned: the envoys resumed peace talks, not strikes.";
        let span = Span::new(7, article.len());
        let found = locate(
            &analyzer,
            article,
            span,
            &[
                "talk",
                "NOT_strike",
                "peac talk",
                "absent",
                "the envoy",
                "LEAD_peac",
                "REFUSE_strike",
            ],
        );
        let words = |spans: &Vec<Span>| spans.iter().map(|s| &article[s.range()]).collect::<Vec<_>>();
        assert_eq!(words(&found[0]), ["talks"]);
        assert_eq!(words(&found[1]), ["strikes"]);
        // Only the adjacent pair, not the first `Peace`.
        assert_eq!(words(&found[2]), ["peace", "talks"]);
        assert!(found[3].is_empty());
        assert_eq!(words(&found[4]), ["the", "envoys"]);
        assert_eq!(words(&found[5]), ["Peace", "peace"]);
        assert_eq!(words(&found[6]), ["strikes"]);
        assert!(locate(&analyzer, article, span, &[]).is_empty());
    }
}
