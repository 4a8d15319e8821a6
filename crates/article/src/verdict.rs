//! The verdict on the whole article: aggregate stance and sentiment, label shares, and whether
//! the article is mixed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::judgement::Judgement;
use crate::speakers::SpeakerStance;
use crate::AnalysisOptions;

/// The article as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleVerdict {
    /// The aggregate stance label: the argmax of the mean of the sentences' stance probabilities,
    /// the headline counting [`AnalysisOptions::headline_weight`] times.
    pub stance: String,
    /// Its aggregate probability.
    pub stance_probability: f64,
    /// The aggregate probability of every stance label.
    pub stance_probabilities: BTreeMap<String, f64>,
    /// The aggregate sentiment label, computed the same way.
    pub sentiment: String,
    /// Its aggregate probability.
    pub sentiment_probability: f64,
    /// The aggregate probability of every sentiment label.
    pub sentiment_probabilities: BTreeMap<String, f64>,
    /// Whether the article pushes two different approaches: two speakers who each push a
    /// different non-neutral stance (a majority of their votes that take a side, over at least two
    /// of their sentences that take a side; see [`AnalysisOptions`]), or at least [`AnalysisOptions::mixed_share`] of the
    /// confident sentences for each of two non-neutral stances.
    pub mixed: bool,
    /// The share of sentences predicted with each stance label.
    pub stance_shares: BTreeMap<String, f64>,
    /// The share of sentences predicted with each sentiment label.
    pub sentiment_shares: BTreeMap<String, f64>,
}

/// An aggregate label and its distribution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Aggregate {
    pub label: String,
    pub probability: f64,
    pub probabilities: BTreeMap<String, f64>,
    pub shares: BTreeMap<String, f64>,
}

/// Aggregates the judgements of every sentence; `labels` are the model's labels, `headline`
/// marks the headline's judgement (index), `fallback` is the label of an empty article.
pub(crate) fn aggregate(
    judgements: &[&Judgement],
    labels: &[String],
    headline: Option<usize>,
    headline_weight: f64,
    fallback: &str,
) -> Aggregate {
    let mut probabilities: BTreeMap<String, f64> = labels.iter().map(|l| (l.clone(), 0.0)).collect();
    let mut shares = probabilities.clone();
    let mut total_weight = 0.0;
    for (i, judgement) in judgements.iter().enumerate() {
        let weight = if Some(i) == headline { headline_weight } else { 1.0 };
        total_weight += weight;
        for (label, p) in judgement.probabilities.iter() {
            *probabilities.entry(label.to_string()).or_default() += weight * p;
        }
        *shares.entry(judgement.label.clone()).or_default() += 1.0;
    }
    if total_weight > 0.0 {
        probabilities.values_mut().for_each(|p| *p /= total_weight);
        shares.values_mut().for_each(|s| *s /= judgements.len() as f64);
    }
    let best = probabilities
        .iter()
        .fold(None::<(&String, f64)>, |best, (label, &p)| match best {
            Some((_, b)) if b >= p => best,
            _ => Some((label, p)),
        })
        .filter(|_| total_weight > 0.0);
    let (label, probability) = match best {
        Some((label, p)) => (label.clone(), p),
        None => (
            fallback.to_string(),
            probabilities.get(fallback).copied().unwrap_or(0.0),
        ),
    };
    Aggregate {
        label,
        probability,
        probabilities,
        shares,
    }
}

/// Whether the article is mixed (see [`ArticleVerdict::mixed`]).
pub(crate) fn is_mixed(stance: &[&Judgement], speakers: &[SpeakerStance], options: &AnalysisOptions) -> bool {
    let neutral = options.neutral_label.as_str();
    let takes_side = |i: &usize| stance.get(*i).is_some_and(|j| j.label != neutral);
    // How clearly a speaker leans: their stance's share of the votes that take a side.
    let side_share = |s: &SpeakerStance| {
        let sides: f64 = s.votes.iter().filter(|(l, _)| *l != neutral).map(|(_, v)| v).sum();
        s.votes.get(&s.stance).map_or(0.0, |v| v / sides)
    };
    let pushing: Vec<&str> = speakers
        .iter()
        .filter(|s| s.stance != neutral && side_share(s) > options.speaker_majority)
        .filter(|s| s.sentences.iter().filter(|i| takes_side(i)).count() >= options.speaker_sentences)
        .map(|s| s.stance.as_str())
        .collect();
    if pushing.iter().any(|s| *s != pushing[0]) {
        return true;
    }
    let confident: Vec<&Judgement> = stance
        .iter()
        .copied()
        .filter(|j| j.probability >= options.confident_sentence)
        .collect();
    if confident.is_empty() {
        return false;
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for judgement in confident.iter().filter(|j| j.label != neutral) {
        *counts.entry(judgement.label.as_str()).or_default() += 1;
    }
    let strong = counts
        .values()
        .filter(|&&c| c as f64 / confident.len() as f64 >= options.mixed_share)
        .count();
    strong >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::SpeakerKind;
    use crate::judgement::LabelProbabilities;

    fn refs(judgements: &[Judgement]) -> Vec<&Judgement> {
        judgements.iter().collect()
    }

    fn judgement(label: &str, p: f64) -> Judgement {
        let labels = ["military", "negotiation", "neutral"];
        let rest = (1.0 - p) / 2.0;
        let values: Vec<f64> = labels.iter().map(|l| if *l == label { p } else { rest }).collect();
        let probabilities = LabelProbabilities::new(labels.map(String::from).into(), values);
        Judgement {
            label: label.into(),
            probability: p,
            probabilities,
            evidence: vec![],
        }
    }

    fn labels() -> Vec<String> {
        ["military", "negotiation", "neutral"].map(String::from).to_vec()
    }

    /// A speaker whose stance takes `confidence` of the votes that take a side.
    fn speaker(stance: &str, confidence: f64, sentences: &[usize]) -> SpeakerStance {
        let other = if stance == "military" {
            "negotiation"
        } else {
            "military"
        };
        let votes = [(stance.to_string(), confidence), (other.to_string(), 1.0 - confidence)]
            .into_iter()
            .collect();
        SpeakerStance {
            name: "X".into(),
            kind: SpeakerKind::Person,
            aliases: vec![],
            roles: vec![],
            stance: stance.into(),
            confidence,
            votes,
            sentiment: "neutral".into(),
            sentiment_confidence: 1.0,
            sentences: sentences.to_vec(),
        }
    }

    #[test]
    fn headline_counts_twice() {
        let judgements = [
            judgement("military", 0.7),
            judgement("negotiation", 0.6),
            judgement("negotiation", 0.6),
        ];
        let plain = aggregate(&refs(&judgements), &labels(), None, 2.0, "neutral");
        assert_eq!(plain.label, "negotiation");
        let weighted = aggregate(&refs(&judgements), &labels(), Some(0), 2.0, "neutral");
        assert_eq!(weighted.label, "military");
        assert!((weighted.probabilities["military"] - (2.0 * 0.7 + 0.2 + 0.2) / 4.0).abs() < 1e-12);
        assert!((weighted.shares["negotiation"] - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(weighted.shares["neutral"], 0.0);
        let sum: f64 = weighted.probabilities.values().sum();
        assert!((sum - 1.0).abs() < 1e-12);
    }

    #[test]
    fn empty_article_falls_back() {
        let empty = aggregate(&[], &labels(), None, 2.0, "neutral");
        assert_eq!(empty.label, "neutral");
        assert!(empty.shares.values().all(|s| *s == 0.0));
    }

    #[test]
    fn mixed_by_speakers() {
        let options = AnalysisOptions::default();
        // Sentences 0-1 military, 2-3 negotiation, 4-5 neutral: all with low probability, so
        // only the speakers can make the article mixed.
        let judgements: Vec<Judgement> = [
            "military",
            "military",
            "negotiation",
            "negotiation",
            "neutral",
            "neutral",
        ]
        .iter()
        .map(|l| judgement(l, 0.4))
        .collect();
        let speakers = [speaker("military", 0.7, &[0, 1]), speaker("negotiation", 0.55, &[2, 3])];
        assert!(is_mixed(&refs(&judgements), &speakers, &options));
        // A speaker with a single sentence that takes a side does not count.
        let speakers = [
            speaker("military", 0.7, &[0, 1]),
            speaker("negotiation", 0.9, &[2, 4, 5]),
        ];
        assert!(!is_mixed(&refs(&judgements), &speakers, &options));
        // No majority: an even split is no push.
        let speakers = [speaker("military", 0.7, &[0, 1]), speaker("negotiation", 0.5, &[2, 3])];
        assert!(!is_mixed(&refs(&judgements), &speakers, &options));
        let speakers = [
            speaker("military", 0.7, &[0, 1]),
            speaker("neutral", 0.9, &[4, 5]),
            speaker("military", 0.9, &[0, 1]),
        ];
        assert!(!is_mixed(&refs(&judgements), &speakers, &options));
    }

    #[test]
    fn mixed_by_sentences() {
        let options = AnalysisOptions::default();
        let mut judgements = vec![
            judgement("military", 0.8),
            judgement("negotiation", 0.7),
            judgement("neutral", 0.9),
            judgement("neutral", 0.9),
        ];
        assert!(is_mixed(&refs(&judgements), &[], &options));
        judgements.push(judgement("neutral", 0.9));
        assert!(!is_mixed(&refs(&judgements), &[], &options));
        // Unconfident sentences do not count.
        let judgements = [judgement("military", 0.8), judgement("negotiation", 0.5)];
        assert!(!is_mixed(&refs(&judgements), &[], &options));
    }
}
