//! Sentence segmentation: paragraphs, a headline, sentences and the quotations they belong to.
//!
//! The text is first cut into paragraphs at blank lines; a first line with no final punctuation
//! is the headline, a sentence of its own. Inside a paragraph, a sentence ends at terminal
//! punctuation followed by whitespace and a non-lowercase word, unless the period belongs to a
//! title (`Gen.`, `Dr.`, `Lt. Col.`), a date or number prefix (`Jan. 5`, `No. 3`), an initial
//! (`J. K. Rowling`) or an acronym (`U.S.`, `U.N.`) followed by a word that does not open a
//! sentence. Decimals (`3.5`) and ellipses inside a sentence never split it.
//!
//! Quotations are tracked separately ([`Quotation`]); the sentences a speech quotation touches
//! share a quote group, so that an attribution anywhere in the group applies to all of them.
//!
//! ```
//! use stance_article::segment::segment;
//!
//! let text = "Talks Resume\n\nGen. Osk spoke on Jan. 5. “We are ready. We will wait,” he said.";
//! let segmentation = segment(text);
//! let sentences: Vec<&str> = segmentation.sentences.iter().map(|s| s.text(text)).collect();
//! assert_eq!(sentences, ["Talks Resume", "Gen. Osk spoke on Jan. 5.", "“We are ready.", "We will wait,” he said."]);
//! assert!(segmentation.sentences[0].headline);
//! assert_eq!(segmentation.sentences[2].quote, segmentation.sentences[3].quote);
//! assert_eq!(segmentation.sentences[1].quote, None);
//! ```

mod abbreviations;
mod boundaries;
mod paragraphs;
mod quotes;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

pub use quotes::{Quotation, SPEECH_MIN_WORDS};

use crate::Span;

/// One sentence of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Position in the article, from 0.
    pub index: usize,
    /// Where the sentence lies in the article (trimmed).
    pub span: Span,
    /// The paragraph it belongs to, from 0 (the headline is in paragraph 0).
    pub paragraph: usize,
    /// Whether it is the headline.
    pub headline: bool,
    /// The quote group it belongs to, if it is part of reported speech in quotation marks:
    /// sentences touched by the same speech quotations share the group number.
    pub quote: Option<usize>,
}

impl Sentence {
    /// The sentence's text in `article`, the text it was segmented from.
    pub fn text<'a>(&self, article: &'a str) -> &'a str {
        &article[self.span.range()]
    }
}

/// The sentences and quotations of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segmentation {
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Every quotation, speech or not, in order.
    pub quotations: Vec<Quotation>,
}

/// Segments `text` into sentences and quotations.
pub fn segment(text: &str) -> Segmentation {
    let paragraphs = paragraphs::paragraphs(text);
    let mut sentences = Vec::new();
    for chunk in paragraphs::chunks(text, &paragraphs) {
        let spans = if chunk.headline {
            vec![chunk.span]
        } else {
            boundaries::sentence_spans(text, chunk.span)
        };
        for span in spans {
            sentences.push(Sentence {
                index: sentences.len(),
                span,
                paragraph: chunk.paragraph,
                headline: chunk.headline,
                quote: None,
            });
        }
    }
    let quotations: Vec<Quotation> = quotes::quotation_spans(text, &paragraphs)
        .into_iter()
        .map(|span| Quotation {
            span,
            speech: is_speech(text, span, &sentences),
        })
        .collect();
    assign_quote_groups(&mut sentences, &quotations);
    Segmentation { sentences, quotations }
}

/// A quotation is speech when it opens a sentence or is long enough to be more than a phrase.
fn is_speech(text: &str, span: Span, sentences: &[Sentence]) -> bool {
    sentences.iter().any(|s| s.span.start == span.start)
        || text[span.range()].unicode_words().count() >= SPEECH_MIN_WORDS
}

/// Gives the sentences touched by speech quotations their group numbers: runs of sentences linked
/// by a shared quotation form one group.
fn assign_quote_groups(sentences: &mut [Sentence], quotations: &[Quotation]) {
    let mut ranges: Vec<(usize, usize)> = quotations
        .iter()
        .filter(|q| q.speech)
        .filter_map(|q| {
            let mut touched = sentences.iter().filter(|s| s.span.overlaps(q.span)).map(|s| s.index);
            let first = touched.next()?;
            Some((first, touched.next_back().unwrap_or(first)))
        })
        .collect();
    ranges.sort_unstable();
    let mut group = 0;
    let mut current: Option<(usize, usize)> = None;
    for (first, last) in ranges {
        match current {
            Some((_, end)) if first <= end => current = current.map(|(start, end)| (start, end.max(last))),
            _ => {
                if let Some(range) = current.take() {
                    mark(sentences, range, group);
                    group += 1;
                }
                current = Some((first, last));
            }
        }
    }
    if let Some(range) = current {
        mark(sentences, range, group);
    }
}

fn mark(sentences: &mut [Sentence], (first, last): (usize, usize), group: usize) {
    for sentence in &mut sentences[first..=last] {
        sentence.quote = Some(group);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        segment(text).sentences.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn paragraphs_always_end_sentences() {
        let text = "The siege went on\n\nwithout pause. Supplies ran low";
        assert_eq!(texts(text), ["The siege went on", "without pause.", "Supplies ran low"]);
        let paragraphs: Vec<usize> = segment(text).sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1]);
    }

    #[test]
    fn headline_then_body_in_same_paragraph() {
        let text = "Ceasefire Holds in Vardon\nThe guns fell silent. Aid arrived.";
        let segmentation = segment(text);
        assert_eq!(
            texts(text),
            ["Ceasefire Holds in Vardon", "The guns fell silent.", "Aid arrived."]
        );
        assert!(segmentation.sentences[0].headline);
        assert!(!segmentation.sentences[1].headline);
    }

    #[test]
    fn quote_groups_span_sentences_and_paragraphs() {
        let text = "Kastrel spoke. “We will push on. The enemy is weak.\n\n“We will win,” he said. \
                    The mediator sighed. “Talk,” she said.";
        let segmentation = segment(text);
        let groups: Vec<Option<usize>> = segmentation.sentences.iter().map(|s| s.quote).collect();
        assert_eq!(groups, [None, Some(0), Some(0), Some(0), None, Some(1)]);
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        let text = "The rebels began their “spring offensive” early. Nobody spoke.";
        let segmentation = segment(text);
        assert_eq!(segmentation.quotations.len(), 1);
        assert!(!segmentation.quotations[0].speech);
        assert!(segmentation.sentences.iter().all(|s| s.quote.is_none()));
    }

    #[test]
    fn empty_and_blank_texts() {
        assert!(segment("").sentences.is_empty());
        assert!(segment(" \n\n\t ").sentences.is_empty());
    }

    #[test]
    fn indices_are_positions() {
        let segmentation = segment("A b. C d. E f.");
        assert!(segmentation.sentences.iter().enumerate().all(|(i, s)| s.index == i));
    }
}
