//! `stance update`: labeled documents added to a full model — the model of its data plus theirs,
//! as `Classifier::update` gives, streamed in batches as `stance train` reads.

use anyhow::{bail, Result};
use stance_documents::read_inputs;
use stance_model::Classifier;

use super::merge::{dropped_calibration, load_full};
use super::train::summary;
use stance_documents::screen::{format_mismatches, label_warnings};
use stance_documents::Screen;

use super::{add_labeled, list, note, warn};
use crate::args::UpdateArgs;
use crate::output::{check_model_output, save_model, ModelLock};
use crate::progress::Progress;

/// Runs `stance update`.
pub fn run(args: &UpdateArgs) -> Result<()> {
    check_model_output(&args.output, args.data.iter().map(std::path::PathBuf::as_path))?;
    // Held until the new model is written: a concurrent update of the same model waits.
    let _lock = ModelLock::acquire(&args.model)?;
    let model = load_full(&args.model, "update")?;
    let calibrated = model.calibration().is_some();
    let params = model.params().clone();
    let mut statistics = model.statistics().cloned().expect("load_full returns full models");
    drop(model);
    let before = statistics.n_documents();

    let options = args.reading.options(true)?;
    warn(&format_mismatches(options.format, &args.data), args.quiet);
    let mut documents = read_inputs(&args.data, &options)?;
    let mut screen = Screen::training();
    let progress = Progress::new(args.quiet, None, "updating", "documents");
    add_labeled(&mut statistics, &mut documents, &mut screen, &progress)?;
    let added = statistics.n_documents() - before;
    if added == 0 {
        progress.finish();
        warn(&screen.warnings(), args.quiet);
        bail!("no documents to add in {}", list(&args.data));
    }
    let per_label = statistics.documents_per_label();
    let model = Classifier::from_statistics(&params, statistics)?;
    progress.finish();
    let form = save_model(&model, &args.output, args.compact)?;
    if !args.quiet {
        note(format_args!(
            "stance: updated {} with {added} documents into {}: {}",
            args.model.display(),
            args.output.display(),
            summary(&model, form)
        ));
    }
    let mut warnings = screen.warnings();
    warnings.extend(label_warnings(&per_label));
    if calibrated {
        warnings.push(dropped_calibration(&args.model.display().to_string()));
    }
    warn(&warnings, args.quiet);
    Ok(())
}
