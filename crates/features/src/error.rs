//! Errors of feature extraction.

use thiserror::Error;

/// What can go wrong while configuring or fitting a featurizer.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum FeatureError {
    /// An n-gram range with `min` of zero, `min > max` or `max` above [`crate::NgramRange::MAX_LENGTH`].
    #[error("invalid n-gram range {min}..{max}: need 1 <= min <= max <= 10")]
    NgramRange {
        /// Smallest n.
        min: usize,
        /// Largest n.
        max: usize,
    },
    /// A text that should name an n-gram range, e.g. `1..2`.
    #[error("cannot parse n-gram range {0:?}: expected MIN..MAX, e.g. 1..2")]
    NgramSyntax(String),
    /// A document-frequency threshold that is negative, NaN, or a fraction above 1.
    #[error("invalid document-frequency threshold {0:?}: expected a count (5) or a fraction (0.5) in [0, 1]")]
    DocFrequency(String),
    /// `min_df` keeps fewer documents than `max_df` allows, so nothing could ever be kept.
    #[error("min_df ({min_df}) is larger than max_df ({max_df}) for {n_documents} documents")]
    DocFrequencyOrder {
        /// Resolved minimum document count.
        min_df: u64,
        /// Resolved maximum document count.
        max_df: u64,
        /// Number of documents the thresholds were resolved against.
        n_documents: u64,
    },
    /// `max_features` of zero.
    #[error("max_features must be at least 1")]
    MaxFeatures,
    /// A language name rust-stemmers does not know.
    #[error("unknown stemming language {0:?}; known: {known}", known = crate::stemmer::Language::names().join(", "))]
    UnknownLanguage(String),
    /// A weighting name that is not one of count, binary, log, tfidf.
    #[error("unknown weighting {0:?}; expected count, binary, log or tfidf")]
    UnknownWeighting(String),
    /// A number policy that is not keep, drop or token.
    #[error("unknown number policy {0:?}; expected keep, drop or token")]
    UnknownNumberPolicy(String),
    /// The fitted IDF does not match the vocabulary (a damaged featurizer).
    #[error("the IDF has {idf} entries but the vocabulary has {vocabulary} terms")]
    IdfLength {
        /// Entries in the IDF vector.
        idf: usize,
        /// Terms in the vocabulary.
        vocabulary: usize,
    },
    /// A lead longer than [`crate::analyzer::MAX_LEAD_WORDS`].
    #[error("a lead of {0} words is too long: at most {max}", max = crate::analyzer::MAX_LEAD_WORDS)]
    LeadWords(usize),
    /// A vocabulary whose text exceeds 4 GiB.
    #[error("the vocabulary's terms exceed 4 GiB of text")]
    VocabularyTooLarge,
    /// A vocabulary whose terms are not strictly sorted (a damaged featurizer).
    #[error("the vocabulary is not sorted and unique at term {0}")]
    UnsortedVocabulary(usize),
}
