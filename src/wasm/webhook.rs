//! JS exports for webhooks: verifyWebhook and webhookReply. pkg/src/webhook.js passes the option
//! fields positionally; the handler itself (body reading, timeouts, Responses) is JS because it
//! is all host I/O.

use super::convert::{field, to_js};
use super::error::js;
use super::host::now_s;
use crate::error::TimError;
use crate::webhook::{self, command_kind, Auth, Reply, DEFAULT_TOLERANCE_S, MAX_TOLERANCE_S};
use serde::Serialize;
use wasm_bindgen::prelude::*;

const MAX_TIME: u64 = 9_007_199_254_740_991;

/// What verifyWebhook answers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Verdict {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    command: Option<String>,
    /// 'before' | 'after' | null for a command not in the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<Option<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sdk_app_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_ip: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    platform: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_time: Option<Option<u64>>,
}

/// The token rule (fail closed): a token is required; only `insecureAllowUnsigned: true` runs
/// without one, and it cannot be combined with a token.
fn token_of(token: &JsValue, insecure: &JsValue) -> Result<Option<String>, TimError> {
    let token = field::opt_string(token, "token")?;
    let insecure = match insecure.as_bool() {
        Some(b) => b,
        None if insecure.is_undefined() || insecure.is_null() => false,
        None => {
            return Err(TimError::bad_input(
                "insecureAllowUnsigned must be a boolean",
            ))
        }
    };
    match (token, insecure) {
        (Some(t), false) if !t.is_empty() => Ok(Some(t)),
        (None, true) => Ok(None),
        (Some(_), true) => Err(TimError::bad_input(
            "give either token or insecureAllowUnsigned: true, not both",
        )),
        (_, false) => Err(TimError::bad_input(
            "token is required: pass the callback token from the Chat console (e.g. env.TIM_CALLBACK_TOKEN); \
             only if authentication is off in the console, set insecureAllowUnsigned: true (anyone who knows \
             the callback URL can then forge callbacks)",
        )),
    }
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
    insecure_allow_unsigned: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let url = field::string(&url, "url")?;
        let token = token_of(&token, &insecure_allow_unsigned)?;
        let sdk_app_id = field::sdk_app_id(&sdk_app_id)?;
        let now = field::opt_int(&now, "now", 0, MAX_TIME)?.unwrap_or_else(now_s);
        let tolerance = field::opt_int(&tolerance_sec, "toleranceSec", 0, MAX_TOLERANCE_S)?
            .unwrap_or(DEFAULT_TOLERANCE_S);
        let auth = Auth {
            sdk_app_id,
            token: token.as_deref(),
            now,
            tolerance,
        };
        auth.check().map_err(TimError::from)?;
        let verdict = match webhook::verify(webhook::query_of(&url), &auth) {
            Ok(v) => Verdict {
                ok: true,
                reason: None,
                kind: Some(command_kind(&v.command).map(|k| k.as_str())),
                command: Some(v.command),
                sdk_app_id: Some(v.sdk_app_id),
                client_ip: Some(v.client_ip),
                platform: Some(v.platform),
                request_time: Some(v.request_time),
            },
            Err(r) => Verdict {
                ok: false,
                reason: Some(r.as_str()),
                command: None,
                kind: None,
                sdk_app_id: None,
                client_ip: None,
                platform: None,
                request_time: None,
            },
        };
        Ok(to_js(&verdict))
    })()
    .map_err(js)
}

/// The exact JSON body for a reply described as JSON text: `{"kind":"reject","code":120001,...}`
/// (see `Reply::from_spec`). Text, because the description holds a caller's `MsgBody`, which
/// `JSON.stringify` refuses cleanly when it is cyclic or holds a BigInt.
#[wasm_bindgen(js_name = webhookReply)]
pub fn webhook_reply(spec: &str) -> Result<String, JsValue> {
    (|| {
        let value =
            crate::body::read(spec).map_err(|_| TimError::bad_input("reply must be JSON"))?;
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
