//! `Classifier::from_bytes` on arbitrary bytes: as they are when the first byte is even, else the
//! rest behind a valid header (magic, version, form, length, CRC-32) so that the postcard decoder
//! and the checks after it meet them. Never a panic: an error, or a model that works.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((mode, payload)) if mode & 1 == 1 => {
            let form = (mode >> 1) & 3;
            let bytes = stance_fuzz::with_valid_header(1, form, payload);
            stance_fuzz::load_and_use(&bytes);
        }
        _ => stance_fuzz::load_and_use(data),
    }
});
