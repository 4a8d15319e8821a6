//! `stance eval`: predict labeled documents in batches and report the metrics of stance-eval.

use std::io::Write;

use anyhow::{bail, Context, Result};
use serde::Serialize;
use stance_documents::screen::format_mismatches;
use stance_documents::{for_each_batch, read_inputs, Screen};
use stance_eval::{evaluate, EvalInput, NeutralClass};
use stance_model::Prediction;

use super::{coverage_table, warn};
use crate::args::{EvalArgs, ReportFormat};
use crate::embedded;
use crate::output::{check_writable, clean, number, Sink};
use crate::progress::Progress;

/// The seed of `--bootstrap`'s resampling: fixed, so that a report is reproducible.
const BOOTSTRAP_SEED: u64 = 42;

/// One evaluated document.
struct Scored {
    id: String,
    truth: String,
    prediction: Prediction,
}

/// The documents `--min-confidence` keeps.
#[derive(Serialize)]
struct Coverage {
    min_confidence: f64,
    covered: usize,
    documents: usize,
    share: f64,
}

/// Writes every document's truth, prediction and probabilities to `path` as TSV, atomically.
fn write_predictions(path: &std::path::Path, labels: &[String], scored: &[Scored]) -> Result<()> {
    let mut sink = Sink::new(Some(path));
    let mut header = vec!["id", "truth", "label", "probability", "correct", "known_share"]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    header.extend(labels.iter().map(|label| format!("p_{}", clean(label))));
    writeln!(sink, "{}", header.join("\t"))?;
    for s in scored {
        let p = &s.prediction;
        let mut fields = vec![
            clean(&s.id),
            clean(&s.truth),
            clean(&p.label),
            number(p.probability),
            (p.label == s.truth).to_string(),
            number(p.known_share()),
        ];
        fields.extend(p.probabilities.iter().copied().map(number));
        writeln!(sink, "{}", fields.join("\t"))?;
    }
    sink.finish()
}

/// Runs `stance eval`.
pub fn run(args: &EvalArgs) -> Result<()> {
    if let Some(output) = &args.output {
        check_writable(output)?;
    }
    let model = embedded::load_one(&args.model_choice())?;
    let labels = model.labels();
    let options = args.reading.options(true)?;
    warn(&format_mismatches(options.format, &args.data), args.quiet);

    if let Some(path) = &args.predictions {
        check_writable(path)?;
    }
    let mut documents = read_inputs(&args.data, &options)?;
    let mut screen = Screen::evaluation();
    let mut scored: Vec<Scored> = Vec::new();
    let progress = Progress::new(args.quiet, None, "evaluating", "documents");
    for_each_batch(&mut documents, &mut screen, |batch| {
        let mut texts: Vec<String> = Vec::with_capacity(batch.len());
        let mut firsts = Vec::with_capacity(batch.len());
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
            firsts.push((document.id, label));
            texts.push(document.text);
        }
        for ((id, truth), prediction) in firsts.into_iter().zip(model.predict_batch(&texts)) {
            scored.push(Scored { id, truth, prediction });
        }
        progress.inc(texts.len() as u64);
        Ok::<(), anyhow::Error>(())
    })?;
    progress.finish();
    // Before the report, which fails when every document was skipped.
    warn(&screen.warnings(), args.quiet);
    if let Some(path) = &args.predictions {
        write_predictions(path, labels, &scored)?;
    }

    let n_documents = scored.len();
    let covered: Vec<&Scored> = match args.min_confidence {
        Some(p) => scored.iter().filter(|s| s.prediction.is_confident(p)).collect(),
        None => scored.iter().collect(),
    };
    if covered.is_empty() {
        bail!(
            "no document reaches --min-confidence {}: nothing to evaluate",
            args.min_confidence.unwrap_or_default()
        );
    }
    let pairs: Vec<(f64, bool)> = covered
        .iter()
        .map(|s| (s.prediction.probability, s.prediction.label == s.truth))
        .collect();
    let mut input = EvalInput::new(
        covered.iter().map(|s| s.truth.clone()),
        covered.iter().map(|s| s.prediction.label.clone()),
    )
    .with_labels(labels.iter().cloned())
    .with_probabilities(
        labels.iter().cloned(),
        covered.iter().map(|s| s.prediction.probabilities.clone()).collect(),
    );
    if let Some(neutral) = &args.neutral {
        input = input.with_neutral(NeutralClass::Named(neutral.clone()));
    }
    if let Some(resamples) = args.bootstrap {
        input = input.with_bootstrap(resamples, BOOTSTRAP_SEED);
    }
    let report = evaluate(&input).context("cannot evaluate")?;
    let coverage = args.min_confidence.map(|p| Coverage {
        min_confidence: p,
        covered: covered.len(),
        documents: n_documents,
        share: covered.len() as f64 / n_documents as f64,
    });
    let coverage_line = coverage.as_ref().map_or(String::new(), |c| {
        format!(
            "coverage at --min-confidence {}: {} of {} documents ({:.1}%); the scores below are theirs\n\n",
            c.min_confidence,
            c.covered,
            c.documents,
            c.share * 100.0
        )
    });
    let mut text = match args.format {
        ReportFormat::Text => {
            coverage_line + &report.to_text(args.digits) + &coverage_table(&pairs, args.digits, false)
        }
        ReportFormat::Markdown => {
            coverage_line + &report.to_markdown(args.digits) + &coverage_table(&pairs, args.digits, true)
        }
        ReportFormat::Json => {
            let mut json: serde_json::Value = serde_json::from_str(&report.to_json()?)?;
            json["coverage_curve"] = serde_json::to_value(stance_eval::coverage_curve(&pairs))?;
            if let Some(coverage) = &coverage {
                json["coverage"] = serde_json::to_value(coverage)?;
            }
            serde_json::to_string(&json)?
        }
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut sink = Sink::new(args.output.as_deref());
    sink.write_all(text.as_bytes())?;
    sink.finish()
}
