//! `stance train`: stream labeled documents into term statistics, finalize, save.

use std::time::Instant;

use anyhow::{bail, Context, Result};
use stance_documents::read_inputs;
use stance_model::{Classifier, ModelForm, TrainingStatistics};

use super::{note, BATCH};
use crate::args::{TrainArgs, UsageError};

/// Runs `stance train`.
pub fn run(args: &TrainArgs) -> Result<()> {
    let config = args.features.config()?;
    let params = args.naive_bayes.params()?;
    let options = args.reading.options(true);
    check_output_directory(args)?;
    let start = Instant::now();

    // Refused settings (tf-idf with L2 rows) are known before reading: a usage error.
    let mut statistics = TrainingStatistics::new(config).map_err(|e| UsageError(e.to_string()))?;
    let mut documents = read_inputs(&args.data, &options)?;
    let mut batch: Vec<(String, String)> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        for document in documents.by_ref().take(BATCH) {
            let document = document?;
            let Some(label) = document.label else {
                bail!("{}: missing label", document.source);
            };
            batch.push((document.text, label));
        }
        if batch.is_empty() {
            break;
        }
        statistics.add_documents(&batch)?;
    }
    let stats = documents.stats();
    if statistics.n_documents() == 0 {
        bail!("no training documents in {}", list(&args.data));
    }

    let model = Classifier::from_statistics(&params, statistics)?;
    let form = if args.compact {
        ModelForm::Compact
    } else {
        ModelForm::Full
    };
    model.save(&args.output, form)?;

    if !args.quiet {
        let metadata = model.metadata();
        let per_label: Vec<String> = metadata
            .documents_per_label
            .iter()
            .map(|(label, n)| format!("{label} {n}"))
            .collect();
        note(format_args!(
            "stance: trained {}: {} documents ({}), {} terms kept of {} seen, {} form, {:.2} s",
            args.output.display(),
            metadata.fingerprint.documents,
            per_label.join(", "),
            model.featurizer().vocabulary().len(),
            metadata.terms_seen,
            if args.compact { "compact" } else { "full" },
            start.elapsed().as_secs_f64(),
        ));
        if stats.empty_texts > 0 {
            note(format_args!(
                "stance: warning: {} documents had an empty text",
                stats.empty_texts
            ));
        }
    }
    Ok(())
}

/// Fails before the (possibly long) training pass when the model could not be written anyway.
fn check_output_directory(args: &TrainArgs) -> Result<()> {
    let output = &args.output;
    if output.is_dir() {
        bail!("{}: is a directory; -o names the model file to write", output.display());
    }
    if let Some(dir) = output.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        let metadata = dir
            .metadata()
            .with_context(|| format!("cannot write {}: no directory {}", output.display(), dir.display()))?;
        if !metadata.is_dir() {
            bail!(
                "cannot write {}: {} is not a directory",
                output.display(),
                dir.display()
            );
        }
    }
    Ok(())
}

fn list(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
