//! Idempotency keys: the body fields Tencent deduplicates on, filled once per logical call so
//! every resend carries the same keys (rest-reliability-facts.md, B2).
//!
//! - `openim/sendmsg`: sender + MsgSeq + MsgRandom + CRC32(body) within 120 s. MsgRandom is
//!   required; a missing MsgSeq is filled by Tencent with a new random number per request, which
//!   would defeat the dedup, so we fill both.
//! - `openim/importmsg`: MsgSeq + MsgRandom + MsgTimeStamp, no window. MsgTimeStamp is the
//!   historical time and stays the caller's; we fill the other two if missing.
//! - `group_open_http_svc/send_group_msg`: Random within five minutes.
//! - `group_open_http_svc/send_broadcast_msg`: content and Random within five minutes, "the later
//!   message will be discarded as a repeated message" (1047/49440, both languages); Random is
//!   required there, and filled here when the caller left it out.
//! - `official_account_open_http_svc/send_official_account_msg`: identical content within five
//!   minutes; nothing to fill, only the window matters.
//!
//! Fields the caller set are never touched. The caller's bytes are kept: the keys are spliced in
//! after the opening brace instead of re-serialising the body.

use crate::error::TimError;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

struct Rule {
    service: &'static str,
    command: &'static str,
    fields: &'static [&'static str],
    /// Tencent's dedup window, when it has one.
    window_ms: Option<u32>,
}

const RULES: &[Rule] = &[
    Rule {
        service: "openim",
        command: "sendmsg",
        fields: &["MsgRandom", "MsgSeq"],
        window_ms: Some(120_000),
    },
    Rule {
        service: "openim",
        command: "importmsg",
        fields: &["MsgRandom", "MsgSeq"],
        window_ms: None,
    },
    Rule {
        service: "group_open_http_svc",
        command: "send_group_msg",
        fields: &["Random"],
        window_ms: Some(300_000),
    },
    Rule {
        service: "group_open_http_svc",
        command: "send_broadcast_msg",
        fields: &["Random"],
        window_ms: Some(300_000),
    },
    Rule {
        service: "official_account_open_http_svc",
        command: "send_official_account_msg",
        fields: &[],
        window_ms: Some(300_000),
    },
];

/// Resends stop this long before the dedup window closes: the window runs from Tencent's receipt
/// of the first attempt, which we only know to within network delay and clock granularity.
pub const RESEND_MARGIN_MS: u32 = 10_000;

fn rule(service: &str, command: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.service == service && r.command == command)
}

/// Tencent's dedup window for an endpoint, if it documents one.
pub fn dedup_window_ms(service: &str, command: &str) -> Option<u32> {
    rule(service, command).and_then(|r| r.window_ms)
}

/// The longest a call may keep resending inside a window of `window_ms`.
pub(super) fn resend_span_ms(window_ms: u32) -> u32 {
    window_ms.saturating_sub(RESEND_MARGIN_MS).max(1)
}

/// The body fields Tencent deduplicates the endpoint on that the SDK fills when missing (empty
/// for every endpoint without such a rule): the edge only reads a body that has some.
pub fn dedup_fields(service: &str, command: &str) -> &'static [&'static str] {
    rule(service, command).map_or(&[], |r| r.fields)
}

/// `body` (a JSON object, as normalised by `request::normalize_body`) with the endpoint's dedup
/// keys filled where the caller left them out, from `random` (one value per field, in the order
/// MsgRandom, MsgSeq / Random); `None` when nothing needs filling (no rule, or every key set).
/// Call once per logical call and reuse the result for every attempt.
pub fn fill_dedup_keys(
    service: &str,
    command: &str,
    body: &str,
    random: [u32; 2],
) -> Result<Option<String>, TimError> {
    let fields = dedup_fields(service, command);
    if fields.is_empty() {
        return Ok(None);
    }
    // Only the top-level names are needed: the values are skipped, not decoded (serde_json skips
    // a string's escapes unread, so a lone surrogate from JSON.stringify is no obstacle). Read as
    // the same map type as batch splitting (api::batch), so the wasm carries one copy of it.
    let present: BTreeMap<String, &RawValue> = serde_json::from_str(body)
        .map_err(|_| TimError::bad_input("body must be a JSON object").at(service, command))?;
    let mut keys = String::new();
    for (field, r) in fields.iter().zip(random) {
        if !present.contains_key(*field) {
            // 0 could read as "not set" on Tencent's side; any other 32-bit value is as good.
            keys.push('"');
            keys.push_str(field);
            keys.push_str("\":");
            keys.push_str(&r.max(1).to_string());
            keys.push(',');
        }
    }
    if keys.is_empty() {
        return Ok(None);
    }
    let trimmed = body.trim_start();
    let rest = trimmed.strip_prefix('{').unwrap_or(trimmed);
    let mut out = String::with_capacity(1 + keys.len() + rest.len());
    out.push('{');
    if present.is_empty() {
        keys.pop(); // no members follow: drop the trailing comma
        out.push_str(&keys);
        out.push('}');
    } else {
        out.push_str(&keys);
        out.push_str(rest);
    }
    Ok(Some(out))
}
