//! `WasmClient`: signs with the pure [`crate::client::Client`], sends through `fetch`, judges the
//! answer with [`crate::response`]. Each call runs as one future; the pure core decides everything
//! that can be decided without I/O.

use super::call::{self, Failed};
use super::convert::{self, field};
use super::error::{js, to_js_traced};
use super::host;
use crate::client::{Client, Config};
use crate::error::TimError;
use crate::response::{DEFAULT_MAX_RESPONSE_BYTES, MAX_RESPONSE_BYTES_LIMIT};
use crate::retry::{HostHealth, Policy};
use js_sys::{Function, Promise};
use serde::Deserialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
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
    /// Each host's origin (`https://host`), for events, metadata and errors.
    origins: Vec<String>,
}

impl Inner {
    pub(super) fn origin(&self, host: usize) -> &str {
        self.origins
            .get(host % self.origins.len().max(1))
            .map_or("", String::as_str)
    }
}

/// The client options, each read as it is and checked by name.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Options {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    sdk_app_id: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    key: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    admin_id: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    region: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    base_url: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    fetch: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    timeout_ms: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    max_retries: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    deadline_ms: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    max_response_bytes: JsValue,
}

#[wasm_bindgen]
pub struct WasmClient {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl WasmClient {
    /// `opts`: `{ sdkAppId, key, adminId, region, baseUrl (string | string[]), fetch, timeoutMs,
    /// maxRetries, deadlineMs, maxResponseBytes }`.
    #[wasm_bindgen(constructor)]
    pub fn new(opts: JsValue) -> Result<WasmClient, JsValue> {
        Self::from_options(opts).map_err(js)
    }

    /// Sends one call. `body` is `JSON.stringify` output or undefined; `emitter`, when a
    /// function, receives the call's events. Resolves with the parsed answer object; rejects
    /// with a TimError-shaped object.
    pub fn call(
        &self,
        service: JsValue,
        command: JsValue,
        body: Option<String>,
        opts: JsValue,
        emitter: JsValue,
    ) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let service = service.as_string().unwrap_or_default();
            let command = command.as_string().unwrap_or_default();
            let result = match call::read_options(opts, emitter, inner.policy) {
                Ok(o) => call::send(&inner, &service, &command, body.as_deref(), &o).await,
                Err(e) => Err(Failed::from(e)),
            };
            result.map_err(
                |Failed {
                     error,
                     trace,
                     cause,
                 }| {
                    let mut e = error.at(&service, &command);
                    // Removes secrets from whatever text an error carries (Tencent's ErrorInfo too).
                    e.info = inner.core.borrow().redact(&e.info);
                    to_js_traced(&e, &trace, cause)
                },
            )
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
    fn from_options(opts: JsValue) -> Result<WasmClient, TimError> {
        if opts.is_undefined() || opts.is_null() {
            return Err(TimError::bad_input("TimClient takes an options object"));
        }
        let o: Options = convert::options(opts, "TimClient options")?;
        let sdk_app_id = field::sdk_app_id(&o.sdk_app_id)?;
        let key = field::string(&o.key, "key")?;
        let admin_id = field::opt_string(&o.admin_id, "adminId")?;
        let region = field::opt_string(&o.region, "region")?;
        let base_urls = base_urls(&o.base_url)?;
        let timeout_ms = field::opt_int(&o.timeout_ms, "timeoutMs", 1, 600_000)?.map(|t| t as u32);
        let max_response_bytes = field::opt_int(
            &o.max_response_bytes,
            "maxResponseBytes",
            1,
            MAX_RESPONSE_BYTES_LIMIT.into(),
        )?
        .map_or(DEFAULT_MAX_RESPONSE_BYTES, |n| n as u32);
        let fetch = field::opt_function(&o.fetch, "fetch")?;
        let config = Config::new(
            sdk_app_id,
            &key,
            admin_id.as_deref(),
            region.as_deref(),
            base_urls.as_deref(),
            timeout_ms,
        )?;
        let policy = call::read_policy(
            &o.max_retries,
            &o.timeout_ms,
            &o.deadline_ms,
            Policy {
                timeout_ms: config.timeout_ms,
                ..Policy::default()
            },
        )?;
        let health = RefCell::new(HostHealth::new(config.hosts.len()));
        let origins = config.hosts.iter().map(|h| h.origin.clone()).collect();
        Ok(WasmClient {
            inner: Rc::new(Inner {
                core: RefCell::new(Client::new(config)),
                fetch,
                policy,
                health,
                max_response_bytes,
                origins,
            }),
        })
    }
}

/// `baseUrl`: a string or an array of strings.
fn base_urls(v: &JsValue) -> Result<Option<Vec<String>>, TimError> {
    let refused = || TimError::bad_input("baseUrl must be a string or an array of strings");
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(s) = v.as_string() {
        return Ok(Some(vec![s]));
    }
    serde_wasm_bindgen::from_value::<Vec<String>>(v.clone())
        .ok()
        .filter(|_| js_sys::Array::is_array(v))
        .map(Some)
        .ok_or_else(refused)
}
