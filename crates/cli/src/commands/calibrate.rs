//! `stance calibrate`: fit a calibration of a model's probabilities on out-of-fold predictions
//! (stance-experiment) and write the model with it.

use anyhow::{bail, Result};
use stance_experiment::fit_on_folds;

use super::cv::{make_folds, read_corpus};
use super::note;
use super::train::summary;
use crate::args::CalibrateArgs;
use crate::embedded;
use crate::output::{check_model_output, save_model};
use crate::progress::Progress;

/// Runs `stance calibrate`.
pub fn run(args: &CalibrateArgs) -> Result<()> {
    check_model_output(&args.output, args.data.iter().map(std::path::PathBuf::as_path))?;
    let model = embedded::load_file(&args.model)?;
    let corpus = read_corpus(&args.data, &args.split, &args.reading, args.quiet)?;
    if let Some(label) = corpus
        .label_set()
        .iter()
        .find(|l| model.labels().binary_search(l).is_err())
    {
        bail!(
            "label `{label}` of the data is not a label of {} ({}); rename labels while reading with --label-map",
            args.model.display(),
            model.labels().join(", ")
        );
    }
    let (folds, _) = make_folds(&args.split, &corpus, args.quiet)?;
    let documents: Vec<(&str, &str)> = corpus
        .documents()
        .iter()
        .zip(corpus.labels())
        .map(|(document, label)| (document.text.as_str(), label.as_str()))
        .collect();
    let progress = Progress::new(
        args.quiet,
        Some(folds.n_folds() as u64),
        "calibrating",
        "models trained",
    );
    let calibration = fit_on_folds(
        model.featurizer().config(),
        model.params(),
        &documents,
        corpus.also_trained(),
        &folds,
        model.labels(),
        args.method,
        &|| progress.inc(1),
    )?;
    progress.finish();
    let described = calibration.describe(model.labels());
    let compact = model.statistics().is_none();
    let model = model.with_calibration(calibration);
    let form = save_model(&model, &args.output, compact)?;
    if !args.quiet {
        note(format_args!(
            "stance: calibrated {} on {} documents ({}) into {}: {described}; {}",
            args.model.display(),
            corpus.documents().len(),
            args.split.split(),
            args.output.display(),
            summary(&model, form)
        ));
    }
    Ok(())
}
