//! The built-in models: `models/stance.model` and `models/sentiment.model`, embedded when this
//! crate is compiled and decoded only when asked for. The `stance` binary, the Python package and
//! any Rust program get them the same way: [`load`].
//!
//! Both files are written by `bash models/build.sh`. Before it has run they are empty, and asking
//! for a built-in model is an error that says so; a damaged file is reported the same way (the
//! model crate checks a CRC-32 before decoding), never a panic.
//!
//! ```
//! use stance_builtin::{load, Task};
//!
//! let model = load(Task::Stance)?;
//! assert_eq!(model.labels(), ["military", "negotiation", "neutral"]);
//! assert_eq!(model.predict("Envoys agreed to resume talks.").label, "negotiation");
//! # Ok::<(), stance_builtin::BuiltinError>(())
//! ```

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use stance_model::{Classifier, ModelError};
use thiserror::Error;

const STANCE: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/stance.model"));
const SENTIMENT: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/sentiment.model"));

/// A built-in model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Task {
    /// military / negotiation / neutral.
    Stance,
    /// positive / negative / neutral.
    Sentiment,
}

impl Task {
    /// Both built-in models, in output order.
    pub const ALL: [Task; 2] = [Task::Stance, Task::Sentiment];

    /// Its name: `stance` or `sentiment`.
    pub fn name(self) -> &'static str {
        match self {
            Task::Stance => "stance",
            Task::Sentiment => "sentiment",
        }
    }
}

impl fmt::Display for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Task {
    type Err = BuiltinError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "stance" => Ok(Task::Stance),
            "sentiment" => Ok(Task::Sentiment),
            _ => Err(BuiltinError::Unknown(s.to_string())),
        }
    }
}

/// Why a built-in model cannot be had.
#[derive(Debug, Error)]
pub enum BuiltinError {
    /// A name that is no built-in model's.
    #[error("no built-in model is named {0:?}; there are stance and sentiment")]
    Unknown(String),
    /// The model file was empty when this crate was compiled.
    #[error(
        "the built-in {0} model is missing: models/{0}.model was empty when stance was compiled; run \
         `bash models/build.sh`, or use a model file"
    )]
    Missing(Task),
    /// The embedded bytes do not decode.
    #[error("cannot load the built-in {task} model; rebuild it with `bash models/build.sh`")]
    Damaged {
        /// The model.
        task: Task,
        /// What decoding found.
        source: ModelError,
    },
}

/// The embedded bytes of a built-in model, in the model file format (empty before
/// `models/build.sh` has run).
pub fn bytes(task: Task) -> &'static [u8] {
    match task {
        Task::Stance => STANCE,
        Task::Sentiment => SENTIMENT,
    }
}

/// The built-in model of `task`, decoded.
pub fn load(task: Task) -> Result<Classifier, BuiltinError> {
    decode(task, bytes(task))
}

fn decode(task: Task, bytes: &[u8]) -> Result<Classifier, BuiltinError> {
    if bytes.is_empty() {
        return Err(BuiltinError::Missing(task));
    }
    let origin = PathBuf::from(format!("built-in {task} model (models/{task}.model)"));
    Classifier::from_bytes(bytes, &origin).map_err(|source| BuiltinError::Damaged { task, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_model_is_an_error_naming_the_build_script() {
        let error = decode(Task::Stance, &[]).unwrap_err();
        assert!(error.to_string().contains("models/build.sh"), "{error}");
    }

    #[test]
    fn a_damaged_model_is_an_error_not_a_panic() {
        let error = decode(Task::Sentiment, b"garbage that is no model").unwrap_err();
        assert!(error.to_string().contains("built-in sentiment model"), "{error}");
        let cause = std::error::Error::source(&error)
            .expect("the decoding error")
            .to_string();
        assert!(cause.contains("not a valid model file"), "{cause}");
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
    fn tasks_are_named() {
        for task in Task::ALL {
            assert_eq!(task.name().parse::<Task>().unwrap(), task);
        }
        assert!("weather"
            .parse::<Task>()
            .unwrap_err()
            .to_string()
            .contains("stance and sentiment"));
    }
}
