//! `stance eval`: predict labeled documents in batches and report the metrics of stance-eval.

use std::io::Write;

use anyhow::{bail, Context, Result};
use stance_documents::read_inputs;
use stance_eval::{evaluate, EvalInput, NeutralClass};

use super::{note, BATCH};
use crate::args::{EvalArgs, ReportFormat};
use crate::embedded;
use crate::output::Sink;
use crate::progress::Progress;

/// Runs `stance eval`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let model = embedded::load_one(&args.model_choice())?;
    let labels = model.labels();
    let options = args.reading.options(true);

    let mut documents = read_inputs(&args.data, &options)?;
    let mut y_true: Vec<String> = Vec::new();
    let mut y_pred: Vec<String> = Vec::new();
    let mut probabilities: Vec<Vec<f64>> = Vec::new();
    let mut texts: Vec<String> = Vec::with_capacity(BATCH);
    let progress = Progress::new(args.quiet, None, "evaluating", "documents");
    loop {
        texts.clear();
        for document in documents.by_ref().take(BATCH) {
            let document = document?;
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
        if texts.is_empty() {
            break;
        }
        for prediction in model.predict_batch(&texts) {
            y_pred.push(prediction.label);
            probabilities.push(prediction.probabilities);
        }
        progress.inc(texts.len() as u64);
    }
    progress.finish();

    let mut input = EvalInput::new(y_true, y_pred)
        .with_labels(labels.iter().cloned())
        .with_probabilities(labels.iter().cloned(), probabilities);
    if let Some(neutral) = &args.neutral {
        input = input.with_neutral(NeutralClass::Named(neutral.clone()));
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
    sink.finish()?;

    let stats = documents.stats();
    if stats.empty_texts > 0 && !args.quiet {
        note(format_args!(
            "stance: warning: {} of {} documents had an empty text",
            stats.empty_texts, stats.documents
        ));
    }
    Ok(())
}
