//! `WasmClient`: signs with the pure [`crate::client::Client`], sends through `fetch`, parses with
//! [`crate::response`]. Each call runs as one future; the pure core decides everything that can
//! be decided without I/O.

use super::args;
use super::error::js;
use super::js::{self as host, AbortSignal};
use crate::client::{Client, Config, SignedRequest};
use crate::error::{Kind, TimError};
use crate::response;
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

struct Inner {
    core: RefCell<Client>,
    /// A caller-supplied `fetch`; the global one otherwise.
    fetch: Option<Function>,
}

#[wasm_bindgen]
pub struct WasmClient {
    inner: Rc<Inner>,
}

/// Per-call options read from JS.
struct CallOptions {
    signal: Option<AbortSignal>,
    timeout_ms: u32,
}

#[wasm_bindgen]
impl WasmClient {
    /// `opts`: `{ sdkAppId, key, adminId, region, baseUrl (string | string[]), fetch, timeoutMs }`.
    #[wasm_bindgen(constructor)]
    pub fn new(opts: JsValue) -> Result<WasmClient, JsValue> {
        Self::from_options(&opts).map_err(js)
    }

    /// Sends one call. `body` is `JSON.stringify` output or undefined. Resolves with the parsed
    /// answer object; rejects with a TimError-shaped object.
    pub fn call(
        &self,
        service: JsValue,
        command: JsValue,
        body: Option<String>,
        opts: JsValue,
    ) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let service = service.as_string().unwrap_or_default();
            let command = command.as_string().unwrap_or_default();
            // Read the default first: a borrow held across the await below would panic.
            let default_timeout_ms = inner.core.borrow().config.timeout_ms;
            let result = match read_call_options(&opts, default_timeout_ms) {
                Ok(o) => send(&inner, &service, &command, body.as_deref(), &o).await,
                Err(e) => Err(e),
            };
            result.map_err(|e| js(redacted(&inner, e.at(&service, &command))))
        })
    }

    /// A signed request for any HTTP client: `{ url, method: 'POST', headers, body }`.
    #[wasm_bindgen(js_name = buildRequest)]
    pub fn build_request(
        &self,
        service: JsValue,
        command: JsValue,
        body: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let service = service.as_string().unwrap_or_default();
        let command = command.as_string().unwrap_or_default();
        let req = self
            .build(&service, &command, body.as_deref())
            .map_err(|e| js(e.at(&service, &command)))?;
        let o = Object::new();
        let _ = Reflect::set(&o, &"url".into(), &req.url.into());
        let _ = Reflect::set(&o, &"method".into(), &"POST".into());
        let _ = Reflect::set(&o, &"headers".into(), &json_headers());
        let _ = Reflect::set(&o, &"body".into(), &req.body.into());
        Ok(o.into())
    }
}

impl WasmClient {
    fn from_options(opts: &JsValue) -> Result<WasmClient, TimError> {
        args::object(opts, "TimClient options")?;
        let sdk_app_id = args::sdk_app_id(&args::field(opts, "sdkAppId"))?;
        let key = args::string(&args::field(opts, "key"), "key")?;
        let admin_id = args::opt_string(&args::field(opts, "adminId"), "adminId")?;
        let region = args::opt_string(&args::field(opts, "region"), "region")?;
        let base = args::field(opts, "baseUrl");
        let base_urls: Option<Vec<String>> = if base.is_undefined() || base.is_null() {
            None
        } else if let Some(s) = base.as_string() {
            Some(vec![s])
        } else if Array::is_array(&base) {
            let list: Result<Vec<String>, TimError> = Array::from(&base)
                .iter()
                .map(|v| {
                    v.as_string().ok_or_else(|| {
                        TimError::bad_input("baseUrl must be a string or an array of strings")
                    })
                })
                .collect();
            Some(list?)
        } else {
            return Err(TimError::bad_input(
                "baseUrl must be a string or an array of strings",
            ));
        };
        let timeout_ms = args::opt_int(&args::field(opts, "timeoutMs"), "timeoutMs", 1, 600_000)?
            .map(|t| t as u32);
        let fetch = args::field(opts, "fetch");
        let fetch = if fetch.is_undefined() || fetch.is_null() {
            None
        } else {
            Some(
                fetch
                    .dyn_into::<Function>()
                    .map_err(|_| TimError::bad_input("fetch must be a function"))?,
            )
        };
        let config = Config::new(
            sdk_app_id,
            &key,
            admin_id.as_deref(),
            region.as_deref(),
            base_urls.as_deref(),
            timeout_ms,
        )?;
        Ok(WasmClient {
            inner: Rc::new(Inner {
                core: RefCell::new(Client::new(config)),
                fetch,
            }),
        })
    }

    fn build(
        &self,
        service: &str,
        command: &str,
        body: Option<&str>,
    ) -> Result<SignedRequest, TimError> {
        self.inner.core.borrow_mut().build(
            0,
            service,
            command,
            body,
            host::now_s(),
            host::random_u32(),
        )
    }
}

fn read_call_options(opts: &JsValue, default_timeout_ms: u32) -> Result<CallOptions, TimError> {
    let signal = args::field(opts, "signal");
    let signal = if signal.is_undefined() || signal.is_null() {
        None
    } else if signal.is_object() && Reflect::has(&signal, &"aborted".into()).unwrap_or(false) {
        Some(signal.unchecked_into::<AbortSignal>())
    } else {
        return Err(TimError::bad_input("signal must be an AbortSignal"));
    };
    let timeout_ms = args::opt_int(&args::field(opts, "timeoutMs"), "timeoutMs", 1, 600_000)?
        .map_or(default_timeout_ms, |t| t as u32);
    Ok(CallOptions { signal, timeout_ms })
}

fn json_headers() -> JsValue {
    let h = Object::new();
    let _ = Reflect::set(&h, &"content-type".into(), &"application/json".into());
    h.into()
}

/// One attempt: build, fetch, read, parse.
async fn send(
    inner: &Inner,
    service: &str,
    command: &str,
    body: Option<&str>,
    o: &CallOptions,
) -> Result<JsValue, TimError> {
    if o.signal.as_ref().is_some_and(|s| s.aborted()) {
        return Err(TimError::new(
            Kind::Aborted,
            "the call was aborted before it was sent",
        ));
    }
    let req = inner.core.borrow_mut().build(
        0,
        service,
        command,
        body,
        host::now_s(),
        host::random_u32(),
    )?;
    attempt(inner, &req, o)
        .await
        .map_err(|e| TimError { attempts: 1, ..e })
}

/// Sends `req` once and returns the parsed answer.
async fn attempt(inner: &Inner, req: &SignedRequest, o: &CallOptions) -> Result<JsValue, TimError> {
    let timeout = AbortSignal::timeout(o.timeout_ms as f64);
    let signal = match &o.signal {
        Some(user) => AbortSignal::any(&Array::of2(user, &timeout)),
        None => timeout.clone().unchecked_into(),
    };
    let init = Object::new();
    let _ = Reflect::set(&init, &"method".into(), &"POST".into());
    let _ = Reflect::set(&init, &"headers".into(), &json_headers());
    let _ = Reflect::set(&init, &"body".into(), &JsValue::from_str(&req.body));
    let _ = Reflect::set(&init, &"signal".into(), &signal);
    // Never follow a redirect: the URL carries the admin UserSig.
    let _ = Reflect::set(&init, &"redirect".into(), &"manual".into());
    let failed = |stage: &str| -> TimError {
        if o.signal.as_ref().is_some_and(|s| s.aborted()) {
            TimError {
                outcome_known: false,
                ..TimError::new(Kind::Aborted, format!("the call was aborted {stage}"))
            }
        } else if timeout.aborted() {
            TimError {
                outcome_known: false,
                ..TimError::new(
                    Kind::Timeout,
                    format!("no answer within {} ms ({stage})", o.timeout_ms),
                )
            }
        } else {
            TimError {
                outcome_known: false,
                ..TimError::new(Kind::Network, format!("the request failed {stage}"))
            }
        }
    };
    let promise = match &inner.fetch {
        Some(f) => f
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(&req.url), &init)
            .map_err(|_| failed("while sending"))?
            .dyn_into::<Promise>()
            .map_err(|_| TimError::bad_input("the fetch option must return a Promise"))?,
        None => host::global_fetch(&req.url, &init).map_err(|_| failed("while sending"))?,
    };
    let resp = JsFuture::from(promise)
        .await
        .map_err(|_| failed("while sending"))?;
    let status = Reflect::get(&resp, &"status".into())
        .ok()
        .and_then(|s| s.as_f64())
        .unwrap_or(0.0) as u16;
    let text_fn = Reflect::get(&resp, &"text".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| {
            TimError::bad_response(status, "fetch returned something that is not a Response")
        })?;
    let text_promise = text_fn
        .call0(&resp)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .ok_or_else(|| TimError::bad_response(status, "the response body could not be read"))?;
    let text = JsFuture::from(text_promise)
        .await
        .map_err(|_| failed("while reading the answer"))?;
    let text = text.as_string().unwrap_or_default();
    response::parse(status, &text)?;
    js_sys::JSON::parse(&text)
        .map_err(|_| TimError::bad_response(status, "response body is not JSON"))
}

/// Removes secrets from whatever text an error carries (Tencent's ErrorInfo included).
fn redacted(inner: &Inner, mut e: TimError) -> TimError {
    e.info = inner.core.borrow().redact(&e.info);
    e
}
