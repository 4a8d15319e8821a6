//! `stance merge`: full models trained with the same settings on different data, merged into the
//! model of all their data (exactly, for count, binary and tf-idf weighting).

use std::path::Path;

use anyhow::{bail, Context, Result};
use stance_model::{Classifier, ModelError};

use stance_documents::screen::label_warnings;

use super::train::summary;
use super::{note, warn};
use crate::args::MergeArgs;
use crate::embedded;
use crate::output::{check_model_output, save_model};

/// Runs `stance merge`.
pub fn run(args: &MergeArgs) -> Result<()> {
    check_model_output(&args.output, [])?;
    let mut merged: Option<(Classifier, &Path)> = None;
    let mut calibrated: Option<String> = None;
    let mut seen: Vec<(String, &Path)> = Vec::new();
    let mut warnings = Vec::new();
    for path in &args.models {
        let model = load_full(path, "merge")?;
        let fingerprint = model.metadata().fingerprint.to_string();
        if let Some((_, first)) = seen.iter().find(|(f, _)| *f == fingerprint) {
            warnings.push(format!(
                "{} was trained on the same data as {} (fingerprint {fingerprint}): the merged model counts those documents twice",
                path.display(),
                first.display()
            ));
        }
        seen.push((fingerprint, path));
        if model.calibration().is_some() && calibrated.is_none() {
            calibrated = Some(path.display().to_string());
        }
        merged = Some(match merged {
            None => (model, path),
            Some((into, first)) => {
                if let Some(difference) = difference(&into, &model) {
                    bail!(
                        "cannot merge {} into {}: {difference}; merge needs models trained with the same flags",
                        path.display(),
                        first.display()
                    );
                }
                let model = into
                    .merge(model)
                    .with_context(|| format!("cannot merge {} into {}", path.display(), first.display()))?;
                (model, first)
            }
        });
    }
    let (model, _) = merged.expect("clap requires at least one MODEL");
    if args.models.len() > 1 && calibrated.is_some() {
        warn(
            &[dropped_calibration(calibrated.as_deref().unwrap_or_default())],
            args.quiet,
        );
    }
    let form = save_model(&model, &args.output, args.compact)?;
    if !args.quiet {
        note(format_args!(
            "stance: merged {} models into {}: {}",
            args.models.len(),
            args.output.display(),
            summary(&model, form)
        ));
    }
    warnings.extend(label_warnings(&model.metadata().documents_per_label));
    warn(&warnings, args.quiet);
    Ok(())
}

/// A model file in the full form (with term statistics), as `what` (merge, update) needs.
pub fn load_full(path: &Path, what: &'static str) -> Result<Classifier> {
    let model = embedded::load_file(path)?;
    if model.statistics().is_none() {
        bail!("{}: {}", path.display(), ModelError::CompactModel(what));
    }
    Ok(model)
}

/// The warning of `merge` and `update` when a model's calibration is dropped.
pub fn dropped_calibration(model: &str) -> String {
    format!(
        "the calibration of {model} is dropped: it was fitted for other data (run `stance calibrate` on the new model)"
    )
}

/// How the settings of `other` differ from those of `model`, if they do.
fn difference(model: &Classifier, other: &Classifier) -> Option<String> {
    let (settings, other_settings) = (model.training_settings(), other.training_settings());
    if settings == other_settings {
        return None;
    }
    if settings.differences(&other_settings).is_empty() {
        return Some("their featurizer settings differ (stop-word lists or negation cues)".into());
    }
    let (flags, other_flags) = (settings.to_flags(), other_settings.to_flags());
    let show = |flags: &[String]| {
        if flags.is_empty() {
            "the defaults".to_string()
        } else {
            flags.join(" ")
        }
    };
    Some(format!(
        "it was trained with {}, the other with {}",
        show(&other_flags),
        show(&flags)
    ))
}
