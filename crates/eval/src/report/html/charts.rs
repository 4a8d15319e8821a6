//! The inline SVG charts of the HTML report.
//!
//! Every chart is one `<svg>` element with a `viewBox`, so it scales with the page;
//! coordinates are written with one decimal so that the output is stable and small.
//! Text widths are estimated from the number of characters (no font metrics are
//! available), generously, so that labels do not collide.

use std::fmt::Write;

use super::{fixed, Esc};
use crate::confusion::ConfusionMatrix;
use crate::cross_validation::LearningCurvePoint;
use crate::metrics::EvaluationReport;
use crate::reliability::Reliability;

/// Colors of the series (Tableau 10: distinguishable, also in grey print).
const BLUE: &str = "#4e79a7";
const ORANGE: &str = "#f28e2b";
const GREEN: &str = "#59a14f";
const RED: &str = "#e15759";
const GREY: &str = "#8a94a6";
const INK: &str = "#1f2933";
const MUTED: &str = "#5f6b7a";
const GRID: &str = "#e4e7eb";

/// The longest label shown in a chart; longer ones are cut with an ellipsis (the
/// full label is in a tooltip).
const LABEL_CHARS: usize = 18;

/// A number as an SVG coordinate.
struct C(f64);

impl std::fmt::Display for C {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rounded = (self.0 * 10.0).round() / 10.0;
        if rounded == rounded.trunc() {
            write!(f, "{}", rounded as i64)
        } else {
            write!(f, "{rounded:.1}")
        }
    }
}

/// The estimated width of `text` at `size` px in a sans-serif font, on the wide
/// side (DejaVu Sans, a common fallback, is wide): better a margin too many.
fn text_width(text: &str, size: f64) -> f64 {
    let em = |c: char| {
        if c.is_uppercase() || c.is_ascii_digit() {
            0.72
        } else {
            0.6
        }
    };
    text.chars().map(em).sum::<f64>() * size
}

/// [`text_width`] for bold text.
fn bold_width(text: &str, size: f64) -> f64 {
    text_width(text, size) * 1.12
}

/// `text` cut to `max` characters, the last being an ellipsis.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

/// Opens an `<svg>` of the given size, labelled for screen readers.
fn open(out: &mut String, width: f64, height: f64, label: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" style="max-width:{w}px" role="img" aria-label="{label}">"#,
        w = C(width),
        h = C(height),
        label = Esc(label),
    );
}

/// A y-axis title written bottom to top, centred on `y`, at the left edge of a chart.
fn vertical_title(out: &mut String, y: f64, size: f64, color: &str, content: &str) {
    let x = 16.0;
    let rotate = format!(r#" transform="rotate(-90 {} {})""#, C(x), C(y));
    text(out, x, y, size, "middle", color, &rotate, content);
}

/// A text element; `anchor` is `start`, `middle` or `end`, `extra` more attributes.
#[allow(clippy::too_many_arguments)]
fn text(out: &mut String, x: f64, y: f64, size: f64, anchor: &str, color: &str, extra: &str, content: &str) {
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" fill="{color}"{extra}>{}</text>"#,
        C(x),
        C(y),
        C(size),
        Esc(content)
    );
}

/// A label that may be cut short, with the full text as a tooltip.
#[allow(clippy::too_many_arguments)]
fn label_text(out: &mut String, x: f64, y: f64, size: f64, anchor: &str, extra: &str, full: &str) {
    let shown = short(full, LABEL_CHARS);
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" fill="{INK}"{extra}><title>{}</title>{}</text>"#,
        C(x),
        C(y),
        C(size),
        Esc(full),
        Esc(&shown)
    );
}

fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, color: &str, extra: &str) {
    let _ = write!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{color}"{extra}/>"#,
        C(x1),
        C(y1),
        C(x2),
        C(y2)
    );
}

fn rect(out: &mut String, x: f64, y: f64, width: f64, height: f64, fill: &str, extra: &str) {
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"{extra}/>"#,
        C(x),
        C(y),
        C(width.max(0.0)),
        C(height.max(0.0))
    );
}

/// A legend entry: a swatch (`kind` = `box`, `line`, `dash`, `tick` or `band`) and its name; returns
/// the x after it.
fn legend(out: &mut String, x: f64, y: f64, kind: &str, color: &str, name: &str) -> f64 {
    match kind {
        "line" => {
            line(out, x, y - 4.0, x + 18.0, y - 4.0, color, r#" stroke-width="2.5""#);
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="3" fill="{color}"/>"#,
                C(x + 9.0),
                C(y - 4.0)
            );
        }
        "dash" => line(
            out,
            x,
            y - 4.0,
            x + 18.0,
            y - 4.0,
            color,
            r#" stroke-width="1.5" stroke-dasharray="4 3""#,
        ),
        "tick" => line(out, x + 1.0, y - 4.0, x + 17.0, y - 4.0, color, r#" stroke-width="3""#),
        "band" => rect(out, x, y - 10.0, 18.0, 12.0, color, r#" fill-opacity="0.22""#),
        _ => rect(out, x + 3.0, y - 10.0, 12.0, 12.0, color, r#" rx="2""#),
    }
    text(out, x + 24.0, y, 12.0, "start", INK, "", name);
    x + 24.0 + text_width(name, 12.0) + 18.0
}

/// A line of the learning curve: name, color, and (mean, std) of a point.
type Series = (&'static str, &'static str, fn(&LearningCurvePoint) -> (f64, f64));

/// Sequential blue scale (ColorBrewer "Blues") at `t` in [0, 1], as `#rrggbb`.
fn blues(t: f64) -> String {
    const STOPS: [(u8, u8, u8); 9] = [
        (0xf7, 0xfb, 0xff),
        (0xde, 0xeb, 0xf7),
        (0xc6, 0xdb, 0xef),
        (0x9e, 0xca, 0xe1),
        (0x6b, 0xae, 0xd6),
        (0x42, 0x92, 0xc6),
        (0x21, 0x71, 0xb5),
        (0x08, 0x51, 0x9c),
        (0x08, 0x30, 0x6b),
    ];
    let position = t.clamp(0.0, 1.0) * (STOPS.len() - 1) as f64;
    let index = (position.floor() as usize).min(STOPS.len() - 2);
    let w = position - index as f64;
    let (a, b) = (STOPS[index], STOPS[index + 1]);
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * w).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) for about `count` ticks over `span`.
fn nice_step(span: f64, count: f64) -> f64 {
    let raw = (span / count).max(f64::MIN_POSITIVE);
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Ticks from `low` to `high` (both multiples of `step`).
fn ticks(low: f64, high: f64, step: f64) -> Vec<f64> {
    let first = (low / step).round() as i64;
    let last = (high / step).round() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// Decimals enough to tell ticks `step` apart.
fn tick_decimals(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else if (step * 10.0 - (step * 10.0).round()).abs() < 1e-9 {
        1
    } else {
        2
    }
}

/// The confusion matrix as a heat map: rows = true labels, columns = predicted
/// labels, each cell shaded by its share of the row and showing the count and the
/// row percentage; the row totals (support) on the right.
pub(super) fn confusion_matrix(cm: &ConfusionMatrix) -> String {
    let labels = cm.labels();
    let n = labels.len().max(1);
    let cell = (400.0 / n as f64).clamp(40.0, 92.0).floor();
    let label_width = labels
        .iter()
        .map(|l| text_width(&short(l, LABEL_CHARS), 12.0))
        .fold(0.0, f64::max);
    let rotate = label_width > cell - 8.0;
    let column_label_height = if rotate { label_width * 0.72 + 14.0 } else { 24.0 };
    let left = 30.0 + label_width + 10.0;
    let top = 28.0 + column_label_height;
    let grid = cell * n as f64;
    let right = 62.0;
    let width = left + grid + right;
    let height = top + grid + 14.0;
    let totals = cm.true_counts();

    let mut out = String::new();
    open(
        &mut out,
        width,
        height,
        "Confusion matrix: rows are true labels, columns predicted labels",
    );
    text(
        &mut out,
        left + grid / 2.0,
        16.0,
        13.0,
        "middle",
        INK,
        r#" font-weight="600""#,
        "Predicted label",
    );
    let (cx, cy) = (14.0, top + grid / 2.0);
    text(
        &mut out,
        cx,
        cy,
        13.0,
        "middle",
        INK,
        &format!(r#" font-weight="600" transform="rotate(-90 {} {})""#, C(cx), C(cy)),
        "True label",
    );
    for (j, label) in labels.iter().enumerate() {
        let x = left + (j as f64 + 0.5) * cell;
        let y = top - 9.0;
        if rotate {
            let extra = format!(r#" transform="rotate(-40 {} {})""#, C(x), C(y));
            label_text(&mut out, x, y, 12.0, "start", &extra, label);
        } else {
            label_text(&mut out, x, y, 12.0, "middle", "", label);
        }
    }
    text(
        &mut out,
        left + grid + right / 2.0,
        top - 9.0,
        11.0,
        "middle",
        MUTED,
        "",
        "support",
    );
    let big = cell >= 56.0;
    for (i, (label, row)) in labels.iter().zip(cm.matrix()).enumerate() {
        let y = top + i as f64 * cell;
        label_text(&mut out, left - 8.0, y + cell / 2.0 + 4.0, 12.0, "end", "", label);
        for (j, &count) in row.iter().enumerate() {
            let x = left + j as f64 * cell;
            let share = if totals[i] > 0 {
                count as f64 / totals[i] as f64
            } else {
                0.0
            };
            let fill = blues(share);
            let ink = if share > 0.5 { "#ffffff" } else { INK };
            let _ = write!(
                out,
                r#"<g><title>true {}, predicted {}: {count} ({:.1}% of {})</title>"#,
                Esc(label),
                Esc(&labels[j]),
                share * 100.0,
                Esc(label)
            );
            rect(
                &mut out,
                x,
                y,
                cell,
                cell,
                &fill,
                r##" stroke="#ffffff" stroke-width="2""##,
            );
            if i == j {
                rect(
                    &mut out,
                    x + 1.5,
                    y + 1.5,
                    cell - 3.0,
                    cell - 3.0,
                    "none",
                    r##" stroke="#1f2933" stroke-opacity="0.35" stroke-width="1""##,
                );
            }
            let percent = format!("{:.0}%", share * 100.0);
            if big {
                text(
                    &mut out,
                    x + cell / 2.0,
                    y + cell / 2.0 - 1.0,
                    16.0,
                    "middle",
                    ink,
                    r#" font-weight="600""#,
                    &count.to_string(),
                );
                text(
                    &mut out,
                    x + cell / 2.0,
                    y + cell / 2.0 + 16.0,
                    11.0,
                    "middle",
                    ink,
                    "",
                    &percent,
                );
            } else {
                text(
                    &mut out,
                    x + cell / 2.0,
                    y + cell / 2.0 + 1.0,
                    12.0,
                    "middle",
                    ink,
                    r#" font-weight="600""#,
                    &count.to_string(),
                );
                text(
                    &mut out,
                    x + cell / 2.0,
                    y + cell / 2.0 + 13.0,
                    9.0,
                    "middle",
                    ink,
                    "",
                    &percent,
                );
            }
            out.push_str("</g>");
        }
        text(
            &mut out,
            left + grid + right / 2.0,
            y + cell / 2.0 + 4.0,
            12.0,
            "middle",
            MUTED,
            "",
            &totals[i].to_string(),
        );
    }
    out.push_str("</svg>");
    out
}

/// Horizontal bars of precision, recall and F1 per label, with the values at the
/// ends of the bars and the support under each label.
pub(super) fn class_bars(report: &EvaluationReport) -> String {
    let classes: Vec<(&String, [f64; 3], usize)> = report
        .per_class
        .iter()
        .map(|(label, c)| (label, [c.precision, c.recall, c.f1], c.support))
        .collect();
    let label_width = classes
        .iter()
        .map(|(label, ..)| bold_width(&short(label, LABEL_CHARS), 12.0))
        .fold(60.0, f64::max);
    let width = 520.0;
    let left = label_width + 16.0;
    let right = 44.0;
    let plot = width - left - right;
    let top = 40.0;
    let (bar, gap, group_gap) = (13.0, 3.0, 20.0);
    let group = 3.0 * bar + 2.0 * gap;
    let height = top + classes.len() as f64 * (group + group_gap) - group_gap + 34.0;
    let bottom = height - 26.0;
    let series = [("precision", BLUE), ("recall", ORANGE), ("F1", GREEN)];

    let mut out = String::new();
    open(&mut out, width, height, "Precision, recall and F1 per label");
    let mut x = left;
    for (name, color) in series {
        x = legend(&mut out, x, 16.0, "box", color, name);
    }
    for tick in ticks(0.0, 1.0, 0.2) {
        let tx = left + tick * plot;
        line(&mut out, tx, top - 6.0, tx, bottom, GRID, "");
        text(&mut out, tx, bottom + 16.0, 11.0, "middle", MUTED, "", &fixed(tick, 1));
    }
    line(&mut out, left, top - 6.0, left, bottom, GREY, "");
    for (index, (label, values, support)) in classes.iter().enumerate() {
        let y = top + index as f64 * (group + group_gap);
        label_text(
            &mut out,
            left - 10.0,
            y + group / 2.0 - 2.0,
            12.0,
            "end",
            r#" font-weight="600""#,
            label,
        );
        text(
            &mut out,
            left - 10.0,
            y + group / 2.0 + 13.0,
            11.0,
            "end",
            MUTED,
            "",
            &format!("n = {support}"),
        );
        for (k, ((name, color), value)) in series.iter().zip(values).enumerate() {
            let by = y + k as f64 * (bar + gap);
            let _ = write!(out, "<g><title>{} {name}: {}</title>", Esc(label), fixed(*value, 3));
            rect(&mut out, left, by, value * plot, bar, color, r#" rx="2""#);
            out.push_str("</g>");
            text(
                &mut out,
                left + value * plot + 5.0,
                by + bar - 2.5,
                11.0,
                "start",
                INK,
                "",
                &fixed(*value, 2),
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// Validation accuracy and macro-F1 against the number of training documents,
/// each with a band of ± one standard deviation over folds, and the
/// most-frequent-label baseline as a dashed line.
pub(super) fn learning_curve(points: &[LearningCurvePoint], baseline: Option<f64>) -> String {
    let (width, height) = (520.0, 340.0);
    let (left, right, top, bottom) = (58.0, 22.0, 44.0, 56.0);
    let (plot_w, plot_h) = (width - left - right, height - top - bottom);

    let max_x = points.iter().map(|p| p.training_documents as f64).fold(1.0, f64::max);
    let x_step = nice_step(max_x, 5.0);
    let x_high = (max_x / x_step).ceil() * x_step;
    let mut low = 1.0f64;
    let mut high = 0.0f64;
    for p in points {
        low = low
            .min(p.accuracy_mean - p.accuracy_std)
            .min(p.macro_f1_mean - p.macro_f1_std);
        high = high
            .max(p.accuracy_mean + p.accuracy_std)
            .max(p.macro_f1_mean + p.macro_f1_std);
    }
    if let Some(b) = baseline {
        low = low.min(b);
        high = high.max(b);
    }
    if low > high {
        (low, high) = (0.0, 1.0);
    }
    let y_step = nice_step((high - low).max(0.1), 5.0);
    let y_low = ((low / y_step).floor() * y_step).max(0.0);
    let y_high = ((high / y_step).ceil() * y_step).min(1.0).max(y_low + y_step);
    let sx = |v: f64| left + v / x_high * plot_w;
    let sy = |v: f64| top + (1.0 - (v.clamp(y_low, y_high) - y_low) / (y_high - y_low)) * plot_h;

    let mut out = String::new();
    open(
        &mut out,
        width,
        height,
        "Learning curve: validation accuracy and macro-F1 against training size",
    );
    let mut x = left;
    x = legend(&mut out, x, 18.0, "line", BLUE, "accuracy");
    x = legend(&mut out, x, 18.0, "line", ORANGE, "macro-F1");
    x = legend(&mut out, x, 18.0, "band", GREY, "± 1 std over folds");
    if baseline.is_some() {
        legend(&mut out, x, 18.0, "dash", GREY, "baseline");
    }
    let y_decimals = tick_decimals(y_step);
    for tick in ticks(y_low, y_high, y_step) {
        let ty = sy(tick);
        line(&mut out, left, ty, left + plot_w, ty, GRID, "");
        text(
            &mut out,
            left - 8.0,
            ty + 4.0,
            11.0,
            "end",
            MUTED,
            "",
            &fixed(tick, y_decimals),
        );
    }
    for tick in ticks(0.0, x_high, x_step) {
        let tx = sx(tick);
        line(&mut out, tx, top + plot_h, tx, top + plot_h + 5.0, GREY, "");
        text(
            &mut out,
            tx,
            top + plot_h + 19.0,
            11.0,
            "middle",
            MUTED,
            "",
            &fixed(tick, tick_decimals(x_step)),
        );
    }
    line(&mut out, left, top + plot_h, left + plot_w, top + plot_h, GREY, "");
    line(&mut out, left, top, left, top + plot_h, GREY, "");
    text(
        &mut out,
        left + plot_w / 2.0,
        height - 10.0,
        12.0,
        "middle",
        INK,
        "",
        "training documents",
    );
    vertical_title(&mut out, top + plot_h / 2.0, 12.0, INK, "validation score");
    if let Some(b) = baseline {
        line(
            &mut out,
            left,
            sy(b),
            left + plot_w,
            sy(b),
            GREY,
            r#" stroke-width="1.5" stroke-dasharray="4 3""#,
        );
        // Above the line unless that would leave the plot.
        let label_y = if sy(b) - 6.0 > top + 10.0 {
            sy(b) - 6.0
        } else {
            sy(b) + 14.0
        };
        text(
            &mut out,
            left + plot_w - 4.0,
            label_y,
            10.0,
            "end",
            MUTED,
            "",
            &format!("baseline {}", fixed(b, 3)),
        );
    }
    let series: [Series; 2] = [
        ("accuracy", BLUE, |p| (p.accuracy_mean, p.accuracy_std)),
        ("macro-F1", ORANGE, |p| (p.macro_f1_mean, p.macro_f1_std)),
    ];
    for (_, color, value) in series {
        let mut band = String::new();
        for p in points {
            let (mean, std) = value(p);
            let _ = write!(band, "{},{} ", C(sx(p.training_documents as f64)), C(sy(mean + std)));
        }
        for p in points.iter().rev() {
            let (mean, std) = value(p);
            let _ = write!(band, "{},{} ", C(sx(p.training_documents as f64)), C(sy(mean - std)));
        }
        let _ = write!(
            out,
            r#"<polygon points="{}" fill="{color}" fill-opacity="0.16" stroke="none"/>"#,
            band.trim_end()
        );
    }
    for (name, color, value) in series {
        let path: Vec<String> = points
            .iter()
            .map(|p| format!("{},{}", C(sx(p.training_documents as f64)), C(sy(value(p).0))))
            .collect();
        let _ = write!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="2.5" stroke-linejoin="round"/>"#,
            path.join(" ")
        );
        for p in points {
            let (mean, std) = value(p);
            let _ = write!(
                out,
                r##"<circle cx="{}" cy="{}" r="3.5" fill="{color}" stroke="#ffffff" stroke-width="1"><title>{name} at {} training documents ({:.0}%): {} ± {}</title></circle>"##,
                C(sx(p.training_documents as f64)),
                C(sy(mean)),
                p.training_documents,
                p.fraction * 100.0,
                fixed(mean, 3),
                fixed(std, 3)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// The reliability diagram: observed accuracy per confidence bin as bars, each
/// bin's mean confidence as a red tick, the diagonal of perfect calibration, and
/// the number of predictions per bin in a strip below.
pub(super) fn reliability(r: &Reliability) -> String {
    let (width, height) = (520.0, 420.0);
    let (left, right, top) = (58.0, 22.0, 44.0);
    let plot_w = width - left - right;
    let plot_h = 236.0;
    let strip_top = top + plot_h + 34.0;
    let strip_h = 60.0;
    let sx = |v: f64| left + v * plot_w;
    let sy = |v: f64| top + (1.0 - v) * plot_h;

    let mut out = String::new();
    open(
        &mut out,
        width,
        height,
        "Reliability diagram: observed accuracy against predicted confidence",
    );
    let mut x = left;
    x = legend(&mut out, x, 18.0, "box", BLUE, "observed accuracy");
    x = legend(&mut out, x, 18.0, "tick", RED, "mean confidence");
    legend(&mut out, x, 18.0, "dash", GREY, "perfect calibration");
    for tick in ticks(0.0, 1.0, 0.2) {
        line(&mut out, left, sy(tick), left + plot_w, sy(tick), GRID, "");
        text(
            &mut out,
            left - 8.0,
            sy(tick) + 4.0,
            11.0,
            "end",
            MUTED,
            "",
            &fixed(tick, 1),
        );
        line(
            &mut out,
            sx(tick),
            strip_top + strip_h,
            sx(tick),
            strip_top + strip_h + 5.0,
            GREY,
            "",
        );
        text(
            &mut out,
            sx(tick),
            strip_top + strip_h + 19.0,
            11.0,
            "middle",
            MUTED,
            "",
            &fixed(tick, 1),
        );
    }
    let max_count = r.bins.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    for bin in &r.bins {
        let x0 = sx(bin.lower) + 1.5;
        let w = sx(bin.upper) - sx(bin.lower) - 3.0;
        if bin.count > 0 {
            let _ = write!(
                out,
                "<g><title>confidence {}–{}: {} predictions, mean confidence {}, accuracy {}</title>",
                fixed(bin.lower, 2),
                fixed(bin.upper, 2),
                bin.count,
                fixed(bin.mean_confidence, 3),
                fixed(bin.accuracy, 3)
            );
            rect(
                &mut out,
                x0,
                sy(bin.accuracy),
                w,
                sy(0.0) - sy(bin.accuracy),
                BLUE,
                r#" fill-opacity="0.85""#,
            );
            line(
                &mut out,
                x0,
                sy(bin.mean_confidence),
                x0 + w,
                sy(bin.mean_confidence),
                RED,
                r#" stroke-width="3""#,
            );
            out.push_str("</g>");
        }
        let h = bin.count as f64 / max_count * (strip_h - 14.0);
        rect(
            &mut out,
            x0,
            strip_top + strip_h - h,
            w,
            h,
            GREY,
            r#" fill-opacity="0.55""#,
        );
        if bin.count > 0 {
            text(
                &mut out,
                x0 + w / 2.0,
                strip_top + strip_h - h - 3.0,
                10.0,
                "middle",
                INK,
                "",
                &bin.count.to_string(),
            );
        }
    }
    line(
        &mut out,
        sx(0.0),
        sy(0.0),
        sx(1.0),
        sy(1.0),
        GREY,
        r#" stroke-width="1.5" stroke-dasharray="5 4""#,
    );
    line(&mut out, left, sy(0.0), left + plot_w, sy(0.0), GREY, "");
    line(&mut out, left, top, left, sy(0.0), GREY, "");
    line(
        &mut out,
        left,
        strip_top + strip_h,
        left + plot_w,
        strip_top + strip_h,
        GREY,
        "",
    );
    vertical_title(&mut out, top + plot_h / 2.0, 12.0, INK, "observed accuracy");
    vertical_title(&mut out, strip_top + strip_h / 2.0, 11.0, MUTED, "count");
    text(
        &mut out,
        left + plot_w / 2.0,
        height - 8.0,
        12.0,
        "middle",
        INK,
        "",
        "predicted confidence",
    );
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_short_and_stable() {
        assert_eq!(C(12.0).to_string(), "12");
        assert_eq!(C(12.04).to_string(), "12");
        assert_eq!(C(12.06).to_string(), "12.1");
        assert_eq!(C(-3.26).to_string(), "-3.3");
    }

    #[test]
    fn color_scale_runs_light_to_dark() {
        assert_eq!(blues(0.0), "#f7fbff");
        assert_eq!(blues(1.0), "#08306b");
        assert_eq!(blues(7.0), "#08306b");
    }

    #[test]
    fn nice_ticks() {
        assert_eq!(nice_step(1.0, 5.0), 0.2);
        assert_eq!(nice_step(900.0, 5.0), 200.0);
        assert_eq!(nice_step(0.3, 5.0), 0.1);
        assert_eq!(ticks(0.0, 1.0, 0.25), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(tick_decimals(0.05), 2);
        assert_eq!(tick_decimals(0.1), 1);
        assert_eq!(tick_decimals(200.0), 0);
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(short("abc", 5), "abc");
        assert_eq!(short("abcdefgh", 5), "abcd…");
    }
}
