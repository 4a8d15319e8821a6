//! Stage 8: term weighting and row normalization.
//!
//! The inverse document frequency of tf-idf is learned when the featurizer is fitted and stored
//! with it; it is never recomputed from the batch being transformed, so one article alone gets
//! exactly the weights it gets inside a batch.

use serde::{Deserialize, Serialize};

use crate::FeatureError;

/// How a term's count in a document becomes its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TermWeighting {
    /// The raw count.
    #[default]
    Count,
    /// 1 when present.
    Binary,
    /// `ln(1 + count)`.
    Log,
    /// `count * idf`, with `idf = ln((1 + n) / (1 + df)) + 1` (scikit-learn's smoothed IDF).
    TfIdf,
}

impl TermWeighting {
    /// The value of a term seen `count` times, before any IDF factor.
    pub fn term_frequency(self, count: u32) -> f64 {
        match self {
            Self::Count | Self::TfIdf => f64::from(count),
            Self::Binary => 1.0,
            Self::Log => f64::from(count).ln_1p(),
        }
    }

    /// The name used on the command line and in model files.
    pub fn name(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Binary => "binary",
            Self::Log => "log",
            Self::TfIdf => "tfidf",
        }
    }
}

impl std::fmt::Display for TermWeighting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for TermWeighting {
    type Err = FeatureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "count" | "counts" => Ok(Self::Count),
            "binary" => Ok(Self::Binary),
            "log" => Ok(Self::Log),
            "tfidf" | "tf-idf" => Ok(Self::TfIdf),
            _ => Err(FeatureError::UnknownWeighting(s.to_string())),
        }
    }
}

/// Weighting settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct WeightingConfig {
    /// The per-term weighting.
    pub scheme: TermWeighting,
    /// Scale each row to unit Euclidean length after weighting.
    #[serde(default)]
    pub l2_normalize: bool,
}

/// The smoothed inverse document frequency of a term in `document_frequency` of `n_documents`.
pub fn inverse_document_frequency(n_documents: u64, document_frequency: u64) -> f64 {
    ((1.0 + n_documents as f64) / (1.0 + document_frequency as f64)).ln() + 1.0
}

/// Scales `values` to unit Euclidean length (a zero row stays zero).
pub fn l2_normalize(values: &mut [f64]) {
    let norm = values.iter().map(|v| v * v).sum::<f64>().sqrt();
    if norm > 0.0 {
        values.iter_mut().for_each(|v| *v /= norm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_frequencies() {
        assert_eq!(TermWeighting::Count.term_frequency(3), 3.0);
        assert_eq!(TermWeighting::Binary.term_frequency(3), 1.0);
        assert!((TermWeighting::Log.term_frequency(3) - 4f64.ln()).abs() < 1e-15);
    }

    #[test]
    fn idf_matches_scikit_learn_smoothing() {
        // TfidfVectorizer(smooth_idf=True): idf = ln((1+n)/(1+df)) + 1; n=4, df=1 -> 1.916290731874155
        assert!((inverse_document_frequency(4, 1) - 1.916_290_731_874_155).abs() < 1e-12);
        assert_eq!(inverse_document_frequency(4, 4), 1.0);
    }

    #[test]
    fn l2_rows_have_unit_length() {
        let mut row = [3.0, 4.0];
        l2_normalize(&mut row);
        assert_eq!(row, [0.6, 0.8]);
        let mut zero = [0.0, 0.0];
        l2_normalize(&mut zero);
        assert_eq!(zero, [0.0, 0.0]);
    }

    #[test]
    fn names_round_trip() {
        for w in [
            TermWeighting::Count,
            TermWeighting::Binary,
            TermWeighting::Log,
            TermWeighting::TfIdf,
        ] {
            assert_eq!(w.name().parse::<TermWeighting>(), Ok(w));
        }
        assert!("bm25".parse::<TermWeighting>().is_err());
    }
}
