//! One module per command: each turns its parsed arguments into library calls and prints.

pub mod cv;
pub mod eval;
pub mod inspect;
pub mod merge;
pub mod predict;
pub mod train;
pub mod tune;
pub mod update;

use anyhow::{bail, Result};
use stance_documents::Documents;
use stance_model::TrainingStatistics;

use crate::progress::Progress;

/// Documents read, analyzed and predicted together: bounds memory, keeps every core busy.
pub const BATCH: usize = 8192;

/// Writes a line on standard error; a closed standard error is not worth failing for.
pub fn note(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Streams labeled documents into term statistics, a batch at a time (memory stays bounded by the
/// batch); `progress` counts the documents.
pub fn add_labeled(statistics: &mut TrainingStatistics, documents: &mut Documents, progress: &Progress) -> Result<()> {
    let mut batch: Vec<(String, String)> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        for document in documents.by_ref().take(BATCH) {
            let document = document?;
            let Some(label) = document.label else {
                bail!("{}: missing label", document.source);
            };
            batch.push((document.text, label));
        }
        if batch.is_empty() {
            return Ok(());
        }
        statistics.add_documents(&batch)?;
        progress.inc(batch.len() as u64);
    }
}

/// The paths, comma-separated, for messages.
pub fn list(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
