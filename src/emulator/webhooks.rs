//! The URL of a webhook the emulator sends, signed the way Tencent signs callbacks:
//! `?SdkAppid=&CallbackCommand=&contenttype=json&ClientIP=&OptPlatform=RESTAPI&RequestTime=&Sign=`
//! with `Sign = hex(SHA-256(token + RequestTime))` (spec/usersig-webhooks-errors.md).

use crate::request::push_query_value;
use crate::webhook::sign;

/// `base` is the app's callback URL (it may carry its own query); `token` the callback token,
/// when the app configured one (without a token Tencent sends no `RequestTime`/`Sign`).
pub fn callback_url(
    base: &str,
    sdk_app_id: u32,
    command: &str,
    now_s: u64,
    token: Option<&str>,
) -> String {
    let join = if base.contains('?') { '&' } else { '?' };
    let mut u = format!("{base}{join}SdkAppid={sdk_app_id}&CallbackCommand=");
    push_query_value(&mut u, command);
    u.push_str("&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI");
    if let Some(token) = token {
        let t = now_s.to_string();
        u.push_str(&format!("&RequestTime={t}&Sign={}", sign(token, &t)));
    }
    u
}
