//! The Wilson score interval for a proportion such as accuracy.

/// The 0.975 quantile of the standard normal distribution (two-sided 95%).
const Z_95: f64 = 1.959_963_984_540_054;

/// The 95% Wilson score interval `[low, high]` for `successes` out of `trials`.
///
/// With p = successes / trials, n = trials and z = 1.959963984540054:
/// `(p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)`, clamped to [0, 1].
/// Unlike the normal (Wald) interval it stays inside [0, 1] and does not collapse
/// to a point at p = 0 or p = 1. Zero trials give `[0, 1]` (nothing is known);
/// successes above trials are counted as trials.
pub fn wilson_interval(successes: usize, trials: usize) -> [f64; 2] {
    if trials == 0 {
        return [0.0, 1.0];
    }
    let n = trials as f64;
    let p = successes.min(trials) as f64 / n;
    let z2 = Z_95 * Z_95;
    let denominator = 1.0 + z2 / n;
    let center = (p + z2 / (2.0 * n)) / denominator;
    let half_width = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    // At p = 0 (p = 1) the low (high) bound is exactly 0 (1); rounding would leave
    // a hair of a gap that excludes p itself.
    let low = if successes == 0 {
        0.0
    } else {
        (center - half_width).max(0.0)
    };
    let high = if successes >= trials {
        1.0
    } else {
        (center + half_width).min(1.0)
    };
    [low, high]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_close(actual: [f64; 2], expected: [f64; 2]) {
        for (a, e) in actual.iter().zip(expected) {
            assert!((a - e).abs() < 1e-12, "{actual:?} != {expected:?}");
        }
    }

    #[test]
    fn eight_of_ten_by_hand() {
        // By hand: p = 0.8, n = 10, z² = 3.8414588206941254;
        // denominator = 1 + z²/10 = 1.3841458820694126;
        // center = (0.8 + z²/20) / denominator = 0.99207294103470626 / 1.3841458820694126
        //        = 0.7167401600411333;
        // half = z · sqrt(0.8 · 0.2 / 10 + z²/400) / denominator
        //      = 1.959963984540054 · sqrt(0.02560364705173531) / 1.3841458820694126
        //      = 1.959963984540054 · 0.16001139663078787 / 1.3841458820694126
        //      = 0.22657768850449148;
        // [center - half, center + half] = [0.49016247153664183, 0.9433178485456247].
        // The same as scipy.stats.binomtest(8, 10).proportion_ci(method="wilson")
        // = (0.4901624715366418, 0.9433178485456248).
        assert_close(wilson_interval(8, 10), [0.4901624715366418, 0.9433178485456248]);
    }

    #[test]
    fn matches_scipy_at_the_edges_and_for_large_n() {
        // scipy.stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
        assert_close(wilson_interval(0, 5), [0.0, 0.43448246478317476]);
        assert_close(wilson_interval(5, 5), [0.5655175352168251, 1.0]);
        assert_close(wilson_interval(1, 1), [0.20654931437723745, 1.0]);
        assert_close(wilson_interval(731, 1000), [0.702670228864586, 0.7575618087150874]);
    }

    #[test]
    fn degenerate_counts_stay_in_unit_interval() {
        assert_eq!(wilson_interval(0, 0), [0.0, 1.0]);
        assert_eq!(wilson_interval(7, 3), wilson_interval(3, 3));
    }
}
