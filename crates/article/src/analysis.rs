//! The analysis of a whole article: segmentation, attribution, classification, speakers, verdict.

use serde::Serialize;
use stance_model::Classifier;

use crate::attribution::{attribute, Via};
use crate::judgement::{judge, Judgement};
use crate::segment::segment;
use crate::speakers::{speaker_stances, SpeakerStance};
use crate::verdict::{aggregate, is_mixed, ArticleVerdict};
use crate::Span;

/// Settings of an analysis; the defaults are those the crate documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalysisOptions {
    /// The stance (and sentiment) label that takes no side: `neutral`.
    pub neutral_label: String,
    /// Evidence terms kept per sentence and model: 5.
    pub evidence_terms: usize,
    /// How many sentences the headline counts for in the aggregate: 2.
    pub headline_weight: f64,
    /// A speaker pushes a stance toward `mixed` when more than this share of their non-neutral
    /// vote goes to it (a majority: 0.5) ...
    pub speaker_majority: f64,
    /// ... over at least this many of their sentences that take a side: 2. One remark is not a
    /// position.
    pub speaker_sentences: usize,
    /// The probability from which a sentence counts toward `mixed`: 0.6.
    pub confident_sentence: f64,
    /// The share of confident sentences each of two stances needs for `mixed`: 0.25.
    pub mixed_share: f64,
    /// Whether the models read a sentence without the words that name its speaker (`Defence
    /// Minister Oren Kastrel said ...` is classified as `said ...`): `true`. The stance a
    /// sentence pushes is in what is said, not in who says it, and a speaker's name or title
    /// that the training data happens to associate with one label would otherwise decide it.
    pub mask_speakers: bool,
    /// A speaker leans only on enough evidence: the summed (calibrated) probability of their
    /// winning stance over their sentences must reach this (0.75: one confident sentence, or two
    /// hesitant ones); below it the evidence is weak and the speaker is `neutral`. How balanced
    /// a lean is shows in its confidence (the winning share of the vote).
    pub lean_evidence: f64,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        Self {
            neutral_label: "neutral".to_string(),
            evidence_terms: 5,
            headline_weight: 2.0,
            speaker_majority: 0.5,
            speaker_sentences: 2,
            confident_sentence: 0.6,
            mixed_share: 0.25,
            mask_speakers: true,
            lean_evidence: 0.75,
        }
    }
}

/// One sentence, analyzed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceAnalysis {
    /// Position in the article, from 0.
    pub index: usize,
    /// The sentence as written.
    pub text: String,
    /// Where it lies in the article.
    pub span: Span,
    /// Its paragraph, from 0.
    pub paragraph: usize,
    /// Whether it is the headline.
    pub headline: bool,
    /// The speaker's canonical name, if the sentence reports someone's words or position.
    pub speaker: Option<String>,
    /// How the speaker was found.
    pub attribution: Option<Via>,
    /// Where the sentence names its speaker, by name or role (blanked out for the models when
    /// [`AnalysisOptions::mask_speakers`] is set).
    pub speaker_mention: Option<Span>,
    /// Whether the sentence is part of a quotation of reported speech.
    pub quote: bool,
    /// The stance model's verdict.
    pub stance: Judgement,
    /// The sentiment model's verdict.
    pub sentiment: Judgement,
}

/// The analysis of an article: its sentences, its speakers, and the verdict on the whole.
///
/// Serializes to the JSON documented at the crate root.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleAnalysis {
    /// Every sentence, in order.
    pub sentences: Vec<SentenceAnalysis>,
    /// Every speaker with at least one sentence, in order of first appearance.
    pub speakers: Vec<SpeakerStance>,
    /// The verdict on the article.
    pub article: ArticleVerdict,
}

impl ArticleAnalysis {
    /// The analysis as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an analysis always serializes")
    }

    /// The speaker named `name` (canonical name or alias).
    pub fn speaker(&self, name: &str) -> Option<&SpeakerStance> {
        self.speakers
            .iter()
            .find(|s| s.name == name)
            .or_else(|| self.speakers.iter().find(|s| s.aliases.iter().any(|a| a == name)))
    }
}

/// Analyzes `article` with a stance and a sentiment classifier, with default options.
pub fn analyze(article: &str, stance: &Classifier, sentiment: &Classifier) -> ArticleAnalysis {
    analyze_with(article, stance, sentiment, &AnalysisOptions::default())
}

/// Analyzes `article` with a stance and a sentiment classifier.
pub fn analyze_with(
    article: &str,
    stance: &Classifier,
    sentiment: &Classifier,
    options: &AnalysisOptions,
) -> ArticleAnalysis {
    let segmentation = segment(article);
    let attribution = attribute(article, &segmentation);
    let spans: Vec<Span> = segmentation.sentences.iter().map(|s| s.span).collect();
    let mentions: Vec<Option<Span>> = attribution
        .sentences
        .iter()
        .map(|a| a.and_then(|a| a.mention))
        .collect();
    let masks: &[Option<Span>] = if options.mask_speakers { &mentions } else { &[] };
    let mut sentences: Vec<SentenceAnalysis> = segmentation
        .sentences
        .iter()
        .zip(attribution.sentences.iter())
        .map(|(sentence, attributed)| SentenceAnalysis {
            index: sentence.index,
            text: sentence.text(article).to_string(),
            span: sentence.span,
            paragraph: sentence.paragraph,
            headline: sentence.headline,
            speaker: attributed.map(|a| attribution.speakers[a.speaker].name.clone()),
            attribution: attributed.map(|a| a.via),
            speaker_mention: attributed.and_then(|a| a.mention),
            quote: sentence.quote.is_some(),
            stance: Judgement::default(),
            sentiment: Judgement::default(),
        })
        .collect();
    judge(
        stance,
        article,
        &spans,
        masks,
        options.evidence_terms,
        |i, judgement| sentences[i].stance = judgement,
    );
    judge(
        sentiment,
        article,
        &spans,
        masks,
        options.evidence_terms,
        |i, judgement| sentences[i].sentiment = judgement,
    );
    let stance_judgements: Vec<&Judgement> = sentences.iter().map(|s| &s.stance).collect();
    let sentiment_judgements: Vec<&Judgement> = sentences.iter().map(|s| &s.sentiment).collect();
    let speakers = speaker_stances(
        &attribution.speakers,
        &stance_judgements,
        &sentiment_judgements,
        options,
    );
    let headline = segmentation.sentences.iter().position(|s| s.headline);
    let fallback = options.neutral_label.as_str();
    let stance_total = aggregate(
        &stance_judgements,
        stance.labels(),
        headline,
        options.headline_weight,
        fallback,
    );
    let sentiment_total = aggregate(
        &sentiment_judgements,
        sentiment.labels(),
        headline,
        options.headline_weight,
        fallback,
    );
    let mixed = is_mixed(&stance_judgements, &speakers, options);
    ArticleAnalysis {
        sentences,
        speakers,
        article: ArticleVerdict {
            stance: stance_total.label,
            stance_probability: stance_total.probability,
            stance_probabilities: stance_total.probabilities,
            sentiment: sentiment_total.label,
            sentiment_probability: sentiment_total.probability,
            sentiment_probabilities: sentiment_total.probabilities,
            mixed,
            stance_shares: stance_total.shares,
            sentiment_shares: sentiment_total.shares,
        },
    }
}
