//! Hyper-parameters, checked once (`NaiveBayesParams` -> `check()` -> `ValidNaiveBayesParams`),
//! as linfa does.

use std::collections::BTreeMap;

use linfa::ParamGuard;
use serde::{Deserialize, Serialize};

use crate::ModelError;

/// The naive Bayes event model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Variant {
    /// Multinomial NB: term weights are event counts.
    #[default]
    Multinomial,
    /// Complement NB (Rennie et al. 2003): each class is scored against the other classes' terms.
    Complement,
    /// Bernoulli NB: each vocabulary term present or absent; absence counts too.
    Bernoulli,
}

impl Variant {
    /// The name used on the command line and in model files.
    pub fn name(self) -> &'static str {
        match self {
            Self::Multinomial => "multinomial",
            Self::Complement => "complement",
            Self::Bernoulli => "bernoulli",
        }
    }
}

impl std::fmt::Display for Variant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Variant {
    type Err = ModelError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "multinomial" | "mnb" => Ok(Self::Multinomial),
            "complement" | "cnb" => Ok(Self::Complement),
            "bernoulli" | "bnb" => Ok(Self::Bernoulli),
            _ => Err(ModelError::Unsupported(format!(
                "unknown variant {s:?}; expected multinomial, complement or bernoulli"
            ))),
        }
    }
}

/// Class priors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Priors {
    /// Learned from the label frequencies of the training data.
    #[default]
    Learned,
    /// Every class equally likely.
    Uniform,
    /// Given per label; must be finite, non-negative and sum to 1.
    Given(BTreeMap<String, f64>),
}

impl std::str::FromStr for Priors {
    type Err = ModelError;

    /// `learned`, `uniform` (any case), or `LABEL=P,...` (checked to sum to 1 by
    /// [`NaiveBayesParams`]'s `check`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "learned" => return Ok(Self::Learned),
            "uniform" => return Ok(Self::Uniform),
            _ => {}
        }
        let mut given = BTreeMap::new();
        for entry in s.split(',') {
            let bad = || {
                ModelError::InvalidPriors(format!(
                    "expected learned, uniform or LABEL=P,... (e.g. a=0.3,b=0.7), got {entry:?}"
                ))
            };
            let (label, value) = entry.split_once('=').ok_or_else(bad)?;
            let value: f64 = value.trim().parse().map_err(|_| bad())?;
            let label = label.trim();
            if label.is_empty() || given.insert(label.to_string(), value).is_some() {
                return Err(bad());
            }
        }
        Ok(Self::Given(given))
    }
}

impl std::fmt::Display for Priors {
    /// What [`FromStr`](std::str::FromStr) reads back: `learned`, `uniform` or `a=0.3,b=0.7`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Learned => f.write_str("learned"),
            Self::Uniform => f.write_str("uniform"),
            Self::Given(given) => {
                for (index, (label, p)) in given.iter().enumerate() {
                    if index > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{label}={p}")?;
                }
                Ok(())
            }
        }
    }
}

/// Unchecked hyper-parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NaiveBayesParams(ValidNaiveBayesParams);

/// Checked hyper-parameters: an invalid state cannot reach the algorithm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidNaiveBayesParams {
    variant: Variant,
    alpha: f64,
    priors: Priors,
    complement_norm: bool,
}

impl Default for NaiveBayesParams {
    fn default() -> Self {
        Self(ValidNaiveBayesParams {
            variant: Variant::Multinomial,
            alpha: 1.0,
            priors: Priors::Learned,
            complement_norm: false,
        })
    }
}

impl NaiveBayesParams {
    /// Multinomial NB with alpha 1 and learned priors.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the event model.
    pub fn variant(mut self, variant: Variant) -> Self {
        self.0.variant = variant;
        self
    }

    /// Sets the additive (Lidstone) smoothing; must be > 0.
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.0.alpha = alpha;
        self
    }

    /// Sets the class priors.
    pub fn priors(mut self, priors: Priors) -> Self {
        self.0.priors = priors;
        self
    }

    /// Complement NB only: the second weight normalization of Rennie et al. (2003).
    pub fn complement_norm(mut self, norm: bool) -> Self {
        self.0.complement_norm = norm;
        self
    }
}

impl ParamGuard for NaiveBayesParams {
    type Checked = ValidNaiveBayesParams;
    type Error = ModelError;

    fn check_ref(&self) -> Result<&Self::Checked, Self::Error> {
        let p = &self.0;
        if !(p.alpha.is_finite() && p.alpha > 0.0) {
            return Err(ModelError::InvalidAlpha(p.alpha));
        }
        if let Priors::Given(priors) = &p.priors {
            if priors.is_empty() {
                return Err(ModelError::InvalidPriors("no prior given".into()));
            }
            if let Some((label, value)) = priors.iter().find(|(_, v)| !(v.is_finite() && **v >= 0.0)) {
                return Err(ModelError::InvalidPriors(format!(
                    "{label}={value} is not a probability"
                )));
            }
            let sum: f64 = priors.values().sum();
            if (sum - 1.0).abs() > 1e-6 {
                return Err(ModelError::InvalidPriors(format!("they sum to {sum}, not 1")));
            }
        }
        Ok(p)
    }

    fn check(self) -> Result<Self::Checked, Self::Error> {
        self.check_ref()?;
        Ok(self.0)
    }
}

impl ValidNaiveBayesParams {
    /// Checks again what `check()` checked: parameters read from a file did not pass through it.
    pub(crate) fn recheck(&self) -> Result<(), ModelError> {
        NaiveBayesParams(self.clone()).check_ref().map(|_| ())
    }

    /// The event model.
    pub fn variant(&self) -> Variant {
        self.variant
    }

    /// The smoothing.
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// The class priors.
    pub fn priors(&self) -> &Priors {
        &self.priors
    }

    /// Whether Complement NB normalizes its weights.
    pub fn complement_norm(&self) -> bool {
        self.complement_norm
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_must_be_positive_and_finite() {
        for alpha in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(NaiveBayesParams::new().alpha(alpha).check().is_err(), "{alpha}");
        }
        assert!(NaiveBayesParams::new().alpha(1e-9).check().is_ok());
    }

    #[test]
    fn given_priors_must_sum_to_one() {
        let priors = |pairs: &[(&str, f64)]| Priors::Given(pairs.iter().map(|(l, p)| (l.to_string(), *p)).collect());
        assert!(NaiveBayesParams::new()
            .priors(priors(&[("a", 0.5), ("b", 0.5)]))
            .check()
            .is_ok());
        assert!(NaiveBayesParams::new()
            .priors(priors(&[("a", 0.5), ("b", 0.6)]))
            .check()
            .is_err());
        assert!(NaiveBayesParams::new()
            .priors(priors(&[("a", -0.5), ("b", 1.5)]))
            .check()
            .is_err());
        assert!(NaiveBayesParams::new().priors(priors(&[])).check().is_err());
    }

    #[test]
    fn variants_parse() {
        assert_eq!("Complement".parse::<Variant>().unwrap(), Variant::Complement);
        assert!("gaussian".parse::<Variant>().is_err());
    }
}
