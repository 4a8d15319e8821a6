//! `stance analyze`: whole articles, sentence by sentence and speaker by speaker, or a table of
//! speakers for a corpus.
//!
//! Articles are read and analyzed in batches ([`BATCH`] at a time, in parallel), and each
//! batch is written before the next is read: memory does not grow with the number of articles.
//! `--summary` keeps one row per distinct speaker ([`CorpusSpeakers`]) and prints them at the end.

use std::io::Write;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use stance_article::{analyze, ArticleAnalysis, CorpusSpeaker, CorpusSpeakers};
use stance_documents::{read_inputs, InputFormat, ReadOptions};
use stance_model::Classifier;

use super::warn;
use crate::args::{AnalyzeArgs, AnalyzeFormat, Task};
use crate::embedded;
use crate::output::{check_writable, clean, number, Sink};
use crate::usage::UsageError;

/// Articles analyzed together, in parallel, before their output is written.
const BATCH: usize = 64;

/// The speaker column of an article's verdict row in `--format tsv`.
const ARTICLE_ROW: &str = "*ARTICLE*";

/// Runs `stance analyze`.
pub fn run(args: &AnalyzeArgs) -> Result<()> {
    if args.format == AnalyzeFormat::Html && args.articles.len() > 1 {
        return Err(UsageError("--format html writes one page: give one article".into()).into());
    }
    if args.summary && args.format == AnalyzeFormat::Html {
        return Err(UsageError("--summary is a table: use --format text, tsv or json".into()).into());
    }
    if let Some(output) = &args.output {
        check_writable(output, args.articles.iter().map(std::path::PathBuf::as_path))?;
    }
    let (stance, sentiment) = rayon::join(
        || model(args.stance_model.as_deref(), Task::Stance),
        || model(args.sentiment_model.as_deref(), Task::Sentiment),
    );
    let (stance, sentiment) = (stance?, sentiment?);

    let options = ReadOptions {
        format: Some(InputFormat::Txt),
        ..ReadOptions::default()
    };
    let mut documents = read_inputs(&args.articles, &options)?;
    let mut out = Sink::new(args.output.as_deref());
    let mut corpus = CorpusSpeakers::new();
    let mut empty = Vec::new();
    let mut seen = 0usize;
    if args.format == AnalyzeFormat::Tsv && !args.summary {
        writeln!(
            out,
            "article\tspeaker\tkind\tsentences\tstance\tstance_probability\tsentiment\tsentiment_probability"
        )?;
    }
    loop {
        let batch: Vec<(String, String)> = documents
            .by_ref()
            .take(BATCH)
            .map(|document| document.map(|d| (d.id, d.text)))
            .collect::<Result<_, _>>()?;
        if batch.is_empty() {
            break;
        }
        seen += batch.len();
        if args.format == AnalyzeFormat::Html && seen > 1 {
            return Err(UsageError("--format html writes one page: give one article".into()).into());
        }
        empty.extend(
            batch
                .iter()
                .filter(|(_, text)| text.trim().is_empty())
                .map(|(id, _)| id.clone()),
        );
        let analyses: Vec<ArticleAnalysis> = batch
            .par_iter()
            .map(|(_, text)| analyze(text, &stance, &sentiment))
            .collect();
        for ((id, _), analysis) in batch.iter().zip(&analyses) {
            if args.summary {
                corpus.add(analysis);
            } else {
                write_article(&mut out, args.format, id, analysis, seen > 1 || args.articles.len() > 1)?;
            }
        }
    }
    if args.summary {
        write_summary(&mut out, args.format, &corpus.finish())?;
    }
    warn_empty(&empty, args.quiet);
    out.finish()
}

/// One article's analysis in `format`; `several` heads text output with the article's id.
/// An analysis with the article's id, as one JSON object.
#[derive(Serialize)]
struct Identified<'a> {
    id: &'a str,
    #[serde(flatten)]
    analysis: &'a ArticleAnalysis,
}

fn write_article(
    out: &mut impl Write,
    format: AnalyzeFormat,
    id: &str,
    analysis: &ArticleAnalysis,
    several: bool,
) -> Result<()> {
    match format {
        AnalyzeFormat::Text => {
            if several {
                writeln!(out, "== {id}")?;
            }
            analysis.write_text(out)?;
            writeln!(out)?;
        }
        AnalyzeFormat::Json => {
            // Streamed into the output: a JSON tree of a long article took 15 times its JSON.
            serde_json::to_writer(&mut *out, &Identified { id, analysis })?;
            writeln!(out)?;
        }
        AnalyzeFormat::Tsv => {
            let id = clean(id);
            for speaker in &analysis.speakers {
                writeln!(
                    out,
                    "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    clean(&speaker.name),
                    speaker.kind.name(),
                    speaker.sentences.len(),
                    speaker.stance,
                    number(speaker.confidence),
                    speaker.sentiment,
                    number(speaker.sentiment_confidence),
                )?;
            }
            let verdict = &analysis.article;
            writeln!(
                out,
                "{id}\t{ARTICLE_ROW}\tarticle\t{}\t{}\t{}\t{}\t{}",
                analysis.sentences.len(),
                if verdict.mixed {
                    "mixed"
                } else {
                    verdict.stance.as_str()
                },
                number(verdict.stance_probability),
                verdict.sentiment,
                number(verdict.sentiment_probability),
            )?;
        }
        AnalyzeFormat::Html => analysis.write_html(out)?,
    }
    Ok(())
}

/// The speakers table of `--summary`.
fn write_summary(out: &mut impl Write, format: AnalyzeFormat, speakers: &[CorpusSpeaker]) -> Result<()> {
    let header = [
        "speaker",
        "kind",
        "articles",
        "sentences",
        "stance",
        "military",
        "negotiation",
        "neutral",
        "sentiment",
        "also_called",
    ];
    let row = |s: &CorpusSpeaker, share: &dyn Fn(f64) -> String| {
        vec![
            clean(&s.name),
            s.kind.name().to_string(),
            s.articles.to_string(),
            s.sentences.to_string(),
            s.stance().to_string(),
            share(s.stance_share("military")),
            share(s.stance_share("negotiation")),
            share(s.stance_share("neutral")),
            s.sentiment().to_string(),
            clean(&s.also_called.join("; ")),
        ]
    };
    match format {
        AnalyzeFormat::Tsv => {
            writeln!(out, "{}", header.join("\t"))?;
            for speaker in speakers {
                writeln!(out, "{}", row(speaker, &number).join("\t"))?;
            }
        }
        AnalyzeFormat::Json => {
            for speaker in speakers {
                let mut object = serde_json::to_value(speaker)?;
                let fields = object.as_object_mut().context("a speaker is a JSON object")?;
                fields.insert("stance".into(), speaker.stance().into());
                fields.insert("sentiment".into(), speaker.sentiment().into());
                writeln!(out, "{object}")?;
            }
        }
        _ => {
            let percent = |share: f64| format!("{:.0}%", share * 100.0);
            let mut rows = vec![header.iter().map(|h| h.replace('_', " ")).collect::<Vec<_>>()];
            rows.extend(speakers.iter().map(|s| row(s, &percent)));
            let widths: Vec<usize> = (0..header.len())
                .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
                .collect();
            for r in &rows {
                let line: Vec<String> = r
                    .iter()
                    .zip(&widths)
                    .map(|(cell, width)| format!("{cell:<width$}"))
                    .collect();
                writeln!(out, "{}", line.join("  ").trim_end())?;
            }
        }
    }
    Ok(())
}

/// Warns about articles with no text.
fn warn_empty(empty: &[String], quiet: bool) {
    let Some(first) = empty.first() else {
        return;
    };
    let one = empty.len() == 1;
    warn(
        &[format!(
            "{} {} no text (first: {first}): {} no sentence and no speaker, and {} neutral by default",
            empty.len(),
            if one { "article has" } else { "articles have" },
            if one { "it has" } else { "they have" },
            if one { "its verdict is" } else { "their verdicts are" },
        )],
        quiet,
    );
}

fn model(path: Option<&std::path::Path>, task: Task) -> Result<Classifier> {
    match path {
        Some(path) => embedded::load_file(path),
        None => embedded::load(task),
    }
}
