//! Merge, update, determinism and model files.

use std::path::Path;

use linfa::ParamGuard;
use stance_features::{AnalyzerConfig, DocFrequency, FeatureConfig, PruningConfig, TermWeighting, WeightingConfig};
use stance_model::{Classifier, ModelError, ModelForm, NaiveBayesParams, Variant, FORMAT_VERSION};

const SHARD_A: [(&str, &str); 6] = [
    (
        "The army launched air strikes on rebel positions overnight.",
        "military",
    ),
    (
        "Troops stormed the militant stronghold after a week-long siege.",
        "military",
    ),
    ("Envoys met in Geneva for a new round of peace talks.", "negotiation"),
    ("Both sides agreed to extend the ceasefire by a month.", "negotiation"),
    ("Floods displaced thousands of families in the delta.", "neutral"),
    ("The central bank left interest rates unchanged.", "neutral"),
];
const SHARD_B: [(&str, &str); 5] = [
    (
        "The president vowed to crush the insurgents with a new offensive.",
        "military",
    ),
    (
        "Mediators proposed a prisoner exchange to revive the talks.",
        "negotiation",
    ),
    (
        "The government refused to order an offensive and urged dialogue.",
        "negotiation",
    ),
    ("Voters queued for hours at polling stations on Sunday.", "neutral"),
    (
        "Artillery shelled the outskirts of the city as the truce collapsed.",
        "military",
    ),
];
const PROBES: [&str; 4] = [
    "Rebels rejected the talks and vowed to fight on.",
    "The ceasefire held as negotiators met again.",
    "Storms closed the airport.",
    "zzz unknown words only",
];

fn config(scheme: TermWeighting, l2_normalize: bool, min_df: u64) -> FeatureConfig {
    FeatureConfig {
        analyzer: AnalyzerConfig::default(),
        pruning: PruningConfig {
            min_df: DocFrequency::Count(min_df),
            ..PruningConfig::default()
        },
        weighting: WeightingConfig { scheme, l2_normalize },
    }
}

fn train(config: &FeatureConfig, variant: Variant, docs: &[(&str, &str)]) -> Classifier {
    let params = NaiveBayesParams::new().variant(variant).alpha(0.3).check().unwrap();
    Classifier::train(config.clone(), &params, docs).unwrap()
}

fn union() -> Vec<(&'static str, &'static str)> {
    SHARD_A.iter().chain(SHARD_B.iter()).copied().collect()
}

#[test]
fn merge_equals_training_on_the_union_exactly_for_integer_weightings() {
    for scheme in [TermWeighting::Count, TermWeighting::Binary, TermWeighting::TfIdf] {
        for variant in [Variant::Multinomial, Variant::Complement, Variant::Bernoulli] {
            let config = config(scheme, false, 2);
            let merged = train(&config, variant, &SHARD_A)
                .merge(train(&config, variant, &SHARD_B))
                .unwrap();
            let whole = train(&config, variant, &union());
            assert_eq!(
                merged.to_bytes(ModelForm::Full).unwrap(),
                whole.to_bytes(ModelForm::Full).unwrap(),
                "{scheme:?} {variant:?}"
            );
            assert_eq!(merged.predict_batch(&PROBES), whole.predict_batch(&PROBES));
        }
    }
}

#[test]
fn merge_of_float_weightings_is_within_the_stated_tolerance() {
    for (scheme, l2) in [
        (TermWeighting::Log, false),
        (TermWeighting::Count, true),
        (TermWeighting::Log, true),
    ] {
        let config = config(scheme, l2, 1);
        let merged = train(&config, Variant::Multinomial, &SHARD_A)
            .merge(train(&config, Variant::Multinomial, &SHARD_B))
            .unwrap();
        let whole = train(&config, Variant::Multinomial, &union());
        for (m, w) in merged.predict_batch(&PROBES).iter().zip(whole.predict_batch(&PROBES)) {
            assert_eq!(m.label, w.label);
            for (a, b) in m.probabilities.iter().zip(&w.probabilities) {
                assert!((a.ln() - b.ln()).abs() < 1e-9);
            }
        }
    }
}

#[test]
fn tfidf_with_l2_rows_is_refused_clearly() {
    let params = NaiveBayesParams::new().check().unwrap();
    let err = Classifier::train(config(TermWeighting::TfIdf, true, 1), &params, &SHARD_A).unwrap_err();
    assert!(matches!(err, ModelError::Unsupported(_)), "{err}");
}

#[test]
fn update_equals_training_on_old_plus_new() {
    let config = config(TermWeighting::Count, false, 1);
    let updated = train(&config, Variant::Multinomial, &SHARD_A).update(&SHARD_B).unwrap();
    let whole = train(&config, Variant::Multinomial, &union());
    assert_eq!(
        updated.to_bytes(ModelForm::Full).unwrap(),
        whole.to_bytes(ModelForm::Full).unwrap()
    );
}

#[test]
fn merging_different_settings_or_compact_models_is_an_error() {
    let a = train(&config(TermWeighting::Count, false, 1), Variant::Multinomial, &SHARD_A);
    let b = train(&config(TermWeighting::Binary, false, 1), Variant::Multinomial, &SHARD_B);
    assert!(matches!(a.clone().merge(b), Err(ModelError::Incompatible(_))));
    let c = train(&config(TermWeighting::Count, false, 1), Variant::Complement, &SHARD_B);
    assert!(matches!(a.clone().merge(c), Err(ModelError::Incompatible(_))));
    let compact = train(&config(TermWeighting::Count, false, 1), Variant::Multinomial, &SHARD_B).into_compact();
    assert!(matches!(a.merge(compact), Err(ModelError::CompactModel(_))));
}

#[test]
fn the_same_data_in_another_order_gives_the_same_bytes() {
    let config = config(TermWeighting::Count, false, 1);
    let mut reversed = union();
    reversed.reverse();
    let a = train(&config, Variant::Multinomial, &union());
    let b = train(&config, Variant::Multinomial, &reversed);
    assert_eq!(
        a.to_bytes(ModelForm::Full).unwrap(),
        b.to_bytes(ModelForm::Full).unwrap()
    );
    assert_eq!(a.metadata().fingerprint, b.metadata().fingerprint);
}

#[test]
fn files_round_trip_in_both_forms() {
    let dir = tempfile::tempdir().unwrap();
    let model = train(&config(TermWeighting::TfIdf, false, 1), Variant::Multinomial, &union());
    for form in [ModelForm::Full, ModelForm::Compact] {
        let path = dir.path().join("m.model");
        model.save(&path, form).unwrap();
        let loaded = Classifier::load(&path).unwrap();
        assert_eq!(loaded.predict_batch(&PROBES), model.predict_batch(&PROBES));
        assert_eq!(loaded.statistics().is_some(), form == ModelForm::Full);
    }
}

fn load_error(bytes: &[u8]) -> ModelError {
    Classifier::from_bytes(bytes, Path::new("m.model")).unwrap_err()
}

#[test]
fn every_flipped_bit_is_caught() {
    let bytes = train(&config(TermWeighting::Count, false, 1), Variant::Multinomial, &SHARD_A)
        .to_bytes(ModelForm::Compact)
        .unwrap();
    for i in 0..bytes.len() {
        for bit in [0, 3, 7] {
            let mut damaged = bytes.clone();
            damaged[i] ^= 1 << bit;
            let err = load_error(&damaged);
            assert!(
                matches!(err, ModelError::Corrupt { .. } | ModelError::FutureVersion { .. }),
                "byte {i}: {err}"
            );
        }
    }
}

#[test]
fn truncated_empty_foreign_and_future_files_are_clear_errors() {
    let bytes = train(&config(TermWeighting::Count, false, 1), Variant::Multinomial, &SHARD_A)
        .to_bytes(ModelForm::Full)
        .unwrap();
    for tenth in 0..10 {
        let err = load_error(&bytes[..bytes.len() * tenth / 10]);
        assert!(err.to_string().starts_with("m.model: not a valid model file"), "{err}");
    }
    assert!(matches!(load_error(b""), ModelError::Corrupt { .. }));
    assert!(matches!(
        load_error(b"label\ttext\nneg\tbad\n"),
        ModelError::Corrupt { .. }
    ));
    let mut future = bytes.clone();
    future[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    assert!(matches!(load_error(&future), ModelError::FutureVersion { found, .. } if found == FORMAT_VERSION + 1));
}

#[test]
fn a_failed_save_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let model = train(&config(TermWeighting::Count, false, 1), Variant::Multinomial, &SHARD_A);
    let missing = dir.path().join("no/such/dir/m.model");
    assert!(matches!(
        model.save(&missing, ModelForm::Full),
        Err(ModelError::Io { .. })
    ));
    let target = dir.path().join("m.model");
    std::fs::write(&target, b"previous").unwrap();
    model.save(&target, ModelForm::Full).unwrap();
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

/// A model with narrow negation scopes is written as format 2 and reads back with them; the
/// same model with the classic scopes stays format 1 (what older versions of stance read); with
/// agreement words or dropped function-word n-grams, format 3; with a lead, format 4.
#[test]
fn negation_scope_rules_travel_with_the_model() {
    use stance_features::negation::ScopeRules;
    use stance_features::FunctionWordNgrams;
    let documents = [
        ("The rebels rejected the talks and vowed to fight.", "military"),
        ("Envoys resumed the talks in Geneva.", "negotiation"),
        ("The museum said it would reopen on Monday.", "neutral"),
    ];
    let params = NaiveBayesParams::new().check().unwrap();
    let mut config = FeatureConfig::default();
    let classic = Classifier::train(config.clone(), &params, &documents).unwrap();
    config.analyzer.negation.scope = ScopeRules::narrow();
    let narrow = Classifier::train(config.clone(), &params, &documents).unwrap();
    config.analyzer.negation.scope = ScopeRules::narrow_refusals();
    let refusals = Classifier::train(config.clone(), &params, &documents).unwrap();
    config.analyzer.function_word_ngrams = FunctionWordNgrams::Drop;
    let dropped = Classifier::train(config.clone(), &params, &documents).unwrap();
    config.analyzer.lead_words = 2;
    let lead = Classifier::train(config, &params, &documents).unwrap();
    for (model, version) in [
        (&classic, 1u32),
        (&narrow, 2),
        (&refusals, 3),
        (&dropped, 3),
        (&lead, 4),
    ] {
        let bytes = model.to_bytes(ModelForm::Full).unwrap();
        assert_eq!(bytes[8..12], version.to_le_bytes());
        let back = Classifier::from_bytes(&bytes, std::path::Path::new("m.model")).unwrap();
        assert_eq!(&back, model);
        assert_eq!(
            back.featurizer().config().analyzer.negation.scope,
            model.featurizer().config().analyzer.negation.scope
        );
        assert_eq!(
            back.featurizer().config().analyzer.function_word_ngrams,
            model.featurizer().config().analyzer.function_word_ngrams
        );
        assert_eq!(
            back.featurizer().config().analyzer.lead_words,
            model.featurizer().config().analyzer.lead_words
        );
        assert_eq!(back.to_bytes(ModelForm::Full).unwrap(), bytes);
    }
    assert!(lead.featurizer().vocabulary().column("LEAD_envoy LEAD_resum").is_some());
    assert!(dropped.featurizer().vocabulary().column("LEAD_envoy").is_none());
    let fresh = |model: &Classifier| model.predict("Envoys resumed talks.").probabilities;
    assert_ne!(fresh(&lead), fresh(&dropped));
    assert!(dropped.featurizer().vocabulary().column("the museum").is_some());
    assert!(dropped.featurizer().vocabulary().column("it would").is_none());
    assert!(classic.featurizer().vocabulary().column("it would").is_some());
    assert!(narrow.featurizer().vocabulary().column("REFUSE_talk").is_some());
    assert!(classic.featurizer().vocabulary().column("REFUSE_talk").is_none());
}
