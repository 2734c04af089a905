//! `TimError` -> the plain object the JS layer turns into an instance of its `TimError` class.

use super::convert::to_js;
use crate::error::TimError;
use serde::Serialize;
use wasm_bindgen::JsValue;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields<'a> {
    name: &'static str,
    message: String,
    kind: &'static str,
    code: i64,
    info: &'a str,
    retryable: bool,
    service: &'a str,
    command: &'a str,
    http_status: u16,
    attempts: u32,
    outcome_known: bool,
    request_id: Option<u32>,
    host: &'a str,
    duration_ms: u64,
    /// The host's error behind a network failure, rebuilt without secrets (`call.rs`).
    #[serde(
        with = "serde_wasm_bindgen::preserve",
        skip_serializing_if = "JsValue::is_undefined"
    )]
    cause: JsValue,
}

/// Where a call's error happened: the request it was about, when one was sent.
#[derive(Default)]
pub struct Trace {
    /// The `random` query value of the last attempt sent, which identifies the request to
    /// Tencent support; `None` when nothing was sent.
    pub request_id: Option<u32>,
    /// The origin the last attempt went to ("" when nothing was sent).
    pub host: String,
    /// Milliseconds from the start of the call to this error.
    pub duration_ms: u64,
}

/// The error as a plain object, with its trace and `cause` (or undefined) attached.
pub fn to_js_traced(e: &TimError, t: &Trace, cause: JsValue) -> JsValue {
    to_js(&Fields {
        name: "TimError",
        message: e.message(),
        kind: e.kind.as_str(),
        code: e.code,
        info: &e.info,
        retryable: e.retryable,
        service: &e.service,
        command: &e.command,
        http_status: e.http_status,
        attempts: e.attempts,
        outcome_known: e.outcome_known,
        request_id: t.request_id,
        host: &t.host,
        duration_ms: t.duration_ms,
        cause,
    })
}

/// For `Result<_, TimError>` -> `Result<_, JsValue>` at the export boundary.
pub fn js(e: TimError) -> JsValue {
    to_js_traced(&e, &Trace::default(), JsValue::UNDEFINED)
}
