//! Explanations: why one document got its label, and which terms a model finds most informative.
//!
//! Every variant scores `jll[c] = bias[c] + Σ_t x_t · weight[t][c]`, so the log-odds of the
//! predicted label against the runner-up splits exactly into one contribution per present term,
//! `x_t · (weight[t][label] − weight[t][runner_up])`, plus the difference of the biases (priors,
//! and for Bernoulli NB the mass of absent terms).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::classifier::Classifier;
use crate::estimator::NaiveBayes;

/// One term's part in a decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The term (stemmed, possibly `NOT_`-marked, possibly an n-gram).
    pub term: String,
    /// Its value in the document (after weighting; 1 for Bernoulli NB).
    pub value: f64,
    /// Its contribution to the log-odds of the label against the runner-up (> 0 pushes toward the label).
    pub weight: f64,
}

/// Why a document got its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The predicted label.
    pub label: String,
    /// The second most likely label (none for a one-class model).
    pub runner_up: Option<String>,
    /// Total log-odds of label against runner-up: `bias + Σ weights` of all terms.
    pub log_odds: f64,
    /// The part of the log-odds owed to priors (and Bernoulli's absent terms).
    pub bias: f64,
    /// The terms that pushed most toward the label, strongest first.
    pub evidence: Vec<Evidence>,
    /// The terms that pushed most toward the runner-up, strongest first (weights < 0).
    pub counter_evidence: Vec<Evidence>,
}

/// A term that separates one class from the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InformativeTerm {
    /// The term.
    pub term: String,
    /// `weight[term][class] − max over other classes`: for multinomial NB the log of the ratio of
    /// the term's probability in this class to its probability in the most likely other class.
    pub log_odds: f64,
    /// The other class the term is compared with.
    pub versus: String,
}

impl Classifier {
    /// Explains the prediction for `text` with the `n` strongest terms each way.
    pub fn explain(&self, text: &str, n: usize) -> Explanation {
        let mut scratch = stance_features::AnalyzerScratch::default();
        let mut counts = stance_features::ColumnCounts::new();
        let (rows, _) = self.featurize(text, &mut scratch, &mut counts);
        let row = rows.row(0).expect("one row");
        let estimator = self.estimator();
        let scores = estimator.joint_log_likelihood(row);
        let (best, second) = top_two(&scores);
        let labels = estimator.labels();
        let mut all: Vec<Evidence> = match second {
            Some(second) => row
                .iter()
                .map(|(column, value)| {
                    let w = estimator.feature_weights(column);
                    let value = estimator.effective_value(value);
                    Evidence {
                        term: self
                            .featurizer()
                            .vocabulary()
                            .term(column)
                            .unwrap_or_default()
                            .to_string(),
                        value,
                        weight: value * (w[best] - w[second]),
                    }
                })
                .collect(),
            None => Vec::new(),
        };
        all.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.term.cmp(&b.term)));
        let evidence: Vec<Evidence> = all.iter().filter(|e| e.weight > 0.0).take(n).cloned().collect();
        let counter_evidence: Vec<Evidence> = all.iter().rev().filter(|e| e.weight < 0.0).take(n).cloned().collect();
        let bias = second.map_or(0.0, |s| estimator.bias()[best] - estimator.bias()[s]);
        Explanation {
            label: labels[best].clone(),
            runner_up: second.map(|s| labels[s].clone()),
            log_odds: second.map_or(0.0, |s| scores[best] - scores[s]),
            bias,
            evidence,
            counter_evidence,
        }
    }

    /// The `n` most informative terms of each class (including terms seen in one class only),
    /// strongest first; ties by term.
    pub fn most_informative_terms(&self, n: usize) -> BTreeMap<String, Vec<InformativeTerm>> {
        let estimator = self.estimator();
        let labels = estimator.labels();
        let vocabulary = self.featurizer().vocabulary();
        labels
            .iter()
            .enumerate()
            .map(|(class, label)| {
                let mut terms: Vec<InformativeTerm> = if labels.len() < 2 {
                    Vec::new()
                } else {
                    (0..vocabulary.len() as u32)
                        .map(|column| {
                            informative(estimator, column, class, vocabulary.term(column).unwrap_or_default())
                        })
                        .collect()
                };
                terms.sort_by(|a, b| b.log_odds.total_cmp(&a.log_odds).then_with(|| a.term.cmp(&b.term)));
                terms.truncate(n);
                (label.clone(), terms)
            })
            .collect()
    }
}

fn informative(estimator: &NaiveBayes, column: u32, class: usize, term: &str) -> InformativeTerm {
    let w = estimator.feature_weights(column);
    // The strongest other class: the first one, unless a later one weighs more (weights that
    // compare to nothing, NaN from a damaged file, leave the first one).
    let (other, other_weight) = w
        .iter()
        .copied()
        .enumerate()
        .filter(|(c, _)| *c != class)
        .reduce(|best, (c, v)| if v > best.1 { (c, v) } else { best })
        .expect("the caller lists terms for two labels or more");
    InformativeTerm {
        term: term.to_string(),
        log_odds: w[class] - other_weight,
        versus: estimator.labels()[other].clone(),
    }
}

/// The best and second-best indices (ties by order).
fn top_two(scores: &[f64]) -> (usize, Option<usize>) {
    let best = crate::estimator::argmax(scores);
    let second = (0..scores.len())
        .filter(|&i| i != best)
        .fold(None, |acc: Option<usize>, i| match acc {
            Some(j) if scores[j] >= scores[i] => Some(j),
            _ => Some(i),
        });
    (best, second)
}

impl std::fmt::Display for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.runner_up {
            Some(runner_up) => write!(f, "{} over {} by {:+.2} log-odds", self.label, runner_up, self.log_odds)?,
            None => write!(f, "{} (the only label)", self.label)?,
        }
        let terms: Vec<String> = self
            .evidence
            .iter()
            .map(|e| format!("{} {:+.2}", e.term, e.weight))
            .collect();
        if !terms.is_empty() {
            write!(f, ": {}", terms.join(", "))?;
        }
        if self.bias.abs() > 0.005 {
            write!(f, " (priors {:+.2})", self.bias)?;
        }
        Ok(())
    }
}

impl std::fmt::Display for InformativeTerm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:<30} {:>7.2}x vs {}", self.term, self.log_odds.exp(), self.versus)
    }
}
