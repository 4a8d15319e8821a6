//! `stance eval`: predict labeled documents in batches and report the metrics of stance-eval.

use std::io::Write;

use anyhow::{bail, Context, Result};
use stance_documents::screen::format_mismatches;
use stance_documents::{for_each_batch, read_inputs, Screen};
use stance_eval::{evaluate, EvalInput, NeutralClass};

use super::warn;
use crate::args::{EvalArgs, ReportFormat};
use crate::embedded;
use crate::output::{check_writable, Sink};
use crate::progress::Progress;

/// The seed of `--bootstrap`'s resampling: fixed, so that a report is reproducible.
const BOOTSTRAP_SEED: u64 = 42;

/// Runs `stance eval`.
pub fn run(args: &EvalArgs) -> Result<()> {
    if let Some(output) = &args.output {
        check_writable(output)?;
    }
    let model = embedded::load_one(&args.model_choice())?;
    let labels = model.labels();
    let options = args.reading.options(true)?;
    warn(&format_mismatches(options.format, &args.data), args.quiet);

    let mut documents = read_inputs(&args.data, &options)?;
    let mut screen = Screen::evaluation();
    let mut y_true: Vec<String> = Vec::new();
    let mut y_pred: Vec<String> = Vec::new();
    let mut probabilities: Vec<Vec<f64>> = Vec::new();
    let progress = Progress::new(args.quiet, None, "evaluating", "documents");
    for_each_batch(&mut documents, &mut screen, |batch| {
        let mut texts: Vec<String> = Vec::with_capacity(batch.len());
        for document in batch {
            let label = document.label.unwrap_or_default();
            if labels.binary_search(&label).is_err() {
                bail!(
                    "{}: label `{label}` is not a label of the model ({}); rename labels while reading with \
                     --label-map FROM=TO,...",
                    document.source,
                    labels.join(", "),
                );
            }
            y_true.push(label);
            texts.push(document.text);
        }
        for prediction in model.predict_batch(&texts) {
            y_pred.push(prediction.label);
            probabilities.push(prediction.probabilities);
        }
        progress.inc(texts.len() as u64);
        Ok::<(), anyhow::Error>(())
    })?;
    progress.finish();
    // Before the report, which fails when every document was skipped.
    warn(&screen.warnings(), args.quiet);

    let mut input = EvalInput::new(y_true, y_pred)
        .with_labels(labels.iter().cloned())
        .with_probabilities(labels.iter().cloned(), probabilities);
    if let Some(neutral) = &args.neutral {
        input = input.with_neutral(NeutralClass::Named(neutral.clone()));
    }
    if let Some(resamples) = args.bootstrap {
        input = input.with_bootstrap(resamples, BOOTSTRAP_SEED);
    }
    let report = evaluate(&input).context("cannot evaluate")?;
    let mut text = match args.format {
        ReportFormat::Text => report.to_text(args.digits),
        ReportFormat::Markdown => report.to_markdown(args.digits),
        ReportFormat::Json => report.to_json()?,
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut sink = Sink::new(args.output.as_deref());
    sink.write_all(text.as_bytes())?;
    sink.finish()
}
