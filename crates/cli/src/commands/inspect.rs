//! `stance inspect`: what a model holds — labels, training data, settings, vocabulary — and the
//! terms that tell its labels apart.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use stance_features::{FeatureConfig, StopWords};
use stance_model::{Calibration, Classifier, InformativeTerm, Priors};

use crate::args::{InspectArgs, InspectFormat, ModelChoice, Task};
use crate::embedded;
use crate::output::Sink;
use crate::training_flags::{number_policy_name, NegationScope, TrainingFlags};

/// Runs `stance inspect`.
pub fn run(args: &InspectArgs) -> Result<()> {
    let models: Vec<(String, Classifier)> = match args.model_choice() {
        ModelChoice::File(path) => vec![(path.display().to_string(), embedded::load_file(&path)?)],
        ModelChoice::BuiltIn(task) => vec![(built_in(task), embedded::load(task)?)],
        ModelChoice::BothBuiltIn => Task::ALL
            .iter()
            .map(|&task| Ok((built_in(task), embedded::load(task)?)))
            .collect::<Result<_>>()?,
    };
    let summaries: Vec<ModelSummary> = models
        .iter()
        .map(|(source, model)| ModelSummary::new(source, model, args.top))
        .collect();

    let mut out = Sink::new(None);
    match args.format {
        InspectFormat::Text => {
            for (index, summary) in summaries.iter().enumerate() {
                if index > 0 {
                    writeln!(out)?;
                }
                summary.write_text(&mut out, args.top)?;
            }
        }
        InspectFormat::Json => {
            let json = if let (ModelChoice::BothBuiltIn, [stance, sentiment]) = (args.model_choice(), &summaries[..]) {
                serde_json::to_string(&Both { stance, sentiment })?
            } else {
                serde_json::to_string(&summaries[0])?
            };
            writeln!(out, "{json}")?;
        }
    }
    out.finish()
}

fn built_in(task: Task) -> String {
    format!("built-in {task} model")
}

/// Both built-in models, in the order `predict` shows them.
#[derive(Serialize)]
struct Both<'a> {
    stance: &'a ModelSummary,
    sentiment: &'a ModelSummary,
}

/// Everything `inspect` shows of one model.
#[derive(Serialize)]
struct ModelSummary {
    model: String,
    form: &'static str,
    labels: Vec<String>,
    documents: u64,
    documents_per_label: BTreeMap<String, u64>,
    fingerprint: String,
    vocabulary_size: usize,
    terms_seen: u64,
    features: Features,
    naive_bayes: NaiveBayes,
    train_flags: Vec<String>,
    /// `null`, or the calibration as the model file stores it.
    calibration: Option<Calibration>,
    most_informative_terms: BTreeMap<String, Vec<Term>>,
}

#[derive(Serialize)]
struct Features {
    ngrams: String,
    stem: String,
    stopwords: String,
    negation: bool,
    negation_scope: &'static str,
    function_word_ngrams: &'static str,
    lead_words: usize,
    numbers: String,
    fold_accents: bool,
    min_df: String,
    max_df: String,
    max_features: Option<usize>,
    weighting: &'static str,
    l2: bool,
}

#[derive(Serialize)]
struct NaiveBayes {
    variant: &'static str,
    alpha: f64,
    priors: String,
    complement_norm: bool,
}

/// A most informative term: `ratio` = exp(`log_odds`), its weight in the label against `versus`.
#[derive(Serialize)]
struct Term {
    term: String,
    log_odds: f64,
    ratio: f64,
    versus: String,
    #[serde(skip)]
    line: String,
}

impl ModelSummary {
    fn new(source: &str, model: &Classifier, top: usize) -> Self {
        let metadata = model.metadata();
        let config = model.featurizer().config();
        let params = model.params();
        let flags = TrainingFlags::from_settings(config, params);
        ModelSummary {
            model: source.to_string(),
            form: if model.statistics().is_some() {
                "full"
            } else {
                "compact"
            },
            labels: model.labels().to_vec(),
            documents: metadata.fingerprint.documents,
            documents_per_label: metadata.documents_per_label.clone(),
            fingerprint: metadata.fingerprint.to_string(),
            vocabulary_size: model.featurizer().vocabulary().len(),
            terms_seen: metadata.terms_seen,
            features: features(config),
            naive_bayes: NaiveBayes {
                variant: params.variant().name(),
                alpha: params.alpha(),
                priors: match params.priors() {
                    Priors::Learned => "learned".into(),
                    Priors::Uniform => "uniform".into(),
                    Priors::Given(given) => given
                        .iter()
                        .map(|(label, p)| format!("{label}={p}"))
                        .collect::<Vec<_>>()
                        .join(","),
                },
                complement_norm: params.complement_norm(),
            },
            train_flags: flags.to_flags(),
            calibration: model.calibration().cloned(),
            most_informative_terms: model
                .most_informative_terms(top)
                .into_iter()
                .map(|(label, terms)| (label, terms.iter().map(Term::new).collect()))
                .collect(),
        }
    }

    fn write_text(&self, out: &mut impl Write, top: usize) -> std::io::Result<()> {
        let f = &self.features;
        let nb = &self.naive_bayes;
        let per_label: Vec<String> = self
            .documents_per_label
            .iter()
            .map(|(label, n)| format!("{label} {n}"))
            .collect();
        let rows = [
            ("labels", self.labels.join(", ")),
            ("documents", format!("{} ({})", self.documents, per_label.join(", "))),
            ("fingerprint", self.fingerprint.clone()),
            (
                "vocabulary",
                format!("{} terms kept of {} seen", self.vocabulary_size, self.terms_seen),
            ),
            (
                "analysis",
                format!(
                    "ngrams {}, stem {}, stopwords {}, negation {} ({} scope), function-word n-grams {}, lead words {}, numbers {}, fold accents {}",
                    f.ngrams,
                    f.stem,
                    f.stopwords,
                    on_off(f.negation),
                    f.negation_scope,
                    f.function_word_ngrams,
                    f.lead_words,
                    f.numbers,
                    on_off(f.fold_accents),
                ),
            ),
            (
                "pruning",
                format!(
                    "min_df {}, max_df {}, max_features {}",
                    f.min_df,
                    f.max_df,
                    f.max_features.map_or("all".to_string(), |n| n.to_string()),
                ),
            ),
            ("weighting", format!("{}, l2 {}", f.weighting, on_off(f.l2))),
            (
                "naive Bayes",
                format!(
                    "{}, alpha {}, priors {}{}",
                    nb.variant,
                    nb.alpha,
                    nb.priors,
                    if nb.complement_norm { ", complement_norm on" } else { "" }
                ),
            ),
            (
                "train flags",
                if self.train_flags.is_empty() {
                    "none (the defaults)".to_string()
                } else {
                    self.train_flags.join(" ")
                },
            ),
            (
                "calibration",
                self.calibration
                    .as_ref()
                    .map_or("none (naive Bayes's own probabilities)".to_string(), |c| {
                        c.describe(&self.labels)
                    }),
            ),
        ];
        writeln!(out, "{} ({} form)", self.model, self.form)?;
        for (name, value) in rows {
            writeln!(out, "  {name:<12} {value}")?;
        }
        if top == 0 {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(
            out,
            "most informative terms, {top} per label (ratio: the term's weight in the label over the \
             strongest other label):"
        )?;
        for (label, terms) in &self.most_informative_terms {
            writeln!(out, "  {label}")?;
            if terms.is_empty() {
                writeln!(out, "    (none: the model has one label)")?;
            }
            for term in terms {
                writeln!(out, "    {}", term.line)?;
            }
        }
        Ok(())
    }
}

impl Term {
    fn new(term: &InformativeTerm) -> Self {
        Term {
            term: term.term.clone(),
            log_odds: term.log_odds,
            ratio: term.log_odds.exp(),
            versus: term.versus.clone(),
            line: term.to_string(),
        }
    }
}

fn features(config: &FeatureConfig) -> Features {
    let analyzer = &config.analyzer;
    Features {
        ngrams: analyzer.ngrams.to_string(),
        stem: analyzer.stemmer.map_or("none", |language| language.name()).to_string(),
        stopwords: match &analyzer.stopwords {
            StopWords::None => "none".into(),
            StopWords::English => "english".into(),
            StopWords::Custom(words) => format!("a list of {} words", words.len()),
        },
        negation: analyzer.negation.enabled,
        negation_scope: NegationScope::of(&analyzer.negation.scope).name(),
        function_word_ngrams: analyzer.function_word_ngrams.name(),
        lead_words: analyzer.lead_words,
        numbers: number_policy_name(analyzer.tokenizer.numbers).to_string(),
        fold_accents: analyzer.normalizer.fold_accents,
        min_df: config.pruning.min_df.to_string(),
        max_df: config.pruning.max_df.to_string(),
        max_features: config.pruning.max_features,
        weighting: config.weighting.scheme.name(),
        l2: config.weighting.l2_normalize,
    }
}

fn on_off(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}
