//! `stance update`: labeled documents added to a full model — the model of its data plus theirs,
//! as `Classifier::update` gives, streamed in batches as `stance train` reads.

use anyhow::{bail, Result};
use stance_documents::read_inputs;
use stance_model::{Classifier, ModelForm};

use super::merge::load_full;
use super::train::{check_output_directory, summary};
use super::{add_labeled, list, note};
use crate::args::UpdateArgs;
use crate::progress::Progress;

/// Runs `stance update`.
pub fn run(args: &UpdateArgs) -> Result<()> {
    check_output_directory(&args.output)?;
    let model = load_full(&args.model, "update")?;
    let params = model.params().clone();
    let mut statistics = model.statistics().cloned().expect("load_full returns full models");
    drop(model);
    let before = statistics.n_documents();

    let mut documents = read_inputs(&args.data, &args.reading.options(true))?;
    let progress = Progress::new(args.quiet, None, "updating", "documents");
    add_labeled(&mut statistics, &mut documents, &progress)?;
    let added = statistics.n_documents() - before;
    if added == 0 {
        bail!("no documents to add in {}", list(&args.data));
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
            "stance: updated {} with {added} documents into {}: {}",
            args.model.display(),
            args.output.display(),
            summary(&model, form)
        ));
        let stats = documents.stats();
        if stats.empty_texts > 0 {
            note(format_args!(
                "stance: warning: {} documents had an empty text",
                stats.empty_texts
            ));
        }
    }
    Ok(())
}
