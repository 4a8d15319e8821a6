//! HTML: one self-contained page (inline CSS and SVG, no script, no external
//! resource) with the summary numbers, the confusion matrix, per-class bars, the
//! cross-validation folds, the learning curve, a reliability diagram and the most
//! confidently wrong examples.

mod charts;

use std::fmt::{self, Write};

use super::{fold_columns, fold_rows};
use crate::cross_validation::{mean_std, CrossValidationReport};
use crate::metrics::EvaluationReport;
use crate::reliability::{coverage_curve, Reliability, RELIABILITY_BINS};

/// The longest text of a wrong example shown, in characters.
const TEXT_CHARS: usize = 300;

/// The input of the HTML report: an evaluation and, optionally, a
/// cross-validation, calibration data and wrong examples to show.
///
/// [`render`](Self::render) makes one self-contained page: inline CSS and SVG, no
/// script, no font or image from anywhere, so it can be mailed or archived as one
/// file. Every user-supplied string is HTML-escaped, and the output depends on the
/// input only (no timestamp), so the same input gives the same bytes.
///
/// ```
/// use stance_eval::{evaluate, EvalInput, HtmlReport, WrongExample};
///
/// let report = evaluate(&EvalInput::new(["FAVOR", "AGAINST", "NONE"], ["FAVOR", "NONE", "NONE"]))?;
/// let page = HtmlReport::new("Stance <test set>", &report)
///     .with_reliability(vec![(0.9, true), (0.6, false), (0.8, true)])
///     .with_wrong_examples(vec![
///         WrongExample::new("doc-2", "AGAINST", "NONE", 0.6, "Talks resumed & stalled.")
///             .with_evidence([("talks", 1.2), ("stalled", -0.4)]),
///     ])
///     .render();
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("Stance &lt;test set&gt;"));
/// assert!(page.contains("<svg"));
/// # Ok::<(), stance_eval::EvalError>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HtmlReport<'a> {
    /// The page title (also the `<title>`).
    pub title: String,
    /// The evaluation the summary, the confusion matrix and the per-class bars show.
    pub evaluation: &'a EvaluationReport,
    /// A cross-validation: its folds, mean ± std and learning curve are shown too.
    pub cross_validation: Option<&'a CrossValidationReport>,
    /// Per document, the confidence of the prediction (usually the probability of
    /// the predicted label) and whether it was right; draws a reliability diagram
    /// with [`RELIABILITY_BINS`] bins (see [`Reliability`]).
    pub reliability: Option<Vec<(f64, bool)>>,
    /// The same pairs before calibration, when the probabilities were calibrated: a second
    /// reliability diagram beside the first.
    pub uncalibrated_reliability: Option<Vec<(f64, bool)>>,
    /// Wrong predictions to show, most confident first (the page sorts them).
    pub wrong_examples: Vec<WrongExample>,
}

/// A wrongly predicted document, shown in the table of confident errors.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct WrongExample {
    /// The document's id.
    pub id: String,
    /// Its true label.
    pub true_label: String,
    /// The label the model predicted.
    pub predicted_label: String,
    /// The probability the model gave the predicted label.
    pub probability: f64,
    /// The document's text (the page shows about the first 300 characters).
    pub text: String,
    /// Terms that drove the prediction with their weights (e.g. the log-likelihood
    /// ratio of the predicted over the true label), in the order to show.
    pub evidence: Vec<(String, f64)>,
}

impl WrongExample {
    /// A wrong example without evidence terms.
    pub fn new(
        id: impl Into<String>,
        true_label: impl Into<String>,
        predicted_label: impl Into<String>,
        probability: f64,
        text: impl Into<String>,
    ) -> Self {
        WrongExample {
            id: id.into(),
            true_label: true_label.into(),
            predicted_label: predicted_label.into(),
            probability,
            text: text.into(),
            evidence: Vec::new(),
        }
    }

    /// Sets the evidence terms, as (term, weight) pairs in the order to show.
    pub fn with_evidence<E, T>(mut self, evidence: E) -> Self
    where
        E: IntoIterator<Item = (T, f64)>,
        T: Into<String>,
    {
        self.evidence = evidence
            .into_iter()
            .map(|(term, weight)| (term.into(), weight))
            .collect();
        self
    }
}

impl<'a> HtmlReport<'a> {
    /// A report of `evaluation` alone, titled `title`.
    pub fn new(title: impl Into<String>, evaluation: &'a EvaluationReport) -> Self {
        HtmlReport {
            title: title.into(),
            evaluation,
            cross_validation: None,
            reliability: None,
            uncalibrated_reliability: None,
            wrong_examples: Vec::new(),
        }
    }

    /// Adds a cross-validation (its folds, mean ± std and learning curve).
    pub fn with_cross_validation(mut self, cross_validation: &'a CrossValidationReport) -> Self {
        self.cross_validation = Some(cross_validation);
        self
    }

    /// Adds (confidence, correct) pairs, one per document, for a reliability diagram.
    pub fn with_reliability(mut self, predictions: Vec<(f64, bool)>) -> Self {
        self.reliability = Some(predictions);
        self
    }

    /// Adds (confidence, correct) pairs of the same documents before calibration, for a second
    /// reliability diagram.
    pub fn with_uncalibrated_reliability(mut self, predictions: Vec<(f64, bool)>) -> Self {
        self.uncalibrated_reliability = Some(predictions);
        self
    }

    /// Adds wrong examples to show, most confident first.
    pub fn with_wrong_examples(mut self, examples: Vec<WrongExample>) -> Self {
        self.wrong_examples = examples;
        self
    }

    /// Renders the page.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(64 * 1024);
        // Writing to a String cannot fail.
        let _ = self.write_page(&mut out);
        out
    }

    fn write_page(&self, out: &mut String) -> fmt::Result {
        let r = self.evaluation;
        writeln!(out, "<!DOCTYPE html>")?;
        writeln!(out, r#"<html lang="en">"#)?;
        writeln!(out, "<head>")?;
        writeln!(out, r#"<meta charset="utf-8">"#)?;
        writeln!(
            out,
            r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
        )?;
        writeln!(
            out,
            r#"<meta name="generator" content="stance-eval {}">"#,
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(out, "<title>{}</title>", Esc(&self.title))?;
        writeln!(out, "<style>{STYLE}</style>")?;
        writeln!(out, "</head>")?;
        writeln!(out, "<body>\n<main>")?;

        writeln!(out, "<header>")?;
        writeln!(out, "<h1>{}</h1>", Esc(&self.title))?;
        let labels = r.confusion_matrix.labels();
        write!(
            out,
            r#"<p class="subtitle">{} documents · {} labels: {}"#,
            r.n_documents,
            labels.len(),
            Esc(&labels.join(", "))
        )?;
        if let Some(cv) = self.cross_validation {
            write!(out, " · {}-fold cross-validation", cv.folds.len())?;
        }
        writeln!(out, "</p>\n</header>")?;

        self.summary(out)?;
        if let Some(cv) = self.cross_validation {
            cross_validation(out, cv)?;
        }
        self.classes(out)?;
        self.curves(out)?;
        self.examples(out)?;
        self.warnings(out)?;

        writeln!(
            out,
            "<footer>Generated by stance-eval {}. Accuracy intervals are 95% Wilson score intervals; \
             ± values are sample standard deviations over folds; the baseline always predicts the \
             most frequent true label.</footer>",
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(out, "</main>\n</body>\n</html>")
    }

    /// The headline numbers as cards, then the secondary ones in one line.
    fn summary(&self, out: &mut String) -> fmt::Result {
        let r = self.evaluation;
        writeln!(out, r#"<section class="summary">"#)?;
        writeln!(out, r#"<div class="cards">"#)?;
        let [low, high] = r.accuracy_ci95;
        card(
            out,
            "Accuracy",
            &fixed(r.accuracy, 3),
            &format!("95% CI {} – {}", fixed(low, 3), fixed(high, 3)),
        )?;
        card(
            out,
            "Macro-F1",
            &fixed(r.macro_avg.f1, 3),
            &format!("weighted F1 {}", fixed(r.weighted_avg.f1, 3)),
        )?;
        if let (Some(f_avg), Some(neutral)) = (r.f_avg, &r.neutral_label) {
            card(out, "F_avg", &fixed(f_avg, 3), &format!("mean F1 without {neutral}"))?;
        }
        card(
            out,
            "Baseline",
            &fixed(r.baseline_accuracy, 3),
            &format!("always “{}”", r.baseline_label),
        )?;
        card(
            out,
            "Cohen’s kappa",
            &fixed(r.kappa, 3),
            &format!("MCC {}", fixed(r.mcc, 3)),
        )?;
        writeln!(out, "</div>")?;
        write!(
            out,
            r#"<p class="secondary">Balanced accuracy <b>{}</b>"#,
            fixed(r.balanced_accuracy, 3)
        )?;
        if let Some(log_loss) = r.log_loss {
            write!(out, " · log-loss <b>{}</b>", fixed(log_loss, 3))?;
        }
        if let Some(brier) = r.brier {
            write!(out, " · Brier score <b>{}</b>", fixed(brier, 3))?;
        }
        writeln!(out, " · {} documents</p>", r.n_documents)?;
        writeln!(out, "</section>")
    }

    /// The confusion matrix and the per-class bars, side by side.
    fn classes(&self, out: &mut String) -> fmt::Result {
        let r = self.evaluation;
        writeln!(out, "<section>")?;
        writeln!(out, "<h2>Errors and classes</h2>")?;
        writeln!(out, r#"<div class="grid-2">"#)?;
        writeln!(out, "<figure>")?;
        writeln!(out, "{}", charts::confusion_matrix(&r.confusion_matrix))?;
        writeln!(
            out,
            "<figcaption>Confusion matrix. Rows are true labels, columns predicted labels; each cell \
             shows the count and its share of the row, and is shaded by that share (the diagonal is \
             the recall of each label).</figcaption>"
        )?;
        writeln!(out, "</figure>")?;
        writeln!(out, "<figure>")?;
        writeln!(out, "{}", charts::class_bars(r))?;
        writeln!(
            out,
            "<figcaption>Precision, recall and F1 of each label; n is the number of documents with \
             that true label.</figcaption>"
        )?;
        writeln!(out, "</figure>")?;
        writeln!(out, "</div>")?;
        writeln!(out, "</section>")
    }

    /// The learning curve and the reliability diagram, when there are any.
    fn curves(&self, out: &mut String) -> fmt::Result {
        let curve = self
            .cross_validation
            .and_then(|cv| cv.learning_curve.as_ref())
            .filter(|points| !points.is_empty());
        let reliability = self
            .reliability
            .as_ref()
            .map(|predictions| Reliability::from_predictions(predictions, RELIABILITY_BINS));
        let mut figures = Vec::new();
        if let Some(points) = curve {
            let baseline = self
                .cross_validation
                .map_or(self.evaluation.baseline_accuracy, |cv| cv.mean.baseline_accuracy);
            let last = &points[points.len() - 1];
            figures.push(format!(
                "<figure>\n{}\n<figcaption>Learning curve. Validation accuracy and macro-F1 of models trained on \
                 growing, nested parts of each fold's training data (mean over folds, band ± 1 std); at {} \
                 training documents: accuracy {} ± {}, macro-F1 {} ± {}.</figcaption>\n</figure>",
                charts::learning_curve(points, Some(baseline)),
                last.training_documents,
                fixed(last.accuracy_mean, 3),
                fixed(last.accuracy_std, 3),
                fixed(last.macro_f1_mean, 3),
                fixed(last.macro_f1_std, 3),
            ));
        }
        let uncalibrated = self
            .uncalibrated_reliability
            .as_ref()
            .map(|predictions| Reliability::from_predictions(predictions, RELIABILITY_BINS));
        let diagrams = [
            (&uncalibrated, "Before calibration: r"),
            (
                &reliability,
                if uncalibrated.is_some() {
                    "After calibration: r"
                } else {
                    "R"
                },
            ),
        ];
        for (r, opening) in diagrams {
            let Some(r) = r else { continue };
            let mut caption = format!(
                "{opening}eliability diagram of {} predictions in {} equal-width bins of confidence. Bars are the \
                 share of correct predictions, red ticks the mean confidence; a calibrated model follows the \
                 diagonal. Expected calibration error: {}.",
                r.n_predictions,
                r.bins.len(),
                fixed(r.expected_calibration_error, 3)
            );
            if r.skipped > 0 {
                let _ = write!(
                    caption,
                    " {} predictions with a confidence outside [0, 1] were left out.",
                    r.skipped
                );
            }
            figures.push(format!(
                "<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>",
                charts::reliability(r),
                Esc(&caption)
            ));
        }
        if figures.is_empty() {
            return Ok(());
        }
        let heading = match (curve.is_some(), reliability.is_some()) {
            (true, true) => "Learning curve and calibration",
            (true, false) => "Learning curve",
            _ => "Calibration",
        };
        writeln!(out, "<section>")?;
        writeln!(out, "<h2>{heading}</h2>")?;
        let class = if figures.len() >= 2 { "grid-2" } else { "single" };
        writeln!(out, r#"<div class="{class}">"#)?;
        for figure in figures {
            writeln!(out, "{figure}")?;
        }
        writeln!(out, "</div>")?;
        if let Some(pairs) = &self.reliability {
            let curve = coverage_curve(pairs);
            writeln!(
                out,
                "<h3>Coverage and accuracy</h3>\n<p>Keeping only the most confident documents (what \
                 <code>--min-confidence</code> does): the share kept, the lowest probability kept, and the accuracy of \
                 those kept.</p>\n<table class=\"coverage\"><thead><tr><th>coverage</th><th>probability \u{2265}</th>\
                 <th>accuracy</th></tr></thead><tbody>"
            )?;
            for point in curve {
                writeln!(
                    out,
                    "<tr><td>{}%</td><td>{}</td><td>{}</td></tr>",
                    fixed(point.coverage * 100.0, 0),
                    fixed(point.threshold, 3),
                    fixed(point.accuracy, 3)
                )?;
            }
            writeln!(out, "</tbody></table>")?;
        }
        writeln!(out, "</section>")
    }

    /// The wrong examples, most confident first.
    fn examples(&self, out: &mut String) -> fmt::Result {
        if self.wrong_examples.is_empty() {
            return Ok(());
        }
        let mut examples: Vec<&WrongExample> = self.wrong_examples.iter().collect();
        // Stable: equal probabilities keep the caller's order; NaN goes last.
        examples.sort_by(|a, b| {
            let key = |p: f64| if p.is_nan() { f64::NEG_INFINITY } else { p };
            key(b.probability).total_cmp(&key(a.probability))
        });
        writeln!(out, "<section>")?;
        writeln!(out, "<h2>Most confidently wrong</h2>")?;
        writeln!(out, r#"<table class="data examples">"#)?;
        writeln!(
            out,
            r#"<colgroup><col class="c-rank"><col class="c-id"><col class="c-label"><col class="c-label"><col class="c-p"><col class="c-text"><col class="c-evidence"></colgroup>"#
        )?;
        writeln!(
            out,
            r#"<thead><tr><th class="num">#</th><th>id</th><th>true</th><th>predicted</th><th class="num">p</th><th>text</th><th>evidence</th></tr></thead>"#
        )?;
        writeln!(out, "<tbody>")?;
        for (rank, example) in examples.iter().enumerate() {
            write!(
                out,
                r#"<tr><td class="num muted">{}</td><td class="id">{}</td><td><span class="pill true" title="{true_label}">{true_label}</span></td><td><span class="pill predicted" title="{predicted_label}">{predicted_label}</span></td><td class="num">{}</td><td class="text">{}</td><td class="evidence">"#,
                rank + 1,
                Esc(&example.id),
                fixed(example.probability, 3),
                Esc(&truncate(&example.text, TEXT_CHARS)),
                true_label = Esc(&example.true_label),
                predicted_label = Esc(&example.predicted_label),
            )?;
            for (term, weight) in &example.evidence {
                let sign = if *weight < 0.0 { "negative" } else { "positive" };
                write!(
                    out,
                    r#"<span class="term {sign}">{} <b>{}</b></span> "#,
                    Esc(term),
                    signed(*weight)
                )?;
            }
            writeln!(out, "</td></tr>")?;
        }
        writeln!(out, "</tbody>\n</table>")?;
        writeln!(
            out,
            r#"<p class="note">p is the probability the model gave the predicted label. Evidence: terms with their weights as supplied (positive pushes towards the predicted label). Texts are cut at about {TEXT_CHARS} characters.</p>"#
        )?;
        writeln!(out, "</section>")
    }

    /// The warnings of the evaluation and the cross-validation.
    fn warnings(&self, out: &mut String) -> fmt::Result {
        let cv_warnings = self.cross_validation.map(|cv| cv.warnings.as_slice()).unwrap_or(&[]);
        let all: Vec<&String> = self.evaluation.warnings.iter().chain(cv_warnings).collect();
        if all.is_empty() {
            return Ok(());
        }
        writeln!(out, r#"<section class="warnings">"#)?;
        writeln!(out, "<h2>Warnings</h2>\n<ul>")?;
        for warning in all {
            writeln!(out, "<li>{}</li>", Esc(warning))?;
        }
        writeln!(out, "</ul>\n</section>")
    }
}

/// The cross-validation section: mean ± std cards, the fold table and the
/// per-class F1.
fn cross_validation(out: &mut String, cv: &CrossValidationReport) -> fmt::Result {
    let (m, s) = (&cv.mean, &cv.std);
    writeln!(out, "<section>")?;
    writeln!(
        out,
        r#"<h2>Cross-validation <span class="muted">{} folds · mean ± std</span></h2>"#,
        cv.folds.len()
    )?;
    writeln!(out, r#"<div class="cards">"#)?;
    let pm = |mean: f64, std: f64| format!("{} <small>± {}</small>", fixed(mean, 3), fixed(std, 3));
    card_html(out, "Accuracy", &pm(m.accuracy, s.accuracy), "over folds")?;
    card_html(out, "Macro-F1", &pm(m.macro_f1, s.macro_f1), "over folds")?;
    if let (Some(mean), Some(std)) = (m.f_avg, s.f_avg) {
        card_html(out, "F_avg", &pm(mean, std), "over folds")?;
    }
    card_html(out, "Cohen’s kappa", &pm(m.kappa, s.kappa), "over folds")?;
    card_html(
        out,
        "Pooled accuracy",
        &fixed(cv.pooled.accuracy, 3),
        &format!("all {} validation predictions", cv.pooled.n_documents),
    )?;
    writeln!(out, "</div>")?;

    let columns = fold_columns(cv);
    writeln!(out, r#"<div class="table-wrap"><table class="data folds">"#)?;
    write!(out, r#"<thead><tr><th>fold</th><th class="num">documents</th>"#)?;
    for column in &columns {
        write!(out, r#"<th class="num">{}</th>"#, Esc(column.heading))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    let rows = fold_rows(cv, &columns);
    let (fold_rows, pooled) = rows.split_at(cv.folds.len());
    for (name, count, values) in fold_rows {
        write!(out, r#"<tr><td>{}</td><td class="num">{count}</td>"#, Esc(name))?;
        for value in values {
            write!(out, r#"<td class="num">{}</td>"#, fixed(*value, 3))?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>\n<tfoot>")?;
    let statistics: Vec<(f64, f64)> = columns
        .iter()
        .map(|column| {
            mean_std(
                &cv.folds
                    .iter()
                    .map(|r| (column.value)(r).unwrap_or_default())
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let sizes: Vec<f64> = cv.folds.iter().map(|r| r.n_documents as f64).collect();
    let (size_mean, size_std) = mean_std(&sizes);
    let means: Vec<f64> = statistics.iter().map(|s| s.0).collect();
    let stds: Vec<f64> = statistics.iter().map(|s| s.1).collect();
    for (name, class, size, values) in [("mean", "total", size_mean, &means), ("std", "spread", size_std, &stds)] {
        write!(
            out,
            r#"<tr class="{class}"><td>{name}</td><td class="num">{}</td>"#,
            fixed(size, 1)
        )?;
        for value in values {
            write!(out, r#"<td class="num">{}</td>"#, fixed(*value, 3))?;
        }
        writeln!(out, "</tr>")?;
    }
    for (name, count, values) in pooled {
        write!(
            out,
            r#"<tr class="pooled"><td>{}</td><td class="num">{count}</td>"#,
            Esc(name)
        )?;
        for value in values {
            write!(out, r#"<td class="num">{}</td>"#, fixed(*value, 3))?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tfoot>\n</table></div>")?;

    if !m.per_class_f1.is_empty() {
        write!(out, r#"<p class="secondary">F1 per label (mean ± std):"#)?;
        for (index, (label, mean)) in m.per_class_f1.iter().enumerate() {
            let std = s.per_class_f1.get(label).copied().unwrap_or_default();
            let separator = if index == 0 { " " } else { " · " };
            write!(
                out,
                "{separator}{} <b>{}</b> ± {}",
                Esc(label),
                fixed(*mean, 3),
                fixed(std, 3)
            )?;
        }
        writeln!(out, "</p>")?;
    }
    writeln!(out, "</section>")
}

/// A summary card with a plain-text value.
fn card(out: &mut String, label: &str, value: &str, note: &str) -> fmt::Result {
    card_html(out, label, &Esc(value).to_string(), &Esc(note).to_string())
}

/// A summary card whose value and note are already HTML.
fn card_html(out: &mut String, label: &str, value_html: &str, note_html: &str) -> fmt::Result {
    writeln!(
        out,
        r#"<div class="card"><div class="card-label">{}</div><div class="card-value">{value_html}</div><div class="card-note">{note_html}</div></div>"#,
        Esc(label)
    )
}

/// HTML-escapes text for element content and quoted attribute values (as [`escape_html`]).
pub(crate) struct Esc<'a>(pub(crate) &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(index) = rest.find(['&', '<', '>', '"', '\'', '\n']) {
            f.write_str(&rest[..index])?;
            f.write_str(match rest.as_bytes()[index] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\n' => "&#10;",
                _ => "&#39;",
            })?;
            rest = &rest[index + 1..];
        }
        f.write_str(rest)
    }
}

/// `text` escaped for HTML element content and quoted attribute values: `& < > " '` and line
/// breaks (kept inside attributes) become character references. The one escaper of every HTML
/// page stance writes (evaluation reports, article analyses).
///
/// ```
/// assert_eq!(stance_eval::escape_html("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot;&#10;");
/// ```
pub fn escape_html(text: &str) -> String {
    Esc(text).to_string()
}

/// `value` with `digits` decimals, never `-0.000`.
fn fixed(value: f64, digits: usize) -> String {
    let text = format!("{value:.digits$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
        _ => text,
    }
}

/// A weight with an explicit sign and two decimals.
fn signed(weight: f64) -> String {
    let text = fixed(weight, 2);
    if text.starts_with('-') {
        text.replacen('-', "−", 1)
    } else {
        format!("+{text}")
    }
}

/// `text` with runs of white space made one space and cut to about `max`
/// characters, at a word boundary when one is near, with an ellipsis.
fn truncate(text: &str, max: usize) -> String {
    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut: String = collapsed.chars().take(max).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if cut[..space].chars().count() >= max * 4 / 5 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':', '.']))
}

/// The style sheet: screen and print.
const STYLE: &str = r#"
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #e4e7eb; --panel: #f7f9fb; --accent: #4e79a7; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eef1f5; color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 24px auto; padding: 32px 40px 24px; background: #fff;
  border-radius: 10px; box-shadow: 0 1px 3px rgba(15, 23, 42, .08); }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; letter-spacing: -.01em; }
h2 { font-size: 17px; margin: 32px 0 14px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h2 .muted { font-weight: 400; font-size: 14px; margin-left: 6px; }
.subtitle { margin: 0 0 20px; color: var(--muted); }
.muted { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card-label { font-size: 12px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
.card-value { font-size: 26px; font-weight: 650; line-height: 1.3; font-variant-numeric: tabular-nums; }
.card-value small { font-size: 15px; font-weight: 500; color: var(--muted); }
.card-note { font-size: 12px; color: var(--muted); }
.secondary { margin: 12px 0 0; color: var(--muted); }
.secondary b { color: var(--ink); font-variant-numeric: tabular-nums; }
.grid-2 { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; align-items: start; }
.single figure { max-width: 560px; }
figure { margin: 0; }
figcaption { margin-top: 8px; font-size: 12px; color: var(--muted); }
svg.chart { display: block; width: 100%; height: auto; margin: 0 auto; font-family: inherit; }
table.data { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; margin-top: 16px; }
table.data th { font-size: 12px; font-weight: 600; color: var(--muted); text-align: left; padding: 6px 8px;
  border-bottom: 2px solid var(--line); white-space: nowrap; }
table.data td { padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.data .num { text-align: right; white-space: nowrap; }
table.data small { color: var(--muted); }
table.data tfoot td { font-weight: 600; }
table.data tr.total td { border-top: 2px solid var(--line); border-bottom: 0; }
table.data tr.spread td { color: var(--muted); font-weight: 500; }
.table-wrap { overflow-x: auto; }
table.folds { font-size: 13px; }
table.folds th { white-space: normal; vertical-align: bottom; }
table.folds td, table.folds th { padding: 5px 7px; }
table.data tr.pooled td { color: var(--muted); font-weight: 500; }
table.examples { table-layout: fixed; }
table.examples col.c-rank { width: 3%; }
table.examples col.c-id { width: 14%; }
table.examples col.c-label { width: 12.5%; }
table.examples col.c-p { width: 6%; }
table.examples col.c-text { width: 34%; }
table.examples col.c-evidence { width: 18%; }
table.examples td.id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px;
  overflow-wrap: anywhere; }
table.examples td.text { font-size: 13px; overflow-wrap: break-word; }
.pill { display: inline-block; max-width: 100%; overflow: hidden; text-overflow: ellipsis; vertical-align: top;
  padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.pill.true { background: #e3f1e0; color: #2f6b25; }
.pill.predicted { background: #fde6e6; color: #9d2b2c; }
.term { display: inline-block; max-width: 100%; margin: 0 2px 4px 0; padding: 1px 7px; border-radius: 4px;
  font-size: 12px; overflow-wrap: anywhere; }
.term b { font-weight: 600; font-variant-numeric: tabular-nums; }
.term.positive { background: #e8eef6; color: #2b4c73; }
.term.negative { background: #f4ede4; color: #7a4a12; }
.note { font-size: 12px; color: var(--muted); }
.warnings ul { margin: 0; padding-left: 20px; color: #7a4a12; }
footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
@media (max-width: 860px) {
  main { padding: 20px; margin: 0; border-radius: 0; }
  .grid-2 { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4; margin: 14mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  .grid-2 { display: block; }
  .cards { grid-template-columns: repeat(auto-fit, minmax(115px, 1fr)); gap: 8px; }
  .card { padding: 8px 10px; }
  .card-value { font-size: 18px; }
  .card-value small { font-size: 11px; }
  .table-wrap { overflow: visible; }
  table.folds { font-size: 8pt; }
  table.folds td, table.folds th { padding: 3px 4px; }
  table.examples { font-size: 9pt; }
  table.examples td.text { font-size: 9pt; }
  table.examples td.id, .pill, .term { font-size: 8pt; }
  table.examples td { padding: 5px 4px; }
  .pill { padding: 1px 5px; }
  table.examples col.c-id { width: 13%; }
  table.examples col.c-label { width: 14%; }
  table.examples col.c-p { width: 7%; }
  table.examples col.c-text { width: 32%; }
  table.examples col.c-evidence { width: 17%; }
  figure { max-width: 150mm; margin: 0 auto 18px; break-inside: avoid; }
  h2 { break-after: avoid; }
  .cards, .card, tr, .term { break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_special_characters() {
        assert_eq!(
            Esc(r#"<a href="x">Tom & 'Jerry'</a>"#).to_string(),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(Esc("plain ünïcode").to_string(), "plain ünïcode");
    }

    #[test]
    fn numbers_have_no_negative_zero() {
        assert_eq!(fixed(-0.0001, 3), "0.000");
        assert_eq!(fixed(-0.25, 2), "-0.25");
        assert_eq!(signed(1.234), "+1.23");
        assert_eq!(signed(-0.5), "−0.50");
    }

    #[test]
    fn long_texts_are_cut_at_a_word() {
        let text = "word ".repeat(100);
        let cut = truncate(&text, 30);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= 31);
        assert_eq!(truncate("  short\n text ", 30), "short text");
        let unbroken = "x".repeat(50);
        assert_eq!(truncate(&unbroken, 10), format!("{}…", "x".repeat(10)));
    }
}
