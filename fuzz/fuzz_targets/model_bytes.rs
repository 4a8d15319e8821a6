//! `Classifier::from_bytes` on arbitrary bytes: as they are when the first byte is even, else the
//! rest behind a valid header (magic, a format version, form, length, CRC-32) so that the postcard
//! decoder and the checks after it meet them. Never a panic: an error, or a model that works.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance_model::FORMAT_VERSION;
use stance_model_mutations::{load_and_use, with_header};

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((mode, payload)) if mode & 1 == 1 => {
            let form = (mode >> 1) & 3;
            let version = 1 + u32::from(mode >> 3) % FORMAT_VERSION;
            with_header(version, form, payload)
        }
        _ => data.to_vec(),
    };
    if let Err(broken) = load_and_use(&bytes) {
        panic!("{broken}");
    }
});
