//! Training settings: everything that decides what a model learns, the feature configuration and
//! the naive Bayes hyper-parameters, in one place.
//!
//! [`TrainingSettings`] holds them unchecked and is set value by value from text
//! ([`TrainingSettings::set`]); [`TrainingSettings::check`] applies every rule once and gives
//! [`ValidTrainingSettings`], the only form training takes, as linfa's `ParamGuard` does for
//! hyper-parameters. The [`SETTINGS`] table lists each setting once, with its name, its flag, its
//! help, how it is read and how it is shown: the command line builds its training flags from it,
//! `tune`'s grid takes its keys from it, and `inspect`, `merge` and the flags that retrain a model
//! read a model's settings through it. Adding a setting is adding an entry.
//!
//! ```
//! use stance_model::TrainingSettings;
//!
//! let mut settings = TrainingSettings::default();
//! settings.set("ngrams", "1..3")?;
//! settings.set("alpha", "0.5")?;
//! let valid = settings.check()?;
//! assert_eq!(valid.to_flags(), ["--ngrams", "1..3", "--alpha", "0.5"]);
//! assert_eq!(valid.get("alpha").as_deref(), Some("0.5"));
//! # Ok::<(), stance_model::SettingsError>(())
//! ```

mod table;

use linfa::ParamGuard;
use stance_features::FeatureConfig;
use thiserror::Error;

use crate::statistics::check_config;
use crate::{ModelError, NaiveBayesParams, ValidNaiveBayesParams, Variant};

pub use table::{Section, Setting, ValueKind, SETTINGS};

/// What is wrong with a setting or a combination of settings.
#[derive(Debug, Error)]
pub enum SettingsError {
    /// A name that is no setting's.
    #[error("unknown setting `{name}`; the settings are {}", setting_names())]
    Unknown {
        /// The name given.
        name: String,
    },
    /// A value the setting cannot take.
    #[error("bad value `{value}` for {flag}: {reason}")]
    Value {
        /// The setting's flag (`--alpha`).
        flag: &'static str,
        /// The value given.
        value: String,
        /// Why it is refused.
        reason: String,
    },
    /// Settings each valid on its own that cannot be trained together (complement normalization
    /// without complement NB, tf-idf with L2-normalized rows), with the reason.
    #[error("{0}")]
    Incompatible(String),
    /// A rule of one setting: alpha > 0, priors that sum to 1, a document frequency or a number
    /// of features in range.
    #[error(transparent)]
    Model(#[from] ModelError),
}

fn setting_names() -> String {
    SETTINGS.iter().map(Setting::name).collect::<Vec<_>>().join(", ")
}

/// Every training setting, unchecked: set them, then [`check`](Self::check) once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrainingSettings {
    /// Feature extraction: analyzer, pruning, weighting.
    pub features: FeatureConfig,
    /// The naive Bayes hyper-parameters.
    pub naive_bayes: NaiveBayesParams,
}

impl TrainingSettings {
    /// Sets the setting named `name` (its [`Setting::name`], `-` for `_` accepted, or its flag)
    /// from `value` as its flag takes it.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingsError> {
        let setting = Setting::named(name).ok_or_else(|| SettingsError::Unknown { name: name.into() })?;
        setting.set(self, value)
    }

    /// Applies every rule: first each setting's own (alpha > 0, priors that sum to 1, document
    /// frequencies and the number of features in range), then those between settings
    /// ([`SettingsError::Incompatible`]: complement normalization only with complement NB, no
    /// tf-idf with L2-normalized rows).
    pub fn check(&self) -> Result<ValidTrainingSettings, SettingsError> {
        let naive_bayes = self.naive_bayes.clone().check()?;
        self.features.check().map_err(ModelError::from)?;
        if naive_bayes.complement_norm() && naive_bayes.variant() != Variant::Complement {
            return Err(SettingsError::Incompatible(
                "--complement-norm applies to complement NB only; add --variant complement".into(),
            ));
        }
        check_config(&self.features).map_err(|error| SettingsError::Incompatible(error.to_string()))?;
        Ok(ValidTrainingSettings {
            features: self.features.clone(),
            naive_bayes,
        })
    }
}

/// Checked training settings: what training takes.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidTrainingSettings {
    features: FeatureConfig,
    naive_bayes: ValidNaiveBayesParams,
}

impl Default for ValidTrainingSettings {
    fn default() -> Self {
        TrainingSettings::default()
            .check()
            .expect("the libraries' default settings are valid")
    }
}

impl ValidTrainingSettings {
    /// The settings of a model that was trained (or loaded, and checked then) with them.
    pub(crate) fn of_model(features: FeatureConfig, naive_bayes: ValidNaiveBayesParams) -> Self {
        Self { features, naive_bayes }
    }

    /// The feature configuration.
    pub fn features(&self) -> &FeatureConfig {
        &self.features
    }

    /// The hyper-parameters.
    pub fn naive_bayes(&self) -> &ValidNaiveBayesParams {
        &self.naive_bayes
    }

    /// The feature configuration and the hyper-parameters, by value.
    pub fn into_parts(self) -> (FeatureConfig, ValidNaiveBayesParams) {
        (self.features, self.naive_bayes)
    }

    /// The value of the setting named `name`, as its flag takes it; `None` for an unknown name.
    pub fn get(&self, name: &str) -> Option<String> {
        Setting::named(name).map(|setting| setting.show(self))
    }

    /// The flags that give these settings to `stance train`: those whose value differs from the
    /// default, in table order.
    pub fn to_flags(&self) -> Vec<String> {
        self.flags_showing(&[])
    }

    /// [`to_flags`](Self::to_flags), with the settings named in `shown` written even when they
    /// hold their default (a switch that is off has no flag to show, unless it has an off flag
    /// such as `--no-negation`).
    pub fn flags_showing(&self, shown: &[&str]) -> Vec<String> {
        let default = Self::default();
        let mut flags = Vec::new();
        for setting in SETTINGS.iter() {
            let value = setting.show(self);
            if value != setting.show(&default) || shown.contains(&setting.name()) {
                flags.extend(setting.flags_for(&value));
            }
        }
        flags
    }

    /// The settings whose values differ between `self` and `other`, in table order.
    pub fn differences(&self, other: &Self) -> Vec<&'static Setting> {
        SETTINGS
            .iter()
            .filter(|setting| setting.show(self) != setting.show(other))
            .collect()
    }
}

#[cfg(test)]
mod tests;
