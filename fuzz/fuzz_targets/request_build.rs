//! Base URL and path-segment checks never panic, and an accepted http:// URL is always loopback.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tim_edge::request::{check_segment, BaseUrl};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(b) = BaseUrl::parse(&text) {
        if let Some(rest) = b.origin.strip_prefix("http://") {
            let host = rest.rsplit_once(':').map_or(rest, |(h, p)| if p.chars().all(|c| c.is_ascii_digit()) { h } else { rest });
            assert!(host == "localhost" || host == "[::1]" || host.starts_with("127."), "{}", b.origin);
        }
    }
    let _ = check_segment("command", &text);
});
