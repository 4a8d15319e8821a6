//! Calibration: turning naive Bayes's overconfident log-probabilities into probabilities that
//! mean what they say, fitted on held-out predictions and stored with the model.
//!
//! Naive Bayes multiplies the evidence of every term as if terms were independent, so its
//! posteriors are pushed toward 0 and 1. Both methods here rescale the log-posterior `z` of
//! each class before a softmax (Guo et al., 2017, "On Calibration of Modern Neural Networks"):
//!
//! | method | calibrated probability of class c | parameters |
//! |---|---|---|
//! | temperature | `softmax(z / T)` | one temperature `T > 0`; never changes the predicted label |
//! | vector | `softmax(a_c * z_c + b_c)` | a scale and a bias per class (Platt scaling for several classes); the biases can move the predicted label, e.g. to correct priors that do not fit new data |
//!
//! Both are fitted by minimizing the negative log-likelihood of held-out predictions (the
//! objective is convex in the parameters): the temperature by golden-section search over
//! `1 / T`, the vector form by gradient descent with backtracking from the fitted temperature,
//! with a small ridge penalty (toward `a_c = 1 / T`, `b_c = 0`) so that a class with few
//! held-out documents cannot drive its bias to infinity. Both are deterministic.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::estimator::{argmax, log_softmax};
use crate::ModelError;

/// How a calibration is fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CalibrationMethod {
    /// One temperature for all classes.
    Temperature,
    /// A scale and a bias per class.
    Vector,
}

impl CalibrationMethod {
    /// Every method, in the order they are documented.
    pub const ALL: [CalibrationMethod; 2] = [CalibrationMethod::Temperature, CalibrationMethod::Vector];

    /// The method's name, as `FromStr` reads it.
    pub fn name(self) -> &'static str {
        match self {
            CalibrationMethod::Temperature => "temperature",
            CalibrationMethod::Vector => "vector",
        }
    }
}

impl fmt::Display for CalibrationMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for CalibrationMethod {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|method| method.name() == s)
            .ok_or_else(|| format!("unknown calibration method `{s}`; expected temperature or vector"))
    }
}

/// A fitted calibration of a model's log-probabilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Calibration {
    /// `softmax(z / temperature)`.
    Temperature {
        /// The temperature, > 0 (> 1 softens overconfident probabilities).
        temperature: f64,
    },
    /// `softmax(scale[c] * z[c] + bias[c])`, one entry per label in the model's label order.
    Vector {
        /// The scale of each class's log-probability.
        scale: Vec<f64>,
        /// The bias added to each class's scaled log-probability.
        bias: Vec<f64>,
    },
}

/// Held-out predictions to fit a calibration on.
#[derive(Debug, Clone, Copy)]
pub struct HeldOut<'a> {
    /// The uncalibrated log-probabilities of each document (one entry per label).
    pub log_probabilities: &'a [Vec<f64>],
    /// The index of each document's true label.
    pub truth: &'a [usize],
}

/// The ridge penalty of the vector method, per parameter, relative to the number of documents.
const RIDGE: f64 = 1e-3;
/// The smallest and largest inverse temperature searched.
const INVERSE_TEMPERATURE_RANGE: (f64, f64) = (1e-4, 20.0);

impl Calibration {
    /// Fits a calibration of `method` on held-out predictions with `n_labels` labels.
    ///
    /// Errors when there is no document, a row does not have `n_labels` finite entries, or a
    /// true label is out of range.
    pub fn fit(method: CalibrationMethod, held_out: HeldOut<'_>, n_labels: usize) -> Result<Self, ModelError> {
        check(held_out, n_labels)?;
        let inverse = fit_inverse_temperature(held_out);
        Ok(match method {
            CalibrationMethod::Temperature => Calibration::Temperature {
                temperature: 1.0 / inverse,
            },
            CalibrationMethod::Vector => {
                let (scale, bias) = fit_vector(held_out, n_labels, inverse);
                Calibration::Vector { scale, bias }
            }
        })
    }

    /// The method this calibration was fitted with.
    pub fn method(&self) -> CalibrationMethod {
        match self {
            Calibration::Temperature { .. } => CalibrationMethod::Temperature,
            Calibration::Vector { .. } => CalibrationMethod::Vector,
        }
    }

    /// The calibrated log-probabilities of uncalibrated ones.
    pub fn apply_log(&self, log_probabilities: &[f64]) -> Vec<f64> {
        log_softmax(self.logits(log_probabilities))
    }

    /// The calibrated probabilities of uncalibrated log-probabilities.
    pub fn apply(&self, log_probabilities: &[f64]) -> Vec<f64> {
        self.apply_log(log_probabilities).into_iter().map(f64::exp).collect()
    }

    /// The index of the most likely class after calibration (ties: the first).
    pub fn predict_class(&self, log_probabilities: &[f64]) -> usize {
        argmax(&self.logits(log_probabilities))
    }

    /// Checks a calibration read from a file against the model's number of labels.
    pub(crate) fn check_loaded(&self, n_labels: usize) -> Result<(), String> {
        let finite = |values: &[f64]| values.iter().all(|v| v.is_finite());
        match self {
            Calibration::Temperature { temperature } if temperature.is_finite() && *temperature > 0.0 => Ok(()),
            Calibration::Temperature { temperature } => {
                Err(format!("calibration temperature {temperature} is not > 0"))
            }
            Calibration::Vector { scale, bias } if scale.len() == n_labels && bias.len() == n_labels => {
                if finite(scale) && finite(bias) {
                    Ok(())
                } else {
                    Err("the calibration holds a value that is not finite".into())
                }
            }
            Calibration::Vector { .. } => Err("the calibration does not match the labels".into()),
        }
    }

    /// One line for people: `temperature 3.41`, or `vector: military x0.31 +0.20, ...`.
    pub fn describe(&self, labels: &[String]) -> String {
        match self {
            Calibration::Temperature { temperature } => format!("temperature {temperature:.4}"),
            Calibration::Vector { scale, bias } => {
                let parts: Vec<String> = labels
                    .iter()
                    .zip(scale.iter().zip(bias))
                    .map(|(label, (a, b))| format!("{label} x{a:.4} {b:+.4}"))
                    .collect();
                format!("vector: {}", parts.join(", "))
            }
        }
    }

    fn logits(&self, z: &[f64]) -> Vec<f64> {
        match self {
            Calibration::Temperature { temperature } => z.iter().map(|v| v / temperature).collect(),
            Calibration::Vector { scale, bias } => z
                .iter()
                .zip(scale.iter().zip(bias))
                .map(|(v, (a, b))| a * v + b)
                .collect(),
        }
    }
}

fn check(held_out: HeldOut<'_>, n_labels: usize) -> Result<(), ModelError> {
    let invalid = |reason: String| Err(ModelError::Unsupported(format!("cannot calibrate: {reason}")));
    if held_out.log_probabilities.is_empty() {
        return invalid("no held-out predictions".into());
    }
    if held_out.log_probabilities.len() != held_out.truth.len() {
        return Err(ModelError::LengthMismatch {
            rows: held_out.log_probabilities.len(),
            labels: held_out.truth.len(),
        });
    }
    for (row, (z, &truth)) in held_out.log_probabilities.iter().zip(held_out.truth).enumerate() {
        if z.len() != n_labels || z.iter().any(|v| !v.is_finite()) {
            return invalid(format!("held-out row {row} is not {n_labels} finite log-probabilities"));
        }
        if truth >= n_labels {
            return invalid(format!("held-out row {row} has label index {truth} of {n_labels}"));
        }
    }
    Ok(())
}

/// The mean negative log-likelihood of `softmax(logits(z))` over the held-out documents.
fn mean_nll(held_out: HeldOut<'_>, logits: impl Fn(&[f64]) -> Vec<f64>) -> f64 {
    let total: f64 = held_out
        .log_probabilities
        .iter()
        .zip(held_out.truth)
        .map(|(z, &truth)| -log_softmax(logits(z))[truth])
        .sum();
    total / held_out.truth.len() as f64
}

/// The inverse temperature minimizing the held-out NLL (convex in it): golden-section search.
fn fit_inverse_temperature(held_out: HeldOut<'_>) -> f64 {
    let nll = |s: f64| mean_nll(held_out, |z| z.iter().map(|v| v * s).collect());
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    let (mut low, mut high) = INVERSE_TEMPERATURE_RANGE;
    let mut a = high - ratio * (high - low);
    let mut b = low + ratio * (high - low);
    let (mut fa, mut fb) = (nll(a), nll(b));
    for _ in 0..100 {
        if fa <= fb {
            high = b;
            b = a;
            fb = fa;
            a = high - ratio * (high - low);
            fa = nll(a);
        } else {
            low = a;
            a = b;
            fa = fb;
            b = low + ratio * (high - low);
            fb = nll(b);
        }
    }
    (low + high) / 2.0
}

/// Scales and biases minimizing the held-out NLL plus a ridge penalty toward `(inverse, 0)`.
fn fit_vector(held_out: HeldOut<'_>, k: usize, inverse: f64) -> (Vec<f64>, Vec<f64>) {
    let n = held_out.truth.len() as f64;
    let ridge = RIDGE;
    // Parameters: scale[0..k], bias[0..k].
    let objective = |p: &[f64]| {
        let nll = mean_nll(held_out, |z| (0..k).map(|c| p[c] * z[c] + p[k + c]).collect());
        let penalty: f64 = (0..k).map(|c| (p[c] - inverse).powi(2) + p[k + c].powi(2)).sum();
        nll + ridge * penalty
    };
    let gradient = |p: &[f64]| {
        let mut g = vec![0.0; 2 * k];
        for (z, &truth) in held_out.log_probabilities.iter().zip(held_out.truth) {
            let logits: Vec<f64> = (0..k).map(|c| p[c] * z[c] + p[k + c]).collect();
            let q = log_softmax(logits);
            for c in 0..k {
                let residual = q[c].exp() - f64::from(u8::from(c == truth));
                g[c] += residual * z[c] / n;
                g[k + c] += residual / n;
            }
        }
        for c in 0..k {
            g[c] += 2.0 * ridge * (p[c] - inverse);
            g[k + c] += 2.0 * ridge * p[k + c];
        }
        g
    };
    let mut p: Vec<f64> = std::iter::repeat_n(inverse, k)
        .chain(std::iter::repeat_n(0.0, k))
        .collect();
    let mut value = objective(&p);
    let mut step = 1.0;
    for _ in 0..500 {
        let g = gradient(&p);
        let norm2: f64 = g.iter().map(|v| v * v).sum();
        if norm2 < 1e-18 {
            break;
        }
        // Backtracking (Armijo) line search along the negative gradient.
        step *= 2.0;
        loop {
            let candidate: Vec<f64> = p.iter().zip(&g).map(|(v, d)| v - step * d).collect();
            let candidate_value = objective(&candidate);
            if candidate_value <= value - 0.5 * step * norm2 {
                p = candidate;
                value = candidate_value;
                break;
            }
            step /= 2.0;
            if step < 1e-12 {
                return (p[..k].to_vec(), p[k..].to_vec());
            }
        }
    }
    (p[..k].to_vec(), p[k..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Overconfident held-out predictions: every document's log-posteriors put 0.999 on one
    /// class, right 70% of the time.
    fn overconfident() -> (Vec<Vec<f64>>, Vec<usize>) {
        let sure = [0.999f64.ln(), 0.0005f64.ln(), 0.0005f64.ln()];
        let mut rows = Vec::new();
        let mut truth = Vec::new();
        for i in 0..100 {
            let predicted = i % 3;
            let mut z = vec![sure[1]; 3];
            z[predicted] = sure[0];
            rows.push(z);
            truth.push(if i % 10 < 7 { predicted } else { (predicted + 1) % 3 });
        }
        (rows, truth)
    }

    #[test]
    fn temperature_brings_confidence_down_to_accuracy() {
        let (rows, truth) = overconfident();
        let held_out = HeldOut {
            log_probabilities: &rows,
            truth: &truth,
        };
        let calibration = Calibration::fit(CalibrationMethod::Temperature, held_out, 3).unwrap();
        let Calibration::Temperature { temperature } = calibration else {
            panic!()
        };
        assert!(temperature > 1.0, "{temperature}");
        let p = calibration.apply(&rows[0]);
        assert!(
            (p[0] - 0.7).abs() < 0.01,
            "the top probability matches the 70% accuracy: {p:?}"
        );
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(
            calibration.predict_class(&rows[0]),
            0,
            "a temperature never moves the label"
        );
    }

    #[test]
    fn vector_scaling_fits_at_least_as_well_and_can_correct_priors() {
        let (rows, truth) = overconfident();
        let held_out = HeldOut {
            log_probabilities: &rows,
            truth: &truth,
        };
        let temperature = Calibration::fit(CalibrationMethod::Temperature, held_out, 3).unwrap();
        let vector = Calibration::fit(CalibrationMethod::Vector, held_out, 3).unwrap();
        let nll = |c: &Calibration| mean_nll(held_out, |z| c.apply_log(z));
        assert!(
            nll(&vector) <= nll(&temperature) + 1e-9,
            "{} vs {}",
            nll(&vector),
            nll(&temperature)
        );

        // A model that always leans to class 0, where class 2 is the truth: the bias moves it.
        let leaning: Vec<Vec<f64>> = (0..60).map(|_| log_softmax(vec![1.0, 0.0, 0.5])).collect();
        let truth = vec![2; 60];
        let vector = Calibration::fit(
            CalibrationMethod::Vector,
            HeldOut {
                log_probabilities: &leaning,
                truth: &truth,
            },
            3,
        )
        .unwrap();
        assert_eq!(vector.predict_class(&leaning[0]), 2);
    }

    #[test]
    fn bad_held_out_data_is_an_error_not_a_panic() {
        let rows = vec![vec![0.0, f64::NEG_INFINITY]];
        let fit = |rows: &[Vec<f64>], truth: &[usize]| {
            Calibration::fit(
                CalibrationMethod::Vector,
                HeldOut {
                    log_probabilities: rows,
                    truth,
                },
                2,
            )
        };
        assert!(fit(&rows, &[0]).is_err());
        assert!(fit(&[], &[]).is_err());
        assert!(fit(&[vec![0.0, 0.0]], &[2]).is_err());
        assert!(fit(&[vec![0.0, 0.0]], &[0, 1]).is_err());
    }

    #[test]
    fn loaded_calibrations_are_checked_and_methods_parse() {
        assert!(Calibration::Temperature { temperature: 0.0 }.check_loaded(3).is_err());
        assert!(Calibration::Temperature { temperature: 2.0 }.check_loaded(3).is_ok());
        let vector = Calibration::Vector {
            scale: vec![1.0; 2],
            bias: vec![0.0; 2],
        };
        assert!(vector.check_loaded(3).is_err());
        for method in CalibrationMethod::ALL {
            assert_eq!(method.name().parse::<CalibrationMethod>(), Ok(method));
        }
        assert!("platt".parse::<CalibrationMethod>().is_err());
    }
}
