//! Stage 3: negation scope marking (Das & Chen 2001; Pang, Lee & Vaithyanathan 2002).
//!
//! After a cue word, every following term gets the prefix `NOT_` until the next clause
//! punctuation (`. , ; : ! ?`, dashes, brackets). Cues are whole tokens: `know` is not `no`, but
//! any token ending in `n't` (`didn't`, `won't`) is a cue. A new cue inside a scope restarts it.
//! Marking runs before stop-word removal, and stop-word lists never remove a cue.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// The prefix given to terms inside a negation scope.
pub const NEGATION_PREFIX: &str = "NOT_";

/// The default cues.
pub const DEFAULT_CUES: &[&str] = &[
    "not",
    "no",
    "never",
    "without",
    "cannot",
    "nor",
    "neither",
    "refuse",
    "refused",
    "refuses",
    "refusing",
    "reject",
    "rejected",
    "rejects",
    "rejecting",
];

/// Settings of negation marking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NegationConfig {
    /// Whether scopes are marked at all.
    pub enabled: bool,
    /// Cue words, lowercase. A token ending in `n't` is always a cue when marking is enabled.
    pub cues: Vec<String>,
}

impl Default for NegationConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            cues: DEFAULT_CUES.iter().map(|s| s.to_string()).collect(),
        }
    }
}

impl NegationConfig {
    /// Whether the normalized word `word` opens a negation scope.
    pub fn is_cue(&self, word: &str) -> bool {
        self.enabled && (word.ends_with("n't") || self.cues.iter().any(|cue| cue == word))
    }

    /// The cue set for fast lookups at run time.
    pub(crate) fn cue_set(&self) -> Option<FxHashSet<String>> {
        self.enabled.then(|| self.cues.iter().cloned().collect())
    }
}

/// Whether `word` is a cue, given the run-time cue set of a [`NegationConfig`].
pub(crate) fn is_cue_in(cues: Option<&FxHashSet<String>>, word: &str) -> bool {
    cues.is_some_and(|cues| word.ends_with("n't") || cues.contains(word))
}

/// Whether a punctuation token ends a negation scope.
pub fn ends_scope(punctuation: &str) -> bool {
    matches!(
        punctuation,
        "." | "," | ";" | ":" | "!" | "?" | "\u{2014}" | "\u{2013}" | "(" | ")" | "[" | "]" | "\u{2026}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_whole_tokens() {
        let config = NegationConfig::default();
        assert!(config.is_cue("not"));
        assert!(config.is_cue("didn't"));
        assert!(config.is_cue("refused"));
        assert!(!config.is_cue("know"));
        assert!(!config.is_cue("note"));
    }

    #[test]
    fn disabled_marks_nothing() {
        let config = NegationConfig {
            enabled: false,
            ..NegationConfig::default()
        };
        assert!(!config.is_cue("not"));
    }

    #[test]
    fn clause_punctuation_ends_scope() {
        assert!(ends_scope(","));
        assert!(ends_scope("."));
        assert!(!ends_scope("-"));
        assert!(!ends_scope("'"));
    }
}
