//! The HTML page: self-contained, escaped, deterministic, with its SVG parts.

use stance_eval::{cross_validate, evaluate, EvalInput, HtmlReport, LearningCurvePoint, Reliability, WrongExample};

const EVIL: &str = r#"<script>alert("x")</script>&'"#;
const EVIL_ESCAPED: &str = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;";

fn input_with_labels(evil_label: &str) -> EvalInput {
    EvalInput::new(
        ["AGAINST", "AGAINST", "FAVOR", evil_label, "NONE", "NONE"],
        ["AGAINST", "NONE", "FAVOR", evil_label, "NONE", "AGAINST"],
    )
}

#[test]
fn a_minimal_page_has_summary_matrix_and_bars_only() {
    let report = evaluate(&input_with_labels("FAVOR")).unwrap();
    let page = HtmlReport::new("Stance", &report).render();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.trim_end().ends_with("</html>"));
    assert!(page.contains("<title>Stance</title>"));
    assert!(page.contains(r#"aria-label="Confusion matrix"#));
    assert!(page.contains(r#"aria-label="Precision, recall and F1 per label""#));
    assert!(!page.contains("Learning curve"));
    assert!(!page.contains("Reliability diagram"));
    assert!(!page.contains("Most confidently wrong"));
    // Summary numbers: accuracy 4/6 with its interval, macro-F1, baseline, kappa, F_avg.
    assert!(page.contains(">0.667</div>"), "accuracy card");
    let [low, high] = report.accuracy_ci95;
    assert!(page.contains(&format!("95% CI {low:.3} – {high:.3}")));
    assert!(page.contains("always “AGAINST”"));
    assert!(page.contains("F_avg") && page.contains("mean F1 without NONE"));
    assert!(page.contains("Cohen’s kappa"));
    // The matrix shows counts and row percentages: AGAINST row is 1 / 1 of 2.
    assert!(page.contains("true AGAINST, predicted NONE: 1 (50.0% of AGAINST)"));
    assert!(page.contains(">50%</text>"));
}

#[test]
fn the_page_is_self_contained_and_deterministic() {
    let report = evaluate(&input_with_labels("FAVOR")).unwrap();
    let build = || {
        HtmlReport::new("Stance", &report)
            .with_reliability(vec![(0.9, true), (0.7, false), (0.55, true)])
            .with_wrong_examples(vec![WrongExample::new("1", "NONE", "AGAINST", 0.7, "text")])
            .render()
    };
    let page = build();
    assert_eq!(page, build());
    assert!(!page.to_lowercase().contains("<script"));
    assert!(!page.contains("<link"));
    assert!(!page.contains("@import"));
    assert!(!page.contains("url("));
    assert!(!page.contains("<img"));
    // The only URL is the SVG namespace, which is never fetched.
    let without_namespace = page.replace("http://www.w3.org/2000/svg", "");
    assert!(!without_namespace.contains("http://") && !without_namespace.contains("https://"));
    assert!(page.contains("@media print"));
}

#[test]
fn everything_user_supplied_is_escaped() {
    let report =
        evaluate(&input_with_labels(EVIL).with_neutral(stance_eval::NeutralClass::Named("NONE".into()))).unwrap();
    let wrong = WrongExample::new(EVIL, EVIL, EVIL, 0.9, EVIL).with_evidence([(EVIL, 1.5), ("<b>", -0.25)]);
    let cv = cross_validate(&[input_with_labels(EVIL), input_with_labels(EVIL)])
        .unwrap()
        .with_fold_names([EVIL, "2"])
        .unwrap();
    let page = HtmlReport::new(EVIL, &report)
        .with_cross_validation(&cv)
        .with_wrong_examples(vec![wrong])
        .render();
    assert!(!page.contains("<script"), "raw script tag in the page");
    assert!(page.contains(&format!("<title>{EVIL_ESCAPED}</title>")));
    assert!(page.contains(&format!("<h1>{EVIL_ESCAPED}</h1>")));
    assert!(page.contains(&format!(r#"<td class="id">{EVIL_ESCAPED}</td>"#)));
    assert!(page.contains(&format!(
        r#"<span class="term positive">{EVIL_ESCAPED} <b>+1.50</b></span>"#
    )));
    assert!(page.contains(r#"<span class="term negative">&lt;b&gt; <b>−0.25</b></span>"#));
    assert!(page.contains(&format!("<tr><td>{EVIL_ESCAPED}</td>")), "fold name");
    // Labels inside the SVG are escaped too (shortened with an ellipsis, full in the tooltip).
    assert!(page.contains(&format!("<title>{EVIL_ESCAPED}</title>&lt;script&gt;")));
}

#[test]
fn cross_validation_learning_curve_and_reliability_are_drawn() {
    let folds = [input_with_labels("FAVOR"), input_with_labels("FAVOR")];
    let runs: Vec<_> = folds.iter().map(|f| (10, evaluate(f).unwrap())).collect();
    let curve = vec![
        LearningCurvePoint::from_runs(0.5, &runs).unwrap(),
        LearningCurvePoint::from_runs(1.0, &runs).unwrap(),
    ];
    let cv = cross_validate(&folds).unwrap().with_learning_curve(curve);
    let predictions = vec![(0.95, true), (0.85, true), (0.8, false), (0.62, true), (f64::NAN, true)];
    let page = HtmlReport::new("CV", &cv.pooled)
        .with_cross_validation(&cv)
        .with_reliability(predictions.clone())
        .render();
    assert!(page.contains("Cross-validation"));
    assert!(page.contains(r#"<tr class="total"><td>mean</td>"#));
    assert!(page.contains(r#"<tr class="pooled"><td>pooled</td>"#));
    assert!(page.contains(r#"aria-label="Learning curve"#));
    assert_eq!(page.matches("<polyline").count(), 2, "accuracy and macro-F1 lines");
    assert_eq!(page.matches("<polygon").count(), 2, "two std bands");
    assert!(page.contains(r#"aria-label="Reliability diagram"#));
    let reliability = Reliability::from_predictions(&predictions, 10);
    assert!(page.contains(&format!(
        "Expected calibration error: {:.3}.",
        reliability.expected_calibration_error
    )));
    assert!(page.contains("1 predictions with a confidence outside [0, 1] were left out"));
    assert_eq!(page.matches("<svg").count(), 4);
}

#[test]
fn wrong_examples_are_sorted_and_texts_cut() {
    let report = evaluate(&input_with_labels("FAVOR")).unwrap();
    let long = "word ".repeat(200);
    let page = HtmlReport::new("t", &report)
        .with_wrong_examples(vec![
            WrongExample::new("low", "A", "B", 0.6, "short"),
            WrongExample::new("high", "A", "B", 0.99, long.clone()),
            WrongExample::new("mid", "A", "B", 0.8, "x"),
        ])
        .render();
    let position = |id: &str| page.find(&format!(r#"<td class="id">{id}</td>"#)).unwrap();
    assert!(position("high") < position("mid") && position("mid") < position("low"));
    assert!(!page.contains(long.trim_end()));
    let cut_start = page.find("word word").unwrap();
    let cut = &page[cut_start..page[cut_start..].find("</td>").unwrap() + cut_start];
    assert!(cut.ends_with("word…"), "{cut}");
    assert!(cut.chars().count() <= 301);
}
