//! Plain text: the whole input is one document. A file named `.html` or `.htm` is a web page,
//! read as its article text ([`article_text`]).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use super::web_page::article_text;
use crate::input::Input;
use crate::text::{self, newlines};
use crate::{Document, Location, ReadError, ReadOptions};

/// Reads all of `input` (named `path`) as one document with the id `path`,
/// the given raw label (from a directory layout) and CRLF turned into LF; a web page
/// ([`is_web_page`]) becomes its article text.
pub(crate) fn read_text(
    mut input: Input,
    path: &Path,
    label: Option<&str>,
    options: &ReadOptions,
) -> Result<Document, ReadError> {
    let mut bytes = Vec::new();
    if let Err(source) = input.read_to_end(&mut bytes) {
        return Err(ReadError::reading(path, 1 + newlines(&bytes), source));
    }
    let text = text::decode(&bytes).map_err(|flaw| flaw.at(path, 1))?;
    let text = if is_web_page(path) {
        article_text(text)
    } else {
        text.replace("\r\n", "\n")
    };
    let label = options.label(label, path, 1)?;
    Ok(Document {
        id: path.display().to_string(),
        text,
        label,
        fields: BTreeMap::new(),
        source: Location {
            path: path.to_path_buf(),
            line: 1,
            row: None,
        },
    })
}

/// Whether `path` names a web page: extension `.html` or `.htm` (any case, before an optional `.gz`).
pub(crate) fn is_web_page(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".html") || name.ends_with(".htm")
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use flate2::write::GzEncoder;
    use flate2::Compression;

    use super::*;
    use crate::testing::{labeled, read_error, read_ok, Fixture};

    #[test]
    fn a_text_file_is_one_document() {
        let fixture = Fixture::new();
        let path = fixture.write("doc.txt", "\u{feff}First line.\r\nSecond\tline.\r\n");
        let documents = read_ok(&path, &ReadOptions::default());
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].id, path.display().to_string());
        assert_eq!(documents[0].text, "First line.\nSecond\tline.\n");
        assert_eq!(documents[0].label, None);
        assert_eq!((documents[0].source.line, documents[0].source.row), (1, None));
    }

    #[test]
    fn standard_input_has_the_id_dash() {
        let input: Input = Box::new(Cursor::new("piped\r\ntext"));
        let document = read_text(input, Path::new("-"), None, &ReadOptions::default()).unwrap();
        assert_eq!(document.id, "-");
        assert_eq!(document.text, "piped\ntext");
        assert_eq!(document.source.path, Path::new("-"));
    }

    #[test]
    fn empty_file_is_an_empty_text() {
        let fixture = Fixture::new();
        let path = fixture.write("empty.txt", "");
        assert_eq!(read_ok(&path, &ReadOptions::default())[0].text, "");
    }

    #[test]
    fn bad_bytes_name_their_line() {
        let fixture = Fixture::new();
        let path = fixture.write("a.txt", b"one\ntwo\nthr\xe9e\n");
        assert!(matches!(
            read_error(&path, &ReadOptions::default()),
            ReadError::InvalidUtf8 { line: 3, .. }
        ));
        let path = fixture.write("b.txt", b"one\n\0\x01\x02");
        assert!(matches!(
            read_error(&path, &ReadOptions::default()),
            ReadError::Binary { line: 2, .. }
        ));
    }

    #[test]
    fn a_lone_text_file_has_no_label() {
        let fixture = Fixture::new();
        let path = fixture.write("a.txt", "text");
        assert!(matches!(
            read_error(&path, &labeled()),
            ReadError::MissingLabel { line: 1, .. }
        ));
    }

    #[test]
    fn gzipped_text() {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(b"packed text").unwrap();
        let fixture = Fixture::new();
        let path = fixture.write("a.txt.gz", encoder.finish().unwrap());
        assert_eq!(read_ok(&path, &ReadOptions::default())[0].text, "packed text");
    }
}
