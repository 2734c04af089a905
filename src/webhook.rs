//! Tencent Chat webhooks ("third-party callbacks"): authenticate the request, know the commands,
//! build the replies. Pure: the clock and the configuration are arguments.
//!
//! Wire facts (spec section 2):
//! - Tencent POSTs JSON to the configured URL with `SdkAppid`, `CallbackCommand`, `contenttype`,
//!   `ClientIP` and `OptPlatform` appended to the query. With authentication enabled in the
//!   console it also appends `Sign` and `RequestTime`.
//! - `Sign = lowercase_hex(SHA-256(token + RequestTime))`. It covers neither the body nor the
//!   command, so the only replay protection is the time window (Tencent says: one minute).
//! - The name is spelled `SdkAppid` in the Chat docs and `SdkAppId` elsewhere: names are matched
//!   case-insensitively.

mod commands;
mod reply;

pub use commands::{command_kind, CommandKind, COMMANDS};
pub use reply::{FriendResult, Reply};

use crate::usersig::InputError;
use sha2::{Digest, Sha256};

/// Tencent's documented window: reject when |now - RequestTime| is more than one minute.
pub const DEFAULT_TOLERANCE_S: u64 = 60;
/// A wider window than an hour would defeat the only replay protection the scheme has.
pub const MAX_TOLERANCE_S: u64 = 3600;
/// Longest token we accept. Tencent documents 1-128 characters for the LiveKit variant and
/// nothing for Chat; this bound only keeps hashing cheap.
const MAX_TOKEN_BYTES: usize = 1024;
/// Command names are short ASCII identifiers such as `C2C.CallbackBeforeSendMsg`.
const MAX_COMMAND_BYTES: usize = 128;

/// The receiving side's configuration.
pub struct Auth<'a> {
    pub sdk_app_id: u32,
    /// `None` when authentication is off in the console: then only `SdkAppid` can be checked.
    pub token: Option<&'a str>,
    /// Unix seconds.
    pub now: u64,
    /// Accepted when `|now - RequestTime| <= tolerance` (both boundaries included).
    pub tolerance: u64,
}

impl Auth<'_> {
    /// Refuses a configuration that can never authenticate anything (or would do so weakly).
    pub fn check(&self) -> Result<(), InputError> {
        if self.sdk_app_id == 0 {
            return Err(InputError(
                "sdkAppId must be an integer from 1 to 4294967295".into(),
            ));
        }
        if let Some(t) = self.token {
            // An empty token would make Sign a hash of the public RequestTime alone.
            if t.is_empty() {
                return Err(InputError(
                    "token must not be empty; omit it when authentication is off".into(),
                ));
            }
            if t.len() > MAX_TOKEN_BYTES {
                return Err(InputError(format!(
                    "token is longer than {MAX_TOKEN_BYTES} bytes"
                )));
            }
        }
        if self.tolerance > MAX_TOLERANCE_S {
            return Err(InputError(format!(
                "toleranceSec must be an integer from 0 to {MAX_TOLERANCE_S}"
            )));
        }
        Ok(())
    }
}

/// What an authenticated callback request says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub command: String,
    pub sdk_app_id: u32,
    /// Absent on some callbacks (`Alert.*`, `Push.*`).
    pub client_ip: Option<String>,
    /// `OptPlatform`: RESTAPI, Web, Android, iOS (IOS in State.StateChange), ...
    pub platform: Option<String>,
    /// Present when Tencent sent one (always, with authentication on).
    pub request_time: Option<u64>,
}

/// Why a request was refused. The names are the JS-facing `reason` strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// `SdkAppid` or `CallbackCommand` (and with a token, `Sign` or `RequestTime`) is absent,
    /// empty, given twice, or not of its form.
    MissingParams,
    SdkAppIdMismatch,
    /// `RequestTime` is outside the window: a late or replayed request.
    Stale,
    BadSignature,
}

impl Rejection {
    pub fn as_str(self) -> &'static str {
        match self {
            Rejection::MissingParams => "missing-params",
            Rejection::SdkAppIdMismatch => "sdkappid-mismatch",
            Rejection::Stale => "stale",
            Rejection::BadSignature => "bad-signature",
        }
    }
}

/// The query string of a URL: after the first `?`, before any `#`. Empty when there is none.
pub fn query_of(url: &str) -> &str {
    let no_fragment = url.split('#').next().unwrap_or("");
    match no_fragment.split_once('?') {
        Some((_, q)) => q,
        None => "",
    }
}

/// Checks a callback request's query (the part after `?`), in this order: required parameters,
/// SdkAppid, then (with a token) the signature, then the time window. The signature is checked
/// before the time so a correctly signed but old request reports `stale` (a replay), and a
/// changed `RequestTime` reports `bad-signature`.
pub fn verify(query: &str, auth: &Auth<'_>) -> Result<Verified, Rejection> {
    let p = Params::parse(query);
    let app = p.sdk_app_id.one().ok_or(Rejection::MissingParams)?;
    let command = p.command.one().ok_or(Rejection::MissingParams)?;
    if !is_command_name(&command) {
        return Err(Rejection::MissingParams);
    }
    let time_text = match (auth.token, p.request_time.one()) {
        (_, Some(t)) => Some(t),
        (Some(_), None) => return Err(Rejection::MissingParams),
        (None, None) => None,
    };
    let request_time = match &time_text {
        Some(t) => Some(parse_decimal(t).ok_or(Rejection::MissingParams)?),
        None => None,
    };
    let sign = match auth.token {
        Some(_) => Some(p.sign.one().ok_or(Rejection::MissingParams)?),
        None => None,
    };
    if parse_decimal(&app) != Some(auth.sdk_app_id as u64) {
        return Err(Rejection::SdkAppIdMismatch);
    }
    if let (Some(token), Some(sign), Some(time_text), Some(t)) =
        (auth.token, sign, time_text, request_time)
    {
        if !sign_matches(token, &time_text, &sign) {
            return Err(Rejection::BadSignature);
        }
        if t.abs_diff(auth.now) > auth.tolerance {
            return Err(Rejection::Stale);
        }
    }
    Ok(Verified {
        command,
        sdk_app_id: auth.sdk_app_id,
        client_ip: p.client_ip.one(),
        platform: p.platform.one(),
        request_time,
    })
}

/// `lowercase_hex(SHA-256(token + request_time))`, the value Tencent puts in `Sign`.
pub fn sign(token: &str, request_time: &str) -> String {
    let digest = Sha256::new()
        .chain_update(token.as_bytes())
        .chain_update(request_time.as_bytes())
        .finalize();
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Constant-time comparison of the expected and received hex (the received one is folded to
/// lower case first: hex digits carry the same value in either case). The length is not secret.
fn sign_matches(token: &str, request_time: &str, received: &str) -> bool {
    let expected = sign(token, request_time);
    let got = received.as_bytes();
    if got.len() != expected.len() {
        return false;
    }
    let diff = expected
        .bytes()
        .zip(got)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b.to_ascii_lowercase()));
    diff == 0
}

/// ASCII digits only (no sign, no spaces), at most 19 of them so the value fits in u64.
fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `Group.CallbackAfterNewMemberJoin`-like: ASCII letters, digits, `.` and `_`. Anything else is
/// not a Tencent command, and refusing it keeps odd names (`__proto__` is caught by the JS side
/// too) away from handler lookup.
fn is_command_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_COMMAND_BYTES
        && s.contains('.')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
}

/// One query parameter: not seen, seen once with a value, or seen more than once.
#[derive(Default)]
enum Slot {
    #[default]
    Absent,
    One(String),
    Repeated,
}

impl Slot {
    fn put(&mut self, v: String) {
        *self = match self {
            Slot::Absent => Slot::One(v),
            _ => Slot::Repeated,
        };
    }
    /// The value when given exactly once and non-empty. A repeated name is ambiguous (two
    /// parsers could disagree on which one counts), so it counts as missing.
    fn one(&self) -> Option<String> {
        match self {
            Slot::One(v) if !v.is_empty() => Some(v.clone()),
            _ => None,
        }
    }
}

#[derive(Default)]
struct Params {
    sdk_app_id: Slot,
    command: Slot,
    client_ip: Slot,
    platform: Slot,
    sign: Slot,
    request_time: Slot,
}

impl Params {
    fn parse(query: &str) -> Params {
        let mut p = Params::default();
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = percent_decode(name);
            let slot = match name.to_ascii_lowercase().as_str() {
                "sdkappid" => &mut p.sdk_app_id,
                "callbackcommand" => &mut p.command,
                "clientip" => &mut p.client_ip,
                "optplatform" => &mut p.platform,
                "sign" => &mut p.sign,
                "requesttime" => &mut p.request_time,
                _ => continue,
            };
            slot.put(percent_decode(value));
        }
        p
    }
}

/// `application/x-www-form-urlencoded` decoding as `URLSearchParams` does it: `+` is a space,
/// `%XX` a byte, a malformed `%` stays as it is, invalid UTF-8 becomes U+FFFD.
fn percent_decode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.as_bytes().iter();
    while let Some(&c) = bytes.next() {
        match c {
            b'+' => out.push(b' '),
            b'%' => {
                let rest = bytes.as_slice();
                match (
                    rest.first().copied().and_then(hex_val),
                    rest.get(1).copied().and_then(hex_val),
                ) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        bytes.nth(1);
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
