//! JSON: the schema documented at the crate root, through serde.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::bootstrap::BootstrapIntervals;
use crate::classwise::{Averages, ClassMetrics};
use crate::confusion::ConfusionMatrix;
use crate::cross_validation::CrossValidationReport;
use crate::metrics::EvaluationReport;

impl EvaluationReport {
    /// Renders the report as pretty-printed JSON in the documented schema.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

impl CrossValidationReport {
    /// Renders the cross-validation as pretty-printed JSON in the schema
    /// documented at the crate root.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

/// Serializes in the documented schema, so a report embedded in a larger
/// serde structure looks the same as [`EvaluationReport::to_json`].
impl Serialize for EvaluationReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Schema::from(self).serialize(serializer)
    }
}

/// The field names and order of the JSON schema; change only with the crate docs.
#[derive(Serialize)]
struct Schema<'a> {
    n_documents: usize,
    accuracy: f64,
    accuracy_ci95: [f64; 2],
    baseline_accuracy: f64,
    baseline_label: &'a str,
    balanced_accuracy: f64,
    macro_f1: f64,
    weighted_f1: f64,
    macro_avg: &'a Averages,
    weighted_avg: &'a Averages,
    kappa: f64,
    mcc: f64,
    log_loss: Option<f64>,
    brier: Option<f64>,
    ece: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    intervals: Option<&'a BootstrapIntervals>,
    neutral_label: Option<&'a str>,
    f_avg: Option<f64>,
    per_class: &'a BTreeMap<String, ClassMetrics>,
    confusion_matrix: &'a ConfusionMatrix,
    warnings: &'a [String],
}

impl<'a> From<&'a EvaluationReport> for Schema<'a> {
    fn from(r: &'a EvaluationReport) -> Self {
        Schema {
            n_documents: r.n_documents,
            accuracy: r.accuracy,
            accuracy_ci95: r.accuracy_ci95,
            baseline_accuracy: r.baseline_accuracy,
            baseline_label: &r.baseline_label,
            balanced_accuracy: r.balanced_accuracy,
            macro_f1: r.macro_avg.f1,
            weighted_f1: r.weighted_avg.f1,
            macro_avg: &r.macro_avg,
            weighted_avg: &r.weighted_avg,
            kappa: r.kappa,
            mcc: r.mcc,
            log_loss: r.log_loss,
            brier: r.brier,
            ece: r.ece,
            intervals: r.intervals.as_ref(),
            neutral_label: r.neutral_label.as_deref(),
            f_avg: r.f_avg,
            per_class: &r.per_class,
            confusion_matrix: &r.confusion_matrix,
            warnings: &r.warnings,
        }
    }
}
