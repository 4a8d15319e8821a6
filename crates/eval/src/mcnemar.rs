//! McNemar's exact test: do two models on the same test set differ in accuracy?

use std::fmt;

use serde::Serialize;

use crate::error::EvalError;

/// The significance level behind [`McNemar::significant`].
pub const MCNEMAR_ALPHA: f64 = 0.05;

/// The result of McNemar's exact test between model A and model B.
///
/// Only the discordant documents count: `b` where A is right and B is wrong, `c`
/// where A is wrong and B is right. Under the null hypothesis (equal accuracy) `b`
/// is Binomial(b + c, 1/2); the p-value is the two-sided exact binomial p-value,
/// `min(1, 2 · P(X ≤ min(b, c)))`, which equals
/// `scipy.stats.binomtest(b, b + c, 0.5).pvalue`. With no discordant pair it is 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct McNemar {
    /// Documents that model A labels correctly and model B does not.
    pub b: usize,
    /// Documents that model B labels correctly and model A does not.
    pub c: usize,
    /// The two-sided exact p-value.
    pub p_value: f64,
    /// Whether `p_value < 0.05` ([`MCNEMAR_ALPHA`]).
    pub significant: bool,
}

impl McNemar {
    /// The test from the discordant counts alone.
    pub fn from_counts(b: usize, c: usize) -> Self {
        let p_value = two_sided_binomial_half(b, c);
        McNemar {
            b,
            c,
            p_value,
            significant: p_value < MCNEMAR_ALPHA,
        }
    }
}

impl fmt::Display for McNemar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "McNemar exact test: b={} (A right, B wrong), c={} (A wrong, B right), p={:.6} ({} at {})",
            self.b,
            self.c,
            self.p_value,
            if self.significant {
                "significant"
            } else {
                "not significant"
            },
            MCNEMAR_ALPHA
        )
    }
}

/// Compares the predictions of model A and model B on the same documents.
///
/// The three slices are parallel: one entry per document. Errors if they differ
/// in length or are empty.
pub fn mcnemar<S: AsRef<str>>(y_true: &[S], pred_a: &[S], pred_b: &[S]) -> Result<McNemar, EvalError> {
    if y_true.is_empty() {
        return Err(EvalError::Empty);
    }
    for (what, found) in [
        ("predictions of model A", pred_a.len()),
        ("predictions of model B", pred_b.len()),
    ] {
        if found != y_true.len() {
            return Err(EvalError::LengthMismatch {
                what,
                expected: y_true.len(),
                found,
            });
        }
    }
    let (mut b, mut c) = (0, 0);
    for ((truth, a), bb) in y_true.iter().zip(pred_a).zip(pred_b) {
        let a_right = a.as_ref() == truth.as_ref();
        let b_right = bb.as_ref() == truth.as_ref();
        match (a_right, b_right) {
            (true, false) => b += 1,
            (false, true) => c += 1,
            _ => {}
        }
    }
    Ok(McNemar::from_counts(b, c))
}

/// `min(1, 2 · P(X ≤ min(b, c)))` for X ~ Binomial(b + c, 1/2), summed in log space
/// so that large counts neither overflow nor underflow term by term.
fn two_sided_binomial_half(b: usize, c: usize) -> f64 {
    let n = b + c;
    let k = b.min(c);
    if n == 0 || 2 * k >= n {
        return 1.0;
    }
    // ln C(n, i) for i = 0..=k, then ln pmf(i) = ln C(n, i) - n ln 2.
    let mut log_terms = Vec::with_capacity(k + 1);
    let mut log_choose = 0.0_f64;
    for i in 0..=k {
        if i > 0 {
            log_choose += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        log_terms.push(log_choose);
    }
    // The terms grow with i (k < n/2), so the last is the largest.
    let largest = log_terms[k];
    let scaled_sum: f64 = log_terms.iter().map(|t| (t - largest).exp()).sum();
    let log_tail = largest + scaled_sum.ln() - n as f64 * std::f64::consts::LN_2;
    (2.0 * log_tail.exp()).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative agreement to 1e-12: the p-value is summed in log space.
    fn assert_p(test: McNemar, expected: f64) {
        assert!(
            (test.p_value - expected).abs() <= 1e-12 * expected,
            "b={} c={}: {} != {expected}",
            test.b,
            test.c,
            test.p_value
        );
    }

    #[test]
    fn small_counts_by_hand() {
        // b = 1, c = 7, n = 8: P(X <= 1) = (C(8,0) + C(8,1)) / 2^8 = 9/256;
        // two-sided p = 18/256 = 0.0703125 (scipy.stats.binomtest(1, 8, 0.5).pvalue).
        let test = McNemar::from_counts(1, 7);
        assert_p(test, 0.0703125);
        assert!(!test.significant);
        // b = 0, c = 6: p = 2/64 = 0.03125.
        let test = McNemar::from_counts(0, 6);
        assert_p(test, 0.03125);
        assert!(test.significant);
    }

    #[test]
    fn matches_scipy_binomtest() {
        // scipy.stats.binomtest(b, b + c, 0.5).pvalue with scipy 1.17.1
        let cases = [
            (3, 10, 0.09228515625),
            (0, 0, 1.0),
            (5, 5, 1.0),
            (1, 2, 1.0),
            (40, 60, 0.05688793364098089),
            (400, 460, 0.04416954819458914),
            (2000, 1900, 0.11289365225934829),
            (0, 1100, 0.0),
        ];
        for (b, c, expected) in cases {
            let test = McNemar::from_counts(b, c);
            assert!(
                (test.p_value - expected).abs() <= 1e-9 * expected,
                "b={b} c={c}: {} != {expected}",
                test.p_value
            );
            assert_eq!(McNemar::from_counts(c, b).p_value, test.p_value);
        }
    }

    #[test]
    fn counts_discordant_pairs() {
        let y_true = ["a", "a", "b", "b", "c", "c"];
        let pred_a = ["a", "a", "b", "a", "a", "c"];
        let pred_b = ["a", "b", "a", "b", "b", "a"];
        // doc 1: A right, B wrong (b); doc 2: A right, B wrong (b);
        // doc 3: A wrong, B right (c); doc 4: both wrong; doc 5: A right, B wrong (b).
        let test = mcnemar(&y_true, &pred_a, &pred_b).unwrap();
        assert_eq!((test.b, test.c), (3, 1));
        assert_p(test, 0.625); // 2 · (C(4,0) + C(4,1)) / 2^4
    }

    #[test]
    fn rejects_bad_lengths_and_empty_input() {
        let empty: [&str; 0] = [];
        assert_eq!(mcnemar(&empty, &empty, &empty), Err(EvalError::Empty));
        assert_eq!(
            mcnemar(&["a", "b"], &["a", "b"], &["a"]),
            Err(EvalError::LengthMismatch {
                what: "predictions of model B",
                expected: 2,
                found: 1
            })
        );
    }
}
