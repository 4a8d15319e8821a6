//! `stance eval`: predict labeled documents in batches and report the metrics of stance-eval.

use std::io::Write;

use anyhow::{bail, Context, Result};
use serde::Serialize;
use stance_documents::screen::format_mismatches;
use stance_documents::{for_each_batch, read_inputs, Screen};
use stance_eval::{evaluate, EvalInput, EvaluationReport, NeutralClass, Reliability, RELIABILITY_BINS};
use stance_model::{argmax, Prediction};

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

/// The report of the same documents with the model's own (uncalibrated) probabilities, and its
/// (confidence, right) pairs.
fn uncalibrated(covered: &[&Scored], labels: &[String]) -> Result<(EvaluationReport, Vec<(f64, bool)>)> {
    let mut predicted = Vec::with_capacity(covered.len());
    let mut rows = Vec::with_capacity(covered.len());
    let mut pairs = Vec::with_capacity(covered.len());
    for s in covered {
        let row: Vec<f64> = s.prediction.log_probabilities.iter().map(|p| p.exp()).collect();
        let best = argmax(&s.prediction.log_probabilities);
        pairs.push((row[best], labels[best] == s.truth));
        predicted.push(labels[best].clone());
        rows.push(row);
    }
    let input = EvalInput::new(covered.iter().map(|s| s.truth.clone()), predicted)
        .with_labels(labels.iter().cloned())
        .with_probabilities(labels.iter().cloned(), rows);
    Ok((evaluate(&input).context("cannot evaluate")?, pairs))
}

/// The reliability of the predictions in 10 bins, and, for a calibrated model, the log-loss,
/// Brier score and calibration error before and after calibration with the reliability before.
fn calibration_table(
    report: &EvaluationReport,
    pairs: &[(f64, bool)],
    before: Option<&(EvaluationReport, Vec<(f64, bool)>)>,
    calibration: Option<&str>,
    digits: usize,
) -> String {
    let number = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.digits$}"));
    let mut text = String::new();
    if let (Some((before, _)), Some(calibration)) = (before, calibration) {
        text.push_str(&format!("\ncalibration ({calibration}):\n"));
        text.push_str(&format!("{:<8}{:>10}{:>10}{:>10}\n", "", "log-loss", "Brier", "ECE"));
        for (name, r) in [("before", before), ("after", report)] {
            text.push_str(&format!(
                "{name:<8}{:>10}{:>10}{:>10}\n",
                number(r.log_loss),
                number(r.brier),
                number(r.ece)
            ));
        }
    }
    let after = Reliability::from_predictions(pairs, RELIABILITY_BINS);
    let before_bins = before.map(|(_, p)| Reliability::from_predictions(p, RELIABILITY_BINS));
    text.push_str(
        "\nreliability (10 bins of the predicted label's probability: documents, mean probability, accuracy):\n",
    );
    text.push_str(&format!(
        "{:<12}{:>24}",
        "bin",
        if before_bins.is_some() { "after calibration" } else { "" }
    ));
    if before_bins.is_some() {
        text.push_str(&format!("{:>26}", "before calibration"));
    }
    text.push('\n');
    for (i, bin) in after.bins.iter().enumerate() {
        let cell = |b: &stance_eval::ReliabilityBin| {
            if b.count == 0 {
                format!("{:>24}", "-")
            } else {
                format!("{:>8}{:>8.3}{:>8.3}", b.count, b.mean_confidence, b.accuracy)
            }
        };
        text.push_str(&format!(
            "{:<12}{}",
            format!("{:.1}-{:.1}", bin.lower, bin.upper),
            cell(bin)
        ));
        if let Some(before) = &before_bins {
            text.push_str(&format!("  {}", cell(&before.bins[i])));
        }
        text.push('\n');
    }
    text
}

/// Runs `stance eval`.
pub fn run(args: &EvalArgs) -> Result<()> {
    // What the command reads, which neither output may overwrite.
    let inputs = || {
        args.data
            .iter()
            .map(std::path::PathBuf::as_path)
            .chain(args.model.as_deref())
    };
    if let Some(output) = &args.output {
        check_writable(output, inputs())?;
    }
    let model = embedded::load_one(&args.model_choice())?;
    let labels = model.labels();
    let options = args.reading.options(true)?;
    warn(&format_mismatches(options.format, &args.data), args.quiet);

    if let Some(path) = &args.predictions {
        check_writable(path, inputs())?;
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
    let calibration = model.calibration().map(|c| c.describe(labels));
    let before = match &calibration {
        Some(_) => Some(uncalibrated(&covered, labels)?),
        None => None,
    };
    let calibration_text = calibration_table(&report, &pairs, before.as_ref(), calibration.as_deref(), args.digits);
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
            coverage_line
                + &report.to_text(args.digits)
                + &coverage_table(&pairs, args.digits, false)
                + &calibration_text
        }
        ReportFormat::Markdown => {
            coverage_line
                + &report.to_markdown(args.digits)
                + &coverage_table(&pairs, args.digits, true)
                + &format!("\n```{calibration_text}```\n")
        }
        ReportFormat::Json => {
            let mut json: serde_json::Value = serde_json::from_str(&report.to_json()?)?;
            json["coverage_curve"] = serde_json::to_value(stance_eval::coverage_curve(&pairs))?;
            json["reliability"] = serde_json::to_value(Reliability::from_predictions(&pairs, RELIABILITY_BINS))?;
            if let (Some(description), Some((before, before_pairs))) = (&calibration, &before) {
                json["calibration"] = serde_json::Value::String(description.clone());
                json["uncalibrated"] = serde_json::json!({
                    "log_loss": before.log_loss,
                    "brier": before.brier,
                    "ece": before.ece,
                    "reliability": Reliability::from_predictions(before_pairs, RELIABILITY_BINS),
                });
            }
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
