//! The stance each speaker pushes across the article.
//!
//! A probability-weighted vote over all the speaker's sentences, neutral ones included: each
//! sentence adds its (calibrated) probability of every label to that label's score, so three
//! neutral sentences and one misread sentence make a neutral speaker. The stance is the label
//! with the highest score (ties in label order), the confidence its share of all scores (the
//! mean probability of that label over the speaker's sentences).
//!
//! A speaker never leans on weak evidence: when a label other than neutral wins with a score
//! below [`AnalysisOptions::lean_evidence`], the speaker is neutral, the vote kept for people to
//! see (speakers are never `uncertain`). A speaker's sentiment is voted the same way over the
//! sentiment of their sentences.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::attribution::{Speaker, SpeakerKind};
use crate::judgement::Judgement;
use crate::AnalysisOptions;

/// A speaker and the stance they push.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerStance {
    /// The canonical name.
    pub name: String,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// Other ways the article refers to them.
    pub aliases: Vec<String>,
    /// The roles the article gives them.
    pub roles: Vec<String>,
    /// The stance they push.
    pub stance: String,
    /// How clearly: the winning label's share of the vote, in `[0, 1]`.
    pub confidence: f64,
    /// The vote: summed probability per label over the speaker's sentences.
    pub votes: BTreeMap<String, f64>,
    /// The tone of their sentences, voted as the stance is.
    pub sentiment: String,
    /// The winning sentiment's share of the sentiment vote, in `[0, 1]`.
    pub sentiment_confidence: f64,
    /// The indices of their sentences.
    pub sentences: Vec<usize>,
}

/// The outcome of a vote.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Vote {
    pub label: String,
    pub confidence: f64,
    pub votes: BTreeMap<String, f64>,
}

/// Votes over `judgements` (every label counts); `neutral` wins when there is nothing to vote.
pub(crate) fn vote<'a>(judgements: impl IntoIterator<Item = &'a Judgement>, neutral: &str) -> Vote {
    let mut votes: BTreeMap<String, f64> = BTreeMap::new();
    for judgement in judgements {
        for (label, p) in judgement.probabilities.iter() {
            *votes.entry(label.to_string()).or_default() += p;
        }
    }
    let total: f64 = votes.values().sum();
    let best = votes
        .iter()
        .fold(None::<(&String, f64)>, |best, (label, &score)| match best {
            Some((_, s)) if s >= score => best,
            _ => Some((label, score)),
        });
    match best {
        Some((label, score)) if total > 0.0 => Vote {
            label: label.clone(),
            confidence: score / total,
            votes,
        },
        _ => Vote {
            label: neutral.to_string(),
            confidence: 0.0,
            votes,
        },
    }
}

/// The vote over `sentences` of `judgements`, with a weak lean turned to `neutral`.
fn lean(sentences: &[usize], judgements: &[&Judgement], options: &AnalysisOptions) -> Vote {
    let neutral = options.neutral_label.as_str();
    let mut vote = vote(sentences.iter().map(|&i| judgements[i]), neutral);
    let score = vote.votes.get(&vote.label).copied().unwrap_or(0.0);
    if vote.label != neutral && score < options.lean_evidence {
        vote.label = neutral.to_string();
    }
    vote
}

/// The stance and sentiment of every speaker, given the stance and the sentiment judgement of
/// every sentence.
pub(crate) fn speaker_stances(
    speakers: &[Speaker],
    stance: &[&Judgement],
    sentiment: &[&Judgement],
    options: &AnalysisOptions,
) -> Vec<SpeakerStance> {
    speakers
        .iter()
        .map(|speaker| {
            let vote = lean(&speaker.sentences, stance, options);
            let tone = lean(&speaker.sentences, sentiment, options);
            SpeakerStance {
                name: speaker.name.clone(),
                kind: speaker.kind,
                aliases: speaker.aliases.clone(),
                roles: speaker.roles.clone(),
                stance: vote.label,
                confidence: vote.confidence,
                votes: vote.votes,
                sentiment: tone.label,
                sentiment_confidence: tone.confidence,
                sentences: speaker.sentences.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgement::LabelProbabilities;

    fn refs(judgements: &[Judgement]) -> Vec<&Judgement> {
        judgements.iter().collect()
    }

    fn judgement(label: &str, military: f64, negotiation: f64) -> Judgement {
        let labels: Vec<String> = ["military", "negotiation", "neutral"].map(String::from).into();
        let probabilities =
            LabelProbabilities::new(labels.into(), vec![military, negotiation, 1.0 - military - negotiation]);
        Judgement {
            label: label.into(),
            probability: probabilities.get(label).unwrap(),
            probabilities,
            evidence: vec![],
        }
    }

    #[test]
    fn every_sentence_votes_with_its_probabilities() {
        let sentences = [
            judgement("military", 0.8, 0.1),
            judgement("negotiation", 0.3, 0.6),
            judgement("neutral", 0.0, 0.1),
            judgement("military", 0.7, 0.2),
        ];
        let vote = vote(&sentences, "neutral");
        assert_eq!(vote.label, "military");
        assert!((vote.votes["military"] - 1.8).abs() < 1e-12);
        assert!((vote.votes["negotiation"] - 1.0).abs() < 1e-12);
        assert!((vote.votes["neutral"] - 1.2).abs() < 1e-12);
        assert!((vote.confidence - 1.8 / 4.0).abs() < 1e-12);
    }

    #[test]
    fn neutral_sentences_outvote_one_misread_sentence() {
        let sentences = [
            judgement("neutral", 0.1, 0.1),
            judgement("neutral", 0.3, 0.1),
            judgement("neutral", 0.2, 0.0),
            judgement("military", 0.95, 0.0),
        ];
        let vote = vote(&sentences, "neutral");
        assert_eq!(vote.label, "neutral");
        assert!((vote.confidence - (0.8 + 0.6 + 0.8 + 0.05) / 4.0).abs() < 1e-12);
    }

    #[test]
    fn a_speaker_with_weak_evidence_is_neutral() {
        let speaker = |sentences: Vec<usize>| Speaker {
            name: "A".into(),
            kind: SpeakerKind::Person,
            aliases: vec![],
            roles: vec![],
            sentences,
        };
        let judgements = [
            judgement("military", 0.5, 0.2),
            judgement("military", 0.9, 0.05),
            judgement("military", 0.45, 0.3),
        ];
        let options = AnalysisOptions::default();
        let stances = speaker_stances(
            &[speaker(vec![0]), speaker(vec![1]), speaker(vec![0, 2])],
            &refs(&judgements),
            &refs(&judgements),
            &options,
        );
        // One hesitant sentence (0.5) is weak evidence; one confident sentence (0.9) is not;
        // two hesitant ones (0.5 + 0.45) are not either.
        let labels: Vec<&str> = stances.iter().map(|s| s.stance.as_str()).collect();
        assert_eq!(labels, ["neutral", "military", "military"]);
        let tones: Vec<&str> = stances.iter().map(|s| s.sentiment.as_str()).collect();
        assert_eq!(tones, labels, "the sentiment vote follows the same rule");
        assert!(!stances[0].votes.is_empty(), "the vote stays visible");
    }

    #[test]
    fn ties_go_to_the_first_label() {
        let sentences = [judgement("military", 0.5, 0.4), judgement("negotiation", 0.4, 0.5)];
        assert_eq!(vote(&sentences, "neutral").label, "military");
    }
}
