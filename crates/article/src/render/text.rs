//! The plain-text rendering.

use std::fmt::{self, Write};

use super::{distribution, shares};
use crate::attribution::Via;
use crate::ArticleAnalysis;

pub(super) fn render(analysis: &ArticleAnalysis, out: &mut impl Write) -> fmt::Result {
    let verdict = &analysis.article;
    writeln!(
        out,
        "Article: stance {} ({:.2}), sentiment {} ({:.2}){}",
        verdict.stance,
        verdict.stance_probability,
        verdict.sentiment,
        verdict.sentiment_probability,
        if verdict.mixed { ", MIXED" } else { "" }
    )?;
    writeln!(out, "  stance shares:    {}", shares(&verdict.stance_shares))?;
    writeln!(out, "  sentiment shares: {}", shares(&verdict.sentiment_shares))?;

    out.write_str("\nSpeakers\n")?;
    if analysis.speakers.is_empty() {
        out.write_str("  (none found)\n")?;
    } else {
        let mut rows = vec![row([
            "name",
            "kind",
            "stance",
            "conf",
            "sentiment",
            "conf",
            "sentences",
            "also called",
        ])];
        for speaker in &analysis.speakers {
            rows.push(vec![
                speaker.name.clone(),
                speaker.kind.name().to_string(),
                speaker.stance.clone(),
                format!("{:.2}", speaker.confidence),
                speaker.sentiment.clone(),
                format!("{:.2}", speaker.sentiment_confidence),
                speaker
                    .sentences
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
                speaker.aliases.join("; "),
            ]);
        }
        for line in table(&rows) {
            writeln!(out, "  {line}")?;
        }
    }

    out.write_str("\nSentences\n")?;
    let mut rows = vec![row(["#", "stance", "p", "sentiment", "p", "speaker", "notes"])];
    for sentence in &analysis.sentences {
        let mut notes = Vec::new();
        if sentence.headline {
            notes.push("headline".to_string());
        }
        if sentence.quote {
            notes.push("quote".to_string());
        }
        if let Some(via) = sentence.attribution {
            notes.push(
                match via {
                    Via::Name => "by name",
                    Via::Role => "by role",
                    Via::Pronoun => "by pronoun",
                    Via::Quote => "by quotation",
                }
                .to_string(),
            );
        }
        rows.push(vec![
            sentence.index.to_string(),
            sentence.stance.label.clone(),
            format!("{:.2}", sentence.stance.probability),
            sentence.sentiment.label.clone(),
            format!("{:.2}", sentence.sentiment.probability),
            sentence.speaker.clone().unwrap_or_else(|| "-".to_string()),
            notes.join(", "),
        ]);
    }
    let lines = table(&rows);
    writeln!(out, "  {}", lines[0])?;
    for (sentence, line) in analysis.sentences.iter().zip(&lines[1..]) {
        writeln!(out, "  {line}")?;
        writeln!(
            out,
            "      {}",
            sentence.text.split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
        let evidence: Vec<&str> = sentence.stance.evidence.iter().map(|e| &*e.term).collect();
        if !evidence.is_empty() {
            writeln!(out, "      stance evidence: {}", evidence.join(", "))?;
        }
        writeln!(
            out,
            "      stance: {}",
            distribution(sentence.stance.probabilities.iter())
        )?;
    }
    Ok(())
}

fn row<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// The rows as lines of left-aligned columns two spaces apart, trailing spaces trimmed.
fn table(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|r| {
            let mut line = String::new();
            for (cell, width) in r.iter().zip(&widths) {
                line.push_str(cell);
                line.push_str(&" ".repeat(width - cell.chars().count() + 2));
            }
            line.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_characters() {
        let rows = vec![row(["a", "bé"]), row(["ccc", "d"])];
        assert_eq!(table(&rows), ["a    bé", "ccc  d"]);
    }
}
