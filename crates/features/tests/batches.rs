//! Property: analyzing a text in batches of unigrams (as every text longer than
//! `UNITS_PER_BATCH` unigrams is) gives exactly the terms of analyzing it in one piece, n-grams
//! across batch boundaries, negation scopes and a lead longer than a batch included; only their
//! order differs.

use proptest::prelude::*;
use stance_features::{
    Analyzer, AnalyzerConfig, AnalyzerScratch, Language, NgramRange, NumberPolicy, StopWords, TermCounts,
    TokenizerConfig,
};

fn any_analyzer() -> impl Strategy<Value = AnalyzerConfig> {
    (
        prop::sample::select(vec![None, Some(Language::English), Some(Language::Greek)]),
        prop::sample::select(vec![NumberPolicy::Keep, NumberPolicy::Drop, NumberPolicy::Token]),
        any::<bool>(),
        any::<bool>(),
        (1usize..=4, 0usize..=3),
        prop::sample::select(vec![0usize, 1, 5, 30]),
    )
        .prop_map(|(stemmer, numbers, english, negation, (min, extra), lead_words)| {
            let mut config = AnalyzerConfig {
                tokenizer: TokenizerConfig { numbers },
                stopwords: if english { StopWords::English } else { StopWords::None },
                stemmer,
                ngrams: NgramRange::new(min, min + extra).unwrap(),
                lead_words,
                ..AnalyzerConfig::default()
            };
            config.negation.enabled = negation;
            config
        })
}

/// Words, cues, stop words, clause punctuation and other scripts, so that scopes and n-grams
/// cross batch boundaries.
fn text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("talks"),
        Just("not"),
        Just("didn't"),
        Just("the"),
        Just("of"),
        Just("strikes"),
        Just("U.S."),
        Just(","),
        Just("."),
        Just("1,600"),
        Just("ισαισα"),
        Just("café"),
        Just("😀"),
        Just("\n"),
    ];
    prop_oneof![
        prop::collection::vec(word, 0..120).prop_map(|words| words.join(" ")),
        any::<String>(),
    ]
}

fn sorted_terms(analyzer: &Analyzer, text: &str, units_per_batch: usize) -> Vec<String> {
    let mut terms = Vec::new();
    analyzer.for_each_term_in_batches(text, units_per_batch, &mut AnalyzerScratch::default(), |term| {
        terms.push(term.to_string())
    });
    terms.sort_unstable();
    terms
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn batches_give_the_terms_of_the_whole_text(config in any_analyzer(), text in text(), batch in 1usize..12) {
        let analyzer = Analyzer::new(config).unwrap();
        let whole = sorted_terms(&analyzer, &text, usize::MAX);
        prop_assert_eq!(&sorted_terms(&analyzer, &text, batch), &whole);
        // The default batch size, through term counts.
        let mut counts = TermCounts::new();
        counts.count(&analyzer, &text, &mut AnalyzerScratch::default());
        prop_assert_eq!(counts.total(), whole.len() as u64);
    }
}

#[test]
fn a_long_text_keeps_its_n_grams_across_the_default_batches() {
    let analyzer = Analyzer::new(AnalyzerConfig {
        stemmer: None,
        ngrams: NgramRange::new(1, 3).unwrap(),
        ..AnalyzerConfig::default()
    })
    .unwrap();
    // 30,000 words: four batches of 8,192 unigrams.
    let text = (0..30_000).map(|i| format!("w{}", i % 7)).collect::<Vec<_>>().join(" ");
    let mut counts = TermCounts::new();
    counts.count(&analyzer, &text, &mut AnalyzerScratch::default());
    assert_eq!(counts.total(), 30_000 + 29_999 + 29_998);
    assert_eq!(sorted_terms(&analyzer, &text, usize::MAX).len(), 89_997);
}
