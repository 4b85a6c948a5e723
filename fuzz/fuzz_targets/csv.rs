//! `cargo fuzz run csv`: see fuzz/README.md and `relaymap_fuzz::check_csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    relaymap_fuzz::check_csv(input);
});
