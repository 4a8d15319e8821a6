//! Property tests of the whole feature pipeline.

use proptest::prelude::*;
use stance_features::{
    AnalyzerConfig, FeatureConfig, Featurizer, Language, NgramRange, NormalizerConfig, NumberPolicy, StopWords,
    TermWeighting, TokenizerConfig, WeightingConfig,
};

fn any_config() -> impl Strategy<Value = FeatureConfig> {
    let languages: Vec<Option<Language>> = std::iter::once(None)
        .chain(Language::ALL.iter().copied().map(Some))
        .collect();
    (
        prop::sample::select(languages),
        prop::sample::select(vec![NumberPolicy::Keep, NumberPolicy::Drop, NumberPolicy::Token]),
        any::<bool>(),
        any::<bool>(),
        1usize..=3,
        prop::sample::select(vec![
            TermWeighting::Count,
            TermWeighting::Binary,
            TermWeighting::Log,
            TermWeighting::TfIdf,
        ]),
        any::<bool>(),
    )
        .prop_map(
            |(stemmer, numbers, fold_accents, english, max_n, scheme, l2_normalize)| FeatureConfig {
                analyzer: AnalyzerConfig {
                    tokenizer: TokenizerConfig { numbers },
                    normalizer: NormalizerConfig { fold_accents },
                    stopwords: if english { StopWords::English } else { StopWords::None },
                    stemmer,
                    ngrams: NgramRange { min: 1, max: max_n },
                    ..AnalyzerConfig::default()
                },
                weighting: WeightingConfig { scheme, l2_normalize },
                ..FeatureConfig::default()
            },
        )
}

/// Text mixing scripts that have tripped stemmers and segmenters: Greek, Arabic, Tamil, combining
/// marks, emoji, apostrophes, periods and digits.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z .,'’0-9αβγδεισαουσωήάέ\u{0627}-\u{064A}\u{0B80}-\u{0BFF}\u{0300}-\u{036F}😀-]{0,80}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(config in any_config(), docs in prop::collection::vec(hostile_text(), 1..6)) {
        let featurizer = Featurizer::fit(config, &docs).unwrap();
        let (matrix, oov) = featurizer.transform(&docs);
        prop_assert_eq!(matrix.n_rows(), docs.len());
        prop_assert_eq!(oov.unknown, 0);
        for row in matrix.rows() {
            prop_assert!(row.values.iter().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn fitting_does_not_depend_on_document_order(
        config in any_config(),
        docs in prop::collection::vec("[a-e ]{0,30}", 1..12),
        seed in any::<u64>(),
    ) {
        let mut shuffled = docs.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            shuffled.swap(i, (seed.wrapping_mul(i as u64 + 7) % (i as u64 + 1)) as usize);
        }
        let a = Featurizer::fit(config.clone(), &docs).unwrap();
        let b = Featurizer::fit(config, &shuffled).unwrap();
        prop_assert_eq!(a.vocabulary(), b.vocabulary());
        prop_assert_eq!(a.idf(), b.idf());
    }

    #[test]
    fn serde_round_trip_gives_identical_vectors(config in any_config(), docs in prop::collection::vec(hostile_text(), 1..6)) {
        let featurizer = Featurizer::fit(config, &docs).unwrap();
        let json = serde_json::to_string(&featurizer).unwrap();
        let back: Featurizer = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back.transform(&docs).0, featurizer.transform(&docs).0);
    }
}
