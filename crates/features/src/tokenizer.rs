//! Stage 1: split text into word, number and punctuation tokens.
//!
//! Word boundaries follow Unicode UAX #29 (via `unicode-segmentation`), with the repairs it does
//! not make for news text: an abbreviation with internal periods keeps its final period as one
//! token (`U.S.`, `U.N.`, `e.g.`), and word-internal apostrophes stay inside the word
//! (`Taliban's`, `don’t`). Whitespace is dropped; every other non-word character becomes a
//! punctuation token, which later stages use as clause boundaries.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::FeatureError;

/// What happens to number tokens such as `2001`, `1,600` or `3.5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NumberPolicy {
    /// Numbers are kept as terms (`2001`).
    Keep,
    /// Numbers are dropped.
    Drop,
    /// Every number becomes the single term `<num>`.
    #[default]
    Token,
}

impl NumberPolicy {
    /// The name the command line gives it (`keep`, `drop`, `token`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Keep => "keep",
            Self::Drop => "drop",
            Self::Token => "token",
        }
    }
}

impl std::fmt::Display for NumberPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for NumberPolicy {
    type Err = FeatureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "keep" => Ok(Self::Keep),
            "drop" => Ok(Self::Drop),
            "token" | "<num>" => Ok(Self::Token),
            _ => Err(FeatureError::UnknownNumberPolicy(s.to_string())),
        }
    }
}

/// The term a number becomes under [`NumberPolicy::Token`].
pub const NUMBER_TOKEN: &str = "<num>";

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes or internal periods).
    Word,
    /// Digits, possibly with `.` or `,` inside (`1,600`, `3.5`).
    Number,
    /// One punctuation or symbol character.
    Punctuation,
}

/// A token: a slice of the input text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, borrowed from the input.
    pub text: &'a str,
    /// What the token is.
    pub kind: TokenKind,
}

/// Splits text into tokens; its only setting is the number policy, applied by the analyzer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TokenizerConfig {
    /// What happens to numbers.
    #[serde(default)]
    pub numbers: NumberPolicy,
}

/// The tokens of `text`, in order, borrowed from it.
///
/// ASCII runs take a fast path that gives exactly the UAX #29 boundaries (a property test checks
/// it against `unicode-segmentation`); any other text goes through `unicode-segmentation`.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        position: 0,
        chunk_end: 0,
        unicode: None,
    }
}

/// Iterator over the tokens of a text; see [`tokens`]. Linear in the text: each byte is examined
/// a bounded number of times, however long a run without whitespace is (`=====...`, minified JSON).
pub struct Tokens<'a> {
    text: &'a str,
    position: usize,
    /// The end of the current whitespace-free chunk (an ASCII one: others go to `unicode`).
    chunk_end: usize,
    unicode: Option<(usize, std::iter::Peekable<unicode_segmentation::UWordBoundIndices<'a>>)>,
}

#[cfg(test)]
thread_local! {
    /// Bytes examined by the tokenizer on this thread, for the test that checks it is linear.
    static EXAMINED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts `n` bytes examined (in tests only).
#[inline]
fn examined(n: usize) {
    #[cfg(test)]
    EXAMINED.with(|count| count.set(count.get() + n));
    #[cfg(not(test))]
    let _ = n;
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some((offset, segments)) = &mut self.unicode {
                let offset = *offset;
                match segments.next() {
                    Some((start, segment)) => {
                        let Some(kind) = classify(segment) else { continue };
                        let mut end = start + segment.len();
                        if kind == TokenKind::Word && is_dotted_abbreviation(segment) {
                            if let Some((_, ".")) = segments.peek() {
                                segments.next();
                                end += 1;
                            }
                        }
                        return Some(self.token(offset + start, offset + end, kind));
                    }
                    None => self.unicode = None,
                }
            }
            let bytes = self.text.as_bytes();
            if self.position >= self.chunk_end {
                // A new chunk: skip the whitespace before it, find its end and its script once.
                while self.position < bytes.len() && is_space(bytes[self.position]) {
                    self.position += 1;
                }
                if self.position >= bytes.len() {
                    return None;
                }
                let start = self.position;
                let chunk_end = bytes[start..]
                    .iter()
                    .position(|&b| is_space(b))
                    .map_or(bytes.len(), |i| start + i);
                examined(chunk_end - start);
                if !bytes[start..chunk_end].is_ascii() {
                    // A combining mark or joiner after a space belongs to the space's segment
                    // (WB4), so the segmenter starts at the space before the chunk.
                    let from = start.saturating_sub(1);
                    let chunk = &self.text[from..chunk_end];
                    self.unicode = Some((from, chunk.split_word_bound_indices().peekable()));
                    self.position = chunk_end;
                    continue;
                }
                self.chunk_end = chunk_end;
            }
            let start = self.position;
            let chunk_end = self.chunk_end;
            let end = ascii_token_end(bytes, start, chunk_end);
            let Some(kind) = classify(&self.text[start..end]) else {
                continue;
            };
            self.position = end;
            if kind == TokenKind::Word
                && is_dotted_abbreviation(&self.text[start..end])
                && bytes.get(end) == Some(&b'.')
                && end < chunk_end
            {
                self.position = end + 1;
                return Some(self.token(start, end + 1, kind));
            }
            return Some(self.token(start, end, kind));
        }
    }
}

impl<'a> Tokens<'a> {
    fn token(&self, start: usize, end: usize, kind: TokenKind) -> Token<'a> {
        Token {
            text: &self.text[start..end],
            kind,
        }
    }
}

/// ASCII whitespace as `char::is_whitespace` sees it (which, unlike `u8::is_ascii_whitespace`,
/// includes the vertical tab).
fn is_space(byte: u8) -> bool {
    byte.is_ascii_whitespace() || byte == 0x0B
}

/// The end of the UAX #29 segment of ASCII text starting at `start` (not whitespace), by `limit`.
fn ascii_token_end(bytes: &[u8], start: usize, limit: usize) -> usize {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    if !is_word(bytes[start]) {
        return start + 1;
    }
    let mut end = start + 1;
    while end < limit {
        examined(1);
        let b = bytes[end];
        if is_word(b) {
            end += 1;
            continue;
        }
        // WB6/7: letter (MidLetter | MidNumLet | Single_Quote) letter; WB11/12: digit (MidNum |
        // MidNumLet | Single_Quote) digit.
        let (prev, next) = (bytes[end - 1], bytes.get(end + 1).copied().filter(|_| end + 1 < limit));
        let joins = match next {
            Some(next) if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() => matches!(b, b'.' | b':' | b'\''),
            Some(next) if prev.is_ascii_digit() && next.is_ascii_digit() => matches!(b, b'.' | b',' | b';' | b'\''),
            _ => false,
        };
        if !joins {
            break;
        }
        end += 2;
    }
    end
}

fn classify(segment: &str) -> Option<TokenKind> {
    let mut chars = segment.chars();
    let first = chars.next()?;
    if first.is_whitespace() {
        return None;
    }
    if first.is_ascii_digit() && segment.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Some(TokenKind::Number);
    }
    if segment.chars().any(char::is_alphanumeric) {
        return Some(TokenKind::Word);
    }
    Some(TokenKind::Punctuation)
}

/// `U.S`, `e.g`, `Ph.D`: letters separated by single periods, each part at most three letters.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokens(text).map(|t| t.text).collect()
    }

    /// Bytes examined to tokenize `text` (on this thread).
    fn work(text: &str) -> usize {
        EXAMINED.with(|count| count.set(0));
        let n = tokens(text).count();
        assert!(n > 0);
        EXAMINED.with(std::cell::Cell::get)
    }

    #[test]
    fn tokenizing_is_linear_in_runs_without_whitespace() {
        for unit in ["=", ".,;:!?", "ab-", "{\"a\":[1,2]},"] {
            let small = unit.repeat(100_000 / unit.len());
            let large = unit.repeat(400_000 / unit.len());
            let (small_work, large_work) = (work(&small), work(&large));
            // Linear: four times the text, four times the work (the quadratic scan did sixteen).
            let ratio = large_work as f64 / small_work as f64;
            assert!(
                (3.5..=4.5).contains(&ratio),
                "{unit:?}: {small_work} then {large_work} bytes examined"
            );
            assert!(
                large_work <= 3 * large.len(),
                "{unit:?}: {large_work} bytes examined for {}",
                large.len()
            );
        }
    }

    #[test]
    fn abbreviations_keep_their_final_period() {
        assert_eq!(
            texts("The U.S. and the U.N. met."),
            ["The", "U.S.", "and", "the", "U.N.", "met", "."]
        );
        assert_eq!(texts("e.g. this"), ["e.g.", "this"]);
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        assert_eq!(texts("Taliban's fighters don’t"), ["Taliban's", "fighters", "don’t"]);
    }

    #[test]
    fn numbers_and_punctuation_are_classified() {
        let kinds: Vec<_> = tokens("1,600 killed; 3.5% rise").map(|t| (t.text, t.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("1,600", TokenKind::Number),
                ("killed", TokenKind::Word),
                (";", TokenKind::Punctuation),
                ("3.5", TokenKind::Number),
                ("%", TokenKind::Punctuation),
                ("rise", TokenKind::Word),
            ]
        );
    }

    #[test]
    fn a_sentence_final_word_is_not_an_abbreviation() {
        assert_eq!(texts("talks resumed."), ["talks", "resumed", "."]);
        assert_eq!(texts("in 2001."), ["in", "2001", "."]);
    }

    #[test]
    fn empty_and_whitespace_give_nothing() {
        assert!(texts("").is_empty());
        assert!(texts(" \t\n ").is_empty());
    }

    /// The tokens `unicode-segmentation` alone gives, with the same repairs: the reference the
    /// ASCII fast path must match.
    fn reference(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out: Vec<(&str, TokenKind)> = Vec::new();
        let mut segments = text.split_word_bound_indices().peekable();
        while let Some((start, segment)) = segments.next() {
            let Some(kind) = classify(segment) else { continue };
            let mut end = start + segment.len();
            if kind == TokenKind::Word && is_dotted_abbreviation(segment) {
                if let Some((_, ".")) = segments.peek() {
                    segments.next();
                    end += 1;
                }
            }
            out.push((&text[start..end], kind));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_fast_path_gives_the_uax29_tokens(text in "[a-zA-Z0-9 .,;:'_!?()\\-\"%$\\x00-\\x1F\\x7F]{0,60}") {
            let fast: Vec<(&str, TokenKind)> = tokens(&text).map(|t| (t.text, t.kind)).collect();
            proptest::prop_assert_eq!(fast, reference(&text));
        }

        #[test]
        fn mixed_text_gives_the_uax29_tokens(text in "[a-zA-Z0-9 .,'éαß’\u{300}😀-]{0,40}") {
            let fast: Vec<(&str, TokenKind)> = tokens(&text).map(|t| (t.text, t.kind)).collect();
            proptest::prop_assert_eq!(fast, reference(&text));
        }
    }

    #[test]
    fn control_characters_never_panic() {
        assert!(texts("a\u{b}b").len() == 2);
        assert!(texts("\u{b}\u{c}\u{1f}\u{0}").iter().all(|t| !t.is_empty()));
    }

    #[test]
    fn number_policy_parses() {
        assert_eq!("drop".parse::<NumberPolicy>(), Ok(NumberPolicy::Drop));
        assert!("maybe".parse::<NumberPolicy>().is_err());
    }
}
