//! `stance tune`: cross-validate every combination of a grid of training settings on the same
//! folds, rank them by one metric, and print the best as a `stance train` command line.

use std::io::Write;
use std::time::Instant;

use anyhow::{bail, Result};
use serde::Serialize;
use stance_eval::{CrossValidationReport, Summary};
use stance_experiment::{rank, CrossValidation, GridValue, Skipped};
use stance_model::ValidTrainingSettings;

use super::cv::{make_folds, read_corpus};
use super::note;
use crate::args::{TuneArgs, TuneFormat};
use crate::output::{check_writable, Sink};
use crate::progress::Progress;
use crate::usage::UsageError;

/// The model file named in the printed command line.
const TUNED_MODEL: &str = "tuned.model";

/// A cross-validated candidate.
struct Scored {
    point: Vec<GridValue>,
    settings: ValidTrainingSettings,
    mean: f64,
    std: f64,
    cv: CrossValidationReport,
}

impl Scored {
    /// The train flags of every key of the grid (even at its default), and the other training
    /// flags that are not at their default.
    fn train_flags(&self) -> Vec<String> {
        let shown: Vec<&str> = self.point.iter().map(|value| value.setting().name()).collect();
        self.settings.flags_showing(&shown)
    }
}

/// Runs `stance tune`.
pub fn run(args: &TuneArgs) -> Result<()> {
    // Every combination is checked before any data is read; those that make no sense together
    // (complement_norm=on with variant=multinomial) are skipped with the reason.
    let count = args.grid.count();
    if count > args.max_settings {
        return Err(UsageError(format!(
            "the grid has {count} settings, more than --max-settings {}: each is cross-validated in \
             full; narrow the grid or raise --max-settings",
            args.max_settings
        ))
        .into());
    }
    let (candidates, mut skipped) = args.grid.candidates(args.training.settings());
    if candidates.is_empty() {
        let first = &skipped[0];
        return Err(UsageError(format!(
            "no combination of the grid can be trained; {}: {}",
            join(&first.point),
            first.reason
        ))
        .into());
    }

    if let Some(output) = &args.output {
        check_writable(output, args.data.iter().map(std::path::PathBuf::as_path))?;
    }
    let corpus = read_corpus(&args.data, &args.split, &args.reading, args.quiet)?;
    let (folds, _) = make_folds(&args.split, &corpus, args.quiet)?;
    if !args.quiet {
        super::note(format_args!(
            "tune: {} settings x {} folds = {} models to train on {} documents",
            candidates.len(),
            folds.n_folds(),
            candidates.len() * folds.n_folds(),
            corpus.documents().len(),
        ));
    }
    let progress = Progress::new(
        args.quiet,
        Some((candidates.len() * folds.n_folds()) as u64),
        "tuning",
        "models trained",
    );
    let metric = args.metric.metric();
    let settings = candidates.len();
    let mut reports = Vec::with_capacity(settings);
    let start = Instant::now();
    for (index, candidate) in candidates.into_iter().enumerate() {
        if index == 1 && !args.quiet {
            let first = start.elapsed().as_secs_f64();
            progress.suspend(|| {
                note(format_args!(
                    "tune: the first setting took {first:.1} s; the other {} should take about {}",
                    settings - 1,
                    about(first * (settings - 1) as f64)
                ))
            });
        }
        let cv = CrossValidation {
            corpus: &corpus,
            folds: &folds,
            groups: None,
            config: candidate.settings.features(),
            params: candidate.settings.naive_bayes(),
            neutral: args.neutral.as_deref(),
            seed: args.split.seed,
            learning_curve: false,
            wrong_examples: 0,
            calibration: None,
        };
        let results = match cv.run(&|| progress.inc(1)) {
            Ok(results) => results,
            // Settings that cannot be fitted on this data (an alpha whose smoothed counts
            // overflow) are skipped with the reason, like those that make no sense together.
            Err(error) if error.is_alpha_overflow() => {
                skipped.push(Skipped {
                    point: candidate.point,
                    reason: format!("{:#}", anyhow::Error::new(error)),
                });
                continue;
            }
            Err(error) => return Err(error.into()),
        };
        let report = cv.report(&results)?;
        reports.push(((candidate.point, candidate.settings), report));
    }
    progress.finish();
    // Best first; ties keep the grid's order.
    let Some(ranked) = rank(metric, reports) else {
        bail!(
            "{metric} is not defined for this data{}; rank by another --metric",
            if metric == stance_experiment::Metric::FAvg {
                " (no neutral class: name it with --neutral LABEL)"
            } else {
                ""
            }
        );
    };
    let scored: Vec<Scored> = ranked
        .into_iter()
        .map(|r| Scored {
            point: r.candidate.0,
            settings: r.candidate.1,
            mean: r.mean,
            std: r.std,
            cv: r.report,
        })
        .collect();
    let command = best_command(args, &scored[0]);
    let split = args.split.split().to_string();
    let mut out = Sink::new(args.output.as_deref());
    match args.format {
        TuneFormat::Text => write_text(
            &mut out,
            args,
            &split,
            corpus.documents().len(),
            &scored,
            &skipped,
            &command,
        )?,
        TuneFormat::Json => {
            let json = TuneJson {
                metric: metric.name(),
                lower_is_better: metric.lower_is_better(),
                split,
                n_folds: folds.n_folds(),
                n_documents: corpus.documents().len(),
                ranking: scored
                    .iter()
                    .enumerate()
                    .map(|(i, s)| RankedJson {
                        rank: i + 1,
                        settings: settings_json(&s.point),
                        flags: s.train_flags(),
                        mean: s.mean,
                        std: s.std,
                        summary: SummaryJson {
                            mean: &s.cv.mean,
                            std: &s.cv.std,
                        },
                    })
                    .collect(),
                skipped: skipped
                    .iter()
                    .map(|skipped| SkippedJson {
                        settings: settings_json(&skipped.point),
                        reason: &skipped.reason,
                    })
                    .collect(),
                best_command: command,
            };
            writeln!(out, "{}", serde_json::to_string(&json)?)?;
        }
    }
    out.finish()?;
    if !args.quiet && args.format == TuneFormat::Json && !skipped.is_empty() {
        note(format_args!(
            "stance: warning: {} combinations of the grid were skipped (see `skipped`)",
            skipped.len()
        ));
    }
    Ok(())
}

/// `stance train DATA... -o tuned.model FLAGS...` for the best settings, quoted for a POSIX shell.
fn best_command(args: &TuneArgs, best: &Scored) -> String {
    let mut words: Vec<String> = vec!["stance".into(), "train".into()];
    words.extend(
        args.data
            .iter()
            .chain(&args.split.train_also)
            .map(|path| path.display().to_string()),
    );
    words.extend(["-o".to_string(), TUNED_MODEL.to_string()]);
    words.extend(best.train_flags());
    words.extend(args.reading.to_flags());
    words.iter().map(|word| shell_word(word)).collect::<Vec<_>>().join(" ")
}

/// `word` as one word of a POSIX shell command line: as it is when it is safe, else single-quoted.
fn shell_word(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if safe {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// `1 combination`, `2 combinations`; `more` stays `more`.
fn plural(n: usize, noun: &str) -> String {
    match (n, noun) {
        (1, _) | (_, "more") => format!("{n} {noun}"),
        _ => format!("{n} {noun}s"),
    }
}

fn join(point: &[GridValue]) -> String {
    point.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
}

/// The ranking as a table, the skipped combinations, and the best command line.
fn write_text(
    out: &mut impl Write,
    args: &TuneArgs,
    split: &str,
    n_documents: usize,
    scored: &[Scored],
    skipped: &[Skipped],
    command: &str,
) -> Result<()> {
    let d = args.digits;
    let metric = args.metric.metric().name();
    writeln!(
        out,
        "tune: {} settings, {split}, {n_documents} documents; ranked by {metric} ({}), mean ± std over folds",
        scored.len(),
        if args.metric.metric().lower_is_better() {
            "lower is better"
        } else {
            "higher is better"
        }
    )?;
    writeln!(out)?;

    let scores: Vec<String> = scored
        .iter()
        .map(|s| format!("{:.d$} ± {:.d$}", s.mean, s.std))
        .collect();
    let score_width = scores
        .iter()
        .map(|s| s.chars().count())
        .chain([metric.len()])
        .max()
        .unwrap_or(0);
    let axes = args.grid.axes();
    let widths: Vec<usize> = axes
        .iter()
        .enumerate()
        .map(|(i, axis)| {
            scored
                .iter()
                .map(|s| s.point[i].text().chars().count())
                .chain([axis.setting().name().len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut header = format!("{:>4}  {metric:<score_width$}", "rank");
    for (axis, width) in axes.iter().zip(&widths) {
        header.push_str(&format!("  {:<width$}", axis.setting().name()));
    }
    writeln!(out, "{}", header.trim_end())?;
    for (rank, (s, score)) in scored.iter().zip(&scores).enumerate() {
        let mut line = format!("{:>4}  {score:<score_width$}", rank + 1);
        for (setting, width) in s.point.iter().zip(&widths) {
            line.push_str(&format!("  {:<width$}", setting.text()));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if !skipped.is_empty() {
        // One line per reason, in grid order, with its first combination.
        let mut reasons: Vec<(&str, usize, &[GridValue])> = Vec::new();
        for Skipped {
            point: settings,
            reason,
        } in skipped
        {
            match reasons.iter_mut().find(|(r, ..)| r == reason) {
                Some((_, count, _)) => *count += 1,
                None => reasons.push((reason, 1, settings)),
            }
        }
        writeln!(out)?;
        writeln!(
            out,
            "skipped {} that cannot be trained:",
            plural(skipped.len(), "combination")
        )?;
        for (reason, count, first) in reasons {
            let more = match count {
                1 => String::new(),
                n => format!(" (and {} like it)", plural(n - 1, "more")),
            };
            writeln!(out, "  {}{more}: {reason}", join(first))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "best: {command}")?;
    Ok(())
}

fn settings_json(settings: &[GridValue]) -> serde_json::Map<String, serde_json::Value> {
    settings
        .iter()
        .map(|s| (s.setting().name().to_string(), serde_json::Value::from(s.text())))
        .collect()
}

#[derive(Serialize)]
struct TuneJson<'a> {
    metric: &'static str,
    lower_is_better: bool,
    split: String,
    n_folds: usize,
    n_documents: usize,
    ranking: Vec<RankedJson<'a>>,
    skipped: Vec<SkippedJson<'a>>,
    best_command: String,
}

#[derive(Serialize)]
struct RankedJson<'a> {
    rank: usize,
    settings: serde_json::Map<String, serde_json::Value>,
    flags: Vec<String>,
    mean: f64,
    std: f64,
    summary: SummaryJson<'a>,
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    mean: &'a Summary,
    std: &'a Summary,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    settings: serde_json::Map<String, serde_json::Value>,
    reason: &'a str,
}

/// A duration for people, rounded: `40 s`, `12 min`, `3.5 h`.
fn about(seconds: f64) -> String {
    if seconds < 90.0 {
        format!("{seconds:.0} s")
    } else if seconds < 90.0 * 60.0 {
        format!("{:.0} min", seconds / 60.0)
    } else {
        format!("{:.1} h", seconds / 3600.0)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(super::about(40.2), "40 s");
        assert_eq!(super::about(720.0), "12 min");
        assert_eq!(super::about(12_600.0), "3.5 h");
    }

    use super::*;

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(shell_word("train.tsv"), "train.tsv");
        assert_eq!(shell_word("--ngrams"), "--ngrams");
        assert_eq!(shell_word("1..2"), "1..2");
        assert_eq!(shell_word("pos=positive,neg=negative"), "pos=positive,neg=negative");
        assert_eq!(shell_word("my data.tsv"), "'my data.tsv'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word(""), "''");
    }
}
