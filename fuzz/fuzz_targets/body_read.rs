//! Request bodies as the SDK reads them (`tim_edge::body`) and splits them (`api::batch::split`),
//! on arbitrary text:
//! - `readable` never panics, never changes the length, leaves text without `\u` escapes
//!   untouched (borrowed), and changes bytes only inside `\u` escapes, each changed escape
//!   becoming `\ufffd`; applied twice it changes nothing more;
//! - whatever serde_json accepts from the text (then it has no lone surrogate escape) is left
//!   untouched, and `read` gives the same value;
//! - whatever serde_json accepts as a raw JSON value (which skips over escapes, lone surrogates
//!   included) `readable` turns into text serde_json reads as a `Value`, unless it nests past
//!   serde_json's recursion limit or holds a number out of f64's range (both of which the raw
//!   reader skips without judging); `read` never panics and agrees with that;
//! - `api::batch::split` never panics and keeps its promises (fuzz_targets/common/split.rs), for
//!   an endpoint picked by the text's length and for one with a small limit (10 keywords).
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use serde_json::Value;
use std::borrow::Cow;
use tim_edge::{api, body};

#[path = "common/split.rs"]
mod split;

/// Checks that `out` differs from `text` only in whole `\uXXXX` escapes rewritten as `\ufffd`.
fn only_escapes_changed(text: &str, out: &str) {
    let (t, o) = (text.as_bytes(), out.as_bytes());
    let mut i = 0;
    while i < t.len() {
        if t[i] == o[i] {
            i += 1;
            continue;
        }
        // The first changed byte is a hex digit of an escape that now reads `\ufffd`.
        let start = (i.saturating_sub(5)..i)
            .find(|&s| t[s..].starts_with(b"\\u") && o[s..].starts_with(b"\\ufffd"))
            .unwrap_or_else(|| panic!("byte {i} changed outside a \\u escape"));
        i = start + 6;
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = body::readable(&text);
    assert_eq!(out.len(), text.len(), "readable changed the length");
    if !text.contains("\\u") {
        assert!(matches!(out, Cow::Borrowed(_)));
    }
    only_escapes_changed(&text, &out);
    assert_eq!(body::readable(&out), out, "readable is not idempotent");

    let read = body::read(&text);
    if let Ok(v) = serde_json::from_str::<Value>(&text) {
        assert_eq!(out, text, "readable changed text serde_json accepts");
        assert_eq!(read.as_ref(), Ok(&v));
    }
    if serde_json::from_str::<&RawValue>(&text).is_ok() {
        match serde_json::from_str::<Value>(&out) {
            Ok(v) => assert_eq!(read, Ok(v)),
            Err(e) => {
                let e = e.to_string();
                assert!(
                    e.contains("recursion limit") || e.contains("number out of range"),
                    "{e}"
                );
                assert!(read.is_err());
            }
        }
    } else {
        assert!(read.is_err(), "read accepted what is not JSON");
    }

    let by_length = &api::ENDPOINTS[text.len() % api::ENDPOINTS.len()];
    split::check(by_length, &text);
    let keywords = api::find("im_msg_audit_mgr", "delete_cloud_audit_keywords").unwrap();
    split::check(keywords, &text);
});
