//! Reading an input line by line, reusing one buffer.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::input::Input;
use crate::{text, ReadError};

/// One line of text, without its `\n` or `\r\n`.
pub(crate) struct Line<'a> {
    /// The input.
    pub(crate) path: &'a Path,
    /// 1-based line number.
    pub(crate) number: u64,
    /// The line's text.
    pub(crate) text: &'a str,
}

/// Yields the lines of an input, each checked to be text.
pub(crate) struct LineReader {
    input: Input,
    path: PathBuf,
    buffer: Vec<u8>,
    number: u64,
}

impl LineReader {
    /// Reads `input`, naming it `path` in errors.
    pub(crate) fn new(input: Input, path: PathBuf) -> Self {
        Self {
            input,
            path,
            buffer: Vec::new(),
            number: 0,
        }
    }

    /// The input's path.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The next line, `None` at the end of the input. Memory is bounded by the
    /// longest line, not by the number of lines.
    pub(crate) fn next_line(&mut self) -> Option<Result<Line<'_>, ReadError>> {
        self.buffer.clear();
        match self.input.read_until(b'\n', &mut self.buffer) {
            Ok(0) => return None,
            Ok(_) => self.number += 1,
            Err(source) => return Some(Err(ReadError::reading(&self.path, self.number + 1, source))),
        }
        let mut bytes = self.buffer.as_slice();
        bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        Some(match text::decode(bytes) {
            Ok(text) => Ok(Line {
                path: &self.path,
                number: self.number,
                text,
            }),
            Err(flaw) => Err(flaw.at(&self.path, self.number)),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn lines(bytes: &'static [u8]) -> Vec<Result<(u64, String), String>> {
        let mut reader = LineReader::new(Box::new(Cursor::new(bytes)), PathBuf::from("f"));
        let mut out = Vec::new();
        while let Some(line) = reader.next_line() {
            out.push(
                line.map(|line| (line.number, line.text.to_string()))
                    .map_err(|error| error.to_string()),
            );
        }
        out
    }

    #[test]
    fn strips_lf_and_crlf() {
        let expected: Vec<Result<(u64, String), String>> = vec![
            Ok((1, "a".into())),
            Ok((2, "b".into())),
            Ok((3, "".into())),
            Ok((4, "c\rd".into())),
            Ok((5, "e".into())),
        ];
        assert_eq!(lines(b"a\r\nb\n\r\nc\rd\ne\r"), expected);
    }

    #[test]
    fn errors_name_the_line_and_reading_goes_on() {
        let out = lines(b"ok\nbad\xff\nnul\0\nok");
        assert_eq!(
            out[1],
            Err("f:2: invalid UTF-8 (the input must be UTF-8 encoded)".into())
        );
        assert_eq!(out[2], Err("f:3: NUL byte in text (binary file?)".into()));
        assert_eq!(out[3], Ok((4, "ok".into())));
    }
}
