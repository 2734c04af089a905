//! Webhook verification and body reading never panic, and what they accept is consistent:
//! - any URL or query text, with and without a token: a request accepted with a token carried a
//!   RequestTime inside the window and a command name of Tencent's form;
//! - a query signed with the token verifies exactly when its time is inside the window, and with
//!   the Sign changed it never does;
//! - the body (after the first newline) is read as the edge reads it (`body::read`, lone
//!   surrogate escapes as U+FFFD) as an event, and goes through the reply builder as a reply
//!   description: an accepted reply is JSON (serde_json reads it) in Tencent's envelope,
//!   `ActionStatus` "OK" and the reply's own `ErrorCode`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use tim_edge::body;
use tim_edge::webhook::{self, command_kind, Auth, Rejection, Reply};

const TOKEN: &str = "xxxxyyyy";
const NOW: u64 = 1669872112;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (query_text, body) = text.split_once('\n').unwrap_or((&text, ""));
    for token in [Some(TOKEN), None] {
        let auth = Auth {
            sdk_app_id: 888888,
            token,
            now: NOW,
            tolerance: 60,
        };
        for q in [query_text, webhook::query_of(query_text)] {
            if let Ok(v) = webhook::verify(q, &auth) {
                assert_eq!(v.sdk_app_id, 888888);
                assert!(
                    v.command.contains('.') && v.command.len() <= 128,
                    "{}",
                    v.command
                );
                let _ = command_kind(&v.command);
                if token.is_some() {
                    let t = v.request_time.expect("a signed request has a time");
                    assert!(t.abs_diff(NOW) <= 60, "stale request accepted");
                }
            }
        }
    }

    // A correctly signed query built from the input's first bytes.
    if let [a, b, ..] = data {
        let time = NOW - 200 + u64::from(u16::from_le_bytes([*a, *b]) % 400);
        let t = time.to_string();
        let sign = webhook::sign(TOKEN, &t);
        let auth = Auth {
            sdk_app_id: 888888,
            token: Some(TOKEN),
            now: NOW,
            tolerance: 60,
        };
        let q = format!(
            "SdkAppid=888888&CallbackCommand=C2C.CallbackAfterSendMsg&RequestTime={t}&Sign={sign}"
        );
        let got = webhook::verify(&q, &auth);
        if time.abs_diff(NOW) <= 60 {
            assert_eq!(got.map(|v| v.request_time), Ok(Some(time)));
        } else {
            assert_eq!(got, Err(Rejection::Stale));
        }
        let flipped = if sign.starts_with('0') {
            sign.replacen('0', "1", 1)
        } else {
            format!("0{}", &sign[1..])
        };
        let q = format!("SdkAppid=888888&CallbackCommand=C2C.CallbackAfterSendMsg&RequestTime={t}&Sign={flipped}");
        assert_eq!(webhook::verify(&q, &auth), Err(Rejection::BadSignature));
    }

    // The body: an event for the JSON reader, a reply description for the reply builder.
    if let Ok(event) = body::read(body) {
        let _ = event
            .get("CallbackCommand")
            .and_then(Value::as_str)
            .map(command_kind);
        if let Ok(reply) = Reply::from_spec(&event) {
            let out = reply.to_json();
            let v: Value =
                serde_json::from_str(&out).unwrap_or_else(|_| panic!("reply is not JSON: {out}"));
            assert_eq!(v.get("ActionStatus").and_then(Value::as_str), Some("OK"));
            assert_eq!(
                v.get("ErrorCode").and_then(Value::as_i64),
                Some(reply.error_code())
            );
        }
    }
});
