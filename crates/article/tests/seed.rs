//! The seed article: who speaks (no model needed), and, with the repository's default models
//! (`models/stance.model`, `models/sentiment.model`), the stance each speaker pushes. Each test
//! skips, saying why, when a file it needs is missing (or is an empty placeholder). The article
//! is only read at test time; none of its text is in the project.
//!
//! `STANCE_SEED_ARTICLE` overrides the article's path.

use std::path::{Path, PathBuf};

use stance_article::attribution::{attribute, SpeakerKind};
use stance_article::segment::segment;
use stance_model::Classifier;

const DEFAULT_SEED: &str = "/work/shared/seed/article.txt";

fn present(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > 0)
}

/// The seed article, or `None` (with a message) when it is absent.
fn seed_article(test: &str) -> Option<String> {
    let path = std::env::var_os("STANCE_SEED_ARTICLE").map_or_else(|| PathBuf::from(DEFAULT_SEED), PathBuf::from);
    if !present(&path) {
        eprintln!(
            "SKIPPED {test}: the seed article {} is missing or empty",
            path.display()
        );
        return None;
    }
    Some(std::fs::read_to_string(&path).expect("seed article reads"))
}

/// The default models, or `None` (with a message) when either is absent.
fn default_models(test: &str) -> Option<(Classifier, Classifier)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let stance = root.join("models/stance.model");
    let sentiment = root.join("models/sentiment.model");
    for path in [&stance, &sentiment] {
        if !present(path) {
            eprintln!("SKIPPED {test}: the model {} is missing or empty", path.display());
            return None;
        }
    }
    Some((
        Classifier::load(&stance).expect("stance model loads"),
        Classifier::load(&sentiment).expect("sentiment model loads"),
    ))
}

#[test]
fn seed_article_speakers_are_found() {
    let Some(article) = seed_article("seed_article_speakers_are_found") else {
        return;
    };
    let attribution = attribute(&article, &segment(&article));
    for speaker in &attribution.speakers {
        println!(
            "speaker: {:<20} {:?} sentences {:?}",
            speaker.name, speaker.kind, speaker.sentences
        );
    }
    for (name, surname) in [("Ashraf Ghani", "Ghani"), ("Sartaj Aziz", "Aziz")] {
        let speaker = attribution
            .speakers
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("{name} is a speaker: {:#?}", attribution.speakers));
        assert_eq!(speaker.kind, SpeakerKind::Person);
        assert!(speaker.aliases.iter().any(|a| a == surname), "{speaker:#?}");
        assert!(speaker.sentences.len() >= 5, "{speaker:#?}");
    }
}

#[test]
fn seed_article_stances_with_default_models() {
    let test = "seed_article_stances_with_default_models";
    let (Some(article), Some((stance, sentiment))) = (seed_article(test), default_models(test)) else {
        return;
    };
    let analysis = stance_article::analyze(&article, &stance, &sentiment);
    println!(
        "article: stance {} ({:.2}), mixed {}",
        analysis.article.stance, analysis.article.stance_probability, analysis.article.mixed
    );
    for speaker in &analysis.speakers {
        println!(
            "speaker: {:<20} {:<12} confidence {:.2}  votes {:?}  sentences {:?}",
            speaker.name, speaker.stance, speaker.confidence, speaker.votes, speaker.sentences
        );
    }
    let ghani = analysis.speaker("Ashraf Ghani").expect("Ashraf Ghani is a speaker");
    let aziz = analysis.speaker("Sartaj Aziz").expect("Sartaj Aziz is a speaker");
    assert_eq!(
        ghani.stance, "military",
        "Ashraf Ghani should lean military: {ghani:#?}"
    );
    assert_eq!(
        aziz.stance, "negotiation",
        "Sartaj Aziz should lean negotiation: {aziz:#?}"
    );
    assert!(
        analysis.article.mixed,
        "the article should be mixed: {:#?}",
        analysis.article
    );
}
