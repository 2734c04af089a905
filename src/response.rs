//! The answer envelope: HTTP 200 with `ActionStatus` / `ErrorCode` / `ErrorInfo` in a JSON body.

use crate::error::TimError;
use serde::Deserialize;
use serde_json::{Map, Value};

/// Default cap on an answer's body (client option `maxResponseBytes`). Tencent's largest
/// answers (member and message lists at their page limits) are a few hundred KiB; a body past
/// this is a proxy's page or a hostile server, and reading it would only cost memory.
pub const DEFAULT_MAX_RESPONSE_BYTES: u32 = 4 * 1024 * 1024;
/// The largest `maxResponseBytes` a client accepts (1 GiB).
pub const MAX_RESPONSE_BYTES_LIMIT: u32 = 1 << 30;

/// A `Content-Length` value: decimal digits only (no sign, no list), `None` otherwise, so a
/// malformed header is never trusted in either direction; the read itself is still counted.
pub fn declared_length(header: &str) -> Option<u64> {
    let h = header.trim();
    if h.is_empty() || h.len() > 19 || !h.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    h.parse().ok()
}

/// The `bad-response` error for an answer over `cap` bytes, whether its `Content-Length` said so
/// (`declared`) or the bytes read went past the cap. It carries the HTTP status, so a proxy's
/// oversized 502 page is still retried like any 502.
pub fn too_large(status: u16, cap: u32, declared: Option<u64>) -> TimError {
    let size = match declared {
        Some(n) => format!("declares {n} bytes, more than"),
        None => "is longer than".to_owned(),
    };
    TimError::bad_response(
        status,
        format!("response body {size} the maxResponseBytes cap of {cap} bytes"),
    )
}

/// The envelope fields of an answer, as found (their types are judged by [`judge`]). The wasm
/// edge reads them from the answer `JSON.parse` already made (serde-wasm-bindgen reads just these
/// three properties); natively they come from serde_json, which skips everything else.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Envelope {
    #[serde(rename = "ActionStatus")]
    pub action_status: Option<Value>,
    #[serde(rename = "ErrorCode")]
    pub error_code: Option<Value>,
    #[serde(rename = "ErrorInfo")]
    pub error_info: Option<Value>,
}

/// Decides an HTTP 200 answer from its envelope (docs/RELIABILITY.md, "Success rule"):
/// - `ErrorCode` decides when it is there: 0 is success, whatever `ActionStatus` says (a partial
///   success such as `batchsendmsg` with an `ErrorList` keeps its per-item failures in the
///   body); any other code is an `api` error carrying it and `ErrorInfo`. The openconfigsvr
///   answers (`getnospeaking`, `setnospeaking`, `getappinfo`) have no `ActionStatus` at all.
/// - Without `ErrorCode`, `ActionStatus: "OK"` is success.
/// - Anything else (no envelope, a `FAIL` without a code, a code that is not an integer) is
///   `bad-response`: it is not Tencent's answer (a proxy's or a hijacker's page, a cut body).
pub fn judge(env: &Envelope) -> Result<(), TimError> {
    match &env.error_code {
        Some(code) => match code.as_i64() {
            Some(0) => Ok(()),
            Some(code) => {
                let info = env
                    .error_info
                    .as_ref()
                    .and_then(Value::as_str)
                    .unwrap_or("");
                Err(TimError::api(code, info))
            }
            None => Err(TimError::bad_response(200, "ErrorCode is not an integer")),
        },
        None => match env.action_status.as_ref().and_then(Value::as_str) {
            Some("OK") => Ok(()),
            Some(_) => Err(TimError::bad_response(
                200,
                "ActionStatus is not OK and there is no ErrorCode",
            )),
            None => Err(TimError::bad_response(
                200,
                "response has neither ErrorCode nor ActionStatus",
            )),
        },
    }
}

/// Reads an answer: `Ok` holds the whole object when [`judge`] says success. A non-200 status, a
/// body that is not JSON or not an object is `bad-response`. (The wasm edge parses with the
/// host's `JSON.parse` instead and judges the same [`Envelope`].)
pub fn parse(status: u16, body: &str) -> Result<Map<String, Value>, TimError> {
    if status != 200 {
        return Err(TimError::bad_response(
            status,
            format!("HTTP status {status}"),
        ));
    }
    let v: Value = serde_json::from_str(body).map_err(|_| {
        TimError::bad_response(
            200,
            "response body is not JSON (or nests deeper than 128 levels)",
        )
    })?;
    let Value::Object(o) = v else {
        return Err(TimError::bad_response(
            200,
            "response body is not a JSON object",
        ));
    };
    let field = |k: &str| o.get(k).cloned();
    judge(&Envelope {
        action_status: field("ActionStatus"),
        error_code: field("ErrorCode"),
        error_info: field("ErrorInfo"),
    })?;
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;

    #[test]
    fn content_length_is_read_strictly() {
        for (h, want) in [
            ("0", Some(0)),
            (" 4194305 ", Some(4_194_305)),
            ("18446744073709551615", None), // 20 digits: more than we read
            ("9999999999999999999", Some(9_999_999_999_999_999_999)),
            ("-1", None),
            ("+5", None),
            ("1e9", None),
            ("5, 5", None),
            ("", None),
        ] {
            assert_eq!(declared_length(h), want, "{h:?}");
        }
    }

    #[test]
    fn an_oversized_answer_names_the_cap_and_keeps_the_status() {
        let e = too_large(200, 4096, Some(5000));
        assert_eq!(
            (e.kind, e.http_status, e.retryable),
            (Kind::BadResponse, 200, false)
        );
        assert_eq!(
            e.info,
            "response body declares 5000 bytes, more than the maxResponseBytes cap of 4096 bytes"
        );
        let e = too_large(502, 10, None);
        assert!(e.retryable);
        assert_eq!(
            e.info,
            "response body is longer than the maxResponseBytes cap of 10 bytes"
        );
    }

    #[test]
    fn reads_the_seed_example() {
        let ok = r#"{"ActionStatus":"OK","ErrorCode":0,"GroupIdList":[{"GroupId":"@TGS#1YTTZEAEG"}],"TotalCount":58530}"#;
        let o = parse(200, ok).unwrap();
        assert_eq!(o["TotalCount"], 58530);
    }

    #[test]
    fn error_code_decides_where_action_status_is_missing() {
        // openconfigsvr/getnospeaking's documented answer: no ActionStatus.
        let o = parse(
            200,
            r#"{"ErrorCode":0,"ErrorInfo":"","C2CmsgNospeakingTime":4294967295,"GroupmsgNospeakingTime":7200}"#,
        )
        .unwrap();
        assert_eq!(o["GroupmsgNospeakingTime"], 7200);
        let e = parse(200, r#"{"ErrorCode":70107,"ErrorInfo":"no such account"}"#).unwrap_err();
        assert_eq!((e.kind, e.code), (Kind::Api, 70107));
    }

    #[test]
    fn a_partial_success_resolves_with_its_per_item_failures() {
        let body = r#"{"ActionStatus":"FAIL","ErrorCode":0,"ErrorInfo":"","MsgKey":"k","ErrorList":[{"To_Account":"x","ErrorCode":70107}]}"#;
        let o = parse(200, body).unwrap();
        assert_eq!(o["MsgKey"], "k");
        assert_eq!(o["ErrorList"][0]["ErrorCode"], 70107);
    }

    #[test]
    fn classifies_failures() {
        let e = parse(
            200,
            r#"{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"expired"}"#,
        )
        .unwrap_err();
        assert_eq!(
            (e.kind, e.code, e.info.as_str(), e.retryable),
            (Kind::Api, 70001, "expired", false)
        );
        let e = parse(
            200,
            r#"{"ActionStatus":"FAIL","ErrorCode":60018,"ErrorInfo":"busy"}"#,
        )
        .unwrap_err();
        assert!(e.retryable);
        let e = parse(502, "<html>").unwrap_err();
        assert_eq!(
            (e.kind, e.http_status, e.retryable),
            (Kind::BadResponse, 502, true)
        );
        let e = parse(404, "").unwrap_err();
        assert_eq!((e.kind, e.retryable), (Kind::BadResponse, false));
        for body in [
            "<html>",
            "[1]",
            r#"{"ErrorInfo":"no code, no status"}"#,
            r#"{"ActionStatus":"FAIL"}"#,
            r#"{"ErrorCode":"0"}"#,
            r#"{"ErrorCode":1.5}"#,
            "",
        ] {
            assert_eq!(
                parse(200, body).unwrap_err().kind,
                Kind::BadResponse,
                "{body}"
            );
        }
    }
}
