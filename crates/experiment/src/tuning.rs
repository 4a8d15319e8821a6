//! Tuning: cross-validate candidate settings on the same folds and rank them by one metric.

use std::fmt;
use std::str::FromStr;

use stance_eval::{CrossValidationReport, Summary};

/// A metric to rank settings by (its mean over folds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Macro-averaged F1.
    MacroF1,
    /// Accuracy.
    Accuracy,
    /// Support-weighted F1.
    WeightedF1,
    /// Balanced accuracy.
    BalancedAccuracy,
    /// Mean F1 without the neutral class.
    FAvg,
    /// Cohen's kappa.
    Kappa,
    /// Matthews correlation.
    Mcc,
    /// Log-loss (lower is better).
    LogLoss,
    /// Brier score (lower is better).
    Brier,
}

impl Metric {
    /// Every metric.
    pub const ALL: [Metric; 9] = [
        Metric::MacroF1,
        Metric::Accuracy,
        Metric::WeightedF1,
        Metric::BalancedAccuracy,
        Metric::FAvg,
        Metric::Kappa,
        Metric::Mcc,
        Metric::LogLoss,
        Metric::Brier,
    ];

    /// The name used in reports and on the command line (`macro_f1`).
    pub fn name(self) -> &'static str {
        match self {
            Metric::MacroF1 => "macro_f1",
            Metric::Accuracy => "accuracy",
            Metric::WeightedF1 => "weighted_f1",
            Metric::BalancedAccuracy => "balanced_accuracy",
            Metric::FAvg => "f_avg",
            Metric::Kappa => "kappa",
            Metric::Mcc => "mcc",
            Metric::LogLoss => "log_loss",
            Metric::Brier => "brier",
        }
    }

    /// Whether a lower value is better (log-loss, Brier).
    pub fn lower_is_better(self) -> bool {
        matches!(self, Metric::LogLoss | Metric::Brier)
    }

    /// Its value in a summary over folds, when defined (F_avg needs a neutral class, log-loss
    /// and Brier need probabilities).
    pub fn value(self, summary: &Summary) -> Option<f64> {
        match self {
            Metric::MacroF1 => Some(summary.macro_f1),
            Metric::Accuracy => Some(summary.accuracy),
            Metric::WeightedF1 => Some(summary.weighted_f1),
            Metric::BalancedAccuracy => Some(summary.balanced_accuracy),
            Metric::FAvg => summary.f_avg,
            Metric::Kappa => Some(summary.kappa),
            Metric::Mcc => Some(summary.mcc),
            Metric::LogLoss => summary.log_loss,
            Metric::Brier => summary.brier,
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Metric {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Metric::ALL
            .into_iter()
            .find(|metric| metric.name() == s)
            .ok_or_else(|| format!("unknown metric `{s}`"))
    }
}

/// One cross-validated candidate: its mean and standard deviation of the metric, and the report.
#[derive(Debug, Clone)]
pub struct Ranked<T> {
    /// What was tried (the caller's description of the settings).
    pub candidate: T,
    /// The metric's mean over folds.
    pub mean: f64,
    /// Its sample standard deviation over folds.
    pub std: f64,
    /// The whole cross-validation.
    pub report: CrossValidationReport,
}

/// Ranks cross-validated candidates by `metric`, best first; ties keep the given order. `None`
/// when the metric is not defined for a report.
pub fn rank<T>(metric: Metric, scored: Vec<(T, CrossValidationReport)>) -> Option<Vec<Ranked<T>>> {
    let mut ranked = scored
        .into_iter()
        .map(|(candidate, report)| {
            Some(Ranked {
                mean: metric.value(&report.mean)?,
                std: metric.value(&report.std)?,
                candidate,
                report,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    if metric.lower_is_better() {
        ranked.sort_by(|a, b| a.mean.total_cmp(&b.mean));
    } else {
        ranked.sort_by(|a, b| b.mean.total_cmp(&a.mean));
    }
    Some(ranked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_names_parse_back() {
        for metric in Metric::ALL {
            assert_eq!(metric.name().parse::<Metric>(), Ok(metric));
        }
        assert!("f1".parse::<Metric>().is_err());
    }
}
