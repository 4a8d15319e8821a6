//! Damaged model files, for the property tests (`tests/mutated_models.rs`) and the fuzz targets
//! (`fuzz/`, cargo-fuzz): one engine, so that both meet the same models and the same damage.
//!
//! - [`base_models`]: small real models in every file format (1 to 4), full and compact, so that
//!   mutations meet every optional part (IDF, given priors, complement weights, both calibrations,
//!   scope rules, a lead);
//! - [`Edit`] and [`Edit::apply`]: bytes set, flipped, inserted, deleted, truncated, huge varints,
//!   special floats, copied runs; [`Edit::from_record`] reads one from four fuzzer bytes;
//! - [`with_header`]: a valid header (length and CRC-32 recomputed) in front of a payload, so that
//!   the decoder, not the checksum, meets the damage;
//! - [`load_and_use`]: a model that loads must work every way the command line uses one.
//!
//! ```
//! use stance_model_mutations::{base_models, load_and_use, with_header, Edit};
//!
//! let model = &base_models()[0];
//! let mut payload = model[25..].to_vec();
//! Edit::Flip(0.5, 0x10).apply(&mut payload);
//! let damaged = with_header(u32::from_le_bytes(model[8..12].try_into().unwrap()), model[12], &payload);
//! load_and_use(&damaged).expect("an error or a working model, never a broken one");
//! ```

use std::path::Path;
use std::sync::OnceLock;

use linfa::ParamGuard;
use stance_features::negation::ScopeRules;
use stance_features::{AnalyzerConfig, FeatureConfig, FunctionWordNgrams, StopWords, TermWeighting, WeightingConfig};
use stance_model::{Calibration, Classifier, ModelForm, NaiveBayesParams, Priors, Variant, MAGIC};

/// The passages the base models are trained on (and `update` adds in [`load_and_use`]).
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
        "The mediators proposed a truce and the sides refused to negotiate.",
        "negotiation",
    ),
    ("The ministry published its annual census of the population.", "neutral"),
    (
        "Rainfall was above average in the valley this spring, 3 times.",
        "neutral",
    ),
    (
        "The museum did not reopen; its exhibition of old maps moved.",
        "neutral",
    ),
];

/// The length of a model file's header.
pub const HEADER_LEN: usize = 25;

/// The bytes of ten small models, one file format or more each: count/multinomial (format 1),
/// tf-idf/complement with refusal scopes (format 3), log+L2/Bernoulli with given priors (format 1),
/// and binary/multinomial with refusal scopes, function-word n-grams dropped and a lead (format 4),
/// full and compact each; then the first one's compact form calibrated, by temperature and by
/// vector (format 2).
pub fn base_models() -> &'static [Vec<u8>] {
    static MODELS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    MODELS.get_or_init(|| {
        let given = Priors::Given(
            [("military", 0.5), ("negotiation", 0.25), ("neutral", 0.25)]
                .into_iter()
                .map(|(label, p)| (label.to_string(), p))
                .collect(),
        );
        let english = AnalyzerConfig {
            stopwords: StopWords::English,
            ..AnalyzerConfig::default()
        };
        let mut refusals = english.clone();
        refusals.negation.scope = ScopeRules::narrow_refusals();
        let mut lead = AnalyzerConfig::default();
        lead.negation.scope = ScopeRules::narrow_refusals();
        lead.function_word_ngrams = FunctionWordNgrams::Drop;
        lead.lead_words = 4;
        let settings = [
            (
                english.clone(),
                TermWeighting::Count,
                false,
                Variant::Multinomial,
                Priors::Learned,
            ),
            (
                refusals,
                TermWeighting::TfIdf,
                false,
                Variant::Complement,
                Priors::Uniform,
            ),
            (english, TermWeighting::Log, true, Variant::Bernoulli, given),
            (
                lead,
                TermWeighting::Binary,
                false,
                Variant::Multinomial,
                Priors::Learned,
            ),
        ];
        let mut models = Vec::new();
        for (analyzer, scheme, l2_normalize, variant, priors) in settings {
            let config = FeatureConfig {
                analyzer,
                weighting: WeightingConfig { scheme, l2_normalize },
                ..FeatureConfig::default()
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
        let model = Classifier::from_bytes(&models[1], Path::new("model")).expect("a model");
        let n = model.labels().len();
        let vector = Calibration::Vector {
            scale: vec![0.4; n],
            bias: (0..n).map(|c| c as f64 / 10.0).collect(),
        };
        for calibration in [Calibration::Temperature { temperature: 2.5 }, vector] {
            let calibrated = model.clone().with_calibration(calibration);
            models.push(calibrated.to_bytes(ModelForm::Compact).expect("model bytes"));
        }
        models
    })
}

/// A model file: the header as `Classifier::to_bytes` writes it (magic, `version`, `form`,
/// length, CRC-32) in front of `payload`.
pub fn with_header(version: u32, form: u8, payload: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&version.to_le_bytes());
    bytes.push(form);
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

/// `model`'s payload edited by `edits`, behind a header refreshed for it (the model's version and
/// form): what the decoder meets when the damage is inside a file whose checksum is right.
pub fn edited_payload(model: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut payload = model.get(HEADER_LEN..).unwrap_or_default().to_vec();
    edits.iter().for_each(|edit| edit.apply(&mut payload));
    let version = model
        .get(8..12)
        .map_or(1, |v| u32::from_le_bytes(v.try_into().expect("4 bytes")));
    with_header(version, model.get(12).copied().unwrap_or(0), &payload)
}

/// One edit of a byte string; positions are fractions of its length (0 to 1).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set the byte at a position.
    Set(f64, u8),
    /// XOR the byte at a position with a mask.
    Flip(f64, u8),
    /// Insert a byte.
    Insert(f64, u8),
    /// Delete a byte.
    Delete(f64),
    /// Cut the bytes from a position on.
    Truncate(f64),
    /// Insert a varint of 1 to 10 bytes (postcard writes lengths and integers so).
    Varint(f64, usize),
    /// Overwrite 8 bytes with a float (NaN, infinities, -0, huge, negative).
    Float(f64, f64),
    /// Copy a run of bytes from the second position to the first (repeats a field or a term).
    Copy(f64, f64, usize),
}

/// The floats [`Edit::from_record`] writes.
pub const SPECIAL_FLOATS: [f64; 8] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -0.0,
    f64::MAX,
    -1.0,
    0.0,
    f64::MIN_POSITIVE,
];

impl Edit {
    /// The edit four fuzzer bytes describe: a position (`u16`, little endian, as a fraction of
    /// 65,536), an operation (modulo 8) and a value.
    pub fn from_record(record: [u8; 4]) -> Self {
        let at = f64::from(u16::from_le_bytes([record[0], record[1]])) / 65_536.0;
        let value = record[3];
        match record[2] % 8 {
            0 => Edit::Set(at, value),
            1 => Edit::Flip(at, value | 1),
            2 => Edit::Insert(at, value),
            3 => Edit::Delete(at),
            4 => Edit::Truncate(at),
            5 => Edit::Varint(at, 1 + usize::from(value % 10)),
            6 => Edit::Float(at, SPECIAL_FLOATS[usize::from(value % 8)]),
            _ => Edit::Copy(at, f64::from(value) / 256.0, usize::from(value % 16) + 1),
        }
    }

    /// The edits of a fuzzer's script, four bytes each (a shorter tail is ignored).
    pub fn script(bytes: &[u8]) -> Vec<Edit> {
        bytes
            .chunks_exact(4)
            .map(|record| Edit::from_record(record.try_into().expect("4 bytes")))
            .collect()
    }

    /// Applies the edit to `bytes` (an empty string first gets one zero byte).
    pub fn apply(&self, bytes: &mut Vec<u8>) {
        if bytes.is_empty() {
            bytes.push(0);
        }
        let len = bytes.len();
        let index = |fraction: f64| ((fraction.clamp(0.0, 1.0) * len as f64) as usize).min(len - 1);
        match *self {
            Edit::Set(a, v) => bytes[index(a)] = v,
            Edit::Flip(a, mask) => bytes[index(a)] ^= mask,
            Edit::Insert(a, v) => bytes.insert(index(a), v),
            Edit::Delete(a) => {
                bytes.remove(index(a));
            }
            Edit::Truncate(a) => bytes.truncate(index(a)),
            Edit::Varint(a, n) => {
                let n = n.clamp(1, 10);
                let mut varint = vec![0xff; n];
                varint[n - 1] = 0x7f;
                let at = index(a);
                bytes.splice(at..at, varint);
            }
            Edit::Float(a, x) => {
                let at = index(a);
                let end = (at + 8).min(len);
                bytes[at..end].copy_from_slice(&x.to_le_bytes()[..end - at]);
            }
            Edit::Copy(a, b, n) => {
                let from = index(b);
                let run = bytes[from..(from + n).min(len)].to_vec();
                let at = index(a);
                bytes.splice(at..at, run);
            }
        }
    }
}

/// Loads `bytes` as a model. A file that does not load is fine; a model that loads must predict
/// (one probability per label, a label it knows), explain, list its informative terms, export
/// JSON, save and load to the same bytes, and (full form) update and merge without panicking.
/// `Err` says which of these it failed.
pub fn load_and_use(bytes: &[u8]) -> Result<(), String> {
    let Ok(model) = Classifier::from_bytes(bytes, Path::new("mutated.model")) else {
        return Ok(());
    };
    let texts = [
        "Envoys did not resume talks; artillery shelled the ridge.",
        "",
        "census census census 12 maps",
    ];
    for prediction in model.predict_batch(&texts) {
        if prediction.probabilities.len() != model.labels().len() {
            return Err(format!(
                "{} probabilities for {} labels",
                prediction.probabilities.len(),
                model.labels().len()
            ));
        }
        if !model.labels().contains(&prediction.label) {
            return Err(format!("predicted `{}`, not one of its labels", prediction.label));
        }
    }
    for text in texts {
        model.explain(text, 5);
    }
    model.most_informative_terms(5);
    model
        .to_json(ModelForm::Compact)
        .map_err(|e| format!("a loaded model does not export: {e}"))?;
    let form = if model.statistics().is_some() {
        ModelForm::Full
    } else {
        ModelForm::Compact
    };
    let again = model
        .to_bytes(form)
        .map_err(|e| format!("a loaded model does not encode: {e}"))?;
    let reloaded = Classifier::from_bytes(&again, Path::new("again.model"))
        .map_err(|e| format!("a saved model does not load: {e}"))?;
    // Bytes, not `==`: a damaged file may hold NaN weights, which are never equal to themselves.
    if reloaded.to_bytes(form).map_err(|e| e.to_string())? != again {
        return Err("a save and load changed the model".into());
    }
    if model.statistics().is_some() {
        let _ = model.clone().update(&PASSAGES[..2]).map(|m| m.predict(texts[0]));
        let _ = model.clone().merge(model).map(|m| m.predict(texts[0]));
    }
    Ok(())
}
