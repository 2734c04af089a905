//! What a call reports as it runs: observer events for hooks and logs (issue 16), and the
//! metadata kept for each successful answer (`responseMeta`). Events are built only when the JS
//! layer passed an emitter, so a client without hooks or a logger pays nothing for them.
//!
//! No event carries the key or a UserSig: hosts are origins, and the URL, when present, has its
//! `usersig` value replaced by `<redacted>`.

use super::convert::to_js;
use js_sys::Function;
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

/// What a successful call's answer came with, kept for `responseMeta(answer)`. Stored as one
/// small array of the values as they are (the caller's own strings, the client's origin string),
/// and turned into the documented object only when someone asks: most answers are never asked
/// about, so the common path pays one array per call.
pub struct Meta<'a> {
    pub service: &'a JsValue,
    pub command: &'a JsValue,
    pub status: u16,
    pub host: &'a JsValue,
    pub request_id: u32,
    pub attempts: u32,
    pub duration_ms: u64,
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = of)]
    fn array_of7(
        a: &JsValue,
        b: &JsValue,
        c: &JsValue,
        d: &JsValue,
        e: &JsValue,
        f: &JsValue,
        g: &JsValue,
    ) -> js_sys::Array;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = defineProperty)]
    fn define_property(target: &JsValue, key: &JsValue, descriptor: &JsValue);
    #[wasm_bindgen(js_namespace = Symbol, js_name = "for")]
    fn symbol_for(key: &str) -> JsValue;
    type Descriptor;
    #[wasm_bindgen(method, setter = value)]
    fn set_value(this: &Descriptor, value: &JsValue);
}

thread_local! {
    /// The key the row is kept under on the answer itself: a non-enumerable symbol property, so
    /// the answer's keys, JSON and spread copies are what Tencent sent. (A WeakMap cost three
    /// times as much per call, and its entries make every garbage collection work harder.)
    static META_KEY: JsValue = symbol_for("tim-edge.responseMeta");
    /// `{ value }`, reused: defineProperty copies what it needs.
    static DESCRIPTOR: JsValue = js_sys::Object::new().into();
}

/// Remembers `meta` on `answer` (an object).
pub fn remember(answer: &JsValue, meta: &Meta<'_>) {
    let row = array_of7(
        meta.service,
        meta.command,
        &JsValue::from(meta.status),
        meta.host,
        &JsValue::from(meta.request_id),
        &JsValue::from(meta.attempts),
        &JsValue::from(meta.duration_ms as f64),
    );
    DESCRIPTOR.with(|d| {
        d.unchecked_ref::<Descriptor>().set_value(&row);
        META_KEY.with(|k| define_property(answer, k, d));
    });
}

/// The documented form of a remembered row.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MetaJs {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    service: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    command: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    status: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    host: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    request_id: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    attempts: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    duration_ms: JsValue,
}

/// The metadata of a call's answer: `{ service, command, status, host, requestId, attempts,
/// durationMs }`, or undefined for anything else.
#[wasm_bindgen(js_name = responseMeta)]
pub fn response_meta(answer: JsValue) -> JsValue {
    if !answer.is_object() {
        return JsValue::UNDEFINED;
    }
    let row = META_KEY.with(|k| js_sys::Reflect::get(&answer, k).unwrap_or(JsValue::UNDEFINED));
    let Some(row) = row.dyn_ref::<js_sys::Array>() else {
        return JsValue::UNDEFINED;
    };
    to_js(&MetaJs {
        service: row.get(0),
        command: row.get(1),
        status: row.get(2),
        host: row.get(3),
        request_id: row.get(4),
        attempts: row.get(5),
        duration_ms: row.get(6),
    })
}

/// The wasm module's linear memory in bytes: what the SDK holds in the isolate beyond the JS heap
/// (answers are read and parsed in JS, so this stays small; a test holds it under 3x the default
/// answer cap after 1,000 answers up to that cap).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    core::arch::wasm32::memory_size(0) as f64 * 65536.0
}
