//! The featurizer on arbitrary bytes: lossy UTF-8 -> Analyzer terms -> Featurizer fit and
//! transform. Bytes 0 and 1 pick the settings (`stance_fuzz::config_from_byte`), byte 2 a batch
//! size; the rest is the text. Checks: analysis in batches gives the same terms as in one piece,
//! term counts add up, every term of a fitted text is in the vocabulary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance_features::{Analyzer, AnalyzerScratch, Featurizer, TermCounts};

fuzz_target!(|data: &[u8]| {
    let [settings, language, batch, rest @ ..] = data else {
        return;
    };
    let config = stance_fuzz::config_from_byte(*settings, *language);
    let text = String::from_utf8_lossy(rest);
    let analyzer = Analyzer::new(config.analyzer.clone()).expect("valid settings");
    let mut scratch = AnalyzerScratch::default();

    let terms = |units_per_batch: usize, scratch: &mut AnalyzerScratch| {
        let mut terms = Vec::new();
        analyzer.for_each_term_in_batches(&text, units_per_batch, scratch, |t| terms.push(t.to_string()));
        terms.sort_unstable();
        terms
    };
    let whole = terms(usize::MAX, &mut scratch);
    let batched = terms(1 + usize::from(*batch % 16), &mut scratch);
    assert_eq!(whole, batched, "batched analysis differs");

    let mut counts = TermCounts::new();
    counts.count(&analyzer, &text, &mut scratch);
    assert_eq!(counts.total(), whole.len() as u64);

    let documents: Vec<&str> = text.split('\n').collect();
    let featurizer = Featurizer::fit(config, &documents).expect("fit");
    let (rows, oov) = featurizer.transform(&documents);
    assert_eq!(rows.n_rows(), documents.len());
    assert_eq!(oov.unknown, 0, "a fitted text has unknown terms");
});
