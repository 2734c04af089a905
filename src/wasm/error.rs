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

/// The error as a plain object, with `cause` (or undefined) attached.
pub fn to_js_with_cause(e: &TimError, cause: JsValue) -> JsValue {
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
        request_id: e.request_id,
        host: &e.host,
        duration_ms: e.duration_ms,
        cause,
    })
}

/// For `Result<_, TimError>` -> `Result<_, JsValue>` at the export boundary.
pub fn js(e: TimError) -> JsValue {
    to_js_with_cause(&e, JsValue::UNDEFINED)
}
