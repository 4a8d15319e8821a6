//! Plain text: scikit-learn's classification report, the confusion matrix, a
//! MALLET-style baseline line, then the other metrics and the warnings.

use std::fmt;

use super::{fold_columns, fold_rows, mean_std_rows, summary_rows, AVERAGE_ROWS};
use crate::classwise::Averages;
use crate::cross_validation::CrossValidationReport;
use crate::metrics::EvaluationReport;

/// The most decimals a rendering writes (an f64 holds 17 significant digits); more are asked
/// for in vain.
pub const MAX_DIGITS: usize = 17;

/// `text` right-aligned in `width` characters. Written by hand: `format!`'s width stops at
/// 65,535 and panics beyond, and a label can be longer than that.
fn right(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.chars().count());
    let mut out = String::with_capacity(pad + text.len());
    out.extend(std::iter::repeat_n(' ', pad));
    out.push_str(text);
    out
}

/// `text` left-aligned in `width` characters (see [`right`]).
fn left(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.chars().count());
    let mut out = String::with_capacity(pad + text.len());
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

impl EvaluationReport {
    /// Renders the report as plain text with `digits` decimals (scikit-learn's
    /// `classification_report` uses 2).
    ///
    /// The first block has the layout of `classification_report`: one row per
    /// label, then `accuracy`, `macro avg` and `weighted avg`. The confusion matrix
    /// follows (rows = true, columns = predicted), then the line MALLET prints,
    /// `accuracy=… most-frequent-tag baseline=… (label)`, the other metrics and any
    /// warnings.
    /// `digits` above [`MAX_DIGITS`] count as [`MAX_DIGITS`].
    pub fn to_text(&self, digits: usize) -> String {
        Text {
            report: self,
            digits: digits.min(MAX_DIGITS),
        }
        .to_string()
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
            writeln!(f, "{}  {value}", left(key, key_width))?;
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
        write!(f, "{} ", right("", width))?;
        for heading in ["precision", "recall", "f1-score", "support"] {
            write!(f, " {heading:>9}")?;
        }
        writeln!(f)?;
        writeln!(f)?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, m: &Averages, support: usize| {
            writeln!(
                f,
                "{}  {:>9.d$} {:>9.d$} {:>9.d$} {support:>9}",
                right(name, width),
                m.precision,
                m.recall,
                m.f1
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
            "{}  {:>9} {:>9} {:>9.d$} {:>9}",
            right("accuracy", width),
            "",
            "",
            r.accuracy,
            r.n_documents
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
        write!(f, "{}", right("", label_width))?;
        for (label, width) in cm.labels().iter().zip(&column_widths) {
            write!(f, "  {}", right(label, *width))?;
        }
        writeln!(f)?;
        for (label, row) in cm.labels().iter().zip(cm.matrix()) {
            write!(f, "{}", right(label, label_width))?;
            for (count, width) in row.iter().zip(&column_widths) {
                write!(f, "  {}", right(&count.to_string(), *width))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

impl CrossValidationReport {
    /// Renders the cross-validation as plain text with `digits` decimals: a table
    /// with one row per fold and a last row for the pooled predictions, then every
    /// metric as `mean ± std` over the folds (sample standard deviation), the
    /// learning curve if there is one, and the warnings.
    /// `digits` above [`MAX_DIGITS`] count as [`MAX_DIGITS`].
    pub fn to_text(&self, digits: usize) -> String {
        CrossValidationText {
            report: self,
            digits: digits.min(MAX_DIGITS),
        }
        .to_string()
    }
}

struct CrossValidationText<'a> {
    report: &'a CrossValidationReport,
    digits: usize,
}

impl fmt::Display for CrossValidationText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cv = self.report;
        let d = self.digits;
        writeln!(
            f,
            "cross-validation: {} folds, {} documents",
            cv.folds.len(),
            cv.pooled.n_documents
        )?;
        writeln!(f)?;

        let columns = fold_columns(cv);
        let rows = fold_rows(cv, &columns);
        let name_width = rows
            .iter()
            .map(|(name, ..)| name.chars().count())
            .chain([4])
            .max()
            .unwrap_or(4);
        let count_width = "documents".len();
        // Room for a sign, a digit, the point and the decimals.
        let value_widths: Vec<usize> = columns.iter().map(|c| c.heading.len().max(d + 3)).collect();
        write!(f, "{}  {:>count_width$}", left("fold", name_width), "documents")?;
        for (column, width) in columns.iter().zip(&value_widths) {
            write!(f, "  {:>width$}", column.heading)?;
        }
        writeln!(f)?;
        for (index, (name, count, values)) in rows.iter().enumerate() {
            if index == cv.folds.len() {
                writeln!(f)?;
            }
            write!(f, "{}  {count:>count_width$}", left(name, name_width))?;
            for (value, width) in values.iter().zip(&value_widths) {
                write!(f, "  {value:>width$.d$}")?;
            }
            writeln!(f)?;
        }
        writeln!(f)?;

        writeln!(
            f,
            "mean ± std over {} folds (sample standard deviation):",
            cv.folds.len()
        )?;
        let summary = mean_std_rows(cv);
        let key_width = summary.iter().map(|(k, ..)| k.chars().count()).max().unwrap_or(0);
        for (key, mean, std) in &summary {
            writeln!(f, "{}  {mean:.d$} ± {std:.d$}", left(key, key_width))?;
        }

        if let Some(curve) = &cv.learning_curve {
            writeln!(f)?;
            writeln!(f, "learning curve (validation scores, mean ± std over folds):")?;
            let score_width = 2 * (d + 2) + 3;
            writeln!(
                f,
                "{:>8}  {:>18}  {:>score_width$}  {:>score_width$}",
                "fraction", "training documents", "accuracy", "macro F1"
            )?;
            for point in curve {
                let accuracy = format!("{:.d$} ± {:.d$}", point.accuracy_mean, point.accuracy_std);
                let macro_f1 = format!("{:.d$} ± {:.d$}", point.macro_f1_mean, point.macro_f1_std);
                writeln!(
                    f,
                    "{:>8.2}  {:>18}  {accuracy:>score_width$}  {macro_f1:>score_width$}",
                    point.fraction, point.training_documents
                )?;
            }
        }

        if !cv.warnings.is_empty() {
            writeln!(f)?;
            writeln!(f, "warnings:")?;
            for warning in &cv.warnings {
                writeln!(f, "  - {warning}")?;
            }
        }
        Ok(())
    }
}
