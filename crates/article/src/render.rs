//! Renderings of an [`ArticleAnalysis`]: plain text for people, and a self-contained HTML page.
//! (JSON is [`ArticleAnalysis::to_json`].) Both are deterministic: the same analysis gives the
//! same bytes.

mod html;
mod palette;
mod text;

use crate::ArticleAnalysis;

/// The analysis as plain text: the article's verdict, a table of speakers, then every sentence
/// with its stance, sentiment and speaker.
pub fn text(analysis: &ArticleAnalysis) -> String {
    text::render(analysis)
}

/// The analysis as one HTML page with inline CSS and no script: the verdict, a legend, the
/// article with each sentence tinted by stance (evidence words marked, a hover title with
/// probabilities and speaker), and a table of speakers. All text is escaped.
pub fn html(analysis: &ArticleAnalysis) -> String {
    html::render(analysis)
}

impl ArticleAnalysis {
    /// The analysis as plain text for people (see [`text`]).
    pub fn to_text(&self) -> String {
        text(self)
    }

    /// The analysis as a self-contained HTML page (see [`html`]).
    pub fn to_html(&self) -> String {
        html(self)
    }
}

/// `0.4567` as `46%`.
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// `label 0.72, other 0.20` for a probability map.
fn distribution<'a>(probabilities: impl IntoIterator<Item = (&'a str, f64)>) -> String {
    probabilities
        .into_iter()
        .map(|(label, p)| format!("{label} {p:.2}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `label 46% · other 30%` for a share map.
fn shares(shares: &std::collections::BTreeMap<String, f64>) -> String {
    shares
        .iter()
        .map(|(label, s)| format!("{label} {}", percent(*s)))
        .collect::<Vec<_>>()
        .join(" · ")
}
