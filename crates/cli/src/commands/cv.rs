//! `stance cv`: cross-validate the flags of `stance train` on labeled documents (stance-experiment
//! does the work) and print the report.

use anyhow::Result;
use stance_eval::{EvaluationReport, Folds, HtmlReport};
use stance_experiment::{repeated_texts, Corpus, CrossValidation};

use super::{coverage_table, list, warn};
use crate::args::{CvArgs, CvFormat, ReadingArgs, SplitArgs};
use crate::output::{check_writable, Sink};
use crate::progress::Progress;

/// The confidently wrong documents an HTML report shows.
const WRONG_EXAMPLES: usize = 10;

/// Runs `stance cv`.
pub fn run(args: &CvArgs) -> Result<()> {
    let (config, params) = args.training.check()?.into_parts();
    if let Some(output) = &args.output {
        check_writable(output, args.data.iter().map(std::path::PathBuf::as_path))?;
    }
    let corpus = read_corpus(&args.data, &args.split, &args.reading, args.quiet)?;
    let (folds, groups) = make_folds(&args.split, &corpus, args.quiet)?;
    let cv = CrossValidation {
        corpus: &corpus,
        folds: &folds,
        groups: groups.as_deref(),
        config: &config,
        params: &params,
        neutral: args.neutral.as_deref(),
        seed: args.split.seed,
        learning_curve: args.learning_curve,
        wrong_examples: if args.format == CvFormat::Html {
            WRONG_EXAMPLES
        } else {
            0
        },
        calibration: args.calibrate,
    };
    let progress = Progress::new(args.quiet, Some(cv.trainings()), "cross-validating", "models trained");
    let outcome = cv.outcome(&|| progress.inc(1))?;
    progress.finish();

    let report = &outcome.report;
    let before = outcome.uncalibrated.as_ref();
    let mut text = match args.format {
        CvFormat::Text => {
            report.to_text(args.digits)
                + &before_calibration_text(before.map(|b| &b.pooled), args.digits)
                + &coverage_table(&outcome.confidences, args.digits, false)
        }
        CvFormat::Markdown => {
            report.to_markdown(args.digits)
                + &before_calibration_markdown(before.map(|b| &b.pooled), args.digits)
                + &coverage_table(&outcome.confidences, args.digits, true)
        }
        CvFormat::Json => {
            let mut json: serde_json::Value = serde_json::from_str(&report.to_json()?)?;
            if let Some(before) = before {
                json["uncalibrated"] = serde_json::from_str(&before.to_json()?)?;
            }
            json["coverage_curve"] = serde_json::to_value(stance_eval::coverage_curve(&outcome.confidences))?;
            // The warnings of reading and of the folds (also on standard error), after the report's.
            let mut warnings: Vec<serde_json::Value> = json["warnings"].as_array().cloned().unwrap_or_default();
            warnings.extend(
                corpus
                    .warnings()
                    .iter()
                    .chain(folds.warnings())
                    .cloned()
                    .chain(repeated_texts(&corpus, &folds))
                    .map(serde_json::Value::from),
            );
            json["warnings"] = warnings.into();
            serde_json::to_string(&json)?
        }
        CvFormat::Html => {
            let title = format!("stance cv {}: {}", list(&args.data), args.split.split());
            let mut page = HtmlReport::new(title, &report.pooled)
                .with_cross_validation(report)
                .with_reliability(outcome.confidences.clone())
                .with_wrong_examples(outcome.wrong.clone());
            if before.is_some() {
                page = page.with_uncalibrated_reliability(outcome.uncalibrated_confidences.clone());
            }
            page.render()
        }
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut sink = Sink::new(args.output.as_deref());
    std::io::Write::write_all(&mut sink, text.as_bytes())?;
    sink.finish()
}

/// Reads the corpus of `cv` and `tune` (with `--train-also`), printing the screening's warnings
/// unless `quiet`.
pub fn read_corpus(
    data: &[std::path::PathBuf],
    split: &SplitArgs,
    reading: &ReadingArgs,
    quiet: bool,
) -> Result<Corpus> {
    let corpus = Corpus::read(data, &split.train_also, &reading.options(true)?)?;
    warn(corpus.warnings(), quiet);
    Ok(corpus)
}

/// The folds `split` asks for, and the group of each document when they are grouped; their
/// warnings go to standard error unless `quiet`.
pub fn make_folds(split: &SplitArgs, corpus: &Corpus, quiet: bool) -> Result<(Folds, Option<Vec<String>>)> {
    let (folds, groups) = split.split().folds(corpus)?;
    warn(folds.warnings(), quiet);
    warn(&repeated_texts(corpus, &folds).into_iter().collect::<Vec<_>>(), quiet);
    Ok((folds, groups))
}

/// The pooled log-loss, Brier score and expected calibration error before calibration, as lines
/// that follow a text report.
fn before_calibration_text(before: Option<&EvaluationReport>, digits: usize) -> String {
    let Some(before) = before else { return String::new() };
    let mut text = String::from("\nbefore calibration (pooled):\n");
    for (name, value) in calibration_rows(before) {
        text.push_str(&format!(
            "{name:<32}{}\n",
            value.map_or("-".into(), |v| format!("{v:.digits$}"))
        ));
    }
    text
}

/// The same as a Markdown table.
fn before_calibration_markdown(before: Option<&EvaluationReport>, digits: usize) -> String {
    let Some(before) = before else { return String::new() };
    let mut text = String::from("\n\nBefore calibration (pooled):\n\n| metric | value |\n| :--- | ---: |\n");
    for (name, value) in calibration_rows(before) {
        text.push_str(&format!(
            "| {name} | {} |\n",
            value.map_or("-".into(), |v| format!("{v:.digits$}"))
        ));
    }
    text
}

fn calibration_rows(report: &EvaluationReport) -> [(&'static str, Option<f64>); 3] {
    [
        ("log-loss", report.log_loss),
        ("Brier score (sum over classes)", report.brier),
        ("expected calibration error", report.ece),
    ]
}
