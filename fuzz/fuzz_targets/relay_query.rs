//! `cargo fuzz run relay_query`: see fuzz/README.md and `relaymap_fuzz::check_relay_query`.
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    relaymap_fuzz::check_relay_query(input);
});
