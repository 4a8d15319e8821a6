//! The csv reader on arbitrary bytes (the first byte picks the reading options).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance_documents::InputFormat;

fuzz_target!(|data: &[u8]| stance_fuzz::read_bytes(InputFormat::Csv, data));
