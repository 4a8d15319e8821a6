//! Sentence boundaries inside one chunk of text.
//!
//! A boundary is a run of terminal punctuation (`.`, `!`, `?`, `…`), optionally followed by
//! closing quotes or brackets, then whitespace, then something that is not a lowercase letter.
//! A single period is further checked against the word before it (abbreviations, initials,
//! acronyms) and the word after it. Periods followed by no whitespace (`3.5`, `U.S.-led`) never
//! end a sentence.

use super::abbreviations::{classify, is_sentence_opener, Abbreviation};
use crate::Span;

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '}' | '»' | '›')
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '{' | '«' | '‹' | '„')
}

/// The sentences of the chunk `span` of `text`, trimmed, in order.
pub(super) fn sentence_spans(text: &str, span: Span) -> Vec<Span> {
    let chunk = &text[span.range()];
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    let byte = |index: usize| chars.get(index).map_or(chunk.len(), |&(b, _)| b);
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_terminal(chars[i].1) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < chars.len() && is_terminal(chars[i].1) {
            i += 1;
        }
        let run_end = i;
        while i < chars.len() && is_closing(chars[i].1) {
            i += 1;
        }
        let close_end = i;
        if i == chars.len() || !chars[i].1.is_whitespace() {
            continue;
        }
        while i < chars.len() && chars[i].1.is_whitespace() {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let context = Context {
            run: &chunk[byte(run_start)..byte(run_end)],
            closed: close_end > run_end,
            before: word_before(chunk, byte(run_start)),
            after: word_after(chunk, byte(i)),
        };
        if context.is_boundary() {
            spans.push(Span::new(span.start + byte(start), span.start + byte(close_end)));
            start = i;
        }
    }
    let rest = chunk[byte(start)..].trim_end();
    if !rest.trim_start().is_empty() {
        spans.push(Span::new(
            span.start + byte(start),
            span.start + byte(start) + rest.len(),
        ));
    }
    spans
}

/// What surrounds a candidate boundary.
struct Context<'a> {
    /// The terminal punctuation run.
    run: &'a str,
    /// Whether closing quotes or brackets follow the run.
    closed: bool,
    /// The word just before the run, without opening punctuation.
    before: &'a str,
    /// The word after the whitespace, without trailing punctuation.
    after: &'a str,
}

impl Context<'_> {
    fn is_boundary(&self) -> bool {
        let Some(next) = self.after.chars().next() else {
            // Only punctuation follows, as inside a spaced ellipsis (`. . .`): no boundary.
            return false;
        };
        if next.is_lowercase() {
            return false;
        }
        if self.run != "." || self.closed {
            return true;
        }
        match classify(self.before) {
            Abbreviation::Never => false,
            Abbreviation::BeforeNumber => !next.is_numeric(),
            Abbreviation::Ambiguous => is_sentence_opener(self.after),
            Abbreviation::Ordinary => true,
        }
    }
}

/// The word ending at `end` (exclusive): back to whitespace, then stripped of opening punctuation.
fn word_before(chunk: &str, end: usize) -> &str {
    let head = &chunk[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[start..].trim_start_matches(|c: char| is_opening(c) || c == '—' || c == '-')
}

/// The word starting at `start`: up to whitespace, opening punctuation skipped, trailing
/// punctuation stripped.
fn word_after(chunk: &str, start: usize) -> &str {
    let tail = &chunk[start..];
    let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
    tail[..end]
        .trim_start_matches(is_opening)
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text, Span::new(0, text.len()))
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("Talks began. They failed! Why? Nobody knows."),
            ["Talks began.", "They failed!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn titles_initials_and_acronyms() {
        assert_eq!(
            split("Gen. Mira Osk met Dr. Pell in St. Lorne. The U.N. envoy J. K. Varga said the U.S. Army would wait."),
            [
                "Gen. Mira Osk met Dr. Pell in St. Lorne.",
                "The U.N. envoy J. K. Varga said the U.S. Army would wait."
            ]
        );
        assert_eq!(
            split("Aid came from the U.S. The rest came later."),
            ["Aid came from the U.S.", "The rest came later."]
        );
        assert_eq!(split("Lt. Col. Arne Voss spoke."), ["Lt. Col. Arne Voss spoke."]);
    }

    #[test]
    fn dates_numbers_and_decimals() {
        assert_eq!(
            split("On Jan. 5 the No. 3 brigade lost 3.5 tanks. Then it rested."),
            ["On Jan. 5 the No. 3 brigade lost 3.5 tanks.", "Then it rested."]
        );
        assert_eq!(
            split("It happened in Jan. The next month was calm."),
            ["It happened in Jan.", "The next month was calm."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("We waited... and waited. Then . . . nothing."),
            ["We waited... and waited.", "Then . . . nothing."]
        );
        assert_eq!(split("We waited… Then they came."), ["We waited…", "Then they came."]);
    }

    #[test]
    fn quotes_close_after_the_period() {
        assert_eq!(
            split("“We will fight.” The army moved. “Why?” he asked. \"Now.\" Done."),
            [
                "“We will fight.”",
                "The army moved.",
                "“Why?” he asked.",
                "\"Now.\"",
                "Done."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_continues() {
        assert_eq!(
            split("The approx. total rose. A b. c."),
            ["The approx. total rose.", "A b. c."]
        );
    }

    #[test]
    fn offsets_are_relative_to_the_text() {
        let text = "xx One. Two.";
        let spans = sentence_spans(text, Span::new(3, text.len()));
        assert_eq!(spans, [Span::new(3, 7), Span::new(8, 12)]);
    }
}
