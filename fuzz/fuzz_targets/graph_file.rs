//! `cargo fuzz run graph_file`: see fuzz/README.md and `relaymap_fuzz::check_graph_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    relaymap_fuzz::check_graph_file(input);
});
