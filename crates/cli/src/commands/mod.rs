//! One module per command: each turns its parsed arguments into library calls and prints.

pub mod eval;
pub mod predict;
pub mod train;

/// Documents read, analyzed and predicted together: bounds memory, keeps every core busy.
pub const BATCH: usize = 8192;

/// Writes a line on standard error; a closed standard error is not worth failing for.
pub fn note(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
