//! The JSON reader never panics, and whatever it accepts, it writes back as text it reads again
//! to the same text (numbers keep their source text, so nothing drifts).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tim_edge::json;

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = json::parse_bytes(data) {
        let once = v.to_json();
        let again = json::parse(&once)
            .expect("our own output must parse")
            .to_json();
        assert_eq!(once, again);
    }
});
