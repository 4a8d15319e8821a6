//! What the fuzz targets share: feeding bytes to a reader and feature settings from a byte. The
//! model targets use `stance_model_mutations` (crates/model-mutations), the engine the property
//! tests use too: its base models, edit scripts, headers and `load_and_use`.
//!
//! | target | input | checks |
//! |---|---|---|
//! | `featurizer` | settings byte + any bytes (lossy UTF-8) | analyzer, batched analysis = whole analysis, fit + transform |
//! | `read_tsv`, `read_csv`, `read_jsonl`, `read_fasttext`, `read_txt` | option byte + any bytes, written to a file | every item a document or an error naming the file; document invariants |
//! | `model_bytes` | any bytes, raw or behind a valid header (length, CRC) | `Classifier::from_bytes` errors or loads; a loaded model is used |
//! | `model_mutations` | an edit script applied to one of the base models (every file format) | the same, on bytes close to a valid model |
//!
//! Every failed check panics, which libFuzzer reports as a crash.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use stance_documents::{read_documents, InputFormat, ReadOptions};
use stance_features::{
    AnalyzerConfig, FeatureConfig, Language, NgramRange, NormalizerConfig, NumberPolicy, PruningConfig, StopWords,
    TermWeighting, TokenizerConfig, WeightingConfig,
};

/// The directory the reader targets write their input file in (in memory when `/dev/shm` is).
fn scratch_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = Path::new("/dev/shm");
        let base = if base.is_dir() {
            base.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("stance-fuzz-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a scratch directory");
        dir
    })
}

/// Writes `data` (after its first byte, which picks the options) to a file named for `format`
/// and reads it to the end, checking every item.
///
/// Option bits: 0 labels required, 1 label map `a=b,x=y`, 2 text column `body`, 3 `.gz` name,
/// 4 format given by `--input-format` instead of the extension (the file is named `.data`).
pub fn read_bytes(format: InputFormat, data: &[u8]) {
    let (flags, contents) = match data.split_first() {
        Some((flags, contents)) => (*flags, contents),
        None => (0, data),
    };
    let mut options = ReadOptions {
        require_label: flags & 1 != 0,
        ..ReadOptions::default()
    };
    if flags & 2 != 0 {
        options.label_map = "a=b,x=y".parse().expect("a label map");
    }
    if flags & 4 != 0 {
        options.text_column = "body".into();
    }
    let mut name = if flags & 16 != 0 {
        options.format = Some(format);
        "input.data".to_string()
    } else {
        format!("input.{}", format.name())
    };
    if flags & 8 != 0 {
        name.push_str(".gz");
    }
    let path = scratch_dir().join(name);
    fs::write(&path, contents).expect("write the input");
    let documents = match read_documents(&path, &options) {
        Ok(documents) => documents,
        Err(error) => {
            // Only path problems come before reading; this path exists and is a file.
            panic!("read_documents failed before reading: {error}");
        }
    };
    let mut items = 0usize;
    let mut last_line = 0;
    let mut failed = false;
    for item in documents {
        assert!(!failed, "an item after an error");
        items += 1;
        assert!(items <= contents.len() + 1, "more items than bytes");
        match item {
            Ok(document) => {
                assert_eq!(document.source.path, path);
                assert!(document.source.line >= last_line.max(1), "lines go back");
                last_line = document.source.line;
                assert!(!document.text.contains('\0'), "a NUL in a text");
                if let Some(label) = &document.label {
                    assert!(!label.is_empty(), "an empty label");
                    assert_eq!(label.trim(), label, "an untrimmed label");
                } else {
                    assert!(!options.require_label, "a missing label when required");
                }
                assert!(!document.id.is_empty(), "an empty id");
            }
            Err(error) => {
                failed = true;
                assert_eq!(error.path(), path.as_path());
                assert!(error.to_string().starts_with(&path.display().to_string()), "{error}");
            }
        }
    }
    if format == InputFormat::Txt && !failed {
        assert_eq!(items, 1, "a text file is one document");
    }
}

/// The feature settings picked by one byte: n-gram range, stemmer, stop words, numbers, accents,
/// negation and weighting all vary.
pub fn config_from_byte(byte: u8, language: u8) -> FeatureConfig {
    let languages = Language::ALL;
    let stemmer = match language as usize % (languages.len() + 1) {
        0 => None,
        i => Some(languages[i - 1]),
    };
    let numbers = [NumberPolicy::Keep, NumberPolicy::Drop, NumberPolicy::Token][(byte & 3) as usize % 3];
    let max_n = 1 + ((byte >> 2) & 3) as usize;
    let mut analyzer = AnalyzerConfig {
        tokenizer: TokenizerConfig { numbers },
        normalizer: NormalizerConfig {
            fold_accents: byte & 16 != 0,
        },
        stopwords: if byte & 32 != 0 {
            StopWords::English
        } else {
            StopWords::None
        },
        stemmer,
        ngrams: NgramRange::new(1 + (byte >> 7) as usize % max_n, max_n).expect("a valid range"),
        ..AnalyzerConfig::default()
    };
    analyzer.negation.enabled = byte & 64 == 0;
    let scheme = [
        TermWeighting::Count,
        TermWeighting::Binary,
        TermWeighting::Log,
        TermWeighting::TfIdf,
    ][(language >> 5) as usize % 4];
    FeatureConfig {
        analyzer,
        pruning: PruningConfig::default(),
        weighting: WeightingConfig {
            scheme,
            l2_normalize: false,
        },
    }
}
