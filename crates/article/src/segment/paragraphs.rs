//! Paragraphs (separated by blank lines) and the headline (a first line with no final
//! punctuation).

use crate::Span;

/// A stretch of text that sentence boundaries are searched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Chunk {
    /// The trimmed text of the chunk.
    pub span: Span,
    /// The paragraph it belongs to.
    pub paragraph: usize,
    /// Whether the chunk is the headline, a sentence on its own.
    pub headline: bool,
}

/// The paragraphs of `text`, trimmed: runs of non-blank lines.
pub(super) fn paragraphs(text: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut current: Option<Span> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed_end = line.trim_end().len();
        if trimmed_end == 0 {
            paragraphs.extend(current.take());
        } else {
            let end = offset + trimmed_end;
            match current.as_mut() {
                Some(span) => span.end = end,
                None => current = Some(Span::new(offset + trimmed_start, end)),
            }
        }
        offset += line.len();
    }
    paragraphs.extend(current);
    paragraphs
}

/// The chunks of `text`: one per paragraph, except that a headline is split off the first one.
pub(super) fn chunks(text: &str, paragraphs: &[Span]) -> Vec<Chunk> {
    let mut chunks = Vec::with_capacity(paragraphs.len() + 1);
    for (index, &span) in paragraphs.iter().enumerate() {
        if index == 0 {
            if let Some(headline) = headline(text, span, paragraphs.len() > 1) {
                chunks.push(Chunk {
                    span: headline,
                    paragraph: 0,
                    headline: true,
                });
                let rest = &text[headline.end..span.end];
                let start = span.end - rest.trim_start().len();
                if start < span.end {
                    chunks.push(Chunk {
                        span: Span::new(start, span.end),
                        paragraph: 0,
                        headline: false,
                    });
                }
                continue;
            }
        }
        chunks.push(Chunk {
            span,
            paragraph: index,
            headline: false,
        });
    }
    chunks
}

/// The headline: the first line of the first paragraph, when more text follows it and it does not
/// end like a sentence.
fn headline(text: &str, first: Span, more_paragraphs: bool) -> Option<Span> {
    let paragraph = &text[first.range()];
    let (line, more_lines) = match paragraph.find('\n') {
        Some(newline) => (paragraph[..newline].trim_end(), true),
        None => (paragraph, false),
    };
    if !(more_lines || more_paragraphs) || line.is_empty() {
        return None;
    }
    let bare = line.trim_end_matches(|c: char| "\"'”’»)]".contains(c));
    let ends_like_sentence = bare.ends_with(|c: char| ".!?…:;,".contains(c));
    (!ends_like_sentence).then(|| Span::new(first.start, first.start + line.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let text = "  One line\nstill one.\n\n \t\nTwo.\r\n\r\nThree.  ";
        assert_eq!(
            texts(text, &paragraphs(text)),
            ["One line\nstill one.", "Two.", "Three."]
        );
    }

    #[test]
    fn headline_is_split_off() {
        let text = "Rebels Agree to Truce\nThe rebels agreed. Talks follow.\n\nMore.";
        let chunks = chunks(text, &paragraphs(text));
        let spans: Vec<Span> = chunks.iter().map(|c| c.span).collect();
        assert_eq!(
            texts(text, &spans),
            ["Rebels Agree to Truce", "The rebels agreed. Talks follow.", "More."]
        );
        assert!(chunks[0].headline && !chunks[1].headline);
        assert_eq!(chunks.iter().map(|c| c.paragraph).collect::<Vec<_>>(), [0, 0, 1]);
    }

    #[test]
    fn punctuated_first_line_or_lone_line_is_no_headline() {
        let text = "The rebels agreed.\nTalks follow.";
        assert!(chunks(text, &paragraphs(text)).iter().all(|c| !c.headline));
        let text = "just one line";
        assert!(chunks(text, &paragraphs(text)).iter().all(|c| !c.headline));
    }

    #[test]
    fn headline_alone_in_its_paragraph() {
        let text = "Envoy Says \"Talks Must Resume\"\n\nBody text.";
        let chunks = chunks(text, &paragraphs(text));
        assert!(chunks[0].headline);
        assert_eq!(chunks.len(), 2);
    }
}
