//! Quotations: opened with `“`, `„`, `«` or a straight `"`, closed by the matching mark, possibly
//! several sentences and several paragraphs later.
//!
//! News style leaves a quotation open at the end of a paragraph when the next paragraph continues
//! it with a new opening mark; such a quotation runs on. A quotation still open at the end of a
//! paragraph that does not continue it ends with that paragraph. Single quotes are not tracked:
//! they double as apostrophes (`Dastan’s`).

use serde::Serialize;

use crate::Span;

/// A quotation in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included (or to the end of the paragraph
    /// for an unclosed quotation).
    pub span: Span,
    /// Reported speech rather than a scare quote: the quotation opens a sentence or has at least
    /// [`SPEECH_MIN_WORDS`] words.
    pub speech: bool,
}

/// The number of words from which a quotation counts as speech wherever it stands.
pub const SPEECH_MIN_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `“ ”`, `„ ”` or `« »`, which nest.
    Curly,
    /// `"`, which toggles.
    Straight,
}

#[derive(Debug)]
struct Open {
    start: usize,
    mark: Mark,
    depth: usize,
}

/// The spans of the quotations in `text`, given its paragraphs, in order.
pub(super) fn quotation_spans(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<Open> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let body = &text[paragraph.range()];
        let mut skip_first = false;
        if let Some(current) = &open {
            let continues = match current.mark {
                Mark::Curly => body.starts_with(['“', '„', '«']),
                Mark::Straight => body.starts_with('"'),
            };
            if continues {
                skip_first = true;
            } else {
                spans.push(Span::new(current.start, paragraphs[index - 1].end));
                open = None;
            }
        }
        let mut previous: Option<char> = None;
        let mut chars = body.char_indices().peekable();
        if skip_first {
            previous = chars.next().map(|(_, c)| c);
        }
        while let Some((offset, c)) = chars.next() {
            let at = paragraph.start + offset;
            let next = chars.peek().map(|&(_, n)| n);
            match (c, open.as_mut()) {
                ('“' | '„' | '«', None) => {
                    open = Some(Open {
                        start: at,
                        mark: Mark::Curly,
                        depth: 1,
                    })
                }
                ('“' | '„' | '«', Some(o)) if o.mark == Mark::Curly => o.depth += 1,
                ('”' | '»', Some(o)) if o.mark == Mark::Curly => {
                    o.depth -= 1;
                    if o.depth == 0 {
                        spans.push(Span::new(o.start, at + c.len_utf8()));
                        open = None;
                    }
                }
                ('"', Some(o)) if o.mark == Mark::Straight => {
                    spans.push(Span::new(o.start, at + 1));
                    open = None;
                }
                ('"', None) => {
                    let inch_mark = previous.is_some_and(|p| p.is_numeric());
                    let followed_by_text = next.is_some_and(|n| !n.is_whitespace());
                    if !inch_mark && followed_by_text {
                        open = Some(Open {
                            start: at,
                            mark: Mark::Straight,
                            depth: 1,
                        });
                    }
                }
                _ => {}
            }
            previous = Some(c);
        }
    }
    if let (Some(current), Some(last)) = (open, paragraphs.last()) {
        spans.push(Span::new(current.start, last.end));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs::paragraphs;

    fn quotes(text: &str) -> Vec<&str> {
        quotation_spans(text, &paragraphs(text))
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        assert_eq!(quotes("He said “go now” and \"stay\" twice."), ["“go now”", "\"stay\""]);
    }

    #[test]
    fn quotation_over_several_sentences() {
        assert_eq!(quotes("“One. Two. Three,” she said."), ["“One. Two. Three,”"]);
    }

    #[test]
    fn nested_curly_quotes() {
        assert_eq!(
            quotes("“He called it “a farce” today,” she said."),
            ["“He called it “a farce” today,”"]
        );
    }

    #[test]
    fn quotation_continued_in_next_paragraph() {
        let text = "“We will hold.\n\n“We will not yield,” he said.";
        assert_eq!(quotes(text), ["“We will hold.\n\n“We will not yield,”"]);
    }

    #[test]
    fn unclosed_quotation_ends_with_its_paragraph() {
        let text = "“We will hold.\n\nThe army moved.";
        assert_eq!(quotes(text), ["“We will hold."]);
    }

    #[test]
    fn inch_marks_and_stray_marks_are_ignored() {
        assert_eq!(
            quotes("A 12\" gun and a \" stray mark. Closing ” alone."),
            Vec::<&str>::new()
        );
    }
}
