//! The table of training settings: one entry per setting, in the order `--help` lists them.

use std::path::Path;

use stance_features::negation::ScopeRules;
use stance_features::{DocFrequency, Language, StopWords, MAX_LEAD_WORDS};

use super::{SettingsError, TrainingSettings, ValidTrainingSettings};
use crate::Priors;

/// The part of a model a setting belongs to (a `--help` heading, an object of `inspect --format
/// json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Feature extraction.
    Features,
    /// The naive Bayes estimator.
    NaiveBayes,
}

impl Section {
    /// The heading of its flags in `--help`.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Features => "Feature extraction",
            Section::NaiveBayes => "Naive Bayes",
        }
    }

    /// Its key in JSON (`features`, `naive_bayes`).
    pub fn key(self) -> &'static str {
        match self {
            Section::Features => "features",
            Section::NaiveBayes => "naive_bayes",
        }
    }
}

/// The kind of value a setting holds, which decides its flag's form and its JSON type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// On or off: a flag without a value (`--l2`), `on`/`off` as text, a boolean in JSON.
    Switch,
    /// A whole number; `all` (no limit) is `null` in JSON.
    Count,
    /// A real number.
    Number,
    /// Text.
    Text,
}

/// One training setting: its names, its help, how it is read from text and shown as text.
pub struct Setting {
    name: &'static str,
    flag: &'static str,
    off_flag: Option<(&'static str, &'static str)>,
    value_name: &'static str,
    help: &'static str,
    section: Section,
    kind: ValueKind,
    parse: fn(&mut TrainingSettings, &str) -> Result<(), String>,
    show: fn(&ValidTrainingSettings) -> String,
    describe: Option<fn(&ValidTrainingSettings) -> String>,
}

impl std::fmt::Debug for Setting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Setting")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Setting {
    /// The setting named `name` (its name, `-` for `_` accepted, or its flag).
    pub fn named(name: &str) -> Option<&'static Setting> {
        let name = name.trim().to_ascii_lowercase();
        SETTINGS
            .iter()
            .find(|setting| setting.name == name.replace('-', "_") || setting.flag == name)
    }

    /// Its name: a key of `tune --grid` and of `inspect --format json`, a keyword in Python.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Its command-line flag (`--ngrams`); a switch's flag turns it on.
    pub fn flag(&self) -> &'static str {
        self.flag
    }

    /// The flag that turns a switch off and its help, for a switch that is on by default
    /// (`--no-negation`).
    pub fn off_flag(&self) -> Option<(&'static str, &'static str)> {
        self.off_flag
    }

    /// The placeholder of its value in `--help` (`MIN..MAX`); empty for a switch.
    pub fn value_name(&self) -> &'static str {
        self.value_name
    }

    /// Its help, one paragraph.
    pub fn help(&self) -> &'static str {
        self.help
    }

    /// The part of a model it belongs to.
    pub fn section(&self) -> Section {
        self.section
    }

    /// The kind of value it holds.
    pub fn kind(&self) -> ValueKind {
        self.kind
    }

    /// Sets it in `settings` from `value` as its flag takes it (`on`/`off` for a switch).
    pub fn set(&self, settings: &mut TrainingSettings, value: &str) -> Result<(), SettingsError> {
        (self.parse)(settings, value).map_err(|reason| SettingsError::Value {
            flag: self.flag,
            value: value.to_string(),
            reason,
        })
    }

    /// Its value in `settings`, as its flag takes it (`on`/`off` for a switch). A value known
    /// only by its content (a stop-word list read from a file) shows as its placeholder.
    pub fn show(&self, settings: &ValidTrainingSettings) -> String {
        (self.show)(settings)
    }

    /// Its default value, as its flag takes it.
    pub fn default_value(&self) -> String {
        self.show(&ValidTrainingSettings::default())
    }

    /// Its value in `settings` for people: [`show`](Self::show), except where that is a
    /// placeholder (a stop-word list from a file is "a list of N words").
    pub fn describe(&self, settings: &ValidTrainingSettings) -> String {
        self.describe
            .map_or_else(|| self.show(settings), |describe| describe(settings))
    }

    /// Its value in `settings` as JSON: a boolean for a switch, a number (or `null` for `all`)
    /// for a count or a number, else the text of [`describe`](Self::describe).
    pub fn to_json(&self, settings: &ValidTrainingSettings) -> serde_json::Value {
        let text = self.describe(settings);
        match self.kind {
            ValueKind::Switch => serde_json::Value::Bool(text == "on"),
            ValueKind::Count => text.parse::<u64>().map_or(serde_json::Value::Null, Into::into),
            ValueKind::Number => text.parse::<f64>().map_or(serde_json::Value::String(text), Into::into),
            ValueKind::Text => serde_json::Value::String(text),
        }
    }

    /// The command-line words that give it `value`: `--flag value`, or for a switch its flag
    /// when on, its off flag (if any) when off.
    pub fn flags_for(&self, value: &str) -> Vec<String> {
        match (self.kind, value, self.off_flag) {
            (ValueKind::Switch, "on", _) => vec![self.flag.to_string()],
            (ValueKind::Switch, _, Some((off, _))) => vec![off.to_string()],
            (ValueKind::Switch, _, None) => Vec::new(),
            _ => vec![self.flag.to_string(), value.to_string()],
        }
    }
}

/// Every training setting, in the order `--help` lists them.
pub static SETTINGS: [Setting; 18] = [
    Setting {
        name: "ngrams",
        flag: "--ngrams",
        off_flag: None,
        value_name: "MIN..MAX",
        help: "Word n-gram lengths, inclusive: MIN..MAX (1..2 = unigrams and bigrams) or N.",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.analyzer.ngrams = text.parse().map_err(reason)?;
            Ok(())
        },
        show: |s| s.features().analyzer.ngrams.to_string(),
        describe: None,
    },
    Setting {
        name: "stem",
        flag: "--stem",
        off_flag: None,
        value_name: "LANGUAGE",
        help: "Snowball stemming: english, none, or another LANGUAGE (arabic, danish, dutch, finnish, french, \
               german, greek, hungarian, italian, norwegian, portuguese, romanian, russian, spanish, swedish, \
               tamil, turkish).",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.analyzer.stemmer = match text.trim().eq_ignore_ascii_case("none") {
                true => None,
                false => Some(text.parse::<Language>().map_err(reason)?),
            };
            Ok(())
        },
        show: |s| s.features().analyzer.stemmer.map_or("none", Language::name).to_string(),
        describe: None,
    },
    Setting {
        name: "stopwords",
        flag: "--stopwords",
        off_flag: None,
        value_name: "english|none|FILE",
        help: "Stop words removed: english (the built-in list), none, or FILE (one word per line, `#` starts a \
               comment; `./english` for a file named english). Negation cues are never removed.",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.analyzer.stopwords = match text.trim().to_ascii_lowercase().as_str() {
                "none" => StopWords::None,
                "english" => StopWords::English,
                _ => StopWords::from_list(
                    &std::fs::read_to_string(Path::new(text))
                        .map_err(|e| format!("cannot read the stop-word list {text}: {e}"))?,
                ),
            };
            Ok(())
        },
        show: |s| match &s.features().analyzer.stopwords {
            StopWords::None => "none".into(),
            StopWords::English => "english".into(),
            StopWords::Custom(_) => "FILE".into(),
        },
        describe: Some(|s| match &s.features().analyzer.stopwords {
            StopWords::Custom(words) => format!("a list of {} words", words.len()),
            StopWords::None => "none".into(),
            StopWords::English => "english".into(),
        }),
    },
    Setting {
        name: "negation",
        flag: "--negation",
        off_flag: Some(("--no-negation", "Do not mark negation.")),
        value_name: "",
        help: "Prefix terms after a negation cue (not, never, ...n't) with NOT_ up to the next clause punctuation \
               [default: on].",
        section: Section::Features,
        kind: ValueKind::Switch,
        parse: |s, text| {
            s.features.analyzer.negation.enabled = switch(text)?;
            Ok(())
        },
        show: |s| on_off(s.features().analyzer.negation.enabled),
        describe: None,
    },
    Setting {
        name: "negation_scope",
        flag: "--negation-scope",
        off_flag: None,
        value_name: "clause|narrow|narrow-refusals",
        help: "How far a negation reaches: clause (every word up to the next clause punctuation), narrow (ended by \
               a contrast word such as but or instead, at most 4 content words, function words unmarked, and \
               refusals such as rejected or denied marked REFUSE_ apart), or narrow-refusals (narrow, and a \
               negated verb of agreement such as \"not negotiate\" or \"never accept\" marked REFUSE_ as a \
               refusal).",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.analyzer.negation.scope = text.parse::<ScopeRules>()?;
            Ok(())
        },
        show: |s| s.features().analyzer.negation.scope.preset_name().to_string(),
        describe: None,
    },
    Setting {
        name: "function_word_ngrams",
        flag: "--function-word-ngrams",
        off_flag: None,
        value_name: "keep|drop",
        help: "N-grams made only of function words (he would, but the): keep them as terms, or drop them.",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.analyzer.function_word_ngrams = text.parse()?;
            Ok(())
        },
        show: |s| s.features().analyzer.function_word_ngrams.to_string(),
        describe: None,
    },
    Setting {
        name: "lead_words",
        flag: "--lead-words",
        off_flag: None,
        value_name: "N",
        help: "Read the first N words of each text (after stop words and stemming) a second time as lead terms, \
               marked LEAD_ (news says who did what first); 0 reads no lead. At most 1000.",
        section: Section::Features,
        kind: ValueKind::Count,
        parse: |s, text| {
            s.features.analyzer.lead_words = match text.trim().parse::<usize>() {
                Ok(n) if n <= MAX_LEAD_WORDS => n,
                _ => return Err(format!("expected a number of words from 0 to {MAX_LEAD_WORDS}")),
            };
            Ok(())
        },
        show: |s| s.features().analyzer.lead_words.to_string(),
        describe: None,
    },
    Setting {
        name: "numbers",
        flag: "--numbers",
        off_flag: None,
        value_name: "keep|drop|token",
        help: "Numbers: keep them as terms, drop them, or turn each into the term <num>.",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.analyzer.tokenizer.numbers = text.parse().map_err(reason)?;
            Ok(())
        },
        show: |s| s.features().analyzer.tokenizer.numbers.to_string(),
        describe: None,
    },
    Setting {
        name: "fold_accents",
        flag: "--fold-accents",
        off_flag: None,
        value_name: "",
        help: "Remove accents (café -> cafe).",
        section: Section::Features,
        kind: ValueKind::Switch,
        parse: |s, text| {
            s.features.analyzer.normalizer.fold_accents = switch(text)?;
            Ok(())
        },
        show: |s| on_off(s.features().analyzer.normalizer.fold_accents),
        describe: None,
    },
    Setting {
        name: "min_df",
        flag: "--min-df",
        off_flag: None,
        value_name: "N",
        help: "Keep terms found in at least N documents (a count, or a fraction such as 0.001).",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.pruning.min_df = text.parse::<DocFrequency>().map_err(reason)?;
            Ok(())
        },
        show: |s| s.features().pruning.min_df.to_string(),
        describe: None,
    },
    Setting {
        name: "max_df",
        flag: "--max-df",
        off_flag: None,
        value_name: "F",
        help: "Keep terms found in at most F of the documents (a fraction such as 0.9, or a count).",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.pruning.max_df = text.parse::<DocFrequency>().map_err(reason)?;
            Ok(())
        },
        show: |s| s.features().pruning.max_df.to_string(),
        describe: None,
    },
    Setting {
        name: "max_features",
        flag: "--max-features",
        off_flag: None,
        value_name: "N",
        help: "Keep only the N most frequent terms, or all.",
        section: Section::Features,
        kind: ValueKind::Count,
        parse: |s, text| {
            s.features.pruning.max_features = match text.trim().to_ascii_lowercase().as_str() {
                "all" | "none" => None,
                number => Some(
                    number
                        .parse::<usize>()
                        .map_err(|_| "expected a number of terms >= 1, or all".to_string())?,
                ),
            };
            Ok(())
        },
        show: |s| {
            s.features()
                .pruning
                .max_features
                .map_or("all".into(), |n| n.to_string())
        },
        describe: None,
    },
    Setting {
        name: "weighting",
        flag: "--weighting",
        off_flag: None,
        value_name: "count|binary|log|tfidf",
        help: "Term weighting: count, binary (present = 1), log (ln(1 + count)) or tfidf.",
        section: Section::Features,
        kind: ValueKind::Text,
        parse: |s, text| {
            s.features.weighting.scheme = text.parse().map_err(reason)?;
            Ok(())
        },
        show: |s| s.features().weighting.scheme.to_string(),
        describe: None,
    },
    Setting {
        name: "l2",
        flag: "--l2",
        off_flag: None,
        value_name: "",
        help: "Scale each document's vector to unit Euclidean length.",
        section: Section::Features,
        kind: ValueKind::Switch,
        parse: |s, text| {
            s.features.weighting.l2_normalize = switch(text)?;
            Ok(())
        },
        show: |s| on_off(s.features().weighting.l2_normalize),
        describe: None,
    },
    Setting {
        name: "alpha",
        flag: "--alpha",
        off_flag: None,
        value_name: "A",
        help: "Additive (Lidstone) smoothing; must be > 0.",
        section: Section::NaiveBayes,
        kind: ValueKind::Number,
        parse: |s, text| {
            let alpha: f64 = text.trim().parse().map_err(|_| "expected a number".to_string())?;
            s.naive_bayes = std::mem::take(&mut s.naive_bayes).alpha(alpha);
            Ok(())
        },
        show: |s| s.naive_bayes().alpha().to_string(),
        describe: None,
    },
    Setting {
        name: "variant",
        flag: "--variant",
        off_flag: None,
        value_name: "multinomial|complement|bernoulli",
        help: "Event model: multinomial, complement (Rennie et al. 2003) or bernoulli.",
        section: Section::NaiveBayes,
        kind: ValueKind::Text,
        parse: |s, text| {
            let variant = text.parse().map_err(reason)?;
            s.naive_bayes = std::mem::take(&mut s.naive_bayes).variant(variant);
            Ok(())
        },
        show: |s| s.naive_bayes().variant().to_string(),
        describe: None,
    },
    Setting {
        name: "complement_norm",
        flag: "--complement-norm",
        off_flag: None,
        value_name: "",
        help: "Complement NB only: normalize each class's weights (Rennie et al. 2003).",
        section: Section::NaiveBayes,
        kind: ValueKind::Switch,
        parse: |s, text| {
            let norm = switch(text)?;
            s.naive_bayes = std::mem::take(&mut s.naive_bayes).complement_norm(norm);
            Ok(())
        },
        show: |s| on_off(s.naive_bayes().complement_norm()),
        describe: None,
    },
    Setting {
        name: "priors",
        flag: "--priors",
        off_flag: None,
        value_name: "learned|uniform|LABEL=P,...",
        help: "Class priors: learned (label frequencies), uniform, or LABEL=P,... summing to 1.",
        section: Section::NaiveBayes,
        kind: ValueKind::Text,
        parse: |s, text| {
            let priors: Priors = text.parse().map_err(reason)?;
            s.naive_bayes = std::mem::take(&mut s.naive_bayes).priors(priors);
            Ok(())
        },
        show: |s| s.naive_bayes().priors().to_string(),
        describe: None,
    },
];

/// The message of a library error, as a reason.
fn reason(error: impl std::fmt::Display) -> String {
    error.to_string()
}

/// A switch's value: on/off, true/false, yes/no, 1/0 (any case).
fn switch(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Ok(true),
        "off" | "false" | "no" | "0" => Ok(false),
        _ => Err("expected on or off".into()),
    }
}

fn on_off(on: bool) -> String {
    if on { "on" } else { "off" }.to_string()
}
