//! Training statistics kept by term, not by column, in integer counters.
//!
//! Per class: the document count, and per term the total count and the document frequency. From
//! them a model is finalized: vocabulary pruning and weighting are applied then, so statistics
//! from any number of shards can be combined first, exactly.
//!
//! Weightings whose per-document value is a float (`log`, or any weighting with L2 rows) also keep
//! per-term float sums; merging those is exact up to floating-point addition order (a relative
//! difference around 1e-15, stated tolerance 1e-9 on log-probabilities). tf-idf with L2 rows is
//! refused: each row's norm needs the corpus IDF, which a single streaming pass does not know.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use stance_features::{
    Analyzer, AnalyzerScratch, FeatureConfig, Featurizer, NodeScratch, TermCounts, TermStatistic, TermWeighting,
};

use crate::class_totals::ClassTotals;
use crate::fingerprint::DataFingerprint;
use crate::term_table::TermTable;
use crate::ModelError;

/// Documents analyzed together before their statistics are merged in order; fixed, so float sums
/// (and therefore model bytes) do not depend on the number of threads.
const CHUNK: usize = 2048;

/// The statistics of one class.
#[derive(Debug, Clone, Default, PartialEq)]
struct ClassStatistics {
    documents: u64,
    counts: Vec<u64>,
    document_frequencies: Vec<u64>,
    weight_sums: Vec<f64>,
}

impl ClassStatistics {
    fn grow(&mut self, n_terms: usize, float_weights: bool) {
        if self.counts.len() < n_terms {
            self.counts.resize(n_terms, 0);
            self.document_frequencies.resize(n_terms, 0);
            if float_weights {
                self.weight_sums.resize(n_terms, 0.0);
            }
        }
    }
}

/// Every term's text with its index, sorted by text (in parallel: terms are unique, so the result
/// does not depend on the threads).
fn sorted_terms(texts: &[String]) -> Vec<(&str, u32)> {
    let mut sorted: Vec<(&str, u32)> = texts
        .iter()
        .enumerate()
        .map(|(t, text)| (text.as_str(), t as u32))
        .collect();
    sorted.par_sort_unstable();
    sorted
}

/// What counting one shard's documents reuses from document to document.
#[derive(Debug, Default)]
struct Seen {
    /// The number (from 1) of the document being counted.
    document: u32,
    /// The number of the last document that had each term.
    last_seen: Vec<u32>,
    /// Scratch space of finding terms by the ids of their units.
    buffers: NodeScratch,
}

/// Term statistics of a labeled corpus, for one featurizer configuration.
#[derive(Debug, Clone)]
pub struct TrainingStatistics {
    config: FeatureConfig,
    terms: TermTable,
    labels: Vec<String>,
    classes: Vec<ClassStatistics>,
    fingerprint: DataFingerprint,
}

/// The per-term, per-class numbers of [`TrainingStatistics`] in a stable, sorted form (for model
/// files and JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatisticsTable {
    /// Class labels, sorted.
    pub labels: Vec<String>,
    /// Documents per class.
    pub documents: Vec<u64>,
    /// Terms, sorted.
    pub terms: Vec<String>,
    /// Occurrences at `term * n_classes + class`.
    pub counts: Vec<u64>,
    /// Document frequencies at `term * n_classes + class`.
    pub document_frequencies: Vec<u64>,
    /// Float weight sums at `term * n_classes + class`, for float weightings.
    pub weight_sums: Option<Vec<f64>>,
    /// The data fingerprint.
    pub fingerprint: DataFingerprint,
}

/// Checks what statistics can be trained with: `config` on its own ([`FeatureConfig::check`]),
/// and not tf-idf with L2-normalized rows (each row's norm would need the corpus IDF).
pub(crate) fn check_config(config: &FeatureConfig) -> Result<(), ModelError> {
    config.check()?;
    if config.weighting.scheme == TermWeighting::TfIdf && config.weighting.l2_normalize {
        return Err(ModelError::Unsupported(
            "tf-idf with L2-normalized rows cannot be trained from term statistics (each row's norm needs the \
             corpus IDF); use tfidf without L2, or count/binary/log with L2"
                .into(),
        ));
    }
    Ok(())
}

impl TrainingStatistics {
    /// Empty statistics for `config` (checked: tf-idf with L2 rows is refused).
    pub fn new(config: FeatureConfig) -> Result<Self, ModelError> {
        check_config(&config)?;
        Ok(Self {
            config,
            terms: TermTable::default(),
            labels: Vec::new(),
            classes: Vec::new(),
            fingerprint: DataFingerprint::default(),
        })
    }

    /// The featurizer configuration these statistics are for.
    pub fn config(&self) -> &FeatureConfig {
        &self.config
    }

    /// Documents seen.
    pub fn n_documents(&self) -> u64 {
        self.classes.iter().map(|c| c.documents).sum()
    }

    /// Distinct terms seen (before pruning).
    pub fn n_terms(&self) -> usize {
        self.terms.len()
    }

    /// Documents per label, sorted by label.
    pub fn documents_per_label(&self) -> BTreeMap<String, u64> {
        self.labels
            .iter()
            .cloned()
            .zip(self.classes.iter().map(|c| c.documents))
            .collect()
    }

    /// The order-independent fingerprint of the data seen.
    pub fn fingerprint(&self) -> DataFingerprint {
        self.fingerprint
    }

    fn float_weights(&self) -> bool {
        self.config.weighting.l2_normalize || self.config.weighting.scheme == TermWeighting::Log
    }

    /// Adds a batch of `(text, label)` documents: analyzed in parallel in fixed chunks, merged in
    /// input order, a few chunks at a time so memory stays bounded.
    pub fn add_documents<T: AsRef<str> + Sync, L: AsRef<str> + Sync>(
        &mut self,
        documents: &[(T, L)],
    ) -> Result<(), ModelError> {
        if documents.iter().any(|(_, label)| label.as_ref() == crate::UNCERTAIN) {
            return Err(ModelError::ReservedLabel(crate::UNCERTAIN));
        }
        let analyzer = Analyzer::new(self.config.analyzer.clone())?;
        let empty = Self::new(self.config.clone())?;
        let in_flight = CHUNK * rayon::current_num_threads().max(1);
        for round in documents.chunks(in_flight) {
            let shards: Vec<TrainingStatistics> = round
                .par_chunks(CHUNK)
                .map(|chunk| {
                    let mut shard = empty.clone();
                    let mut scratch = AnalyzerScratch::default();
                    let mut counts = TermCounts::new();
                    let mut seen = Seen::default();
                    for (document, (text, label)) in chunk.iter().enumerate() {
                        let (text, label) = (text.as_ref(), label.as_ref());
                        if shard.float_weights() {
                            counts.count(&analyzer, text, &mut scratch);
                            shard.add_counts(label, &counts);
                        } else {
                            seen.document = document as u32 + 1;
                            shard.add_terms(&analyzer, &mut scratch, &mut seen, label, text);
                        }
                        shard.fingerprint.add(label, text);
                    }
                    shard
                })
                .collect();
            for shard in shards {
                if self.terms.is_empty() && self.classes.is_empty() {
                    *self = shard;
                } else {
                    self.merge(shard)?;
                }
            }
        }
        Ok(())
    }

    fn class_index(&mut self, label: &str) -> usize {
        match self.labels.iter().position(|l| l == label) {
            Some(i) => i,
            None => {
                self.labels.push(label.to_string());
                self.classes.push(ClassStatistics::default());
                self.labels.len() - 1
            }
        }
    }

    fn term_index(&mut self, term: &str) -> usize {
        self.terms.index(term) as usize
    }

    /// Adds one document's terms under `label` straight from the analyzer, for integer weightings.
    /// Each n-gram is found by the ids of its units (its prefix's node and its last unit, one
    /// lookup of two integers), never joined into a string; `seen.last_seen[t]` holds the number
    /// (from 1) of the last document that had term `t`, so document frequencies count documents.
    fn add_terms(
        &mut self,
        analyzer: &Analyzer,
        scratch: &mut AnalyzerScratch,
        seen: &mut Seen,
        label: &str,
        text: &str,
    ) {
        let class = self.class_index(label);
        self.classes[class].documents += 1;
        let Seen {
            document,
            last_seen,
            buffers,
        } = seen;
        let classes = &mut self.classes;
        analyzer.for_each_term_node(text, scratch, buffers, &mut self.terms, |terms, nodes| {
            // The table gives every unit an id and every n-gram a node.
            for &node in nodes.iter().flatten() {
                let t = terms.term_of(node) as usize;
                if last_seen.len() <= t {
                    last_seen.resize(t + 1, 0);
                }
                let stats = &mut classes[class];
                stats.grow(t + 1, false);
                stats.counts[t] += 1;
                if last_seen[t] != *document {
                    last_seen[t] = *document;
                    stats.document_frequencies[t] += 1;
                }
            }
        });
    }

    /// Adds one document's term counts under `label` (the fingerprint is the caller's).
    fn add_counts(&mut self, label: &str, counts: &TermCounts) {
        let class = self.class_index(label);
        let scheme = self.config.weighting.scheme;
        let float_weights = self.float_weights();
        let norm = if self.config.weighting.l2_normalize {
            counts
                .iter()
                .map(|(_, c)| scheme.term_frequency(c).powi(2))
                .sum::<f64>()
                .sqrt()
        } else {
            1.0
        };
        self.classes[class].documents += 1;
        for (term, count) in counts.iter() {
            let t = self.term_index(term);
            let stats = &mut self.classes[class];
            stats.grow(t + 1, float_weights);
            stats.counts[t] += u64::from(count);
            stats.document_frequencies[t] += 1;
            if float_weights && norm > 0.0 {
                stats.weight_sums[t] += scheme.term_frequency(count) / norm;
            }
        }
    }

    /// Adds the statistics of another shard; both must have the same featurizer configuration.
    pub fn merge(&mut self, other: TrainingStatistics) -> Result<(), ModelError> {
        if other.config != self.config {
            return Err(ModelError::Incompatible("the featurizer settings differ".into()));
        }
        let float_weights = self.float_weights();
        let mapping: Vec<usize> = self.terms.absorb(other.terms).into_iter().map(|t| t as usize).collect();
        let n_terms = self.terms.len();
        for (label, theirs) in other.labels.iter().zip(other.classes) {
            let class = self.class_index(label);
            let ours = &mut self.classes[class];
            ours.grow(n_terms, float_weights);
            ours.documents += theirs.documents;
            for (j, &i) in mapping.iter().enumerate().take(theirs.counts.len()) {
                ours.counts[i] += theirs.counts[j];
                ours.document_frequencies[i] += theirs.document_frequencies[j];
                if float_weights {
                    ours.weight_sums[i] += theirs.weight_sums[j];
                }
            }
        }
        self.fingerprint.merge(other.fingerprint);
        Ok(())
    }

    /// The statistics of term index `t` over all classes.
    fn term_statistic(&self, t: usize) -> TermStatistic {
        let mut stat = TermStatistic::default();
        for class in &self.classes {
            stat.merge(TermStatistic {
                count: class.counts.get(t).copied().unwrap_or(0),
                document_frequency: class.document_frequencies.get(t).copied().unwrap_or(0),
            });
        }
        stat
    }

    /// Applies pruning and weighting: the fitted featurizer and the per-class totals of its columns.
    pub fn finalize(&self) -> Result<(Featurizer, ClassTotals), ModelError> {
        if self.n_documents() == 0 {
            return Err(ModelError::NoDocuments);
        }
        let texts = self.terms.texts();
        let sorted = sorted_terms(&texts);
        let terms = sorted.iter().map(|&(text, t)| (text, self.term_statistic(t as usize)));
        let featurizer = Featurizer::from_term_statistics(self.config.clone(), self.n_documents(), terms, |term| {
            sorted
                .binary_search_by(|&(text, _)| text.cmp(term))
                .map_or(0, |i| self.term_statistic(sorted[i].1 as usize).document_frequency)
        })?;
        let mut order: Vec<usize> = (0..self.labels.len()).collect();
        order.sort_by(|a, b| self.labels[*a].cmp(&self.labels[*b]));
        let n_classes = order.len();
        let vocabulary = featurizer.vocabulary();
        let mut totals = ClassTotals {
            labels: order.iter().map(|&c| self.labels[c].clone()).collect(),
            documents: order.iter().map(|&c| self.classes[c].documents).collect(),
            n_features: vocabulary.len(),
            value_sums: vec![0.0; vocabulary.len() * n_classes],
            document_counts: vec![0.0; vocabulary.len() * n_classes],
        };
        let scheme = self.config.weighting.scheme;
        let float_weights = self.float_weights();
        // The vocabulary is a sorted subset of the sorted terms: one walk finds each one's index.
        let mut counted = sorted.iter();
        for (column, term) in vocabulary.terms().enumerate() {
            let Some(t) = counted.find(|&&(text, _)| text == term).map(|&(_, t)| t as usize) else {
                continue;
            };
            let idf = featurizer.idf().map_or(1.0, |idf| idf[column]);
            for (k, &c) in order.iter().enumerate() {
                let class = &self.classes[c];
                let count = class.counts.get(t).copied().unwrap_or(0);
                let df = class.document_frequencies.get(t).copied().unwrap_or(0);
                let at = column * n_classes + k;
                totals.document_counts[at] = df as f64;
                totals.value_sums[at] = if float_weights {
                    class.weight_sums.get(t).copied().unwrap_or(0.0)
                } else {
                    match scheme {
                        TermWeighting::Binary => df as f64,
                        _ => count as f64 * idf,
                    }
                };
            }
        }
        Ok((featurizer, totals))
    }

    /// The statistics as a sorted table (deterministic whatever the order documents came in).
    pub fn to_table(&self) -> StatisticsTable {
        let mut order: Vec<usize> = (0..self.labels.len()).collect();
        order.sort_by(|a, b| self.labels[*a].cmp(&self.labels[*b]));
        let texts = self.terms.texts();
        let terms = sorted_terms(&texts);
        let n = order.len();
        let mut table = StatisticsTable {
            labels: order.iter().map(|&c| self.labels[c].clone()).collect(),
            documents: order.iter().map(|&c| self.classes[c].documents).collect(),
            terms: terms.iter().map(|(t, _)| t.to_string()).collect(),
            counts: Vec::with_capacity(terms.len() * n),
            document_frequencies: Vec::with_capacity(terms.len() * n),
            weight_sums: self.float_weights().then(|| Vec::with_capacity(terms.len() * n)),
            fingerprint: self.fingerprint,
        };
        for (_, t) in &terms {
            for &c in &order {
                let class = &self.classes[c];
                let t = *t as usize;
                table.counts.push(class.counts.get(t).copied().unwrap_or(0));
                table
                    .document_frequencies
                    .push(class.document_frequencies.get(t).copied().unwrap_or(0));
                if let Some(sums) = table.weight_sums.as_mut() {
                    sums.push(class.weight_sums.get(t).copied().unwrap_or(0.0));
                }
            }
        }
        table
    }

    /// Statistics rebuilt from a table (as read from a model file).
    pub fn from_table(config: FeatureConfig, table: StatisticsTable) -> Result<Self, ModelError> {
        let mut stats = Self::new(config)?;
        let n = table.labels.len();
        let cells = table.terms.len() * n;
        let float_weights = stats.float_weights();
        if table.documents.len() != n
            || table.counts.len() != cells
            || table.document_frequencies.len() != cells
            || table
                .weight_sums
                .as_ref()
                .map_or(float_weights, |w| w.len() != cells || !float_weights)
        {
            return Err(ModelError::Incompatible(
                "the statistics table has inconsistent sizes".into(),
            ));
        }
        if table.labels.windows(2).any(|w| w[0] >= w[1]) || table.terms.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ModelError::Incompatible(
                "the statistics table's labels or terms are not sorted and unique".into(),
            ));
        }
        if table
            .documents
            .iter()
            .try_fold(0u64, |sum, &n| sum.checked_add(n))
            .is_none()
        {
            return Err(ModelError::Incompatible(
                "the statistics table counts more documents than a 64-bit number holds".into(),
            ));
        }
        stats.labels = table.labels;
        stats.classes = table
            .documents
            .iter()
            .enumerate()
            .map(|(c, &documents)| ClassStatistics {
                documents,
                counts: table.counts.iter().skip(c).step_by(n).copied().collect(),
                document_frequencies: table.document_frequencies.iter().skip(c).step_by(n).copied().collect(),
                weight_sums: table
                    .weight_sums
                    .as_ref()
                    .map(|w| w.iter().skip(c).step_by(n).copied().collect())
                    .unwrap_or_default(),
            })
            .collect();
        stats.terms = TermTable::from_texts(table.terms);
        stats.fingerprint = table.fingerprint;
        Ok(stats)
    }
}
