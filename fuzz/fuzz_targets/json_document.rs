//! `cargo fuzz run json_document`: see fuzz/README.md and `relaymap_fuzz::check_json_document`.
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    relaymap_fuzz::check_json_document(input);
});
