//! `stance`: train, predict and evaluate naive Bayes stance and sentiment classifiers.
//!
//! A thin layer over the libraries: [`args`] parses and checks (its training flags built from the
//! library's table of settings in [`training_flags`]),
//! [`commands`] calls stance-documents, stance-model, stance-eval and stance-experiment,
//! [`output`] prints, [`progress`] shows how long work advances, [`embedded`] holds the built-in
//! models. `main` maps the outcome to an exit code:
//! 0 success (a closed output pipe included), 1 runtime error, 2 usage error (bad flags, and
//! `--priors` that do not fit the data's labels).

mod args;
mod commands;
mod embedded;
mod output;
mod progress;
mod training_flags;
mod usage;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use stance_experiment::ExperimentError;
use stance_model::ModelError;

use crate::args::{Cli, Command};
use crate::usage::UsageError;

/// `-j` is capped at this many workers per CPU: more only adds threads that wait (and thousands
/// of them take minutes to start and stop).
const THREADS_PER_CPU: usize = 4;

fn main() -> ExitCode {
    remove_temporary_files_on_signals();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and usage errors alike; clap knows their exit codes (0 and 2). Help that
            // cannot be written (`stance --help > /dev/full`) is a failure too.
            let code = u8::try_from(error.exit_code()).unwrap_or(2);
            let written = error.print().and_then(|()| std::io::stdout().flush());
            return match written {
                Err(_) if code == 0 => ExitCode::from(1),
                _ => ExitCode::from(code),
            };
        }
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if output::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "stance: error: {error:#}");
            let usage = error.chain().any(is_usage_error);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary file a write has in progress, then ends
/// the process as the signal would have (no `.stance-*.tmp` of megabytes is left behind; a model
/// being replaced stays the previous one). The signals are taken in a thread of their own, where
/// removing files is safe, unlike in a signal handler.
fn remove_temporary_files_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stance_model::remove_temporary_files(|| {
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal)
            });
        }
    });
}

/// Whether `cause` is a mistake in the command line: a usage error, or class priors that do not
/// fit the labels of the data (`--priors` names a label the data lacks or misses one it has), which
/// is known only once the data is read but is a flag's fault all the same.
fn is_usage_error(cause: &(dyn std::error::Error + 'static)) -> bool {
    cause.is::<UsageError>()
        || matches!(cause.downcast_ref(), Some(ModelError::InvalidPriors(_)))
        || matches!(
            cause.downcast_ref().and_then(ExperimentError::model_error),
            Some(ModelError::InvalidPriors(_))
        )
}

fn run(cli: &Cli) -> anyhow::Result<()> {
    if let Some(threads) = cli.threads {
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        let most = THREADS_PER_CPU * cpus;
        if threads > most {
            commands::note(format_args!(
                "stance: warning: -j {threads} is more than {THREADS_PER_CPU} workers per CPU; using {most} ({cpus} CPUs)"
            ));
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.min(most))
            .build_global()?;
    }
    if cli.version {
        let mut out = std::io::stdout().lock();
        out.write_all(embedded::version_text().as_bytes())?;
        return Ok(out.flush()?);
    }
    match &cli.command {
        Some(Command::Train(args)) => commands::train::run(args),
        Some(Command::Predict(args)) => commands::predict::run(args),
        Some(Command::Eval(args)) => commands::eval::run(args),
        Some(Command::Cv(args)) => commands::cv::run(args),
        Some(Command::Tune(args)) => commands::tune::run(args),
        Some(Command::Inspect(args)) => commands::inspect::run(args),
        Some(Command::Merge(args)) => commands::merge::run(args),
        Some(Command::Update(args)) => commands::update::run(args),
        Some(Command::Calibrate(args)) => commands::calibrate::run(args),
        Some(Command::Analyze(args)) => commands::analyze::run(args),
        None => Err(UsageError("no command given; try `stance --help`".into()).into()),
    }
}
