//! Stage 4: stop-word removal.
//!
//! The built-in English list was written for this project: articles, pronouns, auxiliaries,
//! conjunctions and prepositions that carry no stance. It leaves out words that can (`against`,
//! `must`, `will`, `should`, `only`), and a list never removes a negation cue, whatever it holds.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// The built-in English stop words.
pub const ENGLISH: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "once",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "'s",
];

/// Which stop words are removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum StopWords {
    /// Keep every word.
    #[default]
    None,
    /// The built-in English list ([`ENGLISH`]).
    English,
    /// A user-supplied list (normalized: lowercase), stored with the model.
    Custom(Vec<String>),
}

impl StopWords {
    /// Builds a user list from the text of a file: one word per line, `#` starts a comment.
    pub fn from_list(text: &str) -> Self {
        let mut words: Vec<String> = text
            .lines()
            .map(|line| line.split('#').next().unwrap_or("").trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        words.sort();
        words.dedup();
        Self::Custom(words)
    }

    /// The set used at run time.
    pub(crate) fn to_set(&self) -> FxHashSet<String> {
        match self {
            Self::None => FxHashSet::default(),
            Self::English => ENGLISH.iter().map(|w| w.to_string()).collect(),
            Self::Custom(words) => words.iter().cloned().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negation::DEFAULT_CUES;

    #[test]
    fn english_list_holds_no_negation_cue() {
        for cue in DEFAULT_CUES {
            assert!(!ENGLISH.contains(cue), "{cue} is a cue");
        }
    }

    #[test]
    fn english_list_is_sorted_and_unique() {
        let mut sorted = ENGLISH.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ENGLISH.len());
    }

    #[test]
    fn user_lists_are_normalized() {
        let list = StopWords::from_list("The\n# comment\n  of  \nthe\n\n");
        assert_eq!(list, StopWords::Custom(vec!["of".into(), "the".into()]));
    }
}
