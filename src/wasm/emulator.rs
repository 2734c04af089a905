//! `WasmEmulator`: the emulator core for JS (built only with the `emulator` feature, into its own
//! module, so the production wasm does not carry it). The I/O around it (reading the `Request`,
//! delivering webhooks with the host's fetch, building the `Response`) is pkg/src/emulator.js.

use super::convert::field as args;
use super::error::js;
use crate::emulator::{webhooks::callback_url, Callback, Emulator, Handled};
use crate::error::TimError;
use js_sys::{Array, Object, Reflect};
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct WasmEmulator {
    inner: Emulator,
    /// The app's callback URL and token, when webhooks are on.
    callback_url: Option<String>,
    token: Option<String>,
}

fn set(o: &Object, k: &str, v: JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(k), &v);
}

#[wasm_bindgen]
impl WasmEmulator {
    #[wasm_bindgen(constructor)]
    pub fn new(
        sdk_app_id: JsValue,
        key: JsValue,
        admin_id: JsValue,
    ) -> Result<WasmEmulator, JsValue> {
        (|| {
            let app = args::sdk_app_id(&sdk_app_id)?;
            let key = args::string(&key, "key")?;
            let admin = args::opt_string(&admin_id, "adminId")?;
            let inner = Emulator::new(app, &key, admin.as_deref().unwrap_or("administrator"))?;
            Ok::<_, TimError>(WasmEmulator {
                inner,
                callback_url: None,
                token: None,
            })
        })()
        .map_err(js)
    }

    /// Turns webhooks on (`url` set) or off (`url` null). `token` signs them when present.
    #[wasm_bindgen(js_name = setCallback)]
    pub fn set_callback(&mut self, url: JsValue, token: JsValue) -> Result<(), JsValue> {
        (|| {
            let url = args::opt_string(&url, "callback.url")?;
            let token = args::opt_string(&token, "callback.token")?;
            if let Some(u) = &url {
                if !(u.starts_with("http://") || u.starts_with("https://")) {
                    return Err(TimError::bad_input(
                        "callback.url must be an http:// or https:// URL",
                    ));
                }
            }
            self.inner.set_callbacks(url.is_some());
            self.callback_url = url;
            self.token = token;
            Ok(())
        })()
        .map_err(js)
    }

    /// One step of a request: `{status, body, after: [{url, body}]}` or, when the app must be
    /// asked first, `{before: {url, body}}`; then call again with the app's reply text (or null
    /// when it did not answer usably: the emulator then allows, as the SDK's handler does).
    pub fn handle(
        &mut self,
        method: &str,
        url: &str,
        body: &[u8],
        now_ms: f64,
        before_reply: Option<String>,
    ) -> JsValue {
        let now_s = (now_ms / 1000.0).max(0.0) as u64;
        let before = before_reply.map(|t| serde_json::from_str(&t).unwrap_or(Value::Null));
        let o = Object::new();
        match self.inner.handle(method, url, body, now_s, before.as_ref()) {
            Handled::Reply {
                status,
                body,
                after,
            } => {
                set(&o, "status", (status as f64).into());
                set(&o, "body", body.into());
                let list = Array::new();
                for cb in after {
                    list.push(&self.outgoing(cb, now_s));
                }
                set(&o, "after", list.into());
            }
            Handled::NeedsBefore(cb) => set(&o, "before", self.outgoing(cb, now_s)),
        }
        o.into()
    }

    pub fn snapshot(&self) -> Result<String, JsValue> {
        self.inner.snapshot().map_err(|e| js(TimError::from(e)))
    }

    pub fn restore(&mut self, text: &str) -> Result<(), JsValue> {
        self.inner.restore(text).map_err(|e| js(TimError::from(e)))
    }
}

impl WasmEmulator {
    fn outgoing(&self, cb: Callback, now_s: u64) -> JsValue {
        let o = Object::new();
        let base = self.callback_url.as_deref().unwrap_or("");
        let url = callback_url(
            base,
            self.inner.sdk_app_id(),
            cb.command,
            now_s,
            self.token.as_deref(),
        );
        set(&o, "url", url.into());
        set(&o, "command", cb.command.into());
        set(&o, "body", cb.body.to_string().into());
        o.into()
    }
}
