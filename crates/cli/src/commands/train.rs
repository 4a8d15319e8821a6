//! `stance train`: stream labeled documents into term statistics, finalize, save.

use std::time::Instant;

use anyhow::{bail, Context, Result};
use stance_documents::read_inputs;
use stance_model::{Classifier, ModelForm, TrainingStatistics};

use super::{add_labeled, list, note};
use crate::args::{TrainArgs, UsageError};
use crate::progress::Progress;

/// Runs `stance train`.
pub fn run(args: &TrainArgs) -> Result<()> {
    let (config, params) = args.training.settings()?;
    let options = args.reading.options(true);
    check_output_directory(&args.output)?;
    let start = Instant::now();

    // Refused settings (tf-idf with L2 rows) are known before reading: a usage error.
    let mut statistics = TrainingStatistics::new(config).map_err(|e| UsageError(e.to_string()))?;
    let mut documents = read_inputs(&args.data, &options)?;
    let progress = Progress::new(args.quiet, None, "training", "documents");
    add_labeled(&mut statistics, &mut documents, &progress)?;
    let stats = documents.stats();
    if statistics.n_documents() == 0 {
        bail!("no training documents in {}", list(&args.data));
    }

    let model = Classifier::from_statistics(&params, statistics)?;
    progress.finish();
    let form = if args.compact {
        ModelForm::Compact
    } else {
        ModelForm::Full
    };
    model.save(&args.output, form)?;

    if !args.quiet {
        note(format_args!(
            "stance: trained {}: {}, {:.2} s",
            args.output.display(),
            summary(&model, form),
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

/// `N documents (label n, ...), V terms kept of T seen, FORM form`: what a written model holds.
pub fn summary(model: &Classifier, form: ModelForm) -> String {
    let metadata = model.metadata();
    let per_label: Vec<String> = metadata
        .documents_per_label
        .iter()
        .map(|(label, n)| format!("{label} {n}"))
        .collect();
    format!(
        "{} documents ({}), {} terms kept of {} seen, {} form",
        metadata.fingerprint.documents,
        per_label.join(", "),
        model.featurizer().vocabulary().len(),
        metadata.terms_seen,
        if form == ModelForm::Compact { "compact" } else { "full" },
    )
}

/// Fails before the (possibly long) training pass when the model could not be written anyway.
pub fn check_output_directory(output: &std::path::Path) -> Result<()> {
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
