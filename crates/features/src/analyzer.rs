//! The text analyzer: tokenizer -> normalizer -> negation -> stop words -> stemmer -> n-grams.
//!
//! [`AnalyzerConfig`] is data (it serializes with the model); [`Analyzer`] is the checked,
//! ready-to-run form. Running needs an [`AnalyzerScratch`] per thread: it holds the reused buffers,
//! so no `String` is allocated per token once they are warm; the stemmer caches stems per thread,
//! so a word is stemmed once.
//!
//! A text is analyzed [`UNITS_PER_BATCH`] unigrams at a time: the tokenizer streams, and each
//! batch's n-grams are emitted before the next batch is read, with the last `max - 1` unigrams
//! carried over so that no n-gram spanning two batches is lost (nor counted twice). Memory thus
//! depends on the batch, not on the length of the text: a 100 MB text costs what a 50 KB one does.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::negation::{ends_scope, is_cue_in, NegationConfig, NEGATION_PREFIX, REFUSAL_PREFIX};
use crate::ngrams::NgramRange;
use crate::normalizer::NormalizerConfig;
use crate::stemmer::{Language, Stemmer};
use crate::stopwords::StopWords;
use crate::tokenizer::{tokens, NumberPolicy, TokenKind, TokenizerConfig, Tokens, NUMBER_TOKEN};
use crate::FeatureError;

/// Every setting that turns a text into terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyzerConfig {
    /// Tokenizer settings.
    pub tokenizer: TokenizerConfig,
    /// Normalizer settings.
    pub normalizer: NormalizerConfig,
    /// Negation marking.
    pub negation: NegationConfig,
    /// Stop words removed after negation marking.
    pub stopwords: StopWords,
    /// Stemming language, or `None` for no stemming.
    pub stemmer: Option<Language>,
    /// The n-gram lengths produced.
    pub ngrams: NgramRange,
    /// Whether n-grams made only of function words (`he would`, `but the`) are terms. Not part
    /// of this struct's serialized form (model files store it apart, so that files written
    /// before it existed still load): see the model file format.
    #[serde(skip)]
    pub function_word_ngrams: FunctionWordNgrams,
    /// How many of a text's first content words (its units: after stop words, stemming and scope
    /// marking; function words of the English list and negation or refusal cues skipped) are read
    /// a second time as lead terms,
    /// each marked [`LEAD_PREFIX`], with their own n-grams (never joined to the text's): news says
    /// who did what first. 0 (the default, and models written before it existed) reads no lead.
    /// At most [`MAX_LEAD_WORDS`]. Stored apart, as `function_word_ngrams` is.
    #[serde(skip)]
    pub lead_words: usize,
}

/// The prefix of a lead term (see [`AnalyzerConfig::lead_words`]): `LEAD_strike`.
pub const LEAD_PREFIX: &str = "LEAD_";

/// The longest lead [`AnalyzerConfig::lead_words`] allows: the lead is held whole while the rest
/// of the text goes batch by batch.
pub const MAX_LEAD_WORDS: usize = 1000;

/// Whether n-grams (n >= 2) made only of function words (the English stop-word list, unmarked by
/// a negation scope) are terms. Unigrams are never affected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FunctionWordNgrams {
    /// They are terms, as in models trained before this setting existed.
    #[default]
    Keep,
    /// They are not: "he would not" gives `he`, `would`, `not`, `would not`, but no `he would`.
    Drop,
}

impl FunctionWordNgrams {
    /// The name the command line gives it (`keep`, `drop`).
    pub fn name(self) -> &'static str {
        match self {
            FunctionWordNgrams::Keep => "keep",
            FunctionWordNgrams::Drop => "drop",
        }
    }
}

impl std::str::FromStr for FunctionWordNgrams {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "keep" => Ok(FunctionWordNgrams::Keep),
            "drop" => Ok(FunctionWordNgrams::Drop),
            _ => Err(format!("`{s}` is neither keep nor drop")),
        }
    }
}

impl std::fmt::Display for FunctionWordNgrams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Default for AnalyzerConfig {
    /// Numbers as `<num>`, negation marked, no stop words, English stemming, 1..=2-grams.
    fn default() -> Self {
        Self {
            tokenizer: TokenizerConfig::default(),
            normalizer: NormalizerConfig::default(),
            negation: NegationConfig::default(),
            stopwords: StopWords::None,
            stemmer: Some(Language::English),
            ngrams: NgramRange::default(),
            function_word_ngrams: FunctionWordNgrams::Keep,
            lead_words: 0,
        }
    }
}

impl AnalyzerConfig {
    /// Checks the settings on their own: an n-gram range `NgramRange::new` accepts, at most
    /// [`MAX_LEAD_WORDS`] lead words.
    pub fn check(&self) -> Result<(), FeatureError> {
        NgramRange::new(self.ngrams.min, self.ngrams.max)?;
        if self.lead_words > MAX_LEAD_WORDS {
            return Err(FeatureError::LeadWords(self.lead_words));
        }
        Ok(())
    }
}

/// Unigrams analyzed together before their n-grams are emitted (some 50 KB of English text): the
/// memory of one analysis, whatever the length of the text.
pub const UNITS_PER_BATCH: usize = 8192;

/// A checked analyzer, ready to turn texts into terms.
#[derive(Debug)]
pub struct Analyzer {
    config: AnalyzerConfig,
    stopwords: FxHashSet<String>,
    cues: Option<FxHashSet<String>>,
    /// Refusal cues, contrast words ending a scope, and the function words a scope skips
    /// (empty unless the scope rules ask for them).
    refusal_cues: FxHashSet<String>,
    scope_enders: FxHashSet<String>,
    agreement_words: FxHashSet<String>,
    /// The English stop words, when a scope skips them or n-grams of them are dropped (else
    /// empty), and whether a scope skips them.
    function_words: FxHashSet<String>,
    scope_skips_function_words: bool,
    stemmer: Option<Stemmer>,
}

/// An open negation or refusal scope: its prefix, and how many more words it may mark.
#[derive(Debug, Clone, Copy)]
struct OpenScope {
    prefix: &'static str,
    left: Option<usize>,
}

/// Per-thread buffers of an [`Analyzer`].
#[derive(Debug, Default)]
pub struct AnalyzerScratch {
    word: String,
    units: Vec<String>,
    /// Whether each unit is a function word (kept only when n-grams of them are dropped).
    function_units: Vec<bool>,
    /// Whether each unit is a content word: neither a function word (marked or not) nor a
    /// negation or refusal cue. Only content words are read again in the lead.
    content_units: Vec<bool>,
    n_units: usize,
    /// The lead's units, prefixed (content words only, so no n-gram of them is made only of
    /// function words).
    lead_units: Vec<String>,
    n_lead: usize,
    ngram: String,
}

/// Where n-grams find their nodes, by the ids of their units: a table that adds what it has not
/// seen (training counts into it) or an index that only looks up (prediction).
pub trait NgramNodes {
    /// The id of the unit `text`, if it has one (or gets one).
    fn unit(&mut self, text: &str) -> Option<u32>;
    /// The node of the n-gram made of the node `prefix` (none for a unigram) and `unit`.
    fn node(&mut self, prefix: Option<u32>, unit: u32) -> Option<u32>;
}

/// Scratch space of [`Analyzer::for_each_term_node`], reused from text to text.
#[derive(Debug, Clone, Default)]
pub struct NodeScratch {
    units: Vec<Option<u32>>,
    nodes: Vec<Option<u32>>,
    counted: Vec<Option<u32>>,
}

/// One batch of a text's unigram terms (units), as [`Analyzer::for_each_unit_batch`] gives them.
#[derive(Debug, Clone, Copy)]
pub struct UnitBatch<'a> {
    /// The units, in text order.
    pub units: &'a [String],
    /// Whether each unit is a function word, when n-grams made only of them are dropped.
    pub function_units: Option<&'a [bool]>,
    /// The number of units at the front carried over from the batch before (n-grams that end
    /// among them were counted there).
    pub first: usize,
}

impl Analyzer {
    /// Checks `config` and builds the analyzer.
    pub fn new(config: AnalyzerConfig) -> Result<Self, FeatureError> {
        config.check()?;
        let mut stopwords = config.stopwords.to_set();
        stopwords.retain(|w| !config.negation.is_cue(w));
        let stemmer = config.stemmer.map(Stemmer::new);
        let cues = config.negation.cue_set();
        let rules = &config.negation.scope;
        let enabled = config.negation.enabled;
        let set = |words: &[String]| -> FxHashSet<String> {
            if enabled {
                words.iter().cloned().collect()
            } else {
                FxHashSet::default()
            }
        };
        let refusal_cues = set(&rules.refusal_cues);
        let scope_enders = set(&rules.enders);
        let agreement_words = set(&rules.agreement_words);
        let scope_skips_function_words = enabled && rules.content_words_only;
        let function_words = if scope_skips_function_words
            || config.function_word_ngrams == FunctionWordNgrams::Drop
            || config.lead_words > 0
        {
            StopWords::English.to_set()
        } else {
            FxHashSet::default()
        };
        Ok(Self {
            config,
            stopwords,
            cues,
            refusal_cues,
            scope_enders,
            agreement_words,
            function_words,
            scope_skips_function_words,
            stemmer,
        })
    }

    /// The configuration this analyzer was built from.
    pub fn config(&self) -> &AnalyzerConfig {
        &self.config
    }

    /// Calls `emit` with every term of `text`: all unigrams, then bigrams, and so on, in text order
    /// (a text of more than [`UNITS_PER_BATCH`] unigrams goes batch by batch, in that order within
    /// each batch), then the lead's terms in the same order (see [`AnalyzerConfig::lead_words`]).
    pub fn for_each_term<F: FnMut(&str)>(&self, text: &str, scratch: &mut AnalyzerScratch, emit: F) {
        self.for_each_term_in_batches(text, UNITS_PER_BATCH, scratch, emit);
    }

    /// [`Analyzer::for_each_term`] with `units_per_batch` unigrams a batch (at least 1): the same
    /// terms, as many times each, whatever the batch size; only their order differs.
    pub fn for_each_term_in_batches<F: FnMut(&str)>(
        &self,
        text: &str,
        units_per_batch: usize,
        scratch: &mut AnalyzerScratch,
        mut emit: F,
    ) {
        let ngrams = self.config.ngrams;
        let mut ngram = std::mem::take(&mut scratch.ngram);
        self.for_each_unit_batch_of(text, units_per_batch, scratch, |batch| {
            ngrams.for_each_from(batch.units, batch.function_units, batch.first, &mut ngram, &mut emit);
        });
        scratch.ngram = ngram;
    }

    /// Calls `batch` with the unigram terms (units) of `text`, [`UNITS_PER_BATCH`] at a time: the
    /// terms are the n-grams of each batch's units that [`NgramRange::counts`] admits. For counting
    /// n-grams by the ids of their units, without joining their strings.
    pub fn for_each_unit_batch<F: FnMut(&UnitBatch<'_>)>(&self, text: &str, scratch: &mut AnalyzerScratch, batch: F) {
        self.for_each_unit_batch_of(text, UNITS_PER_BATCH, scratch, batch);
    }

    /// Calls `emit` with `nodes` and the nodes of the terms of each batch of `text` (`None` for a
    /// term without one): the terms [`for_each_term`](Self::for_each_term) gives, in its order,
    /// found by the ids of their units and never joined into strings.
    pub fn for_each_term_node<N, F>(
        &self,
        text: &str,
        scratch: &mut AnalyzerScratch,
        buffers: &mut NodeScratch,
        nodes: &mut N,
        mut emit: F,
    ) where
        N: NgramNodes,
        F: FnMut(&mut N, &[Option<u32>]),
    {
        let ngrams = self.config.ngrams;
        self.for_each_unit_batch(text, scratch, |batch| {
            buffers.units.clear();
            buffers.units.extend(batch.units.iter().map(|unit| nodes.unit(unit)));
            ngrams.counted_nodes(
                &buffers.units,
                batch.function_units,
                batch.first,
                &mut buffers.nodes,
                &mut buffers.counted,
                |prefix, unit| nodes.node(prefix, unit),
            );
            emit(nodes, &buffers.counted);
        });
    }

    fn for_each_unit_batch_of<F: FnMut(&UnitBatch<'_>)>(
        &self,
        text: &str,
        units_per_batch: usize,
        scratch: &mut AnalyzerScratch,
        mut batch: F,
    ) {
        let units_per_batch = units_per_batch.max(1);
        // The unigrams an n-gram that ends in the next batch may start with.
        let carry = self.config.ngrams.max.saturating_sub(1);
        let mut tokens = tokens(text);
        let mut scope = None;
        let mut carried: usize = 0;
        scratch.n_units = 0;
        scratch.n_lead = 0;
        loop {
            let more = self.fill_units(
                &mut tokens,
                &mut scope,
                scratch,
                carried.saturating_add(units_per_batch),
            );
            self.take_lead(scratch, carried);
            let AnalyzerScratch {
                units,
                function_units,
                n_units,
                ..
            } = scratch;
            batch(&UnitBatch {
                units: &units[..*n_units],
                function_units: match self.config.function_word_ngrams {
                    FunctionWordNgrams::Keep => None,
                    FunctionWordNgrams::Drop => Some(&function_units[..*n_units]),
                },
                first: carried,
            });
            if !more {
                break;
            }
            // Move the last `carry` unigrams to the front (the strings move, nothing is copied).
            carried = (*n_units).min(carry);
            units[..*n_units].rotate_left(*n_units - carried);
            scratch.function_units[..*n_units].rotate_left(*n_units - carried);
            scratch.content_units[..*n_units].rotate_left(*n_units - carried);
            *n_units = carried;
        }
        if scratch.n_lead > 0 {
            batch(&UnitBatch {
                units: &scratch.lead_units[..scratch.n_lead],
                function_units: None,
                first: 0,
            });
        }
    }

    /// Copies the content units of the current batch from `carried` on (the new ones) into the
    /// lead, marked, until it holds [`AnalyzerConfig::lead_words`].
    fn take_lead(&self, scratch: &mut AnalyzerScratch, carried: usize) {
        let wanted = self.config.lead_words;
        let AnalyzerScratch {
            units,
            content_units,
            n_units,
            lead_units,
            n_lead,
            ..
        } = scratch;
        for (unit, &content) in units[carried..*n_units].iter().zip(&content_units[carried..*n_units]) {
            if *n_lead >= wanted {
                return;
            }
            if !content {
                continue;
            }
            if *n_lead == lead_units.len() {
                lead_units.push(String::new());
            }
            let slot = &mut lead_units[*n_lead];
            slot.clear();
            slot.push_str(LEAD_PREFIX);
            slot.push_str(unit);
            *n_lead += 1;
        }
    }

    /// The terms of `text` as owned strings (convenient, slower than [`Analyzer::for_each_term`]).
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.for_each_term(text, &mut AnalyzerScratch::default(), |t| out.push(t.to_string()));
        out
    }

    /// Appends the unigram terms of the next tokens to `scratch.units` until it holds `limit`
    /// (true: more tokens may follow) or the tokens run out (false). `scope` is the open
    /// negation or refusal scope, carried from batch to batch.
    fn fill_units(
        &self,
        tokens: &mut Tokens<'_>,
        scope: &mut Option<OpenScope>,
        scratch: &mut AnalyzerScratch,
        limit: usize,
    ) -> bool {
        while scratch.n_units < limit {
            let Some(token) = tokens.next() else {
                return false;
            };
            match token.kind {
                TokenKind::Punctuation => {
                    if ends_scope(token.text) {
                        *scope = None;
                    }
                    continue;
                }
                TokenKind::Number => match self.config.tokenizer.numbers {
                    NumberPolicy::Drop => continue,
                    NumberPolicy::Token => {
                        let prefix = mark(scope);
                        push_unit(scratch, NUMBER_TOKEN, prefix, false, true);
                        continue;
                    }
                    NumberPolicy::Keep => {}
                },
                TokenKind::Word => {}
            }
            let mut word = std::mem::take(&mut scratch.word);
            self.config.normalizer.normalize_into(token.text, &mut word);
            let window = self.config.negation.scope.window;
            let function = self.function_words.contains(word.as_str());
            if self.refusal_cues.contains(word.as_str()) {
                self.push_stem(scratch, &word, None, function, false);
                *scope = Some(OpenScope {
                    prefix: REFUSAL_PREFIX,
                    left: window,
                });
            } else if is_cue_in(self.cues.as_ref(), &word) {
                self.push_stem(scratch, &word, None, function, false);
                *scope = Some(OpenScope {
                    prefix: NEGATION_PREFIX,
                    left: window,
                });
            } else if self.scope_enders.contains(word.as_str()) {
                *scope = None;
                if !self.stopwords.contains(word.as_str()) {
                    self.push_stem(scratch, &word, None, function, !function);
                }
            } else if !self.stopwords.contains(word.as_str()) {
                let prefix = if function && self.scope_skips_function_words {
                    None
                } else {
                    if self.agreement_words.contains(word.as_str()) {
                        if let Some(open) = scope.as_mut() {
                            open.prefix = REFUSAL_PREFIX;
                        }
                    }
                    mark(scope)
                };
                self.push_stem(scratch, &word, prefix, function && prefix.is_none(), !function);
            }
            scratch.word = word;
        }
        true
    }

    fn push_stem(
        &self,
        scratch: &mut AnalyzerScratch,
        word: &str,
        prefix: Option<&str>,
        function: bool,
        content: bool,
    ) {
        match &self.stemmer {
            Some(stemmer) => stemmer.with_stem(word, |stem| push_unit(scratch, stem, prefix, function, content)),
            None => push_unit(scratch, word, prefix, function, content),
        }
    }
}

/// The prefix of the next word inside `scope`, if any; counts the word against the scope's
/// window and closes the scope when the window is used up.
fn mark(scope: &mut Option<OpenScope>) -> Option<&'static str> {
    let open = scope.as_mut()?;
    let prefix = open.prefix;
    match &mut open.left {
        Some(0) => {
            *scope = None;
            return None;
        }
        Some(left) => {
            *left -= 1;
            if *left == 0 {
                *scope = None;
            }
        }
        None => {}
    }
    Some(prefix)
}

/// Appends one unigram term (with its scope's prefix, if any) to the scratch buffers, whether it
/// counts as a function word for n-grams and whether it is a content word for the lead.
fn push_unit(scratch: &mut AnalyzerScratch, unit: &str, prefix: Option<&str>, function: bool, content: bool) {
    if scratch.n_units == scratch.units.len() {
        scratch.units.push(String::new());
        scratch.function_units.push(false);
        scratch.content_units.push(false);
    }
    scratch.function_units[scratch.n_units] = function;
    scratch.content_units[scratch.n_units] = content;
    let slot = &mut scratch.units[scratch.n_units];
    slot.clear();
    if let Some(prefix) = prefix {
        slot.push_str(prefix);
    }
    slot.push_str(unit);
    scratch.n_units += 1;
}
#[cfg(test)]
mod tests {
    use super::*;

    fn unigrams(config: AnalyzerConfig, text: &str) -> Vec<String> {
        let config = AnalyzerConfig {
            ngrams: NgramRange { min: 1, max: 1 },
            ..config
        };
        Analyzer::new(config).unwrap().terms(text)
    }

    fn narrow() -> AnalyzerConfig {
        let mut config = AnalyzerConfig::default();
        config.negation.scope = crate::negation::ScopeRules::narrow();
        config.stemmer = None;
        config
    }

    #[test]
    fn a_narrow_scope_ends_at_a_contrast_word_and_skips_function_words() {
        assert_eq!(
            unigrams(narrow(), "He would not negotiate with terrorists but would defeat them"),
            [
                "he",
                "would",
                "not",
                "NOT_negotiate",
                "with",
                "NOT_terrorists",
                "but",
                "would",
                "defeat",
                "them"
            ]
        );
        // The classic scope runs to the clause's end, function words and all.
        let classic = AnalyzerConfig {
            stemmer: None,
            ..AnalyzerConfig::default()
        };
        assert_eq!(
            unigrams(classic, "not negotiate but defeat them"),
            ["not", "NOT_negotiate", "NOT_but", "NOT_defeat", "NOT_them"]
        );
    }

    #[test]
    fn a_narrow_scope_marks_at_most_its_window() {
        let terms = unigrams(narrow(), "never send troops tanks jets ships again");
        assert_eq!(
            terms,
            [
                "never",
                "NOT_send",
                "NOT_troops",
                "NOT_tanks",
                "NOT_jets",
                "ships",
                "again"
            ]
        );
    }

    #[test]
    fn refusals_open_a_scope_of_their_own() {
        assert_eq!(
            unigrams(narrow(), "The rebels rejected the talks."),
            ["the", "rebels", "rejected", "the", "REFUSE_talks"]
        );
        assert_eq!(
            unigrams(narrow(), "No talks were held."),
            ["no", "NOT_talks", "were", "NOT_held"]
        );
        let disabled = AnalyzerConfig {
            negation: NegationConfig {
                enabled: false,
                ..narrow().negation
            },
            ..narrow()
        };
        assert_eq!(unigrams(disabled, "rejected the talks"), ["rejected", "the", "talks"]);
    }

    #[test]
    fn a_negated_verb_of_agreement_reads_as_a_refusal() {
        let mut config = narrow();
        config.negation.scope = crate::negation::ScopeRules::narrow_refusals();
        assert_eq!(
            unigrams(config.clone(), "They will never accept a truce."),
            ["they", "will", "never", "REFUSE_accept", "a", "REFUSE_truce"]
        );
        assert_eq!(
            unigrams(config.clone(), "never sent troops to negotiate"),
            ["never", "NOT_sent", "NOT_troops", "to", "REFUSE_negotiate"]
        );
        assert_eq!(
            unigrams(config, "No talks were held."),
            ["no", "NOT_talks", "were", "NOT_held"]
        );
        assert_eq!(
            unigrams(narrow(), "They will never accept a truce."),
            ["they", "will", "never", "NOT_accept", "a", "NOT_truce"]
        );
    }

    #[test]
    fn the_lead_is_read_again_with_n_grams_of_its_own() {
        let config = AnalyzerConfig {
            stemmer: None,
            lead_words: 3,
            ..AnalyzerConfig::default()
        };
        let terms = Analyzer::new(config.clone())
            .unwrap()
            .terms("the jets did not strike the port");
        let lead: Vec<&str> = terms
            .iter()
            .map(String::as_str)
            .filter(|t| t.contains(LEAD_PREFIX))
            .collect();
        // The first three content units, scope marks kept (`the` and `did` are function words,
        // marked or not, `not` a cue); no n-gram joins the lead to the text.
        assert_eq!(
            lead,
            [
                "LEAD_jets",
                "LEAD_NOT_strike",
                "LEAD_NOT_port",
                "LEAD_jets LEAD_NOT_strike",
                "LEAD_NOT_strike LEAD_NOT_port"
            ]
        );
        assert_eq!(terms.len(), 7 + 6 + lead.len());
        // A text shorter than the lead is read again whole; an empty one has no lead.
        let short = Analyzer::new(AnalyzerConfig {
            lead_words: 10,
            ..config.clone()
        })
        .unwrap();
        assert_eq!(short.terms("ceasefire"), ["ceasefire", "LEAD_ceasefire"]);
        assert!(short.terms("").is_empty());
        assert_eq!(
            Analyzer::new(AnalyzerConfig {
                lead_words: MAX_LEAD_WORDS + 1,
                ..config
            })
            .unwrap_err(),
            FeatureError::LeadWords(MAX_LEAD_WORDS + 1)
        );
    }

    #[test]
    fn dropped_function_word_ngrams_leave_unigrams_and_mixed_ngrams() {
        let config = AnalyzerConfig {
            stemmer: None,
            function_word_ngrams: FunctionWordNgrams::Drop,
            ..AnalyzerConfig::default()
        };
        let terms = Analyzer::new(config).unwrap().terms("he would not fight");
        assert_eq!(terms, ["he", "would", "not", "NOT_fight", "would not", "not NOT_fight"]);
        let keep = AnalyzerConfig {
            stemmer: None,
            ..AnalyzerConfig::default()
        };
        assert!(Analyzer::new(keep)
            .unwrap()
            .terms("he would not fight")
            .contains(&"he would".to_string()));
    }

    #[test]
    fn the_issue_example_marks_approve_air_and_strikes() {
        let config = AnalyzerConfig {
            stopwords: StopWords::English,
            ..AnalyzerConfig::default()
        };
        assert_eq!(
            unigrams(config, "The council did not approve air strikes."),
            ["council", "not", "NOT_approv", "NOT_air", "NOT_strike"]
        );
    }

    #[test]
    fn negation_scope_ends_at_clause_punctuation() {
        let config = AnalyzerConfig {
            stemmer: None,
            ..AnalyzerConfig::default()
        };
        assert_eq!(
            unigrams(config, "They won't talk, they fight"),
            ["they", "won't", "NOT_talk", "they", "fight"]
        );
    }

    #[test]
    fn stop_words_never_remove_cues() {
        let config = AnalyzerConfig {
            stemmer: None,
            stopwords: StopWords::Custom(vec!["no".into(), "the".into()]),
            ..AnalyzerConfig::default()
        };
        assert_eq!(unigrams(config, "no the talks"), ["no", "NOT_talks"]);
    }

    #[test]
    fn numbers_follow_the_policy() {
        let keep = AnalyzerConfig {
            tokenizer: TokenizerConfig {
                numbers: NumberPolicy::Keep,
            },
            stemmer: None,
            ..AnalyzerConfig::default()
        };
        assert_eq!(unigrams(keep.clone(), "1,600 dead"), ["1,600", "dead"]);
        let drop = AnalyzerConfig {
            tokenizer: TokenizerConfig {
                numbers: NumberPolicy::Drop,
            },
            ..keep.clone()
        };
        assert_eq!(unigrams(drop, "1,600 dead"), ["dead"]);
        let token = AnalyzerConfig {
            tokenizer: TokenizerConfig {
                numbers: NumberPolicy::Token,
            },
            ..keep
        };
        assert_eq!(unigrams(token, "1,600 dead"), ["<num>", "dead"]);
    }

    #[test]
    fn bigrams_skip_removed_stop_words() {
        let config = AnalyzerConfig {
            stopwords: StopWords::English,
            stemmer: None,
            ..AnalyzerConfig::default()
        };
        let terms = Analyzer::new(config).unwrap().terms("the end of the war");
        assert_eq!(terms, ["end", "war", "end war"]);
    }

    #[test]
    fn abbreviations_and_possessives_survive() {
        let config = AnalyzerConfig {
            stemmer: None,
            ..AnalyzerConfig::default()
        };
        assert_eq!(
            unigrams(config, "U.S. envoy met Taliban’s leaders"),
            ["u.s.", "envoy", "met", "taliban's", "leaders"]
        );
    }

    #[test]
    fn invalid_ngrams_are_rejected() {
        let config = AnalyzerConfig {
            ngrams: NgramRange { min: 2, max: 1 },
            ..AnalyzerConfig::default()
        };
        assert!(Analyzer::new(config).is_err());
    }
}
