//! Renderings of an [`EvaluationReport`] and a [`CrossValidationReport`]: plain
//! text, Markdown and JSON, plus one self-contained HTML page.
//!
//! Each format lives in its own file and adds one method to each report:
//! [`to_text`](EvaluationReport::to_text), [`to_markdown`](EvaluationReport::to_markdown)
//! and [`to_json`](EvaluationReport::to_json); the HTML page is [`HtmlReport`].

pub(crate) mod html;
mod json;
mod markdown;
pub(crate) mod text;

pub use html::{escape_html, HtmlReport, WrongExample};
pub use text::MAX_DIGITS;

use crate::cross_validation::CrossValidationReport;
use crate::metrics::EvaluationReport;

/// The names of the average rows, as scikit-learn's `classification_report` has them.
const AVERAGE_ROWS: [&str; 2] = ["macro avg", "weighted avg"];

/// The metrics besides accuracy and the baseline, as (name, formatted value) pairs,
/// shared by the text and Markdown renderings so that both list the same things.
fn summary_rows(report: &EvaluationReport, digits: usize) -> Vec<(String, String)> {
    let number = |value: f64| format!("{value:.digits$}");
    let [low, high] = report.accuracy_ci95;
    let mut rows = vec![
        (
            "accuracy 95% CI (Wilson)".to_string(),
            format!("[{}, {}]", number(low), number(high)),
        ),
        ("balanced accuracy".to_string(), number(report.balanced_accuracy)),
        ("Cohen's kappa".to_string(), number(report.kappa)),
        ("Matthews correlation (MCC)".to_string(), number(report.mcc)),
    ];
    if let Some(log_loss) = report.log_loss {
        rows.push(("log-loss".to_string(), number(log_loss)));
    }
    if let Some(brier) = report.brier {
        rows.push(("Brier score (sum over classes)".to_string(), number(brier)));
    }
    if let Some(ece) = report.ece {
        rows.push(("expected calibration error (10 bins)".to_string(), number(ece)));
    }
    if let (Some(f_avg), Some(neutral)) = (report.f_avg, &report.neutral_label) {
        rows.push((format!("F_avg (mean F1 without {neutral})"), number(f_avg)));
    }
    if let Some(intervals) = &report.intervals {
        let interval = |[low, high]: [f64; 2]| format!("[{}, {}]", number(low), number(high));
        let name = |what: &str| format!("{what} 95% CI (bootstrap, {})", intervals.resamples);
        rows.push((name("accuracy"), interval(intervals.accuracy)));
        rows.push((name("macro F1"), interval(intervals.macro_f1)));
        for (label, f1) in &intervals.per_class_f1 {
            rows.push((name(&format!("F1 of {label}")), interval(*f1)));
        }
        if let Some(ece) = intervals.ece {
            rows.push((name("ECE"), interval(ece)));
        }
    }
    rows
}

/// A metric of the fold table of a cross-validation: a heading and its value in
/// one report (`None` when the report lacks it).
struct Column {
    heading: &'static str,
    value: fn(&EvaluationReport) -> Option<f64>,
}

/// Every metric the fold table can show, in order.
const FOLD_COLUMNS: [Column; 10] = [
    Column {
        heading: "accuracy",
        value: |r| Some(r.accuracy),
    },
    Column {
        heading: "macro F1",
        value: |r| Some(r.macro_avg.f1),
    },
    Column {
        heading: "weighted F1",
        value: |r| Some(r.weighted_avg.f1),
    },
    Column {
        heading: "balanced acc.",
        value: |r| Some(r.balanced_accuracy),
    },
    Column {
        heading: "kappa",
        value: |r| Some(r.kappa),
    },
    Column {
        heading: "MCC",
        value: |r| Some(r.mcc),
    },
    Column {
        heading: "F_avg",
        value: |r| r.f_avg,
    },
    Column {
        heading: "log-loss",
        value: |r| r.log_loss,
    },
    Column {
        heading: "Brier",
        value: |r| r.brier,
    },
    Column {
        heading: "baseline",
        value: |r| Some(r.baseline_accuracy),
    },
];

/// The columns of the fold table: those every fold and the pooled report have.
fn fold_columns(cv: &CrossValidationReport) -> Vec<&'static Column> {
    FOLD_COLUMNS
        .iter()
        .filter(|column| {
            cv.folds
                .iter()
                .chain([&cv.pooled])
                .all(|report| (column.value)(report).is_some())
        })
        .collect()
}

/// The rows of a fold table: (fold name, documents, value per column), the folds
/// then `pooled`.
fn fold_rows(cv: &CrossValidationReport, columns: &[&Column]) -> Vec<(String, usize, Vec<f64>)> {
    cv.fold_names
        .iter()
        .map(String::as_str)
        .zip(&cv.folds)
        .chain([("pooled", &cv.pooled)])
        .map(|(name, report)| {
            let values = columns
                .iter()
                .map(|column| (column.value)(report).unwrap_or_default())
                .collect();
            (name.to_string(), report.n_documents, values)
        })
        .collect()
}

/// Every metric of the summary as (name, mean, std): the scalar metrics, then the
/// F1 of each label.
fn mean_std_rows(cv: &CrossValidationReport) -> Vec<(String, f64, f64)> {
    let (m, s) = (&cv.mean, &cv.std);
    let mut rows = vec![
        ("accuracy".to_string(), m.accuracy, s.accuracy),
        ("macro F1".to_string(), m.macro_f1, s.macro_f1),
        ("weighted F1".to_string(), m.weighted_f1, s.weighted_f1),
        (
            "balanced accuracy".to_string(),
            m.balanced_accuracy,
            s.balanced_accuracy,
        ),
        ("Cohen's kappa".to_string(), m.kappa, s.kappa),
        ("Matthews correlation (MCC)".to_string(), m.mcc, s.mcc),
    ];
    for (name, mean, std) in [
        ("F_avg", m.f_avg, s.f_avg),
        ("log-loss", m.log_loss, s.log_loss),
        ("Brier score", m.brier, s.brier),
    ] {
        if let (Some(mean), Some(std)) = (mean, std) {
            rows.push((name.to_string(), mean, std));
        }
    }
    rows.push((
        "most-frequent-tag baseline".to_string(),
        m.baseline_accuracy,
        s.baseline_accuracy,
    ));
    for (label, mean) in &m.per_class_f1 {
        let std = s.per_class_f1.get(label).copied().unwrap_or_default();
        rows.push((format!("F1 of {label}"), *mean, std));
    }
    rows
}
