//! Speakers across a corpus: who pushes for what across many articles.
//!
//! [`CorpusSpeakers`] takes analyses one at a time ([`CorpusSpeakers::add`]) and keeps, per
//! speaker, the number of articles and sentences and how often each stance and sentiment was
//! theirs; its memory grows with the number of distinct speakers, never with the number of
//! articles (an analysis is not kept). [`CorpusSpeakers::finish`] then merges the names that
//! denote one person across articles and returns the table.
//!
//! Names are compared in a normal form (lowercase letters, digits and spaces, a leading `the`
//! dropped), so `The Pentagon` and `Pentagon` are one speaker. A person known in some articles
//! by one word only (`Ghani`) joins the one person whose full name ends with that word
//! (`Ashraf Ghani`), if exactly one does; with two (`Anna Brel`, `Piet Brel`) the one-word name
//! stays a speaker of its own.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::attribution::SpeakerKind;
use crate::ArticleAnalysis;

/// One speaker of a corpus, with their totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusSpeaker {
    /// The longest name the speaker was given.
    pub name: String,
    /// Person or organisation (a person if any article said so).
    pub kind: SpeakerKind,
    /// Every other name they were given, sorted.
    pub also_called: Vec<String>,
    /// The number of articles they speak in.
    pub articles: usize,
    /// The number of sentences attributed to them, over all articles.
    pub sentences: usize,
    /// Per stance label, the number of articles in which it was theirs.
    pub stances: BTreeMap<String, usize>,
    /// Per sentiment label, the number of articles in which it was theirs.
    pub sentiments: BTreeMap<String, usize>,
}

impl CorpusSpeaker {
    /// The stance they took in most of their articles (ties: the first label in order).
    pub fn stance(&self) -> &str {
        most_common(&self.stances)
    }

    /// The sentiment they took in most of their articles (ties: the first label in order).
    pub fn sentiment(&self) -> &str {
        most_common(&self.sentiments)
    }

    /// The share of their articles in which `label` was their stance.
    pub fn stance_share(&self, label: &str) -> f64 {
        self.stances
            .get(label)
            .map_or(0.0, |&n| n as f64 / self.articles.max(1) as f64)
    }

    fn absorb(&mut self, other: CorpusSpeaker) {
        if other.name.len() > self.name.len() {
            let name = std::mem::replace(&mut self.name, other.name);
            self.also_called.push(name);
        } else {
            self.also_called.push(other.name);
        }
        self.also_called.extend(other.also_called);
        self.also_called.sort();
        self.also_called.dedup();
        self.also_called.retain(|n| *n != self.name);
        if other.kind == SpeakerKind::Person {
            self.kind = SpeakerKind::Person;
        }
        self.articles += other.articles;
        self.sentences += other.sentences;
        for (label, n) in other.stances {
            *self.stances.entry(label).or_default() += n;
        }
        for (label, n) in other.sentiments {
            *self.sentiments.entry(label).or_default() += n;
        }
    }
}

fn most_common(counts: &BTreeMap<String, usize>) -> &str {
    counts
        .iter()
        .fold(None::<(&String, usize)>, |best, (label, &n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((label, n)),
        })
        .map_or("", |(label, _)| label.as_str())
}

/// The speakers of a corpus, gathered article by article.
#[derive(Debug, Clone, Default)]
pub struct CorpusSpeakers {
    by_key: BTreeMap<String, CorpusSpeaker>,
}

/// The normal form names are compared in.
fn key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let start = usize::from(words.first().is_some_and(|w| w == "the"));
    words[start..].join(" ")
}

impl CorpusSpeakers {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the speakers of one article.
    pub fn add(&mut self, analysis: &ArticleAnalysis) {
        for speaker in &analysis.speakers {
            let key = key(&speaker.name);
            if key.is_empty() {
                continue;
            }
            let entry = self.by_key.entry(key).or_insert_with(|| CorpusSpeaker {
                name: speaker.name.clone(),
                kind: speaker.kind,
                also_called: Vec::new(),
                articles: 0,
                sentences: 0,
                stances: BTreeMap::new(),
                sentiments: BTreeMap::new(),
            });
            if speaker.kind == SpeakerKind::Person {
                entry.kind = SpeakerKind::Person;
            }
            entry.articles += 1;
            entry.sentences += speaker.sentences.len();
            *entry.stances.entry(speaker.stance.clone()).or_default() += 1;
            *entry.sentiments.entry(speaker.sentiment.clone()).or_default() += 1;
        }
    }

    /// The table: one-word names of people merged into the one full name that ends with them,
    /// then sorted by articles (most first), sentences, and name.
    pub fn finish(self) -> Vec<CorpusSpeaker> {
        let mut by_key = self.by_key;
        let single: Vec<String> = by_key.keys().filter(|k| !k.contains(' ')).cloned().collect();
        for word in single {
            let suffix = format!(" {word}");
            let fuller: Vec<&String> = by_key
                .iter()
                .filter(|(k, s)| k.ends_with(&suffix) && s.kind == SpeakerKind::Person)
                .map(|(k, _)| k)
                .collect();
            if let [full] = fuller.as_slice() {
                let full = (*full).clone();
                let speaker = by_key.remove(&word).expect("a listed key");
                by_key.get_mut(&full).expect("a listed key").absorb(speaker);
            }
        }
        let mut speakers: Vec<CorpusSpeaker> = by_key.into_values().collect();
        speakers.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.sentences.cmp(&a.sentences))
                .then_with(|| a.name.cmp(&b.name))
        });
        speakers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::SpeakerStance;
    use crate::verdict::ArticleVerdict;

    fn speaker(name: &str, kind: SpeakerKind, stance: &str, sentences: usize) -> SpeakerStance {
        SpeakerStance {
            name: name.into(),
            kind,
            aliases: vec![],
            roles: vec![],
            stance: stance.into(),
            confidence: 0.8,
            votes: BTreeMap::new(),
            sentiment: "negative".into(),
            sentiment_confidence: 0.7,
            sentences: (0..sentences).collect(),
        }
    }

    fn article(speakers: Vec<SpeakerStance>) -> ArticleAnalysis {
        ArticleAnalysis {
            sentences: vec![],
            speakers,
            article: ArticleVerdict {
                stance: "neutral".into(),
                stance_probability: 1.0,
                stance_probabilities: BTreeMap::new(),
                sentiment: "neutral".into(),
                sentiment_probability: 1.0,
                sentiment_probabilities: BTreeMap::new(),
                mixed: false,
                stance_shares: BTreeMap::new(),
                sentiment_shares: BTreeMap::new(),
            },
        }
    }

    #[test]
    fn one_person_across_articles_under_several_names() {
        let mut corpus = CorpusSpeakers::new();
        corpus.add(&article(vec![
            speaker("Ashraf Ghani", SpeakerKind::Person, "military", 3),
            speaker("The Pentagon", SpeakerKind::Organisation, "neutral", 1),
        ]));
        corpus.add(&article(vec![
            speaker("Ghani", SpeakerKind::Organisation, "military", 2),
            speaker("Pentagon", SpeakerKind::Organisation, "military", 2),
        ]));
        corpus.add(&article(vec![speaker(
            "Ashraf Ghani",
            SpeakerKind::Person,
            "negotiation",
            1,
        )]));
        let table = corpus.finish();
        assert_eq!(table.len(), 2);
        let ghani = &table[0];
        assert_eq!(ghani.name, "Ashraf Ghani");
        assert_eq!(ghani.also_called, ["Ghani"]);
        assert_eq!((ghani.articles, ghani.sentences), (3, 6));
        assert_eq!(ghani.stance(), "military");
        assert!((ghani.stance_share("military") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(ghani.kind, SpeakerKind::Person);
        let pentagon = &table[1];
        assert_eq!((pentagon.name.as_str(), pentagon.articles), ("The Pentagon", 2));
        assert_eq!(pentagon.stance(), "military", "a tie goes to the first label");
        assert_eq!(pentagon.sentiment(), "negative");
    }

    #[test]
    fn a_shared_surname_stays_apart() {
        let mut corpus = CorpusSpeakers::new();
        corpus.add(&article(vec![
            speaker("Anna Brel", SpeakerKind::Person, "neutral", 1),
            speaker("Piet Brel", SpeakerKind::Person, "neutral", 1),
        ]));
        corpus.add(&article(vec![speaker("Brel", SpeakerKind::Person, "military", 1)]));
        let names: Vec<String> = corpus.finish().into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["Anna Brel", "Brel", "Piet Brel"]);
    }
}
