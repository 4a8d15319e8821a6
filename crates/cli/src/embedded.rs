//! The built-in models: `models/stance.model` and `models/sentiment.model`, embedded in the binary
//! when it is compiled and decoded only when a command needs them.
//!
//! Both files are written by `bash models/build.sh`. Before it has run they are empty, and asking
//! for a built-in model is an error that says so; a damaged file is reported the same way
//! (the model crate checks a CRC-32 before decoding), never a panic.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use stance_model::Classifier;

use crate::args::{ModelChoice, Task};

const STANCE: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/stance.model"));
const SENTIMENT: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/sentiment.model"));

/// The embedded bytes of a built-in model.
fn bytes(task: Task) -> &'static [u8] {
    match task {
        Task::Stance => STANCE,
        Task::Sentiment => SENTIMENT,
    }
}

/// The built-in model of `task`.
pub fn load(task: Task) -> Result<Classifier> {
    decode(task, bytes(task))
}

fn decode(task: Task, bytes: &[u8]) -> Result<Classifier> {
    if bytes.is_empty() {
        bail!(
            "the built-in {task} model is missing: models/{task}.model was empty when stance was compiled; \
             run `bash models/build.sh`, or pass -m MODEL"
        );
    }
    let origin = PathBuf::from(format!("built-in {task} model (models/{task}.model)"));
    Classifier::from_bytes(bytes, &origin)
        .with_context(|| format!("cannot load the built-in {task} model; rebuild it with `bash models/build.sh`"))
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
    fn a_missing_model_is_an_error_naming_the_build_script() {
        let error = decode(Task::Stance, &[]).unwrap_err();
        assert!(format!("{error:#}").contains("models/build.sh"), "{error:#}");
    }

    #[test]
    fn a_damaged_model_is_an_error_not_a_panic() {
        let error = decode(Task::Sentiment, b"garbage that is no model").unwrap_err();
        let message = format!("{error:#}");
        assert!(message.contains("built-in sentiment model"), "{message}");
        assert!(message.contains("not a valid model file"), "{message}");
        if !SENTIMENT.is_empty() {
            let mut flipped = SENTIMENT.to_vec();
            let last = flipped.len() - 1;
            flipped[last] ^= 0x55;
            assert!(decode(Task::Sentiment, &flipped).is_err());
            flipped.truncate(last);
            assert!(decode(Task::Sentiment, &flipped).is_err());
        }
    }

    #[test]
    fn the_version_text_never_panics() {
        let text = version_text();
        assert!(text.starts_with("stance "));
        assert!(text.contains("stance ") && text.contains("sentiment "));
    }
}
