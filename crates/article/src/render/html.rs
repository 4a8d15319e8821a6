//! The HTML rendering: one self-contained page, inline CSS, no script.

use std::collections::BTreeMap;
use std::fmt::{self, Write};

use super::palette::{swatch, Swatch};
use super::{distribution, shares};
use crate::analysis::SentenceAnalysis;
use crate::attribution::Via;
use crate::{ArticleAnalysis, Span};

/// Escapes text for HTML content and attribute values: the escaper of every HTML page stance
/// writes.
pub(super) use stance_eval::escape_html as escape;

const STYLE: &str = "
body { font: 16px/1.6 Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font: 600 1.1rem/1.3 system-ui, sans-serif; margin: 0 0 .6rem; color: #444; letter-spacing: .02em; }
h2 { font: 600 1rem/1.3 system-ui, sans-serif; margin: 2rem 0 .6rem; color: #444; }
.verdict { font: 1rem/1.5 system-ui, sans-serif; margin: 0 0 .3rem; }
.shares, .note { font: .85rem/1.5 system-ui, sans-serif; color: #555; margin: 0 0 .3rem; }
.badge { display: inline-block; padding: 0 .5em; border-radius: .3em; font-weight: 600; }
.mixed { background: #222; color: #fff; }
.legend { font: .85rem/1.5 system-ui, sans-serif; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; margin: .8rem 0 1.2rem; align-items: center; }
.legend .key { padding: 0 .5em; }
article { border-top: 1px solid #ccc; padding-top: 1rem; }
article h2.headline { font: 700 1.5rem/1.35 Georgia, serif; color: #111; margin: .2rem 0 1rem; }
article p { margin: 0 0 1rem; }
.s { border-radius: .2em; padding: .05em .1em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.ev { font-weight: 700; background: rgba(0, 0, 0, .09); border-radius: .15em; }
.sev { text-decoration: underline dotted #333; text-underline-offset: .2em; }
.spk { font-variant: small-caps; letter-spacing: .03em; }
.tone { font: 700 .68rem/1 system-ui, sans-serif; color: #666; margin: 0 .2em 0 .1em; vertical-align: super; }
.tone.positive { color: #1b7a34; }
.tone.negative { color: #b3261e; }
.who { font: 600 .7rem/1 system-ui, sans-serif; color: #fff; background: #555; border-radius: .8em; padding: .15em .55em; margin-right: .3em; vertical-align: .15em; white-space: nowrap; }
table { border-collapse: collapse; font: .9rem/1.4 system-ui, sans-serif; width: 100%; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
";

pub(super) fn render(analysis: &ArticleAnalysis, out: &mut impl Write) -> fmt::Result {
    let verdict = &analysis.article;
    let labels: Vec<&str> = verdict.stance_probabilities.keys().map(String::as_str).collect();
    let neutral = guess_neutral(&labels);
    let swatches: BTreeMap<&str, Swatch> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| (*label, swatch(label, i, neutral)))
        .collect();
    let class_of = |label: &str| format!("l{}", labels.iter().position(|l| *l == label).unwrap_or(0));

    out.write_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")?;
    out.write_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")?;
    let title = analysis
        .sentences
        .first()
        .map_or("(empty article)", |s| s.text.as_str());
    writeln!(out, "<title>Stance analysis: {}</title>", escape(title))?;
    out.write_str("<style>")?;
    out.write_str(STYLE)?;
    for (label, swatch) in &swatches {
        writeln!(
            out,
            ".{} {{ background: {}; border-bottom: 2px {} {}; }}",
            class_of(label),
            swatch.tint,
            swatch.border,
            swatch.strong
        )?;
    }
    out.write_str("</style>\n</head>\n<body>\n<main>\n")?;

    // Verdict and legend.
    out.write_str("<h1>Stance analysis</h1>\n")?;
    writeln!(
        out,
        "<p class=\"verdict\">Article stance <span class=\"badge {}\">{}</span> {:.2} · sentiment <strong>{}</strong> {:.2}{}</p>",
        class_of(&verdict.stance),
        escape(&verdict.stance),
        verdict.stance_probability,
        escape(&verdict.sentiment),
        verdict.sentiment_probability,
        if verdict.mixed {
            " · <span class=\"badge mixed\" title=\"speakers or sentences push different approaches\">mixed</span>"
        } else {
            ""
        }
    )?;
    writeln!(
        out,
        "<p class=\"shares\">Sentences by stance: {} &nbsp;|&nbsp; by sentiment: {}</p>",
        escape(&shares(&verdict.stance_shares)),
        escape(&shares(&verdict.sentiment_shares))
    )?;
    out.write_str("<div class=\"legend\"><span>Sentence stance:</span>")?;
    for label in &labels {
        write!(
            out,
            "<span class=\"s key {}\">{}</span>",
            class_of(label),
            escape(label)
        )?;
    }
    out.write_str(
        "<span><span class=\"ev\">bold, shaded</span> = stance evidence</span>\
         <span><span class=\"sev\">dotted</span> = sentiment evidence</span>\
         <span><span class=\"tone positive\">+</span><span class=\"tone negative\">−</span><span class=\"tone\">·</span> = sentence sentiment (positive, negative, neutral)</span>\
         <span><span class=\"who\">Name</span> = speaker</span>\
         <span><span class=\"spk\">Small caps</span> = speaker named (not read by the models)</span></div>\n",
    )?;
    out.write_str("<p class=\"note\">Hover over a sentence for its probabilities and speaker.</p>\n")?;

    // The article.
    out.write_str("<article>\n")?;
    let mut previous_speaker: Option<&str> = None;
    let mut open_paragraph: Option<usize> = None;
    for sentence in &analysis.sentences {
        if sentence.headline {
            out.write_str("<h2 class=\"headline\">")?;
            out.write_str(&sentence_html(sentence, &class_of(&sentence.stance.label), false))?;
            out.write_str("</h2>\n")?;
            previous_speaker = sentence.speaker.as_deref();
            continue;
        }
        if open_paragraph != Some(sentence.paragraph) {
            if open_paragraph.is_some() {
                out.write_str("</p>\n")?;
            }
            out.write_str("<p>")?;
            open_paragraph = Some(sentence.paragraph);
        } else {
            out.write_char(' ')?;
        }
        let new_speaker = sentence.speaker.is_some() && sentence.speaker.as_deref() != previous_speaker;
        out.write_str(&sentence_html(sentence, &class_of(&sentence.stance.label), new_speaker))?;
        previous_speaker = sentence.speaker.as_deref();
    }
    if open_paragraph.is_some() {
        out.write_str("</p>\n")?;
    }
    out.write_str("</article>\n")?;

    // Speakers.
    out.write_str("<h2>Speakers</h2>\n")?;
    if analysis.speakers.is_empty() {
        out.write_str("<p class=\"note\">No speaker found.</p>\n")?;
    } else {
        out.write_str(
            "<table>\n<thead><tr><th>Speaker</th><th>Kind</th><th>Stance</th><th>Confidence</th>\
             <th>Vote</th><th>Sentiment</th><th>Sentences</th><th>Also called</th></tr></thead>\n<tbody>\n",
        )?;
        for speaker in &analysis.speakers {
            let roles = if speaker.roles.is_empty() {
                String::new()
            } else {
                format!("<br><small>{}</small>", escape(&speaker.roles.join("; ")))
            };
            writeln!(
                out,
                "<tr><td><strong>{}</strong>{}</td><td>{}</td><td><span class=\"s {}\">{}</span></td>\
                 <td class=\"num\">{:.2}</td><td>{}</td><td>{} {:.2}</td><td>{}</td><td>{}</td></tr>",
                escape(&speaker.name),
                roles,
                speaker.kind.name(),
                class_of(&speaker.stance),
                escape(&speaker.stance),
                speaker.confidence,
                escape(&distribution(speaker.votes.iter().map(|(l, p)| (l.as_str(), *p)))),
                escape(&speaker.sentiment),
                speaker.sentiment_confidence,
                speaker
                    .sentences
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                escape(&speaker.aliases.join("; ")),
            )?;
        }
        out.write_str("</tbody>\n</table>\n")?;
    }
    out.write_str("</main>\n</body>\n</html>\n")?;
    Ok(())
}

/// The neutral label of a label set, for colouring: `neutral` if present, else none.
fn guess_neutral<'a>(labels: &[&'a str]) -> &'a str {
    labels.iter().copied().find(|l| *l == "neutral").unwrap_or("")
}

/// One sentence as a tinted span with a hover title and its evidence words marked.
fn sentence_html(sentence: &SentenceAnalysis, class: &str, tag_speaker: bool) -> String {
    let mut title = format!(
        "Sentence {} · stance {} {:.2} ({})\nsentiment {} {:.2} ({})",
        sentence.index,
        sentence.stance.label,
        sentence.stance.probability,
        distribution(sentence.stance.probabilities.iter()),
        sentence.sentiment.label,
        sentence.sentiment.probability,
        distribution(sentence.sentiment.probabilities.iter()),
    );
    match (&sentence.speaker, sentence.attribution) {
        (Some(speaker), Some(via)) => {
            let how = match via {
                Via::Name => "named",
                Via::Role => "by role",
                Via::Pronoun => "by pronoun",
                Via::Quote => "quotation",
            };
            let _ = write!(title, "\nspeaker: {speaker} ({how})");
        }
        _ => title.push_str("\nspeaker: none"),
    }
    let evidence: Vec<&str> = sentence.stance.evidence.iter().map(|e| &*e.term).collect();
    if !evidence.is_empty() {
        let _ = write!(title, "\nstance evidence: {}", evidence.join(", "));
    }
    let mut out = String::new();
    if tag_speaker {
        if let Some(speaker) = &sentence.speaker {
            let _ = write!(out, "<span class=\"who\">{}</span>", escape(speaker));
        }
    }
    let _ = write!(out, "<span class=\"s {class}\" title=\"{}\">", escape(&title));
    out.push_str(&marked_text(sentence));
    out.push_str("</span>");
    let tone = sentence.sentiment.label.as_str();
    let mark = match tone {
        "positive" => "+",
        "negative" => "−",
        _ => "·",
    };
    let _ = write!(
        out,
        "<span class=\"tone {}\" title=\"sentiment {} {:.2}\">{mark}</span>",
        escape(tone),
        escape(tone),
        sentence.sentiment.probability
    );
    out
}

/// The sentence's text with evidence words wrapped: `ev` for stance, `sev` for sentiment.
fn marked_text(sentence: &SentenceAnalysis) -> String {
    let base = sentence.span.start;
    // Word span -> (stance terms, sentiment terms).
    let mut marks: BTreeMap<Span, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for term in &sentence.stance.evidence {
        for span in &term.matches {
            let note = format!("{} ({:+.2} toward {})", term.term, term.weight, sentence.stance.label);
            marks.entry(*span).or_default().0.push(note);
        }
    }
    for term in &sentence.sentiment.evidence {
        for span in &term.matches {
            let note = format!(
                "{} ({:+.2} toward {})",
                term.term, term.weight, sentence.sentiment.label
            );
            marks.entry(*span).or_default().1.push(note);
        }
    }
    // The speaker's mention, which the models did not read, is marked as a whole.
    let mention = sentence.speaker_mention.filter(|m| sentence.span.contains(*m));
    if let Some(mention) = mention {
        marks.retain(|span, _| !span.overlaps(mention));
        marks.insert(mention, (Vec::new(), Vec::new()));
    }
    let text = sentence.text.as_str();
    let mut out = String::new();
    let mut at = 0;
    for (span, (stance, sentiment)) in marks {
        let (Some(start), Some(end)) = (span.start.checked_sub(base), span.end.checked_sub(base)) else {
            continue;
        };
        if start < at || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&escape(&text[at..start]));
        if Some(span) == mention {
            let _ = write!(
                out,
                "<span class=\"spk\" title=\"the speaker, not read by the models\">{}</span>",
                escape(&text[start..end])
            );
            at = end;
            continue;
        }
        let mut classes = Vec::new();
        let mut notes = Vec::new();
        if !stance.is_empty() {
            classes.push("ev");
            notes.push(format!("stance evidence: {}", stance.join("; ")));
        }
        if !sentiment.is_empty() {
            classes.push("sev");
            notes.push(format!("sentiment evidence: {}", sentiment.join("; ")));
        }
        let _ = write!(
            out,
            "<span class=\"{}\" title=\"{}\">{}</span>",
            classes.join(" "),
            escape(&notes.join("\n")),
            escape(&text[start..end])
        );
        at = end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jo'</a>\n"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/a&gt;&#10;"
        );
    }
}
