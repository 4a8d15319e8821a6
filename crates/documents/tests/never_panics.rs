//! Property: no input bytes make a reader panic or loop, in any format,
//! plain or gzipped; every item is a document or an error naming the file.

use std::fs;
use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use proptest::prelude::*;
use stance_documents::{read_documents, InputFormat, ReadOptions};

/// Pieces that reach the readers' edge cases more often than random bytes do.
fn tricky_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"text".to_vec()),
        Just(b"label".to_vec()),
        Just(b"id".to_vec()),
        Just(b"\t".to_vec()),
        Just(b",".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"{\"text\":".to_vec()),
        Just(b"\"label\":".to_vec()),
        Just(b"}".to_vec()),
        Just(b"__label__".to_vec()),
        Just(b"\\u0000".to_vec()),
        Just(vec![0]),
        Just(vec![0xff]),
        Just(vec![0x1f, 0x8b]),
        Just("é".as_bytes().to_vec()),
        proptest::collection::vec(any::<u8>(), 0..8),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![proptest::collection::vec(any::<u8>(), 0..512), tricky_bytes()]
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in any_input(),
        format in proptest::sample::select(InputFormat::ALL.to_vec()),
        compressed in any::<bool>(),
        truncate in any::<bool>(),
        require_label in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut contents = if compressed { gzip(&bytes) } else { bytes };
        if truncate {
            contents.truncate(contents.len() / 2);
        }
        let path = dir.path().join(format!("input.{}", format.name()));
        fs::write(&path, &contents).unwrap();
        let options = ReadOptions { format: Some(format), require_label, ..ReadOptions::default() };
        let documents = read_documents(&path, &options).unwrap();
        let mut items = 0usize;
        for item in documents {
            items += 1;
            prop_assert!(items <= contents.len() + 1, "more items than bytes");
            if let Err(error) = item {
                prop_assert_eq!(error.path(), path.as_path());
                prop_assert!(error.to_string().starts_with(&path.display().to_string()));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The same, with the other reading options varied: a label map, other column names, the
    /// format given instead of read from the extension. Documents hold no NUL, their labels are
    /// trimmed and present when required, their lines never go back, and nothing follows an error.
    #[test]
    fn arbitrary_bytes_with_any_options_never_panic(
        bytes in any_input(),
        format in proptest::sample::select(InputFormat::ALL.to_vec()),
        require_label in any::<bool>(),
        label_map in any::<bool>(),
        text_column in proptest::sample::select(vec!["text", "label", "body", ""]),
        named_by_extension in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = if named_by_extension {
            dir.path().join(format!("input.{}", format.name()))
        } else {
            dir.path().join("input.data")
        };
        fs::write(&path, &bytes).unwrap();
        let mut options = ReadOptions {
            format: (!named_by_extension).then_some(format),
            require_label,
            text_column: text_column.to_string(),
            ..ReadOptions::default()
        };
        if label_map {
            options.label_map = "a=b, text = label".parse().unwrap();
        }
        let mut last_line = 0;
        let mut failed = false;
        for item in read_documents(&path, &options).unwrap() {
            prop_assert!(!failed, "an item after an error");
            match item {
                Ok(document) => {
                    prop_assert!(!document.text.contains('\0'));
                    prop_assert!(document.source.line >= last_line.max(1));
                    last_line = document.source.line;
                    prop_assert!(!document.id.is_empty());
                    match &document.label {
                        Some(label) => prop_assert!(!label.is_empty() && label.trim() == label),
                        None => prop_assert!(!require_label),
                    }
                }
                Err(error) => {
                    failed = true;
                    prop_assert_eq!(error.path(), path.as_path());
                }
            }
        }
    }
}
