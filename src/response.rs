//! The answer envelope: HTTP 200 with `ActionStatus` / `ErrorCode` / `ErrorInfo` in a JSON body.

use crate::error::TimError;
use crate::json::{self, Object, Value};

/// Reads an answer. `Ok` holds the whole object when `ActionStatus` is `OK`.
/// A non-200 status, a non-JSON body or an object without `ActionStatus` is `bad-response`.
pub fn parse(status: u16, body: &str) -> Result<Object, TimError> {
    if status != 200 {
        return Err(TimError::bad_response(
            status,
            format!("HTTP status {status}"),
        ));
    }
    let v =
        json::parse(body).map_err(|_| TimError::bad_response(200, "response body is not JSON"))?;
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
