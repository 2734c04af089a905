//! `TimError` -> the plain object the JS layer turns into an instance of its `TimError` class.

use crate::error::TimError;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

pub fn to_js(e: &TimError) -> JsValue {
    let o = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
    };
    set("name", "TimError".into());
    set("message", e.message().into());
    set("kind", e.kind.as_str().into());
    set("code", (e.code as f64).into());
    set("info", e.info.as_str().into());
    set("retryable", e.retryable.into());
    set("service", e.service.as_str().into());
    set("command", e.command.as_str().into());
    set("httpStatus", (e.http_status as f64).into());
    set("attempts", (e.attempts as f64).into());
    set("outcomeKnown", e.outcome_known.into());
    o.into()
}

/// For `Result<_, TimError>` -> `Result<_, JsValue>` at the export boundary.
pub fn js(e: TimError) -> JsValue {
    to_js(&e)
}
