//! One module per command: each turns its parsed arguments into library calls and prints.

pub mod analyze;
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
use crate::screen::{fill, Fill, Screen};

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
    let mut batch = Vec::new();
    loop {
        let status = fill(documents, screen, &mut batch);
        let mut labeled: Vec<(String, String)> = Vec::with_capacity(batch.len());
        for document in batch.drain(..) {
            let Some(label) = document.label else {
                bail!("{}: missing label", document.source);
            };
            labeled.push((document.text, label));
        }
        if !labeled.is_empty() {
            statistics.add_documents(&labeled)?;
            progress.inc(labeled.len() as u64);
        }
        match status {
            Fill::More => {}
            Fill::End => return Ok(()),
            Fill::Failed(error) => return Err(error),
        }
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
