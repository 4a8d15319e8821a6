//! Feature extraction for stance: text -> tokens -> terms -> sparse vectors.
//!
//! The pipeline, one module per stage, in this order:
//!
//! 1. [`tokenizer`]: Unicode word boundaries (UAX #29) with repairs for abbreviations (`U.S.`)
//!    and apostrophes (`Taliban's`); numbers kept, dropped or mapped to `<num>`.
//! 2. [`normalizer`]: Unicode lowercasing (rust-stemmers needs it), optional accent folding.
//! 3. [`negation`]: terms after a cue (`not`, `never`, `refused`, `...n't`) get a `NOT_` prefix up
//!    to the next clause punctuation; runs before stop-word removal.
//! 4. [`stopwords`]: a built-in English list, a user list, or none; never removes a cue.
//! 5. [`stemmer`]: Snowball stemming in any of rust-stemmers' 18 languages, cached per run and
//!    guarded against its panics; the `NOT_` prefix stays outside the stem.
//! 6. [`ngrams`]: word n-grams `min..=max` over the remaining terms.
//! 7. [`vocabulary`]: pruning by `min_df`, `max_df`, `max_features`, as a function of term
//!    statistics; sorted, deterministic columns.
//! 8. [`weighting`]: count, binary, `ln(1+tf)` or tf-idf (IDF learned at fit time), optional L2.
//! 9. [`sparse`]: CSR rows, convertible to an `ndarray::Array2` for linfa.
//!
//! Stages 1-6 form the [`Analyzer`]; the fitted [`Featurizer`] adds 7-9 and serializes with serde,
//! so a model file rebuilds exactly the featurizer that trained it.
//!
//! ```
//! use stance_features::{FeatureConfig, Featurizer};
//!
//! let docs = ["The army launched an offensive.", "Both sides agreed to resume talks."];
//! let featurizer = Featurizer::fit(FeatureConfig::default(), &docs)?;
//! let (rows, oov) = featurizer.transform(&["Talks resumed."]);
//! assert_eq!(rows.n_rows(), 1);
//! // Terms `talk`, `resum` and the bigram `talk resum`; only the bigram is new.
//! assert_eq!((oov.terms, oov.unknown), (3, 1));
//! # Ok::<(), stance_features::FeatureError>(())
//! ```

pub mod analyzer;
mod error;
pub mod featurizer;
pub mod negation;
pub mod ngrams;
pub mod normalizer;
pub mod sparse;
pub mod stemmer;
pub mod stopwords;
pub mod term_counts;
pub mod tokenizer;
mod unit_index;
pub mod vocabulary;
pub mod weighting;

pub use analyzer::{
    Analyzer, AnalyzerConfig, AnalyzerScratch, FunctionWordNgrams, NgramNodes, NodeScratch, UnitBatch, LEAD_PREFIX,
    MAX_LEAD_WORDS,
};
pub use error::FeatureError;
pub use featurizer::{ColumnCounts, FeatureConfig, Featurizer, FeaturizerParts, OutOfVocabulary};
pub use ngrams::NgramRange;
pub use normalizer::NormalizerConfig;
pub use sparse::{SparseMatrix, SparseRow};
pub use stemmer::Language;
pub use stopwords::StopWords;
pub use term_counts::{CorpusStatistics, TermCounts, TermStatistic};
pub use tokenizer::{NumberPolicy, TokenizerConfig};
pub use vocabulary::{DocFrequency, PruningConfig, Vocabulary};
pub use weighting::{TermWeighting, WeightingConfig};
