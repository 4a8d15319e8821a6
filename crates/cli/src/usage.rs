//! The usage error: arguments that parse but make no sense together.

use std::fmt;

/// A combination of arguments that parses but makes no sense; exits with code 2 like clap's own
/// usage errors.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}
