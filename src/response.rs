//! The answer envelope: HTTP 200 with `ActionStatus` / `ErrorCode` / `ErrorInfo` in a JSON body.

use crate::error::TimError;
use crate::json::{self, Object, Value};

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

/// Reads an answer. `Ok` holds the whole object when `ActionStatus` is `OK`.
/// A non-200 status, a non-JSON body or an object without `ActionStatus` is `bad-response`.
pub fn parse(status: u16, body: &str) -> Result<Object, TimError> {
    if status != 200 {
        return Err(TimError::bad_response(
            status,
            format!("HTTP status {status}"),
        ));
    }
    let v = json::parse(body).map_err(|_| {
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
    let Some(status) = o.get("ActionStatus").and_then(Value::as_str) else {
        return Err(TimError::bad_response(200, "response has no ActionStatus"));
    };
    if status == "OK" {
        return Ok(o);
    }
    let code = o.get("ErrorCode").and_then(Value::as_i64).unwrap_or(0);
    let info = o
        .get("ErrorInfo")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    Err(TimError::api(code, info))
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
        assert_eq!(o.get("TotalCount").and_then(Value::as_i64), Some(58530));
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
        for body in ["<html>", "[1]", r#"{"ErrorCode":0}"#, ""] {
            assert_eq!(
                parse(200, body).unwrap_err().kind,
                Kind::BadResponse,
                "{body}"
            );
        }
    }
}
