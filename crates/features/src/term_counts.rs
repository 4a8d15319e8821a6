//! Term counts of one document, and term statistics of a corpus.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::analyzer::{Analyzer, AnalyzerScratch};

/// How often each term occurs in one document.
///
/// Reused across documents: [`TermCounts::clear`] keeps the term strings' allocations in a pool, so
/// counting a stream of documents allocates only while the pool warms up.
#[derive(Debug, Default, Clone)]
pub struct TermCounts {
    counts: FxHashMap<String, u32>,
    pool: Vec<String>,
    total: u64,
}

impl TermCounts {
    /// Empty counts.
    pub fn new() -> Self {
        Self::default()
    }

    /// The counts of `text` under `analyzer` (replacing what was here).
    pub fn count(&mut self, analyzer: &Analyzer, text: &str, scratch: &mut AnalyzerScratch) {
        self.clear();
        analyzer.for_each_term(text, scratch, |term| self.add(term));
    }

    /// Forgets every count, keeping the allocations.
    pub fn clear(&mut self) {
        self.pool.extend(self.counts.drain().map(|(term, _)| term));
        self.total = 0;
    }

    /// Counts one occurrence of `term`.
    pub fn add(&mut self, term: &str) {
        self.total += 1;
        if let Some(count) = self.counts.get_mut(term) {
            *count = count.saturating_add(1);
            return;
        }
        let mut owned = self.pool.pop().unwrap_or_default();
        owned.clear();
        owned.push_str(term);
        self.counts.insert(owned, 1);
    }

    /// The distinct terms and their counts, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.counts.iter().map(|(term, count)| (term.as_str(), *count))
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether the document had no term.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The number of term occurrences (the document's length in terms).
    pub fn total(&self) -> u64 {
        self.total
    }
}

/// The corpus statistics of one term: total occurrences and the number of documents holding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TermStatistic {
    /// Occurrences across the corpus.
    pub count: u64,
    /// Documents in which the term occurs at least once.
    pub document_frequency: u64,
}

impl TermStatistic {
    /// Adds the statistics of another shard.
    pub fn merge(&mut self, other: TermStatistic) {
        self.count += other.count;
        self.document_frequency += other.document_frequency;
    }
}

/// Term statistics of a whole corpus, the input of vocabulary pruning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusStatistics {
    /// Documents seen.
    pub n_documents: u64,
    /// Statistics per term.
    pub terms: FxHashMap<String, TermStatistic>,
}

impl CorpusStatistics {
    /// Adds one document's counts.
    pub fn add_document(&mut self, counts: &TermCounts) {
        self.n_documents += 1;
        for (term, count) in counts.iter() {
            let stat = match self.terms.get_mut(term) {
                Some(stat) => stat,
                None => self.terms.entry(term.to_string()).or_default(),
            };
            stat.merge(TermStatistic {
                count: u64::from(count),
                document_frequency: 1,
            });
        }
    }

    /// Adds the statistics of another shard.
    pub fn merge(&mut self, other: CorpusStatistics) {
        self.n_documents += other.n_documents;
        for (term, stat) in other.terms {
            self.terms.entry(term).or_default().merge(stat);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AnalyzerConfig, NgramRange};

    fn analyzer() -> Analyzer {
        Analyzer::new(AnalyzerConfig {
            stemmer: None,
            ngrams: NgramRange { min: 1, max: 1 },
            ..AnalyzerConfig::default()
        })
        .unwrap()
    }

    #[test]
    fn counts_and_reuses() {
        let analyzer = analyzer();
        let mut scratch = AnalyzerScratch::default();
        let mut counts = TermCounts::new();
        counts.count(&analyzer, "talks and talks", &mut scratch);
        let mut seen: Vec<_> = counts.iter().collect();
        seen.sort();
        assert_eq!(seen, [("and", 1), ("talks", 2)]);
        assert_eq!(counts.total(), 3);
        counts.count(&analyzer, "war", &mut scratch);
        assert_eq!(counts.iter().collect::<Vec<_>>(), [("war", 1)]);
    }

    #[test]
    fn corpus_statistics_merge_like_one_pass() {
        let analyzer = analyzer();
        let mut scratch = AnalyzerScratch::default();
        let mut counts = TermCounts::new();
        let docs = ["talks talks", "war and talks", "war"];
        let mut whole = CorpusStatistics::default();
        let mut a = CorpusStatistics::default();
        let mut b = CorpusStatistics::default();
        for (i, doc) in docs.iter().enumerate() {
            counts.count(&analyzer, doc, &mut scratch);
            whole.add_document(&counts);
            if i == 0 {
                a.add_document(&counts)
            } else {
                b.add_document(&counts)
            }
        }
        a.merge(b);
        assert_eq!(a, whole);
        assert_eq!(
            whole.terms["talks"],
            TermStatistic {
                count: 3,
                document_frequency: 2
            }
        );
    }
}
