//! What a model holds, for people and programs: [`ModelSummary`].

use std::collections::BTreeMap;
use std::io::Write;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::settings::{Section, Setting, ValidTrainingSettings, SETTINGS};
use crate::{Calibration, Classifier, InformativeTerm};

/// Everything `stance inspect` shows of one model: what it was trained on, its settings (through
/// the table of settings), its calibration and its most informative terms. Serializes as the
/// object `stance inspect --format json` prints; [`write_text`](Self::write_text) writes the text.
#[derive(Debug, Serialize)]
pub struct ModelSummary {
    model: String,
    form: &'static str,
    labels: Vec<String>,
    documents: u64,
    documents_per_label: BTreeMap<String, u64>,
    fingerprint: String,
    vocabulary_size: usize,
    terms_seen: u64,
    features: SectionValues,
    naive_bayes: SectionValues,
    #[serde(skip)]
    settings: ValidTrainingSettings,
    train_flags: Vec<String>,
    /// `null`, or the calibration as the model file stores it.
    calibration: Option<Calibration>,
    most_informative_terms: BTreeMap<String, Vec<Term>>,
}

/// The settings of one section of the table, by name in table order (a JSON object).
#[derive(Debug)]
struct SectionValues(Vec<(&'static str, serde_json::Value)>);

impl SectionValues {
    fn new(settings: &ValidTrainingSettings, section: Section) -> Self {
        Self(
            SETTINGS
                .iter()
                .filter(|setting| setting.section() == section)
                .map(|setting| (setting.name(), setting.to_json(settings)))
                .collect(),
        )
    }
}

impl Serialize for SectionValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// A most informative term: `ratio` = exp(`log_odds`), its weight in the label against `versus`.
#[derive(Debug, Serialize)]
struct Term {
    term: String,
    log_odds: f64,
    ratio: f64,
    versus: String,
    #[serde(skip)]
    line: String,
}

impl ModelSummary {
    /// The summary of `model`, named `source` (a path, or "built-in stance model"), with its
    /// `top` most informative terms per label.
    pub fn new(source: &str, model: &Classifier, top: usize) -> Self {
        let metadata = model.metadata();
        let settings = model.training_settings();
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
            features: SectionValues::new(&settings, Section::Features),
            naive_bayes: SectionValues::new(&settings, Section::NaiveBayes),
            train_flags: settings.to_flags(),
            settings,
            calibration: model.calibration().cloned(),
            most_informative_terms: model
                .most_informative_terms(top)
                .into_iter()
                .map(|(label, terms)| (label, terms.iter().map(Term::new).collect()))
                .collect(),
        }
    }

    /// The value of the setting `name`, for people.
    fn value(&self, name: &str) -> String {
        Setting::named(name).map_or_else(String::new, |setting| setting.describe(&self.settings))
    }

    /// Writes the summary for people: a row per fact, then the `top` most informative terms per
    /// label (none when `top` is 0).
    pub fn write_text(&self, out: &mut impl Write, top: usize) -> std::io::Result<()> {
        let v = |name: &str| self.value(name);
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
                    v("ngrams"),
                    v("stem"),
                    v("stopwords"),
                    v("negation"),
                    v("negation_scope"),
                    v("function_word_ngrams"),
                    v("lead_words"),
                    v("numbers"),
                    v("fold_accents"),
                ),
            ),
            (
                "pruning",
                format!(
                    "min_df {}, max_df {}, max_features {}",
                    v("min_df"),
                    v("max_df"),
                    v("max_features"),
                ),
            ),
            ("weighting", format!("{}, l2 {}", v("weighting"), v("l2"))),
            (
                "naive Bayes",
                format!(
                    "{}, alpha {}, priors {}{}",
                    v("variant"),
                    v("alpha"),
                    v("priors"),
                    if v("complement_norm") == "on" { ", complement_norm on" } else { "" }
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
