//! The text classifier: a fitted featurizer, a naive Bayes estimator, training metadata and, in
//! the full form, the term statistics that make it mergeable and updatable.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use stance_features::{AnalyzerScratch, ColumnCounts, FeatureConfig, Featurizer, OutOfVocabulary, SparseMatrix};

use crate::calibration::Calibration;
use crate::estimator::{argmax, NaiveBayes};
use crate::fingerprint::DataFingerprint;
use crate::params::ValidNaiveBayesParams;
use crate::settings::ValidTrainingSettings;
use crate::statistics::TrainingStatistics;
use crate::ModelError;

/// What a model knows about the data it was trained on (no timestamps: same data, same bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingMetadata {
    /// Documents per label.
    pub documents_per_label: BTreeMap<String, u64>,
    /// Distinct terms seen before pruning.
    pub terms_seen: u64,
    /// Order-independent fingerprint of the training data; adds up across merged shards.
    pub fingerprint: DataFingerprint,
}

/// One document's prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prediction {
    /// The most likely label (ties: the first in sorted order).
    pub label: String,
    /// Its probability.
    pub probability: f64,
    /// The probability of every label, in the model's (sorted) label order; calibrated when the
    /// model has a [`Calibration`].
    pub probabilities: Vec<f64>,
    /// The uncalibrated log-probability of every label (naive Bayes's own posterior), in label
    /// order: what a calibration is fitted on.
    pub log_probabilities: Vec<f64>,
    /// Terms met, and those not in the vocabulary.
    pub out_of_vocabulary: OutOfVocabulary,
}

/// A trained text classifier.
#[derive(Debug, Clone)]
pub struct Classifier {
    featurizer: Featurizer,
    estimator: NaiveBayes,
    metadata: TrainingMetadata,
    statistics: Option<TrainingStatistics>,
    calibration: Option<Calibration>,
}

impl PartialEq for Classifier {
    fn eq(&self, other: &Self) -> bool {
        self.featurizer == other.featurizer
            && self.estimator == other.estimator
            && self.metadata == other.metadata
            && self.calibration == other.calibration
    }
}

impl Classifier {
    /// Trains on labeled `(text, label)` documents held in memory.
    pub fn train<T: AsRef<str> + Sync, L: AsRef<str> + Sync>(
        config: FeatureConfig,
        params: &ValidNaiveBayesParams,
        documents: &[(T, L)],
    ) -> Result<Self, ModelError> {
        let mut statistics = TrainingStatistics::new(config)?;
        statistics.add_documents(documents)?;
        Self::from_statistics(params, statistics)
    }

    /// Finalizes accumulated statistics (e.g. streamed batch by batch) into a full classifier.
    pub fn from_statistics(params: &ValidNaiveBayesParams, statistics: TrainingStatistics) -> Result<Self, ModelError> {
        let (featurizer, totals) = statistics.finalize()?;
        let estimator = NaiveBayes::from_totals(params, &totals)?;
        let metadata = TrainingMetadata {
            documents_per_label: statistics.documents_per_label(),
            terms_seen: statistics.n_terms() as u64,
            fingerprint: statistics.fingerprint(),
        };
        Ok(Self {
            featurizer,
            estimator,
            metadata,
            statistics: Some(statistics),
            calibration: None,
        })
    }

    /// Assembles a classifier from its parts (as loaded from a file), checking that they agree.
    pub(crate) fn from_parts(
        featurizer: Featurizer,
        estimator: NaiveBayes,
        metadata: TrainingMetadata,
        statistics: Option<TrainingStatistics>,
        calibration: Option<Calibration>,
    ) -> Result<Self, String> {
        if estimator.labels().is_empty() {
            return Err("the model has no labels".into());
        }
        if estimator.n_features() != featurizer.vocabulary().len() {
            return Err(format!(
                "the estimator has {} features but the vocabulary {} terms",
                estimator.n_features(),
                featurizer.vocabulary().len()
            ));
        }
        if estimator.labels().windows(2).any(|w| w[0] >= w[1]) {
            return Err("the labels are not sorted and unique".into());
        }
        if estimator.class_log_prior().len() != estimator.labels().len()
            || estimator.bias().len() != estimator.labels().len()
        {
            return Err("the priors do not match the labels".into());
        }
        if statistics.as_ref().is_some_and(|s| s.config() != featurizer.config()) {
            return Err("the statistics were kept for other featurizer settings".into());
        }
        if statistics
            .as_ref()
            .is_some_and(|s| !s.documents_per_label().keys().eq(estimator.labels()))
        {
            return Err("the statistics were kept for other labels".into());
        }
        estimator.check_loaded()?;
        if let Some(calibration) = &calibration {
            calibration.check_loaded(estimator.labels().len())?;
        }
        Ok(Self {
            featurizer,
            estimator,
            metadata,
            statistics,
            calibration,
        })
    }

    /// The featurizer (text -> sparse row).
    pub fn featurizer(&self) -> &Featurizer {
        &self.featurizer
    }

    /// The estimator (sparse row -> scores).
    pub fn estimator(&self) -> &NaiveBayes {
        &self.estimator
    }

    /// The labels, sorted.
    pub fn labels(&self) -> &[String] {
        self.estimator.labels()
    }

    /// The hyper-parameters.
    pub fn params(&self) -> &ValidNaiveBayesParams {
        self.estimator.params()
    }

    /// The training settings: the featurizer configuration and the hyper-parameters.
    pub fn training_settings(&self) -> ValidTrainingSettings {
        ValidTrainingSettings::of_model(self.featurizer.config().clone(), self.params().clone())
    }

    /// What the model knows of its training data.
    pub fn metadata(&self) -> &TrainingMetadata {
        &self.metadata
    }

    /// The term statistics, present in the full form only.
    pub fn statistics(&self) -> Option<&TrainingStatistics> {
        self.statistics.as_ref()
    }

    /// The calibration of the model's probabilities, if it has one.
    pub fn calibration(&self) -> Option<&Calibration> {
        self.calibration.as_ref()
    }

    /// The same model with `calibration` applied to its probabilities (replacing any other).
    pub fn with_calibration(mut self, calibration: Calibration) -> Self {
        self.calibration = Some(calibration);
        self
    }

    /// The same model with naive Bayes's own probabilities.
    pub fn without_calibration(mut self) -> Self {
        self.calibration = None;
        self
    }

    /// Drops the term statistics: prediction only, smaller and faster to load.
    pub fn into_compact(mut self) -> Self {
        self.statistics = None;
        self
    }

    /// Merges two full models trained with the same settings: the result equals training on the
    /// union of their data (exactly for count, binary and tf-idf weighting). A calibration is
    /// dropped: it was fitted for other data (calibrate the merged model again).
    pub fn merge(self, other: Classifier) -> Result<Self, ModelError> {
        if self.params() != other.params() {
            return Err(ModelError::Incompatible("the models' hyper-parameters differ".into()));
        }
        let params = self.params().clone();
        let mut ours = self.statistics.ok_or(ModelError::CompactModel("merge"))?;
        let theirs = other.statistics.ok_or(ModelError::CompactModel("merge"))?;
        ours.merge(theirs)?;
        Self::from_statistics(&params, ours)
    }

    /// Adds labeled documents to a full model: the result equals training on old + new data. A
    /// calibration is dropped, as by [`merge`](Self::merge).
    pub fn update<T: AsRef<str> + Sync, L: AsRef<str> + Sync>(self, documents: &[(T, L)]) -> Result<Self, ModelError> {
        let params = self.params().clone();
        let mut statistics = self.statistics.ok_or(ModelError::CompactModel("update"))?;
        statistics.add_documents(documents)?;
        Self::from_statistics(&params, statistics)
    }

    /// The sparse row of one text and its out-of-vocabulary count. Terms outside the vocabulary
    /// are counted, not kept: memory is bounded by the model, whatever the text.
    pub fn featurize(
        &self,
        text: &str,
        scratch: &mut AnalyzerScratch,
        counts: &mut ColumnCounts,
    ) -> (SparseMatrix, OutOfVocabulary) {
        self.featurizer.count_columns(text, scratch, counts);
        let mut entries = Vec::with_capacity(counts.len());
        let oov = self.featurizer.weigh_columns(counts, &mut entries);
        let mut row = SparseMatrix::new(self.featurizer.vocabulary().len());
        row.push_row(&mut entries);
        (row, oov)
    }

    /// Predicts one text.
    pub fn predict(&self, text: &str) -> Prediction {
        self.predict_with(text, &mut AnalyzerScratch::default(), &mut ColumnCounts::new())
    }

    fn predict_with(&self, text: &str, scratch: &mut AnalyzerScratch, counts: &mut ColumnCounts) -> Prediction {
        let (row, out_of_vocabulary) = self.featurize(text, scratch, counts);
        let row = row.row(0).expect("one row");
        let log_probabilities = self.estimator.predict_log_proba(row);
        let (best, probabilities) = match &self.calibration {
            Some(calibration) => (
                calibration.predict_class(&log_probabilities),
                calibration.apply(&log_probabilities),
            ),
            None => (
                argmax(&self.estimator.joint_log_likelihood(row)),
                log_probabilities.iter().map(|p| p.exp()).collect(),
            ),
        };
        Prediction {
            label: self.labels()[best].clone(),
            probability: probabilities[best],
            probabilities,
            log_probabilities,
            out_of_vocabulary,
        }
    }

    /// Predicts many texts in parallel; results in input order.
    pub fn predict_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Prediction> {
        texts
            .par_iter()
            .map_init(
                || (AnalyzerScratch::default(), ColumnCounts::new()),
                |(scratch, counts), text| self.predict_with(text.as_ref(), scratch, counts),
            )
            .collect()
    }
}

/// The label given to a document the model abstains from (`--min-confidence`): reserved, no
/// training label may take it.
pub const UNCERTAIN: &str = "uncertain";

/// A document whose share of known term occurrences is below this is barely known to the model
/// (mostly words it never saw: another language, another domain); its probabilities come from
/// a handful of terms and the priors, whatever they say.
pub const MIN_KNOWN_SHARE: f64 = 0.3;

impl Prediction {
    /// The share of the document's term occurrences (all n-grams) that the vocabulary holds; 1
    /// for a document without terms (its prediction is the priors', nothing is unknown).
    pub fn known_share(&self) -> f64 {
        1.0 - self.out_of_vocabulary.rate()
    }

    /// Whether the model barely knows the document: it has terms, and fewer than
    /// [`MIN_KNOWN_SHARE`] of them are in the vocabulary.
    pub fn barely_known(&self) -> bool {
        self.out_of_vocabulary.terms > 0 && self.known_share() < MIN_KNOWN_SHARE
    }

    /// Whether the prediction stands at `min_confidence`: its probability reaches it and the
    /// model knows the document. Otherwise the caller reports [`UNCERTAIN`].
    pub fn is_confident(&self, min_confidence: f64) -> bool {
        self.probability >= min_confidence && !self.barely_known()
    }

    /// The `k` most likely `(label, probability)` pairs, most likely first (ties by label order).
    pub fn top_k<'a>(&self, labels: &'a [String], k: usize) -> Vec<(&'a str, f64)> {
        let mut ranked: Vec<(&str, f64)> = labels
            .iter()
            .map(String::as_str)
            .zip(self.probabilities.iter().copied())
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked.truncate(k);
        ranked
    }
}
