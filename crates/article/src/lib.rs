//! Analysis of a whole article, sentence by sentence and speaker by speaker.
//!
//! The flow, one module per stage:
//!
//! 1. [`segment`]: text -> paragraphs, a headline, sentences (surviving `U.S.`, `Gen.`, `Jan. 5`,
//!    `J. K. Rowling`, `3.5`, ellipses) and quotations, with byte spans into the text;
//! 2. [`attribution`]: who speaks in each sentence (`X said`, `said X`, `according to X`, `X,
//!    the adviser, argues that`, ...), with later references resolved (surname, role, `he`/`she`,
//!    quotations over several sentences);
//! 3. per sentence, a stance and a sentiment [`Judgement`] from two [`stance_model::Classifier`]s,
//!    reading the sentence without the words that name its speaker (who speaks is not what they
//!    push; see [`AnalysisOptions::mask_speakers`]), with the evidence terms located in the text;
//! 4. per speaker, the stance they push ([`SpeakerStance`]): a probability-weighted vote over
//!    their non-neutral sentences;
//! 5. the article ([`ArticleVerdict`]): mean sentence probabilities (headline counted twice),
//!    label shares, and whether it is `mixed`;
//! 6. [`render`]: text for people, a self-contained HTML page, and JSON
//!    ([`ArticleAnalysis::to_json`]).
//!
//! [`analyze`] runs it all:
//!
//! ```
//! use linfa::ParamGuard;
//! use stance_features::FeatureConfig;
//! use stance_model::{Classifier, NaiveBayesParams};
//!
//! let params = NaiveBayesParams::new().check()?;
//! let stance = Classifier::train(FeatureConfig::default(), &params, &[
//!     ("The army must launch an offensive and crush the rebels.", "military"),
//!     ("Troops shelled rebel positions and air strikes hit the camps.", "military"),
//!     ("Both sides should return to peace talks and agree a ceasefire.", "negotiation"),
//!     ("Mediators urged dialogue and a negotiated settlement.", "negotiation"),
//!     ("The city hosted a trade fair and the weather was mild.", "neutral"),
//!     ("Elections are due next spring.", "neutral"),
//! ])?;
//! let sentiment = Classifier::train(FeatureConfig::default(), &params, &[
//!     ("Hope returned as the talks made progress.", "positive"),
//!     ("The shelling killed dozens and destroyed homes.", "negative"),
//!     ("The meeting is scheduled for Monday.", "neutral"),
//! ])?;
//!
//! let article = "Minister Demands Offensive\n\n\
//!     Defence Minister Oren Kastrel said the army must launch an offensive. \
//!     The mediator, Lina Ferro, urged both sides to return to peace talks. \
//!     “A ceasefire is the only way,” she said.";
//! let analysis = stance_article::analyze(article, &stance, &sentiment);
//!
//! assert_eq!(analysis.sentences.len(), 4);
//! assert_eq!(analysis.speaker("Oren Kastrel").unwrap().stance, "military");
//! assert_eq!(analysis.speaker("Lina Ferro").unwrap().stance, "negotiation");
//! assert_eq!(analysis.sentences[3].speaker.as_deref(), Some("Lina Ferro"));
//! assert!(analysis.article.mixed);
//! assert!(analysis.to_html().contains("Lina Ferro"));
//! let json: serde_json::Value = serde_json::from_str(&analysis.to_json()).unwrap();
//! assert_eq!(json["speakers"][0]["name"], "Oren Kastrel");
//! # Ok::<(), stance_model::ModelError>(())
//! ```
//!
//! # JSON
//!
//! [`ArticleAnalysis::to_json`] writes one object (field order as listed; probabilities and
//! shares are maps from label to a number in `[0, 1]`, labels in sorted order; spans are byte
//! offsets into the analyzed text, `end` exclusive):
//!
//! ```text
//! {
//!   "sentences": [                      // every sentence, in order
//!     { "index": 0,                     // position, from 0
//!       "text": "...",                  // the sentence as written
//!       "span": {"start": 0, "end": 42},
//!       "paragraph": 0,                 // paragraph number, from 0
//!       "headline": true,               // the first line, with no final punctuation
//!       "speaker": "Oren Kastrel",      // canonical name of the speaker, or null
//!       "attribution": "name",          // how: "name" | "role" | "pronoun" | "quote" | null
//!       "speaker_mention": {"start": 0, "end": 20},  // where it names the speaker, or null
//!       "quote": false,                 // part of a quotation of reported speech
//!       "stance": {                     // the stance model's verdict
//!         "label": "military", "probability": 0.81,
//!         "probabilities": {"military": 0.81, "negotiation": 0.12, "neutral": 0.07},
//!         "evidence": [                 // up to 5 terms, strongest first
//!           {"term": "offens", "weight": 1.9, "value": 1.0,
//!            "matches": [{"start": 30, "end": 39}]} ] },
//!       "sentiment": { ...same shape... } } ],
//!   "speakers": [                       // speakers with at least one sentence, by first appearance
//!     { "name": "Oren Kastrel",
//!       "kind": "person",               // "person" | "organisation"
//!       "aliases": ["Minister Kastrel", "Kastrel"],
//!       "roles": ["defence minister"],
//!       "stance": "military",           // the stance pushed ("neutral" on weak evidence)
//!       "confidence": 0.71,             // the winning label's share of the vote
//!       "votes": {"military": 2.1, "negotiation": 0.5, "neutral": 0.4},
//!       "sentiment": "negative",        // the tone of their sentences, voted the same way
//!       "sentiment_confidence": 0.64,
//!       "sentences": [4, 5, 9] } ],
//!   "article": {
//!     "stance": "negotiation",          // argmax of the mean sentence probabilities
//!     "stance_probability": 0.52,
//!     "stance_probabilities": {...},
//!     "sentiment": "negative",
//!     "sentiment_probability": 0.48,
//!     "sentiment_probabilities": {...},
//!     "mixed": true,                    // different approaches pushed (see ArticleVerdict::mixed)
//!     "stance_shares": {"military": 0.3, "negotiation": 0.5, "neutral": 0.2},
//!     "sentiment_shares": {...} } }
//! ```
//!
//! Everything is deterministic: the same text and models give the same bytes, in every rendering.

#![warn(missing_docs)]

mod analysis;
pub mod attribution;
pub mod corpus;
mod evidence;
mod judgement;
pub mod render;
pub mod segment;
mod span;
mod speakers;
mod verdict;

pub use analysis::{analyze, analyze_with, AnalysisOptions, ArticleAnalysis, SentenceAnalysis};
pub use corpus::{CorpusSpeaker, CorpusSpeakers};
pub use judgement::{EvidenceTerm, Judgement, LabelProbabilities, Matches};
pub use span::Span;
pub use speakers::SpeakerStance;
pub use verdict::ArticleVerdict;
