//! Cross-validation: train on each fold's training part with one set of settings, predict its
//! validation part, and collect what the reports need; optionally calibrate each fold's model
//! by an inner cross-validation on its own training part, and train on growing parts of it
//! (learning curve).

use rayon::prelude::*;
use stance_eval::{
    cross_validate, evaluate, CrossValidationReport, EvalInput, EvaluationReport, Folds, LearningCurvePoint,
    NeutralClass, WrongExample, LEARNING_CURVE_FRACTIONS,
};
use stance_features::FeatureConfig;
use stance_model::{CalibrationMethod, Classifier, Prediction, ValidNaiveBayesParams};

use crate::calibration::fit_on_folds;
use crate::{Corpus, ExperimentError};

/// The number of evidence terms shown with each confidently wrong document.
const EVIDENCE_TERMS: usize = 5;
/// The number of inner folds that calibrate each fold's model.
pub const CALIBRATION_FOLDS: usize = 5;

/// One cross-validation of one set of training settings.
#[derive(Debug, Clone)]
pub struct CrossValidation<'a> {
    /// The documents.
    pub corpus: &'a Corpus,
    /// The folds.
    pub folds: &'a Folds,
    /// The group of each document (grouped folds), so that inner folds keep groups whole.
    pub groups: Option<&'a [String]>,
    /// The featurizer settings of every model.
    pub config: &'a FeatureConfig,
    /// The hyper-parameters of every model.
    pub params: &'a ValidNaiveBayesParams,
    /// The neutral class left out of F_avg, when named.
    pub neutral: Option<&'a str>,
    /// The seed of the learning-curve subsets and of the inner calibration folds.
    pub seed: u64,
    /// Whether to train on growing parts of each fold's training part.
    pub learning_curve: bool,
    /// How many confidently wrong documents to keep (and explain) per fold.
    pub wrong_examples: usize,
    /// Calibrate each fold's model by [`CALIBRATION_FOLDS`] inner folds on its training part.
    pub calibration: Option<CalibrationMethod>,
}

/// What one fold gave.
#[derive(Debug, Clone)]
pub struct FoldResult {
    /// Its validation predictions (calibrated, when calibrating).
    pub input: EvalInput,
    /// The same predictions with naive Bayes's own probabilities, when calibrating.
    pub uncalibrated: Option<EvalInput>,
    /// (probability of the predicted label, right or not) per validation document.
    pub confidences: Vec<(f64, bool)>,
    /// The same with naive Bayes's own probabilities, when calibrating.
    pub uncalibrated_confidences: Vec<(f64, bool)>,
    /// Its most confidently wrong documents, explained by its model: (probability, document, example).
    pub wrong: Vec<(f64, usize, WrongExample)>,
    /// (training documents, validation report) per learning-curve fraction.
    pub curve: Vec<(usize, EvaluationReport)>,
}

/// The reports of a cross-validation.
#[derive(Debug, Clone)]
pub struct CrossValidationOutcome {
    /// Every fold's scores, their mean ± std, the pooled evaluation and the learning curve.
    pub report: CrossValidationReport,
    /// The same before calibration, when calibrating.
    pub uncalibrated: Option<CrossValidationReport>,
    /// Every validation document's (confidence, right) pair, for a reliability diagram.
    pub confidences: Vec<(f64, bool)>,
    /// The same before calibration, when calibrating.
    pub uncalibrated_confidences: Vec<(f64, bool)>,
    /// The most confidently wrong documents over all folds, most confident first.
    pub wrong: Vec<WrongExample>,
}

impl CrossValidation<'_> {
    /// The number of models trained: one per fold, plus one per fold and fraction below 1 for a
    /// learning curve, plus the inner folds' models when calibrating.
    pub fn trainings(&self) -> u64 {
        let mut per_fold = 1;
        if self.learning_curve {
            per_fold += LEARNING_CURVE_FRACTIONS.iter().filter(|&&f| f < 1.0).count();
        }
        if self.calibration.is_some() {
            per_fold += CALIBRATION_FOLDS;
        }
        (self.folds.n_folds() * per_fold) as u64
    }

    /// Runs every fold, in parallel, calling `trained` after each model; results in fold order,
    /// and the error of the first fold that failed (neither depends on the threads: a parallel
    /// collect into one `Result` keeps whichever error comes first in time).
    pub fn run(&self, trained: &(dyn Fn() + Sync)) -> Result<Vec<FoldResult>, ExperimentError> {
        let results: Vec<Result<FoldResult, ExperimentError>> = (0..self.folds.n_folds())
            .into_par_iter()
            .map(|fold| {
                self.fold(fold, trained).map_err(|source| ExperimentError::Fold {
                    fold: self.folds.fold_names()[fold].clone(),
                    source: Box::new(source),
                })
            })
            .collect();
        results.into_iter().collect()
    }

    /// Runs every fold and reports; `trained` as in [`run`](Self::run).
    pub fn outcome(&self, trained: &(dyn Fn() + Sync)) -> Result<CrossValidationOutcome, ExperimentError> {
        let results = self.run(trained)?;
        let report = self.report(&results)?;
        let uncalibrated = if self.calibration.is_some() {
            let inputs: Vec<EvalInput> = results.iter().filter_map(|r| r.uncalibrated.clone()).collect();
            Some(cross_validate(&inputs)?.with_fold_names(self.folds.fold_names().iter().cloned())?)
        } else {
            None
        };
        let confidences = results.iter().flat_map(|r| r.confidences.iter().copied()).collect();
        let uncalibrated_confidences = results
            .iter()
            .flat_map(|r| r.uncalibrated_confidences.iter().copied())
            .collect();
        let mut wrong: Vec<(f64, usize, WrongExample)> = results.into_iter().flat_map(|r| r.wrong).collect();
        wrong.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        wrong.truncate(self.wrong_examples);
        Ok(CrossValidationOutcome {
            report,
            uncalibrated,
            confidences,
            uncalibrated_confidences,
            wrong: wrong.into_iter().map(|(_, _, example)| example).collect(),
        })
    }

    /// The cross-validation report of the folds' results.
    pub fn report(&self, results: &[FoldResult]) -> Result<CrossValidationReport, ExperimentError> {
        let inputs: Vec<EvalInput> = results.iter().map(|r| r.input.clone()).collect();
        let mut cv = cross_validate(&inputs)?.with_fold_names(self.folds.fold_names().iter().cloned())?;
        if self.learning_curve {
            let points = LEARNING_CURVE_FRACTIONS
                .iter()
                .enumerate()
                .map(|(i, &fraction)| {
                    let runs: Vec<(usize, EvaluationReport)> = results.iter().map(|r| r.curve[i].clone()).collect();
                    LearningCurvePoint::from_runs(fraction, &runs)
                })
                .collect::<Result<Vec<_>, _>>()?;
            cv = cv.with_learning_curve(points);
        }
        Ok(cv)
    }

    fn fold(&self, fold: usize, trained: &(dyn Fn() + Sync)) -> Result<FoldResult, ExperimentError> {
        let corpus = self.corpus;
        let train = self.folds.train_indices(fold);
        let validation = self.folds.validation_indices(fold);
        let texts: Vec<&str> = validation
            .iter()
            .map(|&d| corpus.documents()[d].text.as_str())
            .collect();
        let mut model = self.train(&train)?;
        trained();
        let raw_predictions = model.predict_batch(&texts);
        let (predictions, uncalibrated) = match self.calibration {
            Some(method) => {
                let calibration = self.calibrate_fold(&train, model.labels(), method, trained)?;
                model = model.with_calibration(calibration);
                (model.predict_batch(&texts), Some(raw_predictions))
            }
            None => (raw_predictions, None),
        };
        let input = self.input(validation, &model, &predictions);
        let confidences = self.confidences(validation, &predictions);
        let uncalibrated_confidences = uncalibrated
            .as_ref()
            .map(|p| self.confidences(validation, p))
            .unwrap_or_default();
        let uncalibrated = uncalibrated.map(|p| self.input(validation, &model, &p));
        let wrong = self.wrong(validation, &model, &predictions);

        let curve = if self.learning_curve {
            let subsets = self
                .folds
                .learning_curve_subsets(fold, &LEARNING_CURVE_FRACTIONS, self.seed)?;
            LEARNING_CURVE_FRACTIONS
                .par_iter()
                .zip(&subsets)
                .map(|(&fraction, subset)| {
                    if fraction >= 1.0 {
                        // The whole training part: the fold's own model.
                        return Ok((subset.len(), evaluate(&input)?));
                    }
                    let model = self.train(subset)?;
                    let predictions = model.predict_batch(&texts);
                    trained();
                    Ok((subset.len(), evaluate(&self.input(validation, &model, &predictions))?))
                })
                .collect::<Result<Vec<_>, ExperimentError>>()?
        } else {
            Vec::new()
        };
        Ok(FoldResult {
            input,
            uncalibrated,
            confidences,
            uncalibrated_confidences,
            wrong,
            curve,
        })
    }

    /// A calibration of the model trained on `train`, fitted on the out-of-fold predictions of
    /// inner folds of `train` (grouped like the outer folds when they are grouped).
    fn calibrate_fold(
        &self,
        train: &[usize],
        labels: &[String],
        method: CalibrationMethod,
        trained: &(dyn Fn() + Sync),
    ) -> Result<stance_model::Calibration, ExperimentError> {
        let corpus = self.corpus;
        let inner_labels: Vec<&str> = train.iter().map(|&d| corpus.labels()[d].as_str()).collect();
        let inner = match self.groups {
            Some(groups) => {
                let inner_groups: Vec<&str> = train.iter().map(|&d| groups[d].as_str()).collect();
                Folds::grouped(&inner_groups, &inner_labels, CALIBRATION_FOLDS, self.seed)
            }
            None => Folds::stratified(&inner_labels, CALIBRATION_FOLDS, self.seed),
        }?;
        let documents: Vec<(&str, &str)> = train
            .iter()
            .map(|&d| (corpus.documents()[d].text.as_str(), corpus.labels()[d].as_str()))
            .collect();
        fit_on_folds(
            self.config,
            self.params,
            &documents,
            corpus.also_trained(),
            &inner,
            labels,
            method,
            trained,
        )
    }

    /// A model trained on the documents `indices` and those trained on in every fold.
    fn train(&self, indices: &[usize]) -> Result<Classifier, ExperimentError> {
        let corpus = self.corpus;
        let documents: Vec<(&str, &str)> = indices
            .iter()
            .map(|&d| (corpus.documents()[d].text.as_str(), corpus.labels()[d].as_str()))
            .chain(
                corpus
                    .also_trained()
                    .iter()
                    .map(|(text, label)| (text.as_str(), label.as_str())),
            )
            .collect();
        Ok(Classifier::train(self.config.clone(), self.params, &documents)?)
    }

    fn confidences(&self, validation: &[usize], predictions: &[Prediction]) -> Vec<(f64, bool)> {
        validation
            .iter()
            .zip(predictions)
            .map(|(&d, p)| (p.probability, p.label == self.corpus.labels()[d]))
            .collect()
    }

    fn wrong(
        &self,
        validation: &[usize],
        model: &Classifier,
        predictions: &[Prediction],
    ) -> Vec<(f64, usize, WrongExample)> {
        let corpus = self.corpus;
        let mut wrong: Vec<(f64, usize, &Prediction)> = validation
            .iter()
            .zip(predictions)
            .filter(|(&d, p)| p.label != corpus.labels()[d])
            .map(|(&d, p)| (p.probability, d, p))
            .collect();
        wrong.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        wrong.truncate(self.wrong_examples);
        wrong
            .into_iter()
            .map(|(probability, d, prediction)| {
                let document = &corpus.documents()[d];
                let explanation = model.explain(&document.text, EVIDENCE_TERMS);
                let example = WrongExample::new(
                    &document.id,
                    &corpus.labels()[d],
                    &prediction.label,
                    probability,
                    &document.text,
                )
                .with_evidence(explanation.evidence.iter().map(|e| (e.term.as_str(), e.weight)));
                (probability, d, example)
            })
            .collect()
    }

    /// The evaluation input of predictions of the documents `validation`: every label of the
    /// data, probabilities over them (0 for a label the fold's model never saw).
    fn input(&self, validation: &[usize], model: &Classifier, predictions: &[Prediction]) -> EvalInput {
        let labels = self.corpus.label_set();
        let columns: Vec<Option<usize>> = labels
            .iter()
            .map(|label| model.labels().binary_search(label).ok())
            .collect();
        let rows: Vec<Vec<f64>> = predictions
            .iter()
            .map(|p| {
                columns
                    .iter()
                    .map(|column| column.map_or(0.0, |c| p.probabilities[c]))
                    .collect()
            })
            .collect();
        let truth = validation.iter().map(|&d| self.corpus.labels()[d].clone());
        let predicted = predictions.iter().map(|p| p.label.clone());
        let input = EvalInput::new(truth, predicted)
            .with_labels(labels.iter().cloned())
            .with_probabilities(labels.iter().cloned(), rows);
        match self.neutral {
            Some(neutral) => input.with_neutral(NeutralClass::Named(neutral.to_string())),
            None => input,
        }
    }
}
