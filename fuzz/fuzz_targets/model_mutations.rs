//! Mutations of real models: the base models of `stance_model_mutations` (every file format, full
//! and compact) are built once; the input's first byte picks one (and whether the header is
//! refreshed after the edits), the rest is an edit script (`Edit::script`, four bytes an edit). With
//! a refreshed header (length, CRC-32) the decoder meets every mutation; without, the checks before
//! it do.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance_model_mutations::{base_models, edited_payload, load_and_use, Edit};

fuzz_target!(|data: &[u8]| {
    let models = base_models();
    let Some((choice, script)) = data.split_first() else {
        return;
    };
    let model = &models[usize::from(choice & 0x7f) % models.len()];
    let edits = Edit::script(script);
    let bytes = if choice & 0x80 == 0 {
        // Edit the payload, then give it a valid header: the decoder meets the edits.
        edited_payload(model, &edits)
    } else {
        // Edit the whole file, header included.
        let mut bytes = model.clone();
        edits.iter().for_each(|edit| edit.apply(&mut bytes));
        bytes
    };
    if let Err(broken) = load_and_use(&bytes) {
        panic!("{broken}");
    }
});
