//! One module per command: each turns its parsed arguments into library calls and prints.

pub mod analyze;
pub mod calibrate;
pub mod cv;
pub mod eval;
pub mod inspect;
pub mod merge;
pub mod predict;
pub mod train;
pub mod tune;
pub mod update;

use anyhow::{bail, Result};
use stance_documents::{for_each_batch, Documents, Screen};
use stance_model::TrainingStatistics;

use crate::progress::Progress;

/// Writes a line on standard error; a closed standard error is not worth failing for.
pub fn note(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Streams labeled documents, screened, into term statistics a batch at a time (memory stays
/// bounded by the batch); `progress` counts the documents.
pub fn add_labeled(
    statistics: &mut TrainingStatistics,
    documents: &mut Documents,
    screen: &mut Screen,
    progress: &Progress,
) -> Result<()> {
    for_each_batch(documents, screen, |batch| {
        let mut labeled: Vec<(String, String)> = Vec::with_capacity(batch.len());
        for document in batch {
            let Some(label) = document.label else {
                bail!("{}: missing label", document.source);
            };
            labeled.push((document.text, label));
        }
        statistics.add_documents(&labeled)?;
        progress.inc(labeled.len() as u64);
        Ok(())
    })
}

/// The coverage-accuracy curve of `(confidence, right)` pairs as a text table (`markdown`: a
/// Markdown table), to follow a report.
pub fn coverage_table(pairs: &[(f64, bool)], digits: usize, markdown: bool) -> String {
    let curve = stance_eval::coverage_curve(pairs);
    if curve.is_empty() {
        return String::new();
    }
    let mut text = if markdown {
        String::from("\n\nCoverage and accuracy (the most confident documents kept):\n\n| coverage | probability >= | accuracy |\n| ---: | ---: | ---: |\n")
    } else {
        String::from(
            "\ncoverage and accuracy (the most confident documents kept):\ncoverage  probability >=  accuracy\n",
        )
    };
    for point in curve {
        let (coverage, threshold, accuracy) = (
            format!("{:.0}%", point.coverage * 100.0),
            format!("{:.digits$}", point.threshold),
            format!("{:.digits$}", point.accuracy),
        );
        if markdown {
            text.push_str(&format!("| {coverage} | {threshold} | {accuracy} |\n"));
        } else {
            text.push_str(&format!("{coverage:>8}  {threshold:>13}  {accuracy:>8}\n"));
        }
    }
    text
}

/// Prints `warnings` on standard error, each as `stance: warning: ...`, unless `quiet`.
pub fn warn(warnings: &[String], quiet: bool) {
    if quiet {
        return;
    }
    for warning in warnings {
        note(format_args!("stance: warning: {warning}"));
    }
}

pub use stance_experiment::list;
