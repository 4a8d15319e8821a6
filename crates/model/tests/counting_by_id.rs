//! Counting n-grams by the ids of their units (how training counts and prediction finds columns)
//! against counting their joined strings (the analyzer's `for_each_term`, the way terms were
//! counted and looked up before): the same statistics table, hence the same vocabulary, model
//! bytes and predictions, and the same row for every text, across analyzer settings and texts
//! long enough to be analyzed in several batches.

use std::collections::BTreeMap;

use linfa::ParamGuard;
use stance_features::negation::ScopeRules;
use stance_features::{
    Analyzer, AnalyzerConfig, AnalyzerScratch, ColumnCounts, FeatureConfig, FunctionWordNgrams, NgramRange, StopWords,
    TermCounts,
};
use stance_model::{Classifier, ModelForm, NaiveBayesParams, StatisticsTable, TrainingStatistics};

/// Invented passages, and one long enough (over 8,192 words) to be analyzed in two batches.
fn documents() -> Vec<(String, &'static str)> {
    let mut documents: Vec<(String, &'static str)> = [
        (
            "The army would not negotiate but would strike the rebel depot at dawn.",
            "military",
        ),
        (
            "Envoys agreed to resume talks, and the ceasefire held; nobody fired.",
            "negotiation",
        ),
        (
            "He said it was not the end of the war, but the end of the talks.",
            "military",
        ),
        ("The museum reopened on Monday with old maps of the valley.", "neutral"),
        (
            "They never sent anyone to the talks and would never accept a truce.",
            "military",
        ),
        (
            "Mediators met in Geneva. The sides agreed to a prisoner exchange.",
            "negotiation",
        ),
        ("", "neutral"),
        ("talks talks talks of talks", "negotiation"),
    ]
    .into_iter()
    .map(|(text, label)| (text.to_string(), label))
    .collect();
    let words = [
        "troops",
        "not",
        "talks",
        "of",
        "the",
        "but",
        "ceasefire",
        "would",
        "strike",
        "and",
    ];
    let long: Vec<&str> = (0..9_000).map(|i| words[(i * 7 + i / 3) % words.len()]).collect();
    documents.push((long.join(" "), "military"));
    documents
}

/// The statistics table of `documents`, counted from the analyzer's joined term strings.
fn counted_by_string(
    config: &FeatureConfig,
    documents: &[(String, &str)],
    fingerprint: StatisticsTable,
) -> StatisticsTable {
    let analyzer = Analyzer::new(config.analyzer.clone()).unwrap();
    let mut scratch = AnalyzerScratch::default();
    let labels: Vec<String> = fingerprint.labels.clone();
    // term -> per class (count, document frequency)
    let mut terms: BTreeMap<String, Vec<(u64, u64)>> = BTreeMap::new();
    let mut documents_per_class = vec![0u64; labels.len()];
    for (text, label) in documents {
        let class = labels.iter().position(|l| l == label).unwrap();
        documents_per_class[class] += 1;
        let mut seen: BTreeMap<String, u64> = BTreeMap::new();
        analyzer.for_each_term(text, &mut scratch, |term| {
            *seen.entry(term.to_string()).or_default() += 1
        });
        for (term, count) in seen {
            let cells = terms.entry(term).or_insert_with(|| vec![(0, 0); labels.len()]);
            cells[class].0 += count;
            cells[class].1 += 1;
        }
    }
    StatisticsTable {
        documents: documents_per_class,
        counts: terms.values().flat_map(|cells| cells.iter().map(|c| c.0)).collect(),
        document_frequencies: terms.values().flat_map(|cells| cells.iter().map(|c| c.1)).collect(),
        terms: terms.into_keys().collect(),
        labels,
        weight_sums: None,
        fingerprint: fingerprint.fingerprint,
    }
}

fn configs() -> Vec<(&'static str, FeatureConfig)> {
    let with = |name, analyzer: AnalyzerConfig| {
        (
            name,
            FeatureConfig {
                analyzer,
                ..FeatureConfig::default()
            },
        )
    };
    let base = AnalyzerConfig::default();
    let mut narrow = base.clone();
    narrow.negation.scope = ScopeRules::narrow_refusals();
    narrow.function_word_ngrams = FunctionWordNgrams::Drop;
    narrow.ngrams = NgramRange::new(1, 3).unwrap();
    narrow.lead_words = 12;
    let mut trigrams_only = base.clone();
    trigrams_only.ngrams = NgramRange::new(3, 3).unwrap();
    trigrams_only.stopwords = StopWords::English;
    let mut unstemmed = base.clone();
    unstemmed.stemmer = None;
    unstemmed.ngrams = NgramRange::new(1, 4).unwrap();
    unstemmed.function_word_ngrams = FunctionWordNgrams::Drop;
    vec![
        with("defaults", base),
        with(
            "narrow refusals, 1..3, function-word n-grams dropped, a lead of 12",
            narrow,
        ),
        with("3..3 with English stop words", trigrams_only),
        with("no stemming, 1..4, function-word n-grams dropped", unstemmed),
    ]
}

#[test]
fn counting_by_unit_ids_gives_what_counting_strings_gives() {
    let documents = documents();
    let params = NaiveBayesParams::new().alpha(0.5).check().unwrap();
    for (name, config) in configs() {
        let trained = Classifier::train(config.clone(), &params, &documents).unwrap();
        let table = trained.statistics().unwrap().to_table();
        let expected = counted_by_string(&config, &documents, table.clone());
        assert_eq!(table.terms, expected.terms, "{name}: terms");
        assert_eq!(table, expected, "{name}: counts and document frequencies");

        let rebuilt = TrainingStatistics::from_table(config.clone(), expected).unwrap();
        let from_strings = Classifier::from_statistics(&params, rebuilt).unwrap();
        assert_eq!(
            trained.to_bytes(ModelForm::Full).unwrap(),
            from_strings.to_bytes(ModelForm::Full).unwrap(),
            "{name}: model bytes"
        );
        let probes: Vec<&str> = documents.iter().map(|(text, _)| text.as_str()).collect();
        assert_eq!(
            trained.predict_batch(&probes),
            from_strings.predict_batch(&probes),
            "{name}: predictions"
        );
    }
}

#[test]
fn a_loaded_model_counts_new_documents_into_its_terms() {
    let documents = documents();
    let params = NaiveBayesParams::new().alpha(0.5).check().unwrap();
    let config = configs().remove(1).1;
    let (first, second) = documents.split_at(4);
    let whole = Classifier::train(config.clone(), &params, &documents).unwrap();
    let bytes = Classifier::train(config, &params, first)
        .unwrap()
        .to_bytes(ModelForm::Full)
        .unwrap();
    let loaded = Classifier::from_bytes(&bytes, std::path::Path::new("first.model")).unwrap();
    let updated = loaded.update(second).unwrap();
    assert_eq!(
        updated.to_bytes(ModelForm::Full).unwrap(),
        whole.to_bytes(ModelForm::Full).unwrap()
    );
}

#[test]
fn prediction_finds_columns_by_unit_ids_as_by_strings() {
    let documents = documents();
    let params = NaiveBayesParams::new().alpha(0.5).check().unwrap();
    let mut probes: Vec<String> = documents.iter().map(|(text, _)| text.clone()).collect();
    probes.push("Unheard-of words: zyxw talks qqq ceasefire not strike but talks.".into());
    probes.push("talks zyxw talks".repeat(4_000));
    for (name, config) in configs() {
        // Trained on the first half, so that the probes hold unknown units and n-grams.
        let model = Classifier::train(config, &params, &documents[..5]).unwrap();
        let featurizer = model.featurizer();
        let mut scratch = AnalyzerScratch::default();
        // Prediction looks terms up by their strings until it has looked up as much text as the
        // vocabulary holds, then by unit ids: both paths, each against the string oracle.
        let warm_up = "unheard ".repeat(20_000);
        for probe in probes.iter().chain([&warm_up]).chain(&probes) {
            let mut by_string = TermCounts::new();
            by_string.count(featurizer.analyzer(), probe, &mut scratch);
            let mut expected = Vec::new();
            let expected_oov = featurizer.weigh(&by_string, &mut expected);
            let mut by_id = ColumnCounts::new();
            featurizer.count_columns(probe, &mut scratch, &mut by_id);
            let mut found = Vec::new();
            let found_oov = featurizer.weigh_columns(&by_id, &mut found);
            assert_eq!(found, expected, "{name}: {probe:.60}");
            assert_eq!(found_oov, expected_oov, "{name}: {probe:.60}");
        }
    }
}
