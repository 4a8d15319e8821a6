//! Property: no bytes make model loading panic or hang. Small real models (three settings, full
//! and compact) are mutated by edit scripts — bytes set, flipped, inserted, deleted, truncated,
//! huge varints, special floats, copied runs — and loaded, mostly behind a refreshed header (length
//! and CRC-32 recomputed) so that the decoder and the checks after it meet the damage rather than
//! the checksum. A model that loads must work: predict, explain, list its informative terms,
//! save and load to the same bytes, update and merge. The fuzz target `model_mutations`
//! (fuzz/, cargo-fuzz) runs the same scripts for longer.

use std::path::Path;
use std::sync::OnceLock;

use linfa::ParamGuard;
use proptest::prelude::*;
use stance_features::{AnalyzerConfig, FeatureConfig, StopWords, TermWeighting, WeightingConfig};
use stance_model::{Calibration, Classifier, ModelForm, NaiveBayesParams, Priors, Variant, FORMAT_VERSION, MAGIC};

const PASSAGES: [(&str, &str); 9] = [
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
        "Rainfall was above average in the valley this spring, 3 times.",
        "neutral",
    ),
    (
        "The museum did not reopen; its exhibition of old maps moved.",
        "neutral",
    ),
];

/// The bytes of six small models: count/multinomial, tf-idf/complement, log+L2/Bernoulli with
/// given priors; full and compact each.
fn models() -> &'static [Vec<u8>] {
    static MODELS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    MODELS.get_or_init(|| {
        let given: Priors = Priors::Given(
            [("military", 0.5), ("negotiation", 0.25), ("neutral", 0.25)]
                .into_iter()
                .map(|(label, p)| (label.to_string(), p))
                .collect(),
        );
        let settings = [
            (TermWeighting::Count, false, Variant::Multinomial, Priors::Learned),
            (TermWeighting::TfIdf, false, Variant::Complement, Priors::Uniform),
            (TermWeighting::Log, true, Variant::Bernoulli, given),
        ];
        let mut models = Vec::new();
        for (scheme, l2_normalize, variant, priors) in settings {
            let config = FeatureConfig {
                analyzer: AnalyzerConfig {
                    stopwords: StopWords::English,
                    ..AnalyzerConfig::default()
                },
                weighting: WeightingConfig { scheme, l2_normalize },
                ..FeatureConfig::default()
            };
            let params = NaiveBayesParams::new()
                .variant(variant)
                .priors(priors)
                .alpha(0.5)
                .check()
                .unwrap();
            let model = Classifier::train(config, &params, &PASSAGES).unwrap();
            models.push(model.to_bytes(ModelForm::Full).unwrap());
            models.push(model.to_bytes(ModelForm::Compact).unwrap());
        }
        // Format 2: calibrated models, both methods.
        let model = Classifier::from_bytes(&models[1], Path::new("model")).unwrap();
        let n = model.labels().len();
        models.push(
            model
                .clone()
                .with_calibration(Calibration::Temperature { temperature: 2.5 })
                .to_bytes(ModelForm::Compact)
                .unwrap(),
        );
        let vector = Calibration::Vector {
            scale: vec![0.4; n],
            bias: (0..n).map(|c| c as f64 / 10.0).collect(),
        };
        models.push(model.with_calibration(vector).to_bytes(ModelForm::Compact).unwrap());
        models
    })
}

/// CRC-32 (IEEE), bit by bit.
fn crc32(bytes: &[u8]) -> u32 {
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

/// A model file's header (as `Classifier::to_bytes` writes it) in front of `payload`, with the
/// format version of `model` (a model file whose payload this is, or was).
fn with_header(model: &[u8], form: u8, payload: &[u8]) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&model[8..12]);
    bytes.push(form);
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crc32(payload).to_le_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

/// One edit: where (a fraction of the length), what, with which byte.
#[derive(Debug, Clone)]
enum Edit {
    Set(f64, u8),
    Flip(f64, u8),
    Insert(f64, u8),
    Delete(f64),
    Truncate(f64),
    Varint(f64, usize),
    Float(f64, f64),
    Copy(f64, f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(a, v)| Edit::Set(a, v)),
        (at.clone(), 0u8..8).prop_map(|(a, bit)| Edit::Flip(a, 1 << bit)),
        (at.clone(), any::<u8>()).prop_map(|(a, v)| Edit::Insert(a, v)),
        at.clone().prop_map(Edit::Delete),
        at.clone().prop_map(Edit::Truncate),
        (at.clone(), 1usize..=10).prop_map(|(a, n)| Edit::Varint(a, n)),
        (
            at.clone(),
            prop::sample::select(vec![
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                -0.0,
                f64::MAX,
                -1.0,
                0.0
            ])
        )
            .prop_map(|(a, x)| Edit::Float(a, x)),
        (at.clone(), at, 1usize..24).prop_map(|(a, b, n)| Edit::Copy(a, b, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    if bytes.is_empty() {
        bytes.push(0);
    }
    let index = |fraction: f64, len: usize| ((fraction * len as f64) as usize).min(len - 1);
    let len = bytes.len();
    match *edit {
        Edit::Set(a, v) => bytes[index(a, len)] = v,
        Edit::Flip(a, bit) => bytes[index(a, len)] ^= bit,
        Edit::Insert(a, v) => bytes.insert(index(a, len), v),
        Edit::Delete(a) => {
            bytes.remove(index(a, len));
        }
        Edit::Truncate(a) => bytes.truncate(index(a, len)),
        Edit::Varint(a, n) => {
            let mut varint = vec![0xff; n];
            varint[n - 1] = 0x7f;
            let at = index(a, len);
            bytes.splice(at..at, varint);
        }
        Edit::Float(a, x) => {
            let at = index(a, len);
            let end = (at + 8).min(len);
            bytes[at..end].copy_from_slice(&x.to_le_bytes()[..end - at]);
        }
        Edit::Copy(a, b, n) => {
            let from = index(b, len);
            let run = bytes[from..(from + n).min(len)].to_vec();
            let at = index(a, len);
            bytes.splice(at..at, run);
        }
    }
}

/// Loads `bytes`; a model that loads must work every way the command line uses one.
fn load_and_use(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(model) = Classifier::from_bytes(bytes, Path::new("mutated.model")) else {
        return Ok(());
    };
    let texts = [
        "Envoys did not resume talks; artillery shelled the ridge.",
        "",
        "maps 12",
    ];
    for prediction in model.predict_batch(&texts) {
        prop_assert_eq!(prediction.probabilities.len(), model.labels().len());
    }
    for text in texts {
        model.explain(text, 3);
    }
    model.most_informative_terms(3);
    let form = if model.statistics().is_some() {
        ModelForm::Full
    } else {
        ModelForm::Compact
    };
    let again = model.to_bytes(form).unwrap();
    let reloaded = Classifier::from_bytes(&again, Path::new("again.model")).unwrap();
    prop_assert_eq!(reloaded.to_bytes(form).unwrap(), again);
    if model.statistics().is_some() {
        let _ = model.clone().update(&PASSAGES[..2]).map(|m| m.predict(texts[0]));
        let _ = model.clone().merge(model).map(|m| m.predict(texts[0]));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn mutated_models_load_or_fail_but_never_panic(
        which in 0usize..8,
        edits in prop::collection::vec(edit(), 1..6),
        refresh_header in prop::bool::weighted(0.9),
    ) {
        let model = &models()[which];
        let bytes = if refresh_header {
            let mut payload = model[25..].to_vec();
            edits.iter().for_each(|edit| apply(&mut payload, edit));
            with_header(model, model[12], &payload)
        } else {
            let mut bytes = model.clone();
            edits.iter().for_each(|edit| apply(&mut bytes, edit));
            bytes
        };
        load_and_use(&bytes)?;
    }

    #[test]
    fn arbitrary_bytes_behind_a_valid_header_never_panic(
        payload in prop::collection::vec(any::<u8>(), 0..512),
        form in 0u8..3,
        version in 1u32..=FORMAT_VERSION,
    ) {
        let mut header = MAGIC.to_vec();
        header.extend_from_slice(&version.to_le_bytes());
        load_and_use(&with_header(&header, form, &payload))?;
        load_and_use(&payload)?;
    }
}

#[test]
fn unmutated_models_load_and_work() {
    for bytes in models() {
        assert!(Classifier::from_bytes(bytes, Path::new("model")).is_ok());
        load_and_use(bytes).unwrap();
    }
}

/// The payload of `bytes` with every 8-byte occurrence of each of `weights` replaced by `by`,
/// behind a refreshed header.
fn with_weights_replaced(bytes: &[u8], weights: &[f64], by: f64) -> Vec<u8> {
    let mut payload = bytes[25..].to_vec();
    for weight in weights {
        let needle = weight.to_le_bytes();
        let mut at = 0;
        while at + 8 <= payload.len() {
            if payload[at..at + 8] == needle {
                payload[at..at + 8].copy_from_slice(&by.to_le_bytes());
                at += 8;
            } else {
                at += 1;
            }
        }
    }
    with_header(bytes, bytes[12], &payload)
}

/// Regression: a file whose weights are NaN or -inf (a damaged file with a valid checksum) loads,
/// and listing its informative terms indexed the labels with `usize::MAX` (no other class compared
/// greater than -inf): a panic in `stance inspect`.
#[test]
fn weights_that_compare_to_nothing_do_not_panic() {
    for by in [f64::NAN, f64::NEG_INFINITY, f64::INFINITY] {
        for bytes in models().iter().step_by(2) {
            let model = Classifier::from_bytes(bytes, Path::new("model")).unwrap();
            let n = model.featurizer().vocabulary().len() as u32;
            let weights: Vec<f64> = (0..n)
                .flat_map(|column| model.estimator().feature_weights(column).to_vec())
                .collect();
            let damaged = with_weights_replaced(bytes, &weights, by);
            let damaged = Classifier::from_bytes(&damaged, Path::new("damaged.model")).unwrap();
            assert!(damaged.estimator().feature_weights(0).iter().all(|w| !w.is_finite()));
            for terms in damaged.most_informative_terms(3).values() {
                assert_eq!(terms.len(), 3);
            }
            let form = if damaged.statistics().is_some() {
                ModelForm::Full
            } else {
                ModelForm::Compact
            };
            load_and_use(&damaged.to_bytes(form).unwrap()).unwrap();
        }
    }
}

/// A model file's parameters are checked as `check()` checks them: alpha 0 (which training
/// refuses) is refused at loading, or `update` would fit with it.
#[test]
fn parameters_that_training_refuses_are_refused_at_loading() {
    let bytes = &models()[0];
    let model = Classifier::from_bytes(bytes, Path::new("model")).unwrap();
    assert_eq!(model.params().alpha(), 0.5);
    let damaged = with_weights_replaced(bytes, &[0.5], 0.0);
    let error = Classifier::from_bytes(&damaged, Path::new("damaged.model")).unwrap_err();
    assert!(
        error.to_string().starts_with("damaged.model: not a valid model file: "),
        "{error}"
    );
    assert!(error.to_string().contains("alpha"), "{error}");
}
