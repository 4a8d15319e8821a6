//! `stance analyze`: whole articles, sentence by sentence and speaker by speaker.

use std::io::Write;

use anyhow::{Context, Result};
use rayon::prelude::*;
use stance_article::{analyze, ArticleAnalysis};
use stance_documents::{read_inputs, InputFormat, ReadOptions};
use stance_model::Classifier;

use super::warn;
use crate::args::{AnalyzeArgs, AnalyzeFormat, Task};
use crate::embedded;
use crate::output::{check_writable, Sink};
use crate::usage::UsageError;

/// Runs `stance analyze`.
pub fn run(args: &AnalyzeArgs) -> Result<()> {
    if args.format == AnalyzeFormat::Html && args.articles.len() > 1 {
        return Err(UsageError("--format html writes one page: give one article".into()).into());
    }
    if let Some(output) = &args.output {
        check_writable(output)?;
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
    let articles: Vec<(String, String)> = read_inputs(&args.articles, &options)?
        .map(|document| document.map(|d| (d.id, d.text)))
        .collect::<Result<_, _>>()?;
    let empty: Vec<&str> = articles
        .iter()
        .filter(|(_, text)| text.trim().is_empty())
        .map(|(id, _)| id.as_str())
        .collect();
    if let Some(first) = empty.first() {
        warn(
            &[format!(
                "{} {} no text (first: {first}): {} no sentence and no speaker, and {} neutral by default",
                empty.len(),
                if empty.len() == 1 {
                    "article has"
                } else {
                    "articles have"
                },
                if empty.len() == 1 { "it has" } else { "they have" },
                if empty.len() == 1 {
                    "its verdict is"
                } else {
                    "their verdicts are"
                },
            )],
            args.quiet,
        );
    }
    let analyses: Vec<ArticleAnalysis> = articles
        .par_iter()
        .map(|(_, text)| analyze(text, &stance, &sentiment))
        .collect();

    let mut out = Sink::new(args.output.as_deref());
    for ((id, _), analysis) in articles.iter().zip(&analyses) {
        match args.format {
            AnalyzeFormat::Text => {
                if articles.len() > 1 {
                    writeln!(out, "== {id}")?;
                }
                writeln!(out, "{}", analysis.to_text())?;
            }
            AnalyzeFormat::Json => {
                let mut object = serde_json::to_value(analysis)?;
                object
                    .as_object_mut()
                    .context("an analysis is a JSON object")?
                    .insert("id".into(), id.clone().into());
                writeln!(out, "{object}")?;
            }
            AnalyzeFormat::Html => write!(out, "{}", analysis.to_html())?,
        }
    }
    out.finish()
}

fn model(path: Option<&std::path::Path>, task: Task) -> Result<Classifier> {
    match path {
        Some(path) => embedded::load_file(path),
        None => embedded::load(task),
    }
}
