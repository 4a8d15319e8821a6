//! Explanations on documents whose answer is known by construction.

use linfa::ParamGuard;
use stance_features::{AnalyzerConfig, FeatureConfig, NgramRange};
use stance_model::{Classifier, NaiveBayesParams, Variant};

fn model(variant: Variant) -> Classifier {
    // "strike" only ever appears in military documents, "talk" only in negotiation ones, and
    // "today" equally in both: by construction they must be the top evidence.
    let docs = [
        ("strike strike today", "military"),
        ("strike bomb", "military"),
        ("talk talk today", "negotiation"),
        ("talk envoy", "negotiation"),
    ];
    let config = FeatureConfig {
        analyzer: AnalyzerConfig {
            stemmer: None,
            ngrams: NgramRange { min: 1, max: 1 },
            ..AnalyzerConfig::default()
        },
        ..FeatureConfig::default()
    };
    Classifier::train(
        config,
        &NaiveBayesParams::new().variant(variant).check().unwrap(),
        &docs,
    )
    .unwrap()
}

#[test]
fn evidence_names_the_deciding_terms_and_adds_up() {
    for variant in [Variant::Multinomial, Variant::Complement, Variant::Bernoulli] {
        let model = model(variant);
        let explanation = model.explain("strike strike bomb talk today", 5);
        assert_eq!(explanation.label, "military", "{variant:?}");
        assert_eq!(explanation.runner_up.as_deref(), Some("negotiation"));
        assert_eq!(explanation.evidence[0].term, "strike");
        assert_eq!(explanation.counter_evidence[0].term, "talk");
        assert!(
            explanation.evidence.iter().all(|e| e.term != "today"),
            "a neutral term is no evidence"
        );
        if variant != Variant::Bernoulli {
            let sum: f64 = explanation
                .evidence
                .iter()
                .chain(&explanation.counter_evidence)
                .map(|e| e.weight)
                .sum();
            assert!(
                (explanation.bias + sum - explanation.log_odds).abs() < 1e-9,
                "{variant:?}"
            );
        }
        assert!(explanation.to_string().starts_with("military over negotiation by +"));
    }
}

#[test]
fn most_informative_terms_include_terms_seen_in_one_class_only() {
    let terms = model(Variant::Multinomial).most_informative_terms(2);
    assert_eq!(terms["military"][0].term, "strike");
    assert_eq!(terms["military"][0].versus, "negotiation");
    assert_eq!(terms["negotiation"][0].term, "talk");
    assert!(terms["military"][0].log_odds > 0.0);
}
