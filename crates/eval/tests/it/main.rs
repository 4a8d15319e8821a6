//! Integration tests of stance-eval through its public API, in one binary.

mod cross_validation;
mod errors;
mod folds;
mod html;
mod properties;
mod reference;
mod render;

/// Asserts that two floats agree to 1e-12 (absolute), naming the quantity.
#[track_caller]
fn assert_close(name: &str, actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-12,
        "{name}: got {actual}, expected {expected}"
    );
}
