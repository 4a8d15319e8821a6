//! The training flags (`stance train`'s, also taken by `cv`, `tune` and `calibrate`): the clap
//! structs that parse them ([`TrainingFlags`], made of [`FeatureArgs`] and [`NaiveBayesArgs`]),
//! the values they parse into, the checked settings they build
//! ([`TrainingFlags::settings`]), and the way back from a model's settings to the flags that give
//! them again ([`TrainingFlags::from_settings`], [`TrainingFlags::to_flags`]).

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use anyhow::Context;
use clap::{Args, ValueEnum};
use linfa::ParamGuard;
use stance_features::negation::ScopeRules;
use stance_features::{
    DocFrequency, FeatureConfig, FunctionWordNgrams, Language, NgramRange, NumberPolicy, StopWords, TermWeighting,
    MAX_LEAD_WORDS,
};
use stance_model::{NaiveBayesParams, Priors, TrainingStatistics, ValidNaiveBayesParams, Variant};

use crate::usage::UsageError;

/// The flags that decide what a model learns: `stance train`'s, also taken by `cv` and `tune`.
#[derive(Debug, Clone, Args)]
pub struct TrainingFlags {
    #[command(flatten)]
    pub features: FeatureArgs,

    #[command(flatten)]
    pub naive_bayes: NaiveBayesArgs,
}

/// Feature-extraction flags of `stance train`.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Feature extraction")]
pub struct FeatureArgs {
    /// Word n-gram lengths, inclusive: MIN..MAX (1..2 = unigrams and bigrams) or N.
    #[arg(long, value_name = "MIN..MAX", default_value_t = FeatureConfig::default().analyzer.ngrams)]
    pub ngrams: NgramRange,

    /// Snowball stemming: english, none, or another LANGUAGE (arabic, danish, dutch, finnish,
    /// french, german, greek, hungarian, italian, norwegian, portuguese, romanian, russian,
    /// spanish, swedish, tamil, turkish).
    #[arg(long, value_name = "LANGUAGE", default_value = Stemming(FeatureConfig::default().analyzer.stemmer).name())]
    pub stem: Stemming,

    /// Stop words removed: english (the built-in list), none, or FILE (one word per line, `#`
    /// starts a comment). Negation cues are never removed.
    #[arg(long, value_name = "english|none|FILE", default_value = StopWordsArg::default_name())]
    pub stopwords: StopWordsArg,

    /// Prefix terms after a negation cue (not, never, ...n't) with NOT_ up to the next clause
    /// punctuation [default: on].
    #[arg(long, overrides_with = "no_negation")]
    pub negation: bool,

    /// Do not mark negation.
    #[arg(long, overrides_with = "negation")]
    pub no_negation: bool,

    /// How far a negation reaches: clause (every word up to the next clause punctuation),
    /// narrow (ended by a contrast word such as but or instead, at most 4 content words,
    /// function words unmarked, and refusals such as rejected or denied marked REFUSE_ apart), or
    /// narrow-refusals (narrow, and a negated verb of agreement such as "not negotiate" or "never
    /// accept" marked REFUSE_ as a refusal).
    #[arg(long, value_name = "clause|narrow|narrow-refusals", value_enum, default_value_t = NegationScope::Clause)]
    pub negation_scope: NegationScope,

    /// N-grams made only of function words (he would, but the): keep them as terms, or drop them.
    #[arg(long, value_name = "keep|drop", default_value = FunctionWordNgrams::default().name())]
    pub function_word_ngrams: FunctionWordNgrams,

    /// Read the first N words of each text (after stop words and stemming) a second time as lead
    /// terms, marked LEAD_ (news says who did what first); 0 reads no lead. At most 1000.
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = lead_words)]
    pub lead_words: usize,

    /// Numbers: keep them as terms, drop them, or turn each into the term <num>.
    #[arg(long, value_name = "keep|drop|token", default_value = number_policy_name(FeatureConfig::default().analyzer.tokenizer.numbers))]
    pub numbers: NumberPolicy,

    /// Remove accents (café -> cafe).
    #[arg(long)]
    pub fold_accents: bool,

    /// Keep terms found in at least N documents (a count, or a fraction such as 0.001).
    #[arg(long, value_name = "N", default_value_t = FeatureConfig::default().pruning.min_df)]
    pub min_df: DocFrequency,

    /// Keep terms found in at most F of the documents (a fraction such as 0.9, or a count).
    #[arg(long, value_name = "F", default_value_t = FeatureConfig::default().pruning.max_df)]
    pub max_df: DocFrequency,

    /// Keep only the N most frequent terms [default: all].
    #[arg(long, value_name = "N")]
    pub max_features: Option<usize>,

    /// Term weighting: count, binary (present = 1), log (ln(1 + count)) or tfidf.
    #[arg(long, value_name = "count|binary|log|tfidf", default_value = FeatureConfig::default().weighting.scheme.name())]
    pub weighting: TermWeighting,

    /// Scale each document's vector to unit Euclidean length.
    #[arg(long)]
    pub l2: bool,
}

/// Estimator flags of `stance train`.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Naive Bayes")]
pub struct NaiveBayesArgs {
    /// Additive (Lidstone) smoothing; must be > 0.
    #[arg(long, value_name = "A", default_value_t = default_params().alpha())]
    pub alpha: f64,

    /// Event model: multinomial, complement (Rennie et al. 2003) or bernoulli.
    #[arg(long, value_name = "multinomial|complement|bernoulli", default_value = default_params().variant().name())]
    pub variant: Variant,

    /// Complement NB only: normalize each class's weights (Rennie et al. 2003).
    #[arg(long)]
    pub complement_norm: bool,

    /// Class priors: learned (label frequencies), uniform, or LABEL=P,... summing to 1.
    #[arg(long, value_name = "learned|uniform|LABEL=P,...", default_value_t = PriorsArg(default_params().priors().clone()))]
    pub priors: PriorsArg,
}

/// `--stem`: a language, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stemming(pub Option<Language>);

impl Stemming {
    fn name(self) -> &'static str {
        self.0.map_or("none", Language::name)
    }
}

impl FromStr for Stemming {
    type Err = stance_features::FeatureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("none") {
            Ok(Self(None))
        } else {
            s.parse().map(|language| Self(Some(language)))
        }
    }
}

/// `--stopwords`: the built-in list, none, or a file read when the settings are built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StopWordsArg {
    /// No stop words.
    None,
    /// The built-in English list.
    English,
    /// A file of stop words.
    File(PathBuf),
}

impl StopWordsArg {
    fn default_name() -> &'static str {
        match FeatureConfig::default().analyzer.stopwords {
            StopWords::English => "english",
            _ => "none",
        }
    }
}

impl FromStr for StopWordsArg {
    type Err = std::convert::Infallible;

    /// `english` and `none` (any case) name the lists; anything else is a file (`./english` for a
    /// file named english).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "none" => Self::None,
            "english" => Self::English,
            _ => Self::File(PathBuf::from(s)),
        })
    }
}

/// `--priors`: learned, uniform, or given per label.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorsArg(pub Priors);

impl FromStr for PriorsArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "learned" => return Ok(Self(Priors::Learned)),
            "uniform" => return Ok(Self(Priors::Uniform)),
            _ => {}
        }
        let mut given = BTreeMap::new();
        for entry in s.split(',') {
            let bad = || format!("expected learned, uniform or LABEL=P,... (e.g. a=0.3,b=0.7), got {entry:?}");
            let (label, value) = entry.split_once('=').ok_or_else(bad)?;
            let value: f64 = value.trim().parse().map_err(|_| bad())?;
            let label = label.trim();
            if label.is_empty() || given.insert(label.to_string(), value).is_some() {
                return Err(bad());
            }
        }
        Ok(Self(Priors::Given(given)))
    }
}

impl fmt::Display for PriorsArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Priors::Learned => f.write_str("learned"),
            Priors::Uniform => f.write_str("uniform"),
            Priors::Given(given) => {
                let entries: Vec<String> = given.iter().map(|(label, p)| format!("{label}={p}")).collect();
                f.write_str(&entries.join(","))
            }
        }
    }
}

/// The library's default hyper-parameters, checked.
pub(crate) fn default_params() -> ValidNaiveBayesParams {
    NaiveBayesParams::default()
        .check()
        .expect("the library's default hyper-parameters are valid")
}

/// `--negation-scope`: the scope rules of negation marking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NegationScope {
    /// To the next clause punctuation (the classic rule).
    Clause,
    /// Narrow scopes and refusal scopes ([`ScopeRules::narrow`]).
    Narrow,
    /// Narrow, and negated verbs of agreement read as refusals ([`ScopeRules::narrow_refusals`]).
    NarrowRefusals,
}

impl NegationScope {
    /// The scope rules it names.
    pub fn rules(self) -> ScopeRules {
        match self {
            NegationScope::Clause => ScopeRules::clause(),
            NegationScope::Narrow => ScopeRules::narrow(),
            NegationScope::NarrowRefusals => ScopeRules::narrow_refusals(),
        }
    }

    /// The preset `rules` are, `clause` for rules that are neither preset.
    pub fn of(rules: &ScopeRules) -> Self {
        if *rules == ScopeRules::narrow() {
            NegationScope::Narrow
        } else if *rules == ScopeRules::narrow_refusals() {
            NegationScope::NarrowRefusals
        } else {
            NegationScope::Clause
        }
    }

    /// The value `--negation-scope` parses back into this one.
    pub fn name(self) -> &'static str {
        match self {
            NegationScope::Clause => "clause",
            NegationScope::Narrow => "narrow",
            NegationScope::NarrowRefusals => "narrow-refusals",
        }
    }
}

/// `--lead-words` (and the grid's `lead_words`): a number of words from 0 to [`MAX_LEAD_WORDS`].
pub fn lead_words(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n <= MAX_LEAD_WORDS => Ok(n),
        _ => Err(format!("expected a number of words from 0 to {MAX_LEAD_WORDS}")),
    }
}

/// The name `--numbers` takes for `policy`.
pub fn number_policy_name(policy: NumberPolicy) -> &'static str {
    match policy {
        NumberPolicy::Keep => "keep",
        NumberPolicy::Drop => "drop",
        NumberPolicy::Token => "token",
    }
}

impl FeatureArgs {
    /// The featurizer settings; reads the stop-word file if one is named.
    pub fn config(&self) -> anyhow::Result<FeatureConfig> {
        let mut config = FeatureConfig::default();
        let analyzer = &mut config.analyzer;
        analyzer.ngrams = self.ngrams;
        analyzer.stemmer = self.stem.0;
        analyzer.stopwords = match &self.stopwords {
            StopWordsArg::None => StopWords::None,
            StopWordsArg::English => StopWords::English,
            StopWordsArg::File(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read the stop-word list {}", path.display()))?;
                StopWords::from_list(&text)
            }
        };
        if self.negation {
            analyzer.negation.enabled = true;
        }
        if self.no_negation {
            analyzer.negation.enabled = false;
        }
        analyzer.negation.scope = self.negation_scope.rules();
        analyzer.function_word_ngrams = self.function_word_ngrams;
        analyzer.lead_words = self.lead_words;
        analyzer.tokenizer.numbers = self.numbers;
        analyzer.normalizer.fold_accents |= self.fold_accents;
        config.pruning.min_df = self.min_df;
        config.pruning.max_df = self.max_df;
        config.pruning.max_features = self.max_features.or(config.pruning.max_features);
        config.weighting.scheme = self.weighting;
        config.weighting.l2_normalize |= self.l2;
        config.pruning.check().map_err(|e| UsageError(e.to_string()))?;
        Ok(config)
    }
}

impl NaiveBayesArgs {
    /// The checked hyper-parameters.
    pub fn params(&self) -> Result<ValidNaiveBayesParams, UsageError> {
        if self.complement_norm && self.variant != Variant::Complement {
            return Err(UsageError(
                "--complement-norm applies to complement NB only; add --variant complement".into(),
            ));
        }
        NaiveBayesParams::new()
            .alpha(self.alpha)
            .variant(self.variant)
            .priors(self.priors.0.clone())
            .complement_norm(self.complement_norm)
            .check()
            .map_err(|e| UsageError(e.to_string()))
    }
}

impl TrainingFlags {
    /// The checked settings: the featurizer configuration and the hyper-parameters. Combinations
    /// the engine refuses (tf-idf with L2 rows) are usage errors, found before any data is read.
    pub fn settings(&self) -> anyhow::Result<(FeatureConfig, ValidNaiveBayesParams)> {
        let config = self.features.config()?;
        let params = self.naive_bayes.params()?;
        TrainingStatistics::new(config.clone()).map_err(|e| UsageError(e.to_string()))?;
        Ok((config, params))
    }

    /// The flags that train with `config` and `params` again. A custom stop-word list, known
    /// only by its words, shows as `--stopwords FILE`.
    pub fn from_settings(config: &FeatureConfig, params: &ValidNaiveBayesParams) -> Self {
        let analyzer = &config.analyzer;
        Self {
            features: FeatureArgs {
                ngrams: analyzer.ngrams,
                stem: Stemming(analyzer.stemmer),
                stopwords: match &analyzer.stopwords {
                    StopWords::None => StopWordsArg::None,
                    StopWords::English => StopWordsArg::English,
                    StopWords::Custom(_) => StopWordsArg::File(PathBuf::from("FILE")),
                },
                negation: analyzer.negation.enabled,
                no_negation: !analyzer.negation.enabled,
                negation_scope: NegationScope::of(&analyzer.negation.scope),
                function_word_ngrams: analyzer.function_word_ngrams,
                lead_words: analyzer.lead_words,
                numbers: analyzer.tokenizer.numbers,
                fold_accents: analyzer.normalizer.fold_accents,
                min_df: config.pruning.min_df,
                max_df: config.pruning.max_df,
                max_features: config.pruning.max_features,
                weighting: config.weighting.scheme,
                l2: config.weighting.l2_normalize,
            },
            naive_bayes: NaiveBayesArgs {
                alpha: params.alpha(),
                variant: params.variant(),
                complement_norm: params.complement_norm(),
                priors: PriorsArg(params.priors().clone()),
            },
        }
    }

    /// The flags that give these settings to `stance train`: those whose value differs from the
    /// default, in `--help` order.
    pub fn to_flags(&self) -> Vec<String> {
        self.flags_showing(&[])
    }

    /// [`to_flags`](Self::to_flags), with the flags named in `shown` (`--alpha`, `--negation`)
    /// written even when they hold their default. Switches such as `--l2` only exist turned on.
    pub fn flags_showing(&self, shown: &[&str]) -> Vec<String> {
        let features = &self.features;
        let nb = &self.naive_bayes;
        let config = FeatureConfig::default();
        let params = default_params();
        let mut flags = Vec::new();
        let mut push = |flag: &str, differs: bool, value: Option<String>| {
            if differs || shown.contains(&flag) {
                flags.push(flag.to_string());
                flags.extend(value);
            }
        };
        push(
            "--ngrams",
            features.ngrams != config.analyzer.ngrams,
            Some(features.ngrams.to_string()),
        );
        push(
            "--stem",
            features.stem.0 != config.analyzer.stemmer,
            Some(features.stem.name().to_string()),
        );
        push(
            "--stopwords",
            features.stopwords.name() != StopWordsArg::default_name(),
            Some(features.stopwords.name()),
        );
        let negation = !features.no_negation;
        if negation != config.analyzer.negation.enabled || shown.contains(&"--negation") {
            flags.push(if negation { "--negation" } else { "--no-negation" }.to_string());
        }
        if features.negation_scope != NegationScope::of(&config.analyzer.negation.scope)
            || shown.contains(&"--negation-scope")
        {
            flags.extend([
                "--negation-scope".to_string(),
                features.negation_scope.name().to_string(),
            ]);
        }
        let mut push = |flag: &str, differs: bool, value: Option<String>| {
            if differs || (value.is_some() && shown.contains(&flag)) {
                flags.push(flag.to_string());
                flags.extend(value);
            }
        };
        push(
            "--function-word-ngrams",
            features.function_word_ngrams != config.analyzer.function_word_ngrams,
            Some(features.function_word_ngrams.name().to_string()),
        );
        push(
            "--lead-words",
            features.lead_words != config.analyzer.lead_words,
            Some(features.lead_words.to_string()),
        );
        push(
            "--numbers",
            features.numbers != config.analyzer.tokenizer.numbers,
            Some(number_policy_name(features.numbers).to_string()),
        );
        push("--fold-accents", features.fold_accents, None);
        push(
            "--min-df",
            features.min_df != config.pruning.min_df,
            Some(features.min_df.to_string()),
        );
        push(
            "--max-df",
            features.max_df != config.pruning.max_df,
            Some(features.max_df.to_string()),
        );
        if let Some(n) = features.max_features {
            push("--max-features", true, Some(n.to_string()));
        }
        push(
            "--weighting",
            features.weighting != config.weighting.scheme,
            Some(features.weighting.name().to_string()),
        );
        push("--l2", features.l2, None);
        push("--alpha", nb.alpha != params.alpha(), Some(nb.alpha.to_string()));
        push(
            "--variant",
            nb.variant != params.variant(),
            Some(nb.variant.name().to_string()),
        );
        push("--complement-norm", nb.complement_norm, None);
        push("--priors", &nb.priors.0 != params.priors(), Some(nb.priors.to_string()));
        flags
    }
}

impl StopWordsArg {
    /// The value `--stopwords` parses back into this one.
    fn name(&self) -> String {
        match self {
            StopWordsArg::None => "none".into(),
            StopWordsArg::English => "english".into(),
            StopWordsArg::File(path) => {
                let text = path.display().to_string();
                if matches!(text.to_ascii_lowercase().as_str(), "none" | "english") {
                    format!("./{text}")
                } else {
                    text
                }
            }
        }
    }
}
