//! Checking that bytes are text: valid UTF-8 and free of NUL bytes.

use std::path::Path;

use crate::ReadError;

/// What is wrong with some bytes, and how many lines into them.
#[derive(Debug)]
pub(crate) struct Flaw {
    kind: FlawKind,
    line_offset: u64,
}

#[derive(Debug)]
enum FlawKind {
    InvalidUtf8,
    Nul,
}

impl Flaw {
    /// The error for bytes that start at `path:line`.
    pub(crate) fn at(self, path: &Path, line: u64) -> ReadError {
        let path = path.to_path_buf();
        let line = line.saturating_add(self.line_offset);
        match self.kind {
            FlawKind::InvalidUtf8 => ReadError::InvalidUtf8 { path, line },
            FlawKind::Nul => ReadError::Binary { path, line },
        }
    }
}

/// The bytes as text, if they are valid UTF-8 without NUL bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, Flaw> {
    let text = std::str::from_utf8(bytes).map_err(|error| Flaw {
        kind: FlawKind::InvalidUtf8,
        line_offset: newlines(&bytes[..error.valid_up_to()]),
    })?;
    reject_nul(text)?;
    Ok(text)
}

/// An error if `text` holds a NUL character.
pub(crate) fn reject_nul(text: &str) -> Result<(), Flaw> {
    let bytes = text.as_bytes();
    // `contains` is a fast scan; the position is only needed for the error.
    if !bytes.contains(&0) {
        return Ok(());
    }
    let at = bytes.iter().position(|&b| b == 0).unwrap_or(0);
    Err(Flaw {
        kind: FlawKind::Nul,
        line_offset: newlines(&bytes[..at]),
    })
}

/// The number of `\n` bytes.
pub(crate) fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(bytes: &[u8]) -> ReadError {
        decode(bytes).unwrap_err().at(Path::new("f"), 10)
    }

    #[test]
    fn valid_text_passes() {
        assert_eq!(decode("héllo\nwörld".as_bytes()).unwrap(), "héllo\nwörld");
        assert_eq!(decode(b"").unwrap(), "");
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        assert!(matches!(error(b"ok\xff"), ReadError::InvalidUtf8 { line: 10, .. }));
        assert!(matches!(error(b"a\nb\n\xc3("), ReadError::InvalidUtf8 { line: 12, .. }));
    }

    #[test]
    fn nul_names_its_line() {
        let error = error(b"a\nb\0");
        assert!(matches!(error, ReadError::Binary { line: 11, .. }));
        assert_eq!(error.to_string(), "f:11: NUL byte in text (binary file?)");
    }
}
