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
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        segments: text.split_word_bound_indices().peekable(),
    }
}

/// Iterator over the tokens of a text; see [`tokens`].
pub struct Tokens<'a> {
    text: &'a str,
    segments: std::iter::Peekable<unicode_segmentation::UWordBoundIndices<'a>>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let (start, segment) = self.segments.next()?;
            let Some(kind) = classify(segment) else {
                continue;
            };
            let mut end = start + segment.len();
            if kind == TokenKind::Word && is_dotted_abbreviation(segment) {
                if let Some((_, ".")) = self.segments.peek() {
                    self.segments.next();
                    end += 1;
                }
            }
            return Some(Token {
                text: &self.text[start..end],
                kind,
            });
        }
    }
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

    #[test]
    fn number_policy_parses() {
        assert_eq!("drop".parse::<NumberPolicy>(), Ok(NumberPolicy::Drop));
        assert!("maybe".parse::<NumberPolicy>().is_err());
    }
}
