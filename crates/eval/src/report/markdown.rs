//! Markdown: the per-class table, the confusion matrix and the other metrics as
//! GitHub-flavoured tables, then the warnings as a list.

use std::fmt;

use super::{fold_columns, fold_rows, mean_std_rows, summary_rows, AVERAGE_ROWS};
use crate::cross_validation::CrossValidationReport;
use crate::metrics::EvaluationReport;

impl EvaluationReport {
    /// Renders the report as Markdown tables with `digits` decimals. Labels are
    /// escaped so that a `|` or a line break in a label cannot break a table.
    pub fn to_markdown(&self, digits: usize) -> String {
        Markdown {
            report: self,
            digits: digits.min(super::MAX_DIGITS),
        }
        .to_string()
    }
}

struct Markdown<'a> {
    report: &'a EvaluationReport,
    digits: usize,
}

impl fmt::Display for Markdown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.report;
        let d = self.digits;
        writeln!(f, "| label | precision | recall | f1-score | support |")?;
        writeln!(f, "| :--- | ---: | ---: | ---: | ---: |")?;
        for (label, c) in &r.per_class {
            writeln!(
                f,
                "| {} | {:.d$} | {:.d$} | {:.d$} | {} |",
                escape(label),
                c.precision,
                c.recall,
                c.f1,
                c.support
            )?;
        }
        writeln!(f, "| accuracy |  |  | {:.d$} | {} |", r.accuracy, r.n_documents)?;
        for (name, m) in AVERAGE_ROWS.iter().zip([&r.macro_avg, &r.weighted_avg]) {
            writeln!(
                f,
                "| {name} | {:.d$} | {:.d$} | {:.d$} | {} |",
                m.precision, m.recall, m.f1, r.n_documents
            )?;
        }

        writeln!(f)?;
        writeln!(f, "Confusion matrix (rows = true, columns = predicted):")?;
        writeln!(f)?;
        let cm = &r.confusion_matrix;
        write!(f, "| true \\ predicted |")?;
        for label in cm.labels() {
            write!(f, " {} |", escape(label))?;
        }
        writeln!(f)?;
        write!(f, "| :--- |")?;
        for _ in cm.labels() {
            write!(f, " ---: |")?;
        }
        writeln!(f)?;
        for (label, row) in cm.labels().iter().zip(cm.matrix()) {
            write!(f, "| {} |", escape(label))?;
            for count in row {
                write!(f, " {count} |")?;
            }
            writeln!(f)?;
        }

        writeln!(f)?;
        writeln!(f, "| metric | value |")?;
        writeln!(f, "| :--- | ---: |")?;
        writeln!(f, "| accuracy | {:.d$} |", r.accuracy)?;
        writeln!(
            f,
            "| most-frequent-tag baseline ({}) | {:.d$} |",
            escape(&r.baseline_label),
            r.baseline_accuracy
        )?;
        for (key, value) in summary_rows(r, d) {
            writeln!(f, "| {} | {value} |", escape(&key))?;
        }

        if !r.warnings.is_empty() {
            writeln!(f)?;
            writeln!(f, "Warnings:")?;
            writeln!(f)?;
            for warning in &r.warnings {
                writeln!(f, "- {}", escape(warning))?;
            }
        }
        Ok(())
    }
}

impl CrossValidationReport {
    /// Renders the cross-validation as Markdown with `digits` decimals: the fold
    /// table (the last row pools all folds' predictions), a `mean ± std` table,
    /// the learning curve if there is one, and the warnings.
    pub fn to_markdown(&self, digits: usize) -> String {
        CrossValidationMarkdown {
            report: self,
            digits: digits.min(super::MAX_DIGITS),
        }
        .to_string()
    }
}

struct CrossValidationMarkdown<'a> {
    report: &'a CrossValidationReport,
    digits: usize,
}

impl fmt::Display for CrossValidationMarkdown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cv = self.report;
        let d = self.digits;
        let columns = fold_columns(cv);
        write!(f, "| fold | documents |")?;
        for column in &columns {
            write!(f, " {} |", column.heading)?;
        }
        writeln!(f)?;
        write!(f, "| :--- | ---: |")?;
        for _ in &columns {
            write!(f, " ---: |")?;
        }
        writeln!(f)?;
        for (index, (name, count, values)) in fold_rows(cv, &columns).iter().enumerate() {
            let name = if index == cv.folds.len() {
                format!("**{name}**")
            } else {
                escape(name)
            };
            write!(f, "| {name} | {count} |")?;
            for value in values {
                write!(f, " {value:.d$} |")?;
            }
            writeln!(f)?;
        }

        writeln!(f)?;
        writeln!(f, "| metric | mean ± std ({} folds) |", cv.folds.len())?;
        writeln!(f, "| :--- | ---: |")?;
        for (key, mean, std) in mean_std_rows(cv) {
            writeln!(f, "| {} | {mean:.d$} ± {std:.d$} |", escape(&key))?;
        }

        if let Some(curve) = &cv.learning_curve {
            writeln!(f)?;
            writeln!(f, "Learning curve (validation scores, mean ± std over folds):")?;
            writeln!(f)?;
            writeln!(f, "| fraction | training documents | accuracy | macro F1 |")?;
            writeln!(f, "| ---: | ---: | ---: | ---: |")?;
            for p in curve {
                writeln!(
                    f,
                    "| {:.2} | {} | {:.d$} ± {:.d$} | {:.d$} ± {:.d$} |",
                    p.fraction, p.training_documents, p.accuracy_mean, p.accuracy_std, p.macro_f1_mean, p.macro_f1_std
                )?;
            }
        }

        if !cv.warnings.is_empty() {
            writeln!(f)?;
            writeln!(f, "Warnings:")?;
            writeln!(f)?;
            for warning in &cv.warnings {
                writeln!(f, "- {}", escape(warning))?;
            }
        }
        Ok(())
    }
}

/// Makes text safe inside a table cell: `|` and `\` are backslash-escaped and line
/// breaks become spaces.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '|' | '\\' => {
                escaped.push('\\');
                escaped.push(ch);
            }
            '\n' | '\r' => escaped.push(' '),
            _ => escaped.push(ch),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breaking_characters() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("back\\slash"), "back\\\\slash");
        assert_eq!(escape("favor"), "favor");
    }
}
