//! End-to-end tests of the `stance` binary (crate stance-cli, wired with `[[test]]`): each test
//! runs the binary in its own temporary directory on fixtures it writes itself (invented
//! sentences, no dataset rows). One test binary; one module per theme under `tests/cli/`.

mod cli {
    mod common;

    mod abstain;
    mod analyze;
    mod builtin;
    mod calibration;
    mod cv;
    mod errors;
    mod help;
    mod hostile;
    mod hostile_second;
    mod inputs;
    mod joined;
    mod models;
    mod outputs;
    mod outputs_safe;
    mod round_trip;
    mod settings;
    mod tune;
}
