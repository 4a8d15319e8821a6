//! The built-in models for the commands: stance-builtin embeds `models/stance.model` and
//! `models/sentiment.model` and decodes them when a command needs them (a missing or damaged file
//! is an error that names `models/build.sh`, never a panic); this module picks the model(s) a
//! command asked for and writes `stance --version`.

use std::path::Path;

use anyhow::{bail, Result};
use stance_model::Classifier;

use crate::args::{ModelChoice, Task};

/// The built-in model of `task` (stance-builtin holds the bytes).
pub fn load(task: Task) -> Result<Classifier> {
    Ok(stance_builtin::load(task)?)
}

/// A model file, or a built-in model; `BothBuiltIn` is not a single model.
pub fn load_one(choice: &ModelChoice) -> Result<Classifier> {
    match choice {
        ModelChoice::File(path) => load_file(path),
        ModelChoice::BuiltIn(task) => load(*task),
        ModelChoice::BothBuiltIn => bail!("a single model is needed: pass -m MODEL or --task"),
    }
}

/// A model file written by `stance train`.
pub fn load_file(path: &Path) -> Result<Classifier> {
    Ok(Classifier::load(path)?)
}

/// The text of `stance --version`: the version, then each built-in model's data fingerprint and
/// documents per label (or why it cannot be loaded).
pub fn version_text() -> String {
    let mut text = format!("stance {}\nbuilt-in models:\n", env!("CARGO_PKG_VERSION"));
    for task in Task::ALL {
        let line = match load(task) {
            Ok(model) => {
                let metadata = model.metadata();
                let per_label: Vec<String> = metadata
                    .documents_per_label
                    .iter()
                    .map(|(label, n)| format!("{label} {n}"))
                    .collect();
                format!(
                    "fingerprint {}, {} documents: {}",
                    metadata.fingerprint,
                    metadata.fingerprint.documents,
                    per_label.join(", ")
                )
            }
            Err(error) => format!("unavailable: {error:#}"),
        };
        text.push_str(&format!("  {:<10} {line}\n", task.name()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_text_never_panics() {
        let text = version_text();
        assert!(text.starts_with("stance "));
        assert!(text.contains("stance ") && text.contains("sentiment "));
    }
}
