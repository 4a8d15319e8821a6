//! Renderings of an [`ArticleAnalysis`]: plain text for people, and a self-contained HTML page.
//! (JSON is [`ArticleAnalysis::to_json`].) Both are deterministic: the same analysis gives the
//! same bytes.

mod html;
mod palette;
mod text;

use std::fmt;
use std::io;

use crate::ArticleAnalysis;

/// The analysis as plain text: the article's verdict, a table of speakers, then every sentence
/// with its stance, sentiment and speaker.
pub fn text(analysis: &ArticleAnalysis) -> String {
    let mut out = String::new();
    text::render(analysis, &mut out).expect("writing to a String never fails");
    out
}

/// The analysis as one HTML page with inline CSS and no script: the verdict, a legend, the
/// article with each sentence tinted by stance (evidence words marked, a hover title with
/// probabilities and speaker), and a table of speakers. All text is escaped.
pub fn html(analysis: &ArticleAnalysis) -> String {
    let mut out = String::new();
    html::render(analysis, &mut out).expect("writing to a String never fails");
    out
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

    /// Writes [`ArticleAnalysis::to_text`]'s text to `out` as it is rendered, without holding it
    /// whole (a long article's text is some 3 times its size).
    pub fn write_text(&self, out: &mut impl io::Write) -> io::Result<()> {
        write_through(out, |writer| text::render(self, writer))
    }

    /// Writes [`ArticleAnalysis::to_html`]'s page to `out` as it is rendered.
    pub fn write_html(&self, out: &mut impl io::Write) -> io::Result<()> {
        write_through(out, |writer| html::render(self, writer))
    }
}

/// Formatting into an [`io::Write`], keeping the first I/O error (formatting can only say that
/// something failed).
struct IoWriter<'a, W: io::Write> {
    inner: &'a mut W,
    error: Option<io::Error>,
}

impl<W: io::Write> fmt::Write for IoWriter<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.inner.write_all(s.as_bytes()).map_err(|error| {
            self.error.get_or_insert(error);
            fmt::Error
        })
    }
}

/// Runs `render` into `out`, giving back the I/O error that stopped it.
fn write_through<W: io::Write>(
    out: &mut W,
    render: impl FnOnce(&mut IoWriter<'_, W>) -> fmt::Result,
) -> io::Result<()> {
    let mut writer = IoWriter {
        inner: out,
        error: None,
    };
    render(&mut writer).map_err(|_| {
        writer
            .error
            .take()
            .unwrap_or_else(|| io::Error::other("formatting failed"))
    })
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
