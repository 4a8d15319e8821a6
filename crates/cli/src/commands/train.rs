//! `stance train`: stream labeled documents into term statistics, finalize, save.

use std::time::Instant;

use anyhow::{bail, Result};
use stance_documents::read_inputs;
use stance_model::{Classifier, ModelForm, TrainingStatistics};

use stance_documents::screen::{format_mismatches, label_warnings};
use stance_documents::Screen;
use stance_experiment::require_two_labels;

use super::{add_labeled, list, note, warn};
use crate::args::TrainArgs;
use crate::output::{check_model_output, save_model};
use crate::progress::Progress;

/// Runs `stance train`.
pub fn run(args: &TrainArgs) -> Result<()> {
    let (config, params) = args.training.check()?.into_parts();
    let options = args.reading.options(true)?;
    check_model_output(&args.output, args.data.iter().map(std::path::PathBuf::as_path))?;
    warn(&format_mismatches(options.format, &args.data), args.quiet);
    let start = Instant::now();

    let mut statistics = TrainingStatistics::new(config)?;
    let mut documents = read_inputs(&args.data, &options)?;
    let mut screen = Screen::training();
    let progress = Progress::new(args.quiet, None, "training", "documents");
    add_labeled(&mut statistics, &mut documents, &mut screen, &progress)?;
    if statistics.n_documents() == 0 {
        progress.finish();
        warn(&screen.warnings(), args.quiet);
        bail!("no training documents in {}", list(&args.data));
    }
    let per_label = statistics.documents_per_label();
    require_two_labels(&per_label)?;

    let model = Classifier::from_statistics(&params, statistics)?;
    progress.finish();
    let form = save_model(&model, &args.output, args.compact)?;

    if !args.quiet {
        note(format_args!(
            "stance: trained {}: {}, {:.2} s",
            args.output.display(),
            summary(&model, form),
            start.elapsed().as_secs_f64(),
        ));
    }
    let mut warnings = screen.warnings();
    warnings.extend(label_warnings(&per_label));
    warn(&warnings, args.quiet);
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
