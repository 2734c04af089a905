//! Webhook query checks never panic, with and without a token, for any URL or query text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tim_edge::webhook::{self, Auth};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for token in [Some("xxxxyyyy"), None] {
        let auth = Auth { sdk_app_id: 888888, token, now: 1669872112, tolerance: 60 };
        let _ = webhook::verify(&text, &auth);
        let _ = webhook::verify(webhook::query_of(&text), &auth);
    }
});
