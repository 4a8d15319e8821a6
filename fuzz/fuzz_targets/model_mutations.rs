//! Mutations of real models: six small models (three settings, full and compact forms) are built
//! once; the input's first byte picks one (and whether the header is refreshed after the edits),
//! the rest is an edit script (`stance_fuzz::apply_edits`) run on its payload. With a refreshed
//! header (length, CRC-32) the decoder meets every mutation; without, the checks before it do.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let models = stance_fuzz::base_models();
    let Some((choice, script)) = data.split_first() else {
        return;
    };
    let model = &models[usize::from(choice & 0x7f) % models.len()];
    if choice & 0x80 == 0 {
        // Edit the payload, then give it a valid header: the decoder meets the edits.
        let mut payload = model[25..].to_vec();
        stance_fuzz::apply_edits(&mut payload, script);
        stance_fuzz::load_and_use(&stance_fuzz::with_valid_header(1, model[12], &payload));
    } else {
        // Edit the whole file, header included.
        let mut bytes = model.clone();
        stance_fuzz::apply_edits(&mut bytes, script);
        stance_fuzz::load_and_use(&bytes);
    }
});
