//! Plain text: scikit-learn's classification report, the confusion matrix, a
//! MALLET-style baseline line, then the other metrics and the warnings.

use std::fmt;

use super::{summary_rows, AVERAGE_ROWS};
use crate::classwise::Averages;
use crate::metrics::EvaluationReport;

impl EvaluationReport {
    /// Renders the report as plain text with `digits` decimals (scikit-learn's
    /// `classification_report` uses 2).
    ///
    /// The first block has the layout of `classification_report`: one row per
    /// label, then `accuracy`, `macro avg` and `weighted avg`. The confusion matrix
    /// follows (rows = true, columns = predicted), then the line MALLET prints,
    /// `accuracy=… most-frequent-tag baseline=… (label)`, the other metrics and any
    /// warnings.
    pub fn to_text(&self, digits: usize) -> String {
        Text { report: self, digits }.to_string()
    }
}

struct Text<'a> {
    report: &'a EvaluationReport,
    digits: usize,
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.classification_report(f)?;
        writeln!(f)?;
        self.confusion_matrix(f)?;
        writeln!(f)?;
        let r = self.report;
        let d = self.digits;
        writeln!(
            f,
            "accuracy={:.d$} most-frequent-tag baseline={:.d$} ({})",
            r.accuracy, r.baseline_accuracy, r.baseline_label
        )?;
        writeln!(f)?;
        let rows = summary_rows(r, d);
        let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        for (key, value) in &rows {
            writeln!(f, "{key:<key_width$}  {value}")?;
        }
        if !r.warnings.is_empty() {
            writeln!(f)?;
            writeln!(f, "warnings:")?;
            for warning in &r.warnings {
                writeln!(f, "  - {warning}")?;
            }
        }
        Ok(())
    }
}

impl Text<'_> {
    /// The table of scikit-learn's `classification_report`, byte for byte.
    fn classification_report(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.report;
        let d = self.digits;
        let width = r
            .per_class
            .keys()
            .map(|label| label.chars().count())
            .chain(AVERAGE_ROWS.iter().map(|name| name.len()))
            .chain([d])
            .max()
            .unwrap_or(0);
        write!(f, "{:>width$} ", "")?;
        for heading in ["precision", "recall", "f1-score", "support"] {
            write!(f, " {heading:>9}")?;
        }
        writeln!(f)?;
        writeln!(f)?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, m: &Averages, support: usize| {
            writeln!(
                f,
                "{name:>width$}  {:>9.d$} {:>9.d$} {:>9.d$} {support:>9}",
                m.precision, m.recall, m.f1
            )
        };
        for (label, c) in &r.per_class {
            let values = Averages {
                precision: c.precision,
                recall: c.recall,
                f1: c.f1,
            };
            row(f, label, &values, c.support)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "{:>width$}  {:>9} {:>9} {:>9.d$} {:>9}",
            "accuracy", "", "", r.accuracy, r.n_documents
        )?;
        row(f, AVERAGE_ROWS[0], &r.macro_avg, r.n_documents)?;
        row(f, AVERAGE_ROWS[1], &r.weighted_avg, r.n_documents)
    }

    /// The matrix with label headings; every column as wide as its widest cell.
    fn confusion_matrix(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cm = &self.report.confusion_matrix;
        writeln!(f, "confusion matrix (rows = true, columns = predicted):")?;
        let label_width = cm.labels().iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let column_widths: Vec<usize> = cm
            .labels()
            .iter()
            .enumerate()
            .map(|(column, label)| {
                cm.matrix()
                    .iter()
                    .filter_map(|row| row.get(column))
                    .map(|count| count.to_string().len())
                    .chain([label.chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        write!(f, "{:label_width$}", "")?;
        for (label, width) in cm.labels().iter().zip(&column_widths) {
            write!(f, "  {label:>width$}")?;
        }
        writeln!(f)?;
        for (label, row) in cm.labels().iter().zip(cm.matrix()) {
            write!(f, "{label:>label_width$}")?;
            for (count, width) in row.iter().zip(&column_widths) {
                write!(f, "  {count:>width$}")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
