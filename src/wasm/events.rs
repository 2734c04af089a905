//! What a call reports as it runs: observer events for hooks and logs (issue 16), and the
//! metadata kept for each successful answer (`responseMeta`). Events are built only when the JS
//! layer passed an emitter, so a client without hooks or a logger pays nothing for them.
//!
//! No event carries the key or a UserSig: hosts are origins, and the URL, when present, has its
//! `usersig` value replaced by `<redacted>`.

use super::convert::to_js;
use js_sys::{Function, WeakMap};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One event, serialised as `{ type, service, command, attempt, host, requestId, ... }`.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Event<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub service: &'a str,
    pub command: &'a str,
    /// 1 for the first attempt.
    pub attempt: u32,
    pub host: &'a str,
    /// The attempt's `random` query value.
    pub request_id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<i64>,
    /// The attempt's duration (`response`), or the whole call's (`error`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// `response`: ok, api-error, http-error, bad-body, timeout, aborted, network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<&'static str>,
    /// `retry`: why and how (retry, failover, refresh-usersig); `error`: why the call stopped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_host: Option<&'a str>,
    /// `error`: the TimError's kind.
    #[serde(rename = "kind", skip_serializing_if = "Option::is_none")]
    pub kind_of_error: Option<&'static str>,
    /// `retry`, `error`: the failure's message, secrets removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Hands `event` to the JS layer's emitter; an emitter that throws changes nothing.
pub fn emit(emitter: &Function, event: &Event<'_>) {
    let _ = emitter.call1(&JsValue::UNDEFINED, &to_js(event));
}

/// `url` with the value of its `usersig` parameter replaced.
pub fn redact_url(url: &str) -> String {
    match url.find("&usersig=") {
        Some(at) => {
            let start = at + "&usersig=".len();
            let end = url[start..].find('&').map_or(url.len(), |n| start + n);
            format!("{}<redacted>{}", &url[..start], &url[end..])
        }
        None => url.to_owned(),
    }
}

/// What `responseMeta(answer)` returns for a successful call.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta<'a> {
    pub service: &'a str,
    pub command: &'a str,
    pub status: u16,
    pub host: &'a str,
    pub request_id: u32,
    pub attempts: u32,
    pub duration_ms: u64,
}

thread_local! {
    static METAS: WeakMap = WeakMap::new();
}

/// Remembers `meta` for `answer` (an object) for as long as the answer lives.
pub fn remember(answer: &JsValue, meta: &Meta<'_>) {
    if let Some(key) = answer.dyn_ref::<js_sys::Object>() {
        METAS.with(|m| {
            m.set(key, &to_js(meta));
        });
    }
}

/// The metadata of a call's answer, or undefined for anything else.
#[wasm_bindgen(js_name = responseMeta)]
pub fn response_meta(answer: JsValue) -> JsValue {
    match answer.dyn_ref::<js_sys::Object>() {
        Some(key) => METAS.with(|m| m.get(key)),
        None => JsValue::UNDEFINED,
    }
}
