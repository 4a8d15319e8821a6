//! The whole pipeline, fitted: analyzer + vocabulary + weighting, serializable with a model.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::analyzer::{Analyzer, AnalyzerConfig, AnalyzerScratch, NodeScratch};
use crate::sparse::SparseMatrix;
use crate::term_counts::{CorpusStatistics, TermCounts, TermStatistic};
use crate::vocabulary::{PruningConfig, Vocabulary};
use crate::weighting::{inverse_document_frequency, l2_normalize, TermWeighting, WeightingConfig};
use crate::FeatureError;

/// Every setting of feature extraction: what runs at training runs again at prediction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct FeatureConfig {
    /// Text -> terms.
    pub analyzer: AnalyzerConfig,
    /// Terms -> vocabulary.
    pub pruning: PruningConfig,
    /// Counts -> values.
    pub weighting: WeightingConfig,
}

impl FeatureConfig {
    /// Checks every stage's settings on their own ([`AnalyzerConfig::check`],
    /// [`PruningConfig::check`]).
    pub fn check(&self) -> Result<(), FeatureError> {
        self.analyzer.check()?;
        self.pruning.check()
    }
}

/// How many terms a transform met, and how many of them were not in the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OutOfVocabulary {
    /// Term occurrences seen.
    pub terms: u64,
    /// Term occurrences skipped because the vocabulary does not hold them.
    pub unknown: u64,
}

impl OutOfVocabulary {
    /// The share of term occurrences that were unknown (0 when there were none).
    pub fn rate(&self) -> f64 {
        if self.terms == 0 {
            0.0
        } else {
            self.unknown as f64 / self.terms as f64
        }
    }

    fn merge(self, other: Self) -> Self {
        Self {
            terms: self.terms + other.terms,
            unknown: self.unknown + other.unknown,
        }
    }
}

/// How often each vocabulary column occurs in one document, and how many term occurrences there
/// were in all: terms outside the vocabulary are counted, never stored, so the memory of a
/// document's counts is bounded by the vocabulary, whatever the text holds. Reused across
/// documents ([`Featurizer::count_columns`] clears it).
#[derive(Debug, Default, Clone)]
pub struct ColumnCounts {
    counts: FxHashMap<u32, u32>,
    total: u64,
    unknown: u64,
    /// Scratch space of finding terms by the ids of their units.
    buffers: NodeScratch,
}

impl ColumnCounts {
    /// Empty counts.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of distinct vocabulary columns met.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether no vocabulary term was met.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Counts one term occurrence, of `column` or outside the vocabulary.
    fn add(&mut self, column: Option<u32>) {
        self.total += 1;
        match column {
            Some(column) => {
                let count = self.counts.entry(column).or_default();
                *count = count.saturating_add(1);
            }
            None => self.unknown += 1,
        }
    }

    /// Term occurrences met, and those outside the vocabulary.
    pub fn out_of_vocabulary(&self) -> OutOfVocabulary {
        OutOfVocabulary {
            terms: self.total,
            unknown: self.unknown,
        }
    }
}

/// A fitted featurizer: turns texts into sparse rows over a fixed vocabulary.
#[derive(Debug, Serialize, Deserialize)]
#[serde(try_from = "FeaturizerParts", into = "FeaturizerParts")]
pub struct Featurizer {
    analyzer: Analyzer,
    parts: FeaturizerParts,
}

/// What a featurizer serializes as: its configuration, vocabulary and learned IDF.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeaturizerParts {
    /// The configuration.
    pub config: FeatureConfig,
    /// The fitted vocabulary.
    pub vocabulary: Vocabulary,
    /// The IDF of each column, present exactly when the weighting is tf-idf.
    pub idf: Option<Vec<f64>>,
}

impl Clone for Featurizer {
    fn clone(&self) -> Self {
        Self::try_from(self.parts.clone()).expect("a featurizer's own parts are valid")
    }
}

impl PartialEq for Featurizer {
    fn eq(&self, other: &Self) -> bool {
        self.parts == other.parts
    }
}

impl TryFrom<FeaturizerParts> for Featurizer {
    type Error = FeatureError;

    fn try_from(parts: FeaturizerParts) -> Result<Self, Self::Error> {
        parts.config.pruning.check()?;
        let expected = (parts.config.weighting.scheme == TermWeighting::TfIdf).then_some(parts.vocabulary.len());
        if parts.idf.as_ref().map(Vec::len) != expected {
            return Err(FeatureError::IdfLength {
                idf: parts.idf.as_ref().map_or(0, Vec::len),
                vocabulary: parts.vocabulary.len(),
            });
        }
        let analyzer = Analyzer::new(parts.config.analyzer.clone())?;
        Ok(Self { analyzer, parts })
    }
}

impl From<Featurizer> for FeaturizerParts {
    fn from(featurizer: Featurizer) -> Self {
        featurizer.parts
    }
}

impl Featurizer {
    /// Fits the vocabulary (and IDF) on `documents`, in parallel; the result does not depend on
    /// their order.
    pub fn fit<S: AsRef<str> + Sync>(config: FeatureConfig, documents: &[S]) -> Result<Self, FeatureError> {
        config.pruning.check()?;
        let analyzer = Analyzer::new(config.analyzer.clone())?;
        let statistics = documents
            .par_iter()
            .fold(
                || {
                    (
                        CorpusStatistics::default(),
                        AnalyzerScratch::default(),
                        TermCounts::new(),
                    )
                },
                |(mut stats, mut scratch, mut counts), doc| {
                    counts.count(&analyzer, doc.as_ref(), &mut scratch);
                    stats.add_document(&counts);
                    (stats, scratch, counts)
                },
            )
            .map(|(stats, _, _)| stats)
            .reduce(CorpusStatistics::default, |mut a, b| {
                a.merge(b);
                a
            });
        Self::from_statistics(config, &statistics)
    }

    /// The featurizer that pruning and weighting give for these corpus statistics.
    pub fn from_statistics(config: FeatureConfig, statistics: &CorpusStatistics) -> Result<Self, FeatureError> {
        let terms = statistics.terms.iter().map(|(t, s)| (t.as_str(), *s));
        Self::from_term_statistics(config, statistics.n_documents, terms, |t| {
            statistics.terms.get(t).map_or(0, |s| s.document_frequency)
        })
    }

    /// The featurizer that pruning and weighting give for a corpus of `n_documents` whose terms
    /// have the statistics `terms`; `document_frequency` looks a kept term's frequency up again
    /// (for the IDF). For callers that keep term statistics in their own tables.
    pub fn from_term_statistics<'a, I, F>(
        config: FeatureConfig,
        n_documents: u64,
        terms: I,
        document_frequency: F,
    ) -> Result<Self, FeatureError>
    where
        I: IntoIterator<Item = (&'a str, TermStatistic)>,
        F: Fn(&str) -> u64,
    {
        let vocabulary = config.pruning.select(terms, n_documents)?;
        let idf = (config.weighting.scheme == TermWeighting::TfIdf).then(|| {
            vocabulary
                .terms()
                .map(|t| inverse_document_frequency(n_documents, document_frequency(t)))
                .collect()
        });
        Self::try_from(FeaturizerParts {
            config,
            vocabulary,
            idf,
        })
    }

    /// What this featurizer serializes as (borrowed).
    pub fn parts(&self) -> &FeaturizerParts {
        &self.parts
    }

    /// The configuration.
    pub fn config(&self) -> &FeatureConfig {
        &self.parts.config
    }

    /// The analyzer (text -> terms).
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The vocabulary (terms -> columns).
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.parts.vocabulary
    }

    /// The learned IDF per column, when the weighting is tf-idf.
    pub fn idf(&self) -> Option<&[f64]> {
        self.parts.idf.as_deref()
    }

    /// The weighted `(column, value)` entries of one document's counts, appended to `entries`.
    pub fn weigh(&self, counts: &TermCounts, entries: &mut Vec<(u32, f64)>) -> OutOfVocabulary {
        let mut oov = OutOfVocabulary {
            terms: counts.total(),
            unknown: 0,
        };
        let start = entries.len();
        for (term, count) in counts.iter() {
            match self.parts.vocabulary.column(term) {
                Some(column) => entries.push((column, f64::from(count))),
                None => oov.unknown += u64::from(count),
            }
        }
        self.weigh_counts(&mut entries[start..]);
        oov
    }

    /// Counts the terms of `text` by vocabulary column into `counts` (replacing what was there):
    /// by their strings at first, by the ids of their units once the run has looked up a 32nd
    /// as much text as the vocabulary holds (the same counts either way).
    pub fn count_columns(&self, text: &str, scratch: &mut AnalyzerScratch, counts: &mut ColumnCounts) {
        counts.counts.clear();
        counts.total = 0;
        counts.unknown = 0;
        let vocabulary = &self.parts.vocabulary;
        let Some(mut index) = vocabulary.unit_index(text.len()) else {
            self.analyzer
                .for_each_term(text, scratch, |term| counts.add(vocabulary.column(term)));
            return;
        };
        // Each n-gram found by the ids of its units, never joined into a string.
        let mut buffers = std::mem::take(&mut counts.buffers);
        self.analyzer
            .for_each_term_node(text, scratch, &mut buffers, &mut index, |index, nodes| {
                for node in nodes {
                    counts.add(node.and_then(|node| index.column(node)));
                }
            });
        counts.buffers = buffers;
    }

    /// The weighted `(column, value)` entries of one document's column counts, appended to
    /// `entries` (the same as [`Featurizer::weigh`] gives for its term counts).
    pub fn weigh_columns(&self, counts: &ColumnCounts, entries: &mut Vec<(u32, f64)>) -> OutOfVocabulary {
        let start = entries.len();
        entries.extend(counts.counts.iter().map(|(&column, &count)| (column, f64::from(count))));
        self.weigh_counts(&mut entries[start..]);
        counts.out_of_vocabulary()
    }

    /// Turns `(column, count)` entries into `(column, value)`: sorted by column (so that an L2 norm
    /// adds up in the same order whatever the hashing), weighted, normalized.
    fn weigh_counts(&self, entries: &mut [(u32, f64)]) {
        entries.sort_unstable_by_key(|&(column, _)| column);
        let scheme = self.parts.config.weighting.scheme;
        for (column, value) in entries.iter_mut() {
            let idf = self.parts.idf.as_ref().map_or(1.0, |idf| idf[*column as usize]);
            // A count is a u32, exactly representable: the round trip through f64 is lossless.
            *value = scheme.term_frequency(*value as u32) * idf;
        }
        if self.parts.config.weighting.l2_normalize {
            let mut values: Vec<f64> = entries.iter().map(|e| e.1).collect();
            l2_normalize(&mut values);
            entries.iter_mut().zip(values).for_each(|(e, v)| e.1 = v);
        }
    }

    /// The sparse rows of `documents`, in input order (computed in parallel), and the
    /// out-of-vocabulary count.
    pub fn transform<S: AsRef<str> + Sync>(&self, documents: &[S]) -> (SparseMatrix, OutOfVocabulary) {
        let rows: Vec<(Vec<(u32, f64)>, OutOfVocabulary)> = documents
            .par_iter()
            .map_init(
                || (AnalyzerScratch::default(), ColumnCounts::new()),
                |(scratch, counts), doc| {
                    self.count_columns(doc.as_ref(), scratch, counts);
                    let mut entries = Vec::with_capacity(counts.len());
                    let oov = self.weigh_columns(counts, &mut entries);
                    (entries, oov)
                },
            )
            .collect();
        let mut matrix = SparseMatrix::new(self.parts.vocabulary.len());
        let mut oov = OutOfVocabulary::default();
        for (mut entries, row_oov) in rows {
            matrix.push_row(&mut entries);
            oov = oov.merge(row_oov);
        }
        (matrix, oov)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{NgramRange, StopWords};

    const DOCS: [&str; 4] = [
        "Rebels rejected the talks and vowed to fight on.",
        "Envoys met for peace talks in Geneva.",
        "The army launched air strikes on rebel positions.",
        "Talks resumed after a ceasefire.",
    ];

    fn config(scheme: TermWeighting, l2_normalize: bool) -> FeatureConfig {
        FeatureConfig {
            analyzer: AnalyzerConfig {
                stopwords: StopWords::English,
                ngrams: NgramRange { min: 1, max: 1 },
                ..Default::default()
            },
            weighting: WeightingConfig { scheme, l2_normalize },
            ..Default::default()
        }
    }

    #[test]
    fn one_document_alone_gets_its_batch_weights() {
        let featurizer = Featurizer::fit(config(TermWeighting::TfIdf, true), &DOCS).unwrap();
        let (batch, _) = featurizer.transform(&DOCS);
        let (alone, _) = featurizer.transform(&DOCS[1..2]);
        assert_eq!(batch.row(1), alone.row(0));
        let norm: f64 = alone.row(0).unwrap().values.iter().map(|v| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-12);
    }

    #[test]
    fn unknown_terms_are_counted() {
        let featurizer = Featurizer::fit(config(TermWeighting::Count, false), &DOCS).unwrap();
        let (matrix, oov) = featurizer.transform(&["talks with zebras and giraffes"]);
        assert_eq!(matrix.nnz(), 1);
        assert_eq!(oov, OutOfVocabulary { terms: 3, unknown: 2 });
        assert!((oov.rate() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn counts_are_counted() {
        let featurizer = Featurizer::fit(config(TermWeighting::Count, false), &DOCS).unwrap();
        let column = featurizer.vocabulary().column("talk").unwrap();
        let (matrix, _) = featurizer.transform(&["talks, talks and more talks"]);
        assert_eq!(matrix.to_dense()[(0, column as usize)], 3.0);
    }

    #[test]
    fn serde_round_trip_rebuilds_the_same_featurizer() {
        let featurizer = Featurizer::fit(config(TermWeighting::TfIdf, false), &DOCS).unwrap();
        let json = serde_json::to_string(&featurizer).unwrap();
        let back: Featurizer = serde_json::from_str(&json).unwrap();
        assert_eq!(back, featurizer);
        assert_eq!(back.transform(&DOCS).0, featurizer.transform(&DOCS).0);
    }

    #[test]
    fn column_counts_weigh_as_term_counts_do() {
        for (scheme, l2) in [
            (TermWeighting::Count, false),
            (TermWeighting::Log, true),
            (TermWeighting::TfIdf, false),
            (TermWeighting::Binary, true),
        ] {
            let featurizer = Featurizer::fit(config(scheme, l2), &DOCS).unwrap();
            let text = "Talks, talks and more talks; rebels rejected zebras.";
            let mut scratch = AnalyzerScratch::default();
            let mut terms = TermCounts::new();
            terms.count(featurizer.analyzer(), text, &mut scratch);
            let mut by_term = Vec::new();
            let oov = featurizer.weigh(&terms, &mut by_term);
            let mut columns = ColumnCounts::new();
            featurizer.count_columns(text, &mut scratch, &mut columns);
            let mut by_column = Vec::new();
            assert_eq!(featurizer.weigh_columns(&columns, &mut by_column), oov);
            assert_eq!(by_column, by_term, "{scheme:?}");
            assert!(
                oov.unknown > 0 && columns.len() < terms.len(),
                "unknown terms are not stored"
            );
        }
    }

    #[test]
    fn damaged_idf_is_rejected() {
        let featurizer = Featurizer::fit(config(TermWeighting::TfIdf, false), &DOCS).unwrap();
        let mut parts = FeaturizerParts::from(featurizer);
        parts.idf.as_mut().unwrap().pop();
        assert!(Featurizer::try_from(parts).is_err());
    }
}
