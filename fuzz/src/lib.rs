//! What the fuzz targets share: feeding bytes to a reader, a small real model, and edit scripts
//! that mutate its bytes.
//!
//! | target | input | checks |
//! |---|---|---|
//! | `featurizer` | settings byte + any bytes (lossy UTF-8) | analyzer, batched analysis = whole analysis, fit + transform |
//! | `read_tsv`, `read_csv`, `read_jsonl`, `read_fasttext`, `read_txt` | option byte + any bytes, written to a file | every item a document or an error naming the file; document invariants |
//! | `model_bytes` | any bytes, raw or behind a valid header (length, CRC) | `Classifier::from_bytes` errors or loads; a loaded model is used |
//! | `model_mutations` | an edit script applied to a real model built at start | the same, on bytes close to a valid model |
//!
//! Every failed check panics, which libFuzzer reports as a crash.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use linfa::ParamGuard;
use stance_documents::{read_documents, InputFormat, ReadOptions};
use stance_features::{
    AnalyzerConfig, DocFrequency, FeatureConfig, Language, NgramRange, NormalizerConfig, NumberPolicy, PruningConfig,
    StopWords, TermWeighting, TokenizerConfig, WeightingConfig,
};
use stance_model::{Classifier, ModelForm, NaiveBayesParams, Priors, Variant};

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

/// Invented training passages, three labels.
pub const PASSAGES: [(&str, &str); 9] = [
    (
        "Artillery shelled the northern ridge overnight and troops advanced.",
        "military",
    ),
    (
        "The army launched air strikes on rebel positions near the border.",
        "military",
    ),
    ("Drones struck a convoy while infantry stormed the hills.", "military"),
    ("Envoys met in Geneva to resume peace talks.", "negotiation"),
    (
        "Both delegations signed a ceasefire agreement after mediation.",
        "negotiation",
    ),
    (
        "The mediators proposed a truce and the sides agreed to negotiate.",
        "negotiation",
    ),
    ("The ministry published its annual census of the population.", "neutral"),
    (
        "Rainfall was above average in the valley this spring, officials said 3 times.",
        "neutral",
    ),
    (
        "The museum did not reopen; its exhibition of old maps moved.",
        "neutral",
    ),
];

/// The bytes of small real models, built once: full and compact forms of a few settings, so
/// mutations meet every optional part (IDF, float sums, given priors, complement weights).
pub fn base_models() -> &'static [Vec<u8>] {
    static MODELS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    MODELS.get_or_init(|| {
        let settings = [
            (TermWeighting::Count, false, Variant::Multinomial, Priors::Learned),
            (TermWeighting::TfIdf, false, Variant::Complement, Priors::Uniform),
            (
                TermWeighting::Log,
                true,
                Variant::Bernoulli,
                Priors::Given(
                    [("military", 0.5), ("negotiation", 0.25), ("neutral", 0.25)]
                        .into_iter()
                        .map(|(label, p)| (label.to_string(), p))
                        .collect(),
                ),
            ),
        ];
        let mut models = Vec::new();
        for (scheme, l2_normalize, variant, priors) in settings {
            let config = FeatureConfig {
                analyzer: AnalyzerConfig {
                    stopwords: StopWords::English,
                    ..AnalyzerConfig::default()
                },
                pruning: PruningConfig {
                    min_df: DocFrequency::Count(1),
                    ..PruningConfig::default()
                },
                weighting: WeightingConfig { scheme, l2_normalize },
            };
            let params = NaiveBayesParams::new()
                .variant(variant)
                .priors(priors)
                .alpha(0.5)
                .check()
                .expect("valid parameters");
            let model = Classifier::train(config, &params, &PASSAGES).expect("a model");
            for form in [ModelForm::Full, ModelForm::Compact] {
                models.push(model.to_bytes(form).expect("model bytes"));
            }
        }
        models
    })
}

/// The header of a model file around `payload`: magic, version, form, length and CRC-32 as
/// `Classifier::to_bytes` writes them, so the decoder, not the checksum, meets the payload.
pub fn with_valid_header(version: u32, form: u8, payload: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(25 + payload.len());
    bytes.extend_from_slice(stance_model::MAGIC);
    bytes.extend_from_slice(&version.to_le_bytes());
    bytes.push(form);
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crc32_ieee(payload).to_le_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

/// CRC-32 (IEEE), bit by bit: small inputs only.
fn crc32_ieee(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Applies an edit script to `bytes`: each 4-byte record is `position (u16 LE, modulo the length),
/// operation, value`. Operations: set, xor, insert, delete, truncate, insert a large varint, set a
/// 64-bit float to a special value (NaN, infinities, -0, huge, negative).
pub fn apply_edits(bytes: &mut Vec<u8>, script: &[u8]) {
    for record in script.chunks_exact(4) {
        if bytes.is_empty() {
            bytes.push(0);
        }
        let at = usize::from(u16::from_le_bytes([record[0], record[1]])) % bytes.len();
        let value = record[3];
        match record[2] % 8 {
            0 => bytes[at] = value,
            1 => bytes[at] ^= value | 1,
            2 => bytes.insert(at, value),
            3 => {
                bytes.remove(at);
            }
            4 => bytes.truncate(at),
            5 => {
                // A varint of 1 to 10 bytes, as postcard writes lengths and integers.
                let n = 1 + usize::from(value % 10);
                let mut varint = vec![0xff; n];
                varint[n - 1] = value & 0x7f;
                bytes.splice(at..at, varint);
            }
            6 => {
                let special = [
                    f64::NAN,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    -0.0,
                    f64::MAX,
                    -1.0,
                    0.0,
                    f64::MIN_POSITIVE,
                ][usize::from(value % 8)];
                let end = (at + 8).min(bytes.len());
                let le = special.to_le_bytes();
                bytes[at..end].copy_from_slice(&le[..end - at]);
            }
            _ => {
                // Copy a run of bytes from elsewhere (repeats a field or a term).
                let from = usize::from(value) * 7 % bytes.len();
                let len = (usize::from(value % 16) + 1).min(bytes.len() - from);
                let run = bytes[from..from + len].to_vec();
                bytes.splice(at..at, run);
            }
        }
    }
}

/// Loads `bytes` as a model; a model that loads is then used every way the CLI uses one, and
/// must survive a save and load unchanged.
pub fn load_and_use(bytes: &[u8]) {
    let Ok(model) = Classifier::from_bytes(bytes, Path::new("fuzzed.model")) else {
        return;
    };
    let texts = [
        "Envoys did not resume talks; artillery shelled the ridge.",
        "",
        "census census census 12 maps",
    ];
    for prediction in model.predict_batch(&texts) {
        assert_eq!(prediction.probabilities.len(), model.labels().len());
        assert!(model.labels().contains(&prediction.label));
    }
    for text in texts {
        let _ = model.explain(text, 5);
    }
    let _ = model.most_informative_terms(5);
    let _ = model.to_json(ModelForm::Compact);
    let form = if model.statistics().is_some() {
        ModelForm::Full
    } else {
        ModelForm::Compact
    };
    let again = model.to_bytes(form).expect("a loaded model encodes");
    let reloaded = Classifier::from_bytes(&again, Path::new("again.model")).expect("a saved model loads");
    // Bytes, not `==`: a damaged file may hold NaN weights, which are never equal to themselves.
    assert_eq!(
        reloaded.to_bytes(form).expect("encodes"),
        again,
        "a save and load changed the model"
    );
    if model.statistics().is_some() {
        let _ = model.clone().update(&PASSAGES[..2]).map(|m| m.predict(texts[0]));
        let _ = model.clone().merge(model).map(|m| m.predict(texts[0]));
    }
}
