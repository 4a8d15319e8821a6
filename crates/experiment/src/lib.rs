//! Experiments with stance models, for any program: read a labeled corpus into memory once, split
//! it into folds (stratified, grouped, fixed), cross-validate training settings (with learning
//! curves), rank settings (tuning), and calibrate a model's probabilities by cross-validation.
//! The `stance` binary's `cv`, `tune` and `calibrate` commands are thin layers over this crate.
//!
//! | module | what |
//! |---|---|
//! | [`Corpus`] | labeled documents in memory, screened as `stance train` screens them, plus documents that only train |
//! | [`Split`] | how the folds are made |
//! | [`CrossValidation`] | one cross-validation of one set of settings: folds in parallel, optional calibration inside each fold and learning curve |
//! | [`Grid`] | tuning: a grid of training settings (any setting of the table), expanded into every combination |
//! | [`rank`], [`Metric`] | tuning: rank cross-validated candidates |
//! | [`fit_on_folds`] | calibration fitted on out-of-fold predictions |
//!
//! ```
//! use std::fs;
//! use stance_documents::ReadOptions;
//! use stance_experiment::{Corpus, CrossValidation, Split};
//! use stance_features::FeatureConfig;
//! use stance_model::NaiveBayesParams;
//! use linfa::ParamGuard;
//!
//! let dir = tempfile::tempdir()?;
//! let data = dir.path().join("data.tsv");
//! let mut rows = String::from("label\ttext\n");
//! for i in 0..6 {
//!     rows.push_str(&format!("war\tTroops shelled the town {i}.\npeace\tEnvoys resumed talks {i}.\n"));
//! }
//! fs::write(&data, rows)?;
//!
//! let options = ReadOptions { require_label: true, ..ReadOptions::default() };
//! let corpus = Corpus::read(&[data], &[], &options)?;
//! let (folds, _) = Split::Stratified { folds: 3, seed: 42 }.folds(&corpus)?;
//! let (config, params) = (FeatureConfig::default(), NaiveBayesParams::new().check()?);
//! let cv = CrossValidation {
//!     corpus: &corpus,
//!     folds: &folds,
//!     groups: None,
//!     config: &config,
//!     params: &params,
//!     neutral: None,
//!     seed: 42,
//!     learning_curve: false,
//!     wrong_examples: 0,
//!     calibration: None,
//! };
//! let outcome = cv.outcome(&|| {})?;
//! assert_eq!(outcome.report.pooled.n_documents, 12);
//! assert_eq!(outcome.report.pooled.accuracy, 1.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod calibration;
mod corpus;
mod cross_validation;
mod error;
mod grid;
mod split;
mod tuning;

pub use calibration::fit_on_folds;
pub use corpus::{list, require_two_labels, Corpus};
pub use cross_validation::{CrossValidation, CrossValidationOutcome, FoldResult, CALIBRATION_FOLDS};
pub use error::ExperimentError;
pub use grid::{Axis, Candidate, Grid, GridValue, Skipped};
pub use split::{repeated_texts, Split};
pub use tuning::{rank, Metric, Ranked};
