//! `stance cv`: read the labeled documents once, split them into folds, train on each fold's
//! training part with the flags of `stance train`, predict its validation part, report.
//!
//! [`Corpus`], [`make_folds`] and [`Plan`] are shared with `stance tune`, which runs a plan per
//! combination of its grid on the same folds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use stance_documents::{read_documents, read_inputs, Document, InputFormat, ReadOptions};
use stance_eval::{
    cross_validate, evaluate, CrossValidationReport, EvalInput, EvaluationReport, Folds, HtmlReport,
    LearningCurvePoint, NeutralClass, WrongExample, LEARNING_CURVE_FRACTIONS,
};
use stance_features::FeatureConfig;
use stance_model::{Classifier, Prediction, ValidNaiveBayesParams};

use super::{list, note};
use crate::args::{CvArgs, CvFormat, ReadingArgs, SplitArgs};
use crate::output::{check_writable, Sink};
use crate::progress::Progress;
use crate::screen::{self, label_warnings, require_two_labels, Screen};

/// The confidently wrong documents an HTML report shows.
const WRONG_EXAMPLES: usize = 10;
/// The evidence terms shown with each of them.
const EVIDENCE_TERMS: usize = 5;

/// Runs `stance cv`.
pub fn run(args: &CvArgs) -> Result<()> {
    let (config, params) = args.training.settings()?;
    if let Some(output) = &args.output {
        check_writable(output)?;
    }
    let corpus = Corpus::read(&args.data, &args.split.train_also, &args.reading, args.quiet)?;
    let folds = make_folds(&args.split, &corpus, &args.reading, args.quiet)?;
    let plan = Plan {
        corpus: &corpus,
        folds: &folds,
        config: &config,
        params: &params,
        neutral: args.neutral.as_deref(),
        seed: args.split.seed,
        learning_curve: args.learning_curve,
        wrong_examples: if args.format == CvFormat::Html {
            WRONG_EXAMPLES
        } else {
            0
        },
    };
    let progress = Progress::new(args.quiet, Some(plan.trainings()), "cross-validating", "models trained");
    let results = plan.run(&progress)?;
    progress.finish();
    let cv = plan.report(&results)?;

    let mut text = match args.format {
        CvFormat::Text => cv.to_text(args.digits),
        CvFormat::Markdown => cv.to_markdown(args.digits),
        CvFormat::Json => cv.to_json()?,
        CvFormat::Html => {
            let title = format!("stance cv {}: {}", list(&args.data), args.split.describe());
            let confidences: Vec<(f64, bool)> = results.iter().flat_map(|r| r.confidences.iter().copied()).collect();
            let mut wrong: Vec<(f64, usize, WrongExample)> = results.into_iter().flat_map(|r| r.wrong).collect();
            wrong.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            wrong.truncate(WRONG_EXAMPLES);
            HtmlReport::new(title, &cv.pooled)
                .with_cross_validation(&cv)
                .with_reliability(confidences)
                .with_wrong_examples(wrong.into_iter().map(|(_, _, example)| example).collect())
                .render()
        }
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut sink = Sink::new(args.output.as_deref());
    std::io::Write::write_all(&mut sink, text.as_bytes())?;
    sink.finish()
}

/// Labeled documents held in memory, to be split into folds.
pub struct Corpus {
    /// The documents, in reading order (screened: empty texts skipped).
    pub documents: Vec<Document>,
    /// The label of each document.
    pub labels: Vec<String>,
    /// The distinct labels, sorted (of the documents and of `also_trained`).
    pub label_set: Vec<String>,
    /// (text, label) of the documents added to every fold's training part (`--train-also`).
    also_trained: Vec<(String, String)>,
    /// The data row (0-based, all inputs together, skipped documents counted) of each document.
    rows: Vec<usize>,
    /// Data rows read, skipped documents included.
    n_rows: usize,
}

impl Corpus {
    /// Reads and screens every labeled document of `data` and of `also_train` (as `stance
    /// train` does); an error unless they have two labels or more together. Warnings go to
    /// standard error unless `quiet`.
    pub fn read(data: &[PathBuf], also_train: &[PathBuf], reading: &ReadingArgs, quiet: bool) -> Result<Corpus> {
        screen::print(&screen::format_mismatches(reading.input_format, data), quiet);
        let mut screen = Screen::training();
        let mut documents = Vec::new();
        let mut rows = Vec::new();
        let mut n_rows = 0;
        for document in read_inputs(data, &reading.options(true)?)? {
            if let Some(document) = screen.admit(document?)? {
                documents.push(document);
                rows.push(n_rows);
            }
            n_rows += 1;
        }
        screen::print(&screen.warnings(), quiet);
        if documents.is_empty() {
            bail!("no documents in {}", list(data));
        }
        let labels: Vec<String> = documents
            .iter()
            .map(|document| document.label.clone().unwrap_or_default())
            .collect();
        let mut also_trained = Vec::new();
        if !also_train.is_empty() {
            screen::print(&screen::format_mismatches(reading.input_format, also_train), quiet);
            let mut screen = Screen::training();
            for document in read_inputs(also_train, &reading.options(true)?)? {
                if let Some(document) = screen.admit(document?)? {
                    also_trained.push((document.text, document.label.unwrap_or_default()));
                }
            }
            screen::print(&screen.warnings(), quiet);
        }
        let mut per_label: BTreeMap<String, u64> = BTreeMap::new();
        for label in labels.iter().chain(also_trained.iter().map(|(_, label)| label)) {
            *per_label.entry(label.clone()).or_default() += 1;
        }
        require_two_labels(&per_label)?;
        screen::print(&label_warnings(&per_label), quiet);
        Ok(Corpus {
            documents,
            labels,
            label_set: per_label.into_keys().collect(),
            also_trained,
            rows,
            n_rows,
        })
    }

    /// The value of `column` for every document, trimmed: a column of the row, or the id or label
    /// column. A document without it, or with an empty value, is an error naming its line.
    fn column(&self, column: &str, reading: &ReadingArgs) -> Result<Vec<String>> {
        self.documents
            .iter()
            .map(|document| {
                let value = if column == reading.id_column {
                    Some(document.id.as_str())
                } else if column == reading.label_column {
                    document.label.as_deref()
                } else {
                    document.fields.get(column).map(String::as_str)
                };
                match value.map(str::trim) {
                    Some(value) if !value.is_empty() => Ok(value.to_string()),
                    Some(_) => bail!("{}: empty value in column {column}", document.source),
                    None => {
                        let columns: Vec<&str> = document.fields.keys().map(String::as_str).collect();
                        bail!(
                            "{}: no column {column} (other columns: {})",
                            document.source,
                            if columns.is_empty() {
                                "none".to_string()
                            } else {
                                columns.join(", ")
                            }
                        )
                    }
                }
            })
            .collect()
    }
}

/// The folds `split` asks for; their warnings go to standard error unless `quiet`.
pub fn make_folds(split: &SplitArgs, corpus: &Corpus, reading: &ReadingArgs, quiet: bool) -> Result<Folds> {
    let folds = if let Some(column) = &split.group_by {
        let groups = corpus.column(column, reading)?;
        Folds::grouped(&groups, &corpus.labels, split.folds, split.seed)
    } else if let Some(column) = &split.fold_column {
        let ids = corpus.column(column, reading)?;
        Folds::fixed(&ids).and_then(|folds| folds.with_labels(&corpus.labels))
    } else if let Some(file) = &split.folds_file {
        let folds = read_folds_file(file, corpus.n_rows)?;
        let ids: Vec<String> = corpus.rows.iter().map(|&row| folds[row].clone()).collect();
        Folds::fixed(&ids).and_then(|folds| folds.with_labels(&corpus.labels))
    } else {
        Folds::stratified(&corpus.labels, split.folds, split.seed)
    }
    .with_context(|| format!("cannot make {}", split.describe()))?;
    if !quiet {
        for warning in folds.warnings() {
            note(format_args!("stance: warning: {warning}"));
        }
    }
    Ok(folds)
}

/// The fold of each of `n` data rows, from a TSV file with the columns `row` (0-based) and `fold`.
fn read_folds_file(path: &Path, n: usize) -> Result<Vec<String>> {
    let options = ReadOptions {
        format: Some(InputFormat::Tsv),
        text_column: "fold".into(),
        ..ReadOptions::default()
    };
    let mut folds: Vec<Option<String>> = vec![None; n];
    for document in read_documents(path, &options)? {
        let document = document?;
        let source = &document.source;
        let Some(row) = document.fields.get("row") else {
            bail!("{source}: no column row (the folds file needs the columns row and fold)");
        };
        let Ok(row) = row.trim().parse::<usize>() else {
            bail!("{source}: row `{}` is not a row number (0-based)", row.trim());
        };
        if row >= n {
            bail!(
                "{source}: row {row} is out of range: DATA has {n} rows, numbered from 0 to {}",
                n - 1
            );
        }
        let fold = document.text.trim();
        if fold.is_empty() {
            bail!("{source}: empty fold for row {row}");
        }
        if folds[row].replace(fold.to_string()).is_some() {
            bail!("{source}: row {row} is given a fold twice");
        }
    }
    let missing = folds.iter().filter(|fold| fold.is_none()).count();
    if let Some(first) = folds.iter().position(Option::is_none) {
        bail!(
            "{}: {missing} of the {n} rows of DATA have no fold (the first is row {first})",
            path.display()
        );
    }
    Ok(folds.into_iter().flatten().collect())
}

/// One cross-validation: what is trained on which folds, and what is collected.
pub struct Plan<'a> {
    /// The documents.
    pub corpus: &'a Corpus,
    /// The folds.
    pub folds: &'a Folds,
    /// The featurizer settings of every model.
    pub config: &'a FeatureConfig,
    /// The hyper-parameters of every model.
    pub params: &'a ValidNaiveBayesParams,
    /// The neutral class named with --neutral.
    pub neutral: Option<&'a str>,
    /// The seed of the learning-curve subsets.
    pub seed: u64,
    /// Whether to train on growing parts of each fold's training part.
    pub learning_curve: bool,
    /// How many confidently wrong documents to keep (and explain) per fold.
    pub wrong_examples: usize,
}

/// What one fold gave.
pub struct FoldResult {
    /// Its validation predictions.
    input: EvalInput,
    /// (probability of the predicted label, right or not) per validation document.
    confidences: Vec<(f64, bool)>,
    /// Its most confidently wrong documents, explained by its model: (probability, document, example).
    wrong: Vec<(f64, usize, WrongExample)>,
    /// (training documents, validation report) per learning-curve fraction.
    curve: Vec<(usize, EvaluationReport)>,
}

impl Plan<'_> {
    /// The number of models trained: one per fold, plus one per fold and fraction below 1 for a
    /// learning curve.
    pub fn trainings(&self) -> u64 {
        let per_fold = if self.learning_curve {
            1 + LEARNING_CURVE_FRACTIONS.iter().filter(|&&f| f < 1.0).count()
        } else {
            1
        };
        (self.folds.n_folds() * per_fold) as u64
    }

    /// Runs every fold, in parallel; results in fold order (they do not depend on the threads).
    pub fn run(&self, progress: &Progress) -> Result<Vec<FoldResult>> {
        (0..self.folds.n_folds())
            .into_par_iter()
            .map(|fold| {
                self.fold(fold, progress)
                    .with_context(|| format!("fold {}", self.folds.fold_names()[fold]))
            })
            .collect()
    }

    /// The cross-validation report of the folds' results.
    pub fn report(&self, results: &[FoldResult]) -> Result<CrossValidationReport> {
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

    fn fold(&self, fold: usize, progress: &Progress) -> Result<FoldResult> {
        let train = self.folds.train_indices(fold);
        let validation = self.folds.validation_indices(fold);
        let texts: Vec<&str> = validation
            .iter()
            .map(|&d| self.corpus.documents[d].text.as_str())
            .collect();
        let model = self.train(&train)?;
        let predictions = model.predict_batch(&texts);
        progress.inc(1);
        let input = self.input(validation, &model, &predictions);

        let confidences = validation
            .iter()
            .zip(&predictions)
            .map(|(&d, p)| (p.probability, p.label == self.corpus.labels[d]))
            .collect();
        let mut wrong: Vec<(f64, usize, &Prediction)> = validation
            .iter()
            .zip(&predictions)
            .filter(|(&d, p)| p.label != self.corpus.labels[d])
            .map(|(&d, p)| (p.probability, d, p))
            .collect();
        wrong.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        wrong.truncate(self.wrong_examples);
        let wrong = wrong
            .into_iter()
            .map(|(probability, d, prediction)| {
                let document = &self.corpus.documents[d];
                let explanation = model.explain(&document.text, EVIDENCE_TERMS);
                let example = WrongExample::new(
                    &document.id,
                    &self.corpus.labels[d],
                    &prediction.label,
                    probability,
                    &document.text,
                )
                .with_evidence(explanation.evidence.iter().map(|e| (e.term.as_str(), e.weight)));
                (probability, d, example)
            })
            .collect();

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
                    progress.inc(1);
                    Ok((subset.len(), evaluate(&self.input(validation, &model, &predictions))?))
                })
                .collect::<Result<Vec<_>>>()?
        } else {
            Vec::new()
        };
        Ok(FoldResult {
            input,
            confidences,
            wrong,
            curve,
        })
    }

    /// A model trained on the documents `indices` and those trained on in every fold.
    fn train(&self, indices: &[usize]) -> Result<Classifier> {
        let documents: Vec<(&str, &str)> = indices
            .iter()
            .map(|&d| (self.corpus.documents[d].text.as_str(), self.corpus.labels[d].as_str()))
            .chain(
                self.corpus
                    .also_trained
                    .iter()
                    .map(|(text, label)| (text.as_str(), label.as_str())),
            )
            .collect();
        Ok(Classifier::train(self.config.clone(), self.params, &documents)?)
    }

    /// The evaluation input of predictions of the documents `validation`: every label of the
    /// data, probabilities over them (0 for a label the fold's model never saw).
    fn input(&self, validation: &[usize], model: &Classifier, predictions: &[Prediction]) -> EvalInput {
        let labels = &self.corpus.label_set;
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
        let truth = validation.iter().map(|&d| self.corpus.labels[d].clone());
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
