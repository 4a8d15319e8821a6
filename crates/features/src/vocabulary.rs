//! Stage 7: the vocabulary, chosen from corpus term statistics.
//!
//! Pruning ([`PruningConfig::select`]) is a function of term statistics only (counts and document
//! frequencies), so the model crate can re-apply it to statistics merged from several shards.
//! Columns are the kept terms in sorted order: the same statistics give the same columns whatever
//! order the documents came in.

use std::hash::BuildHasher;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};

use crate::term_counts::TermStatistic;
use crate::unit_index::UnitIndex;
use crate::FeatureError;

/// A document-frequency threshold: a document count, or a fraction of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFrequency {
    /// At least / at most this many documents.
    Count(u64),
    /// At least / at most this fraction of the documents, in `[0, 1]`.
    Fraction(f64),
}

impl DocFrequency {
    /// The threshold in documents, for a corpus of `n_documents` (a fraction is scaled, not rounded).
    pub fn resolve(self, n_documents: u64) -> f64 {
        match self {
            Self::Count(count) => count as f64,
            Self::Fraction(fraction) => fraction * n_documents as f64,
        }
    }

    fn check(self) -> Result<Self, FeatureError> {
        match self {
            Self::Fraction(f) if !(0.0..=1.0).contains(&f) => Err(FeatureError::DocFrequency(f.to_string())),
            other => Ok(other),
        }
    }
}

impl std::str::FromStr for DocFrequency {
    type Err = FeatureError;

    /// `5` is a count; `0.5` (with a decimal point) is a fraction.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let bad = || FeatureError::DocFrequency(s.to_string());
        if s.contains('.') {
            let fraction: f64 = s.parse().map_err(|_| bad())?;
            Self::Fraction(fraction).check()
        } else {
            s.parse().map(Self::Count).map_err(|_| bad())
        }
    }
}

impl std::fmt::Display for DocFrequency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Count(c) => write!(f, "{c}"),
            Self::Fraction(x) => write!(f, "{x:?}"),
        }
    }
}

/// Which terms the vocabulary keeps.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PruningConfig {
    /// Keep terms in at least this many documents (default 1).
    pub min_df: DocFrequency,
    /// Keep terms in at most this many documents (default all: 1.0).
    pub max_df: DocFrequency,
    /// Keep at most this many terms, the most frequent by total count, ties by term.
    pub max_features: Option<usize>,
}

impl Default for PruningConfig {
    fn default() -> Self {
        Self {
            min_df: DocFrequency::Count(1),
            max_df: DocFrequency::Fraction(1.0),
            max_features: None,
        }
    }
}

impl PruningConfig {
    /// Checks the thresholds on their own (fractions in `[0, 1]`, `max_features >= 1`).
    pub fn check(&self) -> Result<(), FeatureError> {
        self.min_df.check()?;
        self.max_df.check()?;
        if self.max_features == Some(0) {
            return Err(FeatureError::MaxFeatures);
        }
        Ok(())
    }

    /// The vocabulary kept from `terms`, statistics of a corpus of `n_documents` documents.
    pub fn select<'a, I>(&self, terms: I, n_documents: u64) -> Result<Vocabulary, FeatureError>
    where
        I: IntoIterator<Item = (&'a str, TermStatistic)>,
    {
        self.check()?;
        let (min_df, max_df) = (self.min_df.resolve(n_documents), self.max_df.resolve(n_documents));
        if min_df > max_df && n_documents > 0 {
            return Err(FeatureError::DocFrequencyOrder {
                min_df: min_df.ceil() as u64,
                max_df: max_df.floor() as u64,
                n_documents,
            });
        }
        let mut kept: Vec<(&str, u64)> = terms
            .into_iter()
            .filter(|(_, s)| (s.document_frequency as f64) >= min_df && (s.document_frequency as f64) <= max_df)
            .map(|(term, s)| (term, s.count))
            .collect();
        if let Some(limit) = self.max_features {
            if kept.len() > limit {
                kept.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
                kept.truncate(limit);
            }
        }
        let mut terms: Vec<&str> = kept.into_iter().map(|(term, _)| term).collect();
        terms.sort_unstable();
        Vocabulary::from_sorted(terms)
    }
}

/// The fitted vocabulary: sorted, unique terms; a term's column is its rank.
///
/// The terms are stored once, end to end in one string with their end offsets, and the lookup
/// table holds column numbers that it compares against that text. A large n-gram vocabulary thus
/// costs one copy of its text and loads with one allocation (serialized, it is the list of terms).
/// Both lookups are built on first use: by text ([`column`](Self::column)), and by the ids of the
/// terms' units, which prediction switches to once it has looked up a 32nd as much text as the
/// vocabulary holds (a short run never pays for building it, a long one gains from it; both
/// give the same columns).
pub struct Vocabulary {
    text: String,
    ends: Vec<u32>,
    columns: OnceLock<HashTable<u32>>,
    /// The terms by the ids of their units, built on first use (by prediction).
    units: OnceLock<UnitIndex>,
    /// Bytes of text whose terms were looked up by text, until the unit index is built.
    looked_up: AtomicUsize,
}

fn term_hash(term: &str) -> u64 {
    FxBuildHasher.hash_one(term)
}

impl Vocabulary {
    /// A vocabulary from terms that must already be sorted and unique.
    pub fn from_sorted<S: AsRef<str>>(terms: impl IntoIterator<Item = S>) -> Result<Self, FeatureError> {
        let mut builder = VocabularyBuilder::default();
        for term in terms {
            builder.push(term.as_ref())?;
        }
        Ok(builder.finish())
    }

    /// The column of `term`, if it is in the vocabulary.
    pub fn column(&self, term: &str) -> Option<u32> {
        self.columns
            .get_or_init(|| {
                let mut columns = HashTable::with_capacity(self.ends.len());
                for i in 0..self.ends.len() {
                    columns.insert_unique(term_hash(self.term_at(i)), i as u32, |&c| {
                        term_hash(self.term_at(c as usize))
                    });
                }
                columns
            })
            .find(term_hash(term), |&c| self.term_at(c as usize) == term)
            .copied()
    }

    /// The terms by the ids of their units, for the terms of a text of `bytes` bytes: once built,
    /// or once a 32nd as much text as the vocabulary holds has been looked up by text (`None`
    /// before).
    pub(crate) fn unit_index(&self, bytes: usize) -> Option<&UnitIndex> {
        if let Some(index) = self.units.get() {
            return Some(index);
        }
        let looked_up = self.looked_up.fetch_add(bytes, Ordering::Relaxed).saturating_add(bytes);
        (looked_up > self.text.len() / 32).then(|| self.units.get_or_init(|| UnitIndex::new(self.terms())))
    }

    /// The term of `column`.
    pub fn term(&self, column: u32) -> Option<&str> {
        ((column as usize) < self.ends.len()).then(|| self.term_at(column as usize))
    }

    fn term_at(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// All terms, in column order.
    pub fn terms(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|i| self.term_at(i))
    }

    /// The number of terms (columns).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no term was kept.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Builds a [`Vocabulary`] from sorted terms, checking the order as it goes.
#[derive(Default)]
struct VocabularyBuilder {
    text: String,
    ends: Vec<u32>,
}

impl VocabularyBuilder {
    fn push(&mut self, term: &str) -> Result<(), FeatureError> {
        if let Some(&last_end) = self.ends.last() {
            let n = self.ends.len();
            let last_start = if n > 1 { self.ends[n - 2] as usize } else { 0 };
            if &self.text[last_start..last_end as usize] >= term {
                return Err(FeatureError::UnsortedVocabulary(n));
            }
        }
        self.text.push_str(term);
        let end = u32::try_from(self.text.len()).map_err(|_| FeatureError::VocabularyTooLarge)?;
        self.ends.push(end);
        Ok(())
    }

    fn finish(self) -> Vocabulary {
        Vocabulary {
            text: self.text,
            ends: self.ends,
            columns: OnceLock::new(),
            units: OnceLock::new(),
            looked_up: AtomicUsize::new(0),
        }
    }
}

impl Serialize for Vocabulary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.terms())
    }
}

impl<'de> Deserialize<'de> for Vocabulary {
    /// Reads the list of terms; borrowed strings (as postcard gives) are appended without an
    /// allocation per term.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Terms;
        impl<'de> serde::de::Visitor<'de> for Terms {
            type Value = Vocabulary;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sorted list of unique terms")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vocabulary, A::Error> {
                let mut builder = VocabularyBuilder::default();
                while let Some(term) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
                    builder.push(&term).map_err(serde::de::Error::custom)?;
                }
                Ok(builder.finish())
            }
        }
        deserializer.deserialize_seq(Terms)
    }
}

impl Clone for Vocabulary {
    fn clone(&self) -> Self {
        Self {
            text: self.text.clone(),
            ends: self.ends.clone(),
            columns: self.columns.clone(),
            units: self.units.clone(),
            looked_up: AtomicUsize::new(self.looked_up.load(Ordering::Relaxed)),
        }
    }
}

impl PartialEq for Vocabulary {
    fn eq(&self, other: &Self) -> bool {
        self.ends == other.ends && self.text == other.text
    }
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary").field("len", &self.ends.len()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(count: u64, document_frequency: u64) -> TermStatistic {
        TermStatistic {
            count,
            document_frequency,
        }
    }

    fn stats() -> Vec<(&'static str, TermStatistic)> {
        vec![
            ("war", stat(9, 4)),
            ("talks", stat(5, 3)),
            ("the", stat(20, 10)),
            ("rare", stat(1, 1)),
            ("also", stat(5, 2)),
        ]
    }

    fn select(config: PruningConfig) -> Vec<String> {
        config
            .select(stats(), 10)
            .unwrap()
            .terms()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn defaults_keep_everything_sorted() {
        assert_eq!(
            select(PruningConfig::default()),
            ["also", "rare", "talks", "the", "war"]
        );
    }

    #[test]
    fn min_df_count_and_max_df_fraction() {
        let config = PruningConfig {
            min_df: DocFrequency::Count(2),
            max_df: DocFrequency::Fraction(0.5),
            ..Default::default()
        };
        assert_eq!(select(config), ["also", "talks", "war"]);
    }

    #[test]
    fn max_features_by_count_ties_by_term() {
        let config = PruningConfig {
            max_features: Some(3),
            ..Default::default()
        };
        assert_eq!(select(config), ["also", "the", "war"]);
    }

    #[test]
    fn thresholds_parse_and_validate() {
        assert_eq!("5".parse(), Ok(DocFrequency::Count(5)));
        assert_eq!("0.5".parse(), Ok(DocFrequency::Fraction(0.5)));
        assert!("1.5".parse::<DocFrequency>().is_err());
        assert!("-1".parse::<DocFrequency>().is_err());
        assert!("NaN".parse::<DocFrequency>().is_err());
        let config = PruningConfig {
            min_df: DocFrequency::Count(8),
            max_df: DocFrequency::Count(2),
            ..Default::default()
        };
        assert!(config.select(stats(), 10).is_err());
    }

    #[test]
    fn unsorted_vocabulary_is_rejected() {
        assert!(Vocabulary::from_sorted(["b", "a"]).is_err());
        assert!(Vocabulary::from_sorted(["a", "a"]).is_err());
        let vocabulary = Vocabulary::from_sorted(["a", "ab", "b"]).unwrap();
        assert_eq!(vocabulary.column("ab"), Some(1));
        assert_eq!(vocabulary.term(2), Some("b"));
        assert_eq!(vocabulary.term(3), None);
        assert_eq!(vocabulary.column("c"), None);
        let json = serde_json::to_string(&vocabulary).unwrap();
        assert_eq!(json, r#"["a","ab","b"]"#);
        assert_eq!(serde_json::from_str::<Vocabulary>(&json).unwrap(), vocabulary);
        assert!(serde_json::from_str::<Vocabulary>(r#"["a","a"]"#).is_err());
    }
}
