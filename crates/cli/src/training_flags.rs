//! The training flags (`stance train`'s, also taken by `cv` and `tune`), built from the library's
//! table of settings ([`SETTINGS`]): one flag per entry (two for a switch that is on by default,
//! `--negation` and `--no-negation`), with the entry's help, placeholder and default, and every
//! value read by the entry while clap parses, so that a bad value is clap's usage error (exit 2)
//! with the library's reason.

use clap::builder::ValueParser;
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};
use stance_model::{Setting, SettingsError, TrainingSettings, ValidTrainingSettings, ValueKind, SETTINGS};

use crate::usage::UsageError;

/// The training settings given on the command line, not yet checked together.
#[derive(Debug, Clone, Default)]
pub struct TrainingFlags {
    settings: TrainingSettings,
}

impl TrainingFlags {
    /// The settings as given.
    pub fn settings(&self) -> &TrainingSettings {
        &self.settings
    }

    /// The settings checked together; what makes no sense together (tf-idf with L2 rows,
    /// `--complement-norm` without complement NB) is a usage error, found before any data is read.
    pub fn check(&self) -> Result<ValidTrainingSettings, UsageError> {
        self.settings.check().map_err(|error| UsageError(error.to_string()))
    }
}

/// The id of a switch's off flag (`no_negation`).
fn off_id(setting: &Setting) -> String {
    format!("no_{}", setting.name())
}

/// The flag's long name (`ngrams` for `--ngrams`).
fn long(flag: &str) -> String {
    flag.trim_start_matches('-').to_string()
}

/// The help of a flag: the entry's paragraph, without its final period as clap shows help.
fn help(text: &str) -> String {
    text.strip_suffix('.').unwrap_or(text).to_string()
}

/// The clap arguments of one setting. Each help is also the long help, so that `--help` lays the
/// flags out one paragraph each and `-h` one line each.
fn arguments(setting: &'static Setting) -> Vec<Arg> {
    let heading = setting.section().heading();
    let arg = Arg::new(setting.name())
        .long(long(setting.flag()))
        .help(help(setting.help()))
        .long_help(help(setting.help()))
        .help_heading(heading);
    if setting.kind() != ValueKind::Switch {
        let parser = ValueParser::new(move |text: &str| -> Result<String, String> {
            let mut probe = TrainingSettings::default();
            match setting.set(&mut probe, text) {
                Ok(()) => Ok(text.to_string()),
                Err(SettingsError::Value { reason, .. }) => Err(reason),
                Err(other) => Err(other.to_string()),
            }
        });
        return vec![arg
            .value_name(setting.value_name())
            .default_value(setting.default_value())
            .value_parser(parser)];
    }
    let arg = arg.action(ArgAction::SetTrue);
    match setting.off_flag() {
        None => vec![arg],
        Some((off_flag, off_help)) => vec![
            arg.overrides_with(off_id(setting)),
            Arg::new(off_id(setting))
                .long(long(off_flag))
                .help(help(off_help))
                .long_help(help(off_help))
                .help_heading(heading)
                .action(ArgAction::SetTrue)
                .overrides_with(setting.name()),
        ],
    }
}

/// Whether the argument `id` was given on the command line.
fn given(matches: &ArgMatches, id: &str) -> bool {
    matches.value_source(id) == Some(ValueSource::CommandLine)
}

impl Args for TrainingFlags {
    fn augment_args(command: Command) -> Command {
        command.args(SETTINGS.iter().flat_map(arguments))
    }

    fn augment_args_for_update(command: Command) -> Command {
        Self::augment_args(command)
    }
}

impl FromArgMatches for TrainingFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut flags = Self::default();
        flags.update_from_arg_matches(matches)?;
        Ok(flags)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        for setting in SETTINGS.iter() {
            let id = setting.name();
            let value = match setting.kind() {
                ValueKind::Switch if given(matches, id) => Some("on".to_string()),
                ValueKind::Switch if setting.off_flag().is_some() && given(matches, &off_id(setting)) => {
                    Some("off".to_string())
                }
                ValueKind::Switch => None,
                _ if given(matches, id) => matches.get_one::<String>(id).cloned(),
                _ => None,
            };
            if let Some(value) = value {
                setting
                    .set(&mut self.settings, &value)
                    .map_err(|error| clap::Error::raw(clap::error::ErrorKind::ValueValidation, error))?;
            }
        }
        Ok(())
    }
}
