//! Property: no bytes make model loading panic or hang. The small real models of
//! `stance_model_mutations::base_models` (every file format, full and compact) are mutated by
//! edit scripts (bytes set, flipped, inserted, deleted, truncated, huge varints, special floats,
//! copied runs) and loaded, mostly behind a refreshed header (length and CRC-32 recomputed) so
//! that the decoder and the checks after it meet the damage rather than the checksum. A model that
//! loads must work (`load_and_use`). The fuzz target `model_mutations` (fuzz/, cargo-fuzz) runs
//! the same engine for longer.

use std::path::Path;

use proptest::prelude::*;
use stance_model::{Classifier, ModelForm, FORMAT_VERSION};
use stance_model_mutations::{base_models, edited_payload, with_header, Edit, HEADER_LEN, SPECIAL_FLOATS};

fn models() -> &'static [Vec<u8>] {
    base_models()
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
        (at.clone(), prop::sample::select(SPECIAL_FLOATS.to_vec())).prop_map(|(a, x)| Edit::Float(a, x)),
        (at.clone(), at, 1usize..24).prop_map(|(a, b, n)| Edit::Copy(a, b, n)),
    ]
}

/// [`stance_model_mutations::load_and_use`], failing the property on a broken model.
fn load_and_use(bytes: &[u8]) -> Result<(), TestCaseError> {
    stance_model_mutations::load_and_use(bytes).map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn mutated_models_load_or_fail_but_never_panic(
        which in 0..models().len(),
        edits in prop::collection::vec(edit(), 1..6),
        refresh_header in prop::bool::weighted(0.9),
    ) {
        let model = &models()[which];
        let bytes = if refresh_header {
            edited_payload(model, &edits)
        } else {
            let mut bytes = model.clone();
            edits.iter().for_each(|edit| edit.apply(&mut bytes));
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
        load_and_use(&with_header(version, form, &payload))?;
        load_and_use(&payload)?;
    }
}

#[test]
fn the_base_models_cover_every_file_format() {
    let versions: std::collections::BTreeSet<u32> = models()
        .iter()
        .map(|bytes| u32::from_le_bytes(bytes[8..12].try_into().unwrap()))
        .collect();
    assert_eq!(versions, (1..=FORMAT_VERSION).collect());
}

#[test]
fn fuzzer_records_name_every_edit() {
    let kinds: std::collections::BTreeSet<String> = (0u8..8)
        .map(|op| format!("{:?}", Edit::from_record([0, 0x80, op, 7])))
        .map(|edit| edit.split('(').next().unwrap().to_string())
        .collect();
    assert_eq!(kinds.len(), 8);
    assert_eq!(Edit::script(&[1, 2, 3, 4, 5, 6]).len(), 1);
    let mut bytes = vec![1, 2, 3, 4];
    Edit::from_record([0xff, 0xff, 4, 0]).apply(&mut bytes);
    assert_eq!(bytes, [1, 2, 3]);
}

#[test]
fn unmutated_models_load_and_work() {
    for bytes in models() {
        assert!(Classifier::from_bytes(bytes, Path::new("model")).is_ok());
        stance_model_mutations::load_and_use(bytes).unwrap();
    }
}

/// The payload of `bytes` with every 8-byte occurrence of each of `weights` replaced by `by`,
/// behind a refreshed header.
fn with_weights_replaced(bytes: &[u8], weights: &[f64], by: f64) -> Vec<u8> {
    let mut payload = bytes[HEADER_LEN..].to_vec();
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
    with_header(
        u32::from_le_bytes(bytes[8..12].try_into().unwrap()),
        bytes[12],
        &payload,
    )
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
            stance_model_mutations::load_and_use(&damaged.to_bytes(form).unwrap()).unwrap();
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
