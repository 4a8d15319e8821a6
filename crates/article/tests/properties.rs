//! Property tests: no text makes segmentation, attribution or the whole analysis panic, and
//! their outputs are always well-formed.

mod common;

use std::sync::OnceLock;

use proptest::prelude::*;
use stance_article::attribution::attribute;
use stance_article::segment::segment;
use stance_model::Classifier;

/// Text built from the pieces that exercise the tricky paths, glued with arbitrary characters.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        " ",
        "\n",
        "\n\n",
        ".",
        ". ",
        "...",
        "…",
        "?",
        "!",
        ",",
        ", ",
        ":",
        "“",
        "”",
        "\"",
        "'",
        "’s",
        "(",
        ")",
        "U.S.",
        "U.N.",
        "Gen.",
        "Dr.",
        "Lt. Col.",
        "Jan. 5",
        "No. 3",
        "J. K.",
        "3.5",
        "said",
        "told",
        "says",
        "according to",
        "quoted",
        "as saying",
        "he",
        "she",
        "He",
        "The",
        "the",
        "president",
        "minister",
        "adviser",
        "President",
        "Minister",
        "Oren",
        "Kastrel",
        "Lina",
        "Ferro",
        "Voice of Vardan",
        "(VOV)",
        "and",
        "Although",
        "that",
        "has",
        "reportedly",
        "called for",
        "a spokesman",
        "officials",
        "é",
        "Ǆ",
        "İ",
        "ß",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(String::from), any::<char>().prop_map(String::from)],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), tricky_text()]
}

fn classifiers() -> &'static (Classifier, Classifier) {
    static MODELS: OnceLock<(Classifier, Classifier)> = OnceLock::new();
    MODELS.get_or_init(common::classifiers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn segmentation_is_well_formed(text in any_text()) {
        let segmentation = segment(&text);
        let mut previous_end = 0;
        for (i, sentence) in segmentation.sentences.iter().enumerate() {
            prop_assert_eq!(sentence.index, i);
            let span = sentence.span;
            prop_assert!(previous_end <= span.start && span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let sentence_text = sentence.text(&text);
            prop_assert_eq!(sentence_text.trim(), sentence_text);
            prop_assert!(!sentence_text.is_empty());
            previous_end = span.end;
        }
        let groups: Vec<usize> = segmentation.sentences.iter().filter_map(|s| s.quote).collect();
        prop_assert!(groups.windows(2).all(|w| w[0] <= w[1]));
        for quotation in &segmentation.quotations {
            prop_assert!(quotation.span.start < quotation.span.end && quotation.span.end <= text.len());
        }
        prop_assert!(segmentation.sentences.iter().filter(|s| s.headline).count() <= 1);
    }

    #[test]
    fn attribution_is_well_formed(text in any_text()) {
        let segmentation = segment(&text);
        let attribution = attribute(&text, &segmentation);
        prop_assert_eq!(attribution.sentences.len(), segmentation.sentences.len());
        for (i, attributed) in attribution.sentences.iter().enumerate() {
            if let Some(attributed) = attributed {
                let speaker = &attribution.speakers[attributed.speaker];
                prop_assert!(speaker.sentences.contains(&i));
            }
        }
        for speaker in &attribution.speakers {
            prop_assert!(!speaker.sentences.is_empty());
            prop_assert!(!speaker.name.is_empty());
        }
    }

    #[test]
    fn analysis_never_panics(text in tricky_text()) {
        let (stance, sentiment) = classifiers();
        let analysis = stance_article::analyze(&text, stance, sentiment);
        prop_assert_eq!(analysis.sentences.len(), segment(&text).sentences.len());
        let html = analysis.to_html();
        prop_assert!(html.ends_with("</html>\n"));
        let _ = analysis.to_text();
        let json: serde_json::Value = serde_json::from_str(&analysis.to_json()).unwrap();
        prop_assert!(json["article"]["mixed"].is_boolean());
        for sentence in &analysis.sentences {
            for span in sentence.stance.evidence.iter().chain(&sentence.sentiment.evidence).flat_map(|e| &e.matches) {
                prop_assert!(sentence.span.contains(*span));
            }
        }
    }
}
