//! JS exports for webhooks: verifyWebhook and webhookReply. pkg/src/webhook.js destructures the
//! option objects and passes fields positionally; the handler itself (body reading, timeouts,
//! Responses) is JS because it is all host I/O.

use super::args;
use super::error::js;
use super::js::now_s;
use crate::error::TimError;
use crate::webhook::{self, command_kind, Auth, Reply, DEFAULT_TOLERANCE_S, MAX_TOLERANCE_S};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

const MAX_TIME: u64 = 9_007_199_254_740_991;

fn set(o: &Object, k: &str, v: JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(k), &v);
}

fn opt_str(v: Option<String>) -> JsValue {
    v.map(JsValue::from).unwrap_or(JsValue::NULL)
}

/// `{ok: true, command, kind, sdkAppId, clientIp, platform, requestTime}` or `{ok: false, reason}`.
/// Throws a bad-input TimError for a configuration that can never verify (the token never
/// appears in it).
#[wasm_bindgen(js_name = verifyWebhook)]
pub fn verify_webhook(
    url: JsValue,
    token: JsValue,
    sdk_app_id: JsValue,
    now: JsValue,
    tolerance_sec: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let url = args::string(&url, "url")?;
        let token = args::opt_string(&token, "token")?;
        let sdk_app_id = args::sdk_app_id(&sdk_app_id)?;
        let now = args::opt_int(&now, "now", 0, MAX_TIME)?.unwrap_or_else(now_s);
        let tolerance = args::opt_int(&tolerance_sec, "toleranceSec", 0, MAX_TOLERANCE_S)?
            .unwrap_or(DEFAULT_TOLERANCE_S);
        let auth = Auth {
            sdk_app_id,
            token: token.as_deref(),
            now,
            tolerance,
        };
        auth.check().map_err(TimError::from)?;
        let o = Object::new();
        match webhook::verify(webhook::query_of(&url), &auth) {
            Ok(v) => {
                set(&o, "ok", true.into());
                set(
                    &o,
                    "kind",
                    command_kind(&v.command)
                        .map(|k| JsValue::from(k.as_str()))
                        .unwrap_or(JsValue::NULL),
                );
                set(&o, "command", v.command.into());
                set(&o, "sdkAppId", (v.sdk_app_id as f64).into());
                set(&o, "clientIp", opt_str(v.client_ip));
                set(&o, "platform", opt_str(v.platform));
                set(
                    &o,
                    "requestTime",
                    v.request_time
                        .map(|t| JsValue::from(t as f64))
                        .unwrap_or(JsValue::NULL),
                );
            }
            Err(r) => {
                set(&o, "ok", false.into());
                set(&o, "reason", r.as_str().into());
            }
        }
        Ok(o.into())
    })()
    .map_err(js)
}

/// The exact JSON body for a reply described as JSON text: `{"kind":"reject","code":120001,...}`
/// (see `Reply::from_spec`). JSON text in, JSON text out: one crossing each way.
#[wasm_bindgen(js_name = webhookReply)]
pub fn webhook_reply(spec: JsValue) -> Result<String, JsValue> {
    (|| {
        let text = args::string(&spec, "reply")?;
        let value =
            crate::json::parse(&text).map_err(|_| TimError::bad_input("reply must be JSON"))?;
        Ok(Reply::from_spec(&value).map_err(TimError::from)?.to_json())
    })()
    .map_err(js)
}

/// 'before', 'after', or null for a command not in the table.
#[wasm_bindgen(js_name = webhookCommandKind)]
pub fn webhook_command_kind(command: &str) -> JsValue {
    command_kind(command)
        .map(|k| JsValue::from(k.as_str()))
        .unwrap_or(JsValue::NULL)
}
