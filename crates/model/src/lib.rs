//! The naive Bayes engine of stance: train, predict, explain, save/load, merge.
//!
//! Training keeps statistics by term ([`TrainingStatistics`]): per class the document count, per
//! term the count and document frequency. Finalizing them applies the featurizer's pruning and
//! weighting and fits a [`NaiveBayes`] estimator (multinomial, complement or Bernoulli) over sparse
//! rows. A [`Classifier`] bundles the featurizer, the estimator and the training metadata; its full
//! form keeps the statistics so that models merge and update exactly.
//!
//! What a model learns is decided by its [`TrainingSettings`] (feature configuration and
//! hyper-parameters), checked once into [`ValidTrainingSettings`]; the table [`SETTINGS`] names,
//! documents, reads and shows each of them for every front end. [`ModelSummary`] is what a model
//! holds, for people and as JSON.
//!
//! The estimators implement linfa's `Fit` (on a `DatasetBase<SparseMatrix, _>`) and
//! `PredictInplace`; hyper-parameters are checked once (`NaiveBayesParams` -> `check()` ->
//! `ValidNaiveBayesParams`). linfa-bayes is the reference the tests compare against; it is not the
//! engine (dense rows only, a stray `dbg!` in 0.8.x, no log-sum-exp, HashMap-order ties).
//!
//! ```
//! use linfa::ParamGuard;
//! use stance_features::FeatureConfig;
//! use stance_model::{Classifier, ModelForm, NaiveBayesParams};
//!
//! let params = NaiveBayesParams::new().alpha(0.5).check()?;
//! let docs = [
//!     ("The army launched air strikes on rebel positions.", "military"),
//!     ("Envoys met for a new round of peace talks.", "negotiation"),
//! ];
//! let model = Classifier::train(FeatureConfig::default(), &params, &docs)?;
//! let prediction = model.predict("Peace talks resume next week.");
//! assert_eq!(prediction.label, "negotiation");
//! let bytes = model.to_bytes(ModelForm::Compact)?;
//! let loaded = Classifier::from_bytes(&bytes, "model".as_ref())?;
//! assert_eq!(loaded.predict("Peace talks resume next week."), prediction);
//! # Ok::<(), stance_model::ModelError>(())
//! ```

mod calibration;
mod class_totals;
mod classifier;
mod error;
mod estimator;
mod explain;
mod file;
mod fingerprint;
mod in_flight;
mod params;
mod settings;
mod statistics;
mod summary;
mod term_table;

pub use calibration::{Calibration, CalibrationMethod, HeldOut};
pub use class_totals::ClassTotals;
pub use classifier::{Classifier, Prediction, TrainingMetadata, MIN_KNOWN_SHARE, UNCERTAIN};
pub use error::ModelError;
pub use estimator::{argmax, log_softmax, NaiveBayes};
pub use explain::{Evidence, Explanation, InformativeTerm};
pub use file::{temporary_name, write_atomically, ModelForm, FORMAT_VERSION, MAGIC, MAX_PAYLOAD};
pub use fingerprint::DataFingerprint;
pub use in_flight::{remove_temporary_files, InFlight};
pub use params::{NaiveBayesParams, Priors, ValidNaiveBayesParams, Variant};
pub use settings::{Section, Setting, SettingsError, TrainingSettings, ValidTrainingSettings, ValueKind, SETTINGS};
pub use statistics::{StatisticsTable, TrainingStatistics};
pub use summary::ModelSummary;
