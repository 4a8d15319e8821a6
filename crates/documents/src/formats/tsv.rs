//! TSV: a header row, fields split on tabs, no quoting.

use std::sync::Arc;

use crate::lines::LineReader;
use crate::table::Table;
use crate::{Document, ReadError, ReadOptions};

/// The documents of a TSV input. Empty lines are skipped.
pub(crate) struct TsvDocuments {
    lines: LineReader,
    table: Table,
}

impl TsvDocuments {
    /// Reads `lines` with `options`.
    pub(crate) fn new(lines: LineReader, options: Arc<ReadOptions>) -> Self {
        Self {
            lines,
            table: Table::new(options),
        }
    }
}

impl Iterator for TsvDocuments {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let line = match self.lines.next_line() {
                None => return self.table.finish(self.lines.path()).err().map(Err),
                Some(Err(error)) => return Some(Err(error)),
                Some(Ok(line)) => line,
            };
            if line.text.is_empty() {
                continue;
            }
            let values: Vec<&str> = line.text.split('\t').collect();
            match self.table.record(&values, line.path, line.number) {
                Ok(None) => continue,
                Ok(Some(document)) => return Some(Ok(document)),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::write::GzEncoder;
    use flate2::Compression;

    use crate::testing::{labeled, read_error, read_ok, Fixture};
    use crate::{read_documents, LabelMap, Location, ReadError, ReadOptions};

    #[test]
    fn reads_rows_with_ids_fields_and_locations() {
        let fixture = Fixture::new();
        let path = fixture.write(
            "news.tsv",
            "id\tlabel\ttext\tconflict\n\
             a1\tpro\tTalks \"resume\".\tgaza\n\
             \n\
             \tanti\tShelling goes on. \tukraine\n",
        );
        let documents = read_ok(&path, &labeled());
        assert_eq!(documents.len(), 2);
        let first = &documents[0];
        assert_eq!(first.id, "a1");
        assert_eq!(first.text, "Talks \"resume\".", "quotes are literal");
        assert_eq!(first.label.as_deref(), Some("pro"));
        assert_eq!(first.fields.len(), 1);
        assert_eq!(first.fields["conflict"], "gaza");
        assert_eq!(
            first.source,
            Location {
                path: path.clone(),
                line: 2,
                row: Some(1)
            }
        );
        let second = &documents[1];
        assert_eq!(second.id, format!("{}:2", path.display()), "empty id: generated");
        assert_eq!(second.text, "Shelling goes on. ", "text kept verbatim");
        assert_eq!((second.source.line, second.source.row), (4, Some(2)));
    }

    #[test]
    fn bom_and_crlf_are_handled() {
        let fixture = Fixture::new();
        let path = fixture.write("a.tsv", "\u{feff}label\ttext\r\npos\tgood\r\nneg\tbad\r\n");
        let documents = read_ok(&path, &labeled());
        let texts: Vec<_> = documents.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["good", "bad"]);
        assert_eq!(documents[1].label.as_deref(), Some("neg"));
    }

    #[test]
    fn too_few_and_too_many_fields_are_errors() {
        let fixture = Fixture::new();
        let few = fixture.write("few.tsv", "label\ttext\npos\tok\nneg\n");
        let error = read_error(&few, &labeled());
        assert!(matches!(
            error,
            ReadError::FieldCount {
                line: 3,
                expected: 2,
                found: 1,
                ..
            }
        ));
        assert_eq!(
            error.to_string(),
            format!("{}:3: too few fields: found 1, the header has 2", few.display())
        );
        let many = fixture.write("many.tsv", "label\ttext\npos\tok\there\n");
        let error = read_error(&many, &labeled());
        assert_eq!(
            error.to_string(),
            format!("{}:2: too many fields: found 3, the header has 2", many.display())
        );
    }

    #[test]
    fn the_stream_ends_at_the_first_error() {
        let fixture = Fixture::new();
        let path = fixture.write("a.tsv", "label\ttext\npos\tok\nbad row\nneg\tnot read\n");
        let items: Vec<_> = read_documents(&path, &labeled()).unwrap().collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        assert!(items[1].is_err());
    }

    #[test]
    fn missing_columns_are_errors_listing_the_columns_found() {
        let fixture = Fixture::new();
        let path = fixture.write("a.tsv", "label\tbody\npos\tok\n");
        let error = read_error(&path, &labeled());
        assert_eq!(
            error.to_string(),
            format!("{}:1: no column `text`; columns found: label, body", path.display())
        );
        let path = fixture.write("b.tsv", "text\nok\n");
        let error = read_error(&path, &labeled());
        assert!(matches!(error, ReadError::MissingColumn { ref column, .. } if column == "label"));
        let unlabeled = read_ok(&path, &ReadOptions::default());
        assert_eq!(unlabeled[0].label, None);
    }

    #[test]
    fn other_column_names_come_from_options() {
        let fixture = Fixture::new();
        let path = fixture.write("a.tsv", "key\tstance\tbody\tlabel\nk1\tpro\tok\textra\n");
        let options = ReadOptions {
            text_column: "body".into(),
            label_column: "stance".into(),
            id_column: "key".into(),
            ..labeled()
        };
        let documents = read_ok(&path, &options);
        assert_eq!(documents[0].id, "k1");
        assert_eq!(documents[0].text, "ok");
        assert_eq!(documents[0].label.as_deref(), Some("pro"));
        assert_eq!(documents[0].fields["label"], "extra");
    }

    #[test]
    fn headers_missing_or_repeated_are_errors() {
        let fixture = Fixture::new();
        let empty = fixture.write("empty.tsv", "\n\n");
        assert!(matches!(
            read_error(&empty, &labeled()),
            ReadError::MissingHeader { .. }
        ));
        let header_only = fixture.write("header.tsv", "label\ttext\n");
        assert!(read_ok(&header_only, &labeled()).is_empty());
        let repeated = fixture.write("repeated.tsv", "text\tlabel\ttext\n");
        assert!(matches!(
            read_error(&repeated, &labeled()),
            ReadError::DuplicateColumn { line: 1, ref column, .. } if column == "text"
        ));
    }

    #[test]
    fn a_wide_header_is_checked_in_linear_time() {
        let fixture = Fixture::new();
        let names: Vec<String> = (0..100_000).map(|i| format!("c{i}")).collect();
        let header = names.join("\t");
        let row = vec!["x"; names.len()].join("\t");
        let path = fixture.write("wide.tsv", format!("{header}\ttext\n{row}\tok\n"));
        let documents = read_ok(&path, &ReadOptions::default());
        assert_eq!(documents[0].fields.len(), 100_000);
        let path = fixture.write("repeated.tsv", format!("{header}\ttext\tc99999\n"));
        assert!(matches!(
            read_error(&path, &ReadOptions::default()),
            ReadError::DuplicateColumn { ref column, .. } if column == "c99999"
        ));
    }

    #[test]
    fn a_header_read_with_the_wrong_separator_gets_a_hint() {
        let fixture = Fixture::new();
        let path = fixture.write("a.tsv", "label,text\npos,ok\n");
        assert_eq!(
            read_error(&path, &labeled()).to_string(),
            format!(
                "{}:1: no column `text`; columns found: label,text; the header looks comma-separated: \
                 is the input CSV? (name it .csv or pass --input-format csv)",
                path.display()
            )
        );
        let path = fixture.write("b.csv", "label\ttext\npos\tok\n");
        let error = read_error(&path, &labeled()).to_string();
        assert!(
            error.ends_with(
                "columns found: label\\ttext; the header looks tab-separated: is the input TSV? \
                             (name it .tsv or pass --input-format tsv)"
            ),
            "{error}"
        );
        let path = fixture.write("c.tsv", "label\tbody\rpos\tok\r");
        let error = read_error(&path, &labeled()).to_string();
        assert!(
            error.ends_with(
                "columns found: label, body\\rpos, ok; the lines seem to end with a lone \\r \
                             (convert the line ends to \\n)"
            ),
            "{error}"
        );
    }

    #[test]
    fn invalid_utf8_and_nul_name_the_line() {
        let fixture = Fixture::new();
        let path = fixture.write("a.tsv", b"label\ttext\npos\tok\npos\tbad \xff byte\n");
        let error = read_error(&path, &labeled());
        assert!(matches!(error, ReadError::InvalidUtf8 { line: 3, .. }), "{error}");
        let path = fixture.write("b.tsv", b"label\ttext\npos\tnul\0\n");
        let error = read_error(&path, &labeled());
        assert_eq!(
            error.to_string(),
            format!("{}:2: NUL byte in text (binary file?)", path.display())
        );
    }

    #[test]
    fn labels_are_trimmed_required_and_renamed() {
        let fixture = Fixture::new();
        let path = fixture.write("a.tsv", "label\ttext\n pos \tgood\nPos\tbad\n \tnone\n");
        let options = ReadOptions {
            label_map: "pos=positive".parse::<LabelMap>().unwrap(),
            ..ReadOptions::default()
        };
        let labels: Vec<_> = read_ok(&path, &options).into_iter().map(|d| d.label).collect();
        assert_eq!(labels, [Some("positive".to_string()), Some("Pos".to_string()), None]);
        let error = read_error(&path, &labeled());
        assert_eq!(
            error.to_string(),
            format!("{}:4: missing or empty label", path.display())
        );
    }

    #[test]
    fn empty_texts_are_kept_and_counted() {
        let fixture = Fixture::new();
        let path = fixture.write("a.tsv", "label\ttext\npos\t\nneg\t  \npos\tok\n");
        let mut documents = read_documents(&path, &labeled()).unwrap();
        let texts: Vec<_> = documents.by_ref().map(|d| d.unwrap().text).collect();
        assert_eq!(texts, ["", "  ", "ok"]);
        let stats = documents.stats();
        assert_eq!((stats.inputs, stats.documents, stats.empty_texts), (1, 3, 2));
    }

    #[test]
    fn gzip_is_read_by_extension_and_by_magic() {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder
            .write_all("\u{feff}label\ttext\npos\tpacked\n".as_bytes())
            .unwrap();
        let packed = encoder.finish().unwrap();
        let fixture = Fixture::new();
        for name in ["a.tsv.gz", "b.tsv"] {
            let path = fixture.write(name, &packed);
            let documents = read_ok(&path, &labeled());
            assert_eq!(documents[0].text, "packed", "{name}");
            assert_eq!(documents[0].id, format!("{}:1", path.display()));
        }
        let broken = fixture.write("c.tsv.gz", &packed[..packed.len() - 12]);
        assert!(matches!(read_error(&broken, &labeled()), ReadError::Io { .. }));
    }

    #[test]
    fn a_100_mb_line_is_read() {
        let fixture = Fixture::new();
        let text = "x".repeat(100 << 20);
        let path = fixture.write("long.tsv", format!("label\ttext\npos\t{text}\nneg\tshort\n"));
        let documents = read_ok(&path, &labeled());
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].text.len(), 100 << 20);
        assert_eq!(documents[1].text, "short");
    }
}
