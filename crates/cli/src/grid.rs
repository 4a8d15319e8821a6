//! `stance tune --grid`: `KEY=V1,V2;KEY=...` over the flags of `stance train`, expanded into every
//! combination.
//!
//! Every value is parsed when the grid is (by the `FromStr` of the library type the train flag
//! takes), so a bad key or value is clap's usage error (exit 2) naming it, before any data is read.
//! A combination is applied on top of the training flags given on the command line.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use linfa::ParamGuard;
use stance_features::{DocFrequency, FunctionWordNgrams, NgramRange, NumberPolicy, TermWeighting};
use stance_model::{NaiveBayesParams, Priors, Variant};

use crate::training_flags::{lead_words, NegationScope, PriorsArg, Stemming, StopWordsArg, TrainingFlags};

/// A train flag the grid can vary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `--ngrams`.
    Ngrams,
    /// `--alpha`.
    Alpha,
    /// `--weighting`.
    Weighting,
    /// `--variant`.
    Variant,
    /// `--stopwords`.
    Stopwords,
    /// `--negation` / `--no-negation`.
    Negation,
    /// `--negation-scope`.
    NegationScope,
    /// `--function-word-ngrams`.
    FunctionWordNgrams,
    /// `--lead-words`.
    LeadWords,
    /// `--min-df`.
    MinDf,
    /// `--max-df`.
    MaxDf,
    /// `--max-features`.
    MaxFeatures,
    /// `--stem`.
    Stem,
    /// `--numbers`.
    Numbers,
    /// `--l2`.
    L2,
    /// `--complement-norm`.
    ComplementNorm,
    /// `--fold-accents`.
    FoldAccents,
    /// `--priors` (learned or uniform).
    Priors,
}

impl Key {
    /// Every key, in the order of `--help`'s listing.
    pub const ALL: [Key; 18] = [
        Key::Ngrams,
        Key::Alpha,
        Key::Weighting,
        Key::Variant,
        Key::Stopwords,
        Key::Negation,
        Key::NegationScope,
        Key::FunctionWordNgrams,
        Key::LeadWords,
        Key::MinDf,
        Key::MaxDf,
        Key::MaxFeatures,
        Key::Stem,
        Key::Numbers,
        Key::L2,
        Key::ComplementNorm,
        Key::FoldAccents,
        Key::Priors,
    ];

    /// The key's name in a grid.
    pub fn name(self) -> &'static str {
        match self {
            Key::Ngrams => "ngrams",
            Key::Alpha => "alpha",
            Key::Weighting => "weighting",
            Key::Variant => "variant",
            Key::Stopwords => "stopwords",
            Key::Negation => "negation",
            Key::NegationScope => "negation_scope",
            Key::FunctionWordNgrams => "function_word_ngrams",
            Key::LeadWords => "lead_words",
            Key::MinDf => "min_df",
            Key::MaxDf => "max_df",
            Key::MaxFeatures => "max_features",
            Key::Stem => "stem",
            Key::Numbers => "numbers",
            Key::L2 => "l2",
            Key::ComplementNorm => "complement_norm",
            Key::FoldAccents => "fold_accents",
            Key::Priors => "priors",
        }
    }

    /// The train flag the key sets (`--negation` for negation on and off).
    pub fn flag(self) -> &'static str {
        match self {
            Key::Ngrams => "--ngrams",
            Key::Alpha => "--alpha",
            Key::Weighting => "--weighting",
            Key::Variant => "--variant",
            Key::Stopwords => "--stopwords",
            Key::Negation => "--negation",
            Key::NegationScope => "--negation-scope",
            Key::FunctionWordNgrams => "--function-word-ngrams",
            Key::LeadWords => "--lead-words",
            Key::MinDf => "--min-df",
            Key::MaxDf => "--max-df",
            Key::MaxFeatures => "--max-features",
            Key::Stem => "--stem",
            Key::Numbers => "--numbers",
            Key::L2 => "--l2",
            Key::ComplementNorm => "--complement-norm",
            Key::FoldAccents => "--fold-accents",
            Key::Priors => "--priors",
        }
    }

    /// The key named `name` (`min-df` for `min_df` too).
    fn from_name(name: &str) -> Option<Key> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        Key::ALL.into_iter().find(|key| key.name() == name)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A parsed value of one key.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Ngrams(NgramRange),
    Alpha(f64),
    Weighting(TermWeighting),
    Variant(Variant),
    Stopwords(StopWordsArg),
    /// negation, l2, complement_norm, fold_accents.
    Switch(bool),
    DocFrequency(DocFrequency),
    MaxFeatures(Option<usize>),
    Stem(Stemming),
    Numbers(NumberPolicy),
    Priors(PriorsArg),
    NegationScope(NegationScope),
    FunctionWordNgrams(FunctionWordNgrams),
    LeadWords(usize),
}

/// One key set to one value: a coordinate of a point of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    key: Key,
    value: Value,
    text: String,
}

impl Setting {
    /// The key.
    pub fn key(&self) -> Key {
        self.key
    }

    /// The value as written in the grid (trimmed).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Sets this key's train flag in `flags`.
    pub fn apply(&self, flags: &mut TrainingFlags) {
        let features = &mut flags.features;
        let nb = &mut flags.naive_bayes;
        match (&self.key, &self.value) {
            (Key::Ngrams, Value::Ngrams(range)) => features.ngrams = *range,
            (Key::Alpha, Value::Alpha(alpha)) => nb.alpha = *alpha,
            (Key::Weighting, Value::Weighting(weighting)) => features.weighting = *weighting,
            (Key::Variant, Value::Variant(variant)) => nb.variant = *variant,
            (Key::Stopwords, Value::Stopwords(stopwords)) => features.stopwords = stopwords.clone(),
            (Key::Negation, Value::Switch(on)) => {
                features.negation = *on;
                features.no_negation = !*on;
            }
            (Key::NegationScope, Value::NegationScope(scope)) => features.negation_scope = *scope,
            (Key::FunctionWordNgrams, Value::FunctionWordNgrams(ngrams)) => features.function_word_ngrams = *ngrams,
            (Key::LeadWords, Value::LeadWords(n)) => features.lead_words = *n,
            (Key::MinDf, Value::DocFrequency(df)) => features.min_df = *df,
            (Key::MaxDf, Value::DocFrequency(df)) => features.max_df = *df,
            (Key::MaxFeatures, Value::MaxFeatures(n)) => features.max_features = *n,
            (Key::Stem, Value::Stem(stem)) => features.stem = *stem,
            (Key::Numbers, Value::Numbers(numbers)) => features.numbers = *numbers,
            (Key::L2, Value::Switch(on)) => features.l2 = *on,
            (Key::ComplementNorm, Value::Switch(on)) => nb.complement_norm = *on,
            (Key::FoldAccents, Value::Switch(on)) => features.fold_accents = *on,
            (Key::Priors, Value::Priors(priors)) => nb.priors = priors.clone(),
            (key, value) => unreachable!("{key} cannot hold {value:?}"),
        }
    }
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.key, self.text)
    }
}

/// The values one key takes, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    key: Key,
    values: Vec<Setting>,
}

impl Axis {
    /// The key.
    pub fn key(&self) -> Key {
        self.key
    }
}

/// A grid of training settings: the cartesian product of its axes.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    axes: Vec<Axis>,
}

impl Grid {
    /// The axes, in the order given.
    pub fn axes(&self) -> &[Axis] {
        &self.axes
    }

    /// The number of combinations, counted without building them (saturating).
    pub fn count(&self) -> u64 {
        self.axes
            .iter()
            .fold(1u64, |count, axis| count.saturating_mul(axis.values.len() as u64))
    }

    /// Every combination, one setting per axis (in axis order); the last axis varies fastest, as
    /// nested loops in the order written would.
    pub fn points(&self) -> Vec<Vec<Setting>> {
        let mut points: Vec<Vec<Setting>> = vec![Vec::new()];
        for axis in &self.axes {
            points = points
                .into_iter()
                .flat_map(|point| {
                    axis.values.iter().map(move |setting| {
                        let mut next = point.clone();
                        next.push(setting.clone());
                        next
                    })
                })
                .collect();
        }
        points
    }
}

impl FromStr for Grid {
    type Err = String;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let mut axes: Vec<Axis> = Vec::new();
        for part in spec.split(';').map(str::trim).filter(|part| !part.is_empty()) {
            let (name, values) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}`: expected KEY=VALUE,VALUE,... (keys separated by `;`)"))?;
            let key = Key::from_name(name).ok_or_else(|| {
                let keys: Vec<&str> = Key::ALL.iter().map(|key| key.name()).collect();
                format!("unknown key `{}`; the keys are {}", name.trim(), keys.join(", "))
            })?;
            if axes.iter().any(|axis| axis.key == key) {
                return Err(format!("key `{key}` is given twice"));
            }
            let mut settings: Vec<Setting> = Vec::new();
            for text in values.split(',').map(str::trim) {
                if text.is_empty() {
                    return Err(format!("`{}`: empty value for key `{key}`", part));
                }
                let value =
                    parse_value(key, text).map_err(|why| format!("bad value `{text}` for key `{key}`: {why}"))?;
                if settings.iter().any(|s| s.value == value) {
                    return Err(format!("value `{text}` is given twice for key `{key}`"));
                }
                settings.push(Setting {
                    key,
                    value,
                    text: text.to_string(),
                });
            }
            axes.push(Axis { key, values: settings });
        }
        if axes.is_empty() {
            return Err("the grid is empty; expected KEY=VALUE,VALUE;KEY=... (e.g. alpha=0.1,1)".into());
        }
        Ok(Grid { axes })
    }
}

/// Parses one value of `key` with the parser of its train flag.
fn parse_value(key: Key, text: &str) -> Result<Value, String> {
    let error = |e: &dyn fmt::Display| e.to_string();
    Ok(match key {
        Key::Ngrams => Value::Ngrams(text.parse().map_err(|e| error(&e))?),
        Key::Alpha => {
            let alpha: f64 = text.parse().map_err(|_| "expected a number".to_string())?;
            NaiveBayesParams::new().alpha(alpha).check().map_err(|e| error(&e))?;
            Value::Alpha(alpha)
        }
        Key::Weighting => Value::Weighting(text.parse().map_err(|e| error(&e))?),
        Key::Variant => Value::Variant(text.parse().map_err(|e| error(&e))?),
        Key::Stopwords => {
            let stopwords: StopWordsArg = text.parse().map_err(|e| error(&e))?;
            if let StopWordsArg::File(path) = &stopwords {
                if !Path::new(path).is_file() {
                    return Err("expected english, none or an existing FILE of stop words".into());
                }
            }
            Value::Stopwords(stopwords)
        }
        Key::Negation | Key::L2 | Key::ComplementNorm | Key::FoldAccents => Value::Switch(parse_switch(text)?),
        Key::NegationScope => Value::NegationScope(match text.to_ascii_lowercase().as_str() {
            "clause" => NegationScope::Clause,
            "narrow" => NegationScope::Narrow,
            "narrow-refusals" | "narrow_refusals" => NegationScope::NarrowRefusals,
            _ => return Err("expected clause, narrow or narrow-refusals".into()),
        }),
        Key::FunctionWordNgrams => Value::FunctionWordNgrams(text.to_ascii_lowercase().parse().map_err(|e| error(&e))?),
        Key::LeadWords => Value::LeadWords(lead_words(text)?),
        Key::MinDf | Key::MaxDf => Value::DocFrequency(text.parse().map_err(|e| error(&e))?),
        Key::MaxFeatures => Value::MaxFeatures(match text.to_ascii_lowercase().as_str() {
            "all" | "none" => None,
            _ => match text.parse::<usize>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err("expected a number of terms >= 1, or all".into()),
            },
        }),
        Key::Stem => Value::Stem(text.parse().map_err(|e| error(&e))?),
        Key::Numbers => Value::Numbers(text.parse().map_err(|e| error(&e))?),
        Key::Priors => {
            let priors: PriorsArg = text.parse()?;
            if matches!(priors.0, Priors::Given(_)) {
                return Err("a grid tries learned or uniform priors; give LABEL=P,... with --priors instead".into());
            }
            Value::Priors(priors)
        }
    })
}

fn parse_switch(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Ok(true),
        "off" | "false" | "no" | "0" => Ok(false),
        _ => Err("expected on or off".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(points: &[Vec<Setting>]) -> Vec<String> {
        points
            .iter()
            .map(|point| point.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn points_are_the_cartesian_product_last_key_fastest() {
        let grid: Grid = "ngrams=1..1,1..2; alpha=0.1,1 ;".parse().unwrap();
        assert_eq!(
            texts(&grid.points()),
            [
                "ngrams=1..1 alpha=0.1",
                "ngrams=1..1 alpha=1",
                "ngrams=1..2 alpha=0.1",
                "ngrams=1..2 alpha=1"
            ]
        );
        let one: Grid = "negation=on,off".parse().unwrap();
        assert_eq!(one.points().len(), 2);
    }

    #[test]
    fn every_key_parses() {
        let grid: Grid = "ngrams=1..3;alpha=0.5;weighting=tfidf;variant=complement;stopwords=english,none;\
                          negation=on,off;min-df=2;max_df=0.9;max_features=all,100;stem=none,english;\
                          numbers=drop;l2=off;complement_norm=on;fold_accents=yes;priors=uniform;\
                          negation_scope=clause,narrow,narrow-refusals;function_word_ngrams=keep,drop;\
                          lead_words=0,8"
            .parse()
            .unwrap();
        assert_eq!(grid.axes().len(), Key::ALL.len());
        assert_eq!(grid.points().len(), 192);
        assert_eq!(grid.count(), 192);
        let too_long: Result<Grid, _> = "lead_words=1001".parse();
        assert!(too_long.unwrap_err().contains("from 0 to 1000"));
    }

    #[test]
    fn settings_reach_the_flags() {
        use clap::Parser;

        let cli = crate::args::Cli::try_parse_from(["stance", "train", "d.tsv", "-o", "m"]).unwrap();
        let Some(crate::args::Command::Train(train)) = cli.command else {
            panic!()
        };
        let mut flags = train.training;
        let grid: Grid = "ngrams=1..1;alpha=0.5;negation=off;max_features=10;variant=complement;complement_norm=on"
            .parse()
            .unwrap();
        for setting in &grid.points()[0] {
            setting.apply(&mut flags);
        }
        let (config, params) = flags.settings().unwrap();
        assert_eq!(config.analyzer.ngrams, NgramRange { min: 1, max: 1 });
        assert!(!config.analyzer.negation.enabled);
        assert_eq!(config.pruning.max_features, Some(10));
        assert_eq!((params.alpha(), params.variant()), (0.5, Variant::Complement));
        assert!(params.complement_norm());
        assert_eq!(
            flags.to_flags().join(" "),
            "--ngrams 1..1 --no-negation --max-features 10 --alpha 0.5 --variant complement --complement-norm"
        );
    }

    #[test]
    fn bad_grids_name_the_bad_key_or_value() {
        for (spec, expected) in [
            ("", "empty"),
            ("ngrams", "expected KEY=VALUE"),
            ("gamma=1,2", "unknown key `gamma`"),
            ("alpha=0.1,abc", "bad value `abc` for key `alpha`"),
            ("alpha=0", "bad value `0` for key `alpha`"),
            ("alpha=-1", "bad value `-1` for key `alpha`"),
            ("ngrams=2..1", "bad value `2..1` for key `ngrams`"),
            ("weighting=bm25", "bad value `bm25`"),
            ("negation=maybe", "bad value `maybe` for key `negation`"),
            ("max_df=1.5", "bad value `1.5` for key `max_df`"),
            ("max_features=0", "bad value `0` for key `max_features`"),
            (
                "stopwords=no-such-file.txt",
                "bad value `no-such-file.txt` for key `stopwords`",
            ),
            ("priors=a=0.5", "bad value `a=0.5` for key `priors`"),
            ("alpha=1;alpha=2", "key `alpha` is given twice"),
            ("alpha=1,1.0", "value `1.0` is given twice"),
            ("alpha=1,", "empty value for key `alpha`"),
        ] {
            let error = spec.parse::<Grid>().unwrap_err();
            assert!(error.contains(expected), "{spec}: {error}");
        }
    }
}
