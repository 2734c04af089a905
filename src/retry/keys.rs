//! Idempotency keys: the body fields Tencent deduplicates on, filled once per logical call so
//! every resend carries the same keys (rest-reliability-facts.md, B2).
//!
//! - `openim/sendmsg`: sender + MsgSeq + MsgRandom + CRC32(body) within 120 s. MsgRandom is
//!   required; a missing MsgSeq is filled by Tencent with a new random number per request, which
//!   would defeat the dedup, so we fill both.
//! - `openim/importmsg`: MsgSeq + MsgRandom + MsgTimeStamp, no window. MsgTimeStamp is the
//!   historical time and stays the caller's; we fill the other two if missing.
//! - `group_open_http_svc/send_group_msg`: Random within five minutes.
//! - `official_account_open_http_svc/send_official_account_msg`: identical content within five
//!   minutes; nothing to fill, only the window matters.
//!
//! Fields the caller set are never touched. The caller's bytes are kept: the keys are spliced in
//! after the opening brace instead of re-serialising the body.

use crate::error::TimError;

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

/// `body` (a JSON object, as normalised by `request::normalize_body`) with the endpoint's dedup
/// keys filled where the caller left them out, from `random` (one value per field, in the order
/// MsgRandom, MsgSeq / Random). Other endpoints' bodies come back unchanged.
/// Call once per logical call and reuse the result for every attempt.
pub fn fill_dedup_keys(
    service: &str,
    command: &str,
    body: &str,
    random: [u32; 2],
) -> Result<String, TimError> {
    let Some(rule) = rule(service, command) else {
        return Ok(body.to_owned());
    };
    let parsed = crate::body::read(body).ok();
    let Some(present) = parsed.as_ref().and_then(|v| v.as_object()) else {
        return Err(TimError::bad_input("body must be a JSON object").at(service, command));
    };
    let mut keys = String::new();
    for (field, r) in rule.fields.iter().zip(random) {
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
        return Ok(body.to_owned());
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
    Ok(out)
}
