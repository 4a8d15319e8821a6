//! Renderings of an [`EvaluationReport`]: plain text, Markdown and JSON.
//!
//! Each format lives in its own file and adds one method to the report:
//! [`to_text`](EvaluationReport::to_text), [`to_markdown`](EvaluationReport::to_markdown)
//! and [`to_json`](EvaluationReport::to_json).

mod json;
mod markdown;
mod text;

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
    if let (Some(f_avg), Some(neutral)) = (report.f_avg, &report.neutral_label) {
        rows.push((format!("F_avg (mean F1 without {neutral})"), number(f_avg)));
    }
    rows
}
