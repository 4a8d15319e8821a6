//! Stage 3: negation scope marking (Das & Chen 2001; Pang, Lee & Vaithyanathan 2002).
//!
//! After a cue word, the following terms get the prefix `NOT_` until the next clause
//! punctuation (`. , ; : ! ?`, dashes, brackets). Cues are whole tokens: `know` is not `no`, but
//! any token ending in `n't` (`didn't`, `won't`) is a cue. A new cue inside a scope restarts it.
//! Marking runs before stop-word removal, and stop-word lists never remove a cue.
//!
//! [`ScopeRules`] narrow a scope to what the negation covers (their default, the classic rule
//! above, is what models trained before them use): a contrast word (`but`, `instead`, `rather`,
//! `however`, `yet`, ...) ends it, so "will not negotiate but will fight" leaves `fight` alone; a
//! window bounds it; function words inside it stay unmarked (no `NOT_the`); and refusals
//! (`refused`, `rejects`, `denied`, `dismissed`) open a scope of their own, prefixed `REFUSE_`, so
//! "rejected the talks" (`REFUSE_talk`) is not "no talks were held" (`NOT_talk`). Under
//! [`ScopeRules::narrow_refusals`], a verb of agreement met inside a negation scope turns it
//! into a refusal scope: "would not negotiate" reads as "refused to negotiate".

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// The prefix given to terms inside a negation scope.
pub const NEGATION_PREFIX: &str = "NOT_";

/// The prefix given to terms inside a refusal scope ([`ScopeRules::refusal_cues`]).
pub const REFUSAL_PREFIX: &str = "REFUSE_";

/// Contrast words that end a scope under [`ScopeRules::narrow`].
pub const CONTRAST_WORDS: &[&str] = &[
    "but", "instead", "rather", "however", "yet", "although", "though", "whereas", "while", "except",
];

/// Refusal cues under [`ScopeRules::narrow`].
pub const REFUSAL_CUES: &[&str] = &[
    "refuse",
    "refused",
    "refuses",
    "refusing",
    "reject",
    "rejected",
    "rejects",
    "rejecting",
    "deny",
    "denied",
    "denies",
    "denying",
    "dismiss",
    "dismissed",
    "dismisses",
    "dismissing",
    "rebuff",
    "rebuffed",
    "rebuffs",
];

/// Verbs of agreement under [`ScopeRules::narrow_refusals`]: met inside a negation scope ("would
/// not negotiate", "never accepted a truce"), they turn it into a refusal scope.
pub const AGREEMENT_WORDS: &[&str] = &[
    "negotiate",
    "negotiates",
    "negotiated",
    "negotiating",
    "accept",
    "accepts",
    "accepted",
    "accepting",
    "agree",
    "agrees",
    "agreed",
    "agreeing",
    "talk",
    "attend",
    "attends",
    "attended",
    "attending",
    "join",
    "joined",
    "sign",
    "signs",
    "signed",
    "signing",
    "engage",
    "engaged",
    "compromise",
    "participate",
    "participated",
    "recognize",
    "recognise",
    "surrender",
];

/// The window of [`ScopeRules::narrow`]: at most this many content words are marked.
pub const NARROW_WINDOW: usize = 4;

/// How far a scope reaches, and which cues open which scope. The default is the classic rule
/// (to the clause's end, every word marked, refusals are plain negation cues); model files
/// written before these rules existed load with it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ScopeRules {
    /// Words that end a scope (and are not marked themselves); empty: only punctuation does.
    pub enders: Vec<String>,
    /// The most words a scope marks; `None`: to the end of the clause.
    pub window: Option<usize>,
    /// Whether words of the English stop-word list inside a scope stay unmarked (and do not
    /// count toward the window).
    pub content_words_only: bool,
    /// Cues that open a refusal scope (prefix [`REFUSAL_PREFIX`]) instead of a negation scope.
    pub refusal_cues: Vec<String>,
    /// Words that turn the negation scope they are met in into a refusal scope, from themselves
    /// on ("not negotiate" is `REFUSE_negoti`); empty: none do.
    pub agreement_words: Vec<String>,
}

impl ScopeRules {
    /// The classic rule: to the clause's end, every word, no refusal scopes.
    pub fn clause() -> Self {
        Self::default()
    }

    /// Narrow scopes: ended by [`CONTRAST_WORDS`], at most [`NARROW_WINDOW`] content words,
    /// function words unmarked, [`REFUSAL_CUES`] opening refusal scopes.
    pub fn narrow() -> Self {
        Self {
            enders: CONTRAST_WORDS.iter().map(|s| s.to_string()).collect(),
            window: Some(NARROW_WINDOW),
            content_words_only: true,
            refusal_cues: REFUSAL_CUES.iter().map(|s| s.to_string()).collect(),
            agreement_words: Vec::new(),
        }
    }

    /// [`ScopeRules::narrow`], and a negated verb of agreement ([`AGREEMENT_WORDS`]) read as a
    /// refusal: "would not negotiate" like "refused to negotiate".
    pub fn narrow_refusals() -> Self {
        Self {
            agreement_words: AGREEMENT_WORDS.iter().map(|s| s.to_string()).collect(),
            ..Self::narrow()
        }
    }

    /// Whether these are the classic rule's.
    pub fn is_clause(&self) -> bool {
        *self == Self::default()
    }

    /// The name of the preset these rules are (`clause`, `narrow`, `narrow-refusals`), or
    /// `custom` for rules built otherwise.
    pub fn preset_name(&self) -> &'static str {
        if self.is_clause() {
            "clause"
        } else if *self == Self::narrow() {
            "narrow"
        } else if *self == Self::narrow_refusals() {
            "narrow-refusals"
        } else {
            "custom"
        }
    }
}

impl std::str::FromStr for ScopeRules {
    type Err = String;

    /// The preset named `clause`, `narrow` or `narrow-refusals` (any case, `_` for `-`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "clause" => Ok(Self::clause()),
            "narrow" => Ok(Self::narrow()),
            "narrow-refusals" => Ok(Self::narrow_refusals()),
            _ => Err(format!("`{s}`: expected clause, narrow or narrow-refusals")),
        }
    }
}

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
    /// How far scopes reach. Not part of this struct's serialized form (model files store it
    /// apart, so that files written before it existed still load): see the model file format.
    #[serde(skip)]
    pub scope: ScopeRules,
}

impl Default for NegationConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            cues: DEFAULT_CUES.iter().map(|s| s.to_string()).collect(),
            scope: ScopeRules::default(),
        }
    }
}

impl NegationConfig {
    /// Whether the normalized word `word` opens a negation or refusal scope.
    pub fn is_cue(&self, word: &str) -> bool {
        self.enabled
            && (word.ends_with("n't")
                || self.cues.iter().any(|cue| cue == word)
                || self.scope.refusal_cues.iter().any(|cue| cue == word))
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
