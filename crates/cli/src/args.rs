//! Command-line arguments, in two layers as ripgrep has them.
//!
//! 1. The clap structs ([`Cli`] and one per command: [`TrainArgs`], [`PredictArgs`], [`EvalArgs`],
//!    [`CvArgs`], [`TuneArgs`], [`InspectArgs`], [`MergeArgs`], [`UpdateArgs`]) only parse: every
//!    value goes through the `FromStr` impl of the library type it stands for (a `tune --grid`
//!    through [`Grid`]'s), so a bad value is clap's usage error (exit 2) with the library's own
//!    message. The training flags ([`TrainingFlags`]) are built from the library's table of
//!    settings and shared by train, cv and tune, in their own module (`training_flags`).
//! 2. Their methods build the libraries' checked objects ([`ReadOptions`], and the training
//!    settings) and report what only makes sense together as a [`UsageError`] (also exit 2).
//!
//! Every default comes from the libraries (`FeatureConfig::default()`,
//! `NaiveBayesParams::default()`, `ReadOptions::default()`), so `--help` shows what really runs.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use stance_documents::{InputFormat, LabelMap, ReadOptions, Texts};
use stance_experiment::{Grid, Split};
use stance_model::{CalibrationMethod, Setting, SETTINGS};

use crate::training_flags::TrainingFlags;
use crate::usage::UsageError;

const ABOUT: &str = "Naive Bayes classifiers for the stance (military / negotiation / neutral) and \
                     sentiment (positive / negative / neutral) of news.";

const CALIBRATE_EXAMPLES: &str = "\
EXAMPLES:
  Calibrate a model on its training data, five folds grouped by conflict:
    stance train train.tsv -o stance.model
    stance calibrate -m stance.model train.tsv --group-by conflict -o stance.model

  Calibrate on real passages only, the written ones training every fold too:
    stance calibrate -m stance.model real.tsv --texts pool.tsv --group-by year \\
        --train-also written.tsv -o calibrated.model

The model trained on all the data is kept as it is; each fold's model (trained with the
model's own settings on the other folds, plus --train-also) predicts its fold, and the
calibration is fitted on those out-of-fold log-probabilities and stored in the model file
(format 2). `stance inspect` shows it; merge and update drop it (calibrate again).";

const EXAMPLES: &str = "\
EXAMPLES:
  Classify a text with both built-in models:
    echo 'Envoys agreed to resume talks in Doha.' | stance predict

  Train, predict, evaluate:
    stance train datasets/stance/train.tsv -o stance.model
    stance predict -m stance.model articles/ --format tsv
    stance eval -m stance.model datasets/stance/test.tsv

  Cross-validate training settings, search a grid of them, look inside a model:
    stance cv datasets/stance/train.tsv --group-by conflict
    stance tune datasets/stance/train.tsv --grid 'ngrams=1..1,1..2;alpha=0.1,0.5,1'
    stance inspect stance.model

  Show the version and the built-in models' data fingerprints:
    stance --version

Exit codes: 0 success, 1 runtime error (bad data, missing file, corrupt model), 2 usage error.";

const TRAIN_EXAMPLES: &str = "\
EXAMPLES:
  Train with the library defaults (1..2-grams, English stemming, negation, multinomial NB):
    stance train datasets/stance/train.tsv -o stance.model

  Unigrams, English stop words, tf-idf, complement NB, a prediction-only model:
    stance train train.tsv -o small.model --ngrams 1..1 --stopwords english \\
        --weighting tfidf --variant complement --compact

  fastText files, or a directory with one sub-directory per label holding .txt files:
    stance train train.ft -o model.model
    stance train corpus/ -o model.model

  A CSV with other column names, and labels renamed while reading:
    stance train reviews.csv -o sentiment.model --text-column review --label-column polarity \\
        --label-map pos=positive,neg=negative";

const PREDICT_EXAMPLES: &str = "\
EXAMPLES:
  Both built-in models (stance and sentiment) on standard input:
    echo 'The army shelled the port overnight.' | stance predict

  One model, a table of articles, TSV with one probability column per label:
    stance predict -m stance.model news.tsv --format tsv

  JSON lines with the 5 terms that weighed most and the 2 most likely labels:
    stance predict --task stance news.jsonl --format json --explain 5 --top-k 2

  Every .txt file below a directory; one document per line of standard input:
    stance predict --task sentiment articles/
    cat lines.txt | stance predict --task stance --input-format fasttext";

const EVAL_EXAMPLES: &str = "\
EXAMPLES:
  Evaluate the built-in stance model on a labeled test set:
    stance eval --task stance datasets/stance/test.tsv

  A trained model, Markdown report written to a file:
    stance eval -m stance.model test.tsv --format markdown -o report.md

  The built-in sentiment model on data labeled pos/neg:
    stance eval --task sentiment rt-polarity.tsv --label-map pos=positive,neg=negative";

const CV_EXAMPLES: &str = "\
EXAMPLES:
  5-fold cross-validation stratified by label (seed 42) with the default training settings:
    stance cv datasets/stance/train.tsv

  Hold out whole conflicts, unigrams and English stop words, JSON report:
    stance cv datasets/stance/train.tsv --group-by conflict --ngrams 1..1 --stopwords english \\
        --format json -o cv.json

  Fixed folds from a file (columns row and fold), with a learning curve, as one HTML page:
    stance cv all.tsv --folds-file folds.tsv --label-map pos=positive,neg=negative \\
        --learning-curve --format html -o report.html";

/// `stance tune --help`'s examples, and the grid's keys: every setting of the table.
fn tune_examples() -> String {
    let keys: Vec<&str> = SETTINGS.iter().map(Setting::name).collect();
    let mut lines = String::new();
    let mut line = String::from("Grid keys:");
    for key in keys {
        if line.len() + key.len() + 2 > 100 {
            lines.push_str(&line);
            lines.push('\n');
            line.clear();
        } else {
            line.push(' ');
        }
        line.push_str(key);
        line.push(',');
    }
    line.pop();
    lines.push_str(&line);
    format!("{TUNE_EXAMPLES}\n\n{lines}\n{TUNE_VALUES}")
}

const TUNE_VALUES: &str = "\
Values as the flags take them; switches take on|off, max_features takes all, priors learned|uniform.
Settings that make no sense together (complement_norm=on with variant=multinomial) are skipped.";

const TUNE_EXAMPLES: &str = "\
EXAMPLES:
  Try 2 n-gram ranges x 3 alphas x 2 weightings (12 settings) by 5-fold cross-validation:
    stance tune datasets/stance/train.tsv \\
        --grid 'ngrams=1..1,1..2;alpha=0.1,0.5,1;weighting=count,binary'

  Grouped folds, ranked by log-loss, the ranking as JSON:
    stance tune train.tsv --group-by conflict --grid 'variant=multinomial,complement;negation=on,off' \\
        --metric log_loss --format json";

const ANALYZE_EXAMPLES: &str = "\
EXAMPLES:
  Who pushes for what in an article, with the built-in models:
    stance analyze article.txt

  The same as JSON (one object per article and line), or as an HTML page:
    stance analyze --format json article.txt other.txt
    stance analyze --format html -o article.html article.txt

  A speakers table for a corpus (a row per article and speaker), or one row per speaker:
    stance analyze --format tsv corpus/ > speakers.tsv
    stance analyze --format tsv --summary corpus/

  With your own models:
    stance analyze --stance-model my-stance.model --sentiment-model my-sentiment.model article.txt";

const INSPECT_EXAMPLES: &str = "\
EXAMPLES:
  Both built-in models:
    stance inspect

  A trained model, its 10 most informative terms per label, as JSON:
    stance inspect stance.model --top 10 --format json";

const MERGE_EXAMPLES: &str = "\
EXAMPLES:
  Train on shards separately (same flags, full form), then merge: the same model as training on all:
    stance train part1.tsv -o part1.model
    stance train part2.tsv -o part2.model
    stance merge part1.model part2.model -o all.model";

const UPDATE_EXAMPLES: &str = "\
EXAMPLES:
  Add newly labeled documents to a full model (the same model as training on old + new data):
    stance update -m stance.model new.tsv -o stance.model";

/// The `stance` command line.
#[derive(Debug, Parser)]
#[command(
    name = "stance",
    about = ABOUT,
    after_help = EXAMPLES,
    disable_version_flag = true,
    arg_required_else_help = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Print the version and the data fingerprint of each built-in model, then exit.
    #[arg(short = 'V', long)]
    pub version: bool,

    /// Worker threads for analysis and prediction, at most 4 per CPU [default: one per CPU].
    #[arg(short = 'j', long, global = true, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..))]
    pub threads: Option<usize>,

    /// The command to run.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Train a model on labeled documents.
    Train(TrainArgs),
    /// Predict the label of documents (with both built-in models by default).
    Predict(PredictArgs),
    /// Evaluate a model on labeled documents: accuracy, per-class F1, confusion matrix, ...
    Eval(EvalArgs),
    /// Cross-validate training settings: k folds (stratified, grouped or fixed), mean ± std, pooled.
    Cv(CvArgs),
    /// Cross-validate every combination of a grid of training settings and rank them.
    Tune(TuneArgs),
    /// Show what a model holds: labels, settings, vocabulary, most informative terms.
    Inspect(InspectArgs),
    /// Merge full models trained with the same settings on different data.
    Merge(MergeArgs),
    /// Add labeled documents to a full model.
    Update(UpdateArgs),
    /// Calibrate a model's probabilities by cross-validation on labeled documents.
    Calibrate(CalibrateArgs),
    /// Analyze whole articles: stance and sentiment per sentence and per speaker, and a verdict.
    Analyze(AnalyzeArgs),
}

/// `stance train`.
#[derive(Debug, Args)]
#[command(after_help = TRAIN_EXAMPLES)]
pub struct TrainArgs {
    /// Labeled training data: .tsv, .csv, .jsonl, .txt or .ft files (optionally .gz), `-` for
    /// standard input (with --input-format), or directories with one sub-directory per label.
    #[arg(value_name = "DATA", required = true)]
    pub data: Vec<PathBuf>,

    /// Where to write the model; written atomically (a failed run leaves no file).
    #[arg(short, long, value_name = "MODEL")]
    pub output: PathBuf,

    /// Write the compact, prediction-only form (no term statistics: smaller, faster to load).
    #[arg(long)]
    pub compact: bool,

    /// Print nothing on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub training: TrainingFlags,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// `stance predict`.
#[derive(Debug, Args)]
#[command(after_help = PREDICT_EXAMPLES)]
pub struct PredictArgs {
    /// Model file written by `stance train` [default: both built-in models].
    #[arg(short, long, value_name = "MODEL", conflicts_with = "task")]
    pub model: Option<PathBuf>,

    /// Use one built-in model.
    #[arg(long, value_enum)]
    pub task: Option<Task>,

    /// Files, directories (every .txt file below them), or `-` for standard input (one document
    /// unless --input-format is given) [default: standard input when it is not a terminal].
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = PredictFormat::Text)]
    pub format: PredictFormat,

    /// Also show the N terms that weighed most for the predicted label against the runner-up.
    #[arg(long, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..))]
    pub explain: Option<usize>,

    /// Also list the K most likely labels with their probabilities.
    #[arg(long, value_name = "K", value_parser = RangedU64ValueParser::<usize>::new().range(1..))]
    pub top_k: Option<usize>,

    /// Abstain below confidence P: a document whose top probability is below P, or that the
    /// model barely knows (fewer than 30% of its terms in the vocabulary: another language or
    /// domain), gets the label `uncertain`; its probabilities are still shown.
    #[arg(long, value_name = "P", value_parser = parse_probability)]
    pub min_confidence: Option<f64>,

    /// Write the predictions to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print no warnings on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// `stance eval`.
#[derive(Debug, Args)]
#[command(after_help = EVAL_EXAMPLES)]
pub struct EvalArgs {
    /// Model file written by `stance train`.
    #[arg(
        short,
        long,
        value_name = "MODEL",
        conflicts_with = "task",
        required_unless_present = "task"
    )]
    pub model: Option<PathBuf>,

    /// Evaluate a built-in model.
    #[arg(long, value_enum)]
    pub task: Option<Task>,

    /// Labeled test data (same formats as `stance train`).
    #[arg(value_name = "DATA", required = true)]
    pub data: Vec<PathBuf>,

    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Digits after the decimal point in text and Markdown reports (at most 17).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = RangedU64ValueParser::<usize>::new().range(0..=17))]
    pub digits: usize,

    /// The neutral class that F_avg leaves out [default: the one label named neutral or none].
    #[arg(long, value_name = "LABEL")]
    pub neutral: Option<String>,

    /// Score only the documents predicted with confidence P or more, and known to the model (as
    /// `predict --min-confidence` keeps them); the report says how many that is (coverage).
    #[arg(long, value_name = "P", value_parser = parse_probability)]
    pub min_confidence: Option<f64>,

    /// Also write every document's truth, prediction and probabilities to FILE (TSV, atomically):
    /// `id truth label probability correct known_share p_<label>...`, in input order.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,

    /// Add 95% bootstrap intervals of accuracy, macro-F1, each label's F1 and the expected
    /// calibration error, from N resamples of the documents (seed 42; 1000 is usual).
    #[arg(long, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..=100_000))]
    pub bootstrap: Option<usize>,

    /// Print no warnings on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// `stance cv`.
#[derive(Debug, Args)]
#[command(after_help = CV_EXAMPLES)]
pub struct CvArgs {
    /// Labeled data (same formats as `stance train`), read once into memory and split into folds.
    #[arg(value_name = "DATA", required = true)]
    pub data: Vec<PathBuf>,

    /// Also train on 10%, 20%, ..., 100% of each fold's training part and report the validation
    /// scores at each size.
    #[arg(long)]
    pub learning_curve: bool,

    /// Calibrate each fold's model (temperature or vector) by 5 inner folds of its own training
    /// part, grouped as the outer folds are, and report the calibrated probabilities beside the
    /// uncalibrated log-loss, Brier score and calibration error.
    #[arg(long, value_name = "METHOD")]
    pub calibrate: Option<CalibrationMethod>,

    /// Report format: html is one self-contained page with charts, a reliability diagram and the
    /// most confidently wrong documents.
    #[arg(long, value_enum, default_value_t = CvFormat::Text)]
    pub format: CvFormat,

    /// Write the report to REPORT (atomically) instead of standard output.
    #[arg(short, long, value_name = "REPORT")]
    pub output: Option<PathBuf>,

    /// Digits after the decimal point in text and Markdown reports (at most 17).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = RangedU64ValueParser::<usize>::new().range(0..=17))]
    pub digits: usize,

    /// The neutral class that F_avg leaves out [default: the one label named neutral or none].
    #[arg(long, value_name = "LABEL")]
    pub neutral: Option<String>,

    /// Print no progress and no warnings on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub split: SplitArgs,

    #[command(flatten)]
    pub training: TrainingFlags,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// How `cv` and `tune` split the documents into folds.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Folds")]
pub struct SplitArgs {
    /// Number of folds: stratified by label, or grouped with --group-by.
    #[arg(long, value_name = "K", default_value_t = 5, value_parser = RangedU64ValueParser::<usize>::new().range(2..))]
    pub folds: usize,

    /// Seed of the shuffles (folds, learning-curve subsets): the same seed gives the same folds.
    #[arg(long, value_name = "S", default_value_t = 42)]
    pub seed: u64,

    /// Grouped k-fold: the documents sharing a value of COLUMN (e.g. conflict) are validated
    /// together, so no group is both trained and validated on.
    #[arg(long, value_name = "COLUMN", conflicts_with_all = ["fold_column", "folds_file"])]
    pub group_by: Option<String>,

    /// Fixed folds: one fold per distinct value of COLUMN.
    #[arg(long, value_name = "COLUMN", conflicts_with_all = ["folds_file", "folds"])]
    pub fold_column: Option<String>,

    /// Fixed folds from a TSV file with the columns `row` (0-based data row of DATA, in reading
    /// order) and `fold`.
    #[arg(long, value_name = "FILE", conflicts_with = "folds")]
    pub folds_file: Option<PathBuf>,

    /// Labeled data added to the training part of every fold and never validated on (e.g.
    /// written passages beside real ones, scored on the real ones only). Repeatable.
    #[arg(long, value_name = "DATA")]
    pub train_also: Vec<PathBuf>,
}

/// `stance calibrate`.
#[derive(Debug, Args)]
#[command(after_help = CALIBRATE_EXAMPLES)]
pub struct CalibrateArgs {
    /// The model to calibrate (full or compact), as written by `stance train`.
    #[arg(short, long, value_name = "MODEL")]
    pub model: PathBuf,

    /// Labeled data to calibrate on, usually the model's own training data (or its part that
    /// looks like what the model will read): read into memory and split into folds.
    #[arg(value_name = "DATA", required = true)]
    pub data: Vec<PathBuf>,

    /// temperature (one scale for all labels; never changes a label) or vector (a scale and a
    /// bias per label; can move labels, e.g. to fit other priors).
    #[arg(long, value_name = "METHOD", default_value_t = CalibrationMethod::Vector)]
    pub method: CalibrationMethod,

    /// Write the calibrated model to MODEL (atomically); it may be the model itself.
    #[arg(short, long, value_name = "MODEL")]
    pub output: PathBuf,

    /// Print no progress, summary or warnings on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub split: SplitArgs,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// `stance tune`.
#[derive(Debug, Args)]
#[command(after_help = tune_examples())]
pub struct TuneArgs {
    /// Labeled data (same formats as `stance train`), read once into memory and split into folds.
    #[arg(value_name = "DATA", required = true)]
    pub data: Vec<PathBuf>,

    /// The settings to try, KEY=V1,V2;KEY=...: every combination is cross-validated on the same
    /// folds, on top of the training flags given.
    #[arg(long, value_name = "GRID", required = true)]
    pub grid: Grid,

    /// The most settings a grid may hold: a larger grid is refused before anything is built or
    /// read (each setting is cross-validated in full; the count is printed before starting).
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_settings: u64,

    /// The metric to rank by (its mean over folds); log_loss and brier rank the lowest first.
    #[arg(long, value_enum, default_value_t = Metric::MacroF1)]
    pub metric: Metric,

    /// Output format: a ranking table and the best command line, or one JSON object.
    #[arg(long, value_enum, default_value_t = TuneFormat::Text)]
    pub format: TuneFormat,

    /// Write the ranking to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Digits after the decimal point in the ranking table (at most 17).
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = RangedU64ValueParser::<usize>::new().range(0..=17))]
    pub digits: usize,

    /// The neutral class that F_avg leaves out [default: the one label named neutral or none].
    #[arg(long, value_name = "LABEL")]
    pub neutral: Option<String>,

    /// Print no progress and no warnings on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub split: SplitArgs,

    #[command(flatten)]
    pub training: TrainingFlags,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// `stance inspect`.
#[derive(Debug, Args)]
#[command(after_help = INSPECT_EXAMPLES)]
pub struct InspectArgs {
    /// Model file written by `stance train` [default: both built-in models].
    #[arg(value_name = "MODEL", conflicts_with = "task")]
    pub model: Option<PathBuf>,

    /// Inspect one built-in model.
    #[arg(long, value_enum)]
    pub task: Option<Task>,

    /// The number of most informative terms shown per label.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,
}

/// `stance analyze`.
#[derive(Debug, Args)]
#[command(after_help = ANALYZE_EXAMPLES)]
pub struct AnalyzeArgs {
    /// Articles: plain-text files (one article each), directories (every `.txt` file below
    /// them), or `-` for standard input.
    #[arg(value_name = "ARTICLE", required = true)]
    pub articles: Vec<PathBuf>,

    /// Stance model file [default: the built-in stance model].
    #[arg(long, value_name = "MODEL")]
    pub stance_model: Option<PathBuf>,

    /// Sentiment model file [default: the built-in sentiment model].
    #[arg(long, value_name = "MODEL")]
    pub sentiment_model: Option<PathBuf>,

    /// Output format: text for people; json (one object per article and line; schema in
    /// README.md); tsv (one row per article and speaker, and one per article for its verdict,
    /// speaker *ARTICLE*); html (one self-contained page, for one article).
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Text)]
    pub format: AnalyzeFormat,

    /// Instead of the articles, one row per speaker across all of them (articles, sentences,
    /// the stance and sentiment they took most often, stance shares), the same person's names
    /// merged ("Ghani" and "Ashraf Ghani"); with --format text, tsv or json.
    #[arg(long)]
    pub summary: bool,

    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print no warnings (e.g. empty articles) on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Output formats of `stance analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    /// A readable report.
    Text,
    /// One JSON object per article and line.
    Json,
    /// Tab-separated values with a header row: one row per article and speaker.
    Tsv,
    /// A self-contained HTML page.
    Html,
}

/// `stance merge`.
#[derive(Debug, Args)]
#[command(after_help = MERGE_EXAMPLES)]
pub struct MergeArgs {
    /// Full models (trained without --compact) with the same settings, merged left to right.
    #[arg(value_name = "MODEL", required = true)]
    pub models: Vec<PathBuf>,

    /// Where to write the merged model; written atomically (may be one of the inputs).
    #[arg(short, long, value_name = "MODEL")]
    pub output: PathBuf,

    /// Write the compact, prediction-only form (it cannot be merged or updated again).
    #[arg(long)]
    pub compact: bool,

    /// Print nothing on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `stance update`.
#[derive(Debug, Args)]
#[command(after_help = UPDATE_EXAMPLES)]
pub struct UpdateArgs {
    /// The full model (trained without --compact) to add documents to.
    #[arg(short, long, value_name = "MODEL")]
    pub model: PathBuf,

    /// Labeled documents to add (same formats as `stance train`).
    #[arg(value_name = "DATA", required = true)]
    pub data: Vec<PathBuf>,

    /// Where to write the updated model; written atomically (may be the -m file).
    #[arg(short, long, value_name = "MODEL")]
    pub output: PathBuf,

    /// Write the compact, prediction-only form (it cannot be merged or updated again).
    #[arg(long)]
    pub compact: bool,

    /// Print nothing on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// `stance cv --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CvFormat {
    /// Plain text: a row per fold, then mean ± std of every metric.
    Text,
    /// One JSON object: folds, pooled, mean, std, learning_curve, warnings.
    Json,
    /// Markdown tables.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

/// `stance tune --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TuneFormat {
    /// A ranking table, then the best settings as a `stance train` command line.
    Text,
    /// One JSON object with the ranking.
    Json,
}

/// `stance inspect --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    /// Readable text.
    Text,
    /// One JSON object (an object per model, by name, for both built-in models).
    Json,
}

/// `stance tune --metric`: what settings are ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Metric {
    /// Macro-averaged F1.
    #[value(name = "macro_f1", alias = "macro-f1")]
    MacroF1,
    /// Accuracy.
    Accuracy,
    /// Support-weighted F1.
    #[value(name = "weighted_f1", alias = "weighted-f1")]
    WeightedF1,
    /// Balanced accuracy.
    #[value(name = "balanced_accuracy", alias = "balanced-accuracy")]
    BalancedAccuracy,
    /// SemEval F_avg: mean F1 without the neutral class.
    #[value(name = "f_avg", alias = "f-avg")]
    FAvg,
    /// Cohen's kappa.
    Kappa,
    /// Matthews correlation coefficient.
    Mcc,
    /// Log-loss (lower is better).
    #[value(name = "log_loss", alias = "log-loss")]
    LogLoss,
    /// Multi-class Brier score (lower is better).
    Brier,
}

impl Metric {
    /// The library's metric.
    pub fn metric(self) -> stance_experiment::Metric {
        use stance_experiment::Metric as M;
        match self {
            Metric::MacroF1 => M::MacroF1,
            Metric::Accuracy => M::Accuracy,
            Metric::WeightedF1 => M::WeightedF1,
            Metric::BalancedAccuracy => M::BalancedAccuracy,
            Metric::FAvg => M::FAvg,
            Metric::Kappa => M::Kappa,
            Metric::Mcc => M::Mcc,
            Metric::LogLoss => M::LogLoss,
            Metric::Brier => M::Brier,
        }
    }
}

/// A built-in model (`--task`).
pub use stance_builtin::Task;

/// `stance predict --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PredictFormat {
    /// A readable line per document.
    Text,
    /// One JSON object per line.
    Json,
    /// Tab-separated values with a header row.
    Tsv,
}

/// `stance eval --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A plain-text report, as scikit-learn's classification_report.
    Text,
    /// One JSON object (schema in stance-eval's documentation).
    Json,
    /// Markdown tables.
    Markdown,
}

/// Which model(s) a command runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelChoice {
    /// A model file.
    File(PathBuf),
    /// One built-in model.
    BuiltIn(Task),
    /// Both built-in models (`predict` with neither -m nor --task).
    BothBuiltIn,
}

/// Reading flags, shared by every command.
#[derive(Debug, Args)]
#[command(next_help_heading = "Reading")]
pub struct ReadingArgs {
    /// Format of every input file and of `-`: tsv, csv, jsonl, txt or fasttext [default: from
    /// each file's extension; `-` is one text].
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Column (or JSON key) holding the text.
    #[arg(long, value_name = "NAME", default_value_t = ReadOptions::default().text_column)]
    pub text_column: String,

    /// Column (or JSON key) holding the label.
    #[arg(long, value_name = "NAME", default_value_t = ReadOptions::default().label_column)]
    pub label_column: String,

    /// Column (or JSON key) holding the id; documents without one get FILE:ROW (tables),
    /// FILE:LINE (fastText), the path (.txt files) or `-` (standard input as one text).
    #[arg(long, value_name = "NAME", default_value_t = ReadOptions::default().id_column)]
    pub id_column: String,

    /// Rename labels while reading, e.g. pos=positive,neg=negative.
    #[arg(long, value_name = "FROM=TO,...")]
    pub label_map: Option<LabelMap>,

    /// Join texts by id: FILE (TSV, CSV or JSON lines) holds ids and texts (the columns of
    /// --id-column and --text-column); an input table without a text column then holds ids and
    /// labels, and takes each text from FILE. An id missing from FILE, or read twice, is an error.
    #[arg(long, value_name = "FILE")]
    pub texts: Option<PathBuf>,
}

/// A probability in [0, 1], for `--min-confidence`.
pub fn parse_probability(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("`{text}` is not a probability between 0 and 1")),
    }
}

impl ReadingArgs {
    /// The flags that give these reading options again: those that differ from the default.
    pub fn to_flags(&self) -> Vec<String> {
        let defaults = ReadOptions::default();
        let mut flags = Vec::new();
        if let Some(format) = self.input_format {
            flags.extend(["--input-format".to_string(), format.to_string()]);
        }
        for (flag, value, default) in [
            ("--text-column", &self.text_column, &defaults.text_column),
            ("--label-column", &self.label_column, &defaults.label_column),
            ("--id-column", &self.id_column, &defaults.id_column),
        ] {
            if value != default {
                flags.extend([flag.to_string(), value.clone()]);
            }
        }
        if let Some(map) = self.label_map.as_ref().filter(|map| map.iter().next().is_some()) {
            flags.extend(["--label-map".to_string(), map.to_string()]);
        }
        if let Some(texts) = &self.texts {
            flags.extend(["--texts".to_string(), texts.display().to_string()]);
        }
        flags
    }

    /// The reading options; `require_label` for training and evaluation. Reads the texts of
    /// `--texts`, when given, to join them by id.
    pub fn options(&self, require_label: bool) -> anyhow::Result<ReadOptions> {
        let mut options = ReadOptions {
            format: self.input_format,
            text_column: self.text_column.clone(),
            label_column: self.label_column.clone(),
            id_column: self.id_column.clone(),
            label_map: self.label_map.clone().unwrap_or_default(),
            require_label,
            ..ReadOptions::default()
        };
        if let Some(path) = &self.texts {
            let format = ReadOptions {
                format: None,
                ..options.clone()
            };
            let texts = Texts::read(path, &format).with_context(|| format!("--texts {}", path.display()))?;
            options.texts = Some(Arc::new(texts));
        }
        Ok(options)
    }
}

impl PredictArgs {
    /// The model(s) to run: the file, one built-in model, or both.
    pub fn model_choice(&self) -> ModelChoice {
        match (&self.model, self.task) {
            (Some(path), _) => ModelChoice::File(path.clone()),
            (None, Some(task)) => ModelChoice::BuiltIn(task),
            (None, None) => ModelChoice::BothBuiltIn,
        }
    }

    /// The inputs to read: as given, or standard input when none is given and standard input is
    /// not a terminal (`stdin_is_terminal`).
    pub fn inputs(&self, stdin_is_terminal: bool) -> Result<Vec<PathBuf>, UsageError> {
        if !self.inputs.is_empty() {
            return Ok(self.inputs.clone());
        }
        if stdin_is_terminal {
            return Err(UsageError(
                "no INPUT given and standard input is a terminal; name files or directories, or pipe text in \
                 (see stance predict --help)"
                    .into(),
            ));
        }
        Ok(vec![PathBuf::from("-")])
    }
}

impl InspectArgs {
    /// The model(s) to inspect: the file, one built-in model, or both.
    pub fn model_choice(&self) -> ModelChoice {
        match (&self.model, self.task) {
            (Some(path), _) => ModelChoice::File(path.clone()),
            (None, Some(task)) => ModelChoice::BuiltIn(task),
            (None, None) => ModelChoice::BothBuiltIn,
        }
    }
}

impl SplitArgs {
    /// How the folds are made.
    pub fn split(&self) -> Split {
        match (&self.group_by, &self.fold_column, &self.folds_file) {
            (Some(column), ..) => Split::Grouped {
                column: column.clone(),
                folds: self.folds,
                seed: self.seed,
            },
            (_, Some(column), _) => Split::FixedColumn { column: column.clone() },
            (_, _, Some(file)) => Split::FixedFile { path: file.clone() },
            _ => Split::Stratified {
                folds: self.folds,
                seed: self.seed,
            },
        }
    }
}

impl EvalArgs {
    /// The model to evaluate (clap guarantees exactly one of -m and --task).
    pub fn model_choice(&self) -> ModelChoice {
        match (&self.model, self.task) {
            (Some(path), _) => ModelChoice::File(path.clone()),
            (None, Some(task)) => ModelChoice::BuiltIn(task),
            (None, None) => ModelChoice::BothBuiltIn,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use stance_features::{DocFrequency, NgramRange, NumberPolicy, StopWords, TermWeighting};
    use stance_model::{Priors, ValidTrainingSettings, Variant};

    use super::*;

    fn train(args: &[&str]) -> TrainArgs {
        let cli = Cli::try_parse_from(["stance", "train", "data.tsv", "-o", "m.model"].iter().chain(args)).unwrap();
        match cli.command {
            Some(Command::Train(train)) => train,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn defaults_are_the_libraries_defaults() {
        let args = train(&[]);
        assert_eq!(args.training.check().unwrap(), ValidTrainingSettings::default());
        assert_eq!(args.reading.options(false).unwrap(), ReadOptions::default());
    }

    #[test]
    fn flags_reach_the_config() {
        let args = train(&[
            "--ngrams",
            "1..3",
            "--stem",
            "none",
            "--stopwords",
            "english",
            "--no-negation",
            "--numbers",
            "drop",
            "--fold-accents",
            "--min-df",
            "2",
            "--max-df",
            "0.5",
            "--max-features",
            "100",
            "--weighting",
            "log",
            "--l2",
        ]);
        let settings = args.training.check().unwrap();
        let config = settings.features();
        assert_eq!(config.analyzer.ngrams, NgramRange { min: 1, max: 3 });
        assert_eq!(config.analyzer.stemmer, None);
        assert_eq!(config.analyzer.stopwords, StopWords::English);
        assert!(!config.analyzer.negation.enabled);
        assert_eq!(config.analyzer.tokenizer.numbers, NumberPolicy::Drop);
        assert!(config.analyzer.normalizer.fold_accents);
        assert_eq!(config.pruning.min_df, DocFrequency::Count(2));
        assert_eq!(config.pruning.max_df, DocFrequency::Fraction(0.5));
        assert_eq!(config.pruning.max_features, Some(100));
        assert_eq!(config.weighting.scheme, TermWeighting::Log);
        assert!(config.weighting.l2_normalize);
        let negation = train(&["--no-negation", "--negation"]).training.check().unwrap();
        assert!(negation.features().analyzer.negation.enabled, "the last flag wins");
        let off = train(&["--negation", "--no-negation"]).training.check().unwrap();
        assert!(!off.features().analyzer.negation.enabled, "the last flag wins");
    }

    #[test]
    fn naive_bayes_flags_are_checked() {
        let args = train(&[
            "--alpha",
            "0.5",
            "--variant",
            "complement",
            "--complement-norm",
            "--priors",
            "uniform",
        ]);
        let settings = args.training.check().unwrap();
        let params = settings.naive_bayes();
        assert_eq!((params.alpha(), params.variant()), (0.5, Variant::Complement));
        assert!(params.complement_norm());
        assert_eq!(params.priors(), &Priors::Uniform);
        assert!(train(&["--alpha", "0"]).training.check().is_err());
        assert!(train(&["--complement-norm"]).training.check().is_err());
        let given = train(&["--priors", "a=0.25,b=0.75"]).training.check().unwrap();
        assert!(matches!(given.naive_bayes().priors(), Priors::Given(p) if p.len() == 2));
        assert!(train(&["--priors", "a=0.5,b=0.6"]).training.check().is_err());
    }

    #[test]
    fn bad_values_are_usage_errors() {
        for args in [
            &["--ngrams", "2..1"][..],
            &["--ngrams", "one"],
            &["--stem", "klingon"],
            &["--numbers", "many"],
            &["--weighting", "bm25"],
            &["--variant", "gaussian"],
            &["--max-df", "1.5"],
            &["--priors", "often"],
            &["--input-format", "xml"],
            &["--label-map", "pos"],
        ] {
            let error = Cli::try_parse_from(["stance", "train", "d.tsv", "-o", "m"].iter().chain(args)).unwrap_err();
            assert_eq!(error.exit_code(), 2, "{args:?}");
        }
    }

    #[test]
    fn predict_reads_stdin_only_when_it_is_not_a_terminal() {
        let cli = Cli::try_parse_from(["stance", "predict"]).unwrap();
        let Some(Command::Predict(args)) = cli.command else {
            panic!()
        };
        assert_eq!(args.model_choice(), ModelChoice::BothBuiltIn);
        assert_eq!(args.inputs(false).unwrap(), [PathBuf::from("-")]);
        assert!(args.inputs(true).is_err());
    }
}
