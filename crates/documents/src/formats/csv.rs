//! CSV: RFC 4180 (quoted fields, doubled quotes, fields spanning lines) with a
//! header row, parsed by the `csv` crate.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ::csv::{ByteRecord, Reader, ReaderBuilder};

use crate::input::Input;
use crate::table::Table;
use crate::text::{self, newlines};
use crate::{Document, ReadError, ReadOptions};

use self::recent::Recent;

mod recent;

/// The `csv` reader's buffer: it reads ahead of the record it returns by at most this.
const CSV_BUFFER_BYTES: usize = 64 * 1024;

/// A quoted field spanning more lines than this is taken for one whose closing quote is missing
/// (it swallows the rows after it), and stops reading with an error.
pub(crate) const MAX_FIELD_LINES: u64 = 10_000;

/// The documents of a CSV input. Empty lines are skipped (by the `csv` crate).
pub(crate) struct CsvDocuments {
    reader: Reader<Recent<Input>>,
    record: ByteRecord,
    path: PathBuf,
    table: Table,
    /// Where the last record's last field opened, when it spans lines: if the input ends there
    /// without a closing quote, the quote was never closed.
    open_last_field: Option<u64>,
}

impl CsvDocuments {
    /// Reads `input`, named `path` in errors, with `options`.
    pub(crate) fn new(input: Input, path: PathBuf, options: Arc<ReadOptions>) -> Self {
        let reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(CSV_BUFFER_BYTES)
            .from_reader(Recent::new(input, 2 * CSV_BUFFER_BYTES));
        Self {
            reader,
            record: ByteRecord::new(),
            path,
            table: Table::new(options),
            open_last_field: None,
        }
    }
}

impl Iterator for CsvDocuments {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    if let Some(line) = self.open_last_field.filter(|_| self.ends_unquoted()) {
                        return Some(Err(ReadError::UnclosedQuote {
                            path: self.path.clone(),
                            line,
                            lines: None,
                        }));
                    }
                    return self.table.finish(&self.path).err().map(Err);
                }
                Err(error) => {
                    let line = self.reader.position().line();
                    let message = error.to_string();
                    // Reading bytes with flexible records, only I/O can fail; anything else is
                    // kept as its message.
                    let source = match error.into_kind() {
                        ::csv::ErrorKind::Io(source) => source,
                        _ => io::Error::new(io::ErrorKind::InvalidData, message),
                    };
                    return Some(Err(ReadError::reading(&self.path, line, source)));
                }
            }
            let line = start_line(&self.record, &self.reader);
            if let Err(error) = self.check_quoted_fields(line) {
                return Some(Err(error));
            }
            let fields = match fields(&self.record, line, &self.path) {
                Ok(record) => record,
                Err(error) => return Some(Err(error)),
            };
            match self.table.record(&fields, &self.path, line) {
                Ok(None) => continue,
                Ok(Some(document)) => return Some(Ok(document)),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

impl CsvDocuments {
    /// Stops at a field that spans more than [`MAX_FIELD_LINES`] lines, and notes where the
    /// record's last field opens when it spans lines (only a quoted field can).
    fn check_quoted_fields(&mut self, line: u64) -> Result<(), ReadError> {
        let mut opens = line;
        self.open_last_field = None;
        for (index, field) in self.record.iter().enumerate() {
            let breaks = newlines(field);
            if breaks > MAX_FIELD_LINES {
                return Err(ReadError::UnclosedQuote {
                    path: self.path.clone(),
                    line: opens,
                    lines: Some(breaks + 1),
                });
            }
            if breaks > 0 && index + 1 == self.record.len() {
                self.open_last_field = Some(opens);
            }
            opens += breaks;
        }
        Ok(())
    }

    /// Whether the input ends with something other than a quote (line breaks and blanks aside): a field
    /// that spans lines up to the end was then never closed.
    fn ends_unquoted(&self) -> bool {
        let recent = self.reader.get_ref();
        let mut at = self.reader.position().byte();
        while let Some(before) = at.checked_sub(1) {
            match recent.byte_at(before) {
                Some(b'\n' | b'\r' | b' ' | b'\t') => at = before,
                Some(byte) => return byte != b'"',
                None => return false,
            }
        }
        false
    }
}

/// The line where the record just read starts.
///
/// The record's position is where the `csv` crate started reading it, before
/// the blank lines it skips; so the line is counted back from the end: the
/// reader's line, less the line breaks inside the record and a final `\n`.
fn start_line(record: &ByteRecord, reader: &Reader<Recent<Input>>) -> u64 {
    let end = reader.position();
    let last = end.byte().checked_sub(1).and_then(|at| reader.get_ref().byte_at(at));
    let inside: u64 = record.iter().map(newlines).sum();
    let from_end = end
        .line()
        .saturating_sub(inside)
        .saturating_sub(u64::from(last == Some(b'\n')));
    record.position().map_or(from_end, |start| start.line().max(from_end))
}

/// The fields of `record`, which starts at `path:line`, as text.
fn fields<'a>(record: &'a ByteRecord, line: u64, path: &Path) -> Result<Vec<&'a str>, ReadError> {
    let mut fields = Vec::with_capacity(record.len());
    for (index, bytes) in record.iter().enumerate() {
        let field = text::decode(bytes).map_err(|flaw| {
            // Quoted fields may span lines: count those before this field.
            let before: u64 = record.iter().take(index).map(newlines).sum();
            flaw.at(path, line.saturating_add(before))
        })?;
        fields.push(field);
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use crate::testing::{labeled, read_error, read_ok, Fixture};
    use crate::{ReadError, ReadOptions};

    #[test]
    fn quoted_fields_span_lines() {
        let fixture = Fixture::new();
        let path = fixture.write(
            "a.csv",
            "label,text,conflict\n\
             pro,\"Talks, \"\"at last\"\",\nresume.\",gaza\n\
             \n\
             anti,plain,ukraine\n",
        );
        let documents = read_ok(&path, &labeled());
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].text, "Talks, \"at last\",\nresume.");
        assert_eq!(documents[0].fields["conflict"], "gaza");
        assert_eq!((documents[0].source.line, documents[0].source.row), (2, Some(1)));
        assert_eq!(documents[1].text, "plain");
        assert_eq!((documents[1].source.line, documents[1].source.row), (5, Some(2)));
        assert_eq!(documents[1].id, format!("{}:2", path.display()));
    }

    #[test]
    fn a_quote_never_closed_is_an_error_naming_the_line_where_it_opens() {
        let fixture = Fixture::new();
        let mut never_closed = String::from("label,text\npro,fine\nanti,\"Shelling\nresumed at dawn\n");
        for row in 0..1000 {
            never_closed.push_str(&format!("pro,row {row}\n"));
        }
        let too_long = format!(
            "label,text\npro,ok\nanti,\"{}\"\npro,after\n",
            "x\n".repeat(super::MAX_FIELD_LINES as usize + 1)
        );
        for (name, csv, lines) in [("a.csv", never_closed, None), ("b.csv", too_long, Some(10_002))] {
            let error = read_error(&fixture.write(name, &csv), &labeled());
            assert!(
                matches!(&error, ReadError::UnclosedQuote { line: 3, lines: found, .. } if *found == lines),
                "{name}: {error}"
            );
        }
        // Closed at the very end (blanks after it): read as written.
        let closed = fixture.write("c.csv", "label,text\npro,\"two\nlines\"  \n\n");
        assert_eq!(read_ok(&closed, &labeled())[0].text, "two\nlines  ");
        // Left open on the last line, swallowing no row: read as the csv crate does.
        let open = fixture.write("d.csv", "label,text\npro,ok\nanti,\"the last line");
        assert_eq!(read_ok(&open, &labeled())[1].text, "the last line");
    }

    #[test]
    fn a_nul_byte_names_its_line_inside_a_quoted_field() {
        let fixture = Fixture::new();
        let path = fixture.write("a.csv", b"label,text\npro,ok\nanti,\"two\nlines\nand a \0\"\n");
        let error = read_error(&path, &labeled());
        assert!(matches!(error, ReadError::Binary { line: 5, .. }), "{error}");
    }

    #[test]
    fn lines_are_exact_across_blank_lines_and_line_ends() {
        // Rows of every shape, far past the reader's buffer: each document's
        // line must be where its record starts.
        let mut csv = String::from("text,label\n");
        let mut expected = Vec::new();
        let mut line = 2;
        for row in 0..30_000u64 {
            let (blank, end) = match row % 5 {
                0 => ("", "\n"),
                1 => ("\n\n", "\r\n"),
                2 => ("\r\n", "\n"),
                3 => ("", "\r\n"),
                _ => ("\n", "\n"),
            };
            csv.push_str(blank);
            line += blank.matches('\n').count() as u64;
            expected.push(line);
            let text = if row % 3 == 0 {
                "\"multi\nline\r\ntext\""
            } else {
                "plain"
            };
            csv.push_str(&format!("{text},pos{end}"));
            line += text.matches('\n').count() as u64 + 1;
        }
        csv.push_str("\n\"last\nrow\",pos");
        expected.push(line + 1);
        let fixture = Fixture::new();
        let path = fixture.write("a.csv", csv);
        let lines: Vec<u64> = read_ok(&path, &labeled())
            .iter()
            .map(|document| document.source.line)
            .collect();
        assert_eq!(lines.len(), expected.len());
        assert!(
            lines == expected,
            "first difference at row {:?}",
            lines.iter().zip(&expected).position(|(a, b)| a != b)
        );
    }

    #[test]
    fn bom_crlf_and_id_column() {
        let fixture = Fixture::new();
        let path = fixture.write("a.csv", "\u{feff}id,text,label\r\n7, good ,pos\r\n");
        let documents = read_ok(&path, &labeled());
        assert_eq!(documents[0].id, "7");
        assert_eq!(documents[0].text, " good ");
        assert_eq!(documents[0].label.as_deref(), Some("pos"));
        assert!(documents[0].fields.is_empty());
    }

    #[test]
    fn field_counts_must_match_the_header() {
        let fixture = Fixture::new();
        let path = fixture.write("a.csv", "label,text\npos,ok\n\"neg\nx\",a,b\n");
        let error = read_error(&path, &labeled());
        assert!(
            matches!(
                error,
                ReadError::FieldCount {
                    line: 3,
                    expected: 2,
                    found: 3,
                    ..
                }
            ),
            "{error}"
        );
        let path = fixture.write("b.csv", "label,text\npos\n");
        assert!(matches!(
            read_error(&path, &labeled()),
            ReadError::FieldCount { line: 2, found: 1, .. }
        ));
    }

    #[test]
    fn invalid_utf8_names_the_line_inside_a_record() {
        let fixture = Fixture::new();
        let path = fixture.write("a.csv", b"text,label\n\"one\ntwo\",\"\n\xff\"\n");
        let error = read_error(&path, &ReadOptions::default());
        assert!(matches!(error, ReadError::InvalidUtf8 { line: 4, .. }), "{error}");
        let path = fixture.write("b.csv", b"text\nok\n\"a\0\"\n");
        assert!(matches!(
            read_error(&path, &ReadOptions::default()),
            ReadError::Binary { line: 3, .. }
        ));
    }

    #[test]
    fn missing_column_and_header() {
        let fixture = Fixture::new();
        let path = fixture.write("a.csv", "body,label\nx,pos\n");
        let error = read_error(&path, &labeled());
        assert_eq!(
            error.to_string(),
            format!("{}:1: no column `text`; columns found: body, label", path.display())
        );
        let path = fixture.write("b.csv", "");
        assert!(matches!(read_error(&path, &labeled()), ReadError::MissingHeader { .. }));
    }
}
