//! Calibration by cross-validation: the out-of-fold log-probabilities of models trained with the
//! settings of the model to calibrate, and the calibration fitted on them.

use rayon::prelude::*;
use stance_eval::Folds;
use stance_features::FeatureConfig;
use stance_model::{Calibration, CalibrationMethod, Classifier, HeldOut, ModelError, ValidNaiveBayesParams};

use crate::ExperimentError;

/// The log-probability given to a label that a fold's model never saw (its training part had no
/// document of it): finite, and as unlikely as a double can say.
const UNSEEN_LABEL_LOG_PROBABILITY: f64 = -700.0;

/// One fold's held-out log-probabilities (a row per document) and true label indices.
type HeldOutFold = (Vec<Vec<f64>>, Vec<usize>);

/// Fits a calibration of `method` for a model with `labels` (sorted) trained with `config` and
/// `params` on `documents` (and `also_trained`): each fold of `folds` (over `documents`) is
/// predicted by a model trained on the other folds plus `also_trained`, and the calibration is
/// fitted on those out-of-fold log-probabilities. `trained` is called after each model.
#[allow(clippy::too_many_arguments)]
pub fn fit_on_folds(
    config: &FeatureConfig,
    params: &ValidNaiveBayesParams,
    documents: &[(&str, &str)],
    also_trained: &[(String, String)],
    folds: &Folds,
    labels: &[String],
    method: CalibrationMethod,
    trained: &(dyn Fn() + Sync),
) -> Result<Calibration, ExperimentError> {
    // Collected per fold first, so that an error is the first failing fold's whatever the threads.
    let per_fold: Vec<Result<HeldOutFold, ExperimentError>> = (0..folds.n_folds())
        .into_par_iter()
        .map(|fold| {
            let training: Vec<(&str, &str)> = folds
                .train_indices(fold)
                .iter()
                .map(|&d| documents[d])
                .chain(also_trained.iter().map(|(text, label)| (text.as_str(), label.as_str())))
                .collect();
            let model = Classifier::train(config.clone(), params, &training)?;
            trained();
            let validation = folds.validation_indices(fold);
            let texts: Vec<&str> = validation.iter().map(|&d| documents[d].0).collect();
            let columns: Vec<Option<usize>> = labels
                .iter()
                .map(|label| model.labels().binary_search(label).ok())
                .collect();
            let rows = model
                .predict_batch(&texts)
                .into_iter()
                .map(|p| {
                    columns
                        .iter()
                        .map(|c| {
                            c.map_or(UNSEEN_LABEL_LOG_PROBABILITY, |c| {
                                p.log_probabilities[c].max(UNSEEN_LABEL_LOG_PROBABILITY)
                            })
                        })
                        .collect()
                })
                .collect();
            let truth = validation
                .iter()
                .map(|&d| {
                    let label = documents[d].1;
                    labels.binary_search_by(|l| l.as_str().cmp(label)).map_err(|_| {
                        ModelError::Unsupported(format!(
                            "cannot calibrate: label `{label}` is not a label of the model ({})",
                            labels.join(", ")
                        ))
                    })
                })
                .collect::<Result<Vec<usize>, ModelError>>()?;
            Ok((rows, truth))
        })
        .collect();
    let per_fold = per_fold.into_iter().collect::<Result<Vec<_>, _>>()?;
    let (rows, truth): (Vec<Vec<f64>>, Vec<usize>) = per_fold
        .into_iter()
        .flat_map(|(rows, truth)| rows.into_iter().zip(truth))
        .unzip();
    Ok(Calibration::fit(
        method,
        HeldOut {
            log_probabilities: &rows,
            truth: &truth,
        },
        labels.len(),
    )?)
}
