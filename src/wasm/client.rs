//! `WasmClient`: signs with the pure [`crate::client::Client`], sends through `fetch`, parses with
//! [`crate::response`]. Each call runs as one future; the pure core decides everything that can
//! be decided without I/O.

use super::args;
use super::call;
use super::error::js;
use super::js as host;
use crate::client::{Client, Config};
use crate::error::TimError;
use crate::response::{DEFAULT_MAX_RESPONSE_BYTES, MAX_RESPONSE_BYTES_LIMIT};
use crate::retry::{HostHealth, Policy};
use js_sys::{Array, Function, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;

pub(super) struct Inner {
    pub(super) core: RefCell<Client>,
    /// A caller-supplied `fetch`; the global one otherwise.
    pub(super) fetch: Option<Function>,
    /// Retry defaults for every call (client options `maxRetries`, `timeoutMs`, `deadlineMs`).
    pub(super) policy: Policy,
    /// Which hosts failed recently, shared by all calls of this client.
    pub(super) health: RefCell<HostHealth>,
    /// Largest answer body read (client option `maxResponseBytes`).
    pub(super) max_response_bytes: u32,
}

#[wasm_bindgen]
pub struct WasmClient {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl WasmClient {
    /// `opts`: `{ sdkAppId, key, adminId, region, baseUrl (string | string[]), fetch, timeoutMs,
    /// maxResponseBytes }`.
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
            let result = match call::read_options(&opts, inner.policy) {
                Ok(o) => call::send(&inner, &service, &command, body.as_deref(), &o).await,
                Err(e) => Err(e),
            };
            result.map_err(|e| js(redacted(&inner, e.at(&service, &command))))
        })
    }

    /// The signed URL behind `TimClient.buildRequest`. The JS wrapper builds the
    /// `{ url, method, headers, body }` object around it: it already holds the body text, and
    /// one string crossing back is cheaper than setting four properties from here.
    /// `body` is `JSON.stringify` output or undefined; it is checked, not copied back.
    /// Answers the URL string or a TimError-shaped object (not thrown): a single return value
    /// needs no return pointer or multi-value wrapper at the boundary.
    #[wasm_bindgen(js_name = buildUrl)]
    pub fn build_url(&self, service: &str, command: &str, body: Option<String>) -> JsValue {
        let url = self.inner.core.borrow_mut().url(
            0,
            service,
            command,
            body.as_deref(),
            host::now_s(),
            host::random_u32(),
        );
        match url {
            Ok(u) => JsValue::from_str(&u),
            Err(e) => js(e.at(service, command)),
        }
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
            // Indexed reads through Reflect.get, which the crate imports anyway: js-sys's array
            // iterator adds imports with a signature of their own, and V8 in Node 20 compiles a
            // wrapper per distinct import signature at every cold start.
            let len = args::field(&base, "length").as_f64().unwrap_or(0.0) as u32;
            let list: Result<Vec<String>, TimError> = (0..len)
                .map(|i| {
                    Reflect::get(&base, &JsValue::from(i))
                        .ok()
                        .and_then(|v| v.as_string())
                        .ok_or_else(|| {
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
        let max_response_bytes = args::opt_int(
            &args::field(opts, "maxResponseBytes"),
            "maxResponseBytes",
            1,
            MAX_RESPONSE_BYTES_LIMIT.into(),
        )?
        .map_or(DEFAULT_MAX_RESPONSE_BYTES, |n| n as u32);
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
        let policy = call::read_policy(
            opts,
            Policy {
                timeout_ms: config.timeout_ms,
                ..Policy::default()
            },
        )?;
        let health = RefCell::new(HostHealth::new(config.hosts.len()));
        Ok(WasmClient {
            inner: Rc::new(Inner {
                core: RefCell::new(Client::new(config)),
                fetch,
                policy,
                health,
                max_response_bytes,
            }),
        })
    }
}

/// Removes secrets from whatever text an error carries (Tencent's ErrorInfo included).
fn redacted(inner: &Inner, mut e: TimError) -> TimError {
    e.info = inner.core.borrow().redact(&e.info);
    e
}
