//! `cargo fuzz run geojson_area`: see fuzz/README.md and `relaymap_fuzz::check_geojson_area`.
#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    relaymap_fuzz::check_geojson_area(input);
});
